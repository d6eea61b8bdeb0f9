"""Local times read as instants by arithmetic (kpi/ingest/zones.py) against ICU's own reading.

Each zone is read every 7 min 13.5 s over two years, across its offset changes: the macro with
spans must give ICU's instant for every one of those times, and must give most of them by
its arithmetic (or the test would only compare ICU with itself)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from kpi.ingest import zones

from .test_one_pass import both

ZONES = [
    "Europe/Paris",  # summer time, changes on the hour
    "America/New_York",
    "Australia/Lord_Howe",  # a half-hour change at 02:00
    "Asia/Kolkata",  # +05:30 all year
    "America/Sao_Paulo",  # no summer time since 2019: one offset
    "Africa/Casablanca",  # summer time suspended each Ramadan
    "UTC",
]
FIRST, LAST = datetime(2025, 1, 1), datetime(2026, 12, 31)


@pytest.mark.parametrize("zone", ZONES)
def test_arithmetic_gives_icus_instant_at_every_time(tmp_path: Path, zone: str):
    con = duckdb.connect(str(tmp_path / "zones.duckdb"))
    spans = zones.fixed_offset_spans(con, zone, datetime(2025, 12, 31))
    zones.define_utc_instant(con, spans)
    con.execute("""CREATE TABLE t AS SELECT local FROM generate_series(
                       CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP),
                       INTERVAL 433500 MILLISECOND) AS s(local)""", [FIRST, LAST])
    differ, times = con.execute(
        "SELECT count(*) FILTER (WHERE utc_instant(?, local) IS DISTINCT FROM "
        "timezone(?, local)), count(*) FROM t", [zone, zone]).fetchone()
    assert times > 140_000
    assert differ == 0
    inside = sum(con.execute("SELECT count(*) FROM t WHERE local >= ? AND local < ?",
                             [s.start, s.end]).fetchone()[0] for s in spans)
    assert inside / times > 0.99  # read by the arithmetic, not by ICU
    # The spans touch nowhere: a time is in one span at most.
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_the_hours_around_a_change_are_left_to_icu(tmp_path: Path):
    con = duckdb.connect(str(tmp_path / "zones.duckdb"))
    spans = zones.fixed_offset_spans(con, "Europe/Paris", datetime(2026, 3, 15))

    def covered(t: datetime) -> bool:
        return any(s.start <= t < s.end for s in spans)

    # 29 March 2026: 02:00-03:00 does not exist in Paris; 1 h then 2 h ahead of UTC.
    assert covered(datetime(2026, 3, 29, 0, 59)) and covered(datetime(2026, 3, 29, 3, 0))
    assert not covered(datetime(2026, 3, 29, 2, 30))
    # Far from the sample, ICU reads: no span beyond the margin.
    assert not covered(datetime(2026, 3, 15) + zones.MARGIN + zones.MARGIN)


def test_an_export_across_both_changes_stores_what_the_reference_path_stores(tmp_path: Path,
                                                                            debug_log):
    """Contacts every 10 minutes through the nights summer time starts and ends, answered
    and ended on either side of the change; the sample (the first 1,000 rows) is a June day,
    so the nights of 2027-10 and 2028-03 are beyond the spans' reach (ICU reads them)."""
    lines = ["contact_id,provider,queue,arrived_at,answered_at,wait_s,talk_s"]
    lines += [f"june-{i},Acme,Q,2026-06-01 08:{i // 60 % 60:02d}:{i % 60:02d},,5,"
              for i in range(1100)]
    for day in ("2026-03-29", "2026-10-25", "2025-10-26", "2027-10-31", "2028-03-26"):
        for minute in range(0, 300, 10):
            arrived = f"{day} {minute // 60:02d}:{minute % 60:02d}:17"
            answered = f"{day} {minute // 60:02d}:{minute % 60:02d}:47"
            lines.append(f"{day}-{minute},Acme,Q,{arrived},{answered},30,{1500 + minute}")
    export = tmp_path / "dst.csv"
    export.write_text("\n".join(lines) + "\n")
    one, _ref = both(tmp_path, export, debug_log)  # the same rows as the reference path's
    assert one["one_pass"] and "stored" in one, one["log"]
    # 800 days around the sample's June: four changes of offset
    assert "5 spans of one UTC offset around 2026-06-01" in one["log"]
    # 29 March, 01:50 then 03:00 local: 00:50 and 01:00 UTC (the hour between is skipped).
    stored = one["stored"]["contacts"].set_index("contact_id")
    assert str(stored.loc["2026-03-29-110", "arrived_at"]) == "2026-03-29 00:50:17+00:00"
    assert str(stored.loc["2026-03-29-180", "arrived_at"]) == "2026-03-29 01:00:17+00:00"


def test_a_placeholder_year_in_the_sample_does_not_stretch_the_spans(tmp_path: Path, debug_log):
    """A tenth of the sampled rows dated 1975 (an old default in a CRM): the spans stay
    around the file's typical time, and those rows are still read by ICU, exactly."""
    lines = ["contact_id,provider,queue,arrived_at"]
    lines += [f"c{i},Acme,Q,{'1975' if i % 10 == 0 else '2026'}-06-01 08:00:{i % 60:02d}"
              for i in range(200)]
    export = tmp_path / "placeholder.csv"
    export.write_text("\n".join(lines) + "\n")
    one, _ref = both(tmp_path, export, debug_log)
    assert one["one_pass"], one["log"]
    # Around 2026, not 1975, and not the 100 spans of 1975-2026.
    assert "5 spans of one UTC offset around 2026-06-01" in one["log"]
    stored = one["stored"]["contacts"].set_index("contact_id")
    assert str(stored.loc["c10", "arrived_at"]) == "1975-06-01 07:00:10+00:00"  # CET, no DST
    assert str(stored.loc["c11", "arrived_at"]) == "2026-06-01 06:00:11+00:00"  # CEST
