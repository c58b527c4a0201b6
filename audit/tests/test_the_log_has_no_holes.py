"""The log has no holes: many-to-many changes with what was added and removed, one entry per API list page of a
sensitive model (who, filter, rows), one request id on every entry of one request, and a database that refuses
to change or empty the log, on SQLite as on PostgreSQL."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.choices import Event, Source
from audit.models import AuditEntry
from deviations.tests.factories import DeviationFactory
from goals.models import Goal


def entries_for(obj):
    return AuditEntry.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


def test_root_causes_set_on_the_page_are_logged_with_what_was_added_and_removed(client, tree, root_causes):
    deviation = DeviationFactory(unit=tree.a1)
    first, second, third = root_causes[:3]
    deviation.root_causes.add(first, second)
    client.force_login(person_with_role(Role.ENHETSCHEF, tree.a))
    page = client.get(reverse("deviations:investigate", args=[deviation.pk]))
    data = {k: v for k, v in page.context["form"].initial.items() if v is not None and k != "root_causes"}
    data |= {"root_causes": [second.pk, third.pk], "investigation": "Utredd."}
    data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
    response = client.post(reverse("deviations:investigate", args=[deviation.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    logged = entries_for(deviation).filter(action=Event.UPDATE, source=Source.WEB).order_by("id")
    m2m = [e for e in logged if "root_causes" in e.changes]
    last = m2m[-1]
    assert last.changes["root_causes"][1] == ", ".join(sorted([second.name, third.name]))
    notes = " ".join(e.note for e in m2m)
    assert f"+ {third.name}" in notes and f"− {first.name}" in notes
    assert all(e.actor is not None and e.source == Source.WEB for e in m2m)


def test_a_goals_units_changed_through_the_api_or_from_the_far_side_are_logged(tree, admin):
    goal = Goal.objects.create(title="Trygg vård", year=2026, unit=tree.root, kind="focus_area")
    api = APIClient()
    api.force_authenticate(admin)
    response = api.patch(f"/api/v1/goals/{goal.pk}/", {"units": [tree.a.pk, tree.b.pk]}, format="json")
    assert response.status_code == 200, response.json()
    entry = entries_for(goal).filter(changes__has_key="units").latest("id")
    assert entry.changes["units"] == ["–", ", ".join(sorted([tree.a.name, tree.b.name]))]
    assert entry.source == Source.API
    action_like = DeviationFactory(unit=tree.a1)
    from actions.tests.factories import ActionFactory

    action = ActionFactory(unit=tree.a1, title="Dubbelsignering")
    action.deviations.add(action_like)  # from the åtgärd's side: the avvikelse's field changed
    assert entries_for(action_like).filter(changes__has_key="actions", note__contains="Dubbelsignering").exists()


def test_an_api_list_of_a_sensitive_model_is_logged_once_per_page_with_filter_and_rows(tree):
    for _ in range(3):
        DeviationFactory(unit=tree.a1)
    api = APIClient()
    api.force_authenticate(person_with_role(Role.ENHETSCHEF, tree.a))
    before = AuditEntry.objects.filter(action=Event.READ).count()
    response = api.get("/api/v1/deviations/", {"limit": 2, "search": "121212–1212"})
    assert response.status_code == 200
    reads = AuditEntry.objects.filter(action=Event.READ).order_by("id")[before:]
    assert len(reads) == 1
    entry = reads[0]
    assert entry.content_type.model == "deviation" and entry.source == Source.API
    assert "rows" not in entry.note  # Swedish
    assert str(len(response.json()["results"])) in entry.note and "limit=2" in entry.note
    assert "[personnummer]" in entry.note and "1212" not in entry.note.replace("limit=2", "")


def test_every_entry_of_one_request_carries_its_id_and_the_response_names_it(client, tree, root_causes):
    deviation = DeviationFactory(unit=tree.a1)
    chief = person_with_role(Role.ENHETSCHEF, tree.a)
    client.force_login(chief)
    first = client.post(reverse("deviations:transition", args=[deviation.pk]), {"status": "investigating"})
    second = client.get(reverse("deviations:detail", args=[deviation.pk]))
    one, other = first["X-Request-ID"], second["X-Request-ID"]
    assert one != other
    assert AuditEntry.objects.filter(request_id=one).count() >= 1
    assert set(AuditEntry.objects.filter(request_id=other).values_list("action", flat=True)) == {Event.READ}
    api = APIClient()
    api.force_authenticate(chief)
    answered = api.patch(f"/api/v1/deviations/{deviation.pk}/", {"location": "Köket"}, format="json")
    entry = entries_for(deviation).latest("id")
    assert entry.request_id == answered["X-Request-ID"] and entry.source == Source.API


def test_the_database_itself_refuses_to_change_or_delete_the_log(tree):
    entry = AuditEntry.objects.create(action=Event.READ, source=Source.WEB, unit=tree.a)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(note="ändrad")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk, note="").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no TRUNCATE; its DELETE trigger covers it")
def test_postgresql_refuses_to_truncate_the_log(tree):
    AuditEntry.objects.create(action=Event.READ, source=Source.WEB, unit=tree.a)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditentry CASCADE")
    assert AuditEntry.objects.exists()
