"""Ärendedata through the API: an upload is all or nothing with row errors, and scope holds."""

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from casedata.models import Case, ImportBatch

HEADER = "arende_id;enhet;typ;start;slut;beslutsdatum;verkstallighetsdatum;kon;fodelsear;orsak\n"


def upload(client, text):
    return client.post("/api/v1/case-imports/upload/", {"file": SimpleUploadedFile("a.csv", text.encode())})


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_an_upload_through_the_api_imports_and_a_bad_file_returns_its_row_errors(tree):
    planner = api(person_with_role(Role.KVALITETSUTVECKLARE, tree.root))
    good = upload(planner, HEADER + "D-1;A1;beslut;2026-01-01;;2026-01-01;;K;1950;hemtjänst\n")
    assert good.status_code == 201 and good.json()["rows"] == 1
    bad = upload(planner, HEADER + "D-2;A1;beslut;2026-01-01;;2026-01-01;;K;1950;x\nD-3;A1;beslut;igår;;;;K;1950;x\n")
    assert bad.status_code == 400
    assert bad.json()["errors"] == [{"row": 3, "column": "start", "message": "inte ett datum (skriv som 2026-03-31)"}]
    assert Case.objects.count() == 1


def test_a_chief_of_b_cannot_import_for_a_and_sees_neither_its_imports_nor_its_decisions(tree, chief_b):
    planner = api(person_with_role(Role.KVALITETSUTVECKLARE, tree.root))
    upload(planner, HEADER + "D-1;A1;beslut;2026-01-01;;2026-01-01;;K;1950;hemtjänst\n")
    b = api(chief_b)
    refused = upload(b, HEADER + "D-9;A1;beslut;2026-01-01;;2026-01-01;;K;1950;hemtjänst\n")
    assert refused.status_code in (400, 403)
    assert b.get("/api/v1/case-imports/").json()["results"] == []
    assert b.get("/api/v1/case-imports/not-carried-out/", {"year": 2026, "period": 2}).json() == []
    assert planner.get("/api/v1/case-imports/not-carried-out/", {"year": 2026, "period": 2}).json()[0]["unit"] == "A1"
    assert ImportBatch.objects.count() == 1


def test_a_reader_may_not_upload(tree):
    reader = api(person_with_role(Role.MEDARBETARE, tree.a))
    assert upload(reader, HEADER).status_code == 403
