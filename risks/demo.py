"""The risks of seed 003 (Kvalitetsplan vuxen/IFO) and seed 002, re-created for Exempelkommun."""

from __future__ import annotations

import datetime as dt

from accounts.models import User
from organisation.models import Process, Unit

from .models import Risk

RISKS = [
    # title, area, unit code, process code, probability, consequence
    (
        "Familjer får inte samordnat stöd när barn och vuxna är aktualiserade på olika enheter",
        "För alla processer inom individ- och familjeomsorgen",
        "SF",
        "P1",
        3,
        3,
    ),
    (
        "Aktualiseringar kan inte hanteras inom 14 dagar, så att förhandsbedömning och riskbedömning dröjer",
        "Myndighetsutövning för barn och unga",
        "BOU-MOT",
        "P1",
        3,
        3,
    ),
    (
        "Barnavårdsutredningar avslutas inte inom lagstadgad tid (fyra månader)",
        "Myndighetsutövning för barn och unga",
        "BOU-MYN",
        "P1",
        3,
        3,
    ),
    (
        "Placerade barn får inte den uppföljning de har rätt till",
        "Myndighetsutövning för barn och unga",
        "BOU-FH",
        "P1",
        2,
        4,
    ),
    ("Brukare utsätts för begränsningsåtgärder utan lagstöd", "Boende och stöd", "FS-GRB", "P4", 2, 4),
    (
        "Patienter får inte samordnat stöd på grund av brist på samverkan med regionen",
        "Hälso- och sjukvård",
        "FS",
        "P4",
        2,
        3,
    ),
    ("Vuxenutredningar avslutas inte inom 60 dagar", "Myndighetsutövning för vuxna", "VUX-MYN", "P2", 3, 2),
    ("Klienter med missbruk får vänta för länge på behandling", "Öppenvård", "VUX-BER", "P2", 2, 3),
    ("Felaktiga utbetalningar av ekonomiskt bistånd", "Ekonomiskt bistånd", "VUX-EKB", "P3", 2, 2),
    ("Personalomsättning gör att kompetensen för utredningar brister", "Kompetensförsörjning", "SF", "S1", 3, 3),
    ("Dokumentationen i verksamhetssystemet är inte fullständig", "Dokumentation", "SF", "S2", 3, 2),
    ("Läkemedel hanteras felaktigt i gruppbostäder", "Hälso- och sjukvård", "FS-GRB", "P4", 2, 3),
]


def create(today: dt.date) -> None:
    owner = User.objects.filter(username="kvalitet").first()
    units = {u.code: u for u in Unit.objects.all()}
    processes = {p.code: p for p in Process.objects.all()}
    for index, (title, area, unit, process, probability, consequence) in enumerate(RISKS):
        # Three years of history: first assessed over two years ago, again a year later, and this year.
        risk = Risk.objects.create(
            title=title,
            area=area,
            unit=units[unit],
            process=processes.get(process),
            owner=owner,
            probability=min(probability + 1, 4),
            consequence=min(consequence + 1, 4),
            last_assessed_on=today - dt.timedelta(days=800 + index * 10),
        )
        risk.reassess(
            probability=min(probability + 1, 4),
            consequence=consequence,
            comment="Årlig riskanalys.",
            by=owner,
            on=today - dt.timedelta(days=420 + index * 5),
        )
        if index % 4 != 3:  # every fourth risk is overdue for review in the demo
            risk.reassess(
                probability=probability,
                consequence=consequence,
                comment="Uppföljd i egenkontroll.",
                by=owner,
                on=today - dt.timedelta(days=30 + index * 5),
            )
