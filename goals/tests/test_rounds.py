import pytest
from django.core.exceptions import ValidationError

from core.workflow import TransitionRefused
from goals.choices import Assessment, GoalKind, RoundStatus
from goals.models import Goal, GoalReport, RoundLocked, copy_year
from goals.tests.factories import GoalFactory, round_at


def report(round_, goal, unit, by, **fields):
    return GoalReport.objects.create(
        round=round_, goal=goal, unit=unit, assessment=Assessment.PARTLY, reported_by=by, **fields
    )


def test_a_round_expects_a_report_per_goal_and_unit_concerned_and_is_approved_only_when_complete(tree, chief_a, admin):
    goal = GoalFactory(unit=tree.root, title="Kunskapsbaserad vård")
    goal.units.set([tree.a, tree.b])
    round_ = round_at("T2")
    assert {(g.title, u.code) for g, u in round_.expected()} == {
        ("Kunskapsbaserad vård", tree.a.code),
        ("Kunskapsbaserad vård", tree.b.code),
    }
    report(round_, goal, tree.a, chief_a, overall="Delvis uppnått.", cause="Personalbrist.", action="Rekrytering.")
    with pytest.raises(TransitionRefused, match="1"):
        round_.transition_to(RoundStatus.APPROVED, by=admin)
    report(round_, goal, tree.b, admin)
    round_.transition_to(RoundStatus.APPROVED, by=admin)
    round_.transition_to(RoundStatus.LOCKED, by=admin, note="Nämnden 2026-09-24")
    assert round_.reported_to_committee_on is not None
    assert [c.to_status for c in round_.status_changes.all()] == [RoundStatus.APPROVED, RoundStatus.LOCKED]


def test_a_locked_report_changes_only_as_a_recorded_correction(tree, chief_a, admin):
    goal = GoalFactory(unit=tree.a)
    round_ = round_at("T2")
    entry = report(round_, goal, tree.a, chief_a, overall="Målet nås delvis.")
    round_.transition_to(RoundStatus.APPROVED, by=admin)
    round_.transition_to(RoundStatus.LOCKED, by=admin)

    entry.refresh_from_db()
    entry.overall = "Ändrat i efterhand."
    with pytest.raises(RoundLocked):
        entry.save()
    entry.refresh_from_db()
    assert entry.overall == "Målet nås delvis."

    with pytest.raises(ValidationError):
        entry.correct(by=chief_a, reason=" ", overall="Utan skäl.")
    correction = entry.correct(by=chief_a, reason="Fel siffra i T2.", overall="Målet nås delvis (rättat).")
    entry.refresh_from_db()
    assert entry.overall == "Målet nås delvis (rättat)."
    assert correction.changes == {"overall": ["Målet nås delvis.", "Målet nås delvis (rättat)."]}


def test_an_assignment_cannot_be_given_a_goal_assessment(tree, chief_a):
    focus = GoalFactory(unit=tree.root, kind=GoalKind.FOCUS_AREA, quality_area="")
    assignment = GoalFactory(unit=tree.a, kind=GoalKind.ASSIGNMENT, parent=focus, quality_area="")
    with pytest.raises(ValidationError) as refused:
        report(round_at("T1"), assignment, tree.a, chief_a)
    assert "assessment" in refused.value.message_dict


def test_the_goal_tree_is_copied_to_the_next_year_once(tree):
    focus = GoalFactory(unit=tree.root, kind=GoalKind.FOCUS_AREA, quality_area="", title="Hög kvalitet i välfärden")
    long_term = GoalFactory(unit=tree.root, kind=GoalKind.LONG_TERM, parent=focus, quality_area="", title="Stödet")
    quality = GoalFactory(unit=tree.root, parent=long_term, title="Säker vård")
    quality.units.set([tree.a])
    assert copy_year(2026) == 3
    copied = Goal.objects.get(year=2027, title="Säker vård")
    assert (copied.parent.title, copied.parent.parent.title) == ("Stödet", "Hög kvalitet i välfärden")
    assert list(copied.units.all()) == [tree.a]
    with pytest.raises(ValidationError):
        copy_year(2026)
    assert Goal.objects.filter(year=2027).count() == 3


def test_a_goal_in_the_wrong_place_of_the_tree_is_refused_naming_the_field(tree):
    quality = GoalFactory(unit=tree.root)
    goal = Goal(year=2026, kind=GoalKind.FOCUS_AREA, parent=quality, title="Fel", unit=tree.root)
    with pytest.raises(ValidationError) as refused:
        goal.clean()
    assert "parent" in refused.value.message_dict
