"""Background tasks of the organisation app."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from audit.context import task_acting_as

from . import rules
from .models import FollowUpPoint, Period


@task()
def copy_period_to_next_year(period_id: int, acting_user_id: int | None = None) -> int:
    """Create next year's follow-up year with the same points, each date moved one year on.

    Returns the id of the new year; if it already exists, nothing is changed and its id returned.
    """
    with task_acting_as(acting_user_id), transaction.atomic():
        source = Period.objects.get(pk=period_id)
        existing = Period.objects.filter(year=source.year + 1).first()
        if existing is not None:
            return existing.pk
        target = Period.objects.create(year=source.year + 1, scheme=source.scheme)
        for point in source.points.all():
            FollowUpPoint.objects.create(
                period=target,
                code=point.code,
                name=point.name,
                starts_on=rules.shift_year(point.starts_on, 1),
                ends_on=rules.shift_year(point.ends_on, 1),
                report_due_on=rules.shift_year(point.report_due_on, 1) if point.report_due_on else None,
                order=point.order,
            )
        return target.pk
