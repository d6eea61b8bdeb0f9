"""`cockpit kpis` as a user runs it, whole process, against a hand-written GROUP BY.

On generated contacts (5 M by default, three providers over a year), in one run: the
weekly KPIs by provider × queue through the command line, start-up included, for the seven
KPIs a hand-written query computes (SEVEN), against a separate Python process that runs
that GROUP BY with DuckDB and prints it as CSV (goal: ratio at most 1.3); the full
catalogue the same way (goal: at most 2× the hand-written process); and the command line's
start-up alone (`cockpit --help`, `cockpit kpis --help`). Each figure is the median of
`--runs` runs taken in turn (the range is printed: the machine is shared), after one
untimed run of each that warms the file cache and the bytecode cache. Bytecode is cached
under a temporary folder (PYTHONPYCACHEPREFIX), as an installed package has it compiled,
even where PYTHONDONTWRITEBYTECODE is set. The values printed by both are compared.

    python bench/kpi_cli_bench.py [--rows 5000000] [--keep DIR] [--runs 5]
"""

from __future__ import annotations

import csv
import io
import math
import statistics
import sys

from kpi_bench import generated_database, hand_written
from shared import cli_env, timed

SEVEN = ("offered", "answered", "answer_rate", "abandon_rate", "service_level", "asa_s",
         "aht_s")

# The seven, by hand, for the generated data's settings (SL 20 s net, short abandons < 5 s).
HAND_WRITTEN = hand_written(SEVEN)

# The hand-written process: DuckDB, the query, its rows as CSV on stdout.
HAND_PROCESS = """
import csv, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
result = con.execute(sys.argv[2])
out = csv.writer(sys.stdout, lineterminator="\\n")
out.writerow([d[0] for d in result.description])
out.writerows(result.fetchall())
"""


def _values(text: str) -> list[list[float]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    return [[float(r[k]) if r[k] else math.nan for k in SEVEN] for r in rows]


def _same(a: list[list[float]], b: list[list[float]]) -> bool:
    return len(a) == len(b) and all(
        (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=1e-12)
        for ra, rb in zip(a, b, strict=True) for x, y in zip(ra, rb, strict=True))


def main() -> None:
    runs = 5
    if "--runs" in sys.argv:  # ours; the rest is generated_database's command line
        at = sys.argv.index("--runs")
        runs = int(sys.argv[at + 1])
        del sys.argv[at:at + 2]
    path, rows = generated_database(__doc__, "kpi-cli", rows=5_000_000)
    env = cli_env()
    cli = [sys.executable, "-m", "kpi.cli"]
    kpis = [*cli, "kpis", "--grain", "week", "--by", "provider,queue", "--db", str(path)]
    commands = {
        "cockpit kpis (seven)": [*kpis, "--kpi", ",".join(SEVEN)],
        "hand-written process": [sys.executable, "-c", HAND_PROCESS, str(path), HAND_WRITTEN],
        "cockpit kpis (full catalogue)": kpis,
        "cockpit --help": [*cli, "--help"],
        "cockpit kpis --help": [*cli, "kpis", "--help"],
    }
    outputs = {name: timed(command, env)[1] for name, command in commands.items()}  # warm
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command, env)[0])
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"contacts: {rows:,}; {runs} runs each, median (min–max)")
    for name, t in times.items():
        print(f"{name:32} {median[name]:.2f} s ({min(t):.2f}–{max(t):.2f})")
    hand = median["hand-written process"]
    print(f"ratio seven / hand-written:          {median['cockpit kpis (seven)'] / hand:.2f} "
          "(goal <= 1.3)")
    print(f"ratio full catalogue / hand-written: "
          f"{median['cockpit kpis (full catalogue)'] / hand:.2f} (goal <= 2)")
    identical = _same(_values(outputs["cockpit kpis (seven)"]),
                      _values(outputs["hand-written process"]))
    print(f"identical values (seven): {identical}")


if __name__ == "__main__":
    main()
