"""Ärendedata through the one text gate: a personnummer or a control character in any column refuses the file,
naming row and column, and a case id that appears twice is a row error (issue 12, findings 2 and 6)."""

import datetime as dt

import pytest
from django.db import connection

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from casedata.importer import ReplacementNeeded, import_cases
from casedata.models import Case
from casedata.tests.test_import_and_indicators import csv
from core.imports import ImportRefused


@pytest.fixture
def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


def row(tree, case_id="BU-1", reason=""):
    return (case_id, tree.a1.code, "utredning_barn", "2026-01-05", "", "", "", "K", 2015, reason, "nej", "nej")


def stored_anywhere(text):
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            if any(text in str(found) for found in cursor.fetchall()):
                return table
    return None


def test_a_personnummer_in_the_reason_is_refused_and_stored_nowhere(tree, planner):
    rows = [row(tree, "BU-1"), row(tree, "BU-2", "Gäller 19121212-1212")]
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "orsak")]
    assert "personnummer" in str(refused.value.errors[0])
    assert not Case.objects.exists()
    assert stored_anywhere("1212-1212") is None


def test_a_control_character_in_any_column_is_refused_naming_it(tree, planner):
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv([row(tree, "BU-1", "Väntar\x0bpå plats")]), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "orsak")]
    assert not Case.objects.exists()


def test_a_case_id_that_appears_twice_is_a_row_error(tree, planner):
    rows = [row(tree, "BU-1"), row(tree, "BU-2"), row(tree, "BU-1")]
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(4, "arende_id")]
    assert not Case.objects.exists()


def test_a_case_id_repeated_in_a_later_chunk_is_found_too(tree, planner, monkeypatch):
    import core.imports

    monkeypatch.setattr(core.imports.read_chunks, "__defaults__", (2,))  # two rows a chunk
    rows = [row(tree, "BU-1"), row(tree, "BU-2"), row(tree, "BU-3"), row(tree, "BU-2")]
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(5, "arende_id")]


def test_a_small_file_never_wipes_a_units_history_without_being_asked(tree, planner):
    history = [(f"BU-{n}", *row(tree)[1:3], f"2024-{n % 12 + 1:02d}-01", *row(tree)[4:]) for n in range(40)]
    import_cases(csv(history), "historik.csv", by=planner)
    small = [
        ("NY-1", *row(tree)[1:3], "2024-01-01", *row(tree)[4:]),
        ("NY-2", *row(tree)[1:3], "2024-12-01", *row(tree)[4:]),
    ]

    with pytest.raises(ReplacementNeeded) as needed:
        import_cases(csv(small), "tre-rader.csv", by=planner)

    overlap = needed.value.overlap
    assert overlap.period == (dt.date(2024, 1, 1), dt.date(2024, 12, 1))
    assert overlap.per_unit == [(tree.a1.code, 2, 40)]
    assert Case.objects.count() == 40 and not Case.objects.filter(batch__file_name="tre-rader.csv").exists()


def test_a_start_date_far_in_the_future_or_past_is_a_row_error(tree, planner):
    rows = [
        ("BU-1", *row(tree)[1:3], "2094-01-01", *row(tree)[4:]),
        ("BU-2", *row(tree)[1:3], "1989-12-31", *row(tree)[4:]),
    ]
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "start"), (3, "start")]


def test_a_named_period_replaces_only_it_and_keeps_the_replaced_cases(tree, planner):
    old = [(f"BU-{n}", *row(tree)[1:3], f"2025-{n + 1:02d}-01", *row(tree)[4:]) for n in range(12)]
    import_cases(csv(old), "2025.csv", by=planner)
    first_half = [(f"BU-{n}", *row(tree)[1:3], f"2025-{n + 1:02d}-15", *row(tree)[4:]) for n in range(6)]

    batch = import_cases(
        csv(first_half), "h1.csv", by=planner, replace_period=(dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    )

    assert batch.replaced == 6
    assert Case.objects.count() == 12  # six replaced, six from July on untouched
    assert Case.all_versions.count() == 18 and Case.all_versions.filter(superseded_by=batch).count() == 6


def test_a_row_outside_the_named_period_is_a_row_error(tree, planner):
    rows = [
        ("BU-1", *row(tree)[1:3], "2025-03-01", *row(tree)[4:]),
        ("BU-2", *row(tree)[1:3], "2025-08-01", *row(tree)[4:]),
    ]
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "h1.csv", by=planner, replace_period=(dt.date(2025, 1, 1), dt.date(2025, 6, 30)))
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "start")]
