import os
import subprocess
import sys
from pathlib import Path

import polib
from django.conf import settings
from django.urls import reverse

ROOT = Path(settings.BASE_DIR)


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_pages_carry_security_headers_and_a_content_security_policy(client, tree, reader_a):
    client.force_login(reader_a)
    response = client.get(reverse("home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_production_settings_pass_the_deploy_check():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set for browser tests only
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "DEBUG": "false",
        "HTTPS": "true",
        "ALLOWED_HOSTS": "kvalitet.exempel.se",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_outside_debug():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "false"})
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_api_publishes_its_openapi_schema_and_docs(client, tree, reader_a):
    client.force_login(reader_a)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for resource in ("units", "processes", "periods", "memberships", "people", "audit-log", "target-groups"):
        assert f"/api/v1/{resource}/" in paths
    assert "delete" not in paths["/api/v1/units/{id}/"]
    assert client.get("/api/docs/").status_code == 200


def test_the_swedish_catalogue_is_complete_and_compiled():
    po_path = ROOT / "locale" / "sv" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgid, e.msgctxt): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgid, entry.msgctxt)) == (
            entry.msgstr,
            tuple(sorted(entry.msgstr_plural.items())),
        ), f"django.mo is stale for {entry.msgid!r}: run make messages"


def test_the_interface_is_swedish_even_when_the_browser_asks_for_english(client, db):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="sv">' in response.content.decode()
    assert "Logga in" in response.content.decode()


def test_a_person_may_choose_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("login"))
    assert '<html lang="en">' in response.content.decode()
    assert "Sign in" in response.content.decode()


def test_numbers_and_dates_are_shown_the_swedish_way():
    import datetime as dt

    from django.utils import translation

    from core.templatetags.kn import cell

    with translation.override("sv"):
        assert cell(1003735) == "1\xa0003\xa0735"
        assert cell(7.5) == "7,5"
        assert cell(dt.date(2022, 9, 15)) == "2022-09-15"
        assert cell(True) == "Ja"
        assert cell(None) == "–"


def test_only_the_most_specific_menu_entry_is_marked_current(tree, admin):
    from django.utils import translation

    from home.navigation import navigation_for

    sections = navigation_for(admin, "/avvikelser/statistik/")
    current = [i["label"] for s in sections for i in s["items"] if i["current"]]
    with translation.override("sv"):
        assert [str(c) for c in current] == ["Statistik avvikelser"]


def test_a_malformed_unit_parameter_is_a_bad_request_not_a_server_error(client, tree, admin):
    client.force_login(admin)
    for name in ("risks:matrix", "controls:quality_plan", "yearwheel", "deviations:themes"):
        assert client.get(reverse(name), {"unit": "abc"}).status_code == 400, name
    for name in ("risks:matrix", "controls:quality_plan", "yearwheel"):
        assert client.get(reverse(name), {"unit": str(tree.a.pk)}).context["unit"] == tree.a, name
    themes = client.get(reverse("deviations:themes"), {"unit": str(tree.a.pk)})
    assert themes.context["unit_id"] == str(tree.a.pk)
