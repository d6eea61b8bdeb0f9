"""What the benchmarks share: the generated contact export, a clock, `cockpit import` and
`cockpit ...` run as a user runs them (the real CLI in a child process), and the child's
peak memory.

Peak memory is the child's own high-water mark (VmHWM in /proc/self/status, printed by the
child as it ends): ru_maxrss is inherited across fork and exec, so a child started by a large
benchmark process would report the parent's size.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def generate_export(path: Path, rows: int, *, providers: tuple[str, ...] = ("Bench BPO",),
                    start: str = "2026-01-05", days: int = 182,
                    customers: int = 400_000) -> None:
    """A generic contact export, as a provider's ACD would write it (ISO times, seconds):
    `days` of opening hours (08:00 to 20:00) from `start`, rows spread evenly over them,
    each row one of `providers` and one of `customers`."""
    names = "[" + ", ".join(f"'{p}'" for p in providers) + "]"
    con = duckdb.connect()
    con.execute(f"""
        COPY (
          SELECT 'C' || i AS contact_id, {names}[1 + (i // 7) % {len(providers)}] AS provider,
                 ['Nantes', 'Lille', 'Dakar'][1 + i % 3] AS site,
                 ['Billing', 'Support', 'Sales', 'Claims'][1 + i % 4] AS queue,
                 'voice' AS channel, 'inbound' AS direction,
                 strftime(TIMESTAMP '{start} 08:00:00' + to_days(i % {days})
                          + to_seconds((i * 7) % 43200), '%Y-%m-%d %H:%M:%S') AS arrived_at,
                 CASE WHEN i % 9 <> 0 THEN strftime(TIMESTAMP '{start} 08:00:00'
                      + to_days(i % {days}) + to_seconds((i * 7) % 43200 + i % 60),
                      '%Y-%m-%d %H:%M:%S') END AS answered_at,
                 i % 60 AS wait_s,
                 CASE WHEN i % 9 <> 0 THEN 120 + i % 400 END AS talk_s,
                 CASE WHEN i % 9 <> 0 THEN i % 30 END AS hold_s,
                 CASE WHEN i % 9 <> 0 THEN 20 + i % 40 END AS acw_s,
                 CASE WHEN i % 9 <> 0 THEN 'A' || (i % 250) END AS agent_id,
                 CASE WHEN i % 13 = 0 THEN 'yes' ELSE 'no' END AS transferred,
                 CASE WHEN i % 5 <> 0 THEN 'R' || (i % 12) END AS contact_reason,
                 'K' || (i % {customers}) AS customer_id
          FROM range({rows}) t(i)
        ) TO '{path}' (HEADER, DELIMITER ',')""")
    con.close()


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


def own_peak() -> int:
    """This process's peak resident memory in bytes (VmHWM)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) * 1024


# Appended to a child's code: its own peak resident memory in bytes, last line of stderr.
PRINT_PEAK = ("print(next(int(l.split()[1]) for l in open('/proc/self/status') "
              "if l.startswith('VmHWM:')) * 1024, file=sys.stderr)")


def cli_env() -> dict[str, str]:
    """The environment a benchmark runs the CLI in: this checkout's code, whatever is
    installed, and bytecode cached under a temporary folder (as an installed package has it
    compiled, even where PYTHONDONTWRITEBYTECODE is set)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="cockpit-pycache-")
    return env


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """A command's wall time and its standard output."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          check=True)
    return time.perf_counter() - start, done.stdout


def cockpit_import(export: Path | list[Path], target: Path, rows: int,
                   reference: bool = False) -> tuple[Clock, int]:
    """`cockpit import` of these files in a child process, into a new database whose intake
    limits fit them; returns its time and the child's peak resident memory in MB."""
    from kpi.store import Store

    exports = export if isinstance(export, list) else [export]
    target.unlink(missing_ok=True)
    with Store(target) as store:  # the database, then the limits the files need
        size_mb = max(e.stat().st_size for e in exports) // (1024 * 1024) + 1
        store.write(lambda cur: cur.executemany(
            "INSERT OR REPLACE INTO app_settings VALUES (?, ?)",
            [("max_rows", str(max(3_000_000, rows))),
             ("max_file_mb", str(max(256, size_mb)))]))
    code = "import functools, sys; "
    if reference:  # the CLI imports import_files when it runs: the patched one
        code += ("from kpi.ingest import importer; importer.import_files = "
                 "functools.partial(importer.import_files, one_pass=False); ")
    code += f"from kpi.cli import main; code = main(sys.argv[1:]); {PRINT_PEAK}; sys.exit(code)"
    out: dict[str, str] = {}

    def run() -> None:
        done = subprocess.run([sys.executable, "-c", code, "import", *map(str, exports),
                               "--db", str(target)], check=True, cwd=ROOT,
                              capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        out["peak"] = done.stderr.strip().splitlines()[-1]

    clock = Clock(run)
    return clock, int(out["peak"]) // (1024 * 1024)
