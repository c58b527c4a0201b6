"""Generate a large municipality for the bench: units, people, roles, processes, years and audit log.

    .venv/bin/python bench/generate.py --units 100 --users 20000 --years 5 --audit 500000 \
        --deviations 200000 --complaints 50000

Writes into the database named by DATABASE_URL (default: the demo SQLite file), after
``manage.py migrate``. It refuses a database that already holds units unless --force is given,
so it never mixes into real data. Rows are written with bulk inserts (not through the audited
save path) because they stand for history that already happened.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections import Counter

from _django import setup

BATCH = 5000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=100, help="number of enheter (leaf units)")
    parser.add_argument("--users", type=int, default=20000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--audit", type=int, default=500000, help="audit log entries")
    parser.add_argument("--deviations", type=int, default=200000)
    parser.add_argument("--complaints", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="add to a database that already has units")
    args = parser.parse_args()
    setup()

    from django.contrib.auth.hashers import make_password
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from accounts.choices import Role
    from accounts.models import Membership, User
    from audit.choices import Event, Source
    from audit.models import AuditEntry
    from organisation.choices import PeriodScheme, ProcessKind, UnitKind
    from organisation.models import FollowUpPoint, Period, Process, Unit
    from organisation.rules import default_follow_up_points

    if Unit.objects.exists() and not args.force:
        raise SystemExit("The database already has units; use an empty database or --force.")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    today = dt.date.today()

    with transaction.atomic():
        root = Unit.objects.create(code="BENCH-SN", name="Storstadens socialnämnd", kind=UnitKind.NAMND)
        office = Unit.objects.create(
            code="BENCH-SF", name="Socialförvaltningen", kind=UnitKind.FORVALTNING, parent=root
        )
        areas = [
            Unit.objects.create(
                code=f"BENCH-VO{i}", name=f"Verksamhetsområde {i}", kind=UnitKind.VERKSAMHETSOMRADE, parent=office
            )
            for i in range(1, 6)
        ]
        leaves = Unit.objects.bulk_create(
            [
                Unit(code=f"BENCH-E{i}", name=f"Enhet {i}", kind=UnitKind.ENHET, parent=areas[i % len(areas)])
                for i in range(1, args.units + 1)
            ]
        )
        for leaf in leaves:
            leaf.path = f"{leaf.parent.path}{leaf.pk}/"
            leaf.depth = 3
        Unit.objects.bulk_update(leaves, ["path", "depth"], batch_size=BATCH)
        print(f"units: {len(leaves) + 7}")

        password = make_password("bench-losenord-2026")
        users = User.objects.bulk_create(
            [
                User(username=f"bench{i}", first_name=f"Förnamn{i}", last_name=f"Efternamn{i}", password=password)
                for i in range(args.users)
            ],
            batch_size=BATCH,
        )
        memberships = [Membership(user=u, unit=rng.choice(leaves), role=Role.MEDARBETARE) for u in users]
        for i, leaf in enumerate(leaves):
            memberships.append(Membership(user=users[i], unit=leaf, role=Role.ENHETSCHEF))
        for i, area in enumerate(areas):
            memberships.append(Membership(user=users[len(leaves) + i], unit=area, role=Role.VERKSAMHETSCHEF))
        memberships.append(Membership(user=users[-1], unit=root, role=Role.ADMINISTRATOR))
        Membership.objects.bulk_create(memberships, batch_size=BATCH)
        print(f"people: {len(users)}, roles: {len(memberships)}")

        processes = Process.objects.bulk_create(
            [
                Process(
                    code=f"BENCH-P{i}",
                    name=f"Process {i}",
                    kind=rng.choice(list(ProcessKind)),
                    unit=rng.choice([*areas, office]),
                    owner=rng.choice(users),
                    established_on=today,
                    next_review_on=today + dt.timedelta(days=rng.randint(-30, 365)),
                )
                for i in range(200)
            ]
        )
        for year in range(today.year - args.years + 1, today.year + 1):
            period = Period.objects.create(year=year, scheme=PeriodScheme.TERTIAL)
            FollowUpPoint.objects.bulk_create(
                [
                    FollowUpPoint(
                        period=period, code=s.code, name=s.name, starts_on=s.starts_on, ends_on=s.ends_on, order=n
                    )
                    for n, s in enumerate(default_follow_up_points(year, period.scheme), 1)
                ]
            )
        print(f"processes: {len(processes)}, years: {args.years}")

        user_type = ContentType.objects.get_for_model(User)
        process_type = ContentType.objects.get_for_model(Process)
        start = dt.datetime.now(dt.UTC) - dt.timedelta(days=365 * args.years)
        span = 365 * args.years * 86400
        written = 0
        while written < args.audit:
            rows = []
            for _ in range(min(BATCH, args.audit - written)):
                actor = rng.choice(users)
                if rng.random() < 0.5:
                    subject, ctype, action = rng.choice(users), user_type, Event.READ
                    unit = rng.choice(leaves)
                    changes = {}
                else:
                    subject, ctype, action = rng.choice(processes), process_type, Event.UPDATE
                    unit = subject.unit
                    changes = {"name": ["Före", "Efter"]}
                rows.append(
                    AuditEntry(
                        at=start + dt.timedelta(seconds=rng.randint(0, span)),
                        actor=actor,
                        actor_name=actor.username,
                        action=action,
                        source=Source.WEB,
                        content_type=ctype,
                        object_id=str(subject.pk),
                        object_repr=str(subject)[:200],
                        unit=unit,
                        changes=changes,
                    )
                )
            AuditEntry.objects.bulk_create(rows)
            written += len(rows)
        print(f"audit entries: {written}")
        improvement(args, rng, leaves, users, today)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would soon after a load this size
    print(f"generated in {time.perf_counter() - started:.1f} s")


def _text(rng, templates, vocabulary) -> str:
    base = rng.choice(templates)
    extra = " ".join(rng.sample(vocabulary, rng.randint(2, 6)))
    return f"{base} {extra.capitalize()}."


def improvement(args, rng, leaves, users, today) -> None:
    """Avvikelser (with lex Sarah, root causes, status history and the text index) and klagomål."""
    from django.utils import timezone

    from complaints.choices import Category, ComplaintKind, ComplaintStatus
    from complaints.models import Complaint
    from core.models import TextTerm
    from core.textindex import stems
    from deviations.choices import Assessment, DeviationKind, DeviationStatus
    from deviations.demo import TEXTS
    from deviations.models import Deviation, DeviationStatusChange, RootCause

    RootCause.ensure_defaults()
    causes = list(RootCause.objects.all())
    templates = [text for texts in TEXTS.values() for text, _cause in texts]
    vocabulary = sorted(
        {w for t in templates for w in t.lower().replace(",", "").replace(".", "").split() if len(w) > 4}
    )
    now = timezone.now()
    span = 365 * args.years * 86400
    started = time.perf_counter()
    made = 0
    through = Deviation.root_causes.through
    while made < args.deviations:
        batch = []
        for _ in range(min(BATCH, args.deviations - made)):
            reported = now - dt.timedelta(seconds=rng.randint(0, span))
            kind = rng.choices(list(DeviationKind), weights=[80, 5, 10, 5])[0]
            closed = rng.random() < 0.85
            lex = kind == DeviationKind.LEX_SARAH
            batch.append(
                Deviation(
                    unit=rng.choice(leaves),
                    kind=kind,
                    description=_text(rng, templates, vocabulary),
                    occurred_at=reported - dt.timedelta(hours=3),
                    reported_at=reported,
                    reported_by=rng.choice(users),
                    status=DeviationStatus.CLOSED if closed else DeviationStatus.INVESTIGATING,
                    lex_sarah_type="missforhallande" if lex else "",
                    assessment=rng.choice(list(Assessment)) if lex and closed else "",
                    is_serious=(rng.random() < 0.2) if lex and closed else None,
                    decided_on=(reported + dt.timedelta(days=7)).date() if lex and closed else None,
                )
            )
        created = Deviation.objects.bulk_create(batch)
        through.objects.bulk_create([through(deviation_id=d.pk, rootcause_id=rng.choice(causes).pk) for d in created])
        changes = []
        for d in created:
            changes.append(
                DeviationStatusChange(
                    deviation_id=d.pk,
                    from_status="reported",
                    to_status="investigating",
                    changed_at=d.reported_at + dt.timedelta(days=rng.randint(0, 5)),
                )
            )
            if d.status == DeviationStatus.CLOSED:
                changes.append(
                    DeviationStatusChange(
                        deviation_id=d.pk,
                        from_status="investigating",
                        to_status="closed",
                        changed_at=d.reported_at + dt.timedelta(days=rng.randint(5, 80)),
                    )
                )
        DeviationStatusChange.objects.bulk_create(changes)
        TextTerm.objects.bulk_create(
            [
                TextTerm(kind="deviation", record_id=d.pk, unit_id=d.unit_id, stem=stem[:60], count=n)
                for d in created
                for stem, n in Counter(stems(d.description)).items()
            ],
            batch_size=BATCH * 4,
        )
        made += len(created)
    print(f"deviations: {made} in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    made = 0
    while made < args.complaints:
        batch = []
        for _ in range(min(BATCH, args.complaints - made)):
            received = today - dt.timedelta(days=rng.randint(0, 365 * args.years))
            batch.append(
                Complaint(
                    reference=f"SK-B{made + len(batch):06d}",
                    unit=rng.choice(leaves),
                    kind=rng.choice(list(ComplaintKind)),
                    category=rng.choice(list(Category)),
                    received_on=received,
                    description=_text(rng, templates, vocabulary),
                    status=ComplaintStatus.CLOSED if rng.random() < 0.8 else ComplaintStatus.RECEIVED,
                    replied_on=received + dt.timedelta(days=rng.randint(1, 30)) if rng.random() < 0.6 else None,
                )
            )
        created = Complaint.objects.bulk_create(batch)
        TextTerm.objects.bulk_create(
            [
                TextTerm(kind="complaint", record_id=c.pk, unit_id=c.unit_id, stem=stem[:60], count=n)
                for c in created
                for stem, n in Counter(stems(c.description)).items()
            ],
            batch_size=BATCH * 4,
        )
        made += len(created)
    print(f"complaints: {made} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
