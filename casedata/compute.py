"""Computing the standard indicators from ärendedata, per follow-up point, unit subtree and gender.

The cases are read in one pass per rule and summed per unit, gender and end day; every follow-up point
then sums the days it covers. The utfall are written in bulk with one audit entry for the whole run.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import polars as pl
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Abs
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Event
from core.bulk import insert_frame, read_frame
from core.choices import AS_RECORDED, GIRL_OR_BOY, Gender
from indicators import rules as indicator_rules
from indicators.choices import GenderSplit, Source
from indicators.models import Indicator, Result
from organisation.models import FollowUpPoint, Unit

from .choices import CaseKind
from .models import Case
from .rules import NOT_CARRIED_OUT_MONTHS, RULES, CaseRule, within_time

GIRLS_BOYS = {adult.value: child.value for adult, child in GIRL_OR_BOY.items()}
COUNTS = {"n": pl.Int64, "kept": pl.Int64, "days": pl.Int64}


def _ancestors() -> pl.DataFrame:
    """(unit_id, counted_at): each unit counted at itself and at every unit above it."""
    pairs = []
    for pk, path in Unit.objects.values_list("pk", "path"):
        pairs += [(pk, int(part)) for part in path.strip("/").split("/")]
    return pl.DataFrame(pairs, schema={"unit_id": pl.Int64, "counted_at": pl.Int64}, orient="row")


def _cases(rule: CaseRule) -> pl.DataFrame:
    """The rule's cases with both dates: unit, gender, end day, days taken and whether the time was kept."""
    rows = Case.objects.filter(kind=rule.kind, **{f"{rule.start}__isnull": False, f"{rule.end}__isnull": False})
    schema = {
        "unit_id": pl.Int64,
        "gender": pl.String,
        rule.start: pl.Date,
        rule.end: pl.Date,
        "extended": pl.Boolean,
    }
    frame = read_frame(rows.order_by(), schema).rename({rule.start: "start", rule.end: "end"})
    days = (pl.col("end") - pl.col("start")).dt.total_days()
    if rule.months is not None:
        # Polars moves 31 October + 4 months to 28 February, as controls.rules.add_months does.
        kept = pl.col("end") <= pl.col("start").dt.offset_by(f"{rule.months}mo")
    else:
        kept = days <= (rule.days or 0)
    if rule.extension_keeps_time:
        kept = kept | pl.col("extended")
    return frame.with_columns(days.alias("days"), kept.alias("kept"))


def _counts(rule: CaseRule, indicator: Indicator, points: list[FollowUpPoint], ancestors: pl.DataFrame):
    """n, kept and summed days per (point, unit counted at, gender) for one rule."""
    daily = (
        _cases(rule)
        .join(ancestors, on="unit_id")
        .group_by("counted_at", "gender", "end")
        .agg(pl.len().alias("n"), pl.col("kept").sum().alias("kept"), pl.col("days").sum().alias("days"))
    )
    sums = [pl.col(c).sum().cast(pl.Int64) for c in COUNTS]
    frames = []
    for point in points:
        within = daily.filter(pl.col("end").is_between(point.starts_on, point.ends_on))
        if within.is_empty():
            continue
        parts = [within.group_by("counted_at").agg(sums).with_columns(gender=pl.lit("T"))]
        if indicator.gender_split != GenderSplit.NONE:
            split = within.filter(pl.col("gender") != "").group_by("counted_at", "gender").agg(sums)
            if indicator.gender_split == GenderSplit.GIRLS_BOYS:
                split = split.with_columns(pl.col("gender").replace(GIRLS_BOYS))
            parts.append(split)
        frames += [part.with_columns(point_id=pl.lit(point.pk, dtype=pl.Int64)) for part in parts]
    columns = ["point_id", "counted_at", "gender", *COUNTS]
    if not frames:
        return pl.DataFrame(schema={"point_id": pl.Int64, "counted_at": pl.Int64, "gender": pl.String, **COUNTS})
    return pl.concat([f.select(columns) for f in frames])


def _values(rule: CaseRule, indicator: Indicator, n: int, kept: int, days: int):
    """(numerator, denominator, value) of one utfall."""
    if rule.mean_days:
        return None, None, (Decimal(days) / Decimal(n)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return kept, n, indicator_rules.result_value(indicator.is_share, kept, n, None)


def points_for(start: dt.date, end: dt.date) -> list[int]:
    """Make sure every year the imported cases cover has its follow-up points, so that its indicators can be
    computed and its documents show them (last year's kvalitetsberättelse is written from last year's cases).
    A missing year gets the scheme of the nearest configured year (tertialer if none). Returns the years made."""
    from organisation.choices import PeriodScheme
    from organisation.models import Period

    made = []
    for year in range(start.year, end.year + 1):
        if Period.objects.filter(year=year).exists():
            continue
        nearest = Period.objects.order_by(Abs(F("year") - year)).first()
        period = Period.objects.create(year=year, scheme=nearest.scheme if nearest else PeriodScheme.TERTIAL)
        period.create_default_points()
        made.append(year)
    return made


def after_import(start: dt.date, end: dt.date) -> dict:
    """What an import of cases from ``start`` to ``end`` sets going: the missing years' follow-up points, and the
    indicators recomputed. Returned as the import's outcome, which its page and the command report."""
    years = points_for(start, end)
    return {"years_made": years, "results": recompute()}


def recompute(points: list[FollowUpPoint] | None = None) -> int:
    """Write the utfall of every case-data indicator for the points (default: all), every unit with cases and
    each unit above it, in total and by gender. Returns the number of utfall written or changed."""
    points = points if points is not None else list(FollowUpPoint.objects.all())
    ancestors = _ancestors()
    created, changed = [], []
    now = timezone.now()
    for rule in RULES:
        indicator = Indicator.objects.filter(code=rule.code, is_active=True).first()
        if indicator is None:
            continue
        existing = {
            (r.point_id, r.unit_id, r.gender): r
            for r in Result.objects.filter(indicator=indicator, point__in=points).only(
                "id", "point_id", "unit_id", "gender", "numerator", "denominator", "value"
            )
        }
        for point_id, unit_id, gender, n, kept, days in _counts(rule, indicator, points, ancestors).iter_rows():
            numerator, denominator, value = _values(rule, indicator, n, kept, days)
            result = existing.get((point_id, unit_id, gender))
            if result is None:
                created.append((indicator.pk, point_id, unit_id, gender, numerator, denominator, value, rule.source))
            elif (result.numerator, result.denominator, result.value) != (numerator, denominator, value):
                result.numerator, result.denominator, result.value = numerator, denominator, value
                result.source, result.source_note = Source.CASEDATA, rule.source[:300]
                result.updated_at = now
                changed.append(result)
    with transaction.atomic():
        _insert(created)
        Result.objects.bulk_update(
            changed, ["numerator", "denominator", "value", "source", "source_note", "updated_at"], batch_size=2000
        )
        if created or changed:
            audit_log.record(
                Event.UPDATE,
                model=Result,
                note=_("Indicators computed from case data: %(created)d results added, %(changed)d changed")
                % {"created": len(created), "changed": len(changed)},
            )
    return len(created) + len(changed)


def _insert(created: list[tuple]) -> None:
    now = timezone.now()
    schema = {
        "indicator_id": pl.Int64,
        "point_id": pl.Int64,
        "unit_id": pl.Int64,
        "gender": pl.String,
        "numerator": pl.Int64,
        "denominator": pl.Int64,
        "value": pl.Decimal(14, 2),
        "source_note": pl.String,
    }
    frame = pl.DataFrame(created, schema=schema, orient="row")
    insert_frame(
        Result,
        frame.with_columns(
            pl.col("source_note").str.slice(0, 300),
            source=pl.lit(Source.CASEDATA.value),
            created_at=pl.lit(now),
            updated_at=pl.lit(now),
        ),
    )


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
    if result.gender != Gender.TOTAL:
        chosen = chosen.filter(gender=AS_RECORDED.get(result.gender, result.gender))
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


def not_carried_out(cases, window: tuple[dt.date, dt.date]) -> list[dict]:
    """The gynnande beslut to report for a reporting period (within ``cases``, already scoped): not carried out
    within three months, or interrupted and not resumed within three months (``interrupted``), each with the
    days waited — until carried out (resumed), or until the period's last day while still waiting."""
    late, interrupted = _to_report(cases, window)
    found = Case.objects.filter(pk__in=late + interrupted).select_related("unit").order_by("decided_on", "pk")
    interrupted_ids = set(interrupted)
    rows = []
    for case in found:
        broken = case.pk in interrupted_ids
        since, done = (case.interrupted_on, case.resumed_on) if broken else (case.decided_on, case.executed_on)
        rows.append({"case": case, "interrupted": broken, "days": ((done or window[1]) - since).days})
    return rows


def not_carried_out_ids(cases, window: tuple[dt.date, dt.date]) -> set[int]:
    """The ids of the decisions to report for the period: several periods' counts add up without a decision
    counted twice only as a union of these."""
    late, interrupted = _to_report(cases, window)
    return set(late) | set(interrupted)


def _to_report(cases, window: tuple[dt.date, dt.date]) -> tuple[list[int], list[int]]:
    """The ids rules.to_report selects — decisions not carried out, and interruptions not resumed — found with
    one vectorised pass over the candidates (a large municipality has hundreds of thousands of decisions)."""
    start, end = window
    candidates = cases.filter(kind=CaseKind.BESLUT, decided_on__isnull=False, decided_on__lt=end).order_by()
    schema = {
        "id": pl.Int64,
        "decided_on": pl.Date,
        "executed_on": pl.Date,
        "interrupted_on": pl.Date,
        "resumed_on": pl.Date,
    }
    frame = read_frame(candidates.exclude(executed_on__lt=start, interrupted_on__isnull=True), schema)

    def selected(since: str, done: str) -> list[int]:
        # Polars moves 30 November + 3 months to 28 February, as controls.rules.add_months does.
        deadline = pl.col(since).dt.offset_by(f"{NOT_CARRIED_OUT_MONTHS}mo")
        waiting = pl.col(done).is_null() | ((pl.col(done) > deadline) & (pl.col(done) >= start))
        return frame.filter(pl.col(since).is_not_null() & (deadline < end) & waiting).get_column("id").to_list()

    return selected("decided_on", "executed_on"), selected("interrupted_on", "resumed_on")
