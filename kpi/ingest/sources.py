"""Reading an export file, whatever its container, into one all-text table `raw`.

`raw` has `_row` (the row number a person sees in the file or in Excel) and `c0…cN`, one
text column per column of the file. CSV, JSON lines and queue_log are read by DuckDB in
bulk; XLSX through python-calamine (DuckDB's excel extension cannot be installed
everywhere), once kpi/ingest/limits.py has checked what the workbook claims. A delimited
file the one-pass path (kpi/ingest/onepass.py) takes comes here only when it has a defect
or an oddity: this all-text reading is the reference that names it.
Nothing is typed here, so nothing in a cell is ever interpreted or executed.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
import re
import shutil
import tempfile
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb

from kpi.errors import ImportRefused, Msg, Num, Problem
from kpi.ingest.limits import (
    DEFAULT_LIMITS,
    Limits,
    check_xlsx,
    raise_csv_field_limit,
    refuse_columns,
    refuse_lines,
    refuse_not_regular,
    refuse_size,
)

# A missing field (truncated line) reads as NULL, an empty one as ''.
_NULL_SENTINEL = "\x01missing\x01"
_SEPARATORS = (";", "\t", ",", "|")
_SAMPLE_LINES = 30
# Chunks of 1 MB read ahead of the hash at most (the fingerprint's memory).
_CHUNKS_AHEAD = 8
_QUEUE_LOG_COLUMNS = 10
_QUEUE_LOG_LINE = re.compile(r"^\d{9,11}(\.\d+)?\|")


@dataclass
class RawFile:
    file_name: str
    reader: str  # table, json_lines or queue_log
    headers: list[str]
    rows_read: int
    sha256: str
    encoding: str


@dataclass
class Fingerprint:
    sha256: str
    encoding: str  # utf-8, utf-8-sig, utf-16(-le/-be), cp1252, xlsx, binary, empty
    head: bytes
    size: int = 0  # bytes read (at most the size limit and one more byte)
    lines: int = 0  # newlines seen: a bound on the rows, known before parsing
    # The longest run of bytes between two newlines, measured where it spans a chunk read
    # (1 MiB): exact for a line longer than that, at most a chunk's length otherwise.
    longest_line: int = 0
    complete: bool = True  # False: the file is larger than the limit it was read up to
    stat: tuple[int, int] = (0, 0)  # (size, mtime_ns) when reading began
    # What the one-pass read (kpi/ingest/onepass.py) may skip checking cell by cell, as
    # bytes seen here: every byte ASCII (no space but ' ' to trim), no carriage return
    # outside a CRLF pair, and whether the last line ends with a newline.
    ascii: bool = False
    bare_cr: bool = True
    ends_with_newline: bool = False


def _utf16_without_bom(head: bytes) -> str | None:
    """Text in UTF-16 without a byte-order mark: every other byte of ASCII text is zero."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.1:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.1:
        return "utf-16-be"
    return None


def fingerprint(path: Path, max_bytes: int | None = None) -> Fingerprint:
    """sha256, encoding and newlines in one pass over the file.

    With `max_bytes`, reading stops one byte past it (`complete` False): a file over the
    size limit, or one that keeps growing while it is read, is never read whole.
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    head = b""
    size = lines = returns = pairs = 0
    longest = run = 0  # `run`: bytes since the last newline
    complete = ascii_only = True
    last = b""
    # The chunks handed to the hash, oldest first, computed beside the counts.
    hashing: deque[Future] = deque()
    with open(path, "rb") as f, ThreadPoolExecutor(1) as hasher:
        status = os.fstat(f.fileno())
        while chunk := f.read(1 << 20):
            if max_bytes is not None and size + len(chunk) > max_bytes:
                chunk = chunk[: max_bytes + 1 - size]
                complete = False
            if not head:
                head = chunk[:4096]
            # hashlib lets go of the GIL: the hash (0.11 s for 227 MB) runs beside the
            # counts (0.08 s). A few chunks ahead, not one: waiting for each chunk's hash
            # before the next cost as much as the hash itself (two thread wake-ups per MB).
            if len(hashing) == _CHUNKS_AHEAD:
                hashing.popleft().result()
            hashing.append(hasher.submit(digest.update, chunk))
            size += len(chunk)
            lines += chunk.count(b"\n")
            first = chunk.find(b"\n")  # two searches from the ends: no cost to speak of
            if first < 0:
                run += len(chunk)
            else:
                longest = max(longest, run + first)
                run = len(chunk) - chunk.rfind(b"\n") - 1
            if b"\r" in chunk:  # most files have none: a search, not three counts
                returns += chunk.count(b"\r")
                pairs += chunk.count(b"\r\n")
            pairs += last == b"\r" and chunk[:1] == b"\n"
            last = chunk[-1:]
            plain = chunk.isascii()
            ascii_only = ascii_only and plain
            if not complete:
                break
            # ASCII (most exports) is UTF-8: checked in C without decoding, unless a
            # character cut at the previous chunk's end is still pending.
            if utf8 and not (plain and not decoder.getstate()[0]):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
        for chunk_hash in hashing:
            chunk_hash.result()
    if utf8 and complete:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    if not head:
        encoding = "empty"
    elif head.startswith(b"PK\x03\x04"):
        encoding = "xlsx"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in head:
        encoding = _utf16_without_bom(head) or "binary"
    elif head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8" if utf8 else "cp1252"
    return Fingerprint(digest.hexdigest(), encoding, head, size, lines, max(longest, run),
                       complete, (status.st_size, status.st_mtime_ns), ascii=ascii_only,
                       bare_cr=returns != pairs, ends_with_newline=last == b"\n")


def _as_utf8(path: Path, encoding: str, workdir: Path) -> Path:
    """DuckDB reads UTF-8 only: other encodings are transcoded to a temporary copy."""
    if encoding in ("utf-8", "utf-8-sig"):
        return path
    target = workdir / (path.stem + ".utf8" + path.suffix)
    source_encoding = encoding if encoding.startswith("utf-16") else "cp1252"
    # cp1252 leaves five bytes undefined; latin-1 maps them, so nothing is ever lost.
    errors = "strict" if source_encoding.startswith("utf-16") else "latin1_fallback"
    with open(path, encoding=source_encoding, errors=errors, newline="") as src, open(
        target, "w", encoding="utf-8", newline=""
    ) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return target


def utf8_text(path: Path, fp: Fingerprint, file_name: str, workdir: Path) -> Path:
    """The file as UTF-8 (itself, or a transcoded copy in `workdir`)."""
    try:
        return _as_utf8(path, fp.encoding, workdir)
    except UnicodeError as e:
        raise ImportRefused(file_name, [Problem(
            None, None, fp.encoding, Msg("expect.encoding"))]) from e


def is_json_lines(text_path: Path) -> bool:
    with text_path.open("rb") as f:
        return f.read(64).lstrip(codecs.BOM_UTF8).lstrip().startswith(b"{")


def _latin1_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start : err.end]
    return bad.decode("latin-1"), err.end


codecs.register_error("latin1_fallback", _latin1_fallback)


def _sample_lines(path: Path, file_name: str, limits: Limits,
                  count: int = _SAMPLE_LINES) -> list[str]:
    """The first `count` non-blank lines, each read up to a bounded length (a file without
    line breaks is not read whole into one string)."""
    longest = limits.max_line_chars
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        lines = []
        number = 0
        while len(lines) < count:
            line = f.readline(longest + 1)
            if not line:
                break
            number += 1
            if len(line) > longest:
                raise ImportRefused(file_name, [Problem(
                    number, None, Msg("found.long_line", characters=Num(longest)),
                    Msg("expect.delimited_lines"))])
            if line.strip():
                lines.append(line.rstrip("\r\n"))
    return lines


def _sniff_separator(lines: list[str]) -> str:
    best, best_score = ",", -1
    for sep in _SEPARATORS:
        counts = [len(next(csv.reader([line], delimiter=sep))) - 1 for line in lines]
        if not counts or max(counts) == 0:
            continue
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        score = mode * counts.count(mode)
        if score > best_score:
            best, best_score = sep, score
    return best


def _header_index(rows: list[list[str]]) -> int:
    """Title rows sit above the header: the header is the first row as wide as the widest."""
    widths = [sum(1 for cell in row if str(cell).strip()) for row in rows]
    widest = max(widths, default=0)
    return next((i for i, w in enumerate(widths) if w == widest), 0)


def _refuse_read_error(file_name: str, error: duckdb.Error, first_line: int) -> ImportRefused:
    message = str(error)
    line = re.search(r"[Ll]ine:?\s*(\d+)", message)
    found = re.search(r"Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)", message)
    if found:
        expected = Msg("expect.fields", fields=found.group(1))
        value = Msg("found.fields", fields=found.group(2))
    else:
        expected = Msg("expect.well_formed")
        value = message.splitlines()[0][:200]  # DuckDB's own words
    row = int(line.group(1)) + first_line if line else None
    return ImportRefused(file_name, [Problem(row, None, value, expected)])


def _csv_rows(lines: list[str], sep: str, file_name: str) -> list[list[str]]:
    rows = []
    for i, line in enumerate(lines):
        try:
            rows.append(next(csv.reader([line], delimiter=sep)))
        except csv.Error as e:  # e.g. a field over the cell limit
            raise ImportRefused(file_name, [Problem(
                i + 1, None, str(e)[:200], Msg("expect.balanced_cells"))]) from e
    return rows


@dataclass(frozen=True)
class DelimitedLayout:
    """How a delimited text file is laid out: what both readers (the all-text one here and
    the one-pass typed one, kpi/ingest/onepass.py) need to split it the same way."""

    sep: str
    headers: list[str]
    skip: int  # physical lines above the header (title rows and blank lines)
    max_line_bytes: int
    sample: list[list[str]]  # the first data rows (up to `sample_rows`), split by `csv`


def delimited_layout(path: Path, file_name: str, limits: Limits,
                     sample_rows: int = 0) -> DelimitedLayout | None:
    """Separator, header and title rows of a UTF-8 delimited file; None for a queue_log.
    Refusals (an unbalanced sample line, too many columns) are the all-text reader's."""
    lines = _sample_lines(path, file_name, limits, _SAMPLE_LINES + sample_rows)
    if not lines:
        raise ImportRefused(file_name, [Problem(None, None, None,
                                                Msg("expect.header_and_rows"))])
    if _QUEUE_LOG_LINE.match(lines[0]):
        return None
    head = lines[:_SAMPLE_LINES]
    try:
        sep = _sniff_separator(head)
    except csv.Error as e:
        raise ImportRefused(file_name, [Problem(
            None, None, str(e)[:200], Msg("expect.balanced_cells"))]) from e
    rows = _csv_rows(head, sep, file_name)
    skip = _header_index(rows)
    headers = [h.strip() for h in rows[skip]]
    refuse_columns(file_name, len(headers), limits, row=skip + 1)
    sample: list[list[str]] = []
    if sample_rows:
        try:  # a sample line the csv module cannot split ends the sample, nothing else
            sample = [r for r in _csv_rows(lines[skip + 1:], sep, file_name)
                      if len(r) == len(headers)]
        except ImportRefused:
            sample = []
    # Blank lines above the header are skipped by DuckDB too, so count them in `skip`.
    return DelimitedLayout(sep, headers, _physical_line_of(path, lines[skip]),
                           _max_line_bytes(limits, len(headers)), sample)


def _read_delimited(cur, path: Path, file_name: str,
                    limits: Limits) -> tuple[list[str], str]:
    layout = delimited_layout(path, file_name, limits)
    if layout is None:
        names = [f"c{i}" for i in range(_QUEUE_LOG_COLUMNS)]
        columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
        try:
            cur.execute(
                f"""CREATE OR REPLACE TEMP TABLE raw AS
                    SELECT row_number() OVER () AS _row, *
                    FROM read_csv(?, delim='|', header=false, quote='', escape='',
                                  columns={columns}, null_padding=true, auto_detect=false,
                                  nullstr=?)""",
                [str(path), _NULL_SENTINEL],
            )
        except duckdb.Error as e:
            raise _refuse_read_error(file_name, e, 0) from e
        return names, "queue_log"
    names = [f"c{i}" for i in range(len(layout.headers))]
    columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
    try:
        cur.execute(
            f"""CREATE OR REPLACE TEMP TABLE raw AS
                SELECT row_number() OVER () + ? AS _row, *
                FROM read_csv(?, delim=?, header=true, skip=?, quote='"', escape='"',
                              columns={columns}, null_padding=true, nullstr=?,
                              auto_detect=false, max_line_size=?)""",
            [layout.skip + 1, str(path), layout.sep, layout.skip, _NULL_SENTINEL,
             layout.max_line_bytes],
        )
    except duckdb.Error as e:
        raise _refuse_read_error(file_name, e, 0) from e
    return layout.headers, "table"


def _max_line_bytes(limits: Limits, columns: int) -> int:
    """DuckDB's longest line: room for a few cells at the cell limit (the cells are
    checked one by one once read), never below DuckDB's own 2 MB default."""
    return max(2 * 1024 * 1024, 4 * limits.max_cell_bytes + 16 * columns)


def _physical_line_of(path: Path, header_line: str) -> int:
    """0-based physical line index of the header line."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        for i, line in enumerate(f):
            if line.rstrip("\r\n") == header_line:
                return i
            if i > 10 * _SAMPLE_LINES:
                break
    return 0


def _cell_text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return ""
    if hasattr(value, "to_pydatetime"):  # pandas' Timestamp
        value = value.to_pydatetime()
    if hasattr(value, "strftime") and hasattr(value, "hour") and hasattr(value, "year"):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if hasattr(value, "strftime") and hasattr(value, "year"):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "strftime"):
        return value.strftime("%H:%M:%S")
    if hasattr(value, "total_seconds"):  # a timedelta, pandas' Timedelta included
        return str(value.total_seconds())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(cur, path: Path, file_name: str, limits: Limits) -> list[str]:
    check_xlsx(path, file_name, limits)  # before calamine expands anything
    import pandas as pd  # only for a workbook: a CSV import starts without it

    try:
        # calamine (Rust) reads a sheet many times faster than openpyxl cell by cell, with
        # the same cell values (dates, times, numbers, text); openpyxl still writes packs.
        sheet = pd.read_excel(path, header=None, dtype=object, engine="calamine")
    except Exception as e:  # a damaged workbook raises many types
        raise ImportRefused(
            file_name, [Problem(None, None, type(e).__name__, Msg("expect.readable_xlsx"))]
        ) from e
    sheet = sheet.map(_cell_text)
    sheet = sheet[(sheet != "").any(axis=1)]
    if sheet.empty:
        raise ImportRefused(file_name, [Problem(None, None, None,
                                                Msg("expect.header_and_rows"))])
    head_rows = sheet.head(_SAMPLE_LINES).values.tolist()
    skip = _header_index(head_rows)
    header_pos = sheet.index[skip]
    headers = [h.strip() for h in sheet.loc[header_pos].tolist()]
    while headers and headers[-1] == "":
        headers.pop()
    refuse_columns(file_name, len(headers), limits, row=int(header_pos) + 1)
    body = sheet.loc[sheet.index > header_pos, sheet.columns[: len(headers)]]
    body.columns = [f"c{i}" for i in range(len(headers))]
    body.insert(0, "_row", (body.index + 1).astype("int64"))  # Excel's row number
    cur.register("xlsx_body", body)
    try:
        cur.execute("CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM xlsx_body")
    finally:
        cur.unregister("xlsx_body")
    return headers


def check_file(file_name: str, fp: Fingerprint, limits: Limits) -> None:
    """The limits known from the fingerprint alone: size and lines."""
    refuse_size(file_name, fp.size, limits, partial=not fp.complete)
    if fp.encoding not in ("xlsx", "binary", "empty"):
        refuse_lines(file_name, fp.lines, limits)


def _refuse_big_cells(cur, file_name: str, headers: list[str], limits: Limits) -> None:
    """A cell over the cell limit, named by its row and column."""
    names = [r[0] for r in cur.execute(
        "SELECT column_name FROM (DESCRIBE raw) WHERE column_name <> '_row'").fetchall()]
    if not names:
        return
    widest = cur.execute("SELECT " + ", ".join(f'max(strlen("{n}"))' for n in names)
                         + " FROM raw").fetchone()
    for name, width in zip(names, widest, strict=True):
        if width is not None and width > limits.max_cell_bytes:
            row, head = cur.execute(
                f'SELECT _row, left("{name}", 40) FROM raw WHERE strlen("{name}") > ? '
                "ORDER BY _row LIMIT 1", [limits.max_cell_bytes]).fetchone()
            index = int(name[1:]) if name[1:].isdigit() else -1
            column = headers[index] if 0 <= index < len(headers) else name
            raise ImportRefused(file_name, [Problem(
                row, column, Msg("found.cell_start", start=head, bytes=Num(width)),
                Msg("expect.max_cell", kb=Num(limits.max_cell_kb)))])


def load_raw(cur: duckdb.DuckDBPyConnection, path: Path, file_name: str,
             fp: Fingerprint, limits: Limits = DEFAULT_LIMITS) -> RawFile:
    """Create the temp table `raw` on this cursor from the file at `path`."""
    check_file(file_name, fp, limits)
    raise_csv_field_limit(limits)
    if fp.encoding == "empty":
        raise ImportRefused(file_name, [Problem(None, None, None, Msg("expect.not_empty"))])
    if fp.encoding == "binary":
        raise ImportRefused(file_name, [Problem(
            None, None, Msg("found.binary"), Msg("expect.text_export"))])
    with tempfile.TemporaryDirectory(prefix="cockpit-import-") as tmp:
        if fp.encoding == "xlsx":
            headers, reader = _read_xlsx(cur, path, file_name, limits), "table"
        else:
            text_path = utf8_text(path, fp, file_name, Path(tmp))
            if is_json_lines(text_path):
                try:
                    cur.execute(
                        """CREATE OR REPLACE TEMP TABLE raw AS
                           SELECT row_number() OVER () AS _row, json::VARCHAR AS c0
                           FROM read_json_objects(?, format='newline_delimited')""",
                        [str(text_path)],
                    )
                except duckdb.Error as e:
                    raise _refuse_read_error(file_name, e, 0) from e
                headers, reader = ["json"], "json_lines"
            else:
                headers, reader = _read_delimited(cur, text_path, file_name, limits)
    _refuse_big_cells(cur, file_name, headers, limits)
    rows = cur.execute("SELECT count(*) FROM raw").fetchone()[0]
    if rows > limits.max_rows:
        raise ImportRefused(file_name, [Problem(
            None, None, Msg("found.rows", rows=Num(rows)),
            Msg("expect.max_rows", rows=Num(limits.max_rows)))])
    if rows == 0:
        raise ImportRefused(file_name, [Problem(None, None, None, Msg("expect.data_row"))])
    return RawFile(file_name, reader, headers, rows, fp.sha256, fp.encoding)


def read_preview(path: Path, limit: int = 10, file_name: str | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> tuple[list[str], list[list[str]]]:
    """The header and first rows of a file, for the mapping editor (no database needed)."""
    refuse_not_regular(path, file_name or path.name)
    con = duckdb.connect()
    try:
        raw = load_raw(con, path, file_name or path.name,
                       fingerprint(path, limits.max_file_bytes), limits)
        rows = con.execute(
            "SELECT * EXCLUDE (_row) FROM raw ORDER BY _row LIMIT ?", [limit]
        ).fetchall()
        return raw.headers, [list(r) for r in rows]
    finally:
        con.close()


__all__ = ["RawFile", "Fingerprint", "DelimitedLayout", "fingerprint", "load_raw",
           "read_preview", "delimited_layout", "check_file", "utf8_text", "is_json_lines"]
