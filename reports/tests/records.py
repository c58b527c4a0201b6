"""A small municipality's records, built in the tests, shaped like the seeds: seed 004's driftredovisning and
personal tables, seed 002's "982 av 1 384" and lex Sarah figures (11 reported, two serious and reported to IVO)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from casedata.compute import recompute
from casedata.importer import import_cases
from casedata.tests.test_import_and_indicators import csv, investigations
from complaints.tests.factories import ComplaintFactory
from controls.tests.factories import ControlFactory
from deviations.tests.factories import DeviationFactory, LexSarahFactory
from finance.demo import ACTIVITIES, COST_TYPES
from finance.importer import import_statement
from goals.choices import Assessment, GoalKind
from goals.models import FollowUpRound, Goal, GoalReport
from indicators.choices import GenderSplit, Measure
from indicators.models import Result, Target
from indicators.tests.factories import IndicatorFactory
from organisation.tests.factories import PeriodFactory
from risks.tests.factories import RiskFactory
from staff.demo import SEED
from staff.importer import import_staff

YEAR = 2026


@dataclass
class Records:
    planner: object
    expected: dict  # the figures computed independently of the report code


def build(tree) -> Records:
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root, username="kvalitet.test")
    period = PeriodFactory(year=YEAR)
    period.create_default_points()
    t2 = period.points.get(code="T2")
    rows, expected_cells = investigations(tree, random.Random(11))
    import_cases(csv(rows), "arenden.csv", by=planner)
    recompute()
    for text, breakdown in ((COST_TYPES, "kostnadsslag"), (ACTIVITIES, "verksamhet")):
        import_statement(
            text.encode(), "d.csv", point=t2, unit=tree.root, breakdown=breakdown, ledger="drift", by=planner
        )
    import_staff(SEED.format(u=tree.root.code, year=YEAR).encode(), "p.csv", by=planner)
    in_t2 = timezone.make_aware(dt.datetime(YEAR, 5, 10, 10, 0))
    serious = [LexSarahFactory(unit=tree.a1, is_serious=True, ivo_reported_on=dt.date(YEAR, 5, 20)) for _ in range(2)]
    others = [LexSarahFactory(unit=tree.b1, is_serious=False) for _ in range(9)]
    internal = [DeviationFactory(unit=tree.a2) for _ in range(12)]
    from deviations.models import Deviation

    Deviation.objects.filter(pk__in=[d.pk for d in serious + others + internal]).update(reported_at=in_t2)
    for unit in (tree.a1, tree.a1, tree.b1):
        ComplaintFactory(unit=unit, received_on=dt.date(YEAR, 3, 2))
    risk = RiskFactory(
        unit=tree.a1,
        title="Utredningstiden överskrids",
        area="Myndighetsutövning för barn och unga",
        probability=4,
        consequence=3,
    )
    ControlFactory(
        unit=tree.a1,
        risk=risk,
        title="Aktgranskning av utredningstider",
        purpose="Se att tiden hålls.",
        plan="Granska tio akter per kvartal.",
    )
    # Seed 002's table: 470 besök at VB the year before, 1 894 at VB, etappmål 760, målvärde 840 in 2030.
    previous = PeriodFactory(year=YEAR - 1)
    previous.create_default_points()
    visits = IndicatorFactory(
        code="SOC_PSYK_BESOK",
        name="Antal besök inom socialpsykiatrins förebyggande öppna insatser",
        measure=Measure.COUNT,
        gender_split=GenderSplit.NONE,
        source="manual",
        target_value=840,
        target_year=2030,
    )
    Result.objects.create(indicator=visits, point=previous.points.get(code="VB"), unit=tree.root, value=470)
    Result.objects.create(indicator=visits, point=period.points.get(code="VB"), unit=tree.root, value=1894)
    Target.objects.create(indicator=visits, year=YEAR, value=760)
    _goal_tree(tree, planner, period)
    return Records(
        planner=planner,
        expected={
            "within_4m": (982, 1384),
            "lex_sarah": (11, 2, 2),
            "deviations_total": 23,
            "complaints_total": 3,
            "cells": expected_cells,
        },
    )


def _goal_tree(tree, planner, period) -> None:
    """Seed 004's bilaga in small: fokusområde → långsiktigt mål → kvalitetsmål → utvecklingsområde with a
    gender-split indicator, and an uppdrag with its status, reported by a verksamhetsområde at T2."""
    responsible = person_with_role(Role.VERKSAMHETSCHEF, tree.a, username="camilla", first_name="Camilla",
                                   last_name="Freedeke")  # fmt: skip
    focus = Goal.objects.create(year=YEAR, kind=GoalKind.FOCUS_AREA, title="Hög kvalitet i välfärden", unit=tree.root)
    support = Goal.objects.create(
        year=YEAR, kind=GoalKind.LONG_TERM, parent=focus, title="Socialtjänstens stöd", unit=tree.root,
        responsible=planner,
    )  # fmt: skip
    knowledge = Goal.objects.create(
        year=YEAR, kind=GoalKind.QUALITY, parent=support, title="Kunskapsbaserad vård och omsorg", unit=tree.a,
        responsible=responsible,
    )  # fmt: skip
    area = Goal.objects.create(
        year=YEAR, kind=GoalKind.DEVELOPMENT_AREA, parent=knowledge, unit=tree.a, responsible=responsible,
        title="Möjliggöra självständighet utifrån förmåga",
        description="Vi ska erbjuda individanpassat stöd som tar tillvara individens förmåga.",
    )  # fmt: skip
    assignment = Goal.objects.create(
        year=YEAR, kind=GoalKind.ASSIGNMENT, parent=focus, title="Avhopparverksamhet", unit=tree.root,
        responsible=planner,
    )  # fmt: skip
    asi = IndicatorFactory(
        code="SOC_ASI", name="SOC - Bedömning av behov med evidensbaserad metod", measure=Measure.PERCENT,
        gender_split=GenderSplit.WOMEN_MEN, source="manual",
        description="Att individens behov bedöms rättssäkert med evidensbaserade bedömningsmetoder.",
    )  # fmt: skip
    area.indicators.add(asi)
    t2 = period.points.get(code="T2")
    for gender, numerator, denominator in (("K", 9, 24), ("M", 22, 73), ("T", 31, 97)):
        Result.objects.create(
            indicator=asi, point=t2, unit=tree.root, gender=gender, numerator=numerator, denominator=denominator,
            comment="ASI-grund är inmatade för 31 av 97 utredningar." if gender == "T" else "",
        )  # fmt: skip
    round_ = FollowUpRound.objects.create(point=t2, unit=tree.root)
    GoalReport.objects.create(
        round=round_, goal=area, unit=tree.a, assessment=Assessment.PARTLY, reported_by=responsible,
        overall="Målvärde delvis uppnått.", cause="97 utredningar öppnade under perioden (24 kvinnor, 73 män).",
        action="Aktivt arbete med att säkerställa inmatning.",
    )  # fmt: skip
    GoalReport.objects.create(
        round=round_, goal=knowledge, unit=tree.a, assessment=Assessment.PARTLY, reported_by=responsible,
        overall="Fortsatt positiv utveckling under tertial två.",
    )  # fmt: skip
    GoalReport.objects.create(
        round=round_, goal=assignment, unit=tree.root, assessment=Assessment.STARTED, reported_by=planner,
        overall="Organisationen för den sociala insatsgruppen tas fram.",
    )  # fmt: skip
