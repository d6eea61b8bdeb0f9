"""Repeat contacts, materialised: the handled contacts that came soon after the same
customer's previous contact, each with that gap.

`repeat_rate` and `fcr_rate` ask, for every handled contact with a customer id, whether the
same customer had another contact within `repeat_window_days` before. That is a window over
the customer's whole history (`lag` per provider and customer): computed at every request it
was half the time of the full KPI catalogue. It only changes when contacts do, so it is
computed when they do, for the customers they touch, in the same transaction as the import
or undo (kpi/ingest/importer.py calls `refresh_repeats`), and stored in `contact_repeats`.

The window itself (how many days) is a setting that may change at any time, so the table
keeps the gap in seconds, not the verdict: the KPI source `repeats` compares it with the
setting in force when it is read (kpi/metrics/sources.py); the denominator, handled contacts
with a customer id, is counted from the contacts. Only the contacts that can be a repeat are
stored: a gap within the *horizon*, the longest window any setting asks (at least the
default). Most contacts are not repeats, so the table is a fraction of the contacts: an
import writes a few rows where it copied every contact, and the KPI reads as few. A setting
that widens a window past the horizon widens it and recomputes every customer
(`widen_horizon`, called by every settings write).
"""

from __future__ import annotations

import duckdb

from kpi.settings import PROVIDER_DEFAULTS
from kpi.sql_time import seconds_between

# Each handled contact's seconds since the same customer's previous contact with the same
# provider, kept when within the horizon. Every contact counts as a previous one, handled or
# not; contact_id breaks ties between contacts of the same second, so the gap is
# deterministic. The window sorts only what it needs (row id, keys, times): the stored
# columns are fetched afterwards for the few rows kept (a sort that carried them all took a
# third longer). `{customers}` and `{share}` restrict the window to some customers (whole
# histories).
_GAP_SQL = seconds_between("c.arrived_at", """lag(c.arrived_at) OVER (
    PARTITION BY c.provider, c.customer_id ORDER BY c.arrived_at, c.contact_id)""")
_REPEAT_ROWS_SQL = """
    SELECT c.provider, c.import_id, c.contact_id, c.customer_id, c.site, c.queue, c.channel,
           c.agent_id, c.arrived_local, kept.gap_s
    FROM (SELECT rid, gap_s FROM (
              SELECT c.rowid AS rid, c.answered_at IS NOT NULL AS handled,
                     {gap} AS gap_s
              FROM contacts c {customers} WHERE c.customer_id IS NOT NULL{share})
          WHERE handled AND gap_s <= $horizon * 86400.0) kept
    JOIN contacts c ON c.rowid = kept.rid"""

# The longest repeat window any provider or queue setting asks, in days, and at least the
# default a new provider starts with.
_WANTED_HORIZON_SQL = f"""
    SELECT greatest({int(PROVIDER_DEFAULTS["repeat_window_days"])},
                    (SELECT max(repeat_window_days) FROM providers),
                    (SELECT max(repeat_window_days) FROM queue_settings))"""

# The most contacts one pass of the window holds: it keeps every contact of the customers it
# recomputes, and an import's memory is bounded (kpi/ingest/limits.py, 800 MB by default), so
# beyond this the customers are split by a hash of their key into passes of about this many
# contacts each (a 50 M-row file ran out of memory in one pass).
ROWS_PER_PASS = 4_000_000


def horizon(cur: duckdb.DuckDBPyConnection) -> int:
    """The days of gap `contact_repeats` holds."""
    return cur.execute("SELECT days FROM repeat_horizon").fetchone()[0]


def widen_horizon(cur: duckdb.DuckDBPyConnection) -> None:
    """Inside a write that may have lengthened a repeat window: when a setting now asks for
    more days than the table holds, hold that many and recompute every customer."""
    wanted = cur.execute(_WANTED_HORIZON_SQL).fetchone()[0]
    if wanted > horizon(cur):
        cur.execute("UPDATE repeat_horizon SET days = ?", [wanted])
        refresh_repeats(cur)


def touch_customers(cur: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Note, in the temporary table `touched_customers`, the customers whose repeats an
    import or its undo changes: those of its rows and of the rows it replaced (kept in
    `replaced_contacts` with `replaced_by`). An import notes them once written, an undo
    before it removes the rows (kpi/ingest/importer.py)."""
    cur.execute("""CREATE OR REPLACE TEMP TABLE touched_customers AS
                   SELECT DISTINCT provider, customer_id FROM (
                       SELECT provider, customer_id FROM contacts WHERE import_id = $id
                       UNION ALL
                       SELECT provider, customer_id FROM replaced_contacts
                       WHERE replaced_by = $id)
                   WHERE customer_id IS NOT NULL""", {"id": import_id})


def refresh_repeats(cur: duckdb.DuckDBPyConnection, import_id: int | None = None) -> None:
    """Bring `contact_repeats` up to date after contacts changed, on the caller's cursor and
    inside its transaction: nothing is committed half-written.

    `import_id`: only the customers that import touches are recomputed (an import calls
    this once its rows are written), unless its rows are all the contacts there are (a
    first import: no customer to look up). None: every customer (contacts written outside
    the importer, e.g. a benchmark's generated rows; widen_horizon)."""
    if import_id is not None and cur.execute(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE import_id <> ?)",
            [import_id]).fetchone()[0]:
        touch_customers(cur, import_id)
        refresh_touched(cur)
        return
    cur.execute("DELETE FROM contact_repeats")
    _insert_repeats(cur, cur.execute("SELECT count(*) FROM contacts").fetchone()[0],
                    everyone=True)


def refresh_touched(cur: duckdb.DuckDBPyConnection) -> None:
    """Recompute the repeats of the customers in `touched_customers` (touch_customers),
    whole histories, and forget the table."""
    if cur.execute("SELECT count(*) FROM touched_customers").fetchone()[0]:
        cur.execute("""DELETE FROM contact_repeats r USING touched_customers t
                       WHERE r.provider = t.provider AND r.customer_id = t.customer_id""")
        # Their contacts are counted only when all the contacts could be more than a pass.
        rows = cur.execute("SELECT count(*) FROM contacts").fetchone()[0]
        if rows > ROWS_PER_PASS:
            rows = cur.execute("""SELECT count(*) FROM contacts c SEMI JOIN touched_customers t
                                  ON t.provider = c.provider
                                 AND t.customer_id = c.customer_id""").fetchone()[0]
        _insert_repeats(cur, rows, everyone=False)
    cur.execute("DROP TABLE touched_customers")


def _insert_repeats(cur: duckdb.DuckDBPyConnection, rows: int, everyone: bool) -> None:
    """Store the repeats of every customer, or of the touched ones, `rows` contacts in all.
    One pass of the window holds every contact of its customers: beyond ROWS_PER_PASS, the
    customers are split by a hash of their key."""
    parts = max(1, -(-rows // ROWS_PER_PASS))
    # Typed as the hash is: an INTEGER parameter made DuckDB cast every hash to HUGEINT for
    # the modulo, 13 times slower (1.5 s of each pass over 10 M contacts).
    in_part = "hash(provider, customer_id) % CAST($parts AS UBIGINT) = CAST($part AS UBIGINT)"
    if everyone:
        customers, share = "", f" AND {in_part}" if parts > 1 else ""
    else:
        customers = f"""SEMI JOIN (SELECT * FROM touched_customers WHERE {in_part}) t
                          ON t.provider = c.provider AND t.customer_id = c.customer_id"""
        share = ""
    sql = "INSERT INTO contact_repeats BY NAME " + _REPEAT_ROWS_SQL.format(
        customers=customers, share=share, gap=_GAP_SQL)
    split = parts > 1 or not everyone  # the SQL names $parts and $part
    days = horizon(cur)
    for part in range(parts):
        cur.execute(sql, {"horizon": days} | ({"parts": parts, "part": part} if split else {}))
