"""The monthly summary of recurring themes per unit: what staff otherwise compile by hand (seed 003)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from core import textindex
from organisation.models import Unit

from .models import Deviation


@dataclass
class CauseRepeat:
    unit: Unit
    cause: str
    count: int


@dataclass
class WordTheme:
    unit: Unit
    word: str
    deviations: list[Deviation]


@dataclass
class MonthlyThemes:
    month: dt.date
    total: int
    causes: list[CauseRepeat]
    words: list[WordTheme]


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    start = dt.datetime(month.year, month.month, 1, tzinfo=tz)
    end = dt.datetime(month.year + (month.month == 12), month.month % 12 + 1, 1, tzinfo=tz)
    return start, end


def monthly(queryset, month: dt.date) -> MonthlyThemes:
    """Root causes given two or more times in a unit, and words shared by three or more reports of a unit."""
    start, end = month_bounds(month)
    deviations = queryset.filter(reported_at__gte=start, reported_at__lt=end)
    repeats = (
        deviations.filter(root_causes__isnull=False)
        .values("unit_id", "root_causes__name")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .order_by("-n", "root_causes__name")
    )
    rows = list(repeats)
    ids = list(deviations.values_list("id", flat=True))
    themes = textindex.recurring_stems(Deviation.text_kind, ids)
    units = Unit.objects.in_bulk({r["unit_id"] for r in rows} | {t.unit_id for t in themes})
    by_id = Deviation.objects.in_bulk({i for t in themes for i in t.record_ids})
    words = []
    for theme in themes:
        reports = [by_id[i] for i in theme.record_ids if i in by_id]
        word = textindex.word_for(theme.stem, reports[0].description if reports else "")
        words.append(WordTheme(units[theme.unit_id], word, reports))
    return MonthlyThemes(
        month=start.date(),
        total=len(ids),
        causes=[CauseRepeat(units[r["unit_id"]], r["root_causes__name"], r["n"]) for r in rows],
        words=words,
    )
