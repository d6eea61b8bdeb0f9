"""The monthly steering committee (SPEC §1): the month decoded for one provider.

Trends over the last 12 months with targets, the month's target attainment, drill-down by
queue, site and hour of day, the action plan, and the quality summary by month and team.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from kpi import clock
from kpi.flags import red_flags
from kpi.governance.actions import live_actions
from kpi.governance.targets import list_targets, live_targets, status
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.reconcile import reconciliation, reconciliation_summary
from kpi.metrics.registry import SHOWN_IN
from kpi.periods import MONTH, Period
from kpi.provider_settings import sl_definitions
from kpi.quality.calibration import analyse_session, list_sessions
from kpi.settings import app_settings
from kpi.store import Store
from kpi.visits.committee import latest_visit_summary

TREND_KPIS = SHOWN_IN["steering_trend"]
DRILL_KPIS = SHOWN_IN["steering_drill"]


@dataclass
class SteeringCommittee:
    provider: str
    month: date  # first day
    sl_definitions: tuple  # the service-level definitions in force (SlDefinition)
    trends: pd.DataFrame  # period_start (month), TREND_KPIS
    targets: pd.DataFrame  # the provider's targets live during the month
    attainment: pd.DataFrame  # kpi, target, comparator, value, status, gap
    by_queue: pd.DataFrame
    by_site: pd.DataFrame
    by_team: pd.DataFrame  # contacts of agents in no team's activity: team empty
    by_hour: pd.DataFrame  # hour, DRILL_KPIS
    actions: pd.DataFrame  # open or in progress, overdue flagged
    quality: pd.DataFrame  # month, team, quality_score, evaluations (engine's definition)
    calibration: object | None = None  # the latest calibration session (SessionResult)
    flags: list | None = None  # the month's red flags (kpi.flags.Flag)
    # The month's declared figures reconciled, per KPI: how many periods had each status
    # (None: the provider declared nothing that month).
    reconciliation: pd.DataFrame | None = None
    visit: object | None = None  # the latest floor visit up to the month's end (VisitSummary)

    @property
    def label(self) -> str:
        return Period.of(self.month, MONTH).label


def months_with_data(store: Store, provider: str) -> list[date]:
    months = store.read("""SELECT DISTINCT CAST(date_trunc('month', arrived_local) AS DATE) AS m
                           FROM contacts WHERE provider = ? ORDER BY m""", [provider]).m
    return [pd.Timestamp(m).date() for m in months]


def steering_committee(store: Store, provider: str, month: date,
                       today: date | None = None) -> SteeringCommittee:
    """`today` decides which live actions are overdue (the meeting's day; default: the
    clock's)."""
    period = Period.of(month, MONTH)
    month, end = period.start, period.end
    scope = {"provider": (provider,)}
    start = period.shifted(-11).start
    # Only the values are read where a request ends in .table(): its sums are not computed.
    trends = compute_kpis(store, KpiRequest(TREND_KPIS, "month", filters=scope,
                                            date_from=start, date_to=end,
                                            with_sums=False)).table()
    registered = list_targets(store)
    targets = live_targets(registered[registered.provider == provider], month, end)
    # The month's value of every target KPI: the trend's last month when the trend has
    # them all (the same month, the same exact sums: the same digits), else in one query.
    wanted = tuple(dict.fromkeys(targets.kpi))
    if set(wanted) <= set(TREND_KPIS):
        values = trends[pd.to_datetime(trends.period_start).dt.date == month]
    else:
        values = compute_kpis(store, KpiRequest(wanted, "month", filters=scope,
                                                date_from=month, date_to=end,
                                                with_sums=False)).table()
    rows = []
    for target in targets.to_dict("records"):
        value = None if values.empty else values[target["kpi"]].iloc[0]
        state = status(value, target)
        rows.append({"target_id": target["target_id"], "kpi": target["kpi"],
                     "comparator": target["comparator"], "target": target["value"],
                     "value": value, "status": state,
                     "gap": None if state == "no data" else value - target["value"],
                     "priority": target["priority"]})

    def drill(by: str) -> pd.DataFrame:
        return compute_kpis(store, KpiRequest(DRILL_KPIS, "month", by=(by,), filters=scope,
                                              date_from=month, date_to=end, with_sums=False)
                            ).table().drop(columns=["period_start"])

    hours = compute_kpis(store, KpiRequest(DRILL_KPIS, "interval", filters=scope,
                                           date_from=month, date_to=end, interval_minutes=60))
    hour_of = pd.to_datetime(hours.frame.period_start).dt.hour
    by_hour = pd.DataFrame([{"hour": f"{hour:02d}:00", **totals}
                            for hour, totals in hours.totals_by(hour_of).items()])
    quality = compute_kpis(store, KpiRequest(("quality_score",), "month", by=("team",),
                                             filters=scope, date_from=start, date_to=end))
    quality = quality.frame.rename(columns={"period_start": "month",
                                            "m__evaluations": "evaluations"})
    return SteeringCommittee(
        provider=provider, month=month, sl_definitions=sl_definitions(store, [provider]),
        trends=trends, targets=targets, attainment=pd.DataFrame(rows),
        by_queue=drill("queue"), by_site=drill("site"), by_team=drill("team"),
        by_hour=by_hour,
        actions=live_actions(store, provider, today or clock.today()), quality=quality,
        calibration=latest_calibration(store, provider, end),
        flags=red_flags(store, [provider], month, end),
        reconciliation=reconciliation_summary(reconciliation(store, provider, month, end)),
        visit=latest_visit_summary(store, provider, end))


def latest_calibration(store: Store, provider: str, until: date):
    """The provider's last calibration session up to `until`, analysed (None: none yet)."""
    sessions = list_sessions(store, provider)
    sessions = sessions[pd.to_datetime(sessions.day).dt.date <= until]
    if sessions.empty:
        return None
    return analyse_session(store, sessions.session_id.iloc[0],
                           float(app_settings(store)["calibration_tolerance"]))
