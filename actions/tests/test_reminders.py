import datetime as dt

import time_machine
from django.core import mail
from django.core.management import call_command

from actions.tests.factories import ActionFactory
from controls.tests.factories import ControlFactory


@time_machine.travel(dt.datetime(2026, 11, 23, 7, tzinfo=dt.UTC), tick=False)
def test_the_daily_reminder_tells_each_responsible_of_their_late_actions_and_controls(tree, reader_a, chief_a):
    ActionFactory(unit=tree.a1, responsible=reader_a, title="Sen åtgärd", due_on=dt.date(2026, 11, 1))
    ActionFactory(unit=tree.a1, responsible=reader_a, title="I tid", due_on=dt.date(2026, 12, 1))
    ActionFactory(unit=tree.a1, responsible=reader_a, title="Klar", due_on=dt.date(2026, 11, 1), status="done")
    ControlFactory(unit=tree.a1, responsible=chief_a, title="Sen loggkontroll", first_due_on=dt.date(2026, 10, 1))

    call_command("send_reminders")

    bodies = {m.to[0]: m.body for m in mail.outbox if "datum" in m.subject}
    assert "Sen åtgärd" in bodies[reader_a.email] and "I tid" not in bodies[reader_a.email]
    assert "Klar" not in bodies[reader_a.email]
    assert "Sen loggkontroll" in bodies[chief_a.email]
