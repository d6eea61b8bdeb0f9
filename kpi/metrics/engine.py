"""Run KPI requests against a Store; totals recomputed from summed measures."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import duckdb

from kpi.metrics.compile import (
    REASONLESS_CONTACTS,
    SETTING_NAMES,
    KpiRequest,
    compile_kpis,
    exact_sum,
    kpi_measure_columns,
)
from kpi.metrics.registry import KPI_BY_ID, Kpi
from kpi.metrics.sources import SOURCES
from kpi.store import Store

if TYPE_CHECKING:  # frames come from DuckDB (Store.read); `cockpit kpis` never loads pandas
    import pandas as pd


@dataclass
class KpiResult:
    request: KpiRequest
    frame: pd.DataFrame  # period_start, scope columns, m__<measure> sums, KPI values

    @property
    def kpis(self) -> list[Kpi]:
        return [KPI_BY_ID[k] for k in self.request.kpis]

    def table(self) -> pd.DataFrame:
        """period_start, the scope columns, then one column per KPI id."""
        return self.frame[["period_start", *self.request.by, *self.request.kpis]]

    def partial_coverage(self) -> dict[str, int]:
        """KPI id -> how many rows of the result it computes over fewer days than the
        rows' periods have data for (a request made with coverage=True)."""
        if "days__all" not in self.frame:
            return {}
        short = {k.id: int((self.frame[f"days__{k.id}"] < self.frame.days__all).sum())
                 for k in self.kpis if f"days__{k.id}" in self.frame}
        return {kpi: rows for kpi, rows in short.items() if rows}

    def totals(self, rows: pd.DataFrame | None = None) -> dict[str, float | None]:
        """Each KPI over all (or the given) rows: the formula applied to the summed measures,
        never an average of the rows' values."""
        return kpi_totals(self.frame if rows is None else rows, self.kpis)

    def totals_by(self, groups, rows: pd.DataFrame | None = None) -> dict:
        """`totals` of each group of the (given) rows, in one query: group -> totals in
        sorted order (`kpi_totals_by`)."""
        return kpi_totals_by(self.frame if rows is None else rows, self.kpis, groups)


_SCRATCH: list[duckdb.DuckDBPyConnection] = []


def _scratch() -> duckdb.DuckDBPyConnection:
    """One in-memory database for the process's totals, opened once: opening one costs
    30-170 ms (its buffer pool, its threads), and a production committee takes 50 totals
    (its 30-minute slots): 9 s of its 11 s cold on 10 M contacts, the machine loaded."""
    if not _SCRATCH:
        _SCRATCH.append(duckdb.connect())
    return _SCRATCH[0]


def _totals_sql(kpis: list[Kpi], group: str | None = None) -> tuple[str, list[str]]:
    """The query of `result_rows` giving each KPI from its own summed measures (exact sums,
    so the same rows always give the same digits), per `group` when one is named; and the
    measure columns it reads."""
    columns = {k.id: kpi_measure_columns(k) for k in kpis}
    used = list(dict.fromkeys(c for kpi_columns in columns.values()
                              for c in kpi_columns.values()))
    sums = ", ".join(f"{exact_sum(c)} AS {c}" for c in used)
    values = ", ".join(f"{k.value_sql(columns[k.id])} AS {k.id}" for k in kpis)
    if group is None:
        return f"SELECT {values} FROM (SELECT {sums} FROM result_rows)", used
    return (f"SELECT {group}, {values} FROM (SELECT {group}, {sums} FROM result_rows "
            f"GROUP BY {group})", used)


def _as_totals(kpis: list[Kpi], row) -> dict[str, float | None]:
    return {k.id: (None if v is None or math.isnan(v) else float(v))
            for k, v in zip(kpis, row, strict=True)}


def kpi_totals(frame: pd.DataFrame, kpis: list[Kpi]) -> dict[str, float | None]:
    """Each KPI over the rows of a result, from its own summed measures (exact sums, so
    the same rows always give the same digits)."""
    sql, used = _totals_sql(kpis)
    con = _scratch().cursor()  # its own connection: a registered frame is seen by it alone
    try:
        con.register("result_rows", frame[used])
        row = con.execute(sql).fetchone()
    finally:
        con.close()
    return _as_totals(kpis, row)


def kpi_totals_by(frame: pd.DataFrame, kpis: list[Kpi], groups) -> dict:
    """`kpi_totals` of each group of rows, in one query: group -> totals, groups in sorted
    order. `groups` gives each row's group (any hashable value, aligned with the rows; a
    missing one, None or NaN, puts the row in no group, as pandas' groupby does). The same
    sums as `kpi_totals` of each group's rows, so the same digits: a committee asks for 24
    to 48 of them (hours, slots), each a query of its own before."""
    keys = list(groups)
    if len(keys) != len(frame):
        raise ValueError("one group per row")
    codes: dict = {}
    numbered = [None if key is None or key != key else codes.setdefault(key, len(codes))
                for key in keys]  # key != key: NaN
    if not codes:
        return {}
    sql, used = _totals_sql(kpis, "group_code")
    # Python ints and None: DuckDB reads the column as integers with NULLs (no pandas import
    # here, which `cockpit kpis` would pay at start-up).
    rows = frame[used].assign(group_code=numbered)
    con = _scratch().cursor()
    try:
        con.register("result_rows", rows)
        found = con.execute(f"{sql} WHERE group_code IS NOT NULL").fetchall()
    finally:
        con.close()
    key_of = {code: key for key, code in codes.items()}
    totals = {key_of[row[0]]: _as_totals(kpis, row[1:]) for row in found}
    return {key: totals[key] for key in sorted(totals)}


def uniform_settings(store: Store) -> dict[str, object] | None:
    """The settings every provider and queue has (SETTING_NAMES), when they all have the
    same ones, as most stores do: the KPI query then binds them once instead of joining
    each row to its provider's and queue's (the values are the same either way)."""
    effective = store.rows(
        """SELECT DISTINCT coalesce(q.sl_threshold_s, p.sl_threshold_s),
                  coalesce(q.short_abandon_s, p.short_abandon_s),
                  coalesce(q.sl_variant, p.sl_variant),
                  coalesce(q.repeat_window_days, p.repeat_window_days)
           FROM providers p LEFT JOIN queue_settings q ON q.provider = p.name
           UNION SELECT sl_threshold_s, short_abandon_s, sl_variant, repeat_window_days
           FROM providers""")[1]
    return dict(zip(SETTING_NAMES, effective[0], strict=True)) if len(effective) == 1 else None


def sources_with_rows(store: Store) -> set[str]:
    """The KPI sources that hold at least one row (the others are left out of the SQL),
    and REASONLESS_CONTACTS when an export of contacts had no reason column."""
    parts = " UNION ALL ".join(
        f"SELECT '{name}' AS source FROM (SELECT 1 FROM {source.table} LIMIT 1)"
        for name, source in SOURCES.items())
    parts += f""" UNION ALL SELECT '{REASONLESS_CONTACTS}' FROM (SELECT 1 FROM imports
                  WHERE kind = 'contacts' AND NOT list_contains(fields, 'contact_reason')
                  LIMIT 1)"""
    return {row[0] for row in store.rows(parts)[1]}


# (file, provider scope, data version) -> (sources with rows, uniform settings): what every
# request of a store asks before compiling, the same until a write bumps the version. A
# committee runs 11-13 requests (and its red flags more), each of which asked both again:
# two queries of 5-20 ms each, on a loaded machine, per request.
_FACTS: OrderedDict[tuple, tuple[frozenset[str], dict[str, object] | None]] = OrderedDict()
_FACTS_KEPT = 64
_FACTS_LOCK = threading.Lock()


def store_facts(store: Store) -> tuple[frozenset[str], dict[str, object] | None]:
    """(`sources_with_rows`, `uniform_settings`) of the store as this view sees it, asked
    once per data version (kpi/store.py: every committed write draws a new one, an import,
    an undo and a settings edit alike) and provider scope: one small query per request
    instead of two. The caller only reads them."""
    token, version = store.data_version()
    key = (str(store.path), store.provider_scope, token, version)
    with _FACTS_LOCK:
        if key in _FACTS:
            _FACTS.move_to_end(key)
            return _FACTS[key]
    facts = frozenset(sources_with_rows(store)), uniform_settings(store)
    with _FACTS_LOCK:
        _FACTS[key] = facts
        while len(_FACTS) > _FACTS_KEPT:
            _FACTS.popitem(last=False)
    return facts


def compiled(store: Store, request: KpiRequest) -> tuple[str, list]:
    """The request's SQL for this store: only its sources with rows, its settings bound
    once when uniform."""
    present, settings = store_facts(store)
    return compile_kpis(request, present=set(present), settings=settings)


def compute_kpis(store: Store, request: KpiRequest) -> KpiResult:
    return KpiResult(request, store.read(*compiled(store, request)))


def kpi_rows(store: Store, request: KpiRequest) -> tuple[list[str], list[tuple]]:
    """period_start, the scope columns and the KPI values (KpiResult.table's columns) as
    plain rows, computing no sum the values do not need: for the command line, which
    prints them without loading pandas."""
    return store.rows(*compiled(store, replace(request, with_sums=False, coverage=False)))
