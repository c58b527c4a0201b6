"""Reports respect scope: a chief of B cannot open A's report or its versions; a nämndledamot's version holds
aggregates only; a municipality may hide small counts as "färre än N"."""

import pytest
from django.test import override_settings
from django.utils import translation

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from reports import generate
from reports.models import ReportVersion
from reports.tests.records import YEAR


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


def test_a_chief_of_b_cannot_preview_or_open_a_report_on_a(records, client, tree, chief_b):
    version = generate.new_version("kvalitetsplan", YEAR, "", tree.a, records.planner)
    client.force_login(chief_b)
    assert (
        client.get(
            "/rapporter/forhandsgranska/", {"kind": "kvalitetsplan", "year": YEAR, "unit": tree.a.pk}
        ).status_code
        == 404
    )
    assert client.get(f"/rapporter/version/{version.pk}/").status_code == 404
    assert client.get(f"/rapporter/version/{version.pk}/fil/pdf/").status_code == 404
    own = client.get("/rapporter/forhandsgranska/", {"kind": "kvalitetsplan", "year": YEAR, "unit": tree.b.pk})
    assert own.status_code == 200 and "Utredningstiden överskrids" not in own.content.decode()


def test_a_reader_may_not_write_texts_or_generate(records, client, tree):
    reader = person_with_role(Role.MEDARBETARE, tree.a)
    client.force_login(reader)
    query = f"kind=tertialrapport&year={YEAR}&period=T2&unit={tree.a.pk}"
    assert client.post("/rapporter/generera/?" + query, {}).status_code == 403
    assert client.get("/rapporter/text/?" + query + "&section=sammanfattning").status_code == 403
    assert not ReportVersion.objects.exists()
    assert records


def test_a_committee_members_version_holds_aggregates_only(tree):
    member = person_with_role(Role.NAMNDLEDAMOT, tree.root)
    with translation.override("sv"):
        report = generate.assemble("kvalitetsberattelse", YEAR, "", tree.root, member)
    assert report.aggregates_only
    text = report.to_json()
    assert "Utredningstiden överskrids" not in text  # a record's own text
    assert "Aktgranskning av utredningstider" not in text
    lex = next(b for s in report.sections if s.key == "lex_sarah" for b in s.blocks if hasattr(b, "rows"))
    assert dict((r[0], r[1]) for r in lex.rows)["Rapporterade"] == "11"  # the counts are there


@override_settings(REPORT_SMALL_COUNT=5)
def test_counts_below_the_threshold_are_shown_as_fewer_than(tree, records):
    with translation.override("sv"):
        report = generate.assemble("tertialrapport", YEAR, "T2", tree.root, records.planner)
    lex = next(b for s in report.sections if s.key == "lex_sarah" for b in s.blocks if hasattr(b, "rows"))
    figures = dict((r[0], r[1]) for r in lex.rows)
    assert figures["Rapporterade"] == "11"
    assert figures["varav bedömda som allvarliga"] == "färre än 5"


def test_the_api_lists_only_versions_in_scope(tree, records, chief_b):
    from rest_framework.test import APIClient

    generate.new_version("kvalitetsplan", YEAR, "", tree.a, records.planner)
    own = generate.new_version("kvalitetsplan", YEAR, "", tree.b, records.planner)
    client = APIClient()
    client.force_authenticate(chief_b)
    assert [v["id"] for v in client.get("/api/v1/report-versions/").json()["results"]] == [own.pk]
