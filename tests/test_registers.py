"""Targets, quality grids and incentive schemes are files from outside too: the intake limits
refuse them, naming the file, before anything parses them, and the database is unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import Workbook

from kpi.errors import ImportRefused
from kpi.governance.targets import import_targets
from kpi.incentives.statement import import_scheme
from kpi.quality.grids import import_grid
from kpi.store import Store

IMPORTERS = {"targets": import_targets, "grid": import_grid, "scheme": import_scheme}


def _every_table(store: Store) -> dict[str, int]:
    tables = store.read("SELECT table_name FROM duckdb_tables() WHERE NOT temporary "
                        "AND database_name = current_database()").table_name
    return {t: store.scalar(f'SELECT count(*) FROM "{t}"') for t in tables}


@pytest.fixture
def limited(db_path: Path):
    with Store(db_path) as store:
        store.write(lambda cur: cur.execute(
            "INSERT OR REPLACE INTO app_settings VALUES ('max_rows', '3'), "
            "('max_columns', '6'), ('max_file_mb', '1')"))
        yield store


@pytest.mark.parametrize("what", IMPORTERS)
def test_a_register_wider_than_the_limit_is_refused_by_name(what, limited, tmp_path):
    wide = tmp_path / f"{what}_wide.csv"
    wide.write_text(";".join(f"c{i}" for i in range(9)) + "\n" + ";".join("1" * 9) + "\n",
                    encoding="utf-8")
    before = _every_table(limited)
    with pytest.raises(ImportRefused) as refused:
        IMPORTERS[what](limited, wide)
    assert f"{what}_wide.csv" in str(refused.value)
    assert "at most 6 columns" in str(refused.value)  # 9 found, the setting says 6
    assert _every_table(limited) == before


@pytest.mark.parametrize("what", IMPORTERS)
def test_a_workbook_longer_than_the_limit_is_refused_before_it_is_parsed(what, limited,
                                                                        tmp_path):
    book = Workbook()
    sheet = book.active
    for i in range(200):  # beyond the 3 rows allowed and the 100 lines left for titles
        sheet.append(["kpi", "value"] if i == 0 else ["answer_rate", 0.8])
    path = tmp_path / f"{what}_long.xlsx"
    book.save(path)
    before = _every_table(limited)
    with pytest.raises(ImportRefused) as refused:
        IMPORTERS[what](limited, path)
    assert f"{what}_long.xlsx" in str(refused.value)
    assert "at most 3 rows" in str(refused.value)
    assert _every_table(limited) == before


@pytest.mark.parametrize("what", IMPORTERS)
def test_a_register_bigger_than_the_size_limit_or_a_pipe_is_refused(what, limited, tmp_path):
    big = tmp_path / f"{what}_big.csv"
    big.write_bytes(b"kpi;value\n" + b"answer_rate;0.8\n" * 140_000)  # 2.2 MB > 1 MB
    pipe = tmp_path / f"{what}_pipe.csv"
    os.mkfifo(pipe)  # opening it would wait for a writer forever
    before = _every_table(limited)
    with pytest.raises(ImportRefused, match="at most 1 MB"):
        IMPORTERS[what](limited, big)
    with pytest.raises(ImportRefused, match=f"{what}_pipe.csv"):
        IMPORTERS[what](limited, pipe)
    assert _every_table(limited) == before
