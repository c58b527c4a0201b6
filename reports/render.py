"""Rendering a report's plain content as HTML (web preview and PDF) and as Word.

The same content objects feed all three, so the numbers cannot differ between formats.
"""

from __future__ import annotations

import base64
import io
import logging
import multiprocessing
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from copy import deepcopy
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.package import ImageParts
from docx.parts.image import ImagePart
from docx.shared import Cm, Pt, RGBColor
from docxtpl import DocxTemplate

from core import charts, formatting
from organisation.models import GraphicProfile

from .content import Figure, Paragraph, Report, Table

# The placeholders a municipality's own Word template may use (documented on the template page and in the README).
PLACEHOLDERS = {
    "titel": "the document's title, e.g. Tertialrapport augusti 2026",
    "undertitel": "the subtitle (report period or unit)",
    "kommun": "the municipality (MUNICIPALITY_NAME)",
    "enhet": "the unit the report covers",
    "period": "the period in words",
    "datum": "the date the version was generated, e.g. 15 september 2026",
    "handlaggare": "handläggare (tertialrapport)",
    "diarienummer": "ärendebeteckning (tertialrapport)",
    "innehall": "the whole generated content: write {{p innehall }} alone in a paragraph",
}


def _chart(report: Report, figure: Figure) -> charts.Chart:
    """The figure as an SVG chart for the page, drawn once per document (:func:`draw_charts`)."""
    drawn = report.__dict__.setdefault("_charts", {})
    if id(figure) not in drawn:
        drawn[id(figure)] = charts.chart(figure.kind, figure.chart)
    return drawn[id(figure)]


def _picture(report: Report, figure: Figure) -> tuple[bytes, str]:
    """The figure as a PNG and its alt text, drawn once per document: Word and the PDF of a version share it.

    Kept on the report object (not a global cache, which thrashed at thousands of charts) and keyed by the
    figure's identity, so the same report rendered to both formats draws each chart a single time."""
    drawn = report.__dict__.setdefault("_pictures", {})
    if id(figure) not in drawn:
        chart = charts.Chart(figure.chart, "", charts.alt_text(figure.chart), figure.kind)
        drawn[id(figure)] = (charts.png(chart), chart.alt)
    return drawn[id(figure)]


logger = logging.getLogger(__name__)

# Below this many charts a document draws them in its own process: starting helpers costs more than it saves.
PARALLEL_FROM = 24


def draw_pictures(report: Report) -> None:
    """Draw every chart of the document as a PNG (Word, PDF) not drawn yet, in parallel on the machine's cores
    when there are many (:func:`_in_parallel`), into the memo :func:`_picture` reads; a chart drawn recently
    (``core.charts.drawn``) is taken as it is."""
    drawn = report.__dict__.setdefault("_pictures", {})
    figures = [f for f in _figures(report) if id(f) not in drawn]
    pictures = {id(f): found for f in figures if (found := charts.drawn(f.kind, f.chart, "png")) is not None}
    new = [f for f in figures if id(f) not in pictures]
    wanted = [charts.Chart(f.chart, "", "", f.kind) for f in new]
    for figure, picture in zip(new, _in_parallel(charts.png, wanted), strict=True):
        charts.keep(figure.kind, figure.chart, "png", picture)  # drawn in a helper process: kept here too
        pictures[id(figure)] = picture
    for figure in figures:
        drawn[id(figure)] = (pictures[id(figure)], charts.alt_text(figure.chart))


def draw_charts(report: Report) -> None:
    """Draw every chart of the document as SVG (the page) not drawn yet, in parallel when there are many, into
    the memo :func:`_chart` reads; a chart drawn recently is taken as it is."""
    drawn = report.__dict__.setdefault("_charts", {})
    figures = [f for f in _figures(report) if id(f) not in drawn]
    for f in figures:
        if charts.drawn(f.kind, f.chart, "svg") is not None:
            drawn[id(f)] = charts.chart(f.kind, f.chart)
    new = [f for f in figures if id(f) not in drawn]
    for figure, chart in zip(
        new, _in_parallel(charts.chart, [f.kind for f in new], [f.chart for f in new]), strict=True
    ):
        charts.keep(figure.kind, figure.chart, "svg", chart.svg)  # drawn in a helper process: kept here too
        drawn[id(figure)] = chart


def _figures(report: Report) -> list[Figure]:
    return [block for section in report.sections for block in section.blocks if isinstance(block, Figure)]


def _in_parallel(function, *arguments: list) -> list:
    """``function`` over the argument lists, in one process per core when there are PARALLEL_FROM items or more
    (matplotlib draws in one thread at a time), else here; here too when helper processes cannot be started."""
    count = len(arguments[0])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if count < PARALLEL_FROM or cores < 2:
        return list(map(function, *arguments))
    # forkserver, not fork: the web server and the task worker hold database connections and threads.
    context = multiprocessing.get_context("forkserver")
    try:
        with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
            return list(pool.map(function, *arguments, chunksize=max(1, count // (cores * 4))))
    except (BrokenProcessPool, OSError):  # no helper processes here (a sandbox, a limit)
        logger.warning("Charts drawn in one process: helper processes could not be started", exc_info=True)
        return list(map(function, *arguments))


def _sources(report: Report) -> dict[str, Any]:
    return {s.key: s for s in report.sources}


# Ids the document itself uses after the sections (signatures and bilagor, the appendix of sources).
FIXED_ANCHORS = ("innehall", "underskrifter", "kallor")
# A table with more columns than this is laid out on a landscape page (PDF) and in smaller type (Word).
WIDE_COLUMNS = 7


# A table with this many rows is laid out with fixed column widths: the automatic layout measures every cell's
# every possible line break first, minutes for a register of thousands of rows.
LONG_TABLE = 50
WIDTH_STEP = 5  # per cent: the widths a long table's columns are given (classes w5 … w100 in DOCUMENT_CSS)


# A run of this many characters without a space (an address, a code, pasted garbage) gets a break opportunity
# after every BREAK_EVERY of them, so that no table column has to be as wide as the run (see breakable()).
LONG_RUN = re.compile(r"\S{30,}")
BREAK_EVERY = 15
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """A table cell's text with an invisible break opportunity inside each long run without a space.

    Cells wrap with ``overflow-wrap: break-word``, which WeasyPrint lays out quickly but which leaves a column as
    wide as its longest unbreakable run; ``overflow-wrap: anywhere`` would bound the width by measuring every
    character as a possible break, which made the automatic table layout five to eight times slower on ordinary
    text (and with ``hyphens: auto`` tens of seconds for one long word). A zero-width space every BREAK_EVERY
    characters of a long run keeps both: short layout times and every column on the page."""
    return LONG_RUN.sub(
        lambda run: ZERO_WIDTH_SPACE.join(run[0][i : i + BREAK_EVERY] for i in range(0, len(run[0]), BREAK_EVERY)),
        text,
    )


def column_widths(table: Table, sample: int = 200) -> list[int]:
    """Each column's share of a long table's width, in steps of WIDTH_STEP per cent: by the longest text in the
    header and the first ``sample`` rows (capped, so one long comment does not take the page), at least one step."""
    longest = [min(len(text), 60) + 4 for text in table.header]
    for row in table.rows[:sample]:
        for column, text in enumerate(row):
            longest[column] = max(longest[column], min(len(text), 60) + 4)
    total = sum(longest)
    widths = [max(WIDTH_STEP, round(100 * length / total / WIDTH_STEP) * WIDTH_STEP) for length in longest]
    while sum(widths) > 100:  # rounding up may overshoot: take a step from the widest
        widths[widths.index(max(widths))] -= WIDTH_STEP
    return widths


def anchors(report: Report) -> list[str]:
    """One id per section, unique in the document: a key used twice (or one of the fixed ids) gets a number,
    so the table of contents and every link lead to the section they name."""
    used = set(FIXED_ANCHORS)
    result = []
    for section in report.sections:
        anchor, number = section.key or "avsnitt", 2
        while anchor in used:
            anchor, number = f"{section.key or 'avsnitt'}-{number}", number + 1
        used.add(anchor)
        result.append(anchor)
    return result


def view_model(report: Report, pictures: bool = False) -> list[dict[str, Any]]:
    """The sections with each block ready for the HTML template (cells, links, data URIs); charts as SVG, or
    as PNG pictures with ``pictures`` (for the PDF)."""
    sources = _sources(report)
    if pictures:
        draw_pictures(report)
    else:
        draw_charts(report)
    prepared = []
    for section, anchor in zip(report.sections, anchors(report), strict=True):
        blocks = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                blocks.append({"kind": "paragraph", "text": block.text, "suggested": block.suggested})
            elif isinstance(block, Table):
                source = sources.get(block.source)
                rows = [
                    {
                        "total": index in block.total_rows,
                        "cells": [
                            {
                                "text": breakable(text),
                                "numeric": column in block.numeric,
                                "link": block.links.get(f"{index},{column}", ""),
                            }
                            for column, text in enumerate(row)
                        ],
                    }
                    for index, row in enumerate(block.rows)
                ]
                blocks.append(
                    {
                        "kind": "table",
                        "wide": len(block.header) > WIDE_COLUMNS,
                        "widths": column_widths(block) if len(block.rows) >= LONG_TABLE else [],
                        "caption": block.caption,
                        "header": [breakable(text) for text in block.header],
                        "numeric": block.numeric,
                        "cells": rows,
                        "source_text": f"{source.title} ({source.period})" if source else "",
                        "source_url": source.url if source else "",
                    }
                )
            else:
                if pictures:
                    picture, alt = _picture(report, block)
                    uri = "data:image/png;base64," + base64.b64encode(picture).decode()
                else:
                    chart = _chart(report, block)
                    uri, alt = chart.data_uri, chart.alt
                blocks.append(
                    {
                        "kind": "figure",
                        "data_uri": uri,
                        "alt": alt,
                        "caption": block.chart.title,
                    }
                )
        prepared.append({**section.__dict__, "anchor": anchor, "blocks": blocks})
    return prepared


def html(
    report: Report,
    *,
    preview: bool = False,
    edit_url: str = "",
    editable: bool = False,
    pictures: bool = False,
    profile: GraphicProfile | None = None,
) -> str:
    """The document as an HTML fragment (an <article>), with the graphic profile's logo on the cover."""
    model = {**report.__dict__, "sections": view_model(report, pictures)}
    logo = (profile or GraphicProfile()).logo_data_uri
    return render_to_string(
        "reports/document.html",
        {"report": model, "preview": preview, "edit_url": edit_url, "editable": editable, "logo": logo},
    )


def page(report: Report, *, pictures: bool = False, profile: GraphicProfile | None = None) -> str:
    """The document as a whole, self-contained HTML page with its own stylesheet (the HTML download and the PDF's
    source): it reads the same in a browser, printed, or as the PDF, with nothing fetched from elsewhere — the
    profile's logo and font travel inside it."""
    profile = profile or GraphicProfile()
    return (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{escape(report.title)}</title>'
        f'<meta name="author" content="{escape(report.organisation)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{DOCUMENT_CSS}{profile_css(profile, font_url=font_data_uri(profile))}</style></head>"
        f"<body>{html(report, pictures=pictures, profile=profile)}</body></html>"
    )


_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _colour(value: str, default: str) -> str:
    # Checked again here: a value saved past the form (shell, import) must not reach a stylesheet unchecked.
    return value if _HEX_COLOUR.match(value or "") else default


def _css_name(value: str) -> str:
    """A font family name as it may stand quoted in CSS: letters, digits, spaces and dashes only."""
    return re.sub(r"[^\w \-]", "", value or "").strip() or GraphicProfile.DEFAULT_FONT


def font_data_uri(profile: GraphicProfile) -> str:
    """The profile's uploaded font as a ``data:`` URI, or "" when the standard font is used."""
    if not profile.font:
        return ""
    return f"data:{font_type(profile)};base64,{base64.b64encode(bytes(profile.font)).decode()}"


def font_type(profile: GraphicProfile) -> str:
    """The media type of the profile's font: OpenType with CFF outlines begins "OTTO", else TrueType."""
    return "font/otf" if bytes(profile.font[:4]) == b"OTTO" else "font/ttf"


def profile_css(profile: GraphicProfile, *, font_url: str = "") -> str:
    """The graphic profile as CSS laid over DOCUMENT_CSS: the font (from ``font_url`` when one was uploaded), the
    colour of headings and of table headers, and the logo in the header of every printed page. Every selector is
    within the document, so the web preview can link the same rules without restyling the application."""
    primary = _colour(profile.primary_colour, GraphicProfile.DEFAULT_PRIMARY)
    accent = _colour(profile.accent_colour, GraphicProfile.DEFAULT_ACCENT)
    family = _css_name(profile.font_family)
    fonts = f'"{family}", "DejaVu Sans", sans-serif'
    rules = []
    if font_url:
        rules.append(f'@font-face {{ font-family: "{family}"; src: url("{font_url}"); }}')
    rules += [
        f".report-document {{ font-family: {fonts}; }}",
        f"@page {{ @bottom-right {{ font-family: {fonts}; }} @bottom-left {{ font-family: {fonts}; }}"
        " @top-right { content: element(logo); } }",
        f".report-document .report-title, .report-document h2, .report-document h3, .report-document h4"
        f" {{ color: {primary}; }}",
        f".report-document .report-table thead th {{ background: {accent}; }}",
    ]
    return "\n".join(rules) + "\n"


DOCUMENT_CSS = """
@page { size: A4; margin: 2.2cm 2cm 2.4cm 2.2cm;
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-family: "DejaVu Sans"; font-size: 8pt; }
  @bottom-left { content: string(doctitle); font-family: "DejaVu Sans"; font-size: 8pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; color: #111;
  overflow-wrap: break-word; }
.report-title { string-set: doctitle content(); font-size: 22pt; margin: 3cm 0 0.3cm; }
.report-cover { page-break-after: always; }
.report-organisation { font-weight: bold; }
.report-toc { page-break-after: always; }
.report-toc ol { list-style: none; padding: 0; }
.report-toc a { color: #111; text-decoration: none; }
.report-toc a::after { content: leader('.') target-counter(attr(href), page); }
.report-toc .toc-level-2 { margin-left: 1.2em; } .report-toc .toc-level-3 { margin-left: 2.4em; }
h2 { font-size: 15pt; margin-top: 1.2em; bookmark-level: 1; page-break-after: avoid; }
h3 { font-size: 12pt; bookmark-level: 2; page-break-after: avoid; }
h4 { font-size: 10.5pt; bookmark-level: 3; page-break-after: avoid; }
@page landscape { size: A4 landscape; }
.table-wrap.wide { page: landscape; }
.report-table { border-collapse: collapse; width: 100%; margin: 0.6em 0 0.2em; font-size: 8.5pt; }
.report-table th, .report-table td { hyphens: auto; overflow-wrap: break-word; }
.report-table caption { text-align: left; font-weight: bold; margin-bottom: 0.2em; }
.report-table th, .report-table td { border: 0.5pt solid #777; padding: 2pt 4pt; vertical-align: top; text-align: left; }
.report-table thead th { background: #e8eef2; }
.report-table.long { table-layout: fixed; }
.report-table thead { display: table-header-group; }
.report-table tr { page-break-inside: avoid; }
.report-table .num { text-align: right; }
.report-table td.num { white-space: nowrap; }
.report-table tr.total th, .report-table tr.total td { font-weight: bold; }
.report-source { font-size: 7.5pt; color: #444; margin-top: 0; }
.report-figure { margin: 0.6em 0; page-break-inside: avoid; break-inside: avoid; }
.report-figure img { width: 100%; max-height: 9cm; object-fit: contain; }
.report-figure figcaption { page-break-before: avoid; }
.report-figure figcaption { font-size: 8pt; color: #444; }
.report-front { display: block; } .report-front div { margin: 0.2em 0; }
.report-front dt { display: inline; font-weight: bold; } .report-front dt::after { content: ": "; }
.report-front dd { display: inline; margin: 0; }
.report-figure img { height: auto; }
.report-logo img { max-height: 2.5cm; max-width: 8cm; }
.report-running-logo { position: running(logo); } .report-running-logo img { height: 1cm; }
@media screen {
  .report-running-logo { display: none; }
  .table-wrap { overflow-x: auto; }
  body { max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem; }
  .report-cover, .report-toc { border-bottom: 1px solid #ccc; padding-bottom: 1rem; margin-bottom: 1rem; }
  .report-title { margin-top: 1rem; }
}
"""


DOCUMENT_CSS += "".join(f".report-table col.w{n} {{ width: {n}%; }}" for n in range(WIDTH_STEP, 101, WIDTH_STEP))


def pdf(report: Report, profile: GraphicProfile | None = None) -> bytes:
    """The document as a tagged PDF (PDF/UA-1 as far as WeasyPrint goes) with page numbers and bookmarks, in the
    graphic profile (logo on the cover and in the header, colours, the uploaded font embedded)."""
    return pdf_of(page(report, pictures=True, profile=profile))


def _linear_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` answer from a tuple kept until a page is added.

    WeasyPrint asks for it once per tagged box when it writes a tagged (PDF/UA) file, and pydyf 0.13 builds the
    tuple of every page's reference each time: pages × boxes, 84 s of a 930-page plan on the bench. The same
    tuple, built once per page count."""
    import pydyf

    built = pydyf.PDF.page_references
    if getattr(built, "kept", False):
        return

    def page_references(pdf) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        kept = pdf.__dict__.get("_kept_page_references")
        if kept is None or kept[0] != len(kids):
            kept = (len(kids), built.fget(pdf))
            pdf.__dict__["_kept_page_references"] = kept
        return kept[1]

    page_references.kept = True
    pydyf.PDF.page_references = property(page_references)


def pdf_of(source: str) -> bytes:
    """The PDF of a page made by :func:`page` with pictures: a version stores that page as its HTML too, so the
    download and the PDF are one layout, each chart drawn once."""
    from weasyprint import HTML

    _linear_page_references()
    return HTML(string=source, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")


# --- Word ----------------------------------------------------------------------------------------------------


def default_template(profile: GraphicProfile | None = None) -> bytes:
    """The template that ships: A4, the placeholders on a cover page, the content after it — in the graphic
    profile: its logo on the cover and in the header, its colour on the title and headings, its font by name
    (Word shows it where the font is installed, else a substitute)."""
    profile = profile or GraphicProfile()
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.4)
    normal = document.styles["Normal"]
    normal.font.name = _css_name(profile.font_family) if profile.font else "Calibri"
    normal.font.size = Pt(11)
    primary = RGBColor.from_string(_colour(profile.primary_colour, GraphicProfile.DEFAULT_PRIMARY)[1:])
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.color.rgb = primary
        if profile.font:
            document.styles[name].font.name = normal.font.name
    header = section.header.paragraphs[0]
    if profile.logo:
        _logo(header.add_run(), profile, Cm(1))
        header.add_run("  ")
    header.add_run("{{ kommun }}")
    footer = section.footer.paragraphs[0]
    footer.text = "{{ titel }} · sida "
    _field(footer, "PAGE")
    if profile.logo:
        _logo(document.add_paragraph().add_run(), profile, Cm(2.5))
    document.add_paragraph("{{ kommun }}")
    document.add_paragraph("{{ titel }}", style="Title")
    document.add_paragraph("{{ undertitel }}", style="Subtitle")
    document.add_paragraph("{{ enhet }} · {{ period }}")
    document.add_paragraph("Genererad {{ datum }}")
    document.add_page_break()
    document.add_paragraph("{{p innehall }}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _logo(run, profile: GraphicProfile, height) -> None:
    """The profile's logo as a picture of ``height`` in ``run``, with its alt text."""
    run.add_picture(io.BytesIO(bytes(profile.logo)), height=height)
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", "{{ kommun }} logotyp")


def _field(paragraph, code: str, placeholder: str = "") -> None:
    """A Word field (page number, table of contents) that Word fills in when the document is opened."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = code
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, text, end):
        run._r.append(element)


def _style(document, name: str, fallback: str | None = None) -> str | None:
    names = {s.name for s in document.styles}
    return name if name in names else fallback


def _page_break_section(target, page, landscape: bool) -> None:
    """End the section so far with a paragraph carrying its page setup (Word's section break): a copy of the
    template's ``page`` (w:sectPr), turned to landscape or kept upright. The section after a landscape one starts
    on a new page upright again, with the template's margins, headers and footers."""
    section = deepcopy(page)
    size = section.find(qn("w:pgSz"))
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    long_side, short_side = max(width, height), min(width, height)
    size.set(qn("w:w"), str(long_side if landscape else short_side))
    size.set(qn("w:h"), str(short_side if landscape else long_side))
    if landscape:
        size.set(qn("w:orient"), "landscape")
        for first_page in section.findall(qn("w:titlePg")):  # a cover's own first page belongs to the first section
            section.remove(first_page)
    elif size.get(qn("w:orient")):
        del size.attrib[qn("w:orient")]
    kind = section.find(qn("w:type"))
    if kind is None:
        kind = OxmlElement("w:type")
        section.insert(0, kind)
    kind.set(qn("w:val"), "nextPage")
    target.add_paragraph()._p.get_or_add_pPr().append(section)


def _add_table(target, document, table: Table, source_text: str, page=None) -> None:
    """A table with its caption, repeated header row and source; a wide one on landscape pages of its own when
    the template's ``page`` setup is given (as the PDF lays it out)."""
    wide = len(table.header) > WIDE_COLUMNS
    if wide and page is not None:
        _page_break_section(target, page, landscape=False)
    caption = target.add_paragraph(table.caption, style=_style(document, "Caption"))
    caption.runs[0].bold = True
    caption.paragraph_format.keep_with_next = True
    grid = target.add_table(rows=1 + len(table.rows), cols=len(table.header))
    style = _style(document, "Table Grid")
    if style:
        grid.style = style
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    header_row = grid.rows[0]
    # A repeated header row on every page, marked as such for screen readers.
    properties = header_row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)
    for column, text in enumerate(table.header):
        cell = header_row.cells[column]
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # Rows are walked, not indexed: grid.rows[i] walks the table from its start each time (quadratic).
    for index, (grid_row, row) in enumerate(zip(list(grid.rows)[1:], table.rows, strict=True)):
        for cell, (column, text) in zip(grid_row.cells, enumerate(row), strict=True):
            cell.text = text
            paragraph = cell.paragraphs[0]
            if column in table.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.bold = index in table.total_rows or None
                if wide:
                    run.font.size = Pt(8)
    if wide:
        for cell in header_row.cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)
    if source_text:
        note = target.add_paragraph(f"Källa: {source_text}")
        for run in note.runs:
            run.font.size = Pt(8)
    if wide and page is not None:
        _page_break_section(target, page, landscape=True)


def _add_figure(target, report: Report, figure: Figure) -> None:
    picture, alt = _picture(report, figure)
    paragraph = target.add_paragraph()
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(picture), width=Cm(16))
    paragraph.paragraph_format.keep_with_next = True  # the chart stays on the page of its caption
    # The picture's alt text: Word reads it from docPr's descr (Alternativ text in Word).
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", alt)
        doc_pr.set("title", figure.chart.title)
    target.add_paragraph(figure.chart.title, style=_style(target, "Caption") if hasattr(target, "styles") else None)


class HashedImageParts(ImageParts):
    """python-docx's collection of a package's pictures, found by hash in a dict.

    The library compares a new picture with every earlier one, hashing each again, and numbers it by scanning
    every earlier name: quadratic, minutes at a few thousand charts. The same answers, each in constant time."""

    def __init__(self, parts: Iterable[ImagePart] = ()):
        super().__init__()
        self._by_sha1: dict[str, ImagePart] = {}
        self._last_number = 0
        for part in parts:
            self.append(part)

    def append(self, item: ImagePart) -> None:
        super().append(item)
        self._by_sha1.setdefault(item.sha1, item)
        self._last_number = max(self._last_number, item.partname.idx or 0)

    def _get_by_sha1(self, sha1: str) -> ImagePart | None:
        return self._by_sha1.get(sha1)

    def _next_image_partname(self, ext: str) -> PackURI:
        return PackURI(f"/word/media/image{self._last_number + 1}.{ext}")


def _hashed_pictures(package) -> None:
    """Give a package the constant-time picture collection (``image_parts`` is a lazy property: set it)."""
    if not isinstance(package.image_parts, HashedImageParts):
        package.__dict__["image_parts"] = HashedImageParts(list(package.image_parts))


def docx(report: Report, template: bytes | None = None, profile: GraphicProfile | None = None) -> bytes:
    """The document as Word: the template's cover and styles (the municipality's own template, or the default in
    the graphic profile), then a table of contents, real headings, tables with header rows, charts as pictures
    with alt text, and the appendix "Underlag"."""
    draw_pictures(report)
    template_file = DocxTemplate(io.BytesIO(template or default_template(profile)))
    body = template_file.new_subdoc()
    document = body.subdocx if hasattr(body, "subdocx") else body
    for package in (template_file.docx.part.package, document.part.package):
        _hashed_pictures(package)
    page = template_file.docx.sections[-1]._sectPr  # the template's page setup, for landscape sections
    toc_heading = body.add_paragraph("Innehåll", style=_style(document, "TOC Heading", _style(document, "Heading 1")))
    toc_heading.runs[0].bold = True
    _field(body.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', "Uppdatera fältet (F9) för att visa innehållet.")
    if report.front:
        for label, value in report.front.items():
            paragraph = body.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value or "–")
    if report.aggregates_only:
        body.add_paragraph("Versionen innehåller endast sammanställda uppgifter.")
    sources = _sources(report)
    for section in report.sections:
        body.add_heading(section.heading, level=min(section.level, 3))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                body.add_paragraph(block.text)
            elif isinstance(block, Table):
                source = sources.get(block.source)
                source_text = f"{source.title} ({source.period})" if source else ""
                _add_table(body, document, block, source_text, page=page)
            else:
                _add_figure(body, report, block)
    if report.signatures:
        body.add_heading("Underskrifter", level=1)
        for line in report.signatures:
            body.add_paragraph(line)
    if report.attachments:
        body.add_heading("Bilagor", level=1)
        for number, line in enumerate(report.attachments, start=1):
            body.add_paragraph(f"{number}. {line}")
    body.add_heading("Underlag", level=1)
    _add_table(
        body,
        document,
        Table(
            "Varje tabells och figurs källa, period och regel",
            ["Uppgift", "Källa", "Period", "Regel"],
            [[s.title, s.records, s.period, s.rule or "–"] for s in report.sources],
        ),
        "",
    )
    template_file.render(
        {
            "titel": report.title,
            "undertitel": report.subtitle,
            "kommun": report.organisation,
            "enhet": report.unit,
            "period": report.period,
            "datum": formatting.long_date(timezone.localdate()),
            "handlaggare": report.front.get("Handläggare", ""),
            "diarienummer": report.front.get("Ärendebeteckning", ""),
            "innehall": body,
        }
    )
    settings_element = template_file.docx.settings.element
    update = OxmlElement("w:updateFields")  # Word offers to fill in the table of contents on opening
    update.set(qn("w:val"), "true")
    settings_element.append(update)
    buffer = io.BytesIO()
    template_file.save(buffer)
    return buffer.getvalue()
