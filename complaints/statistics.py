"""Synpunkter och klagomål in numbers: per unit and category (the table of seed 002), kinds, replies."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.db.models import Count

from core.charts import Chart, ChartData, Series, bar_chart

from .choices import Category, ComplaintKind, ComplaintStatus


@dataclass
class UnitRow:
    unit: str
    counts: list[int]
    total: int


@dataclass
class ComplaintStatistics:
    start: dt.date
    end: dt.date
    total: int
    open: int
    closed: int
    by_kind: list[tuple[str, int]]
    categories: list[str]
    per_unit: list[UnitRow]
    category_totals: list[int]
    median_days_to_reply: float | None
    replied: int
    kinds: list[str] = field(default_factory=list)
    # Klagomål, synpunkter, förslag and beröm apart: per unit, and per category (a beröm of bemötande is no
    # complaint about it).
    per_unit_by_kind: list[UnitRow] = field(default_factory=list)
    per_category_by_kind: list[UnitRow] = field(default_factory=list)
    kind_totals: list[int] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


def _grid(complaints, by: str, across: str, values: list[str]) -> list[UnitRow]:
    """One row per value of ``by`` (a unit's name, a category), with a count per value of ``across`` (a category,
    a kind) in the order of ``values``, and the row's total."""
    grid: dict[str, dict[str, int]] = {}
    for key, column, n in complaints.values_list(by, across).annotate(n=Count("id")).order_by(by):
        grid.setdefault(key, {})[column] = n
    return [UnitRow(key, [row.get(v, 0) for v in values], sum(row.values())) for key, row in sorted(grid.items())]


def compute(queryset, start: dt.date, end: dt.date, *, with_charts: bool = True) -> ComplaintStatistics:
    complaints = queryset.filter(received_on__gte=start, received_on__lte=end)
    kinds = dict(complaints.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    by_kind = [(str(label), kinds.get(value, 0)) for value, label in ComplaintKind.choices]
    values = [value for value, _label in Category.choices]
    per_unit = _grid(complaints, "unit__name", "category", values)
    category_totals = [sum(r.counts[i] for r in per_unit) for i in range(len(values))]
    replies = [
        (replied - received).days
        for received, replied in complaints.filter(replied_on__isnull=False).values_list("received_on", "replied_on")
    ]
    total = complaints.count()
    closed = complaints.filter(status=ComplaintStatus.CLOSED).count()
    kind_values = [value for value, _label in ComplaintKind.choices]
    per_unit_by_kind = _grid(complaints, "unit__name", "kind", kind_values)
    by_category = {row.unit: row for row in _grid(complaints, "category", "kind", kind_values)}
    per_category_by_kind = [
        UnitRow(str(label), by_category[value].counts, by_category[value].total)
        for value, label in Category.choices
        if value in by_category
    ]
    result = ComplaintStatistics(
        start=start,
        end=end,
        total=total,
        open=total - closed,
        closed=closed,
        by_kind=by_kind,
        categories=[str(label) for _value, label in Category.choices],
        per_unit=per_unit,
        category_totals=category_totals,
        median_days_to_reply=statistics.median(replies) if replies else None,
        replied=len(replies),
        kinds=[str(label) for _value, label in ComplaintKind.choices],
        per_unit_by_kind=per_unit_by_kind,
        per_category_by_kind=per_category_by_kind,
        kind_totals=[kinds.get(value, 0) for value in kind_values],
    )
    if with_charts:
        result.charts = [
            bar_chart(
                ChartData(
                    "Synpunkter och klagomål per slag",
                    [k for k, _ in by_kind],
                    [Series("Antal", [n for _, n in by_kind])],
                    "Antal",
                )
            ),
            bar_chart(
                ChartData(
                    "Synpunkter och klagomål per område",
                    result.categories,
                    [Series("Antal", category_totals)],
                    "Antal",
                    horizontal=True,
                )
            ),
        ]
    return result
