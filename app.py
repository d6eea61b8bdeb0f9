"""Cockpit's entry in a checkout: `streamlit run app.py` (and the tests' AppTest). The app
itself is app_pages/navigation.py, which the installed `cockpit app` runs from anywhere
through app_pages/entry/streamlit_app.py; the distribution carries no top-level `app`."""

from app_pages.navigation import run

run()
