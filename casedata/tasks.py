"""Background work for ärendedata: recomputing the indicators after an import."""

from __future__ import annotations

from django_tasks import task

from audit.context import task_acting_as

from .compute import recompute


@task()
def recompute_indicators(started_by: int | None = None) -> int:
    """Recompute every case-data indicator for every follow-up point; returns the utfall written."""
    with task_acting_as(started_by):
        return recompute()
