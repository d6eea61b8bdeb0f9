"""Periods: days, ISO weeks, months, quarters, halves and years, in one place.

A `Period` is a kind, a year and a number in that year (an ISO week's year is its ISO year:
2027-01-01 is in 2026-W53). Its code (`2026-W03`, `2026-01`, `2026-Q1`, `2026-H1`, `2026`,
`2026-01-15`) is what the command line takes, what `parse` reads and what packs and pages
name periods by; `display(lang)` is how a table shows it to people.

"Complete" is decided here too, from today and the last day the data reaches: a period is
complete when it is over and its data reaches close enough to its last day (a week its
Friday, a quarter or a half its last three days; a month once it is over). The rules take
`today` as an argument: the pilot's today comes from `kpi.clock`.

Pure calendar arithmetic: nothing here reads the database or the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kpi.errors import CockpitError, Joined, Msg

DAY, WEEK, MONTH, QUARTER, HALF, YEAR = "day", "week", "month", "quarter", "half", "year"
KINDS = (DAY, WEEK, MONTH, QUARTER, HALF, YEAR)
# Months in a period of each month-based kind.
MONTHS_IN = {MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12}
# How each kind is written, as error messages ask for it ("an ISO week like 2026-W03").
EXPECTED = {kind: Msg(f"period.expect.{kind}") for kind in KINDS}
# How close to its last day the data must reach for a period to count as complete, in days
# (None: it counts once it is over, whatever its data). A week must reach its Friday; a
# quarter or a half its last three days (a floor closed on the last days of a quarter still
# closes it); a month is decoded once it is over.
DATA_SLACK_DAYS = {DAY: 0, WEEK: 2, MONTH: None, QUARTER: 3, HALF: 3, YEAR: 3}
# The slack at either end of the data for a month to count as covered edge to edge.
COVERED_SLACK_DAYS = 3
# How a day is shown, per language (kpi.i18n.format_date writes the same).
DAY_FORMAT = {"fr": "%d/%m/%Y", "en": "%Y-%m-%d"}
MONTH_FORMAT = {"fr": "%m/%Y", "en": "%Y-%m"}

_WEEK = re.compile(r"\s*(\d{4})-W(\d{1,2})\s*", re.IGNORECASE)
_PART = re.compile(r"\s*(\d{4})-([QH])(\d{1,2})\s*", re.IGNORECASE)
_MONTH = re.compile(r"\s*(\d{4})-(\d{2})\s*")
_YEAR = re.compile(r"\s*(\d{4})\s*")


class InvalidPeriod(CockpitError, ValueError):
    """A period written in a way Cockpit cannot read (a ValueError, as parsing errors are)."""


@dataclass(frozen=True)
class Period:
    """One period: `number` is the day of the year, the ISO week, the month (1-12), the
    quarter (1-4), the half (1-2), or 1 for a year."""

    kind: str
    year: int
    number: int

    def __post_init__(self):
        if self.kind not in KINDS:
            raise _unknown_kind(self.kind)
        if not 1 <= self.number <= _count(self.kind, self.year):
            raise InvalidPeriod(key="period.none", year=self.year,
                                kind=Msg(f"period.kind.{self.kind}"), number=self.number)

    @classmethod
    def of(cls, day: date, kind: str) -> Period:
        """The period of this kind that holds `day`."""
        day = as_date(day)
        if kind == DAY:
            return cls(DAY, day.year, day.timetuple().tm_yday)
        if kind == WEEK:
            year, week, _ = day.isocalendar()
            return cls(WEEK, year, week)
        if kind not in MONTHS_IN:
            raise _unknown_kind(kind)
        return cls(kind, day.year, (day.month - 1) // MONTHS_IN[kind] + 1)

    @property
    def months(self) -> int:
        """Months in the period (month-based kinds only)."""
        if self.kind not in MONTHS_IN:
            raise InvalidPeriod(key="period.not_months", kind=Msg(f"period.kind.{self.kind}"))
        return MONTHS_IN[self.kind]

    @property
    def start(self) -> date:
        """The first day (a week's Monday)."""
        if self.kind == DAY:
            return date(self.year, 1, 1) + timedelta(days=self.number - 1)
        if self.kind == WEEK:
            return date.fromisocalendar(self.year, self.number, 1)
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        """The last day (included; a week's Sunday)."""
        if self.kind == DAY:
            return self.start
        if self.kind == WEEK:
            return self.start + timedelta(days=6)
        return self.shifted(1).start - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """The period's code: 2026-01-15, 2026-W03, 2026-01, 2026-Q1, 2026-H1, 2026."""
        if self.kind == DAY:
            return f"{self.start:%Y-%m-%d}"
        if self.kind == WEEK:
            return f"{self.year}-W{self.number:02d}"
        if self.kind == MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind == YEAR:
            return f"{self.year}"
        return f"{self.year}-{'Q' if self.kind == QUARTER else 'H'}{self.number}"

    def display(self, lang: str = "en") -> str:
        """As tables show it: a day and a month in the language's order (18/03/2026,
        03/2026 in French), the other kinds by their code."""
        if self.kind == DAY:
            return self.start.strftime(DAY_FORMAT.get(lang, DAY_FORMAT["en"]))
        if self.kind == MONTH:
            return self.start.strftime(MONTH_FORMAT.get(lang, MONTH_FORMAT["en"]))
        return self.label

    def span(self, lang: str = "en") -> str:
        """The code and its first and last days: '2026-W03 (2026-01-12 → 2026-01-18)'."""
        first, last = (Period.of(d, DAY).display(lang) for d in (self.start, self.end))
        return f"{self.label} ({first} → {last})"

    def shifted(self, steps: int) -> Period:
        """The period `steps` periods of the same kind later (earlier when negative)."""
        if self.kind == DAY:
            return Period.of(self.start + timedelta(days=steps), DAY)
        if self.kind == WEEK:
            return Period.of(self.start + timedelta(weeks=steps), WEEK)
        per_year = 12 // self.months
        index = self.year * per_year + self.number - 1 + steps
        return Period(self.kind, index // per_year, index % per_year + 1)

    def month_starts(self) -> list[date]:
        """The first day of each of its months (month-based kinds)."""
        first = Period.of(self.start, MONTH)
        return [first.shifted(i).start for i in range(self.months)]

    def __contains__(self, day: date) -> bool:
        return self.start <= as_date(day) <= self.end


def _count(kind: str, year: int) -> int:
    """How many periods of a kind a year has (52 or 53 ISO weeks)."""
    if kind == DAY:
        return 366 if date(year, 12, 31).timetuple().tm_yday == 366 else 365
    if kind == WEEK:
        return date(year, 12, 28).isocalendar()[1]  # 28 December is always in the last week
    return 12 // MONTHS_IN[kind]


def parse(text: str, kinds: str | Iterable[str] = KINDS) -> Period:
    """A period from its code, of one of `kinds`: '2026-W03', '2026-01', '2026-Q1', '2026-H1',
    '2026', or a date ('2026-01-15', any ISO 8601 date). The letters may be lower case.
    Anything else is an InvalidPeriod naming what was expected."""
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    found = _read(str(text), kinds)
    if found is None:
        raise InvalidPeriod(key="period.expected", found=repr(text),
                            expected=Joined(" or ", [EXPECTED[k] for k in kinds]))
    return found


def _unknown_kind(kind: str) -> InvalidPeriod:
    return InvalidPeriod(key="period.unknown_kind", kind=repr(kind), known=", ".join(KINDS))


def _read(text: str, kinds: tuple[str, ...]) -> Period | None:
    try:
        if (match := _WEEK.fullmatch(text)) and WEEK in kinds:
            return Period(WEEK, int(match[1]), int(match[2]))
        if (match := _PART.fullmatch(text)) and (kind := QUARTER if match[2].upper() == "Q"
                                                 else HALF) in kinds:
            return Period(kind, int(match[1]), int(match[3]))
        if (match := _MONTH.fullmatch(text)) and MONTH in kinds:
            return Period(MONTH, int(match[1]), int(match[2]))
        if (match := _YEAR.fullmatch(text)) and YEAR in kinds:
            return Period(YEAR, int(match[1]), 1)
        if DAY in kinds:
            return Period.of(date.fromisoformat(text), DAY)
    except ValueError:  # InvalidPeriod too: out of range
        return None
    return None


def as_date(value) -> date:
    """A day from a date, a datetime, a pandas Timestamp or an ISO string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    # A numpy datetime64 or an ISO string (pandas' Timestamp is a datetime, above): its day
    # is its first ten characters; parsed without pandas, which the command line avoids.
    return date.fromisoformat(str(value)[:10])


def monday(day: date) -> date:
    """The Monday of the ISO week of `day`."""
    return day - timedelta(days=day.weekday())


def month_start(value) -> date:
    """The first day of the month of `value` (a date, a Timestamp, a string)."""
    return as_date(value).replace(day=1)


def month_end(value) -> date:
    """The last day of the month of `value`."""
    return Period.of(as_date(value), MONTH).end


def is_over(period: Period, today: date) -> bool:
    """Its last day is before today."""
    return period.end < today


def reaches(period: Period, last_day: date | None) -> bool:
    """The data (up to `last_day`) reaches close enough to the period's end to close it."""
    slack = DATA_SLACK_DAYS[period.kind]
    if slack is None:
        return True
    return last_day is not None and last_day >= period.end - timedelta(days=slack)


def is_complete(period: Period, today: date, last_day: date | None = None) -> bool:
    """Over, and its data (up to `last_day`) reaches its end as the kind asks."""
    return is_over(period, today) and reaches(period, last_day)


def complete(periods: Iterable[Period], today: date, last_day: date | None = None
             ) -> list[Period]:
    """The complete ones among `periods`, oldest first."""
    return sorted((p for p in set(periods) if is_complete(p, today, last_day)),
                  key=lambda p: p.start)


def latest_complete(periods: Iterable[Period], today: date, last_day: date | None = None
                    ) -> Period | None:
    """The most recent complete period (None: none is)."""
    done = complete(periods, today, last_day)
    return done[-1] if done else None


def covered_months(first_day: date, last_day: date) -> tuple[date, date]:
    """The first and last months (their first days) that data from `first_day` to `last_day`
    covers edge to edge, with COVERED_SLACK_DAYS' slack at either end (for days the floor is
    closed). The first may come after the last when no month is covered."""
    first, last = Period.of(first_day, MONTH), Period.of(last_day, MONTH)
    if (first_day - first.start).days > COVERED_SLACK_DAYS:
        first = first.shifted(1)
    if (last.end - last_day).days > COVERED_SLACK_DAYS:
        last = last.shifted(-1)
    return first.start, last.start
