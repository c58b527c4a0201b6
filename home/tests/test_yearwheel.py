import datetime as dt

import time_machine
from django.urls import reverse

from accounts.models import CalendarFeed
from actions.tests.factories import ActionFactory
from controls.tests.factories import ControlFactory
from home import yearwheel
from organisation.tests.factories import PeriodFactory
from risks.tests.factories import RiskFactory

NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)


def _unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


@time_machine.travel(NOW, tick=False)
def test_the_year_wheel_gathers_what_is_due_from_every_module(client, tree, chief_a):
    ControlFactory(unit=tree.a1, title="Loggkontroll", first_due_on=dt.date(2026, 12, 1))
    ActionFactory(unit=tree.a1, title="Ny rutin", due_on=dt.date(2026, 12, 15))
    RiskFactory(unit=tree.a1, title="Utredningstider", last_assessed_on=dt.date(2025, 12, 10))
    period = PeriodFactory(year=2026)
    period.create_default_points()
    ControlFactory(unit=tree.b1, title="I område B", first_due_on=dt.date(2026, 12, 1))
    client.force_login(chief_a)

    months = dict(client.get(reverse("yearwheel"), {"year": 2026}).context["months"])

    assert [e.title for e in months[12]] == [
        "Egenkontroll: Loggkontroll",
        "Bedöm risken igen: Utredningstider",
        "Åtgärd senast: Ny rutin",
        "Uppföljningsperioden slutar: VB 2026",
    ]
    assert not any("område B" in t for m in months.values() for t in (e.title for e in m))


@time_machine.travel(NOW, tick=False)
def test_the_ical_feed_is_valid_scoped_and_secret(client, tree, chief_a, chief_b):
    ControlFactory(
        unit=tree.a1,
        title="Aktgranskning av vårdplaner, genomförandeplaner och journaler; kvartal 4",
        first_due_on=dt.date(2026, 12, 1),
    )
    client.force_login(chief_b)
    client.post(reverse("yearwheel"))
    feed_b = CalendarFeed.objects.get(user=chief_b)
    client.force_login(chief_a)
    client.post(reverse("yearwheel"))
    feed = CalendarFeed.objects.get(user=chief_a)
    client.logout()  # a calendar program has no session: the token is the key

    response = client.get(reverse("yearwheel_ical", args=[feed.token]))

    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    lines = _unfold(body)
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20261201" in lines
    assert any(line.startswith("UID:control-") for line in lines)
    assert "SUMMARY:Egenkontroll: Aktgranskning av vårdplaner\\, genomförandeplaner och journaler\\; kvartal 4" in lines
    other = client.get(reverse("yearwheel_ical", args=[feed_b.token])).content.decode()
    assert "BEGIN:VEVENT" not in other  # chief of B sees nothing of A
    assert client.get(reverse("yearwheel_ical", args=["fel-token"])).status_code == 404
    old = feed.token
    CalendarFeed.renew(chief_a)
    assert client.get(reverse("yearwheel_ical", args=[old])).status_code == 404


def test_long_lines_are_folded_and_unfold_to_the_same_text():
    event = yearwheel.Event(dt.date(2026, 1, 1), "Å" * 100, "x", "/", "u-1")
    body = yearwheel.ical([event], site_url="http://x", name="n", now=NOW)
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert "SUMMARY:" + "Å" * 100 in _unfold(body)


@time_machine.travel(NOW, tick=False)
def test_a_large_year_is_shown_as_counts_and_one_month_a_page_at_a_time(client, tree, chief_a, monkeypatch):
    from home import views

    monkeypatch.setattr(views, "YEAR_WHEEL_FULL_LIST", 3)
    monkeypatch.setattr(views, "YEAR_WHEEL_PAGE", 2)
    for day in (3, 5, 7):
        ActionFactory(unit=tree.a1, title=f"Åtgärd {day} mars", due_on=dt.date(2026, 3, day))
    ActionFactory(unit=tree.a1, title="Åtgärd i maj", due_on=dt.date(2026, 5, 2))
    RiskFactory(unit=tree.a1, title="Risk", last_assessed_on=dt.date(2025, 3, 20))
    client.force_login(chief_a)

    context = client.get(reverse("yearwheel"), {"year": 2026, "month": 3}).context
    overview = {month: total for month, _, total in context["overview"]}
    assert (context["total"], overview[3], overview[5]) == (5, 4, 1)
    assert [m for m, _ in context["months"]] == [3]
    assert [e.title for e in context["months"][0][1]] == [
        "Åtgärd senast: Åtgärd 3 mars",
        "Åtgärd senast: Åtgärd 5 mars",
    ]
    second = client.get(reverse("yearwheel"), {"year": 2026, "month": 3, "page": 2}).context
    assert [e.title for e in second["months"][0][1]] == ["Åtgärd senast: Åtgärd 7 mars", "Bedöm risken igen: Risk"]
    assert client.get(reverse("yearwheel"), {"year": 2026, "month": "x"}).status_code == 400
