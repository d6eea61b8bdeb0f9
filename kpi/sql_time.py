"""SQL over instants that the import and the KPIs share."""

from __future__ import annotations


def seconds_between(later: str, earlier: str) -> str:
    """SQL of the seconds from `earlier` to `later` (two TIMESTAMP or two TIMESTAMPTZ
    expressions), as a DOUBLE: the time elapsed between two instants, or between two local
    times read as written. For TIMESTAMPs, the value `epoch(later - earlier)` gives, without
    the INTERVAL in between (building and reading one was two thirds of the repeat window
    over 2 M contacts); for TIMESTAMPTZs, that INTERVAL is a difference of wall clocks in
    the session's time zone, an hour off across a change of its offset, where this is the
    elapsed time whatever the session's zone."""
    return f"((epoch_us({later}) - epoch_us({earlier})) / 1e6)"
