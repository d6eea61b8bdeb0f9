"""The quarterly (or half-yearly) strategic committee (SPEC §1): providers side by side.

Period over previous period per KPI, the providers ranked on the same KPIs with the same
definitions, a review of each target with a proposed target for the next period and how
often the history would have met it, and the volume trend with a forecast of next period's
offered contacts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from kpi import clock
from kpi.governance.targets import list_targets, live_targets, meets, status
from kpi.i18n import t
from kpi.inventory import contact_span
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import KpiResult, compute_kpis
from kpi.metrics.registry import KPI_BY_ID, PCT, SECONDS, SHOWN_IN
from kpi.periods import (
    HALF,
    MONTH,
    QUARTER,
    Period,
    as_date,
    complete,
    covered_months,
    month_start,
)
from kpi.provider_settings import sl_definitions
from kpi.store import Store
from kpi.visits.committee import latest_visit_summary

STRATEGIC_KPIS = SHOWN_IN["strategic"]
# Volumes are not ranked nor given targets here: more calls is not better.
RANKED_KPIS = tuple(k for k in STRATEGIC_KPIS if KPI_BY_ID[k].better in ("higher", "lower")
                    and k != "offered")
HISTORY_MONTHS = 12  # the proposal rests on the last twelve months
SEASONAL_MONTHS = 15  # a seasonal forecast needs last year's months and a growth base
MIN_MONTHS = 3
REACHED_SHARE = 2 / 3  # a proposed target is the level reached two months out of three


PERIOD_KINDS = (QUARTER, HALF)  # the periods a strategic committee reviews


def complete_periods(store: Store, kind: str, providers: list[str] | None = None,
                     today: date | None = None) -> list[Period]:
    """Quarters or halves with contacts (of these providers) that are complete (kpi.periods:
    over, and the data reaches their last three days: an export that stops mid-quarter is
    not a quarter), oldest first; `today` defaults to the clock's."""
    months = store.read("""SELECT DISTINCT CAST(date_trunc('month', arrived_local) AS DATE) AS m,
                                  max(CAST(arrived_local AS DATE)) OVER () AS last_day
                           FROM contacts WHERE ? IS NULL OR list_contains(?, provider)""",
                        [providers, providers])
    if months.empty:
        return []
    return complete({Period.of(m, kind) for m in months.m}, today or clock.today(),
                    as_date(months.last_day.iloc[0]))


@dataclass
class StrategicCommittee:
    period: Period
    providers: list[str]
    sl_definitions: tuple  # the service-level definitions in force (SlDefinition)
    comparison: pd.DataFrame  # provider, kpi, value, previous, delta
    ranking: pd.DataFrame  # provider, mean_rank, RANKED_KPIS values (best first)
    monthly: pd.DataFrame  # period_start, provider, STRATEGIC_KPIS: the last 12 months
    review: pd.DataFrame  # provider, kpi, comparator, target, value, status, proposed, …
    volume: pd.DataFrame  # provider, period_start, offered, forecast (bool), method
    # provider -> its latest floor visit up to the period's end (None: never visited)
    visits: dict | None = None

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def next_period(self) -> Period:
        return self.period.shifted(1)


def propose_target(monthly_values: pd.Series, kpi: str, current: dict | None,
                   period_value: float | None) -> dict:
    """A target for next period from the KPI's monthly values (oldest first).

    The level reached two months out of three (the 1/3 quantile when higher is better, the
    2/3 quantile when lower is better), rounded towards achievable; a target met over the
    period is never loosened. `met_months` counts the months that would have met it.
    """
    values = monthly_values.dropna()
    better = KPI_BY_ID[kpi].better
    comparator = current["comparator"] if current else (">=" if better != "lower" else "<=")
    if len(values) < MIN_MONTHS:
        return {"proposed": None, "comparator": comparator, "met_months": 0,
                "months": len(values), "basis": "history"}
    share = 1 - REACHED_SHARE if comparator == ">=" else REACHED_SHARE
    level = float(values.quantile(share, interpolation="linear"))
    step = 0.005 if KPI_BY_ID[kpi].unit == PCT else 1.0 if KPI_BY_ID[kpi].unit == SECONDS \
        else 0.01
    rounded = (math.floor if comparator == ">=" else math.ceil)(round(level / step, 6)) * step
    basis = "history"
    met_now = period_value is not None and current is not None \
        and meets(period_value, comparator, current["value"])
    if met_now and not meets(rounded, comparator, current["value"]):
        rounded, basis = current["value"], "kept"  # met, and tighter than the history
    met = int(meets(values, comparator, rounded).sum())
    return {"proposed": rounded, "comparator": comparator, "met_months": met,
            "months": len(values), "basis": basis}


def achievability(met_months: int, months: int) -> str:
    """achievable, stretch, out of reach, or short history."""
    if months < MIN_MONTHS:
        return "short history"
    share = met_months / months
    return "achievable" if share >= 0.5 else "stretch" if share > 0 else "out of reach"


def seasonal_forecast(monthly: pd.DataFrame, months: list[date]) -> tuple[list[float], str]:
    """Offered contacts of `months` from complete past months (period_start, offered).

    With at least 15 months: last year's same month × the growth of the last three months
    over the same three months a year before (seasonal). With 3 to 14: the linear trend of
    the last six months' daily volume times the days of each month (trend). Else nothing.
    """
    history = monthly.assign(period_start=monthly.period_start.map(month_start)) \
        .set_index("period_start").offered.sort_index()
    if len(history) >= SEASONAL_MONTHS:
        last3 = list(history.index[-3:])
        year_before = [Period.of(m, MONTH).shifted(-12).start for m in last3]
        if all(m in history.index for m in year_before):
            growth = history[last3].sum() / history[year_before].sum()
            ago = [Period.of(m, MONTH).shifted(-12).start for m in months]
            if all(m in history.index for m in ago):
                return [float(history[m] * growth) for m in ago], "seasonal"
    if len(history) < MIN_MONTHS:
        return [], "history"
    recent = history.iloc[-6:]
    days = [Period.of(m, MONTH).days for m in recent.index]
    daily = recent.to_numpy() / days
    x = list(range(len(recent)))
    mean_x, mean_y = sum(x) / len(x), float(daily.mean())
    slope = sum((xi - mean_x) * (yi - mean_y) for xi, yi in zip(x, daily, strict=True)) \
        / sum((xi - mean_x) ** 2 for xi in x)
    last = recent.index[-1]
    forecast = []
    for month in months:
        ahead = (month.year - last.year) * 12 + month.month - last.month
        rate = max(0.0, mean_y + slope * (len(x) - 1 - mean_x + ahead))
        forecast.append(rate * Period.of(month, MONTH).days)
    return forecast, "trend"


def _months_held(months: set[date], days: tuple[date | None, date | None],
                 whole: tuple[date, date] | None) -> float:
    """How many months of contacts these months (first days) hold, for a volume per month:
    one each, except a month the provider's contacts (`days`: first and last) start or end
    inside, outside the months they cover edge to edge (`whole`, from covered_months), which
    counts its share of days. Without contacts (other sources' volumes), one each."""
    if whole is None:
        return float(len(months))
    first, last = days
    held = 0.0
    for start in months:
        month = Period.of(start, MONTH)
        if whole[0] <= start <= whole[1] or last < month.start or first > month.end:
            held += 1  # covered, or outside the contacts (another source's volume)
        else:
            days_held = (min(month.end, last) - max(month.start, first)).days + 1
            held += days_held / month.days
    return held


def _volumes(store: Store, scope: dict, history_from: date, kpis_from: date,
             result: KpiResult) -> pd.DataFrame:
    """Offered contacts per provider and month from `history_from`: the months before
    `kpis_from` read on their own, the others taken from the KPIs' rows (`result`, read from
    `kpis_from`). Those rows also hold months only other sources fill (evaluations, agent
    activity): a month without an offered figure is left out."""
    recent = result.table()[["period_start", "provider", "offered"]]
    recent = recent[recent.offered.notna()]
    if history_from < kpis_from:
        earlier = compute_kpis(store, KpiRequest(
            ("offered",), "month", by=("provider",), filters=scope, date_from=history_from,
            date_to=kpis_from - timedelta(days=1), with_sums=False)).table()
        recent = pd.concat([earlier[["period_start", "provider", "offered"]], recent],
                           ignore_index=True)
    return recent.assign(period_start=recent.period_start.map(month_start))


def strategic_committee(store: Store, period: Period, providers: list[str]
                        ) -> StrategicCommittee:
    previous = period.shifted(-1)
    last_month = Period.of(period.end, MONTH)
    history_from = last_month.shifted(-23).start  # the 24 months up to the period's end
    monthly_from = last_month.shifted(1 - HISTORY_MONTHS).start
    scope = {"provider": tuple(providers)}
    # Every KPI over the months the comparison and the targets' review read (a quarter: the
    # last 12); the volume forecast alone reads 24: the months before those, of offered
    # contacts only (a lighter scan than ten KPIs), the others from the KPIs' rows.
    kpis_from = min(previous.start, monthly_from)
    result = compute_kpis(store, KpiRequest(STRATEGIC_KPIS, "month", by=("provider",),
                                            filters=scope, date_from=kpis_from,
                                            date_to=period.end))
    frame = result.frame.assign(period_start=result.frame.period_start.map(month_start))

    # Each provider's totals over the period and the one before, in one query: a row is in
    # (provider, period) or in neither (the periods are adjacent, they never overlap).
    compared = {"this": period, "before": previous}
    keys = [next(((provider, name) for name, p in compared.items() if p.start <= m <= p.end),
                 None) for provider, m in zip(frame.provider, frame.period_start, strict=True)]
    totals = result.totals_by(keys, frame)
    contact_days = {provider: contact_span(store, provider) for provider in providers}
    # Each provider's months its contacts cover edge to edge (kpi.periods.covered_months: 3
    # days' slack at either end, for days the floor is closed).
    covered = {provider: covered_months(*days) for provider, days in contact_days.items()
               if days[0] is not None}
    months = {key: _months_held({m for k, m in zip(keys, frame.period_start, strict=True)
                                 if k == key}, contact_days[key[0]], covered.get(key[0]))
              for key in totals if key is not None}

    def over(name: str, provider: str) -> dict:
        values = dict(totals.get((provider, name), {}))
        if values.get("offered") is not None:  # a volume per month, to compare periods
            values["offered"] /= months[(provider, name)]
        return values

    comparison, ranking = [], []
    for provider in providers:
        this, before = over("this", provider), over("before", provider)
        for kpi in STRATEGIC_KPIS:
            value, prior = this.get(kpi), before.get(kpi)
            comparison.append({"provider": provider, "kpi": kpi, "value": value,
                               "previous": prior,
                               "delta": None if value is None or prior is None
                               else value - prior})
        ranking.append({"provider": provider, **{k: this.get(k) for k in RANKED_KPIS}})
    ranking = pd.DataFrame(ranking)
    ranks = pd.DataFrame({k: ranking[k].rank(ascending=KPI_BY_ID[k].better == "lower",
                                             method="min") for k in RANKED_KPIS})
    ranking["mean_rank"] = ranks.mean(axis=1)
    ranking = ranking.sort_values("mean_rank", na_position="last").reset_index(drop=True)

    monthly = result.table()
    monthly = monthly.assign(period_start=monthly.period_start.map(month_start))
    monthly = monthly[monthly.period_start >= monthly_from].reset_index(drop=True)

    registered = list_targets(store)
    review = []
    for provider in providers:
        targets = live_targets(registered[registered.provider == provider], period.start,
                               period.end)
        target_of = {kpi: rows.iloc[0].to_dict() for kpi, rows in targets.groupby("kpi",
                                                                                   sort=False)}
        this = over("this", provider)
        history = monthly[monthly.provider == provider]
        for kpi in RANKED_KPIS:
            current = target_of.get(kpi)
            proposal = propose_target(history[kpi], kpi, current, this.get(kpi))
            review.append({
                "provider": provider, "kpi": kpi,
                "target": None if current is None else current["value"],
                "target_comparator": None if current is None else current["comparator"],
                "target_id": None if current is None else current["target_id"],
                "priority": 2 if current is None else current["priority"],
                "owner": None if current is None else current["owner"],
                "value": this.get(kpi), "status": status(this.get(kpi), current),
                **proposal,
                "achievability": achievability(proposal["met_months"], proposal["months"])})

    volumes = _volumes(store, scope, history_from, kpis_from, result)
    volume = []
    upcoming = period.shifted(1).month_starts()
    for provider in providers:
        rows = volumes[volumes.provider == provider][["period_start", "offered"]]
        first, last = covered.get(provider, (None, None))
        complete = rows if first is None else rows[(rows.period_start >= first)
                                                   & (rows.period_start <= last)]
        complete = complete[complete.period_start <= period.end]
        forecast, method = seasonal_forecast(complete, upcoming)
        for row in rows.itertuples():
            volume.append({"provider": provider, "period_start": row.period_start,
                           "offered": row.offered, "forecast": False,
                           "complete": first is not None and first <= row.period_start
                           <= last, "method": ""})
        for month, offered in zip(upcoming if forecast else [], forecast, strict=False):
            volume.append({"provider": provider, "period_start": month, "offered": offered,
                           "forecast": True, "complete": False, "method": method})
        if not forecast:
            volume.append({"provider": provider, "period_start": upcoming[0], "offered": None,
                           "forecast": True, "complete": False, "method": method})
    return StrategicCommittee(
        period=period, providers=list(providers),
        sl_definitions=sl_definitions(store, list(providers)),
        comparison=pd.DataFrame(comparison), ranking=ranking, monthly=monthly,
        review=pd.DataFrame(review), volume=pd.DataFrame(volume),
        visits={p: latest_visit_summary(store, p, period.end) for p in providers})


def proposals_as_targets(committee: StrategicCommittee, rows: pd.DataFrame,
                         lang: str = "en") -> pd.DataFrame:
    """Review rows (with a proposal) as register rows for the next period."""
    upcoming = committee.next_period
    rows = rows[rows.proposed.notna()]
    return pd.DataFrame({
        "kpi": rows.kpi, "provider": rows.provider, "site": None, "queue": None,
        "comparator": rows.comparator, "value": rows.proposed, "start": upcoming.start,
        "deadline": upcoming.end, "priority": rows.priority, "owner": rows.owner,
        "rationale": [t("strategic.rationale", lang, period=committee.label,
                        history=t("strategic.met_months", lang, met=m, months=n))
                      for m, n in zip(rows.met_months, rows.months, strict=True)]})
