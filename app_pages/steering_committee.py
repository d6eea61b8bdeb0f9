"""Monthly steering committee: the month decoded, with trends, targets and the action plan."""

from datetime import date

import pandas as pd
import plotly.express as px
import streamlit as st

from app_pages.ui import lang, provider_with_periods, store, tr
from kpi.governance.actions import actions_for_people
from kpi.i18n import format_date, format_value
from kpi.metrics.registry import KPI_BY_ID, PCT, SECONDS
from kpi.reports.steering import (
    TREND_KPIS,
    month_end,
    months_with_data,
    steering_committee,
)

db = store()
LANGUAGE = lang()
st.title(tr("steering.title"))
col_provider, col_month = st.columns(2)
provider, months = provider_with_periods(col_provider, lambda p: months_with_data(db, p),
                                         tr("steering.no_month"))
choices = list(reversed(months))
# The month to decode is the last complete one.
complete = [i for i, m in enumerate(choices) if month_end(m) < date.today()]
month = col_month.selectbox(tr("steering.month"), choices, index=complete[0] if complete else 0,
                            format_func=lambda m: f"{m:%Y-%m}")
committee = steering_committee(db, provider, month, LANGUAGE)
st.caption(tr("explorer.sl_definition", text=committee.sl_definition))


def value(kpi: str, number, signed: bool = False) -> str:
    return format_value(number, KPI_BY_ID[kpi].unit, LANGUAGE, signed)


st.subheader(tr("steering.attainment"))
if committee.attainment.empty:
    st.caption(tr("production.none"))
else:
    att = committee.attainment
    shown = pd.DataFrame({
        tr("targets.kpi"): [KPI_BY_ID[k].label(LANGUAGE) for k in att.kpi],
        tr("targets.value"): [f"{c} {value(k, v)}" for k, c, v in
                              zip(att.kpi, att.comparator, att.target, strict=True)],
        tr("steering.this_month"): [value(k, v) for k, v in zip(att.kpi, att.value,
                                                               strict=True)],
        tr("targets.status"): [tr(f"status.{s}") for s in att.status],
        tr("targets.gap"): [value(k, v, True) for k, v in zip(att.kpi, att.gap, strict=True)],
        tr("targets.priority"): att.priority,
    })
    colours = {tr("status.met"): "background-color: #d4edda",
               tr("status.missed"): "background-color: #f8d7da"}
    st.dataframe(shown.style.map(lambda v: colours.get(v, ""), subset=[tr("targets.status")]),
                 hide_index=True, width="stretch")

st.subheader(tr("steering.trends"))
columns = st.columns(2)
for index, kpi in enumerate(TREND_KPIS):
    figure = px.line(committee.trends, x="period_start", y=kpi, markers=True,
                     title=KPI_BY_ID[kpi].label(LANGUAGE),
                     labels={"period_start": "", kpi: ""})
    for target in committee.targets[committee.targets.kpi == kpi].itertuples():
        figure.add_hline(y=target.value, line_dash="dash", line_color="#666",
                         annotation_text=tr("targets.value"), annotation_position="top left")
    unit = KPI_BY_ID[kpi].unit
    figure.update_yaxes(tickformat=".0%" if unit == PCT else None,
                        ticksuffix=" s" if unit == SECONDS else None)
    figure.update_layout(height=260, margin={"l": 10, "r": 10, "t": 40, "b": 10})
    columns[index % 2].plotly_chart(figure, width="stretch")

st.subheader(tr("steering.drill"))
tabs = st.tabs([tr("scope.queue"), tr("scope.site"), tr("steering.hour")])
for tab, frame, first_heading in zip(
        tabs, (committee.by_queue, committee.by_site, committee.by_hour),
        (tr("scope.queue"), tr("scope.site"), tr("steering.hour")), strict=True):
    shown = frame.copy()
    for kpi in shown.columns[1:]:
        shown[kpi] = [value(kpi, v) for v in shown[kpi]]
    shown.columns = [first_heading, *[KPI_BY_ID[k].label(LANGUAGE)
                                      for k in frame.columns[1:]]]
    tab.dataframe(shown, hide_index=True, width="stretch")

st.subheader(tr("nav.actions"))
actions = committee.actions
live = actions[actions.status.isin(["open", "in progress"])]
st.dataframe(actions_for_people(live, LANGUAGE), hide_index=True, width="stretch")
st.page_link("app_pages/action_plan.py", label=tr("steering.edit_actions"),
             icon=":material/checklist:")

st.subheader(tr("steering.quality"))
if committee.quality.empty:
    st.caption(tr("production.none"))
else:
    quality = committee.quality.pivot(index="team", columns="month", values="quality_score")
    quality.columns = [format_date(pd.Timestamp(c).date(), LANGUAGE)[3:] for c in
                       quality.columns]
    st.dataframe(quality.map(lambda v: format_value(v, PCT, LANGUAGE)), width="stretch")
