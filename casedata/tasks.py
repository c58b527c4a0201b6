"""Background work for ärendedata: recomputing the indicators after an import."""

from __future__ import annotations

from django_tasks import task

from audit.context import task_acting_as

from .compute import after_import, recompute
from .importer import run_job
from .models import ImportJob


@task()
def recompute_indicators(started_by: int | None = None) -> int:
    """Recompute every case-data indicator for every follow-up point; returns the utfall written."""
    with task_acting_as(started_by):
        return recompute()


@task()
def import_upload(job_id: int) -> str:
    """Import an uploaded file of ärendedata (``importer.run_job``), then recompute the indicators."""
    job = ImportJob.objects.select_related("created_by", "mapping").get(pk=job_id)
    with task_acting_as(job.created_by_id):
        job = run_job(job)
    if job.status == "done":
        # In this task, not another: the job's page then says what the import computed once it says done.
        with task_acting_as(job.created_by_id):
            outcome = after_import(job.batch.period_start, job.batch.period_end)
        ImportJob.objects.filter(pk=job.pk).update(outcome=outcome)
    return job.status
