"""The committees and the KPI explorer as the app serves them: cold, then from its cache.

On generated contacts (10 M by default, three providers over a year: kpi_bench's generator,
stored in arrival order as weekly imports store them),
for provider P1 and its last complete week, month and quarter (the clock frozen a few days
after the data end), each page's compute through app_pages/cache.py as the page calls it:
cold (the first call in this process: the compute and, for a committee, its pack with its
charts) and warm (the median of the next calls, the data unchanged: read from the cache).
Then, outside the cache, the compute alone and the pack alone, and after one write
(the data version bumped) the committee again: recomputed. The CPU time of the cold call
(DuckDB's threads included) is printed beside it: the machine is shared. The first cold call
of the process also pays one-time costs (plotly's first figures, the file's first reads), so
the cache is then emptied and the page computed cold again REPEATS times, as after an import
in a running app: the median wall and CPU of those ("cold again"). Peak memory last.

st.cache_data runs here in Streamlit's bare mode (no script run), as in the app's process
but without the browser: the cache and its key are the app's own.

    python bench/page_cache_bench.py [--rows 10000000] [--keep DIR]
"""

from __future__ import annotations

import logging
import resource
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

from kpi_bench import generated_database

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's app_pages

from app_pages import cache  # noqa: E402
from kpi import clock  # noqa: E402
from kpi.metrics.compile import KpiRequest  # noqa: E402
from kpi.metrics.engine import compute_kpis  # noqa: E402
from kpi.periods import MONTH, Period, latest_complete  # noqa: E402
from kpi.reports.packs import production_pack, steering_pack, strategic_pack  # noqa: E402
from kpi.reports.production import complete_weeks, production_committee  # noqa: E402
from kpi.reports.steering import months_with_data, steering_committee  # noqa: E402
from kpi.reports.strategic import complete_periods, strategic_committee  # noqa: E402
from kpi.store import Store  # noqa: E402

TODAY = datetime(2026, 1, 7, 10, 0)  # the generated year runs from 2025-01-06 to 2026-01-04
PROVIDER = "P1"
WARM_RUNS = 7
REPEATS = 3  # cold again, the cache emptied: the median of these


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _cpu(fn) -> tuple[float, float]:
    """Wall and CPU time (every thread of this process) of one call."""
    cpu = time.process_time()
    wall, _ = _timed(fn)
    return wall, time.process_time() - cpu


def main() -> None:
    import streamlit  # noqa: F401  (its loggers, to quiet bare mode's warnings)

    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)
    path, rows = generated_database(__doc__, "page-cache", in_time_order=True)
    with clock.frozen(TODAY), Store(path) as db:
        providers = [p for (p,) in db.rows("SELECT name FROM providers ORDER BY name")[1]]
        week = complete_weeks(db, PROVIDER)[-1]
        months = months_with_data(db, PROVIDER)
        month = latest_complete([Period.of(m, MONTH) for m in months], clock.today()).start
        quarter = complete_periods(db, "quarter", providers)[-1]
        request = KpiRequest(("service_level", "answer_rate", "asa_s"), "week", ("provider",),
                             date(2025, 10, 6), date(2026, 1, 4), {}, coverage=True)
        pages = {
            f"production committee ({PROVIDER}, week of {week})": (
                lambda: cache.committee_and_pack(production_committee, production_pack, db,
                                                 PROVIDER, week),
                lambda: production_committee(db, PROVIDER, week), production_pack),
            f"steering committee ({PROVIDER}, {month:%Y-%m})": (
                lambda: cache.committee_and_pack(steering_committee, steering_pack, db,
                                                 PROVIDER, month),
                lambda: steering_committee(db, PROVIDER, month), steering_pack),
            f"strategic committee ({', '.join(providers)}, {quarter.label})": (
                lambda: cache.committee_and_pack(strategic_committee, strategic_pack, db,
                                                 quarter, providers),
                lambda: strategic_committee(db, quarter, providers), strategic_pack),
            "KPI explorer (3 KPIs, weekly by provider, 13 weeks)": (
                lambda: cache.cached(compute_kpis, db, request),
                lambda: compute_kpis(db, request), None),
        }
        print(f"contacts: {rows:,}; clock frozen on {TODAY:%Y-%m-%d}; "
              f"warm = median of {WARM_RUNS} cached calls")
        print(f"{'page':58} {'cold':>6} {'(CPU)':>7} {'again':>6} {'(CPU)':>7} {'warm':>8} "
              f"{'ratio':>6} {'compute':>8} {'pack':>6} {'after a write':>13}")
        for name, (through_cache, compute, pack) in pages.items():
            cold, cold_cpu = _cpu(through_cache)
            warm = statistics.median(_timed(through_cache)[0] for _ in range(WARM_RUNS))
            again = []
            for _ in range(REPEATS):
                cache.clear()
                again.append(_cpu(through_cache))
            again_wall = statistics.median(w for w, _ in again)
            again_cpu = statistics.median(c for _, c in again)
            alone, result = _timed(compute)
            packed = _timed(lambda: pack(result, "en"))[0] if pack else 0.0  # noqa: B023
            computes = sum(cache.computed.values())
            db.write(lambda cur: cur.execute("UPDATE app_settings SET value = value "
                                             "WHERE false"))  # a write: the version moves
            after, _ = _timed(through_cache)
            assert sum(cache.computed.values()) == computes + 1, "not recomputed"
            print(f"{name:58} {cold:5.2f}s {cold_cpu:6.2f}s {again_wall:5.2f}s {again_cpu:6.2f}s "
                  f"{warm * 1000:6.1f}ms "
                  f"{cold / warm:6.0f} {alone:7.2f}s {packed:5.2f}s {after:12.2f}s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"peak memory: {peak:.1f} GB")


if __name__ == "__main__":
    main()
