"""Reading an export file, whatever its container, into one all-text table `raw`.

`raw` has `_row` (the row number a person sees in the file or in Excel) and `c0…cN`, one
text column per column of the file. CSV, JSON lines and queue_log are read by DuckDB in
bulk; XLSX through openpyxl (DuckDB's excel extension cannot be installed everywhere).
Nothing is typed here, so nothing in a cell is ever interpreted or executed.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from kpi.errors import ImportRefused, Problem

# A missing field (truncated line) reads as NULL, an empty one as ''.
_NULL_SENTINEL = "\x01missing\x01"
_SEPARATORS = (";", "\t", ",", "|")
_SAMPLE_LINES = 30
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
    encoding: str  # utf-8, utf-8-sig, utf-16, cp1252, xlsx, binary, empty
    head: bytes


def fingerprint(path: Path) -> Fingerprint:
    """sha256 and encoding in one pass over the file."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    head = b""
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            if not head:
                head = chunk[:4096]
            digest.update(chunk)
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
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
        encoding = "binary"
    elif head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8" if utf8 else "cp1252"
    return Fingerprint(digest.hexdigest(), encoding, head)


def _as_utf8(path: Path, encoding: str, workdir: Path) -> Path:
    """DuckDB reads UTF-8 only: other encodings are transcoded to a temporary copy."""
    if encoding in ("utf-8", "utf-8-sig"):
        return path
    target = workdir / (path.stem + ".utf8" + path.suffix)
    source_encoding = "utf-16" if encoding == "utf-16" else "cp1252"
    # cp1252 leaves five bytes undefined; latin-1 maps them, so nothing is ever lost.
    errors = "strict" if source_encoding == "utf-16" else "latin1_fallback"
    with open(path, encoding=source_encoding, errors=errors, newline="") as src, open(
        target, "w", encoding="utf-8", newline=""
    ) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return target


def _latin1_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start : err.end]
    return bad.decode("latin-1"), err.end


codecs.register_error("latin1_fallback", _latin1_fallback)


def _sample_lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        lines = []
        for line in f:
            if line.strip():
                lines.append(line.rstrip("\r\n"))
            if len(lines) >= _SAMPLE_LINES:
                break
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
        expected = f"{found.group(1)} fields per line, as in the header"
        value = f"{found.group(2)} fields"
    else:
        expected = "a well-formed line (balanced quotes, one record per line)"
        value = message.splitlines()[0][:200]
    row = int(line.group(1)) + first_line if line else None
    return ImportRefused(file_name, [Problem(row, None, value, expected)])


def _read_delimited(cur, path: Path, file_name: str) -> tuple[list[str], str]:
    lines = _sample_lines(path)
    if not lines:
        raise ImportRefused(file_name, [Problem(None, None, None, "a header row and data rows")])
    if _QUEUE_LOG_LINE.match(lines[0]):
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
    sep = _sniff_separator(lines)
    rows = [next(csv.reader([line], delimiter=sep)) for line in lines]
    skip = _header_index(rows)
    headers = [h.strip() for h in rows[skip]]
    names = [f"c{i}" for i in range(len(headers))]
    columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
    # Blank lines above the header are skipped by DuckDB too, so count them in `skip`.
    raw_skip = _physical_line_of(path, lines[skip])
    try:
        cur.execute(
            f"""CREATE OR REPLACE TEMP TABLE raw AS
                SELECT row_number() OVER () + ? AS _row, *
                FROM read_csv(?, delim=?, header=true, skip=?, quote='"', escape='"',
                              columns={columns}, null_padding=true, nullstr=?,
                              auto_detect=false)""",
            [raw_skip + 1, str(path), sep, raw_skip, _NULL_SENTINEL],
        )
    except duckdb.Error as e:
        raise _refuse_read_error(file_name, e, 0) from e
    return headers, "table"


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
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if hasattr(value, "strftime") and hasattr(value, "hour") and hasattr(value, "year"):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if hasattr(value, "strftime") and hasattr(value, "year"):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "strftime"):
        return value.strftime("%H:%M:%S")
    if isinstance(value, pd.Timedelta) or hasattr(value, "total_seconds"):
        return str(value.total_seconds())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(cur, path: Path, file_name: str) -> list[str]:
    try:
        sheet = pd.read_excel(path, header=None, dtype=object, engine="openpyxl")
    except Exception as e:  # openpyxl raises many types for a damaged workbook
        raise ImportRefused(
            file_name, [Problem(None, None, type(e).__name__, "a readable .xlsx workbook")]
        ) from e
    sheet = sheet.map(_cell_text)
    sheet = sheet[(sheet != "").any(axis=1)]
    if sheet.empty:
        raise ImportRefused(file_name, [Problem(None, None, None, "a header row and data rows")])
    head_rows = sheet.head(_SAMPLE_LINES).values.tolist()
    skip = _header_index(head_rows)
    header_pos = sheet.index[skip]
    headers = [h.strip() for h in sheet.loc[header_pos].tolist()]
    while headers and headers[-1] == "":
        headers.pop()
    body = sheet.loc[sheet.index > header_pos, sheet.columns[: len(headers)]]
    body.columns = [f"c{i}" for i in range(len(headers))]
    body.insert(0, "_row", (body.index + 1).astype("int64"))  # Excel's row number
    cur.register("xlsx_body", body)
    try:
        cur.execute("CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM xlsx_body")
    finally:
        cur.unregister("xlsx_body")
    return headers


def load_raw(cur: duckdb.DuckDBPyConnection, path: Path, file_name: str,
             fp: Fingerprint) -> RawFile:
    """Create the temp table `raw` on this cursor from the file at `path`."""
    if fp.encoding == "empty":
        raise ImportRefused(file_name, [Problem(None, None, None,
                                                "a header row and data rows; the file is empty")])
    if fp.encoding == "binary":
        raise ImportRefused(file_name, [Problem(
            None, None, "binary content",
            "a text export (CSV, TSV, JSON lines) in UTF-8, UTF-16 or Windows-1252, or .xlsx")])
    with tempfile.TemporaryDirectory(prefix="cockpit-import-") as tmp:
        if fp.encoding == "xlsx":
            headers, reader = _read_xlsx(cur, path, file_name), "table"
        else:
            try:
                text_path = _as_utf8(path, fp.encoding, Path(tmp))
            except UnicodeError as e:
                raise ImportRefused(file_name, [Problem(
                    None, None, fp.encoding, "text in UTF-8, UTF-16 or Windows-1252")]) from e
            first = text_path.open("rb").read(64).lstrip(codecs.BOM_UTF8).lstrip()
            if first.startswith(b"{"):
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
                headers, reader = _read_delimited(cur, text_path, file_name)
    rows = cur.execute("SELECT count(*) FROM raw").fetchone()[0]
    if rows == 0:
        raise ImportRefused(file_name, [Problem(None, None, None,
                                                "at least one data row below the header")])
    return RawFile(file_name, reader, headers, rows, fp.sha256, fp.encoding)


def read_preview(path: Path, limit: int = 10) -> tuple[list[str], list[list[str]]]:
    """The header and first rows of a file, for the mapping editor (no database needed)."""
    con = duckdb.connect()
    try:
        raw = load_raw(con, path, path.name, fingerprint(path))
        rows = con.execute(
            "SELECT * EXCLUDE (_row) FROM raw ORDER BY _row LIMIT ?", [limit]
        ).fetchall()
        return raw.headers, [list(r) for r in rows]
    finally:
        con.close()


__all__ = ["RawFile", "Fingerprint", "fingerprint", "load_raw", "read_preview"]
