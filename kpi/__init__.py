"""Cockpit: steering cockpit for outsourced contact centers.

The package holds all logic; the Streamlit pages and the CLI are thin faces over it.
It never imports streamlit.
"""

__version__ = "0.1.0"
