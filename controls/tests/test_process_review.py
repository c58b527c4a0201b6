import datetime as dt

import time_machine

from controls.choices import Cadence, Method, Verdict
from controls.models import ControlRun
from organisation.tests.factories import ProcessFactory


def test_every_process_gets_its_yearly_review_as_a_recurring_self_inspection(tree, chief_a):
    process = ProcessFactory(unit=tree.a, owner=chief_a, name="Utredning barn", established_on=dt.date(2026, 2, 1))
    control = process.review_controls.get()
    assert (control.method, control.cadence, control.unit, control.responsible) == (
        Method.PROCESS_REVIEW,
        Cadence.YEARLY,
        tree.a,
        chief_a,
    )
    assert control.title == "Årlig översyn av processen ”Utredning barn”"
    assert control.next_due_on == dt.date(2027, 2, 1)


@time_machine.travel("2027-01-20 10:00:00+01:00", tick=False)
def test_performing_the_review_moves_the_process_review_a_year_on(tree, chief_a):
    process = ProcessFactory(unit=tree.a, owner=chief_a, established_on=dt.date(2026, 2, 1))
    control = process.review_controls.get()
    ControlRun.objects.create(
        control=control, performed_on=dt.date(2027, 1, 15), result="Processen är aktuell.", verdict=Verdict.APPROVED
    )
    process.refresh_from_db()
    control.refresh_from_db()
    assert process.next_review_on == dt.date(2028, 1, 15)
    assert control.next_due_on == dt.date(2028, 1, 15)


def test_a_new_owner_or_unit_follows_to_the_review_and_an_inactive_process_stops_it(tree, chief_a, chief_b):
    process = ProcessFactory(unit=tree.a, owner=chief_a, established_on=dt.date(2026, 2, 1))
    process.unit, process.owner = tree.b, chief_b
    process.save()
    control = process.review_controls.get()
    assert (control.unit, control.responsible) == (tree.b, chief_b)
    process.is_active = False
    process.save()
    control.refresh_from_db()
    assert (control.is_active, control.next_due_on) == (False, None)
