"""Rules for indicators: shares, targets, trends and statistical process control (SPC).

The SPC rules follow the standard Shewhart charts as used in Swedish health and social care
improvement work (SKR/Socialstyrelsen guidance on styrdiagram; Montgomery, *Introduction to
Statistical Quality Control*, ch. 6–7): a p-chart for shares, whose limits follow each point's
own denominator, and an XmR (individuals) chart for everything else.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .choices import Direction, Signal

SIGMA = 3  # Shewhart limits: three standard deviations
XMR_FACTOR = 2.66  # 3 / d2, with d2 = 1.128 for moving ranges of two points
MIN_POINTS = 6  # fewer points give no limits at all: too little to tell common from special causes
RUN_LENGTH = 8  # points in a row on one side of the centre line
TREND_LENGTH = 6  # points in a row each higher (or lower) than the one before


def share(numerator: int, denominator: int) -> Decimal | None:
    """A share in per cent, rounded half up to one decimal (“285 av 1 384” → 20.6). None without a denominator."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def result_value(is_share: bool, numerator: int | None, denominator: int | None, value: Any) -> Any:
    """An utfall's value: a share computed from its counts; otherwise the value given, or the counts' ratio
    (two decimals) when none was given."""
    if numerator is None or not denominator:
        return value
    if is_share:
        return share(numerator, denominator)
    if value in (None, ""):
        return round(Decimal(numerator) / Decimal(denominator), 2)
    return value


def meets(value: float | Decimal, target: float | Decimal, better: str) -> bool | None:
    """Whether an utfall reaches its target value given which direction is better; None if not judged."""
    if better == Direction.HIGHER:
        return value >= target
    if better == Direction.LOWER:
        return value <= target
    return None


@dataclass(frozen=True)
class Limits:
    """Control limits of one chart: the centre line and a lower and upper limit per point."""

    kind: str  # "p" or "xmr"
    centre: float
    lower: list[float]
    upper: list[float]


def p_chart(numerators: list[int], denominators: list[int]) -> Limits | None:
    """p-chart limits in per cent: p̄ = Σx / Σn and, per point, p̄ ± 3·√(p̄(1 − p̄) / nᵢ), kept within 0–100.

    A small denominator widens its own limits, so “9 av 26” is judged against what 26 cases can
    show and raises no false alarm. Points without a denominator are left out before calling.
    """
    if len(numerators) < MIN_POINTS or sum(denominators) == 0:
        return None
    p = sum(numerators) / sum(denominators)
    lower, upper = [], []
    for n in denominators:
        sigma = math.sqrt(p * (1 - p) / n)
        lower.append(100 * max(0.0, p - SIGMA * sigma))
        upper.append(100 * min(1.0, p + SIGMA * sigma))
    return Limits("p", 100 * p, lower, upper)


def xmr_chart(values: list[float], *, floor: float | None = 0.0) -> Limits | None:
    """XmR (individuals) limits: x̄ ± 2.66 · MR̄, MR̄ the mean of the moving ranges |xᵢ − xᵢ₋₁|.

    ``floor`` keeps the lower limit at a value the measure cannot go below (0 for days, numbers, kronor).
    """
    if len(values) < MIN_POINTS:
        return None
    mean = sum(values) / len(values)
    ranges = [abs(b - a) for a, b in itertools.pairwise(values)]
    spread = XMR_FACTOR * sum(ranges) / len(ranges)
    low = mean - spread if floor is None else max(floor, mean - spread)
    return Limits("xmr", mean, [low] * len(values), [mean + spread] * len(values))


@dataclass(frozen=True)
class Finding:
    """A special-cause signal: which rule, and the points (by position) that show it."""

    rule: str
    points: tuple[int, ...]


def signals(values: list[float], limits: Limits) -> list[Finding]:
    """The usual special-cause signals (Western Electric rules 1, and run and trend rules):

    1. a point outside the control limits;
    2. eight or more points in a row on the same side of the centre line (a point on the line
       neither breaks nor extends the run);
    3. six or more points in a row each higher, or each lower, than the one before.
    """
    found: list[Finding] = []
    for i, value in enumerate(values):
        if value > limits.upper[i] or value < limits.lower[i]:
            found.append(Finding(Signal.OUTSIDE, (i,)))
    found += _runs(values, limits.centre)
    found += _trends(values)
    return found


def _runs(values: list[float], centre: float) -> list[Finding]:
    found, run, side = [], [], 0
    for i, value in enumerate(values):
        this = (value > centre) - (value < centre)
        if this == 0:
            continue
        if this != side:
            if len(run) >= RUN_LENGTH:
                found.append(Finding(Signal.RUN, tuple(run)))
            run, side = [], this
        run.append(i)
    if len(run) >= RUN_LENGTH:
        found.append(Finding(Signal.RUN, tuple(run)))
    return found


def _trends(values: list[float]) -> list[Finding]:
    found: list[Finding] = []
    start, direction = 0, 0
    for i in range(1, len(values)):
        step = (values[i] > values[i - 1]) - (values[i] < values[i - 1])
        if step != 0 and step == direction:
            continue  # the run goes on to point i
        if direction != 0 and i - start >= TREND_LENGTH:
            found.append(Finding(Signal.TREND, tuple(range(start, i))))
        start, direction = (i, 0) if step == 0 else (i - 1, step)
    if direction != 0 and len(values) - start >= TREND_LENGTH:
        found.append(Finding(Signal.TREND, tuple(range(start, len(values)))))
    return found


def trend(previous: float | None, current: float | None, better: str) -> tuple[str, str]:
    """The arrow beside an utfall: its direction against the previous one, and whether that is good.

    Returns (``up``/``down``/``flat``/``""``, ``good``/``bad``/``neutral``).
    """
    if previous is None or current is None:
        return "", "neutral"
    if current == previous:
        return "flat", "neutral"
    up = current > previous
    if better == Direction.NONE:
        return ("up" if up else "down"), "neutral"
    good = up == (better == Direction.HIGHER)
    return ("up" if up else "down"), ("good" if good else "bad")
