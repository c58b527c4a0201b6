"""The outline (rapportmall) is data: the kvalitetsutvecklare copies a document's default outline and renames,
moves, adds and takes out sections, chooses their data blocks and writes standard texts; the documents follow."""

import pytest
from django.utils import translation

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from reports import generate, outlines
from reports.catalogue import BLOCKS, SUMMARY
from reports.models import Narrative, Outline, OutlineSection
from reports.tests.records import YEAR


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


def headings(report) -> list[str]:
    return [section.heading for section in report.sections]


def tertialrapport(tree, records):
    with translation.override("sv"):
        return generate.assemble("tertialrapport", YEAR, "T2", tree.root, records.planner)


def copy_through_the_page(client, kind="tertialrapport") -> Outline:
    response = client.post("/rapporter/dispositioner/", {"kind": kind})
    outline = Outline.objects.get(kind=kind, is_active=True)
    assert response.url == outline.get_absolute_url()
    return outline


def formset_data(outline, change=None, new=None):
    """The edit page's form as posted: every section as it stands, with ``change`` applied by key."""
    sections = list(outline.sections.order_by("position", "pk"))
    data = {
        "sections-TOTAL_FORMS": str(len(sections) + 2),
        "sections-INITIAL_FORMS": str(len(sections)),
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
    }
    for i, section in enumerate(sections):
        values = {
            "id": section.pk,
            "position": section.position,
            "level": section.level,
            "heading": section.heading,
            "key": section.key,
            "block": section.block,
            "text": section.text,
            "writes": "on" if section.writes else "",
            "when_empty": section.when_empty,
            "empty_text": section.empty_text,
            "is_active": "on" if section.is_active else "",
        }
        values.update((change or {}).get(section.key, {}))
        data.update({f"sections-{i}-{name}": value for name, value in values.items() if value != ""})
    for extra in (len(sections), len(sections) + 1):  # the two empty forms, as a browser posts them
        data.update(
            {
                f"sections-{extra}-level": "1",
                f"sections-{extra}-writes": "on",
                f"sections-{extra}-when_empty": "reason",
                f"sections-{extra}-is_active": "on",
            }
        )
    for name, value in (new or {}).items():
        data[f"sections-{len(sections)}-{name}"] = value
    return data


def test_every_default_outline_names_only_blocks_in_the_catalogue_and_each_key_once():
    for kind, rows in outlines.DEFAULTS.items():
        keys = [row.key for row in rows]
        assert len(keys) == len(set(keys)), kind
        assert {row.block for row in rows} - {""} <= set(BLOCKS) | {SUMMARY}, kind


def test_without_a_copy_the_document_follows_its_default_outline(tree, records):
    report = tertialrapport(tree, records)
    assert headings(report)[:5] == [
        "Förslag till beslut",
        "Bakgrund",
        "Sammanfattning",
        "Verksamhetsplan",
        "Väsentliga händelser",
    ]
    assert f"Bilaga: Tertialuppföljning verksamhetsplan {YEAR}" in headings(report)
    decision = report.sections[0]
    assert decision.blocks[0].text == f"Socialnämnden beslutar att godkänna tertialrapporten efter augusti {YEAR}."


def test_a_copied_outline_renames_moves_adds_and_takes_out_sections_and_the_document_follows(client, tree, records):
    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    assert outline.sections.count() == len(outlines.DEFAULTS["tertialrapport"])
    change = {
        "vasentliga_handelser": {"heading": "Viktiga händelser under perioden"},
        "bakgrund": {"position": 35},  # after Sammanfattning (30), before Väsentliga händelser (40)
        "ej_verkstallda": {"is_active": ""},
    }
    new = {
        "position": 55,
        "level": 1,
        "heading": "Lokala prioriteringar",
        "block": "surveys",
        "writes": "on",
        "is_active": "on",
        "text": "{nämnd} prioriterar under {år} brukarnas egna bedömningar.",
    }
    response = client.post(outline.get_absolute_url(), formset_data(outline, change, new))
    assert response.status_code == 302, [e for e in response.context["formset"].errors if e] + list(
        response.context["formset"].non_form_errors()
    )
    found = headings(tertialrapport(tree, records))
    assert found[:6] == [
        "Förslag till beslut",
        "Sammanfattning",
        "Bakgrund",
        "Verksamhetsplan",
        "Viktiga händelser under perioden",
        "Lokala prioriteringar",
    ]
    assert "Ej verkställda beslut" not in found
    added = OutlineSection.objects.get(outline=outline, heading="Lokala prioriteringar")
    assert added.key == "lokala_prioriteringar"


def test_a_standard_text_is_offered_with_its_placeholders_filled_until_the_author_writes(client, tree, records):
    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    client.post(
        outline.get_absolute_url(),
        formset_data(outline, {"vasentliga_handelser": {"text": "Under {år} har {enhet} {x} arbetat vidare."}}),
    )
    section = next(s for s in tertialrapport(tree, records).sections if s.key == "vasentliga_handelser")
    # Only the four names are placeholders: any other brace stays as written.
    assert [(b.text, b.suggested) for b in section.blocks] == [
        (f"Under {YEAR} har socialnämnden {{x}} arbetat vidare.", True)
    ]


def test_a_section_taken_out_and_put_back_still_holds_what_was_written(client, tree, records):
    Narrative.objects.create(
        kind="tertialrapport", year=YEAR, period="T2", unit=tree.root, section="vasentliga_handelser", text="Skrivet."
    )
    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    client.post(outline.get_absolute_url(), formset_data(outline, {"vasentliga_handelser": {"is_active": ""}}))
    assert "Väsentliga händelser" not in headings(tertialrapport(tree, records))
    client.post(outline.get_absolute_url(), formset_data(outline, {"vasentliga_handelser": {"is_active": "on"}}))
    section = next(s for s in tertialrapport(tree, records).sections if s.key == "vasentliga_handelser")
    assert [b.text for b in section.blocks] == ["Skrivet."]


def test_the_default_outline_is_used_again_when_the_copy_is_taken_out_of_use(client, tree, records):
    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    client.post(outline.get_absolute_url(), formset_data(outline, {"bakgrund": {"heading": "Vår bakgrund"}}))
    assert "Vår bakgrund" in headings(tertialrapport(tree, records))
    client.post(outline.get_absolute_url(), {"in_use": "0"})
    assert "Vår bakgrund" not in headings(tertialrapport(tree, records))
    assert "Bakgrund" in headings(tertialrapport(tree, records))


def test_a_personnummer_or_two_sections_with_one_key_are_refused_and_nothing_is_saved(client, tree, records):
    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    refused = client.post(
        outline.get_absolute_url(),
        formset_data(outline, {"bakgrund": {"heading": "Bakgrund 19121212-1212"}}),
    )
    assert refused.status_code == 200 and "personnummer" in refused.content.decode()
    twice = client.post(
        outline.get_absolute_url(),
        formset_data(outline, {"bakgrund": {"heading": "Ny rubrik"}}, {"heading": "Ny", "key": "bakgrund"}),
    )
    assert twice.status_code == 200
    assert list(outline.sections.filter(key="bakgrund").values_list("heading", flat=True)) == ["Bakgrund"]


def test_only_a_kvalitetsutvecklare_or_an_administrator_changes_an_outline(client, tree, records):
    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    chief = person_with_role(Role.ENHETSCHEF, tree.root, username="chef.rot")
    client.force_login(chief)
    assert client.get("/rapporter/dispositioner/").status_code == 200
    assert client.post("/rapporter/dispositioner/", {"kind": "kvalitetsplan"}).status_code == 403
    assert client.get(outline.get_absolute_url()).status_code == 403
    assert client.post(outline.get_absolute_url(), {"in_use": "0"}).status_code == 403
    assert Outline.objects.get(pk=outline.pk).is_active


def test_the_edit_page_costs_the_same_queries_however_many_sections_the_outline_has(client, tree, records):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    client.get(outline.get_absolute_url())  # warm the per-process caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(outline.get_absolute_url()).status_code == 200
    for n in range(20):
        OutlineSection.objects.create(outline=outline, position=1000 + n, key=f"extra_{n}", heading=f"Extra {n}")
    with CaptureQueriesContext(connection) as many:
        assert client.get(outline.get_absolute_url()).status_code == 200
    assert len(many) == len(few)


def test_a_second_copy_takes_the_first_out_of_use_and_the_first_can_be_put_back(client, tree, records):
    client.force_login(records.planner)
    first = copy_through_the_page(client)
    second = copy_through_the_page(client)
    assert list(Outline.objects.filter(is_active=True)) == [second]
    client.post(first.get_absolute_url(), {"in_use": "1"})
    assert list(Outline.objects.filter(is_active=True)) == [first]


def test_a_section_without_text_or_data_is_printed_with_its_reason_or_left_out_as_the_outline_says(tree, records):
    from reports.documents import build
    from reports.rules import report_period

    rows = [
        outlines.Row(1, "insatser", "Insatser"),  # a heading over the section below it: not empty
        outlines.Row(2, "hemtjanst", "Hemtjänst", empty_text="Ingen hemtjänst i {enhet} under {år}."),
        outlines.Row(2, "boende", "Boende"),
        outlines.Row(1, "ovrigt", "Övrigt", when_empty="omit"),
    ]
    with translation.override("sv"):
        report = build("tertialrapport", report_period(YEAR, "T2"), tree.root, records.planner, rows=rows)
    found = {section.key: section for section in report.sections}

    assert list(found) == ["insatser", "hemtjanst", "boende"]
    assert found["insatser"].blocks == []
    assert [b.text for b in found["hemtjanst"].blocks] == [f"Ingen hemtjänst i socialnämnden under {YEAR}."]
    assert [b.text for b in found["boende"].blocks] == [outlines.EMPTY_TEXT]
    assert found["boende"].warnings == [
        f"Avsnittet saknar text och data för perioden; dokumentet skriver: ”{outlines.EMPTY_TEXT}”."
    ]


def test_a_heading_whose_subsections_were_all_left_out_is_judged_empty_itself(tree, records):
    from reports.documents import build
    from reports.rules import report_period

    rows = [
        outlines.Row(1, "insatser", "Insatser", empty_text="Inga insatser att redovisa."),
        outlines.Row(2, "hemtjanst", "Hemtjänst", when_empty="omit"),
        outlines.Row(1, "bilaga", "Bilaga", writes=False, when_empty="omit"),
        outlines.Row(2, "boende", "Boende", when_empty="omit"),
    ]
    with translation.override("sv"):
        report = build("tertialrapport", report_period(YEAR, "T2"), tree.root, records.planner, rows=rows)

    assert [(s.key, [b.text for b in s.blocks]) for s in report.sections] == [
        ("insatser", ["Inga insatser att redovisa."])
    ]


def test_underlag_lists_only_the_sources_of_tables_and_figures_in_the_document(tree, records):
    from reports.documents import build
    from reports.rules import report_period

    rows = [outlines.Row(1, "risker", "Risker", block="risks"), outlines.Row(1, "text", "Text")]
    with translation.override("sv"):
        report = build("kvalitetsberattelse", report_period(YEAR, ""), tree.a2, records.planner, rows=rows)
    named = {getattr(b, "source", "") for s in report.sections for b in s.blocks} - {""}
    assert {s.key for s in report.sources} == named


def test_the_edit_page_offers_what_an_empty_section_becomes(client, tree, records):
    client.force_login(records.planner)
    outline = copy_through_the_page(client)
    client.post(
        outline.get_absolute_url(),
        formset_data(outline, {"vasentliga_handelser": {"when_empty": "omit"}, "bakgrund": {"empty_text": "Ingen."}}),
    )
    stored = {s.key: s for s in outline.sections.all()}

    assert stored["vasentliga_handelser"].when_empty == "omit"
    assert stored["bakgrund"].empty_text == "Ingen."
    assert "Utelämnas" in client.get(outline.get_absolute_url()).content.decode()
