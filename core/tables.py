"""Column definitions shared by a list page and its Excel/CSV export, so both show the same thing."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import formats, timezone, translation
from django.utils.encoding import force_str

from . import textgate
from .formatting import format_cell


def _attr(path: str) -> Callable[[Any], Any]:
    def get(obj: Any) -> Any:
        value = obj
        for part in path.split("."):
            if value is None:
                return None
            display = getattr(value, f"get_{part}_display", None)
            value = display() if callable(display) else getattr(value, part)
            if callable(value) and not isinstance(value, models.Manager):
                value = value()
        return value

    return get


@dataclass
class Column:
    """One column: a label, where its value comes from, and whether it links to the record."""

    key: str
    label: Any
    value: Callable[[Any], Any] | None = None
    link: bool = False

    def get(self, obj: Any) -> Any:
        return (self.value or _attr(self.key))(obj)


@dataclass
class Table:
    """The columns of a list; ``rows`` yields (object, [cell values]) for the page and the export."""

    columns: list[Column] = field(default_factory=list)

    def rows(self, objects: Iterable[Any]) -> Iterator[tuple[Any, list[Any]]]:
        """Each object with its cells, one at a time (an export of a whole register streams through here)."""
        return ((obj, [column.get(obj) for column in self.columns]) for obj in objects)

    def page_rows(self, objects: Iterable[Any]) -> list[list[tuple[Any, str]]]:
        """The rows as a page shows them: each cell's shown text and, for a linking column, the record's address.

        Formatted here, once per cell, rather than by a filter and two lookups per cell in the template: the cell
        loop was most of a list page's rendering time."""
        linking = [column.link for column in self.columns]
        links = any(linking)
        shown = []
        for obj, values in self.rows(objects):
            url = obj.get_absolute_url() if links and hasattr(obj, "get_absolute_url") else ""
            shown.append(
                [(format_cell(value), url if link else "") for value, link in zip(values, linking, strict=True)]
            )
        return shown

    @property
    def labels(self) -> list[str]:
        return [force_str(c.label) for c in self.columns]


def _cell(value: Any) -> Any:
    """A value as a spreadsheet or CSV cell: numbers and dates stay typed, the rest becomes safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, int | float) or hasattr(value, "isoformat"):
        return value
    # Stored text as it is safe in a cell: nothing Excel cannot carry, nothing it would run (core.textgate).
    return textgate.spreadsheet_text(force_str(value))


EXPORT_CHUNK = 2000  # rows read from the database and written at a time


def export_response(
    table: Table, objects: Iterable[Any], filename: str, fmt: str, prepare: Callable[[list], list] | None = None
) -> HttpResponse:
    """The table's rows as an .xlsx attachment, or .csv (semicolon separated, as Swedish Excel expects).

    Streamed: a queryset is read EXPORT_CHUNK rows at a time as the file is written (each chunk through
    ``prepare``, the list page's hook for per-row values), the CSV goes out as it is made and the workbook is
    written to a temporary file, so a city's whole register never sits in memory at once."""
    stamp = timezone.localdate().isoformat()
    header = [textgate.spreadsheet_text(label) for label in table.labels]
    cells = ([_cell(v) for v in values] for _, values in table.rows(_in_chunks(objects, prepare)))
    if fmt == "csv":
        lines = _csv_lines(header, cells, translation.get_language())
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response

    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=filename[:31])
    sheet.append(header)
    for row in cells:
        sheet.append(row)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes it once sent, and it is gone then
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"{filename}-{stamp}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _in_chunks(objects: Iterable[Any], prepare: Callable[[list], list] | None) -> Iterator[Any]:
    if isinstance(objects, models.QuerySet):
        objects = objects.iterator(chunk_size=EXPORT_CHUNK)
    chunk: list[Any] = []
    for obj in objects:
        chunk.append(obj)
        if len(chunk) == EXPORT_CHUNK:
            yield from prepare(chunk) if prepare else chunk
            chunk = []
    yield from prepare(chunk) if prepare else chunk


def _csv_lines(header: list[str], rows: Iterable[list[Any]], language: str) -> Iterator[str]:
    # Written after the view has returned, outside the request's language: the rows' labels, yes/no and numbers
    # must come out in the reader's language as the header did.
    with translation.override(language):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(header)
        yield "\ufeff" + _taken(buffer)
        for count, row in enumerate(rows, start=1):
            writer.writerow([formats.localize(v) if not isinstance(v, str) else v for v in row])
            if count % EXPORT_CHUNK == 0:
                yield _taken(buffer)
        yield _taken(buffer)


def _taken(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def workbook_response(sheets: dict[str, list[list[Any]]], filename: str) -> HttpResponse:
    """Several tables (first row = header) as one .xlsx attachment, a sheet each."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title=title[:31])
        for row in rows:
            sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}-{timezone.localdate().isoformat()}.xlsx"'
    return response
