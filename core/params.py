"""The query parameters pages read (year, period, month, unit): checked in one place, so that a bad value answers
400 with a Swedish message naming the parameter, never 500 and never a silently different page."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import BadRequest
from django.http import HttpRequest
from django.utils.translation import gettext as _

FIRST_YEAR, LAST_YEAR = 2000, 2100
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


class BadParameter(BadRequest):
    """A query parameter a page cannot use; its message is shown on the 400 page."""


def _digits(raw: str) -> bool:
    # str.isdigit() also says yes to "²" and to 5 000 digits, which int() refuses: only a plain, short number.
    return raw.isascii() and raw.isdigit() and len(raw) <= 12


def form_errors(form) -> str:
    """A bound form's errors in one line, each named by its field's label (for a 400 or a page's alert)."""
    return " ".join(
        _("%(field)s: %(error)s") % {"field": form.fields[name].label if name in form.fields else name, "error": e}
        for name, errors in form.errors.items()
        for e in errors
    )


def whole_number(request: HttpRequest, name: str, default: int, low: int, high: int, label: str = "") -> int:
    """The parameter ``name`` as a whole number from ``low`` to ``high``; absent or empty gives ``default``."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if not _digits(raw) or not low <= int(raw) <= high:
        raise BadParameter(
            _("The parameter “%(name)s” must be a whole number from %(low)d to %(high)d, not “%(value)s”.")
            % {"name": label or name, "low": low, "high": high, "value": raw[:40]}
        )
    return int(raw)


def year(request: HttpRequest, default: int) -> int:
    """The page's ``year`` (2000–2100), ``default`` when absent."""
    return whole_number(request, "year", default, FIRST_YEAR, LAST_YEAR, label=_("year"))


def month(request: HttpRequest, default: dt.date) -> dt.date:
    """The first day of the page's ``month`` (written YYYY-MM), ``default`` when absent."""
    raw = request.GET.get("month", "").strip()
    if not raw:
        return default
    found = _MONTH.fullmatch(raw)
    if found is None or not (FIRST_YEAR <= int(found[1]) <= LAST_YEAR and 1 <= int(found[2]) <= 12):
        raise BadParameter(
            _("The parameter “%(name)s” must be a month written as YYYY-MM, not “%(value)s”.")
            % {"name": _("month"), "value": raw[:40]}
        )
    return dt.date(int(found[1]), int(found[2]), 1)


def one_of(request: HttpRequest, name: str, allowed, default: str, label: str = "") -> str:
    """The parameter ``name`` as one of the ``allowed`` values; absent or empty gives ``default``."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if raw not in allowed:
        raise BadParameter(
            _("The parameter “%(name)s” must be one of %(allowed)s, not “%(value)s”.")
            % {"name": label or name, "allowed": ", ".join(str(a) for a in allowed), "value": raw[:40]}
        )
    return raw


def _record_number(request: HttpRequest, name: str, message: str, label: str) -> int | None:
    """The record number in the parameter ``name``, None when absent; ``message`` refuses anything else."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not _digits(raw):
        raise BadParameter(message % {"name": label, "value": raw[:40]})
    return int(raw)


def unit_id(request: HttpRequest) -> int | None:
    """The id in the page's ``unit`` parameter, None when absent; anything but a whole number is refused."""
    message = _("The parameter “%(name)s” must name a unit by its number, not “%(value)s”.")
    return _record_number(request, "unit", message, _("unit"))


def point_id(request: HttpRequest) -> int | None:
    """The id in the page's ``point`` parameter (a follow-up point), None when absent."""
    message = _("The parameter “%(name)s” must name a follow-up point by its number, not “%(value)s”.")
    return _record_number(request, "point", message, _("point"))
