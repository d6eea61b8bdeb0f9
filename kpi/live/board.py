"""What a wallboard shows now: the floor's state, today's KPIs, colours, freshness.

The floor's state is each queue's latest real-time snapshot of today; today's KPIs come
from the engine over today's contacts or intervals (provider's local day). Colours come
from thresholds: the provider's live targets by default, or the board's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd

from kpi import clock
from kpi.governance.targets import list_targets, live_targets
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.registry import COUNT, KPI_BY_ID, PCT, SECONDS, SHOWN_IN
from kpi.store import Store

FLOOR_TILES = ("waiting", "longest_wait_s", "agents_on_contact", "agents_available",
               "agents_paused")
TODAY_TILES = SHOWN_IN["wallboard"]
TILES = FLOOR_TILES + TODAY_TILES
TILE_UNITS = {"waiting": COUNT, "longest_wait_s": SECONDS, "agents_on_contact": COUNT,
              "agents_available": COUNT, "agents_paused": COUNT,
              **{k: KPI_BY_ID[k].unit for k in TODAY_TILES}}
GREEN, AMBER, RED, NEUTRAL = "green", "amber", "red", "neutral"


@dataclass(frozen=True)
class Threshold:
    """Green when the value is at least (or at most) `green`; red past `red`; amber between."""
    better: str  # higher or lower
    green: float
    red: float

    def colour(self, value: float | None) -> str:
        if value is None or pd.isna(value):
            return NEUTRAL
        if self.better == "higher":
            return GREEN if value >= self.green else RED if value < self.red else AMBER
        return GREEN if value <= self.green else RED if value > self.red else AMBER


# When neither a target nor the board gives one: a floor's usual alarms.
FALLBACK_THRESHOLDS = {
    "waiting": Threshold("lower", 3, 10),
    "longest_wait_s": Threshold("lower", 20, 60),
    "agents_available": Threshold("higher", 2, 1),
    "service_level": Threshold("higher", 0.8, 0.7),
    "answer_rate": Threshold("higher", 0.9, 0.85),
    "asa_s": Threshold("lower", 20, 40),
}
# How far from the target red starts, when the target gives green.
RED_MARGIN = {PCT: 0.10, SECONDS: 1.0}  # 10 points; twice the target


def thresholds_from_targets(targets: pd.DataFrame) -> dict[str, Threshold]:
    """Green at the target, red a margin beyond it (10 points, or twice a duration)."""
    result = dict(FALLBACK_THRESHOLDS)
    for target in targets.to_dict("records"):
        kpi = target["kpi"]
        if kpi not in TILES:
            continue
        higher = target["comparator"] == ">="
        margin = RED_MARGIN.get(TILE_UNITS[kpi], 0.25)
        value = float(target["value"])
        if TILE_UNITS[kpi] == SECONDS:
            red = value * (1 + margin)
        else:
            red = value - margin if higher else value + margin
        result[kpi] = Threshold("higher" if higher else "lower", value, red)
    return result


@dataclass
class Objective:
    kpi: str
    target: float
    comparator: str
    value: float | None
    met: bool | None


@dataclass
class BoardState:
    provider: str
    queues: tuple[str, ...]  # empty: all the provider's queues
    now_local: datetime
    last_data: datetime | None  # provider's local time of the newest row of today
    stale: bool
    totals: dict[str, float | None]
    colours: dict[str, str]
    rows: pd.DataFrame  # queue, TILES, then colour_<tile>
    objectives: list[Objective] = field(default_factory=list)
    forecast_today: float | None = None  # the client's forecast of today's offered

    @property
    def age(self) -> timedelta | None:
        return None if self.last_data is None else self.now_local - self.last_data


def provider_now(store: Store, provider: str, now: datetime | None = None) -> datetime:
    """The provider's local wall-clock time (naive), from an aware `now` (a naive one is
    UTC) or the clock (kpi.clock: the provider's zone is asked, so a frozen clock reads the
    same wall time on the floor)."""
    zone = ZoneInfo(store.scalar("SELECT time_zone FROM providers WHERE name = ?", [provider])
                    or "UTC")
    aware = now if now is not None and now.tzinfo else (
        now.replace(tzinfo=ZoneInfo("UTC")) if now else clock.now(zone))
    return aware.astimezone(zone).replace(tzinfo=None)


def board_state(store: Store, provider: str, queues: tuple[str, ...] = (),
                now: datetime | None = None, stale_after: timedelta = timedelta(minutes=15),
                thresholds: dict[str, Threshold] | None = None) -> BoardState:
    """The board for a provider (and queues) at `now` (aware; default: the clock)."""
    local = provider_now(store, provider, now)
    today = local.date()
    scope = [provider, list(queues) or None, list(queues) or None]
    snapshots = store.read(
        """SELECT queue, at_local, waiting, longest_wait_s, agents_on_contact,
                  agents_available, agents_paused
           FROM snapshots
           WHERE provider = ? AND (? IS NULL OR list_contains(?, queue))
             AND at_local >= ? AND at_local <= ?
           QUALIFY row_number() OVER (PARTITION BY queue ORDER BY at_local DESC) = 1""",
        [*scope, today, local])
    filters = {"provider": (provider,)}
    if queues:
        filters["queue"] = tuple(queues)
    result = compute_kpis(store, KpiRequest(TODAY_TILES, "day", by=("queue",),
                                            filters=filters, date_from=today, date_to=today))
    kpis = result.frame
    last_contact = store.scalar(
        """SELECT max(arrived_local) FROM contacts
           WHERE provider = ? AND (? IS NULL OR list_contains(?, queue))
             AND arrived_local >= ? AND arrived_local <= ?""", [*scope, today, local])
    last_interval = store.scalar(
        """SELECT max(interval_local) FROM intervals
           WHERE provider = ? AND (? IS NULL OR list_contains(?, queue))
             AND interval_local >= ? AND interval_local <= ?""", [*scope, today, local])
    moments = [pd.Timestamp(m).to_pydatetime() for m in
               (snapshots.at_local.max() if not snapshots.empty else None, last_contact,
                last_interval) if m is not None and not pd.isna(m)]
    last_data = max(moments) if moments else None
    stale = last_data is None or local - last_data > stale_after

    registered = list_targets(store)
    live = live_targets(registered[registered.provider == provider], today, today)
    limits = {**thresholds_from_targets(live), **(thresholds or {})}

    rows = pd.merge(snapshots.drop(columns=["at_local"]),
                    kpis[["queue", *TODAY_TILES]], on="queue", how="outer")
    rows = rows.reindex(columns=["queue", *TILES]).sort_values("queue").reset_index(drop=True)
    totals: dict[str, float | None] = {}
    for tile in FLOOR_TILES:
        column = snapshots[tile].dropna()
        totals[tile] = None if column.empty else float(
            column.max() if tile == "longest_wait_s" else column.sum())
    totals.update(result.totals() if not kpis.empty else dict.fromkeys(TODAY_TILES))
    for tile in TILES:
        rows[f"colour_{tile}"] = [limits[tile].colour(v) if tile in limits else NEUTRAL
                                  for v in rows[tile]]
    colours = {tile: limits[tile].colour(totals.get(tile)) if tile in limits else NEUTRAL
               for tile in TILES}
    objectives = [Objective(t["kpi"], t["value"], t["comparator"], totals.get(t["kpi"]),
                            None if totals.get(t["kpi"]) is None else
                            (totals[t["kpi"]] >= t["value"] if t["comparator"] == ">="
                             else totals[t["kpi"]] <= t["value"]))
                  for t in live.to_dict("records") if t["kpi"] in TODAY_TILES]
    forecast = store.scalar(
        """SELECT sum(forecast_offered) FROM forecasts
           WHERE provider = ? AND (? IS NULL OR list_contains(?, queue))
             AND CAST(start_local AS DATE) = ?""", [*scope, today])
    return BoardState(provider, tuple(queues), local, last_data, stale, totals, colours, rows,
                      objectives, None if forecast is None else float(forecast))
