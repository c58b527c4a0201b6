from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisation.tests.test_routines import make_routine

PDF = b"%PDF-1.4\n% rutin\n"


def upload(name="rutin lex Sarah.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_version_can_be_an_attached_document_that_readers_download(
    client, tree, chief_a, reader_a, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    routine = make_routine(tree)
    client.force_login(chief_a)
    response = client.post(
        reverse("organisation:routine_new_version", args=[routine.pk]),
        {"file": upload(), "adopted_by": "Socialnämnden", "adopted_on": "2026-06-01"},
    )
    assert response.status_code == 302
    version = routine.current_version()
    assert (version.number, version.text, version.file_name) == (2, "", "rutin_lex_Sarah.pdf")

    client.force_login(reader_a)
    page = client.get(routine.get_absolute_url()).content.decode()
    assert version.get_file_url() in page
    download = client.get(version.get_file_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'attachment; filename="rutin_lex_Sarah.pdf"' in download["Content-Disposition"]


def test_the_first_version_may_come_with_a_document(client, tree, chief_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(chief_a)
    process = make_routine(tree).process
    client.post(
        reverse("organisation:routine_create"),
        {
            "process": process.pk,
            "title": "Rutin för aktgranskning",
            "unit": tree.a.pk,
            "file": upload("aktgranskning.docx", b"PK fake docx"),
            "adopted_by": "Verksamhetschef",
            "adopted_on": "2026-02-01",
        },
    )
    created = process.routines.get(title="Rutin för aktgranskning")
    assert created.current_version().file_name == "aktgranskning.docx"


def test_a_version_without_text_or_document_is_refused_naming_the_field(client, tree, chief_a):
    routine = make_routine(tree)
    client.force_login(chief_a)
    response = client.post(
        reverse("organisation:routine_new_version", args=[routine.pk]),
        {"text": "  ", "adopted_by": "Socialnämnden", "adopted_on": "2026-06-01"},
    )
    assert "text" in response.context["form"].errors
    assert routine.versions.count() == 1


def test_an_executable_is_refused_and_nothing_is_saved(client, tree, chief_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    routine = make_routine(tree)
    client.force_login(chief_a)
    response = client.post(
        reverse("organisation:routine_new_version", args=[routine.pk]),
        {"file": upload("rutin.exe", b"MZ"), "adopted_by": "Socialnämnden", "adopted_on": "2026-06-01"},
    )
    assert "file" in response.context["form"].errors
    assert routine.versions.count() == 1
    assert not list(tmp_path.iterdir())


def test_another_units_chief_cannot_download_the_document(client, tree, chief_a, chief_b, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    routine = make_routine(tree)
    version = routine.add_version(
        file=upload(), adopted_by="Socialnämnden", adopted_on=routine.current_version().adopted_on
    )
    client.force_login(chief_b)
    assert client.get(version.get_file_url()).status_code == 404
    client.force_login(chief_a)
    assert client.get(version.get_file_url()).status_code == 200


def test_the_api_takes_a_document_as_multipart_and_links_it(client, tree, chief_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    routine = make_routine(tree)
    client.force_login(chief_a)
    response = client.post(
        f"/api/v1/routines/{routine.pk}/versions/",
        {"file": upload(), "adopted_by": "Socialnämnden", "adopted_on": "2026-06-01"},
    )
    assert response.status_code == 201, response.content
    newest = response.json()["versions"][0]
    assert newest["number"] == 2
    assert newest["file_url"].endswith(routine.current_version().get_file_url())
    refused = client.post(
        f"/api/v1/routines/{routine.pk}/versions/",
        {"text": "", "adopted_by": "Socialnämnden"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert "text" in refused.json()
