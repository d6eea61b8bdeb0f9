"""What a committee shows, whatever shows it: sections of tables with units, charts, text.

The pages draw these with Streamlit, the packs with openpyxl and HTML: one description, so
the page, the workbook and the HTML file show the same figures under the same headings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from kpi.i18n import format_date, format_value, t
from kpi.metrics.registry import KPI_BY_ID
from kpi.reports.safe_text import file_stem

ROW_KPI = "row_kpi"  # the unit is the one of the KPI the row is about
ROW_UNIT = "row_unit"  # the unit is named in the row's `kpi_key` column
STATUS = "status"  # met / missed / no data: translated and coloured
TEXT = "text"
DATE = "date"
MONTH = "month"
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤"}
STATUS_COLOURS = {"met": "#d4edda", "missed": "#f8d7da"}
HIGHLIGHT_COLOUR = "#f8d7da"


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    unit: str = TEXT  # a KPI unit (pct, seconds, count…), ROW_KPI, STATUS, TEXT, DATE, MONTH
    signed: bool = False
    prefix: str | None = None  # a column whose text precedes the value (a comparator)


@dataclass
class Table:
    frame: pd.DataFrame
    columns: list[Column]
    highlight: list[bool] | None = None  # rows to flag (overdue actions)
    kpi_key: str = "kpi"  # with ROW_KPI columns: the column naming each row's KPI

    def unit(self, column: Column, record: dict) -> str:
        if column.unit == ROW_UNIT:
            return record[self.kpi_key]
        return KPI_BY_ID[record[self.kpi_key]].unit if column.unit == ROW_KPI else column.unit

    @property
    def per_kpi_rows(self) -> bool:
        return any(c.unit == ROW_KPI for c in self.columns)

    def cell_text(self, column: Column, record: dict, lang: str) -> str:
        value = record.get(column.key)
        unit = self.unit(column, record)
        if unit == STATUS:
            return t(f"status.{value}", lang) if isinstance(value, str) and value else ""
        if _missing(value):
            return "" if unit in (TEXT, DATE, MONTH) or column.prefix else "—"
        if unit == DATE:
            return format_date(pd.Timestamp(value).date(), lang)
        if unit == MONTH:
            return pd.Timestamp(value).strftime("%m/%Y" if lang == "fr" else "%Y-%m")
        if unit == TEXT:
            return str(value)
        text = format_value(value, unit, lang, column.signed)
        prefix = self.prefix(column, record)
        return f"{prefix} {text}" if prefix else text

    def prefix(self, column: Column, record: dict) -> str:
        """The comparator before a target's value, as ≥ or ≤."""
        value = record.get(column.prefix) if column.prefix else None
        return COMPARATOR_SIGNS.get(value, value) if isinstance(value, str) else ""

    def for_people(self, lang: str) -> pd.DataFrame:
        """Every cell as text people read, under the translated headings."""
        records = self.frame.to_dict("records")
        return pd.DataFrame({c.heading: [self.cell_text(c, r, lang) for r in records]
                             for c in self.columns}, columns=[c.heading for c in self.columns])


def kpi_columns(kpi_ids, lang: str) -> list[Column]:
    """One column per KPI id (a table whose columns are KPIs)."""
    return [Column(k, KPI_BY_ID[k].label(lang), KPI_BY_ID[k].unit) for k in kpi_ids]


def text_table(frame: pd.DataFrame, highlight: list[bool] | None = None) -> Table:
    """A table already written for people (translated headings and values)."""
    return Table(frame, [Column(str(c), str(c)) for c in frame.columns], highlight)


@dataclass(frozen=True)
class ExcelChart:
    """A native chart next to the section's table in the workbook."""
    kind: str  # bar or line
    category: str  # column key of the categories
    values: tuple[str, ...]  # column keys of the series


@dataclass
class Section:
    key: str
    title: str
    table: Table | None = None
    charts: dict[str, go.Figure] = field(default_factory=dict)
    text: str | None = None
    excel_chart: ExcelChart | None = None
    sheet: str | None = None  # a shorter name for the workbook (31 characters at most)


@dataclass
class Pack:
    kind: str  # production, steering, strategic
    title: str
    summary: list[tuple[str, str]]  # (label, value): the first sheet and the HTML header
    sections: list[Section]
    lang: str
    file_stem: str  # made safe for a file name (and the charts' script) on creation

    def __post_init__(self) -> None:
        self.file_stem = file_stem(self.file_stem)

    def __getitem__(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def __contains__(self, key: str) -> bool:
        return any(s.key == key for s in self.sections)
