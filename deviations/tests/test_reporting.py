import datetime as dt

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.models import AuditEntry
from core.models import TextTerm
from deviations.models import Deviation

PNR = "19121212-1212"


def report_form(unit, **overrides):
    data = {
        "unit": unit.pk,
        "kind": "internal",
        # Two days before the test's clock (which may be moved): an event in the future is refused.
        "occurred_at": (timezone.localtime() - dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        "location": "Korridoren",
        "description": "Dörren till medicinrummet stod olåst.",
        "immediate_actions": "Låste dörren.",
    }
    return {**data, **overrides}


def test_an_employee_reports_a_deviation_and_the_unit_manager_is_told(
    client, tree, reader_a, django_capture_on_commit_callbacks
):
    chief = person_with_role(Role.ENHETSCHEF, tree.a1, email="chef.a1@exempel.se")
    client.force_login(reader_a)
    page = client.get(reverse("deviations:report"))
    assert page.context["form"].initial["unit"] == tree.a1.pk  # preselected from the reporter's role

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("deviations:report"), report_form(tree.a1))

    assert response.status_code == 302
    deviation = Deviation.objects.get()
    assert (deviation.reported_by, deviation.unit, deviation.status) == (reader_a, tree.a1, "reported")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [chief.email]
    assert deviation.reference in mail.outbox[0].subject
    assert "Dörren" not in mail.outbox[0].body  # the text stays in the app


def test_a_personnummer_in_the_text_is_refused_and_stored_nowhere(client, tree, reader_a):
    client.force_login(reader_a)
    response = client.post(
        reverse("deviations:report"), report_form(tree.a1, description=f"Brukare {PNR} föll i duschen.")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["description"]
    assert "personnummer" in errors["description"][0]
    assert not Deviation.objects.exists()
    # The whole number, with and without century and dash: a bare "1212" also matches ids and times.
    for form in (PNR, "121212-1212", "1212121212"):
        assert not AuditEntry.objects.filter(changes__icontains=form).exists()
    assert not AuditEntry.objects.filter(changes__icontains="föll i duschen").exists()
    assert not TextTerm.objects.exists()


def test_the_reporter_follows_their_own_report_but_sees_no_one_elses(client, tree, reader_a):
    other = person_with_role(Role.MEDARBETARE, tree.a1)
    client.force_login(reader_a)
    client.post(reverse("deviations:report"), report_form(tree.a1))
    client.force_login(other)
    client.post(reverse("deviations:report"), report_form(tree.a1, description="Annan händelse."))
    mine = Deviation.objects.get(reported_by=reader_a)
    theirs = Deviation.objects.get(reported_by=other)

    client.force_login(reader_a)
    assert client.get(reverse("deviations:detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("deviations:detail", args=[theirs.pk])).status_code == 404
    listed = client.get(reverse("deviations:mine")).context["object_list"]
    assert list(listed) == [mine]


def test_a_lex_sarah_report_must_say_what_it_concerns(client, tree, reader_a):
    client.force_login(reader_a)
    response = client.post(reverse("deviations:report"), report_form(tree.a1, kind="lex_sarah"))
    assert "lex_sarah_type" in response.context["form"].errors


def test_the_api_refuses_a_personnummer_too(tree, reader_a):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(reader_a)
    payload = {
        "unit": tree.a1.pk,
        "kind": "internal",
        "occurred_at": "2026-11-20T14:30:00+01:00",
        "description": f"Gäller {PNR}",
    }
    response = api.post("/api/v1/deviations/", payload, format="json")
    assert response.status_code == 400
    assert "description" in response.json()
    payload["description"] = "Gäller en brukare."
    created = api.post("/api/v1/deviations/", payload, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["reported_by"] == reader_a.pk
