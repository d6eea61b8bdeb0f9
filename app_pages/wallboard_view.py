"""The floor's wallboard: live tiles refreshed in place; kiosk mode with ?kiosk=1.

?board=NAME opens a saved board; ?provider=NAME&queue=A,B an unsaved one. A function, so
that kiosk mode can serve it as its only page (app.py) as well as at /wallboard.
"""

import time
from datetime import timedelta
from urllib.parse import urlencode

import streamlit as st

from app_pages.gate import account_still_valid, link_still_valid
from app_pages.ui import base_store, inbox_watcher, lang, store, tr
from kpi.errors import NotFound, in_language
from kpi.inventory import providers
from kpi.live.board import board_state
from kpi.live.board_html import board_html
from kpi.live.boards import BoardConfig, Scope, board_from_query, list_boards, load_board
from kpi.reports.safe_text import markdown_literal
from kpi.settings import app_settings


def _board_to_show(db, params: dict, kiosk: bool, names: list[str]) -> BoardConfig:
    if params.get("board"):
        try:
            board = load_board(db, params["board"])
        except NotFound:
            # the name from the URL is data: shown as itself, never as markdown or a link
            st.error(tr("wallboard.unknown_board", name=markdown_literal(params["board"])))
            st.stop()
    else:
        board = board_from_query(params, names)
    if kiosk:
        return board
    st.title(tr("wallboard.title"))
    saved = list_boards(db)
    col_board, col_provider = st.columns(2)
    adhoc = tr("wallboard.adhoc")  # format_func runs outside the script too
    choice = col_board.selectbox(tr("wallboard.board"), ["", *saved],
                                 index=([""] + saved).index(board.name)
                                 if board.name in saved else 0,
                                 format_func=lambda n: n or adhoc)
    if choice:
        board = load_board(db, choice)
    else:
        first = board.scopes[0].provider
        provider = col_provider.selectbox(tr("col.provider"), names,
                                          index=names.index(first) if first in names else 0)
        board = BoardConfig("", [Scope(provider, board.scopes[0].queues
                                       if provider == first else ())],
                            refresh_s=board.refresh_s)
    query = ({"board": board.name} if board.name else
             {"provider": board.scopes[0].provider}
             | ({"queue": ",".join(board.scopes[0].queues)} if board.scopes[0].queues
                else {})) | {"kiosk": "1", "lang": lang()}
    link = f"/wallboard?{urlencode(query)}"
    st.caption(tr("wallboard.kiosk_link"))
    st.code(link, language=None)
    st.link_button(tr("wallboard.open_kiosk"), link, icon=":material/open_in_new:")
    return board


def show_wallboard() -> None:
    """The board of the URL, for a signed-in account (or the local pilot)."""
    _show(store(), st.query_params.to_dict(), still_valid=account_still_valid)


def show_linked_board(name: str) -> None:
    """The one board a screen link opens: no account, so the unscoped store, but only this
    saved board's scopes are ever read; a link revoked meanwhile blanks it at next refresh."""
    _show(base_store(), {"board": name, "kiosk": "1"}, still_valid=link_still_valid)


def _show(db, params: dict, still_valid=None) -> None:
    language = lang()
    kiosk = params.get("kiosk") == "1"
    names = providers(db)
    if not names:
        st.info(tr("wallboard.no_provider"))
        return
    board = _board_to_show(db, params, kiosk, names)
    stale_after = timedelta(minutes=float(app_settings(db)["stale_after_min"]))

    @st.fragment(run_every=board.refresh_s)
    def tiles() -> None:
        """Redrawn every refresh_s seconds without reloading the page."""
        if still_valid is not None and not still_valid():
            st.error(tr("link.refused"))
            return
        scope = board.scope_at(time.time())
        state = board_state(db, scope.provider, scope.queues, stale_after=stale_after,
                            thresholds=board.thresholds)
        st.html(board_html(state, board.tiles, language, board.show_queues))

    tiles()
    if kiosk:
        return
    watcher = inbox_watcher(db)
    st.caption(tr("wallboard.feed", inbox=str(watcher.inbox),
                  interval=int(watcher.interval_s)))
    if watcher.recent:
        with st.expander(tr("wallboard.recent")):
            for moment, outcome in list(watcher.recent)[:10]:
                mark = tr("wallboard.recent_imported" if outcome.imported
                          else "wallboard.recent_refused")
                message = in_language(outcome.message, lang())
                st.text(f"{moment:%H:%M:%S} {mark} {outcome.file}: {message[:200]}")
