import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.models import AuditEntry
from risks.models import Risk
from risks.tests.factories import RiskFactory


def test_a_new_risk_gets_its_level_and_a_first_assessment(client, tree, admin):
    client.force_login(admin)
    response = client.post(
        reverse("risks:create"),
        {
            "title": "Utredningar avslutas inte inom lagstadgad tid",
            "area": "Myndighetsutövning för barn och unga",
            "unit": tree.a1.pk,
            "probability": 3,
            "consequence": 3,
        },
    )
    assert response.status_code == 302
    risk = Risk.objects.get()
    assert (risk.level, risk.band) == (9, "high")
    assert risk.assessments.count() == 1


def test_a_reassessment_keeps_the_history_and_is_logged(tree, chief_a):
    risk = RiskFactory(unit=tree.a1, probability=3, consequence=3)
    risk.reassess(probability=2, consequence=3, comment="Åtgärden har gett effekt.", by=chief_a)
    risk.refresh_from_db()
    assert (risk.level, risk.last_assessed_on) == (6, timezone.localdate())
    assert [a.level for a in risk.assessments.all()] == [6, 9]
    entry = AuditEntry.objects.filter(object_id=str(risk.pk), content_type__model="risk").latest("id")
    assert entry.changes["probability"] == [3, 2]


def test_a_value_outside_the_scale_is_refused_naming_the_field(tree, chief_a):
    risk = RiskFactory(unit=tree.a1)
    with pytest.raises(ValidationError) as refused:
        risk.reassess(probability=5, consequence=1, comment="", by=chief_a)
    assert "probability" in refused.value.message_dict
    risk.refresh_from_db()
    assert risk.level == 9


def test_the_matrix_counts_active_risks_per_cell_within_the_scope(client, tree, chief_b):
    RiskFactory(unit=tree.a1, probability=3, consequence=3)
    RiskFactory(unit=tree.a2, probability=3, consequence=3)
    RiskFactory(unit=tree.b1, probability=3, consequence=3)
    RiskFactory(unit=tree.b1, probability=1, consequence=4)
    RiskFactory(unit=tree.b1, probability=4, consequence=4, is_active=False)
    client.force_login(chief_b)
    rows = dict(client.get(reverse("risks:matrix")).context["rows"])
    assert rows[3][2]["count"] == 1  # consequence 3, probability 3: only B's
    assert rows[4][0]["count"] == 1
    assert rows[4][3]["count"] == 0  # the closed one is not counted

    member = person_with_role(Role.NAMNDLEDAMOT, tree.root)
    client.force_login(member)
    page = client.get(reverse("risks:matrix"))
    assert dict(page.context["rows"])[3][2]["count"] == 3
    assert 'href="/risker/?probability' not in page.content.decode()  # aggregates only, no links into records


@time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC), tick=False)
def test_the_list_filters_risks_that_need_review(client, tree, chief_a):
    old = RiskFactory(unit=tree.a1, last_assessed_on=dt.date(2025, 6, 1))
    fresh = RiskFactory(unit=tree.a1, last_assessed_on=dt.date(2026, 10, 1))
    client.force_login(chief_a)
    listed = client.get(reverse("risks:list"), {"needs_review": "true"}).context["object_list"]
    assert list(listed) == [old]
    assert fresh.needs_review is False and old.needs_review is True


def test_the_api_reassesses_and_refuses_to_overwrite_the_level(tree, chief_a):
    risk = RiskFactory(unit=tree.a1)
    api = APIClient()
    api.force_authenticate(chief_a)
    assert api.patch(f"/api/v1/risks/{risk.pk}/", {"probability": 1}, format="json").status_code == 400
    response = api.post(f"/api/v1/risks/{risk.pk}/reassess/", {"probability": 2, "consequence": 3}, format="json")
    assert response.status_code == 200
    assert response.json()["level"] == 6
    assert (
        api.post(f"/api/v1/risks/{risk.pk}/reassess/", {"probability": 9, "consequence": 3}, format="json").status_code
        == 400
    )


@pytest.mark.parametrize("role", list(Role))
def test_risks_follow_the_scope(client, tree, role):
    own, sibling = RiskFactory(unit=tree.a1), RiskFactory(unit=tree.b1)
    user = person_with_role(role, tree.a)
    client.force_login(user)
    readers = set(Role) - {Role.NAMNDLEDAMOT}
    owners = {
        Role.ENHETSCHEF,
        Role.VERKSAMHETSCHEF,
        Role.KVALITETSUTVECKLARE,
        Role.PROCESSAGARE,
        Role.MAS,
        Role.ADMINISTRATOR,
    }
    view = client.get(reverse("risks:detail", args=[own.pk])).status_code
    assert view == (200 if role in readers else 403)
    assert client.get(reverse("risks:detail", args=[sibling.pk])).status_code == (404 if role in readers else 403)
    edit = client.get(reverse("risks:reassess", args=[own.pk])).status_code
    assert edit == (200 if role in owners else 403)
    assert client.get(reverse("risks:reassess", args=[sibling.pk])).status_code == (404 if role in owners else 403)
    if role in readers:
        assert sibling.title not in client.get(reverse("risks:list")).content.decode()
