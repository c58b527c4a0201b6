"""A report in a real browser, axe-checked: write a section, accept a suggested data sentence, generate the Word
file, and mark the version fastställd."""

from __future__ import annotations

import io
import re

import docx
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from audit.choices import Source
from audit.context import acting_as
from core.tests.test_browser_accessibility import assert_accessible, demo, sign_in, submit  # noqa: F401
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
    submit(page, "Förhandsgranska")
    expect(page.get_by_role("heading", name=f"Kvalitetsberättelse {year}")).to_be_visible()
    assert_accessible(page, "report preview")

    page.get_by_role("link", name=re.compile("Skriv text för avsnittet Lex Sarah")).click()
    assert_accessible(page, "narrative form")
    page.get_by_role("button", name=re.compile("Lägg till i texten")).first.click()
    text = page.get_by_label("Text")
    expect(text).to_have_value(re.compile("lex Sarah"))
    text.fill(text.input_value() + "\n\nAnalysen visar brister i rutinen för överlämning.")
    submit(page, "Spara")
    narrative = Narrative.objects.get(section="lex_sarah")
    assert narrative.text.endswith("Analysen visar brister i rutinen för överlämning.")
    expect(page.get_by_text("Analysen visar brister i rutinen för överlämning.")).to_be_visible()
    submit(page, "Skapa Word och PDF")
    page.get_by_role("link", name="Ladda ned Word").wait_for()
    assert_accessible(page, "version")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned Word").click()
    document = docx.Document(io.BytesIO(download.value.path().read_bytes()))
    assert "Analysen visar brister i rutinen för överlämning." in [p.text for p in document.paragraphs]

    submit(page, re.compile("Markera som fastställd"))
    version = ReportVersion.objects.get()
    assert version.adopted_at is not None
    expect(page.get_by_text(re.compile("markerad som fastställd"))).to_be_visible()
