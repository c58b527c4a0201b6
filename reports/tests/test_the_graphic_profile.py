"""The municipality's graphic profile in the documents: the logo on the cover and in every page's header, the
colour of headings, the uploaded font embedded in the PDF; the HTML download carries all of it inside itself."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import matplotlib
import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from PIL import Image

from organisation.models import GraphicProfile
from reports import render
from reports.content import Paragraph, Report, Section
from reports.tests.layout import made_up

# A font this machine does not have installed (matplotlib ships it), so only an embedded upload can show it.
STIX = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "STIXGeneral.ttf"


def logo_png(width: int = 240, height: int = 80) -> bytes:
    """A two-coloured logo of ``width`` × ``height`` pixels."""
    image = Image.new("RGB", (width, height), "#0b5394")
    image.paste("#f1c232", (0, 0, width // 3, height))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def stix_font(text: str | None = None) -> bytes:
    """STIX General, or only its glyphs of ``text`` when given."""
    if text is None:
        return STIX.read_bytes()
    font = TTFont(STIX)
    subsetter = subset.Subsetter()
    subsetter.populate(text=text)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def profile(**changes) -> GraphicProfile:
    values = {
        "logo": logo_png(),
        "logo_type": "image/png",
        "primary_colour": "#6a1b4d",
        "accent_colour": "#fde9c9",
        "font": stix_font(),
        "font_family": "STIXGeneral",
    }
    return GraphicProfile(**{**values, **changes})


def report() -> Report:
    text = Paragraph("Verksamheten har under perioden arbetat med att korta utredningstiderna. " * 30)
    return made_up([Section(f"avsnitt-{n}", f"Avsnitt {n}", 1, [text, text]) for n in range(4)])


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("profile") / "report.pdf"
    path.write_bytes(render.pdf(report(), profile()))
    return path


def pages_with_images(path: Path) -> dict[int, list[tuple[int, int]]]:
    """Per page, the (width, height) of each picture drawn on it (poppler's pdfimages)."""
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    pages: dict[int, list[tuple[int, int]]] = {}
    for line in listing.splitlines()[2:]:
        page, _number, kind, width, height, *_ = line.split()
        if kind == "image":
            pages.setdefault(int(page), []).append((int(width), int(height)))
    return pages


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_the_pdf_has_the_logo_on_the_cover_and_in_the_header_of_every_page(pdf_file):
    pages = pages_with_images(pdf_file)
    count = page_count(pdf_file)
    assert count >= 3
    assert all((240, 80) in pages.get(page, []) for page in range(1, count + 1))
    assert pages[1].count((240, 80)) == 2  # the cover: its own logo and the header's


def test_the_pdf_embeds_the_uploaded_font(pdf_file):
    fonts = subprocess.run(["pdffonts", str(pdf_file)], capture_output=True, text=True, check=True).stdout
    uploaded = [line for line in fonts.splitlines() if "STIX" in line]
    assert uploaded and all(" yes " in line for line in uploaded)  # embedded


def test_the_html_download_carries_logo_font_and_colours_inside_itself():
    page = render.page(report(), profile=profile())
    assert 'src="data:image/png;base64,' in page and 'url("data:font/ttf;base64,' in page
    assert "color: #6a1b4d" in page and "background: #fde9c9" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from elsewhere
    assert 'alt="Exempelkommun logotyp"' in page


def test_without_a_profile_the_documents_keep_the_standard_look():
    page = render.page(report())
    assert "data:image/png" not in page and "@font-face" not in page
    assert f"color: {GraphicProfile.DEFAULT_PRIMARY}" in page


def test_a_value_saved_past_the_form_never_reaches_the_stylesheet_unchecked():
    hostile = profile(primary_colour="red}</style><script>alert(1)</script>", font_family='X"; } body { display:none')
    css = render.profile_css(hostile)
    assert "<script>" not in css and "display:none" not in css
    assert f"color: {GraphicProfile.DEFAULT_PRIMARY}" in css


def test_the_default_word_template_has_the_logo_on_the_cover_and_in_the_header_and_the_colour_on_headings():
    word = render.docx(report(), profile=profile())
    document = docx.Document(io.BytesIO(word))
    header = document.sections[0].header
    assert header._element.xpath(".//pic:pic") and "Exempelkommun" in header.paragraphs[0].text
    assert document.paragraphs[0]._element.xpath(".//pic:pic")  # the cover opens with the logo
    pictures = document.inline_shapes
    assert pictures[0]._inline.docPr.get("descr") == "Exempelkommun logotyp"
    assert str(document.styles["Heading 1"].font.color.rgb) == "6A1B4D"
    assert document.styles["Normal"].font.name == "STIXGeneral"
    with zipfile.ZipFile(io.BytesIO(word)) as package:
        logos = [n for n in package.namelist() if n.startswith("word/media/")]
    assert len(logos) == 1  # one picture part, used by the cover and the header


def test_a_municipalitys_own_word_template_keeps_its_own_look():
    own = docx.Document()
    own.add_paragraph("Egen mall")
    own.add_paragraph("{{p innehall }}")
    buffer = io.BytesIO()
    own.save(buffer)
    document = docx.Document(io.BytesIO(render.docx(report(), buffer.getvalue(), profile())))
    assert not document.inline_shapes and document.paragraphs[0].text == "Egen mall"


@pytest.fixture
def saved_profile(db) -> GraphicProfile:
    saved = profile()
    saved.save()
    return saved


def test_the_preview_shows_the_logo_and_links_the_profiles_stylesheet_and_font(client, tree, admin, saved_profile):
    client.force_login(admin)
    page = client.get(f"/rapporter/forhandsgranska/?kind=kvalitetsplan&year=2026&period=&unit={tree.root.pk}")
    html = page.content.decode()
    assert page.status_code == 200 and 'href="/rapporter/profil.css"' in html
    assert 'alt="Exempelkommun logotyp"' in html
    css = client.get("/rapporter/profil.css")
    assert css["Content-Type"] == "text/css" and "color: #6a1b4d" in css.content.decode()
    assert 'url("/rapporter/profil/typsnitt/")' in css.content.decode()  # from the site itself, as its CSP asks
    font = client.get("/rapporter/profil/typsnitt/")
    assert font["Content-Type"] == "font/ttf" and font.content == stix_font()


def test_a_version_keeps_the_profile_of_the_day_it_was_made_in_its_html(client, tree, admin, saved_profile):
    from reports import generate

    version = generate.run(generate.new_version("kvalitetsplan", 2026, "", tree.root, admin))
    assert version.status == "done" and version.html
    saved_profile.primary_colour = "#0b3d2e"
    saved_profile.save()
    client.force_login(admin)
    page = client.get(f"/rapporter/version/{version.pk}/fil/html/").content.decode()
    assert "color: #6a1b4d" in page and "#0b3d2e" not in page and 'src="data:image/png;base64,' in page
    assert docx.Document(version.docx.open("rb")).sections[0].header._element.xpath(".//pic:pic")
