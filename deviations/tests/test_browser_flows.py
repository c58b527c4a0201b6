"""The improvement work in a real browser at a phone's size, axe-checked on the way."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from accounts import demo as accounts_demo
from audit.choices import Source
from audit.context import acting_as
from complaints.forms import MIN_SECONDS
from complaints.models import Complaint
from core.tests.test_browser_accessibility import PHONE, assert_accessible, sign_in, submit
from deviations.models import Deviation
from organisation import demo as organisation_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(root_causes):
    with acting_as(None, Source.COMMAND):
        units = organisation_demo.create(timezone.localdate())
        accounts_demo.create(units)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


def as_person(phone, base, username):
    phone.clear_cookies()
    page = phone.new_page()
    sign_in(page, base, username)
    return page


def change_status(page, label):
    page.get_by_label("Ny status").select_option(label=label)
    submit(page, "Ändra status")


def test_report_investigate_act_and_close(phone, live_server, demo):
    base = live_server.url
    page = as_person(phone, base, "medarbetare")
    page.goto(f"{base}/avvikelser/rapportera/")
    page.get_by_label("Vad som hände").fill("Brukaren 19121212-1212 fick fel dos av läkemedel.")
    submit(page, "Skicka rapporten")
    expect(page.get_by_text("ser ut som ett personnummer")).to_be_visible()
    assert_accessible(page, "report refused")
    assert not Deviation.objects.exists()

    page.get_by_label("Vad som hände").fill("Brukaren fick fel dos av läkemedel vid kvällsmedicineringen.")
    submit(page, "Skicka rapporten")
    expect(page.get_by_text("Rapporten har skickats")).to_be_visible()
    deviation = Deviation.objects.get()
    assert deviation.unit.code == "BOU-MYN"

    page = as_person(phone, base, "ec.myn")
    page.goto(f"{base}{deviation.get_absolute_url()}")
    change_status(page, "Under utredning")
    expect(page.get_by_text("Statusen är nu ”Under utredning”")).to_be_visible()
    page.get_by_role("link", name="Utredning").click()
    page.get_by_label("Orsaksanalys").fill("Signeringslistan saknades vid passbytet.")
    page.get_by_label("Processer och rutiner").check()
    submit(page, "Spara")
    page.get_by_role("link", name="Ny åtgärd").click()
    page.get_by_label("Rubrik").fill("Inför dubbelsignering av kvällsmedicinering")
    page.get_by_label("Klar senast").fill("2027-01-31")
    submit(page, "Spara")
    expect(page.get_by_role("link", name="Inför dubbelsignering av kvällsmedicinering")).to_be_visible()
    change_status(page, "Avslutad")
    expect(page.get_by_text("Det finns öppna åtgärder")).to_be_visible()
    assert_accessible(page, "closing refused")
    deviation.refresh_from_db()
    assert deviation.status == "investigating"
    assert deviation.actions.count() == 1
    assert [c.name for c in deviation.root_causes.all()] == ["Processer och rutiner"]


def test_a_head_of_operations_assesses_a_serious_lex_sarah_and_reports_it_to_ivo(phone, live_server, demo):
    base = live_server.url
    page = as_person(phone, base, "medarbetare")
    page.goto(f"{base}/avvikelser/rapportera/")
    page.get_by_label("Lex Sarah-rapport").check()
    page.get_by_label("Avser").select_option(label="Missförhållande")
    page.get_by_label("Vad som hände").fill("Barnet placerades utan att familjehemmet fick veta om allergin.")
    submit(page, "Skicka rapporten")
    deviation = Deviation.objects.get()

    page = as_person(phone, base, "ec.myn")
    page.goto(f"{base}{deviation.get_absolute_url()}")
    change_status(page, "Under utredning")

    page = as_person(phone, base, "vc.bou")
    page.goto(f"{base}{deviation.get_absolute_url()}")
    page.get_by_role("link", name="Bedömning och beslut").click()
    page.get_by_label("Bedömning").select_option(label="Missförhållande")
    page.get_by_label("Ja, allvarligt").check()
    page.get_by_label("Beslut").fill("Allvarligt missförhållande; anmäls till IVO.")
    page.get_by_label("Anmäld till IVO den").fill("2026-11-20")
    page.get_by_label("IVO:s diarienummer").fill("3.5.1-45678/2026")
    submit(page, "Spara")
    change_status(page, "Bedömd")
    change_status(page, "Anmäld till IVO")
    expect(page.get_by_text("Statusen är nu ”Anmäld till IVO”")).to_be_visible()
    assert_accessible(page, "lex Sarah reported to IVO")

    deviation.refresh_from_db()
    assert (deviation.assessment, deviation.is_serious, deviation.status) == (
        "missforhallande",
        True,
        "reported_to_ivo",
    )
    assert deviation.decided_by.username == "vc.bou"
    assert deviation.ivo_reference == "3.5.1-45678/2026"


def test_a_member_of_the_public_sends_a_complaint_and_gets_a_code(phone, live_server, demo):
    base = live_server.url
    page = phone.new_page()
    page.goto(f"{base}/synpunkter/lamna/")
    assert_accessible(page, "public form")
    page.get_by_label("Klagomål").check()
    page.get_by_label("Din synpunkt").fill("Jag fick vänta länge på svar om mitt bistånd.")
    # The form refuses what is sent faster than a person writes: the clock moves on as if they had taken their time.
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=MIN_SECONDS + 1), tick=True):
        submit(page, "Skicka")
    code = Complaint.objects.get().reference
    expect(page.get_by_text(code)).to_be_visible()
    assert_accessible(page, "public thanks")
    page.get_by_role("link", name="Tillgänglighetsredogörelse").click()
    expect(page.get_by_role("heading", name="Tillgänglighetsredogörelse")).to_be_visible()
    assert_accessible(page, "accessibility statement")
