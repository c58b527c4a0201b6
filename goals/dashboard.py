"""The goals and indicators dashboard, assembled as plain data (aggregates only)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from core.charts import ChartData, Series, bar_chart
from core.scope import for_aggregates
from indicators import rules as indicator_rules
from indicators.models import Result, Target
from organisation.models import FollowUpPoint, Unit

from .choices import Assessment
from .models import GoalReport


@dataclass
class IndicatorRow:
    indicator_id: int
    code: str
    name: str
    value: Decimal | None
    previous: Decimal | None
    target: Decimal | None
    met: bool | None
    arrow: str
    judgement: str
    measure: str = ""  # the indicator's unit of measure, for how its values are written


def chosen_point(pk: int | None) -> FollowUpPoint | None:
    """The follow-up point asked for, else the latest with a round, else the latest that has ended."""
    points = FollowUpPoint.objects.select_related("period")
    if pk is not None:
        point = points.filter(pk=pk).first()
        if point:
            return point
    with_round = points.filter(rounds__isnull=False).order_by("-ends_on").first()
    return with_round or points.filter(ends_on__lte=timezone.localdate()).order_by("-ends_on").first()


DASHBOARD_ROWS = 100  # the ones below target come first; the rest on request


def build(user: Any, unit: Unit | None, point_id: int | None, *, every_row: bool = False) -> dict[str, Any]:
    """Goals by bedömning at the point, and each indicator's result at the unit (the committee's top unit when
    none is chosen) against its etappmål, with the change since the same point a year earlier. Six queries."""
    point = chosen_point(point_id)
    if point is None:
        return {"point": None, "points": []}
    reports = for_aggregates(GoalReport.objects.filter(round__point=point), user)
    if unit is not None:
        reports = reports.filter(unit__path__startswith=unit.path)
    counts = dict(reports.values_list("assessment").annotate(n=Count("id")))
    assessed = [(Assessment(a).label, counts.get(a, 0)) for a in Assessment.values if counts.get(a)]
    chart = (
        bar_chart(
            ChartData(
                title=_("Goals by assessment, %(point)s") % {"point": point},
                categories=[label for label, _n in assessed],
                series=[Series(_("Number of reports"), [n for _label, n in assessed])],
                value_label=_("Number"),
            )
        )
        if assessed
        else None
    )

    at = unit or Unit.objects.filter(parent__isnull=True).order_by("path").first()
    # Plain values, not model instances: a nämnd may follow thousands of indicators.
    results = {
        row[0]: row
        for row in Result.objects.filter(point=point, unit=at, gender="T").values_list(
            "indicator_id", "value", "indicator__code", "indicator__name", "indicator__better", "indicator__measure"
        )
    }
    earlier = FollowUpPoint.objects.filter(period__year=point.period.year - 1, code=point.code).first()
    previous = dict(
        Result.objects.filter(point=earlier, unit=at, gender="T").values_list("indicator_id", "value")
        if earlier
        else []
    )
    targets: dict[int, Decimal] = {}
    rows_of_targets = Target.objects.filter(indicator_id__in=list(results), year=point.period.year)
    for indicator_id, unit_id, value in rows_of_targets.order_by("unit_id").values_list(
        "indicator_id", "unit_id", "value"
    ):
        if unit_id == getattr(at, "pk", None) or (unit_id is None and indicator_id not in targets):
            targets[indicator_id] = value
    rows = []
    for indicator_id, value, code, name, better, measure in results.values():
        target = targets.get(indicator_id)
        met = indicator_rules.meets(value, target, better) if target is not None else None
        arrow, judgement = indicator_rules.trend(previous.get(indicator_id), value, better)
        rows.append(
            IndicatorRow(
                indicator_id, code, name, value, previous.get(indicator_id), target, met, arrow, judgement, measure
            )
        )
    rows.sort(key=lambda r: (r.met is not False, r.code))
    return {
        "point": point,
        "points": FollowUpPoint.objects.select_related("period").order_by("-ends_on")[:24],
        "assessed": assessed,
        "assessment_chart": chart,
        "reports_total": sum(n for _label, n in assessed),
        "indicator_unit": at,
        "indicator_rows": rows if every_row else rows[:DASHBOARD_ROWS],
        "indicator_total": len(rows),
        "off_target": sum(1 for r in rows if r.met is False),
    }
