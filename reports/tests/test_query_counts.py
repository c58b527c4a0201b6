"""A document's preview makes the same number of queries however many records it sums up."""

import pytest
from django.db import connection
from django.test import Client
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


DOCUMENTS = [("tertialrapport", "T2"), ("kvalitetsberattelse", ""), ("kvalitetsplan", "")]


def _url(tree, kind, period):
    # refresh: each counted request builds the document (the preview is otherwise kept built for a while)
    return f"/rapporter/forhandsgranska/?kind={kind}&year=2026&period={period}&unit={tree.root.pk}&refresh=1"


@pytest.fixture(scope="module")
def counted_with_three(module_tree):
    """Each preview counted once with three records of each kind, then the records grown to fifteen."""
    admin = person_with_role(Role.ADMINISTRATOR, module_tree.root)
    client = Client()
    client.force_login(admin)
    _add_records(module_tree, admin, 3)
    few = {}
    for kind, period in DOCUMENTS:
        client.get(_url(module_tree, kind, period))  # warm the per-process caches so both counts are alike
        few[kind] = _count(client, _url(module_tree, kind, period))
    _add_records(module_tree, admin, 12)
    return admin, few


@pytest.mark.parametrize("kind,period", DOCUMENTS)
def test_a_preview_makes_a_constant_number_of_queries(
    client, shared_tree, counted_with_three, kind, period, django_assert_max_num_queries
):
    admin, few = counted_with_three
    client.force_login(admin)
    url = _url(shared_tree, kind, period)
    client.get(url)  # warm again: each test starts with an empty cache
    with django_assert_max_num_queries(PREVIEW_MAX_QUERIES):
        many = _count(client, url)
    assert many == few[kind], f"{kind}: {few[kind]} queries, then {many}"
