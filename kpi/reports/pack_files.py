"""A pack as files people take into the meeting: an Excel workbook and a self-contained HTML.

Workbook: a summary sheet, then one sheet per section with a styled header, frozen panes,
numbers kept as numbers (rates as %, durations as hh:mm:ss, comparators in the number
format so the cell still holds the figure), status colours and native charts. Every text
from an export or a note stays text: cells, headers, sheet names and chart titles go through
`kpi.reports.safe_text` (string cells, no forbidden control character, valid sheet names).
HTML: everything escaped, plotly inlined once, no network needed, prints on A4 landscape.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kpi.i18n import CURRENCY_SYMBOLS, NNBSP, t, unit_currency
from kpi.metrics.registry import AMOUNT, COUNT, PCT, RATE, SCORE, SECONDS
from kpi.reports.charts import chart_in_language
from kpi.reports.excel import save_bytes, write_sheet
from kpi.reports.layout import (
    DATE,
    HIGHLIGHT_COLOUR,
    MONTH,
    STATUS,
    STATUS_COLOURS,
    TEXT,
    Column,
    Pack,
    Section,
    Table,
)
from kpi.reports.safe_text import excel_text, sheet_title

EXCEL_FORMATS = {PCT: "0.0%", SECONDS: "[h]:mm:ss", COUNT: "#,##0", AMOUNT: "#,##0.00",
                 RATE: "0.00", SCORE: "0.0"}
DATE_FORMATS = {DATE: {"fr": "dd/mm/yyyy", "en": "yyyy-mm-dd"},
                MONTH: {"fr": "mm/yyyy", "en": "yyyy-mm"}}
NUMERIC = (PCT, SECONDS, COUNT, AMOUNT, RATE, SCORE)


def money_format(currency: str, lang: str) -> str:
    """Excel's number format of an amount in `currency`, the symbol where `lang` puts it
    (Excel's own locale then chooses the separators): 1 234,50 € / €1,234.50."""
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    if lang == "fr":
        return f'{EXCEL_FORMATS[AMOUNT]}"{NNBSP}{symbol}"'
    return f'"{symbol}{" " if symbol[-1].isalpha() else ""}"{EXCEL_FORMATS[AMOUNT]}'


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


def _excel_cell(table: Table, column: Column, record: dict, lang: str):
    """(value, number format or None) of one cell."""
    unit = table.unit(column, record)
    currency = unit_currency(unit)
    unit = AMOUNT if currency else unit
    value = record.get(column.key)
    missing = value is None or (not isinstance(value, str) and pd.isna(value))
    if unit == STATUS:
        return table.cell_text(column, record, lang) or None, None
    if unit not in NUMERIC:
        return (None if missing else value if unit in DATE_FORMATS else str(value)), None
    if missing:
        return None, None
    if unit == SECONDS and not column.signed:
        value, fmt = float(value) / 86400, EXCEL_FORMATS[SECONDS]  # an Excel time
    elif unit == SECONDS:  # a negative time shows as ####: signed durations stay seconds
        value, fmt = float(value), '+0.0" s";-0.0" s";0" s"'
    else:
        value, fmt = float(value), money_format(currency, lang) if currency \
            else EXCEL_FORMATS[unit]
        if column.signed:
            fmt = f"+{fmt};-{fmt};{fmt}"
    prefix = table.prefix(column, record)
    if prefix:
        fmt = f'"{prefix} "{fmt}'
    return value, fmt


def _write_table(wb: Workbook, title: str, table: Table, lang: str):
    records = table.frame.to_dict("records")
    cells = [[_excel_cell(table, c, r, lang) for c in table.columns] for r in records]
    frame = pd.DataFrame([[value for value, _ in row] for row in cells],
                         columns=[c.heading for c in table.columns], dtype=object)
    if table.per_kpi_rows:  # the id lets a formula or a check key on the KPI
        frame["id"] = [r[table.kpi_key] for r in records]
    ws = write_sheet(wb, title, frame)
    for row_index, (record, row) in enumerate(zip(records, cells, strict=True), start=2):
        for col_index, (column, (_, fmt)) in enumerate(zip(table.columns, row, strict=True),
                                                       start=1):
            cell = ws.cell(row_index, col_index)
            if fmt:
                cell.number_format = fmt
            elif column.unit in DATE_FORMATS and cell.value is not None:
                cell.number_format = DATE_FORMATS[column.unit].get(lang, "yyyy-mm-dd")
            colour = STATUS_COLOURS.get(record.get(column.key)) \
                if column.unit == STATUS else None
            if colour:
                cell.fill, cell.font = _fill(colour), Font(bold=True)
        if table.highlight and table.highlight[row_index - 2]:
            for cell in ws[row_index]:
                cell.fill = _fill(HIGHLIGHT_COLOUR)
    return ws


def _add_excel_chart(ws, section: Section) -> None:
    spec, table = section.excel_chart, section.table
    keys = [c.key for c in table.columns]
    rows = len(table.frame)
    if spec is None or rows == 0:
        return
    chart = BarChart() if spec.kind == "bar" else LineChart()
    chart.title = excel_text(section.title)
    for key in spec.values:
        col = keys.index(key) + 1
        chart.add_data(Reference(ws, min_col=col, min_row=1, max_row=rows + 1),
                       titles_from_data=True)
    category = keys.index(spec.category) + 1
    chart.set_categories(Reference(ws, min_col=category, min_row=2, max_row=rows + 1))
    chart.height, chart.width = 8, 18
    ws.add_chart(chart, f"{get_column_letter(len(keys) + 3)}2")


def pack_xlsx(pack: Pack) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    summary = pd.DataFrame(pack.summary, columns=["", pack.title])
    write_sheet(wb, sheet_title(t("pack.summary", pack.lang), taken), summary)
    for section in pack.sections:
        if section.table is not None:
            ws = _write_table(wb, sheet_title(section.sheet or section.title, taken),
                              section.table,
                              pack.lang)
            _add_excel_chart(ws, section)
        elif section.text is not None:
            write_sheet(wb, sheet_title(section.sheet or section.title, taken),
                        pd.DataFrame({section.title: [section.text]}))
    return save_bytes(wb)


_PRINT_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: 'Source Sans Pro', Arial, sans-serif; color: #222; margin: 24px; }
h1 { color: #1f3a5f; margin-bottom: 0; } h2 { color: #1f3a5f; border-bottom: 2px solid #1f3a5f;
  padding-bottom: 4px; margin-top: 28px; }
.summary td { border: none; padding: 2px 12px 2px 0; } .summary td:first-child { color: #666; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th { background: #1f3a5f; color: white; text-align: left; padding: 6px; }
td { border-bottom: 1px solid #ddd; padding: 5px 6px; }
td.num { text-align: right; white-space: nowrap; }
.met { background: #d4edda; font-weight: bold; } .missed { background: #f8d7da;
  font-weight: bold; } tr.flag td { background: #f8d7da; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.chart { min-width: 0; page-break-inside: avoid; } .chart.wide { grid-column: 1 / -1; }
section { page-break-inside: avoid; } p.text { white-space: pre-wrap; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } }
"""


def _html_table(table: Table, lang: str) -> str:
    records = table.frame.to_dict("records")
    if not records:
        return "<p>—</p>"
    head = "".join(f"<th>{html.escape(c.heading)}</th>" for c in table.columns)
    rows = []
    for index, record in enumerate(records):
        cells = []
        for column in table.columns:
            unit = table.unit(column, record)
            css = (record.get(column.key) or "") if unit == STATUS else \
                "num" if unit not in (TEXT, DATE, MONTH) else ""
            text = html.escape(table.cell_text(column, record, lang))
            cells.append(f'<td class="{css}">{text}</td>' if css else f"<td>{text}</td>")
        flag = ' class="flag"' if table.highlight and table.highlight[index] else ""
        rows.append(f"<tr{flag}>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def pack_html(pack: Pack) -> str:
    """One self-contained file: plotly inlined once, no network needed, A4 landscape."""
    parts, inlined = [], False
    for section in pack.sections:
        body = [f"<h2>{html.escape(section.title)}</h2>"]
        if section.charts:
            charts = []
            css = "chart" if len(section.charts) > 1 else "chart wide"
            for name, figure in section.charts.items():
                charts.append(f'<div class="{css}">' + chart_in_language(figure, pack.lang).to_html(
                    full_html=False, include_plotlyjs=not inlined, default_width="100%",
                    config={"displaylogo": False, "responsive": True,
                            "toImageButtonOptions": {"format": "png", "scale": 2,
                                                     "filename": f"{pack.file_stem}_{name}"}})
                    + "</div>")
                inlined = True
            body.append(f'<div class="charts">{"".join(charts)}</div>')
        if section.table is not None:
            body.append(_html_table(section.table, pack.lang))
        if section.text is not None:
            body.append(f'<p class="text">{html.escape(section.text) or "—"}</p>')
        parts.append(f"<section>{''.join(body)}</section>")
    summary = "".join(f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
                      for label, value in pack.summary)
    return f"""<!DOCTYPE html>
<html lang="{pack.lang}"><head><meta charset="utf-8"><title>{html.escape(pack.title)}</title>
<style>{_PRINT_CSS}</style></head><body>
<h1>{html.escape(pack.title)}</h1>
<table class="summary">{summary}</table>
{"".join(parts)}
</body></html>"""


def write_pack(pack: Pack, out: Path) -> None:
    """FILE.xlsx or FILE.html, chosen by the suffix."""
    if out.suffix.lower() == ".html":
        out.write_text(pack_html(pack), encoding="utf-8")
    else:
        out.write_bytes(pack_xlsx(pack))
