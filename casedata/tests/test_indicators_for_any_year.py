"""Ärendedata for a year without follow-up points still gives that year its indicators: the import makes the
year's points (with the nearest year's scheme), computes the indicators, and its page says so; the year's
kvalitetsberättelse then shows them."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from casedata.models import ImportJob
from indicators.models import Indicator, Result
from organisation.choices import PeriodScheme
from organisation.models import Period
from organisation.tests.factories import PeriodFactory
from reports import generate

HEADER = "arende_id;enhet;typ;start;slut;beslutsdatum;verkstallighetsdatum;kon;fodelsear;orsak"


def last_years_investigations(tree) -> bytes:
    """Ten child investigations in 2025, seven of them within four months."""
    rows = []
    for n in range(10):
        start = dt.date(2025, 3, 1) + dt.timedelta(days=n)
        end = start + dt.timedelta(days=100 if n < 7 else 150)
        rows.append(f"BU-{n};{tree.a1.code};utredning_barn;{start};{end};;;K;2015;")
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def test_an_upload_for_a_year_without_points_makes_them_computes_and_says_so(client, tree):
    PeriodFactory(year=2026, scheme=PeriodScheme.KVARTAL).create_default_points()
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    client.force_login(planner)
    client.post("/arendedata/importera/", {"file": SimpleUploadedFile("2025.csv", last_years_investigations(tree))})
    job = ImportJob.objects.get()
    assert job.status == "done" and job.outcome["years_made"] == [2025] and job.outcome["results"] > 0
    page = client.get(f"/arendedata/importera/{job.pk}/").content.decode()
    assert "saknade uppföljningstillfällen" in page and "indikatorutfall beräknades" in page
    period = Period.objects.get(year=2025)
    assert period.scheme == PeriodScheme.KVARTAL  # the nearest year's
    indicator = Indicator.objects.get(code="IFO_BOU_UTR_4MAN")
    yearly = Result.objects.get(indicator=indicator, point__period=period, point__code="VB", unit=tree.root, gender="T")
    assert (yearly.numerator, yearly.denominator) == (7, 10)
    with translation.override("sv"):
        report = generate.assemble("kvalitetsberattelse", 2025, "", tree.root, planner)
    table = next(
        b
        for s in report.sections
        for b in s.blocks
        if getattr(b, "caption", "").startswith("Andel barnavårdsutredningar")
    )
    assert any("7 av 10" in cell for row in table.rows for cell in row)


def test_the_command_says_which_years_got_points(tree, tmp_path, capsys):
    person_with_role(Role.KVALITETSUTVECKLARE, tree.root, username="planner")
    path = tmp_path / "2025.csv"
    path.write_bytes(last_years_investigations(tree))
    call_command("import_casedata", str(path), "--user", "planner")
    out = capsys.readouterr().out
    assert "Uppföljningstillfällen skapades för 2025." in out and "indikatorutfall beräknade" in out
    assert Period.objects.get(year=2025).scheme == PeriodScheme.TERTIAL  # no year to follow: tertialer
