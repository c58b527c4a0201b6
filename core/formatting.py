"""Swedish number and date formatting for pages, reports, Word and PDF: one module, so every figure is written
the same way everywhere (Språkrådet's rules, as the seeds write them).

* Thousands are grouped with a no-break space, decimals follow a comma: 1 003 735; 7,5.
* A minus is the minus sign (U+2212), not a hyphen: −12 700.
* A unit follows after a no-break space: 7,5 %; −12,7 mnkr.
* Dates in running text are written out: 15 september 2022; in tables as 2022-09-15 (ISO 8601).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

NBSP = "\u00a0"
MINUS = "\u2212"
MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
# Numbers up to twelve are written as words in running text (Språkrådet, Svenska skrivregler).
WORDS = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]
NEUTER_WORDS = {1: "ett"}


def number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """1003735 → "1 003 735"; -12700 → "−12 700"; 7.54 with decimals=1 → "7,5"; None → "–".

    Rounds half up (as people do by hand), not to even.
    """
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = MINUS if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups) or "0"
    return sign + text + ("," + fraction if decimals > 0 else "")


def percent(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """A value already in per cent: 70.95 → "71 %"; with decimals=1, 7.54 → "7,5 %"."""
    if value is None:
        return "–"
    return number(value, decimals) + NBSP + "%"


def share(numerator: int, denominator: int, decimals: int = 0) -> str:
    """“982 av 1 384 (71 %)”: the counts beside the share, so every percentage can be checked."""
    if not denominator:
        return f"{number(numerator)} av {number(denominator)}"
    return f"{number(numerator)} av {number(denominator)} ({percent(Decimal(numerator) * 100 / denominator, decimals)})"


def tkr(value: int | float | Decimal | None) -> str:
    """Thousands of kronor as the statements write them: −12 700."""
    return number(value)


def mnkr(thousands: int | float | Decimal | None, decimals: int = 1, signed: bool = False) -> str:
    """Thousands of kronor as millions in text: −12 700 → "−12,7 mnkr"; with signed, 16 575 → "+16,6 mnkr"."""
    if thousands is None:
        return "–"
    text = number(Decimal(str(thousands)) / 1000, decimals)
    if signed and not text.startswith(MINUS) and Decimal(str(thousands)) != 0:
        text = "+" + text
    return text + NBSP + "mnkr"


def long_date(value: dt.date | None) -> str:
    """15 september 2022."""
    if value is None:
        return "–"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def iso_date(value: dt.date | None) -> str:
    """2022-09-15."""
    return value.isoformat() if value else "–"


def count_words(value: int, neuter: bool = False) -> str:
    """A count in running text: words up to twelve (“två”, “ett” for a neuter noun), digits above (“178”)."""
    if 0 <= value <= 12:
        return NEUTER_WORDS.get(value, WORDS[value]) if neuter else WORDS[value]
    return number(value)


def plain(text: str) -> str:
    """Text with its no-break spaces and minus signs as ordinary spaces and hyphens (for comparisons)."""
    return text.replace(NBSP, " ").replace(MINUS, "-")


def measured(value: int | float | Decimal | None, measure: str) -> str:
    """An indicator's value as its unit of measure writes it: a share "91,2 %", a number or kronor "1 384",
    days and scale means with one decimal "12,3" (keys as ``indicators.choices.Measure``)."""
    if value is None or value == "":
        return "–"
    if measure == "percent":
        return percent(value, 1)
    if measure in ("count", "sek"):
        return number(value, 0)
    return number(value, 1)


def format_cell(value: Any) -> Any:
    """A value as shown in a table cell of a page: dates and numbers in Swedish form, yes/no, a dash for nothing."""
    from django.utils import formats, timezone
    from django.utils.translation import gettext

    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, int | float):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return value
