import datetime as dt

import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from deviations.tests.factories import DeviationFactory, LexSarahFactory


@time_machine.travel(dt.datetime(2026, 11, 23, 7, tzinfo=dt.UTC), tick=False)
def test_the_daily_reminder_names_each_overdue_step_to_the_units_chief(tree):
    chief = person_with_role(Role.ENHETSCHEF, tree.a1, email="chef@exempel.se")
    head = person_with_role(Role.VERKSAMHETSCHEF, tree.b, email="vc.b@exempel.se")
    late = DeviationFactory(unit=tree.a1, reported_at=timezone.now() - dt.timedelta(days=5))
    DeviationFactory(unit=tree.a1, reported_at=timezone.now() - dt.timedelta(hours=3))  # within target
    lex = LexSarahFactory(unit=tree.b1, reported_at=timezone.now() - dt.timedelta(days=10))

    call_command("send_reminders")

    by_recipient = {m.to[0]: m.body for m in mail.outbox}
    assert set(by_recipient) == {chief.email, head.email}  # B1 has no enhetschef: its verksamhetschef
    assert late.reference in by_recipient[chief.email]
    assert "Utredning påbörjad" in by_recipient[chief.email]
    assert lex.reference in by_recipient[head.email]
    assert "Lex Sarah bedömd" in by_recipient[head.email]


@time_machine.travel(dt.datetime(2026, 11, 23, 7, tzinfo=dt.UTC), tick=False)
def test_the_start_page_lists_reports_to_handle_and_my_actions(client, tree, chief_a, reader_a):
    from actions.tests.factories import ActionFactory

    waiting = DeviationFactory(unit=tree.a1, reported_at=timezone.now() - dt.timedelta(days=5))
    ActionFactory(unit=tree.a1, responsible=reader_a, title="Uppdatera rutinen", due_on=dt.date(2026, 11, 30))
    client.force_login(chief_a)
    items = client.get("/").context["todo"]
    assert any(waiting.reference in i.title and i.overdue for i in items)
    client.force_login(reader_a)
    assert [i.title for i in client.get("/").context["todo"]] == ["Uppdatera rutinen"]
