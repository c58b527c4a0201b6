"""Demo people for every role in Exempelkommun."""

from __future__ import annotations

from organisation.models import Unit

from .choices import Role
from .models import Membership, User

DEMO_PASSWORD = "kvalitet-demo-2026"

PEOPLE: list[tuple[str, str, str, str, str, str]] = [
    # username, first name, last name, title, role, unit code
    ("admin", "Alva", "Admin", "Systemförvaltare", Role.ADMINISTRATOR, "SN"),
    ("kvalitet", "Kim", "Kvalitetsson", "Kvalitetsutvecklare", Role.KVALITETSUTVECKLARE, "SF"),
    ("vc.bou", "Vera", "Verksamhetsdotter", "Verksamhetschef barn och unga", Role.VERKSAMHETSCHEF, "BOU"),
    ("vc.vux", "Viktor", "Vuxenberg", "Verksamhetschef vuxen", Role.VERKSAMHETSCHEF, "VUX"),
    ("vc.fs", "Fatima", "Funkis", "Verksamhetschef funktionsstöd", Role.VERKSAMHETSCHEF, "FS"),
    ("ec.myn", "Elin", "Enhetsson", "Enhetschef myndighet barn och unga", Role.ENHETSCHEF, "BOU-MYN"),
    ("ec.hvb", "Erik", "Hemström", "Enhetschef HVB Solrosen", Role.ENHETSCHEF, "BOU-HVB"),
    ("ec.grb", "Ebba", "Lindqvist", "Enhetschef Gruppbostad Linden", Role.ENHETSCHEF, "FS-GRB"),
    ("medarbetare", "Maja", "Medarbetarsson", "Socialsekreterare", Role.MEDARBETARE, "BOU-MYN"),
    ("medarbetare.hvb", "Mohammed", "Haddad", "Behandlingsassistent", Role.MEDARBETARE, "BOU-HVB"),
    ("processagare", "Petra", "Processdotter", "Utvecklingsledare", Role.PROCESSAGARE, "SF"),
    ("ledamot", "Lars", "Ledamotsson", "Ledamot i socialnämnden", Role.NAMNDLEDAMOT, "SN"),
]


def create(units: dict[str, Unit]) -> dict[str, User]:
    people: dict[str, User] = {}
    for username, first, last, title, role, unit_code in PEOPLE:
        user = User(username=username, first_name=first, last_name=last, title=title, email=f"{username}@exempel.se")
        user.set_password(DEMO_PASSWORD)
        user.save()
        Membership.objects.create(user=user, unit=units[unit_code], role=role)
        people[username] = user
    return people
