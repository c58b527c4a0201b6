"""The tjänsteskrivelse whole: handläggare with phone, ärendebeteckning, date, signatures and bilagor are written
on their own page and come out on the preview, in Word and in the PDF; a personnummer is refused there too."""

from __future__ import annotations

from io import BytesIO

import docx
from django.urls import reverse
from django.utils import translation

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from goals.tests.factories import round_at
from reports import generate, render
from reports.models import Narrative

YEAR = 2026


def query(tree) -> dict:
    return {"kind": "tertialrapport", "year": YEAR, "period": "T1", "unit": tree.root.pk}


def details(**overrides) -> dict:
    return {
        "handlaggare": "Karin Kvist",
        "telefon": "0480-45 00 00",
        "diarienummer": "SN 2026/123",
        "datum": "2026-05-20",
        "underskrifter": "Anna Andersson, förvaltningschef\r\nBo Berg, verksamhetschef",
        "bilagor": "",
        **overrides,
    }


def test_the_details_are_written_once_and_printed_on_the_cover_and_at_the_end(client, tree):
    round_at("T1", YEAR)
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    client.force_login(planner)
    url = reverse("reports:front") + "?" + "&".join(f"{k}={v}" for k, v in query(tree).items())
    assert client.get(url).status_code == 200
    assert client.post(url, details()).status_code == 302
    preview = client.get(reverse("reports:preview"), query(tree)).content.decode()
    assert "Karin Kvist, tfn 0480-45 00 00" in preview and "SN 2026/123" in preview
    with translation.override("sv"):
        report = generate.assemble("tertialrapport", YEAR, "T1", tree.root, planner)
    assert report.front["Datum"] == "2026-05-20" and report.front["Till"] == tree.root.name
    assert report.signatures == ["Anna Andersson, förvaltningschef", "Bo Berg, verksamhetschef"]
    assert report.attachments == [f"Tertialuppföljning verksamhetsplan {YEAR}"]  # the document's own, by default
    word = docx.Document(BytesIO(render.docx(report)))
    text = [p.text for p in word.paragraphs]
    assert "Handläggare: Karin Kvist, tfn 0480-45 00 00" in text and "Ärendebeteckning: SN 2026/123" in text
    assert "Bo Berg, verksamhetschef" in text and f"1. Tertialuppföljning verksamhetsplan {YEAR}" in text
    assert "Bo Berg, verksamhetschef" in render.page(report)


def test_written_bilagor_replace_the_default_and_a_personnummer_is_refused(client, tree):
    round_at("T1", YEAR)
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    client.force_login(planner)
    url = reverse("reports:front") + "?" + "&".join(f"{k}={v}" for k, v in query(tree).items())
    refused = client.post(url, details(handlaggare="Karin 19121212-1212"))
    assert refused.status_code == 200 and "handlaggare" in refused.context["form"].errors
    assert not Narrative.objects.exists()
    client.post(url, details(bilagor="Tertialuppföljning\nKolada-jämförelse"))
    with translation.override("sv"):
        report = generate.assemble("tertialrapport", YEAR, "T1", tree.root, planner)
    assert report.attachments == ["Tertialuppföljning", "Kolada-jämförelse"]


def test_only_an_author_may_write_the_details(client, tree):
    round_at("T1", YEAR)
    client.force_login(person_with_role(Role.MEDARBETARE, tree.root))
    url = reverse("reports:front") + "?" + "&".join(f"{k}={v}" for k, v in query(tree).items())
    assert client.get(url).status_code == 403
    assert client.post(url, details()).status_code == 403
    assert not Narrative.objects.exists()
