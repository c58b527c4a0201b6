"""The migrated test database, made once per run and copied into each parallel worker (SQLite only).

Running the 90-odd migrations costs each xdist worker about ten seconds, nearly all of it Django rendering model
states. With SQLite's in-memory test database the first worker migrates and leaves a copy of the result in the
run's shared temporary directory; each other worker waits for it, builds its tables from the models (no
migrations rendered) and then puts the copy over them, so every worker starts from exactly the migrated database:
the data migrations' rows and the audit table's triggers included. PostgreSQL workers migrate as before.

Used by the root ``conftest.py`` through two fixture overrides (``django_db_use_migrations``, ``django_db_setup``).
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

# How long a worker waits for the first one's copy before it migrates on its own (the first may have failed).
WAIT_SECONDS = 300


@dataclass
class Template:
    """This worker's part: make the copy, or take the one another worker made."""

    path: Path
    make: bool


def template_for(shared_dir: Path, run_id: str) -> Template | None:
    """This worker's part, or ``None`` when it migrates on its own (not SQLite in memory, or no copy came)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.sqlite3" or db.get("TEST", {}).get("NAME"):
        return None
    path = shared_dir / f"migrated-{run_id}.sqlite3"
    try:
        os.close(os.open(path.with_suffix(".claim"), os.O_CREAT | os.O_EXCL))
        return Template(path=path, make=True)
    except FileExistsError:
        pass
    deadline = time.monotonic() + WAIT_SECONDS
    while not path.exists():  # written under another name and renamed: it is whole once it is there
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)
    return Template(path=path, make=False)


def finish(template: Template) -> None:
    """After the test database is set up: write the copy for the other workers, or put theirs in place."""
    connection.ensure_connection()
    if template.make:
        written = template.path.with_suffix(".partial")
        kept = sqlite3.connect(written)
        connection.connection.backup(kept)
        kept.close()
        written.rename(template.path)
    else:
        kept = sqlite3.connect(template.path)
        kept.backup(connection.connection)
        kept.close()
