"""SQL over instants that the import and the KPIs share."""

from __future__ import annotations


def seconds_between(later: str, earlier: str) -> str:
    """SQL of the seconds from `earlier` to `later` (two TIMESTAMP or two TIMESTAMPTZ
    expressions), as a DOUBLE. The same value as `epoch(later - earlier)`, without the
    INTERVAL in between: building and reading one was two thirds of the repeat window over
    2 M contacts."""
    return f"((epoch_us({later}) - epoch_us({earlier})) / 1e6)"
