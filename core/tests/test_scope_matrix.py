"""The scope matrix: every role × (own unit, parent unit, sibling unit) × every page, export and API endpoint.

The person under test holds one role at Område A. The record under test belongs to Område A (own),
to Socialförvaltningen above it (parent) or to Område B beside it (sibling). The expectations are
written out here from the access policy in the issue, not read from the code under test.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import MembershipFactory, UserFactory, person_with_role
from audit.choices import Event
from audit.models import AuditEntry
from organisation.models import Process
from organisation.tests.factories import ProcessFactory

ROLES = list(Role)
POSITIONS = ["own", "parent", "sibling"]

# Who may do what, within the subtree of the unit where they hold the role.
ORG_READERS = set(Role)  # units and processes: organisation data every signed-in person reads
PEOPLE_READERS = {Role.ENHETSCHEF, Role.VERKSAMHETSCHEF, Role.ADMINISTRATOR}  # people, roles, the log
CHANGERS = {Role.ADMINISTRATOR}


def _target_unit(tree, position):
    return {"own": tree.a, "parent": tree.admin_office, "sibling": tree.b}[position]


@pytest.fixture(scope="module")
def module_world(module_tree):
    """One record of each kind at each position, plus a log entry for each: built once for the module."""
    tree = module_tree
    records = {}
    for position in POSITIONS:
        unit = _target_unit(tree, position)
        person = UserFactory(username=f"person.{position}", last_name=f"Efternamn-{position}")
        membership = MembershipFactory(user=person, unit=unit, role=Role.MEDARBETARE)
        process = ProcessFactory(unit=unit, code=f"P-{position}")
        entry = AuditEntry.objects.create(action=Event.READ, source="web", unit=unit, object_repr=f"logg-{position}")
        records[position] = dict(unit=unit, person=person, membership=membership, process=process, entry=entry)
    return records


@pytest.fixture
def tree(shared_tree):
    """The module's tree; each test runs in its own savepoint, so what it changes is gone after it."""
    return shared_tree


@pytest.fixture
def world(module_world, shared_tree):
    return module_world


def _expect_view(role, kind, position):
    readers = ORG_READERS if kind in {"unit", "process"} else PEOPLE_READERS
    if role not in readers:
        return 403  # no role that opens these pages at all
    if kind in {"unit", "process"}:
        return 200  # organisation data is read across the whole tree
    return 200 if position == "own" else 404


def _expect_change(role, kind, position):
    if role not in CHANGERS:
        return 403  # refused before any lookup, so it reveals nothing about the record
    viewed = _expect_view(role, kind, position)
    if viewed != 200:
        return viewed
    return 200 if position == "own" else 403


DETAIL_PAGES = {
    "unit": ("organisation:unit_detail", "organisation:unit_update"),
    "process": ("organisation:process_detail", "organisation:process_update"),
    "membership": ("accounts:membership_detail", "accounts:membership_end"),
    "person": ("accounts:person_detail", "accounts:person_update"),
}


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_detail_and_edit_pages_follow_the_scope(client, tree, world, role, position):
    user = person_with_role(role, tree.a)
    client.force_login(user)
    for kind, (detail, edit) in DETAIL_PAGES.items():
        obj = world[position][kind]
        got = client.get(reverse(detail, args=[obj.pk])).status_code
        assert got == _expect_view(role, kind, position), (kind, "view", got)
        got = client.get(reverse(edit, args=[obj.pk])).status_code
        assert got == _expect_change(role, kind, position), (kind, "edit", got)


LISTS = {
    # kind: (list url, export url, text that identifies the record in the list)
    "unit": ("organisation:unit_list", "organisation:unit_export", lambda r: r["unit"].name),
    "process": ("organisation:process_list", "organisation:process_export", lambda r: r["process"].code),
    "membership": ("accounts:membership_list", "accounts:membership_export", lambda r: r["person"].last_name),
    "person": ("accounts:person_list", "accounts:person_export", lambda r: r["person"].username),
    "entry": ("audit:log", "audit:export", lambda r: r["entry"].object_repr),
}


def _xlsx_text(response) -> str:
    book = openpyxl.load_workbook(io.BytesIO(response.getvalue()), read_only=True)
    return "\n".join(" ".join(str(c) for c in row if c is not None) for row in book.active.iter_rows(values_only=True))


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_lists_and_exports_show_only_records_in_scope(client, tree, world, role, position):
    user = person_with_role(role, tree.a)
    client.force_login(user)
    for kind, (list_name, export_name, identify) in LISTS.items():
        expected = _expect_view(role, "person" if kind in {"membership", "entry"} else kind, position)
        text = identify(world[position])
        page = client.get(reverse(list_name), {"unit": "", "page": 1} if kind != "unit" else {})
        export = client.get(reverse(export_name))
        if expected == 403:
            assert page.status_code == 403, kind
            assert export.status_code == 403, kind
            continue
        assert page.status_code == 200, kind
        assert export.status_code == 200, kind
        shown = expected == 200
        assert (text in page.content.decode()) is shown, (kind, "list")
        assert (text in _xlsx_text(export)) is shown, (kind, "export")


API = {
    "unit": ("/api/v1/units/", "unit"),
    "process": ("/api/v1/processes/", "process"),
    "membership": ("/api/v1/memberships/", "membership"),
    "person": ("/api/v1/people/", "person"),
    "entry": ("/api/v1/audit-log/", "entry"),
}
READ_ONLY_API = {"person", "entry"}


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api_follows_the_scope(tree, world, role, position):
    user = person_with_role(role, tree.a)
    api = APIClient()
    api.force_authenticate(user)
    for kind, (base, key) in API.items():
        obj = world[position][key]
        policy_kind = "person" if kind in {"membership", "entry"} else kind
        expected = _expect_view(role, policy_kind, position)
        got = api.get(f"{base}{obj.pk}/").status_code
        assert got == expected, (kind, "retrieve", got)
        listing = api.get(base, {"limit": 1000})
        if expected == 403:
            assert listing.status_code == 403, kind
        else:
            ids = {row["id"] for row in listing.json()["results"]}
            assert (obj.pk in ids) is (expected == 200), (kind, "list")
        if kind in READ_ONLY_API:
            assert api.patch(f"{base}{obj.pk}/", {}, format="json").status_code in (403, 404, 405)
            continue
        got = api.patch(f"{base}{obj.pk}/", {}, format="json").status_code
        assert got == _expect_change(role, policy_kind, position), (kind, "patch", got)
        assert api.delete(f"{base}{obj.pk}/").status_code in (403, 404, 405), (kind, "delete")


ORGANISATION_WIDE = {
    # kind: (list url name, detail url name or None, edit url name, API base)
    "period": (
        "organisation:period_list",
        "organisation:period_detail",
        "organisation:period_update",
        "/api/v1/periods/",
    ),
    "targetgroup": ("organisation:targetgroup_list", None, "organisation:targetgroup_update", "/api/v1/target-groups/"),
}


@pytest.mark.parametrize("at", ["root", "own"])
@pytest.mark.parametrize("role", ROLES)
def test_organisation_wide_records_are_read_by_all_and_changed_only_from_the_root(tree, client, role, at):
    from organisation.tests.factories import PeriodFactory, TargetGroupFactory

    records = {"period": PeriodFactory(year=2026), "targetgroup": TargetGroupFactory()}
    user = person_with_role(role, tree.root if at == "root" else tree.a)
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    may_change = role in CHANGERS and at == "root"
    for kind, (list_name, detail_name, edit_name, api_base) in ORGANISATION_WIDE.items():
        obj = records[kind]
        assert client.get(reverse(list_name)).status_code == 200, kind
        if detail_name:
            assert client.get(reverse(detail_name, args=[obj.pk])).status_code == 200, kind
        assert api.get(f"{api_base}{obj.pk}/").status_code == 200, kind
        expected = 200 if may_change else 403
        assert client.get(reverse(edit_name, args=[obj.pk])).status_code == expected, (kind, "edit")
        assert api.patch(f"{api_base}{obj.pk}/", {}, format="json").status_code == expected, (kind, "patch")


CREATE_PAGES = [
    "organisation:unit_create",
    "organisation:process_create",
    "organisation:targetgroup_create",
    "organisation:period_create",
    "accounts:person_create",
    "accounts:membership_create",
]


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_open_the_forms_for_new_records(tree, client, role):
    client.force_login(person_with_role(role, tree.a))
    for name in CREATE_PAGES:
        expected = 200 if role in CHANGERS else 403
        assert client.get(reverse(name)).status_code == expected, name


@pytest.mark.parametrize("position", POSITIONS)
def test_an_administrator_of_a_creates_records_only_within_a(tree, client, position):
    admin_a = person_with_role(Role.ADMINISTRATOR, tree.a)
    client.force_login(admin_a)
    unit = _target_unit(tree, position)
    form = {"code": f"N-{position}", "name": "Ny", "kind": "huvud", "unit": unit.pk, "is_active": "on"}
    response = client.post(reverse("organisation:process_create"), form)
    created = Process.objects.filter(code=f"N-{position}").exists()
    assert created is (position == "own")
    if position != "own":
        assert "unit" in response.context["form"].errors
