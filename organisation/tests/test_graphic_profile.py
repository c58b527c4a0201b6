"""The graphic profile is uploaded once, by an administratör or kvalitetsutvecklare at the root: what is not a
readable picture or font, or a colour without contrast, is refused naming its field and nothing is saved."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.models import AuditEntry
from organisation.models import GraphicProfile
from organisation.rules import contrast_ratio
from reports.tests.test_the_graphic_profile import logo_png, stix_font

URL = "/organisation/grafisk-profil/"


def upload(client, **fields):
    data = {"primary_colour": "#6a1b4d", "accent_colour": "#fde9c9", **fields}
    return client.post(URL, data)


@pytest.fixture
def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root, username="kvalitet.rot")


def test_contrast_follows_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#777777", "#ffffff"), 2) == 4.48
    assert contrast_ratio("#1f4e79", "#ffffff") > 4.5


def test_a_planner_at_the_root_uploads_a_logo_and_a_font_and_the_change_is_logged_without_the_bytes(client, planner):
    client.force_login(planner)
    assert client.get(URL).status_code == 200
    response = upload(
        client,
        logo_file=SimpleUploadedFile("logo.png", logo_png()),
        font_file=SimpleUploadedFile("stix.ttf", stix_font()),
    )
    assert response.status_code == 302
    profile = GraphicProfile.current()
    assert bytes(profile.logo) == logo_png() and profile.logo_type == "image/png"
    assert profile.font_family == "STIXGeneral" and profile.primary_colour == "#6a1b4d"
    entry = AuditEntry.objects.filter(content_type__model="graphicprofile").latest("pk")
    assert "logo" in str(entry.changes) and "PNG" not in str(entry.changes)
    page = client.get(URL).content.decode()
    assert "STIXGeneral" in page and 'src="data:image/png;base64,' in page


def test_removing_the_logo_and_the_font_brings_back_the_standard(client, planner):
    client.force_login(planner)
    upload(
        client, logo_file=SimpleUploadedFile("logo.png", logo_png()), font_file=SimpleUploadedFile("f.ttf", stix_font())
    )
    assert upload(client, remove_logo="on", remove_font="on").status_code == 302
    profile = GraphicProfile.current()
    assert not profile.logo and not profile.font and profile.font_family == GraphicProfile.DEFAULT_FONT


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (lambda: {"primary_colour": "#ffdd00"}, "primary_colour", "för ljus mot vitt: kontrasten är 1,3:1"),
        (lambda: {"accent_colour": "#333333"}, "accent_colour", "för mörk under svart text"),
        (lambda: {"primary_colour": "blå"}, "primary_colour", "sex hexadecimala"),
        (lambda: {"logo_file": SimpleUploadedFile("logo.png", b"not a picture")}, "logo_file", "inte en bild"),
        (lambda: {"logo_file": SimpleUploadedFile("logo.gif", gif())}, "logo_file", "PNG- eller JPEG-bild"),
        (
            lambda: {"font_file": SimpleUploadedFile("font.ttf", b"not a font")},
            "font_file",
            "TrueType- eller OpenType-typsnitt",
        ),
        (
            lambda: {"font_file": SimpleUploadedFile("font.ttf", stix_font("Kvalitet abc"))},
            "font_file",
            "saknar bokstäverna å ä ö",
        ),
    ],
)
def test_a_bad_upload_or_colour_is_refused_naming_its_field_and_nothing_is_saved(
    client, planner, fields, field, message
):
    client.force_login(planner)
    response = upload(client, **fields())
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors and message in " ".join(form.errors[field])
    assert not GraphicProfile.objects.exists()


def test_only_a_root_role_may_change_the_profile_and_only_it_is_offered_the_page(client, tree, planner, chief_a):
    planner_a = person_with_role(Role.KVALITETSUTVECKLARE, tree.a, username="kvalitet.a")
    for person in (chief_a, planner_a):
        client.force_login(person)
        assert client.get(URL).status_code == 403
        assert upload(client).status_code == 403
        assert URL not in client.get("/").content.decode()
    assert not GraphicProfile.objects.exists()
    client.force_login(planner)
    assert URL in client.get("/").content.decode()
