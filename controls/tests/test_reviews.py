from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from controls.models import Review


def test_a_quality_developer_registers_an_audit_and_an_action_from_it(client, tree):
    quality = person_with_role(Role.KVALITETSUTVECKLARE, tree.a)
    client.force_login(quality)
    response = client.post(
        reverse("controls:review_create"),
        {
            "kind": "audit",
            "title": "Granskning av barnavårdsutredningar",
            "performed_by": "Kommunens revisorer",
            "performed_on": "2026-09-15",
            "unit": tree.a1.pk,
            "findings": "Utredningstiderna överskrids.",
            "response": "Förvaltningen inför bevakning.",
            "reported_to_committee_on": "2026-10-20",
        },
    )
    assert response.status_code == 302
    review = Review.objects.get()
    client.post(
        reverse("controls:review_new_action", args=[review.pk]), {"title": "Inför bevakning", "unit": tree.a1.pk}
    )
    assert [a.title for a in review.actions.all()] == ["Inför bevakning"]
    assert review.actions.get().sources(quality) == [review]


def test_reviews_follow_the_scope(client, tree, chief_b):
    in_a = Review.objects.create(
        kind="internal", title="Intern A", performed_by="Stab", performed_on="2026-01-01", unit=tree.a1, findings="x"
    )
    client.force_login(chief_b)
    assert client.get(reverse("controls:review_detail", args=[in_a.pk])).status_code == 404
    assert "Intern A" not in client.get(reverse("controls:review_list")).content.decode()
