"""Three years of utfall for the IFO indicators at Exempelkommun, with etappmål — shaped like seed 002's
"Kvalitetsindikatorer" tables (Period / Utfall / Etappmål / Målvärde 2030)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from casedata.rules import RULES
from organisation.models import FollowUpPoint, Unit

from .choices import Direction, GenderSplit, Measure, Source
from .models import Indicator, Result, Target

# code: (units reporting, share or mean, typical level, cases per tertial, etappmål, målvärde 2030)
PLAN = {
    "IFO_BOU_UTR_4MAN": (["BOU-MYN", "BOU-MOT"], 78, 120, 85, 95),
    "IFO_BOU_UTR_90D": (["BOU-MYN", "BOU-MOT"], 22, 120, 50, 70),
    "IFO_AKT_14D": (["BOU-MOT"], 88, 400, 95, 98),
    "IFO_VUX_UTR_60D": (["VUX-MYN", "VUX-BER"], 60, 60, 70, 80),
    "IFO_VERKST_14D": (["VUX-MYN", "FS-MYN"], 81, 90, 90, 95),
    "IFO_VERKST_DAGAR": (["VUX-MYN", "FS-MYN"], 16, 90, 12, 10),
    "IFO_UNG_DROGFRI": (["VUX-BER"], 45, 9, 60, 70),
    "IFO_BRUK_FORBATTRAD": (["BOU-FAM"], 62, 50, 70, 80),
}


CASE_DATA = {rule.code for rule in RULES}


def create(today: dt.date) -> None:
    rng = random.Random(2026)
    units = {u.code: u for u in Unit.objects.all()}
    top = units["SN"]
    visits = Indicator.objects.create(
        code="SOC_PSYK_BESOK",
        name="Antal besök inom socialpsykiatrins förebyggande öppna insatser",
        measure=Measure.COUNT,
        better=Direction.HIGHER,
        gender_split=GenderSplit.NONE,
        source=Source.MANUAL,
        unit=units["VUX"],
        target_value=Decimal(840),
        target_year=2030,
    )
    points = list(
        FollowUpPoint.objects.filter(ends_on__lt=today, period__year__gte=today.year - 3)
        .select_related("period")
        .order_by("ends_on", "order")
    )
    years = sorted({p.period.year for p in points})
    # Seed 002's table: VB 470, then 1 193 at DÅ2 and 1 894 at VB the year after, etappmål 760.
    for year, value in zip(years[-2:], (470, 1894), strict=False):
        Result.objects.create(indicator=visits, point=points_of(points, year)[-1], unit=units["VUX"], value=value)
    Target.objects.create(indicator=visits, year=years[-1], value=760)

    for code, (unit_codes, level, cases, target, long_term) in PLAN.items():
        indicator = Indicator.objects.get(code=code)
        indicator.target_value, indicator.target_year = Decimal(long_term), 2030
        indicator.save()
        for year in years:
            Target.objects.create(indicator=indicator, year=year, value=target)
        if code in CASE_DATA:
            continue  # computed from the demo's ärendedata (casedata.demo), never typed in
        for year in years:
            drift = (year - years[0]) * (2 if indicator.better == Direction.HIGHER else -1)
            for order, point in enumerate(points_of(points, year), start=1):
                totals = [0, 0]
                for code_ in unit_codes:
                    n = max(5, int(rng.gauss(cases * order, cases * order * 0.1)))
                    if indicator.measure == Measure.PERCENT:
                        p = min(0.99, max(0.02, (level + drift + rng.gauss(0, 3)) / 100))
                        met = round(n * p)
                        save(indicator, point, units[code_], met, n)
                        totals = [totals[0] + met, totals[1] + n]
                    else:
                        days = max(1.0, level + drift + rng.gauss(0, 2))
                        Result.objects.create(indicator=indicator, point=point, unit=units[code_], value=round(days, 1))
                if indicator.measure == Measure.PERCENT:
                    save(indicator, point, top, *totals)
                else:
                    mean = sum(
                        r.value
                        for r in Result.objects.filter(indicator=indicator, point=point, unit__code__in=unit_codes)
                    ) / len(unit_codes)
                    Result.objects.create(indicator=indicator, point=point, unit=top, value=round(mean, 1))
    # Seed 002: "9 av 26 ungdomar har vid avslutad kontakt varit drogfria".
    last_vb = points_of(points, years[-2])[-1] if len(years) > 1 else points[-1]
    Result.objects.filter(indicator__code="IFO_UNG_DROGFRI", point=last_vb, unit=units["VUX-BER"], gender="T").update(
        numerator=9, denominator=26, value=Decimal("34.6")
    )


def points_of(points: list[FollowUpPoint], year: int) -> list[FollowUpPoint]:
    return [p for p in points if p.period.year == year]


def save(indicator: Indicator, point: FollowUpPoint, unit: Unit, met: int, n: int) -> None:
    """The total, and for a gender-split indicator the two genders (roughly half each)."""
    Result.objects.create(indicator=indicator, point=point, unit=unit, numerator=met, denominator=n)
    if indicator.gender_split == GenderSplit.NONE:
        return
    first, second = indicator.genders[1:]
    half_n, half_met = n // 2, met // 2
    Result.objects.create(
        indicator=indicator, point=point, unit=unit, gender=first, numerator=half_met, denominator=half_n
    )
    Result.objects.create(
        indicator=indicator, point=point, unit=unit, gender=second, numerator=met - half_met, denominator=n - half_n
    )
