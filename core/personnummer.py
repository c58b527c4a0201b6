"""Finding Swedish personnummer and samordningsnummer in free text, so they are never saved.

A candidate is ten digits YYMMDDNNNN, optionally with the century (YYYYMMDDNNNN) and a ``-``,
``+`` or space before the last four. It counts as a personnummer when the date is a real date (a
samordningsnummer adds 60 to the day, Skatteverket SKV 707) and the last digit is the Luhn check
digit over the ten digits (SKV 704). Numbers that fail the check digit are left alone, so
ordinary numbers rarely trigger a refusal.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext_lazy as _

PERSONNUMMER_MESSAGE = _(
    "This looks like a personal identity number. Remove it before saving: personal identity numbers "
    "are never stored in Kvalitetsnav. Describe the person in another way, e.g. “the resident”."
)

_CANDIDATE = re.compile(r"(?<![\d-])((?:18|19|20)?)(\d{2})(\d{2})(\d{2})[-+ ]?(\d{3})(\d)(?![\d])")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits[:-1]):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10 == int(digits[-1])


def _date_ok(century: str, yy: str, mm: str, dd: str) -> bool:
    day = int(dd)
    if day > 60:  # samordningsnummer
        day -= 60
    years = [int(century + yy)] if century else [1900 + int(yy), 2000 + int(yy)]
    for year in years:
        try:
            dt.date(year, int(mm), day)
            return True
        except ValueError:
            continue
    return False


def find_personnummer(text: str) -> list[str]:
    """The personnummer (or samordningsnummer) in ``text``, as written there."""
    found = []
    for match in _CANDIDATE.finditer(text or ""):
        century, yy, mm, dd, serial, check = match.groups()
        if _date_ok(century, yy, mm, dd) and _luhn_ok(f"{yy}{mm}{dd}{serial}{check}"):
            found.append(match.group(0))
    return found


def contains_personnummer(text: str) -> bool:
    return bool(find_personnummer(text))
