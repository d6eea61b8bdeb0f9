"""Committee packs people take into the meeting: an Excel workbook per committee.

The figures are the committee's (so the engine's); durations are written as Excel times
(hh:mm:ss), rates as percentages, and every text from exports or notes stays text.
"""

from __future__ import annotations

import html

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from kpi.governance.actions import actions_for_people
from kpi.governance.feedback import feedback_for_people
from kpi.i18n import format_date, format_value, t
from kpi.metrics.registry import AMOUNT, COUNT, KPI_BY_ID, PCT, SECONDS
from kpi.reports.excel import save_bytes, write_sheet
from kpi.reports.production import ProductionCommittee

STATUS_FILLS = {"met": PatternFill("solid", fgColor="D4EDDA"),
                "missed": PatternFill("solid", fgColor="F8D7DA")}
EXCEL_FORMATS = {PCT: "0.0%", SECONDS: "[h]:mm:ss", COUNT: "#,##0", AMOUNT: "#,##0.00"}


def _excel_value(kpi_id: str, value):
    """Seconds become Excel day fractions so that hh:mm:ss shows them."""
    if value is None or pd.isna(value):
        return None
    return value / 86400 if KPI_BY_ID[kpi_id].unit == SECONDS else float(value)


def production_pack_xlsx(committee: ProductionCommittee, lang: str = "en") -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    summary = pd.DataFrame([
        (t("col.provider", lang), committee.provider),
        (t("production.week", lang), f"{committee.label} ({format_date(committee.week, lang)}"
                                     f" → {format_date(committee.week_end, lang)})"),
        (t("explorer.sl", lang), committee.sl_definition),
        (t("production.note", lang), committee.note),
    ], columns=["", committee.provider])
    write_sheet(wb, t("pack.summary", lang), summary)

    columns = ["value", "target", "previous", "four_weeks", "delta"]
    headings = [t("targets.kpi", lang), t("production.this_week", lang),
                t("targets.value", lang), t("targets.status", lang),
                t("production.previous", lang), t("production.four_weeks", lang),
                t("production.delta", lang), "id"]
    rows = []
    for record in committee.kpis.to_dict("records"):
        kpi = record["kpi"]
        values = {c: _excel_value(kpi, record[c]) for c in columns}
        rows.append([KPI_BY_ID[kpi].label(lang), values["value"], values["target"],
                     t(f"status.{record['status']}", lang) if record["status"] else "",
                     values["previous"], values["four_weeks"], values["delta"], kpi])
    ws = write_sheet(wb, t("production.kpis", lang)[:31], pd.DataFrame(rows, columns=headings))
    for row_index, record in enumerate(committee.kpis.to_dict("records"), start=2):
        fmt = EXCEL_FORMATS.get(KPI_BY_ID[record["kpi"]].unit, "0.00")
        for col in (2, 3, 5, 6, 7):
            ws.cell(row_index, col).number_format = fmt
        fill = STATUS_FILLS.get(record["status"])
        if fill:
            ws.cell(row_index, 4).fill = fill
            ws.cell(row_index, 4).font = Font(bold=True)

    daily = committee.daily.drop(columns=["below_target"], errors="ignore")
    ws = write_sheet(wb, t("production.daily", lang), daily,
                     {"answer_rate": "0.0%", "service_level": "0.0%"})
    chart = BarChart()
    chart.title = t("production.daily", lang)
    chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=1, max_row=len(daily) + 1),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(daily) + 1))
    chart.height, chart.width = 8, 18
    ws.add_chart(chart, "H2")

    write_sheet(wb, t("production.forecast", lang), committee.forecast)
    if not committee.intraday.empty:
        write_sheet(wb, "Intraday", committee.intraday,
                    {"answer_rate": "0.0%", "service_level": "0.0%"})
    for title, frame in ((t("scope.queue", lang), committee.by_queue),
                         (t("scope.site", lang), committee.by_site)):
        write_sheet(wb, title, frame, {k: EXCEL_FORMATS[PCT] for k in frame.columns
                                       if k in KPI_BY_ID and KPI_BY_ID[k].unit == PCT})
    write_sheet(wb, t("nav.feedback", lang), feedback_for_people(committee.feedback, lang))
    write_sheet(wb, t("nav.actions", lang), actions_for_people(committee.actions, lang))
    return save_bytes(wb)


_PRINT_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: 'Source Sans Pro', Arial, sans-serif; color: #222; margin: 24px; }
h1 { color: #1f3a5f; margin-bottom: 0; } h2 { color: #1f3a5f; border-bottom: 2px solid #1f3a5f;
  padding-bottom: 4px; margin-top: 28px; }
.meta { color: #666; margin-top: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th { background: #1f3a5f; color: white; text-align: left; padding: 6px; }
td { border-bottom: 1px solid #ddd; padding: 5px 6px; }
td.num { text-align: right; } .met { background: #d4edda; } .missed { background: #f8d7da; }
section { page-break-inside: avoid; } .chart { page-break-inside: avoid; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } }
"""


def _text(value) -> str:
    empty = value is None or (not isinstance(value, str) and pd.isna(value))
    return "" if empty else html.escape(str(value))


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "<p>—</p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{_text(v)}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def production_pack_html(committee: ProductionCommittee, lang: str = "en") -> str:
    """One self-contained file: plotly inlined once, no network needed, prints A4 landscape."""
    from kpi.reports.charts import production_charts

    def value(kpi: str, number, signed: bool = False) -> str:
        return format_value(number, KPI_BY_ID[kpi].unit, lang, signed)

    rows = []
    for record in committee.kpis.to_dict("records"):
        kpi, status = record["kpi"], record["status"]
        target = "" if record["target"] is None or pd.isna(record["target"]) else \
            f"{record['comparator']} {value(kpi, record['target'])}"
        cells = [html.escape(KPI_BY_ID[kpi].label(lang)), value(kpi, record["value"]),
                 html.escape(target), t(f"status.{status}", lang) if status else "",
                 value(kpi, record["previous"]), value(kpi, record["four_weeks"]),
                 value(kpi, record["delta"], True)]
        rows.append("<tr>" + "".join(
            f'<td class="{"num" if i in (1, 4, 5, 6) else status if i == 3 else ""}">{c}</td>'
            for i, c in enumerate(cells)) + "</tr>")
    headings = ["targets.kpi", "production.this_week", "targets.value", "targets.status",
                "production.previous", "production.four_weeks", "production.delta"]
    kpi_table = ("<table><thead><tr>" + "".join(f"<th>{t(h, lang)}</th>" for h in headings)
                 + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    charts = production_charts(committee, lang)
    rendered = []
    for index, figure in enumerate(charts.values()):
        rendered.append('<div class="chart">' + figure.to_html(
            full_html=False, include_plotlyjs=index == 0, default_width="100%",
            config={"displaylogo": False, "responsive": True,
                    "toImageButtonOptions": {"format": "png"}})
            + "</div>")
    feedback = feedback_for_people(committee.feedback, lang)
    actions = actions_for_people(committee.actions, lang)
    title = f"{t('production.title', lang)} — {committee.provider} — {committee.label}"
    period = f"{format_date(committee.week, lang)} → {format_date(committee.week_end, lang)}"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{_PRINT_CSS}</style></head><body>
<h1>{html.escape(title)}</h1>
<p class="meta">{period} · {html.escape(committee.sl_definition)}</p>
<section><h2>{t("production.kpis", lang)}</h2>{kpi_table}</section>
<section><h2>{t("production.daily", lang)}</h2>{"".join(rendered)}</section>
<section><h2>{t("production.feedback", lang)}</h2>{_table(feedback)}</section>
<section><h2>{t("production.actions", lang)}</h2>{_table(actions)}</section>
<section><h2>{t("production.note", lang)}</h2><p>{html.escape(committee.note) or "—"}</p>
</section></body></html>"""
