"""The audit table is append-only in the database itself, not only in the app.

* PostgreSQL: a row trigger refuses UPDATE and DELETE (migration 0002) and a statement trigger refuses TRUNCATE
  (0004). In production the app runs as a role that does not own the table (README, Production), so it can
  neither disable the triggers nor drop the table.
* SQLite: triggers refuse UPDATE and DELETE (0004); SQLite has no roles, so this stops the ORM's ``update()`` and
  ``delete()`` and every other path through a connection.

The one way around them is :func:`maintenance`, for emptying the whole database: the test runner's flush between
transactional tests. It is never called by the app.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

SQLITE_FLAG = "kvalitetsnav_audit_maintenance"  # the SQL function the SQLite triggers ask
POSTGRES_FLAG = "kvalitetsnav.audit_maintenance"  # the setting the TRUNCATE trigger asks

_state = threading.local()


def _in_maintenance() -> int:
    return int(getattr(_state, "on", False))


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """On each new SQLite connection, the function the triggers call (``connection_created``)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FLAG, 0, _in_maintenance)


@contextlib.contextmanager
def maintenance(connection) -> Iterator[None]:
    """Let the block empty the audit table along with every other (a flush). Tests only."""
    _state.on = True
    postgres = connection.vendor == "postgresql"
    try:
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute(f"SET {POSTGRES_FLAG} = 'on'")
        yield
    finally:
        _state.on = False
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute(f"RESET {POSTGRES_FLAG}")
