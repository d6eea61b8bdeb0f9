"""The script the installed `cockpit app` hands to `streamlit run` (streamlit_app.py), alone
in its folder: Streamlit puts the script's folder first on sys.path, and this one holds no
module whose name could hide another package's."""
