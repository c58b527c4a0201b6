"""Background work for goals: copying a year's goal tree."""

from __future__ import annotations

from django_tasks import task

from audit.context import task_acting_as
from organisation.models import Unit

from .models import copy_year


@task()
def copy_goal_year(year: int, unit_id: int | None = None, started_by: int | None = None) -> int:
    """Copy the goal tree of ``year`` (within the unit's subtree) to the next year; returns the goals created."""
    with task_acting_as(started_by):
        return copy_year(year, Unit.objects.filter(pk=unit_id).first())
