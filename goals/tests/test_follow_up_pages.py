from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from goals.choices import Assessment, RoundStatus
from goals.models import GoalReport
from goals.tests.factories import GoalFactory, round_at
from indicators.models import Result, Target
from indicators.tests.factories import IndicatorFactory


def report_url(round_, goal, unit):
    return reverse("goals:report", args=[round_.pk, goal.pk, unit.pk])


def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


def test_a_chief_reports_with_cause_and_action_and_sees_the_suggestion_beside_it(client, tree, chief_a):
    round_ = round_at("T2")
    indicator = IndicatorFactory(code="IFO_BOU_UTR_4MAN")
    Target.objects.create(indicator=indicator, year=2026, value=80)
    Result.objects.create(indicator=indicator, point=round_.point, unit=tree.a, numerator=285, denominator=1384)
    goal = GoalFactory(unit=tree.root, title="Rättssäker handläggning")
    goal.units.set([tree.a])
    goal.indicators.add(indicator)
    client.force_login(chief_a)

    mine = client.get(reverse("goals:my_reports")).context["items"]
    assert [(i["goal"], i["unit"], i["done"]) for i in mine] == [(goal, tree.a, False)]
    page = client.get(report_url(round_, goal, tree.a))
    assert page.context["suggested"] == Assessment.NOT_MET.label  # 20.6 % against 80 %
    assert "Förslag utifrån indikatorerna: <strong>Ej uppfyllt</strong>" in page.content.decode()
    response = client.post(
        report_url(round_, goal, tree.a),
        {"assessment": "partly", "overall": "Delvis uppnått.", "cause": "Vakanser.", "action": "Rekrytering."},
    )
    assert response.status_code == 302
    saved = GoalReport.objects.get()
    assert (saved.assessment, saved.suggested, saved.reported_by) == ("partly", "not_met", chief_a)


def test_a_personnummer_in_a_report_is_refused_naming_the_field(client, tree, chief_a):
    round_ = round_at("T2")
    goal = GoalFactory(unit=tree.a)
    client.force_login(chief_a)
    response = client.post(report_url(round_, goal, tree.a), {"assessment": "partly", "cause": "Gäller 19121212-1212."})
    assert list(response.context["form"].errors) == ["cause"]
    assert not GoalReport.objects.exists()


def test_another_units_chief_can_neither_report_nor_read_the_report(client, tree, chief_a, chief_b):
    round_ = round_at("T2")
    goal = GoalFactory(unit=tree.a)
    GoalReport.objects.create(round=round_, goal=goal, unit=tree.a, assessment="partly", reported_by=chief_a)
    client.force_login(chief_b)
    assert client.get(report_url(round_, goal, tree.a)).status_code == 403
    assert client.post(report_url(round_, goal, tree.a), {"assessment": "fully"}).status_code == 403
    assert GoalReport.objects.get().assessment == "partly"
    assert client.get("/api/v1/goal-reports/").json()["count"] == 0


def test_the_round_is_approved_and_locked_and_then_changes_only_as_corrections(client, tree, chief_a):
    round_ = round_at("T2")
    goal = GoalFactory(unit=tree.a)
    client.force_login(chief_a)
    client.post(report_url(round_, goal, tree.a), {"assessment": "partly", "overall": "Första."})
    client.force_login(planner(tree))
    for status in (RoundStatus.APPROVED, RoundStatus.LOCKED):
        client.post(reverse("goals:round_transition", args=[round_.pk]), {"status": status, "note": ""})
    round_.refresh_from_db()
    assert round_.status == RoundStatus.LOCKED

    client.force_login(chief_a)
    refused = client.post(report_url(round_, goal, tree.a), {"assessment": "fully", "overall": "Ändrat."})
    assert "reason" in refused.context["form"].errors
    assert GoalReport.objects.get().overall == "Första."
    client.post(
        report_url(round_, goal, tree.a), {"assessment": "fully", "overall": "Rättat.", "reason": "Fel underlag."}
    )
    report = GoalReport.objects.get()
    assert (report.overall, report.corrections.get().reason) == ("Rättat.", "Fel underlag.")


def test_a_chief_cannot_approve_a_round(client, tree, chief_a):
    round_ = round_at("T2")
    client.force_login(chief_a)
    response = client.post(reverse("goals:round_transition", args=[round_.pk]), {"status": "approved"})
    assert response.status_code == 403


def test_the_dashboard_counts_assessments_and_puts_indicators_below_target_first(client, tree, chief_a):
    round_ = round_at("T2")
    low = IndicatorFactory(code="A_LOW", name="Under målet")
    high = IndicatorFactory(code="B_HIGH", name="Över målet")
    for indicator, num in ((low, 2), (high, 9)):
        Target.objects.create(indicator=indicator, year=2026, value=50)
        Result.objects.create(indicator=indicator, point=round_.point, unit=tree.root, numerator=num, denominator=10)
    for unit, assessment in ((tree.a, "partly"), (tree.b, "fully")):
        goal = GoalFactory(unit=unit)
        GoalReport.objects.create(round=round_, goal=goal, unit=unit, assessment=assessment, reported_by=chief_a)
    ledamot = person_with_role(Role.NAMNDLEDAMOT, tree.root)
    client.force_login(ledamot)
    context = client.get(reverse("goals:dashboard")).context
    assert dict(context["assessed"]) == {"Helt uppfyllt": 1, "Delvis uppfyllt": 1}
    assert [(r.code, r.met) for r in context["indicator_rows"]] == [("A_LOW", False), ("B_HIGH", True)]
    assert context["off_target"] == 1
    client.force_login(chief_a)  # a chief counts their own part of the tree only
    assert dict(client.get(reverse("goals:dashboard")).context["assessed"]) == {"Delvis uppfyllt": 1}


def test_a_planner_copies_the_year_from_the_page(client, tree):
    GoalFactory(unit=tree.root, title="Säker vård")
    client.force_login(planner(tree))
    client.post(reverse("goals:copy_year") + "?year=2026")
    response = client.get(reverse("goals:tree"), {"year": 2027})
    assert [row.node.title for row in response.context["rows"]] == ["Säker vård"]


def test_a_large_dashboard_lists_the_first_hundred_and_all_on_request(client, tree, chief_a, monkeypatch):
    from goals import dashboard

    monkeypatch.setattr(dashboard, "DASHBOARD_ROWS", 2)
    round_ = round_at("T2")
    for code in ("A", "B", "C"):
        indicator = IndicatorFactory(code=code)
        Result.objects.create(indicator=indicator, point=round_.point, unit=tree.root, value=50)
    client.force_login(chief_a)
    context = client.get(reverse("goals:dashboard")).context
    assert (len(context["indicator_rows"]), context["indicator_total"]) == (2, 3)
    assert len(client.get(reverse("goals:dashboard"), {"all": "1"}).context["indicator_rows"]) == 3


def test_the_suggestion_is_shown_but_the_assessment_must_be_chosen(client, tree, chief_a):
    round_ = round_at("T2")
    goal = GoalFactory(unit=tree.a)
    client.force_login(chief_a)
    form = client.get(report_url(round_, goal, tree.a)).context["form"]
    assert form["assessment"].value() in (None, "")
    refused = client.post(report_url(round_, goal, tree.a), {"overall": "Utan bedömning."})
    assert "assessment" in refused.context["form"].errors
    assert not GoalReport.objects.exists()
