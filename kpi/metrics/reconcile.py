"""Declared vs recomputed: a provider's own figures beside what its detail gives.

Where a provider sent both its declared report and the detail (contacts or intervals) for
the same days, the detail wins in every KPI; this table shows, KPI by KPI and period by
period, the provider's figure, the recomputed one and the gap (declared − recomputed).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.store import Store

RECONCILED = ("offered", "answered", "abandoned", "answer_rate", "service_level", "asa_s")


def declared_figures(store: Store, provider: str, grain: str, date_from: date | None = None,
                     date_to: date | None = None) -> pd.DataFrame:
    """The provider's declared KPIs per period: counts summed, rates weighted by their base,
    so a day's figures are exactly the declared ones. Same day range as the recomputed."""
    return store.read(
        f"""SELECT CAST(date_trunc('{grain}', period_local) AS DATE) AS period_start,
                   sum(offered) AS offered, sum(answered) AS answered,
                   sum(coalesce(abandoned, offered - answered)) AS abandoned,
                   sum(answer_rate * offered) / nullif(sum(offered) FILTER (
                       answer_rate IS NOT NULL), 0) AS answer_rate,
                   sum(service_level * offered) / nullif(sum(offered) FILTER (
                       service_level IS NOT NULL), 0) AS service_level,
                   sum(asa_s * answered) / nullif(sum(answered) FILTER (
                       asa_s IS NOT NULL), 0) AS asa_s
            FROM declared_reports WHERE provider = ?
              AND (CAST(? AS DATE) IS NULL OR period_local >= CAST(? AS DATE))
              AND (CAST(? AS DATE) IS NULL OR period_local < CAST(? AS DATE) + 1)
            GROUP BY 1 ORDER BY 1""",
        [provider, date_from, date_from, date_to, date_to])


def reconcile(store: Store, provider: str, grain: str = "day",
              date_from: date | None = None, date_to: date | None = None) -> pd.DataFrame:
    """period_start, kpi, declared, recomputed, gap: the periods that have both."""
    if grain not in ("day", "week", "month", "quarter", "year"):
        raise ValueError(f"unknown grain {grain}")
    declared = declared_figures(store, provider, grain, date_from, date_to)
    recomputed = compute_kpis(store, KpiRequest(
        RECONCILED, grain, filters={"provider": (provider,)}, date_from=date_from,
        date_to=date_to, sources=("contacts", "intervals"))).table()
    if declared.empty or recomputed.empty:
        return pd.DataFrame(columns=["period_start", "kpi", "declared", "recomputed", "gap"])
    for frame in (declared, recomputed):
        frame["period_start"] = pd.to_datetime(frame.period_start).dt.date
    both = declared.merge(recomputed, on="period_start", suffixes=("_declared", "_detail"))
    rows = [
        {"period_start": row.period_start, "kpi": kpi,
         "declared": getattr(row, f"{kpi}_declared"),
         "recomputed": getattr(row, f"{kpi}_detail")}
        for row in both.itertuples() for kpi in RECONCILED
    ]
    table = pd.DataFrame(rows)
    table["gap"] = table.declared - table.recomputed
    return table
