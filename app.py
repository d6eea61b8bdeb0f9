"""Cockpit's entry: declares every page, grouped by ritual, and runs the chosen one."""

import streamlit as st

from app_pages.ui import language, store, tr

st.set_page_config(page_title="Cockpit", page_icon=":material/speed:", layout="wide")
lang = language()
store()  # open (and on first run build) the database before any page draws

pages = {
    tr("nav.group.cockpit"): [
        st.Page("app_pages/home.py", title=tr("nav.home"), icon=":material/home:", default=True),
    ],
    tr("nav.group.committees"): [
        st.Page("app_pages/production_committee.py", title=tr("nav.production"),
                icon=":material/groups:", url_path="production"),
        st.Page("app_pages/steering_committee.py", title=tr("nav.steering"),
                icon=":material/insights:", url_path="steering"),
        st.Page("app_pages/strategic_committee.py", title=tr("nav.strategic"),
                icon=":material/account_balance:", url_path="strategic"),
        st.Page("app_pages/action_plan.py", title=tr("nav.actions"),
                icon=":material/checklist:", url_path="actions"),
        st.Page("app_pages/feedback_log.py", title=tr("nav.feedback"),
                icon=":material/campaign:", url_path="feedback"),
    ],
    tr("nav.group.steering"): [
        st.Page("app_pages/kpi_explorer.py", title=tr("nav.explorer"),
                icon=":material/monitoring:", url_path="kpis"),
        st.Page("app_pages/targets.py", title=tr("nav.targets"), icon=":material/flag:",
                url_path="targets"),
    ],
    tr("nav.group.data"): [
        st.Page("app_pages/import_exports.py", title=tr("nav.import"),
                icon=":material/upload_file:", url_path="import"),
        st.Page("app_pages/data_overview.py", title=tr("nav.data"),
                icon=":material/calendar_month:", url_path="data"),
        st.Page("app_pages/settings.py", title=tr("nav.settings"), icon=":material/tune:",
                url_path="settings"),
    ],
}
st.navigation(pages).run()
