"""Egenkontroller for the demo risks, with a year of genomföranden (seed 002's two kinds)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from accounts.models import User
from actions.choices import ActionStatus, Effect
from actions.models import Action, ActionStatusChange
from organisation.models import FollowUpPoint
from risks.models import Risk

from .choices import Cadence, Method, Verdict
from .models import Control, ControlRun

CONTROLS = [
    # risk title starts with, control, purpose, method, cadence, plan, (numerator, denominator, verdict)
    (
        "Barnavårdsutredningar",
        "Aktgranskning av utredningstider",
        "Säkerställa att utredningar avslutas inom fyra månader.",
        Method.CASE_REVIEW,
        Cadence.QUARTERLY,
        "Följa andelen utredningar inom lagstadgad tid varje kvartal.",
        (71, 100, Verdict.NEEDS_ACTION),
    ),
    (
        "Aktualiseringar",
        "Uppföljning av aktualiseringar inom 14 dagar",
        "Följa upp och kontrollera andelen aktualiseringar som åtgärdas inom 14 dagar.",
        Method.STATISTICS,
        Cadence.MONTHLY,
        "Månatlig statistik till ledningsgruppen.",
        (88, 100, Verdict.APPROVED),
    ),
    (
        "Familjer får inte",
        "Uppföljning av arbetet med samutredningar",
        "Undersöka hur väl implementerade befintliga rutiner är och om de behöver revideras.",
        Method.PROCESS_REVIEW,
        Cadence.YEARLY,
        "Lämna förslag på arbetssätt med befintliga resurser.",
        None,
    ),
    (
        "Brukare utsätts",
        "Genomgång av skydds- och begränsningsåtgärder",
        "Kontrollera att rutinen för skydds- och begränsningsåtgärder följs.",
        Method.CASE_REVIEW,
        Cadence.HALF_YEARLY,
        "Fortsätta implementera rutinen.",
        (12, 12, Verdict.APPROVED),
    ),
    (
        "Dokumentationen",
        "Loggkontroll i verksamhetssystemet",
        "Säkerställa att bara behöriga läser journaler.",
        Method.LOG_REVIEW,
        Cadence.QUARTERLY,
        "Stickprov av loggar varje kvartal.",
        (47, 50, Verdict.NEEDS_ACTION),
    ),
]


def create(today: dt.date) -> None:
    responsible = User.objects.filter(username="ec.myn").first()
    for prefix, title, purpose, method, cadence, plan, outcome in CONTROLS:
        risk = Risk.objects.filter(title__startswith=prefix).first()
        control = Control.objects.create(
            title=title,
            purpose=purpose,
            method=method,
            cadence=cadence,
            plan=plan,
            risk=risk,
            unit=risk.unit if risk else responsible.memberships.first().unit,
            responsible=responsible,
            first_due_on=today - dt.timedelta(days=200),
        )
        if outcome:
            numerator, denominator, verdict = outcome
            # Three years of genomföranden: earlier years approved, the latest as given.
            history = [
                (2, denominator, Verdict.APPROVED),
                (1, denominator - 1, Verdict.APPROVED),
                (0, numerator, verdict),
            ]
            for years_ago, met, result in history:
                run = ControlRun.objects.create(
                    control=control,
                    # A run that called for action was in early summer, so its åtgärd has two follow-ups.
                    performed_on=today
                    - dt.timedelta(days=(150 if result == Verdict.NEEDS_ACTION else 60) + 365 * years_ago),
                    numerator=met,
                    denominator=denominator,
                    verdict=result,
                    performed_by=responsible,
                    result=f"Kravet uppfylldes i {met} av {denominator} granskade ärenden.",
                )
            if run.action_id:
                follow_up_at_points(run, today)


def follow_up_at_points(run: ControlRun, today: dt.date) -> None:
    """The åtgärd a genomförande led to, followed up at the point after the run and at the current one."""
    action = run.action
    started = run.performed_on + dt.timedelta(days=20)
    # Made on the day of the run and started three weeks later, as it would have been: a document for a past
    # period shows the åtgärd as it stood then (actions.models.statuses_at).
    action.created_at = _noon(run.performed_on)  # saved with the follow-ups below
    Action.objects.filter(pk=action.pk).update(created_at=action.created_at)
    action.transition_to(ActionStatus.IN_PROGRESS, by=run.performed_by, note="")
    ActionStatusChange.objects.filter(action=action).update(changed_at=_noon(started))
    steps = [
        (started, "Åtgärden är påbörjad: genomgång av bristerna på APT.", ""),
        (today, "Ny rutin införd; ny aktgranskning planerad till nästa kvartal.", Effect.NOT_YET),
    ]
    for day, text, effect in steps:
        action.follow_up, action.effect = text, effect
        action._follow_up_point = FollowUpPoint.reported_at(day)
        action.save()


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
