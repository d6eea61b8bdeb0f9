"""Declared vs recomputed: a provider's own figures beside what its detail gives.

Where a provider sent both its declared report and the detail (contacts or intervals) for
the same days, the detail wins in every KPI; this table shows, KPI by KPI and period by
period, the provider's figure, the recomputed one and the gap (declared − recomputed).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from kpi.errors import Msg, Num
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.registry import SHOWN_IN
from kpi.store import Store

RECONCILED = SHOWN_IN["reconciliation"]


# A provider's declared figures over several rows: counts summed, rates weighted by their
# base (a blank rate is not reported: its row's base is left out), so one row's figures are
# exactly the declared ones.
_DECLARED_SUMS = """sum(offered) AS offered, sum(answered) AS answered,
                  sum(abandoned) AS abandoned,
                  sum(answer_rate * offered) / nullif(sum(offered) FILTER (
                      answer_rate IS NOT NULL), 0) AS answer_rate,
                  sum(abandon_rate * offered) / nullif(sum(offered) FILTER (
                      abandon_rate IS NOT NULL), 0) AS abandon_rate,
                  sum(service_level * offered) / nullif(sum(offered) FILTER (
                      service_level IS NOT NULL), 0) AS service_level,
                  sum(asa_s * answered) / nullif(sum(answered) FILTER (
                      asa_s IS NOT NULL), 0) AS asa_s"""


def declared_figures(store: Store, provider: str, grain: str, date_from: date | None = None,
                     date_to: date | None = None) -> pd.DataFrame:
    """The provider's daily declared KPIs summed per period (weekly and monthly reports are
    for the reconciliation: summed by their first day they would lump)."""
    return store.read(
        f"""SELECT CAST(date_trunc('{grain}', period_local) AS DATE) AS period_start,
                   {_DECLARED_SUMS}
            FROM declared_reports WHERE provider = ? AND period_min <= 1440
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


# Reconciliation (SPEC §6): each declared period and KPI against Cockpit's detail and the
# report's own counts under the contract's definition.
RECONCILIATION_COLUMNS = ["period_start", "provider", "kpi", "declared", "recomputed_detail",
                          "recomputed_counts", "status", "note"]
STATUSES = ("consistent", "other_definition", "inconsistent", "no_data")
_RATES = ("answer_rate", "abandon_rate", "service_level")

# A KPI's value from a report's own counts: the contract's definition first, then other
# common ones a provider may publish, each named. A report gives no short abandons, so the
# contract's answer rate over its counts is answered / offered.
_FROM_COUNTS: dict[str, list[tuple[Msg, object]]] = {
    "offered": [(Msg("reconcile.def.answered_plus_abandoned"), lambda o, a, b: a + b)],
    "answered": [(Msg("reconcile.def.offered_minus_abandoned"), lambda o, a, b: o - b)],
    "abandoned": [(Msg("reconcile.def.offered_minus_answered"), lambda o, a, b: o - a)],
    "answer_rate": [(Msg("reconcile.def.answered_over_offered"),
                     lambda o, a, b: a / o if o else None),
                    (Msg("reconcile.def.answered_over_handled"),
                     lambda o, a, b: a / (a + b) if a + b else None)],
    "abandon_rate": [(Msg("reconcile.def.abandoned_over_offered"),
                      lambda o, a, b: b / o if o else None),
                     (Msg("reconcile.def.abandoned_over_handled"),
                      lambda o, a, b: b / (a + b) if a + b else None)],
}


def _tolerance(kpi: str, declared: float) -> float:
    """Half a unit of the last digit the report printed (inferred from the value)."""
    shown = declared * 100 if kpi in _RATES else declared
    text = f"{round(shown, 6):.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    unit = 10.0 ** -decimals
    return (unit / 2) / (100 if kpi in _RATES else 1) + 1e-9


def _known(value) -> bool:
    return value is not None and not pd.isna(value)


def _status(kpi: str, declared, counts: dict | None, detail) -> tuple[object, str, Msg]:
    """(recomputed_counts, status, note) of one declared figure; the note is words (a Msg:
    English as the command line prints it, `text(lang)` on a page)."""
    if not _known(declared):
        return None, "no_data", Msg("reconcile.note.not_reported")
    definitions = []
    if counts is not None and kpi in _FROM_COUNTS and all(
            _known(counts[c]) for c in ("offered", "answered", "abandoned")):
        o, a, b = (float(counts[c]) for c in ("offered", "answered", "abandoned"))
        definitions = [(name, rule(o, a, b)) for name, rule in _FROM_COUNTS[kpi]]
    contract = definitions[0][1] if definitions else None
    tolerance = _tolerance(kpi, float(declared))
    if _known(contract):
        if abs(float(declared) - contract) <= tolerance:
            return contract, "consistent", Msg("reconcile.note.follows",
                                               definition=definitions[0][0])
        for name, value in definitions[1:]:
            if _known(value) and abs(float(declared) - value) <= tolerance:
                return contract, "other_definition", Msg(
                    "reconcile.note.follows_other", definition=name,
                    contract=definitions[0][0])
        return contract, "inconsistent", Msg("reconcile.note.no_definition",
                                             contract=definitions[0][0],
                                             value=Num(contract, ".4g"))
    if _known(detail):
        if abs(float(declared) - float(detail)) <= max(tolerance, 1e-9):
            return None, "consistent", Msg("reconcile.note.matches_detail")
        return None, "inconsistent", Msg("reconcile.note.detail_gives",
                                         value=Num(float(detail), ".4g"))
    return None, "no_data", Msg("reconcile.note.no_source")


def reconciliation(store: Store, provider: str | None = None, date_from: date | None = None,
                   date_to: date | None = None) -> pd.DataFrame:
    """One row per declared period (a day, or a longer period a report covers) and KPI."""
    declared = store.read(
        f"""SELECT provider, CAST(period_local AS DATE) AS period_start,
                  CAST(period_local + to_minutes(CAST(period_min AS BIGINT)) AS DATE)
                      AS period_end,
                  {_DECLARED_SUMS}
           FROM declared_reports
           WHERE period_min >= 1440 AND (? IS NULL OR provider = ?)
             AND (CAST(? AS DATE) IS NULL OR period_local >= CAST(? AS DATE))
             AND (CAST(? AS DATE) IS NULL OR period_local < CAST(? AS DATE) + 1)
           GROUP BY ALL ORDER BY provider, period_start""",
        [provider, provider, date_from, date_from, date_to, date_to])
    if declared.empty:
        return pd.DataFrame(columns=RECONCILIATION_COLUMNS)
    for column in ("period_start", "period_end"):
        declared[column] = pd.to_datetime(declared[column]).dt.date
    detail = compute_kpis(store, KpiRequest(
        RECONCILED, "day", ("provider",),
        date_from=declared.period_start.min(), date_to=declared.period_end.max(),
        filters={"provider": tuple(declared.provider.unique())},
        sources=("contacts", "intervals")))
    days = detail.frame.assign(day=pd.to_datetime(detail.frame.period_start).dt.date)
    rows = []
    for period in declared.itertuples():
        span = days[(days.provider == period.provider) & (days.day >= period.period_start)
                    & (days.day < period.period_end)]
        if len(span) == 1:  # a day's figures are the day's row (no re-summing needed)
            recomputed = {k: (None if pd.isna(v) else float(v))
                          for k, v in span.iloc[0][list(detail.request.kpis)].items()}
        else:
            recomputed = detail.totals(span) if not span.empty else {}
        counts = {c: getattr(period, c) for c in ("offered", "answered", "abandoned")}
        for kpi in RECONCILED:
            value = getattr(period, kpi)
            from_counts, status, note = _status(kpi, value, counts, recomputed.get(kpi))
            rows.append({"period_start": period.period_start, "provider": period.provider,
                         "kpi": kpi, "declared": value if _known(value) else None,
                         "recomputed_detail": recomputed.get(kpi),
                         "recomputed_counts": from_counts, "status": status, "note": note})
    table = pd.DataFrame(rows, columns=RECONCILIATION_COLUMNS)
    # Kept as objects: pandas would turn the notes into plain (English) strings.
    table["note"] = pd.Series([r["note"] for r in rows], index=table.index, dtype=object)
    return table


def reconciliation_summary(table: pd.DataFrame) -> pd.DataFrame | None:
    """kpi, then one column per status: how many declared periods had it."""
    if table.empty:
        return None
    summary = pd.crosstab(table.kpi, table.status).reindex(
        index=list(dict.fromkeys(table.kpi)), columns=list(STATUSES), fill_value=0)
    return summary.rename_axis("kpi").reset_index()
