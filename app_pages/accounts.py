"""Accounts (admin only): who may sign in, with which role, bound to which provider."""

import streamlit as st

from app_pages.ui import labeller, save_button, show_error, store, tr
from kpi.access.accounts import ROLES, add_account, list_accounts, remove_account, set_password
from kpi.errors import CockpitError
from kpi.inventory import providers

db = store()
st.title(tr("accounts.title"))
st.caption(tr("accounts.help"))
st.info(tr("accounts.roles_help"))

accounts = list_accounts(db)
role_label = labeller("role")
shown = accounts.assign(role=accounts.role.map(role_label),
                        created_at=accounts.created_at.dt.strftime("%Y-%m-%d %H:%M")).fillna("")
shown.columns = [tr("signin.name"), tr("accounts.role"), tr("col.provider"),
                 tr("accounts.email"), tr("accounts.created")]
st.dataframe(shown, hide_index=True, width="stretch")

st.subheader(tr("accounts.add"))
with st.form("add-account", clear_on_submit=True):
    col_name, col_role, col_provider = st.columns(3)
    name = col_name.text_input(tr("signin.name"))
    role = col_role.selectbox(tr("accounts.role"), ROLES, index=1, format_func=role_label)
    provider = col_provider.selectbox(tr("col.provider"), [None, *providers(db)],
                                      format_func=lambda p: p or "—")
    col_email, col_password = st.columns(2)
    email = col_email.text_input(tr("accounts.email"))
    password = col_password.text_input(tr("accounts.new_password"), type="password")
    if st.form_submit_button(tr("accounts.add"), type="primary"):
        try:
            add_account(db, name, role, password, provider=provider, email=email)
        except CockpitError as error:
            show_error(error)
        else:
            st.toast(tr("accounts.added"))

if not accounts.empty:
    col_who, col_password, col_buttons = st.columns([1, 2, 2], vertical_alignment="bottom")
    who = col_who.selectbox(tr("signin.name"), accounts.name.tolist())
    new_password = col_password.text_input(tr("accounts.new_password"), type="password",
                                           key="new-password")
    with col_buttons:
        save_button(tr("accounts.passwd"), lambda: set_password(db, who, new_password),
                    tr("accounts.passwd_done"))
        save_button(tr("accounts.remove"), lambda: remove_account(db, who),
                    tr("accounts.removed"))
