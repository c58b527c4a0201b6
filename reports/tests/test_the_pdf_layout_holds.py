"""The PDF's layout holds for any data: tables within the page, a true table of contents, charts with their
captions, no warnings from the layout engine; Word and PDF share one drawing of each chart."""

import io
import os
import zipfile

import pytest
from docx.oxml.ns import qn

from core import charts
from core.charts import ChartData, Series
from core.document import Figure, Paragraph, Section, Table
from reports import render
from reports.content import Report

from .layout import contents_disagreeing, laid_out, made_up

LONG_NAME = "Myndighetsenheten för barn, unga och familjer med särskilt stöd"
MONTHS = ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober"]


def _wide_table(rows: int) -> Table:
    header = ["Enhet", *[f"Barnavårdsutredningar {m}" for m in MONTHS], "Klagomål", "Synpunkter", "Totalt"]
    body = [[f"{LONG_NAME} {n}", *[str(1000 + n * c) for c in range(len(header) - 1)]] for n in range(rows)]
    return Table("Ärenden per enhet och månad", header, body, source="arenden", numeric=list(range(1, len(header))))


def _figure(n: int) -> Figure:
    data = ChartData(
        f"Andel utredningar inom fyra månader, enhet {n}",
        ["T1 2025", "T2 2025", "T3 2025", "T1 2026", "T2 2026"],
        [Series("Andel", [71.0 + n, 74.0, 69.5, 72.0, 80.0])],
        value_label="Andel (%)",
    )
    return Figure(data, kind="line", source="arenden")


def _report() -> Report:
    """Everything that used to break the layout: a 14-column table of long names, charts between paragraphs,
    a section key used twice and sections whose keys are the document's own ids."""
    text = Paragraph("Verksamheten har under perioden arbetat med att korta utredningstiderna. " * 12)
    sections = [
        Section("sammanfattning", "Sammanfattning", 1, [text]),
        Section("underlag", "Underlag för bedömning", 1, [text, _wide_table(40)]),
        Section("kallor", "Källor i verksamheten", 2, [text]),
        Section("underlag", "Underlag för uppföljning", 1, [text]),
    ]
    for n in range(6):
        sections.append(Section(f"indikator-{n}", f"Indikator {n}", 2, [text, _figure(n), text]))
    return made_up(sections)


@pytest.fixture(scope="module")
def layout():
    """The made-up report laid out once for the module's layout tests."""
    return laid_out(_report())


def test_a_wide_table_of_long_names_keeps_every_column_on_the_page(layout):

    assert layout.tables_past_the_margin == []


def test_the_table_of_contents_gives_the_page_each_heading_is_on_also_when_two_sections_share_a_key(layout):
    report = _report()

    assert [label for label, _ in layout.contents] == [s.heading for s in report.sections] + ["Underlag"]
    assert contents_disagreeing(layout) == []
    assert len(set(render.anchors(report))) == len(report.sections)


def test_no_chart_is_parted_from_its_caption_and_the_layout_engine_warns_of_nothing(layout):

    assert len(layout.figure_pages) == 6
    assert all(len(pages) == 1 for pages in layout.figure_pages)
    assert layout.figures_without_caption == 0
    assert layout.warnings == []


@pytest.fixture
def no_recent_drawings(monkeypatch):
    """Charts are remembered across documents (core.charts); these tests watch them being drawn."""
    monkeypatch.setattr(charts, "_drawn", {})


def test_a_share_is_drawn_on_an_axis_from_zero(no_recent_drawings):
    import matplotlib.pyplot as plt

    captured = {}
    original = plt.close

    def keep(fig):
        captured["ylim"] = fig.axes[0].get_ylim()
        original(fig)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plt, "close", keep)
        charts.png(charts.Chart(_figure(0).chart, "", "", "line"))

    assert captured["ylim"][0] == 0


def test_word_and_pdf_of_one_report_draw_each_chart_once(monkeypatch, no_recent_drawings):
    drawn = []
    original = charts.png
    monkeypatch.setattr(charts, "png", lambda chart: drawn.append(chart.data.title) or original(chart))
    report = _report()

    word = render.docx(report)
    render.pdf(report)

    assert sorted(drawn) == sorted(s.blocks[1].chart.title for s in report.sections if s.key.startswith("indikator"))
    media = [n for n in zipfile.ZipFile(io.BytesIO(word)).namelist() if n.startswith("word/media/")]
    assert len(media) == 6


def test_the_same_picture_is_stored_once_and_each_new_one_gets_a_new_name():
    from docx import Document

    document = Document()
    render._hashed_pictures(document.part.package)
    one, other = (charts.png(charts.Chart(_figure(n).chart, "", "", "line")) for n in (1, 2))
    for picture in (one, other, one, other, one):
        document.add_picture(io.BytesIO(picture))
    buffer = io.BytesIO()
    document.save(buffer)

    media = sorted(n for n in zipfile.ZipFile(buffer).namelist() if n.startswith("word/media/"))
    assert media == ["word/media/image1.png", "word/media/image2.png"]


def test_in_word_a_wide_table_has_landscape_pages_of_its_own_and_captions_keep_with_what_they_name():
    from docx import Document
    from docx.enum.section import WD_ORIENT

    document = Document(io.BytesIO(render.docx(_report())))

    orientations = [section.orientation for section in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = document.sections[1]
    assert landscape.page_width > landscape.page_height
    captions = [p for p in document.paragraphs if p.text == "Ärenden per enhet och månad"]
    assert captions and all(p.paragraph_format.keep_with_next for p in captions)
    pictures = [p for p in document.paragraphs if p._p.findall(".//" + qn("w:drawing"))]
    assert len(pictures) == 6 and all(p.paragraph_format.keep_with_next for p in pictures)


def test_many_charts_are_drawn_in_parallel_into_the_same_pictures(monkeypatch, no_recent_drawings):
    sections = [Section(f"indikator-{n}", f"Indikator {n}", 1, [_figure(n)]) for n in range(render.PARALLEL_FROM + 2)]
    report = made_up(sections)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)  # two cores, whatever here
    pools = []

    class CountedPool(render.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pools.append(kwargs["max_workers"])

    monkeypatch.setattr(render, "ProcessPoolExecutor", CountedPool)

    render.draw_pictures(report)

    assert pools == [2]
    figures = [s.blocks[0] for s in sections]
    drawn = report.__dict__["_pictures"]
    assert set(drawn) == {id(f) for f in figures}
    first = figures[0]
    assert drawn[id(first)][0] == charts._draw_lines(first.chart, "png")  # as drawn in one process
    assert charts.drawn("line", first.chart, "png") == drawn[id(first)][0]  # and remembered here for the next


def test_a_chart_drawn_for_one_document_is_taken_as_it_is_by_the_next(monkeypatch, no_recent_drawings):
    made = []
    original = charts._draw_lines
    monkeypatch.setattr(charts, "_draw_lines", lambda data, fmt="svg": made.append(fmt) or original(data, fmt))
    first, second = _report(), _report()

    render.docx(first)
    render.html(second)
    render.docx(second)

    assert sorted(made) == ["png"] * 6 + ["svg"] * 6  # the second document drew nothing in a format drawn before
    assert second.__dict__["_pictures"].keys() != first.__dict__["_pictures"].keys()  # each keeps its own memo


def test_a_long_register_gets_fixed_columns_and_keeps_every_column_on_the_page():
    header = ["Risk", "Egenkontroll", "Syfte", "Åtgärder", "Vad ska göras"]
    body = [
        [f"{LONG_NAME} risk {n}", f"Aktgranskning {n}", "Att se att tiden hålls. " * 3, "–", "Granska tio akter."]
        for n in range(render.LONG_TABLE + 10)
    ]
    table = Table("Kvalitetsplan per område", header, body, source="arenden")
    widths = render.column_widths(table)
    assert sum(widths) <= 100 and min(widths) >= render.WIDTH_STEP and widths[2] > widths[3]
    report = made_up([Section("plan", "Plan", 1, [table])], "kvalitetsplan", "Kvalitetsplan 2026")
    assert 'class="report-table long"' in render.page(report)
    layout = laid_out(report)
    assert layout.tables_past_the_margin == [] and layout.warnings == []


def test_page_references_are_the_librarys_own_built_once_per_page_count():
    import pydyf

    render._linear_page_references()
    document = pydyf.PDF()
    for _ in range(3):
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    references = document.page_references
    assert references == tuple(f"{n} 0 R".encode() for n in document.pages["Kids"][::3])
    assert document.page_references is references  # kept
    document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(document.page_references) == 4  # a new page: built again


ADDRESS = "https://www.socialstyrelsen.se/kunskapsstod-och-regler/regler-och-riktlinjer/foreskrifter-och-allmanna-rad/"


def test_a_long_run_without_spaces_gets_break_opportunities_and_its_table_stays_on_the_page():
    # Without them, WeasyPrint tries every hyphenation of the run on every line: a minute for a few such cells.
    cells = [["Å" * 300, ADDRESS, "Uppföljd"], ["Kort text", "12", ADDRESS + "x" * 40]]
    table = Table("Hänvisningar", ["Namn", "Adress", "Status"], cells, source="arenden")
    report = made_up([Section("kallor", "Källor", 1, [Paragraph("Ö" * 400), table])])

    assert "Å" * 15 + render.ZERO_WIDTH_SPACE + "Å" * 15 in render.page(report, pictures=True)
    assert laid_out(report).tables_past_the_margin == []
    assert render.breakable(ADDRESS).replace(render.ZERO_WIDTH_SPACE, "") == ADDRESS
    assert render.breakable(LONG_NAME) == LONG_NAME  # ordinary words are left as they are


def test_remembering_a_drawing_again_pushes_no_other_drawing_out(monkeypatch, no_recent_drawings):
    monkeypatch.setattr(charts, "DRAWN_MAX", 2)
    one, two = _figure(1).chart, _figure(2).chart
    charts.keep("line", one, "png", b"1")
    charts.keep("line", two, "png", b"2")
    charts.keep("line", two, "png", b"2")  # as draw_pictures does after a drawing made here
    assert charts.drawn("line", one, "png") == b"1"
