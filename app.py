"""Cockpit's entry: declares every page, grouped by ritual, and runs the chosen one."""

import streamlit as st

from app_pages.ui import language, store, tr

KIOSK_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"],
[data-testid="stDecoration"], footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 0.6rem 0.8rem !important;
  max-width: 100% !important; }
.stApp { background: #0d1726; }
</style>"""

if st.query_params.get("kiosk") == "1":
    # A floor screen: the board and nothing else, no menu, no other page to reach.
    st.set_page_config(page_title="Cockpit — wallboard", page_icon=":material/speed:",
                       layout="wide", initial_sidebar_state="collapsed")
    st.html(KIOSK_CSS)
    language(chooser=False)
    store()
    from app_pages.wallboard_view import show_wallboard

    st.navigation([st.Page(show_wallboard, title=tr("nav.wallboard"), default=True),
                   st.Page("app_pages/wallboard.py", title=tr("nav.wallboard"),
                           url_path="wallboard")], position="hidden").run()
    st.stop()

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
        st.Page("app_pages/calibration.py", title=tr("nav.calibration"),
                icon=":material/balance:", url_path="calibration"),
    ],
    tr("nav.group.steering"): [
        st.Page("app_pages/kpi_explorer.py", title=tr("nav.explorer"),
                icon=":material/monitoring:", url_path="kpis"),
        st.Page("app_pages/targets.py", title=tr("nav.targets"), icon=":material/flag:",
                url_path="targets"),
        st.Page("app_pages/quality.py", title=tr("nav.quality"),
                icon=":material/verified:", url_path="quality"),
        st.Page("app_pages/red_flags.py", title=tr("nav.flags"), icon=":material/report:",
                url_path="flags"),
        st.Page("app_pages/incentives.py", title=tr("nav.incentives"),
                icon=":material/payments:", url_path="incentives"),
        st.Page("app_pages/wallboard.py", title=tr("nav.wallboard"), icon=":material/tv:",
                url_path="wallboard"),
        st.Page("app_pages/wallboard_editor.py", title=tr("nav.boards"),
                icon=":material/dashboard_customize:", url_path="boards"),
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
