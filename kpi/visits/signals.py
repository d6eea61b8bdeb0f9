"""Observation meets data: what the data says, around a visit, about the signals the pilot
rated on the floor.

Three of the six signals leave a signature in the exports (SPEC §4):
- #2 hands that do not move: traceability (handled contacts with a contact reason keyed);
- #3 a floor that is too calm: occupancy, and logged hours against what Erlang C requires
  (contacts per agent-hour shown beside them);
- #5 no visible indicators: the real-time (wallboard) feed, as the share of production days
  (since the feed's first snapshot) on which it sent snapshots.

The data is read over the four ISO weeks up to the visit's (the visit's week and the three
before) and shown week by week from four weeks before to two after. A signature is an
*alarm* when it crosses the red-flag threshold of its rule (kpi/flags.py: traceability and
occupancy under theirs, staffing over its ratio), or, for the feed, when it ran on fewer
than half of the production days.

The disagreement rule: an item rated minor or serious is "seen"; not seen is "not seen".
Observation and data disagree when the signal was seen but the data is fine, or not seen
but the data raises its alarm. An unrated item, or a signature without data, is not judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from kpi.flags import thresholds
from kpi.i18n import format_value, t
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.staffing import staffing_check
from kpi.store import Store
from kpi.visits.reports import visit_items

WINDOW_WEEKS = 4  # the visit's week and the three before
WEEKS_BEFORE, WEEKS_AFTER = 4, 2  # the weeks shown around the visit
FEED_MIN_SHARE = 0.5  # the feed ran on fewer production days than this: an alarm
SIGNAL_KPIS = ("traceability_rate", "occupancy", "contacts_per_agent_hour")
DATA_SIGNALS = (2, 3, 5)


@dataclass
class VisitData:
    visit_id: int
    provider: str
    visited_on: date
    window: tuple[date, date]  # the days the rule reads
    weeks: pd.DataFrame  # period_start, in_window, SIGNAL_KPIS, staffing_ratio, feed_share
    window_values: dict[str, float | None]  # the same measures over the window
    checks: pd.DataFrame  # signal, item, rating, seen, data, value, threshold, agree

    @property
    def disagreements(self) -> pd.DataFrame:
        return self.checks[self.checks.agree == False]  # noqa: E712 (None is not judged)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _feed_days(store: Store, provider: str, date_from: date, date_to: date) -> pd.DataFrame:
    """Per ISO week: production days (with contacts) and those of them the real-time feed
    sent snapshots on. Only days since the feed's first snapshot count: before a provider
    started sending its feed, its absence says nothing of the screens on the floor."""
    return store.read(
        """WITH first_fed AS (SELECT CAST(min(at_local) AS DATE) AS day FROM snapshots
                              WHERE provider = ?),
                worked AS (SELECT DISTINCT CAST(arrived_local AS DATE) AS day FROM contacts
                           WHERE provider = ? AND arrived_local >= ?
                             AND arrived_local < CAST(? AS DATE) + 1
                             AND CAST(arrived_local AS DATE) >= (SELECT day FROM first_fed)),
                fed AS (SELECT DISTINCT CAST(at_local AS DATE) AS day FROM snapshots
                        WHERE provider = ? AND at_local >= ? AND at_local < CAST(? AS DATE) + 1)
           SELECT CAST(date_trunc('week', w.day) AS DATE) AS period_start,
                  count(*) AS production_days, count(f.day) AS fed_days
           FROM worked w LEFT JOIN fed f ON f.day = w.day GROUP BY ALL ORDER BY 1""",
        [provider, provider, date_from, date_to, provider, date_from, date_to])


def visit_data(store: Store, visit: pd.Series | dict) -> VisitData:
    """The data around one visit (a row of reports.list_visits) and its checks."""
    provider, visited_on = visit["provider"], visit["visited_on"]
    week = _week_start(visited_on)
    window = (week - timedelta(weeks=WINDOW_WEEKS - 1), week + timedelta(days=6))
    shown = (week - timedelta(weeks=WEEKS_BEFORE), week + timedelta(weeks=WEEKS_AFTER, days=6))
    result = compute_kpis(store, KpiRequest(SIGNAL_KPIS, "week", filters={
        "provider": (provider,)}, date_from=shown[0], date_to=shown[1]))
    frame = result.frame.copy()
    frame["period_start"] = pd.to_datetime(frame.period_start).dt.date
    in_window = (frame.period_start >= window[0]) & (frame.period_start <= window[1])
    totals = result.totals(result.frame[in_window.to_numpy()]) if in_window.any() else {}
    _, days = staffing_check(store, provider, shown[0], shown[1])
    staffing = pd.DataFrame(columns=["period_start", "required_hours", "logged_hours"])
    if not days.empty:
        days["period_start"] = [_week_start(d) for d in days.day]
        staffing = days.groupby("period_start", as_index=False)[
            ["required_hours", "logged_hours"]].sum(min_count=1)
    feed = _feed_days(store, provider, shown[0], shown[1])
    feed["period_start"] = pd.to_datetime(feed.period_start).dt.date
    weeks = pd.DataFrame({"period_start": [shown[0] + timedelta(weeks=k) for k in range(
        WEEKS_BEFORE + WEEKS_AFTER + 1)]})
    weeks = (weeks.merge(frame[["period_start", *SIGNAL_KPIS]], how="left")
             .merge(staffing, how="left").merge(feed, how="left"))
    weeks["staffing_ratio"] = weeks.logged_hours / weeks.required_hours.where(
        weeks.required_hours > 0)
    weeks["feed_share"] = weeks.fed_days / weeks.production_days.where(
        weeks.production_days > 0)
    weeks["in_window"] = (weeks.period_start >= window[0]) & (weeks.period_start <= window[1])
    inside = weeks[weeks.in_window]

    def ratio(top: str, bottom: str) -> float | None:
        num, den = inside[top].sum(min_count=1), inside[bottom].sum(min_count=1)
        return None if pd.isna(num) or pd.isna(den) or den <= 0 else float(num / den)

    values = {**{k: totals.get(k) for k in SIGNAL_KPIS},
              "staffing_ratio": ratio("logged_hours", "required_hours"),
              "feed_share": ratio("fed_days", "production_days")}
    values = {k: None if v is None or pd.isna(v) else float(v) for k, v in values.items()}
    items = visit_items(store, int(visit["visit_id"]))
    checks = _checks(items, values, thresholds(store))
    return VisitData(int(visit["visit_id"]), provider, visited_on, window, weeks, values,
                     checks)


def _data_says(signal: int, values: dict, limits: dict) -> tuple[str | None, str, float | None,
                                                                  float]:
    """(alarm / fine / None, the measure read, its value, its threshold) for one signal."""
    if signal == 2:
        value, limit = values["traceability_rate"], limits["traceability_low"]
        return (None if value is None else "alarm" if value < limit else "fine",
                "traceability_rate", value, limit)
    if signal == 3:
        occupancy, staffing = values["occupancy"], values["staffing_ratio"]
        low, over = limits["occupancy_low"], limits["overstaffed"]
        if staffing is not None and staffing > over:
            return "alarm", "staffing_ratio", staffing, over
        if occupancy is None:
            return (None if staffing is None else "fine", "staffing_ratio", staffing, over)
        return ("alarm" if occupancy < low else "fine", "occupancy", occupancy, low)
    value = values["feed_share"]
    return (None if value is None else "alarm" if value < FEED_MIN_SHARE else "fine",
            "feed_share", value, FEED_MIN_SHARE)


def _checks(items: pd.DataFrame, values: dict, limits: dict) -> pd.DataFrame:
    rows = []
    for item in items.itertuples():
        if pd.isna(item.signal) or int(item.signal) not in DATA_SIGNALS:
            continue
        data, measure, value, limit = _data_says(int(item.signal), values, limits)
        rated = isinstance(item.rating, str)
        seen = item.rating in ("minor", "serious") if rated else None
        agree = None if data is None or seen is None else seen == (data == "alarm")
        rows.append({"signal": int(item.signal), "item": item.item, "label_en": item.label_en,
                     "label_fr": item.label_fr, "rating": item.rating if rated else None,
                     "seen": seen, "data": data, "measure": measure, "value": value,
                     "threshold": limit, "agree": agree})
    return pd.DataFrame(rows, columns=["signal", "item", "label_en", "label_fr", "rating",
                                       "seen", "data", "measure", "value", "threshold",
                                       "agree"])


MEASURE_UNITS = {"traceability_rate": "pct", "occupancy": "pct", "staffing_ratio": "rate",
                 "feed_share": "pct", "contacts_per_agent_hour": "rate"}


def check_text(check: dict, lang: str) -> str:
    """One check in words: what was seen, what the data says, and whether they agree."""
    if not isinstance(check["data"], str):  # None, or NaN out of a DataFrame
        return t("visits.data.none", lang)
    # A row read with .iloc or .loc from a column of booleans holds numpy's bool, not
    # Python's: only None/NaN means not rated.
    if check["seen"] is None or pd.isna(check["seen"]):
        return t("visits.data.not_rated", lang)
    outcome = "agree" if bool(check["agree"]) else "disagree"
    seen = "seen" if bool(check["seen"]) else "not_seen"
    return t(f"visits.check.{check['measure']}.{seen}.{outcome}", lang,
             value=format_value(check["value"], MEASURE_UNITS[check["measure"]], lang),
             threshold=format_value(check["threshold"], MEASURE_UNITS[check["measure"]],
                                    lang))
