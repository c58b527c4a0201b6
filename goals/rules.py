"""Rules for goals: which node may sit under which, and the suggested bedömning."""

from __future__ import annotations

from collections.abc import Iterable

from indicators.rules import meets

from .choices import ASSIGNMENT_ASSESSMENTS, GOAL_ASSESSMENTS, Assessment, GoalKind

# The verksamhetsplan's hierarchy (seed 004, bilaga): fokusområde → fullmäktigemål (långsiktigt mål,
# årsmål, uppdrag) → the nämnd's kvalitetsmål → utvecklingsområde. A kvalitetsmål may also stand
# directly under the long-term goal "Socialtjänstens stöd", or on its own.
CHILDREN: dict[str | None, set[str]] = {
    None: {GoalKind.FOCUS_AREA, GoalKind.QUALITY},
    GoalKind.FOCUS_AREA: {GoalKind.LONG_TERM, GoalKind.ANNUAL, GoalKind.ASSIGNMENT},
    GoalKind.LONG_TERM: {GoalKind.QUALITY},
    GoalKind.ANNUAL: set(),
    GoalKind.ASSIGNMENT: set(),
    GoalKind.QUALITY: {GoalKind.DEVELOPMENT_AREA},
    GoalKind.DEVELOPMENT_AREA: set(),
}


def may_contain(parent_kind: str | None, child_kind: str) -> bool:
    return child_kind in CHILDREN.get(parent_kind, set())


def assessments_for(kind: str) -> tuple[str, ...]:
    """The bedömningar a node can get: an uppdrag is Ej påbörjad / Påbörjad / Klar, every other goal
    Helt uppfyllt / Delvis uppfyllt / Ej uppfyllt / Ej utvärderad (seed 004, bilaga)."""
    return ASSIGNMENT_ASSESSMENTS if kind == GoalKind.ASSIGNMENT else GOAL_ASSESSMENTS


def suggested_assessment(outcomes: Iterable[tuple[float | None, float | None, str]]) -> str:
    """A bedömning suggested from the goal's indicators, shown beside the human one and never replacing it.

    Each outcome is (utfall at the point, the year's etappmål, which direction is better). Indicators
    without an utfall, without an etappmål or with no better direction are left out. All reaching
    their etappmål: Helt uppfyllt; none: Ej uppfyllt; some: Delvis uppfyllt; nothing to judge: Ej
    utvärderad.
    """
    judged = [
        meets(value, target, better) for value, target, better in outcomes if value is not None and target is not None
    ]
    judged = [j for j in judged if j is not None]
    if not judged:
        return Assessment.NOT_EVALUATED
    if all(judged):
        return Assessment.FULLY
    if not any(judged):
        return Assessment.NOT_MET
    return Assessment.PARTLY
