"""Rules for avvikelser and lex Sarah: which steps have a target time, and when a step is overdue.

The law sets no day limits. SoL (2025:400) 27 kap. 2 §: missförhållanden rapporteras *genast*;
27 kap. 5 §: they are documented, utredda and avhjälpta or undanröjda *utan dröjsmål*; 27 kap.
6 §: allvarliga missförhållanden anmäls till IVO *snarast* (formerly SoL 2001:453 14 kap. 3, 6,
7 §§; LSS 24 b–f §§). Socialstyrelsen's handbook on lex Sarah (2014) says an anmälan should
normally reach IVO within two weeks of the report. So the days below are the nämnd's own
targets, editable per step, and these are their defaults.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .choices import DeviationKind, DeviationStatus, Step

# The root-cause categories of the seed reports (Huddinge IFO kvalitetsberättelse 2023).
DEFAULT_ROOT_CAUSES = [
    "Kommunikation och information",
    "Omgivning och organisation",
    "Processer och rutiner",
    "Teknisk utrustning",
    "Utbildning och kompetens",
    "Annat",
    "Ingen avvikelse",
]

DEFAULT_TARGET_DAYS: dict[str, int] = {
    Step.START: 2,  # "utreda utan dröjsmål" (27 kap. 5 §): local target
    Step.ASSESS: 7,  # lex Sarah bedömd by the verksamhetschef: local target
    Step.IVO: 14,  # "snarast" (27 kap. 6 §); Socialstyrelsen's handbook: normally within two weeks
    Step.CLOSE: 60,  # utredning and åtgärder completed: local target
}


@dataclass(frozen=True)
class StepState:
    step: str
    due_on: dt.date
    done: bool
    overdue: bool


def steps_for(kind: str, is_serious: bool | None) -> list[str]:
    """The steps that apply: lex Sarah adds the assessment, and an allvarligt one the IVO anmälan."""
    steps = [Step.START]
    if kind == DeviationKind.LEX_SARAH:
        steps.append(Step.ASSESS)
        if is_serious:
            steps.append(Step.IVO)
    steps.append(Step.CLOSE)
    return steps


def step_done(step: str, *, status: str, decided_on: dt.date | None, ivo_reported_on: dt.date | None) -> bool:
    if step == Step.START:
        return status != DeviationStatus.REPORTED
    if step == Step.ASSESS:
        return decided_on is not None
    if step == Step.IVO:
        return ivo_reported_on is not None
    return status == DeviationStatus.CLOSED


def step_states(
    *,
    kind: str,
    status: str,
    reported_on: dt.date,
    is_serious: bool | None,
    decided_on: dt.date | None,
    ivo_reported_on: dt.date | None,
    targets: dict[str, int],
    today: dt.date,
) -> list[StepState]:
    """Each applicable step with its due date (report date + target days), whether done and whether overdue."""
    states = []
    for step in steps_for(kind, is_serious):
        due = reported_on + dt.timedelta(days=targets.get(step, DEFAULT_TARGET_DAYS[step]))
        done = step_done(step, status=status, decided_on=decided_on, ivo_reported_on=ivo_reported_on)
        states.append(StepState(step=step, due_on=due, done=done, overdue=not done and today > due))
    return states
