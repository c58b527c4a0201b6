"""A realistic year of avvikelser for Exempelkommun, with a dozen lex Sarah reports of every outcome."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from accounts.choices import Role
from accounts.models import Membership, User
from actions.choices import ActionStatus, Effect
from actions.models import Action
from organisation.models import Unit

from .choices import Assessment, CareInjury, DeviationKind, DeviationStatus, LexSarahType
from .models import Deviation, DeviationStatusChange, RootCause

TEXTS = {
    "BOU": [
        (
            "Utredningen avslutades inte inom fyra månader eftersom handläggaren var sjukskriven och ärendet inte fördelades om.",
            "Processer och rutiner",
        ),
        (
            "Orosanmälan från skolan registrerades först efter tre dagar då mottagningens brevlåda inte bevakades.",
            "Processer och rutiner",
        ),
        (
            "Beslut om placering skickades till fel adress och vårdnadshavaren fick inte beslutet i tid.",
            "Kommunikation och information",
        ),
        (
            "Journalanteckning saknades efter hembesök, vilket gjorde att kollegan inte kände till överenskommelsen.",
            "Processer och rutiner",
        ),
        (
            "Ungdomen på HVB-hemmet fick inte sin medicin på kvällen eftersom signeringslistan saknades.",
            "Processer och rutiner",
        ),
        (
            "Nattpersonalen på HVB-hemmet kände inte till rutinen vid rymning och kontaktade inte jouren.",
            "Utbildning och kompetens",
        ),
        ("Familjehemmet fick inte information om barnets allergi innan placeringen.", "Kommunikation och information"),
        ("Verksamhetssystemet var nere en hel dag och utredningar kunde inte dokumenteras.", "Teknisk utrustning"),
    ],
    "VUX": [
        (
            "Klienten fick vänta fem veckor på första samtal i öppenvården på grund av hög arbetsbelastning.",
            "Omgivning och organisation",
        ),
        (
            "Utbetalningen av ekonomiskt bistånd blev försenad eftersom beslutet inte attesterades i tid.",
            "Processer och rutiner",
        ),
        (
            "Boendestödjaren kom inte till det planerade besöket och klienten underrättades inte.",
            "Kommunikation och information",
        ),
        (
            "Vuxenutredningen tog längre tid än 60 dagar då samverkan med regionen drog ut på tiden.",
            "Omgivning och organisation",
        ),
        ("Brev med personuppgifter skickades till fel mottagare.", "Processer och rutiner"),
        ("Provsvar från drogtest kom bort och fick tas om.", "Processer och rutiner"),
    ],
    "FS": [
        ("Brukaren på gruppbostaden fick fel dos av läkemedel vid kvällsmedicineringen.", "Processer och rutiner"),
        ("Larmet i lägenheten fungerade inte när brukaren föll på natten.", "Teknisk utrustning"),
        ("Personlig assistent kom inte till passet och ingen ersättare kallades in.", "Omgivning och organisation"),
        ("Brukaren blev utan lunch på daglig verksamhet eftersom matleveransen uteblev.", "Omgivning och organisation"),
        (
            "Genomförandeplanen var inte uppdaterad och ny personal kände inte till brukarens behov.",
            "Utbildning och kompetens",
        ),
        ("Lyften i badrummet gick sönder under förflyttning, brukaren skadades inte.", "Teknisk utrustning"),
    ],
}
LEX_SARAH = [
    (
        "Brukaren lämnades ensam i duschen trots att genomförandeplanen kräver tillsyn hela tiden.",
        Assessment.MISSFORHALLANDE,
        True,
    ),
    ("Ungdomen på HVB-hemmet låstes in på sitt rum under en natt utan lagstöd.", Assessment.MISSFORHALLANDE, True),
    ("Beslutad insats verkställdes inte på tre veckor och brukaren var utan stöd.", Assessment.MISSFORHALLANDE, False),
    ("Personal talade nedlåtande till en brukare inför andra brukare.", Assessment.MISSFORHALLANDE, False),
    ("Ett barnavårdsärende låg ofördelat i sex veckor efter en orosanmälan om våld.", Assessment.RISK, True),
    ("Läkemedelsskåpet stod olåst under en helg i gruppbostaden.", Assessment.RISK, False),
    ("Bemanningen på natten var under lägsta nivå flera nätter i rad.", Assessment.RISK, False),
    ("Brukaren fick inte sin mat anpassad trots känd sväljsvårighet.", Assessment.RISK, False),
    (
        "Anhörig uppgav att brukaren inte fått hjälp med hygien, utredningen visade att insatsen gavs enligt plan.",
        Assessment.NONE,
        False,
    ),
    ("Misstanke om att pengar försvunnit från brukarens plånbok, kunde inte bekräftas.", Assessment.NONE, False),
    ("En klient nekades akut boende en natt trots att platser fanns.", "", None),
    ("Placerat barn fick inte träffa sin förälder enligt umgängesbeslutet.", "", None),
]


def _area(unit: Unit) -> str:
    return unit.code.split("-")[0]


def _record_change(deviation: Deviation, at: dt.datetime) -> None:
    """Backdate the latest status change so handling times in the demo look like a real year."""
    latest = DeviationStatusChange.objects.filter(deviation=deviation).order_by("-id").first()
    DeviationStatusChange.objects.filter(pk=latest.pk).update(changed_at=at)


def create(today: dt.date, count: int = 240, seed: int = 2026) -> None:
    rng = random.Random(seed)
    RootCause.ensure_defaults()
    units = [u for u in Unit.objects.filter(kind="enhet") if _area(u) in TEXTS]
    causes = {c.name: c for c in RootCause.objects.all()}
    staff = {u.pk: list(User.objects.filter(memberships__unit=u).distinct()) for u in units}
    reporter_default = User.objects.filter(memberships__role=Role.MEDARBETARE).first()
    chief = User.objects.filter(memberships__role=Role.ENHETSCHEF).first()
    head_of = {
        m.unit.code: m.user for m in Membership.objects.filter(role=Role.VERKSAMHETSCHEF).select_related("unit", "user")
    }
    now = timezone.now()

    def new(unit, kind, text, days_ago, **extra):
        reported = now - dt.timedelta(days=days_ago, hours=rng.randint(0, 10))
        reporter = rng.choice(staff[unit.pk]) if staff[unit.pk] else reporter_default
        deviation = Deviation(
            unit=unit,
            kind=kind,
            description=text,
            occurred_at=reported - dt.timedelta(hours=rng.randint(1, 30)),
            reported_at=reported,
            reported_by=reporter,
            location=rng.choice(["", "Kontoret", "Hemmet", "Gemensamt utrymme"]),
            **extra,
        )
        deviation.save(notify=False)  # history, not news: nobody is mailed
        return deviation

    def step(deviation, status, by, days, note=""):
        deviation.transition_to(status, by=by, note=note)
        _record_change(deviation, deviation.reported_at + dt.timedelta(days=days))

    for _ in range(count):
        unit = rng.choice(units)
        text, cause = rng.choice(TEXTS[_area(unit)])
        kind = rng.choices(
            [DeviationKind.INTERNAL, DeviationKind.HSL, DeviationKind.PRIVATE_PROVIDER], weights=[80, 12, 8]
        )[0]
        days_ago = rng.randint(0, 364)
        extra = {"private_provider": "Omsorgsbolaget AB"} if kind == DeviationKind.PRIVATE_PROVIDER else {}
        deviation = new(unit, kind, text, days_ago, **extra)
        if days_ago < 3:
            continue  # still waiting for the unit
        deviation.investigation = "Händelsen har gåtts igenom med personalen på arbetsplatsträff."
        deviation.analysis = "Rutinen var inte känd av all personal."
        if kind == DeviationKind.HSL:
            deviation.care_injury = rng.choice([CareInjury.NONE, CareInjury.INJURY])
        deviation.save()
        deviation.root_causes.add(causes[cause])
        step(deviation, DeviationStatus.INVESTIGATING, chief, rng.randint(0, 4))
        if rng.random() < 0.3:
            action = Action.objects.create(
                title=f"Se över rutinen: {text[:60]}",
                unit=unit,
                responsible=chief,
                due_on=(deviation.reported_at + dt.timedelta(days=45)).date(),
            )
            deviation.actions.add(action)
            if days_ago > 60:
                action.follow_up = "Rutinen är uppdaterad och genomgången på APT."
                action.effect = rng.choice([Effect.ACHIEVED, Effect.NOT_YET])
                action.save()
                action.transition_to(ActionStatus.DONE, by=chief)
        if days_ago > 30:
            step(
                deviation,
                DeviationStatus.CLOSED,
                chief,
                rng.randint(10, 50),
                note="" if not deviation.open_actions().exists() else "Åtgärden följs upp separat.",
            )

    for index, (text, assessment, serious) in enumerate(LEX_SARAH):
        unit = units[index % len(units)]
        days_ago = 20 + index * 25
        deviation = new(unit, DeviationKind.LEX_SARAH, text, days_ago, lex_sarah_type=LexSarahType.MISSFORHALLANDE)
        deviation.investigation = "Utredning enligt SOSFS 2011:5: händelseförlopp, konsekvenser och orsaker."
        deviation.consequences = "Brukaren riskerade att skadas."
        deviation.analysis = "Brister i introduktion av ny personal och i rutinen för överlämning."
        deviation.person_view = "Den enskilde har getts möjlighet att lämna synpunkter."
        deviation.staff_informed_on = (deviation.reported_at + dt.timedelta(days=5)).date()
        deviation.save()
        deviation.root_causes.add(causes["Processer och rutiner"], causes["Utbildning och kompetens"])
        step(deviation, DeviationStatus.INVESTIGATING, chief, 1)
        if not assessment:
            continue
        deviation.assessment = assessment
        deviation.is_serious = serious
        deviation.decision = "Verksamhetschefen bedömer händelsen enligt ovan."
        deviation.decided_on = (deviation.reported_at + dt.timedelta(days=7)).date()
        deviation.save()
        step(deviation, DeviationStatus.ASSESSED, head_of[_area(unit)], 7)
        if serious:
            deviation.ivo_reported_on = (deviation.reported_at + dt.timedelta(days=12)).date()
            deviation.ivo_reference = f"3.5.1-{40000 + index}/{deviation.reported_at:%Y}"
            deviation.save()
            step(deviation, DeviationStatus.REPORTED_TO_IVO, head_of[_area(unit)], 12)
        step(deviation, DeviationStatus.CLOSED, head_of[_area(unit)], 30, note="Åtgärder följs upp i egenkontroll.")
