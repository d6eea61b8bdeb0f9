"""Placeholder: being built."""

import streamlit as st

from app_pages.ui import store, tr

db = store()
st.title(tr("nav.visits"))
