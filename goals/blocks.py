"""The document block of the verksamhetsplan's follow-up: each goal with its bedömning per unit."""

from __future__ import annotations

from collections import Counter

from core import formatting
from core.document import Context, Section, Table, link

from .choices import Assessment, GoalKind
from .models import Goal, GoalReport


def goals_sentence(counts: dict[str, int]) -> str:
    """“Av 12 bedömda mål är tre helt uppfyllda, sju delvis uppfyllda och två ej uppfyllda.”"""
    total = sum(counts.values())
    if total == 0:
        return "Inga mål har bedömts för perioden."
    parts = [f"{formatting.count_words(n, neuter=True)} {label}" for label, n in counts.items() if n]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"Av {formatting.count_words(total, neuter=True)} bedömda mål är {listed}."


ASSESSMENT_LABELS = {
    Assessment.FULLY: "helt uppfyllda",
    Assessment.PARTLY: "delvis uppfyllda",
    Assessment.NOT_MET: "ej uppfyllda",
    Assessment.NOT_EVALUATED: "ej utvärderade",
}


def goal_follow_up(ctx: Context, level: int = 1) -> Section:
    """The verksamhetsplan's follow-up at the point: each goal with its bedömning (seed 004's bilaga)."""
    source = ctx.source(
        "mal", "Verksamhetsplanens mål", "Målrapporteringar för uppföljningstillfället", url=link("goals:tree")
    )
    # Every unit in the subtree reports on its goals: the nämnd's document holds each verksamhetsområde's bedömning.
    reports = (
        ctx.aggregate(GoalReport)
        .filter(round__point=ctx.period.point)
        .select_related("goal", "unit")
        .order_by("goal__order", "goal__title", "unit__path")
        if ctx.period.point
        else GoalReport.objects.none()
    )
    counts = Counter(r.assessment for r in reports)
    suggestion = goals_sentence({label: counts.get(value, 0) for value, label in ASSESSMENT_LABELS.items()})
    section = ctx.narrative("verksamhetsplan", "Uppföljning av verksamhetsplanen", level, [suggestion])
    rows = []
    for report in reports:
        row = [report.goal.title, report.unit.name, report.get_assessment_display()]
        if not ctx.aggregates_only:
            row.append(report.overall or "–")
        rows.append(row)
    header = ["Mål", "Enhet", "Bedömning"] + ([] if ctx.aggregates_only else ["Samlad bedömning"])
    if rows:
        section.blocks.append(Table("Målen och deras bedömning", header, rows, source))
    return section


def focus_areas(ctx: Context, level: int = 2) -> Section:
    """The year's fokusområden, where the author describes the work in each (seed 002)."""
    section = ctx.narrative("fokusomraden", "Fokusområden", level)
    areas = Goal.objects.filter(year=ctx.period.year, kind=GoalKind.FOCUS_AREA).order_by("order", "title")
    if areas:
        section.blocks.append(Table("Fokusområden", ["Fokusområde"], [[g.title] for g in areas], ""))
    return section
