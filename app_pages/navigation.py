"""Cockpit's entry: who the session is (app_pages/gate.py), then the pages its role may
open, grouped by ritual, and the chosen one. Not a page: `run()` is the whole app, called by
the checkout's app.py (`streamlit run app.py`) and by app_pages/entry/streamlit_app.py, the
script the installed `cockpit app` runs (the distribution has no top-level `app` module).

Every page is registered whatever the role, so that a URL always resolves to its page; the
sidebar lists only the pages the role may open, and any other page shows a refusal instead
of running. Page files are found beside this module, wherever it is installed, not beside
the script Streamlit was started with.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from app_pages import gate
from app_pages.ui import account, base_store, language, tr
from kpi.access.pages import may_open

PAGE_FOLDER = Path(__file__).resolve().parent

KIOSK_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"],
[data-testid="stDecoration"], footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 0.6rem 0.8rem !important;
  max-width: 100% !important; }
.stApp { background: #0d1726; }
</style>"""

# (group, script in app_pages/, title, icon, url path): the one list of pages.
PAGES = [
    ("nav.group.cockpit", "home.py", "nav.home", "home", ""),
    ("nav.group.committees", "production_committee.py", "nav.production", "groups",
     "production"),
    ("nav.group.committees", "steering_committee.py", "nav.steering", "insights", "steering"),
    ("nav.group.committees", "strategic_committee.py", "nav.strategic", "account_balance",
     "strategic"),
    ("nav.group.committees", "action_plan.py", "nav.actions", "checklist", "actions"),
    ("nav.group.committees", "feedback_log.py", "nav.feedback", "campaign", "feedback"),
    ("nav.group.committees", "calibration.py", "nav.calibration", "balance", "calibration"),
    ("nav.group.steering", "kpi_explorer.py", "nav.explorer", "monitoring", "kpis"),
    ("nav.group.steering", "targets.py", "nav.targets", "flag", "targets"),
    ("nav.group.steering", "reconciliation.py", "nav.reconcile", "rule", "reconciliation"),
    ("nav.group.steering", "quality.py", "nav.quality", "verified", "quality"),
    ("nav.group.steering", "red_flags.py", "nav.flags", "report", "flags"),
    ("nav.group.steering", "incentives.py", "nav.incentives", "payments", "incentives"),
    ("nav.group.steering", "visits.py", "nav.visits", "tour", "visits"),
    ("nav.group.steering", "selection.py", "nav.selection", "compare", "selection"),
    ("nav.group.steering", "wallboard.py", "nav.wallboard", "tv", "wallboard"),
    ("nav.group.steering", "wallboard_editor.py", "nav.boards", "dashboard_customize",
     "boards"),
    ("nav.group.data", "import_exports.py", "nav.import", "upload_file", "import"),
    ("nav.group.data", "data_overview.py", "nav.data", "calendar_month", "data"),
    ("nav.group.data", "settings.py", "nav.settings", "tune", "settings"),
    ("nav.group.data", "accounts.py", "nav.accounts", "manage_accounts", "accounts"),
]


def page_file(script: str) -> Path:
    """A page's file, for `st.page_link`: a path from this folder, not "app_pages/…" (which
    Streamlit reads from the entry script's folder, and the installed entry is not the
    checkout's app.py)."""
    return PAGE_FOLDER / script


def kiosk(board_page: Callable[[], None]) -> None:
    """A floor screen: the board and nothing else, no menu, no other page to reach."""
    st.html(KIOSK_CSS)

    def wallboard() -> None:  # the board at /wallboard too, whatever the screen's URL
        board_page()

    st.navigation([st.Page(board_page, title=tr("nav.wallboard"), default=True),
                   st.Page(wallboard, title=tr("nav.wallboard"), url_path="wallboard")],
                  position="hidden").run()
    st.stop()


def run() -> None:
    """One run of the app (Streamlit calls the entry script on every rerun)."""
    screen = st.query_params.get("kiosk") == "1" or "board_token" in st.session_state
    st.set_page_config(page_title="Cockpit — wallboard" if screen else "Cockpit",
                       page_icon=":material/speed:", layout="wide",
                       initial_sidebar_state="collapsed" if screen else "auto")
    language(chooser=False)
    base_store()  # open (and on first run build) the database before anything draws

    linked = gate.linked_board()
    if linked is not None:
        from app_pages.wallboard_view import show_linked_board

        def linked_board() -> None:
            show_linked_board(linked)

        kiosk(linked_board)

    pages = {path: st.Page(PAGE_FOLDER / script, title=tr(title), icon=f":material/{icon}:",
                           url_path=path or None, default=not path)
             for _group, script, title, icon, path in PAGES}
    chosen = st.navigation(list(pages.values()), position="hidden")
    signed_in = gate.current_account()

    if screen:
        if not may_open(signed_in.role, "wallboard"):
            st.error(tr("signin.refused"))
            st.stop()
        from app_pages.wallboard_view import show_wallboard

        kiosk(show_wallboard)

    # The sidebar: the pages this role may open, by ritual; then language and account.
    group_shown = None
    for group, _script, _title, _icon, path in PAGES:
        if not may_open(signed_in.role, path):
            continue
        if group != group_shown:
            st.sidebar.caption(tr(group).upper())
            group_shown = group
        st.sidebar.page_link(pages[path])
    st.sidebar.divider()
    language()
    if signed_in is gate.LOCAL:
        st.sidebar.caption(tr("signin.local"))
    else:
        st.sidebar.markdown(tr("signin.signed_in", name=signed_in.name,
                               role=tr(f"role.{signed_in.role}")))
        st.sidebar.button(tr("signin.sign_out"), on_click=gate.sign_out,
                          icon=":material/logout:")

    if not may_open(account().role, chosen.url_path):
        st.error(tr("signin.refused"))
        st.stop()
    chosen.run()
