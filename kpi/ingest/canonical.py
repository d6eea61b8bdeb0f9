"""How each kind of export becomes stored rows: derivations, row checks, keys, periods.

`derive_sql` reads the typed table (`typed`: one typed column per canonical input field, local
wall-clock timestamps) and returns the stored columns; `{tz}` stands for the SQL of the
provider's time zone, and `utc_instant({tz}, column)` reads a local column as instants (a
macro each import defines first, kpi/ingest/zones.py; it repeats its argument, so it is given
a column, never an expression). Checks are (field, SQL that is true for a bad row, what was
expected: a catalogue text, English on the command line as it always was, French on the
pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi.errors import Msg
from kpi.sql_time import seconds_between


@dataclass(frozen=True)
class Check:
    field: str
    bad_when: str
    expected: Msg


@dataclass(frozen=True)
class KindRules:
    table: str
    derive_sql: str
    key: tuple[str, ...]  # natural key within a provider: same key = same fact
    period_column: str  # local wall-clock timestamp that places a row in time
    scope_column: str  # what an export covers besides its period (queue, site, grid)
    checks: tuple[Check, ...]
    # A column giving the length of a row's period, when a kind mixes grains (a provider's
    # daily and monthly reports): a newer export replaces only older ones of its grains.
    grain_column: str | None = None


def _non_negative(*fields: str) -> tuple[Check, ...]:
    return tuple(Check(f, f"{f} < 0", Msg("expect.zero_or_more")) for f in fields)


_DIRECTION = (
    "CASE WHEN direction IS NULL THEN 'inbound' "
    "WHEN lower(direction) IN ('inbound', 'in', 'entrant', 'incoming', 'entrée', 'entree') "
    "THEN 'inbound' "
    "WHEN lower(direction) IN ('outbound', 'out', 'sortant', 'outgoing', 'sortie') "
    "THEN 'outbound' END"
)

CONTACTS = KindRules(
    table="contacts",
    derive_sql="""
        WITH t AS (
            SELECT *,
                coalesce(arrived_at, arrived_date + arrived_time) AS arr,
                coalesce(answered, NOT abandoned, answered_at IS NOT NULL) AS is_answered
            FROM typed),
        u AS (
            SELECT *,
                CASE WHEN NOT is_answered THEN NULL
                     WHEN answered_at IS NOT NULL THEN answered_at
                     ELSE arr + to_seconds(coalesce(wait_s, 0)) END AS ans
            FROM t),
        v AS (
            SELECT *,
                coalesce(ended_at,
                    CASE WHEN ans IS NOT NULL
                         THEN ans + to_seconds(coalesce(talk_s, 0) + coalesce(hold_s, 0))
                         ELSE arr + to_seconds(wait_s) END) AS ended_local
            FROM u)
        SELECT _row, provider, contact_id, site, queue,
            coalesce(lower(channel), 'voice') AS channel,
            """ + _DIRECTION + """ AS direction,
            utc_instant({tz}, arr) AS arrived_at,
            arr AS arrived_local,
            utc_instant({tz}, ans) AS answered_at,
            utc_instant({tz}, ended_local) AS ended_at,
            coalesce(wait_s, """ + seconds_between("ans", "arr") + """,
                     CASE WHEN NOT is_answered THEN """ + seconds_between("ended_at", "arr")
            + """ END) AS wait_s,
            talk_s, hold_s, acw_s, agent_id, transferred, contact_reason, outcome,
            sale_amount, customer_id, csat, nps
        FROM v""",
    key=("contact_id",),
    period_column="arrived_local",
    scope_column="queue",
    checks=(
        *_non_negative("wait_s", "talk_s", "hold_s", "acw_s", "sale_amount"),
        Check("answered_at", "answered_at < arrived_at",
              Msg("expect.not_before", field="arrived_at")),
        Check("ended_at", "ended_at < arrived_at",
              Msg("expect.not_before", field="arrived_at")),
        Check("csat", "csat NOT BETWEEN 1 AND 5", Msg("expect.csat")),
        Check("nps", "nps NOT BETWEEN 0 AND 10", Msg("expect.nps")),
        Check("direction", "direction IS NULL", Msg("expect.direction")),
    ),
)

INTERVALS = KindRules(
    table="intervals",
    derive_sql="""
        SELECT _row, provider, queue,
            utc_instant({tz}, interval_start) AS interval_start,
            interval_start AS interval_local,
            -- an interval lasts until the next one of its queue, when the file does not say;
            -- a length the file gives that no INTEGER holds is NULL, and refused below
            try_cast(CASE WHEN interval_min IS NOT NULL THEN interval_min
                          ELSE coalesce(min(gap) OVER (PARTITION BY provider, queue),
                                        min(gap) OVER ()) END AS INTEGER) AS interval_min,
            offered, answered,
            coalesce(abandoned, offered - answered) AS abandoned,
            short_abandoned, answered_within_sl, talk_s, hold_s, acw_s, wait_s
        FROM (SELECT *, """ + seconds_between("interval_start", """lag(interval_start) OVER (
                    PARTITION BY provider, queue ORDER BY interval_start)""") + """ / 60 AS gap
              FROM typed)""",
    key=("queue", "interval_start"),
    period_column="interval_local",
    scope_column="queue",
    checks=(
        *_non_negative("offered", "answered", "abandoned", "short_abandoned",
                       "answered_within_sl", "talk_s", "hold_s", "acw_s", "wait_s"),
        Check("answered", "answered > offered", Msg("expect.answered_le_offered")),
        Check("answered_within_sl", "answered_within_sl > answered",
              Msg("expect.within_sl_le_answered")),
        Check("interval_min", "interval_min IS NULL OR interval_min NOT BETWEEN 1 AND 1440",
              Msg("expect.interval_length")),
    ),
)

AGENT_ACTIVITY = KindRules(
    table="agent_activity",
    derive_sql="""
        SELECT _row, provider,
            coalesce(interval_start, CAST("date" AS TIMESTAMP)) AS start_local,
            agent_id, site, team, scheduled_s, logged_s, available_s, talk_s, hold_s,
            acw_s, pause_s, absence_s
        FROM typed""",
    key=("agent_id", "start_local"),
    period_column="start_local",
    scope_column="site",
    checks=_non_negative("scheduled_s", "logged_s", "available_s", "talk_s", "hold_s",
                         "acw_s", "pause_s", "absence_s"),
)

EVALUATIONS = KindRules(
    table="evaluations",
    derive_sql="""
        SELECT _row, provider, evaluation_id,
            utc_instant({tz}, evaluated_at) AS evaluated_at, evaluated_at AS evaluated_local,
            agent_id, evaluator, contact_id, grid, item, score, max_score, session_id,
            coalesce(is_reference, false) AS is_reference,
            -- the grid version in force on the day it was scored (registered grids only)
            (SELECT max(g.version) FROM grid_items g WHERE g.grid = typed.grid
             AND g.valid_from <= coalesce(CAST(typed.evaluated_at AS DATE), current_date))
             AS grid_version
        FROM typed""",
    key=("evaluation_id", "item"),
    period_column="evaluated_local",
    scope_column="grid",
    checks=(
        Check("score", "score < 0", Msg("expect.score_min")),
        Check("score", "score > max_score", Msg("expect.score_le_max")),
        Check("item", """grid_version IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM grid_items g WHERE g.grid = staged.grid
                  AND g.version = staged.grid_version AND g.item = staged.item)""",
              Msg("expect.grid_item")),
        Check("max_score", """grid_version IS NOT NULL AND max_score <> (
                  SELECT g.max_score FROM grid_items g WHERE g.grid = staged.grid
                  AND g.version = staged.grid_version AND g.item = staged.item)""",
              Msg("expect.grid_max")),
        Check("max_score", "max_score <= 0", Msg("expect.max_above_zero")),
    ),
)

SNAPSHOTS = KindRules(
    table="snapshots",
    derive_sql="""
        SELECT _row, provider, utc_instant({tz}, "at") AS "at", "at" AS at_local, queue,
            waiting, longest_wait_s, agents_on_contact, agents_available, agents_paused
        FROM typed""",
    key=("queue", "at"),
    period_column="at_local",
    scope_column="queue",
    checks=_non_negative("waiting", "longest_wait_s", "agents_on_contact",
                         "agents_available", "agents_paused"),
)

FORECASTS = KindRules(
    table="forecasts",
    derive_sql="""
        SELECT _row, provider, queue,
            coalesce(interval_start, CAST("date" AS TIMESTAMP)) AS start_local,
            forecast_offered, forecast_aht_s
        FROM typed""",
    key=("queue", "start_local"),
    period_column="start_local",
    scope_column="queue",
    checks=_non_negative("forecast_offered", "forecast_aht_s"),
)

DECLARED = KindRules(
    table="declared_reports",
    # A report that numbers its days instead of dating them is dated from the first day the
    # pilot gives at import (`import_options`, filled with a parameter). A labelled period
    # (a day, an ISO week, a month) starts on its first day at 00:00 and lasts its true
    # length, so period_local + period_min is the next period's start.
    derive_sql="""
        SELECT _row, provider,
            coalesce(period_start, CAST(period_date."start" AS TIMESTAMP),
                     CAST((SELECT first_day FROM import_options) AS TIMESTAMP)
                     + to_days(CAST(day_number AS INTEGER) - 1)) AS period_local,
            CAST(coalesce(period_min,
                          CASE WHEN period_start IS NULL THEN
                              (period_date."next" - period_date."start") * 1440 END,
                          1440) AS INTEGER) AS period_min, queue,
            offered, answered, abandoned, answer_rate, service_level, asa_s, talk_avg_s,
            wait_avg_s, abandon_rate
        FROM typed""",
    # A month and its first day are different facts: the length is part of the key.
    key=("period_local", "period_min", "queue"),
    period_column="period_local",
    scope_column="queue",
    checks=(
        Check("day_number", "period_local IS NULL",
              Msg("expect.first_day_check")),
        *_non_negative("offered", "answered", "abandoned", "asa_s", "talk_avg_s",
                       "wait_avg_s"),
        Check("answered", "answered > offered", Msg("expect.answered_le_offered")),
        Check("answer_rate", "answer_rate NOT BETWEEN 0 AND 1", Msg("expect.rate_range")),
        Check("abandon_rate", "abandon_rate NOT BETWEEN 0 AND 1", Msg("expect.rate_range")),
        Check("service_level", "service_level NOT BETWEEN 0 AND 1", Msg("expect.rate_range")),
    ),
    grain_column="period_min",
)

RULES: dict[str, KindRules] = {
    "contacts": CONTACTS,
    "intervals": INTERVALS,
    "agent_activity": AGENT_ACTIVITY,
    "evaluations": EVALUATIONS,
    "snapshots": SNAPSHOTS,
    "forecasts": FORECASTS,
    "declared": DECLARED,
}
