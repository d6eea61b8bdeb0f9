"""Wallboard refresh benchmark on 10 M contacts (a year of three providers).

One board refresh (the floor's snapshots, today's KPIs by queue through the engine, the
freshness, the targets and the forecast) for one provider, against a hand-written DuckDB
query of today's counts alone. Prints, from one run: the refresh's warm time (goal: under
100 ms), the hand-written query's, and their ratio. Contacts are stored in arrival order, as
exports imported week after week are.

    python bench/wallboard_bench.py [--rows 10000000] [--keep DIR]
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from kpi_bench import generated_database

from kpi.live.board import board_state
from kpi.store import Store

HAND_WRITTEN = """
SELECT queue, count(*) AS offered, count(answered_at) AS answered,
       avg(wait_s) FILTER (answered_at IS NOT NULL) AS asa_s
FROM contacts WHERE provider = 'P1' AND direction = 'inbound'
  AND arrived_local >= ? AND arrived_local < ?
GROUP BY queue"""


def best_of(repeats: int, run) -> tuple[float, float]:
    """(first, best of the next `repeats`) in seconds."""
    start = time.perf_counter()
    run()
    first = time.perf_counter() - start
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return first, min(times)


def main() -> None:
    path, rows = generated_database(__doc__, "wallboard", in_time_order=True)
    with Store(path) as store:
        last = store.scalar("SELECT max(arrived_local) FROM contacts")
        day = last.date()
        store.write(lambda cur: cur.execute(
            """INSERT INTO snapshots SELECT 1, 'P1', ts::TIMESTAMPTZ, ts, 'Q' || q, 3, 40, 8,
                      2, 1
               FROM range(4) r(q), (SELECT ? + to_minutes(m * 5) AS ts FROM range(96) t(m))""",
            [datetime.combine(day, datetime.min.time())]))
        now = last.replace(tzinfo=UTC)
        today = store.scalar("SELECT count(*) FROM contacts WHERE provider = 'P1' AND "
                             "direction = 'inbound' AND CAST(arrived_local AS DATE) = ?", [day])
        board_first, board_warm = best_of(5, lambda: board_state(store, "P1", now=now))
        hand_first, hand_warm = best_of(5, lambda: store.read(
            HAND_WRITTEN, [day, datetime.combine(day, datetime.min.time()).replace(
                hour=23, minute=59, second=59)]))
        state = board_state(store, "P1", now=now)
    assert state.totals["offered"] == today, (state.totals["offered"], today)
    print(f"contacts: {rows:,}; today's contacts of the board's provider: {today:,}")
    print(f"board refresh: first {board_first * 1000:.0f} ms, warm {board_warm * 1000:.0f} ms "
          f"(goal < 100 ms)")
    print(f"hand-written today's counts: first {hand_first * 1000:.0f} ms, warm "
          f"{hand_warm * 1000:.0f} ms")
    print(f"ratio board refresh / hand-written query: {board_warm / hand_warm:.1f} (the board "
          "also reads snapshots, targets, forecast and freshness)")


if __name__ == "__main__":
    main()
