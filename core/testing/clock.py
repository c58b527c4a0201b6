"""The suite's clock: ``--clock`` (or ``TEST_CLOCK``) moves every test to another day, so date bugs show.

A pytest plugin, loaded from the root ``conftest.py``. With ``--clock 2028-02-29`` the whole run — fixtures,
factories, the live server's thread, every xdist worker — starts at that day and the clock ticks on from there,
through ``time-machine``'s travel (Python's clock only: the database's ``now()`` is not moved, and the code reads
the time from Python). A test that travels on its own still does, from inside the moved clock.

A day alone means that day at 00:30 in Stockholm, the moment when "two hours ago" is yesterday and, on the first
of a month or a year, in the last period: the hardest time of day for code that mixes days and times. A full
moment (``2027-01-01T12:00+01:00``) is taken as written. ``--clock commit`` derives a day and a time from the
checked-out commit, so CI tries a different one on every commit (see the README's development section).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
from zoneinfo import ZoneInfo

import pytest

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FIRST_DAY = dt.date(2026, 1, 1)
SPAN_DAYS = 10 * 366  # the commit-derived days fall in 2026–2035


def moment_for(value: str, commit: str | None = None) -> dt.datetime:
    """The moment a ``--clock`` value names: an ISO day or moment, or ``commit`` for one derived from ``commit``."""
    if value == "commit":
        digest = int(hashlib.sha256((commit or _head()).encode()).hexdigest(), 16)
        day = FIRST_DAY + dt.timedelta(days=digest % SPAN_DAYS)
        minutes = (digest // SPAN_DAYS) % (24 * 60)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=STOCKHOLM)
    if len(value) == 10:
        return dt.datetime.combine(dt.date.fromisoformat(value), dt.time(0, 30), tzinfo=STOCKHOLM)
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)


def _head() -> str:
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True, cwd=os.path.dirname(__file__)
    ).stdout.strip()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        default=os.environ.get("TEST_CLOCK", ""),
        help="Run every test with the clock moved to this day or moment (ISO 8601), or 'commit' for a day derived "
        "from the checked-out commit. Default: $TEST_CLOCK, else the real clock.",
    )


def pytest_configure(config: pytest.Config) -> None:
    value = config.getoption("--clock")
    if not value:
        return
    # xdist's workers get the controller's moment, so all of them run on the same day.
    worker_input = getattr(config, "workerinput", None)
    moment = dt.datetime.fromisoformat(worker_input["clock"]) if worker_input else moment_for(value)
    config._clock_moment = moment  # type: ignore[attr-defined]
    import time_machine

    traveller = time_machine.travel(moment, tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """Hands the controller's moment to each xdist worker."""
    moment = getattr(node.config, "_clock_moment", None)
    if moment is not None:
        node.workerinput["clock"] = moment.isoformat()


def pytest_report_header(config: pytest.Config) -> str:
    moment = getattr(config, "_clock_moment", None)
    if moment is None:
        return "clock: real"
    return f"clock: moved to {moment.isoformat()} (--clock {config.getoption('--clock')})"
