"""Rules for egenkontroller: when the next one is due."""

from __future__ import annotations

import calendar
import datetime as dt

from .choices import Cadence

MONTHS = {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(cadence: str, first_due_on: dt.date, last_performed_on: dt.date | None) -> dt.date | None:
    """The date the next genomförande is due.

    SOSFS 2011:9 5 kap. 2 §: egenkontroll is done as often and to the extent the verksamhet
    needs to secure its quality; the cadence is set per control. Before the first genomförande
    the first due date applies; after it, one cadence period after the latest genomförande (a
    control done late moves the next one with it). A control done once is due no more.
    """
    if last_performed_on is None:
        return first_due_on
    if cadence == Cadence.ONCE:
        return None
    return add_months(last_performed_on, MONTHS[cadence])


def is_overdue(due_on: dt.date | None, today: dt.date) -> bool:
    return due_on is not None and due_on < today
