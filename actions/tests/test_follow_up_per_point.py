import time_machine
from django.urls import reverse

from actions.models import Action, ActionFollowUp
from actions.tests.factories import ActionFactory
from audit.models import AuditEntry
from organisation.tests.factories import PeriodFactory


def tertials_2026():
    period = PeriodFactory(year=2026)
    period.create_default_points()
    return {p.code: p for p in period.points.all()}


def test_a_follow_up_is_kept_for_the_point_it_was_written_at(tree):
    tertials_2026()
    action = ActionFactory(unit=tree.a1)
    with time_machine.travel("2026-04-20 09:00:00+02:00", tick=False):
        action.follow_up, action.effect = "Utbildning planerad.", "not_yet"
        action.save()
    with time_machine.travel("2026-08-25 09:00:00+02:00", tick=False):
        action.follow_up, action.effect = "Utbildning genomförd, aktgranskning visar 94 %.", "achieved"
        action.save()
    rows = [(f.point.code, f.text, f.effect) for f in action.follow_ups.select_related("point")]
    assert rows == [
        ("T1", "Utbildning planerad.", "not_yet"),
        ("T2", "Utbildning genomförd, aktgranskning visar 94 %.", "achieved"),
    ]


def test_a_second_text_at_the_same_point_replaces_it_there_and_the_log_keeps_the_first(tree):
    tertials_2026()
    action = ActionFactory(unit=tree.a1)
    with time_machine.travel("2026-03-01 09:00:00+01:00", tick=False):
        action.follow_up = "Första utkast."
        action.save()
        action.follow_up = "Rättad text."
        action.save()
    entry = ActionFollowUp.objects.get()
    assert entry.text == "Rättad text."
    logged = AuditEntry.objects.filter(
        content_type__model="actionfollowup", object_id=str(entry.pk), action="update"
    ).get()
    assert logged.changes["text"] == ["Första utkast.", "Rättad text."]


@time_machine.travel("2026-12-10 09:00:00+01:00", tick=False)  # after the personas' memberships begin
def test_the_responsible_person_chooses_the_point_in_the_form(client, tree, reader_a):
    points = tertials_2026()
    action = ActionFactory(unit=tree.a1, responsible=reader_a)
    client.force_login(reader_a)
    form = client.get(reverse("actions:update", args=[action.pk])).context["form"]
    assert form.fields["point"].initial == points["VB"]
    client.post(
        reverse("actions:update", args=[action.pk]),
        {"follow_up": "Sent skrivet för T1.", "effect": "not_yet", "point": points["T1"].pk},
    )
    assert [f.point.code for f in Action.objects.get().follow_ups.all()] == ["T1"]
    page = client.get(action.get_absolute_url())
    assert "Sent skrivet för T1." in page.content.decode()
    assert client.get(f"/api/v1/actions/{action.pk}/").json()["follow_ups"][0]["point"] == "T1 2026"


def test_without_follow_up_points_the_text_stays_on_the_action_alone(tree):
    action = ActionFactory(unit=tree.a1, follow_up="Klar.")
    assert action.follow_up == "Klar."
    assert not ActionFollowUp.objects.exists()
