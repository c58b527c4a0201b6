"""Seed 004's driftredovisning (prognos augusti) imported and shown with its avvikelser and totals."""

from decimal import Decimal

import pytest

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from core.imports import ImportRefused
from finance.demo import ACTIVITIES, COST_TYPES
from finance.importer import import_statement
from finance.models import FinanceReport
from organisation.tests.factories import PeriodFactory


@pytest.fixture
def setting(tree):
    period = PeriodFactory(year=2022)
    period.create_default_points()
    return period.points.get(code="T2"), person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


def load(text, breakdown, setting, tree):
    point, planner = setting
    return import_statement(
        text.encode(), "drift.csv", point=point, unit=tree.root, breakdown=breakdown, ledger="drift", by=planner
    )


def test_the_cost_type_statement_gives_the_seeds_avvikelser_and_result(tree, setting):
    report = load(COST_TYPES, "kostnadsslag", setting, tree)
    deviations = {line.name: line.deviation for line in report.lines.all()}
    assert deviations["Intäkter"] == Decimal("5425")
    assert deviations["Övriga kostnader"] == Decimal("-25525")
    assert deviations["Summa KOSTNADER"] == Decimal("-18125")
    assert deviations["Summa RESULTAT"] == Decimal("-12700")


def test_the_activity_statement_adds_up_per_level_to_minus_12_700(tree, setting):
    report = load(ACTIVITIES, "verksamhet", setting, tree)
    deviations = {line.name: line.deviation for line in report.lines.all()}
    assert deviations["BARN o FAMILJ"] == Decimal("-14100")
    assert deviations["VUXEN"] == Decimal("-10800")
    assert deviations["Summa"] == Decimal("-12700")


def test_a_total_row_that_disagrees_is_refused_naming_the_row_and_nothing_is_stored(tree, setting):
    wrong = COST_TYPES.replace("0;Summa RESULTAT;908 436;921 136;ja", "0;Summa RESULTAT;908 436;921 036;ja")
    with pytest.raises(ImportRefused) as refused:
        load(wrong, "kostnadsslag", setting, tree)
    assert [(e.row, e.column) for e in refused.value.errors] == [(8, "prognos")]
    assert "921036" in str(refused.value.errors[0]) and "921136" in str(refused.value.errors[0])  # stated, and the sum
    assert not FinanceReport.objects.exists()


def test_a_heading_whose_processes_disagree_is_refused(tree, setting):
    wrong = ACTIVITIES.replace("2;Gemensamt vuxen;13 830;13 530;", "2;Gemensamt vuxen;13 830;13 630;")
    with pytest.raises(ImportRefused) as refused:
        load(wrong, "verksamhet", setting, tree)
    assert [(e.row, e.column) for e in refused.value.errors] == [(13, "prognos")]  # VUXEN; the grand total holds


def test_a_re_import_supersedes_but_keeps_the_earlier_statement(tree, setting):
    first = load(COST_TYPES, "kostnadsslag", setting, tree)
    second = load(COST_TYPES, "kostnadsslag", setting, tree)
    first.refresh_from_db()
    assert (first.is_current, second.is_current) == (False, True)


def test_the_statement_page_is_read_by_the_committee_and_the_import_refused_to_a_unit_chief(
    client, tree, setting, chief_a
):
    report = load(ACTIVITIES, "verksamhet", setting, tree)
    client.force_login(person_with_role(Role.NAMNDLEDAMOT, tree.root))
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    assert "-12\xa0700" in page.content.decode() or "−12\xa0700" in page.content.decode()
    client.force_login(chief_a)
    assert client.get("/ekonomi/importera/").status_code == 403


def test_the_import_commands_store_a_good_file_and_stop_on_a_bad_one_naming_the_row(tree, setting, tmp_path):
    from django.core.management import CommandError, call_command

    _point, planner = setting
    good, bad = tmp_path / "drift.csv", tmp_path / "fel.csv"
    good.write_text(COST_TYPES)
    bad.write_text(COST_TYPES.replace("1;Summa KOSTNADER;985 610", "1;Summa KOSTNADER;985 611"))
    common = ["--point", "T2 2022", "--unit", tree.root.code, "--breakdown", "kostnadsslag", "--user", planner.username]
    with pytest.raises(CommandError, match="Rad 7, kolumn budget"):
        call_command("import_finance", str(bad), *common)
    assert not FinanceReport.objects.exists()
    call_command("import_finance", str(good), *common)
    assert FinanceReport.objects.get().lines.count() == 7
