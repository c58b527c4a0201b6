"""Versions: generated in the background with progress, stored with who, when and a fingerprint of the data;
one can be marked fastställd; a later version says what changed."""

import pytest
from django.core.management import call_command

from reports import generate, render
from reports.models import ReportVersion
from reports.tests.records import YEAR


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


@pytest.fixture
def files_not_laid_out(monkeypatch):
    """Versions whose Word and PDF files are stand-ins: for the tests about fingerprints and fastställd, which
    never open the files. Laying them out takes seconds a version; the first test here downloads real ones, and
    test_documents_read_back reads their content."""
    monkeypatch.setattr(render, "docx", lambda report, template=None, profile=None: b"PK stand-in Word file")
    monkeypatch.setattr(render, "page", lambda report, **options: "<!doctype html>stand-in")
    monkeypatch.setattr(render, "pdf_of", lambda page: b"%PDF-1.7 stand-in")


def generate_through_the_page(client, tree):
    return client.post(
        f"/rapporter/generera/?kind=tertialrapport&year={YEAR}&period=T2&unit={tree.root.pk}",
        {"kind": "tertialrapport", "year": YEAR, "period": "T2", "unit": tree.root.pk},
    )


def test_a_version_is_generated_stored_with_its_fingerprint_and_can_be_downloaded(records, client, tree):
    client.force_login(records.planner)
    response = generate_through_the_page(client, tree)
    version = ReportVersion.objects.get()
    assert response.url == version.get_absolute_url()
    assert (version.status, version.progress, version.number, version.created_by) == ("done", 100, 1, records.planner)
    assert len(version.fingerprint) == 64 and version.docx and version.pdf
    word = client.get(f"/rapporter/version/{version.pk}/fil/docx/")
    assert word.status_code == 200 and word["Content-Disposition"].endswith('.docx"')
    assert client.get(f"/rapporter/version/{version.pk}/fil/pdf/").status_code == 200
    page = client.get(f"/rapporter/version/{version.pk}/fil/html/").content.decode()
    assert page.startswith("<!doctype html>") and f"<title>Tertialrapport augusti {YEAR}</title>" in page


def test_the_same_data_gives_the_same_fingerprint_and_a_change_is_listed(records, client, tree, files_not_laid_out):
    client.force_login(records.planner)
    generate_through_the_page(client, tree)
    generate_through_the_page(client, tree)
    first, second = ReportVersion.objects.order_by("number")
    assert first.fingerprint == second.fingerprint
    from deviations.tests.factories import LexSarahFactory

    LexSarahFactory(unit=tree.a1)  # reported now: in the year, not in T2
    from django.utils import timezone

    from deviations.models import Deviation

    Deviation.objects.filter(kind="lex_sarah").update(reported_at=timezone.make_aware(timezone.datetime(YEAR, 6, 1)))
    generate_through_the_page(client, tree)
    third = ReportVersion.objects.get(number=3)
    assert third.fingerprint != second.fingerprint
    page = client.get(third.get_absolute_url())
    assert any("Lex Sarah" in change for change in page.context["changes"])


def test_only_one_version_is_fastställd_at_a_time(records, client, tree, files_not_laid_out):
    client.force_login(records.planner)
    generate_through_the_page(client, tree)
    generate_through_the_page(client, tree)
    first, second = ReportVersion.objects.order_by("number")
    client.post(f"/rapporter/version/{first.pk}/faststall/")
    client.post(f"/rapporter/version/{second.pk}/faststall/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.adopted_at is None and second.adopted_at is not None and second.adopted_by == records.planner


def test_the_command_writes_each_format(tree, tmp_path):
    for file_format in ("docx", "pdf", "html"):
        output = tmp_path / f"t.{file_format}"
        call_command(
            "generate_report",
            "tertialrapport",
            "--year",
            str(YEAR),
            "--period",
            "T2",
            "--unit",
            tree.root.code,
            "--format",
            file_format,
            "--output",
            str(output),
        )
        assert output.stat().st_size > 1000
    output = tmp_path / "empty-year.docx"
    call_command(
        "generate_report", "kvalitetsberattelse", "--year", "2019", "--format", "docx", "--output", str(output)
    )
    assert output.exists()  # a year without follow-up points is a calendar year


def test_versions_are_numbered_per_document(tree, records):
    a = generate.new_version("kvalitetsplan", YEAR, "", tree.root, records.planner)
    b = generate.new_version("kvalitetsplan", YEAR, "", tree.root, records.planner)
    c = generate.new_version("kvalitetsplan", YEAR, "", tree.a, records.planner)
    assert (a.number, b.number, c.number) == (1, 2, 1)
