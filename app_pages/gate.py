"""Who this browser session is, before any page runs: a signed-in account, single sign-on,
the one local pilot of a cockpit without accounts, or a floor screen holding a board link.

Not a page: app.py calls it. Everything it reads goes through the unscoped store, and what
it hands on is an Account, from which ui.store() makes the only view pages ever get.
"""

from __future__ import annotations

import logging

import streamlit as st

from app_pages.ui import base_store, tr
from kpi.access.accounts import (
    Account,
    account_for_email,
    authenticate,
    current,
    has_accounts,
)
from kpi.access.links import board_for_token
from kpi.access.network import is_loopback
from kpi.store import Store

LOG = logging.getLogger("cockpit.access")
# The one user of a cockpit without accounts, served to this computer only.
LOCAL = Account("local", "admin")


def local_client() -> bool:
    """A visitor on this very computer, not through a proxy. Streamlit gives no address for
    a visitor on localhost, and AppTest none that is a string (it runs in-process)."""
    headers = st.context.headers
    if any(headers.get(h) for h in ("X-Forwarded-For", "Forwarded", "X-Real-IP",
                                    "X-Forwarded-Host")):
        return False
    # A page of another site reaching this computer's cockpit (DNS rebinding) names its own
    # host; so does a proxy that forwards without saying so.
    host = (headers.get("Host") or "localhost").rsplit(":", 1)[0].strip("[]")
    if not is_loopback(host):
        return False
    address = st.context.ip_address
    return not isinstance(address, str) or is_loopback(address)


def sso_configured() -> bool:
    """Single sign-on is on when the deployment's secrets.toml has an [auth] section."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, AttributeError):
        return False
    except Exception:  # a malformed secrets file must not lock everybody out of sign-in
        LOG.exception("secrets.toml could not be read; single sign-on is off")
        return False


def current_account() -> Account:
    """The session's account; draws the sign-in form (and stops the run) when there is none.
    The requested page and its query parameters stay in the URL, so the first run after
    signing in opens the deep link."""
    store = base_store()
    if not has_accounts(store):
        st.session_state.pop("account", None)
        if local_client():
            st.session_state["account"] = LOCAL
            return LOCAL
        st.error(tr("signin.no_accounts"))
        st.stop()
    signed_in = st.session_state.get("account")
    if signed_in is not None and signed_in is not LOCAL:
        signed_in = current(store, signed_in)
        if signed_in is not None:
            st.session_state["account"] = signed_in
            return signed_in
    st.session_state.pop("account", None)
    # An identity provider that lets users type any address must not open an account: an
    # e-mail explicitly unverified is refused.
    if sso_configured() and st.user.is_logged_in and st.user.get("email_verified") is not False:
        mapped = account_for_email(store, st.user.get("email"))
        if mapped is not None:
            LOG.info("signed in by single sign-on: %s", mapped.name)
            st.session_state["account"] = mapped
            return mapped
        st.error(tr("signin.sso_unknown", email=st.user.get("email") or "?"))
        st.button(tr("signin.sign_out"), on_click=st.logout)
        st.stop()
    _sign_in_form(store)
    st.stop()


def _sign_in_form(store: Store) -> None:
    _, middle, _ = st.columns([1, 2, 1])
    middle.title(tr("signin.title"))
    middle.caption(tr("signin.help"))
    with middle.form("sign-in"):
        name = st.text_input(tr("signin.name"), autocomplete="username")
        password = st.text_input(tr("signin.password"), type="password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(tr("signin.button"), type="primary")
    if sso_configured():
        middle.button(tr("signin.sso"), on_click=st.login, icon=":material/key:")
    if not submitted:
        return
    signed_in = authenticate(store, name, password)
    if signed_in is None:
        LOG.warning("failed sign-in")  # not the name typed: it may be a password
        middle.error(tr("signin.wrong"))
        return
    LOG.info("signed in: %s (%s)", signed_in.name, signed_in.role)
    st.session_state["account"] = signed_in
    st.rerun()


def sign_out() -> None:
    """Forget the account and everything typed in this tab (the language stays)."""
    signed_in = st.session_state.get("account")
    if signed_in is not None:
        LOG.info("signed out: %s", signed_in.name)
    for key in list(st.session_state):
        if key != "lang":
            del st.session_state[key]
    if sso_configured() and st.user.is_logged_in:
        st.logout()


def account_still_valid() -> bool:
    """For a kiosk of a signed-in account: its tiles stop when the account is removed or
    its password changed (they refresh without running this gate again)."""
    signed_in = st.session_state.get("account")
    return signed_in is LOCAL or (signed_in is not None
                                  and current(base_store(), signed_in) is not None)


def linked_board() -> str | None:
    """The board this session's link opens, once its token has been checked; None when the
    session holds no link. A wrong or revoked token stops the run with a plain refusal."""
    token = st.query_params.get("token")
    if token is None and "board_token" not in st.session_state:
        return None
    # A session that opened a link keeps it: no other page, whatever the URL says next.
    token = st.session_state.setdefault("board_token", token)
    board = board_for_token(base_store(), token)
    if board is None:
        refuse_link()
    return board


def link_still_valid() -> bool:
    return board_for_token(base_store(), st.session_state.get("board_token")) is not None


def refuse_link() -> None:
    st.error(tr("link.refused"))
    st.stop()
