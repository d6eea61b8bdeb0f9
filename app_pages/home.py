"""Home: what is loaded, and where to go."""

import streamlit as st

from app_pages.ui import history_table, lang, store, tr
from kpi.i18n import format_date, format_int
from kpi.ingest.importer import import_history
from kpi.inventory import overview

db = store()
st.title(tr("home.title"))
st.write(tr("home.intro"))
figures = overview(db)
if not figures["contacts"] and not figures["imports"]:
    st.info(tr("home.empty"))
cols = st.columns([1, 1, 1, 3])
cols[0].metric(tr("home.providers"), format_int(figures["providers"], lang()))
cols[1].metric(tr("home.contacts"), format_int(figures["contacts"], lang()))
cols[2].metric(tr("home.imports"), format_int(figures["imports"], lang()))
first, last = figures["first_day"], figures["last_day"]
period = "—" if first is None or first != first else (
    f"{format_date(first, lang())} → {format_date(last, lang())}")
cols[3].metric(tr("home.period"), period)

st.subheader(tr("home.where"))
st.page_link("app_pages/kpi_explorer.py", label=tr("home.go_explorer"),
             icon=":material/monitoring:")
st.page_link("app_pages/targets.py", label=tr("home.go_targets"), icon=":material/flag:")
st.page_link("app_pages/import_exports.py", label=tr("home.go_import"),
             icon=":material/upload_file:")
st.page_link("app_pages/data_overview.py", label=tr("home.go_data"),
             icon=":material/calendar_month:")

st.subheader(tr("home.last_imports"))
st.dataframe(history_table(import_history(db).head(8), lang()), hide_index=True,
             width="stretch")
st.caption(tr("home.db", path=db.path))
