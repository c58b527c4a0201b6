"""Text from the public e-form can neither break nor run in an export (issue 12, findings 3 and 4): control
characters are refused at the form, text already stored is written without them, and a cell that would start a
formula is written as text, in Excel and in CSV alike."""

import io

import openpyxl
import pytest
from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from complaints.models import Complaint
from complaints.tests.factories import ComplaintFactory
from complaints.tests.test_public_form import form

FORMULA = '=HYPERLINK("http://evil.example/p","Öppna ärendet")'


def cells(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    return [cell for row in sheet.iter_rows() for cell in row]


def test_the_public_form_refuses_a_control_character_with_a_message(client, tree):
    response = client.post(reverse("complaints:public_form"), form(description="Bemötandet\x0bvar dåligt."))
    assert "kontrolltecken" in " ".join(response.context["form"].errors["description"])
    assert not Complaint.objects.exists()


@pytest.mark.parametrize(
    "text", ["Rad ett\x0bRad två", "Titel\x04", "Klockan\x1ftolv"]
)  # (PostgreSQL refuses NUL itself)
def test_an_export_answers_even_when_a_stored_text_holds_a_control_character(client, tree, text):
    complaint = ComplaintFactory(unit=tree.a1)
    # The gate refuses it on every save now; a row stored before it (or by hand in the database) may still hold it.
    Complaint.objects.filter(pk=complaint.pk).update(description=text)
    client.force_login(person_with_role(Role.ENHETSCHEF, tree.a))
    for fmt in ("xlsx", "csv"):
        response = client.get(reverse("complaints:export"), {"format": fmt})
        assert response.status_code == 200, fmt
    written = [c.value for c in cells(client.get(reverse("complaints:export")))]
    assert text.replace("\x0b", "").replace("\x04", "").replace("\x1f", "") in written


def test_a_formula_from_the_public_form_is_written_as_text(client, tree):
    client.post(reverse("complaints:public_form"), form(unit=tree.a1.pk, description=FORMULA))
    client.force_login(person_with_role(Role.ENHETSCHEF, tree.a))

    excel = cells(client.get(reverse("complaints:export"), {"format": "xlsx"}))
    written = next(c for c in excel if "HYPERLINK" in str(c.value))
    assert written.data_type == "s" and written.value == "'" + FORMULA

    text = client.get(reverse("complaints:export"), {"format": "csv"}).getvalue().decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text and '"=HYPERLINK' not in text
