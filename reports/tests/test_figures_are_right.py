"""The documents' figures are right and claim only what the records show: each misleading figure found when the
documents were read against the seeds, and the subtree as the unit of every block."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone, translation

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from actions.models import Action
from actions.tests.factories import ActionFactory
from complaints.tests.factories import ComplaintFactory
from controls.models import ControlRun
from controls.tests.factories import ControlFactory
from core.document import Table
from core.formatting import plain
from deviations.tests.factories import DeviationFactory, LexSarahFactory
from goals.models import GoalReport
from goals.tests.factories import GoalFactory, round_at
from reports import generate
from risks.tests.factories import RiskFactory
from staff.models import StaffFigure

YEAR = 2025  # a year without follow-up points: its documents cover the calendar year


def at(month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(YEAR, month, day, 10, 0))


@pytest.fixture
def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


def document(kind, unit, user, period=""):
    with translation.override("sv"):
        return generate.assemble(kind, YEAR if not period else 2026, period, unit, user)


def tables(report) -> dict[str, Table]:
    return {b.caption: b for s in report.sections for b in s.blocks if isinstance(b, Table)}


def section(report, key):
    return next(s for s in report.sections if s.key == key)


def text(report) -> str:
    return " ".join(getattr(b, "text", "") for s in report.sections for b in s.blocks) + " ".join(
        sentence for s in report.sections for sentence in s.suggestions
    )


def test_a_decision_waiting_through_three_periods_is_counted_once_and_not_said_to_be_reported(tree, planner):
    from casedata.importer import import_cases

    header = "arende_id;enhet;typ;start;slut;beslutsdatum;verkstallighetsdatum;kon;fodelsear;orsak\n"
    row = f"D-1;{tree.a1.code};beslut;2026-01-10;;2026-01-10;;K;1950;hemtjänst"
    import_cases((header + row).encode(), "beslut.csv", by=planner)
    round_at("VB", 2026)
    report = document("tertialrapport", tree.root, planner, "VB")
    rows = tables(report)["Ej verkställda beslut per rapporteringsperiod"].rows
    assert [r[1] for r in rows[:-1]] == ["0", "1", "1", "1"]  # reported each period it waits
    assert rows[-1] == ["Olika beslut under året", "1"]
    sentences = " ".join(section(report, "ej_verkstallda").suggestions)
    assert sentences.startswith("Ett gynnande beslut") and "har rapporterats till IVO" not in sentences


def test_the_lex_sarah_table_has_every_outcome_and_its_rows_sum_to_the_reported(tree, planner):
    for assessment in ("missforhallande", "risk", "none", "none", ""):
        LexSarahFactory(unit=tree.a1, reported_at=at(3, 1), occurred_at=at(2, 28), assessment=assessment)
    rows = dict(tables(document("kvalitetsberattelse", tree.root, planner))["Lex Sarah"].rows)
    outcomes = [
        "Bedömda som missförhållande",
        "Bedömda som påtaglig risk för missförhållande",
        "Bedömda som inget missförhållande",
        "Ännu inte bedömda",
    ]
    assert [rows[o] for o in outcomes] == ["1", "1", "2", "1"]
    assert sum(int(rows[o]) for o in outcomes) == int(rows["Rapporterade"]) == 5


def test_complaints_and_praise_of_the_same_category_are_kept_apart(tree, planner):
    for kind, n in (("complaint", 4), ("praise", 11)):
        for _ in range(n):
            ComplaintFactory(unit=tree.a1, kind=kind, category="treatment", received_on=dt.date(YEAR, 5, 2))
    found = tables(document("kvalitetsberattelse", tree.root, planner))
    by_category = found["Synpunkter och klagomål per kategori"]
    header = by_category.header
    treatment = next(r for r in by_category.rows if r[0] == "Bemötande")
    assert treatment[header.index("Klagomål")] == "4" and treatment[header.index("Beröm")] == "11"
    assert treatment[-1] == "15" and by_category.rows[-1][-1] == "15"
    per_unit = found["Synpunkter och klagomål per enhet"]
    assert per_unit.header[1:-1] == header[1:-1]  # kinds, not categories, as the columns


def test_egenkontroller_come_in_seed_002s_two_tables_with_risk_and_the_actions_status_at_the_periods_end(tree, planner):
    risk = RiskFactory(unit=tree.a1, title="Barnperspektivet beaktas inte")
    control = ControlFactory(unit=tree.a1, risk=risk, title="Barnkonsekvensanalys görs")
    action = ActionFactory(unit=tree.a1, title="Utbildning i barnkonsekvensanalys", follow_up="Halva gruppen klar.")
    ControlRun.objects.create(
        control=control, performed_on=dt.date(YEAR, 4, 1), result="3 av 10 saknade analys", verdict="needs_action",
        action=action,
    )  # fmt: skip
    ControlRun.objects.create(control=control, performed_on=dt.date(YEAR, 9, 1), result="10 av 10", verdict="approved")
    Action.objects.filter(pk=action.pk).update(  # made in April, done only the next year
        created_at=at(4, 1), status="done", completed_on=dt.date(YEAR + 1, 2, 1)
    )
    found = tables(document("kvalitetsberattelse", tree.root, planner))
    acted = found["Kontroller som har föranlett behov av åtgärder"]
    assert acted.header == ["Egenkontroll", "Uppföljning av egenkontroll", "Uppföljning av åtgärd"]
    assert acted.rows == [
        [
            "Barnkonsekvensanalys görs (kopplad till risk: Barnperspektivet beaktas inte)",
            f"{YEAR}-04-01: 3 av 10 saknade analys",
            "Utbildning i barnkonsekvensanalys: pågående – Halva gruppen klar.",
        ]
    ]
    approved = found["Godkända kontroller som ej föranlett behov av åtgärder"]
    assert approved.rows == [["Barnkonsekvensanalys görs (kopplad till risk: Barnperspektivet beaktas inte)",
                              f"{YEAR}-09-01: 10 av 10"]]  # fmt: skip
    summary = dict(found["Genomförda egenkontroller"].rows)
    assert summary["varav som ledde till en åtgärd"] == "1"


def test_actions_are_counted_as_they_stood_at_the_periods_end(tree, planner):
    round_at("T1", 2026)  # January–April
    made = timezone.make_aware(dt.datetime(2026, 2, 1, 9))
    finished_later = ActionFactory(unit=tree.a1, due_on=dt.date(2026, 3, 1))
    Action.objects.filter(pk=finished_later.pk).update(
        created_at=made, status="done", completed_on=dt.date(2026, 6, 15)
    )
    finished_then = ActionFactory(unit=tree.a1, due_on=dt.date(2026, 3, 1))
    Action.objects.filter(pk=finished_then.pk).update(created_at=made, status="done", completed_on=dt.date(2026, 3, 15))
    not_yet_made = ActionFactory(unit=tree.a1)
    Action.objects.filter(pk=not_yet_made.pk).update(created_at=timezone.make_aware(dt.datetime(2026, 6, 1, 9)))
    rows = dict(tables(document("tertialrapport", tree.root, planner, "T1"))["Åtgärder"].rows)
    assert rows["Pågående eller ej påbörjade"] == "1"  # finished only after the period
    assert rows["varav försenade vid periodens slut"] == "1"
    assert rows["Avslutade under perioden"] == "1"


def test_the_tertialrapport_counts_the_other_events_beside_lex_sarah(tree, planner):
    round_at("T1", 2026)
    for _ in range(3):
        DeviationFactory(unit=tree.a1, reported_at=timezone.make_aware(dt.datetime(2026, 2, 3, 9)))
    LexSarahFactory(unit=tree.a1, reported_at=timezone.make_aware(dt.datetime(2026, 2, 4, 9)))
    report = document("tertialrapport", tree.root, planner, "T1")
    assert tables(report)["Rapporterade händelser"].rows == [
        ["Lex Sarah", "1"],
        ["Övriga händelser", "3"],
        ["Totalt", "4"],
    ]
    assert "Därutöver har tre övriga händelser rapporterats." in section(report, "lex_sarah").suggestions


def test_the_nämnds_document_holds_the_staff_and_goals_stored_below_it_and_is_the_nämnds_decision(tree, planner):
    round_ = round_at("T1", 2026, unit=tree.root)
    for unit, women, men, sick in ((tree.a, 10, 5, "4.00"), (tree.b, 30, 15, "8.00")):
        for gender, people in (("K", women), ("M", men), ("T", women + men)):
            StaffFigure.objects.create(unit=unit, year=2026, period="april", measure="personer", gender=gender,
                                       value=people)  # fmt: skip
            StaffFigure.objects.create(unit=unit, year=2026, period="april", measure="arsarbetare", gender=gender,
                                       value=people)  # fmt: skip
        StaffFigure.objects.create(unit=unit, year=2026, period="jan–apr", measure="sjukfranvaro", gender="T",
                                   value=Decimal(sick))  # fmt: skip
    goal = GoalFactory(unit=tree.root, title="Trygg och säker vård")
    GoalReport.objects.create(round=round_, goal=goal, unit=tree.a, assessment="partly", overall="Delvis.")
    office_report = document("tertialrapport", tree.admin_office, planner, "T1")
    assert office_report.front["Till"] == tree.root.name
    assert section(office_report, "forslag_till_beslut").suggestions[0].startswith(f"{tree.root.name} beslutar")
    report = document("tertialrapport", tree.root, planner, "T1")
    found = tables(report)
    people = found["Personalsammansättning"].rows
    assert people[-1][:2] == ["Totalt", "60"]  # 15 + 45, from the two områden
    assert [plain(c) for c in found["Sjukfrånvaro"].rows[-1]] == [
        "Totalt",
        "7,00 %",
    ]  # weighted by årsarbetare: (4·15 + 8·45) / 60
    goals = found["Målen och deras bedömning"].rows
    assert goals == [["Trygg och säker vård", tree.a.name, "Delvis uppfyllt", "Delvis."]]


def test_a_stored_total_that_disagrees_with_its_units_is_pointed_out_in_the_preview(tree, planner):
    for unit, people in ((tree.admin_office, 30), (tree.a, 26)):
        StaffFigure.objects.create(unit=unit, year=2026, period="april", measure="personer", gender="T",
                                   value=people)  # fmt: skip
    round_at("T1", 2026)
    report = document("tertialrapport", tree.root, planner, "T1")
    warnings = section(report, "personal").warnings
    assert len(warnings) == 1 and "30" in warnings[0] and "26" in warnings[0]
    assert tables(report)["Personalsammansättning"].rows[-1][1] == "30"  # the stored total is what is shown


def test_an_egenkontrolls_action_shows_the_follow_up_written_for_the_period_not_a_later_one(tree, planner):
    from actions.models import ActionFollowUp

    round_at("T1", 2026)
    points = {p.code: p for p in round_at("T2", 2026).point.period.points.all()}
    control = ControlFactory(unit=tree.a1, title="Aktgranskning")
    # Written in October (the third tertial), whatever day the run's clock says: a follow-up text is recorded for
    # the point it is written in, and this test writes T1's and T2's itself.
    with time_machine.travel(dt.datetime(2026, 10, 15, 9, tzinfo=dt.UTC), tick=False):
        action = ActionFactory(unit=tree.a1, title="Ny rutin", follow_up="Klar i oktober.")
    Action.objects.filter(pk=action.pk).update(created_at=timezone.make_aware(dt.datetime(2026, 2, 1, 9)))
    ControlRun.objects.create(
        control=control, performed_on=dt.date(2026, 2, 1), result="7 av 10", verdict="needs_action", action=action
    )
    ActionFollowUp.objects.create(action=action, point=points["T1"], text="Rutinen skrivs.")
    ActionFollowUp.objects.create(action=action, point=points["T2"], text="Rutinen är införd.")
    rows = tables(document("tertialrapport", tree.root, planner, "T1"))[
        "Kontroller som har föranlett behov av åtgärder"
    ]
    assert rows.rows[0][2] == "Ny rutin: ej påbörjad – Rutinen skrivs."


def test_the_kvalitetsplan_is_for_its_year_not_for_the_annual_reports_point(tree, planner):
    round_at("VB", 2026)
    with translation.override("sv"):
        report = generate.assemble("kvalitetsplan", 2026, "", tree.root, planner)
    assert report.period == "Verksamhetsåret 2026"
    assert "verksamhetsberättelse" not in report.period.lower()


def test_the_nämnds_indicators_are_the_top_of_the_subtree_its_reader_may_count(tree, planner):
    from indicators.choices import Measure
    from indicators.models import Result
    from indicators.tests.factories import IndicatorFactory
    from organisation.tests.factories import PeriodFactory

    period = PeriodFactory(year=YEAR)
    period.create_default_points()
    point = period.points.get(code="VB")
    visits = IndicatorFactory(code="BESOK", name="Antal besök", measure=Measure.COUNT)
    Result.objects.create(indicator=visits, point=point, unit=tree.root, value=1894)
    Result.objects.create(indicator=visits, point=point, unit=tree.admin_office, value=1500)
    Result.objects.create(indicator=visits, point=point, unit=tree.a, value=700)
    at_the_office = person_with_role(Role.KVALITETSUTVECKLARE, tree.admin_office)
    chief_of_a_and_b = person_with_role(Role.ENHETSCHEF, tree.a)
    from accounts.tests.factories import MembershipFactory

    MembershipFactory(user=chief_of_a_and_b, unit=tree.b, role=Role.ENHETSCHEF)
    Result.objects.create(indicator=visits, point=point, unit=tree.b, value=300)

    def shown(user):
        found = tables(document("kvalitetsberattelse", tree.root, user))
        return {caption: plain(t.rows[-1][1]) for caption, t in found.items() if caption.startswith("Antal besök")}

    assert shown(planner) == {"Antal besök": "1 894"}  # the nämnd's own result
    assert shown(at_the_office) == {"Antal besök": "1 500"}  # the förvaltning's: the nämnd's is not theirs
    assert shown(chief_of_a_and_b) == {"Antal besök, Område A": "700", "Antal besök, Område B": "300"}
