"""A re-import replaces cases only when the person has seen what it replaces and asked for it: on the upload
page by confirming, on the command line and in the API by naming the period (issue 12, finding 1)."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from casedata.choices import JobStatus
from casedata.importer import import_cases, run_job
from casedata.models import Case, ImportJob
from casedata.tests.test_import_and_indicators import csv


@pytest.fixture
def planner(tree):
    return person_with_role(Role.KVALITETSUTVECKLARE, tree.root)


def cases(tree, prefix, days):
    return [
        (f"{prefix}-{d}", tree.a1.code, "utredning_barn", f"2025-03-{d:02d}", "", "", "", "K", 2015, "", "nej", "nej")
        for d in days
    ]


@pytest.fixture
def imported(tree, planner):
    return import_cases(csv(cases(tree, "G", range(1, 29))), "mars.csv", by=planner)


def upload(client, data, name="ny.csv"):
    response = client.post("/arendedata/importera/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302
    return client.get(response["Location"])


def test_the_upload_page_shows_what_would_be_replaced_and_replaces_only_on_confirmation(
    client, tree, planner, imported
):
    client.force_login(planner)
    page = upload(client, csv(cases(tree, "N", [5, 20])))

    job = page.context["object"]
    assert job.status == JobStatus.CONFIRM and page.context["can_confirm"]
    assert job.overlap["per_unit"] == [[tree.a1.code, 2, 16]]
    assert "Ersätt 2025-03-05–2025-03-20 och importera" in page.content.decode()
    assert Case.objects.count() == 28  # nothing written yet

    done = client.post(f"/arendedata/importera/{job.pk}/kor/", {"confirm": "1"})

    assert done.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and not job.file  # the raw file is gone once imported
    assert Case.objects.count() == 28 - 16 + 2
    assert Case.all_versions.count() == 30  # the replaced cases are kept


def test_an_upload_with_bad_rows_lists_them_on_its_page_and_imports_nothing(client, tree, planner):
    client.force_login(planner)
    bad = [("B-1", tree.a1.code, "utredning_barn", "2094-01-01", "", "", "", "K", 2015, "", "nej", "nej")]
    page = upload(client, csv(bad))
    assert page.context["object"].status == JobStatus.REFUSED
    assert "Rad 2, kolumn start" in page.content.decode()
    assert not Case.objects.exists()


def test_someone_else_cannot_confirm_or_even_see_an_upload(client, tree, planner, imported):
    client.force_login(planner)
    job = upload(client, csv(cases(tree, "N", [5]))).context["object"]
    client.force_login(person_with_role(Role.KVALITETSUTVECKLARE, tree.b, username="annan"))
    assert client.get(f"/arendedata/importera/{job.pk}/").status_code == 404
    assert client.post(f"/arendedata/importera/{job.pk}/kor/", {"confirm": "1"}).status_code == 404
    assert Case.objects.count() == 28


def test_an_upload_whose_worker_died_is_shown_as_failed_and_can_be_run_again(client, tree, planner):
    client.force_login(planner)
    with time_machine.travel(dt.datetime(2026, 5, 4, 8, tzinfo=dt.UTC), tick=False):
        job = ImportJob.objects.create(
            file=SimpleUploadedFile("x.csv", csv(cases(tree, "N", [5]))),
            file_name="x.csv",
            unit=tree.root,
            created_by=planner,
            status=JobStatus.RUNNING,
        )
    with time_machine.travel(dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC), tick=False):
        page = client.get(job.get_absolute_url())
        assert page.context["stalled"] and page.context["can_retry"] and not page.context["running"]
        assert "Misslyckades" in page.content.decode()
        client.post(f"/arendedata/importera/{job.pk}/kor/")
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and Case.objects.count() == 1


def test_the_command_refuses_an_overlap_until_the_period_is_named(tmp_path, tree, planner, imported):
    path = tmp_path / "ny.csv"
    path.write_bytes(csv(cases(tree, "N", [5, 20])))
    with pytest.raises(CommandError, match="--replace-period 2025-03-05:2025-03-20"):
        call_command("import_casedata", str(path), "--user", planner.username)
    assert Case.objects.count() == 28
    call_command("import_casedata", str(path), "--user", planner.username, "--replace-period", "2025-03-01:2025-03-31")
    assert Case.objects.count() == 2


def test_a_missing_file_is_a_message_not_a_traceback(tree, planner):
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_casedata", "/finns/inte.csv", "--user", planner.username)


def test_the_api_answers_an_overlap_with_409_and_what_it_would_replace(tree, planner, imported):
    api = APIClient()
    api.force_authenticate(planner)
    upload = SimpleUploadedFile("ny.csv", csv(cases(tree, "N", [5])))
    response = api.post("/api/v1/case-imports/upload/", {"file": upload}, format="multipart")
    assert response.status_code == 409
    assert response.json()["units"] == [{"unit": tree.a1.code, "in_file": 1, "replaced": 1}]
    upload = SimpleUploadedFile("ny.csv", csv(cases(tree, "N", [5])))
    response = api.post("/api/v1/case-imports/upload/", {"file": upload, "replace_period": "2025"}, format="multipart")
    assert response.status_code == 201 and Case.objects.count() == 1
    assert Case.all_versions.filter(superseded_by__isnull=False).count() == 28
    assert dt.date(2025, 3, 5) in Case.objects.values_list("started_on", flat=True)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_a_worker_the_api_answers_at_once_and_the_job_tells_how_it_ended(tree, planner):
    api = APIClient()
    api.force_authenticate(planner)
    upload = SimpleUploadedFile("ny.csv", csv(cases(tree, "N", [5])))

    queued = api.post("/api/v1/case-imports/upload/", {"file": upload}, format="multipart")

    assert queued.status_code == 202 and not Case.objects.exists()  # no request waits on the import
    job_url = queued.json()["url"]
    assert api.get(job_url).status_code == 202
    run_job(ImportJob.objects.get(pk=queued.json()["job"]))  # what the worker does
    assert api.get(job_url).status_code == 201 and Case.objects.count() == 1
    other = APIClient()
    other.force_authenticate(person_with_role(Role.KVALITETSUTVECKLARE, tree.b, username="annan"))
    assert other.get(job_url).status_code == 404
