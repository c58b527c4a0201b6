"""How the standard indicators are computed from ärendedata: the rules as data, each with its source.

Every rule counts the cases of one kind that ended (or were carried out) within a follow-up point —
the denominator — and those among them that kept the time limit — the numerator. A mean rule gives
the mean number of days instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from controls.rules import add_months
from core import workflow

from .choices import CaseKind


@dataclass(frozen=True)
class CaseRule:
    code: str  # the indicator it fills in
    kind: str
    start: str  # the field the time runs from
    end: str  # the field it runs to; the case counts in the point this date falls in
    days: int | None = None
    months: int | None = None
    extension_keeps_time: bool = False  # an extension decided in time keeps the case within the law
    mean_days: bool = False
    source: str = ""


RULES = [
    CaseRule(
        "IFO_BOU_UTR_4MAN",
        CaseKind.UTREDNING_BARN,
        "started_on",
        "ended_on",
        months=4,
        extension_keeps_time=True,
        source="SoL (2025:400) 20 kap. 3 §, tidigare SoL (2001:453) 11 kap. 2 §: utredningen ska vara slutförd "
        "inom fyra månader; får förlängas om det finns särskilda skäl.",
    ),
    CaseRule(
        "IFO_BOU_UTR_90D",
        CaseKind.UTREDNING_BARN,
        "started_on",
        "ended_on",
        days=90,
        source="Verksamhetens eget mål (90 dagar), inte lag.",
    ),
    CaseRule(
        "IFO_AKT_14D",
        CaseKind.FORHANDSBEDOMNING,
        "started_on",
        "ended_on",
        days=14,
        source="SoL (2025:400) 20 kap. 2 §, tidigare SoL (2001:453) 11 kap. 1 a §: förhandsbedömning och beslut "
        "om att inleda utredning inom 14 dagar.",
    ),
    CaseRule(
        "IFO_VUX_UTR_60D",
        CaseKind.UTREDNING_VUXEN,
        "started_on",
        "ended_on",
        days=60,
        source="Verksamhetens eget mål (60 dagar), inte lag.",
    ),
    CaseRule(
        "IFO_VERKST_14D",
        CaseKind.BESLUT,
        "decided_on",
        "executed_on",
        days=14,
        source="Verksamhetens eget mål (14 dagar från beslut till verkställighet).",
    ),
    CaseRule(
        "IFO_VERKST_DAGAR",
        CaseKind.BESLUT,
        "decided_on",
        "executed_on",
        mean_days=True,
        source="Medelvärdet av dagar från beslut till verkställighet.",
    ),
]


def within_time(rule: CaseRule, start: dt.date, end: dt.date, extended: bool = False) -> bool:
    """Whether a case kept the rule's time limit. Four months run to the same day four months later (so a
    case started 31 October must end by 28 February); days are counted from the day after the start."""
    if rule.extension_keeps_time and extended:
        return True
    if rule.months is not None:
        return end <= add_months(start, rule.months)
    return (end - start).days <= (rule.days or 0)


NOT_CARRIED_OUT_MONTHS = 3


def reporting_dates() -> list[tuple[int, int]]:
    """The (month, day) each reporting period to IVO ends on, from the setting IVO_REPORTING_DATES
    (default the calendar quarters: 31 March, 30 June, 30 September, 31 December)."""
    return [(int(m), int(d)) for m, d in (part.split("-") for part in settings.IVO_REPORTING_DATES)]


def reporting_window(year: int, number: int, dates: list[tuple[int, int]] | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of reporting period ``number`` (1-based) of ``year``: from the day after the
    previous period's end (the previous year's last end for the first) to its own end day.

    IVO collects the reports on ej verkställda beslut once a quarter; the cut-off days are the nämnd's own
    routine and configurable.
    """
    dates = dates or reporting_dates()
    month, day = dates[number - 1]
    end = dt.date(year, month, day)
    previous = dt.date(year, *dates[number - 2]) if number > 1 else dt.date(year - 1, *dates[-1])
    return previous + dt.timedelta(days=1), end


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a calendar quarter (1–4)."""
    return reporting_window(year, quarter, [(3, 31), (6, 30), (9, 30), (12, 31)])


def to_report(since: dt.date, done: dt.date | None, window: tuple[dt.date, dt.date]) -> bool:
    """Whether a gynnande beslut belongs in a reporting period's list of ej verkställda beslut.

    SoL (2025:400) 34 kap., formerly SoL (2001:453) 16 kap. 6 f §, and LSS 28 f §: the nämnd reports to IVO
    every gynnande beslut not carried out within three months of the day of the decision, and every decision
    whose carrying out was interrupted and not resumed within three months of the interruption. ``since`` is
    the decision day (or the day of the interruption), ``done`` the day it was carried out (or resumed).
    A decision is in the period's report when its three months ran out before the period's end and it was not
    done within them, unless it was done before the period began (then an earlier report told it, with its
    date).
    """
    start, end = window
    deadline = add_months(since, NOT_CARRIED_OUT_MONTHS)
    if deadline >= end:
        return False
    if done is None:
        return True
    return done > deadline and done >= start


EARLIEST_CASE_DATE = dt.date(1990, 1, 1)


def date_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates an imported case may carry: from 1990 (before any case system now in use in Swedish
    socialtjänst) to the end of next year (a planned date may lie ahead; a case starting in 2094 is a typing
    error). A date outside is a row error, so a stray year cannot stretch the period a file replaces."""
    return EARLIEST_CASE_DATE, dt.date(today.year + 1, 12, 31)


# An import of two million rows takes a few minutes (bench/); a job with no progress for this long has lost its
# worker and will never finish on its own.
STALLED_AFTER = dt.timedelta(minutes=30)


def is_stalled(status: str, last_sign_of_life: dt.datetime, now: dt.datetime) -> bool:
    """Whether a queued or running import has stalled: no progress for ``STALLED_AFTER``. Shown as failed,
    with a way to run it again."""
    return workflow.is_stalled(status, last_sign_of_life, now, STALLED_AFTER)
