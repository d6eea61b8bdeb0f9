"""Import benchmark on a generated 2 M-row contact export, and a 100 k-row XLSX sheet.

Prints, from one run on this machine:
- `cockpit import` time (the real CLI in a subprocess, one-pass path) / DuckDB's own
  read_csv into a table (goal: at most 1.5), in wall time and in CPU time (user + sys, a
  steadier figure on a machine shared with other work);
- the same for the reference path (`--reference`: all text, then the tolerant parsers);
- pandas read_csv + insert into DuckDB / `cockpit import` (goal: at least 10);
- the peak memory of the `cockpit import` process (its own VmHWM);
- reading a 100 k-row sheet with pandas through python-calamine and through openpyxl
  (`--xlsx-rows 0` skips it).

    python bench/import_bench.py [--rows 2000000] [--xlsx-rows 100000] [--repeat 3]
                                 [--keep DIR] [--reference]

Beyond the default intake limits (3 M rows, 256 MB), the benchmark's database is given
limits that fit the generated file (e.g. `--rows 10000000` for the peak memory of 10 M rows).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
from shared import ROOT, Clock, cockpit_import, generate_export


def generate_sheet(path: Path, rows: int) -> None:
    """A contact sheet as a CRM exports it: a title row, real date cells, numbers, ids with
    leading zeros (written with openpyxl's streaming writer)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Export")
    sheet.append(["Bench BPO - contact detail"])
    sheet.append(["contact_id", "provider", "queue", "arrived_at", "answered_at", "wait_s",
                  "talk_s", "agent_id", "transferred", "customer_id"])
    start = datetime(2026, 1, 5, 8)
    for i in range(rows):
        arrived = start + timedelta(seconds=i * 37)
        sheet.append([f"C{i:07d}", "Bench BPO", ("Billing", "Sales")[i % 2], arrived,
                      arrived + timedelta(seconds=i % 60) if i % 9 else None, i % 60,
                      120 + i % 400, f"A{i % 250}", "yes" if i % 13 == 0 else "no",
                      f"00{i % 4000}"])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder for the files (default: temporary)")
    parser.add_argument("--repeat", type=int, default=3, help="alternated runs (best kept)")
    parser.add_argument("--reference", action="store_true",
                        help="also time the reference path (all text, tolerant parsers)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cockpit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / f"contacts_{args.rows}.csv"
    if not export.exists():
        generate_export(export, args.rows)
    size_mb = export.stat().st_size / 1e6

    def duckdb_read_csv() -> None:
        target = folder / "duckdb_raw.duckdb"
        target.unlink(missing_ok=True)
        con = duckdb.connect(str(target))
        con.execute("CREATE TABLE contacts AS SELECT * FROM read_csv(?)", [str(export)])
        con.close()

    def pandas_read_csv() -> None:
        target = folder / "pandas.duckdb"
        target.unlink(missing_ok=True)
        frame = pd.read_csv(export, parse_dates=["arrived_at", "answered_at"])
        con = duckdb.connect(str(target))
        con.register("frame", frame)
        con.execute("CREATE TABLE contacts AS SELECT * FROM frame")
        con.close()

    # Alternated runs: on a shared machine each figure is the best of `--repeat`, and the
    # ratios of each pair show the spread.
    pairs = []
    for _ in range(args.repeat):
        raw = Clock(duckdb_read_csv)
        cockpit, peak_mb = cockpit_import(export, folder / "cockpit.duckdb", args.rows, False)
        pairs.append((raw, cockpit))
    raw = min((r for r, _c in pairs), key=lambda c: c.wall)
    cockpit = min((c for _r, c in pairs), key=lambda c: c.wall)
    pandas_s = Clock(pandas_read_csv) if args.rows <= 3_000_000 else None
    startup = Clock(lambda: subprocess.run([sys.executable, "-m", "kpi.cli", "--help"],
                                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL))
    print(f"export: {args.rows:,} rows, {size_mb:.0f} MB; best of {args.repeat} runs")
    print(f"duckdb read_csv into a table: {raw}")
    if pandas_s is not None:
        print(f"pandas read_csv + insert:     {pandas_s}")
    print(f"cockpit import (CLI):         {cockpit} "
          f"(of which {startup.wall:.2f} s is starting Python)")
    print(f"ratio cockpit / duckdb read_csv: {cockpit.wall / raw.wall:.2f} wall, "
          f"{cockpit.cpu_s / raw.cpu_s:.2f} CPU (goal <= 1.5); run by run (wall): "
          + ", ".join(f"{c.wall / r.wall:.2f}" for r, c in pairs))
    if pandas_s is not None:
        print(f"ratio pandas / cockpit:          {pandas_s.wall / cockpit.wall:.2f} "
              "(goal >= 10)")
    print(f"peak memory of cockpit import:   {peak_mb:.0f} MB")
    if args.reference:
        reference, reference_mb = cockpit_import(export, folder / "reference.duckdb",
                                                 args.rows, True)
        print(f"reference path (all text):    {reference}, peak {reference_mb:.0f} MB; "
              f"ratio to read_csv {reference.wall / raw.wall:.2f} wall, "
              f"{reference.cpu_s / raw.cpu_s:.2f} CPU")
    if args.xlsx_rows:
        sheet = folder / f"contacts_{args.xlsx_rows}.xlsx"
        if not sheet.exists():
            generate_sheet(sheet, args.xlsx_rows)
        times = {}
        for engine in ("calamine", "openpyxl"):
            times[engine] = Clock(lambda engine=engine: pd.read_excel(
                sheet, header=None, dtype=object, engine=engine))
        print(f"xlsx, {args.xlsx_rows:,} rows x 10 columns, read by pandas through "
              f"calamine: {times['calamine']}; openpyxl: {times['openpyxl']} "
              f"({times['openpyxl'].wall / times['calamine'].wall:.1f}x)")


if __name__ == "__main__":
    main()
