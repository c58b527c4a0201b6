"""Rules for reports: which dates a report covers, and when a version has stalled."""

from __future__ import annotations

import datetime as dt

from core import formatting, workflow
from core.document import ReportPeriod
from organisation.models import FollowUpPoint


def report_period(year: int, code: str = "") -> ReportPeriod:
    """The dates a report for ``year`` (and follow-up point ``code``) covers.

    A named point covers its own dates (points are cumulative: T2 runs January–August). Without a code, the
    year's last point (helår) is used when the year has points. A year without configured follow-up points is
    treated as a calendar year, so any year with records can be reported. Raises ``ValueError`` for a code the
    year does not have.
    """
    points = list(FollowUpPoint.objects.filter(period__year=year).select_related("period").order_by("ends_on"))
    if code:
        point = next((p for p in points if p.code.lower() == code.lower()), None)
        if point is None:
            raise ValueError(f"{year} har inget uppföljningstillfälle {code}.")
    else:
        point = points[-1] if points else None
    if point is None:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return ReportPeriod(year, "", start, end, f"{year} ({formatting.long_date(start)}–{formatting.long_date(end)})")
    label = f"{point.name} {year} ({formatting.long_date(point.starts_on)}–{formatting.long_date(point.ends_on)})"
    return ReportPeriod(year, point.code if code else "", point.starts_on, point.ends_on, label, point)


# A version generates in well under a minute at city scale (bench/); with no sign of life for this long, the
# worker that had it has died (restarted, killed for memory) and the version will never finish on its own.
STALLED_AFTER = dt.timedelta(minutes=15)


def is_stalled(status: str, last_sign_of_life: dt.datetime, now: dt.datetime) -> bool:
    """Whether a queued or running version has stalled: no progress for ``STALLED_AFTER``. Shown as failed,
    with a way to try again, never as "being generated" for ever."""
    return workflow.is_stalled(status, last_sign_of_life, now, STALLED_AFTER)
