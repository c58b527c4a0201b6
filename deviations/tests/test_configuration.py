from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from deviations.choices import Step
from deviations.models import RootCause, TargetTime
from deviations.tests.factories import DeviationFactory


def test_an_administrator_adds_a_root_cause_and_sets_a_target_time(client, tree, admin, root_causes):
    client.force_login(admin)
    client.post(reverse("deviations:rootcause_create"), {"name": "Bemanning", "order": 8, "is_active": "on"})
    assert RootCause.objects.filter(name="Bemanning").exists()
    client.post(reverse("deviations:targettime_create"), {"step": Step.CLOSE, "days": 30, "source": "Riktlinje 2026"})
    assert TargetTime.current()[Step.CLOSE] == 30
    assert client.get(reverse("deviations:targettime_list")).status_code == 200


def test_a_chief_cannot_change_the_configuration(client, tree, chief_a):
    client.force_login(chief_a)
    assert client.get(reverse("deviations:rootcause_create")).status_code == 403
    assert client.get(reverse("deviations:targettime_create")).status_code == 403


def test_a_lex_sarah_and_a_lex_maria_report_of_one_event_are_linked_by_reference(client, tree, chief_a):
    hsl = DeviationFactory(unit=tree.a1, kind="hsl")
    lex = DeviationFactory(unit=tree.a1, kind="lex_sarah", lex_sarah_type="risk")
    client.force_login(chief_a)
    response = client.post(reverse("deviations:investigate", args=[lex.pk]), {"linked_reference": hsl.reference})
    assert response.status_code == 302
    lex.refresh_from_db()
    assert lex.linked_event == hsl


def test_a_reference_outside_the_scope_is_refused(client, tree, chief_a):
    elsewhere = DeviationFactory(unit=tree.b1)
    lex = DeviationFactory(unit=tree.a1)
    client.force_login(chief_a)
    response = client.post(reverse("deviations:investigate", args=[lex.pk]), {"linked_reference": elsewhere.reference})
    assert "linked_reference" in response.context["form"].errors


def test_the_mas_handles_health_care_deviations_in_the_subtree(client, tree):
    mas = person_with_role(Role.MAS, tree.a)
    hsl = DeviationFactory(unit=tree.a1, kind="hsl")
    client.force_login(mas)
    assert client.get(reverse("deviations:investigate", args=[hsl.pk])).status_code == 200
    response = client.post(
        reverse("deviations:investigate", args=[hsl.pk]),
        {
            "care_injury": "serious",
            "lex_maria_reported_on": "2026-11-20",
        },
    )
    assert response.status_code == 302
    hsl.refresh_from_db()
    assert str(hsl.lex_maria_reported_on) == "2026-11-20"
