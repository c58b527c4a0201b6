"""Importing personal figures: people and årsarbetare by gender, sjukfrånvaro by gender and period."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Action
from core.imports import ImportRefused, RowError, read_table, swedish_number
from core.scope import Perm, can
from organisation.models import Unit

from .models import Measure, StaffFigure

COLUMNS = ["enhet", "ar", "period", "matt", "kon", "varde"]
# Årsarbetare are rounded per row in the HR system's report: a total may differ from its parts by this much.
FULL_TIME_ROUNDING = Decimal("0.2")


def import_staff(data: bytes, file_name: str, *, by: Any) -> int:
    frame = read_table(data, file_name)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ImportRefused([RowError(1, c, _("the column is missing")) for c in missing])
    units = {u.code: u for u in Unit.objects.all()}
    errors: list[RowError] = []
    figures: dict[tuple, tuple[int, Decimal]] = {}
    for number, row in enumerate(frame.iter_rows(named=True), start=2):
        unit = units.get(row["enhet"])
        if unit is None:
            errors.append(RowError(number, "enhet", _("no unit has this code")))
        elif not can(by, Perm.CHANGE, StaffFigure, unit):
            errors.append(RowError(number, "enhet", _("you may not import figures for %(unit)s") % {"unit": unit.code}))
        if row["matt"] not in Measure.values:
            errors.append(RowError(number, "matt", _("unknown measure; use one of %s") % ", ".join(Measure.values)))
        if row["kon"] not in ("K", "M", "T"):
            errors.append(RowError(number, "kon", _("use K, M or T")))
        try:
            year = swedish_number(row["ar"], StaffFigure._meta.get_field("year"))
        except ValueError as error:
            errors.append(RowError(number, "ar", str(error)))
            continue
        try:
            value = swedish_number((row["varde"] or "").rstrip("%"), StaffFigure._meta.get_field("value"))
        except ValueError as error:
            errors.append(RowError(number, "varde", str(error)))
            continue
        if year is None or value is None:
            errors.append(RowError(number, "varde", _("give the year and the value")))
            continue
        if not any(e.row == number for e in errors):
            figures[(row["enhet"], int(year), row["period"], row["matt"], row["kon"])] = (number, value)
    for (unit, year, period, measure, gender), (number, total) in figures.items():
        if gender != "T" or measure not in (Measure.PEOPLE, Measure.FULL_TIME):
            continue
        parts = [figures.get((unit, year, period, measure, g)) for g in ("K", "M")]
        if None in parts:
            continue
        allowed = Decimal(0) if measure == Measure.PEOPLE else FULL_TIME_ROUNDING
        if abs(total - sum(p[1] for p in parts)) > allowed:
            errors.append(
                RowError(
                    number, "varde", _("the total is not women plus men (%(sum)s)") % {"sum": sum(p[1] for p in parts)}
                )
            )
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    with transaction.atomic():
        for (unit, year, period, measure, gender), (_number, value) in figures.items():
            StaffFigure.objects.update_or_create(
                unit=units[unit], year=year, period=period, measure=measure, gender=gender, defaults={"value": value}
            )
        audit_log.record(Action.IMPORT, model=StaffFigure, note=_("%(rows)d rows imported") % {"rows": len(figures)})
    return len(figures)
