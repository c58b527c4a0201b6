"""Background work for reports: generating a version."""

from __future__ import annotations

from django_tasks import task

from audit.context import task_acting_as

from . import generate
from .models import ReportVersion


@task()
def generate_version(version_id: int) -> str:
    """Generate a queued version (content, Word and PDF); returns its status."""
    version = ReportVersion.objects.select_related("unit", "created_by", "template").get(pk=version_id)
    with task_acting_as(version.created_by_id):
        return generate.run(version).status
