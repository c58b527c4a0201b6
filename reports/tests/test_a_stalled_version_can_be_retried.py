"""A version whose worker died is shown as failed with a way to try again, never as "Skapas" for ever (issue 12,
finding 6)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from reports import generate, rules
from reports.choices import VersionStatus
from reports.models import ReportVersion

NOW = dt.datetime(2026, 9, 10, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("status", "minutes", "stalled"),
    [("running", 5, False), ("running", 16, True), ("queued", 16, True), ("done", 600, False), ("failed", 600, False)],
)
def test_a_version_without_progress_for_a_quarter_of_an_hour_has_stalled(status, minutes, stalled):
    assert rules.is_stalled(status, NOW - dt.timedelta(minutes=minutes), NOW) is stalled


def test_a_stalled_version_says_it_failed_and_is_generated_again_on_request(client, tree):
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    with time_machine.travel(NOW, tick=False):
        version = generate.new_version("kvalitetsplan", 2026, "", tree.root, planner)
        ReportVersion.objects.filter(pk=version.pk).update(status=VersionStatus.RUNNING, progress=40)
    with time_machine.travel(NOW + dt.timedelta(minutes=20), tick=False):
        client.force_login(planner)  # here: a session begun on the run's (perhaps moved) day may have expired
        page = client.get(version.get_absolute_url())
        assert page.context["stalled"] and not page.context["running"] and page.context["can_retry"]
        assert "Försök igen" in page.content.decode()
        assert "Misslyckades" in client.get("/rapporter/").content.decode()

        retried = client.post(f"/rapporter/version/{version.pk}/forsok-igen/")

    assert retried.status_code == 302
    version.refresh_from_db()
    assert (version.status, version.progress) == (VersionStatus.DONE, 100)  # the test's tasks run at once


def test_a_version_still_making_progress_cannot_be_restarted(client, tree):
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    version = generate.new_version("kvalitetsplan", 2026, "", tree.root, planner)
    ReportVersion.objects.filter(pk=version.pk).update(status=VersionStatus.RUNNING, updated_at=timezone.now())
    client.force_login(planner)
    assert client.post(f"/rapporter/version/{version.pk}/forsok-igen/").status_code == 403
