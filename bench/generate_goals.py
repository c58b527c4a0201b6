"""Add goals and indicators to a generated municipality: the indicator catalogue with five years of utfall for
30 units, etappmål, a goal tree per year and locked follow-up rounds with reports.

    .venv/bin/python bench/generate_goals.py --indicators 2000 --units 30 --years 5

Run after bench/generate.py on the same DATABASE_URL. Bulk inserts, as history that already happened.
"""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal

from _django import setup

BATCH = 20000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--indicators", type=int, default=2000)
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--goals", type=int, default=300, help="goals per year")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    setup()

    from django.db import transaction

    from goals.choices import Assessment, GoalKind, QualityArea, RoundStatus
    from goals.models import FollowUpRound, Goal, GoalReport
    from indicators.choices import Direction, Measure
    from indicators.models import Indicator, Result, Target
    from organisation.models import FollowUpPoint, Unit

    rng = random.Random(args.seed)
    root = Unit.objects.filter(parent__isnull=True).order_by("path").first()
    office = Unit.objects.filter(parent=root).order_by("path").first() or root
    units = [root, *Unit.objects.filter(kind="enhet", code__startswith="BENCH").order_by("pk")[: args.units - 1]]
    points = list(FollowUpPoint.objects.select_related("period").order_by("-ends_on"))
    years = sorted({p.period.year for p in points})[-args.years :]
    points = [p for p in points if p.period.year in years]
    started = time.perf_counter()
    with transaction.atomic():
        indicators = Indicator.objects.bulk_create(
            Indicator(
                code=f"BENCH_{i:05d}",
                name=f"Benchindikator {i}",
                measure=Measure.PERCENT if i % 4 else Measure.DAYS,
                better=Direction.HIGHER if i % 4 else Direction.LOWER,
                unit=root,
                target_value=Decimal(80),
                target_year=2030,
                # As in a city's register: most indicators are followed within the verksamhet; one in twenty is
                # marked for the nämnd's documents, besides those that follow a goal of the year.
                in_reports=i % 20 == 0,
            )
            for i in range(args.indicators)
        )
        Target.objects.bulk_create(
            Target(indicator=ind, year=year, value=Decimal(70 if ind.measure == Measure.PERCENT else 14))
            for ind in indicators
            for year in years
        )
        rows = []
        created = 0
        for ind in indicators:
            level = rng.uniform(40, 90)
            for unit in units:
                for point in points:
                    if ind.measure == Measure.PERCENT:
                        n = rng.randint(10, 400)
                        met = min(n, max(0, round(n * rng.gauss(level, 6) / 100)))
                        value = (Decimal(met) * 100 / Decimal(n)).quantize(Decimal("0.1"))
                        rows.append(
                            Result(indicator=ind, point=point, unit=unit, numerator=met, denominator=n, value=value)
                        )
                    else:
                        rows.append(
                            Result(indicator=ind, point=point, unit=unit, value=Decimal(round(rng.uniform(5, 30), 1)))
                        )
                    if len(rows) >= BATCH:
                        Result.objects.bulk_create(rows)
                        created += len(rows)
                        rows = []
        Result.objects.bulk_create(rows)
        created += len(rows)
        print(f"indicators {len(indicators)}, results {created:,} in {time.perf_counter() - started:.1f} s")

        goals_made = reports_made = 0
        for year in years:
            goals = Goal.objects.bulk_create(
                Goal(
                    year=year,
                    kind=GoalKind.QUALITY,
                    quality_area=rng.choice(QualityArea.values),
                    title=f"Benchmål {year}-{g}",
                    unit=office,
                    order=g,
                )
                for g in range(args.goals)
            )
            Goal.indicators.through.objects.bulk_create(
                Goal.indicators.through(goal_id=goal.pk, indicator_id=rng.choice(indicators).pk) for goal in goals
            )
            goals_made += len(goals)
            for point in [p for p in points if p.period.year == year]:
                round_ = FollowUpRound.objects.create(point=point, unit=office, status=RoundStatus.LOCKED)
                reports = GoalReport.objects.bulk_create(
                    GoalReport(
                        round=round_,
                        goal=goal,
                        unit=office,
                        assessment=rng.choice([Assessment.FULLY, Assessment.PARTLY, Assessment.NOT_MET]),
                        overall="Samlad bedömning.",
                    )
                    for goal in goals
                )
                reports_made += len(reports)
    print(
        f"goals {goals_made:,}, reports {reports_made:,}; total {time.perf_counter() - started:.1f} s "
        f"({len(units)} units, years {years[0]}–{years[-1]}, {len(points)} points)"
    )


if __name__ == "__main__":
    main()
