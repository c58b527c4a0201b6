"""A large file is read, checked and written a chunk at a time — still all of it or nothing."""

import datetime as dt
import random

import pytest

from casedata.importer import ImportRefused, import_cases
from casedata.models import Case
from casedata.tests.test_import_and_indicators import csv, investigations, planner  # noqa: F401
from core import imports


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 100)
    monkeypatch.setattr(imports.read_chunks, "__defaults__", (100,))


def test_a_bad_row_in_the_last_chunk_leaves_nothing_from_the_earlier_chunks(tree, planner, small_chunks):  # noqa: F811
    rows, _ = investigations(tree, random.Random(5))
    rows[1300] = ("BU-BAD", "NOPE", "utredning_barn", "2026-01-02", "", "", "", "K", 2015, "", "nej", "nej")
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(1302, "enhet")]
    assert not Case.objects.exists()


def test_every_chunk_is_imported_and_a_reimport_replaces_the_whole_period(tree, planner, small_chunks):  # noqa: F811
    rows, _ = investigations(tree, random.Random(6))
    first = import_cases(csv(rows), "arenden.csv", by=planner)
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    again = import_cases(csv(rows), "arenden.csv", by=planner, replace_period=year)
    assert (first.rows, again.rows, again.replaced, Case.objects.count()) == (1384, 1384, 1384, 1384)
    assert set(Case.objects.values_list("batch", flat=True)) == {again.pk}
