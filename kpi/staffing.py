"""Erlang C staffing check (SPEC §3 required_agents, staffing_ratio).

Per interval: the traffic A = offered × AHT / interval (Erlangs); the probability that a
contact waits with N agents, C(N, A), from the Erlang B recursion (stable for hundreds of
agents: no factorials); the service level 1 − C × exp(−(N − A) × T / AHT); and the fewest
agents reaching the service-level target. Then per day: agent-hours logged (agent activity)
against the agent-hours required: the staffing ratio. These two are not sums of measures,
so they live here rather than in the KPI registry.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from kpi.governance.targets import list_targets, live_targets
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.store import Store

DEFAULT_SL_TARGET = 0.8


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability with `agents` servers and `traffic` Erlangs (recursion)."""
    blocking = 1.0
    for k in range(1, agents + 1):
        blocking = traffic * blocking / (k + traffic * blocking)
    return blocking


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a contact waits; 1 when the agents cannot carry the traffic."""
    if agents <= traffic:
        return 1.0
    blocking = erlang_b(agents, traffic)
    return agents * blocking / (agents - traffic * (1 - blocking))


def service_level(agents: int, traffic: float, aht_s: float, threshold_s: float) -> float:
    """Share of contacts answered within threshold_s."""
    if agents <= traffic:
        return 0.0
    return 1 - erlang_c(agents, traffic) * math.exp(-(agents - traffic) * threshold_s / aht_s)


def required_agents(offered: float, aht_s: float, interval_s: float, threshold_s: float,
                    target: float = DEFAULT_SL_TARGET) -> int:
    """The fewest agents whose Erlang C service level reaches the target (0 for no traffic)."""
    if offered <= 0 or aht_s <= 0:
        return 0
    traffic = offered * aht_s / interval_s
    agents = max(1, math.floor(traffic) + 1)
    while service_level(agents, traffic, aht_s, threshold_s) < target:
        agents += 1
    return agents


def staffing_check(store: Store, provider: str, date_from: date, date_to: date,
                   interval_minutes: int = 30, target: float | None = None,
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per interval: period_start, offered, aht_s, required_agents; per day: day,
    required_hours, logged_hours, staffing_ratio). The SL target is the provider's live
    service-level target, else 80 %; T is the provider's sl_threshold_s."""
    if target is None:
        live = live_targets(list_targets(store).query("provider == @provider"), date_from,
                            date_to)
        sl = live[live.kpi == "service_level"]
        target = float(sl.value.iloc[0]) if len(sl) else DEFAULT_SL_TARGET
    threshold = float(store.scalar("SELECT sl_threshold_s FROM providers WHERE name = ?",
                                   [provider]) or 20)
    scope = {"provider": (provider,)}
    intervals = compute_kpis(store, KpiRequest(("offered", "aht_s"), "interval",
                                               filters=scope, date_from=date_from,
                                               date_to=date_to,
                                               interval_minutes=interval_minutes)).table()
    seconds = interval_minutes * 60
    intervals["required_agents"] = [
        required_agents(o, a, seconds, threshold, target) if pd.notna(a) else 0
        for o, a in zip(intervals.offered, intervals.aht_s, strict=True)]
    days = intervals.assign(day=pd.to_datetime(intervals.period_start).dt.date).groupby(
        "day", as_index=False).agg(required_hours=("required_agents", "sum"))
    days["required_hours"] = days.required_hours * seconds / 3600
    logged = store.read("""SELECT CAST(start_local AS DATE) AS day, sum(logged_s) / 3600
                                  AS logged_hours
                           FROM agent_activity WHERE provider = ? AND start_local >= ?
                             AND start_local < CAST(? AS DATE) + 1 GROUP BY ALL""",
                        [provider, date_from, date_to])
    logged["day"] = pd.to_datetime(logged.day).dt.date
    days = days.merge(logged, on="day", how="left")
    days["staffing_ratio"] = days.logged_hours / days.required_hours.where(
        days.required_hours > 0)
    return intervals, days
