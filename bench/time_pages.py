"""Time the pages and API lists at the generated scale: median and p95 server time and SQL queries.

    .venv/bin/python bench/time_pages.py --repeat 20

Runs the Django request cycle in-process (test client, no network) against DATABASE_URL, as an
administrator at the root, a verksamhetschef and an enhetschef from bench/generate.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from _django import setup


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(share * (len(ordered) - 1)))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", default="", help="comma-separated words; time only pages whose name has one")
    args = parser.parse_args()
    setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from accounts.choices import Role
    from accounts.models import Membership
    from audit.models import AuditEntry
    from complaints.models import Complaint
    from deviations.models import Deviation
    from organisation.models import Unit

    settings.ALLOWED_HOSTS = ["testserver"]
    setup_test_environment()
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name hashed static files

    def holder(role: str):
        return Membership.objects.filter(role=role).select_related("user", "unit").order_by("pk").first()

    admin, area_chief, unit_chief = holder(Role.ADMINISTRATOR), holder(Role.VERKSAMHETSCHEF), holder(Role.ENHETSCHEF)
    unit = Unit.objects.filter(kind="enhet").order_by("pk").first()
    month_ago = AuditEntry.objects.order_by("-at").values_list("at", flat=True).first()
    date_filter = f"date_from={month_ago.date().replace(day=1).isoformat()}"
    this_month = f"{month_ago:%Y-%m}"

    from goals.models import FollowUpRound
    from indicators.models import Indicator, Result

    latest_round = FollowUpRound.objects.order_by("-point__ends_on").first()
    round_pk = latest_round.pk if latest_round else 0
    bench_indicator = (
        Indicator.objects.filter(code__startswith="BENCH").order_by("pk").first() or Indicator.objects.first()
    )
    indicator_pk = bench_indicator.pk
    indicator_unit = (
        Result.objects.filter(indicator=bench_indicator)
        .exclude(unit__parent=None)
        .values_list("unit", flat=True)
        .first()
        or unit.pk
    )

    def pages_for(user):
        deviation = Deviation.objects.visible_to(user).order_by("-reported_at").first()
        complaint = Complaint.objects.visible_to(user).order_by("-received_on").first()
        return [
            ("start page", "/"),
            ("unit list", "/organisation/enheter/"),
            ("unit detail", f"/organisation/enheter/{unit.pk}/"),
            ("process list", "/organisation/processer/"),
            ("people list", "/konton/personer/"),
            ("people search", "/konton/personer/?q=Efternamn12"),
            ("role list", "/konton/roller/"),
            ("log review", "/loggkontroll/"),
            ("log review, one person", f"/loggkontroll/?person={unit_chief.user.username}"),
            ("log export, this month", f"/loggkontroll/export/?{date_filter}"),
            ("API units", "/api/v1/units/"),
            ("API memberships", "/api/v1/memberships/"),
            ("API people", "/api/v1/people/"),
            ("API audit log", "/api/v1/audit-log/"),
            ("deviation list", "/avvikelser/"),
            ("deviation list, lex Sarah", "/avvikelser/?kind=lex_sarah"),
            ("deviation detail+similar", f"/avvikelser/{deviation.pk}/"),
            ("deviation statistics, yr", "/avvikelser/statistik/"),
            ("recurring themes, month", f"/avvikelser/teman/?month={this_month}"),
            ("complaint list", "/synpunkter/"),
            ("complaint detail+similar", f"/synpunkter/{complaint.pk}/"),
            ("complaint statistics, yr", "/synpunkter/statistik/"),
            ("API deviations", "/api/v1/deviations/"),
            ("API complaints", "/api/v1/complaints/"),
            ("risk list", "/risker/"),
            ("risk matrix", "/risker/matris/"),
            ("self-inspection list", "/egenkontroller/"),
            ("kvalitetsplan, one unit", f"/egenkontroller/kvalitetsplan/?unit={unit.pk}"),
            ("action list", "/atgarder/"),
            ("my actions", "/atgarder/mina/"),
            ("årshjul, this year", "/arshjul/"),
            ("goal tree, this year", "/mal/"),
            ("goals dashboard, nämnd", "/mal/oversikt/"),
            ("goals dashboard, unit", f"/mal/oversikt/?unit={unit.pk}"),
            ("follow-up rounds", "/mal/uppfoljning/"),
            ("round progress", f"/mal/uppfoljning/{round_pk}/"),
            ("indicator list", "/indikatorer/"),
            ("indicator detail, nämnd", f"/indikatorer/{indicator_pk}/"),
            ("indicator detail, unit", f"/indikatorer/{indicator_pk}/?unit={indicator_unit}"),
            ("API indicator results", f"/api/v1/indicator-results/?indicator={indicator_pk}"),
            ("start page (to-do)", "/"),
        ]

    print(
        f"database: {connection.vendor}; audit entries: {AuditEntry.objects.count():,}; "
        f"roles: {Membership.objects.count():,}; repeat: {args.repeat}"
    )
    print(f"{'page':<26} {'as':<16} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'status':>6}")
    for who, membership in (("administratör", admin), ("verksamhetschef", area_chief), ("enhetschef", unit_chief)):
        client = Client()
        client.force_login(membership.user)
        wanted = [w for w in args.only.split(",") if w]
        for name, url in pages_for(membership.user):
            if wanted and not any(w in name for w in wanted):
                continue
            for _ in range(2):
                client.get(url)
            times = []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as ctx:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
            print(
                f"{name:<26} {who:<16} {statistics.median(times):>10.1f} {percentile(times, 0.95):>8.1f} "
                f"{len(ctx.captured_queries):>8} {response.status_code:>6}"
            )


def time_similarity(samples: int = 50) -> None:
    """The similarity query alone, for random deviations, over everything and within one chief's units."""
    import random

    from accounts.choices import Role
    from accounts.models import Membership
    from core import textindex
    from core.scope import Perm, units_where
    from deviations.models import Deviation

    rng = random.Random(1)
    ids = list(Deviation.objects.values_list("pk", flat=True))
    chief = Membership.objects.filter(role=Role.ENHETSCHEF).order_by("pk").first().user
    for label, units in (
        ("all units", None),
        ("one enhetschef", units_where(chief, Perm.VIEW, Deviation).values("pk")),
    ):
        times = []
        for pk in rng.sample(ids, samples):
            text = Deviation.objects.get(pk=pk).indexed_text()
            started = time.perf_counter()
            textindex.similar("deviation", text, exclude_id=pk, units=units)
            times.append((time.perf_counter() - started) * 1000)
        print(
            f"similarity query, {label:<16} median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"
        )


if __name__ == "__main__":
    main()
    if "--only" not in sys.argv:
        time_similarity()
