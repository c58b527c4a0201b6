"""The follow-up of the verksamhetsplan in a real browser, axe-checked: open the round, report, approve,
lock, and correct afterwards."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts import demo as accounts_demo
from accounts.models import User
from audit.choices import Source
from audit.context import acting_as
from core.tests.test_browser_accessibility import assert_accessible, sign_in, submit
from goals.choices import GoalKind, QualityArea, RoundStatus
from goals.models import FollowUpRound, Goal, GoalReport
from organisation import demo as organisation_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan():
    with acting_as(None, Source.COMMAND):
        units = organisation_demo.create(timezone.localdate())
        accounts_demo.create(units)
        goal = Goal.objects.create(
            year=timezone.localdate().year,
            kind=GoalKind.QUALITY,
            quality_area=QualityArea.KNOWLEDGE,
            title="Rättssäker och skyndsam handläggning",
            unit=units["SF"],
            responsible=User.objects.get(username="ec.myn"),
        )
        goal.units.set([units["BOU-MYN"]])
    return goal


def as_person(browser_context, base, username):
    browser_context.clear_cookies()
    page = browser_context.new_page()
    sign_in(page, base, username)
    return page


def test_a_round_is_opened_reported_approved_locked_and_then_only_corrected(context, live_server, plan):
    base, year = live_server.url, timezone.localdate().year
    page = as_person(context, base, "kvalitet")
    page.goto(f"{base}/mal/uppfoljning/ny/")
    assert_accessible(page, "new round")
    page.get_by_label("Uppföljningstillfälle").select_option(label=f"T2 {year}")
    page.get_by_label(re.compile(r"^Enhet:?$")).select_option(label="Socialförvaltningen")
    submit(page, "Spara")
    round_ = FollowUpRound.objects.get()
    assert round_.status == RoundStatus.OPEN
    page.goto(f"{base}{round_.get_absolute_url()}")
    expect(page.get_by_text("Rapporterat: 0 av 1")).to_be_visible()
    assert_accessible(page, "round progress")

    page = as_person(context, base, "ec.myn")
    page.goto(f"{base}/mal/uppfoljning/mina/")
    assert_accessible(page, "my reports")
    page.get_by_role("link", name=re.compile("Rättssäker och skyndsam handläggning")).click()
    expect(page.get_by_text("Förslag utifrån indikatorerna")).to_be_visible()
    page.get_by_role("combobox", name="Bedömning").select_option(label="Delvis uppfyllt")
    page.get_by_label("Samlad bedömning").fill("Målvärdet är delvis uppnått.")
    page.get_by_label("Orsak").fill("Vakanser under sommaren.")
    page.get_by_label("Åtgärd").fill("Rekrytering och veckovis bevakning av utredningstider.")
    assert_accessible(page, "report form")
    submit(page, "Spara rapporteringen")
    expect(page.get_by_text("Rapporterat: 1 av 1")).to_be_visible()
    page = as_person(context, base, "kvalitet")
    for status in ("Godkänd", "Rapporterad till nämnden (låst)"):
        page.goto(f"{base}{round_.get_absolute_url()}")
        page.get_by_label("Ny status").select_option(label=status)
        submit(page, "Ändra status")
    round_.refresh_from_db()
    assert round_.status == RoundStatus.LOCKED
    assert_accessible(page, "locked round")

    page = as_person(context, base, "ec.myn")
    page.goto(f"{base}{round_.get_absolute_url()}")
    page.get_by_role("link", name="Rättssäker och skyndsam handläggning").click()
    page.get_by_label("Samlad bedömning").fill("Ändrat i efterhand.")
    submit(page, "Registrera rättelsen")
    expect(page.locator(".errorlist").first).to_be_visible()  # no reason given: refused
    assert_accessible(page, "correction refused")
    assert GoalReport.objects.get().overall == "Målvärdet är delvis uppnått."
    page.get_by_label("Varför rättas rapporteringen?").fill("Fel period i underlaget.")
    submit(page, "Registrera rättelsen")
    report = GoalReport.objects.get()
    assert report.overall == "Ändrat i efterhand."
    assert report.corrections.get().reason == "Fel period i underlaget."
