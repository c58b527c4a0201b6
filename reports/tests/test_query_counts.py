"""A document's preview makes the same number of queries however many records it sums up."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from core.tests.test_query_counts import _add_records

PREVIEW_MAX_QUERIES = 120  # one document gathers from every module: a fixed number of queries per section


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("kind,period", [("tertialrapport", "T2"), ("kvalitetsberattelse", ""), ("kvalitetsplan", "")])
def test_a_preview_makes_a_constant_number_of_queries(client, tree, kind, period, django_assert_max_num_queries):
    admin = person_with_role(Role.ADMINISTRATOR, tree.root)
    client.force_login(admin)
    url = f"/rapporter/forhandsgranska/?kind={kind}&year=2026&period={period}&unit={tree.root.pk}"
    _add_records(tree, admin, 3)
    client.get(url)
    few = _count(client, url)
    _add_records(tree, admin, 12)
    with django_assert_max_num_queries(PREVIEW_MAX_QUERIES):
        many = _count(client, url)
    assert many == few, f"{kind}: {few} queries, then {many}"
