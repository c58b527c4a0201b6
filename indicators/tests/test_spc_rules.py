"""SPC limits and signals against values computed by hand (shown in each test)."""

import math

import pytest

from indicators.choices import Signal
from indicators.rules import Limits, p_chart, share, signals, trend, xmr_chart


def test_a_share_is_rounded_half_up_to_one_decimal():
    assert str(share(285, 1384)) == "20.6"  # 20.592… (seed 002: "285 av 1384 … 20 %")
    assert str(share(1, 8)) == "12.5"
    assert share(3, 0) is None


def test_p_chart_limits_follow_each_points_own_denominator():
    numerators = [45, 50, 40, 48, 9, 52]
    denominators = [100, 100, 80, 100, 26, 100]
    # p̄ = 244 / 506 = 0.482213…
    # n = 100: σ = √(0.482213 · 0.517787 / 100) = 0.049969 → limits 33.23 % and 63.21 %
    # n = 26:  σ = √(0.482213 · 0.517787 / 26)  = 0.097996 → limits 18.82 % and 77.62 %
    # n = 80:  σ = 0.055866 → upper limit 64.98 %
    limits = p_chart(numerators, denominators)
    p = 244 / 506
    assert limits.kind == "p"
    assert limits.centre == pytest.approx(48.2213, abs=1e-4)
    assert limits.lower[0] == pytest.approx(100 * (p - 3 * math.sqrt(p * (1 - p) / 100)), abs=1e-9)
    assert limits.lower[0] == pytest.approx(33.2306, abs=1e-3)
    assert limits.upper[0] == pytest.approx(63.2120, abs=1e-3)
    assert limits.lower[4] == pytest.approx(18.8225, abs=1e-3)
    assert limits.upper[4] == pytest.approx(77.6201, abs=1e-3)
    assert limits.upper[2] == pytest.approx(64.9812, abs=1e-3)


def test_nine_of_twenty_six_is_no_false_alarm_on_a_p_chart():
    numerators = [60, 62, 59, 61, 60, 9, 61, 60]
    denominators = [100] * 5 + [26] + [100] * 2
    values = [100 * x / n for x, n in zip(numerators, denominators, strict=True)]
    # p-chart: p̄ = 432 / 726 = 0.595041; for n = 26, σ = 0.096270 → lower limit 30.62 %; 34.6 % lies inside.
    assert not [f for f in signals(values, p_chart(numerators, denominators)) if f.rule == Signal.OUTSIDE]
    assert p_chart(numerators, denominators).lower[5] == pytest.approx(30.6230, abs=1e-3)


def test_xmr_limits_are_the_mean_plus_minus_2_66_mean_moving_ranges():
    values = [12.0, 15.0, 11.0, 14.0, 13.0, 16.0, 12.0]
    # x̄ = 93 / 7 = 13.285714; moving ranges 3, 4, 3, 1, 3, 4 → MR̄ = 18 / 6 = 3
    # limits 13.285714 ± 7.98 → 5.305714 and 21.265714
    limits = xmr_chart(values)
    assert limits.centre == pytest.approx(13.285714, abs=1e-6)
    assert limits.lower == [pytest.approx(5.305714, abs=1e-6)] * 7
    assert limits.upper == [pytest.approx(21.265714, abs=1e-6)] * 7


def test_the_xmr_lower_limit_stops_at_what_the_measure_can_reach():
    values = [2.0, 9.0, 1.0, 8.0, 2.0, 9.0]  # x̄ = 31 / 6 = 5.1667; ranges 7, 8, 7, 6, 7 → MR̄ = 7 → 5.1667 − 18.62 < 0
    assert xmr_chart(values).lower[0] == 0.0
    assert xmr_chart(values, floor=None).lower[0] == pytest.approx(-13.453333, abs=1e-6)


def test_too_few_points_give_no_limits():
    assert xmr_chart([1.0, 2.0, 3.0, 4.0, 5.0]) is None
    assert p_chart([1, 2, 3, 4, 5], [10] * 5) is None


def flat(centre, count, spread=10.0):
    return Limits("xmr", centre, [centre - spread] * count, [centre + spread] * count)


def test_a_point_outside_the_limits_is_a_signal():
    values = [50.0, 52.0, 61.0, 49.0, 39.5, 50.0]
    found = signals(values, flat(50.0, 6))
    assert [(f.rule, f.points) for f in found] == [(Signal.OUTSIDE, (2,)), (Signal.OUTSIDE, (4,))]


def test_eight_in_a_row_on_one_side_is_a_run_and_a_point_on_the_line_does_not_break_it():
    values = [48.0, 51.0, 52.0, 51.0, 50.0, 53.0, 51.0, 52.0, 51.0, 54.0, 47.0]
    runs = [f for f in signals(values, flat(50.0, 11)) if f.rule == Signal.RUN]
    assert runs == [type(runs[0])(Signal.RUN, (1, 2, 3, 5, 6, 7, 8, 9))]
    seven = [48.0, 51.0, 52.0, 51.0, 53.0, 51.0, 52.0, 51.0, 47.0]
    assert not [f for f in signals(seven, flat(50.0, 9)) if f.rule == Signal.RUN]


def test_six_points_each_higher_than_the_last_is_a_trend_and_five_is_not():
    rising = [40.0, 41.0, 42.0, 43.0, 44.0, 45.0, 44.0]
    assert [(f.rule, f.points) for f in signals(rising, flat(43.0, 7, 20)) if f.rule == Signal.TREND] == [
        (Signal.TREND, (0, 1, 2, 3, 4, 5))
    ]
    five = [40.0, 41.0, 42.0, 43.0, 44.0, 43.0, 42.0]
    assert not [f for f in signals(five, flat(43.0, 7, 20)) if f.rule == Signal.TREND]
    falling_after_a_tie = [50.0, 50.0, 49.0, 48.0, 47.0, 46.0, 45.0]
    assert [f.points for f in signals(falling_after_a_tie, flat(48.0, 7, 20)) if f.rule == Signal.TREND] == [
        (1, 2, 3, 4, 5, 6)
    ]


def test_the_trend_arrow_says_whether_the_change_is_for_the_better():
    assert trend(20.0, 25.0, "higher") == ("up", "good")
    assert trend(20.0, 25.0, "lower") == ("up", "bad")
    assert trend(30.0, 25.0, "lower") == ("down", "good")
    assert trend(25.0, 25.0, "higher") == ("flat", "neutral")
    assert trend(None, 25.0, "higher") == ("", "neutral")
