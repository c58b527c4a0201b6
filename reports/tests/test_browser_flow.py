"""A report in a real browser, axe-checked: write a section, accept a suggested data sentence, generate the Word
file, and mark the version fastställd."""

from __future__ import annotations

import io
import re

import docx
import pytest
from django.utils import timezone

from audit.choices import Source
from audit.context import acting_as
from core.tests.test_browser_accessibility import assert_accessible, demo, sign_in  # noqa: F401
from deviations import demo as deviations_demo
from reports.models import Narrative, ReportVersion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def records(demo):  # noqa: F811
    with acting_as(None, Source.COMMAND):
        deviations_demo.create(timezone.localdate(), count=30)


def test_a_section_is_written_a_suggestion_accepted_word_generated_and_the_version_adopted(
    context, live_server, records
):
    base, year = live_server.url, timezone.localdate().year
    page = context.new_page()
    sign_in(page, base, "kvalitet")
    page.goto(f"{base}/rapporter/")
    assert_accessible(page, "reports home")
    page.get_by_label("Dokument").select_option(label="Kvalitetsberättelse")
    page.get_by_label("År").fill(str(year))
    page.get_by_label(re.compile("^Enhet")).select_option(label="Socialförvaltningen")
    page.get_by_role("button", name="Förhandsgranska").click()
    assert page.get_by_role("heading", name=f"Kvalitetsberättelse {year}").is_visible()
    assert_accessible(page, "report preview")

    page.get_by_role("link", name=re.compile("Skriv text för avsnittet Lex Sarah")).click()
    assert_accessible(page, "narrative form")
    page.get_by_role("button", name=re.compile("Lägg till i texten")).first.click()
    text = page.get_by_label("Text")
    assert "lex Sarah" in text.input_value()
    text.fill(text.input_value() + "\n\nAnalysen visar brister i rutinen för överlämning.")
    page.get_by_role("button", name="Spara").click()
    narrative = Narrative.objects.get(section="lex_sarah")
    assert narrative.text.endswith("Analysen visar brister i rutinen för överlämning.")
    assert page.get_by_text("Analysen visar brister i rutinen för överlämning.").is_visible()

    page.get_by_role("button", name="Skapa Word och PDF").click()
    page.get_by_role("link", name="Ladda ned Word").wait_for()
    assert_accessible(page, "version")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned Word").click()
    document = docx.Document(io.BytesIO(download.value.path().read_bytes()))
    assert "Analysen visar brister i rutinen för överlämning." in [p.text for p in document.paragraphs]

    page.get_by_role("button", name=re.compile("Markera som fastställd")).click()
    version = ReportVersion.objects.get()
    assert version.adopted_at is not None
    assert page.get_by_text(re.compile("markerad som fastställd")).is_visible()
