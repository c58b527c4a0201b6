"""Importing a financial statement: rows with level, name, budget, prognos and utfall, checked before storing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Action
from core.imports import ImportRefused, RowError, read_table, swedish_number
from core.scope import Perm, can

from . import rules
from .models import FinanceLine, FinanceReport

COLUMNS = ["niva", "namn", "budget", "prognos", "utfall", "summa"]
NUMBER_COLUMNS = {"budget": "budget", "prognos": "forecast", "utfall": "outcome"}


def read_rows(data: bytes, file_name: str) -> tuple[list[rules.Row], list[str]]:
    frame = read_table(data, file_name)
    errors = [RowError(1, c, _("the column is missing")) for c in ("niva", "namn", "budget") if c not in frame.columns]
    if errors:
        raise ImportRefused(errors)
    rows, names = [], []
    for number, record in enumerate(frame.iter_rows(named=True), start=2):
        if not any(str(v or "").strip() for v in record.values()):
            continue  # an empty line between sections
        values = {}
        for column, field in NUMBER_COLUMNS.items():
            try:
                values[field] = swedish_number(record.get(column) or "", FinanceLine._meta.get_field(field))
            except ValueError as error:
                errors.append(RowError(number, column, str(error)))
        if values.get("budget") is None and not any(e.row == number for e in errors):
            errors.append(RowError(number, "budget", _("a budget figure is needed")))
        level = str(record.get("niva") or "").strip()
        if not level.isdigit() or int(level) > 9:
            errors.append(RowError(number, "niva", _("give the level as 0–9 (0 is the grand total)")))
            level = "0"
        name = str(record.get("namn") or "").strip()
        if not name:
            errors.append(RowError(number, "namn", _("a name is needed")))
        total = str(record.get("summa") or "").strip().lower() in {"ja", "j", "x", "1"}
        rows.append(rules.Row(number, int(level), total, values))
        names.append(name)
    if errors:
        raise ImportRefused(errors)
    return rows, names


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
        audit_log.record(Action.IMPORT, report, note=_("%(rows)d rows imported") % {"rows": len(rows)})
    return report
