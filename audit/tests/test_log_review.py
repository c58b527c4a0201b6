import io

import openpyxl
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.choices import Event
from audit.models import AuditEntry


def test_loggkontroll_shows_a_read_of_a_sensitive_record(client, tree, chief_a):
    employee = person_with_role(Role.MEDARBETARE, tree.a1, first_name="Saga", last_name="Sandberg")
    client.force_login(chief_a)

    assert client.get(reverse("accounts:person_detail", args=[employee.pk])).status_code == 200
    page = client.get(reverse("audit:log"), {"action": Event.READ})

    assert page.status_code == 200
    read = AuditEntry.objects.get(action=Event.READ, object_id=str(employee.pk))
    assert read.actor == chief_a and read.unit == tree.a1
    assert "Saga Sandberg" in page.content.decode()
    assert page.context["object_list"][0] == read


def test_a_chief_reviews_only_the_log_of_their_own_subtree(client, tree, chief_a, chief_b):
    in_a = person_with_role(Role.MEDARBETARE, tree.a1, last_name="Inom-A")
    client.force_login(chief_a)
    client.get(reverse("accounts:person_detail", args=[in_a.pk]))
    client.logout()

    client.force_login(chief_b)
    page = client.get(reverse("audit:log"))

    assert "Inom-A" not in page.content.decode()
    assert all(e.unit is None or e.unit.path.startswith(tree.b.path) for e in page.context["object_list"])


def test_the_log_is_filtered_by_person_record_unit_and_dates(client, tree, admin, chief_a):
    employee = person_with_role(Role.MEDARBETARE, tree.a2, last_name="Filtrerad")
    client.force_login(chief_a)
    client.get(reverse("accounts:person_detail", args=[employee.pk]))
    client.logout()
    client.force_login(admin)

    def ids(**params):
        return {e.pk for e in client.get(reverse("audit:log"), params).context["object_list"]}

    read = AuditEntry.objects.get(action=Event.READ, object_id=str(employee.pk))
    assert read.pk in ids(person="chef.a", record="Filtrerad", unit=tree.a.pk)
    assert read.pk not in ids(person="admin")
    assert read.pk not in ids(unit=tree.b.pk)
    day = timezone.localdate(read.at).isoformat()  # the day in Stockholm, as the person filtering means it
    assert read.pk in ids(date_from=day, date_to=day)
    assert read.pk not in ids(date_to="2000-01-01")


def test_the_log_exports_to_excel_and_the_export_itself_is_logged(client, tree, admin):
    client.force_login(admin)
    response = client.get(reverse("audit:export"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.getvalue()), read_only=True)
    header = next(book.active.iter_rows(values_only=True))
    assert header[:3] == ("Tid", "Person", "Händelse")
    assert AuditEntry.objects.filter(action=Event.EXPORT, actor=admin).exists()


def test_an_employee_cannot_open_the_log(client, tree, reader_a):
    client.force_login(reader_a)
    assert client.get(reverse("audit:log")).status_code == 403
    assert client.get(reverse("audit:export")).status_code == 403


def _logged_deviation_change(unit, reference, changes, action=Event.TRANSITION):
    from django.contrib.contenttypes.models import ContentType

    from deviations.models import Deviation

    return AuditEntry.objects.create(
        action=action,
        source="web",
        unit=unit,
        content_type=ContentType.objects.get_for_model(Deviation),
        object_id=reference[-1],
        object_repr=reference,
        changes=changes,
    )


def test_a_change_reads_as_the_status_and_the_persons_name_not_keys_and_numbers(client, tree, admin):
    deciding = person_with_role(Role.VERKSAMHETSCHEF, tree.a, first_name="Vera", last_name="Verksam")
    _logged_deviation_change(
        tree.a1, "AV-2026-00001", {"status": ["reported_to_ivo", "actions"], "decided_by": [None, deciding.pk]}
    )
    client.force_login(admin)

    page = client.get(reverse("audit:log"), {"action": Event.TRANSITION}).content.decode()
    export = client.get(reverse("audit:export"), {"action": Event.TRANSITION, "format": "csv"})
    exported = export.getvalue().decode("utf-8-sig")

    for text in (page, exported):
        assert "Anmäld till IVO → Åtgärdas" in text
        assert "– → Vera Verksam" in text
        assert "reported_to_ivo" not in text and f"→ {deciding.pk}" not in text


def test_a_person_outside_the_readers_scope_stays_a_number_in_the_log(client, tree, chief_b):
    outside = person_with_role(Role.VERKSAMHETSCHEF, tree.a, first_name="Ada", last_name="Utanför")
    _logged_deviation_change(tree.b1, "AV-2026-00002", {"decided_by": [None, outside.pk]}, action=Event.UPDATE)
    client.force_login(chief_b)

    page = client.get(reverse("audit:log"), {"action": Event.UPDATE}).content.decode()

    assert "AV-2026-00002" in page and f"– → {outside.pk}" in page
    assert "Utanför" not in page
