"""Registers edited as tables (the action plan, the feedback log): rows without an id are
new, rows with one replace the stored row of that id."""

from __future__ import annotations

from kpi.store import Store


def save_register_rows(store: Store, table: str, id_column: str, columns: list[str],
                       rows: list[dict]) -> None:
    """Insert or update rows of a register in one transaction (identifiers are ours)."""
    def run(cur) -> None:
        for row in rows:
            values = [row.get(c) for c in columns]
            if row.get(id_column) is None:
                cur.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                            f"({', '.join('?' * len(columns))})", values)
            else:
                cur.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} "
                            f"WHERE {id_column} = ?", [*values, int(row[id_column])])
    store.write(run)
