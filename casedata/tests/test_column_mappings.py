"""Another system's export imports through a saved column mapping: its column names and values translated."""

import pytest

from casedata.forms import ColumnMappingForm
from casedata.importer import import_cases
from casedata.models import Case, ColumnMapping
from casedata.tests.test_import_and_indicators import planner  # noqa: F401

EXPORT = (
    "Ärendenummer;Enhet;Ärendetyp;Startdatum;Avslutsdatum;Kön\n"
    "T-1;A1;Barnavårdsutredning;2026-01-05;2026-03-01;Flicka\n"
    "T-2;A1;Utredning vuxen;2026-01-07;;Man\n"
)


@pytest.fixture
def mapping(tree):
    return ColumnMapping.objects.create(
        name="Treserva",
        unit=tree.root,
        columns={
            "arende_id": "Ärendenummer",
            "enhet": "Enhet",
            "typ": "Ärendetyp",
            "start": "Startdatum",
            "slut": "Avslutsdatum",
            "kon": "Kön",
        },
        values={
            "typ": {"Barnavårdsutredning": "utredning_barn", "Utredning vuxen": "utredning_vuxen"},
            "kon": {"Flicka": "K", "Pojke": "M", "Kvinna": "K", "Man": "M"},
        },
    )


def test_a_file_from_another_system_imports_through_its_mapping(tree, planner, mapping):  # noqa: F811
    import_cases(EXPORT.encode(), "treserva.csv", by=planner, mapping=mapping)
    assert sorted(Case.objects.values_list("kind", "gender", "ended_on")) == [
        ("utredning_barn", "K", __import__("datetime").date(2026, 3, 1)),
        ("utredning_vuxen", "M", None),
    ]


def test_the_mapping_form_names_the_line_it_cannot_read(tree, planner):  # noqa: F811
    form = ColumnMappingForm(
        data={
            "name": "X",
            "unit": tree.root.pk,
            "is_active": True,
            "columns_text": "arende_id = Nr\nvem = Namn",
            "values_text": "typ: BBIC utredning utredning_barn",
        },
        user=planner,
    )
    assert not form.is_valid()
    assert form.errors["columns_text"] == ["Rad 2: vem är inte en kolumn i formatet."]
    assert "Rad 1" in form.errors["values_text"][0]


def test_the_upload_page_offers_and_uses_the_saved_mappings(client, tree, planner, mapping):  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(planner)
    page = client.get("/arendedata/importera/")
    assert "Treserva" in page.content.decode()
    upload = SimpleUploadedFile("treserva.csv", EXPORT.encode())
    response = client.post("/arendedata/importera/", {"file": upload, "mapping": mapping.pk})
    assert response.status_code == 302
    assert Case.objects.count() == 2


def test_a_mapping_is_saved_from_its_lines_and_shown_again_for_editing(client, tree, planner):  # noqa: F811
    client.force_login(planner)
    response = client.post(
        "/arendedata/mappningar/ny/",
        {
            "name": "Lifecare",
            "unit": tree.root.pk,
            "is_active": "on",
            "columns_text": "arende_id = Ärende-ID",
            "values_text": "typ: Förhandsbedömning = forhandsbedomning",
        },
    )
    assert response.status_code == 302
    saved = ColumnMapping.objects.get(name="Lifecare")
    assert (saved.columns, saved.values) == (
        {"arende_id": "Ärende-ID"},
        {"typ": {"Förhandsbedömning": "forhandsbedomning"}},
    )
    page = client.get(f"/arendedata/mappningar/{saved.pk}/").content.decode()
    assert "typ: Förhandsbedömning = forhandsbedomning" in page


def test_the_import_command_takes_a_mapping_by_name(tree, planner, mapping, tmp_path):  # noqa: F811
    from django.core.management import call_command

    path = tmp_path / "treserva.csv"
    path.write_bytes(EXPORT.encode())
    call_command("import_casedata", str(path), "--user", planner.username, "--mapping", "Treserva")
    assert Case.objects.count() == 2
