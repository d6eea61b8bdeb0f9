"""The canonical store's schema, as an ordered list of migrations.

A database records the version it was built to; opening it applies the migrations it lacks,
in order, each in its own transaction. Never edit a released migration: append a new one.
"""

from __future__ import annotations

import duckdb

# Columns every fact table shares: the import it came from and the provider it belongs to.
_PROVENANCE = "import_id INTEGER NOT NULL, provider VARCHAR NOT NULL"

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "canonical tables and import history",
        [
            "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ)",
            """CREATE TABLE providers (
                name VARCHAR PRIMARY KEY,
                time_zone VARCHAR NOT NULL DEFAULT 'Europe/Paris',
                sl_threshold_s DOUBLE NOT NULL DEFAULT 20,
                short_abandon_s DOUBLE NOT NULL DEFAULT 5,
                repeat_window_days INTEGER NOT NULL DEFAULT 7,
                sl_variant VARCHAR NOT NULL DEFAULT 'net')""",
            "CREATE SEQUENCE import_id_seq START 1",
            """CREATE TABLE imports (
                import_id INTEGER PRIMARY KEY,
                file_name VARCHAR NOT NULL,
                sha256 VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                profile VARCHAR NOT NULL,
                provider VARCHAR,
                rows_read BIGINT NOT NULL,
                rows_imported BIGINT NOT NULL,
                duplicates_dropped BIGINT NOT NULL,
                period_start TIMESTAMP,
                period_end TIMESTAMP,
                imported_at TIMESTAMPTZ NOT NULL,
                imported_by VARCHAR,
                status VARCHAR NOT NULL,
                replaced_by INTEGER)""",
            f"""CREATE TABLE contacts ({_PROVENANCE},
                contact_id VARCHAR NOT NULL, site VARCHAR, queue VARCHAR NOT NULL,
                channel VARCHAR NOT NULL, direction VARCHAR NOT NULL,
                arrived_at TIMESTAMPTZ NOT NULL, arrived_local TIMESTAMP NOT NULL,
                answered_at TIMESTAMPTZ, ended_at TIMESTAMPTZ,
                wait_s DOUBLE, talk_s DOUBLE, hold_s DOUBLE, acw_s DOUBLE,
                agent_id VARCHAR, transferred BOOLEAN, contact_reason VARCHAR,
                outcome VARCHAR, sale_amount DOUBLE, customer_id VARCHAR,
                csat DOUBLE, nps DOUBLE)""",
            f"""CREATE TABLE intervals ({_PROVENANCE},
                queue VARCHAR NOT NULL, interval_start TIMESTAMPTZ NOT NULL,
                interval_local TIMESTAMP NOT NULL, interval_min INTEGER,
                offered DOUBLE, answered DOUBLE, abandoned DOUBLE, short_abandoned DOUBLE,
                answered_within_sl DOUBLE, talk_s DOUBLE, hold_s DOUBLE, acw_s DOUBLE,
                wait_s DOUBLE)""",
            f"""CREATE TABLE agent_activity ({_PROVENANCE},
                start_local TIMESTAMP NOT NULL, agent_id VARCHAR NOT NULL,
                site VARCHAR, team VARCHAR,
                scheduled_s DOUBLE, logged_s DOUBLE, available_s DOUBLE, talk_s DOUBLE,
                hold_s DOUBLE, acw_s DOUBLE, pause_s DOUBLE, absence_s DOUBLE)""",
            f"""CREATE TABLE evaluations ({_PROVENANCE},
                evaluation_id VARCHAR NOT NULL, evaluated_at TIMESTAMPTZ,
                evaluated_local TIMESTAMP, agent_id VARCHAR, evaluator VARCHAR,
                contact_id VARCHAR, grid VARCHAR, item VARCHAR NOT NULL,
                score DOUBLE NOT NULL, max_score DOUBLE NOT NULL,
                session_id VARCHAR, is_reference BOOLEAN)""",
            f"""CREATE TABLE snapshots ({_PROVENANCE},
                "at" TIMESTAMPTZ NOT NULL, at_local TIMESTAMP NOT NULL, queue VARCHAR NOT NULL,
                waiting DOUBLE, longest_wait_s DOUBLE, agents_on_contact DOUBLE,
                agents_available DOUBLE, agents_paused DOUBLE)""",
            f"""CREATE TABLE forecasts ({_PROVENANCE},
                queue VARCHAR NOT NULL, start_local TIMESTAMP NOT NULL,
                forecast_offered DOUBLE NOT NULL, forecast_aht_s DOUBLE)""",
        ],
    ),
    (
        2,
        "rows set aside by --skip-bad-rows, and the pilot's saved column mappings",
        [
            """CREATE TABLE rejected_rows (
                import_id INTEGER NOT NULL, row_number BIGINT, reason VARCHAR NOT NULL,
                raw_values VARCHAR)""",
            """CREATE TABLE mapping_profiles (
                name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, mapping VARCHAR NOT NULL,
                created_at TIMESTAMPTZ NOT NULL)""",
            "ALTER TABLE imports ADD COLUMN rows_rejected BIGINT DEFAULT 0",
        ],
    ),
]

MIGRATIONS.append((
    3,
    "KPI settings per queue, overriding the provider's",
    [
        """CREATE TABLE queue_settings (
            provider VARCHAR NOT NULL, queue VARCHAR NOT NULL,
            sl_threshold_s DOUBLE, short_abandon_s DOUBLE, repeat_window_days INTEGER,
            sl_variant VARCHAR,
            PRIMARY KEY (provider, queue))""",
    ],
))

MIGRATIONS.append((
    4,
    "SMART targets register",
    [
        "CREATE SEQUENCE target_id_seq START 1",
        """CREATE TABLE targets (
            target_id INTEGER PRIMARY KEY DEFAULT nextval('target_id_seq'),
            kpi VARCHAR NOT NULL, provider VARCHAR NOT NULL, site VARCHAR, queue VARCHAR,
            comparator VARCHAR NOT NULL, value DOUBLE NOT NULL,
            start DATE NOT NULL, deadline DATE NOT NULL, priority INTEGER NOT NULL,
            owner VARCHAR, rationale VARCHAR)""",
    ],
))

MIGRATIONS.append((
    5,
    "provider-declared reports (their own daily or interval figures)",
    [
        f"""CREATE TABLE declared_reports ({_PROVENANCE},
            period_local TIMESTAMP NOT NULL, period_min INTEGER NOT NULL, queue VARCHAR,
            offered DOUBLE NOT NULL, answered DOUBLE, abandoned DOUBLE, answer_rate DOUBLE,
            service_level DOUBLE, asa_s DOUBLE, talk_avg_s DOUBLE, wait_avg_s DOUBLE)""",
    ],
))

MIGRATIONS.append((
    6,
    "action plan with dated notes, provider feedback log, weekly committee notes",
    [
        "CREATE SEQUENCE action_id_seq START 1",
        """CREATE TABLE actions (
            action_id INTEGER PRIMARY KEY DEFAULT nextval('action_id_seq'),
            provider VARCHAR NOT NULL, title VARCHAR NOT NULL, owner VARCHAR,
            owner_side VARCHAR NOT NULL DEFAULT 'provider', due DATE,
            status VARCHAR NOT NULL DEFAULT 'open', kpi VARCHAR, target_id INTEGER,
            origin VARCHAR NOT NULL DEFAULT 'production', created_on DATE NOT NULL)""",
        """CREATE TABLE action_notes (
            action_id INTEGER NOT NULL, noted_on DATE NOT NULL, text VARCHAR NOT NULL)""",
        "CREATE SEQUENCE feedback_id_seq START 1",
        """CREATE TABLE feedback (
            feedback_id INTEGER PRIMARY KEY DEFAULT nextval('feedback_id_seq'),
            provider VARCHAR NOT NULL, received_on DATE NOT NULL, kind VARCHAR NOT NULL,
            text VARCHAR NOT NULL, answer VARCHAR, status VARCHAR NOT NULL DEFAULT 'open')""",
        """CREATE TABLE week_notes (
            provider VARCHAR NOT NULL, week DATE NOT NULL, text VARCHAR NOT NULL,
            PRIMARY KEY (provider, week))""",
    ],
))

MIGRATIONS.append((
    7,
    "wallboards saved by name, and settings of the whole cockpit (inbox, staleness)",
    [
        """CREATE TABLE wallboards (
            name VARCHAR PRIMARY KEY, config VARCHAR NOT NULL, saved_at TIMESTAMPTZ NOT NULL)""",
        """CREATE TABLE app_settings (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
    ],
))

MIGRATIONS.append((
    8,
    "versioned quality grids; each evaluation keeps its grid version; evaluation scores",
    [
        """CREATE TABLE grid_items (
            grid VARCHAR NOT NULL, version INTEGER NOT NULL, valid_from DATE NOT NULL,
            section VARCHAR, item VARCHAR NOT NULL, max_score DOUBLE NOT NULL,
            weight DOUBLE NOT NULL, critical BOOLEAN NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY (grid, version, item))""",
        "ALTER TABLE evaluations ADD COLUMN grid_version INTEGER",
        # One row per evaluation: the weighted share of the maximum (an item's weight is its
        # maximum when no registered grid gives one, i.e. Σ score / Σ max), zero when a
        # critical item is failed (scored under half its maximum).
        """CREATE VIEW evaluation_scores AS
            SELECT e.provider, e.evaluation_id, any_value(e.agent_id) AS agent_id,
                   any_value(e.evaluator) AS evaluator, any_value(e.contact_id) AS contact_id,
                   any_value(e.grid) AS grid, any_value(e.grid_version) AS grid_version,
                   any_value(e.session_id) AS session_id,
                   bool_or(coalesce(e.is_reference, false)) AS is_reference,
                   min(e.evaluated_local) AS evaluated_local,
                   bool_or(coalesce(g.critical, false) AND e.score < e.max_score / 2)
                       AS critical_failed,
                   CASE WHEN bool_or(coalesce(g.critical, false) AND e.score < e.max_score / 2)
                        THEN 0
                        ELSE sum(coalesce(g.weight, e.max_score) * e.score / e.max_score)
                             / sum(coalesce(g.weight, e.max_score)) END AS score_ratio
            FROM evaluations e
            LEFT JOIN grid_items g ON g.grid = e.grid AND g.version = e.grid_version
                 AND g.item = e.item
            GROUP BY e.provider, e.evaluation_id""",
    ],
))

MIGRATIONS.append((
    9,
    "incentive schemes (versioned per provider) and the payments made under them",
    [
        """CREATE TABLE incentive_schemes (
            provider VARCHAR NOT NULL, valid_from DATE NOT NULL, config VARCHAR NOT NULL,
            saved_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (provider, valid_from))""",
        """CREATE TABLE payments (
            provider VARCHAR NOT NULL, period VARCHAR NOT NULL, amount DOUBLE,
            due DATE, paid DATE, note VARCHAR, PRIMARY KEY (provider, period))""",
    ],
))

MIGRATIONS.append((
    10,
    "the canonical fields each import carried (a field an export lacks is no data, not 0)",
    ["ALTER TABLE imports ADD COLUMN fields VARCHAR[]"],
))

MIGRATIONS.append((
    11,
    "accounts and roles, wallboard links, and who changed what",
    [
        # password_hash is an argon2id encoded hash; the clear password is never stored.
        """CREATE TABLE accounts (
            name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, provider VARCHAR,
            email VARCHAR, password_hash VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL)""",
        # A link's token is shown once; only its SHA-256 is kept (it is 256 random bits,
        # so a fast hash is enough), and revoking deletes the rows.
        """CREATE TABLE board_links (
            token_hash VARCHAR PRIMARY KEY, board VARCHAR NOT NULL,
            created_at TIMESTAMPTZ NOT NULL, created_by VARCHAR)""",
        """CREATE TABLE change_log (
            changed_at TIMESTAMPTZ NOT NULL, account VARCHAR NOT NULL, change VARCHAR NOT NULL,
            provider VARCHAR)""",
    ],
))

# The rows an import replaced (a newer export of the same period, or newer rows with the
# same keys), kept so that undoing the newer import brings them back. Each fact table has
# its archive, with the same columns and the import that replaced the row; a migration that
# adds a column to a fact table adds it to its archive too.
_ARCHIVED = ("contacts", "intervals", "agent_activity", "evaluations", "snapshots",
             "forecasts", "declared_reports")
MIGRATIONS.append((
    12,
    "replaced rows are kept, so that undoing the import that replaced them restores them",
    [f"CREATE TABLE replaced_{table} AS SELECT *, CAST(NULL AS INTEGER) AS replaced_by "
     f"FROM {table} LIMIT 0" for table in _ARCHIVED],
))

MIGRATIONS.append((
    13,
    "declared reports publish an abandon rate (weekly and monthly reports too)",
    ["ALTER TABLE declared_reports ADD COLUMN abandon_rate DOUBLE",
     "ALTER TABLE replaced_declared_reports ADD COLUMN abandon_rate DOUBLE"],
))

MIGRATIONS.append((
    14,
    "money in exact decimals: sale amounts and incentive payments (cents, never a float's "
    "last digits)",
    ["ALTER TABLE contacts ALTER sale_amount TYPE DECIMAL(18, 2)",
     "ALTER TABLE replaced_contacts ALTER sale_amount TYPE DECIMAL(18, 2)",
     "ALTER TABLE payments ALTER amount TYPE DECIMAL(18, 2)"],
))

MIGRATIONS.append((
    15,
    "floor visits: providers in selection (candidates) with their announced figures, "
    "versioned visit grids, visit reports rated item by item",
    [
        # A candidate has no contract and usually no data; promoting it keeps its rows.
        "ALTER TABLE providers ADD COLUMN stage VARCHAR DEFAULT 'active'",
        "ALTER TABLE providers ADD COLUMN promoted_on DATE",
        """CREATE TABLE announced_figures (
            provider VARCHAR NOT NULL, figure VARCHAR NOT NULL, value DOUBLE NOT NULL,
            announced_on DATE, note VARCHAR, PRIMARY KEY (provider, figure))""",
        # Both languages are stored: a visit keeps the words its grid had on its day.
        """CREATE TABLE visit_grid_items (
            grid VARCHAR NOT NULL, version INTEGER NOT NULL, valid_from DATE NOT NULL,
            position INTEGER NOT NULL, item VARCHAR NOT NULL, signal INTEGER,
            label_en VARCHAR NOT NULL, label_fr VARCHAR NOT NULL,
            look_en VARCHAR, look_fr VARCHAR, good_en VARCHAR, good_fr VARCHAR,
            weight DOUBLE NOT NULL, PRIMARY KEY (grid, version, item))""",
        "CREATE SEQUENCE visit_id_seq START 1",
        """CREATE TABLE visits (
            visit_id INTEGER PRIMARY KEY DEFAULT nextval('visit_id_seq'),
            provider VARCHAR NOT NULL, visited_on DATE NOT NULL, site VARCHAR NOT NULL,
            visitors VARCHAR, grid VARCHAR NOT NULL, grid_version INTEGER NOT NULL,
            listening_sessions INTEGER NOT NULL DEFAULT 0, verdict VARCHAR, notes VARCHAR,
            source VARCHAR, saved_at TIMESTAMPTZ NOT NULL, UNIQUE (provider, visited_on, site))""",
        """CREATE TABLE visit_ratings (
            visit_id INTEGER NOT NULL, item VARCHAR NOT NULL, rating VARCHAR NOT NULL,
            notes VARCHAR, PRIMARY KEY (visit_id, item))""",
    ],
))

MIGRATIONS.append((
    16,
    "repeat contacts materialised: each contact's gap to its customer's previous contact, "
    "kept up to date by imports and undos instead of a window computed at every request",
    [
        # Derived from contacts (kpi/metrics/repeats.py maintains it); per provider, so a
        # provider account reads its own rows only (kpi/access/scope.py).
        """CREATE TABLE contact_repeats (
            provider VARCHAR NOT NULL, import_id INTEGER NOT NULL, contact_id VARCHAR NOT NULL,
            customer_id VARCHAR NOT NULL, site VARCHAR, queue VARCHAR NOT NULL,
            channel VARCHAR NOT NULL, agent_id VARCHAR, arrived_local TIMESTAMP NOT NULL,
            handled BOOLEAN NOT NULL, gap_s DOUBLE)""",
        """INSERT INTO contact_repeats BY NAME
            SELECT c.provider, c.import_id, c.contact_id, c.customer_id, c.site, c.queue,
                   c.channel, c.agent_id, c.arrived_local, c.answered_at IS NOT NULL AS handled,
                   epoch(c.arrived_at - lag(c.arrived_at) OVER (
                       PARTITION BY c.provider, c.customer_id
                       ORDER BY c.arrived_at, c.contact_id)) AS gap_s
            FROM contacts c WHERE c.customer_id IS NOT NULL""",
    ],
))

MIGRATIONS.append((
    17,
    "the data version: one row that every committed write bumps (kpi/store.py), so the app "
    "serves a page of unchanged data from its cache",
    [
        # token: this file's identity (a file rebuilt at the same path starts anew);
        # version: the count of committed writes. No provider column: hidden from providers.
        "CREATE TABLE data_version (token VARCHAR NOT NULL, version BIGINT NOT NULL)",
        "INSERT INTO data_version VALUES (CAST(uuid() AS VARCHAR), 0)",
    ],
))

MIGRATIONS.append((
    18,
    "repeat contacts: only the handled contacts within the horizon (the longest repeat "
    "window a setting asks) are kept, the denominator is counted from the contacts",
    [
        # The days of gap contact_repeats holds (kpi/metrics/repeats.py); no provider
        # column: hidden from providers, whose accounts never write.
        "CREATE TABLE repeat_horizon (days INTEGER NOT NULL)",
        """INSERT INTO repeat_horizon SELECT greatest(7,
               (SELECT max(repeat_window_days) FROM providers),
               (SELECT max(repeat_window_days) FROM queue_settings))""",
        """CREATE TABLE repeats_within_horizon (
            provider VARCHAR NOT NULL, import_id INTEGER NOT NULL, contact_id VARCHAR NOT NULL,
            customer_id VARCHAR NOT NULL, site VARCHAR, queue VARCHAR NOT NULL,
            channel VARCHAR NOT NULL, agent_id VARCHAR, arrived_local TIMESTAMP NOT NULL,
            gap_s DOUBLE NOT NULL)""",
        """INSERT INTO repeats_within_horizon BY NAME
           SELECT * EXCLUDE (handled) FROM contact_repeats
           WHERE handled AND gap_s <= (SELECT days FROM repeat_horizon) * 86400.0""",
        "DROP TABLE contact_repeats",
        "ALTER TABLE repeats_within_horizon RENAME TO contact_repeats",
    ],
))

LATEST_VERSION = MIGRATIONS[-1][0]

# Fact tables, by import kind.
FACT_TABLES = {
    "contacts": "contacts",
    "intervals": "intervals",
    "agent_activity": "agent_activity",
    "evaluations": "evaluations",
    "snapshots": "snapshots",
    "forecasts": "forecasts",
    "declared": "declared_reports",
}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
        "AND table_catalog = current_database()"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, upto: int = LATEST_VERSION) -> list[int]:
    """Apply the missing migrations up to `upto`; returns the versions applied."""
    applied = []
    version = current_version(con)
    for number, _title, statements in MIGRATIONS:
        if number <= version or number > upto:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [number])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
