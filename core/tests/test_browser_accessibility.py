"""Every page in headless Chromium: axe-core (WCAG 2.1 A and AA rules) finds no violation, and the phone flow works."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.utils import timezone
from playwright.sync_api import expect

from accounts import demo as accounts_demo
from accounts.models import Membership, User
from audit.choices import Source
from audit.context import acting_as
from casedata.models import ImportJob
from complaints import demo as complaints_demo
from complaints.models import Complaint
from controls import demo as controls_demo
from controls.models import Control
from core.testing.snapshot import restored
from deviations import demo as deviations_demo
from deviations.models import Deviation
from goals import demo as goals_demo
from goals.models import FollowUpRound, Goal
from indicators import demo as indicators_demo
from indicators.models import Indicator
from organisation import demo as organisation_demo
from organisation.models import Period, Process, Unit
from reports import outlines
from risks import demo as risks_demo
from risks.models import Risk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Only violations are asserted, so only they are computed and sent back (passes and the rest are many times larger).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def demo():
    with acting_as(None, Source.COMMAND):
        units = organisation_demo.create(timezone.localdate())
        people = accounts_demo.create(units)
        organisation_demo.assign_owners(people)
    return people


def _demo_with_records():
    with acting_as(None, Source.COMMAND):
        today = timezone.localdate()
        units = organisation_demo.create(today)
        people = accounts_demo.create(units)
        organisation_demo.assign_owners(people)
        deviations_demo.create(today, count=40)
        complaints_demo.create(today, count=15)
        risks_demo.create(today)
        controls_demo.create(today)
        indicators_demo.create(today)
        goals_demo.create(today)
    return people


@pytest.fixture
def demo_records(transactional_db):
    """The demo organisation with records of every kind: built once per worker, copied back for each test."""
    return restored("demo with records", _demo_with_records)


def submit(page, button) -> None:
    """Press a form's button and wait until the page the server answers with has loaded.

    A click returns as soon as the browser has it; what the server saved or refused is only certain once the reply
    is there, so tests that read the database or the page next wait here first."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(accounts_demo.DEMO_PASSWORD)
    submit(page, "Logga in")
    page.wait_for_url(f"{base_url}/")


def assert_accessible(page, where: str) -> None:
    """axe-core's WCAG 2.1 A and AA rules find no violation on the page as it is now.

    axe is loaded once per browser context as a script run at the start of every document: Chromium then compiles
    its 550 kB once and takes it from its cache on each later page, where sending it with each check cost about
    a third of the check."""
    context = page.context
    if not getattr(context, "_axe_loaded", False):
        context.add_init_script(script=AXE_SCRIPT)
        context._axe_loaded = True
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    violations = page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert violations == [], f"{where}: {summary}"


def organisation_pages() -> list[str]:
    unit = Unit.objects.get(code="BOU-MYN")
    process = Process.objects.get(code="P1")
    period = Period.objects.order_by("-year").first()
    point = period.points.first()
    person = User.objects.get(username="medarbetare")
    membership = Membership.objects.get(user=person)
    return [
        "/",
        "/organisation/enheter/",
        f"/organisation/enheter/{unit.pk}/",
        f"/organisation/enheter/{unit.pk}/andra/",
        "/organisation/enheter/ny/",
        "/organisation/processer/",
        f"/organisation/processer/{process.pk}/",
        f"/organisation/processer/{process.pk}/andra/",
        "/organisation/malgrupper/",
        "/organisation/malgrupper/ny/",
        "/organisation/perioder/",
        f"/organisation/perioder/{period.pk}/",
        f"/organisation/perioder/{period.pk}/andra/",
        f"/organisation/perioder/{period.pk}/tillfallen/ny/",
        f"/organisation/perioder/{period.pk}/tillfallen/{point.pk}/andra/",
        "/organisation/grafisk-profil/",
        "/konton/mitt-konto/",
        "/konton/personer/",
        f"/konton/personer/{person.pk}/",
        f"/konton/personer/{person.pk}/andra/",
        "/konton/personer/ny/",
        "/konton/roller/",
        f"/konton/roller/{membership.pk}/",
        f"/konton/roller/{membership.pk}/avsluta/",
        "/konton/roller/ny/",
        "/loggkontroll/",
        "/losenord/",
        "/finns-inte/",
    ]


def reactive_pages() -> list[str]:
    """The reactive half of the improvement work: avvikelser, lex Sarah and synpunkter."""
    deviation = Deviation.objects.filter(kind="lex_sarah").order_by("pk").first()
    complaint = Complaint.objects.order_by("pk").first()
    return [
        "/avvikelser/",
        "/avvikelser/rapportera/",
        "/avvikelser/mina/",
        f"/avvikelser/{deviation.pk}/",
        f"/avvikelser/{deviation.pk}/utredning/",
        f"/avvikelser/{deviation.pk}/ny-atgard/",
        "/avvikelser/statistik/",
        "/avvikelser/teman/",
        "/avvikelser/orsaker/",
        "/avvikelser/orsaker/ny/",
        "/avvikelser/maltider/",
        "/avvikelser/maltider/ny/",
        "/synpunkter/",
        "/synpunkter/registrera/",
        f"/synpunkter/{complaint.pk}/",
        f"/synpunkter/{complaint.pk}/hantering/",
        "/synpunkter/statistik/",
    ]


def proactive_pages() -> list[str]:
    """The proactive half and the plan: risks, egenkontroller, rutiner, åtgärder."""
    risk = Risk.objects.order_by("pk").first()
    control = Control.objects.order_by("pk").first()
    action = Deviation.objects.exclude(actions=None).order_by("pk").first().actions.first()
    return [
        "/risker/",
        "/risker/matris/",
        "/risker/ny/",
        f"/risker/{risk.pk}/",
        f"/risker/{risk.pk}/bedomning/",
        f"/risker/{risk.pk}/andra/",
        "/arshjul/",
        "/organisation/rutiner/",
        "/organisation/rutiner/ny/",
        "/egenkontroller/",
        "/egenkontroller/ny/",
        "/egenkontroller/kvalitetsplan/",
        "/egenkontroller/genomforda/",
        "/egenkontroller/granskningar/",
        "/egenkontroller/granskningar/ny/",
        f"/egenkontroller/{control.pk}/",
        f"/egenkontroller/{control.pk}/genomforande/",
        "/atgarder/",
        "/atgarder/mina/",
        "/atgarder/ny/",
        f"/atgarder/{action.pk}/",
        f"/atgarder/{action.pk}/andra/",
    ]


def data_and_goal_pages() -> list[str]:
    """Imported data, the reports, goals and indicators."""
    goal = Goal.objects.exclude(indicators=None).order_by("-year", "pk").first()
    round_ = FollowUpRound.objects.order_by("-point__ends_on").first()
    report = round_.reports.first()
    indicator = Indicator.objects.get(code="IFO_BOU_UTR_4MAN")
    admin = User.objects.get(username="admin")
    period = Period.objects.order_by("-year").first()
    root = Unit.objects.get(parent=None)
    outline = outlines.copy_default("kvalitetsplan", root, "Kvalitetsplan, egen disposition")
    waiting = ImportJob.objects.create(
        file_name="arenden.csv",
        unit=Unit.objects.get(code="SN"),
        created_by=admin,
        status="confirm",
        overlap={"period": ["2026-01-01", "2026-06-30"], "per_unit": [["BOU-MYN", 12, 40]]},
    )
    refused = ImportJob.objects.create(
        file_name="fel.csv",
        unit=Unit.objects.get(code="SN"),
        created_by=admin,
        status="refused",
        errors=[{"row": 2, "column": "start", "message": "inte ett datum"}],
    )
    return [
        "/arendedata/",
        "/arendedata/importera/",
        f"/arendedata/importera/{waiting.pk}/",
        f"/arendedata/importera/{refused.pk}/",
        "/arendedata/ej-verkstallda/",
        "/arendedata/mappningar/",
        "/arendedata/mappningar/ny/",
        "/ekonomi/",
        "/ekonomi/importera/",
        "/brukarundersokningar/",
        "/brukarundersokningar/importera/",
        "/personal/",
        "/personal/importera/",
        "/rapporter/",
        "/rapporter/mallar/",
        "/rapporter/mallar/ny/",
        "/rapporter/dispositioner/",
        f"/rapporter/dispositioner/{outline.pk}/",
        f"/rapporter/tjansteskrivelse/?kind=tertialrapport&year={period.year}&period=T2&unit={root.pk}",
        "/mal/",
        "/mal/ny/",
        "/mal/oversikt/",
        "/mal/uppfoljning/",
        "/mal/uppfoljning/ny/",
        "/mal/uppfoljning/mina/",
        f"/mal/{goal.pk}/",
        f"/mal/uppfoljning/{round_.pk}/",
        f"/mal/uppfoljning/{round_.pk}/mal/{report.goal_id}/enhet/{report.unit_id}/",
        "/indikatorer/",
        "/indikatorer/ny/",
        f"/indikatorer/{indicator.pk}/",
        f"/indikatorer/{indicator.pk}/utfall/nytt/",
        f"/indikatorer/{indicator.pk}/etappmal/nytt/",
    ]


# The pages in four parts, so that the test workers share them and none waits long for the last.
PARTS = {
    "organisation and people": organisation_pages,
    "avvikelser and synpunkter": reactive_pages,
    "risks, controls and actions": proactive_pages,
    "data, reports and goals": data_and_goal_pages,
}


@pytest.mark.parametrize("part", PARTS)
def test_every_page_passes_axe(page, live_server, demo_records, part):
    base = live_server.url
    page.goto(f"{base}/logga-in/")
    assert_accessible(page, "login")
    sign_in(page, base, "admin")
    for path in PARTS[part]():
        response = page.goto(f"{base}{path}")
        assert response.status in (200, 404), (path, response.status)
        assert_accessible(page, path)


def test_the_decision_page_and_a_form_with_errors_pass_axe(page, live_server, demo_records):
    base = live_server.url
    # The lex Sarah decision page belongs to the head of operations over the unit.
    lex = Deviation.objects.filter(kind="lex_sarah", unit__code__startswith="BOU").order_by("pk").first()
    sign_in(page, base, "vc.bou")
    assert page.goto(f"{base}/avvikelser/{lex.pk}/beslut/").status == 200
    assert_accessible(page, "lex Sarah decision")
    # A form with errors must stay accessible too.
    page.context.clear_cookies()
    sign_in(page, base, "admin")
    page.goto(f"{base}/organisation/enheter/ny/")
    submit(page, "Spara")
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page, "unit form with errors")


def test_the_axe_check_catches_a_violation(page):
    page.set_content('<html lang="sv"><body><main><h1>Prov</h1><input type="text"></main></body></html>')
    with pytest.raises(AssertionError, match="label"):
        assert_accessible(page, "deliberately broken page")


def test_the_api_documentation_passes_axe(page, live_server, demo):
    sign_in(page, live_server.url, "admin")
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.get_by_role("heading", name="GET /api/v1/units/", exact=True)).to_have_count(1)
    assert_accessible(page, "/api/docs/")


def test_a_refused_page_passes_axe(page, live_server, demo):
    sign_in(page, live_server.url, "medarbetare")
    response = page.goto(f"{live_server.url}/loggkontroll/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Behörighet saknas")).to_be_visible()
    assert_accessible(page, "403")


def test_sign_in_start_page_and_organisation_on_a_phone(browser, live_server, demo):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    base = live_server.url
    sign_in(page, base, "ec.myn")
    expect(page.get_by_role("heading", name="Mitt att göra")).to_be_visible()
    assert_accessible(page, "start page on a phone")

    page.get_by_text("Meny").click()
    page.get_by_role("link", name="Enheter").click()
    page.wait_for_url(f"{base}/organisation/enheter/")
    expect(page.get_by_role("heading", name="Enheter")).to_be_visible()
    page.get_by_role("link", name="Myndighetsenheten barn och unga").click()
    expect(page.get_by_role("heading", name="Myndighetsenheten barn och unga")).to_be_visible()
    expect(page.get_by_role("heading", name="Personer och roller")).to_be_visible()
    assert_accessible(page, "unit on a phone")
    # Nothing on the page is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
