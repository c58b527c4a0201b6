"""An indicator's series for one unit and gender, assembled as plain data for pages and documents alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.charts import Chart, ChartData, Series, line_chart
from organisation.models import FollowUpPoint

from . import kolada, rules
from .choices import Gender, Measure, Signal
from .models import Indicator, Result, Target

EXPLANATIONS = {
    Signal.OUTSIDE: gettext_lazy(
        "%(points)s lies outside the control limits: more than ordinary variation, probably a special cause "
        "worth looking into."
    ),
    Signal.RUN: gettext_lazy(
        "%(points)s: eight or more results in a row on the same side of the mean. The level has probably changed."
    ),
    Signal.TREND: gettext_lazy("%(points)s: six or more results in a row each higher or lower than the last. A trend."),
}


@dataclass
class Trend:
    indicator: Indicator
    unit: Any
    gender: str
    points: list[FollowUpPoint]
    values: list[Decimal | None]
    numerators: list[int | None]
    denominators: list[int | None]
    targets: list[Decimal | None]
    national: list[Decimal | None]
    result_ids: list[int] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    limits: rules.Limits | None = None
    findings: list[rules.Finding] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [f"{p.code} {p.period.year}" for p in self.points]

    @property
    def explanations(self) -> list[str]:
        return [EXPLANATIONS[f.rule] % {"points": ", ".join(self.labels[i] for i in f.points)} for f in self.findings]

    @property
    def latest(self) -> Decimal | None:
        return next((v for v in reversed(self.values) if v is not None), None)

    def rows(self) -> list[dict[str, Any]]:
        lower = self.limits.lower if self.limits else [None] * len(self.points)
        upper = self.limits.upper if self.limits else [None] * len(self.points)
        marked = {i for f in self.findings for i in f.points}
        return [
            {
                "label": label,
                "value": value,
                "numerator": num,
                "denominator": den,
                "target": target,
                "national": national,
                "lower": low,
                "upper": up,
                "signal": i in marked,
                "result_id": self.result_ids[i] if self.result_ids else None,
                "computed": bool(self.sources) and self.sources[i] == "casedata",
            }
            for i, (label, value, num, den, target, national, low, up) in enumerate(
                zip(
                    self.labels,
                    self.values,
                    self.numerators,
                    self.denominators,
                    self.targets,
                    self.national,
                    lower,
                    upper,
                    strict=True,
                )
            )
        ]

    def chart(self) -> Chart:
        series = [
            Series(
                _("Result"),
                [None if v is None else float(v) for v in self.values],
                marked=sorted({i for f in self.findings for i in f.points}),
            )
        ]
        if any(t is not None for t in self.targets):
            series.append(
                Series(_("Interim target"), [None if t is None else float(t) for t in self.targets], "target")
            )
        if self.indicator.target_value is not None:
            label = _("Long-term target %(year)s") % {"year": self.indicator.target_year}
            series.append(Series(label, [float(self.indicator.target_value)] * len(self.points), "target"))
        if any(n is not None for n in self.national):
            series.append(
                Series(_("Sweden (Kolada)"), [None if n is None else float(n) for n in self.national], "comparison")
            )
        notes = []
        if self.limits:
            series += [
                Series(_("Mean"), [self.limits.centre] * len(self.points), "centre"),
                Series(_("Upper control limit"), self.limits.upper, "limit"),
                Series(_("Lower control limit"), self.limits.lower, "limit"),
            ]
            notes.append(
                _("Control limits from a p-chart.")
                if self.limits.kind == "p"
                else _("Control limits from an XmR chart.")
            )
        notes += self.explanations
        data = ChartData(
            title=str(self.indicator.name),
            categories=self.labels,
            series=series,
            value_label=self.indicator.get_measure_display(),
            notes=notes,
        )
        return line_chart(data)


def trend_for(indicator: Indicator, unit: Any, gender: str = Gender.TOTAL) -> Trend:
    """The indicator's results for ``unit`` and ``gender`` over every follow-up point, with etappmål, Riket's
    value from Kolada at each year's last point, and SPC limits and signals. Three queries."""
    results = list(
        Result.objects.filter(indicator=indicator, unit=unit, gender=gender)
        .select_related("point__period")
        .order_by("point__ends_on", "point__order")
    )
    points = [r.point for r in results]
    years = {p.period.year for p in points}
    targets = {
        t.year: t.value
        for t in Target.objects.filter(indicator=indicator, year__in=years).order_by("unit_id")
        if t.unit_id in (None, unit.pk)
    }
    national = kolada.national_values(indicator.kolada_kpi, gender) if indicator.kolada_kpi else {}
    last_point_of_year = {p.period.year: p for p in points}
    trend = Trend(
        indicator=indicator,
        unit=unit,
        gender=gender,
        points=points,
        values=[r.value for r in results],
        numerators=[r.numerator for r in results],
        denominators=[r.denominator for r in results],
        targets=[targets.get(p.period.year) for p in points],
        national=[national.get(p.period.year) if last_point_of_year[p.period.year] is p else None for p in points],
        result_ids=[r.pk for r in results],
        sources=[r.source for r in results],
    )
    values = [float(v) for v in trend.values]
    counted = all(d for d in trend.denominators)
    if indicator.measure == Measure.PERCENT and counted:
        trend.limits = rules.p_chart([int(n) for n in trend.numerators], [int(d) for d in trend.denominators])
    else:
        trend.limits = rules.xmr_chart(values, floor=0.0 if indicator.measure != Measure.SCALE else None)
    if trend.limits is not None:
        trend.findings = rules.signals(values, trend.limits)
    return trend
