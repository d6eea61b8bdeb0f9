"""Text from exports, notes or URLs, made safe for where it goes: an Excel cell or sheet
name, a CSV meant for a spreadsheet, Streamlit markdown.

A provider, queue or grid item can be named anything, `=HYPERLINK(…)` or `+cmd|…` included.
Nothing the cockpit writes may run as a formula, break the file, or render as a link:

- Excel: every text cell is a string cell (openpyxl makes any text starting with "=" a
  formula, and "#N/A" an error, unless told otherwise), without the control characters the
  format forbids (openpyxl refuses them, which failed the whole pack), at most 32,767
  characters; sheet names without []:*?/\\, no leading or trailing apostrophe, 31 characters.
- CSV: a cell starting with =, +, -, @, a tab or a carriage return gets a leading
  apostrophe (OWASP's advice against CSV injection), headers included.
- Markdown: every ASCII punctuation character backslash-escaped, so a name stays words.
"""

from __future__ import annotations

import re

import pandas as pd

# What the XML of a workbook cannot hold (tab, newline and carriage return it can).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
EXCEL_CELL_MAX = 32_767
SHEET_TITLE_MAX = 31
CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def excel_text(value: object) -> str:
    """Text an Excel cell can hold: no forbidden control character, within the size."""
    return _ILLEGAL.sub("", str(value))[:EXCEL_CELL_MAX]


def set_text(cell, value: object) -> None:
    """Put `value` in an openpyxl cell as text that stays text, whatever it looks like."""
    cell.value = excel_text(value)
    cell.data_type = "s"


def keep_text(cell) -> None:
    """A cell openpyxl already holds: if it holds text, make sure it stays text."""
    if isinstance(cell.value, str):
        set_text(cell, cell.value)


def sheet_title(title: object, taken: set[str] | None = None) -> str:
    """A valid, unique (case-insensitive, within `taken`) sheet name for `title`."""
    name = _SHEET_FORBIDDEN.sub(" ", str(title))[:SHEET_TITLE_MAX].strip().strip("'").strip()
    name = name or "Sheet"
    if taken is None:
        return name
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[:SHEET_TITLE_MAX - len(suffix)].rstrip() + suffix, n + 1
    taken.add(name.lower())
    return name


def csv_cell(value):
    """One CSV cell: formula-looking text gets a leading apostrophe; anything else as is."""
    if isinstance(value, str) and value.startswith(CSV_TRIGGERS):
        return "'" + value
    return value


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells and headers cannot run in a spreadsheet."""
    safe = frame.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column])
                or pd.api.types.is_datetime64_any_dtype(safe[column])
                or pd.api.types.is_bool_dtype(safe[column])):
            safe[column] = safe[column].map(csv_cell).astype(object)
    safe.columns = [csv_cell(str(c)) for c in safe.columns]
    return safe


# How a spreadsheet of each language reads a CSV: a French Excel splits on ';' and reads
# '0,85' as a number, so a French download written with ',' would open as one column.
CSV_SEPARATORS = {"fr": (";", ","), "en": (",", ".")}


def csv_bytes(frame: pd.DataFrame, lang: str = "en") -> bytes:
    """A CSV download for spreadsheets in the reader's language (French: ';' between cells,
    decimal comma): UTF-8 with BOM (Excel reads accents), text made safe."""
    sep, decimal = CSV_SEPARATORS.get(lang, CSV_SEPARATORS["en"])
    return csv_safe(frame).to_csv(index=False, sep=sep, decimal=decimal).encode("utf-8-sig")


def markdown_literal(text: object) -> str:
    """`text` shown as itself in Streamlit markdown: no link, image, emphasis, colour or
    icon directive, HTML or formula; on one line."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def file_stem(text: object) -> str:
    """A file name's stem from names people gave: letters, digits, '-', '_' and '.' only (no
    path, no quote or '<' that would reach a script's configuration)."""
    return re.sub(r"_{2,}", "_", re.sub(r"[^\w.-]+", "_", str(text))).strip("._") or "cockpit"
