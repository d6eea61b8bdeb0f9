"""Backing up and restoring a Cockpit database file.

DuckDB lets one process hold a file for writing. A backup is made by that process: under
the Store's write lock (no change can start), a CHECKPOINT writes everything into the file,
which is then copied and checked; reads go on meanwhile. So `cockpit backup` works when the
app is not running, and the running app can make the same backup itself (`backup_database`
on its own Store). `cockpit backup` while the app holds the file stops with DatabaseBusy.

A restore never overwrites a database in use (it must be able to take the file for writing
first), and only accepts a Cockpit database of a schema version this Cockpit knows (older
ones are migrated when next opened). It goes through a temporary file beside the target,
swapped in at the end, so an interrupted restore leaves the target as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import duckdb

from kpi.errors import CockpitError, DatabaseBusy, NotAllowed
from kpi.schema import LATEST_VERSION
from kpi.store import Store

log = logging.getLogger("cockpit.backup")
REQUIRED_TABLES = ("schema_version", "providers", "imports", "contacts")


class NotACockpitDatabase(CockpitError):
    pass


def _busy(path: Path) -> DatabaseBusy:
    return DatabaseBusy(key="error.backup_busy", path=path)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def check_cockpit_database(path: str | Path) -> int:
    """The schema version of the Cockpit database at `path`, or NotACockpitDatabase."""
    path = Path(path)
    if not path.is_file():
        raise NotACockpitDatabase(key="error.no_such_file", path=path)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise _busy(path) from e
        raise NotACockpitDatabase(key="error.not_duckdb", path=path, error=e) from e
    except duckdb.Error as e:  # DuckDB's own words are quoted as they are
        raise NotACockpitDatabase(key="error.not_duckdb", path=path, error=e) from e
    try:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database()").fetchall()}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise NotACockpitDatabase(key="error.not_cockpit", path=path,
                                      tables=", ".join(missing))
        version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    finally:
        con.close()
    if version is None or version < 1:
        raise NotACockpitDatabase(key="error.no_schema_version", path=path)
    if version > LATEST_VERSION:
        raise NotACockpitDatabase(key="error.newer_schema", path=path, version=version,
                                  latest=LATEST_VERSION)
    return int(version)


def backup_database(store: Store, out: str | Path) -> int:
    """A consistent copy of the store's file at `out` (replaced if present); returns the
    copy's schema version. Writes wait meanwhile; reads go on."""
    if not store.writes or store.provider_scope is not None:  # the whole file, every provider
        raise NotAllowed(key="error.backup_not_allowed")
    out = Path(out)
    if out.resolve() == store.path.resolve():
        raise CockpitError(key="error.backup_onto_itself")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    with store._write_lock:  # the one writer of the file waits until the copy is made
        cur = store._con.cursor()
        try:
            cur.execute("CHECKPOINT")
        finally:
            cur.close()
        shutil.copyfile(store.path, partial)
    try:
        version = check_cockpit_database(partial)
    except CockpitError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, out)
    log.info("backup of %s written to %s (schema version %s)", store.path, out, version)
    return version


def backup_file(db_path: str | Path, out: str | Path) -> int:
    """`cockpit backup`: the database at `db_path`, which no other process may hold."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise CockpitError(key="error.no_database_at", path=db_path)
    try:
        store = Store(db_path)
    except DatabaseBusy as e:
        raise _busy(db_path) from e
    with store:
        return backup_database(store, out)


def restore_file(source: str | Path, db_path: str | Path) -> int:
    """`cockpit restore`: the Cockpit database `source` becomes the one at `db_path`.
    Refused when `db_path` is in use, or `source` is not a Cockpit database this Cockpit
    knows. Returns the restored schema version."""
    source, db_path = Path(source), Path(db_path)
    if source.resolve() == db_path.resolve():
        raise CockpitError(key="error.restore_onto_itself")
    check_cockpit_database(source)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    guard = None
    if db_path.exists():  # in use? then it cannot be taken for writing
        try:
            guard = duckdb.connect(str(db_path))
        except duckdb.IOException as e:
            if "lock" in str(e).lower():
                raise DatabaseBusy(key="error.restore_busy", path=db_path) from e
            raise
        guard.close()
    partial = db_path.with_name(db_path.name + ".restoring")
    partial.unlink(missing_ok=True)
    _wal(partial).unlink(missing_ok=True)
    try:
        shutil.copyfile(source, partial)
        if _wal(source).exists():  # a file not closed cleanly: fold its log in
            shutil.copyfile(_wal(source), _wal(partial))
        con = duckdb.connect(str(partial))
        try:
            con.execute("CHECKPOINT")
        finally:
            con.close()
        version = check_cockpit_database(partial)
        _wal(db_path).unlink(missing_ok=True)
        os.replace(partial, db_path)
    finally:
        partial.unlink(missing_ok=True)
        _wal(partial).unlink(missing_ok=True)
    log.info("database %s restored from %s (schema version %s)", db_path, source, version)
    return version
