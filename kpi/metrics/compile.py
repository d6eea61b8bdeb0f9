"""Compile a KPI request into one DuckDB query from the registry.

Each source contributes rows of (period_start, scope columns, row-level measures), all in
the provider's local time; the rows are unioned, summed per period and scope, and the KPI
formulas applied to the sums. Dates and filter values are parameters; only identifiers
declared here are written into the SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from kpi.metrics.registry import KPI_BY_ID, Kpi
from kpi.metrics.sources import REASONLESS_CONTACTS, SOURCES, Source
from kpi.provider_settings import SL_VARIANTS

GRAINS = ("interval", "day", "week", "month", "quarter", "year")
SCOPES = ("provider", "site", "queue", "channel", "agent", "team")
INTERVAL_MINUTES = (15, 30, 60)


# The effective settings of a row: the queue's, else the provider's.
_SETTINGS = """
    coalesce(qs.sl_threshold_s, p.sl_threshold_s) AS sl_t,
    coalesce(qs.short_abandon_s, p.short_abandon_s) AS short_t,
    coalesce(qs.sl_variant, p.sl_variant) AS variant,
    coalesce(qs.repeat_window_days, p.repeat_window_days) AS repeat_days"""
# The same columns when every provider and queue has the same settings (`uniform_settings`):
# parameters bound once instead of a join per row.
_UNIFORM_SETTINGS = """
    CAST(? AS DOUBLE) AS sl_t, CAST(? AS DOUBLE) AS short_t, CAST(? AS VARCHAR) AS variant,
    CAST(? AS INTEGER) AS repeat_days"""
SETTING_NAMES = ("sl_t", "short_t", "variant", "repeat_days")


@dataclass(frozen=True)
class KpiRequest:
    kpis: tuple[str, ...]
    grain: str = "week"
    by: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # scope -> values
    interval_minutes: int = 30
    sources: tuple[str, ...] | None = None  # None: every source that can serve
    # Also count the days each KPI covers (`days__<kpi>`) against the days with any row
    # (`days__all`), so that a view can say when a KPI rests on fewer days than its period.
    coverage: bool = False
    # The summed measures (`m__…`, `k__…`) beside the values; False: the KPI values only,
    # for a caller that prints them (the command line), so no sum is computed twice.
    with_sums: bool = True

    def __post_init__(self) -> None:
        unknown = [k for k in self.kpis if k not in KPI_BY_ID]
        if unknown:
            raise ValueError(f"unknown KPI id(s): {', '.join(unknown)}; known: "
                             f"{', '.join(KPI_BY_ID)}")
        if self.grain not in GRAINS:
            raise ValueError(f"unknown grain '{self.grain}'; use one of {', '.join(GRAINS)}")
        bad = [s for s in (*self.by, *self.filters) if s not in SCOPES]
        if bad:
            raise ValueError(f"unknown scope(s) {', '.join(bad)}; use {', '.join(SCOPES)}")
        if self.interval_minutes not in INTERVAL_MINUTES:
            raise ValueError("interval minutes must be 15, 30 or 60")
        if self.sources is not None and set(self.sources) - set(SOURCES):
            raise ValueError(f"unknown source(s); use {', '.join(SOURCES)}")


def needed_measures(kpis: list[Kpi]) -> list[str]:
    return list(dict.fromkeys(m for k in kpis for m in k.measures))


def _period_sql(grain: str, column: str, minutes: int) -> str:
    if grain == "interval":
        return f"time_bucket(INTERVAL '{int(minutes)} minutes', {column})"
    return f"CAST(date_trunc('{grain}', {column}) AS DATE)"


def _source_rows(source: Source, request: KpiRequest, measures: list[str], params: list,
                 present: set[str], settings: dict[str, object] | None
                 ) -> tuple[str, dict[str, str]] | None:
    """The SELECT of one source's measure rows and the measures it feeds, or None when it
    cannot serve the request."""
    available = {m: sql for m, sql in source.measures.items() if m in measures}
    if not available or source.name not in present:
        return None
    if request.sources is not None and source.name not in request.sources:
        return None
    if any(s not in source.scopes for s in (*request.by, *request.filters)):
        return None
    if request.grain == "interval" and not source.interval_grain:
        return None
    t = source.local_time
    # The base relation's parameters come first: it precedes the WHERE clause in the SQL.
    base = _base_relation(source, available, request, params, present, settings)
    where = [source.where] if source.where else []
    if request.date_from is not None:
        where.append(f"{t} >= ?")
        params.append(request.date_from)
    if request.date_to is not None:
        where.append(f"{t} < ?")
        params.append(request.date_to + timedelta(days=1))
    for scope, values in request.filters.items():
        where.append(f"list_contains(?, {source.scopes[scope]})")
        params.append(list(values))
    for other in source.yields_to:
        if other.source not in present:
            continue
        detail = SOURCES[other.source]
        same = "".join(f" AND d.{k} = r.{k}" for k in other.keys)
        where.append(f"""NOT EXISTS (SELECT 1 FROM {detail.table} d WHERE true{same}
                        AND CAST(d.{detail.local_time} AS DATE) = CAST(r.{t} AS DATE))""")
    columns = [f"{_period_sql(request.grain, t, request.interval_minutes)} AS period_start"]
    if request.coverage:
        columns.append(f"CAST({t} AS DATE) AS day")
    columns += [f"{source.scopes[s]} AS {s}" for s in request.by]
    columns += [f"{_with_variant(sql, source, settings)} AS {m}" for m, sql in available.items()]
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT {', '.join(columns)} FROM ({base}) r{clause}", available


def _with_variant(measure_sql: str, source: Source, settings: dict[str, object] | None) -> str:
    """A measure with the service-level variant written in, when every row has the same
    one: DuckDB then drops the branches of the other variants once, instead of testing the
    variant on every row (a tenth of `cockpit kpis`' query). Only a declared variant is
    written into the SQL."""
    variant = settings.get("variant") if settings is not None and source.settings else None
    if variant not in SL_VARIANTS:
        return measure_sql
    return re.sub(r"\bvariant\b", f"'{variant}'", measure_sql)


# An agent's team (and site, for evaluations) is the one of their latest activity row:
# contacts and evaluations carry no team, the agent activity export does.
_AGENT_TEAMS = """LEFT JOIN (SELECT provider, agent_id, arg_max(team, start_local) AS team,
                                   arg_max(site, start_local) AS agent_site
                              FROM agent_activity GROUP BY ALL) tm
                   ON tm.provider = b.provider AND tm.agent_id = b.agent_id"""


def _base_relation(source: Source, measures: dict[str, str], request: KpiRequest,
                   params: list, present: set[str], settings: dict[str, object] | None
                   ) -> str:
    relation = _own_rows(source, measures, params, present, settings)
    if any(s in source.agent_scopes for s in (*request.by, *request.filters)):
        return f"SELECT b.*, tm.team, tm.agent_site FROM ({relation}) b {_AGENT_TEAMS}"
    return relation


def _own_rows(source: Source, measures: dict[str, str], params: list, present: set[str],
              settings: dict[str, object] | None) -> str:
    """The source's rows, with its settings and the derived columns its measures use."""
    if source.relation is not None:
        return source.relation
    used = " ".join(measures.values())
    derived = ""
    for column, rule in source.derived.items():
        if re.search(rf"\b{column}\b", used) is None:
            continue
        sql = rule.sql
        if rule.unless_present is not None and rule.unless_present[0] not in present:
            sql = rule.unless_present[1]
        derived += f", {sql} AS {column}"
    if not source.settings:
        return f"SELECT t.*{derived} FROM {source.table} t"
    if settings is not None:
        # No join at all: the importer declares every provider of the rows it writes, in
        # the same transaction, and providers are never deleted, so the join below drops no
        # row of a Cockpit database (a semi join kept for that cost 10-20 % of the query).
        params += [settings[name] for name in SETTING_NAMES]
        return f"SELECT t.*, {_UNIFORM_SETTINGS}{derived} FROM {source.table} t"
    return f"""SELECT t.*, {_SETTINGS}{derived}
               FROM {source.table} t JOIN providers p ON p.name = t.provider
               LEFT JOIN queue_settings qs ON qs.provider = t.provider
                    AND qs.queue = t.queue"""


def measure_column(measure: str, kpi: str | None = None) -> str:
    """The column of a summed measure in a result (KPI ids and measure ids may coincide):
    over every row, or over the rows a KPI counts (`kpi_measure_columns`)."""
    return f"m__{measure}" if kpi is None else f"k__{kpi}__{measure}"


def same_rows(kpi: Kpi) -> bool:
    """Whether the KPI counts a row only where it knows all the KPI's measures."""
    return kpi.combine is None and len(kpi.measures) > 1


def kpi_measure_columns(kpi: Kpi) -> dict[str, str]:
    """The summed columns a KPI's value is computed from, measure -> column."""
    return {m: measure_column(m, kpi.id if same_rows(kpi) else None) for m in kpi.measures}


EXACT_SCALE = 1_000_000  # measures are summed in millionths, as integers


def exact_sum(expression: str, where: str | None = None, integral: bool = False) -> str:
    """A sum whose digits cannot depend on the order DuckDB's threads add rows in: each
    value rounded to a millionth and summed as an integer (exact, into HUGEINT; nearly as
    fast as a double sum, where DECIMAL(38, 9) took 4×), returned as a double. An
    `integral` expression (a count) is summed as it is: as exact, with the same digits,
    and without a multiplication and rounding per row."""
    return _as_double(_integer_sum(expression, where, integral), integral)


def _integer_sum(expression: str, where: str | None, integral: bool,
                 counted: bool = False) -> str:
    """The exact sum as an integer (HUGEINT): of the value, or of its millionths. `counted`:
    the expression is a count here though the measure is not everywhere (one source's
    partial sum): the count's sum is scaled once, not each row, to the same millionths."""
    only = f" FILTER (WHERE {where})" if where else ""
    if counted and not integral:
        return f"sum({expression}){only} * {EXACT_SCALE}"
    value = expression if integral else f"CAST(round(({expression}) * {EXACT_SCALE}) AS BIGINT)"
    return f"sum({value}){only}"


def _as_double(integer_sum: str, integral: bool) -> str:
    return f"CAST({integer_sum} AS DOUBLE)" + ("" if integral else f" / {EXACT_SCALE}")


def _known(measures: tuple[str, ...]) -> str | None:
    return " AND ".join(f"{m} IS NOT NULL" for m in measures) or None


def _days_known(kpi: Kpi, fed: set[str]) -> str:
    """The days a KPI's value rests on: those whose rows know all its measures or, for a KPI
    whose measures are each summed over their own rows (several sources), the days of its
    scarcest measure."""
    if any(m not in fed for m in kpi.measures):
        return "0"
    if kpi.combine is None:
        return f"count(DISTINCT day) FILTER (WHERE {_known(tuple(kpi.measures)) or 'true'})"
    days = [f"count(DISTINCT day) FILTER (WHERE {m} IS NOT NULL)" for m in kpi.measures]
    return days[0] if len(days) == 1 else f"least({', '.join(days)})"


# A count: a measure built as CAST(<predicate> AS INTEGER) (sources._n), or 1 or 0 per row.
_COUNT = re.compile(r"CAST\(.* AS INTEGER\)|[01]", re.DOTALL)


def compile_kpis(request: KpiRequest, present: set[str] | None = None,
                 settings: dict[str, object] | None = None) -> tuple[str, list]:
    """SQL and parameters giving one row per period and scope: summed measures (`m__…`),
    then the KPI values, named by their ids. `present` names the sources that hold rows
    (None: all; an empty source is left out of the SQL) and REASONLESS_CONTACTS when some
    contacts came from an export without a reason column. `settings`: the one set of
    settings (SETTING_NAMES) every provider and queue has, when they all have the same
    (kpi.metrics.engine.uniform_settings); None reads each row's own."""
    present = {*SOURCES, REASONLESS_CONTACTS} if present is None else present
    kpis = [KPI_BY_ID[k] for k in request.kpis]
    measures = needed_measures(kpis)
    params: list = []
    parts: list[tuple[str, dict[str, str], Source]] = []
    fed, integral, nullable = set(), {}, set()
    for source in SOURCES.values():
        rows = _source_rows(source, request, measures, params, present, settings)
        if rows:
            parts.append((*rows, source))
            fed.update(rows[1])
            for m, sql in rows[1].items():  # a count only where every source counts
                integral[m] = integral.get(m, True) and bool(_COUNT.fullmatch(sql.strip()))
            nullable.update(m for m in rows[1] if m not in source.never_null)
    # A measure is NULL on every row of a source that does not feed it.
    nullable.update(m for m in fed if any(m not in part[1] for part in parts))
    keys = ["period_start", *request.by]
    # Each sum is computed once, whatever names it goes by: (measure, the other measures a
    # row must know) -> its column. A KPI's same-rows sum is often the plain sum: a sum
    # skips its own NULLs, and a measure no source here leaves NULL needs no test.
    sums: dict[tuple, str] = {}
    named: dict[str, str] = {}  # a wanted column -> the column that holds it

    def aggregate(name: str, spec: tuple) -> None:
        named[name] = sums.setdefault(spec, name)

    def total(m: str, key: tuple[str, ...] = ()) -> tuple:
        if m not in fed or not all(o in fed for o in key):
            return ("null",)  # a measure no source here feeds is empty
        return ("sum", m, tuple(o for o in key if o != m and o in nullable))

    columns = {m: measure_column(m) for m in measures}
    # Without the sums asked for, a measure is summed over all rows only for the KPIs that
    # are that sum (a count, an amount); the others use their same-rows sums below.
    summed = measures if request.with_sums else needed_measures(
        [k for k in kpis if not same_rows(k)])
    for m in summed:
        aggregate(columns[m], total(m))
    # Numerator and denominator over the same rows: each KPI's measures summed only where
    # the row knows them all (a source that cannot feed one leaves its rows out of both).
    row_sets: dict[tuple[str, ...], int] = {}
    outputs = []
    value_columns = {k.id: {m: columns[m] for m in k.measures} for k in kpis}
    for kpi in kpis:
        if not (same_rows(kpi) or request.coverage):
            continue
        key = tuple(kpi.measures) if kpi.combine is None else (kpi.combine, *kpi.measures)
        if key not in row_sets:
            row_sets[key] = index = len(row_sets)
            if same_rows(kpi):
                for m in key:
                    aggregate(f"s{index}__{m}", total(m, key))
            if request.coverage:
                aggregate(f"s{index}__days", ("sql", _days_known(kpi, fed)))
        index = row_sets[key]
        if same_rows(kpi):
            outputs += [f"{named[f's{index}__{m}']} AS {measure_column(m, kpi.id)}"
                        for m in kpi.measures]
            value_columns[kpi.id] = {m: named[f"s{index}__{m}"] for m in kpi.measures}
        if request.coverage:
            outputs.append(f"{named[f's{index}__days']} AS days__{kpi.id}")
    if request.coverage:
        aggregate("days__all", ("sql", "count(DISTINCT day)"))
        outputs.append("days__all")
    value_columns = {k: {m: named.get(c, c) for m, c in cs.items()}
                     for k, cs in value_columns.items()}
    values = ", ".join(f"{k.value_sql(value_columns[k.id])} AS {k.id}" for k in kpis)
    if not request.with_sums:
        outputs = [o for o in outputs if not o.split(" AS ")[-1].startswith("k__")]
    shown = [f"{named[columns[m]]} AS {columns[m]}" for m in summed] if request.with_sums \
        else []
    extra = "".join(f"{o}, " for o in (*shown, *outputs))
    by = ", ".join(keys)
    if len(parts) > 1 and not request.coverage:
        summing = _summed_per_source(parts, sums, by, integral)
    else:
        summing = _summed_together([p[0] for p in parts], sums, by, integral, request)
    sql = f"""WITH {summing}
SELECT {by}, {extra}{values}
FROM sums ORDER BY {by}"""
    return sql, params


def _summed_together(parts: list[str], sums: dict[tuple, str], by: str,
                     integral: dict[str, bool], request: KpiRequest) -> str:
    """The CTEs up to `sums`: every source's rows unioned, then summed in one GROUP BY (one
    source; or days counted across sources for coverage)."""
    if not parts:
        parts = ["SELECT CAST(NULL AS DATE) AS period_start"
                 + "".join(f", CAST(NULL AS VARCHAR) AS {s}" for s in request.by)
                 + (", CAST(NULL AS DATE) AS day" if request.coverage else "")
                 + " WHERE false"]
    union = "\nUNION ALL BY NAME\n".join(parts)
    aggregates = ", ".join(f"{_render_sum(spec, integral)} AS {name}"
                           for spec, name in sums.items())
    return f"""measure_rows AS (
{union}
), sums AS (
    SELECT {by}, {aggregates} FROM measure_rows GROUP BY ALL
)"""


def _render_sum(spec: tuple, integral: dict[str, bool]) -> str:
    if spec[0] == "null":
        return "CAST(NULL AS DOUBLE)"
    if spec[0] == "sql":
        return spec[1]
    _, m, needs = spec
    return exact_sum(m, _known(needs), integral[m])


def _summed_per_source(parts: list[tuple[str, dict[str, str], Source]], sums: dict[tuple, str],
                       by: str, integral: dict[str, bool]) -> str:
    """The CTEs up to `sums` for several sources: each source's rows summed on their own
    (only the measures that source feeds: a contact row does not carry the repeats' or the
    intervals' sums), then the partial sums added up. A row belongs to one source, so the
    result is the same; the partial sums are exact integers, so are their totals."""
    selects, given = [], set()
    for rows, available, source in parts:
        partials: dict[str, str] = {}  # a partial sum's SQL -> its column
        counts = {m for m, sql in available.items() if _COUNT.fullmatch(sql.strip())}
        copies = ""  # the same partial sum under another name, computed once
        for spec, name in sums.items():
            if spec[0] != "sum" or spec[1] not in available:
                continue
            _, m, needs = spec
            if not all(n in available for n in needs):
                continue  # a measure this source leaves NULL: none of its rows counts
            where = _known(tuple(n for n in needs if n not in source.never_null))
            first = partials.setdefault(_integer_sum(m, where, integral[m], m in counts), name)
            if first != name:
                copies += f", {first} AS {name}"
            given.add(name)
        summed = "".join(f", {sql} AS {name}" for sql, name in partials.items())
        selects.append(f"SELECT *{copies} FROM (SELECT {by}{summed} "
                       f"FROM ({rows}) GROUP BY ALL)")
    union = "\nUNION ALL BY NAME\n".join(selects)
    totals = ", ".join(
        f"{_as_double(f'sum({name})', integral[spec[1]])} AS {name}" if name in given
        else f"CAST(NULL AS DOUBLE) AS {name}" for spec, name in sums.items())
    return f"""partial_sums AS (
{union}
), sums AS (
    SELECT {by}, {totals} FROM partial_sums GROUP BY ALL
)"""
