"""The committees' charts, drawn once for the pages and for the packs."""

from __future__ import annotations

import base64
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kpi.i18n import CURRENCY_SYMBOLS, amount_unit, format_date, format_value, t
from kpi.metrics.registry import KPI_BY_ID
from kpi.reports.production import ProductionCommittee

NAVY, SKY, GOLD, RED, GREEN = "#1f3a5f", "#9bb7d4", "#d9a441", "#c62828", "#2e7d32"
PALETTE = (NAVY, GOLD, "#7a9e3f", "#8e5ea2", SKY, RED)  # one colour per provider/evaluator
# How plotly writes numbers on axes and in hovers, per language: its `separators` are the
# decimal mark then the thousands one (French: 1 234,5; a narrow no-break space).
SEPARATORS = {"fr": ",\u202f", "en": ".,"}


# d3 writes a percentage with no space ("80%"); French puts a narrow no-break space before
# it ("80 %"), which d3 cannot: in French a rate axis shows values × 100 with this suffix.
PERCENT_SUFFIX = "\u202f%"
_PCT_FORMAT = re.compile(r"^\.(\d+)%$")  # d3's ".0%", ".1%": the rate axes charts draw
_PCT_HOVER = re.compile(r"%\{([xyz]):\.(\d+)%\}")  # %{y:.1%} in a hovertemplate


def chart_in_language(figure: go.Figure, lang: str) -> go.Figure:
    """`figure` with numbers written as `lang` writes them; the one place both the pages
    and the HTML packs set it, whatever chart they draw. In French a rate axis reads
    "80 %": a new figure is returned, the one given (maybe cached and shared between
    sessions) is left as it is, so calling it again never scales twice."""
    separators = SEPARATORS.get(lang, SEPARATORS["en"])
    if lang != "fr" or not _pct_axes(figure.layout.to_plotly_json()):
        figure.layout.separators = separators
        return figure
    spec = figure.to_dict()  # a deep copy
    spec["data"] = _decoded(spec["data"])
    spec["layout"]["separators"] = separators
    _percent_in_french(spec)
    return go.Figure(spec, _validate=False)  # already valid: skip plotly's slow checks


def _pct_axes(layout: dict) -> dict[str, int]:
    """The rate axes of a figure's layout: their reference ('y', 'y2', 'x3') and decimals."""
    found = {}
    for name, axis in layout.items():
        match = re.fullmatch(r"([xy])axis(\d*)", name)
        if not match or not isinstance(axis, dict):
            continue
        format_match = _PCT_FORMAT.match(str(axis.get("tickformat") or ""))
        if format_match:
            found[match[1] + match[2]] = int(format_match[1])
    return found


def _decoded(node):
    """A figure's spec with plotly's base64 arrays ({'dtype', 'bdata'}, what to_dict gives
    for numpy data) as numpy arrays again, as the figure held them."""
    if isinstance(node, dict) and "bdata" in node and "dtype" in node:
        array = np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"])
        if "shape" in node:
            array = array.reshape([int(n) for n in str(node["shape"]).split(",")])
        return array
    if isinstance(node, dict):
        return {key: _decoded(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_decoded(value) for value in node]
    return node


def _times_100(values):
    """An array of a figure's spec × 100 (a list or a numpy array)."""
    if isinstance(values, list | tuple | np.ndarray):
        return pd.to_numeric(pd.Series(list(values), dtype=object),
                             errors="coerce").to_numpy(dtype="float64") * 100
    return values * 100 if isinstance(values, int | float) else values


def _percent_in_french(spec: dict) -> None:
    """Each rate axis of `spec` in French: its traces, lines and notes × 100, its ticks
    '80 %' (same decimals), the hovers that wrote a rate as d3's % likewise."""
    layout = spec["layout"]
    axes = _pct_axes(layout)
    for ref, decimals in axes.items():
        axis = layout[f"{ref[0]}axis{ref[1:]}"]
        axis.update(tickformat=f".{decimals}f", ticksuffix=PERCENT_SUFFIX)
        for key in ("range", "tickvals"):
            if axis.get(key) is not None:
                axis[key] = [None if v is None else v * 100 for v in axis[key]]
        for key in ("dtick", "tick0"):
            if isinstance(axis.get(key), int | float):
                axis[key] = axis[key] * 100
    for trace in spec["data"]:
        scaled = []
        for letter in "xy":
            ref = trace.get(f"{letter}axis") or letter
            if ref in axes and trace.get(letter) is not None:
                trace[letter] = _times_100(trace[letter])
                scaled.append((letter, axes[ref]))
        template = trace.get("hovertemplate")
        if isinstance(template, str):
            template = _PCT_HOVER.sub(lambda m: f"%{{{m[1]}:.{m[2]}f}}{PERCENT_SUFFIX}",
                                      template)
            for letter, decimals in scaled:  # a bare %{y} of a rate now reads 80,5 %
                template = template.replace(f"%{{{letter}}}",
                                            f"%{{{letter}:.{decimals + 1}f}}{PERCENT_SUFFIX}")
            trace["hovertemplate"] = template
    for item in [*layout.get("shapes", ()), *layout.get("annotations", ())]:
        for letter in "xy":
            if item.get(f"{letter}ref") in axes:
                for key in (letter, f"{letter}0", f"{letter}1"):
                    if isinstance(item.get(key), int | float):
                        item[key] = item[key] * 100


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


def _value_axis(kpi: str) -> dict:
    """How a KPI's value axis writes its ticks: a rate as %, a duration in seconds."""
    unit = KPI_BY_ID[kpi].unit
    return {"tickformat": ".0%" if unit == "pct" else None,
            "ticksuffix": " s" if unit == "seconds" else None}


def _lay_out_small_multiples(figure: go.Figure, height: int, top: int) -> None:
    """What both figures of small multiples share: the charts' titles a size up, room for
    every chart's tick labels (the pages' theme makes it; a pack's HTML, on plotly's own
    defaults, clipped the left column's), the legend across the top."""
    figure.update_annotations(font_size=14, selector={"yref": "paper"})
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(automargin=True)
    figure.update_layout(height=height, margin={"l": 10, "r": 10, "t": top, "b": 10},
                         legend={"orientation": "h", "y": 0.99, "yanchor": "top", "x": 0,
                                 "yref": "container"})


def trend_small_multiples(frame: pd.DataFrame, kpis: list[str], lang: str,
                          colour_by: str | None = None,
                          targets: dict[str, list[float]] | None = None,
                          row_height: int = 260) -> go.Figure:
    """Each KPI over periods in a small chart of its own, two abreast, one line per
    `colour_by` value (one legend: clicking a provider hides it in every chart), its
    `targets` dashed. One figure, not one per KPI: a browser draws ten charts in one about
    as fast as one of them, where ten figures took it most of a second to draw again."""
    if not kpis:
        return go.Figure()
    columns = min(2, len(kpis))
    rows = -(-len(kpis) // columns)
    top = 70 if colour_by else 40  # room for the legend above the charts
    height = row_height * rows + top
    figure = make_subplots(rows=rows, cols=columns, horizontal_spacing=0.08,
                           vertical_spacing=min(0.3, 70 / height),
                           subplot_titles=[KPI_BY_ID[k].label(lang) for k in kpis])
    groups = list(frame.groupby(colour_by, sort=True)) if colour_by else [(None, frame)]
    for index, kpi in enumerate(kpis):
        place = {"row": index // columns + 1, "col": index % columns + 1}
        for number, (name, lines) in enumerate(groups):
            figure.add_scatter(x=pd.to_datetime(lines.period_start), y=lines[kpi],
                               mode="lines+markers", name=name or KPI_BY_ID[kpi].label(lang),
                               line={"color": PALETTE[number % len(PALETTE)]},
                               legendgroup=name, showlegend=colour_by is not None and not index,
                               **place)
        for level in dict.fromkeys((targets or {}).get(kpi, ())):
            figure.add_hline(y=level, line_dash="dash", line_color="#666",
                             annotation_text=t("targets.value", lang),
                             annotation_position="top left", **place)
        figure.update_yaxes(rangemode="tozero", **_value_axis(kpi), **place)
        figure.update_xaxes(tickformat="%m/%Y" if lang == "fr" else "%b %Y", dtick="M1",
                            **place)
    _lay_out_small_multiples(figure, height, top)
    return figure


def period_small_multiples(comparison: pd.DataFrame, kpis: tuple[str, ...], lang: str,
                           this_label: str, previous_label: str) -> go.Figure:
    """One small bar chart per KPI: each provider's previous period (light) and this one."""
    columns = 5 if len(kpis) > 4 else len(kpis)
    rows = -(-len(kpis) // columns)
    figure = make_subplots(rows=rows, cols=columns, vertical_spacing=0.22,
                           horizontal_spacing=0.05,
                           subplot_titles=[KPI_BY_ID[k].label(lang) for k in kpis])
    for index, kpi in enumerate(kpis):
        rows_of = comparison[comparison.kpi == kpi]
        place = {"row": index // columns + 1, "col": index % columns + 1}
        for column, name, colour in (("previous", previous_label, SKY),
                                     ("value", this_label, NAVY)):
            figure.add_bar(x=rows_of.provider, y=rows_of[column], name=name,
                           marker_color=colour, showlegend=index == 0, legendgroup=column,
                           **place)
        figure.update_yaxes(**_value_axis(kpi), **place)
    _lay_out_small_multiples(figure, 260 * rows + 80, top=70)
    figure.update_layout(barmode="group")
    return figure


def volume_with_forecast(volume: pd.DataFrame, lang: str) -> go.Figure:
    """Monthly offered per provider, solid, and next period's forecast, dashed."""
    figure = go.Figure()
    for index, (provider, rows) in enumerate(volume.groupby("provider", sort=True)):
        colour = PALETTE[index % len(PALETTE)]
        actual = rows[~rows.forecast]
        ahead = rows[rows.forecast & rows.offered.notna()]
        figure.add_scatter(x=pd.to_datetime(actual.period_start), y=actual.offered,
                           mode="lines+markers", name=provider, line={"color": colour},
                           legendgroup=provider)
        if not ahead.empty and not actual.empty:
            bridge = pd.concat([actual.tail(1), ahead])
            figure.add_scatter(x=pd.to_datetime(bridge.period_start), y=bridge.offered,
                               mode="lines+markers", name=f"{provider} — "
                               f"{t('strategic.forecast', lang)}", legendgroup=provider,
                               line={"color": colour, "dash": "dash"}, marker={"symbol":
                                                                               "circle-open"})
    figure.update_xaxes(tickformat="%m/%Y" if lang == "fr" else "%b %Y", dtick="M1")
    figure.update_yaxes(rangemode="tozero")
    figure.update_layout(height=380, margin={"l": 10, "r": 10, "t": 20, "b": 10},
                         legend={"orientation": "h", "y": -0.2})
    return figure


def gap_heatmap(item_gaps: pd.DataFrame, items: list[str], lang: str,
                tolerance: float) -> go.Figure:
    """Evaluators × items, coloured by the mean signed gap to the reference (blue: harsher,
    red: more lenient; white within nothing), annotated with the gap."""
    pivot = item_gaps.pivot(index="evaluator", columns="item", values="gap").reindex(
        columns=items)
    limit = max(2 * tolerance, float(pivot.abs().max().max() or 0))
    figure = go.Figure(go.Heatmap(
        z=pivot.to_numpy(), x=list(pivot.columns), y=list(pivot.index), zmin=-limit,
        zmax=limit, zmid=0, colorscale=[[0, "#1f5fa8"], [0.5, "#ffffff"], [1, "#c62828"]],
        text=[[("" if pd.isna(v) else f"{v:+.1f}") for v in row] for row in pivot.to_numpy()],
        texttemplate="%{text}", textfont={"size": 14},
        colorbar={"title": t("calibration.gap_points", lang)},
        hovertemplate="%{y} · %{x}: %{z:+.1f}<extra></extra>"))
    figure.update_layout(title=t("calibration.heatmap", lang), height=120 + 55 * len(pivot),
                         margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         yaxis={"autorange": "reversed"})
    return figure


def calibration_trends(per_evaluator: pd.DataFrame, group: pd.DataFrame,
                       lang: str) -> dict[str, go.Figure]:
    """Each evaluator's mean absolute gap, and the group's agreement, session after session."""
    drift = go.Figure()
    for index, (name, rows) in enumerate(per_evaluator.groupby("evaluator", sort=True)):
        drift.add_scatter(x=pd.to_datetime(rows.day), y=rows.abs_gap, mode="lines+markers",
                          name=name, line={"color": PALETTE[index % len(PALETTE)]})
    drift.update_layout(title=t("calibration.drift", lang), height=320,
                        yaxis={"title": t("calibration.gap_points", lang),
                               "rangemode": "tozero"},
                        margin={"l": 10, "r": 10, "t": 40, "b": 10},
                        legend={"orientation": "h", "y": -0.25})
    agreement = go.Figure()
    for column, name, colour in (("icc", "ICC(2,1)", NAVY), ("alpha", "Krippendorff α", GOLD)):
        agreement.add_scatter(x=pd.to_datetime(group.day), y=group[column], name=name,
                              mode="lines+markers", line={"color": colour})
    agreement.update_layout(title=t("calibration.agreement_trend", lang), height=320,
                            yaxis={"range": [-0.5, 1]},
                            margin={"l": 10, "r": 10, "t": 40, "b": 10},
                            legend={"orientation": "h", "y": -0.25})
    return {"drift": drift, "agreement": agreement}


RECONCILIATION_COLOURS = {"consistent": GREEN, "other_definition": GOLD,
                          "inconsistent": RED, "no_data": "#999999"}


def reconciliation_chart(table: pd.DataFrame, kpi: str, lang: str) -> go.Figure:
    """One KPI's declared figure against Cockpit's detail and the report's own counts, each
    declared point coloured by its status: a month that changes definition stands out."""
    rows = table[table.kpi == kpi]
    labels = [format_date(pd.Timestamp(d).date(), lang) for d in rows.period_start]
    figure = go.Figure()
    figure.add_scatter(x=labels, y=rows.recomputed_detail, mode="lines",
                       name=t("reconcile.col.recomputed_detail", lang),
                       line={"color": NAVY})
    if rows.recomputed_counts.notna().any():
        figure.add_scatter(x=labels, y=rows.recomputed_counts, mode="lines",
                           name=t("reconcile.col.recomputed_counts", lang),
                           line={"color": SKY, "dash": "dot"})
    figure.add_scatter(x=labels, y=rows.declared, mode="markers",
                       name=t("reconcile.col.declared", lang),
                       marker={"size": 8, "color": [RECONCILIATION_COLOURS[s]
                                                    for s in rows.status]},
                       text=[t(f"reconcile.{s}", lang) for s in rows.status],
                       hovertemplate="%{x}: %{y}<br>%{text}<extra></extra>")
    unit = KPI_BY_ID[kpi].unit
    figure.update_layout(title=KPI_BY_ID[kpi].label(lang), height=320,
                         margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         legend={"orientation": "h", "y": -0.25}, xaxis={"type": "category"},
                         yaxis={"tickformat": ".0%"} if unit == "pct" else {})
    return figure


def visit_signals_chart(weeks: pd.DataFrame, visited_on, lang: str) -> go.Figure:
    """The data signatures week by week around a visit (kpi/visits/signals.py): rates as
    lines on the left axis, logged / Erlang C hours on the right; the weeks the rule reads
    shaded, the visit's week marked."""
    labels = [format_date(d, lang) for d in weeks.period_start]
    figure = go.Figure()
    for measure, colour in (("traceability_rate", NAVY), ("occupancy", GOLD),
                            ("feed_share", "#7a9e3f")):
        if weeks[measure].notna().any():
            figure.add_scatter(x=labels, y=weeks[measure], mode="lines+markers",
                               name=t(f"visits.measure.{measure}", lang),
                               line={"color": colour})
    if weeks.staffing_ratio.notna().any():
        figure.add_scatter(x=labels, y=weeks.staffing_ratio, mode="lines+markers",
                           yaxis="y2", name=t("visits.measure.staffing_ratio", lang),
                           line={"color": "#8e5ea2", "dash": "dot"})
    window = [label for label, inside in zip(labels, weeks.in_window, strict=True) if inside]
    if window:
        figure.add_vrect(x0=window[0], x1=window[-1], fillcolor=SKY, opacity=0.18,
                         line_width=0)
        figure.add_vline(x=window[-1], line={"color": RED, "dash": "dash"})
        figure.add_annotation(x=window[-1], y=1.02, yref="paper", showarrow=False,
                              text=t("visits.col.visited_on", lang) + " "
                              + format_date(visited_on, lang), font={"color": RED})
    figure.update_layout(height=340, margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         legend={"orientation": "h", "y": -0.2}, xaxis={"type": "category"},
                         yaxis={"tickformat": ".0%", "range": [0, 1.05]},
                         # Logged / required hours: 1 is staffed to the need, the red flag's
                         # threshold is above it, so the axis always shows 0 to 1.5 at least.
                         yaxis2={"overlaying": "y", "side": "right", "showgrid": False,
                                 "tickformat": ".1f",
                                 "title": t("visits.measure.staffing_ratio", lang),
                                 "range": [0, max(1.5, float(weeks.staffing_ratio.max(
                                     skipna=True) or 0) * 1.1)]})
    return figure


def selection_chart(scores: dict[str, float | None], serious: dict[str, list[str]],
                    lang: str) -> go.Figure:
    """Each finalist's weighted visit score; a finalist with a serious signal in red."""
    names = [p for p, s in scores.items() if s is not None]
    figure = go.Figure()
    figure.add_bar(x=[scores[p] for p in names], y=names, orientation="h",
                   marker_color=[RED if serious.get(p) else NAVY for p in names],
                   text=[format_value(scores[p], "score", lang) for p in names],
                   textposition="auto")
    figure.update_layout(title=t("selection.scores", lang), height=120 + 50 * len(names),
                         margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         xaxis={"range": [0, 100]}, yaxis={"autorange": "reversed"})
    return figure


def coverage_heatmap(daily: pd.DataFrame, lang: str) -> go.Figure:
    """Rows per day (`daily`: day, rows) as a calendar: a column per ISO week, a row per
    weekday, so a missing day shows as a grey hole."""
    days = pd.DataFrame({"day": pd.date_range(daily.day.min(), daily.day.max(), freq="D")})
    days = days.merge(daily.assign(day=pd.to_datetime(daily.day)), on="day", how="left")
    days["week"] = days.day - pd.to_timedelta(days.day.dt.day_of_week, unit="D")
    days["weekday"] = days.day.dt.day_of_week
    grid = days.pivot(index="weekday", columns="week", values="rows")
    labels = t("weekday.short", lang).split(",")
    hover = days.pivot(index="weekday", columns="week", values="day").map(
        lambda d: format_date(d, lang) if pd.notna(d) else "")
    figure = go.Figure(go.Heatmap(
        z=grid.values, x=[format_date(w, lang) for w in grid.columns],
        y=[labels[i] for i in grid.index], colorscale="Blues", xgap=2, ygap=2,
        customdata=hover.values, hovertemplate="%{customdata}: %{z}<extra></extra>",
        colorbar={"title": t("col.rows", lang)}))
    figure.update_layout(height=300, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                         plot_bgcolor="#d9d9d9", yaxis={"autorange": "reversed"})
    return figure


def variable_history_chart(history: pd.DataFrame, lang: str,
                           currency: str | None = None) -> go.Figure:
    """What a scheme would have paid month by month (`history`: period, variable): bonuses
    green, maluses red; the amounts in `currency` (€ before them in English, after in
    French), each bar's hover written as the pages write it."""
    figure = go.Figure(go.Bar(x=history.period, y=history.variable,
                              marker_color=[GREEN if v >= 0 else RED
                                            for v in history.variable],
                              customdata=[format_value(v, amount_unit(currency), lang, True)
                                          for v in history.variable],
                              hovertemplate="%{x}: %{customdata}<extra></extra>"))
    axis = {"tickformat": ",.0f"}  # 10 000 €, not 10k €
    if currency:
        symbol = CURRENCY_SYMBOLS.get(currency, currency)
        axis |= {"ticksuffix": f"\u202f{symbol}"} if lang == "fr" else \
            {"tickprefix": symbol + (" " if symbol[-1].isalpha() else "")}
    figure.update_layout(title=t("incentive.history", lang), height=300,
                         margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         xaxis={"type": "category"}, yaxis=axis)
    return figure


def staffing_chart(days: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Agent-hours required by Erlang C against those logged, day by day."""
    figure = go.Figure()
    figure.add_bar(x=days.day, y=days.required_hours, name=t("staffing.required", lang),
                   marker_color=SKY)
    figure.add_bar(x=days.day, y=days.logged_hours, name=t("staffing.logged", lang),
                   marker_color=NAVY)
    figure.update_layout(title=title, barmode="group", height=280,
                         margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         legend={"orientation": "h", "y": -0.25})
    return figure


def explorer_chart(series: pd.DataFrame, kpi: str, lang: str,
                   target_lines: pd.DataFrame | None = None,
                   shown_providers: set[str] | None = None) -> go.Figure:
    """One KPI over time, a line per scope (`series`: period_start, scope, the KPI), with
    the providers' targets as dashed lines: one per value, naming the providers only when
    they do not all share it (`target_lines`: provider, value)."""
    unit = KPI_BY_ID[kpi].unit
    figure = go.Figure()
    for index, (scope, rows) in enumerate(series.groupby("scope", sort=False)):
        figure.add_scatter(x=rows.period_start, y=rows[kpi], mode="lines+markers",
                           name=str(scope), line={"color": PALETTE[index % len(PALETTE)]})
    lines = target_lines if target_lines is not None else pd.DataFrame(
        columns=["provider", "value"])
    for value, owners in lines.groupby("value").provider:
        who = "" if set(owners) == set(shown_providers or ()) else \
            " (" + ", ".join(sorted(owners)) + ")"
        figure.add_hline(y=value, line_dash="dash", line_color="#666",
                         annotation_text=t("targets.value", lang) + who,
                         annotation_position="top left")
    if lang == "fr":  # plotly names months in English: French dates are written in digits
        figure.update_xaxes(tickformat="%d/%m/%Y", hoverformat="%d/%m/%Y")
    figure.update_layout(title=KPI_BY_ID[kpi].label(lang), height=320,
                         margin={"l": 10, "r": 10, "t": 40, "b": 10},
                         legend={"orientation": "h", "y": -0.15},
                         yaxis={"tickformat": ".0%"} if unit == "pct" else
                         {"ticksuffix": " s"} if unit == "seconds" else {})
    return figure
