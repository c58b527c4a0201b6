"""Computing the standard indicators from ärendedata, per follow-up point, unit subtree and gender."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import polars as pl
from django.db import transaction

from indicators.choices import GenderSplit, Source
from indicators.models import Indicator, Result
from organisation.models import FollowUpPoint, Unit

from .models import Case
from .rules import RULES, CaseRule, within_time

GIRLS_BOYS = {"K": "F", "M": "P"}


def _ancestors() -> pl.DataFrame:
    """(unit_id, counted_at): each unit counted at itself and at every unit above it."""
    pairs = []
    for pk, path in Unit.objects.values_list("pk", "path"):
        pairs += [(pk, int(part)) for part in path.strip("/").split("/")]
    return pl.DataFrame(pairs, schema={"unit_id": pl.Int64, "counted_at": pl.Int64}, orient="row")


def _cases(rule: CaseRule) -> pl.DataFrame:
    rows = Case.objects.filter(kind=rule.kind, **{f"{rule.start}__isnull": False, f"{rule.end}__isnull": False})
    data = rows.values_list("unit_id", "gender", rule.start, rule.end, "extended")
    schema = {"unit_id": pl.Int64, "gender": pl.String, "start": pl.Date, "end": pl.Date, "extended": pl.Boolean}
    frame = pl.DataFrame(list(data), schema=schema, orient="row")
    days = (pl.col("end") - pl.col("start")).dt.total_days()
    if rule.months is not None:
        kept = pl.col("end") <= pl.col("start").dt.offset_by(f"{rule.months}mo")
    else:
        kept = days <= (rule.days or 0)
    if rule.extension_keeps_time:
        kept = kept | pl.col("extended")
    return frame.with_columns(days.alias("days"), kept.alias("kept"))


def recompute(points: list[FollowUpPoint] | None = None) -> int:
    """Write the utfall of every case-data indicator for the points (default: all), every unit with cases and
    each unit above it, in total and by gender. Returns the number of utfall written or changed."""
    points = points if points is not None else list(FollowUpPoint.objects.all())
    ancestors = _ancestors()
    written = 0
    for rule in RULES:
        indicator = Indicator.objects.filter(code=rule.code, is_active=True).first()
        if indicator is None:
            continue
        cases = _cases(rule).join(ancestors, on="unit_id")
        existing = {
            (r.point_id, r.unit_id, r.gender): r for r in Result.objects.filter(indicator=indicator, point__in=points)
        }
        with transaction.atomic():
            for point in points:
                within = cases.filter(pl.col("end").is_between(point.starts_on, point.ends_on))
                if within.is_empty():
                    continue
                aggregate = [
                    pl.len().alias("n"),
                    pl.col("kept").sum().alias("kept"),
                    pl.col("days").mean().alias("mean"),
                ]
                totals = within.group_by("counted_at").agg(aggregate).with_columns(pl.lit("T").alias("gender"))
                split = within.filter(pl.col("gender") != "").group_by("counted_at", "gender").agg(aggregate)
                if indicator.gender_split == GenderSplit.NONE:
                    split = split.head(0)
                elif indicator.gender_split == GenderSplit.GIRLS_BOYS:
                    split = split.with_columns(pl.col("gender").replace(GIRLS_BOYS))
                for unit_id, gender, n, kept, mean in pl.concat(
                    [
                        totals.select("counted_at", "gender", "n", "kept", "mean"),
                        split.select("counted_at", "gender", "n", "kept", "mean"),
                    ]
                ).iter_rows():
                    written += _write(indicator, rule, point, unit_id, gender, n, kept, mean, existing)
    return written


def _write(indicator, rule, point, unit_id, gender, n, kept, mean, existing) -> int:
    result = existing.get((point.pk, unit_id, gender)) or Result(
        indicator=indicator, point=point, unit_id=unit_id, gender=gender
    )
    if rule.mean_days:
        values = (None, None, Decimal(str(mean)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    else:
        values = (int(kept), int(n), None)
    if (
        result.pk
        and (result.numerator, result.denominator) == values[:2]
        and (not rule.mean_days or result.value == values[2])
    ):
        return 0
    result.numerator, result.denominator = values[0], values[1]
    if rule.mean_days:
        result.value = values[2]
    result.source, result.source_note = Source.CASEDATA, rule.source[:300]
    result.save()
    return 1


def cases_behind(result: Result, cases) -> list[dict]:
    """The cases an utfall was computed from (within ``cases``, already scoped), each with whether it kept time."""
    rule = next((r for r in RULES if r.code == result.indicator.code), None)
    if rule is None:
        return []
    point = result.point
    chosen = cases.filter(
        kind=rule.kind,
        unit__path__startswith=result.unit.path,
        **{f"{rule.start}__isnull": False, f"{rule.end}__range": (point.starts_on, point.ends_on)},
    )
    if result.gender != "T":
        chosen = chosen.filter(gender={"F": "K", "P": "M"}.get(result.gender, result.gender))
    rows = []
    for case in chosen.select_related("unit").order_by(rule.end, "pk")[:5000]:
        start, end = getattr(case, rule.start), getattr(case, rule.end)
        rows.append(
            {
                "case": case,
                "start": start,
                "end": end,
                "days": (end - start).days,
                "kept": within_time(rule, start, end, case.extended),
            }
        )
    return rows
