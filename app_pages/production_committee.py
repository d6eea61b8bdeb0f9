"""Weekly production committee: last complete week against targets, with its story."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from app_pages.ui import lang, provider_with_periods, store, tr
from kpi.governance.actions import actions_for_people
from kpi.governance.feedback import feedback_for_people, save_week_note
from kpi.i18n import format_date, format_value
from kpi.metrics.registry import KPI_BY_ID
from kpi.reports.charts import production_charts
from kpi.reports.packs import production_pack_html, production_pack_xlsx
from kpi.reports.production import complete_weeks, production_committee

db = store()
LANGUAGE = lang()
st.title(tr("production.title"))

col_provider, col_week = st.columns(2)
provider, weeks = provider_with_periods(col_provider, lambda p: complete_weeks(db, p),
                                        tr("production.no_week"))


def week_label(monday) -> str:
    year, number, _ = monday.isocalendar()
    return (f"{year}-W{number:02d} ({format_date(monday, LANGUAGE)} → "
            f"{format_date(monday + timedelta(days=6), LANGUAGE)})")


week = col_week.selectbox(tr("production.week"), list(reversed(weeks)), format_func=week_label)
committee = production_committee(db, provider, week, LANGUAGE)
st.caption(tr("explorer.sl_definition", text=committee.sl_definition))
# The packs are built on click, not on every rerun (the HTML one inlines plotly.js).
col_xlsx, col_html = st.columns(2)
col_xlsx.download_button(
    tr("pack.download"), lambda: production_pack_xlsx(committee, LANGUAGE),
    file_name=f"production_{provider}_{committee.label}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
col_html.download_button(
    tr("pack.download_html"), lambda: production_pack_html(committee, LANGUAGE),
    file_name=f"production_{provider}_{committee.label}.html", mime="text/html")


def value(kpi_id: str, number, signed: bool = False) -> str:
    return format_value(number, KPI_BY_ID[kpi_id].unit, LANGUAGE, signed)


st.subheader(tr("production.kpis"))
table = pd.DataFrame({
    tr("targets.kpi"): [KPI_BY_ID[k].label(LANGUAGE) for k in committee.kpis.kpi],
    tr("production.this_week"): [value(k, v) for k, v in zip(committee.kpis.kpi,
                                                             committee.kpis.value, strict=True)],
    tr("targets.value"): ["" if t is None or pd.isna(t) else f"{c} {value(k, t)}" for k, t, c in
                          zip(committee.kpis.kpi, committee.kpis.target,
                              committee.kpis.comparator, strict=True)],
    tr("targets.status"): [tr(f"status.{s}") if s else "" for s in committee.kpis.status],
    tr("production.previous"): [value(k, v) for k, v in zip(committee.kpis.kpi,
                                                            committee.kpis.previous, strict=True)],
    tr("production.four_weeks"): [value(k, v) for k, v in zip(
        committee.kpis.kpi, committee.kpis.four_weeks, strict=True)],
    tr("production.delta"): [value(k, v, True) for k, v in zip(committee.kpis.kpi,
                                                               committee.kpis.delta, strict=True)],
})
colours = {tr("status.met"): "background-color: #d4edda",
           tr("status.missed"): "background-color: #f8d7da"}
st.dataframe(table.style.map(lambda v: colours.get(v, ""), subset=[tr("targets.status")]),
             hide_index=True, width="stretch")


charts = production_charts(committee, LANGUAGE)
col_daily, col_forecast = st.columns(2)
col_daily.plotly_chart(charts["daily"], width="stretch")
col_forecast.plotly_chart(charts["forecast"], width="stretch")
if "intraday" in charts:
    st.plotly_chart(charts["intraday"], width="stretch")
    missed = committee.intraday[committee.intraday.below_target].slot.tolist()
    if missed:
        st.warning(tr("production.missed_slots", slots=", ".join(missed)))

col_queue, col_site = st.columns(2)
for column, frame, title in ((col_queue, committee.by_queue, tr("scope.queue")),
                             (col_site, committee.by_site, tr("scope.site"))):
    shown = frame.copy()
    for kpi in shown.columns[1:]:
        shown[kpi] = [value(kpi, v) for v in shown[kpi]]
    shown.columns = [title, *[KPI_BY_ID[k].label(LANGUAGE) for k in frame.columns[1:]]]
    column.dataframe(shown, hide_index=True, width="stretch")

st.subheader(tr("production.feedback"))
if committee.feedback.empty:
    st.caption(tr("production.none"))
else:
    st.dataframe(feedback_for_people(committee.feedback, LANGUAGE), hide_index=True,
                 width="stretch")

st.subheader(tr("production.actions"))
if committee.actions.empty:
    st.caption(tr("production.none"))
else:
    overdue = committee.actions.overdue.tolist()
    st.dataframe(actions_for_people(committee.actions, LANGUAGE).style.apply(
        lambda _: ["background-color: #f8d7da" if o else "" for o in overdue]),
        hide_index=True, width="stretch")
    if any(overdue):
        st.error(tr("production.overdue", n=sum(overdue)))

st.subheader(tr("production.note"))
note = st.text_area(tr("production.note_help"), value=committee.note, key=f"note-{provider}-"
                    f"{committee.week}")
if st.button(tr("production.save_note")):
    save_week_note(db, provider, committee.week, note)
    st.toast(tr("production.note_saved"))
