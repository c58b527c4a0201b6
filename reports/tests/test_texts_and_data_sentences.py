"""The author writes each section beside the data: a fresh draft holds the suggested sentences, a written
section holds exactly what was written, and a suggestion is added to the text with one button."""

import pytest
from django.utils import translation

from deviations.blocks import lex_sarah_sentence
from finance.blocks import forecast_sentence
from indicators.blocks import share_sentence
from reports import generate
from reports.models import Narrative
from reports.tests.records import YEAR


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


def sections(report):
    return {s.key: s for s in report.sections}


def test_a_fresh_draft_is_complete_with_the_suggested_sentences(tree, records):
    with translation.override("sv"):
        report = generate.assemble("tertialrapport", YEAR, "T2", tree.root, records.planner)
    summary = sections(report)["sammanfattning"]
    assert summary.blocks and all(b.suggested for b in summary.blocks)
    assert [b.text for b in summary.blocks] == summary.suggestions


def test_a_written_section_shows_exactly_the_authors_text(tree, records):
    Narrative.objects.create(
        kind="tertialrapport",
        year=YEAR,
        period="T2",
        unit=tree.root,
        section="sammanfattning",
        text="Första stycket.\n\nAndra stycket.",
    )
    Narrative.objects.create(kind="tertialrapport", year=YEAR, period="T2", unit=tree.root, section="bakgrund", text="")
    with translation.override("sv"):
        report = generate.assemble("tertialrapport", YEAR, "T2", tree.root, records.planner)
    found = sections(report)
    assert [(b.text, b.suggested) for b in found["sammanfattning"].blocks] == [
        ("Första stycket.", False),
        ("Andra stycket.", False),
    ]
    assert found["bakgrund"].blocks == []  # dropped by the author: an empty text stays empty


def test_accepting_a_suggestion_adds_it_to_the_text_and_saving_stores_it(records, client, tree):
    client.force_login(records.planner)
    query = {"kind": "tertialrapport", "year": YEAR, "period": "T2", "unit": tree.root.pk, "section": "lex_sarah"}
    page = client.get("/rapporter/text/", query)
    assert "Av elva rapporterade lex Sarah-händelser" in page.content.decode()
    added = client.post(
        "/rapporter/text/?" + "&".join(f"{k}={v}" for k, v in query.items()),
        {"section": "lex_sarah", "text": "Min analys.", "accept": "0"},
    )
    assert "Min analys.\n\nAv elva rapporterade" in added.context["form"].initial["text"]
    assert not Narrative.objects.exists()  # nothing is saved until the author saves
    saved = client.post(
        "/rapporter/text/?" + "&".join(f"{k}={v}" for k, v in query.items()),
        {"section": "lex_sarah", "text": "Min analys.\n\nAv elva rapporterade lex Sarah-händelser.", "save": "1"},
    )
    assert saved.status_code == 302
    assert Narrative.objects.get().text == "Min analys.\n\nAv elva rapporterade lex Sarah-händelser."


def test_a_personnummer_in_a_text_is_refused(records, client, tree):
    client.force_login(records.planner)
    query = f"kind=tertialrapport&year=2026&period=T2&unit={tree.root.pk}&section=sammanfattning"
    page = client.post("/rapporter/text/?" + query, {"section": "sammanfattning", "text": "19121212-1212", "save": "1"})
    assert page.status_code == 200 and not Narrative.objects.exists()


def test_the_data_sentences_read_as_swedish():
    assert share_sentence("IFO_BOU_UTR_4MAN", "", 982, 1384).replace("\u00a0", " ") == (
        "Totalt har 982 av 1 384 barnavårdsutredningar avslutats inom lagstadgad tid, vilket är 71 %."
    )
    assert lex_sarah_sentence(11, 2, 2) == (
        "Av elva rapporterade lex Sarah-händelser har två bedömts som allvarliga och anmälts till IVO."
    )
    assert lex_sarah_sentence(11, 3, 2) == (
        "Av elva rapporterade lex Sarah-händelser har tre bedömts som allvarliga, varav två har anmälts till IVO."
    )
    assert lex_sarah_sentence(0, 0, 0) == "Inga lex Sarah-händelser har rapporterats under perioden."
    from decimal import Decimal

    assert (
        forecast_sentence("socialnämnden", "efter augusti", Decimal("-12700"))
        .replace("\u00a0", " ")
        .replace("\u2212", "-")
        == "Prognosen för socialnämnden efter augusti visar ett underskott på -12,7 mnkr."
    )


def test_a_written_section_still_offers_its_data_sentences_for_editing(tree, records):
    Narrative.objects.create(
        kind="tertialrapport", year=YEAR, period="T2", unit=tree.root, section="sjukfranvaro", text="Egen text."
    )
    with translation.override("sv"):
        report = generate.assemble("tertialrapport", YEAR, "T2", tree.root, records.planner)
    sick = sections(report)["sjukfranvaro"]
    assert [b.text for b in sick.blocks if hasattr(b, "text")] == ["Egen text."]
    assert len(sick.suggestions) == 1 and "7,54" in sick.suggestions[0]


def test_a_cut_list_of_genomföranden_says_so(tree, records, monkeypatch):
    import datetime as dt

    from controls import blocks as control_blocks
    from controls.models import Control, ControlRun

    control = Control.objects.get()
    for day in (3, 4):
        ControlRun.objects.create(control=control, performed_on=dt.date(YEAR, 3, day), result="ok", verdict="approved")
    monkeypatch.setattr(control_blocks, "RUNS_LISTED", 1)
    with translation.override("sv"):
        report = generate.assemble("kvalitetsberattelse", YEAR, "", tree.root, records.planner)
    runs = sections(report)["egenkontroller"]
    table = next(
        b for b in runs.blocks if getattr(b, "caption", "") == "Godkända kontroller som ej föranlett behov av åtgärder"
    )
    assert len(table.rows) == 1
    assert any("de 1 första genomförandena" in getattr(b, "text", "") for b in runs.blocks)


def test_the_standard_texts_are_offered_and_no_placeholder_is_printed(tree, records):
    with translation.override("sv"):
        report = generate.assemble("kvalitetsberattelse", YEAR, "", tree.root, records.planner)
    found = sections(report)
    assert any("SOSFS 2011:9" in s for s in found["ansvar"].suggestions)
    quality = found["kvalitetsdefinition"].suggestions
    assert len(quality) == 7 and quality[1].startswith("Kunskapsbaserad")
    texts = [b.text for s in report.sections for b in s.blocks if hasattr(b, "text")]
    assert not any("skrivs här" in t for t in texts)


def test_last_years_text_is_the_starting_point_until_this_years_is_saved(records, client, tree):
    Narrative.objects.create(
        kind="kvalitetsberattelse", year=YEAR - 1, period="", unit=tree.root, section="uppdrag", text="Fjolårets text."
    )
    client.force_login(records.planner)
    query = {"kind": "kvalitetsberattelse", "year": YEAR, "unit": tree.root.pk, "section": "uppdrag"}
    page = client.get("/rapporter/text/", query)
    assert page.context["form"].initial["text"] == "Fjolårets text."
    assert f"texten som skrevs för {YEAR - 1}" in page.content.decode()
    Narrative.objects.create(
        kind="kvalitetsberattelse", year=YEAR, period="", unit=tree.root, section="uppdrag", text=""
    )
    assert client.get("/rapporter/text/", query).context["form"].initial["text"] == ""  # this year's, even empty
