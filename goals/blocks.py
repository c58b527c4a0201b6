"""The document block of the verksamhetsplan's follow-up: each goal with its bedömning per unit."""

from __future__ import annotations

from collections import Counter

from core import formatting
from core.document import Context, Paragraph, Section, Table, link

from .choices import Assessment, GoalKind
from .models import Goal, GoalReport, tree


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


def _kind_heading(goal, year: int) -> str:
    """The seed's prefix for a goal's heading: “Långsiktigt mål - …”, “Årsmål 2022 - …”, “Uppdrag - …”."""
    prefix = {
        GoalKind.FOCUS_AREA: "Fokusområde",
        GoalKind.LONG_TERM: "Långsiktigt mål",
        GoalKind.ANNUAL: f"Årsmål {year}",
        GoalKind.ASSIGNMENT: "Uppdrag",
        GoalKind.QUALITY: "Kvalitetsmål",
        GoalKind.DEVELOPMENT_AREA: "Utvecklingsområde",
    }[goal.kind]
    return f"{prefix} – {goal.title}"


def operational_plan(ctx: Context, level: int = 2) -> list[Section]:
    """The whole verksamhetsplan as seed 004's bilaga has it: the overview of fokusområden and their goals, then
    the goal tree (fokusområde → mål → kvalitetsmål → utvecklingsområde, uppdrag with their status), each goal
    with its ansvarig and bedömning, each reporting unit's samlad bedömning, orsak and åtgärd, and the
    indicators that follow it at each point of the year, split by gender where the results are."""
    from indicators.choices import Gender
    from indicators.models import Result

    year = ctx.period.year
    source = ctx.source(
        "verksamhetsplan",
        "Verksamhetsplanen",
        "Verksamhetsplanens mål, målrapporteringar och indikatorernas utfall",
        url=link("goals:tree", year=year),
    )
    goals = tree(
        ctx.aggregate(Goal).filter(year=year).select_related("responsible", "unit").prefetch_related("indicators")
    )
    reports: dict[int, list[GoalReport]] = {}
    if ctx.period.point is not None:
        for report in (
            ctx.aggregate(GoalReport)
            .filter(round__point=ctx.period.point, goal__year=year)
            .select_related("unit")
            .order_by("unit__path")
        ):
            reports.setdefault(report.goal_id, []).append(report)
    indicator_ids = {i.pk for row in goals for i in row.node.indicators.all()}
    results: dict[tuple[int, int], list[Result]] = {}
    for result in (
        ctx.aggregate(Result)
        .filter(
            indicator__in=indicator_ids,
            point__period__year=year,
            point__ends_on__lte=ctx.period.end,
            unit__in={ctx.unit.pk} | {row.node.unit_id for row in goals},
        )
        .select_related("point")
        .order_by("point__ends_on", "point__order")
    ):
        results.setdefault((result.indicator_id, result.unit_id), []).append(result)

    overview = Section("verksamhetsplan_oversikt", "Fokusområden och mål", level)
    children: dict[int, list[str]] = {}
    for row in goals:
        if row.node.parent_id:
            children.setdefault(row.node.parent_id, []).append(row.node.title)
    focus = [row.node for row in goals if row.node.kind == GoalKind.FOCUS_AREA]
    if focus:
        overview.blocks.append(
            Table(
                "Fokusområden och mål",
                ["Fokusområde", "Mål"],
                [[g.title, "; ".join(children.get(g.pk, [])) or "–"] for g in focus],
                source,
            )
        )
    else:
        overview.blocks.append(Paragraph(f"Inga mål är inlagda i verksamhetsplanen för {year}."))
    sections = [overview]
    gender_labels = dict(Gender.choices)
    for row in goals:
        goal = row.node
        section = Section(f"mal_{goal.pk}", _kind_heading(goal, year), min(level + row.depth, 3))
        if goal.description:
            section.blocks.append(Paragraph(goal.description))
        found = reports.get(goal.pk, [])
        own = next((r for r in found if r.unit_id == goal.unit_id), found[0] if len(found) == 1 else None)
        assessment = own.get_assessment_display() if own else ("Se per enhet" if found else "Ej rapporterad")
        person = goal.responsible
        responsible = (person.get_full_name() or person.get_username()) if person else "–"
        label = "Status" if goal.kind == GoalKind.ASSIGNMENT else "Bedömning"
        caption = f"{goal.title}: ansvarig och {label.lower()}"
        section.blocks.append(Table(caption, ["Ansvarig", label], [[responsible, str(assessment)]], source))
        for report in found:
            lines = [f"{report.unit.name}: {report.get_assessment_display()}"]
            if not ctx.aggregates_only:  # the texts name people's situations; counts only for a nämndledamot
                lines += [
                    f"{name}: {text}"
                    for name, text in (
                        ("Samlad bedömning", report.overall),
                        ("Orsak", report.cause),
                        ("Åtgärd", report.action),
                        ("Kommentar", report.comment),
                    )
                    if text
                ]
            section.blocks += [Paragraph(line) for line in lines]
        for indicator in goal.indicators.all():
            shown = results.get((indicator.pk, ctx.unit.pk)) or results.get((indicator.pk, goal.unit_id), [])
            if not shown:
                continue
            stored = {r.gender for r in shown}
            genders = [g for g in (Gender.WOMEN, Gender.MEN, Gender.GIRLS, Gender.BOYS, Gender.TOTAL) if g in stored]
            by_point: dict[str, dict[str, str]] = {}
            for result in shown:
                cell = formatting.number(result.value, 1) if result.value is not None else "–"
                if result.numerator is not None and result.denominator:
                    cell += f" ({ctx.count(result.numerator)} av {ctx.count(result.denominator)})"
                by_point.setdefault(f"{result.point.code} {year}", {})[result.gender] = cell
            section.blocks.append(
                Table(
                    f"{indicator.name}: utfall {year}",
                    ["Period", *[str(gender_labels[g]) for g in genders]],
                    [[point, *[cells.get(g, "–") for g in genders]] for point, cells in by_point.items()],
                    source,
                    numeric=list(range(1, len(genders) + 1)),
                )
            )
            if indicator.description:
                section.blocks.append(Paragraph(f"Beskrivning: {indicator.description}"))
            written = [r.comment for r in shown if r.comment and r.point_id == shown[-1].point_id]
            if written and not ctx.aggregates_only:
                section.blocks.append(Paragraph(f"Kommentar: {written[0]}"))
        sections.append(section)
    return sections
