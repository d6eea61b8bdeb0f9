"""Repeat contacts, materialised: each contact's gap to its customer's previous contact.

`repeat_rate` and `fcr_rate` ask, for every handled contact with a customer id, whether the
same customer had another contact within `repeat_window_days` before. That is a window over
the customer's whole history (`lag` per provider and customer): computed at every request it
was half the time of the full KPI catalogue. It only changes when contacts do, so it is
computed when they do, for the customers they touch, in the same transaction as the import
or undo (kpi/ingest/importer.py calls `refresh_repeats`), and stored in `contact_repeats`.

The window itself (how many days) is a setting that may change at any time, so the table
keeps the gap in seconds, not the verdict: the KPI source `repeats` compares it with the
setting in force when it is read (kpi/metrics/sources.py).
"""

from __future__ import annotations

import duckdb

# One row per contact with a customer id: its scopes, whether it was handled, and the
# seconds since the same customer's previous contact with the same provider (NULL: none).
# contact_id breaks ties between contacts of the same second, so the gap is deterministic.
REPEAT_ROWS_SQL = """
    SELECT c.provider, c.import_id, c.contact_id, c.customer_id, c.site, c.queue, c.channel,
           c.agent_id, c.arrived_local, c.answered_at IS NOT NULL AS handled,
           epoch(c.arrived_at - lag(c.arrived_at) OVER (
               PARTITION BY c.provider, c.customer_id
               ORDER BY c.arrived_at, c.contact_id)) AS gap_s
    FROM contacts c"""


# The most contacts one pass of the window holds: it keeps every contact of the customers it
# recomputes, and an import's memory is bounded (kpi/ingest/limits.py, 800 MB by default), so
# beyond this the customers are split by a hash of their key into passes of about this many
# contacts each (a 50 M-row file ran out of memory in one pass).
ROWS_PER_PASS = 4_000_000


def refresh_repeats(cur: duckdb.DuckDBPyConnection, import_id: int | None = None) -> None:
    """Bring `contact_repeats` up to date after an import (or its undo) changed contacts,
    on the caller's cursor and inside its transaction: nothing is committed half-written.

    Only the customers the import touches are recomputed: those of the rows it added, of
    the rows it replaced (kept in `replaced_contacts` with `replaced_by`; an undo calls this
    after putting them back and before forgetting them) and of the rows it had (still in
    `contact_repeats` under its id). `import_id` None recomputes every customer (contacts
    written outside the importer, e.g. a benchmark's generated rows)."""
    if import_id is None:
        cur.execute("""CREATE OR REPLACE TEMP TABLE touched_customers AS
                       SELECT DISTINCT provider, customer_id FROM contacts
                       WHERE customer_id IS NOT NULL""")
        cur.execute("DELETE FROM contact_repeats")
        rows = cur.execute("SELECT count(*) FROM contacts").fetchone()[0]
    else:
        kind = cur.execute("SELECT kind FROM imports WHERE import_id = ?",
                           [import_id]).fetchone()
        if kind is None or kind[0] != "contacts":
            return
        cur.execute("""CREATE OR REPLACE TEMP TABLE touched_customers AS
                       SELECT DISTINCT provider, customer_id FROM (
                           SELECT provider, customer_id FROM contacts WHERE import_id = $id
                           UNION ALL
                           SELECT provider, customer_id FROM replaced_contacts
                           WHERE replaced_by = $id
                           UNION ALL
                           SELECT provider, customer_id FROM contact_repeats
                           WHERE import_id = $id)
                       WHERE customer_id IS NOT NULL""", {"id": import_id})
        # The touched customers' contacts, about: those they had (the rows deleted here)
        # and those the import brings.
        had = cur.execute("""DELETE FROM contact_repeats r USING touched_customers t
                             WHERE r.provider = t.provider
                               AND r.customer_id = t.customer_id""").fetchone()[0]
        rows = had + cur.execute("SELECT count(*) FROM contacts WHERE import_id = ?",
                                 [import_id]).fetchone()[0]
    # One pass of the window holds every contact of its customers: beyond ROWS_PER_PASS,
    # the customers are split by a hash of their key.
    parts = max(1, -(-rows // ROWS_PER_PASS))
    for part in range(parts):
        cur.execute(f"""INSERT INTO contact_repeats BY NAME {REPEAT_ROWS_SQL}
                        SEMI JOIN (SELECT * FROM touched_customers
                                   WHERE hash(provider, customer_id) % $parts = $part) t
                          ON t.provider = c.provider AND t.customer_id = c.customer_id""",
                    {"parts": parts, "part": part})
    cur.execute("DROP TABLE touched_customers")
