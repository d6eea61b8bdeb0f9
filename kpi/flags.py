"""Red flags (SPEC §4): the data signatures of a failing floor, as named rules.

Each rule has a threshold (a setting, with a default), looks at a provider over a date
range, and returns the periods that trip it with the numbers (evidence) and a plain-language
reason. Weekly rules look at ISO weeks; the traffic drop at days. A flag is data: its
evidence is a message key and its figures, put into words only when drawn (page, pack, CLI)
in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from kpi.i18n import format_date, format_value, t
from kpi.inventory import contact_span
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.reconcile import reconcile
from kpi.settings import APP_DEFAULTS, InvalidAppSetting, app_settings, save_app_settings
from kpi.staffing import staffing_check
from kpi.store import Store

TEXT = "text"  # an evidence figure shown as it is (a number of days)
DATE = "date"  # an evidence day, written as the reader's language writes dates


@dataclass(frozen=True)
class Flag:
    rule: str
    provider: str
    period_start: date
    period_end: date
    value: float
    threshold: float
    evidence_key: str  # flag.evidence.<key>
    # The evidence's figures: name -> (value, unit of kpi.i18n.format_value, TEXT or DATE).
    figures: dict[str, tuple[object, str]] = field(default_factory=dict)

    def evidence(self, lang: str) -> str:
        """The numbers behind the flag, in words."""
        return t(f"flag.evidence.{self.evidence_key}", lang, **{
            name: str(value) if unit == TEXT else format_date(value, lang) if unit == DATE
            else format_value(value, unit, lang)
            for name, (value, unit) in self.figures.items()})

    def explanation(self, lang: str) -> str:
        return t(f"flag.{self.rule}.why", lang)

    def name(self, lang: str) -> str:
        return t(f"flag.{self.rule}", lang)


@dataclass(frozen=True)
class Rule:
    id: str
    unit: str  # of the threshold: pct, ratio, days
    check: Callable[[Store, str, date, date, float], list[Flag]]


def _weekly(store: Store, provider: str, kpis: tuple[str, ...], date_from: date,
            date_to: date) -> pd.DataFrame:
    result = compute_kpis(store, KpiRequest(kpis, "week", filters={"provider": (provider,)},
                                            date_from=date_from, date_to=date_to))
    frame = result.frame.copy()
    frame["period_start"] = pd.to_datetime(frame.period_start).dt.date
    return frame


def _week_flags(rule: str, provider: str, rows, value_of, threshold: float, below: bool,
                evidence_key: str, figures) -> list[Flag]:
    flags = []
    for row in rows.itertuples():
        value = value_of(row)
        if value is None or pd.isna(value):
            continue
        if (value < threshold) if below else (value > threshold):
            flags.append(Flag(rule, provider, row.period_start,
                              row.period_start + timedelta(days=6), float(value), threshold,
                              evidence_key, figures(row)))
    return flags


def _traceability(store, provider, date_from, date_to, threshold) -> list[Flag]:
    rows = _weekly(store, provider, ("traceability_rate",), date_from, date_to)
    return _week_flags("traceability_low", provider, rows, lambda r: r.traceability_rate,
                       threshold, True, "traceability", lambda r: {
                           "value": (r.traceability_rate, "pct"),
                           "traced": (r.m__traced, "count"),
                           "handled": (r.m__handled_traceable, "count"),
                           "threshold": (threshold, "pct")})


def _occupancy(store, provider, date_from, date_to, threshold) -> list[Flag]:
    rows = _weekly(store, provider, ("occupancy",), date_from, date_to)
    return _week_flags("occupancy_low", provider, rows, lambda r: r.occupancy, threshold, True,
                       "occupancy", lambda r: {
                           "value": (r.occupancy, "pct"),
                           "work": (r.m__work_s / 3600, "count"),
                           "available": ((r.m__work_s + r.m__available_s) / 3600, "count"),
                           "threshold": (threshold, "pct")})


def _productivity(store, provider, date_from, date_to, threshold) -> list[Flag]:
    """Contacts per agent-hour under `threshold` × the median of the 8 weeks before."""
    history_from = date_from - timedelta(weeks=8)
    rows = _weekly(store, provider, ("contacts_per_agent_hour",), history_from, date_to)
    rows = rows.dropna(subset=["contacts_per_agent_hour"]).sort_values("period_start")
    rows["usual"] = rows.contacts_per_agent_hour.rolling(8, min_periods=4).median().shift(1)
    rows = rows[rows.period_start >= date_from - timedelta(days=date_from.weekday())]
    rows["ratio"] = rows.contacts_per_agent_hour / rows.usual
    return _week_flags("productivity_low", provider, rows, lambda r: r.ratio, threshold, True,
                       "productivity", lambda r: {
                           "value": (r.contacts_per_agent_hour, "rate"),
                           "usual": (r.usual, "rate"), "ratio": (r.ratio, "pct")})


def _overstaffed(store, provider, date_from, date_to, threshold) -> list[Flag]:
    _, days = staffing_check(store, provider, date_from, date_to)
    if days.empty:
        return []
    days["period_start"] = [d - timedelta(days=d.weekday()) for d in days.day]
    weeks = days.groupby("period_start", as_index=False)[["required_hours",
                                                          "logged_hours"]].sum(min_count=1)
    weeks["ratio"] = weeks.logged_hours / weeks.required_hours.where(weeks.required_hours > 0)
    return _week_flags("overstaffed", provider, weeks, lambda r: r.ratio, threshold, False,
                       "overstaffed", lambda r: {
                           "logged": (r.logged_hours, "count"),
                           "required": (r.required_hours, "count"),
                           "ratio": (r.ratio, "rate")})


def _declared_gap(store, provider, date_from, date_to, threshold) -> list[Flag]:
    table = reconcile(store, provider, "week", date_from, date_to)
    table = table[table.kpi == "service_level"].rename(columns={"gap": "value"})
    table["gap"] = table.value.abs()
    return _week_flags("declared_gap", provider, table, lambda r: r.gap, threshold, False,
                       "declared", lambda r: {"declared": (r.declared, "pct"),
                                              "recomputed": (r.recomputed, "pct")})


def _stale_feed(store, provider, date_from, date_to, threshold) -> list[Flag]:
    _first, last = contact_span(store, provider)
    if last is None:
        return []
    silent = (date_to - last).days
    if silent <= threshold:
        return []
    return [Flag("stale_feed", provider, last + timedelta(days=1), date_to, float(silent),
                 threshold, "stale", {"last": (last, DATE), "days": (silent, TEXT)})]


def _traffic_drop(store, provider, date_from, date_to, threshold) -> list[Flag]:
    """A day's offered under `threshold` × the mean of the same weekday the 4 weeks before."""
    rows = compute_kpis(store, KpiRequest(("offered",), "day", filters={
        "provider": (provider,)}, date_from=date_from - timedelta(weeks=4), date_to=date_to,
        with_sums=False)).table()
    rows["period_start"] = pd.to_datetime(rows.period_start).dt.date
    offered = dict(zip(rows.period_start, rows.offered, strict=True))
    last_day = max(offered, default=None)  # the data's last day may still be under way
    flags = []
    for day, value in offered.items():
        if day < date_from or day == last_day:
            continue
        before = [offered[d] for d in (day - timedelta(weeks=k) for k in range(1, 5))
                  if d in offered]
        if len(before) < 4:
            continue
        usual = sum(before) / 4
        if usual > 0 and value / usual < threshold:
            flags.append(Flag("traffic_drop", provider, day, day, value / usual, threshold,
                              "traffic", {"value": (value, "count"),
                                          "usual": (usual, "count")}))
    return flags


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("traceability_low", "pct", _traceability),
    Rule("occupancy_low", "pct", _occupancy),
    Rule("productivity_low", "pct", _productivity),
    Rule("overstaffed", "ratio", _overstaffed),
    Rule("declared_gap", "pct", _declared_gap),
    Rule("stale_feed", "days", _stale_feed),
    Rule("traffic_drop", "pct", _traffic_drop),
)}


def thresholds(store: Store) -> dict[str, float]:
    """Each rule's threshold: the setting `flag_<rule>` (kpi/settings.py: stored, else its
    default)."""
    values = app_settings(store)
    return {rule: float(values[f"flag_{rule}"]) for rule in RULES}


def default_threshold(rule: str) -> float:
    return float(APP_DEFAULTS[f"flag_{rule}"])


def red_flags(store: Store, providers: list[str], date_from: date, date_to: date,
              rules: list[str] | None = None) -> list[Flag]:
    """Every flag of these providers over the range, by provider then period."""
    limits = thresholds(store)
    flags = []
    for provider in providers:
        for rule in rules or list(RULES):
            flags += RULES[rule].check(store, provider, date_from, date_to, limits[rule])
    return sorted(flags, key=lambda f: (f.provider, f.period_start, f.rule))


def flags_table(flags: list[Flag], lang: str) -> pd.DataFrame:
    """provider, rule, flag, period_start, period_end, value, threshold, evidence, why."""
    return pd.DataFrame([{
        "provider": f.provider, "rule": f.rule, "flag": f.name(lang),
        "period_start": f.period_start, "period_end": f.period_end, "value": f.value,
        "threshold": f.threshold, "evidence": f.evidence(lang), "why": f.explanation(lang)}
        for f in flags], columns=["provider", "rule", "flag", "period_start", "period_end",
                                  "value", "threshold", "evidence", "why"])


def save_thresholds(store: Store, values: dict[str, float]) -> None:
    """Store rule thresholds (settings `flag_<rule>`); refuses unknown rules and negatives."""
    unknown = [rule for rule in values if rule not in RULES]
    if unknown:
        raise InvalidAppSetting(key="error.unknown_flag_rule", rule=repr(unknown[0]))
    save_app_settings(store, {f"flag_{rule}": value for rule, value in values.items()})
