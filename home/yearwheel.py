"""Årshjulet: everything recurring or due, from every module, for a person's part of the organisation.

One list of plain events serves the page and the iCalendar feed. Each module contributes one query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import icalendar
from django.db.models import Count
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from core.scope import Perm, has_access


@dataclass(frozen=True)
class Event:
    day: dt.date
    title: str
    kind: str
    url: str
    uid: str


@dataclass(frozen=True)
class Source:
    """One kind of dated item: the rows due in a date range, how to date and name each, and (for counting)
    which date field to group by and how many months the due date lies after it."""

    kind: str
    rows: Any  # the queryset, already limited to the scope, the unit and the date range
    date_field: str
    month_shift: int
    event: Callable[[Any], Event]


def sources(user: Any, start: dt.date, end: dt.date, unit: Any = None) -> list[Source]:
    """What the årshjul gathers from each module, in ``user``'s scope, optionally within ``unit``'s subtree."""
    from actions.models import Action
    from controls.models import Control
    from organisation.models import FollowUpPoint
    from risks.models import Risk, review_months
    from risks.rules import review_due

    def within(queryset, path: str = "unit__path"):
        return queryset.filter(**{f"{path}__startswith": unit.path}) if unit is not None else queryset

    found: list[Source] = []
    if has_access(user, Perm.VIEW, Control):
        found.append(
            Source(
                _("Self-inspection"),
                within(Control.objects.visible_to(user).filter(is_active=True, next_due_on__range=(start, end))),
                "next_due_on",
                0,
                lambda c: Event(
                    c.next_due_on,
                    _("Self-inspection: %(title)s") % {"title": c.title},
                    _("Self-inspection"),
                    c.get_absolute_url(),
                    f"control-{c.pk}",
                ),
            )
        )
    if has_access(user, Perm.VIEW, Action):
        found.append(
            Source(
                _("Improvement action"),
                within(Action.objects.visible_to(user).open().filter(due_on__range=(start, end))),
                "due_on",
                0,
                lambda a: Event(
                    a.due_on,
                    _("Action due: %(title)s") % {"title": a.title},
                    _("Improvement action"),
                    a.get_absolute_url(),
                    f"action-{a.pk}",
                ),
            )
        )
    if has_access(user, Perm.VIEW, Risk):
        months = review_months()
        assessed = (review_due(start, -months), review_due(end, -months))
        found.append(
            Source(
                _("Risk"),
                within(Risk.objects.visible_to(user).filter(is_active=True, last_assessed_on__range=assessed)),
                "last_assessed_on",
                months,
                lambda r: Event(
                    r.review_due_on,
                    _("Reassess the risk: %(title)s") % {"title": r.title},
                    _("Risk"),
                    r.get_absolute_url(),
                    f"risk-{r.pk}",
                ),
            )
        )
    # Process reviews come in as egenkontroller (Process.sync_review_control), so they are not listed twice.
    points = FollowUpPoint.objects.select_related("period")
    found.append(
        Source(
            _("Follow-up point"),
            points.filter(ends_on__range=(start, end)),
            "ends_on",
            0,
            lambda p: Event(
                p.ends_on,
                _("Follow-up period ends: %(point)s") % {"point": p},
                _("Follow-up point"),
                p.period.get_absolute_url(),
                f"point-end-{p.pk}",
            ),
        )
    )
    found.append(
        Source(
            _("Report deadline"),
            points.filter(report_due_on__range=(start, end)),
            "report_due_on",
            0,
            lambda p: Event(
                p.report_due_on,
                _("Report due: %(point)s") % {"point": p},
                _("Report deadline"),
                p.period.get_absolute_url(),
                f"point-report-{p.pk}",
            ),
        )
    )
    return found


def events(user: Any, start: dt.date, end: dt.date, unit: Any = None) -> list[Event]:
    """The events from ``start`` to ``end`` (inclusive) in the user's scope, optionally within ``unit``'s subtree.
    Each module contributes one query."""
    found = [source.event(row) for source in sources(user, start, end, unit) for row in source.rows]
    return sorted(found, key=lambda e: (e.day, e.kind, e.title))


def month_counts(user: Any, year: int, unit: Any = None) -> dict[int, dict[str, int]]:
    """How many items each month of ``year`` holds, per kind: one grouped query per module, however many rows."""
    counts: dict[int, dict[str, int]] = {month: {} for month in range(1, 13)}
    for source in sources(user, dt.date(year, 1, 1), dt.date(year, 12, 31), unit):
        grouped = (
            source.rows.order_by()
            .annotate(month=ExtractMonth(source.date_field))
            .values("month")
            .annotate(n=Count("pk"))
        )
        for row in grouped:
            month = (row["month"] - 1 + source.month_shift) % 12 + 1
            counts[month][source.kind] = counts[month].get(source.kind, 0) + row["n"]
    return counts


def ical(found: list[Event], *, site_url: str, name: str, now: dt.datetime) -> str:
    """An iCalendar (RFC 5545) document with one all-day event per item; the icalendar package escapes, folds
    and ends the lines."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kvalitetsnav//Arshjul//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    stamp = now.astimezone(dt.UTC)
    for event in found:
        item = icalendar.Event()
        item.add("uid", f"{event.uid}-{event.day:%Y%m%d}@kvalitetsnav")
        item.add("dtstamp", stamp)
        item.add("dtstart", event.day)
        item.add("dtend", event.day + dt.timedelta(days=1))
        item.add("summary", event.title)
        item.add("categories", [event.kind])
        item.add("url", f"{site_url.rstrip('/')}{event.url}")
        item.add("transp", "TRANSPARENT")
        calendar.add_component(item)
    return calendar.to_ical().decode()
