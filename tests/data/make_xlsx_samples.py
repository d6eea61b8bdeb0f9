"""Writes contacts_titled.xlsx: the six contacts of contacts_generic.csv as a CRM exports them
to Excel (two title rows above the header, real date cells, numbers as numbers).
Run once: python tests/data/make_xlsx_samples.py (the file is committed)."""

import csv
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
NUMERIC = {"wait_s", "talk_s", "hold_s", "acw_s", "sale_amount", "csat", "nps"}
TIMES = {"arrived_at", "answered_at", "ended_at"}

with open(HERE / "contacts_generic.csv", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
wb = Workbook()
ws = wb.active
ws.title = "Export"
ws.append(["Acme — contact detail"])
ws.append(["Week 10, 2026"])
ws.append(list(rows[0]))
for row in rows:
    cells = []
    for name, value in row.items():
        if value == "":
            cells.append(None)
        elif name in TIMES:
            cells.append(datetime.strptime(value, "%Y-%m-%d %H:%M:%S"))
        elif name in NUMERIC:
            cells.append(float(value))
        else:
            cells.append(value)
    ws.append(cells)
# A formula-looking text cell must stay text: openpyxl would store "=..." as a formula.
for cell in ws["P"]:
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
wb.save(HERE / "contacts_titled.xlsx")
