"""What `cockpit app` runs (`streamlit run …/app_pages/entry/streamlit_app.py`), from any
folder, installed or in a checkout: the app of app_pages/navigation.py."""

from app_pages.navigation import run

run()
