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


@task()
def build_preview(
    preview_key: str, kind: str, year: int, period: str, unit_id: int, user_id: int, edit_url: str, editable: bool
) -> str:
    """Build one reader's web preview of a document into the shared cache (``reports.previews``)."""
    from django.contrib.auth import get_user_model

    from organisation.models import Unit

    from . import previews

    unit = Unit.objects.get(pk=unit_id)
    user = get_user_model().objects.get(pk=user_id)
    with task_acting_as(user_id):
        previews.build(preview_key, kind, year, period, unit, user, edit_url, editable)
    return "done"
