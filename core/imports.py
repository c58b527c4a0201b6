"""What every import shares: reading a CSV or XLSX file as text columns, Swedish numbers, and errors that
name their row and column."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from . import textgate
from .personnummer import contains_personnummer

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


ROW = "__row__"  # the column that carries each row's number as the person sees it in the file
CHUNK_ROWS = 200_000


def read_table(data: bytes, file_name: str) -> pl.DataFrame:
    """Every cell as text, the header lower-cased and trimmed; CSV with ; or , as separator, or XLSX.

    A file that cannot be read at all is refused with the reason (row 1, column "fil").
    """
    return pl.concat(read_chunks(data, file_name)).drop(ROW)


def read_chunks(data: bytes, file_name: str, chunk_rows: int = CHUNK_ROWS) -> Iterator[pl.DataFrame]:
    """The file as frames of at most ``chunk_rows`` rows, so a large CSV file is never held as one table.

    Each frame has the file's columns (named as in ``read_table``) and ``ROW``, the row's number in the file
    (the header is row 1). A row that cannot be read refuses the file with its number; the caller imports in
    one transaction, so a refusal after some chunks still leaves nothing behind.
    """
    if file_name.lower().endswith(".xlsx"):
        header, columns = _read_xlsx(data)
        names = _names(header)
        frame = pl.DataFrame(dict(zip(names, columns, strict=True)), schema=dict.fromkeys(names, pl.String))
        yield from _numbered(frame, 2).iter_slices(chunk_rows)
        return
    data = _as_utf8(data)
    first_line = data.split(b"\n", 1)[0]
    separator = ";" if first_line.count(b";") > first_line.count(b",") else ","
    lazy = pl.scan_csv(io.BytesIO(data), separator=separator, has_header=False, infer_schema=False)
    names: list[str] = []
    next_row = 1
    try:
        for batch in lazy.collect_batches(chunk_size=chunk_rows):
            if not names:
                if batch.is_empty():
                    continue
                names = _names([str(v or "") for v in batch.row(0)])
                batch, next_row = batch.slice(1), 2
            frame = _numbered(batch.rename(dict(zip(batch.columns, names, strict=True))), next_row)
            next_row += batch.height
            yield frame
    except pl.exceptions.PolarsError as error:
        # Polars stops at a malformed row without saying which; read the text the slow way to name it.
        header, columns = _read_csv_slowly(data.decode(), separator)
        if names:  # some rows were given already: the slow reading must not give them twice
            raise _unreadable(_("the file could not be read as CSV")) from error
        names = _names(header)
        yield _numbered(pl.DataFrame(dict(zip(names, columns, strict=True)), schema=dict.fromkeys(names, pl.String)), 2)
    if not names:
        raise _unreadable(_("the file is empty"))


def _names(header: list[str]) -> list[str]:
    names = [name.strip().lower() for name in header]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ImportRefused(
            [RowError(1, name or "(tom)", _("the column name appears more than once")) for name in repeated]
        )
    return names


def _numbered(frame: pl.DataFrame, first_row: int) -> pl.DataFrame:
    numbered = frame.with_columns(pl.all().fill_null("").str.strip_chars()).with_row_index(ROW, offset=first_row)
    refuse_unstorable_text(numbered)
    return numbered


# Ten digits, perhaps with a separator or two between the date and the last four: a cheap test over a whole
# column, so that only the few suspect cells get the full check (date and check digit).
_PERSONNUMMER_SUSPECT = r"\d{6}\D{0,3}\d{4}"


def refuse_unstorable_text(frame: pl.DataFrame) -> None:
    """The text gate (``core.textgate``) for every cell of every imported file: a control character or a
    personnummer refuses the file, naming each row and column (every importer reads through here)."""
    errors: list[RowError] = []
    for column in frame.columns:
        if column == ROW:
            continue
        cells = pl.col(column)
        for row in frame.filter(cells.str.contains(textgate.UNPRINTABLE_PATTERN)).get_column(ROW).head(MAX_ERRORS):
            errors.append(RowError(row, column, _("contains an invisible control character; remove it")))
        for row, value in frame.filter(cells.str.contains(_PERSONNUMMER_SUSPECT)).select(ROW, column).iter_rows():
            if contains_personnummer(value):
                errors.append(RowError(row, column, _("contains a personnummer; personnummer are never stored")))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: (e.row, e.column))[:MAX_ERRORS])


def _as_utf8(data: bytes) -> bytes:
    """The bytes as UTF-8 without a byte-order mark: checked piece by piece (no copy of a large file), and
    converted from Windows-1252 — what Excel on Swedish Windows saves as "CSV (semikolonavgränsad)"."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        raise _unreadable(_("the file is empty"))
    if b"\x00" in data[:65536]:
        raise _unreadable(_("the file is not a text file; save it as CSV or XLSX"))
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for offset in range(0, len(data), 1 << 22):
            decoder.decode(view[offset : offset + (1 << 22)], final=offset + (1 << 22) >= len(data))
        return data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252").encode()
    except UnicodeDecodeError as error:
        raise _unreadable(_("the file is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8")) from error


def _unreadable(message: str) -> ImportRefused:
    return ImportRefused([RowError(1, "fil", message)])


def _read_xlsx(data: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors) for a damaged file
        raise _unreadable(_("the file is not a readable XLSX workbook")) from error
    if not rows:
        raise _unreadable(_("the file is empty"))
    header = [str(c if c is not None else "") for c in rows[0]]
    columns: list[list[str]] = [[] for _column in header]
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > len(header) and any(c not in (None, "") for c in row[len(header) :]):
            raise ImportRefused([RowError(number, "fil", _("the row has more cells than the header has columns"))])
        for index in range(len(header)):
            cell = row[index] if index < len(row) else None
            if isinstance(cell, dt.datetime | dt.date):
                cell = cell.strftime("%Y-%m-%d")
            columns[index].append("" if cell is None else str(cell))
    return header, columns


def _read_csv_slowly(text: str, separator: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    header = rows[0]
    columns: list[list[str]] = [[] for _column in header]
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            raise ImportRefused([RowError(number, "fil", _("the row has more cells than the header has columns"))])
        for index in range(len(header)):
            columns[index].append(row[index] if index < len(row) else "")
    return header, columns


_PLAIN_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")


def period_argument(text: str) -> tuple[dt.date, dt.date]:
    """A period as a person names it on the command line or in the API: ``2026`` (the year),
    ``2026-01-01:2026-06-30`` or ``2026-01-01..2026-06-30``; ``ValueError`` otherwise."""
    text = (text or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    parts = re.split(r"\.\.|:", text)
    if len(parts) != 2:
        raise ValueError(text)
    first, last = (dt.date.fromisoformat(p.strip()) for p in parts)
    if last < first:
        raise ValueError(text)
    return first, last


def swedish_number(text: str, field=None) -> Decimal | None:
    """A number as Swedish reports write it: spaces (also non-breaking) between thousands, a comma or a
    point for decimals, a hyphen or a minus sign. ``None`` for an empty cell.

    ``ValueError``, whose text is the message for the person, if it is not a number (NaN, Infinity and
    exponents such as 1e20 are not how a report writes a figure) or, given the model ``field`` it goes into,
    if the field cannot hold it (too many digits, negative where it may not be)."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text or "").replace("\u2212", "-").replace(",", ".")
    if cleaned == "":
        return None
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueError(_("not a number"))
    value = Decimal(cleaned)
    if field is not None:
        places = getattr(field, "decimal_places", None)
        try:
            stored = value.quantize(Decimal(1).scaleb(-places)) if places is not None else value
            field.run_validators(stored if places is not None else int(value))
        except (ValidationError, InvalidOperation) as error:
            raise ValueError(_("the number is outside what the column can hold")) from error
    return value


@dataclass(frozen=True)
class Column:
    """One column of an import file: its name, whether the file must have it, and how a cell is read.

    ``read`` turns the cell's text (trimmed; "" when empty or absent) into the value to store, or raises
    ``ValueError`` whose text is the message for the person: the error names the row and this column."""

    name: str
    read: Callable[[str], Any] = str
    required: bool = True


@dataclass
class CheckedRow:
    """A row of the file as its columns read it; ``refused`` when a cell of it could not be read."""

    number: int  # as the person sees it in the file: the header is row 1
    values: dict[str, Any]
    refused: bool = False


def checked_rows(frame: pl.DataFrame, columns: list[Column], *, skip_empty: bool = False):
    """Every row read column by column (``Column.read``), with an error for each cell that could not be read.

    A column the file must have and lacks refuses the file at once (row 1). ``skip_empty`` passes over rows
    with nothing in them (a blank line between sections). Returns the rows and the errors; the importer adds
    its own checks across columns and rows, and refuses the file if there is any error."""
    missing = [
        RowError(1, c.name, _("the column is missing")) for c in columns if c.required and c.name not in frame.columns
    ]
    if missing:
        raise ImportRefused(missing)
    rows: list[CheckedRow] = []
    errors: list[RowError] = []
    for number, record in enumerate(frame.iter_rows(named=True), start=2):
        if skip_empty and not any(str(v or "").strip() for v in record.values()):
            continue
        row = CheckedRow(number, {})
        for column in columns:
            try:
                row.values[column.name] = column.read(str(record.get(column.name) or "").strip())
            except ValueError as error:
                errors.append(RowError(number, column.name, str(error)))
                row.refused = True
        rows.append(row)
    return rows, errors


def as_number(field=None, *, percent: bool = False, needed: str = "", share: bool = False) -> Callable[[str], Any]:
    """A reader of a Swedish number (:func:`swedish_number`) for ``field``; ``percent`` allows a trailing %,
    ``share`` keeps it within 0–100, and ``needed`` is the message when the cell is empty (else None)."""

    def read(text: str) -> Decimal | None:
        value = swedish_number(text.rstrip("%") if percent else text, field)
        if value is None and needed:
            raise ValueError(needed)
        if share and value is not None and not 0 <= value <= 100:
            raise ValueError(_("a share lies between 0 and 100"))
        return value

    return read


def one_of(values, message: str, *, ignore_case: bool = False) -> Callable[[str], Any]:
    """A reader of a cell that must be one of ``values`` (a mapping gives what each stands for)."""

    def read(text: str):
        key = text.lower() if ignore_case else text
        if key not in values:
            raise ValueError(message)
        return values[key] if isinstance(values, dict) else key

    return read


def needed(message: str) -> Callable[[str], str]:
    """A reader of a text cell that must not be empty."""

    def read(text: str) -> str:
        if not text:
            raise ValueError(message)
        return text

    return read


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
        if not path.is_file():
            raise CommandError(f"Filen {path} finns inte (eller är ingen fil). Inget importerades.")
        with acting_as(user, Source.IMPORT):
            try:
                self.stdout.write(self.run(path.read_bytes(), path.name, user, options))
            except ImportRefused as refused:
                raise CommandError("Inget importerades.\n" + "\n".join(str(e) for e in refused.errors)) from refused
