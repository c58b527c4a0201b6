"""Avvikelser and lex Sarah in numbers, for a period and a part of the organisation.

Plain data first (so pages, Excel and, later, the reports use the same figures), charts from it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth

from core.charts import Chart, ChartData, Series, bar_chart
from core.filters import within_days

from .choices import Assessment, DeviationKind, DeviationStatus
from .models import DeviationStatusChange, RootCause

MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@dataclass
class LexSarahFigures:
    reported: int
    missforhallande: int
    risk: int
    none: int
    not_assessed: int
    serious: int
    reported_to_ivo: int


@dataclass
class HandlingTime:
    step: str
    median_days: float | None
    count: int


@dataclass
class DeviationStatistics:
    start: dt.date
    end: dt.date
    total: int
    open: int
    closed: int
    by_kind: list[tuple[str, int]]
    by_unit: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    by_root_cause: list[tuple[str, int]]
    lex_sarah: LexSarahFigures
    handling: list[HandlingTime]
    charts: list[Chart] = field(default_factory=list)


def _in_period(queryset, start: dt.date, end: dt.date):
    return queryset.filter(within_days("reported_at", start, end))


def compute(queryset, start: dt.date, end: dt.date, *, with_charts: bool = True) -> DeviationStatistics:
    """The figures for the deviations in ``queryset`` (already scoped) reported from ``start`` to ``end``."""
    deviations = _in_period(queryset, start, end)
    by_kind_raw = dict(deviations.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    by_kind = [(str(label), by_kind_raw.get(value, 0)) for value, label in DeviationKind.choices]
    by_unit = list(
        deviations.values_list("unit__name")
        .annotate(n=Count("id"))
        .order_by("-n", "unit__name")
        .values_list("unit__name", "n")
    )
    per_month = deviations.annotate(m=TruncMonth("reported_at")).values_list("m").annotate(n=Count("id"))
    months = {(m.year, m.month): n for m, n in per_month.values_list("m", "n")}
    by_month = [(f"{MONTHS[m - 1]} {y}", months.get((y, m), 0)) for y, m in _months(start, end)]
    per_cause = RootCause.objects.filter(deviation__in=deviations).values_list("name").annotate(n=Count("deviation"))
    causes = dict(per_cause.values_list("name", "n"))
    by_root_cause = [(c.name, causes.get(c.name, 0)) for c in RootCause.objects.all()]
    lex = deviations.filter(kind=DeviationKind.LEX_SARAH).aggregate(
        reported=Count("id"),
        missforhallande=Count("id", filter=Q(assessment=Assessment.MISSFORHALLANDE)),
        risk=Count("id", filter=Q(assessment=Assessment.RISK)),
        none=Count("id", filter=Q(assessment=Assessment.NONE)),
        not_assessed=Count("id", filter=Q(assessment="")),
        serious=Count("id", filter=Q(is_serious=True)),
        reported_to_ivo=Count("id", filter=Q(ivo_reported_on__isnull=False)),
    )
    closed = deviations.filter(status=DeviationStatus.CLOSED).count()
    total = deviations.count()
    result = DeviationStatistics(
        start=start,
        end=end,
        total=total,
        open=total - closed,
        closed=closed,
        by_kind=by_kind,
        by_unit=by_unit,
        by_month=by_month,
        by_root_cause=by_root_cause,
        lex_sarah=LexSarahFigures(**lex),
        handling=handling_times(deviations),
    )
    if with_charts:
        result.charts = [
            _chart("Avvikelser per månad", by_month),
            _chart("Avvikelser per orsak", by_root_cause, horizontal=True),
            _chart("Avvikelser per enhet (de 15 med flest)", by_unit[:15], horizontal=True),
        ]
    return result


def _chart(title: str, pairs: list[tuple[str, int]], *, horizontal: bool = False) -> Chart:
    return bar_chart(
        ChartData(title, [label for label, _ in pairs], [Series("Antal", [n for _, n in pairs])], "Antal", horizontal)
    )


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


HANDLING_STEPS = [
    ("Utredning påbörjad", DeviationStatus.INVESTIGATING),
    ("Lex Sarah bedömd", DeviationStatus.ASSESSED),
    ("Avslutad", DeviationStatus.CLOSED),
]


def handling_times(deviations) -> list[HandlingTime]:
    """Median days from the report to the first time each step was reached."""
    if connection.vendor == "postgresql":
        found = _medians_in_the_database(deviations)
        return [HandlingTime(label, *found.get(status, (None, 0))) for label, status in HANDLING_STEPS]
    annotations = {
        status: Min("status_changes__changed_at", filter=Q(status_changes__to_status=status))
        for _, status in HANDLING_STEPS
    }
    rows = deviations.annotate(**annotations).values_list("reported_at", *annotations.keys())
    days: dict[str, list[float]] = {status: [] for _, status in HANDLING_STEPS}
    for reported_at, *reached in rows:
        for (_, status), at in zip(HANDLING_STEPS, reached, strict=True):
            if at is not None:
                days[status].append((at - reported_at).total_seconds() / 86400)
    return [
        HandlingTime(label, round(statistics.median(days[s]), 1) if days[s] else None, len(days[s]))
        for label, s in HANDLING_STEPS
    ]


def _medians_in_the_database(deviations) -> dict[str, tuple[float | None, int]]:
    """{status: (median days, count)} computed by PostgreSQL: each deviation's first arrival at each step, then
    the median over them, in one query. Written as SQL because the ORM cannot aggregate over a grouped subquery;
    the deviations come in as the scoped queryset's own SQL, so the scope is the caller's. Reading every
    deviation's times into Python took 0.66 s for 36 000 deviations."""
    changes, table = DeviationStatusChange._meta.db_table, deviations.model._meta.db_table
    ids, params = deviations.order_by().values("pk").query.sql_with_params()
    sql = f"""
        SELECT first.to_status,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first.at - d.reported_at) / 86400),
               count(*)
        FROM (SELECT deviation_id, to_status, MIN(changed_at) AS at FROM {changes}
              WHERE to_status = ANY(%s) AND deviation_id IN ({ids})
              GROUP BY deviation_id, to_status) AS first
        JOIN {table} d ON d.id = first.deviation_id
        GROUP BY first.to_status"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [[str(status) for _, status in HANDLING_STEPS], *params])
        return {status: (round(float(median), 1), n) for status, median, n in cursor.fetchall()}
