"""Home: what is loaded, and where to go."""

import streamlit as st

from app_pages.navigation import page_file
from app_pages.ui import account, can_write, history_table, lang, store, tr
from kpi.access.pages import may_open
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
for script, path, label, icon in (("kpi_explorer", "kpis", "home.go_explorer", "monitoring"),
                                  ("targets", "targets", "home.go_targets", "flag"),
                                  ("import_exports", "import", "home.go_import", "upload_file"),
                                  ("data_overview", "data", "home.go_data", "calendar_month")):
    if may_open(account().role, path):
        st.page_link(page_file(f"{script}.py"), label=tr(label), icon=f":material/{icon}:")

st.subheader(tr("home.last_imports"))
st.dataframe(history_table(import_history(db).head(8), lang()), hide_index=True,
             width="stretch")
if can_write():
    st.caption(tr("home.db", path=db.path))
