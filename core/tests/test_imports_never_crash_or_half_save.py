"""Every importer, fed arbitrary malformed files, either imports or refuses with row-and-column errors — it
never crashes and a refused file leaves nothing behind (property-based, with hypothesis). The cells include what
careless and hostile files carry: control characters, personnummer written in other ways, formulas, NaN,
Infinity and huge numbers. Whatever is imported, the pages, exports and documents that show it still answer."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.models import AuditEntry
from casedata.importer import COLUMNS as CASE_COLUMNS
from casedata.importer import ReplacementNeeded, import_cases
from casedata.models import Case, ImportBatch
from core.imports import ImportRefused, RowError
from finance.importer import COLUMNS as FINANCE_COLUMNS
from finance.importer import import_statement
from finance.models import FinanceLine, FinanceReport
from organisation.tests.factories import PeriodFactory
from staff.importer import COLUMNS as STAFF_COLUMNS
from staff.importer import import_staff
from staff.models import StaffFigure
from surveys.importer import COLUMNS as SURVEY_COLUMNS
from surveys.importer import import_surveys
from surveys.models import Survey, SurveyQuestion

PLAUSIBLE = [
    "",
    " ",
    "A1",
    "B1",
    "SN",
    "X9",
    "2026",
    "1899",
    "2026-03-01",
    "2026-02-30",
    "01/13/2026",
    "20260301",
    "utredning_barn",
    "beslut",
    "insats",
    "K",
    "M",
    "T",
    "ja",
    "nej",
    "1",
    "0",
    "-5",
    "12,5",
    "1 234",
    "−12 700",
    "99999999999999999999",
    "nationell",
    "egen",
    "personer",
    "sjukfranvaro",
    "helar",
    "T2",
    "19121212-1212",
    "121212+1212",
    "Gäller 191212121212",
    "BU-1",
    "NaN",
    "Infinity",
    "-inf",
    "1e20",
    "1E-5",
    '=HYPERLINK("http://evil.example/p","Öppna")',
    "+46 8 123 45",
    "@SUM(A1)",
    "-",
    "a\x0bb",
    "\x04",
    "\x00",
    "\ufffe",
    "\t=1+1",
    '"',
    ";",
    "\n",
]
cells = st.one_of(st.sampled_from(PLAUSIBLE), st.text(max_size=12))
MODELS = [Case, ImportBatch, FinanceReport, FinanceLine, Survey, SurveyQuestion, StaffFigure, AuditEntry]
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def files(columns: list[str]):
    """A CSV or XLSX-named file whose header is some of the expected columns (and strangers) and whose rows
    are plausible values and arbitrary text; or plain arbitrary bytes."""
    header = st.lists(st.sampled_from([*columns, "okänd", ""]), max_size=len(columns) + 2, unique=True)

    def table(names: list[str]):
        rows = st.lists(st.lists(cells, min_size=0, max_size=len(names) + 1), max_size=6)
        separator = st.sampled_from([";", ","])
        return st.tuples(rows, separator).map(
            lambda pair: (pair[1].join(names) + "\n" + "".join(pair[1].join(row) + "\n" for row in pair[0])).encode()
        )

    text_file = header.flatmap(table).map(lambda data: (data, "fil.csv"))
    any_bytes = st.tuples(st.binary(max_size=300), st.sampled_from(["fil.csv", "fil.xlsx"]))
    return st.one_of(text_file, text_file, any_bytes)


def counts() -> list[int]:
    return [model.objects.count() for model in MODELS]


def assert_refused_cleanly_or_imported(run) -> None:
    before = counts()
    try:
        run()
    except ImportRefused as refused:
        assert refused.errors and all(isinstance(e, RowError) and e.message for e in refused.errors)
        assert counts() == before
    except ReplacementNeeded as needed:  # an earlier example's cases overlap: shown, nothing written
        assert needed.overlap.replaced > 0
        assert counts() == before


@pytest.fixture
def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


@pytest.fixture
def point(db):
    period = PeriodFactory(year=2026)
    period.create_default_points()
    return period.points.get(code="T2")


@FAST
@given(file=files(CASE_COLUMNS))
def test_case_data_import_never_crashes_or_half_saves(planner, file):
    assert_refused_cleanly_or_imported(lambda: import_cases(*file, by=planner))


@FAST
@given(file=files(FINANCE_COLUMNS))
def test_finance_import_never_crashes_or_half_saves(planner, tree, point, file):
    assert_refused_cleanly_or_imported(
        lambda: import_statement(*file, point=point, unit=tree.root, breakdown="verksamhet", ledger="drift", by=planner)
    )


@FAST
@given(file=files(SURVEY_COLUMNS))
def test_survey_import_never_crashes_or_half_saves(planner, point, file):
    assert_refused_cleanly_or_imported(lambda: import_surveys(*file, by=planner))


@FAST
@given(file=files(STAFF_COLUMNS))
def test_staff_import_never_crashes_or_half_saves(planner, point, file):
    assert_refused_cleanly_or_imported(lambda: import_staff(*file, by=planner))


HOSTILE = [
    "19121212-1212",
    "Gäller 121212+1212",
    '=HYPERLINK("http://evil.example/p","Öppna ärendet")',
    "+SUM(1)",
    "@cmd",
    "-1",
    "\tindrag",
    "rad\x0bbrytning",
    "slut\x04",
    "noll\x00",
    "\ufffe",
    "<script>alert(1)</script>",
    "{{ titel }}",
    "Å" * 300,
]
hostile = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20))
SHOWN = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CASE_HEADER = "arende_id;enhet;typ;start;beslutsdatum;kon;orsak\n"
SURVEY_HEADER = "undersokning;enhet;ar;kalla;utdelade;svar;fraga_kod;fraga;andel_positiva;riket\n"
_ids = iter(range(10**6))


def _pages_and_exports_answer(client) -> None:
    for url in ("/brukarundersokningar/", "/arendedata/", "/arendedata/ej-verkstallda/?year=2026&period=1"):
        assert client.get(url).status_code == 200, url
    assert client.get("/arendedata/ej-verkstallda/?year=2026&period=1&format=xlsx").status_code == 200
    assert client.get("/api/v1/case-imports/not-carried-out/?year=2026&period=1").status_code == 200


def _import_hostile(planner, tree, question: str, reason: str) -> None:
    """A survey question and a case's reason carrying ``question`` and ``reason``: refused with every error
    naming row and column and nothing stored, or stored."""
    survey = f"{SURVEY_HEADER}Brukarenkät;{tree.a1.code};2026;egen;20;10;Q1;{question};75;\n"
    # A decision not carried out within three months, so its reason is listed among the ej verkställda.
    case = f"{CASE_HEADER}B-{next(_ids)};{tree.a1.code};beslut;2025-10-01;2025-10-01;K;{reason}\n"
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    for run in (
        lambda: import_surveys(survey.encode(), "b.csv", by=planner),
        lambda: import_cases(case.encode(), "a.csv", by=planner, replace_period=year),
    ):
        before = counts()
        try:
            run()
        except ImportRefused as refused:
            assert all(e.row >= 1 and e.column and e.message for e in refused.errors)
            assert counts() == before


@SHOWN
@given(question=hostile, reason=hostile)
def test_hostile_text_is_refused_naming_its_row_or_stored_and_the_pages_still_answer(
    client, planner, tree, point, question, reason
):
    client.force_login(planner)
    _import_hostile(planner, tree, question, reason)
    _pages_and_exports_answer(client)


def test_after_every_hostile_text_the_three_documents_still_come_out_in_every_format(client, planner, tree, point):
    from reports import generate, render

    client.force_login(planner)
    for text in HOSTILE:
        _import_hostile(planner, tree, text, text)
    _pages_and_exports_answer(client)
    for document, period in (("tertialrapport", "T2"), ("kvalitetsberattelse", ""), ("kvalitetsplan", "")):
        url = f"/rapporter/forhandsgranska/?kind={document}&year=2026&period={period}&unit={tree.root.pk}"
        assert client.get(url).status_code == 200, document
    report = generate.assemble("kvalitetsberattelse", 2026, "", tree.root, planner)
    assert render.docx(report)[:2] == b"PK" and render.pdf(report)[:4] == b"%PDF"
