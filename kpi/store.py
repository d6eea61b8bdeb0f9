"""The one owner of the DuckDB connection.

A DuckDB connection is not for concurrent use and only one process may open a file for
writing. So a process opens one `Store`; reads take a fresh cursor each, and writes are
serialised through `write`, which runs a function inside one transaction.

A signed-in account works through a *view* of that Store (`Store.view`): the same connection,
with the account's name recorded against every change it makes, its writes refused when its
role writes nothing, and, for a provider account, every cursor confined to that provider's
rows (kpi/access/scope.py). Pages receive only the view, so none of them can widen it.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import duckdb

from kpi.access.scope import enter_scope, install_scope
from kpi.errors import DatabaseBusy, NotAllowed
from kpi.schema import migrate

if TYPE_CHECKING:  # DuckDB builds the frames; a command that reads rows never loads pandas
    import pandas as pd

T = TypeVar("T")

# A new token with each change: two copies of a file that went different ways never share a
# version, while an untouched copy (the same data) does.
BUMP_VERSION = "UPDATE data_version SET version = version + 1, token = CAST(uuid() AS VARCHAR)"


class _ScopeInstall:
    """The provider scope's shadow catalog (kpi/access/scope.py), installed once, by the
    first thread that needs it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = False

    def ensure(self, con: duckdb.DuckDBPyConnection) -> None:
        if self._done:
            return
        with self._lock:
            if not self._done:
                cur = con.cursor()  # its own cursor: the connection may be in use
                try:
                    install_scope(cur)
                finally:
                    cur.close()
                self._done = True


class Store:
    """A Cockpit database file: opened once, migrated on open."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as e:
            if "lock" in str(e).lower():
                raise DatabaseBusy(key="error.db_busy", path=self.path) from e
            raise
        self._write_lock = threading.Lock()
        self.actor: str | None = None  # the account whose changes this view records
        self.provider_scope: str | None = None  # the one provider this view reads
        self.writes = not read_only  # False: every write through this view is refused
        # On a cursor closed once done: a result left unread on the connection kept its
        # transaction open, and a backup's CHECKPOINT refused to run beside it.
        setup = self._con.cursor()
        try:
            if not read_only and migrate(setup):
                setup.execute(BUMP_VERSION)  # a migration may have changed data too
        finally:
            setup.close()
        # The provider scope's shadow catalog, installed by the first cursor that enters a
        # scope: a command that reads as the client (most of them) never builds it (14 ms
        # of every start-up). Shared by this Store's views (copies of it).
        self._scope = _ScopeInstall()

    def view(self, actor: str, *, writes: bool = True,
             provider_scope: str | None = None) -> Store:
        """This Store as one account sees it (same connection, same write lock). A view
        only narrows: a view of a view keeps its provider and cannot write more."""
        if self.provider_scope is not None and provider_scope not in (None,
                                                                      self.provider_scope):
            raise NotAllowed(key="error.view_widened")
        seen = copy.copy(self)
        seen.actor = actor
        seen.writes = self.writes and writes
        seen.provider_scope = self.provider_scope or provider_scope
        return seen

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor, confined to this view's provider when it has one."""
        if self.provider_scope is not None:
            self._scope.ensure(self._con)
        cur = self._con.cursor()
        if self.provider_scope is not None:
            enter_scope(cur, self.provider_scope)
        return cur

    def read(self, sql: str, params: list | dict | None = None) -> pd.DataFrame:
        """Run a query on a fresh cursor and return its result as a DataFrame."""
        cur = self.cursor()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    def rows(self, sql: str, params: list | dict | None = None
             ) -> tuple[list[str], list[tuple]]:
        """Run a query on a fresh cursor: its column names and its rows as tuples."""
        cur = self.cursor()
        try:
            result = cur.execute(sql, params or [])
            return [d[0] for d in result.description], result.fetchall()
        finally:
            cur.close()

    def scalar(self, sql: str, params: list | dict | None = None):
        cur = self.cursor()
        try:
            row = cur.execute(sql, params or []).fetchone()
            return None if row is None else row[0]
        finally:
            cur.close()

    def data_version(self) -> tuple[str, int]:
        """What the data are now: (a token drawn anew at each change, the count of changes).
        Every commit through `write`/`write_own` bumps it in its own transaction, so a reader
        that sees a version sees at least the data of that version; `trial` never bumps.
        The app keys its cached page results on it (app_pages/cache.py). Read unscoped: the
        row is no provider's data, and a provider view could not see it."""
        cur = self._con.cursor()
        try:
            token, version = cur.execute("SELECT token, version FROM data_version").fetchone()
        except duckdb.CatalogException:  # a file older than the table, opened read-only:
            return str(self.path), -1  # nobody writes it while it is open
        finally:
            cur.close()
        return token, version

    def write(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run fn(cursor) between BEGIN and COMMIT; roll back and re-raise on any error.
        Refused for a view whose account writes nothing (executives, providers)."""
        if not self.writes or self.provider_scope is not None:
            raise NotAllowed(key="error.read_only")
        return self._transaction(fn, commit=True)

    def write_own(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """A change a provider account may make to its own rows (answers to its feedback,
        notes and status of its actions). The caller has found those rows through this
        view's reads first, which see no other provider's rows."""
        if not self.writes and self.provider_scope is None:
            raise NotAllowed(key="error.read_only")
        return self._transaction(fn, commit=True)

    def trial(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run fn(cursor) in a transaction that is always rolled back (dry runs, previews)."""
        if not self.writes or self.provider_scope is not None:
            raise NotAllowed(key="error.read_only")
        return self._transaction(fn, commit=False)

    def _transaction(self, fn: Callable[[duckdb.DuckDBPyConnection], T], commit: bool) -> T:
        with self._write_lock:
            cur = self._con.cursor()
            cur.execute("BEGIN TRANSACTION")
            committed = False
            try:
                result = fn(cur)
                if commit:
                    self._record_change(cur, fn)
                    # The one place the data version moves: with the change, or not at all.
                    cur.execute(BUMP_VERSION)
                    cur.execute("COMMIT")
                    committed = True
                return result
            finally:
                if not committed:
                    cur.execute("ROLLBACK")
                cur.close()

    def _record_change(self, cur: duckdb.DuckDBPyConnection, fn: Callable) -> None:
        """Who did what: the signed-in account and the operation, in the change's own
        transaction (a change without its record cannot be committed)."""
        if self.actor is None:
            return
        operation = getattr(fn, "__qualname__", "change").split(".<locals>")[0]
        cur.execute("INSERT INTO change_log VALUES (?, ?, ?, ?)",
                    [datetime.now(UTC), self.actor, operation, self.provider_scope])

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
