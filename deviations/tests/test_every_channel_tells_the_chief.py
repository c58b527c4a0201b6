"""A new avvikelse tells the unit's chiefs whichever channel made it: the page, the API or code."""

from django.core import mail
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from deviations.models import Deviation
from deviations.tests.factories import DeviationFactory


def test_a_report_through_the_api_mails_the_unit_manager(tree, reader_a, django_capture_on_commit_callbacks):
    chief = person_with_role(Role.ENHETSCHEF, tree.a1, email="chef.a1@exempel.se")
    api = APIClient()
    api.force_authenticate(reader_a)
    body = {
        "unit": tree.a1.pk,
        "kind": "internal",
        "occurred_at": "2026-11-20T14:30:00+01:00",
        "description": "Dörren till medicinrummet stod olåst.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/deviations/", body, format="json")
    assert response.status_code == 201, response.json()
    deviation = Deviation.objects.get()
    assert [m.to for m in mail.outbox] == [[chief.email]]
    assert deviation.reference in mail.outbox[0].subject


def test_a_report_saved_by_code_mails_too_but_not_a_change_or_demo_history(tree, django_capture_on_commit_callbacks):
    person_with_role(Role.ENHETSCHEF, tree.a1, email="chef.a1@exempel.se")
    with django_capture_on_commit_callbacks(execute=True):
        deviation = DeviationFactory(unit=tree.a1)
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        deviation.location = "Köket"
        deviation.save()
        DeviationFactory.build(unit=tree.a1, reported_by=deviation.reported_by).save(notify=False)
    assert len(mail.outbox) == 1


def test_nothing_is_sent_when_the_report_is_refused(tree, reader_a, django_capture_on_commit_callbacks):
    person_with_role(Role.ENHETSCHEF, tree.a1, email="chef.a1@exempel.se")
    api = APIClient()
    api.force_authenticate(reader_a)
    body = {"unit": tree.a1.pk, "kind": "internal", "occurred_at": "2026-11-20T14:30:00+01:00",
            "description": "Brukaren 121212–1212 föll."}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert api.post("/api/v1/deviations/", body, format="json").status_code == 400
    assert mail.outbox == [] and not Deviation.objects.exists()
