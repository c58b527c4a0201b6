"""Seed 004's driftredovisning (tertialrapport 2, prognos augusti) for Exempelkommun: the statement by type of
cost and by verksamhet and process, imported through the real importer (its totals are checked)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from organisation.models import FollowUpPoint, Unit

from .choices import Breakdown, Ledger
from .importer import import_statement

COST_TYPES = """niva;namn;budget;prognos;summa
1;Intäkter;-77 174;-82 599;
2;Personalkostnader;637 522;629 622;
2;Lokalkostnader;73 101;73 601;
2;Kapitalkostnader;1 760;1 760;
2;Övriga kostnader;273 227;298 752;
1;Summa KOSTNADER;985 610;1 003 735;ja
0;Summa RESULTAT;908 436;921 136;ja
"""

ACTIVITIES = """niva;namn;budget;prognos;summa
1;LEDNINGS- O STÖDFUNKTIONER;75 452;58 877;
1;BARN o FAMILJ;207 870;221 970;
2;Gemensamt barn o familj;13 569;13 169;
2;Trygga, säkra o stödja barn o ungas levnadsvillkor;140 271;155 471;
2;Säkra o föra fram barnets rätt;3 947;3 747;
2;Möjliggöra utveckling hos barn o unga m funktionsnedsättning;50 083;49 583;
1;FUNKTIONSSTÖD VUXEN;374 733;378 133;
2;Gemensamt vuxna m funktionsnedsättning att leva som andra;19 139;19 539;
2;Möjliggöra för kvinnor o män m funktionsnedsättning att leva som andra;355 594;358 594;
1;HÄLSO- OCH SJUKVÅRD;17 956;18 931;
2;Tillgodose behov av hälso- och sjukvård;17 956;18 931;
1;VUXEN;232 425;243 225;
2;Gemensamt vuxen;13 830;13 530;
2;Möjliggöra ett liv fritt från riskbruk, missbruk o beroende;34 566;43 816;
2;Verka för att vuxna m psykisk funktionsnedsättning kan leva som andra;132 919;132 119;
2;Utreda o bedöma rätt till ekonomiskt bistånd;50 210;52 860;
2;Möjliggöra för kvinnor o män att leva i relationer fria från våld;900;900;
0;Summa;908 436;921 136;ja
"""


def create(today: dt.date) -> None:
    point = FollowUpPoint.objects.filter(code="T2", ends_on__lt=today).order_by("-ends_on").first()
    if point is None:
        return
    planner = get_user_model().objects.get(username="kvalitet")
    for text, breakdown in ((COST_TYPES, Breakdown.COST_TYPE), (ACTIVITIES, Breakdown.ACTIVITY)):
        import_statement(
            text.encode(),
            "driftredovisning.csv",
            point=point,
            unit=Unit.objects.get(code="SF"),
            breakdown=breakdown,
            ledger=Ledger.OPERATING,
            by=planner,
        )
