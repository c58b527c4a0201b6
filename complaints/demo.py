"""A year of synpunkter och klagomål for Exempelkommun."""

from __future__ import annotations

import datetime as dt
import random

from accounts.choices import Role
from accounts.models import User
from organisation.models import Unit

from .choices import Category, Channel, ComplaintKind, ComplaintStatus
from .models import Complaint

TEXTS = [
    (ComplaintKind.COMPLAINT, Category.WAITING, "Jag har väntat i över två månader på beslut om bistånd."),
    (ComplaintKind.COMPLAINT, Category.TREATMENT, "Handläggaren var otrevlig och lyssnade inte på mig."),
    (ComplaintKind.COMPLAINT, Category.DECISION, "Jag är inte nöjd med beslutet och förstår inte motiveringen."),
    (ComplaintKind.COMPLAINT, Category.ACCESSIBILITY, "Det går inte att nå handläggaren på telefon."),
    (ComplaintKind.COMMENT, Category.INFORMATION, "Informationen på webben om ansökan är svår att förstå."),
    (ComplaintKind.COMPLAINT, Category.SERVICE, "Personalen på boendet kommer ofta för sent till passen."),
    (ComplaintKind.PRAISE, Category.TREATMENT, "Stort tack till personalen på gruppbostaden för ett fint bemötande."),
    (ComplaintKind.SUGGESTION, Category.OTHER, "Det vore bra om man kunde boka tid digitalt."),
]


def create(today: dt.date, count: int = 80, seed: int = 2026) -> None:
    rng = random.Random(seed)
    units = list(Unit.objects.filter(kind="enhet"))
    registrar = User.objects.filter(memberships__role=Role.MEDARBETARE).first()
    for _ in range(count):
        kind, category, text = rng.choice(TEXTS)
        received = today - dt.timedelta(days=rng.randint(0, 364))
        public = rng.random() < 0.5
        complaint = Complaint.objects.create(
            kind=kind,
            category=category,
            description=text,
            unit=rng.choice(units),
            received_on=received,
            channel=Channel.WEB_FORM if public else rng.choice([Channel.PHONE, Channel.EMAIL, Channel.LETTER]),
            registered_by=None if public else registrar,
            wants_reply=rng.random() < 0.6,
            contact="namn@exempel.se",
            confidential=rng.random() < 0.05,
        )
        if (today - received).days > 20:
            complaint.analysis = "Synpunkten har gåtts igenom med berörd personal."
            if complaint.wants_reply:
                complaint.reply = "Tack för din synpunkt. Vi har sett över rutinen."
                complaint.replied_on = received + dt.timedelta(days=rng.randint(2, 20))
            complaint.save()
            chief = User.objects.filter(memberships__role=Role.ENHETSCHEF).first()
            complaint.transition_to(ComplaintStatus.CLOSED, by=chief)
