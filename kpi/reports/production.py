"""The weekly production committee (SPEC §1): one provider, one ISO week, at a glance.

Every figure comes from the KPI engine. The "4-week" figure is the KPI over the four weeks
before (Σ numerator / Σ denominator), never a mean of weekly values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from kpi import clock
from kpi.flags import red_flags
from kpi.governance.actions import due_actions
from kpi.governance.feedback import list_feedback, week_note
from kpi.governance.targets import list_targets, live_targets, status
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.registry import AMOUNT, COUNT, KPI_BY_ID, SHOWN_IN
from kpi.periods import WEEK, Period, as_date, complete, monday
from kpi.provider_settings import sl_definitions
from kpi.store import Store

COMMITTEE_KPIS = SHOWN_IN["production"]
PROFILE_KPIS = SHOWN_IN["production_profile"]
DEFAULT_SL_TARGET = 0.8


@dataclass
class ProductionCommittee:
    provider: str
    week: date  # Monday
    sl_definitions: tuple  # the service-level definitions in force (SlDefinition)
    kpis: pd.DataFrame  # kpi, value, target, comparator, status, previous, four_weeks, delta
    daily: pd.DataFrame  # period_start, PROFILE_KPIS, below_target
    forecast: pd.DataFrame  # period_start, offered, forecast_offered
    forecast_accuracy: float | None
    intraday: pd.DataFrame  # slot (hh:mm), offered, answered, service_level, below_target
    by_queue: pd.DataFrame
    by_site: pd.DataFrame
    feedback: pd.DataFrame
    actions: pd.DataFrame
    note: str
    flags: list | None = None  # the week's red flags (kpi.flags.Flag)

    @property
    def week_end(self) -> date:
        return Period.of(self.week, WEEK).end

    @property
    def label(self) -> str:
        return Period.of(self.week, WEEK).label


def complete_weeks(store: Store, provider: str, today: date | None = None) -> list[date]:
    """Mondays of the provider's complete weeks with contacts (kpi.periods: over, and the
    data reaches their Friday: an export that stops mid-week is not a week), oldest first;
    `today` defaults to the clock's."""
    rows = store.read(
        """SELECT DISTINCT CAST(date_trunc('week', arrived_local) AS DATE) AS week,
                  (SELECT CAST(max(arrived_local) AS DATE) FROM contacts
                   WHERE provider = ?) AS last_day
           FROM contacts WHERE provider = ? ORDER BY week""", [provider, provider])
    if rows.empty:
        return []
    weeks = [Period.of(w, WEEK) for w in rows.week]
    return [w.start for w in complete(weeks, today or clock.today(),
                                      as_date(rows.last_day.iloc[0]))]


def production_committee(store: Store, provider: str, week: date) -> ProductionCommittee:
    week = monday(week)
    end = Period.of(week, WEEK).end
    scope = {"provider": (provider,)}
    weekly = compute_kpis(store, KpiRequest(COMMITTEE_KPIS, "week", filters=scope,
                                            date_from=week - timedelta(weeks=4), date_to=end))
    frame = weekly.frame.assign(period_start=pd.to_datetime(weekly.frame.period_start).dt.date)
    this = frame[frame.period_start == week]
    previous = frame[frame.period_start == week - timedelta(weeks=1)]
    before = frame[frame.period_start < week]
    four_weeks = weekly.totals(before) if not before.empty else {}
    for kpi in COMMITTEE_KPIS:  # a count over four weeks is shown as a weekly average
        if KPI_BY_ID[kpi].unit in (COUNT, AMOUNT) and four_weeks.get(kpi) is not None:
            four_weeks[kpi] /= before.period_start.nunique()
    registered = list_targets(store)
    live = live_targets(registered[registered.provider == provider], week, end)
    target_of = {kpi: rows.iloc[0].to_dict() for kpi, rows in live.groupby("kpi", sort=False)}
    rows = []
    for kpi in COMMITTEE_KPIS:
        value = None if this.empty else this[kpi].iloc[0]
        prior = None if previous.empty else previous[kpi].iloc[0]
        target = target_of.get(kpi)
        rows.append({
            "kpi": kpi,
            "value": value,
            "target": None if target is None else target["value"],
            "comparator": None if target is None else target["comparator"],
            "status": status(value, target),
            "previous": prior,
            "four_weeks": four_weeks.get(kpi),
            "delta": None if value is None or prior is None or pd.isna(value) or pd.isna(prior)
            else value - prior,
        })
    kpis = pd.DataFrame(rows)

    days = compute_kpis(store, KpiRequest(PROFILE_KPIS + ("forecast_accuracy",), "day",
                                          filters=scope, date_from=week, date_to=end))
    daily = days.table()[["period_start", *PROFILE_KPIS]].copy()
    forecast = days.frame[["period_start", "m__offered", "m__forecast_offered"]].rename(
        columns={"m__offered": "offered", "m__forecast_offered": "forecast_offered"})
    accuracy = days.totals()["forecast_accuracy"] if not days.frame.empty else None

    slots = compute_kpis(store, KpiRequest(PROFILE_KPIS, "interval", filters=scope,
                                           date_from=week, date_to=end, interval_minutes=30))
    slot_frame = slots.frame.assign(slot=pd.to_datetime(slots.frame.period_start)
                                    .dt.strftime("%H:%M"))
    sl_target = target_of.get("service_level")
    threshold = DEFAULT_SL_TARGET if sl_target is None else sl_target["value"]
    intraday = pd.DataFrame([{"slot": slot, **totals} for slot, totals
                             in slots.totals_by(slot_frame.slot, slot_frame).items()])
    for frame in (daily, intraday):
        if not frame.empty:
            frame["below_target"] = frame.service_level < threshold

    def breakdown(by: str) -> pd.DataFrame:
        result = compute_kpis(store, KpiRequest(
            ("offered", "answer_rate", "service_level", "asa_s", "aht_s", "traceability_rate"),
            "week", by=(by,), filters=scope, date_from=week, date_to=end, with_sums=False))
        return result.table().drop(columns=["period_start"])  # the values only: no sums

    return ProductionCommittee(
        provider=provider, week=week, sl_definitions=sl_definitions(store, [provider]),
        kpis=kpis, daily=daily, forecast=forecast, forecast_accuracy=accuracy,
        intraday=intraday, by_queue=breakdown("queue"), by_site=breakdown("site"),
        feedback=list_feedback(store, provider, week, end),
        actions=due_actions(store, provider, end), note=week_note(store, provider, week),
        flags=red_flags(store, [provider], week, end),
    )
