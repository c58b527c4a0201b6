"""Odd numbers and unstorable text in personal, survey and finance files are row errors, never a 500 (issue 12,
findings 2 and 5): NaN, Infinity, exponents and values the column cannot hold; personnummer and control
characters in any column."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError, IntegrityError, transaction

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from core.imports import ImportRefused
from finance.demo import ACTIVITIES
from finance.importer import import_statement
from finance.models import FinanceReport
from organisation.tests.factories import PeriodFactory
from staff.importer import import_staff
from staff.models import StaffFigure
from surveys.importer import import_surveys
from surveys.models import Survey
from surveys.tests.test_survey_import import rows as survey_rows

STAFF_HEADER = "enhet;ar;period;matt;kon;varde\n"


@pytest.fixture
def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-inf", "1e20", "123456789012345"])
def test_a_staff_value_that_is_no_figure_or_too_large_is_a_row_error(tree, planner, value):
    text = f"{STAFF_HEADER}{tree.root.code};2026;helar;sjukfranvaro;T;{value}\n"
    with pytest.raises(ImportRefused) as refused:
        import_staff(text.encode(), "p.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "varde")]
    assert not StaffFigure.objects.exists()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e20"])
def test_the_upload_pages_answer_odd_numbers_with_the_row_not_a_server_error(client, tree, planner, value):
    client.force_login(planner)
    staff = f"{STAFF_HEADER}{tree.root.code};2026;helar;sjukfranvaro;T;{value}\n".encode()
    page = client.post("/personal/importera/", {"file": SimpleUploadedFile("p.csv", staff)})
    assert page.status_code == 200 and "Rad 2, kolumn varde" in page.content.decode()
    survey = survey_rows(tree.a1, f"Q1;Får du hjälp?;{value};88")
    page = client.post("/brukarundersokningar/importera/", {"file": SimpleUploadedFile("b.csv", survey)})
    assert page.status_code == 200 and "Rad 2, kolumn andel_positiva" in page.content.decode()
    assert not Survey.objects.exists() and not StaffFigure.objects.exists()


def test_a_survey_question_carrying_a_personnummer_is_refused_naming_row_and_column(tree, planner):
    with pytest.raises(ImportRefused) as refused:
        import_surveys(survey_rows(tree.a1, "Q1;Gäller 19121212-1212;91,7;88"), "b.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "fraga")]
    assert not Survey.objects.exists()


def test_a_negative_number_of_answers_is_a_row_error(tree, planner):
    text = survey_rows(tree.a1, "Q1;Trivs du?;91,7;88").decode().replace(";245;102;", ";245;-3;").encode()
    with pytest.raises(ImportRefused) as refused:
        import_surveys(text, "b.csv", by=planner)
    assert (2, "svar") in [(e.row, e.column) for e in refused.value.errors]


def test_a_finance_line_with_nan_or_a_control_character_is_refused(tree, planner):
    period = PeriodFactory(year=2022)
    period.create_default_points()
    point = period.points.get(code="T2")
    lines = ACTIVITIES.splitlines()
    for bad in (lines[1].replace(lines[1].split(";")[2], "NaN", 1), lines[1].replace(";", "\x04;", 1)):
        text = "\n".join([lines[0], bad, *lines[2:]]) + "\n"
        with pytest.raises(ImportRefused) as refused:
            import_statement(
                text.encode(), "d.csv", point=point, unit=tree.root, breakdown="verksamhet", ledger="drift", by=planner
            )
        assert refused.value.errors[0].row == 2
    assert not FinanceReport.objects.exists()


@pytest.mark.parametrize("value", [Decimal("1e20"), Decimal("-1e10")])
def test_the_database_itself_refuses_a_value_larger_than_its_field_so_no_page_can_break_on_it(
    client, tree, planner, value
):
    figure = StaffFigure.objects.create(unit=tree.a, year=2026, period="april", measure="personer", gender="T", value=5)
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        StaffFigure.objects.filter(pk=figure.pk).update(value=value)
    client.force_login(planner)
    assert client.get("/personal/").status_code == 200
    assert StaffFigure.objects.get(pk=figure.pk).value == 5
