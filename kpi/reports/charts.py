"""The committees' charts, drawn once for the pages and for the packs."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kpi.i18n import format_date, format_value, t
from kpi.metrics.registry import KPI_BY_ID
from kpi.reports.production import ProductionCommittee

NAVY, SKY, GOLD, RED, GREEN = "#1f3a5f", "#9bb7d4", "#d9a441", "#c62828", "#2e7d32"


def volume_and_service_level(frame: pd.DataFrame, labels: list[str], title: str, lang: str,
                             below_target: pd.Series | None = None) -> go.Figure:
    """Offered and answered as bars, service level as a line (red where below target)."""
    figure = go.Figure()
    figure.add_bar(x=labels, y=frame.offered, name=KPI_BY_ID["offered"].label(lang),
                   marker_color=SKY)
    figure.add_bar(x=labels, y=frame.answered, name=KPI_BY_ID["answered"].label(lang),
                   marker_color=NAVY)
    flags = below_target if below_target is not None else [False] * len(frame)
    figure.add_scatter(x=labels, y=frame.service_level, yaxis="y2", mode="lines+markers",
                       name=KPI_BY_ID["service_level"].label(lang), line={"color": "#555"},
                       marker={"color": [RED if f else GREEN for f in flags], "size": 9})
    figure.update_layout(title=title, barmode="group", height=340,
                         margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         legend={"orientation": "h", "y": -0.2},
                         yaxis2={"overlaying": "y", "side": "right", "tickformat": ".0%",
                                 "range": [0, 1.0], "dtick": 0.2, "showgrid": False},
                         xaxis={"type": "category"})  # one labelled bar group per day/slot
    return figure


def production_charts(committee: ProductionCommittee, lang: str) -> dict[str, go.Figure]:
    days = [format_date(pd.Timestamp(d).date(), lang) for d in committee.daily.period_start]
    charts = {"daily": volume_and_service_level(
        committee.daily, days, t("production.daily", lang), lang,
        committee.daily.get("below_target"))}
    forecast = go.Figure()
    forecast.add_bar(x=days, y=committee.forecast.offered, name=t("production.actual", lang),
                     marker_color=NAVY)
    forecast.add_bar(x=days, y=committee.forecast.forecast_offered,
                     name=t("production.forecast", lang), marker_color=GOLD)
    accuracy = format_value(committee.forecast_accuracy, "pct", lang)
    forecast.update_layout(title=t("production.forecast_title", lang, accuracy=accuracy),
                           barmode="group", height=340,
                           margin={"l": 10, "r": 10, "t": 40, "b": 10},
                           legend={"orientation": "h", "y": -0.2}, xaxis={"type": "category"})
    charts["forecast"] = forecast
    if not committee.intraday.empty:
        charts["intraday"] = volume_and_service_level(
            committee.intraday, committee.intraday.slot.tolist(),
            t("production.intraday", lang), lang, committee.intraday.below_target)
    return charts
