"""What every import shares: reading a CSV or XLSX file as text columns, Swedish numbers, and errors that
name their row and column."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import openpyxl
import polars as pl
from django.utils.translation import gettext as _

MAX_ERRORS = 200


@dataclass(frozen=True)
class RowError:
    row: int  # as the person sees it in the file: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)d, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRefused(Exception):
    """The file was not imported; ``errors`` say where and why (at most MAX_ERRORS of them)."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(e) for e in errors[:5]))
        self.errors = errors


def read_table(data: bytes, file_name: str) -> pl.DataFrame:
    """Every cell as text, the header lower-cased and trimmed; CSV with ; or , as separator, or XLSX."""
    if file_name.lower().endswith(".xlsx"):
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(c or "").strip().lower() for c in next(rows, [])]
        columns: dict[str, list[str]] = {name: [] for name in header}
        for row in rows:
            for name, cell in zip(header, row, strict=False):
                if isinstance(cell, dt.datetime | dt.date):
                    cell = cell.strftime("%Y-%m-%d")
                columns[name].append("" if cell is None else str(cell).strip())
        return pl.DataFrame(columns, schema=dict.fromkeys(header, pl.String))
    text = data.decode("utf-8-sig")
    first_line = text.split("\n", 1)[0]
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
    frame = pl.read_csv(io.StringIO(text), separator=separator, infer_schema=False)
    frame = frame.rename({c: c.strip().lower() for c in frame.columns})
    return frame.with_columns(pl.all().fill_null("").str.strip_chars())


def swedish_number(text: str) -> Decimal | None:
    """A number as Swedish reports write it: spaces (also non-breaking) between thousands, a comma or a
    point for decimals, a hyphen or a minus sign. ``None`` for an empty cell; ``ValueError`` if not a number."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text or "").replace("\u2212", "-").replace(",", ".")
    if cleaned == "":
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
