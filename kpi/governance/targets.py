"""SMART targets (SPEC §4 Target): the register, its checks, and attainment per period.

Each check is explained in plain words, so a pilot can say in the meeting why a target is
not SMART yet. Attainment compares the KPI the engine computes for the target's scope with
the target, week by week (or month by month), between its start and its deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from kpi import clock
from kpi.errors import CockpitError, ImportRefused, Joined, Msg
from kpi.i18n import format_value
from kpi.ingest.registers import read_register
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.registry import KPI_BY_ID
from kpi.store import Store

COLUMNS = ["target_id", "kpi", "provider", "site", "queue", "comparator", "value", "start",
           "deadline", "priority", "owner", "rationale"]
COMPARATORS = (">=", "<=")
TOP_PRIORITY = 1
DEFAULT_TOP_PRIORITY_CAP = 5


class InvalidTarget(CockpitError):
    pass


def list_targets(store: Store) -> pd.DataFrame:
    table = store.read(f"SELECT {', '.join(COLUMNS)} FROM targets ORDER BY provider, "
                       "priority, kpi, target_id")
    for name in ("start", "deadline"):
        table[name] = pd.to_datetime(table[name]).dt.date
    return table


def _clean(table: pd.DataFrame) -> list[dict]:
    """Rows ready to store, or InvalidTarget naming every row and field that is wrong."""
    problems, rows = [], []
    for number, row in enumerate(table.to_dict("records"), start=1):
        row = {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in row.items()}
        for name in ("site", "queue", "owner", "rationale"):
            if isinstance(row.get(name), str) and not row[name].strip():
                row[name] = None
        where = Msg("where.target_row", row=number)
        if row.get("kpi") not in KPI_BY_ID:
            problems.append(Msg("error.target_kpi", where=where, value=repr(row.get("kpi"))))
            continue
        if not row.get("provider"):
            problems.append(Msg("error.target_provider", where=where))
        if row.get("comparator") is None:
            row["comparator"] = "<=" if KPI_BY_ID[row["kpi"]].better == "lower" else ">="
        if row["comparator"] not in COMPARATORS:
            problems.append(Msg("error.target_comparator", where=where,
                                value=repr(row["comparator"])))
        try:
            row["value"] = float(row["value"])
        except (TypeError, ValueError):
            problems.append(Msg("error.target_value", where=where,
                                value=repr(row.get("value"))))
        for name in ("start", "deadline"):
            try:
                row[name] = pd.Timestamp(row[name]).date()
            except (TypeError, ValueError):
                problems.append(Msg("error.target_date", where=where, name=name))
        try:
            row["priority"] = int(row["priority"])
        except (TypeError, ValueError):
            problems.append(Msg("error.target_priority", where=where))
        rows.append(row)
    if problems:
        raise InvalidTarget(Joined("\n", problems))
    return rows


def save_targets(store: Store, table: pd.DataFrame) -> int:
    """Replace the register with this table (the page's editor, or an imported file)."""
    rows = _clean(table.reindex(columns=COLUMNS))

    def run(cur) -> int:
        cur.execute("DELETE FROM targets")
        for row in rows:
            values = [row[c] for c in COLUMNS[1:]]
            if row.get("target_id") is not None:
                cur.execute(f"INSERT INTO targets ({', '.join(COLUMNS)}) VALUES "
                            f"({', '.join('?' * len(COLUMNS))})", [int(row["target_id"]),
                                                                    *values])
            else:
                cur.execute(f"INSERT INTO targets ({', '.join(COLUMNS[1:])}) VALUES "
                            f"({', '.join('?' * (len(COLUMNS) - 1))})", values)
        # Keep the sequence ahead of ids given explicitly.
        top = cur.execute("SELECT coalesce(max(target_id), 0) FROM targets").fetchall()[0][0]
        while cur.execute("SELECT nextval('target_id_seq')").fetchall()[0][0] <= top:
            pass
        return len(rows)
    return store.write(run)


def import_targets(store: Store, path: str | Path) -> int:
    """Add the targets of a CSV or XLSX file (same columns as the register) to the register."""
    path = Path(path)
    try:
        table = read_register(store, path)
    except ImportRefused:
        raise
    except Exception as e:  # a damaged or empty file
        # pandas' own words are quoted as they are
        raise InvalidTarget(key="error.unreadable_table", file=path.name, error=e) from e
    missing = {"kpi", "provider", "value", "start", "deadline", "priority"} - set(table.columns)
    if missing:
        raise InvalidTarget(key="error.missing_columns_one" if len(missing) == 1
                            else "error.missing_columns", where=path.name,
                            missing=", ".join(sorted(missing)), columns=", ".join(COLUMNS[1:]))
    return append_targets(store, table)


def append_targets(store: Store, table: pd.DataFrame) -> int:
    """Add rows (register columns, no id) to the register; all are checked, or none added."""
    table = table.drop(columns=["target_id"], errors="ignore")
    register = list_targets(store)
    combined = pd.concat([register, table], ignore_index=True)
    return save_targets(store, combined) - len(register)


@dataclass(frozen=True)
class Check:
    name: str  # specific, measurable, achievable, relevant, time_bound
    ok: bool
    en: str
    fr: str


def weekly_series(store: Store, targets: list[dict]) -> dict[int, pd.DataFrame]:
    """Each target's KPI, week by week over all the data: one query per scope shape (targets
    on a whole provider share one query), sliced per target afterwards. Only weeks that are
    over (kpi.clock's today): a week under way is no week missed or met, and no history."""
    over_before = clock.today() - timedelta(days=6)  # a week starting before it has ended
    series: dict[int, pd.DataFrame] = {}
    shapes: dict[tuple, list[dict]] = {}
    for index, target in enumerate(targets):
        if target["kpi"] in KPI_BY_ID:
            shape = (target.get("site") or None, target.get("queue") or None)
            shapes.setdefault(shape, []).append({**target, "_index": index})
    for (site, queue), group in shapes.items():
        filters = {"provider": tuple({t["provider"] for t in group})}
        if site:
            filters["site"] = (site,)
        if queue:
            filters["queue"] = (queue,)
        kpis = tuple(dict.fromkeys(t["kpi"] for t in group))
        table = compute_kpis(store, KpiRequest(kpis, "week", by=("provider",),
                                               filters=filters)).table()
        table["period_start"] = pd.to_datetime(table.period_start).dt.date
        table = table[table.period_start < over_before]
        for t in group:
            rows = table[table.provider == t["provider"]]
            series[t["_index"]] = rows[["period_start", t["kpi"]]].rename(
                columns={t["kpi"]: "value"}).reset_index(drop=True)
    return series


def _history(series: pd.DataFrame | None, before: date | None) -> pd.Series:
    if series is None:
        return pd.Series(dtype=float)
    rows = series if before is None else series[series.period_start < before]
    return rows.value.dropna()


def meets(values, comparator: str, target: float):
    """Whether value(s) meet the target: a scalar or a Series, the same rule."""
    return values >= target if comparator == ">=" else values <= target


def status(value: float | None, target: dict | None) -> str:
    """met, missed or no data ('' when there is no target)."""
    if target is None:
        return ""
    if value is None or pd.isna(value):
        return "no data"
    return "met" if meets(value, target["comparator"], target["value"]) else "missed"


def live_targets(targets: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Whole-provider targets in force at some point between start and end, top priority
    first (site and queue targets belong to their own views)."""
    live = targets[targets.site.isna() & targets.queue.isna() & (targets.start <= end)
                   & (targets.deadline >= start)]
    return live.sort_values(["priority", "target_id"])


def _fmt(kpi_id: str, value: float, lang: str) -> str:
    """A KPI's value in a sentence of `lang`: 75.5% in English, 75,5 % in French."""
    return format_value(value, KPI_BY_ID[kpi_id].unit, lang)


def check_target(store: Store, target: dict,
                 series: pd.DataFrame | None = None) -> list[Check]:
    """The five SMART checks; `series` is the target's weekly KPI (see weekly_series)."""
    kpi = KPI_BY_ID.get(target["kpi"])
    if kpi is not None and series is None:
        series = weekly_series(store, [target]).get(0)
    checks = [Check("specific", kpi is not None and bool(target.get("provider")),
                    "One KPI, one scope." if kpi else "Name one KPI.",
                    "Un indicateur, un périmètre." if kpi else "Nommez un indicateur.")]
    history = _history(series, target["start"])
    everything = _history(series, None)
    checks.append(Check("measurable", not everything.empty,
                        "The cockpit computes it from this scope's data." if not
                        everything.empty else "No data for this KPI in this scope yet.",
                        "Le cockpit le calcule à partir des données de ce périmètre." if not
                        everything.empty else "Pas encore de données pour cet indicateur ici."))
    if history.empty:
        checks.append(Check("achievable", False, "No history before the start to compare with.",
                            "Pas d'historique avant le début pour comparer."))
    else:
        share = float(meets(history, target["comparator"], target["value"]).mean())
        best = history.max() if target["comparator"] == ">=" else history.min()
        weeks = len(history)
        en_weeks = "1 past week" if weeks == 1 else f"{weeks} past weeks"
        fr_weeks = "1 semaine passée" if weeks == 1 else f"{weeks} semaines passées"
        if share == 0:
            en = f"Never reached in {en_weeks} (best {_fmt(target['kpi'], best, 'en')})."
            fr = f"Jamais atteint sur {fr_weeks} (meilleure {_fmt(target['kpi'], best, 'fr')})."
        else:
            en = f"Reached in {share:.0%} of {en_weeks}."
            fr = (f"Atteint {share * 100:.0f}\u202f% " + ("de " if weeks == 1 else "des ")
                  + f"{fr_weeks}.")
        checks.append(Check("achievable", share > 0, en, fr))
    relevant = bool(target.get("rationale")) and target.get("priority") is not None
    checks.append(Check("relevant", relevant,
                        "A rationale and a priority are given." if relevant else
                        "Give the business reason and a priority.",
                        "Une raison et une priorité sont données." if relevant else
                        "Donnez la raison métier et une priorité."))
    timed = target["start"] is not None and target["deadline"] is not None \
        and target["start"] <= target["deadline"]
    checks.append(Check("time_bound", timed,
                        f"From {target['start']} to {target['deadline']}." if timed else
                        "Give a start and a later deadline.",
                        f"Du {target['start']} au {target['deadline']}." if timed else
                        "Donnez un début et une échéance postérieure."))
    return checks


def priority_warnings(targets: pd.DataFrame, cap: int = DEFAULT_TOP_PRIORITY_CAP
                      ) -> list[tuple[str, int]]:
    """Providers with more top-priority targets than the cap: (provider, how many)."""
    top = targets[targets.priority == TOP_PRIORITY].groupby("provider").size()
    return [(provider, int(n)) for provider, n in top.items() if n > cap]


def attainment(store: Store, target: dict, series: pd.DataFrame | None = None
               ) -> pd.DataFrame:
    """Per week from start to deadline: value, status (met, missed, no data), gap, trend.

    The gap is value − target, so for a ≤ target a negative gap is good.
    """
    if series is None:
        series = weekly_series(store, [target]).get(0)
    columns = ["period_start", "value", "status", "gap", "trend"]
    if series is None:
        return pd.DataFrame(columns=columns)
    start = target["start"] - timedelta(days=target["start"].weekday())
    table = series[(series.period_start >= start)
                   & (series.period_start <= target["deadline"])].copy()
    if table.empty:
        return pd.DataFrame(columns=columns)
    value = table.value
    table["status"] = "no data"
    known = value.notna()
    table.loc[known, "status"] = meets(value[known], target["comparator"],
                                       target["value"]).map({True: "met", False: "missed"})
    table["gap"] = value - target["value"]
    better = 1 if target["comparator"] == ">=" else -1
    change = value.diff() * better
    table["trend"] = change.map(lambda c: "" if pd.isna(c) else
                                ("improving" if c > 0 else "worsening" if c < 0 else "flat"))
    return table[columns].reset_index(drop=True)


@dataclass(frozen=True)
class AttainmentSummary:
    last: pd.Series | None  # the latest period with a value (None: never measured)
    met: int  # periods that met the target
    measured: int  # periods with a value


def summarise_attainment(periods: pd.DataFrame) -> AttainmentSummary:
    """Where a target stands: its latest measured period, and how often it was met."""
    known = periods[periods.status != "no data"]
    return AttainmentSummary(known.iloc[-1] if not known.empty else None,
                             int((known.status == "met").sum()), len(known))


@dataclass(frozen=True)
class TargetReview:
    checks: list[Check]  # the five SMART checks (check_target)
    summary: AttainmentSummary  # where it stands (summarise_attainment)


def review_targets(store: Store, targets: list[dict]) -> list[TargetReview]:
    """Each target's SMART checks and where it stands, in their order, from one weekly
    series (one KPI query per scope shape for all of them): what the targets page and the
    action plan show, computed once."""
    series = weekly_series(store, targets)
    return [TargetReview(check_target(store, target, series.get(index)),
                         summarise_attainment(attainment(store, target, series.get(index))))
            for index, target in enumerate(targets)]
