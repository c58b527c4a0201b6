"""What every import shares: reading a CSV or XLSX file as text columns, Swedish numbers, and errors that
name their row and column."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import openpyxl
import polars as pl
from django.core.management.base import BaseCommand, CommandError
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


class ImportCommand(BaseCommand):
    """A management command that imports one file as a person: its scope decides, its name goes in the log,
    and a refused file stops the command with every error (nothing stored). Subclasses give ``run``."""

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="the username the import is made as (for scope and log)")

    def run(self, data: bytes, file_name: str, user, options: dict) -> str:
        """Import and say what was done, in one line."""
        raise NotImplementedError

    def handle(self, *args, **options):
        from django.contrib.auth import get_user_model

        from audit.choices import Source
        from audit.context import acting_as

        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Ingen aktiv användare heter {options['user']}.")
        path = Path(options["file"])
        with acting_as(user, Source.IMPORT):
            try:
                self.stdout.write(self.run(path.read_bytes(), path.name, user, options))
            except ImportRefused as refused:
                raise CommandError("Inget importerades.\n" + "\n".join(str(e) for e in refused.errors)) from refused
