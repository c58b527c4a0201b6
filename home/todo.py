"""'Mitt att göra': what the signed-in person should act on, gathered from each module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from core.scope import has_access

HORIZON_DAYS = 30
LIMIT = 20  # per kind of item: the start page stays short; the lists hold the rest


@dataclass(frozen=True)
class TodoItem:
    title: str
    kind: str
    url: str
    due: dt.date | None

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()


def items_for(user: Any) -> list[TodoItem]:
    """The person's open items, the most urgent first. Each module contributes one query."""
    today = timezone.localdate()
    horizon = today + dt.timedelta(days=HORIZON_DAYS)
    # A process owner's yearly review is an egenkontroll with them as responsible (Process.sync_review_control).
    items = _actions(user, horizon)
    items += _controls(user, horizon)
    items += _deviations(user)
    return sorted(items, key=lambda item: (item.due is None, item.due))


def _actions(user: Any, horizon: dt.date) -> list[TodoItem]:
    from actions.models import Action

    mine = Action.objects.filter(responsible=user).open().filter(due_on__lte=horizon)
    return [
        TodoItem(title=action.title, kind=_("Improvement action"), url=action.get_absolute_url(), due=action.due_on)
        for action in mine.order_by("due_on")[:LIMIT]
    ]


def _controls(user: Any, horizon: dt.date) -> list[TodoItem]:
    from controls.models import Control

    due = Control.objects.filter(responsible=user, is_active=True, next_due_on__lte=horizon).order_by("next_due_on")
    return [
        TodoItem(
            title=_("Perform: %(title)s") % {"title": control.title},
            kind=_("Self-inspection"),
            url=control.get_absolute_url(),
            due=control.next_due_on,
        )
        for control in due[:LIMIT]
    ]


def _deviations(user: Any) -> list[TodoItem]:
    """Reports waiting for an investigation to start, and lex Sarah reports waiting for the person's bedömning."""
    from accounts.choices import Role
    from core.scope import Perm, within_held
    from deviations.models import Deviation, TargetTime

    if not has_access(user, Perm.CHANGE, Deviation):
        return []
    targets = TargetTime.current()
    items = []
    waiting = Deviation.objects.visible_to(user, Perm.CHANGE).filter(status="reported").select_related("unit")
    for deviation in waiting.order_by("reported_at")[:LIMIT]:
        items.append(
            TodoItem(
                title=_("Start the investigation of %(ref)s (%(unit)s)")
                % {"ref": deviation.reference, "unit": deviation.unit},
                kind=_("Deviation"),
                url=deviation.get_absolute_url(),
                due=timezone.localtime(deviation.reported_at).date() + dt.timedelta(days=targets["start"]),
            )
        )
    # Nothing is asked of the database for a person who heads no verksamhet (within_held matches nothing).
    heads = within_held(user, frozenset({Role.VERKSAMHETSCHEF}))
    to_assess = Deviation.objects.filter(heads, kind="lex_sarah", decided_on__isnull=True)
    for deviation in to_assess.exclude(status="closed").order_by("reported_at")[:LIMIT]:
        items.append(
            TodoItem(
                title=_("Assess the lex Sarah report %(ref)s") % {"ref": deviation.reference},
                kind=_("Lex Sarah"),
                url=deviation.get_absolute_url(),
                due=timezone.localtime(deviation.reported_at).date() + dt.timedelta(days=targets["assess"]),
            )
        )
    return items
