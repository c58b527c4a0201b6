from goals.choices import Assessment, GoalKind
from goals.rules import assessments_for, may_contain, suggested_assessment


def test_the_suggestion_is_fully_met_when_every_indicator_reaches_its_interim_target():
    assert suggested_assessment([(72.0, 70.0, "higher"), (12.0, 14.0, "lower")]) == Assessment.FULLY


def test_the_suggestion_is_partly_met_when_some_do_and_not_met_when_none_do():
    assert suggested_assessment([(72.0, 70.0, "higher"), (20.0, 50.0, "higher")]) == Assessment.PARTLY
    assert suggested_assessment([(20.0, 50.0, "higher"), (30.0, 14.0, "lower")]) == Assessment.NOT_MET


def test_indicators_without_an_utfall_or_a_target_are_left_out_and_nothing_left_is_not_evaluated():
    assert suggested_assessment([(None, 70.0, "higher"), (72.0, None, "higher")]) == Assessment.NOT_EVALUATED
    assert suggested_assessment([(None, 70.0, "higher"), (80.0, 70.0, "higher")]) == Assessment.FULLY
    assert suggested_assessment([(80.0, 70.0, "none")]) == Assessment.NOT_EVALUATED
    assert suggested_assessment([]) == Assessment.NOT_EVALUATED


def test_reaching_the_target_exactly_counts_as_reaching_it():
    assert suggested_assessment([(50.0, 50.0, "higher"), (14.0, 14.0, "lower")]) == Assessment.FULLY


def test_an_assignment_is_assessed_by_progress_and_a_goal_by_fulfilment():
    assert assessments_for(GoalKind.ASSIGNMENT) == (Assessment.NOT_STARTED, Assessment.STARTED, Assessment.DONE)
    assert Assessment.PARTLY in assessments_for(GoalKind.DEVELOPMENT_AREA)


def test_the_tree_allows_the_verksamhetsplans_shape_only():
    assert may_contain(None, GoalKind.FOCUS_AREA)
    assert may_contain(GoalKind.FOCUS_AREA, GoalKind.LONG_TERM)
    assert may_contain(GoalKind.LONG_TERM, GoalKind.QUALITY)
    assert may_contain(GoalKind.QUALITY, GoalKind.DEVELOPMENT_AREA)
    assert not may_contain(GoalKind.DEVELOPMENT_AREA, GoalKind.QUALITY)
    assert not may_contain(None, GoalKind.DEVELOPMENT_AREA)
