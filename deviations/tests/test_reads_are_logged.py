from django.urls import reverse
from rest_framework.test import APIClient

from audit.choices import Event, Source
from audit.models import AuditEntry
from complaints.tests.factories import ComplaintFactory
from deviations.tests.factories import DeviationFactory


def test_reading_a_deviation_or_complaint_is_logged_on_the_page_and_in_the_api(client, tree, chief_a):
    deviation = DeviationFactory(unit=tree.a1)
    complaint = ComplaintFactory(unit=tree.a1)
    client.force_login(chief_a)
    client.get(reverse("deviations:detail", args=[deviation.pk]))
    api = APIClient()
    api.force_authenticate(chief_a)
    api.get(f"/api/v1/complaints/{complaint.pk}/")

    reads = AuditEntry.objects.filter(action=Event.READ, actor=chief_a)
    assert {(e.content_type.model, e.object_id, e.source) for e in reads} == {
        ("deviation", str(deviation.pk), Source.WEB),
        ("complaint", str(complaint.pk), Source.API),
    }
    assert all(e.unit == tree.a1 for e in reads)
