"""Importing personal figures: people and årsarbetare by gender, sjukfrånvaro by gender and period."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Event
from core.choices import WOMEN_MEN_TOTAL, Gender
from core.imports import Column, ImportRefused, RowError, as_number, checked_rows, one_of, read_table
from organisation.importing import unit_column

from .models import Measure, StaffFigure

# Årsarbetare are rounded per row in the HR system's report: a total may differ from its parts by this much.
FULL_TIME_ROUNDING = Decimal("0.2")


def columns(by: Any) -> list[Column]:
    """The file's columns: one figure per unit, year, period, measure and gender."""
    field = StaffFigure._meta.get_field
    return [
        unit_column(by, StaffFigure),
        Column("ar", as_number(field("year"), needed=_("give the year and the value"))),
        Column("period"),
        Column("matt", one_of(Measure.values, _("unknown measure; use one of %s") % ", ".join(Measure.values))),
        Column("kon", one_of(WOMEN_MEN_TOTAL, _("use K, M or T"))),
        Column("varde", as_number(field("value"), percent=True, needed=_("give the year and the value"))),
    ]


COLUMNS = [column.name for column in columns(None)]


def import_staff(data: bytes, file_name: str, *, by: Any) -> int:
    rows, errors = checked_rows(read_table(data, file_name), columns(by))
    figures: dict[tuple, tuple[int, Decimal]] = {}
    units = {}
    for row in rows:
        if row.refused:
            continue
        v = row.values
        units[v["enhet"].code] = v["enhet"]
        figures[(v["enhet"].code, int(v["ar"]), v["period"], v["matt"], v["kon"])] = (row.number, v["varde"])
    for (unit, year, period, measure, gender), (number, total) in figures.items():
        if gender != Gender.TOTAL or measure not in (Measure.PEOPLE, Measure.FULL_TIME):
            continue
        parts = [figures.get((unit, year, period, measure, g)) for g in (Gender.WOMEN, Gender.MEN)]
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
        audit_log.record(Event.IMPORT, model=StaffFigure, note=_("%(rows)d rows imported") % {"rows": len(figures)})
    return len(figures)
