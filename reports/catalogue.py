"""The catalogue of data blocks an outline's section may hold: each key names a function of the app that owns the
records (``<app>/blocks.py``), imported here by name. A block takes the document's context and the level of its
section and returns one or more sections of tables, figures and data sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from actions import blocks as actions
from casedata import blocks as casedata
from complaints import blocks as complaints
from controls import blocks as controls
from core.document import Context, Section
from deviations import blocks as deviations
from finance import blocks as finance
from goals import blocks as goals
from indicators import blocks as indicators
from organisation import blocks as organisation
from risks import blocks as risks
from staff import blocks as staff
from surveys import blocks as surveys

Build = Callable[[Context, int], list[Section]]


@dataclass(frozen=True)
class Block:
    label: str
    build: Build
    summarised: bool = False  # its data sentences are offered in the document's Sammanfattning too
    named: bool = True  # its first section takes the outline's heading (not so for one section per area)


def _organisation(ctx: Context) -> str:
    return ctx.unit.name.lower() if ctx.unit.parent_id is None else ctx.unit.name


BLOCKS: dict[str, Block] = {
    "target_groups": Block(_("Target groups"), lambda ctx, level: [organisation.target_groups(ctx, level)]),
    "focus_areas": Block(_("Focus areas of the year"), lambda ctx, level: [goals.focus_areas(ctx, level)]),
    "deviations": Block(_("Deviations by kind and cause, lex Sarah and private providers"), deviations.deviations),
    "lex_sarah": Block(_("Lex Sarah outcomes"), lambda ctx, level: [deviations.lex_sarah(ctx, level=level)]),
    "lex_sarah_and_other_events": Block(
        _("Lex Sarah outcomes and other reported events"),
        lambda ctx, level: [deviations.lex_sarah(ctx, level=level, other_events=True)],
        summarised=True,
    ),
    "complaints": Block(
        _("Comments and complaints by unit and category"), lambda ctx, level: [complaints.complaints(ctx, level)]
    ),
    "risks": Block(
        _("Risks of level high and above per area, with their actions"),
        lambda ctx, level: [risks.risk_tables(ctx, level)],
    ),
    "all_risks": Block(
        _("Every active risk per area, with its actions"),
        lambda ctx, level: [risks.risk_tables(ctx, level, everything=True)],
    ),
    "controls": Block(
        _("Self-inspections planned and performed"), lambda ctx, level: [controls.control_tables(ctx, level)]
    ),
    "reviews": Block(_("Audits and reviews"), lambda ctx, level: [controls.reviews(ctx, level)]),
    "quality_plan": Block(
        _("Risks and self-inspections per area (quality plan)"), controls.quality_plan_areas, named=False
    ),
    "actions": Block(_("Improvement actions at the period's end"), lambda ctx, level: [actions.actions(ctx, level)]),
    "not_carried_out": Block(
        _("Favourable decisions not carried out"), lambda ctx, level: [casedata.not_carried_out_section(ctx, level)]
    ),
    "case_statistics": Block(_("Cases opened"), lambda ctx, level: [casedata.case_statistics(ctx, level)]),
    "indicators": Block(
        _("Quality indicators with charts"), lambda ctx, level: [indicators.indicator_tables(ctx, level)]
    ),
    "all_indicators": Block(
        _("Every quality indicator with results, with charts (also those not marked for the documents)"),
        lambda ctx, level: [indicators.indicator_tables(ctx, level, everything=True)],
    ),
    "indicator_list": Block(
        _("Indicators followed during the year, per unit"),
        lambda ctx, level: [indicators.indicators_to_follow(ctx, level)],
    ),
    "surveys": Block(_("User surveys"), lambda ctx, level: [surveys.surveys(ctx, level)]),
    "forecast": Block(
        _("Forecast, operating and investment accounts"),
        lambda ctx, level: finance.forecast(ctx, _organisation(ctx), level),
        summarised=True,
    ),
    "staff": Block(_("Staff and sick leave"), staff.staff, summarised=True),
    "operational_plan": Block(
        _("The whole operational plan: goal tree, assessments, causes, actions, indicators"), goals.operational_plan
    ),
    "goal_follow_up": Block(
        _("Goals of the operational plan and their assessment"),
        lambda ctx, level: [goals.goal_follow_up(ctx, level)],
    ),
}

# Not a block of records: the text section that gathers the summarised blocks' data sentences.
SUMMARY = "summary"


def choices() -> list[tuple[str, str]]:
    """The blocks as choices for the outline editor, the summary among them."""
    return [("", _("Text only")), (SUMMARY, _("Summary of the document's key figures"))] + [
        (key, block.label) for key, block in BLOCKS.items()
    ]
