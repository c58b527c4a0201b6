"""Add the planning half to a generated municipality: risks, egenkontroller with genomföranden, åtgärder.

    .venv/bin/python bench/generate_planning.py --risks 10000 --controls 5000 --runs 50000 --actions 100000

Run after bench/generate.py on the same DATABASE_URL. Bulk inserts, as history that already happened.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from _django import setup

BATCH = 5000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--risks", type=int, default=10000)
    parser.add_argument("--controls", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=50000)
    parser.add_argument("--actions", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args()
    setup()

    from django.db import connection, transaction

    from accounts.models import User
    from actions.models import Action
    from controls.choices import Cadence, Method
    from controls.models import Control, ControlRun
    from controls.rules import next_due
    from organisation.models import Unit
    from risks.models import Risk, RiskAssessment

    rng = random.Random(args.seed)
    leaves = list(Unit.objects.filter(kind="enhet", code__startswith="BENCH"))
    users = list(User.objects.filter(username__startswith="bench").values_list("pk", flat=True)[:2000])
    today = dt.date.today()
    areas = [
        "Myndighetsutövning barn och unga",
        "Myndighetsutövning vuxna",
        "Boende och stöd",
        "Hälso- och sjukvård",
        "Kompetensförsörjning",
        "Dokumentation",
        "Ekonomiskt bistånd",
        "Öppenvård",
    ]
    started = time.perf_counter()
    with transaction.atomic():
        risks = []
        for i in range(args.risks):
            p, c = rng.randint(1, 4), rng.randint(1, 4)
            risks.append(
                Risk(
                    title=f"Risk {i}",
                    area=rng.choice(areas),
                    unit=rng.choice(leaves),
                    probability=p,
                    consequence=c,
                    level=p * c,
                    owner_id=rng.choice(users),
                    last_assessed_on=today - dt.timedelta(days=rng.randint(0, 900)),
                )
            )
        risks = Risk.objects.bulk_create(risks, batch_size=BATCH)
        RiskAssessment.objects.bulk_create(
            [
                RiskAssessment(
                    risk=r,
                    assessed_on=r.last_assessed_on,
                    probability=r.probability,
                    consequence=r.consequence,
                    level=r.level,
                )
                for r in risks
            ],
            batch_size=BATCH,
        )
        controls = []
        for i in range(args.controls):
            risk = rng.choice(risks)
            cadence = rng.choice(list(Cadence))
            first = today - dt.timedelta(days=rng.randint(0, 700))
            controls.append(
                Control(
                    title=f"Egenkontroll {i}",
                    purpose="Kontrollera att rutinen följs.",
                    method=rng.choice(list(Method)),
                    risk=risk,
                    unit=risk.unit,
                    responsible_id=rng.choice(users),
                    cadence=cadence,
                    first_due_on=first,
                    next_due_on=next_due(cadence, first, None),
                    plan="Följa upp kvartalsvis.",
                )
            )
        controls = Control.objects.bulk_create(controls, batch_size=BATCH)
        actions = []
        for i in range(args.actions):
            due = today + dt.timedelta(days=rng.randint(-700, 200))
            actions.append(
                Action(
                    title=f"Åtgärd {i}",
                    unit=rng.choice(leaves),
                    responsible_id=rng.choice(users),
                    due_on=due,
                    status=rng.choice(["not_started", "in_progress", "done", "done"]),
                )
            )
        actions = Action.objects.bulk_create(actions, batch_size=BATCH)
        through = Risk.actions.through
        through.objects.bulk_create(
            [through(risk_id=rng.choice(risks).pk, action_id=a.pk) for a in actions[: len(actions) // 2]],
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        runs = []
        for _ in range(args.runs):
            control = rng.choice(controls)
            n = rng.randint(10, 60)
            runs.append(
                ControlRun(
                    control=control,
                    performed_on=today - dt.timedelta(days=rng.randint(0, 700)),
                    result="Stickprov.",
                    numerator=rng.randint(0, n),
                    denominator=n,
                    verdict=rng.choice(["approved", "approved", "needs_action"]),
                )
            )
        ControlRun.objects.bulk_create(runs, batch_size=BATCH)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"risks {len(risks)}, controls {len(controls)}, runs {len(runs)}, actions {len(actions)} "
        f"in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
