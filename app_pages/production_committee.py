"""Weekly production committee: last complete week against targets, with its story."""

import streamlit as st

from app_pages import links
from app_pages.cache import cached, committee_and_pack
from app_pages.ui import (
    can_write,
    lang,
    pack_buttons,
    provider_with_periods,
    show_chart,
    show_table,
    store,
    tr,
)
from kpi.governance.feedback import save_week_note
from kpi.periods import WEEK, Period
from kpi.provider_settings import sl_text
from kpi.reports.packs import production_pack
from kpi.reports.production import complete_weeks, production_committee

db = store()
LANGUAGE = lang()
st.title(tr("production.title"))

col_provider, col_week = st.columns(2)
provider, weeks = provider_with_periods(col_provider, lambda p: cached(complete_weeks, db, p),
                                        tr("production.no_week"))
week = links.select(col_week, tr("production.week"), list(reversed(weeks)), "week",
                    to_id=lambda monday: Period.of(monday, WEEK).label,
                    format_func=lambda monday: Period.of(monday, WEEK).span(LANGUAGE))
links.share()
committee, pack = committee_and_pack(production_committee, production_pack, db, provider, week)
st.caption(tr("explorer.sl_definition", text=sl_text(committee.sl_definitions, LANGUAGE)))
pack_buttons(pack)

st.subheader(pack["kpis"].title)
show_table(pack["kpis"].table)

col_daily, col_forecast = st.columns(2)
show_chart(pack["daily"].charts["daily"], f"{pack.file_stem}_daily", col_daily)
show_chart(pack["forecast"].charts["forecast"], f"{pack.file_stem}_forecast", col_forecast)
if "intraday" in pack:
    show_chart(pack["intraday"].charts["intraday"], f"{pack.file_stem}_intraday")
    missed = committee.intraday[committee.intraday.below_target].slot.tolist()
    if missed:
        st.warning(tr("production.missed_slots", slots=", ".join(missed)))

col_queue, col_site = st.columns(2)
for column, key in ((col_queue, "by_queue"), (col_site, "by_site")):
    show_table(pack[key].table, container=column)

st.subheader(pack["flags"].title)
show_table(pack["flags"].table, tr("flags.none"))

st.subheader(pack["feedback"].title)
show_table(pack["feedback"].table, tr("production.none"))

st.subheader(pack["actions"].title)
show_table(pack["actions"].table, tr("production.none"))
overdue = int(committee.actions.overdue.sum()) if not committee.actions.empty else 0
if overdue:
    st.error(tr("production.overdue", n=overdue))

st.subheader(tr("production.note"))
if can_write():
    note = st.text_area(tr("production.note_help"), value=committee.note,
                        key=f"note-{provider}-{committee.week}")
    if st.button(tr("production.save_note")):
        save_week_note(db, provider, committee.week, note)
        st.toast(tr("production.note_saved"))
else:
    st.text(committee.note or "—")
