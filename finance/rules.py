"""The arithmetic a financial statement must hold before it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Row:
    number: int  # the file's row number
    level: int
    is_total: bool
    values: dict[str, Decimal | None]


def parts_of(rows: list[Row], index: int) -> list[Row]:
    """The rows a row adds up. A total row sums the rows one level deeper just above it (back to the previous
    row at its own level or higher); a heading sums the rows one level deeper just below it — unless a total
    row at the heading's level closes them, as "Summa KOSTNADER" closes the cost rows after "Intäkter"."""
    row = rows[index]
    step = -1 if row.is_total else 1
    parts, i = [], index + step
    while 0 <= i < len(rows) and rows[i].level > row.level:
        if rows[i].level == row.level + 1:
            parts.append(rows[i])
        i += step
    closed_by_total = not row.is_total and i < len(rows) and rows[i].is_total and rows[i].level == row.level
    return [] if closed_by_total else parts


def disagreements(rows: list[Row], columns: tuple[str, ...]) -> list[tuple[int, str, Decimal, Decimal]]:
    """Every (row, column, stated, sum of its parts) where a row with parts does not equal their sum.

    Kommunal redovisning (LKBR 2018:597): the statement's totals are the sums of their parts, so a file
    whose stated total disagrees is refused rather than stored with a figure no one can trace."""
    found = []
    for index, row in enumerate(rows):
        parts = parts_of(rows, index)
        if not parts:
            continue
        for column in columns:
            stated = row.values.get(column)
            values = [p.values.get(column) for p in parts]
            if stated is None or any(v is None for v in values):
                continue
            total = sum(values, Decimal(0))
            if total != stated:
                found.append((row.number, column, stated, total))
    return found
