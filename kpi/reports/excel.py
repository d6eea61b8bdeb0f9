"""Excel workbooks written with openpyxl, safe for text from exports.

A cell whose text starts with =, +, - or @ would be a formula in Excel: every text cell,
header and sheet name goes through `kpi.reports.safe_text` (a string cell, no forbidden
control character), so nothing from an export or a note is ever executed or breaks the file.
"""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kpi.reports.safe_text import set_text, sheet_title

HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
HEADER_FONT = Font(bold=True, color="FFFFFF")


def _cell_value(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return value


def write_sheet(wb: Workbook, title: str, frame: pd.DataFrame,
                number_formats: dict[str, str] | None = None):
    """One sheet: styled header, frozen panes, text kept as text, number formats by column."""
    number_formats = number_formats or {}
    ws = wb.create_sheet(sheet_title(title, {s.lower() for s in wb.sheetnames}))
    for col_index, name in enumerate(frame.columns, start=1):
        cell = ws.cell(1, col_index)
        set_text(cell, name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    for row_index, row in enumerate(frame.itertuples(index=False), start=2):
        for col_index, value in enumerate(row, start=1):
            value = _cell_value(value)
            if isinstance(value, str):
                set_text(ws.cell(row_index, col_index), value)  # text stays text: '=cmd|…'
            elif value is not None:
                ws.cell(row_index, col_index, value)
    for col_index, name in enumerate(frame.columns, start=1):
        letter = get_column_letter(col_index)
        fmt = number_formats.get(str(name))
        for cell in ws[letter][1:]:
            if fmt and isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = fmt
            elif isinstance(cell.value, date | datetime):
                cell.number_format = "yyyy-mm-dd"
        width = max([len(str(name))] + [len(str(c.value)) for c in ws[letter][1:50]
                                          if c.value is not None])
        ws.column_dimensions[letter].width = max(10, min(60, width + 2))
    ws.freeze_panes = "B2"
    return ws


def workbook_bytes(sheets: dict[str, pd.DataFrame],
                   number_formats: dict[str, str] | None = None) -> bytes:
    """One sheet per frame (see write_sheet)."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, frame in sheets.items():
        write_sheet(wb, title, frame, number_formats)
    return save_bytes(wb)


def save_bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
