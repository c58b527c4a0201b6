"""What a nämnd reads stays readable: the default outline shows the indicators marked for the documents or
linked to the year's goals and the risks from level hög, and says how many others there are; the catalogue
has blocks with all of them for an outline that wants everything."""

from __future__ import annotations

import pytest
from django.utils import translation

from goals.tests.factories import GoalFactory
from indicators.models import Result
from indicators.tests.factories import IndicatorFactory
from organisation.tests.factories import PeriodFactory
from reports import outlines
from reports.documents import build
from reports.rules import report_period
from risks.tests.factories import RiskFactory

YEAR = 2026


@pytest.fixture
def three_indicators(tree):
    period = PeriodFactory(year=YEAR)
    period.create_default_points()
    point = period.points.get(code="T2")
    marked = IndicatorFactory(code="MARKT", name="Markerad för nämnden")
    linked = IndicatorFactory(code="MAL", name="Följer ett mål", in_reports=False)
    internal = IndicatorFactory(code="INTERN", name="Följs inom verksamheten", in_reports=False)
    GoalFactory(year=YEAR, unit=tree.root).indicators.add(linked)
    GoalFactory(year=YEAR - 1, unit=tree.root).indicators.add(internal)  # last year's goal does not count
    for indicator in (marked, linked, internal):
        Result.objects.create(indicator=indicator, point=point, unit=tree.root, value=50)


def section(tree, user, block, kind="kvalitetsberattelse", period=""):
    rows = [outlines.Row(1, "avsnitt", "Avsnitt", block=block)]
    with translation.override("sv"):
        report = build(kind, report_period(YEAR, period), tree.root, user, rows=rows)
    return report.sections[0]


def captions(found) -> list[str]:
    return [block.caption for block in found.blocks if hasattr(block, "caption")]


def texts(found) -> str:
    return " ".join(getattr(block, "text", "") for block in found.blocks)


def test_the_document_shows_indicators_marked_or_following_a_goal_of_the_year_and_counts_the_rest(
    tree, admin, three_indicators
):
    found = section(tree, admin, "indicators", "tertialrapport", "T2")
    assert sorted(captions(found)) == ["Följer ett mål", "Markerad för nämnden"]
    assert "Ytterligare 1 indikator har resultat för perioden" in texts(found)


def test_an_outline_may_show_every_indicator(tree, admin, three_indicators):
    found = section(tree, admin, "all_indicators", "tertialrapport", "T2")
    assert sorted(captions(found)) == ["Följer ett mål", "Följs inom verksamheten", "Markerad för nämnden"]
    assert "Ytterligare" not in texts(found)


def test_the_document_shows_risks_from_level_high_and_counts_the_lower_ones(tree, admin):
    RiskFactory(unit=tree.a1, area="Utredning", title="Hög risk", probability=4, consequence=2)
    RiskFactory(unit=tree.a1, area="Utredning", title="Medelhög risk", probability=3, consequence=2)
    RiskFactory(unit=tree.b1, area="Boende", title="Låg risk", probability=1, consequence=2)
    found = section(tree, admin, "risks")
    rows = [row[0] for block in found.blocks if hasattr(block, "rows") for row in block.rows]
    assert rows == ["Hög risk (risknivå 8)"]
    assert "Risker med risknivå 8 (hög) och högre visas. Ytterligare 2 aktiva risker" in texts(found)

    everything = section(tree, admin, "all_risks")
    rows = [row[0] for block in everything.blocks if hasattr(block, "rows") for row in block.rows]
    assert sorted(rows) == ["Hög risk (risknivå 8)", "Låg risk (risknivå 2)", "Medelhög risk (risknivå 6)"]
    assert "Ytterligare" not in texts(everything)


def test_the_plan_lists_the_indicators_to_follow_per_unit_before_any_result_is_in(tree, admin):
    IndicatorFactory(code="VUX60", name="Vuxenutredningar inom 60 dagar", unit=tree.a1)
    IndicatorFactory(code="VALD", name="Brukarbedömning våld i nära relationer", unit=tree.b1)
    IndicatorFactory(code="NAMND", name="Nämndens egen indikator", unit=None)
    IndicatorFactory(code="INTERN", name="Följs bara inom verksamheten", unit=tree.a1, in_reports=False)
    found = section(tree, admin, "indicator_list", "kvalitetsplan")
    tables = {block.caption: [row[0] for row in block.rows] for block in found.blocks if hasattr(block, "rows")}
    assert "Nämndens egen indikator" in tables["Socialnämnden"]  # with the standard ones the nämnd follows
    assert (tables["Enhet A1"], tables["Enhet B1"]) == (
        ["Vuxenutredningar inom 60 dagar"],
        ["Brukarbedömning våld i nära relationer"],
    )
    assert "Följs bara inom verksamheten" not in str(tables)


def test_the_plan_takes_up_risks_from_level_high_and_every_risk_an_egenkontroll_follows(tree, admin):
    from controls.tests.factories import ControlFactory

    RiskFactory(unit=tree.a1, area="Utredning", title="Hög risk", probability=4, consequence=2)
    followed = RiskFactory(unit=tree.a1, area="Utredning", title="Följd risk", probability=1, consequence=2)
    ControlFactory(unit=tree.a1, risk=followed, title="Aktgranskning")
    RiskFactory(unit=tree.a1, area="Utredning", title="Låg risk", probability=1, consequence=1)
    found = section(tree, admin, "quality_plan", "kvalitetsplan")
    rows = [row[0] for block in found.blocks if hasattr(block, "rows") for row in block.rows]
    assert sorted(rows) == ["Följd risk (2)", "Hög risk (8)"]
    assert "Ytterligare 1 aktiv risk med lägre risknivå" in texts(found)
