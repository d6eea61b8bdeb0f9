"""Schemes in the database, the period's statement from the engine's KPIs, what a scheme
would have paid over past months, and the payments with their due and paid dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from kpi import clock
from kpi.errors import ImportRefused, NotFound
from kpi.incentives.scheme import InvalidScheme, Scheme, SchemeLine, Settlement, settle
from kpi.ingest.registers import read_register
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.periods import MONTH, QUARTER, parse
from kpi.settings import app_settings
from kpi.store import Store

SCHEME_FIELDS = ("base_fee", "at_risk_share", "bonus_cap", "malus_cap", "quality_gate",
                 "volume_band")


def save_scheme(store: Store, scheme: Scheme) -> None:
    """Store a version (a later valid_from is a new version; the same one replaces it)."""
    scheme.check()
    store.write(lambda cur: cur.execute(
        "INSERT OR REPLACE INTO incentive_schemes VALUES (?, ?, ?, ?)",
        [scheme.provider, scheme.valid_from, scheme.to_json(), datetime.now(UTC)]))


def list_schemes(store: Store, provider: str | None = None) -> list[Scheme]:
    rows = store.read("""SELECT provider, config FROM incentive_schemes
                         WHERE ? IS NULL OR provider = ? ORDER BY provider, valid_from""",
                      [provider, provider])
    return [Scheme.from_json(r.provider, r.config) for r in rows.itertuples()]


def scheme_for(store: Store, provider: str, day: date) -> Scheme:
    """The version in force on `day`."""
    versions = [s for s in list_schemes(store, provider) if s.valid_from <= day]
    if not versions:
        raise NotFound(f"no incentive scheme in force for {provider} on {day}")
    return versions[-1]


def import_scheme(store: Store, path: str | Path) -> Scheme:
    """A scheme from CSV or XLSX: one row per KPI line (kpi, weight, target, floor,
    ceiling) and the scheme's fields (provider, valid_from, base_fee, at_risk_share,
    bonus_cap, malus_cap, quality_gate, volume_band) on the first row."""
    path = Path(path)
    try:
        table = read_register(store, path, as_text=False)
    except ImportRefused:
        raise
    except Exception as e:  # a damaged or empty file
        raise InvalidScheme(f"{path.name}: not a readable CSV or XLSX file ({e})") from e
    table.columns = [str(c).strip().lower() for c in table.columns]
    needed = {"provider", "valid_from", "base_fee", "at_risk_share", "bonus_cap", "malus_cap",
              "kpi", "weight", "target", "floor", "ceiling"}
    missing = needed - set(table.columns)
    if missing or table.empty:
        raise InvalidScheme(f"{path.name}: missing column(s) {', '.join(sorted(missing))}"
                            if missing else f"{path.name}: no KPI line")
    first = table.iloc[0]

    def number(row, name, optional=False):
        value = row.get(name)
        if optional and (value is None or pd.isna(value)):
            return None
        try:
            return float(str(value).replace(",", "."))
        except ValueError as e:
            raise InvalidScheme(f"{path.name}, row {row.name + 2}, column {name}: expected a "
                                f"number, found {value!r}") from e

    scheme = Scheme(
        provider=str(first.provider), valid_from=pd.Timestamp(first.valid_from).date(),
        base_fee=number(first, "base_fee"), at_risk_share=number(first, "at_risk_share"),
        bonus_cap=number(first, "bonus_cap"), malus_cap=number(first, "malus_cap"),
        quality_gate=number(first, "quality_gate", True),
        volume_band=number(first, "volume_band", True),
        lines=[SchemeLine(str(r.kpi), number(r, "weight"), number(r, "target"),
                          number(r, "floor"), number(r, "ceiling"))
               for _, r in table.iterrows()])
    save_scheme(store, scheme)
    return scheme


@dataclass
class Statement:
    provider: str
    period: str  # 2026-01 or 2026-Q1
    start: date
    end: date
    scheme: Scheme
    values: dict[str, float | None]
    offered: float | None
    forecast: float | None
    quality: float | None
    settlement: Settlement
    currency: str = "EUR"  # of the amounts (the cockpit's setting when it was drawn up)

    def lines(self) -> pd.DataFrame:
        """kpi, value, target, floor, ceiling, score, applied, weight, weighted."""
        weights = sum(line.weight for line in self.scheme.lines)
        return pd.DataFrame([{
            "kpi": line.kpi, "value": self.values.get(line.kpi), "target": line.target,
            "floor": line.floor, "ceiling": line.ceiling,
            "score": self.settlement.scores[line.kpi],
            "applied": self.settlement.applied[line.kpi], "weight": line.weight,
            "weighted": line.weight * self.settlement.applied[line.kpi] / weights}
            for line in self.scheme.lines])


STATEMENT_KINDS = (MONTH, QUARTER)  # a statement settles a month or a quarter


def period_bounds(period: str) -> tuple[date, date]:
    """'2026-01' (a month) or '2026-Q1' (a quarter) → first and last day (kpi.periods)."""
    span = parse(period, STATEMENT_KINDS)
    return span.start, span.end


@dataclass(frozen=True)
class PeriodFigures:
    """What a settlement reads from the engine for one period."""
    values: dict[str, float | None]
    offered: float | None
    forecast: float | None
    quality: float | None


def monthly_figures(store: Store, provider: str, kpis: list[str], start: date,
                    end: date) -> tuple[dict[str, PeriodFigures], PeriodFigures]:
    """(each month's figures by 'YYYY-MM', the whole range's), from one engine query; the
    range's ratios are Σ numerator / Σ denominator over its months, as ever."""
    wanted = tuple(dict.fromkeys([*kpis, "offered", "quality_score", "forecast_accuracy"]))
    result = compute_kpis(store, KpiRequest(wanted, "month", filters={"provider": (provider,)},
                                            date_from=start, date_to=end))

    def figures(rows: pd.DataFrame) -> PeriodFigures:
        if rows.empty:
            return PeriodFigures(dict.fromkeys(kpis), None, None, None)
        totals = result.totals(rows)
        planned = rows.m__forecast_offered
        return PeriodFigures({k: totals.get(k) for k in kpis}, totals.get("offered"),
                             float(planned.sum()) if planned.notna().any() else None,
                             totals.get("quality_score"))

    frame = result.frame
    months = pd.to_datetime(frame.period_start).dt.strftime("%Y-%m")
    return ({month: figures(rows) for month, rows in frame.groupby(months)},
            figures(frame))


def statement(store: Store, provider: str, period: str,
              scheme: Scheme | None = None) -> Statement:
    start, end = period_bounds(period)
    scheme = scheme or scheme_for(store, provider, start)
    _, whole = monthly_figures(store, provider, [line.kpi for line in scheme.lines], start,
                               end)
    return Statement(provider, period, start, end, scheme, whole.values, whole.offered,
                     whole.forecast, whole.quality,
                     settle(scheme, whole.values, whole.offered, whole.forecast,
                            whole.quality), app_settings(store)["currency"])


def paid_history(store: Store, provider: str, scheme: Scheme, months: list[str]
                 ) -> pd.DataFrame:
    """period, total, variable, amount: what `scheme` would have paid each month (one
    engine query for all of them)."""
    columns = ["period", "total", "variable", "amount"]
    if not months:
        return pd.DataFrame(columns=columns)
    by_month, _ = monthly_figures(store, provider, [line.kpi for line in scheme.lines],
                                  period_bounds(min(months))[0],
                                  period_bounds(max(months))[1])
    rows = []
    for month in months:
        f = by_month.get(month) or PeriodFigures({}, None, None, None)
        result = settle(scheme, f.values, f.offered, f.forecast, f.quality)
        rows.append({"period": month, "total": result.total, "variable": result.variable,
                     "amount": result.amount})
    return pd.DataFrame(rows, columns=columns)


def scheme_verdict(history: pd.DataFrame, scheme: Scheme) -> str | None:
    """free money (the cap every month), unreachable (never a bonus), or None."""
    if len(history) < 3:
        return None
    top = scheme.bonus_cap * scheme.base_fee
    if (history.variable >= top - 1e-6).all():
        return "free"
    if (history.variable <= 0).all():
        return "unreachable"
    return None


def list_payments(store: Store, provider: str | None = None,
                  today: date | None = None) -> pd.DataFrame:
    """provider, period, amount, due, paid, note, late (paid after due, or unpaid past it)."""
    # Stored as cents (DECIMAL); pages and packs compute with floats.
    table = store.read("""SELECT provider, period, CAST(amount AS DOUBLE) AS amount, due,
                                 paid, note FROM payments
                          WHERE ? IS NULL OR provider = ? ORDER BY provider, period""",
                       [provider, provider])
    for name in ("due", "paid"):
        table[name] = pd.to_datetime(table[name]).dt.date
    today = today or clock.today()
    table["late"] = [due is not None and not pd.isna(due) and (
        (paid is not None and not pd.isna(paid) and paid > due)
        or ((paid is None or pd.isna(paid)) and today > due))
        for due, paid in zip(table.due, table.paid, strict=True)]
    return table


def record_payment(store: Store, provider: str, period: str, amount: float | None,
                   due: date | None, paid: date | None = None, note: str | None = None) -> None:
    period_bounds(period)  # a malformed period is refused
    store.write(lambda cur: cur.execute(
        "INSERT OR REPLACE INTO payments VALUES (?, ?, ?, ?, ?, ?)",
        [provider, period, amount, due, paid, note]))
