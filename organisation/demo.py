"""Exempelkommun: the demo organisation, shaped like the units and processes of the seed reports."""

from __future__ import annotations

import datetime as dt

from .choices import PeriodScheme, ProcessKind, UnitKind
from .models import Period, Process, TargetGroup, Unit

UNITS: list[tuple[str, str, str, str | None]] = [
    ("SN", "Socialnämnden", UnitKind.NAMND, None),
    ("SF", "Socialförvaltningen", UnitKind.FORVALTNING, "SN"),
    ("BOU", "Barn och unga", UnitKind.VERKSAMHETSOMRADE, "SF"),
    ("BOU-MOT", "Mottagning och utredning barn och unga", UnitKind.ENHET, "BOU"),
    ("BOU-MYN", "Myndighetsenheten barn och unga", UnitKind.ENHET, "BOU"),
    ("BOU-FAM", "Familjebehandling", UnitKind.ENHET, "BOU"),
    ("BOU-FH", "Familjehemsenheten", UnitKind.ENHET, "BOU"),
    ("BOU-HVB", "HVB Solrosen", UnitKind.ENHET, "BOU"),
    ("VUX", "Vuxen", UnitKind.VERKSAMHETSOMRADE, "SF"),
    ("VUX-MYN", "Myndighetsenheten vuxen", UnitKind.ENHET, "VUX"),
    ("VUX-BER", "Beroendeenheten öppenvård", UnitKind.ENHET, "VUX"),
    ("VUX-EKB", "Ekonomiskt bistånd", UnitKind.ENHET, "VUX"),
    ("VUX-BOS", "Boendestöd", UnitKind.ENHET, "VUX"),
    ("FS", "Funktionsstöd", UnitKind.VERKSAMHETSOMRADE, "SF"),
    ("FS-MYN", "LSS-handläggning", UnitKind.ENHET, "FS"),
    ("FS-GRB", "Gruppbostad Linden", UnitKind.ENHET, "FS"),
    ("FS-DV", "Daglig verksamhet", UnitKind.ENHET, "FS"),
    ("FS-PA", "Personlig assistans", UnitKind.ENHET, "FS"),
    ("STAB", "Stab och kvalitet", UnitKind.SEKTION, "SF"),
    ("STAB-KU", "Kvalitets- och utvecklingsenheten", UnitKind.ENHET, "STAB"),
]

TARGET_GROUPS = [
    ("Barn och unga 0–20 år", "Barn och unga och deras familjer."),
    ("Vuxna med missbruk eller beroende", "Vuxna med riskbruk, missbruk eller beroende."),
    ("Personer med funktionsnedsättning", "Personer som omfattas av LSS eller SoL-insatser för funktionsnedsättning."),
    ("Våldsutsatta", "Våldsutsatta vuxna och barn som bevittnat våld."),
    ("Personer i behov av ekonomiskt bistånd", "Hushåll som söker försörjningsstöd."),
]

PROCESSES: list[tuple[str, str, str, str, list[int]]] = [
    ("P1", "Trygga, säkra och stödja barn och ungas levnadsvillkor", ProcessKind.HUVUD, "BOU", [0, 3]),
    ("P2", "Möjliggöra ett liv fritt från riskbruk, missbruk och beroende", ProcessKind.HUVUD, "VUX", [1]),
    ("P3", "Skapa förutsättningar för egen försörjning", ProcessKind.HUVUD, "VUX", [4]),
    ("P4", "Möjliggöra ett självständigt liv för personer med funktionsnedsättning", ProcessKind.HUVUD, "FS", [2]),
    ("P5", "Ge skydd och stöd till våldsutsatta", ProcessKind.HUVUD, "SF", [3]),
    ("S1", "Kompetensförsörjning", ProcessKind.STOD, "SF", []),
    ("S2", "Dokumentation och informationshantering", ProcessKind.STOD, "SF", []),
    ("L1", "Systematiskt kvalitetsarbete", ProcessKind.LEDNING, "STAB", []),
    ("L2", "Styrning och uppföljning av verksamhet och ekonomi", ProcessKind.LEDNING, "SF", []),
]


def create(today: dt.date) -> dict[str, Unit]:
    """Create the units, target groups, processes and follow-up years (this year and the three before)."""
    units: dict[str, Unit] = {}
    for code, name, kind, parent in UNITS:
        units[code] = Unit.objects.create(code=code, name=name, kind=kind, parent=units.get(parent) if parent else None)
    groups = [TargetGroup.objects.create(name=name, description=desc) for name, desc in TARGET_GROUPS]
    for index, (code, name, kind, unit_code, group_indexes) in enumerate(PROCESSES):
        established = dt.date(today.year - 1, 1 + index % 12, 15)
        process = Process.objects.create(
            code=code,
            name=name,
            kind=kind,
            unit=units[unit_code],
            established_on=established,
            established_by="Socialnämnden",
        )
        process.target_groups.set([groups[i] for i in group_indexes])
    for year in range(today.year - 3, today.year + 1):
        period = Period.objects.create(year=year, scheme=PeriodScheme.TERTIAL)
        period.create_default_points()
    return units


def assign_owners(people: dict) -> None:
    """Give the demo processes their processägare (the demo people exist only after the units)."""
    owners = {"L1": "processagare", "S1": "processagare", "P1": "vc.bou", "P2": "vc.vux", "P3": "vc.vux"}
    for code, username in owners.items():
        process = Process.objects.get(code=code)
        process.owner = people[username]
        process.save()
