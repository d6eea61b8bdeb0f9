"""Committee packs people take into the meeting: an Excel workbook per committee.

The figures are the committee's (so the engine's); durations are written as Excel times
(hh:mm:ss), rates as percentages, and every text from exports or notes stays text.
"""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from kpi.i18n import format_date, t
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
    write_sheet(wb, t("nav.feedback", lang), committee.feedback)
    write_sheet(wb, t("nav.actions", lang), committee.actions)
    return save_bytes(wb)
