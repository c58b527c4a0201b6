"""Records a live-server test needs, built once per test worker and copied back for each test that asks.

A live-server (transactional) test commits what it makes, and the database is flushed after it, so its records
cannot be shared in a rolled-back transaction as ``core.testing.shared`` does for the other tests. Instead the
first test that asks builds them and a copy of the whole database is kept; each later test gets the copy back:

* SQLite (the in-memory test database): through SQLite's online backup API, page by page, in milliseconds;
* PostgreSQL: every table's rows through binary ``COPY``, then the sequences set past them.

The copy is kept per day of the (possibly moved) clock, since the records are dated from it. Each test still
starts from exactly the database the build made, whatever the test before it changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from audit.immutability import maintenance

T = TypeVar("T")

# Never copied back: the migration history is the schema's, not the records'.
KEEP = {"django_migrations"}


@dataclass
class _Copy:
    value: object
    sqlite: sqlite3.Connection | None = None
    tables: dict[str, bytes] | None = None


_copies: dict[tuple[str, object], _Copy] = {}


def restored(name: str, build: Callable[[], T]) -> T:
    """The database as ``build()`` leaves it, and what it returned: built on the first call, copied back after.

    ``build`` must make every record through the database (no state kept only in Python), and what it returns is
    only read: the same objects are handed to each later test."""
    key = (name, timezone.localdate())
    copy = _copies.get(key)
    if copy is None:
        value = build()
        _copies[key] = _save(value)
        return value
    _restore(copy)
    return copy.value  # type: ignore[return-value]


def _save(value: object) -> _Copy:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        kept = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(kept)
        return _Copy(value, sqlite=kept)
    tables = {}
    with connection.cursor() as cursor:
        for table in _tables(cursor):
            with cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT BINARY)') as out:
                tables[table] = b"".join(bytes(chunk) for chunk in out)
    return _Copy(value, tables=tables)


def _restore(copy: _Copy) -> None:
    # The copy has its own content types, numbered as they were when it was built (the flush after a test makes
    # them anew, perhaps in another order): the process's cache of them must not outlive the database it read.
    ContentType.objects.clear_cache()
    connection.ensure_connection()
    if copy.sqlite is not None:
        copy.sqlite.backup(connection.connection)
        return
    assert copy.tables is not None
    models = apps.get_models(include_auto_created=True)
    with maintenance(connection), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in copy.tables))
        for table, data in copy.tables.items():
            with cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT BINARY)') as into:
                into.write(data)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _tables(cursor) -> list[str]:
    return [name for name in connection.introspection.table_names(cursor) if name not in KEEP]
