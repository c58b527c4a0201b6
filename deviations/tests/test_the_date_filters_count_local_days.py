"""The list's date filters count whole local days, and compare instants, so the time column's index is used."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from deviations.filters import DeviationFilter
from deviations.models import Deviation
from deviations.tests.factories import DeviationFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _filtered(data):
    return set(DeviationFilter(data, queryset=Deviation.objects.all()).qs.values_list("description", flat=True))


def test_a_report_late_in_the_evening_belongs_to_its_local_day(tree):
    # 00:30 in Stockholm on 4 December is 23:30 UTC on the 3rd: a filter on UTC days would put it on the 3rd.
    DeviationFactory(unit=tree.a1, description="kväll", reported_at=dt.datetime(2026, 12, 3, 23, 30, tzinfo=STOCKHOLM))
    DeviationFactory(unit=tree.a1, description="natt", reported_at=dt.datetime(2026, 12, 4, 0, 30, tzinfo=STOCKHOLM))

    assert _filtered({"reported_to": "2026-12-03"}) == {"kväll"}
    assert _filtered({"reported_from": "2026-12-04"}) == {"natt"}
    assert _filtered({"reported_from": "2026-12-03", "reported_to": "2026-12-04"}) == {"kväll", "natt"}


def test_a_day_across_the_change_to_summer_time_is_whole(tree):
    # 29 March 2026 has 23 hours in Stockholm.
    DeviationFactory(unit=tree.a1, description="före", reported_at=dt.datetime(2026, 3, 29, 1, 30, tzinfo=STOCKHOLM))
    DeviationFactory(unit=tree.a1, description="efter", reported_at=dt.datetime(2026, 3, 29, 23, 59, tzinfo=STOCKHOLM))
    DeviationFactory(unit=tree.a1, description="nästa", reported_at=dt.datetime(2026, 3, 30, 0, 0, tzinfo=STOCKHOLM))

    assert _filtered({"reported_from": "2026-03-29", "reported_to": "2026-03-29"}) == {"före", "efter"}


def test_the_filter_compares_the_stored_instants_not_each_rows_converted_date(tree):
    DeviationFactory(unit=tree.a1)
    with CaptureQueriesContext(connection) as queries:
        list(DeviationFilter({"reported_from": "2026-12-01", "reported_to": "2026-12-31"}, Deviation.objects.all()).qs)
    sql = queries.captured_queries[-1]["sql"].lower()
    assert "reported_at" in sql
    assert "cast_date" not in sql and "at time zone" not in sql and "::date" not in sql
