"""Provider isolation, below every query.

A provider account reads through a catalog of views that shadow every table and view of the
database with that provider's rows only. A cursor opened for such an account sets the
provider in a DuckDB variable and makes the shadow catalog its default, so a query that
forgets its `WHERE provider = ?` — or names no provider at all — still sees one provider.

The shadow views are built from the database's own catalog by the first cursor of a Store
that enters a scope (kpi/store.py):
a table with a `provider` column is filtered on it; the few tables listed below are filtered
through their parent or shared as they are; every other table reads as empty. A new table is
therefore hidden from provider accounts until someone decides otherwise here.
"""

from __future__ import annotations

import duckdb

SCOPE_CATALOG = "cockpit_scope"
SCOPE_VARIABLE = "cockpit_provider"

# Tables whose rows carry the provider under another name.
PROVIDER_COLUMN = {"providers": "name"}
# Tables without a provider column whose rows belong to the provider of a parent row.
OWNED_THROUGH = {
    "action_notes": "action_id IN (SELECT action_id FROM {scope}.main.actions)",
    "visit_ratings": "visit_id IN (SELECT visit_id FROM {scope}.main.visits)",
    # Only imports of this provider alone: a several-provider file's rows stay unseen.
    "rejected_rows": "import_id IN (SELECT import_id FROM {catalog}.main.imports "
                     "WHERE provider = getvariable('cockpit_provider'))",
}
# Tables without provider data, read as they are.
SHARED = frozenset({"schema_version", "grid_items", "visit_grid_items", "app_settings"})
# An import of a file holding several providers' rows names them all ("A, B"): each of them
# sees it (the engine reads which exports carried which fields), under its own name only.
_VAR = f"getvariable('{SCOPE_VARIABLE}')"
IMPORTS_SQL = (f"SELECT * REPLACE ({_VAR} AS provider, CASE WHEN provider = {_VAR} "
               "THEN file_name ELSE '(several providers)' END AS file_name) "
               "FROM {source} WHERE provider = " + _VAR
               + f" OR list_contains(string_split(provider, ', '), {_VAR})")
# Tables a provider account never reads, whatever columns they have.
HIDDEN = frozenset({"accounts", "board_links", "wallboards", "mapping_profiles"})


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def scope_rules(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Each table and view of the database, with the filter a provider account reads it
    through: 'provider' column, parent row, 'shared' (no filter) or 'hidden' (no row)."""
    catalog = con.execute("SELECT current_database()").fetchone()[0]
    columns = con.execute(
        "SELECT table_name, list(column_name) FROM information_schema.columns "
        "WHERE table_catalog = ? AND table_schema = 'main' GROUP BY table_name",
        [catalog]).fetchall()
    rules = {}
    for table, names in columns:
        if table in HIDDEN:
            rules[table] = "hidden"
        elif table in PROVIDER_COLUMN:
            rules[table] = PROVIDER_COLUMN[table]
        elif "provider" in names:
            rules[table] = "provider"
        elif table in OWNED_THROUGH:
            rules[table] = "parent"
        elif table in SHARED:
            rules[table] = "shared"
        else:
            rules[table] = "hidden"
    return rules


def install_scope(con: duckdb.DuckDBPyConnection) -> None:
    """Attach the in-memory shadow catalog and (re)create one view per table and view."""
    catalog = con.execute("SELECT current_database()").fetchone()[0]
    con.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {SCOPE_CATALOG} (READ_WRITE)")
    # Parents before the tables filtered through them: a view binds what it names. All the
    # views in one statement: every command opens a Store, and forty round trips took a
    # third longer (35 ms against 25 ms) on `cockpit kpis`'s start-up.
    views = []
    for table, rule in sorted(scope_rules(con).items(), key=lambda tr: (tr[1] == "parent",
                                                                         tr[0])):
        source = f"{_quoted(catalog)}.main.{_quoted(table)}"
        if table == "imports":
            views.append(f"CREATE OR REPLACE VIEW {SCOPE_CATALOG}.main.imports AS "
                         + IMPORTS_SQL.format(source=source))
            continue
        if rule == "shared":
            where = "true"
        elif rule == "hidden":
            where = "false"
        elif rule == "parent":
            where = OWNED_THROUGH[table].format(scope=SCOPE_CATALOG,
                                                catalog=_quoted(catalog))
        else:
            # A NULL variable (a cursor that never entered a scope) matches no row.
            where = f"{_quoted(rule)} = getvariable('{SCOPE_VARIABLE}')"
        views.append(f"CREATE OR REPLACE VIEW {SCOPE_CATALOG}.main.{_quoted(table)} AS "
                     f"SELECT * FROM {source} WHERE {where}")
    if views:
        con.execute(";\n".join(views))


def enter_scope(cursor: duckdb.DuckDBPyConnection, provider: str) -> None:
    """Make this cursor read one provider's rows only, whatever its queries say."""
    cursor.execute(f"SET VARIABLE {SCOPE_VARIABLE} = ?", [provider])
    cursor.execute(f"USE {SCOPE_CATALOG}")
