"""A provider's wall-clock times as instants, at the speed of an import.

Exports write local wall-clock times; the stored instants are those times read in the
provider's zone (`utc_instant(tz, local)` in every kind's derive_sql, kpi/ingest/canonical.py).
DuckDB's `timezone(tz, local)` asks ICU for each value: three calls per contact were a tenth
of a 2 M-row import's one INSERT. Between two changes of a zone's offset, the instant is the
local time minus that offset, which is integer arithmetic.

So the one-pass import (kpi/ingest/onepass.py) asks ICU once per hour around a time typical
of the file's sample, keeps the spans of whole hours over which the offset ICU gives stays the same,
and reads a time inside a span by subtraction; every other time (the hours around a change,
times far from the sample) still goes to ICU. The reference path keeps ICU for every value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

# How far around the sample's typical time the spans reach: a year's history imported in one
# file starts with its first days. Bounded, so that the spans stay a few (each is one more
# test per time read).
MARGIN = timedelta(days=400)
_HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Span:
    """Local wall-clock times [start, end) whose instant is the time minus `offset_us`."""

    start: datetime
    end: datetime
    offset_us: int


def fixed_offset_spans(cur: duckdb.DuckDBPyConnection, zone: str, around: datetime
                       ) -> list[Span]:
    """The spans of whole hours, from `around - MARGIN` to `around + MARGIN`, over which ICU
    gives the zone one offset: a few per year where a zone keeps summer time. An hour is
    kept only when the next hour starts with the same offset: a change inside it (at any
    minute) leaves it to ICU, as do the hours a change skips or repeats."""
    start = (around - MARGIN).replace(minute=0, second=0, microsecond=0)
    hours = cur.execute(
        "SELECT h, epoch_us(h) - epoch_us(timezone(?, h)) FROM generate_series("
        "CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), INTERVAL 1 HOUR) AS t(h) ORDER BY h",
        [zone, start, around + MARGIN]).fetchall()
    spans: list[Span] = []
    for (hour, offset), (_next, next_offset) in zip(hours, hours[1:], strict=False):
        if offset != next_offset:
            continue
        if spans and spans[-1].end == hour and spans[-1].offset_us == offset:
            spans[-1] = Span(spans[-1].start, hour + _HOUR, offset)
        else:
            spans.append(Span(hour, hour + _HOUR, offset))
    return spans


def define_utc_instant(cur: duckdb.DuckDBPyConnection, spans: Sequence[Span] = ()) -> None:
    """(Re)define the temporary macro `utc_instant(tz, local)` the derive SQL calls: ICU's
    `timezone` alone, or arithmetic inside `spans` (which must be `tz`'s: the one-pass path
    reads one zone per file). The macro repeats `local`: callers pass a column."""
    whens = " ".join(
        f"WHEN local >= TIMESTAMP '{s.start.isoformat(sep=' ')}' "
        f"AND local < TIMESTAMP '{s.end.isoformat(sep=' ')}' "
        f"THEN make_timestamptz(epoch_us(local) - {int(s.offset_us)})"
        for s in spans)  # our own figures, from ICU: no file's text
    body = f"CASE {whens} ELSE timezone(tz, local) END" if whens else "timezone(tz, local)"
    cur.execute(f"CREATE OR REPLACE TEMP MACRO utc_instant(tz, local) AS {body}")
