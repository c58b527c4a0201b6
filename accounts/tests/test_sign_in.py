import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role


def test_signing_in_leads_to_the_start_page(client, tree, reader_a, password):
    response = client.post(reverse("login"), {"username": reader_a.username, "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Mitt att göra" in response.content.decode()


def test_pages_need_a_signed_in_person(client, tree):
    response = client.get(reverse("organisation:unit_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@override_settings(AXES_FAILURE_LIMIT=3)
def test_sign_in_is_paused_after_repeated_failures(client, tree, reader_a, password):
    for _ in range(3):
        client.post(reverse("login"), {"username": reader_a.username, "password": "fel-losenord"})
    response = client.post(reverse("login"), {"username": reader_a.username, "password": password})
    assert response.status_code == 429
    assert "För många inloggningsförsök" in response.content.decode()


def test_a_wrong_password_gets_a_swedish_message(client, tree, reader_a):
    response = client.post(reverse("login"), {"username": reader_a.username, "password": "fel"})
    assert response.status_code == 200
    assert "Ange ett korrekt användarnamn och lösenord" in response.content.decode()


def test_changing_password_checks_the_rules(client, tree, reader_a, password):
    client.force_login(reader_a)
    url = reverse("password_change")
    short = client.post(url, {"old_password": password, "new_password1": "kort", "new_password2": "kort"})
    assert "Det här lösenordet är för kort" in short.content.decode()
    ok = client.post(
        url,
        {
            "old_password": password,
            "new_password1": "ett-nytt-bra-losenord-7",
            "new_password2": "ett-nytt-bra-losenord-7",
        },
    )
    assert ok.status_code == 302
    reader_a.refresh_from_db()
    assert reader_a.check_password("ett-nytt-bra-losenord-7")


def test_drf_create_token_gives_a_token_that_authenticates(tree, chief_a):
    call_command("drf_create_token", chief_a.username)
    token = Token.objects.get(user=chief_a)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/memberships/").status_code == 200
    api.credentials(HTTP_AUTHORIZATION="Token fel")
    assert api.get("/api/v1/memberships/").status_code == 401


@pytest.mark.parametrize("role", [Role.MEDARBETARE, Role.NAMNDLEDAMOT])
def test_the_api_refuses_roles_without_access_to_people(tree, role):
    api = APIClient()
    api.force_authenticate(person_with_role(role, tree.a))
    assert api.get("/api/v1/memberships/").status_code == 403
    assert api.get("/api/v1/audit-log/").status_code == 403
