import datetime as dt
import itertools

import pytest
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from actions.tests.factories import ActionFactory
from audit.choices import Event
from audit.models import AuditEntry
from core.workflow import TransitionRefused
from deviations.choices import Assessment, DeviationStatus
from deviations.models import Deviation
from deviations.tests.factories import DeviationFactory, LexSarahFactory

ALL_PAIRS = [
    (a, b) for a, b in itertools.product(DeviationStatus, DeviationStatus) if b not in Deviation.TRANSITIONS[a]
]


@pytest.mark.parametrize(("current", "new"), ALL_PAIRS)
def test_every_transition_outside_the_map_is_refused(tree, chief_a, current, new):
    deviation = DeviationFactory(unit=tree.a1)
    Deviation.objects.filter(pk=deviation.pk).update(status=current)
    deviation.refresh_from_db()
    with pytest.raises(TransitionRefused):
        deviation.transition_to(new, by=chief_a, note="försök")
    deviation.refresh_from_db()
    assert deviation.status == current
    assert not deviation.status_changes.exists()


@pytest.mark.parametrize(("current", "new"), ALL_PAIRS)
def test_the_api_refuses_transitions_outside_the_map(tree, chief_a, current, new):
    deviation = DeviationFactory(unit=tree.a1)
    Deviation.objects.filter(pk=deviation.pk).update(status=current)
    api = APIClient()
    api.force_authenticate(chief_a)
    response = api.post(f"/api/v1/deviations/{deviation.pk}/transition/", {"status": new}, format="json")
    assert response.status_code == 400
    assert "status" in response.json()
    deviation.refresh_from_db()
    assert deviation.status == current


def test_a_transition_writes_history_and_the_audit_log(tree, chief_a):
    deviation = DeviationFactory(unit=tree.a1)
    deviation.transition_to(DeviationStatus.INVESTIGATING, by=chief_a, note="Påbörjar")
    change = deviation.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        "reported",
        "investigating",
        chief_a,
        "Påbörjar",
    )
    entry = AuditEntry.objects.get(action=Event.TRANSITION, object_id=str(deviation.pk))
    assert entry.changes["status"] == ["reported", "investigating"]
    assert entry.note == "Påbörjar"


def test_closing_is_refused_while_actions_are_open_unless_the_reason_is_written(tree, chief_a):
    deviation = DeviationFactory(unit=tree.a1, status=DeviationStatus.ACTIONS)
    deviation.actions.add(ActionFactory(unit=tree.a1))
    with pytest.raises(TransitionRefused, match="öppna åtgärder"):
        deviation.transition_to(DeviationStatus.CLOSED, by=chief_a)
    deviation.transition_to(DeviationStatus.CLOSED, by=chief_a, note="Åtgärden följs upp i egenkontrollen.")
    assert deviation.status == DeviationStatus.CLOSED
    assert deviation.closing_note == "Åtgärden följs upp i egenkontrollen."


def test_only_a_head_of_operations_over_the_unit_assesses_lex_sarah(tree, chief_a):
    deviation = LexSarahFactory(
        unit=tree.a1, status=DeviationStatus.INVESTIGATING, assessment=Assessment.MISSFORHALLANDE, is_serious=True
    )
    with pytest.raises(TransitionRefused, match="verksamhetschef"):
        deviation.transition_to(DeviationStatus.ASSESSED, by=chief_a)
    other_head = person_with_role(Role.VERKSAMHETSCHEF, tree.b)
    with pytest.raises(TransitionRefused):
        deviation.transition_to(DeviationStatus.ASSESSED, by=other_head)
    head = person_with_role(Role.VERKSAMHETSCHEF, tree.a)
    deviation.transition_to(DeviationStatus.ASSESSED, by=head)
    assert deviation.decided_by == head
    assert deviation.decided_on is not None


def test_a_serious_lex_sarah_cannot_be_closed_without_its_ivo_report(tree):
    head = person_with_role(Role.VERKSAMHETSCHEF, tree.a)
    deviation = LexSarahFactory(
        unit=tree.a1, status=DeviationStatus.INVESTIGATING, assessment=Assessment.MISSFORHALLANDE, is_serious=True
    )
    deviation.transition_to(DeviationStatus.ASSESSED, by=head)
    with pytest.raises(TransitionRefused, match="IVO"):
        deviation.transition_to(DeviationStatus.CLOSED, by=head)
    with pytest.raises(TransitionRefused):
        deviation.transition_to(DeviationStatus.REPORTED_TO_IVO, by=head)
    deviation.ivo_reported_on = dt.date(2026, 11, 20)
    deviation.ivo_reference = "3.5.1-12345/2026"
    deviation.save()
    deviation.transition_to(DeviationStatus.REPORTED_TO_IVO, by=head)
    deviation.transition_to(DeviationStatus.CLOSED, by=head)
    assert deviation.status == DeviationStatus.CLOSED


def test_a_lex_sarah_report_cannot_be_closed_unassessed(tree, chief_a):
    deviation = LexSarahFactory(unit=tree.a1, status=DeviationStatus.INVESTIGATING)
    with pytest.raises(TransitionRefused, match="bedömts"):
        deviation.transition_to(DeviationStatus.CLOSED, by=chief_a)


def test_reopening_needs_a_reason(tree, chief_a):
    deviation = DeviationFactory(unit=tree.a1, status=DeviationStatus.CLOSED)
    with pytest.raises(TransitionRefused):
        deviation.transition_to(DeviationStatus.INVESTIGATING, by=chief_a)
    deviation.transition_to(DeviationStatus.INVESTIGATING, by=chief_a, note="Ny information")
    assert deviation.status == DeviationStatus.INVESTIGATING


def test_the_form_offers_only_the_allowed_transitions(tree):
    deviation = DeviationFactory(unit=tree.a1)
    assert deviation.allowed_transitions() == [DeviationStatus.INVESTIGATING]


def test_a_chief_of_b_cannot_transition_a_deviation_in_a(client, tree, chief_b):
    deviation = DeviationFactory(unit=tree.a1)
    client.force_login(chief_b)
    response = client.post(f"/avvikelser/{deviation.pk}/status/", {"status": "investigating"})
    assert response.status_code == 404
    deviation.refresh_from_db()
    assert deviation.status == DeviationStatus.REPORTED
