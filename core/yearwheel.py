"""Årshjulet: everything recurring or due, from every module, for a person's part of the organisation.

One list of plain events serves the page and the iCalendar feed. Each module contributes one query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .scope import Perm, has_access


@dataclass(frozen=True)
class Event:
    day: dt.date
    title: str
    kind: str
    url: str
    uid: str


def events(user: Any, start: dt.date, end: dt.date, unit: Any = None) -> list[Event]:
    """The events from ``start`` to ``end`` (inclusive) in the user's scope, optionally within ``unit``'s subtree."""
    from actions.models import Action
    from controls.models import Control
    from organisation.models import FollowUpPoint
    from risks.models import Risk, review_months
    from risks.rules import review_due

    def within(queryset, path: str = "unit__path"):
        return queryset.filter(**{f"{path}__startswith": unit.path}) if unit is not None else queryset

    found: list[Event] = []
    if has_access(user, Perm.VIEW, Control):
        for c in within(Control.objects.visible_to(user).filter(is_active=True, next_due_on__range=(start, end))):
            found.append(
                Event(
                    c.next_due_on,
                    _("Self-inspection: %(title)s") % {"title": c.title},
                    _("Self-inspection"),
                    c.get_absolute_url(),
                    f"control-{c.pk}",
                )
            )
    if has_access(user, Perm.VIEW, Action):
        due = Action.objects.visible_to(user).exclude(status="done").filter(due_on__range=(start, end))
        for a in within(due):
            found.append(
                Event(
                    a.due_on,
                    _("Action due: %(title)s") % {"title": a.title},
                    _("Improvement action"),
                    a.get_absolute_url(),
                    f"action-{a.pk}",
                )
            )
    if has_access(user, Perm.VIEW, Risk):
        months = review_months()
        earliest = review_due(start, -months)
        latest = review_due(end, -months)
        for r in within(
            Risk.objects.visible_to(user).filter(is_active=True, last_assessed_on__range=(earliest, latest))
        ):
            found.append(
                Event(
                    r.review_due_on,
                    _("Reassess the risk: %(title)s") % {"title": r.title},
                    _("Risk"),
                    r.get_absolute_url(),
                    f"risk-{r.pk}",
                )
            )
    # Process reviews come in as egenkontroller (Process.sync_review_control), so they are not listed twice.
    points = FollowUpPoint.objects.select_related("period")
    for point in points.filter(ends_on__range=(start, end)):
        found.append(
            Event(
                point.ends_on,
                _("Follow-up period ends: %(point)s") % {"point": point},
                _("Follow-up point"),
                point.period.get_absolute_url(),
                f"point-end-{point.pk}",
            )
        )
    for point in points.filter(report_due_on__range=(start, end)):
        found.append(
            Event(
                point.report_due_on,
                _("Report due: %(point)s") % {"point": point},
                _("Report deadline"),
                point.period.get_absolute_url(),
                f"point-report-{point.pk}",
            )
        )
    return sorted(found, key=lambda e: (e.day, e.kind, e.title))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines longer than 75 octets are folded, continuation lines start with a space."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def ical(found: list[Event], *, site_url: str, name: str, now: dt.datetime) -> str:
    """An iCalendar (RFC 5545) document with one all-day event per item."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kvalitetsnav//Arshjul//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Europe/Stockholm",
    ]
    for event in found:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}-{event.day:%Y%m%d}@kvalitetsnav",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(event.title)}",
            f"CATEGORIES:{_escape(event.kind)}",
            f"URL:{site_url.rstrip('/')}{event.url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
