import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from controls.choices import Cadence
from controls.models import ControlRun
from controls.rules import next_due
from controls.tests.factories import ControlFactory
from risks.tests.factories import RiskFactory


def test_the_first_due_date_applies_until_the_first_genomforande():
    assert next_due(Cadence.QUARTERLY, dt.date(2026, 3, 31), None) == dt.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        (Cadence.MONTHLY, dt.date(2026, 5, 30)),
        (Cadence.QUARTERLY, dt.date(2026, 7, 30)),
        (Cadence.HALF_YEARLY, dt.date(2026, 10, 30)),
        (Cadence.YEARLY, dt.date(2027, 4, 30)),
        (Cadence.ONCE, None),
    ],
)
def test_the_next_is_due_one_period_after_the_latest(cadence, expected):
    assert next_due(cadence, dt.date(2026, 1, 1), dt.date(2026, 4, 30)) == expected


def test_a_month_end_moves_to_the_last_day_of_a_shorter_month():
    assert next_due(Cadence.MONTHLY, dt.date(2026, 1, 1), dt.date(2026, 1, 31)) == dt.date(2026, 2, 28)


@time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC), tick=False)
def test_a_genomforande_that_calls_for_action_creates_the_action_and_moves_the_due_date(tree, chief_a):
    risk = RiskFactory(unit=tree.a1)
    control = ControlFactory(unit=tree.a1, risk=risk, responsible=chief_a)
    run = ControlRun.objects.create(
        control=control,
        performed_on=dt.date(2026, 11, 20),
        result="Vårdplan fanns i 47 av 50 ärenden.",
        numerator=47,
        denominator=50,
        verdict="needs_action",
        performed_by=chief_a,
    )
    control.refresh_from_db()
    assert control.next_due_on == dt.date(2027, 2, 20)
    assert run.share == pytest.approx(0.94)
    assert run.action.responsible == chief_a
    assert run.action.due_on == dt.date(2026, 12, 20)
    assert list(risk.actions.all()) == [run.action]


def test_an_approved_genomforande_creates_no_action(tree):
    control = ControlFactory(unit=tree.a1)
    run = ControlRun.objects.create(control=control, performed_on=dt.date(2026, 6, 1), result="Ok", verdict="approved")
    assert run.action is None


def test_more_meeting_the_requirement_than_checked_is_refused(client, tree, chief_a):
    control = ControlFactory(unit=tree.a1)
    client.force_login(chief_a)
    response = client.post(
        reverse("controls:run", args=[control.pk]),
        {
            "performed_on": "2026-11-01",
            "result": "x",
            "numerator": 51,
            "denominator": 50,
            "verdict": "approved",
        },
    )
    assert "numerator" in response.context["form"].errors
    assert not ControlRun.objects.exists()
    with pytest.raises(ValidationError):
        ControlRun(
            control=control, performed_on=dt.date(2026, 1, 1), result="x", numerator=3, verdict="approved"
        ).full_clean()


@time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC), tick=False)
def test_controls_due_soon_show_on_the_responsibles_start_page(client, tree, chief_a):
    ControlFactory(unit=tree.a1, responsible=chief_a, title="Loggkontroll", first_due_on=dt.date(2026, 12, 1))
    ControlFactory(unit=tree.a1, responsible=chief_a, title="Senare", first_due_on=dt.date(2027, 6, 1))
    client.force_login(chief_a)
    titles = [i.title for i in client.get("/").context["todo"]]
    assert "Genomför: Loggkontroll" in titles
    assert not any("Senare" in t for t in titles)


@pytest.mark.parametrize("role", list(Role))
def test_controls_follow_the_scope(client, tree, role):
    own, sibling = ControlFactory(unit=tree.a1), ControlFactory(unit=tree.b1)
    client.force_login(person_with_role(role, tree.a))
    readers = set(Role) - {Role.NAMNDLEDAMOT}
    controllers = {
        Role.ENHETSCHEF,
        Role.VERKSAMHETSCHEF,
        Role.KVALITETSUTVECKLARE,
        Role.PROCESSAGARE,
        Role.MAS,
        Role.ADMINISTRATOR,
    }
    expected_view = 200 if role in readers else 404  # a possible responsible may open the pages
    assert client.get(reverse("controls:detail", args=[own.pk])).status_code == expected_view
    assert client.get(reverse("controls:detail", args=[sibling.pk])).status_code == 404
    run = client.get(reverse("controls:run", args=[own.pk])).status_code
    assert run == (200 if role in controllers else 403 if role in readers else 404)
    assert client.get(reverse("controls:run", args=[sibling.pk])).status_code == 404


def test_the_two_tables_of_seed_002_come_from_the_verdicts(client, tree, chief_a, chief_b):
    led = ControlRun.objects.create(
        control=ControlFactory(unit=tree.a1, title="Ledde till åtgärd"),
        performed_on=dt.date(2025, 5, 1),
        result="Brister",
        verdict="needs_action",
    )
    ok = ControlRun.objects.create(
        control=ControlFactory(unit=tree.a1, title="Godkänd kontroll"),
        performed_on=dt.date(2025, 6, 1),
        result="Ok",
        verdict="approved",
    )
    ControlRun.objects.create(
        control=ControlFactory(unit=tree.a1), performed_on=dt.date(2024, 6, 1), result="Ok", verdict="approved"
    )
    client.force_login(chief_a)
    url = reverse("controls:run_list")
    assert list(client.get(url, {"verdict": "needs_action", "year": 2025}).context["object_list"]) == [led]
    assert list(client.get(url, {"verdict": "approved", "year": 2025}).context["object_list"]) == [ok]
    assert led.action.title in client.get(url, {"verdict": "needs_action"}).content.decode()
    client.force_login(chief_b)
    assert not client.get(url).context["object_list"]
