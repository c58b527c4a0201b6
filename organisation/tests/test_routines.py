import datetime as dt

from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from organisation.models import ReadConfirmation, Routine
from organisation.tests.factories import ProcessFactory


def make_routine(tree, by=None):
    routine = Routine.objects.create(
        process=ProcessFactory(unit=tree.a),
        title="Rutin för lex Sarah",
        unit=tree.a,
        legal_source="SoL 2025:400 27 kap.",
    )
    routine.add_version(text="Version ett.", adopted_by="Verksamhetschef", adopted_on=dt.date(2026, 1, 10), by=by)
    return routine


def test_a_new_version_keeps_the_old_one_readable(client, tree, chief_a):
    routine = make_routine(tree)
    client.force_login(chief_a)
    client.post(
        reverse("organisation:routine_new_version", args=[routine.pk]),
        {"text": "Version två.", "adopted_by": "Verksamhetschef", "adopted_on": "2026-06-01"},
    )
    assert [v.number for v in routine.versions.all()] == [2, 1]
    assert routine.current_version().next_review_on == dt.date(2027, 6, 1)
    old = client.get(reverse("organisation:routine_version", args=[routine.pk, 1]))
    assert "Version ett." in old.content.decode()


def test_staff_confirm_read_and_chiefs_see_who_has_not(client, tree, chief_a, reader_a):
    other = person_with_role(Role.MEDARBETARE, tree.a2, first_name="Olle", last_name="Oläst")
    routine = make_routine(tree)
    client.force_login(reader_a)
    client.post(reverse("organisation:routine_confirm", args=[routine.pk]))
    assert ReadConfirmation.objects.filter(user=reader_a, version=routine.current_version()).exists()

    client.force_login(chief_a)
    context = client.get(reverse("organisation:routine_detail", args=[routine.pk])).context
    readers = {person: at for person, at in context["readers"]}
    assert readers[reader_a] is not None
    assert readers[other] is None
    assert context["unread"] == len(readers) - 1


def test_a_new_version_needs_new_confirmations(client, tree, chief_a, reader_a):
    routine = make_routine(tree)
    client.force_login(reader_a)
    client.post(reverse("organisation:routine_confirm", args=[routine.pk]))
    routine.add_version(text="Ny.", adopted_by="VC", adopted_on=dt.date(2026, 8, 1))
    assert not routine.current_version().confirmations.exists()


def test_staff_of_another_unit_cannot_confirm_and_chief_b_sees_nothing(client, tree, chief_b):
    routine = make_routine(tree)
    outsider = person_with_role(Role.MEDARBETARE, tree.b1)
    client.force_login(outsider)
    assert client.post(reverse("organisation:routine_confirm", args=[routine.pk])).status_code == 404
    client.force_login(chief_b)
    assert client.get(reverse("organisation:routine_detail", args=[routine.pk])).status_code == 404


def test_the_api_reads_routines_with_versions_and_adds_a_version(tree, chief_a, chief_b):
    from rest_framework.test import APIClient

    routine = make_routine(tree)
    api = APIClient()
    api.force_authenticate(chief_a)
    data = api.get(f"/api/v1/routines/{routine.pk}/").json()
    assert [v["number"] for v in data["versions"]] == [1]
    response = api.post(f"/api/v1/routines/{routine.pk}/versions/", {"text": "Två", "adopted_by": "VC"}, format="json")
    assert response.status_code == 201
    assert [v["number"] for v in response.json()["versions"]] == [2, 1]
    api.force_authenticate(chief_b)
    assert api.get(f"/api/v1/routines/{routine.pk}/").status_code == 404
    assert (
        api.post(
            f"/api/v1/routines/{routine.pk}/versions/", {"text": "x", "adopted_by": "y"}, format="json"
        ).status_code
        == 404
    )
