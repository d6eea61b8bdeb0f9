"""Scaling benchmark: the same measures at 1 M, 10 M and 50 M generated contacts.

For each size, in one run: a contact export of three providers over a year (2025-01-06 to
2026-01-04, one CSV file, as a year's history sent at once; customers one in four
contacts) is generated, then
- imported by `cockpit import` (the real CLI in a child process, into a new database whose
  intake limits fit the file): wall and CPU time, the child's peak resident memory (its own
  VmHWM), the database file's size;
- `cockpit kpis --grain week --by provider,queue` run as a user runs it (whole process,
  start-up included), for the seven core KPIs and for the full catalogue: median of
  `--runs` runs;
- each committee computed in a fresh Python process by the function its page calls, after
  opening the database as the app does, for the first provider by name: the production
  committee of one provider-week (2025-W40), the steering committee of one provider-month
  (2025-09), the strategic committee of one quarter (2025-Q3, all providers, the page's
  default); the first call (cold) and a second one; with `--screens N`, then N steering
  committees at once, computed by N threads on the process's one database connection, as N
  sessions of the app opening the page together (the time until the last has it).
Prints one table (a row per size) and how each figure grows from one size to the next.
Figures, not goals: nothing is asserted.

    python bench/scaling.py [--sizes 1,10,50] [--runs 3] [--keep DIR] [--screens N]
                            [--generated]

`--generated` builds each database past the importer (reads only). A 50 M-row single CSV
did not import within the import's memory budget (README, Scaling).

`--sizes` is in millions of rows (0.1 for a quick try). Without `--keep` the files are made
in a temporary folder and each size's CSV and database are deleted once measured (50 M rows
take 5.8 GB of CSV and about 3 GB of database); with `--keep DIR` they stay, and a CSV
already there is reused.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from kpi_bench import generate
from kpi_cli_bench import SEVEN
from shared import ROOT, Clock, cli_env, cockpit_import, generate_export, own_peak, timed

PROVIDERS = ("Alpha BPO", "Beta BPO", "Gamma BPO")
START, DAYS = "2025-01-06", 364
WEEK, MONTH, QUARTER = date(2025, 9, 29), date(2025, 9, 1), "2025-Q3"
COMMITTEES = ("production", "steering", "strategic")


def committee_times(kind: str, db: Path, screens: int = 0) -> None:
    """In this (fresh) process: open the database, then compute one committee twice; prints
    the opening time, both calls' times and the peak memory, as JSON. With `screens`, then
    that many threads compute it at once on the process's one Store, as that many sessions
    of the app opening the page together would: the time until the last one has it."""
    from kpi.inventory import providers
    from kpi.periods import QUARTER as QUARTER_KIND
    from kpi.periods import parse
    from kpi.reports.production import production_committee
    from kpi.reports.steering import steering_committee
    from kpi.reports.strategic import strategic_committee
    from kpi.store import Store

    start = time.perf_counter()
    store = Store(db)
    opened = time.perf_counter() - start
    first = providers(store)[0]  # the first provider by name
    compute = {
        "production": lambda: production_committee(store, first, WEEK),
        "steering": lambda: steering_committee(store, first, MONTH),
        "strategic": lambda: strategic_committee(store, parse(QUARTER, QUARTER_KIND),
                                                 providers(store)),
    }[kind]
    calls, cpu = [], []
    for _ in range(2):
        start, start_cpu = time.perf_counter(), time.process_time()
        compute()
        calls.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)  # all of this process's threads
    together = None
    if screens:
        threads = [threading.Thread(target=compute) for _ in range(screens)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        together = time.perf_counter() - start
    store.close()
    print(json.dumps({"open": opened, "first": calls[0], "second": calls[1],
                      "first_cpu": cpu[0], "together": together, "peak": own_peak()}))


def import_figures(export: Path, db: Path, rows: int, keep: bool) -> dict[str, float]:
    """The export generated (unless there), then imported by `cockpit import`."""
    figures: dict[str, float] = {}
    if not export.exists():
        figures["generate_s"] = Clock(lambda: generate_export(
            export, rows, providers=PROVIDERS, start=START, days=DAYS,
            customers=max(1, rows // 4))).wall
    figures["csv_mb"] = export.stat().st_size / 1e6
    clock, peak_mb = cockpit_import(export, db, rows)
    figures |= {"import_s": clock.wall, "import_cpu_s": clock.cpu_s, "import_peak_mb": peak_mb,
                "db_mb": db.stat().st_size / 1e6}
    if not keep:
        export.unlink()
    print(f"  {rows:,} rows imported in {clock}, peak {peak_mb} MB", file=sys.stderr)
    return figures


def measure(size: float, folder: Path, runs: int, keep: bool, env: dict[str, str],
            first: bool, screens: int, generated: bool) -> dict[str, float]:
    rows = int(size * 1_000_000)
    export, db = folder / f"scaling_{rows}.csv", folder / f"scaling_{rows}.duckdb"
    figures: dict[str, float] = {"rows": rows}
    if generated:  # past the importer: no import figures
        db.unlink(missing_ok=True)
        figures["generate_s"] = Clock(lambda: generate(db, rows)).wall
        figures["db_mb"] = db.stat().st_size / 1e6
        print(f"  {rows:,} rows generated", file=sys.stderr)
    else:
        figures |= import_figures(export, db, rows, keep)
    kpis = [sys.executable, "-m", "kpi.cli", "kpis", "--grain", "week", "--by",
            "provider,queue", "--db", str(db)]
    for name, command in (("kpis_seven_s", [*kpis, "--kpi", ",".join(SEVEN)]),
                          ("kpis_full_s", kpis)):
        timed(command, env)  # untimed: the file cache, the bytecode cache
        clocks = [Clock(lambda command=command: timed(command, env)) for _ in range(runs)]
        figures[name] = statistics.median(c.wall for c in clocks)
        figures[name[:-2] + "_cpu_s"] = statistics.median(c.cpu_s for c in clocks)
    for kind in COMMITTEES:
        command = [sys.executable, __file__, "--committee", kind, "--db", str(db),
                   "--screens", str(screens if kind == "steering" else 0)]
        if first:  # untimed: compiles what the committee's modules import as they run
            subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=env)
        out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT,
                             env=env)
        times = json.loads(out.stdout.strip().splitlines()[-1])
        figures[f"{kind}_first_s"], figures[f"{kind}_second_s"] = times["first"], times["second"]
        figures[f"{kind}_peak_mb"] = times["peak"] / 2**20
        figures[f"{kind}_first_cpu_s"] = times["first_cpu"]
        if times["together"] is not None:
            figures[f"{kind}_together_s"] = times["together"]
    if not keep:
        db.unlink()
    print(f"  {json.dumps(figures)}", file=sys.stderr)  # kept should a later size fail
    return figures


# The table's columns: (key, heading, format).
COLUMNS = (
    ("csv_mb", "CSV MB", "{:,.0f}"),
    ("import_s", "import s", "{:.1f}"),
    ("import_cpu_s", "CPU s", "{:.1f}"),
    ("import_peak_mb", "peak MB", "{:,.0f}"),
    ("db_mb", "DB MB", "{:,.0f}"),
    ("kpis_seven_s", "kpis 7 s", "{:.2f}"),
    ("kpis_full_s", "kpis all s", "{:.2f}"),
    ("production_first_s", "prod 1st", "{:.2f}"),
    ("production_second_s", "prod 2nd", "{:.2f}"),
    ("steering_first_s", "steer 1st", "{:.2f}"),
    ("steering_second_s", "steer 2nd", "{:.2f}"),
    ("strategic_first_s", "strat 1st", "{:.2f}"),
    ("strategic_second_s", "strat 2nd", "{:.2f}"),
    ("strategic_peak_mb", "strat MB", "{:,.0f}"),
)


def print_table(results: list[dict[str, float]]) -> None:
    widths = [max(len(h), 10) for _k, h, _f in COLUMNS]
    print(f"{'rows':>12} " + " ".join(f"{h:>{w}}" for (_k, h, _f), w in zip(COLUMNS, widths,
                                                                             strict=True)))
    for r in results:
        print(f"{int(r['rows']):>12,} " + " ".join(
            f"{f.format(r[k]) if k in r else '-':>{w}}"
            for (k, _h, f), w in zip(COLUMNS, widths, strict=True)))
    for small, big in zip(results, results[1:], strict=False):
        label = f"x{big['rows'] / small['rows']:g} rows"
        print(f"{label:>12} " + " ".join(
            f"{'x' + format(big[k] / small[k], '.2f') if k in big and k in small else '-':>{w}}"
            for (k, _h, _f), w in zip(COLUMNS, widths, strict=True)))
    generated = [f"{int(r['rows']):,}: {r['generate_s']:.0f} s" for r in results
                 if "generate_s" in r]
    if generated:
        print("generating (the CSV by DuckDB's COPY, or the database with --generated), not "
              "part of the figures above: "
              + ", ".join(generated))
    print("committee processes' peak memory (MB): " + "; ".join(
        f"{int(r['rows']):,}: " + ", ".join(f"{k} {r[f'{k}_peak_mb']:,.0f}" for k in COMMITTEES)
        for r in results))
    together = [r for r in results if "steering_together_s" in r]
    if together:
        print("steering committee, one screen (second call) / screens at once, until the last "
              "has it (s): " + "; ".join(f"{int(r['rows']):,}: {r['steering_second_s']:.2f} / "
                                         f"{r['steering_together_s']:.2f}" for r in together))
    print("CPU time, user + sys (s; steadier than wall time on a shared machine): " + "; ".join(
        f"{int(r['rows']):,}: kpis 7 {r['kpis_seven_cpu_s']:.2f}, kpis all "
        f"{r['kpis_full_cpu_s']:.2f}, " + ", ".join(
            f"{k} 1st {r[f'{k}_first_cpu_s']:.2f}" for k in COMMITTEES) for r in results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50", help="millions of rows, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs of each `cockpit kpis`")
    parser.add_argument("--keep", type=Path, help="folder for the files, kept (default: "
                        "temporary, each size's files deleted once measured)")
    parser.add_argument("--screens", type=int, default=0, help="also time this many steering "
                        "committees computed at once by threads of one process (the app's "
                        "sessions); 0: not measured")
    parser.add_argument("--generated", action="store_true", help="build each database past "
                        "the importer (bench/kpi_bench.py's generator, rows written by SQL, "
                        "repeat contacts computed once) and measure the reads only")
    parser.add_argument("--committee", choices=COMMITTEES, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.committee:  # the child that times one committee
        committee_times(args.committee, args.db, args.screens)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cockpit-scaling-"))
    folder.mkdir(parents=True, exist_ok=True)
    env, results = cli_env(), []
    for at, size in enumerate(float(s) for s in args.sizes.split(",")):
        results.append(measure(size, folder, args.runs, args.keep is not None, env, at == 0,
                               args.screens, args.generated))
    made = ("built past the importer (kpi_bench.generate)" if args.generated else
            "one CSV per size, imported")
    print(f"contacts of {len(PROVIDERS)} providers over {DAYS} days, {made}; "
          f"kpis: median of {args.runs} runs, whole process; committees: fresh process, "
          "first call and second call")
    print_table(results)
    if args.keep is None:
        shutil.rmtree(folder)  # what is left: the CLI's log


if __name__ == "__main__":
    main()
