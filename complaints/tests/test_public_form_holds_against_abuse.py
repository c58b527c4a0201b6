"""The public e-form holds against abuse: each form's token is good once, the limit per sender lives in the cache
every app server shares (and survives a restart), behind our proxy each sender is counted apart, and the API's
throttles count in the same shared cache."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from complaints import views
from complaints.models import Complaint
from complaints.tests.test_public_form import form
from core.throttles import SharedUserRateThrottle

FORMS = reverse("complaints:public_form")


def limited(response) -> bool:
    return any("För många meddelanden" in str(e) for e in response.context["form"].non_field_errors())


@pytest.fixture
def three_an_hour(monkeypatch):
    monkeypatch.setattr(views, "PUBLIC_LIMIT", "3/hour")


def restart():
    """What a new app process sees: its own memory empty, and the shared cache opened anew."""
    caches["default"].clear()
    caches._connections.__dict__.pop("shared", None)  # the handler's per-thread instance


def test_a_form_sent_twice_is_saved_once(client, tree):
    sent = form(unit=tree.a1.pk)
    assert client.post(FORMS, sent).status_code == 302
    again = client.post(FORMS, sent)
    assert again.status_code == 200
    assert "redan skickats" in str(again.context["form"].non_field_errors())
    assert Complaint.objects.count() == 1


def test_the_shared_cache_is_common_to_every_server_by_default():
    assert settings.CACHES["shared"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_the_limit_per_sender_holds_across_a_restart_and_a_new_server(client, tree, three_an_hour):
    for _ in range(3):
        assert client.post(FORMS, form()).status_code == 302
    restart()
    assert limited(client.post(FORMS, form()))
    other_server = DatabaseCache(settings.CACHES["shared"]["LOCATION"], {})
    assert other_server.get("throttle_public-complaints_127.0.0.1")  # the count is in the shared table
    assert Complaint.objects.count() == 3


def test_a_refused_message_does_not_count_against_the_sender(client, tree, three_an_hour):
    for _ in range(5):
        client.post(FORMS, form(description="Mitt pnr är 121212-1212"))
    assert client.post(FORMS, form()).status_code == 302


@override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": 1})
def test_behind_the_proxy_each_sender_is_counted_apart_whatever_they_claim(client, tree, three_an_hour):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(3):
        assert client.post(FORMS, form(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 302
    assert limited(client.post(FORMS, form(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy))
    # What the sender writes in front of the proxy's entry is their own claim and changes nothing.
    assert limited(client.post(FORMS, form(), HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5", **proxy))
    # Another sender behind the same proxy is not shut out.
    assert client.post(FORMS, form(), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 302


def test_without_a_proxy_a_forwarded_header_is_ignored(client, tree, three_an_hour):
    for n in range(3):
        client.post(FORMS, form(), HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert limited(client.post(FORMS, form(), HTTP_X_FORWARDED_FOR="198.51.100.99"))


def test_the_api_throttles_count_in_the_shared_cache(tree, reader_a, monkeypatch):
    monkeypatch.setattr(SharedUserRateThrottle, "THROTTLE_RATES", {"user": "3/minute", "anon": "3/minute"})
    api = APIClient()
    api.force_authenticate(reader_a)
    assert [api.get("/api/v1/units/").status_code for _ in range(3)] == [200, 200, 200]
    restart()
    assert api.get("/api/v1/units/").status_code == 429
