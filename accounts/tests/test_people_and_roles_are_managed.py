import datetime as dt

from django.urls import reverse

from accounts.choices import Role
from accounts.models import Membership, User
from accounts.tests.factories import MembershipFactory, person_with_role


def test_an_administrator_adds_a_person_with_a_first_role(client, tree, admin):
    client.force_login(admin)
    form = {
        "username": "ny.person",
        "first_name": "Ny",
        "last_name": "Person",
        "email": "ny@exempel.se",
        "title": "",
        "unit": tree.a1.pk,
        "role": Role.MEDARBETARE,
        "password": "ett-langt-startlosenord-1",
    }
    response = client.post(reverse("accounts:person_create"), form)
    assert response.status_code == 302
    person = User.objects.get(username="ny.person")
    assert person.check_password("ett-langt-startlosenord-1")
    assert person.memberships.get().unit == tree.a1


def test_an_administrator_of_a_cannot_place_a_person_in_b(client, tree):
    admin_a = person_with_role(Role.ADMINISTRATOR, tree.a)
    client.force_login(admin_a)
    form = {
        "username": "utanfor",
        "first_name": "U",
        "last_name": "T",
        "unit": tree.b1.pk,
        "role": Role.MEDARBETARE,
        "password": "ett-langt-startlosenord-1",
    }
    response = client.post(reverse("accounts:person_create"), form)
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not User.objects.filter(username="utanfor").exists()


def test_ending_a_role_keeps_it_in_the_history(client, tree, admin):
    membership = MembershipFactory(unit=tree.a1, role=Role.ENHETSCHEF)
    client.force_login(admin)
    response = client.post(
        reverse("accounts:membership_end", args=[membership.pk]), {"valid_to": "2026-12-31", "note": "Slutar"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert str(membership.valid_to) == "2026-12-31"
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_ending_a_role_without_a_date_is_refused_with_a_message(client, tree, admin):
    membership = MembershipFactory(unit=tree.a1)
    client.force_login(admin)
    response = client.post(reverse("accounts:membership_end", args=[membership.pk]), {"valid_to": ""})
    assert response.status_code == 200
    assert "Det här fältet är obligatoriskt" in response.content.decode()


def test_a_role_cannot_end_before_it_starts(client, tree, admin):
    membership = MembershipFactory(unit=tree.a1, valid_from=dt.date(2020, 1, 1))
    client.force_login(admin)
    response = client.post(reverse("accounts:membership_end", args=[membership.pk]), {"valid_to": "2019-12-31"})
    assert "Slutdatumet får inte vara före startdatumet." in response.content.decode()


def test_the_api_refuses_a_role_at_a_unit_outside_the_callers_scope(tree):
    from rest_framework.test import APIClient

    admin_a = person_with_role(Role.ADMINISTRATOR, tree.a)
    someone = person_with_role(Role.MEDARBETARE, tree.a1)
    api = APIClient()
    api.force_authenticate(admin_a)
    outside = api.post("/api/v1/memberships/", {"user": someone.pk, "unit": tree.b1.pk, "role": Role.ENHETSCHEF})
    assert outside.status_code == 400
    assert "unit" in outside.json()
    inside = api.post("/api/v1/memberships/", {"user": someone.pk, "unit": tree.a2.pk, "role": Role.ENHETSCHEF})
    assert inside.status_code == 201
