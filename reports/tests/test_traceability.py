"""Every figure can be traced: the preview links counts to their records and utfall to the cases behind them,
and the documents end with "Underlag", each table's source, period and rule."""

import pytest
from django.urls import reverse
from django.utils import translation

from indicators.models import Result
from reports import generate
from reports.tests.records import YEAR


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


def test_the_preview_links_figures_to_their_records(records, client, tree):
    client.force_login(records.planner)
    page = client.get(
        "/rapporter/forhandsgranska/", {"kind": "kvalitetsberattelse", "year": YEAR, "unit": tree.root.pk}
    ).content.decode()
    assert "/avvikelser/?kind=lex_sarah&amp;unit=" in page
    utfall = Result.objects.get(
        indicator__code="IFO_BOU_UTR_4MAN", unit=tree.root, gender="T", point__code="VB", point__period__year=YEAR
    )
    assert reverse("casedata:cases_behind", args=[utfall.pk]) in page
    behind = client.get(reverse("casedata:cases_behind", args=[utfall.pk]))
    assert len(behind.context["rows"]) == 1384


def test_the_appendix_names_each_tables_source_period_and_rule(tree, records):
    with translation.override("sv"):
        report = generate.assemble("kvalitetsberattelse", YEAR, "", tree.root, records.planner)
    sources = {s.key: s for s in report.sources}
    used = {b.source for s in report.sections for b in s.blocks if getattr(b, "source", "")}
    assert used <= set(sources)
    rule = sources["indikator_IFO_BOU_UTR_4MAN"].rule
    assert "SoL (2025:400) 20 kap. 3 §" in rule
    assert sources["lex_sarah"].period == f"{YEAR}-01-01–{YEAR}-12-31"
