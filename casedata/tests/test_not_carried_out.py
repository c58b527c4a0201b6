import datetime as dt

from django.test import override_settings

from casedata.rules import quarter_bounds, reporting_window, to_report

Q3 = quarter_bounds(2026, 3)


def test_the_quarter_runs_from_its_first_to_its_last_day():
    assert (dt.date(2026, 7, 1), dt.date(2026, 9, 30)) == Q3
    assert quarter_bounds(2026, 4) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))


def test_the_reporting_periods_follow_the_configured_cut_off_days():
    assert reporting_window(2026, 3) == Q3
    with override_settings(IVO_REPORTING_DATES=["02-28", "05-31", "08-31", "11-30"]):
        assert reporting_window(2026, 1) == (dt.date(2025, 12, 1), dt.date(2026, 2, 28))
        assert reporting_window(2026, 4) == (dt.date(2026, 9, 1), dt.date(2026, 11, 30))


def test_a_decision_still_not_carried_out_after_three_months_is_reported():
    assert to_report(dt.date(2026, 5, 15), None, Q3)  # three months ran out 15 August
    assert not to_report(dt.date(2026, 7, 1), None, Q3)  # runs out 1 October, after the quarter


def test_a_decision_carried_out_late_is_reported_in_the_quarter_it_was_carried_out_or_still_waiting():
    assert to_report(dt.date(2026, 3, 1), dt.date(2026, 7, 20), Q3)
    assert not to_report(dt.date(2026, 2, 1), dt.date(2026, 6, 10), Q3)  # told in the second quarter


def test_a_decision_carried_out_within_three_months_is_not_reported():
    assert not to_report(dt.date(2026, 4, 1), dt.date(2026, 6, 30), Q3)
    assert not to_report(dt.date(2026, 4, 1), dt.date(2026, 7, 1), Q3)  # exactly three months: in time


def test_the_quarter_list_shows_the_decisions_to_report_within_the_scope_and_exports(client, tree, chief_a, chief_b):
    from accounts.choices import Role
    from accounts.tests.factories import person_with_role
    from casedata.importer import import_cases

    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    rows = [
        ("D-1", tree.a1.code, "beslut", "2026-04-01", "", "2026-04-01", "", "K", "1950", "hemtjänst"),
        ("D-2", tree.a1.code, "beslut", "2026-03-01", "", "2026-03-01", "2026-07-20", "M", "1960", "boendestöd"),
        ("D-3", tree.a1.code, "beslut", "2026-06-01", "", "2026-06-01", "2026-06-20", "K", "1970", "kontaktperson"),
        ("D-4", tree.b1.code, "beslut", "2026-04-01", "", "2026-04-01", "", "M", "1980", "hemtjänst"),
    ]
    header = "arende_id;enhet;typ;start;slut;beslutsdatum;verkstallighetsdatum;kon;fodelsear;orsak\n"
    import_cases((header + "\n".join(";".join(r) for r in rows)).encode(), "beslut.csv", by=planner)
    client.force_login(chief_a)
    context = client.get("/arendedata/ej-verkstallda/", {"year": 2026, "period": 3}).context
    assert [(r["case"].reason, r["days"]) for r in context["rows"]] == [("boendestöd", 141), ("hemtjänst", 182)]
    export = client.get("/arendedata/ej-verkstallda/", {"year": 2026, "period": 3, "format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(chief_b)
    assert [
        r["case"].unit for r in client.get("/arendedata/ej-verkstallda/", {"year": 2026, "period": 3}).context["rows"]
    ] == [tree.b1]


def test_the_vectorised_selection_agrees_with_the_rule_for_random_decisions(tree):
    import random

    from casedata.compute import not_carried_out
    from casedata.models import Case, ImportBatch

    rng = random.Random(3)
    batch = ImportBatch.objects.create(
        file_name="x", unit=tree.a1, period_start=dt.date(2025, 1, 1), period_end=dt.date(2026, 12, 31), rows=0
    )
    cases = []
    for n in range(600):
        decided = dt.date(2025, 6, 1) + dt.timedelta(days=rng.randrange(0, 500))
        executed = None if rng.random() < 0.3 else decided + dt.timedelta(days=rng.randrange(0, 200))
        cases.append(
            Case(
                case_key=f"k{n}",
                unit=tree.a1,
                kind="beslut",
                started_on=decided,
                decided_on=decided,
                executed_on=executed,
                batch=batch,
            )
        )
    Case.objects.bulk_create(cases)
    for window in (quarter_bounds(2026, q) for q in (1, 2, 3, 4)):
        expected = sorted(
            c.pk
            for c in Case.objects.all()
            if to_report(c.decided_on, c.executed_on, window)
            or (c.interrupted_on and to_report(c.interrupted_on, c.resumed_on, window))
        )
        assert expected
        assert sorted(r["case"].pk for r in not_carried_out(Case.objects.all(), window)) == expected


def test_an_interruption_not_resumed_within_three_months_is_reported(tree):
    from accounts.choices import Role
    from accounts.tests.factories import person_with_role
    from casedata.compute import not_carried_out
    from casedata.importer import COLUMNS, import_cases
    from casedata.models import Case

    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    header = ";".join(COLUMNS) + "\n"
    rows = [
        "D-1;A1;beslut;2025-10-01;;2025-10-01;2025-10-20;K;1950;boendestöd;nej;nej;2026-03-01;",
        "D-2;A1;beslut;2025-10-01;;2025-10-01;2025-10-20;M;1950;boendestöd;nej;nej;2026-03-01;2026-04-15",
    ]
    import_cases((header + "\n".join(rows) + "\n").encode(), "b.csv", by=planner)
    found = not_carried_out(Case.objects.all(), quarter_bounds(2026, 2))
    assert [(r["case"].gender, r["interrupted"], r["days"]) for r in found] == [("K", True, 121)]
