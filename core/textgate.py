"""The one text gate: what text may be stored, and how stored text is written where it is read.

In: a text is refused when it holds a personnummer or samordningsnummer (``core.personnummer``) or a control
character that Word, Excel and XML cannot carry (everything below U+0020 except tab, line feed and carriage
return, and U+FFFE/U+FFFF). Forms, the API and every import ask ``problem()``.

Out: text already stored is made safe for the place it is written: ``printable()`` drops the characters XML
cannot carry (documents, spreadsheets), and ``spreadsheet_text()`` also keeps a cell from being read as a formula
(OWASP, "CSV Injection": a cell that begins with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed
with an apostrophe), so an export or a document never fails, and never runs, whatever was stored.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from .personnummer import PERSONNUMMER_MESSAGE, contains_personnummer

# The characters XML 1.0 cannot hold (and so neither .docx nor .xlsx), and lone surrogates.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# The same as a pattern for Polars (Rust regex), which checks a whole imported column at once.
UNPRINTABLE_PATTERN = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}]"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CONTROL_CHARACTER_MESSAGE = _(
    "The text contains an invisible control character (often pasted from another program). "
    "Remove it and write the text again."
)


def problem(text: str) -> str | None:
    """Why ``text`` may not be stored, as a message for the person; ``None`` when it may."""
    if not text:
        return None
    if UNPRINTABLE.search(text):
        return str(CONTROL_CHARACTER_MESSAGE)
    if contains_personnummer(text):
        return str(PERSONNUMMER_MESSAGE)
    return None


def printable(text: str) -> str:
    """``text`` without the characters XML, Word and Excel cannot carry."""
    return UNPRINTABLE.sub("", text)


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet or CSV cell: printable, and never taken for a formula."""
    text = printable(text)
    return "'" + text if text.startswith(FORMULA_START) else text
