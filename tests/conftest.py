"""Fixtures: real DuckDB files on disk, built by the real importer from real files."""

from __future__ import annotations

import logging
import os
import shutil
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from kpi import clock
from kpi.demo import build_demo
from kpi.ingest.canonical import RULES
from kpi.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
BAD = DATA / "bad"
# ../shared/data beside the project, as on every developer machine and in CI.
SHARED = ROOT.parent / "shared" / "data"

# The demo's fixed clock for tests: a Wednesday afternoon.
DEMO_TODAY = date(2026, 3, 18)
DEMO_NOW = datetime(2026, 3, 18, 14, 30)


def pytest_addoption(parser):
    parser.addoption("--today", metavar="YYYY-MM-DD[THH:MM]",
                     help="run the suite with kpi.clock frozen on that day (sets "
                          f"{clock.ENV} for this process and the commands it starts)")


def pytest_configure(config):
    """The whole run on a frozen clock: --today, or COCKPIT_TODAY already set. A test that
    passes only on the real date is a defect: it freezes the clock or names its dates."""
    given = config.getoption("--today")
    if given:
        os.environ[clock.ENV] = given
    try:
        clock.frozen_at()
    except ValueError as error:
        raise pytest.UsageError(str(error)) from error


def pytest_report_header(config):
    frozen = clock.frozen_at()
    return f"clock: frozen on {clock.frozen_text(frozen)} ({clock.ENV})" if frozen \
        else "clock: real (freeze it with --today or COCKPIT_TODAY)"


@pytest.fixture
def demo_clock(monkeypatch):
    """The demo's clock (DEMO_NOW) in this process and the commands it starts: a test of the
    demo's committees sees its weeks, months and quarters as its pilot did, whatever the
    date (the demo's data end on DEMO_TODAY)."""
    monkeypatch.setenv(clock.ENV, clock.frozen_text(DEMO_NOW))
    with clock.frozen(DEMO_NOW):
        yield DEMO_NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cockpit.duckdb"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as s:
        yield s


def table_counts(store: Store) -> dict[str, object]:
    """Everything a refused import must leave untouched: every table's rows, and history."""
    counts = {t: store.scalar(f"SELECT count(*) FROM {r.table}") for t, r in RULES.items()}
    counts["imports"] = store.read(
        "SELECT * REPLACE (CAST(fields AS VARCHAR) AS fields) FROM imports "
        "ORDER BY import_id").to_dict("records")
    counts["rejected_rows"] = store.scalar("SELECT count(*) FROM rejected_rows")
    counts["providers"] = store.scalar("SELECT count(*) FROM providers")
    return counts


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory) -> Path:
    """The demo database, built once per test run through the real importers."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    build_demo(path, today=DEMO_TODAY, now=DEMO_NOW)
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database, for tests that write."""
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_template, copy)
    return copy


def write_big_contacts(path: Path, provider: str | None = None, rows: int = 1_500_000) -> Path:
    """A contact export large enough that its import takes a few seconds (a `;` CSV with
    French dates), with a provider column when one is given."""
    import duckdb

    provider_column = "" if provider is None else "? AS provider, "
    con = duckdb.connect()
    try:
        con.execute(f"""COPY (SELECT 'K' || i AS contact_id, {provider_column}
                               'Q' || (i % 4) AS queue,
                               strftime(TIMESTAMP '2026-02-02 08:00:00'
                                        + to_seconds(i % 500000), '%d/%m/%Y %H:%M:%S')
                                   AS arrived_at,
                               (i % 60) AS wait_s, (i % 600) AS talk_s
                        FROM range(?) t(i)) TO '{path}' (HEADER, DELIMITER ';')""",
                    ([] if provider is None else [provider]) + [rows])
    finally:
        con.close()
    return path


def settled_inbox(folder: Path, provider: str) -> Path:
    """An inbox holding, in `provider`'s folder, a good export and a broken one, both
    settled long ago (the writer takes a file once it has stopped changing)."""
    inbox = folder / "inbox"
    (inbox / provider).mkdir(parents=True)
    good, broken = inbox / provider / "forecast.csv", inbox / provider / "broken.csv"
    good.write_bytes((DATA / "forecast.csv").read_bytes())
    broken.write_text(f"contact_id,provider,queue,arrived_at\nA,{provider},Q,never\n")
    for drop in (good, broken):
        os.utime(drop, (time.time() - 3600, time.time() - 3600))
    return inbox


@pytest.fixture
def debug_log(caplog):
    """The importer's debug lines captured (which path read a file, and how)."""
    caplog.set_level(logging.DEBUG, logger="cockpit.ingest")
    return caplog
