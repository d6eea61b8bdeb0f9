"""Import benchmark on a generated 2 M-row contact export, and a 100 k-row XLSX sheet.

Prints, from one run on this machine:
- `cockpit import` time (the real CLI in a subprocess, one-pass path) / DuckDB's own
  read_csv into a table (goal: at most 1.5), in wall time and in CPU time (user + sys, a
  steadier figure on a machine shared with other work);
- the same for the reference path (`--reference`: all text, then the tolerant parsers);
- pandas read_csv + insert into DuckDB / `cockpit import` (goal: at least 10);
- the peak memory of the `cockpit import` process;
- reading a 100 k-row sheet with pandas through python-calamine and through openpyxl
  (`--xlsx-rows 0` skips it).

    python bench/import_bench.py [--rows 2000000] [--xlsx-rows 100000] [--repeat 3]
                                 [--keep DIR] [--reference]

Beyond the default intake limits (3 M rows, 256 MB), the benchmark's database is given
limits that fit the generated file (e.g. `--rows 10000000` for the peak memory of 10 M rows).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def generate_export(path: Path, rows: int) -> None:
    """A generic contact export, as a provider's ACD would write it (ISO times, seconds)."""
    con = duckdb.connect()
    con.execute(f"""
        COPY (
          SELECT 'C' || i AS contact_id, 'Bench BPO' AS provider,
                 ['Nantes', 'Lille', 'Dakar'][1 + i % 3] AS site,
                 ['Billing', 'Support', 'Sales', 'Claims'][1 + i % 4] AS queue,
                 'voice' AS channel, 'inbound' AS direction,
                 -- 26 weeks of opening hours, 08:00 to 20:00
                 strftime(TIMESTAMP '2026-01-05 08:00:00' + to_days(i % 182)
                          + to_seconds((i * 7) % 43200), '%Y-%m-%d %H:%M:%S') AS arrived_at,
                 CASE WHEN i % 9 <> 0 THEN strftime(TIMESTAMP '2026-01-05 08:00:00'
                      + to_days(i % 182) + to_seconds((i * 7) % 43200 + i % 60),
                      '%Y-%m-%d %H:%M:%S') END AS answered_at,
                 i % 60 AS wait_s,
                 CASE WHEN i % 9 <> 0 THEN 120 + i % 400 END AS talk_s,
                 CASE WHEN i % 9 <> 0 THEN i % 30 END AS hold_s,
                 CASE WHEN i % 9 <> 0 THEN 20 + i % 40 END AS acw_s,
                 CASE WHEN i % 9 <> 0 THEN 'A' || (i % 250) END AS agent_id,
                 CASE WHEN i % 13 = 0 THEN 'yes' ELSE 'no' END AS transferred,
                 CASE WHEN i % 5 <> 0 THEN 'R' || (i % 12) END AS contact_reason,
                 'K' || (i % 400000) AS customer_id
          FROM range({rows}) t(i)
        ) TO '{path}' (HEADER, DELIMITER ',')""")
    con.close()


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


class Clock:
    """Wall time, and the CPU time (user + sys) of this process and its children."""

    def __init__(self, fn):
        before = self.cpu()
        start = time.perf_counter()
        fn()
        self.wall = time.perf_counter() - start
        self.cpu_s = self.cpu() - before

    @staticmethod
    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s wall, {self.cpu_s:6.2f} s CPU"


def cockpit_import(export: Path, target: Path, rows: int, reference: bool) -> tuple[Clock, int]:
    """The CLI in a subprocess (a new database with limits that fit the file); returns
    its time and its peak resident memory in MB."""
    from kpi.store import Store

    target.unlink(missing_ok=True)
    with Store(target) as store:  # the database, then the limits the file needs
        size_mb = export.stat().st_size // (1024 * 1024) + 1
        store.write(lambda cur: cur.executemany(
            "INSERT OR REPLACE INTO app_settings VALUES (?, ?)",
            [("max_rows", str(max(3_000_000, rows))),
             ("max_file_mb", str(max(256, size_mb)))]))
    code = "import functools, resource, sys; "
    if reference:  # the CLI imports import_files when it runs: the patched one
        code += ("from kpi.ingest import importer; importer.import_files = "
                 "functools.partial(importer.import_files, one_pass=False); ")
    code += ("from kpi.cli import main; code = main(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
             "sys.exit(code)")
    out: dict[str, str] = {}

    def run() -> None:
        done = subprocess.run([sys.executable, "-c", code, "import", str(export), "--db",
                               str(target)], check=True, cwd=ROOT, capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        out["peak"] = done.stderr.strip().splitlines()[-1]

    clock = Clock(run)
    return clock, int(out["peak"]) // 1024


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
