"""The small tables a pilot imports beside the exports: targets, a quality grid, an incentive
scheme. They come from the same outside world as the exports, so they pass the same intake
limits (kpi/ingest/limits.py) before anything parses them: a regular file, its size, its
lines, a workbook's parts and sheet dimensions, its columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kpi.ingest.limits import (
    check_xlsx,
    intake_limits,
    refuse_columns,
    refuse_lines,
    refuse_not_regular,
    refuse_size,
)

XLSX_SUFFIXES = (".xlsx", ".xlsm")


def read_register(store, path: Path, *, as_text: bool = True) -> pd.DataFrame:
    """A register file (CSV with any delimiter, UTF-8 with or without BOM, or XLSX) as a table,
    every cell as text (`as_text`) or typed by pandas.

    Raises ImportRefused, naming the file, when it is beyond the intake limits; pandas' own
    exception when it cannot be read (each caller says, in its words, what it expected)."""
    name = path.name
    limits = intake_limits(store)
    refuse_not_regular(path, name)
    refuse_size(name, path.stat().st_size, limits)
    dtype = object if as_text else None
    if path.suffix.lower() in XLSX_SUFFIXES:
        check_xlsx(path, name, limits)
        # openpyxl, named: pandas' default engine is changing, and these sheets are small.
        table = pd.read_excel(path, dtype=dtype, engine="openpyxl")
    else:
        with open(path, "rb") as handle:
            refuse_lines(name, sum(1 for _ in handle), limits)
        table = pd.read_csv(path, dtype=dtype, sep=None, engine="python",
                            encoding="utf-8-sig")
    refuse_columns(name, len(table.columns), limits)
    return table
