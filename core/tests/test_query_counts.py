"""Each page costs the same number of SQL queries whether it lists three records or thirty."""

import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import MembershipFactory, person_with_role
from audit.choices import Event
from audit.models import AuditEntry
from organisation.tests.factories import PeriodFactory, ProcessFactory, TargetGroupFactory, UnitFactory

PAGES = [
    "home",
    "organisation:unit_list",
    "organisation:process_list",
    "organisation:targetgroup_list",
    "organisation:period_list",
    "accounts:person_list",
    "accounts:membership_list",
    "audit:log",
    "organisation:unit_export",
    "accounts:membership_export",
    "audit:export",
    "deviations:list",
    "deviations:mine",
    "deviations:export",
    "deviations:statistics",
    "deviations:themes",
    "complaints:list",
    "complaints:export",
    "complaints:statistics",
    "actions:list",
    "actions:mine",
    "actions:export",
    "risks:list",
    "risks:matrix",
    "controls:list",
    "controls:run_list",
    "controls:quality_plan",
    "controls:review_list",
    "organisation:routine_list",
    "yearwheel",
    "goals:tree",
    "goals:dashboard",
    "goals:round_list",
    "goals:my_reports",
    "indicators:list",
    "indicators:export",
    "reports:home",
    "reports:template_list",
    "reports:outline_list",
]
MAX_QUERIES = 16
_years = itertools.count(3000)  # clear of the real years the goals use


def _add_records(tree, owner, n):
    from actions.tests.factories import ActionFactory
    from complaints.tests.factories import ComplaintFactory
    from deviations.models import RootCause
    from deviations.tests.factories import DeviationFactory, LexSarahFactory

    RootCause.ensure_defaults()
    for _ in range(n):
        unit = UnitFactory(parent=tree.a)
        for factory in (DeviationFactory, LexSarahFactory):
            deviation = factory(unit=unit, reported_by=owner)
            deviation.root_causes.add(RootCause.objects.first())
            deviation.actions.add(ActionFactory(unit=unit, responsible=owner))
        ComplaintFactory(unit=unit)
        _add_planning(unit, owner)
        _add_goals(tree, unit, owner)
        process = ProcessFactory(unit=unit, owner=owner)
        process.target_groups.add(TargetGroupFactory())
        MembershipFactory(unit=unit, role=Role.ENHETSCHEF)
        period = PeriodFactory(year=next(_years))
        period.create_default_points()
        AuditEntry.objects.create(action=Event.READ, source="web", unit=unit, changes={"name": ["a", "b"]})


def _add_planning(unit, owner):
    import datetime as dt

    from controls.models import ControlRun, Review
    from controls.tests.factories import ControlFactory
    from organisation.models import Routine
    from risks.tests.factories import RiskFactory

    risk = RiskFactory(unit=unit, owner=owner)
    control = ControlFactory(unit=unit, risk=risk, responsible=owner, first_due_on=dt.date.today())
    ControlRun.objects.create(control=control, performed_on=dt.date.today(), result="x", verdict="needs_action")
    Review.objects.create(
        kind="internal", title="G", performed_by="Stab", performed_on=dt.date.today(), unit=unit, findings="x"
    )
    routine = Routine.objects.create(process=ProcessFactory(unit=unit), title="Rutin", unit=unit)
    routine.add_version(text="t", adopted_by="VC", adopted_on=dt.date.today())


def _add_goals(tree, unit, owner):
    from goals.models import FollowUpRound, GoalReport
    from goals.tests.factories import GoalFactory
    from indicators.models import Result, Target
    from indicators.tests.factories import IndicatorFactory

    period = PeriodFactory(year=2026)
    if not period.points.exists():
        period.create_default_points()
    point = period.points.get(code="T2")
    round_, _ = FollowUpRound.objects.get_or_create(point=point, unit=tree.root)
    indicator = IndicatorFactory()
    Target.objects.create(indicator=indicator, year=2026, value=50)
    Result.objects.create(indicator=indicator, point=point, unit=tree.root, numerator=4, denominator=10)
    goal = GoalFactory(unit=unit, responsible=owner)
    goal.indicators.add(indicator)
    GoalReport.objects.create(round=round_, goal=goal, unit=unit, assessment="partly", reported_by=owner)


def _count(client, name):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(name))
    assert response.status_code == 200, name
    return len(ctx.captured_queries)


@pytest.fixture(scope="module")
def counted_with_three(module_tree):
    """Every page counted once with three records of each kind, then the records grown to thirty.

    Built once for the module (the world is large); each test counts its page again in the grown world."""
    admin = person_with_role(Role.ADMINISTRATOR, module_tree.root)
    client = Client()
    client.force_login(admin)
    _add_records(module_tree, admin, 3)
    few = {}
    for name in PAGES:
        client.get(reverse(name))  # warm the per-process caches (content types) so both counts are alike
        few[name] = _count(client, name)
    _add_records(module_tree, admin, 27)
    return admin, few


@pytest.mark.parametrize("name", PAGES)
def test_a_page_makes_a_constant_number_of_queries(
    client, shared_tree, counted_with_three, name, django_assert_max_num_queries
):
    admin, few = counted_with_three
    client.force_login(admin)
    client.get(reverse(name))  # warm again: each test starts with an empty cache
    with django_assert_max_num_queries(MAX_QUERIES):
        many = _count(client, name)
    assert many == few[name], f"{name}: {few[name]} queries with 3 records, {many} with 30"
