"""Template filters for Kvalitetsnav pages."""

from __future__ import annotations

from typing import Any

from django import template

from core import formatting
from core.formatting import format_cell

register = template.Library()


@register.filter
def cell(value: Any) -> Any:
    """A value as shown in a table cell (core.formatting.format_cell)."""
    return format_cell(value)


@register.filter
def measured(value: Any, measure: str) -> str:
    """An indicator's value in its unit of measure: "91,2 %", "1 384" (core.formatting.measured)."""
    return formatting.measured(value, measure)


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
