import time_machine
from django.urls import reverse
from django.utils import timezone

from complaints.forms import issue_token
from complaints.models import Complaint


def _token(seconds_ago: float = 60) -> str:
    return issue_token(timezone.now().timestamp() - seconds_ago)


def form(**overrides):
    data = {
        "kind": "complaint",
        "unit": "",
        "category": "treatment",
        "description": "Bemötandet var dåligt.",
        "wants_reply": "",
        "name": "",
        "contact": "",
        "website": "",
        "token": _token(),
    }
    return {**data, **overrides}


def test_a_member_of_the_public_sends_a_complaint_without_logging_in_and_gets_a_code(client, tree):
    page = client.get(reverse("complaints:public_form"))
    assert page.status_code == 200
    response = client.post(reverse("complaints:public_form"), form(unit=tree.a1.pk), follow=True)
    complaint = Complaint.objects.get()
    assert complaint.reference in response.content.decode()
    assert (complaint.unit, complaint.channel, complaint.registered_by) == (tree.a1, "web_form", None)


def test_a_sender_who_does_not_know_the_unit_reaches_the_administration(client, tree):
    client.post(reverse("complaints:public_form"), form())
    assert Complaint.objects.get().unit == tree.admin_office


def test_the_hidden_field_and_a_too_quick_submission_are_refused_as_spam(client, tree):
    client.post(reverse("complaints:public_form"), form(website="http://spam.example"))
    client.post(reverse("complaints:public_form"), form(token=_token(seconds_ago=0)))
    client.post(reverse("complaints:public_form"), form(token="forged"))
    assert not Complaint.objects.exists()


def test_a_reply_needs_contact_details_and_a_personnummer_is_refused(client, tree):
    response = client.post(reverse("complaints:public_form"), form(wants_reply="on"))
    assert "contact" in response.context["form"].errors
    response = client.post(reverse("complaints:public_form"), form(description="Mitt pnr är 121212-1212"))
    assert "description" in response.context["form"].errors
    assert not Complaint.objects.exists()


def test_the_form_and_the_accessibility_statement_need_no_login(client, db):
    assert client.get(reverse("complaints:public_form")).status_code == 200
    assert client.get(reverse("complaints:accessibility")).status_code == 200


@time_machine.travel("2026-11-23 12:00:00+01:00", tick=False)
def test_the_form_expires_after_a_day(client, tree):
    stale = _token(seconds_ago=100)
    with time_machine.travel("2026-11-25 12:00:00+01:00", tick=False):
        client.post(reverse("complaints:public_form"), form(token=stale))
    assert not Complaint.objects.exists()
