"""An upload left waiting for a confirmation (or failed, or stalled) loses its kept file after a week: the file
holds the source system's own case ids, which Kvalitetsnav otherwise keeps only as keyed hashes."""

import datetime as dt

import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from casedata.models import ImportJob


def kept(tree, status, name):
    job = ImportJob(file_name=name, unit=tree.root, created_by=person_with_role(Role.KVALITETSUTVECKLARE, tree.root))
    job.status = status
    job.file.save(name, ContentFile(b"arende_id;enhet\nBU-1;A1\n"), save=True)
    return job


@time_machine.travel(dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC), tick=False)
def test_a_week_old_unconfirmed_upload_loses_its_file_and_says_why(tree, capsys):
    old = kept(tree, "confirm", "gammal.csv")
    path = old.file.path
    with time_machine.travel(dt.datetime(2026, 3, 5, 8, tzinfo=dt.UTC), tick=False):
        fresh = kept(tree, "confirm", "ny.csv")
    with time_machine.travel(dt.datetime(2026, 3, 10, 8, tzinfo=dt.UTC), tick=False):
        call_command("purge_uploads")
    assert "1 kvarlämnade uppladdningar rensade." in capsys.readouterr().out
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.file.name, old.status) == ("", "failed") and "mer än 7 dagar" in old.errors[0]["message"]
    assert not __import__("os").path.exists(path)
    assert fresh.file.name and fresh.status == "confirm"  # five days: still waiting
    fresh.file.delete(save=False)
