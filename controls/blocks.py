"""The document blocks of egenkontroller and granskningar, and the kvalitetsplan's risk and control tables."""

from __future__ import annotations

from django.db.models import Count, Q

from actions.choices import ActionStatus
from actions.models import Action, follow_ups_at, statuses_at
from core import formatting
from core.document import Context, Paragraph, Section, Table, link
from risks import rules as risk_rules
from risks.blocks import risk_tables
from risks.choices import RiskBand
from risks.models import Risk

from . import quality_plan
from .models import Control, ControlRun, Review

RUNS_LISTED = 300  # a document lists this many genomföranden; the counts above it cover them all


def control_tables(ctx: Context, level: int = 2) -> Section:
    """The two tables of seed 002: egenkontroller planned for the year, and those performed with their result."""
    source = ctx.source(
        "egenkontroller",
        "Egenkontroller",
        "Egenkontroller och genomföranden under perioden",
        url=link("controls:list"),
    )
    section = ctx.narrative("egenkontroller", "Egenkontroller", level)
    runs = ctx.aggregate(ControlRun).filter(performed_on__range=(ctx.period.start, ctx.period.end))
    verdicts = dict(runs.values_list("verdict").annotate(n=Count("id")).values_list("verdict", "n"))
    section.blocks.append(
        Table(
            "Genomförda egenkontroller",
            ["", "Antal"],
            [
                ["Planerade egenkontroller", ctx.count(ctx.aggregate(Control).filter(is_active=True).count())],
                ["Genomföranden under perioden", ctx.count(sum(verdicts.values()))],
                ["varav godkända", ctx.count(verdicts.get("approved", 0))],
                ["varav med behov av åtgärd", ctx.count(verdicts.get("needs_action", 0))],
                ["varav som ledde till en åtgärd", ctx.count(runs.exclude(action=None).count())],
            ],
            source,
            [1],
        )
    )
    if not ctx.aggregates_only:
        runs = list(
            ctx.records(ControlRun)
            .filter(performed_on__range=(ctx.period.start, ctx.period.end))
            .select_related("control__risk", "action")
            .order_by("performed_on", "pk")[: RUNS_LISTED + 1]
        )
        if len(runs) > RUNS_LISTED:
            runs = runs[:RUNS_LISTED]
            section.blocks.append(
                Paragraph(
                    f"Tabellerna visar de {RUNS_LISTED} första genomförandena under perioden; alla finns i listan "
                    "över genomförda egenkontroller."
                )
            )
        section.blocks += _control_run_tables(ctx, runs, source)
    return section


def _control_run_tables(ctx: Context, runs: list, source: str) -> list[Table]:
    """Seed 002's two tables: the controls that called for åtgärder — with their linked risk and the åtgärd's
    status at the period's end and its follow-up — and the approved ones. Links the reader may not see are left
    out (core.scope.links)."""
    risks = set(ctx.records(Risk).filter(pk__in={r.control.risk_id for r in runs}).values_list("pk", flat=True))
    actions = ctx.records(Action).filter(pk__in={r.action_id for r in runs if r.action_id})
    status = statuses_at(actions, ctx.period.end)
    written = follow_ups_at(actions, ctx.period.end)
    labels = dict(ActionStatus.choices)

    def control(run) -> str:
        risk = run.control.risk
        linked = f" (kopplad till risk: {risk.title})" if risk is not None and risk.pk in risks else ""
        return run.control.title + linked

    def result(run) -> str:
        return f"{formatting.iso_date(run.performed_on)}: {run.result}"

    def follow_up(run) -> str:
        if run.action_id not in status:
            return "–"
        action = run.action
        text = f"{action.title}: {str(labels[status[action.pk]]).lower()}"
        return text + (f" – {written[action.pk]}" if written.get(action.pk) else "")

    acted = [r for r in runs if r.action_id or r.verdict == "needs_action"]
    approved = [r for r in runs if not (r.action_id or r.verdict == "needs_action")]
    tables = []
    if acted:
        tables.append(
            Table(
                "Kontroller som har föranlett behov av åtgärder",
                ["Egenkontroll", "Uppföljning av egenkontroll", "Uppföljning av åtgärd"],
                [[control(r), result(r), follow_up(r)] for r in acted],
                source,
            )
        )
    if approved:
        tables.append(
            Table(
                "Godkända kontroller som ej föranlett behov av åtgärder",
                ["Egenkontroll", "Uppföljning av egenkontroll"],
                [[control(r), result(r)] for r in approved],
                source,
            )
        )
    return tables


def reviews(ctx: Context, level: int = 2) -> Section:
    source = ctx.source(
        "granskningar", "Revisioner och granskningar", "Granskningar under perioden", url=link("controls:review_list")
    )
    section = ctx.narrative("granskningar", "Revisioner och granskningar", level)
    found = ctx.records(Review).filter(performed_on__range=(ctx.period.start, ctx.period.end)).order_by("performed_on")
    rows = [[r.title, r.get_kind_display(), r.performed_by, formatting.iso_date(r.performed_on)] for r in found]
    if rows:
        section.blocks.append(
            Table("Revisioner och granskningar", ["Granskning", "Slag", "Utförd av", "Datum"], rows, source)
        )
    return section


def quality_plan_areas(ctx: Context, level: int = 2) -> list[Section]:
    """Seed 003: a section per area at ``level``, each with Risk | Egenkontroll | Syfte | Åtgärder | Vad ska göras."""
    source = ctx.source(
        "kvalitetsplan",
        "Kvalitetsplan",
        "Riskregistret och egenkontrollerna",
        "Risknivå = sannolikhet × konsekvens",
        link("controls:quality_plan", year=ctx.period.year),
    )
    if ctx.aggregates_only:
        return [risk_tables(ctx, level)]
    # What the plan is about: the risks from level hög, and every risk an egenkontroll follows whatever its level.
    minimum = risk_rules.lowest_level(RiskBand.HIGH)
    followed = ctx.records(Control).filter(is_active=True, risk__isnull=False).values("risk")
    active = ctx.records(Risk).filter(is_active=True)
    planned = active.filter(Q(level__gte=minimum) | Q(pk__in=followed))
    lower = active.count() - planned.count()
    areas = quality_plan.build(planned, ctx.records(Control), ctx.records(Action), ctx.period.year)
    found = []
    for index, area in enumerate(areas, start=1):
        section = ctx.narrative(f"plan_omrade_{index}", area.area, level)
        rows = []
        for row in area.rows:
            controls = row.controls or [quality_plan.PlanControl("", "", "", "")]
            for position, control in enumerate(controls):
                rows.append(
                    [
                        (f"{row.risk} ({row.level})" if row.level else row.risk) if position == 0 else "",
                        control.title or "–",
                        control.purpose or "–",
                        "; ".join(row.actions) if position == 0 and row.actions else ("–" if position == 0 else ""),
                        control.plan or "–",
                    ]
                )
        section.blocks.append(
            Table(area.area, ["Risk", "Egenkontroll", "Syfte", "Åtgärder", "Vad ska göras"], rows, source)
        )
        found.append(section)
    if lower and found:
        found[0].blocks.insert(
            0,
            Paragraph(
                f"Planen tar upp riskerna med risknivå {minimum} (hög) och högre och varje risk som en egenkontroll "
                f"följer. Ytterligare {formatting.number(lower)} "
                f"{'aktiv risk' if lower == 1 else 'aktiva risker'} med lägre risknivå finns i riskregistret."
            ),
        )
    return found
