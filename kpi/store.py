"""The one owner of the DuckDB connection.

A DuckDB connection is not for concurrent use and only one process may open a file for
writing. So a process opens one `Store`; reads take a fresh cursor each, and writes are
serialised through `write`, which runs a function inside one transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd

from kpi.errors import DatabaseBusy
from kpi.schema import migrate

T = TypeVar("T")


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
                raise DatabaseBusy(
                    f"{self.path} is open for writing by another process (probably the running "
                    "app). Import through the app's Import page, or stop the app first."
                ) from e
            raise
        self._write_lock = threading.Lock()
        if not read_only:
            migrate(self._con)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self._con.cursor()

    def read(self, sql: str, params: list | dict | None = None) -> pd.DataFrame:
        """Run a query on a fresh cursor and return its result as a DataFrame."""
        cur = self._con.cursor()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    def scalar(self, sql: str, params: list | dict | None = None):
        cur = self._con.cursor()
        try:
            row = cur.execute(sql, params or []).fetchone()
            return None if row is None else row[0]
        finally:
            cur.close()

    def write(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run fn(cursor) between BEGIN and COMMIT; roll back and re-raise on any error."""
        return self._transaction(fn, commit=True)

    def trial(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run fn(cursor) in a transaction that is always rolled back (dry runs, previews)."""
        return self._transaction(fn, commit=False)

    def _transaction(self, fn: Callable[[duckdb.DuckDBPyConnection], T], commit: bool) -> T:
        with self._write_lock:
            cur = self._con.cursor()
            cur.execute("BEGIN TRANSACTION")
            committed = False
            try:
                result = fn(cur)
                if commit:
                    cur.execute("COMMIT")
                    committed = True
                return result
            finally:
                if not committed:
                    cur.execute("ROLLBACK")
                cur.close()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
