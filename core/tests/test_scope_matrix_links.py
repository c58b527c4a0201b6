"""The scope matrix for links: what a record's page, the kvalitetsplan and its document show of the records linked
to it, what relation fields offer and accept (forms and API), and which report versions a reader reaches.

Every role, held at Område A. The record itself lies at A; the record it links to lies at A (own), at
Socialförvaltningen (parent) or at Område B (sibling). A link the reader may not see is never shown, only counted
("en länkad post som du inte har behörighet till", decision 0009).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from accounts.choices import STAFF, Role
from accounts.tests.factories import person_with_role
from actions.tests.factories import ActionFactory
from complaints.tests.factories import ComplaintFactory
from controls.forms import ControlForm
from controls.models import ControlRun, Review
from controls.tests.factories import ControlFactory
from core.document import Paragraph, Section
from core.tests.test_scope_matrix_records import ACTION_CHANGERS, ACTION_READERS, POSITIONS, ROLES, unit_at
from deviations.tests.factories import DeviationFactory
from reports import generate, render
from reports.content import Report, to_dict
from reports.models import ReportVersion
from risks.tests.factories import RiskFactory

HIDDEN = "du inte har behörighet till"
YEAR = 2026


def linked_to_one_action(tree, position):
    """A risk, an avvikelse, a klagomål, a granskning and an egenkontroll at A, each linked to one åtgärd (and the
    egenkontroll to one risk) at ``position``."""
    other = unit_at(tree, position)
    action = ActionFactory(unit=other, title=f"Länkad åtgärd vid {position}", due_on=dt.date(YEAR, 6, 30))
    risk = RiskFactory(unit=tree.a, title="Risken vid A")
    deviation = DeviationFactory(unit=tree.a)
    complaint = ComplaintFactory(unit=tree.a)
    review = Review.objects.create(
        kind="internal", title="G", performed_by="Stab", performed_on=dt.date(YEAR, 1, 1), unit=tree.a, findings="x"
    )
    for record in (risk, deviation, complaint, review):
        record.actions.add(action)
    control = ControlFactory(unit=tree.a, risk=RiskFactory(unit=other, title=f"Länkad risk vid {position}"))
    ControlRun.objects.create(
        control=control, performed_on=dt.date(YEAR, 1, 1), result="x", verdict="approved", action=action
    )
    api = {
        "risk": f"/api/v1/risks/{risk.pk}/",
        "deviation": f"/api/v1/deviations/{deviation.pk}/",
        "complaint": f"/api/v1/complaints/{complaint.pk}/",
        "review": f"/api/v1/reviews/{review.pk}/",
    }
    pages = {
        "risk": reverse("risks:detail", args=[risk.pk]),
        "deviation": reverse("deviations:detail", args=[deviation.pk]),
        "complaint": reverse("complaints:detail", args=[complaint.pk]),
        "review": reverse("controls:review_detail", args=[review.pk]),
        "control": reverse("controls:detail", args=[control.pk]),
    }
    return action, control.risk, pages, api


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_a_page_shows_only_the_linked_records_its_reader_may_see(client, tree, role, position):
    action, linked_risk, pages, api_urls = linked_to_one_action(tree, position)
    user = person_with_role(role, tree.a)
    client.force_login(user)
    may_see = role in ACTION_READERS and position == "own"
    opened = 0
    for name, url in pages.items():
        response = client.get(url)
        if response.status_code != 200:
            continue  # the record itself is out of reach for this role: the records matrix covers it
        opened += 1
        html = response.content.decode()
        assert (action.title in html) is may_see, (name, "linked åtgärd")
        assert (HIDDEN in html) is not may_see, (name, "the hidden link is counted")
        if name == "control":
            assert (linked_risk.title in html) is may_see, (name, "linked risk")
    assert opened > 0 or role == Role.NAMNDLEDAMOT
    api = APIClient()
    api.force_authenticate(user)
    for name, url in api_urls.items():
        response = api.get(url)
        if response.status_code == 200:
            assert (action.pk in response.json()["actions"]) is may_see, (name, "api")


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_the_kvalitetsplan_and_its_document_hold_only_linked_records_in_scope(client, tree, role, position):
    action, _linked_risk, _pages, _api = linked_to_one_action(tree, position)
    user = person_with_role(role, tree.a)
    client.force_login(user)
    may_see = role in ACTION_READERS and position == "own"
    page = client.get(reverse("controls:quality_plan"), {"year": YEAR})
    if page.status_code == 200:
        assert (action.title in page.content.decode()) is may_see
    with translation.override("sv"):
        document = render.page(generate.assemble("kvalitetsplan", YEAR, "", tree.a, user))
    assert (action.title in document) is may_see


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_relation_fields_offer_and_accept_only_records_in_scope(tree, role, position):
    user = person_with_role(role, tree.a)
    api = APIClient()
    api.force_authenticate(user)
    other = unit_at(tree, position)
    in_scope = position == "own"
    control = ControlFactory(unit=tree.a)
    risk = RiskFactory(unit=other)
    offered = ControlForm(instance=control, user=user).fields["risk"].queryset
    assert (risk in offered) is (in_scope and role in ACTION_READERS), "form offers the risk"
    colleague = person_with_role(Role.MEDARBETARE, other)
    action = ActionFactory(unit=tree.a)
    deviation, elsewhere = DeviationFactory(unit=tree.a), DeviationFactory(unit=other)
    owned = RiskFactory(unit=tree.a)
    tries = [
        (f"/api/v1/controls/{control.pk}/", {"risk": risk.pk}, control, "risk_id", risk.pk, ACTION_CHANGERS),
        (f"/api/v1/controls/{control.pk}/", {"responsible": colleague.pk}, control, "responsible_id", colleague.pk,
         ACTION_CHANGERS),
        (f"/api/v1/actions/{action.pk}/", {"responsible": colleague.pk}, action, "responsible_id", colleague.pk,
         ACTION_CHANGERS),
        (f"/api/v1/risks/{owned.pk}/", {"owner": colleague.pk}, owned, "owner_id", colleague.pk, ACTION_CHANGERS),
        (f"/api/v1/deviations/{deviation.pk}/", {"linked_event": elsewhere.pk}, deviation, "linked_event_id",
         elsewhere.pk, {Role.ENHETSCHEF, Role.VERKSAMHETSCHEF, Role.KVALITETSUTVECKLARE, Role.ADMINISTRATOR,
                        Role.MAS}),
    ]  # fmt: skip
    for url, body, record, attribute, value, changers in tries:
        response = api.patch(url, body, format="json")
        record.refresh_from_db()
        if role not in changers:
            assert response.status_code in (403, 404), (url, body, response.status_code)
        elif in_scope:
            assert response.status_code == 200, (url, body, response.json())
        else:
            assert response.status_code == 400, (url, body, response.status_code)
            assert next(iter(body)) in response.json()
        assert (getattr(record, attribute) == value) is (role in changers and in_scope), (url, body)


def test_a_link_made_by_someone_with_a_wider_scope_survives_an_edit_of_another_field(tree):
    chief = person_with_role(Role.ENHETSCHEF, tree.a)
    control = ControlFactory(unit=tree.a, risk=RiskFactory(unit=tree.b))
    api = APIClient()
    api.force_authenticate(chief)
    response = api.patch(
        f"/api/v1/controls/{control.pk}/", {"title": "Ny rubrik", "risk": control.risk_id}, format="json"
    )
    assert response.status_code == 200, response.json()
    form = ControlForm(instance=control, user=chief)
    assert control.risk in form.fields["risk"].queryset


def versions_at(unit, owner):
    """A finished version with record-level text and one with aggregates only, with all three files."""
    made = {}
    for aggregates_only in (False, True):
        text = "Aggregat" if aggregates_only else "Riskens kommentar: nattbemanningen brister"
        report = Report("kvalitetsplan", "Kvalitetsplan", "", "Kommunen", unit.name, str(YEAR),
                        [Section("s", "Avsnitt", blocks=[Paragraph(text)])], aggregates_only=aggregates_only)  # fmt: skip
        version = ReportVersion.objects.create(
            kind="kvalitetsplan",
            year=YEAR,
            unit=unit,
            number=2 if aggregates_only else 1,
            status="done",
            content=to_dict(report),
            aggregates_only=aggregates_only,
            created_by=owner,
        )
        version.docx.save("v.docx", ContentFile(b"word"), save=False)
        version.pdf.save("v.pdf", ContentFile(b"pdf"), save=True)
        made[aggregates_only] = version
    return made


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_a_reader_reaches_full_versions_only_with_a_staff_role_over_their_unit(client, tree, role, position):
    versions = versions_at(unit_at(tree, position), person_with_role(Role.KVALITETSUTVECKLARE, tree.root))
    user = person_with_role(role, tree.a)
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    listed = {row["id"] for row in api.get("/api/v1/report-versions/", {"limit": 100}).json()["results"]}
    for aggregates_only, version in versions.items():
        reachable = position == "own" and (aggregates_only or role in STAFF)
        expected = 200 if reachable else 404
        urls = [reverse("reports:version", args=[version.pk])]
        urls += [reverse("reports:file", args=[version.pk, f]) for f in ("html", "docx", "pdf")]
        for url in urls:
            assert client.get(url).status_code == expected, (url, aggregates_only)
        assert api.get(f"/api/v1/report-versions/{version.pk}/").status_code == expected
        assert (version.pk in listed) is reachable
        home = client.get(reverse("reports:home")).content.decode()
        assert (reverse("reports:version", args=[version.pk]) + '"' in home) is reachable, ("home", aggregates_only)


def test_a_committee_member_generates_aggregates_only_and_a_chief_of_the_unit_the_full_text(tree):
    member = person_with_role(Role.NAMNDLEDAMOT, tree.root)
    chief = person_with_role(Role.ENHETSCHEF, tree.a)
    assert generate.new_version("kvalitetsplan", YEAR, "", tree.a, member).aggregates_only
    assert not generate.new_version("kvalitetsplan", YEAR, "", tree.a, chief).aggregates_only
