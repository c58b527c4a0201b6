"""A record's detail page costs the same number of SQL queries whatever it links to."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import MembershipFactory, person_with_role
from core.tests.test_query_counts import MAX_QUERIES
from organisation.tests.factories import PeriodFactory, ProcessFactory, TargetGroupFactory, UnitFactory


@pytest.mark.parametrize("kind", ["unit", "process", "person", "period", "deviation", "complaint"])
def test_a_detail_page_makes_a_constant_number_of_queries(client, tree, kind, django_assert_max_num_queries):
    admin = person_with_role(Role.ADMINISTRATOR, tree.root)
    client.force_login(admin)
    period = PeriodFactory(year=2026)
    period.create_default_points()
    process = ProcessFactory(unit=tree.a, owner=admin)
    from complaints.tests.factories import ComplaintFactory
    from deviations.tests.factories import DeviationFactory

    deviation = DeviationFactory(unit=tree.a, description="Fel dos av läkemedel på kvällen.")
    complaint = ComplaintFactory(unit=tree.a, description="Lång väntan på beslut.")
    # One similar record before and many after, so the similarity lookup runs in both counts.
    DeviationFactory(unit=tree.a, description="Fel dos av läkemedel igen.")
    ComplaintFactory(unit=tree.a, description="Lång väntan igen.")
    url = {
        "unit": reverse("organisation:unit_detail", args=[tree.a.pk]),
        "process": reverse("organisation:process_detail", args=[process.pk]),
        "person": reverse("accounts:person_detail", args=[admin.pk]),
        "period": reverse("organisation:period_detail", args=[period.pk]),
        "deviation": reverse("deviations:detail", args=[deviation.pk]),
        "complaint": reverse("complaints:detail", args=[complaint.pk]),
    }[kind]
    from actions.tests.factories import ActionFactory

    client.get(url)  # warm the per-process caches (content types, word frequencies)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    few = len(ctx.captured_queries)
    for _ in range(10):
        process.target_groups.add(TargetGroupFactory())
        MembershipFactory(unit=tree.a, user=admin, role=Role.MEDARBETARE)
        UnitFactory(parent=tree.a)
        ProcessFactory(unit=tree.a)
        DeviationFactory(unit=tree.a, description="Fel dos av läkemedel igen.").actions.add(ActionFactory(unit=tree.a))
        deviation.actions.add(ActionFactory(unit=tree.a))
        ComplaintFactory(unit=tree.a, description="Lång väntan igen.")
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES), CaptureQueriesContext(connection) as ctx:
        client.get(url)
    assert len(ctx.captured_queries) == few
