import io

import openpyxl
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from complaints.models import Complaint
from complaints.tests.factories import ComplaintFactory
from core.workflow import TransitionRefused

SECRET = "Hemlig uppgift om en brukare"


def test_confidential_text_stays_out_of_lists_exports_and_the_api_for_those_without_access(client, tree, chief_a):
    quality = person_with_role(Role.KVALITETSUTVECKLARE, tree.a)
    complaint = ComplaintFactory(unit=tree.a1, description=SECRET, confidential=True)

    client.force_login(quality)
    assert SECRET not in client.get(reverse("complaints:list")).content.decode()
    export = client.get(reverse("complaints:export"))
    book = openpyxl.load_workbook(io.BytesIO(export.getvalue()), read_only=True)
    assert SECRET not in str(list(book.active.iter_rows(values_only=True)))
    assert SECRET not in client.get(reverse("complaints:detail", args=[complaint.pk])).content.decode()
    api = APIClient()
    api.force_authenticate(quality)
    assert api.get(f"/api/v1/complaints/{complaint.pk}/").json()["description"] != SECRET

    client.force_login(chief_a)
    assert SECRET in client.get(reverse("complaints:detail", args=[complaint.pk])).content.decode()
    assert SECRET not in client.get(reverse("complaints:list")).content.decode()


def test_closing_needs_the_reply_date_when_a_reply_was_asked_for(tree, chief_a):
    complaint = ComplaintFactory(unit=tree.a1, wants_reply=True, contact="anna@exempel.se")
    with pytest.raises(TransitionRefused):
        complaint.transition_to("closed", by=chief_a)
    complaint.replied_on = complaint.received_on
    complaint.save()
    complaint.transition_to("closed", by=chief_a)
    assert complaint.status == "closed"


def test_staff_register_a_complaint_received_by_phone(client, tree, reader_a):
    client.force_login(reader_a)
    response = client.post(
        reverse("complaints:register"),
        {
            "kind": "complaint",
            "received_on": "2026-11-20",
            "channel": "phone",
            "unit": tree.a1.pk,
            "category": "waiting",
            "description": "Väntat länge på beslut.",
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.registered_by == reader_a
    assert complaint.reference.startswith("SK-")


def test_a_chief_of_b_sees_none_of_a(client, tree, chief_b):
    complaint = ComplaintFactory(unit=tree.a1)
    client.force_login(chief_b)
    assert client.get(reverse("complaints:detail", args=[complaint.pk])).status_code == 404
    assert complaint.reference not in client.get(reverse("complaints:list")).content.decode()
    api = APIClient()
    api.force_authenticate(chief_b)
    assert api.get(f"/api/v1/complaints/{complaint.pk}/").status_code == 404


def test_someone_who_may_not_read_a_confidential_text_may_not_change_it_through_the_api(tree):
    quality = person_with_role(Role.KVALITETSUTVECKLARE, tree.a)
    complaint = ComplaintFactory(unit=tree.a1, description=SECRET, confidential=True)
    api = APIClient()
    api.force_authenticate(quality)
    assert api.patch(f"/api/v1/complaints/{complaint.pk}/", {"description": "x"}, format="json").status_code == 403
    complaint.refresh_from_db()
    assert complaint.description == SECRET
