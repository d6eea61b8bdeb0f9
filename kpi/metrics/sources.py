"""The KPI sources: where a measure's rows come from, declared once per source.

A **source** is a table (or a relation over it) whose rows each fall in one period by their
local wall-clock time, can be sliced by some scopes, and feed some **measures**: row-level SQL
expressions that are summed (kpi/metrics/registry.py defines the KPIs over them). Its record
also says how it combines with the other sources: a source that *yields* to another counts a
day only where the other has no row of the same provider (and queue) that day, so the
detail always wins over a report of the same traffic.

The compiler (kpi/metrics/compile.py) reads these records and nothing else about a source:
adding a source is one record here. Row-level expressions may use the effective settings of
the row's provider and queue when the source declares `settings`: `sl_t` (service-level
threshold, s), `short_t` (short-abandon threshold, s), `variant` (service-level definition)
and `repeat_days`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi.settings import APP_DEFAULTS

# Row-level predicates of a contact, reused by the measures below.
_IN = "direction = 'inbound'"
_ANS = "answered_at IS NOT NULL"
_HANDLED = "answered_at IS NOT NULL"  # answered inbound or connected outbound
# Waited less than the short-abandon threshold (false when the wait is unknown). The
# measures below test it directly rather than as `coalesce(inbound AND NOT answered AND
# …, false)` inside each: the same truth (direction and answered_at are never NULL), fewer
# operations per row.
_QUICK = "coalesce(wait_s < short_t, false)"
_HANDLE_TIME = "coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0)"


def _n(predicate: str) -> str:
    return f"CAST({predicate} AS INTEGER)"


# Measures per source. Every source's rows carry the same columns; a measure a source cannot
# feed is NULL there (and so left out of sums).
CONTACT_MEASURES: dict[str, str] = {
    "offered": _n(_IN),
    "answered": _n(f"{_IN} AND {_ANS}"),
    "abandoned": _n(f"{_IN} AND NOT {_ANS}"),
    "short_abandoned": _n(f"{_IN} AND NOT {_ANS} AND {_QUICK}"),
    "eligible": _n(f"{_IN} AND ({_ANS} OR NOT {_QUICK})"),
    "long_abandoned": _n(f"{_IN} AND NOT {_ANS} AND NOT {_QUICK}"),
    "answered_within_sl": _n(f"{_IN} AND {_ANS} AND wait_s <= sl_t"),
    # Service level per the row's contract definition (SPEC §3 variants).
    "sl_num": _n(f"{_IN} AND wait_s <= sl_t AND ({_ANS} OR variant = 'abandons_in_sl')"),
    "sl_den": _n(f"{_IN} AND CASE variant WHEN 'net' THEN ({_ANS} OR NOT {_QUICK}) "
                 f"WHEN 'answered' THEN {_ANS} ELSE true END"),
    "wait_answered_s": f"CASE WHEN {_IN} AND {_ANS} THEN wait_s END",
    "answered_with_wait": _n(f"{_IN} AND {_ANS} AND wait_s IS NOT NULL"),
    "handled": _n(_HANDLED),
    "handle_time_s": f"CASE WHEN {_HANDLED} THEN {_HANDLE_TIME} END",
    "acw_total_s": f"CASE WHEN {_HANDLED} THEN coalesce(acw_s, 0) END",
    "handled_detail": _n(_HANDLED),
    "transferred": _n(f"{_HANDLED} AND coalesce(transferred, false)"),
    "traced": _n(f"{_HANDLED} AND nullif(trim(contact_reason), '') IS NOT NULL"),
    # The repeat rate's denominator; its numerator is the repeats source's, to which every
    # contact adds 0 (a period without repeats has a rate of 0, not none).
    "handled_with_customer": _n(f"{_HANDLED} AND customer_id IS NOT NULL"),
    "repeat_contacts": "0",
    # Handled contacts from exports that carry a reason field at all (see compile).
    "handled_traceable": _n(f"{_HANDLED} AND carries_reason"),
    "csat_answers": _n("csat IS NOT NULL"),
    "csat_good": _n("csat >= 4"),
    "nps_answers": _n("nps IS NOT NULL"),
    "nps_promoters": _n("nps >= 9"),
    "nps_detractors": _n("nps <= 6"),
    "sales": _n(f"{_HANDLED} AND outcome = 'sale'"),
    "sales_amount": "sale_amount",
}

# Contact measures no row leaves NULL: direction is NOT NULL, answered_at is only tested for
# NULL, and the thresholds are coalesced; the others depend on a nullable column (wait_s,
# csat, nps, outcome, sale_amount) or are NULL by design outside their rows (wait, handle
# time and ACW of unanswered contacts).
CONTACT_NEVER_NULL = frozenset({
    "offered", "answered", "abandoned", "short_abandoned", "eligible", "long_abandoned",
    "sl_den", "answered_with_wait", "handled", "handled_detail", "transferred", "traced",
    "handled_traceable", "csat_answers", "nps_answers", "handled_with_customer",
    "repeat_contacts"})

# Repeat contacts come from their own table (kpi/metrics/repeats.py): one row per handled
# contact that came soon after its customer's previous contact, with the seconds between,
# materialised when contacts are imported; the window in days is the setting in force.
REPEAT_MEASURES: dict[str, str] = {
    "repeat_contacts": _n("gap_s <= repeat_days * 86400.0"),
}

# An interval report's row already holds counts; it feeds what its columns allow.
INTERVAL_MEASURES: dict[str, str] = {
    "offered": "offered",
    "answered": "answered",
    "abandoned": "abandoned",
    "short_abandoned": "coalesce(short_abandoned, 0)",
    "eligible": "offered - coalesce(short_abandoned, 0)",
    "long_abandoned": "abandoned - coalesce(short_abandoned, 0)",
    "answered_within_sl": "answered_within_sl",
    # A report counts within its own threshold; abandons within SL are not reported.
    "sl_num": "CASE WHEN variant = 'abandons_in_sl' THEN NULL ELSE answered_within_sl END",
    "sl_den": "CASE variant WHEN 'net' THEN offered - coalesce(short_abandoned, 0) "
              "WHEN 'answered' THEN answered WHEN 'offered' THEN offered END",
    "wait_answered_s": "wait_s",
    "answered_with_wait": "CASE WHEN wait_s IS NOT NULL THEN answered END",
    "handled": "answered",
    "handle_time_s": "CASE WHEN talk_s IS NOT NULL THEN coalesce(talk_s, 0) "
                     "+ coalesce(hold_s, 0) + coalesce(acw_s, 0) END",
    "acw_total_s": "acw_s",
}

ACTIVITY_MEASURES: dict[str, str] = {
    "work_s": "coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0)",
    "available_s": "available_s",
    "scheduled_s": "scheduled_s",
    "absence_s": "absence_s",
    "logged_s": "logged_s",
}

EVALUATION_MEASURES: dict[str, str] = {
    "evaluation_ratio_sum": "score_ratio",  # one row per evaluation (evaluation_scores)
    "evaluations": "1",
}

# One row per calibration scoring that has a reference for its contact (see compile).
CALIBRATION_MEASURES: dict[str, str] = {
    "calibration_aligned": "CASE WHEN total_gap <= tolerance + 1e-9 THEN 1 ELSE 0 END",
    "calibration_scorings": "1",
}

FORECAST_MEASURES: dict[str, str] = {"forecast_offered": "forecast_offered"}

# A provider's own report: what its figures allow, used only for days without detail. Its
# rates are taken as declared, over offered contacts (over answered for that SL variant).
DECLARED_MEASURES: dict[str, str] = {
    "offered": "offered",
    "answered": "answered",
    "abandoned": "coalesce(abandoned, offered - answered)",
    "eligible": "offered",
    "long_abandoned": "coalesce(abandoned, offered - answered)",
    "sl_num": "service_level * CASE variant WHEN 'answered' THEN answered ELSE offered END",
    "sl_den": "CASE WHEN service_level IS NOT NULL THEN CASE variant WHEN 'answered' "
              "THEN answered ELSE offered END END",
    "wait_answered_s": "asa_s * answered",
    "answered_with_wait": "CASE WHEN asa_s IS NOT NULL THEN answered END",
    "handled": "answered",
}


# The calibration tolerance in points of 100: the setting, else its default.
CALIBRATION_TOLERANCE_SQL = ("coalesce((SELECT CAST(value AS DOUBLE) FROM app_settings "
                             "WHERE name = 'calibration_tolerance'), "
                             f"{float(APP_DEFAULTS['calibration_tolerance'])!r})")

# In the set of sources with rows: some contacts came from an export without a reason column.
REASONLESS_CONTACTS = "reasonless_contacts"


@dataclass(frozen=True)
class Derived:
    """A column computed for each row of a source when one of its measures uses it."""
    sql: str  # over the base table (alias t) and the settings (p, qs)
    # Without this marker among the sources with rows, the column is this constant instead
    # (a lookup that would always give it is skipped).
    unless_present: tuple[str, str] | None = None  # (marker, constant)


@dataclass(frozen=True)
class Yield:
    """The source's rows count only on days `source` has no row for the same keys."""
    source: str
    keys: tuple[str, ...] = ("provider",)


@dataclass(frozen=True)
class Source:
    name: str
    table: str  # whose rows say the source has data
    local_time: str  # the local wall-clock time that places a row in a period
    scopes: dict[str, str]  # scope -> column of the source's rows
    measures: dict[str, str]
    interval_grain: bool = True  # does the source make sense per 15/30/60 minutes?
    settings: bool = False  # rows carry their provider's and queue's effective settings
    # Scopes read from the agent's latest activity row (contacts and evaluations carry no
    # team): their columns are joined only when asked for.
    agent_scopes: tuple[str, ...] = ()
    where: str | None = None  # which rows of the relation are this source's
    relation: str | None = None  # the rows' SELECT, when not the table itself
    derived: dict[str, Derived] = field(default_factory=dict)
    yields_to: tuple[Yield, ...] = ()
    # Measures that are never NULL on any of the source's rows (from NOT NULL columns, IS
    # NULL tests and coalesce): a KPI over the same rows need not test them, so a request
    # served by such rows alone sums them once (tests/test_kpi_sql.py checks the claim).
    never_null: frozenset[str] = frozenset()


SOURCE_RECORDS: tuple[Source, ...] = (
    Source("contacts", "contacts", "arrived_local", {
        "provider": "provider", "site": "site", "queue": "queue", "channel": "channel",
        "agent": "agent_id", "team": "team"}, CONTACT_MEASURES, settings=True,
        agent_scopes=("team",), never_null=CONTACT_NEVER_NULL, derived={
            # An export without a reason column says nothing about traceability: its
            # contacts are left out of the denominator (imports from before the fields were
            # recorded count as carrying it). Most stores have no such export: no lookup.
            "carries_reason": Derived("""t.import_id NOT IN (
                                             SELECT import_id FROM imports
                                             WHERE NOT list_contains(fields, 'contact_reason'))""",
                                      unless_present=(REASONLESS_CONTACTS, "true"))}),
    # Handled contacts that came soon after their customer's previous contact, with the gap
    # (materialised per import: kpi/metrics/repeats.py).
    Source("repeats", "contact_repeats", "arrived_local", {
        "provider": "provider", "site": "site", "queue": "queue", "channel": "channel",
        "agent": "agent_id", "team": "team"}, REPEAT_MEASURES, settings=True,
        agent_scopes=("team",), never_null=frozenset(REPEAT_MEASURES)),
    Source("intervals", "intervals", "interval_local", {"provider": "provider",
                                                        "queue": "queue"},
           INTERVAL_MEASURES, settings=True,
           # The detail wins: an interval counts only where no contact of its provider,
           # queue and day was imported.
           yields_to=(Yield("contacts", ("provider", "queue")),)),
    Source("agent_activity", "agent_activity", "start_local", {
        "provider": "provider", "site": "site", "agent": "agent_id", "team": "team"},
        ACTIVITY_MEASURES, interval_grain=False),
    # One row per evaluation, scored on its grid; calibration scorings are not the agent's
    # quality.
    Source("evaluations", "evaluations", "evaluated_local", {
        "provider": "provider", "agent": "agent_id", "team": "team", "site": "agent_site"},
        EVALUATION_MEASURES, agent_scopes=("team", "site"),
        relation="SELECT * FROM evaluation_scores", where="session_id IS NULL"),
    # One row per calibration scoring that has a reference scoring of its contact.
    Source("calibration", "evaluations", "evaluated_local", {"provider": "provider"},
           CALIBRATION_MEASURES, interval_grain=False,
           relation=f"""SELECT s.provider, s.evaluated_local,
                               100 * abs(s.score_ratio - r.score_ratio) AS total_gap,
                               {CALIBRATION_TOLERANCE_SQL} AS tolerance
                        FROM evaluation_scores s JOIN evaluation_scores r
                          ON r.provider = s.provider AND r.session_id = s.session_id
                         AND r.contact_id = s.contact_id AND r.is_reference
                        WHERE s.session_id IS NOT NULL AND NOT s.is_reference"""),
    Source("forecasts", "forecasts", "start_local", {"provider": "provider", "queue": "queue"},
           FORECAST_MEASURES, interval_grain=False),
    # A provider's own figures count only for days it sent no detail of, and only daily or
    # finer ones: a weekly or monthly report would lump its period into its first day
    # (reconciliation reads those).
    Source("declared", "declared_reports", "period_local", {"provider": "provider",
                                                             "queue": "queue"},
           DECLARED_MEASURES, interval_grain=False, settings=True, where="period_min <= 1440",
           yields_to=(Yield("contacts"), Yield("intervals"))),
)

SOURCES: dict[str, Source] = {s.name: s for s in SOURCE_RECORDS}
MEASURES = tuple(dict.fromkeys(m for s in SOURCE_RECORDS for m in s.measures))
