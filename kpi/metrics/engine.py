"""Run KPI requests against a Store; totals recomputed from summed measures."""

from __future__ import annotations

import math
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


_SCRATCH: list[duckdb.DuckDBPyConnection] = []


def _scratch() -> duckdb.DuckDBPyConnection:
    """One in-memory database for the process's totals, opened once: opening one costs
    30-170 ms (its buffer pool, its threads), and a production committee takes 50 totals
    (its 30-minute slots): 9 s of its 11 s cold on 10 M contacts, the machine loaded."""
    if not _SCRATCH:
        _SCRATCH.append(duckdb.connect())
    return _SCRATCH[0]


def kpi_totals(frame: pd.DataFrame, kpis: list[Kpi]) -> dict[str, float | None]:
    """Each KPI over the rows of a result, from its own summed measures (exact sums, so
    the same rows always give the same digits)."""
    columns = {k.id: kpi_measure_columns(k) for k in kpis}
    used = list(dict.fromkeys(c for kpi_columns in columns.values()
                              for c in kpi_columns.values()))
    sums = ", ".join(f"{exact_sum(c)} AS {c}" for c in used)
    values = ", ".join(f"{k.value_sql(columns[k.id])} AS {k.id}" for k in kpis)
    con = _scratch().cursor()  # its own connection: a registered frame is seen by it alone
    try:
        con.register("result_rows", frame[used])
        row = con.execute(f"SELECT {values} FROM (SELECT {sums} FROM result_rows)").fetchone()
    finally:
        con.close()
    return {k.id: (None if v is None or math.isnan(v) else float(v))
            for k, v in zip(kpis, row, strict=True)}


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


def compiled(store: Store, request: KpiRequest) -> tuple[str, list]:
    """The request's SQL for this store: only its sources with rows, its settings bound
    once when uniform."""
    return compile_kpis(request, present=sources_with_rows(store),
                        settings=uniform_settings(store))


def compute_kpis(store: Store, request: KpiRequest) -> KpiResult:
    return KpiResult(request, store.read(*compiled(store, request)))


def kpi_rows(store: Store, request: KpiRequest) -> tuple[list[str], list[tuple]]:
    """period_start, the scope columns and the KPI values (KpiResult.table's columns) as
    plain rows, computing no sum the values do not need: for the command line, which
    prints them without loading pandas."""
    return store.rows(*compiled(store, replace(request, with_sums=False, coverage=False)))
