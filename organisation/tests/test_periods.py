import datetime as dt

from django.urls import reverse

from organisation.models import FollowUpPoint, Period
from organisation.tests.factories import PeriodFactory


def test_an_administrator_creates_a_year_with_its_tertials(client, tree, admin):
    client.force_login(admin)
    response = client.post(
        reverse("organisation:period_create"), {"year": 2027, "scheme": "tertial", "create_points": "on"}
    )
    assert response.status_code == 302
    period = Period.objects.get(year=2027)
    assert [(p.code, p.ends_on) for p in period.points.all()] == [
        ("T1", dt.date(2027, 4, 30)),
        ("T2", dt.date(2027, 8, 31)),
        ("VB", dt.date(2027, 12, 31)),
    ]


def test_a_follow_up_point_cannot_end_before_it_starts(client, tree, admin):
    period = PeriodFactory(year=2026)
    client.force_login(admin)
    form = {"code": "X", "name": "Fel", "starts_on": "2026-05-01", "ends_on": "2026-04-01", "order": 1}
    response = client.post(reverse("organisation:point_create", args=[period.pk]), form)
    assert response.status_code == 200
    assert "Slutdatumet får inte vara före startdatumet." in response.content.decode()
    assert not FollowUpPoint.objects.filter(code="X").exists()


def test_an_administrator_below_the_root_cannot_change_the_organisation_wide_years(client, tree):
    from accounts.choices import Role
    from accounts.tests.factories import person_with_role

    period = PeriodFactory(year=2026)
    client.force_login(person_with_role(Role.ADMINISTRATOR, tree.a))
    assert client.get(reverse("organisation:period_detail", args=[period.pk])).status_code == 200
    assert client.get(reverse("organisation:period_update", args=[period.pk])).status_code == 403
    assert client.post(reverse("organisation:period_copy", args=[period.pk])).status_code == 403


def test_copying_a_year_twice_creates_it_once(client, tree, admin):
    period = PeriodFactory(year=2025)
    period.create_default_points()
    client.force_login(admin)
    client.post(reverse("organisation:period_copy", args=[period.pk]))
    client.post(reverse("organisation:period_copy", args=[period.pk]))
    assert Period.objects.filter(year=2026).count() == 1
    assert FollowUpPoint.objects.filter(period__year=2026).count() == 3
