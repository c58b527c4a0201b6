"""The unit column every import file has: a unit's code, read into the unit, where the importer may store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from core.imports import Column
from core.scope import Perm, can

from .models import Unit


def unit_column(by: Any, model: Any, name: str = "enhet") -> Column:
    """The column ``name`` of unit codes: each must name a unit where ``by`` may change ``model`` records. The
    units are read once, at the first cell (a column made without reading any file asks nothing)."""
    units: dict[str, Unit] = {}
    allowed: dict[str, bool] = {}

    def read(code: str) -> Unit:
        if not units:
            units.update((u.code, u) for u in Unit.objects.all())
        unit = units.get(code)
        if unit is None:
            raise ValueError(_("no unit has this code"))
        if code not in allowed:
            allowed[code] = can(by, Perm.CHANGE, model, unit)
        if not allowed[code]:
            raise ValueError(_("you may not import figures for %(unit)s") % {"unit": unit.code})
        return unit

    reader: Callable[[str], Unit] = read
    return Column(name, reader)
