"""Finding Swedish personnummer and samordningsnummer in free text, so they are never saved.

A candidate is ten digits YYMMDDNNNN, optionally with the century (YYYYMMDDNNNN) and a separator
before the last four: ``-``, ``+``, ``.``, ``/`` or spaces, up to three of them ("121212 - 1212"). It counts
as a personnummer when the date is a real date (a samordningsnummer adds 60 to the day, Skatteverket SKV 707)
and the last digit is the Luhn check digit over the ten digits (SKV 704). Numbers that fail the check digit are
left alone, so dates, phone numbers and ordinary numbers rarely trigger a refusal.

The text is normalised first, so the forms a number takes when pasted from Word or a web page are caught as
well: Unicode dashes and the minus sign become ``-``, every kind of space becomes a space, zero-width and
soft-hyphen characters are dropped, and full-width digits become digits (NFKC). A prefix such as ``ID-`` or
``pnr:`` is no shield: only a digit just before the number keeps it from being one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.utils.translation import gettext_lazy as _

PERSONNUMMER_MESSAGE = _(
    "This looks like a personal identity number. Remove it before saving: personal identity numbers "
    "are never stored in Kvalitetsnav. Describe the person in another way, e.g. “the resident”."
)

# Not after a digit, nor after a digit and a dash (the tail of a longer number such as 2024-1212121212).
_CANDIDATE = re.compile(r"(?<!\d)(?<!\d-)((?:18|19|20)?)(\d{2})(\d{2})(\d{2})[-+ ./]{0,3}(\d{3})(\d)(?!\d)")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " "
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"), None)


def normalised(text: str) -> str:
    """``text`` as the check reads it: dashes, spaces and digits in one form, invisible characters gone."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_DASHES).translate(_SPACES)


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
    """The personnummer (or samordningsnummer) in ``text``, as the check read them (normalised)."""
    found = []
    for match in _CANDIDATE.finditer(normalised(text or "")):
        century, yy, mm, dd, serial, check = match.groups()
        if _date_ok(century, yy, mm, dd) and _luhn_ok(f"{yy}{mm}{dd}{serial}{check}"):
            found.append(match.group(0))
    return found


def redacted(text: str) -> str:
    """``text`` (normalised) with every personnummer replaced, for what the system itself writes down — a search
    filter in the audit log — where refusing is not possible."""

    def hide(match: re.Match) -> str:
        century, yy, mm, dd, serial, check = match.groups()
        real = _date_ok(century, yy, mm, dd) and _luhn_ok(f"{yy}{mm}{dd}{serial}{check}")
        return "[personnummer]" if real else match.group(0)

    return _CANDIDATE.sub(hide, normalised(text or ""))


def contains_personnummer(text: str) -> bool:
    return bool(find_personnummer(text))
