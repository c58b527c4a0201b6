"""Importing a financial statement: rows with level, name, budget, prognos and utfall, checked before storing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Event
from core.imports import Column, ImportRefused, RowError, as_number, checked_rows, needed, read_table
from core.scope import Perm, can

from . import rules
from .models import FinanceLine, FinanceReport

NUMBER_COLUMNS = {"budget": "budget", "prognos": "forecast", "utfall": "outcome"}


def _level(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > 9:
        raise ValueError(_("give the level as 0–9 (0 is the grand total)"))
    return int(text)


def columns() -> list[Column]:
    """The statement's columns: a row per line, at a level, with its figures; a total marked in "summa"."""
    field = FinanceLine._meta.get_field
    return [
        Column("niva", _level),
        Column("namn", needed(_("a name is needed"))),
        Column("budget", as_number(field("budget"), needed=_("a budget figure is needed"))),
        Column("prognos", as_number(field("forecast")), required=False),
        Column("utfall", as_number(field("outcome")), required=False),
        Column("summa", lambda text: text.lower() in {"ja", "j", "x", "1"}, required=False),
    ]


COLUMNS = [column.name for column in columns()]


def read_rows(data: bytes, file_name: str) -> tuple[list[rules.Row], list[str]]:
    rows, errors = checked_rows(read_table(data, file_name), columns(), skip_empty=True)
    if errors:
        raise ImportRefused(errors)
    lines = [
        rules.Row(
            row.number, row.values["niva"], row.values["summa"], {f: row.values[c] for c, f in NUMBER_COLUMNS.items()}
        )
        for row in rows
    ]
    return lines, [row.values["namn"] for row in rows]


def import_statement(
    data: bytes, file_name: str, *, point, unit, breakdown: str, ledger: str, by: Any
) -> FinanceReport:
    """Store a statement if its totals add up (else nothing, naming each row that does not); the current
    statement for the same point, unit, ledger and breakdown is kept but superseded."""
    if not can(by, Perm.CHANGE, FinanceReport, unit):
        raise ImportRefused([RowError(1, "enhet", _("you may not import figures for %(unit)s") % {"unit": unit})])
    rows, names = read_rows(data, file_name)
    if not rows:
        raise ImportRefused([RowError(2, "namn", _("the file has no rows"))])
    wrong = rules.disagreements(rows, tuple(NUMBER_COLUMNS.values()))
    if wrong:
        labels = {v: k for k, v in NUMBER_COLUMNS.items()}
        raise ImportRefused(
            [
                RowError(
                    number,
                    labels[column],
                    _("the stated total %(stated)s is not the sum of its parts, %(sum)s")
                    % {"stated": stated, "sum": total},
                )
                for number, column, stated, total in wrong
            ]
        )
    with transaction.atomic():
        earlier = FinanceReport.objects.filter(
            point=point, unit=unit, ledger=ledger, breakdown=breakdown, is_current=True
        )
        for old in earlier:
            old.is_current = False
            old.save()
        report = FinanceReport.objects.create(
            point=point,
            unit=unit,
            ledger=ledger,
            breakdown=breakdown,
            file_name=file_name[:255],
            imported_by=by if getattr(by, "is_authenticated", False) else None,
        )
        FinanceLine.objects.bulk_create(
            FinanceLine(
                report=report,
                order=order,
                level=row.level,
                name=name[:200],
                is_total=row.is_total,
                budget=row.values["budget"],
                forecast=row.values.get("forecast"),
                outcome=row.values.get("outcome"),
            )
            for order, (row, name) in enumerate(zip(rows, names, strict=True))
        )
        audit_log.record(Event.IMPORT, report, note=_("%(rows)d rows imported") % {"rows": len(rows)})
    return report
