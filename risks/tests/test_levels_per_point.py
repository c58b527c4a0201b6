import datetime as dt

import time_machine
from django.urls import reverse

from organisation.models import FollowUpPoint
from organisation.tests.factories import PeriodFactory
from risks.models import levels_by_point
from risks.tests.factories import RiskFactory


def tertials_2026():
    period = PeriodFactory(year=2026)
    period.create_default_points()
    return {p.code: p for p in period.points.all()}


def test_a_day_is_reported_at_the_earliest_ending_point_that_covers_it(db):
    points = tertials_2026()
    assert FollowUpPoint.reported_at(dt.date(2026, 3, 10)) == points["T1"]
    assert FollowUpPoint.reported_at(dt.date(2026, 4, 30)) == points["T1"]
    assert FollowUpPoint.reported_at(dt.date(2026, 5, 1)) == points["T2"]
    assert FollowUpPoint.reported_at(dt.date(2026, 10, 1)) == points["VB"]
    assert FollowUpPoint.reported_at(dt.date(2027, 1, 1)) is None


def test_each_assessment_belongs_to_the_point_its_date_is_reported_at(tree, chief_a):
    tertials_2026()
    risk = RiskFactory(unit=tree.a1, probability=3, consequence=3, last_assessed_on=dt.date(2026, 2, 1))
    risk.reassess(probability=3, consequence=4, comment="Fler ärenden", by=chief_a, on=dt.date(2026, 3, 20))
    risk.reassess(probability=2, consequence=3, comment="Rutin införd", by=chief_a, on=dt.date(2026, 6, 15))
    assessments = list(risk.assessments.select_related("point"))
    assert [(a.point.code, a.level) for a in reversed(assessments)] == [("T1", 9), ("T1", 12), ("T2", 6)]
    # Within a point the last assessment counts; the earlier one stays in the history.
    assert [(a.point.code, a.level) for a in levels_by_point(assessments)] == [("T1", 12), ("T2", 6)]


@time_machine.travel("2026-12-10 10:00:00+01:00", tick=False)  # after the personas' memberships begin
def test_the_risk_page_and_api_show_the_level_per_point(client, tree, chief_a):
    tertials_2026()
    risk = RiskFactory(unit=tree.a1, probability=3, consequence=3, last_assessed_on=dt.date(2026, 2, 1))
    client.force_login(chief_a)
    client.post(reverse("risks:reassess", args=[risk.pk]), {"probability": 2, "consequence": 3, "comment": "Bättre"})
    page = client.get(risk.get_absolute_url())
    assert page.status_code == 200, page.status_code
    assert [(a.point.code, a.level) for a in page.context["by_point"]] == [("T1", 9), ("VB", 6)]
    api = client.get(f"/api/v1/risks/{risk.pk}/").json()
    assert [(a["point"], a["level"]) for a in api["assessments"]] == [("VB 2026", 6), ("T1 2026", 9)]
