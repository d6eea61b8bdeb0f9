"""The pilot's clock: what "today" and "now" mean to Cockpit, in one place.

Everything that means the pilot's today (the last complete week, overdue actions, a late
payment, the day a note is dated, the wallboard's "now", the demo's floors) asks `today()`
or `now()` here. Timestamps that record when something happened on the machine (saved_at,
changed_at, log lines, the inbox's archive folders) keep the machine's real time.

The clock can be frozen, for a whole process or a block of code:
- the environment variable COCKPIT_TODAY, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (read at each
  call, so a subprocess inherits it: `COCKPIT_TODAY=2031-02-12 cockpit app`);
- `with frozen(date(2031, 2, 12)):` (or a datetime, or the same text), which wins over the
  variable. It is process-wide, not per thread, so the pages an AppTest runs in its own
  thread see it too.
A day alone freezes the date and lets the time of day run (a wallboard and the demo feed
keep moving through that day); a day and a time freeze both. The frozen reading is the
wall clock in whatever zone `now(tz)` asks for: at `2026-03-18T14:30` it is 14:30 on the
server and on every provider's floor.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, tzinfo

ENV = "COCKPIT_TODAY"

_frozen: list[date | datetime] = []  # the innermost frozen() last


def parse_frozen(text: str) -> date | datetime:
    """`YYYY-MM-DD` (a day) or `YYYY-MM-DDTHH:MM[:SS]` (a day and a time; a space may stand
    for the T)."""
    value = text.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None and ("T" in value or " " in value):
            return moment.replace(microsecond=0)
    except ValueError:
        pass
    raise ValueError(f"{ENV}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, found {text!r}")


def frozen_at() -> date | datetime | None:
    """What the clock is frozen at (a day, or a day and a time), or None: it runs."""
    if _frozen:
        return _frozen[-1]
    text = os.environ.get(ENV, "").strip()
    return parse_frozen(text) if text else None


def now(tz: tzinfo | None = None) -> datetime:
    """The pilot's now: naive local time without `tz`, aware in `tz` with it (as
    datetime.now), unless the clock is frozen."""
    real = datetime.now(tz)
    fixed = frozen_at()
    if fixed is None:
        return real
    if isinstance(fixed, datetime):
        return fixed.replace(tzinfo=tz)
    return datetime.combine(fixed, real.timetz() if tz else real.time())


def today() -> date:
    """The pilot's today."""
    fixed = frozen_at()
    if fixed is None:
        return date.today()
    return fixed.date() if isinstance(fixed, datetime) else fixed


@contextmanager
def frozen(when: date | datetime | str) -> Iterator[date | datetime]:
    """Freeze the clock at `when` (a date, a naive datetime, or COCKPIT_TODAY's text) for
    the block, in this whole process."""
    if isinstance(when, str):
        when = parse_frozen(when)
    elif isinstance(when, datetime):
        if when.tzinfo is not None:
            raise ValueError("freeze the clock at a naive wall-clock time")
    elif not isinstance(when, date):
        raise TypeError(f"freeze the clock at a date or a datetime, not {when!r}")
    _frozen.append(when)
    try:
        yield when
    finally:
        _frozen.pop()


def frozen_text(when: date | datetime) -> str:
    """`when` as COCKPIT_TODAY writes it (to hand a frozen clock to a subprocess)."""
    return when.strftime("%Y-%m-%dT%H:%M:%S") if isinstance(when, datetime) \
        else when.isoformat()
