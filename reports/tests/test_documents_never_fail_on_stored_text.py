"""A stray control character stored in a record neither stops a document nor its export (issue 12, finding 3):
the granskning whose title held \\x04 once stopped the whole nämnd's kvalitetsberättelse."""

import datetime as dt
import io
from zipfile import ZipFile

import openpyxl
import pytest
from django.urls import reverse

from controls.models import Review
from reports import generate, render
from reports.tests.records import YEAR


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


@pytest.fixture
def review(tree):
    # Stored as an older version or a direct database write could have left it: past the gate that now refuses it.
    review = Review(
        kind="internal",
        title="Granskning av\x04 dokumentation",
        performed_by="Revisionen\x0b",
        performed_on=dt.date(YEAR, 4, 2),
        unit=tree.a1,
        findings="Brister\x1f i journalföringen.",
    )
    Review.objects.bulk_create([review])
    return review


def test_the_kvalitetsberattelse_is_generated_in_every_format(tree, records, review):
    report = generate.assemble("kvalitetsberattelse", YEAR, "", tree.root, records.planner)
    word = render.docx(report)
    xml = ZipFile(io.BytesIO(word)).read("word/document.xml").decode()
    assert "Granskning av dokumentation" in xml and "\x04" not in xml
    assert render.pdf(report).startswith(b"%PDF")
    assert "\x04" not in render.page(report)


def test_the_granskningar_export_answers_and_carries_the_text_without_the_character(client, tree, records, review):
    client.force_login(records.planner)
    response = client.get(reverse("controls:review_export"))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    assert "Granskning av dokumentation" in [c.value for row in sheet.iter_rows() for c in row]
