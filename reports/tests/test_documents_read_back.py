"""Each document generated from records built here, read back from Word (python-docx) and PDF (pdftotext):
every section in order, every table's figures equal to those computed from the records, Swedish formatting,
and charts with alt text."""

import os
import re
import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from django.utils import translation

from core.formatting import plain
from organisation.models import Unit
from reports import generate, render
from reports.tests.layout import contents_disagreeing, laid_out
from reports.tests.records import YEAR

TERTIAL_SECTIONS = [
    "Förslag till beslut",
    "Bakgrund",
    "Sammanfattning",
    "Verksamhetsplan",
    "Väsentliga händelser",
    "Prognos",
    "Driftredovisning",
    "Investeringsredovisning",
    "Åtgärder och konsekvenser",
    "Väsentliga personalförhållanden",
    "Personalsammansättning",
    "Sjukfrånvaro",
    "Kvalitet, styrning och kontroll",
    "Lex Sarah",
    "Synpunkter och klagomål",
    "Ej verkställda beslut",
    "Egenkontroller",
    f"Bilaga: Tertialuppföljning verksamhetsplan {YEAR}",
    "Fokusområden och mål",
    "Fokusområde – Hög kvalitet i välfärden",
    "Långsiktigt mål – Socialtjänstens stöd",
    "Kvalitetsmål – Kunskapsbaserad vård och omsorg",
    "Utvecklingsområde – Möjliggöra självständighet utifrån förmåga",
    "Uppdrag – Avhopparverksamhet",
    "Kvalitetsindikatorer",
    "Bilagor",
    "Underlag",
]
STORY_SECTIONS = [
    "Inledning",
    "Grundläggande förutsättningar",
    "Uppdrag och organisation",
    "Målgrupper",
    "Ansvar och roller",
    "Definition av kvalitet",
    "Underlag för bedömning",
    "Förutsättningar",
    "Särskilda händelser",
    "Fokusområden",
    "Förebyggande verksamhet",
    "Stöd till barn och unga",
    "Lättillgängligt stöd till vuxna",
    "Utredning",
    "Utförande av insatser",
    "Systematiskt förbättringsarbete",
    "Avvikelser",
    "Lex Sarah",
    "Avvikelser från privata utförare",
    "Analys av avvikelser",
    "Synpunkter och klagomål",
    "Analys av synpunkter och klagomål",
    "Riskhantering",
    "Egenkontroller",
    "Revisioner och granskningar",
    "Egna uppföljningar",
    "Uppföljning och resultat",
    "Statistik",
    "Brukarundersökningar",
    "Individbaserad systematisk uppföljning",
    "Kvalitetsindikatorer",
    "Bedömning av kvalitet",
    "Förebyggande verksamhet",
    "Utredning",
    "Utförande av insatser",
    "Utförande av insatser hos privata utförare",
    "Förbättringsområden",
    "Underlag",
]
PLAN_SECTIONS = [
    "Inledning",
    "Målgrupper",
    "Vad är kvalitet i verksamheten?",
    "Syfte med kvalitetsarbetet",
    "Identifierade förbättringsområden",
    "Förebyggande verksamhet",
    "Utredning",
    "Insatser",
    "Risker och egenkontroller",
    "Myndighetsutövning för barn och unga",
    "Indikatorer att följa",
    "Underlag",
]


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def tables(document) -> dict[str, list[list[str]]]:
    """Each table by the caption paragraph before it."""
    found = {}
    body = document.element.body
    caption = ""
    for child in body.iterchildren():
        tag = child.tag.split("}")[1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            if text:
                caption = text
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            found[caption] = [[plain(c.text) for c in row.cells] for row in table.rows]
    return found


def text_of_pdf(pdf: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        return plain(
            subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
        )


def in_order(expected: list[str], found: list[str]) -> bool:
    position = 0
    for heading in found:
        if position < len(expected) and heading == expected[position]:
            position += 1
    return position == len(expected)


def assemble(kind, period, tree, records):
    with translation.override("sv"):
        return generate.assemble(kind, YEAR, period, tree.root, records.planner)


class Made:
    """One default document of the module's records, assembled, written to Word and laid out as its PDF once:
    the module's tests each read the same files back (a document is the same bytes however often it is made)."""

    def __init__(self, report):
        self.report = report
        self._docx: bytes | None = None
        self._layout = None

    def word_file(self) -> bytes:
        if self._docx is None:
            self._docx = render.docx(self.report)
        return self._docx

    def word(self) -> docx.Document:
        return docx.Document(BytesIO(self.word_file()))

    def layout(self):
        if self._layout is None:
            self._layout = laid_out(self.report)
        return self._layout

    def pdf_text(self) -> str:
        return text_of_pdf(self.layout().pdf)


_made: dict[tuple[str, str], Made] = {}
_made_of: list[int] = []  # the records they were made of


def made(kind, period, tree, records) -> Made:
    if _made_of != [id(records)]:  # records built anew (another run of the module): make everything anew
        _made.clear()
        _made_of[:] = [id(records)]
    if (kind, period) not in _made:
        _made[kind, period] = Made(assemble(kind, period, tree, records))
    return _made[kind, period]


def test_the_tertialrapport_has_seed_004s_sections_and_figures_in_word_and_pdf(tree, records):
    document = made("tertialrapport", "T2", tree, records).word()
    assert headings(document) == TERTIAL_SECTIONS
    found = tables(document)
    drift = found["Driftredovisning, tkr"]
    assert drift[0] == ["", f"Budget aug {YEAR}", f"Prognos aug {YEAR}", "Avvikelse"]
    assert ["Summa KOSTNADER", "985 610", "1 003 735", "-18 125"] in drift
    assert drift[-1] == ["Summa RESULTAT", "908 436", "921 136", "-12 700"]
    by_activity = found["Driftredovisning per verksamhet, tkr"]
    assert ["BARN o FAMILJ", "207 870", "221 970", "-14 100"] in by_activity
    assert by_activity[-1] == ["Summa", "908 436", "921 136", "-12 700"]
    people = found["Personalsammansättning"]
    assert people[1:] == [["Kvinnor", "773", "768,7"], ["Män", "259", "258,2"], ["Totalt", "1 032", "1 026,8"]]
    assert found["Sjukfrånvaro"][1:] == [["Kvinnor", "8,26 %"], ["Män", "5,58 %"], ["Totalt", "7,54 %"]]
    lex = dict((row[0], row[1]) for row in found["Lex Sarah"])
    reported, serious, to_ivo = records.expected["lex_sarah"]
    assert (lex["Rapporterade"], lex["varav bedömda som allvarliga"], lex["varav anmälda till IVO"]) == tuple(
        str(n) for n in (reported, serious, to_ivo)
    )
    assert found["Åtgärder"][1:] == [
        ["Pågående eller ej påbörjade", "0"],
        ["varav försenade vid periodens slut", "0"],
        ["Avslutade under perioden", "0"],
    ]
    assert found["Ej verkställda beslut per rapporteringsperiod"][1:] == [
        [f"{YEAR}-01-01–{YEAR}-03-31", "0"],
        [f"{YEAR}-04-01–{YEAR}-06-30", "0"],
        ["Olika beslut under året", "0"],
    ]
    assert found["Fokusområden och mål"][1:] == [
        ["Hög kvalitet i välfärden", "Socialtjänstens stöd; Avhopparverksamhet"]
    ]
    assert found["Kunskapsbaserad vård och omsorg: ansvarig och bedömning"][1:] == [
        ["Camilla Freedeke", "Delvis uppfyllt"]
    ]
    assert found["Avhopparverksamhet: ansvarig och status"][1] == [records.planner.get_full_name(), "Påbörjad"]
    assert found[f"SOC - Bedömning av behov med evidensbaserad metod: utfall {YEAR}"] == [
        ["Period", "Kvinnor", "Män", "Totalt"],
        [f"T2 {YEAR}", "37,5 (9 av 24)", "30,1 (22 av 73)", "32,0 (31 av 97)"],
    ]
    text = plain("\n".join(p.text for p in document.paragraphs))
    assert "Område A: Delvis uppfyllt" in text and "Orsak: 97 utredningar öppnade under perioden" in text
    assert "Beskrivning: Att individens behov bedöms rättssäkert med evidensbaserade bedömningsmetoder." in text
    assert "Kommentar: ASI-grund är inmatade för 31 av 97 utredningar." in text
    assert "Prognosen för socialnämnden efter augusti visar ett underskott på -12,7 mnkr." in text
    assert "Av elva rapporterade lex Sarah-händelser har två bedömts som allvarliga och anmälts till IVO." in text
    pdf = made("tertialrapport", "T2", tree, records).pdf_text()
    assert re.search(r"Summa RESULTAT\s+908 436\s+921 136\s+-12 700", pdf)
    assert "Sida 2 av" in pdf
    assert in_order(TERTIAL_SECTIONS, [line.strip() for line in pdf.splitlines()])


def test_the_kvalitetsberattelse_shows_982_of_1384_with_its_share_and_a_chart_with_alt_text(tree, records):
    story = made("kvalitetsberattelse", "", tree, records)
    report, document = story.report, story.word()
    assert headings(document) == STORY_SECTIONS
    numerator, denominator = records.expected["within_4m"]
    indicator = tables(document)["Andel barnavårdsutredningar avslutade inom lagstadgad tid (fyra månader)"]
    assert indicator[0] == ["Period", "Utfall", "Etappmål", "Målvärde"]
    assert indicator[-1][:2] == [f"VB {YEAR}", "71 % (982 av 1 384)"]
    text = plain("\n".join(p.text for p in document.paragraphs))
    assert "Totalt har 982 av 1 384 barnavårdsutredningar avslutats inom lagstadgad tid, vilket är 71 %." in text
    descriptions = re.findall(r'descr="([^"]*)"', document.element.xml)
    figures = sum(1 for s in report.sections for b in s.blocks if type(b).__name__ == "Figure")
    assert figures and len(descriptions) == figures and all(len(d) > 20 for d in descriptions)
    visits = tables(document)["Antal besök inom socialpsykiatrins förebyggande öppna insatser"]
    assert visits[1:] == [[f"VB {YEAR - 1}", "470", "–", "840 (2030)"], [f"VB {YEAR}", "1 894", "760", "840 (2030)"]]
    assert "Avvikelser per slag" in tables(document)
    assert tables(document)["Avvikelser per slag"][-1] == ["Totalt", str(records.expected["deviations_total"])]
    found = tables(document)
    assert found["Ärenden som inletts under perioden"][1:] == [
        [found["Ärenden som inletts under perioden"][1][0], "1 384"]
    ]
    assert found["Myndighetsutövning för barn och unga"][1][0] == "Utredningstiden överskrids (risknivå 12)"
    assert found["Genomförda egenkontroller"][1:] == [
        ["Planerade egenkontroller", "1"],
        ["Genomföranden under perioden", "0"],
        ["varav godkända", "0"],
        ["varav med behov av åtgärd", "0"],
        ["varav som ledde till en åtgärd", "0"],
    ]
    units = tables(document)["Synpunkter och klagomål per enhet"]
    assert units[-1][0] == "Totalt" and units[-1][-1] == str(records.expected["complaints_total"])
    pdf = story.pdf_text()
    assert "71 % (982 av 1 384)" in pdf
    assert in_order(STORY_SECTIONS, [line.strip() for line in pdf.splitlines()])
    assert (numerator, denominator) == (982, 1384)


def test_the_kvalitetsplan_has_seed_003s_table_per_area(tree, records):
    plan = made("kvalitetsplan", "", tree, records)
    document = plan.word()
    assert headings(document) == PLAN_SECTIONS
    area = tables(document)["Myndighetsutövning för barn och unga"]
    assert area[0] == ["Risk", "Egenkontroll", "Syfte", "Åtgärder", "Vad ska göras"]
    assert area[1] == [
        "Utredningstiden överskrids (12)",
        "Aktgranskning av utredningstider",
        "Se att tiden hålls.",
        "–",
        "Granska tio akter per kvartal.",
    ]
    assert in_order(PLAN_SECTIONS, [line.strip() for line in plan.pdf_text().splitlines()])


def test_the_word_file_is_a4_with_a_table_of_contents_and_header_rows(tree, records):
    document = made("tertialrapport", "T2", tree, records).word()
    assert round(document.sections[0].page_width.cm, 1) == 21.0
    assert 'TOC \\o "1-3"' in document.element.xml
    assert all("w:tblHeader" in t._tbl.xml for t in document.tables)


def test_a_unit_report_counts_only_that_units_subtree(tree, records):
    with translation.override("sv"):
        report = generate.assemble("kvalitetsberattelse", YEAR, "", Unit.objects.get(pk=tree.b.pk), records.planner)
    lex = next(b for s in report.sections if s.key == "lex_sarah" for b in s.blocks if hasattr(b, "rows"))
    assert dict((r[0], r[1]) for r in lex.rows)["Rapporterade"] == "9"


def test_a_committee_members_tertialrapport_has_the_plan_and_its_figures_but_not_the_written_texts(tree, records):
    from accounts.choices import Role
    from accounts.tests.factories import person_with_role

    member = person_with_role(Role.NAMNDLEDAMOT, tree.root, username="ledamot.test")
    with translation.override("sv"):
        report = generate.assemble("tertialrapport", YEAR, "T2", tree.root, member)
    assert report.aggregates_only
    text = plain(" ".join(getattr(b, "text", "") for s in report.sections for b in s.blocks))
    assert "Utvecklingsområde – Möjliggöra självständighet utifrån förmåga" in [s.heading for s in report.sections]
    assert "Område A: Delvis uppfyllt" in text
    assert "Orsak: 97 utredningar" not in text and "Kommentar: ASI-grund" not in text


@pytest.mark.parametrize(
    ("kind", "period"), [("kvalitetsberattelse", ""), ("tertialrapport", "T2"), ("kvalitetsplan", "")]
)
def test_each_default_document_lays_out_within_its_pages_with_a_true_table_of_contents(tree, records, kind, period):
    document = made(kind, period, tree, records)
    report, layout = document.report, document.layout()

    assert layout.tables_past_the_margin == []
    assert all(len(pages) == 1 for pages in layout.figure_pages)
    assert layout.figures_without_caption == 0
    assert len(layout.contents) >= len(report.sections) // 2  # entries that wrap onto two lines are not read
    assert contents_disagreeing(layout) == []
    assert layout.warnings == []


def test_the_three_default_documents_open_in_libreoffice_without_errors(tree, records, tmp_path):
    """Word and the HTML download of each default document, converted by LibreOffice headless (another reader
    than python-docx, which wrote them): each opens, converts without an error and keeps its headings."""
    office = shutil.which("soffice")
    if office is None:
        message = "LibreOffice is needed (apt-get install libreoffice-writer-nogui)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    documents = {}
    for kind, period in (("kvalitetsberattelse", ""), ("tertialrapport", "T2"), ("kvalitetsplan", "")):
        document = made(kind, period, tree, records)
        (tmp_path / f"{kind}.docx").write_bytes(document.word_file())
        (tmp_path / f"{kind}-webb.html").write_text(render.page(document.report, pictures=True), encoding="utf-8")
        documents[kind] = document.report
    files = {
        (kind, suffix): f"{kind}{name}" for kind in documents for suffix, name in (("docx", ""), ("html", "-webb"))
    }
    # One LibreOffice for all six files: "pdf" is Writer's export for the Word files and Writer/Web's for the
    # HTML ones (its log names the filter of each).
    run = subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{tmp_path}/office-profile",  # its own profile: parallel runs
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *[str(tmp_path / f"{name}.{suffix}") for (kind, suffix), name in files.items()],
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0 and "Error" not in run.stderr, run.stderr
    assert run.stdout.count("writer_pdf_Export") == 3 and run.stdout.count("writer_web_pdf_Export") == 3, run.stdout
    for (kind, suffix), name in files.items():
        report = documents[kind]
        read = subprocess.run(
            ["pdftotext", str(tmp_path / "pdf" / f"{name}.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = " ".join(plain(read).split())  # a long title or heading may wrap
        assert report.title in text and all(s.heading in text for s in report.sections[:5]), (kind, suffix)
