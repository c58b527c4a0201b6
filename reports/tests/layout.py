"""Reading a PDF's layout back: where WeasyPrint put each table, figure and heading, and what the contents say.

Used by the layout tests on made-up documents and on the default documents built from the seed records."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

from reports import render
from reports.content import Report, Source


def made_up(sections, kind: str = "kvalitetsberattelse", title: str = "Kvalitetsberättelse 2026") -> Report:
    """A made-up document of ``sections`` for Exempelkommun's Socialnämnden, 2026, whose tables and figures name
    the source "arenden"."""
    return Report(
        kind=kind,
        title=title,
        subtitle="Socialnämnden",
        organisation="Exempelkommun",
        unit="Socialnämnden",
        period="2026",
        sections=sections,
        sources=[Source("arenden", "Ärenden", "Ärendedata", "2026")],
    )


@dataclass
class Layout:
    """What a laid-out document holds, page by page (pages count from 1)."""

    pages: int
    tables_past_the_margin: list[tuple[int, str, float]] = field(default_factory=list)  # page, caption, points over
    figure_pages: list[set[int]] = field(default_factory=list)  # the pages each figure lies on
    figures_without_caption: int = 0
    headings: list[tuple[str, int]] = field(default_factory=list)  # each bookmarked heading and its page, in order
    contents: list[tuple[str, int]] = field(default_factory=list)  # each contents entry and the page it prints
    warnings: list[str] = field(default_factory=list)
    pdf: bytes = b""  # the file written from this layout


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def _text(box) -> str:
    return "".join(getattr(b, "text", "") for b in _boxes(box)).strip()


def _bookmarks(tree, found: list[tuple[str, int]]) -> None:
    for label, (page, _x, _y), children, _state in tree:
        found.append((label, page + 1))
        _bookmarks(children, found)


def _contents(pdf: bytes, last_page: int) -> list[tuple[str, int]]:
    """The table of contents as pdftotext reads it: each entry's text and the page number printed after it."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", "-l", str(last_page), str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    entries = []
    for line in text.splitlines():
        match = re.match(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", line)
        if match:
            entries.append((match.group(1), int(match.group(2))))
    return entries


def contents_disagreeing(layout: Layout) -> list[tuple[str, int, int | None]]:
    """Contents entries whose printed page is not the page of their heading: (entry, printed, found).

    Entries and headings are walked in order, so a heading text used twice is matched to its own occurrence."""
    wrong, position = [], 0
    for label, printed in layout.contents:
        found = next((i for i in range(position, len(layout.headings)) if layout.headings[i][0] == label), None)
        if found is None:
            wrong.append((label, printed, None))
            continue
        position = found + 1
        if layout.headings[found][1] != printed:
            wrong.append((label, printed, layout.headings[found][1]))
    return wrong


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def laid_out(report: Report) -> Layout:
    """Lay the report out as its PDF is laid out, and read back where everything went (and what WeasyPrint
    warned of while doing it)."""
    from weasyprint import HTML

    logger, caught = logging.getLogger("weasyprint"), _Warnings()
    logger.addHandler(caught)
    try:
        document = HTML(string=render.page(report, pictures=True), base_url=str(settings.BASE_DIR)).render()
        pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    finally:
        logger.removeHandler(caught)
    layout = Layout(pages=len(document.pages), warnings=caught.messages, pdf=pdf)
    figures: dict[int, set[int]] = {}
    captioned: dict[int, set[str]] = {}
    for number, page in enumerate(document.pages, start=1):
        root = page._page_box
        right = root.margin_width() - root.margin_right  # the right edge of the page's writing area
        for box in _boxes(root):
            tag = getattr(box, "element_tag", "")
            if type(box).__name__ == "TableBox":
                over = box.position_x + box.margin_width() - right
                if over > 0.5:
                    caption = next((_text(b) for b in _boxes(box) if getattr(b, "element_tag", "") == "caption"), "")
                    layout.tables_past_the_margin.append((number, caption, round(over, 1)))
            if tag == "figure" and type(box).__name__ == "BlockBox":
                figures.setdefault(id(box.element), set()).add(number)
                key = (id(box.element), number)
                captioned.setdefault(key, set()).update(getattr(b, "element_tag", "") for b in _boxes(box))
    layout.figure_pages = list(figures.values())
    # A figure's picture and caption on one page: each page a figure lies on holds both.
    layout.figures_without_caption = sum(1 for tags in captioned.values() if not {"img", "figcaption"} <= tags)
    _bookmarks(document.make_bookmark_tree(), layout.headings)
    contents_end = next((page for label, page in layout.headings if label != "Innehåll" and page > 1), layout.pages)
    layout.contents = _contents(pdf, last_page=contents_end)
    return layout
