"""SQL expressions that turn the raw text of an export into typed values.

Every importer goes through these, so "what a duration looks like" is decided once. Each
builder takes the SQL of a text column and returns the SQL of the typed value, NULL when
the text cannot be read; the importer reports the NULLs of non-empty text as problems.
Only column names we generate ourselves are interpolated; values from files never are.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpi.errors import Msg

TIMESTAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%y%m%d")

TRUE_WORDS = ("1", "true", "vrai", "yes", "y", "oui", "o", "x")
FALSE_WORDS = ("0", "false", "faux", "no", "n", "non")


@dataclass(frozen=True)
class FieldType:
    """A canonical type: how to read it from text, and how to say what was expected (a
    catalogue text: English as the command line has always said it, French on the pages)."""

    name: str
    expected: Msg


TEXT = FieldType("text", Msg("expect.text"))
NUMBER = FieldType("number", Msg("expect.number"))
DURATION = FieldType("duration", Msg("expect.duration"))
BOOL = FieldType("bool", Msg("expect.bool"))
TIMESTAMP = FieldType("timestamp", Msg("expect.timestamp"))
DATE = FieldType("date", Msg("expect.date"))
TIME = FieldType("time", Msg("expect.time"))
PERCENT = FieldType("percent", Msg("expect.percent"))
PERIOD = FieldType("period", Msg("expect.period"))


def _str_list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join("'" + s + "'" for s in items) + "]"


def text_sql(col: str) -> str:
    return f"nullif(trim({col}), '')"


def number_sql(col: str) -> str:
    # French exports write 1 234,5 (space or no-break space for thousands, comma for
    # decimals); English ones 1,234.5. A comma is a decimal mark only when there is no dot.
    # Plain numbers take the fast cast; only the others pay for the clean-up. inf and nan
    # are not numbers an export means.
    v = f"replace(replace(replace(trim({col}), ' ', ''), chr(160), ''), chr(8239), '')"
    tolerant = (
        f"try_cast(CASE WHEN contains({v}, '.') THEN replace({v}, ',', '') "
        f"ELSE replace({v}, ',', '.') END AS DOUBLE)"
    )
    return (f"(CASE WHEN trim({col}) = '' OR regexp_matches(trim({col}), "
            f"'^[+-]?(inf|nan|infinity)$', 'i') "
            f"THEN NULL ELSE coalesce(try_cast(trim({col}) AS DOUBLE), {tolerant}) END)")


# The longest duration read (about 317 years): beyond it a value is not a duration, and
# a timestamp plus it would overflow.
MAX_DURATION_S = 1e10


def duration_sql(col: str) -> str:
    """Seconds from '75', '75,5', '1:15', '0:01:15' or '01:01:15'.

    Hours and minutes are read as 64-bit integers and summed as DOUBLE, so '600000:00:00'
    is 2.16e9 seconds, not a 32-bit overflow; a value beyond MAX_DURATION_S is unreadable.
    """
    v = f"trim({col})"
    parts = f"string_split({v}, ':')"

    def whole(i: int) -> str:
        return f"CAST(try_cast({parts}[{i}] AS BIGINT) AS DOUBLE)"

    clock = (
        f"CASE len({parts}) "
        f"WHEN 3 THEN {whole(1)} * 3600 + {whole(2)} * 60"
        f" + try_cast(replace({parts}[3], ',', '.') AS DOUBLE) "
        f"WHEN 2 THEN {whole(1)} * 60"
        f" + try_cast(replace({parts}[2], ',', '.') AS DOUBLE) END"
    )
    value = f"(CASE WHEN contains({v}, ':') THEN {clock} ELSE {number_sql(col)} END)"
    return f"(CASE WHEN abs({value}) < {MAX_DURATION_S:.0f} THEN {value} END)"


def _bare_percent_sql(col: str) -> str:
    return number_sql(f"replace({col}, '%', '')")


def percent_sql(col: str) -> str:
    """A rate as a fraction, its scale read from the whole column: '94.01%' and '94,01 %'
    are 0.9401; bare numbers are percent points when any bare number of the column is
    above 1 (8.7 is 0.087), else fractions already (0.087)."""
    bare = _bare_percent_sql(col)
    points = (f"max(CASE WHEN NOT contains({col}, '%') THEN {bare} END) OVER () > 1")
    return (f"(CASE WHEN contains({col}, '%') THEN {bare} / 100 "
            f"WHEN {points} THEN {bare} / 100 ELSE {bare} END)")


# How a rate column was read: catalogue keys "note.scale.<code>" say it in words.
RATE_SCALES = ("percent_sign", "percent_and_points", "points", "percent_and_fractions",
               "fractions")


def percent_scale_sql(col: str) -> str:
    """How a rate column was read, as one of RATE_SCALES (one value over the whole column)."""
    bare = _bare_percent_sql(col)
    signed = f"count(*) FILTER (WHERE contains({col}, '%'))"
    plain = f"count({bare}) FILTER (WHERE NOT contains({col}, '%'))"
    return (f"CASE WHEN {plain} = 0 AND {signed} = 0 THEN NULL "
            f"WHEN {plain} = 0 THEN 'percent_sign' "
            f"WHEN max({bare}) FILTER (WHERE NOT contains({col}, '%')) > 1 THEN "
            f"CASE WHEN {signed} > 0 THEN 'percent_and_points' ELSE 'points' END "
            f"WHEN {signed} > 0 THEN 'percent_and_fractions' "
            f"ELSE 'fractions' END")


# Month names as providers write them, accents folded, a trailing dot dropped.
MONTH_NAMES = {
    "jan": 1, "january": 1, "janv": 1, "janvier": 1,
    "feb": 2, "february": 2, "fev": 2, "fevr": 2, "fevrier": 2,
    "mar": 3, "march": 3, "mars": 3,
    "apr": 4, "april": 4, "avr": 4, "avril": 4,
    "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juin": 6,
    "jul": 7, "july": 7, "juil": 7, "juillet": 7,
    "aug": 8, "august": 8, "aou": 8, "aout": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9,
    "oct": 10, "october": 10, "octobre": 10,
    "nov": 11, "november": 11, "novembre": 11,
    "dec": 12, "december": 12, "decembre": 12,
}

_WEEK_YEAR_FIRST = r"^(\d{4})[ -]?(?:w|s|sem|semaine|week|wk)[ .]*(\d{1,2})$"
_WEEK_YEAR_LAST = r"^(?:w|s|sem|semaine|week|wk)[ .]*(\d{1,2})[ /,-]+(\d{4})$"
_MONTH_NAMED = r"^([a-z]+)\.?[ -]*(\d{4})$"
_MONTH_YEAR_FIRST = r"^(\d{4})[-/.](\d{1,2})$"
_MONTH_YEAR_LAST = r"^(\d{1,2})[-/.](\d{4})$"


def _group(v: str, pattern: str, i: int) -> str:
    return f"try_cast(regexp_extract({v}, '{pattern}', {i}) AS INTEGER)"


def _iso_week_start(year: str, week: str) -> str:
    """Monday of ISO week `week` of `year` (4 January is always in week 1)."""
    jan4 = f"make_date({year}, 1, 4)"
    return f"({jan4} - CAST(isodow({jan4}) - 1 AS INTEGER) + 7 * ({week} - 1))"


def _month_start(year: str, month: str) -> str:
    return f"(CASE WHEN {month} BETWEEN 1 AND 12 THEN make_date({year}, {month}, 1) END)"


def period_sql(col: str) -> str:
    """A period label as {'start': first day, 'next': the next period's first day}: a date
    (a day), an ISO week ('2026-W03', 'S03 2026', 'W03 2026') or a month ('Apr 2024',
    'avril 2024', 'avr. 2024', '2024-04', '04/2024'); NULL when it is none of these."""
    v = f"regexp_replace(strip_accents(lower(trim({col}))), '\\s+', ' ', 'g')"
    names = " ".join(f"WHEN '{name}' THEN {n}" for name, n in MONTH_NAMES.items())

    def week(pattern: str, y: int, w: int) -> str:
        year, number = _group(v, pattern, y), _group(v, pattern, w)
        start = _iso_week_start(year, number)
        # Week 53 exists only in some years: the Monday found must be in the week asked for.
        return (f"WHEN regexp_matches({v}, '{pattern}') THEN CASE WHEN {number} BETWEEN 1 "
                f"AND 53 AND isoyear({start}) = {year} AND week({start}) = {number} "
                f"THEN {{'start': {start}, 'next': {start} + 7}} END")

    def month(pattern: str, start: str) -> str:
        return (f"WHEN regexp_matches({v}, '{pattern}') THEN CASE WHEN {start} IS NOT NULL "
                f"THEN {{'start': {start}, 'next': CAST({start} + INTERVAL 1 MONTH AS DATE)}} "
                "END")

    named = _month_start(_group(v, _MONTH_NAMED, 2),
                         f"(CASE regexp_extract({v}, '{_MONTH_NAMED}', 1) {names} END)")
    day = date_sql(col)
    return (
        f"(CASE WHEN trim({col}) = '' THEN NULL "
        + week(_WEEK_YEAR_FIRST, 1, 2) + " " + week(_WEEK_YEAR_LAST, 2, 1) + " "
        + month(_MONTH_NAMED, named) + " "
        + month(_MONTH_YEAR_FIRST, _month_start(_group(v, _MONTH_YEAR_FIRST, 1),
                                                _group(v, _MONTH_YEAR_FIRST, 2))) + " "
        + month(_MONTH_YEAR_LAST, _month_start(_group(v, _MONTH_YEAR_LAST, 2),
                                               _group(v, _MONTH_YEAR_LAST, 1))) + " "
        + f"WHEN {day} IS NOT NULL THEN {{'start': {day}, 'next': {day} + 1}} END)"
    )


def bool_sql(col: str) -> str:
    v = f"lower(trim({col}))"
    return (
        f"(CASE WHEN {v} IN {tuple(TRUE_WORDS)} THEN true "
        f"WHEN {v} IN {tuple(FALSE_WORDS)} THEN false END)"
    )


def has_offset_sql(col: str) -> str:
    """Ends with Z, +01:00 or +0100 (cheap character tests: this runs on every row)."""
    v = f"trim({col})"
    return (f"(right({v}, 1) = 'Z' OR (substr({v}, -6, 1) IN ('+', '-') "
            f"AND substr({v}, -3, 1) = ':') OR (length({v}) > 16 "
            f"AND substr({v}, -5, 1) IN ('+', '-') AND substr({v}, -3, 1) <> ':'))")


# The days an export's dates may fall on. '02/03/26' read by a four-digit-year format is the
# year 26 (DuckDB's cast even reads it as 2 March 26... year 2): such a cell is refused as
# unreadable rather than stored in the first century.
PLAUSIBLE_FROM, PLAUSIBLE_UNTIL = "1900-01-02", "2200-01-01"


def plausible_sql(expr: str, sql_type: str) -> str:
    """`expr` (a TIMESTAMP or DATE) when it falls in the plausible days, else NULL; `expr`
    is evaluated once (nullif of greatest/least, not a CASE that would repeat it)."""
    low, high = f"{sql_type} '{PLAUSIBLE_FROM}'", f"{sql_type} '{PLAUSIBLE_UNTIL}'"
    return f"nullif(least(nullif(greatest({expr}, {low}), {low}), {high}), {high})"


def local_timestamp_sql(col: str, tz_sql: str) -> str:
    """The wall-clock time in the provider's zone: naive text as is, offset text converted.

    ISO text takes DuckDB's fast cast; a date alone is not a time, so the cast is tried
    only on text long enough to hold one (yyyy-mm-dd hh:mm); the rest goes to strptime.
    """
    v = f"trim({col})"
    return plausible_sql(
        f"(CASE WHEN {v} = '' THEN NULL "  # unanswered calls: skip the twelve formats
        f"WHEN {has_offset_sql(col)} THEN timezone({tz_sql}, try_cast({v} AS TIMESTAMPTZ)) "
        f"ELSE coalesce(CASE WHEN length({v}) >= 16 THEN try_cast({v} AS TIMESTAMP) END, "
        f"try_strptime({v}, {_str_list(TIMESTAMP_FORMATS)})) END)", "TIMESTAMP")


def date_sql(col: str) -> str:
    return plausible_sql(f"CAST(try_strptime(trim({col}), {_str_list(DATE_FORMATS)}) AS DATE)",
                         "DATE")


def time_sql(col: str) -> str:
    v = f"trim({col})"
    return f"coalesce(try_cast({v} AS TIME), CAST(try_strptime({v}, '%H:%M') AS TIME))"


PARSERS = {
    "text": text_sql,
    "number": number_sql,
    "duration": duration_sql,
    "bool": bool_sql,
    "date": date_sql,
    "time": time_sql,
    "percent": percent_sql,
    "period": period_sql,
}
