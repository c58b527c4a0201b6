"""Rules for the organisation: follow-up points of a year and the review cycle of processes."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .choices import PeriodScheme


@dataclass(frozen=True)
class PointSpec:
    code: str
    name: str
    starts_on: dt.date
    ends_on: dt.date


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def default_follow_up_points(year: int, scheme: str) -> list[PointSpec]:
    """The follow-up points of a year under a scheme, cumulative from 1 January.

    Municipal follow-up is cumulative from the start of the financial year (kommunallagen
    2017:725 11 kap. 1 §: räkenskapsår = kalenderår; delårsrapport per the municipality's own
    rules, LKBR 2018:597 13 kap.). Tertials end in April, August and December; the interim
    reports (delår) in April and August with the annual report (VB) in December; quarters in
    March, June and September with VB in December.
    """
    start = dt.date(year, 1, 1)
    annual = PointSpec("VB", "Helår (verksamhetsberättelse)", start, dt.date(year, 12, 31))
    if scheme == PeriodScheme.TERTIAL:
        return [
            PointSpec("T1", "Tertial 1", start, _month_end(year, 4)),
            PointSpec("T2", "Tertial 2", start, _month_end(year, 8)),
            annual,
        ]
    if scheme == PeriodScheme.DELAR:
        return [
            PointSpec("DÅ1", "Delår 1", start, _month_end(year, 4)),
            PointSpec("DÅ2", "Delår 2", start, _month_end(year, 8)),
            annual,
        ]
    if scheme == PeriodScheme.KVARTAL:
        return [
            PointSpec("K1", "Kvartal 1", start, _month_end(year, 3)),
            PointSpec("K2", "Kvartal 2", start, _month_end(year, 6)),
            PointSpec("K3", "Kvartal 3", start, _month_end(year, 9)),
            annual,
        ]
    return [annual]


def shift_year(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def next_process_review(established_on: dt.date, months: int = 12) -> dt.date:
    """When a process (and its rutiner) is next due for review.

    SOSFS 2011:9 4 kap. 1–3 §§ and 5 kap. 1 §: the ledningssystem's processes and rutiner are
    kept up to date and followed up systematically; the nämnd's own practice, as in the seeds,
    is a yearly review, so the default interval is twelve months after fastställande.
    """
    month_index = established_on.month - 1 + months
    year = established_on.year + month_index // 12
    month = month_index % 12 + 1
    day = min(established_on.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def relative_luminance(colour: str) -> float:
    """The relative luminance of an sRGB colour written ``#rrggbb`` (WCAG 2.1, "relative luminance")."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 to 21 (WCAG 2.1, "contrast ratio"); success criterion 1.4.3
    asks at least 4.5:1 between text and its background."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Text of a document (headings and table headers) must reach this against its background (WCAG 2.1 SC 1.4.3).
MINIMUM_CONTRAST = 4.5
