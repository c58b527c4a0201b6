"""The statistics equal counts made independently from the records, and respect the scope."""

import datetime as dt
import random
from collections import Counter

from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from deviations.choices import Assessment, DeviationKind, DeviationStatus
from deviations.models import Deviation, RootCause
from deviations.tests.factories import DeviationFactory

YEAR = 2025


def build(tree, n=60, seed=7):
    RootCause.ensure_defaults()
    rng = random.Random(seed)
    causes = list(RootCause.objects.all())
    made = []
    for _ in range(n):
        unit = rng.choice([tree.a1, tree.a2, tree.b1])
        kind = rng.choice(list(DeviationKind))
        reported = timezone.make_aware(dt.datetime(YEAR, rng.randint(1, 12), rng.randint(1, 28), 10))
        extra = {}
        if kind == DeviationKind.LEX_SARAH:
            extra = {
                "lex_sarah_type": "risk",
                "assessment": rng.choice([*Assessment.values, ""]),
                "is_serious": rng.choice([True, False]),
            }
            if extra["is_serious"] and extra["assessment"]:
                extra["ivo_reported_on"] = reported.date()
        d = DeviationFactory(
            unit=unit,
            kind=kind,
            reported_at=reported,
            status=rng.choice([DeviationStatus.REPORTED, DeviationStatus.CLOSED]),
            **extra,
        )
        d.root_causes.set(rng.sample(causes, rng.randint(0, 2)))
        made.append(d)
    return made


def test_the_figures_equal_counts_computed_from_the_records(client, tree):
    made = build(tree)
    admin = person_with_role(Role.ADMINISTRATOR, tree.root)
    client.force_login(admin)
    stats = client.get(
        reverse("deviations:statistics"), {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-12-31"}
    ).context["stats"]

    assert stats.total == len(made)
    assert dict(stats.by_kind) == {str(k.label): sum(d.kind == k for d in made) for k in DeviationKind}
    units = Counter(d.unit.name for d in made)
    assert dict(stats.by_unit) == dict(units)
    months = Counter(d.reported_at.month for d in made)
    assert [n for _, n in stats.by_month] == [months.get(m, 0) for m in range(1, 13)]
    causes = Counter(c.name for d in made for c in d.root_causes.all())
    assert dict(stats.by_root_cause) == {c.name: causes.get(c.name, 0) for c in RootCause.objects.all()}
    lex = [d for d in made if d.kind == DeviationKind.LEX_SARAH]
    assert stats.lex_sarah.reported == len(lex)
    assert stats.lex_sarah.missforhallande == sum(d.assessment == Assessment.MISSFORHALLANDE for d in lex)
    assert stats.lex_sarah.serious == sum(bool(d.is_serious) for d in lex)
    assert stats.lex_sarah.reported_to_ivo == sum(d.ivo_reported_on is not None for d in lex)
    assert stats.closed == sum(d.status == DeviationStatus.CLOSED for d in made)


def test_a_chief_of_b_counts_only_b_and_a_committee_member_sees_only_aggregates(client, tree, chief_b):
    made = build(tree)
    client.force_login(chief_b)
    stats = client.get(
        reverse("deviations:statistics"), {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-12-31"}
    ).context["stats"]
    assert stats.total == sum(d.unit == tree.b1 for d in made)
    assert {u for u, _ in stats.by_unit} <= {tree.b1.name}

    member = person_with_role(Role.NAMNDLEDAMOT, tree.root)
    client.force_login(member)
    page = client.get(reverse("deviations:statistics"), {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-12-31"})
    assert page.context["stats"].total == len(made)
    assert client.get(reverse("deviations:detail", args=[made[0].pk])).status_code == 404
    assert client.get(reverse("deviations:list")).status_code == 200  # only their own reports: none
    assert not client.get(reverse("deviations:list")).context["object_list"]


def test_handling_time_is_the_median_days_to_each_step(tree, chief_a):
    for days in (1, 3, 10):
        d = DeviationFactory(unit=tree.a1, reported_at=timezone.now() - dt.timedelta(days=days))
        d.transition_to(DeviationStatus.INVESTIGATING, by=chief_a)
    from deviations.statistics import handling_times

    started = handling_times(Deviation.objects.all())[0]
    assert started.count == 3
    assert round(started.median_days) == 3


def test_an_even_count_has_its_median_between_the_middle_two_and_a_step_not_reached_has_none(tree, chief_a):
    # PostgreSQL computes the medians itself, SQLite in Python: both must say the same.
    from deviations.statistics import handling_times

    for days in (1, 3, 10, 12):
        d = DeviationFactory(unit=tree.a1, reported_at=timezone.now() - dt.timedelta(days=days))
        d.transition_to(DeviationStatus.INVESTIGATING, by=chief_a)
    DeviationFactory(unit=tree.b1, reported_at=timezone.now() - dt.timedelta(days=30))  # outside what is asked

    started, assessed, closed = handling_times(Deviation.objects.filter(unit=tree.a1))

    assert (started.median_days, started.count) == (6.5, 4)
    assert (assessed.median_days, assessed.count) == (None, 0)
    assert (closed.median_days, closed.count) == (None, 0)


def test_the_statistics_export_to_excel_with_the_same_figures(client, tree):
    import io

    import openpyxl

    made = build(tree, n=10)
    client.force_login(person_with_role(Role.ADMINISTRATOR, tree.root))
    params = {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-12-31"}
    response = client.get(reverse("deviations:statistics"), {**params, "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.getvalue()), read_only=True)
    per_kind = list(book["Per slag"].iter_rows(values_only=True))[1:]
    assert dict(per_kind) == {str(k.label): sum(d.kind == k for d in made) for k in DeviationKind}
    per_unit = dict(list(book["Per enhet"].iter_rows(values_only=True))[1:])
    assert sum(per_unit.values()) == len(made)


def test_every_chart_has_alt_text_and_its_data_table(client, tree):
    build(tree, n=10)
    client.force_login(person_with_role(Role.ADMINISTRATOR, tree.root))
    page = client.get(reverse("deviations:statistics"), {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-12-31"})
    html = page.content.decode()
    assert html.count('<img src="data:image/svg+xml;base64,') == 3
    assert "Avvikelser per månad. " in html  # the alt text
    assert html.count("<details>") >= 3
