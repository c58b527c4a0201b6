"""Exports are written as they are read: the CSV goes out in pieces and the workbook from a temporary file, so
a whole register is never one list in memory; what they hold is unchanged."""

from __future__ import annotations

import io

import openpyxl
from django.urls import reverse

from core import tables
from deviations.tests.factories import DeviationFactory


def test_the_csv_export_goes_out_in_pieces_with_every_row(client, admin, tree, monkeypatch):
    monkeypatch.setattr(tables, "EXPORT_CHUNK", 2)
    for n in range(5):
        DeviationFactory(unit=tree.a1, description=f"Händelse {n}")
    client.force_login(admin)

    response = client.get(reverse("deviations:export"), {"format": "csv"})

    assert response.streaming
    pieces = [bytes(piece) for piece in response.streaming_content]
    assert len(pieces) >= 3  # the header, then two rows at a time
    text = b"".join(pieces).decode("utf-8-sig")
    assert len(text.strip().splitlines()) == 1 + 5


def test_the_excel_export_is_sent_from_a_file_and_holds_every_row(client, admin, tree):
    for n in range(3):
        DeviationFactory(unit=tree.a1, description=f"Händelse {n}")
    client.force_login(admin)

    response = client.get(reverse("deviations:export"))

    assert response.streaming and response["Content-Disposition"].startswith('attachment; filename="avvikelser-')
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue()), read_only=True).active
    assert len(list(sheet.iter_rows(values_only=True))) == 1 + 3


def test_an_export_costs_the_same_queries_for_few_rows_and_many(client, admin, tree, django_assert_max_num_queries):
    client.force_login(admin)
    DeviationFactory(unit=tree.a1)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("deviations:export"), {"format": "csv"}).getvalue()
    for _n in range(20):
        DeviationFactory(unit=tree.a1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("deviations:export"), {"format": "csv"}).getvalue()


def test_a_streamed_csv_is_written_in_the_readers_language_to_the_last_row(client, admin, tree):
    DeviationFactory(unit=tree.a1)
    client.force_login(admin)
    client.cookies["django_language"] = "en"

    text = client.get(reverse("deviations:export"), {"format": "csv"}).getvalue().decode("utf-8-sig")

    header, row = text.strip().splitlines()
    assert header.startswith("Reference;Reported")
    assert "Internal deviation" in row and "Intern avvikelse" not in row
