"""The scope matrix for the records of the improvement work: avvikelser, synpunkter/klagomål, åtgärder.

Every role, held at Område A, against a record at A (own), at Socialförvaltningen (parent) and at
Område B (sibling), through the page, the edit page, the list, the export, the API and the statistics.
The reporter/registrant/responsible of the records is someone else, so no one sees them as owner.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from actions.tests.factories import ActionFactory
from complaints.tests.factories import ComplaintFactory
from deviations.tests.factories import DeviationFactory

ROLES = list(Role)
POSITIONS = ["own", "parent", "sibling"]
COMPLAINT_HANDLERS = {Role.ENHETSCHEF, Role.VERKSAMHETSCHEF, Role.KVALITETSUTVECKLARE, Role.ADMINISTRATOR}
DEVIATION_HANDLERS = COMPLAINT_HANDLERS | {Role.MAS}
ACTION_READERS = set(Role) - {Role.NAMNDLEDAMOT}
ACTION_CHANGERS = COMPLAINT_HANDLERS | {Role.PROCESSAGARE, Role.MAS}


def handlers(kind):
    return DEVIATION_HANDLERS if kind == "deviation" else COMPLAINT_HANDLERS


def unit_at(tree, position):
    return {"own": tree.a, "parent": tree.admin_office, "sibling": tree.b}[position]


@pytest.fixture(scope="module")
def module_records(module_tree):
    """One record of each kind at each position, built once for the module (each test runs in a savepoint)."""
    tree = module_tree
    made = {}
    for position in POSITIONS:
        unit = unit_at(tree, position)
        made[position] = {
            "deviation": DeviationFactory(unit=unit, description=f"Händelse vid {position} nattlarm"),
            "complaint": ComplaintFactory(unit=unit, description=f"Klagomål {position}"),
            "action": ActionFactory(unit=unit, title=f"Åtgärd {position}"),
        }
    return made


@pytest.fixture
def tree(shared_tree):
    return shared_tree


@pytest.fixture
def records(module_records, shared_tree):
    return module_records


def expect_view(kind, role, position):
    readers = ACTION_READERS if kind == "action" else handlers(kind)
    return 200 if role in readers and position == "own" else 404


def expect_edit(kind, role, position):
    if kind == "action":
        if role == Role.NAMNDLEDAMOT:
            return 404
        if role not in ACTION_CHANGERS:
            return 403 if position == "own" else 404  # may open it as a possible owner; not theirs
        return 200 if position == "own" else 404
    if role not in handlers(kind):
        return 403
    return 200 if position == "own" else 404


PAGES = {
    "deviation": (
        "deviations:detail",
        "deviations:investigate",
        "deviations:list",
        "deviations:export",
        "/api/v1/deviations/",
    ),
    "complaint": (
        "complaints:detail",
        "complaints:handle",
        "complaints:list",
        "complaints:export",
        "/api/v1/complaints/",
    ),
    "action": ("actions:detail", "actions:update", "actions:list", "actions:export", "/api/v1/actions/"),
}


def identify(kind, obj):
    return obj.reference if kind != "action" else obj.title


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_pages_exports_and_api_follow_the_scope(client, tree, records, role, position):
    user = person_with_role(role, tree.a)
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    for kind, (detail, edit, listing, export, base) in PAGES.items():
        obj = records[position][kind]
        view = expect_view(kind, role, position)
        assert client.get(reverse(detail, args=[obj.pk])).status_code == view, (kind, "detail")
        assert client.get(reverse(edit, args=[obj.pk])).status_code == expect_edit(kind, role, position), (kind, "edit")
        shown = view == 200
        page = client.get(reverse(listing))
        assert page.status_code == 200, (kind, "list")
        assert (identify(kind, obj) in page.content.decode()) is shown, (kind, "list")
        response = client.get(reverse(export))
        book = openpyxl.load_workbook(io.BytesIO(response.getvalue()), read_only=True)
        text = str(list(book.active.iter_rows(values_only=True)))
        assert (identify(kind, obj) in text) is shown, (kind, "export")
        assert api.get(f"{base}{obj.pk}/").status_code == view, (kind, "api retrieve")
        ids = {row["id"] for row in api.get(base, {"limit": 500}).json()["results"]}
        assert (obj.pk in ids) is shown, (kind, "api list")
        patch = api.patch(f"{base}{obj.pk}/", {}, format="json").status_code
        assert patch == expect_edit(kind, role, position), (kind, "api patch", patch)


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_statistics_count_only_the_roles_own_subtree(client, tree, records, role, position):
    client.force_login(person_with_role(role, tree.a))
    deviations = client.get(reverse("deviations:statistics")).context["stats"]
    complaints = client.get(reverse("complaints:statistics")).context["stats"]
    counted = position == "own"
    unit_name = unit_at(tree, position).name
    assert (unit_name in dict(deviations.by_unit)) is counted
    assert (unit_name in {r.unit for r in complaints.per_unit}) is counted
    assert deviations.total == complaints.total == 1


@pytest.mark.parametrize("role", ROLES)
def test_recurring_themes_open_only_to_handlers_and_show_only_their_records(client, tree, records, role):
    client.force_login(person_with_role(role, tree.a))
    response = client.get(reverse("deviations:themes"))
    if role not in DEVIATION_HANDLERS:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert response.context["themes"].total == 1


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_status_changes_and_new_actions_follow_the_scope(client, tree, records, role, position):
    client.force_login(person_with_role(role, tree.a))
    for kind, prefix in (("deviation", "/avvikelser"), ("complaint", "/synpunkter")):
        obj = records[position][kind]
        expected = expect_edit(kind, role, position)
        moved = client.post(f"{prefix}/{obj.pk}/status/", {"status": "investigating"})
        assert moved.status_code == (302 if expected == 200 else expected), (kind, "status")
        obj.refresh_from_db()
        assert (obj.status == "investigating") is (expected == 200), (kind, "status")
        new_action = client.get(f"{prefix}/{obj.pk}/ny-atgard/").status_code
        if expected == 200 and role not in ACTION_CHANGERS:
            expected = 403  # handles the case, but åtgärder are created by those who may create them
        assert new_action == expected, (kind, "new action", new_action)


PLANNING_CHANGERS = ACTION_CHANGERS  # risks, egenkontroller, granskningar and rutiner: the same roles


@pytest.fixture
def planning(tree):
    import datetime as dt

    from controls.models import ControlRun, Review
    from controls.tests.factories import ControlFactory
    from organisation.models import Routine
    from organisation.tests.factories import ProcessFactory
    from risks.tests.factories import RiskFactory

    made = {}
    for position in POSITIONS:
        unit = unit_at(tree, position)
        control = ControlFactory(unit=unit)
        routine = Routine.objects.create(process=ProcessFactory(unit=unit), title=f"Rutin {position}", unit=unit)
        routine.add_version(text="t", adopted_by="VC", adopted_on=dt.date(2026, 1, 1))
        made[position] = {
            "risks": RiskFactory(unit=unit),
            "controls": control,
            "control-runs": ControlRun.objects.create(
                control=control, performed_on=dt.date(2026, 1, 1), result="x", verdict="approved"
            ),
            "reviews": Review.objects.create(
                kind="internal",
                title="G",
                performed_by="Stab",
                performed_on=dt.date(2026, 1, 1),
                unit=unit,
                findings="x",
            ),
            "routines": routine,
        }
    return made


def planning_view(kind, role, position):
    if role == Role.NAMNDLEDAMOT:
        return 404 if kind == "controls" else 403  # controls open to a possible responsible, so 404
    if position == "own" or (kind == "routines" and position == "parent"):
        return 200  # rutiner of the units above apply downward
    return 404


def planning_patch(kind, role, position):
    viewed = planning_view(kind, role, position)
    if role not in PLANNING_CHANGERS:
        return 403  # refused before any lookup
    if viewed != 200:
        return viewed
    return 200 if position == "own" else 403


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_the_planning_api_follows_the_scope(tree, planning, role, position):
    api = APIClient()
    api.force_authenticate(person_with_role(role, tree.a))
    for kind, obj in planning[position].items():
        base = f"/api/v1/{kind}/"
        expected = planning_view(kind, role, position)
        assert api.get(f"{base}{obj.pk}/").status_code == expected, (kind, "retrieve")
        listing = api.get(base, {"limit": 500})
        if listing.status_code == 200:
            ids = {row["id"] for row in listing.json()["results"]}
            assert (obj.pk in ids) is (expected == 200), (kind, "list")
        else:
            assert expected == 403, (kind, "list")
        got = api.patch(f"{base}{obj.pk}/", {}, format="json").status_code
        assert got == planning_patch(kind, role, position), (kind, "patch", got)
