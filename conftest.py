"""Shared fixtures: a small organisation tree and the personas every scope test speaks of.

Socialnämnden (root, nämnd)
└── Socialförvaltningen (förvaltning)
    ├── Område A (verksamhetsområde)
    │   ├── Enhet A1
    │   └── Enhet A2
    └── Område B (verksamhetsområde)
        └── Enhet B1
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the live-server tests
# make around it are still synchronous and safe (TECH-NOTES).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from accounts.choices import Role
from accounts.tests.factories import PASSWORD, person_with_role
from core.testing import database
from core.testing.shared import records_for_the_module
from organisation.choices import UnitKind
from organisation.models import Unit
from organisation.tests.factories import UnitFactory

pytest_plugins = ["core.testing.clock"]


@dataclass
class Tree:
    root: Unit
    admin_office: Unit
    a: Unit
    a1: Unit
    a2: Unit
    b: Unit
    b1: Unit


@pytest.fixture(scope="session")
def _database_template(request, tmp_path_factory):
    """In a parallel run on SQLite, this worker's part in sharing one migrated database (core.testing.database)."""
    worker = getattr(request.config, "workerinput", None)
    if worker is None:
        return None
    return database.template_for(tmp_path_factory.getbasetemp().parent, worker["testrunuid"])


@pytest.fixture(scope="session")
def django_db_use_migrations(request, _database_template) -> bool:
    """Migrations build the test database, except where another worker's migrated copy is put over it."""
    taken = _database_template is not None and not _database_template.make
    return not request.config.getvalue("nomigrations") and not taken


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, _database_template, django_db_blocker):
    """pytest-django's test database, then the migrated copy written for the other workers or put in place."""
    if _database_template is not None:
        with django_db_blocker.unblock():
            database.finish(_database_template)
    yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (rate limits, cached record counts)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def build_tree() -> Tree:
    """The organisation tree drawn at the top of this file."""
    root = UnitFactory(code="SN", name="Socialnämnden", kind=UnitKind.NAMND)
    office = UnitFactory(code="SF", name="Socialförvaltningen", kind=UnitKind.FORVALTNING, parent=root)
    a = UnitFactory(code="A", name="Område A", kind=UnitKind.VERKSAMHETSOMRADE, parent=office)
    b = UnitFactory(code="B", name="Område B", kind=UnitKind.VERKSAMHETSOMRADE, parent=office)
    return Tree(
        root=root,
        admin_office=office,
        a=a,
        a1=UnitFactory(code="A1", name="Enhet A1", parent=a),
        a2=UnitFactory(code="A2", name="Enhet A2", parent=a),
        b=b,
        b1=UnitFactory(code="B1", name="Enhet B1", parent=b),
    )


@pytest.fixture
def tree(db) -> Tree:
    return build_tree()


@pytest.fixture(scope="module")
def module_tree(django_db_setup, django_db_blocker) -> Tree:
    """The same tree built once for a module, for larger records its tests share (``core.testing.shared``).

    A module that uses it overrides ``tree`` to return ``shared_tree``, so every test still runs in its own
    savepoint and the personas are made per test."""
    with records_for_the_module(django_db_blocker):
        yield build_tree()


@pytest.fixture
def shared_tree(module_tree, db) -> Tree:
    """``tree`` for a module that shares records: the module's tree, each test in its own savepoint."""
    return module_tree


@pytest.fixture
def root_causes(db):
    """The default root causes; a data migration made them, but a transactional test's flush removes them."""
    from deviations.models import RootCause

    RootCause.ensure_defaults()
    return list(RootCause.objects.all())


def _restore_migration_data() -> None:
    """The rows the data migrations make (root causes, the indicator catalogue), and an empty shared cache (its
    table is no model's, so the flush leaves a browser test's rate-limit counts in it)."""
    from django.core.cache import caches

    from deviations.models import RootCause
    from indicators.catalogue import ensure_catalogue
    from indicators.models import Indicator

    RootCause.ensure_defaults()
    ensure_catalogue(Indicator)
    caches["shared"].clear()


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    uses = set(getattr(item, "fixturenames", ()))
    return bool(marker and marker.kwargs.get("transaction")) or bool(uses & {"transactional_db", "live_server"})


def _spread_transactional(items) -> None:
    """Spread the transactional (browser) tests evenly between the other tests' modules.

    pytest-django puts them last; with xdist each worker starts on one contiguous block of the tests, so the last
    worker would get every browser test and the run would wait on it. Placed at module boundaries (a module's
    shared records stay built once) and safe in any order, since the database is put back after each of them."""
    transactional = [item for item in items if _is_transactional(item)]
    if not transactional or len(transactional) == len(items):
        return
    others = [item for item in items if not _is_transactional(item)]
    boundaries = [i for i in range(1, len(others)) if others[i].module is not others[i - 1].module] + [len(others)]
    slots: dict[int, list] = {}
    for n, item in enumerate(transactional):
        target = (n + 1) * len(others) // (len(transactional) + 1)
        slots.setdefault(next(b for b in boundaries if b >= target), []).append(item)
    ordered = []
    for i, item in enumerate(others):
        ordered += slots.get(i, [])
        ordered.append(item)
    ordered += slots.get(len(others), [])
    items[:] = ordered


@pytest.fixture(scope="session", autouse=True)
def _flush_may_empty_the_audit_log():
    """The database refuses to empty the append-only audit table (audit.immutability); the flush after a
    transactional test empties every table, so it runs in the one maintenance window."""
    from django.core.management.commands import flush
    from django.db import connections

    from audit.immutability import maintenance

    original = flush.Command.handle

    def handle(self, **options):
        with maintenance(connections[options.get("database") or "default"]):
            return original(self, **options)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has flushed the database, put back what the migrations made.

    So every test, whichever ran before it in its worker, finds the database as migrated."""
    result = yield
    # After the last test the test database is already gone, and nothing needs it.
    if nextitem is not None and _is_transactional(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            _restore_migration_data()
    return result


@pytest.fixture
def chief_a(tree):
    """A chief of unit A (enhetschef over A and its units)."""
    return person_with_role(Role.ENHETSCHEF, tree.a, username="chef.a")


@pytest.fixture
def reader_a(tree):
    """A reader in A: an employee at A1, who sees organisation data but no one's personal records."""
    return person_with_role(Role.MEDARBETARE, tree.a1, username="medarbetare.a")


@pytest.fixture
def chief_b(tree):
    """A chief of unit B, who must see nothing of A."""
    return person_with_role(Role.ENHETSCHEF, tree.b, username="chef.b")


@pytest.fixture
def admin(tree):
    """An administrator at the root: the whole organisation."""
    return person_with_role(Role.ADMINISTRATOR, tree.root, username="admin")


@pytest.fixture
def password() -> str:
    return PASSWORD


# Browser tests: Debian's Chromium, never a downloaded browser. Its headless shell (the same engine without the
# browser's windows, Debian's package chromium-headless-shell) runs the browser tests in about a sixth less time;
# the full browser is used where only it is installed (docs/decisions/0012).
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"
CHROMIUM = HEADLESS_SHELL if os.path.exists(HEADLESS_SHELL) else "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.hookimpl(trylast=True)  # after pytest-django has put the transactional tests last
def pytest_collection_modifyitems(config, items):
    _spread_transactional(items)
    if os.path.exists(CHROMIUM):
        return
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(
            f"{HEADLESS_SHELL} is missing: CI must install it (apt-get install -y chromium-headless-shell)."
        )
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install -y chromium-headless-shell)")
    for item in browser_items:
        item.add_marker(skip)
