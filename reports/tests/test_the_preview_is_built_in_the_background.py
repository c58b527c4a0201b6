"""No request waits on a whole document: the preview is built by a task and the page answers at once with its
progress; editing one section's text builds only that section."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from reports import catalogue, generate, previews
from reports.tests.records import YEAR

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def preview_url(tree, kind="kvalitetsplan", period="", **extra):
    query = f"kind={kind}&year={YEAR}&period={period}&unit={tree.root.pk}"
    return "/rapporter/forhandsgranska/?" + query + "".join(f"&{k}={v}" for k, v in extra.items())


# The worker checks its connections as a real worker does, which a test transaction would not survive.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_page_answers_at_once_with_the_progress_and_shows_the_preview_the_worker_built(client, tree, admin):
    client.force_login(admin)
    waiting = client.get(preview_url(tree)).content.decode()
    assert 'role="status"' in waiting and "hx-get=" in waiting and "report-document" not in waiting
    client.get(preview_url(tree))  # asked again while it waits: still the one build
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", "--no-reload", verbosity=0)

    done = client.get(preview_url(tree), headers={"HX-Request": "true"}).content.decode()
    assert "report-document" in done and f"Kvalitetsplan {YEAR}" in done and "byggdes" in done
    assert "hx-get=" not in done  # finished: the page stops asking


def test_a_saved_text_is_in_the_next_preview_while_records_wait_for_a_new_build(client, tree, admin):
    client.force_login(admin)
    assert "Vår egen inledning." not in client.get(preview_url(tree)).content.decode()
    query = f"kind=kvalitetsplan&year={YEAR}&period=&unit={tree.root.pk}"
    client.post(f"/rapporter/text/?{query}", {"section": "inledning", "text": "Vår egen inledning.", "save": "1"})
    assert "Vår egen inledning." in client.get(preview_url(tree)).content.decode()


def test_building_again_reads_todays_records(client, tree, admin):
    from organisation.tests.factories import TargetGroupFactory

    client.force_login(admin)
    client.get(preview_url(tree))
    TargetGroupFactory(name="Unga vuxna med nytt stöd")
    assert "Unga vuxna med nytt stöd" not in client.get(preview_url(tree)).content.decode()  # as built
    assert "Unga vuxna med nytt stöd" in client.get(preview_url(tree, refresh=1)).content.decode()


def test_a_failed_build_says_so_and_offers_to_try_again(client, tree, admin, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("databasen svarar inte")

    monkeypatch.setattr(generate, "assemble", broken)
    client.force_login(admin)
    page = client.get(preview_url(tree)).content.decode()
    assert "kunde inte byggas" in page and "databasen svarar inte" in page and "refresh=1" in page


def test_readers_never_share_a_preview(tree, admin, chief_a):
    assert previews.key("kvalitetsplan", YEAR, "", tree.root.pk, admin.pk) != previews.key(
        "kvalitetsplan", YEAR, "", tree.root.pk, chief_a.pk
    )


def test_editing_one_section_builds_only_that_section(client, tree, admin, monkeypatch):
    def never(ctx, level):
        raise AssertionError("a block of another section was built")

    for key, block in catalogue.BLOCKS.items():
        monkeypatch.setitem(catalogue.BLOCKS, key, catalogue.Block(block.label, never, block.summarised, block.named))
    client.force_login(admin)
    query = f"kind=kvalitetsberattelse&year={YEAR}&period=&unit={tree.root.pk}&section=inledning"
    assert client.get(f"/rapporter/text/?{query}").status_code == 200
    saved = client.post(f"/rapporter/text/?{query}", {"section": "inledning", "text": "Ny text.", "save": "1"})
    assert saved.status_code == 302


def test_saving_from_the_edit_page_stores_the_text_without_assembling_the_section_again(
    client, tree, admin, monkeypatch
):
    client.force_login(admin)
    query = f"kind=kvalitetsberattelse&year={YEAR}&period=&unit={tree.root.pk}&section=riskhantering"
    page = client.get(f"/rapporter/text/?{query}")
    checked = page.context["checked"]

    def never(*args, **kwargs):
        raise AssertionError("the section was assembled again")

    monkeypatch.setattr(generate, "assemble_section", never)
    saved = client.post(
        f"/rapporter/text/?{query}", {"section": "riskhantering", "text": "Vår text.", "checked": checked}
    )
    assert saved.status_code == 302
    from reports.models import Narrative

    assert Narrative.objects.get(section="riskhantering").text == "Vår text."
    # A mark for another section does not count: that post is checked by assembling, as always.
    other = query.replace("section=riskhantering", "section=inledning")
    with pytest.raises(AssertionError, match="assembled again"):
        client.post(f"/rapporter/text/?{other}", {"section": "inledning", "text": "X", "checked": checked})
