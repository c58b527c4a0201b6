"""Template filters for Kvalitetsnav pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def cell(value: Any) -> Any:
    """A value as shown in a table cell: dates and numbers in Swedish form, yes/no, a dash for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, int | float):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return value


@register.filter
def index(sequence: Any, position: int) -> Any:
    return sequence[position]


@register.filter
def verbose_name(model: Any) -> str:
    return model._meta.verbose_name


@register.filter
def percent(value: float) -> str:
    """A share 0–1 as a Swedish percentage without decimals: 0.714 → "71 %"."""
    return f"{round(value * 100)}\xa0%"


@register.filter
def month_name(month: int) -> str:
    """The month's name in the active language ("januari")."""
    from django.utils.dates import MONTHS

    return str(MONTHS[month]).capitalize()
