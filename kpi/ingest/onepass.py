"""The one-pass read of a delimited export: read, type, derive and check in one DuckDB scan.

The reference path (kpi/ingest/sources.py + importer) reads a file into an all-text table and
types every cell with the tolerant parsers of kpi/ingest/parse.py: exact, but it reads and
writes the file's text twice. Here each column's format is sniffed from a sample of the file
with those same parsers (timestamp format, decimal mark, plain-number durations), and
DuckDB's CSV reader types the columns itself, straight into the stored table.

A cell is typed natively only where DuckDB's reader and the tolerant parser agree on every
text the reader accepts (numbers, durations in seconds, timestamps in one of the plain
formats); any other column is read as text and typed with the tolerant parser inside the
same scan. What the reader cannot read it records in its rejects table; what the tolerant
parser would refuse, or a row check would flag, marks the row. Either sends the file back
to the reference path, which names the file, row, column and what was expected: a row's
fate is decided once, by the rules of the reference path.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime

from kpi.ingest.canonical import KindRules
from kpi.ingest.fields import KIND_FIELDS, REQUIRED
from kpi.ingest.parse import (
    DURATION,
    MAX_DURATION_S,
    NUMBER,
    PARSERS,
    PERCENT,
    PERIOD,
    PLAUSIBLE_FROM,
    PLAUSIBLE_UNTIL,
    TEXT,
    TIMESTAMP,
    TIMESTAMP_FORMATS,
    local_timestamp_sql,
)
from kpi.ingest.profiles import AliasProfile, Resolved
from kpi.ingest.sources import DelimitedLayout, Fingerprint

# Rows sampled after the header to choose each column's reading.
SAMPLE_ROWS = 1000
REJECTS_TABLE = "onepass_rejects"
REJECTS_SCAN = "onepass_scans"
# No line longer than this is read in one pass (see `max_line_bytes`): a few times below
# where DuckDB's reader starts skipping lines unrecorded (18 MB and more was seen), as a
# cp1252 line may triple in bytes once transcoded to UTF-8.
LONG_LINE_BYTES = 4 * 1024 * 1024
# Fractions of a second are left to the tolerant parser (rounding of long fractions).
NATIVE_TIMESTAMP_FORMATS = tuple(f for f in TIMESTAMP_FORMATS if "%f" not in f)
# DuckDB's cast reads '02/03/26 08:00:00' as year 2 where strptime reads year 26: outside
# the plausible days (kpi/ingest/parse.py) such a row goes to the reference path, which
# refuses it.
_SANE_TIMESTAMP = (f"(TIMESTAMP '{PLAUSIBLE_FROM}' <= {{c}} AND "
                   f"{{c}} < TIMESTAMP '{PLAUSIBLE_UNTIL}')")
# What fills a NOT NULL column of a row that is marked (never kept: see `insert_sql`).
_FILLERS = {"VARCHAR": "''", "TIMESTAMP": "TIMESTAMP 'epoch'",
            "TIMESTAMP WITH TIME ZONE": "TIMESTAMPTZ 'epoch'", "DOUBLE": "0",
            "INTEGER": "0", "BIGINT": "0", "BOOLEAN": "false", "DATE": "DATE 'epoch'"}
_SQL_TYPES = {"text": "VARCHAR", "number": "DOUBLE", "duration": "DOUBLE", "bool": "BOOLEAN",
              "timestamp": "TIMESTAMP", "date": "DATE", "time": "TIME"}


@dataclass
class Plan:
    """How the file's columns are read in the one pass."""

    columns: dict[str, str]  # c0…cN -> DuckDB type given to the CSV reader
    values: dict[str, str]  # canonical field -> SQL of its typed value over the cells
    timestamp_format: str
    decimal: str
    # SQL over the cells, true when every cell of the row reads as the reference reads it
    cells_ok: list[str] = field(default_factory=list)
    # (field, SQL of its text cell): a non-empty text the tolerant parser cannot read
    parsed: list[tuple[str, str]] = field(default_factory=list)
    # Whether `cells_ok` looks for line breaks in every text cell; if not, the file's own
    # line count tells whether any record spans lines (`spans_lines`).
    line_breaks_checked: bool = True
    # A local time typical of the sample (the median of its timestamp columns' medians).
    local_time: datetime | None = None


def eligible(resolved: Resolved) -> bool:
    """A header-mapped layout of a kind whose fields are read cell by cell (a declared
    report's rate scale and period labels are read from the whole column, its day numbers
    from the pilot's first day: the reference path reads those)."""
    if not isinstance(resolved.profile, AliasProfile) or resolved.prepare is not None:
        return False
    return not any(f.type in (PERCENT, PERIOD) for f in KIND_FIELDS[resolved.kind])


def positions(resolved: Resolved, headers: list[str]) -> dict[str, int]:
    """field -> index of the file's column that feeds it."""
    assert isinstance(resolved.profile, AliasProfile)
    return resolved.profile.match_headers(headers)


def load_sample(cur, layout: DelimitedLayout) -> int:
    """The sampled rows as the all-text temp table `onepass_sample` (c0…cN); their count."""
    # One list parameter, unnested: no frame (a CSV import does not load pandas).
    cur.execute("CREATE OR REPLACE TEMP TABLE onepass_sample AS SELECT "
                + ", ".join(f'row[{i + 1}] AS "c{i}"' for i in range(len(layout.headers)))
                + " FROM (SELECT unnest(CAST(? AS VARCHAR[][])) AS row)",
                [[[None if cell is None else str(cell) for cell in row]
                  for row in layout.sample]])
    return len(layout.sample)


def _v(col: str) -> str:
    return f"nullif(trim({col}), '')"


def _text(col: str, ascii_only: bool) -> str:
    """A text cell as `_v` reads it. In an all-ASCII file only ' ' can be trimmed, so a cell
    that neither starts nor ends with one is kept as it is: `trim` copies every cell, and
    was a fifth of the scan (LIKE tells a cell to trim a tenth faster than `starts_with`
    and `ends_with`)."""
    if not ascii_only:
        return _v(col)
    return (f"(CASE WHEN {col} LIKE ' %' OR {col} LIKE '% ' "
            f"THEN {_v(col)} ELSE nullif({col}, '') END)")


def plan(cur, resolved: Resolved, layout: DelimitedLayout, where: dict[str, int],
         zone: str, fp: Fingerprint) -> Plan:
    """Each column's reading, from the sample in `onepass_sample` (see `load_sample`), and
    what the file's bytes (`fp`) spare checking cell by cell."""
    kinds = {f.name: f.type for f in KIND_FIELDS[resolved.kind]}
    present = {name: f"c{i}" for name, i in where.items()}
    numeric = [n for n in present if kinds[n] in (NUMBER, DURATION)]
    stamps = [n for n in present if kinds[n] is TIMESTAMP]
    # Each sampled cell trimmed (v_…) and, for a timestamp, read by the tolerant parser
    # (t_…) once, in a subquery: the probes compare those.
    inner = [f"{_v(present[n])} AS \"v_{n}\"" for n in (*numeric, *stamps)]
    inner += [f"{local_timestamp_sql(present[n], 'CAST($tz AS VARCHAR)')} AS \"t_{n}\""
              for n in stamps]
    probes: list[str] = []
    for name in numeric:
        v = f'"v_{name}"'
        probes += [
            f"bool_and({v} IS NULL OR (try_cast({v} AS DOUBLE) IS NOT NULL "
            f"AND NOT contains({v}, ',')))",
            f"bool_and({v} IS NULL OR (try_cast(replace({v}, ',', '.') AS DOUBLE) IS NOT NULL "
            f"AND NOT contains({v}, '.')))",
            f"coalesce(bool_or(contains({v}, ',')), false)",
            f"coalesce(bool_or(contains({v}, ':')), false)",
        ]
    # Formats worth probing: those that read a column's first sampled value (strptime is
    # the costly part of the probes).
    formats = _candidate_formats(cur, layout, [where[n] for n in stamps])
    for name in stamps:
        v, tolerant = f'"v_{name}"', f'"t_{name}"'
        probes.append(f"count({v})")
        for fmt in formats:
            native = f"try_strptime({v}, '{fmt}')"
            probes.append(f"coalesce(bool_and({v} IS NULL OR ({native} = {tolerant} AND "
                          f"{_SANE_TIMESTAMP.format(c=native)})), false)")
    # Each timestamp column's median sampled time: where the zone's spans go (a median, so
    # that a placeholder year in a few cells does not stretch them over decades).
    probes += [f'quantile_disc("t_{n}", 0.5)' for n in stamps]
    found = list(cur.execute(
        f"SELECT {', '.join(probes)} FROM (SELECT {', '.join(inner)} FROM onepass_sample)",
        {"tz": zone} if stamps else {}).fetchone()) if probes else []
    medians = [m for m in found[len(found) - len(stamps):] if m is not None] if stamps else []

    numbers = {name: found[4 * i: 4 * i + 4] for i, name in enumerate(numeric)}
    offset = 4 * len(numeric)
    per = 1 + len(formats)
    stamp_probes = {name: found[offset + per * i: offset + per * (i + 1)]
                    for i, name in enumerate(stamps)}
    # The decimal mark is the file's: a comma when a number column writes one (and the
    # separator is not the comma); each number column then reads natively only if plain.
    comma = layout.sep != "," and any(c_ok and has_c for _d, c_ok, has_c, _colon
                                      in numbers.values())
    decimal = "," if comma else "."
    # One timestamp format for the file: the one that reads the most timestamp columns.
    best, best_count = "", 0
    for j, fmt in enumerate(formats):
        count = sum(1 for p in stamp_probes.values() if p[0] and p[1 + j])
        if count > best_count:
            best, best_count = fmt, count
    native_stamps = {
        name for name, p in stamp_probes.items()
        if best and ((p[0] and p[1 + formats.index(best)]) or not p[0])}

    ascii_only = fp.encoding == "utf-8" and fp.ascii
    result = Plan(columns={f"c{i}": "VARCHAR" for i in range(len(layout.headers))},
                  values={}, timestamp_format=best or NATIVE_TIMESTAMP_FORMATS[0],
                  decimal=decimal, line_breaks_checked=fp.bare_cr,
                  local_time=statistics.median_low(medians) if medians else None)
    for name, col in present.items():
        kind = kinds[name]
        if kind is TEXT:
            result.values[name] = _text(col, ascii_only)
            continue
        native = False
        if name in numbers:
            dot_ok, comma_ok, _has_comma, colon = numbers[name]
            native = bool(comma_ok if comma else dot_ok) and not (kind is DURATION and colon)
        elif name in native_stamps:
            native = True
        if not native:
            result.values[name] = (local_timestamp_sql(col, "CAST($tz AS VARCHAR)")
                                   if kind is TIMESTAMP else PARSERS[kind.name](col))
            result.parsed.append((name, col))
            continue
        result.columns[col] = "TIMESTAMP" if kind is TIMESTAMP else "DOUBLE"
        if kind is NUMBER:  # 'inf' and 'nan' are no number an export means
            readable = f"isfinite({col})"
        elif kind is DURATION:
            readable = f"abs({col}) < {MAX_DURATION_S:.0f}"
        else:
            readable = _SANE_TIMESTAMP.format(c=col)
        result.values[name] = f"(CASE WHEN {readable} THEN {col} END)"
        result.cells_ok.append(f"({col} IS NULL OR {readable})")
    # A quoted line break (the all-text reader refuses it): the reference path decides. It
    # is looked for here only where a lone carriage return could hide one; elsewhere
    # `spans_lines` counts lines instead. No cell is over the cell limit: no line is
    # (`max_line_bytes`).
    if result.line_breaks_checked:
        result.cells_ok += [
            f"({col} IS NULL OR NOT (contains({col}, chr(10)) OR contains({col}, chr(13))))"
            for col, kind in result.columns.items() if kind == "VARCHAR"]
    return result


def max_line_bytes(layout: DelimitedLayout, max_cell_bytes: int) -> int:
    """The longest line the one pass reads: none longer than the cell limit, so that no
    cell needs its length checked (strlen over every text cell was a tenth of the scan). A
    longer line is one the reader rejects, and the reference path reads the file; but past
    its buffer (some tens of MB) DuckDB's reader skips a line without recording it, so a
    file with a line longer than LONG_LINE_BYTES (the fingerprint measures them) is never
    read here (`reads_every_line`)."""
    return min(layout.max_line_bytes, max_cell_bytes, LONG_LINE_BYTES)


def reads_every_line(fp: Fingerprint, layout: DelimitedLayout, max_cell_bytes: int) -> bool:
    """Whether the one pass either reads or rejects each of the file's lines: none is
    longer than it reads (`max_line_bytes`)."""
    return fp.longest_line <= max_line_bytes(layout, max_cell_bytes)


def spans_lines(fp: Fingerprint, layout: DelimitedLayout, records: int) -> bool:
    """Whether a record may span lines: the file has more lines than its skipped lines,
    header and records (each takes one line at least; a blank line, which the reader skips,
    also makes more). Counted on the file's bytes, so no cell needs looking at when equal."""
    lines = fp.lines + (0 if fp.ends_with_newline else 1)
    return lines != layout.skip + 1 + records


def line_breaks_sql(layout: DelimitedLayout) -> str:
    """The number of records with a line break in a cell, read again as text (only when
    `spans_lines` cannot rule them out). Parameters as `insert_sql`'s reader."""
    names = [f"c{i}" for i in range(len(layout.headers))]
    broken = " OR ".join(f"contains({n}, chr(10)) OR contains({n}, chr(13))" for n in names)
    columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
    return f"SELECT count(*) FROM {_reader(columns)} WHERE {broken}"


def _reader(columns: str, rejects: bool = False) -> str:
    """The file's records through DuckDB's reader, with these column types."""
    kept = (f", store_rejects=true, rejects_table='{REJECTS_TABLE}', "
            f"rejects_scan='{REJECTS_SCAN}'" if rejects else "")
    return f"""read_csv($path, delim=$sep, header=true, skip=$skip, quote='"', escape='"',
                        columns={columns}, auto_detect=false, max_line_size=$max_line,
                        timestampformat=$tsformat, decimal_separator=$decimal{kept})"""


def _candidate_formats(cur, layout: DelimitedLayout, columns: list[int]) -> list[str]:
    """The native formats that read the first non-empty sampled value of any of these
    columns, in NATIVE_TIMESTAMP_FORMATS order."""
    firsts = []
    for i in columns:
        value = next((row[i].strip() for row in layout.sample if row[i].strip()), None)
        if value is not None:
            firsts.append(value)
    if not firsts:
        return []
    reads = cur.execute(
        "SELECT " + ", ".join(f"bool_or(try_strptime(v, '{fmt}') IS NOT NULL)"
                              for fmt in NATIVE_TIMESTAMP_FORMATS)
        + " FROM (SELECT unnest(?) AS v)", [firsts]).fetchone()
    return [fmt for fmt, read in zip(NATIVE_TIMESTAMP_FORMATS, reads, strict=True) if read]


def insert_sql(rules: KindRules, kind: str, resolved: Resolved, plan_: Plan,
               table_columns: list[tuple[str, str, bool]]) -> str | None:
    """INSERT of the file's rows into the kind's table in one scan, with `$id` on the rows
    the reference path would store as they are and `$bad` on any other (its NOT NULL
    columns filled so that the statement itself never fails); None when a column type
    has no filler. Parameters: $path $sep $skip $max_line (`max_line_bytes`) $tsformat $decimal
    $provider $tz $providers $id $bad."""
    present = set(resolved.sources)
    selects = []
    for f in KIND_FIELDS[kind]:
        if f.name == "provider":
            selects.append(f"coalesce({plan_.values['provider']}, $provider) AS provider"
                           if "provider" in present else "CAST($provider AS VARCHAR) AS provider")
            continue
        if f.name not in present:
            selects.append(f'CAST(NULL AS {_SQL_TYPES[f.type.name]}) AS "{f.name}"')
            continue
        selects.append(f'{plan_.values[f.name]} AS "{f.name}"')
    texts = [f'{col} AS "text__{name}"' for name, col in plan_.parsed]
    cells_ok = " AND ".join(plan_.cells_ok) or "true"
    checks = [f'("text__{name}" IS NULL OR trim("text__{name}") = \'\' OR "{name}" IS NOT NULL)'
              for name, _col in plan_.parsed]
    for alternatives in REQUIRED[kind]:
        mapped = next((alt for alt in alternatives if set(alt) <= present), ())
        checks += [f'"{name}" IS NOT NULL' for name in mapped]
    fields = ", ".join(f'"{f.name}"' for f in KIND_FIELDS[kind])
    columns = "{" + ", ".join(f"'{c}': '{t}'" for c, t in plan_.columns.items()) + "}"
    derive = rules.derive_sql.replace("{tz}", "CAST($tz AS VARCHAR)")
    stored = [(c, t, nullable) for c, t, nullable in table_columns if c != "import_id"]
    outs = []
    for c, t, nullable in stored:
        if nullable:
            outs.append(f'staged."{c}"')
        elif t in _FILLERS:
            outs.append(f'coalesce(staged."{c}", {_FILLERS[t]})')
        else:
            return None
    row_ok = ["staged._row = 1", "list_contains($providers, staged.provider)"]
    row_ok += [f'staged."{c}" IS NOT NULL' for c, _t, nullable in stored if not nullable]
    row_ok += [f"NOT coalesce({check.bad_when}, false)" for check in rules.checks
               if check.field in present]
    names = ", ".join(f'"{c}"' for c, _t, _n in stored)
    return f"""
        INSERT INTO {rules.table} (import_id, {names})
        WITH cells AS (
            SELECT {', '.join(selects + texts)}, ({cells_ok}) AS _cells
            FROM {_reader(columns, rejects=True)}),
        -- `_row` is no row number here (the reference path numbers rows when it names
        -- one): every kind's derive_sql passes it through, so it carries whether the row's
        -- cells read as the reference path reads them, to the final verdict below.
        typed AS (
            SELECT CAST(coalesce(_cells AND {' AND '.join(checks) or 'true'}, false)
                        AS INTEGER) AS _row, {fields}
            FROM cells)
        SELECT CASE WHEN coalesce({' AND '.join(row_ok)}, false) THEN $id ELSE $bad END,
               {', '.join(outs)}
        FROM ({derive}) AS staged"""
