"""Personal figures for a unit and everything below it: what the documents show for a förvaltning or the nämnd.

Figures are imported per unit, at whatever level the HR system reports them. For a unit's subtree, each figure
(year, period, measure, gender) comes from the topmost units that hold it: the unit itself if it does, otherwise
its highest units below that do — never a unit and its own sub-unit both, which would count people twice.
Counts (personer, årsarbetare) are summed; a sjukfrånvaro percentage is weighted by the årsarbetare of the same
unit, year and gender (SCB and SKR weigh sick leave by working time), and not combined where a unit's weight
is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .models import Measure, StaffFigure

COUNTS = {Measure.PEOPLE, Measure.FULL_TIME}

Key = tuple[int, str, str, str]  # year, period, measure, gender


@dataclass
class SubtreeFigures:
    values: dict[Key, Decimal] = field(default_factory=dict)
    # Where a unit's own stored total differs from the sum of its units', for the preview to say so.
    disagreements: list[str] = field(default_factory=list)


def _topmost(figures: list[StaffFigure]) -> list[StaffFigure]:
    paths = [f.unit.path for f in figures]
    return [f for f in figures if not any(p != f.unit.path and f.unit.path.startswith(p) for p in paths)]


def combine(figures: Iterable[StaffFigure]) -> SubtreeFigures:
    """The subtree's figures from those stored at its units (``unit`` loaded), with the disagreements found."""
    by_key: dict[Key, list[StaffFigure]] = {}
    for figure in figures:
        by_key.setdefault((figure.year, figure.period, figure.measure, figure.gender), []).append(figure)
    result = SubtreeFigures()
    weights = {
        (f.unit_id, f.year, f.gender): f.value for f in figures_of(by_key, Measure.FULL_TIME) if f.value is not None
    }
    for key, found in sorted(by_key.items()):
        top = _topmost(found)
        year, _period, measure, gender = key
        if measure in COUNTS:
            result.values[key] = sum((f.value for f in top), Decimal(0))
            if len(top) == 1:
                below = _topmost([f for f in found if f is not top[0]])
                stored, summed = top[0].value, sum((f.value for f in below), Decimal(0))
                if below and stored != summed:
                    result.disagreements.append(
                        f"{top[0].unit.name}: {Measure(measure).label} {year} ({gender}) är {stored:g} enligt "
                        f"uppgiften för enheten men {summed:g} summerat över dess enheter."
                    )
            continue
        if len(top) == 1:
            result.values[key] = top[0].value
            continue
        pairs = [(f.value, weights.get((f.unit_id, year, gender))) for f in top]
        if all(weight for _v, weight in pairs):
            total_weight = sum(weight for _v, weight in pairs)
            result.values[key] = sum(v * weight for v, weight in pairs) / total_weight
    return result


def figures_of(by_key: dict[Key, list[StaffFigure]], measure: str) -> list[StaffFigure]:
    return [f for key, found in by_key.items() if key[2] == measure for f in found]
