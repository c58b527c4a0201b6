import pytest
from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from actions.choices import ActionStatus, Effect
from actions.models import Action
from actions.tests.factories import ActionFactory
from core.workflow import TransitionRefused


def test_an_action_shows_under_the_responsible_persons_own_list(client, tree, reader_a):
    mine = ActionFactory(unit=tree.a1, responsible=reader_a)
    ActionFactory(unit=tree.a1)
    client.force_login(reader_a)
    assert list(client.get(reverse("actions:mine")).context["object_list"]) == [mine]


def test_the_responsible_person_records_follow_up_and_effect_but_cannot_reassign(client, tree, reader_a, chief_a):
    action = ActionFactory(unit=tree.a1, responsible=reader_a)
    client.force_login(reader_a)
    page = client.get(reverse("actions:update", args=[action.pk]))
    assert list(page.context["form"].fields) == ["follow_up", "effect", "point"]
    response = client.post(
        reverse("actions:update", args=[action.pk]),
        {"follow_up": "Rutinen är uppdaterad.", "effect": Effect.ACHIEVED, "responsible": chief_a.pk},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.follow_up, action.effect, action.responsible) == (
        "Rutinen är uppdaterad.",
        Effect.ACHIEVED,
        reader_a,
    )


def test_done_needs_a_follow_up(tree, chief_a):
    action = ActionFactory(unit=tree.a1)
    with pytest.raises(TransitionRefused):
        action.transition_to(ActionStatus.DONE, by=chief_a)
    action.follow_up = "Genomförd utbildning 12 november."
    action.save()
    action.transition_to(ActionStatus.DONE, by=chief_a)
    assert action.completed_on is not None


def test_a_colleague_sees_an_action_of_the_unit_but_cannot_change_it(client, tree, reader_a):
    action = ActionFactory(unit=tree.a1, responsible=person_with_role(Role.MEDARBETARE, tree.a1))
    client.force_login(reader_a)
    assert client.get(reverse("actions:detail", args=[action.pk])).status_code == 200
    assert client.get(reverse("actions:update", args=[action.pk])).status_code == 403


def test_the_api_lets_the_responsible_person_move_their_action_on(tree, reader_a):
    from rest_framework.test import APIClient

    action = ActionFactory(unit=tree.a1, responsible=reader_a)
    api = APIClient()
    api.force_authenticate(reader_a)
    response = api.post(f"/api/v1/actions/{action.pk}/transition/", {"status": "in_progress"}, format="json")
    assert response.status_code == 200, response.json()
    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS
    assert api.post("/api/v1/actions/", {"title": "x", "unit": tree.a1.pk}, format="json").status_code == 403


def test_through_the_api_the_responsible_person_may_only_write_follow_up_and_effect(tree, reader_a, chief_a):
    from rest_framework.test import APIClient

    action = ActionFactory(unit=tree.a1, responsible=reader_a, title="Ursprunglig")
    api = APIClient()
    api.force_authenticate(reader_a)
    assert api.patch(f"/api/v1/actions/{action.pk}/", {"title": "Ändrad"}, format="json").status_code == 403
    # Refused twice over: not a person the reader may name (400), nor a field the responsible may write (403).
    assert api.patch(f"/api/v1/actions/{action.pk}/", {"responsible": chief_a.pk}, format="json").status_code in (
        400,
        403,
    )
    ok = api.patch(f"/api/v1/actions/{action.pk}/", {"follow_up": "Klart", "effect": "achieved"}, format="json")
    assert ok.status_code == 200
    action.refresh_from_db()
    assert (action.title, action.responsible, action.follow_up) == ("Ursprunglig", reader_a, "Klart")


def test_an_action_shows_only_the_sources_the_reader_may_see(client, tree, reader_a, chief_a):
    from deviations.tests.factories import DeviationFactory

    action = ActionFactory(unit=tree.a1, responsible=reader_a)
    deviation = DeviationFactory(unit=tree.a1)
    deviation.actions.add(action)
    assert action.sources(chief_a) == [deviation]
    assert action.sources(reader_a) == []  # the employee may follow the åtgärd, not the avvikelse
    client.force_login(reader_a)
    assert deviation.reference not in client.get(reverse("actions:detail", args=[action.pk])).content.decode()
