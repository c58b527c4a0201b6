"""The seed-shaped records (``records.build``) built once for each module that uses them."""

import pytest

from reports.tests.records import Records, build


@pytest.fixture(scope="module")
def module_records(module_tree) -> Records:
    return build(module_tree)


@pytest.fixture
def records(module_records, shared_tree) -> Records:
    """The module's records; each test runs in its own savepoint, so what it changes is gone after it."""
    return module_records
