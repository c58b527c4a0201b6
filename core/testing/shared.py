"""Records built once for a whole test module, inside a transaction that is rolled back after its last test.

Each test of the module still runs in its own savepoint (pytest-django's ``db``), so what a test changes is gone
before the next one, and what the module built is gone before the next module. Only for modules whose tests all
use ``db``: a ``transactional_db`` or live-server test would flush the shared records away.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def records_for_the_module(django_db_blocker) -> Iterator[None]:
    """Opens the database and a transaction for records a module shares; rolls both back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
