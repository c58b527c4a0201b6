"""Ärendedata in, indicators out: the seed's "982 av 1 384" must come from the records, never be typed in."""

import datetime as dt
import random
from decimal import Decimal

import pytest

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from casedata.compute import recompute
from casedata.importer import ImportRefused, case_key, import_cases
from casedata.models import Case
from indicators.models import Result
from organisation.tests.factories import PeriodFactory

PNR = "19121212-1212"


def csv(rows):
    header = "arende_id;enhet;typ;start;slut;beslutsdatum;verkstallighetsdatum;kon;fodelsear;orsak;forlangd;insats_under_utredning"
    lines = [header] + [";".join(str(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def investigations(tree, rng):
    """1 384 closed child investigations in 2026: 285 within 90 days, 982 within four months (the 285 among
    them), the rest later; spread at random over two units and both genders. Returns rows and the expected
    counts per (unit code, gender)."""
    kinds = ["90"] * 285 + ["4m"] * (982 - 285) + ["late"] * (1384 - 982)
    rng.shuffle(kinds)
    rows, expected = [], {}
    for index, kind in enumerate(kinds):
        unit, gender = rng.choice([tree.a1, tree.a2]), rng.choice("KM")
        start = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 60))
        length = {"90": rng.randrange(10, 91), "4m": rng.randrange(91, 119), "late": rng.randrange(124, 200)}[kind]
        end = start + dt.timedelta(days=length)
        rows.append(
            (f"BU-{index:05d}", unit.code, "utredning_barn", start, end, "", "", gender, 2015, "", "nej", "nej")
        )
        cell = expected.setdefault((unit.code, gender), [0, 0, 0])
        cell[0] += kind != "late"
        cell[1] += kind == "90"
        cell[2] += 1
    return rows, expected


@pytest.fixture
def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


@pytest.fixture
def year_2026(db):
    period = PeriodFactory(year=2026)
    period.create_default_points()
    return {p.code: p for p in period.points.all()}


def test_the_indicators_read_982_of_1384_and_285_of_1384_split_by_unit_and_gender(tree, planner, year_2026):
    rows, expected = investigations(tree, random.Random(7))
    import_cases(csv(rows), "arenden.csv", by=planner)
    recompute()
    vb = year_2026["VB"]

    def cell(code, unit, gender="T"):
        r = Result.objects.get(indicator__code=code, point=vb, unit=unit, gender=gender)
        return r.numerator, r.denominator, r.value

    assert cell("IFO_BOU_UTR_4MAN", tree.root) == (982, 1384, Decimal("71.0"))  # 70.95 % → 71 %
    assert cell("IFO_BOU_UTR_90D", tree.root)[:2] == (285, 1384)
    for (code, gender), (in_4m, in_90, total) in expected.items():
        unit = tree.a1 if code == tree.a1.code else tree.a2
        girls_boys = {"K": "F", "M": "P"}[gender]
        assert cell("IFO_BOU_UTR_4MAN", unit, girls_boys)[:2] == (in_4m, total)
        assert cell("IFO_BOU_UTR_90D", unit, girls_boys)[:2] == (in_90, total)
    assert cell("IFO_BOU_UTR_4MAN", tree.a)[:2] == (982, 1384)  # Område A holds both units


def test_one_bad_row_imports_nothing_and_is_named(tree, planner):
    rows, _ = investigations(tree, random.Random(1))
    rows[41] = ("BU-BAD", tree.a1.code, "utredning_barn", "2026-13-45", "", "", "", "K", 2015, "", "nej", "nej")
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(43, "start")]
    assert "Rad 43, kolumn start" in str(refused.value.errors[0])
    assert not Case.objects.exists()


def test_a_personnummer_as_case_id_is_refused_and_stored_nowhere(tree, planner):
    from django.db import connection

    rows = [(PNR, tree.a1.code, "utredning_barn", "2026-01-05", "", "", "", "K", 2015, "", "nej", "nej")]
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(2, "arende_id")]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            assert not any("1212121212" in str(row).replace("-", "") for row in cursor.fetchall()), table


def test_case_ids_are_stored_only_as_a_keyed_hash(tree, planner):
    rows = [("BU-00001", tree.a1.code, "utredning_barn", "2026-01-05", "", "", "", "K", 2015, "", "nej", "nej")]
    import_cases(csv(rows), "arenden.csv", by=planner)
    case = Case.objects.get()
    assert case.case_key == case_key("BU-00001") != "BU-00001"
    assert "BU-00001" not in str(Case.objects.values().get())


def test_reimporting_a_named_period_replaces_it_and_gives_the_same_data(tree, planner, year_2026):
    rows, _ = investigations(tree, random.Random(3))
    import_cases(csv(rows), "arenden.csv", by=planner)
    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    batch = import_cases(csv(rows), "arenden.csv", by=planner, replace_period=year)
    assert (Case.objects.count(), batch.replaced) == (1384, 1384)
    assert Case.all_versions.filter(superseded_by=batch).count() == 1384  # kept, not deleted


def test_swedish_and_iso_dates_and_xlsx_are_read(tree, planner):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["arende_id", "enhet", "typ", "start", "slut", "kon"])
    sheet.append(["V-1", tree.a1.code, "utredning_vuxen", dt.date(2026, 2, 1), "20260315", "M"])
    sheet.append(["V-2", tree.a1.code, "utredning_vuxen", "2026-02-03", "1.4.2026", "K"])
    buffer = io.BytesIO()
    book.save(buffer)
    import_cases(buffer.getvalue(), "arenden.xlsx", by=planner)
    assert sorted(Case.objects.values_list("ended_on", flat=True)) == [dt.date(2026, 3, 15), dt.date(2026, 4, 1)]


def test_another_units_chief_cannot_import_for_unit_a(tree, chief_b):
    rows = [("BU-1", tree.a1.code, "utredning_barn", "2026-01-05", "", "", "", "K", 2015, "", "nej", "nej")]
    with pytest.raises(ImportRefused) as refused:
        import_cases(csv(rows), "arenden.csv", by=chief_b)
    assert refused.value.errors[0].column == "enhet"
    assert not Case.objects.exists()


def test_a_computed_result_lists_its_pseudonymous_cases_for_chiefs_in_scope_only(
    client, tree, planner, chief_a, chief_b, year_2026
):
    rows, _ = investigations(tree, random.Random(5))
    import_cases(csv(rows), "arenden.csv", by=planner)
    recompute()
    result = Result.objects.get(indicator__code="IFO_BOU_UTR_4MAN", point=year_2026["VB"], unit=tree.a1, gender="T")
    client.force_login(chief_a)
    listed = client.get(f"/arendedata/utfall/{result.pk}/").context["rows"]
    assert len(listed) == result.denominator
    assert sum(row["kept"] for row in listed) == result.numerator
    page = client.get(result.indicator.get_absolute_url(), {"unit": tree.a1.pk}).content.decode()
    assert f"/arendedata/utfall/{result.pk}/" in page
    client.force_login(chief_b)
    assert client.get(f"/arendedata/utfall/{result.pk}/").status_code == 403


def test_the_upload_page_names_the_row_and_imports_nothing_on_error(client, tree, planner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(planner)
    bad = csv([("BU-1", "NOSUCH", "utredning_barn", "2026-01-05", "", "", "", "K", 2015, "", "nej", "nej")])
    response = client.post("/arendedata/importera/", {"file": SimpleUploadedFile("a.csv", bad)}, follow=True)
    assert "Rad 2, kolumn enhet" in response.content.decode()
    assert not Case.objects.exists()
    good = csv(
        [("BU-1", tree.a1.code, "utredning_barn", "2026-01-05", "2026-02-01", "", "", "K", 2015, "", "nej", "nej")]
    )
    assert client.post("/arendedata/importera/", {"file": SimpleUploadedFile("a.csv", good)}).status_code == 302
    assert Case.objects.count() == 1
