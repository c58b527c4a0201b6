"""In production tasks are queued in the database and run by `manage.py db_worker`."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from audit.choices import Event, Source
from audit.models import AuditEntry
from organisation.models import Period
from organisation.tasks import copy_period_to_next_year
from organisation.tests.factories import PeriodFactory

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# The worker checks its connections as a real worker does, which a test transaction would not survive.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_queued_task_waits_for_the_worker_and_is_logged_as_the_person_who_queued_it(tree, admin):
    source = PeriodFactory(year=2030)
    source.create_default_points()

    result = copy_period_to_next_year.enqueue(source.pk, admin.pk)
    assert not Period.objects.filter(year=2031).exists()  # queued, not run inline

    call_command("db_worker", "--batch", "--no-reload", verbosity=0)

    result.refresh()
    assert result.status == "SUCCESSFUL"
    created = Period.objects.get(year=2031)
    entry = AuditEntry.objects.get(action=Event.CREATE, content_type__model="period", object_id=str(created.pk))
    assert (entry.actor, entry.source) == (admin, Source.TASK)
