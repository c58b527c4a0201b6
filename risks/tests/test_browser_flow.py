"""The proactive half in a real browser, axe-checked: risk → egenkontroll → åtgärd → re-assessment."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts import demo as accounts_demo
from actions.models import Action
from audit.choices import Source
from audit.context import acting_as
from core.tests.test_browser_accessibility import assert_accessible, sign_in, submit
from organisation import demo as organisation_demo
from risks.models import Risk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    with acting_as(None, Source.COMMAND):
        units = organisation_demo.create(timezone.localdate())
        accounts_demo.create(units)


def as_person(browser_context, base, username):
    browser_context.clear_cookies()
    page = browser_context.new_page()
    sign_in(page, base, username)
    return page


def test_a_risk_is_checked_acted_on_and_reassessed(context, live_server, demo):
    base = live_server.url
    page = as_person(context, base, "kvalitet")
    page.goto(f"{base}/risker/ny/")
    page.get_by_label(re.compile(r"^Risk:?$")).fill("Barnavårdsutredningar avslutas inte inom fyra månader")
    page.get_by_label("Process eller område").fill("Myndighetsutövning för barn och unga")
    page.get_by_label(re.compile(r"^Enhet:?$")).select_option(label="Myndighetsenheten barn och unga")
    page.get_by_label("Sannolikhet").select_option("3")
    page.get_by_label("Konsekvens").select_option("3")
    submit(page, "Spara")
    expect(page.get_by_text("Risknivå 9")).to_be_visible()
    risk = Risk.objects.get()

    page.goto(f"{base}/egenkontroller/ny/?risk={risk.pk}")
    page.get_by_label("Vad som kontrolleras").fill("Aktgranskning av utredningstider")
    page.get_by_label("Syfte").fill("Säkerställa att utredningar avslutas inom lagstadgad tid.")
    page.get_by_label("Metod").select_option(label="Aktgranskning")
    page.get_by_label(re.compile(r"^Enhet:?$")).select_option(label="Myndighetsenheten barn och unga")
    page.get_by_label("Ansvarig").select_option(label="Elin Enhetsson")
    page.get_by_label("Första gången senast").fill(timezone.localdate().isoformat())
    submit(page, "Spara")
    page.get_by_role("link", name="Registrera genomförande").click()
    page.get_by_label("Resultat").fill("Utredningen var klar i tid i 40 av 50 granskade ärenden.")
    page.get_by_label("Antal som uppfyller kravet").fill("40")
    page.get_by_label("Antal granskade").fill("50")
    page.get_by_label("Föranleder åtgärd").check()
    submit(page, "Spara")
    expect(page.get_by_text("En åtgärd skapades")).to_be_visible()
    assert_accessible(page, "control with a run")
    action = Action.objects.get()

    page = as_person(context, base, "ec.myn")
    page.goto(f"{base}/atgarder/mina/")
    page.get_by_role("link", name=action.title).click()
    page.get_by_role("link", name="Ändra").click()
    page.get_by_role("textbox", name="Uppföljning").fill(
        "Bevakningslista införd; alla utredningar följs upp varje vecka."
    )
    page.get_by_label("Effekt").select_option(label="Har gett önskat resultat")
    submit(page, "Spara")
    page.get_by_label("Ny status").select_option(label="Klar")
    submit(page, "Ändra status")
    expect(page.get_by_text("Statusen är nu ”Klar”")).to_be_visible()
    assert_accessible(page, "action done")

    page = as_person(context, base, "kvalitet")
    page.goto(f"{base}{risk.get_absolute_url()}")
    page.get_by_role("link", name="Ny bedömning").click()
    page.get_by_label("Sannolikhet").select_option("2")
    page.get_by_label("Konsekvens").select_option("3")
    page.get_by_label("Kommentar").fill("Åtgärden har gett effekt.")
    submit(page, "Spara")
    expect(page.get_by_text("Risknivån är nu 6")).to_be_visible()
    page.goto(f"{base}/risker/matris/")
    expect(page.get_by_role("link", name="1 risker med sannolikhet 2 och konsekvens 3")).to_be_visible()
    assert_accessible(page, "matrix")
    page.goto(f"{base}/egenkontroller/kvalitetsplan/")
    plan = page.locator("table.plan")
    expect(plan.get_by_text("Risknivå 6")).to_be_visible()
    expect(plan.get_by_text(action.title)).to_be_visible()
    assert_accessible(page, "kvalitetsplan")

    risk.refresh_from_db()
    action.refresh_from_db()
    assert (risk.level, action.status, action.effect) == (6, "done", "achieved")
    assert [a.level for a in risk.assessments.all()] == [6, 9]
