"""Goals and indicators: every role × (own, parent, sibling unit) × every API resource, written out from the
access policy: the plan, the indicators and their utfall are read by everyone (they are aggregates the nämnd
publishes); the reports of a round are read within the reader's subtree; changes follow the role's subtree."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from goals.models import FollowUpRound, GoalReport
from goals.tests.factories import GoalFactory
from indicators.models import Result
from indicators.tests.factories import IndicatorFactory
from organisation.tests.factories import PeriodFactory

ROLES = list(Role)
POSITIONS = ["own", "parent", "sibling"]
PLANNERS = {Role.ADMINISTRATOR, Role.KVALITETSUTVECKLARE}
RESULT_EDITORS = PLANNERS | {Role.ENHETSCHEF, Role.VERKSAMHETSCHEF, Role.MAS}


@pytest.fixture
def records(tree):
    period = PeriodFactory(year=2026)
    period.create_default_points()
    point = period.points.get(code="T2")
    made = {}
    for position, unit in (("own", tree.a), ("parent", tree.admin_office), ("sibling", tree.b)):
        goal = GoalFactory(unit=unit)
        round_ = FollowUpRound.objects.create(point=point, unit=unit)
        indicator = IndicatorFactory(unit=unit)
        made[position] = {
            "goals": goal,
            "indicators": indicator,
            "indicator-results": Result.objects.create(indicator=indicator, point=point, unit=unit, value=50),
            "follow-up-rounds": round_,
            "goal-reports": GoalReport.objects.create(round=round_, goal=goal, unit=unit, assessment="partly"),
        }
    return made


def expected_view(kind, position):
    if kind == "goal-reports":
        return 200 if position == "own" else 404
    return 200


def expected_patch(kind, role, position):
    if kind == "goal-reports":
        # Read only in the API (reports are written where the round's rules live): those who may report are
        # told the method is not allowed, everyone else is refused before that.
        return 405 if role in RESULT_EDITORS | {Role.PROCESSAGARE} else 403
    changers = RESULT_EDITORS if kind == "indicator-results" else PLANNERS
    if role not in changers:
        return 403
    return 200 if position == "own" else 403


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_the_goals_and_indicators_api_follows_the_scope(tree, records, role, position):
    api = APIClient()
    api.force_authenticate(person_with_role(role, tree.a))
    for kind, obj in records[position].items():
        base = f"/api/v1/{kind}/"
        assert api.get(f"{base}{obj.pk}/").status_code == expected_view(kind, position), (kind, "retrieve")
        ids = {row["id"] for row in api.get(base, {"limit": 500}).json()["results"]}
        assert (obj.pk in ids) is (expected_view(kind, position) == 200), (kind, "list")
        got = api.patch(f"{base}{obj.pk}/", {}, format="json").status_code
        assert got == expected_patch(kind, role, position), (kind, "patch", got)
