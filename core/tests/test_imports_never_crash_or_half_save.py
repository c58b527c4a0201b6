"""Every importer, fed arbitrary malformed files, either imports or refuses with row-and-column errors — it
never crashes and a refused file leaves nothing behind (property-based, with hypothesis)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.models import AuditEntry
from casedata.importer import COLUMNS as CASE_COLUMNS
from casedata.importer import import_cases
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
    "BU-1",
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
