import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.choices import Event, Source
from audit.models import AuditEntry
from organisation.models import Period, Process
from organisation.tests.factories import PeriodFactory, ProcessFactory


def entries_for(obj):
    return AuditEntry.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


def test_a_change_through_the_api_is_logged_with_the_person_and_the_fields(tree, admin):
    process = ProcessFactory(unit=tree.a, name="Gammalt namn")
    token = Token.objects.create(user=admin)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    response = api.patch(f"/api/v1/processes/{process.pk}/", {"name": "Nytt namn"}, format="json")

    assert response.status_code == 200
    entry = entries_for(process).get(action=Event.UPDATE)
    assert entry.actor == admin
    assert entry.source == Source.API
    assert entry.unit == tree.a
    assert entry.changes == {"name": ["Gammalt namn", "Nytt namn"]}


def test_a_change_made_in_a_background_task_is_logged_with_the_person_who_started_it(client, tree, admin):
    period = PeriodFactory(year=2025)
    period.create_default_points()
    client.force_login(admin)

    response = client.post(reverse("organisation:period_copy", args=[period.pk]))

    assert response.status_code == 302
    created = Period.objects.get(year=2026)
    entry = entries_for(created).get(action=Event.CREATE)
    assert entry.actor == admin
    assert entry.source == Source.TASK
    assert [p.code for p in created.points.all()] == ["T1", "T2", "VB"]
    assert AuditEntry.objects.filter(source=Source.TASK, content_type__model="followuppoint").count() == 3


def test_a_change_on_a_page_is_logged_as_web_with_old_and_new_values(client, tree, admin):
    process = ProcessFactory(unit=tree.a, code="P9", name="Före")
    client.force_login(admin)
    form = {"code": "P9", "name": "Efter", "kind": process.kind, "unit": tree.a.pk, "is_active": "on"}

    response = client.post(reverse("organisation:process_update", args=[process.pk]), form)

    assert response.status_code == 302, response.content
    entry = entries_for(process).get(action=Event.UPDATE)
    assert (entry.actor, entry.source) == (admin, Source.WEB)
    assert entry.changes["name"] == ["Före", "Efter"]


def test_saving_without_changes_writes_no_entry(tree):
    process = ProcessFactory(unit=tree.a)
    before = AuditEntry.objects.count()
    Process.objects.get(pk=process.pk).save()
    assert AuditEntry.objects.count() == before


def test_a_password_change_is_logged_without_the_password(tree):
    user = person_with_role(Role.MEDARBETARE, tree.a1)
    user.set_password("ett-helt-annat-losenord-99")
    user.save()
    entry = entries_for(user).filter(action=Event.UPDATE).latest("id")
    assert entry.changes == {"password": ["••••", "••••"]}


def test_the_log_cannot_be_changed_or_deleted_through_the_app(tree):
    entry = AuditEntry.objects.create(action=Event.READ, source=Source.WEB, unit=tree.a)
    entry.note = "ändrad"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL only")
def test_postgresql_itself_refuses_to_update_the_log(tree):
    from django.db import DatabaseError, transaction

    entry = AuditEntry.objects.create(action=Event.READ, source=Source.WEB, unit=tree.a)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(note="ändrad")


def test_records_are_closed_not_deleted(tree):
    process = ProcessFactory(unit=tree.a)
    with pytest.raises(PermissionDenied):
        process.delete()
