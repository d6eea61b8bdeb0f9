"""KPI engine benchmark on 10 M generated contacts.

Weekly KPIs by provider × queue through the engine, against one hand-written DuckDB GROUP BY
computing the same numbers. Prints, from one run: cold and warm times of both, their ratio
(goal: at most 1.3), whether the values are identical, and peak memory.

    python bench/kpi_bench.py [--rows 10000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np

from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compiled
from kpi.metrics.repeats import refresh_repeats
from kpi.store import Store

KPIS = ("offered", "answered", "abandoned", "answer_rate", "abandon_rate", "service_level",
        "asa_s", "aht_s", "acw_s", "transfer_rate", "traceability_rate", "csat_score", "nps",
        "conversion_rate", "sales_amount")

# The same numbers, written by hand for the defaults (SL 20 s net, short abandons < 5 s):
# each KPI's column of a hand-written GROUP BY (hand_written picks the ones a bench asks).
_ELIGIBLE = "count(*) FILTER (direction = 'inbound' AND NOT (answered_at IS NULL AND wait_s < 5))"
HAND_COLUMNS = {
    "offered": "count(*) FILTER (direction = 'inbound')",
    "answered": "count(*) FILTER (direction = 'inbound' AND answered_at IS NOT NULL)",
    "abandoned": "count(*) FILTER (direction = 'inbound' AND answered_at IS NULL)",
    "answer_rate": "count(*) FILTER (direction = 'inbound' AND answered_at IS NOT NULL) "
                   f"/ nullif({_ELIGIBLE}, 0)",
    "abandon_rate": "count(*) FILTER (direction = 'inbound' AND answered_at IS NULL "
                    f"AND NOT wait_s < 5) / nullif({_ELIGIBLE}, 0)",
    "service_level": "count(*) FILTER (direction = 'inbound' AND answered_at IS NOT NULL "
                     f"AND wait_s <= 20) / nullif({_ELIGIBLE}, 0)",
    "asa_s": "avg(wait_s) FILTER (direction = 'inbound' AND answered_at IS NOT NULL)",
    "aht_s": "avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0)) "
             "FILTER (answered_at IS NOT NULL)",
    "acw_s": "avg(coalesce(acw_s, 0)) FILTER (answered_at IS NOT NULL)",
    "transfer_rate": "count(*) FILTER (answered_at IS NOT NULL AND transferred) "
                     "/ nullif(count(*) FILTER (answered_at IS NOT NULL), 0)",
    "traceability_rate": "count(*) FILTER (answered_at IS NOT NULL AND contact_reason IS NOT "
                         "NULL) / nullif(count(*) FILTER (answered_at IS NOT NULL), 0)",
    "csat_score": "count(*) FILTER (csat >= 4) / nullif(count(csat), 0)",
    "nps": "100 * (count(*) FILTER (nps >= 9) - count(*) FILTER (nps <= 6)) "
           "/ nullif(count(nps), 0)",
    "conversion_rate": "count(*) FILTER (answered_at IS NOT NULL AND outcome = 'sale') "
                       "/ nullif(count(*) FILTER (answered_at IS NOT NULL), 0)",
    "sales_amount": "sum(sale_amount)",
}


def hand_written(kpis: tuple[str, ...]) -> str:
    """The weekly GROUP BY by provider and queue of these KPIs, as one would write it."""
    columns = "".join(f",\n  {HAND_COLUMNS[k]} AS {k}" for k in kpis)
    return (f"SELECT CAST(date_trunc('week', arrived_local) AS DATE) AS period_start, "
            f"provider, queue{columns}\nFROM contacts GROUP BY ALL ORDER BY ALL")


HAND_WRITTEN = hand_written(KPIS)


def generate(path: Path, rows: int, in_time_order: bool = False) -> None:
    """Three providers over a year from 2025-01-06. `in_time_order`: rows stored as weekly
    imports store them, week after week, each provider's export of the week in one block, in
    arrival order; else interleaved across the year."""
    spread = ("to_days(i % 364) + to_seconds((i * 7) % 43200)" if not in_time_order else
              f"to_seconds(CAST(i * (364 * 86400 // {max(rows, 1)}) AS BIGINT))")
    as_imported = ("\n            ORDER BY date_trunc('week', ts), 1 + i % 3, ts"
                   if in_time_order else "")
    with Store(path) as store:
        store.write(lambda cur: cur.execute(f"""
            INSERT INTO providers (name) VALUES ('P1'), ('P2'), ('P3');
            INSERT INTO contacts
            SELECT 1, 'P' || (1 + i % 3), 'C' || i, 'S' || (i % 5), 'Q' || (i % 4), 'voice',
                   CASE WHEN i % 50 = 0 THEN 'outbound' ELSE 'inbound' END,
                   ts::TIMESTAMPTZ, ts,
                   CASE WHEN i % 9 <> 0 THEN (ts + to_seconds(i % 60))::TIMESTAMPTZ END,
                   (ts + to_seconds(400))::TIMESTAMPTZ,
                   i % 60, CASE WHEN i % 9 <> 0 THEN 120 + i % 400 END, i % 30, 20 + i % 40,
                   'A' || (i % 500), i % 13 = 0,
                   CASE WHEN i % 5 <> 0 THEN 'R' || (i % 12) END,
                   CASE WHEN i % 17 = 0 THEN 'sale' ELSE 'resolved' END,
                   CASE WHEN i % 17 = 0 THEN 50 + i % 200 END, 'K' || (i % 900000),
                   CASE WHEN i % 7 = 0 THEN 1 + i % 5 END,
                   CASE WHEN i % 11 = 0 THEN i % 11 END
            FROM (SELECT i, TIMESTAMP '2025-01-06 08:00:00' + {spread} AS ts
                  FROM range({rows}) t(i)){as_imported}"""))
        # Written past the importer: its repeat contacts are computed here, once.
        store.write(refresh_repeats)


def run(path: Path, sql: str, params: list, repeats: int) -> tuple[float, float, object]:
    """Cold: the first run on a fresh connection; warm: the best of the next runs."""
    con = duckdb.connect(str(path), read_only=True)
    start = time.perf_counter()
    result = con.execute(sql, params).fetchnumpy()
    cold = time.perf_counter() - start
    warm = min(_timed(con, sql, params) for _ in range(repeats))
    con.close()
    return cold, warm, result


def _timed(con, sql, params) -> float:
    start = time.perf_counter()
    con.execute(sql, params).fetchall()
    return time.perf_counter() - start


def generated_database(doc: str, name: str, in_time_order: bool = False,
                       rows: int = 10_000_000) -> tuple[Path, int]:
    """The benchmark's database from its command line (--rows, --keep DIR to reuse it)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--rows", type=int, default=rows)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix=f"cockpit-{name}-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{'weekly_' if in_time_order else ''}contacts_{args.rows}.duckdb"
    if not path.exists():
        generate(path, args.rows, in_time_order)
    return path, args.rows


def main() -> None:
    path, rows = generated_database(__doc__, "kpi")
    # The SQL the engine runs for this request on this file (its sources, its settings
    # bound once when uniform), as compute_kpis sends it.
    with Store(path, read_only=True) as store:
        engine_sql, params = compiled(store, KpiRequest(KPIS, "week", by=("provider", "queue")))
    e_cold, e_warm, engine = run(path, engine_sql, params, 3)
    h_cold, h_warm, hand = run(path, HAND_WRITTEN, [], 3)
    identical = all(np.allclose(np.asarray(engine[k], dtype=float),
                                np.asarray(hand[k], dtype=float), equal_nan=True, rtol=1e-12)
                    for k in KPIS)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"contacts: {rows:,}; result rows: {len(engine['offered'])}")
    print(f"engine:       cold {e_cold:.3f} s, warm {e_warm:.3f} s")
    print(f"hand-written: cold {h_cold:.3f} s, warm {h_warm:.3f} s")
    print(f"ratio engine / hand-written: cold {e_cold / h_cold:.2f}, warm "
          f"{e_warm / h_warm:.2f} (goal <= 1.3)")
    print(f"identical values: {identical}")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
