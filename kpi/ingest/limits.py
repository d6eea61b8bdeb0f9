"""What one imported file may claim, checked before anything parses it.

A hostile or broken export must end refused with a clear message, never as a process that
grows until it dies: the file's size, its lines, its columns, its cells, and for an .xlsx
the sizes its zip directory and its sheets declare (and the extent its cells really reach)
are checked here with the standard library only, reading at most a bounded amount at a time.
The limits are settings (kpi/settings.py `INTAKE_LIMITS`), stored in `app_settings`.
"""

from __future__ import annotations

import csv
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kpi.errors import ImportRefused, Msg, Num, Problem
from kpi.settings import INTAKE_LIMITS

_MB = 1024 * 1024
# Lines are counted by their newlines; title rows and a header sit above the data.
_HEADER_SLACK = 100
# An .xlsx workbook of a few sheets has a few dozen parts; thousands is not a workbook.
_MAX_ZIP_ENTRIES = 10_000
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
_DIMENSION = re.compile(
    rb'<dimension\b[^>]*?\bref="([A-Z]{1,4})?(\d{1,8})?(?::([A-Z]{1,4})(\d{1,8}))?"')
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="(\d{1,9})"')
_CELL_COLUMN = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,4})\d')


@dataclass(frozen=True)
class Limits:
    max_file_mb: int = 256
    max_rows: int = 3_000_000
    max_columns: int = 1_000
    max_cell_kb: int = 1_024
    max_xlsx_cells: int = 2_000_000
    max_xlsx_uncompressed_mb: int = 512
    import_memory_mb: int = 800

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * _MB

    @property
    def max_cell_bytes(self) -> int:
        return self.max_cell_kb * 1024

    @property
    def max_line_chars(self) -> int:
        """The longest line read while sampling a text file's first lines."""
        return max(16 * _MB, 2 * self.max_cell_bytes)

    @classmethod
    def from_values(cls, values: dict[str, object]) -> Limits:
        known = {s.name: type(s.default) for s in INTAKE_LIMITS}
        return cls(**{name: kind(values[name]) for name, kind in known.items()
                      if name in values})


DEFAULT_LIMITS = Limits(**{s.name: s.default for s in INTAKE_LIMITS})


def intake_limits(store) -> Limits:
    """The limits stored in app_settings (Settings page), else the defaults."""
    names = [s.name for s in INTAKE_LIMITS]
    _, stored = store.rows("SELECT name, value FROM app_settings WHERE list_contains(?, name)",
                           [names])
    values = {}
    for name, value in stored:
        try:
            values[name] = int(float(value))
        except (TypeError, ValueError):
            continue  # a damaged setting falls back to its default
    return Limits.from_values({n: v for n, v in values.items() if v > 0})


def refuse_not_regular(path: Path, file_name: str) -> None:
    """Only a regular file is opened: a pipe or a device would block or never end."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        raise ImportRefused(file_name, [Problem(None, None, e.strerror or type(e).__name__,
                                                Msg("expect.readable_file"))]) from e
    if not stat.S_ISREG(mode):
        raise ImportRefused(file_name, [Problem(
            None, None, Msg("found.folder" if stat.S_ISDIR(mode) else "found.not_regular"),
            Msg("expect.regular_file"))])


def raise_csv_field_limit(limits: Limits) -> None:
    """Python's csv module stops at 128 KB a field: read up to the cell limit instead."""
    if csv.field_size_limit() < limits.max_cell_bytes:
        csv.field_size_limit(limits.max_cell_bytes)


def _mb(n: int) -> Msg:
    return Msg("found.mb", mb=Num(n / _MB, ",.1f"))


def refuse_size(file_name: str, size: int, limits: Limits, partial: bool = False) -> None:
    if size > limits.max_file_bytes:
        found = Msg("found.more_than", size=_mb(size)) if partial else _mb(size)
        raise ImportRefused(file_name, [Problem(
            None, None, found, Msg("expect.max_file", mb=limits.max_file_mb))])


def refuse_lines(file_name: str, lines: int, limits: Limits) -> None:
    if lines > limits.max_rows + _HEADER_SLACK:
        raise ImportRefused(file_name, [Problem(
            None, None, Msg("found.lines", lines=Num(lines)),
            Msg("expect.max_rows", rows=Num(limits.max_rows)))])


def refuse_columns(file_name: str, columns: int, limits: Limits, row: int | None = None) -> None:
    if columns > limits.max_columns:
        raise ImportRefused(file_name, [Problem(
            row, None, Msg("found.columns", columns=Num(columns)),
            Msg("expect.max_columns", columns=Num(limits.max_columns)))])


def column_number(letters: str) -> int:
    """'A' -> 1, 'XFD' -> 16384."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def check_xlsx(path: Path, file_name: str, limits: Limits) -> None:
    """Refuse a workbook whose zip or sheets claim more than the limits, before parsing.

    Reads the zip's central directory, then streams each sheet's XML in 1 MB pieces: the
    `<dimension ref=…>` its header declares, and the last row and widest column its cells
    really reach. Python's zipfile never inflates a part beyond the size its directory
    declares, so the directory's total bounds everything read afterwards.
    """
    def refuse(value: str, expected: Msg, row: int | None = None,
               column: str | None = None) -> None:
        raise ImportRefused(file_name, [Problem(row, column, value, expected)])

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        refuse(type(e).__name__, Msg("expect.readable_xlsx"))
    with archive:
        entries = archive.infolist()
        if len(entries) > _MAX_ZIP_ENTRIES:
            refuse(Msg("found.parts", parts=Num(len(entries))),
                   Msg("expect.max_parts", parts=Num(_MAX_ZIP_ENTRIES)))
        total = sum(e.file_size for e in entries)
        if total > limits.max_xlsx_uncompressed_mb * _MB:
            refuse(Msg("found.uncompressed", size=_mb(total)),
                   Msg("expect.max_uncompressed", mb=limits.max_xlsx_uncompressed_mb))
        for entry in entries:
            if _SHEET.fullmatch(entry.filename):
                try:
                    _check_sheet(archive, entry, limits, refuse)
                except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
                    refuse(type(e).__name__, Msg("expect.readable_xlsx"))


def _check_extent(rows: int, columns: int, limits: Limits, refuse, how: Msg,
                  last: str) -> None:
    if rows > limits.max_rows + _HEADER_SLACK:
        refuse(Msg("found.sheet_rows", how=how, rows=Num(rows), last=last),
               Msg("expect.max_rows", rows=Num(limits.max_rows)))
    if columns > limits.max_columns:
        refuse(Msg("found.sheet_columns", how=how, columns=Num(columns), last=last),
               Msg("expect.max_columns", columns=Num(limits.max_columns)))
    if rows * columns > limits.max_xlsx_cells:
        refuse(Msg("found.sheet_cells", how=how, rows=Num(rows), columns=Num(columns),
                   last=last),
               Msg("expect.max_cells", cells=Num(limits.max_xlsx_cells)))


def _check_sheet(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limits: Limits,
                 refuse) -> None:
    last_row, widest, widest_letters = 0, 0, ""
    carry = b""
    first = True
    with archive.open(entry) as stream:
        while chunk := stream.read(_MB):
            data = carry + chunk
            if first:
                first = False
                dimension = _DIMENSION.search(data[:64 * 1024])
                if dimension and dimension.group(3):
                    end_col, end_row = dimension.group(3).decode(), int(dimension.group(4))
                    _check_extent(end_row, column_number(end_col), limits, refuse,
                                  Msg("found.sheet_declaring"), f"{end_col}{end_row}")
            rows = _ROW_REF.findall(data)
            if rows:
                last_row = max(last_row, max(int(r) for r in rows))
            for letters in set(_CELL_COLUMN.findall(data)):
                number = column_number(letters.decode())
                if number > widest:
                    widest, widest_letters = number, letters.decode()
            _check_extent(last_row, widest, limits, refuse, Msg("found.sheet_over"),
                          Msg("found.cell_at", row=last_row, column=widest_letters or "A"))
            # A reference cut at the chunk's end is read whole with the next chunk; a
            # tag seen twice changes no maximum.
            carry = data[-256:]
