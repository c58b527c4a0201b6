"""Background work for indicators: fetching Kolada's values."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from audit.context import task_acting_as

from . import kolada


@task()
def fetch_kolada(years_back: int = 5, started_by: int | None = None) -> dict[str, int]:
    """Fetch the Kolada values of every linked KPI for the last ``years_back`` years (run on demand and nightly)."""
    this_year = timezone.localdate().year
    with task_acting_as(started_by):
        return kolada.sync(range(this_year - years_back, this_year + 1))
