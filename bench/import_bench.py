"""Import benchmark on a generated 2 M-row contact export.

Prints, from one run on this machine:
- `cockpit import` time (the real CLI in a subprocess) / DuckDB's own read_csv into a table
  (goal: at most 1.5);
- pandas read_csv + insert into DuckDB / `cockpit import` (goal: at least 10);
- the peak memory of the `cockpit import` process.

    python bench/import_bench.py [--rows 2000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


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


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--keep", type=Path, help="folder for the files (default: temporary)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cockpit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / "contacts_2m.csv"
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

    def cockpit_import() -> None:
        target = folder / "cockpit.duckdb"
        target.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "kpi.cli", "import", str(export), "--db",
                        str(target)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)

    duckdb_s = timed(duckdb_read_csv)
    pandas_s = timed(pandas_read_csv)
    cockpit_s = timed(cockpit_import)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    startup_s = timed(lambda: subprocess.run([sys.executable, "-m", "kpi.cli", "--help"],
                                             cwd=ROOT, check=True, stdout=subprocess.DEVNULL))
    print(f"export: {args.rows:,} rows, {size_mb:.0f} MB")
    print(f"duckdb read_csv into a table: {duckdb_s:6.2f} s")
    print(f"pandas read_csv + insert:     {pandas_s:6.2f} s")
    print(f"cockpit import (CLI):         {cockpit_s:6.2f} s "
          f"(of which {startup_s:.2f} s is starting Python)")
    print(f"ratio cockpit / duckdb read_csv: {cockpit_s / duckdb_s:.2f} (goal <= 1.5)")
    print(f"ratio pandas / cockpit:          {pandas_s / cockpit_s:.2f} (goal >= 10)")
    print(f"peak memory of cockpit import:   {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
