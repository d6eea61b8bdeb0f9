"""Quality grids (SPEC §2.2, issue "Quality and calibration"): sections and items with a
maximum, a weight and an optional critical flag; versioned.

A grid saved with different items becomes a new version, in force from its `valid_from`;
an evaluation keeps the version in force on the day it was scored (set at import).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from kpi import clock
from kpi.errors import CockpitError, Day, ImportRefused, Joined, Msg
from kpi.ingest.registers import read_register
from kpi.store import Store

COLUMNS = ["section", "item", "max_score", "weight", "critical"]
_TRUE = {"1", "true", "yes", "oui", "vrai", "x", "y", "o"}


class InvalidGrid(CockpitError):
    pass


def list_grids(store: Store) -> pd.DataFrame:
    """grid, version, valid_from, items: every version of every grid."""
    return store.read("""SELECT grid, version, min(valid_from) AS valid_from, count(*) AS items,
                                sum(CAST(critical AS INTEGER)) AS critical_items
                         FROM grid_items GROUP BY grid, version ORDER BY grid, version""")


def grid_items(store: Store, grid: str, version: int | None = None) -> pd.DataFrame:
    """The items of a grid version (default: the latest), in order."""
    return store.read(
        f"""SELECT {', '.join(COLUMNS)}, version, valid_from FROM grid_items
            WHERE grid = ? AND version = coalesce(?, (SELECT max(version) FROM grid_items
                                                      WHERE grid = ?))
            ORDER BY position""", [grid, version, grid])


def _clean(table: pd.DataFrame, where: str) -> pd.DataFrame:
    missing = {"item", "max_score"} - set(table.columns)
    if missing:
        raise InvalidGrid(key="error.missing_columns_one" if len(missing) == 1
                          else "error.missing_columns", where=where,
                          missing=", ".join(sorted(missing)), columns=", ".join(COLUMNS))
    table = table.reindex(columns=COLUMNS).copy()
    problems = []
    rows = []
    for number, row in enumerate(table.to_dict("records"), start=2):
        item = str(row["item"]).strip() if isinstance(row["item"], str) else ""
        if not item:
            problems.append(Msg("error.grid_item_name", where=where, row=number))
            continue
        try:
            maximum = float(str(row["max_score"]).replace(",", "."))
            if not maximum > 0:
                raise ValueError
        except ValueError:
            problems.append(Msg("error.grid_max", where=where, row=number,
                                value=repr(row["max_score"])))
            continue
        weight_text = row["weight"]
        try:
            weight = maximum if weight_text is None or pd.isna(weight_text) or \
                str(weight_text).strip() == "" else float(str(weight_text).replace(",", "."))
            if weight < 0:
                raise ValueError
        except ValueError:
            problems.append(Msg("error.grid_weight", where=where, row=number,
                                value=repr(weight_text)))
            continue
        critical = row["critical"]
        critical = bool(critical) if isinstance(critical, bool) else \
            str(critical).strip().lower() in _TRUE
        section = row["section"] if isinstance(row["section"], str) and row["section"].strip() \
            else None
        rows.append({"section": section, "item": item, "max_score": maximum, "weight": weight,
                     "critical": critical})
    problems += item_list_problems([r["item"] for r in rows], where, bool(problems))
    if problems:
        raise InvalidGrid(Joined("\n", problems))
    return pd.DataFrame(rows, columns=COLUMNS)


def item_list_problems(items: list[str], where: str, other_problems: bool = False
                       ) -> list[Msg]:
    """What is wrong with a grid's list of items as a whole (quality and visit grids): an
    item named twice, or no item at all (unless its rows already had problems)."""
    twice = sorted({i for i in items if items.count(i) > 1})
    problems = [Msg("error.items_twice_one" if len(twice) == 1 else "error.items_twice",
                    where=where, items=", ".join(twice))] if twice else []
    if not items and not other_problems:
        problems.append(Msg("error.no_item", where=where))
    return problems


def new_version(latest: pd.DataFrame, items: pd.DataFrame, columns: list[str],
                valid_from: date, error: type[CockpitError], where: str) -> int | None:
    """The version a grid's `items` are saved as (quality and visit grids alike): None when
    they are the `latest` version's items, nothing to save; refused with `error` when the new
    version would start before the latest one, whose evaluations would change grid."""
    if not latest.empty and _rows(latest, columns) == _rows(items, columns):
        return None
    version = 1 if latest.empty else int(latest.version.iloc[0]) + 1
    if not latest.empty and valid_from < pd.Timestamp(latest.valid_from.iloc[0]).date():
        raise error(key="error.grid_version", where=where, version=version,
                    previous=version - 1, start=Day(latest.valid_from.iloc[0],
                                                    str(latest.valid_from.iloc[0])))
    return version


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """A grid's items as plain values, empty cells as "" (read back or typed in)."""
    return [tuple("" if v is None or (not isinstance(v, str) and pd.isna(v)) else v
                  for v in r) for r in frame[columns].itertuples(index=False)]


def save_grid(store: Store, grid: str, table: pd.DataFrame, valid_from: date | None = None,
              where: str = Msg("where.grid")) -> int:
    """Store the grid's items as a new version when they differ from the latest one; the
    version in force afterwards is returned (unchanged items: the same version)."""
    grid = (grid or "").strip()
    if not grid:
        raise InvalidGrid(key="error.grid_name", where=where)
    items = _clean(table, where)
    valid_from = valid_from or clock.today()
    latest = grid_items(store, grid)
    version = new_version(latest, items, COLUMNS, valid_from, InvalidGrid, where)
    if version is None:
        return int(latest.version.iloc[0])

    def run(cur) -> None:
        for position, row in enumerate(items.to_dict("records")):
            cur.execute("INSERT INTO grid_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [grid, version, valid_from, row["section"], row["item"],
                         row["max_score"], row["weight"], row["critical"], position])
    store.write(run)
    return version


def import_grid(store: Store, path: str | Path, grid: str | None = None,
                valid_from: date | None = None) -> tuple[str, int]:
    """A grid from CSV or XLSX: columns section, item, max_score, weight, critical (and
    optionally grid, valid_from). Returns (grid, version in force)."""
    path = Path(path)
    try:
        table = read_register(store, path)
    except ImportRefused:
        raise
    except Exception as e:  # a damaged or empty file
        # pandas' own words are quoted as they are
        raise InvalidGrid(key="error.unreadable_table", file=path.name, error=e) from e
    table.columns = [str(c).strip().lower() for c in table.columns]
    if grid is None:
        names = table["grid"].dropna().unique().tolist() if "grid" in table else []
        if len(names) != 1:
            raise InvalidGrid(key="error.grid_unnamed", file=path.name)
        grid = str(names[0])
    if valid_from is None and "valid_from" in table and table.valid_from.notna().any():
        valid_from = pd.Timestamp(table.valid_from.dropna().iloc[0]).date()
    return grid, save_grid(store, grid, table, valid_from, where=path.name)
