"""What every page shares: the one Store of this process, the language, the words."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.demo import build_demo
from kpi.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from kpi.settings import resolve_db_path
from kpi.store import Store


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """This process's Store. The app is the database's one writer while it runs."""
    path = resolve_db_path()
    if not path.exists():
        with st.spinner("Building the demo database (first run, about 30 s)…"):
            build_demo(path)
    return _open_store(str(path))


def language() -> str:
    """The language chosen in the sidebar (kept in the URL as ?lang=fr|en)."""
    default = st.query_params.get("lang", DEFAULT_LANGUAGE)
    if default not in LANGUAGES:
        default = DEFAULT_LANGUAGE
    choice = st.sidebar.segmented_control(
        "🌐", options=list(LANGUAGES), format_func=LANGUAGES.get, default=default,
        key="lang", label_visibility="collapsed")
    choice = choice or default
    st.query_params["lang"] = choice
    return choice


def lang() -> str:
    return st.session_state.get("lang") or DEFAULT_LANGUAGE


def tr(key: str, **values) -> str:
    return t(key, lang(), **values)


HISTORY_COLUMNS = ("import_id", "file_name", "kind", "profile", "provider", "rows_read",
                   "rows_imported", "duplicates_dropped", "rows_rejected", "period_start",
                   "period_end", "imported_at", "imported_by", "status", "replaced_by")


def history_table(history: pd.DataFrame, language: str) -> pd.DataFrame:
    """The import history with translated headings, kinds, statuses and dates."""
    table = history[[c for c in HISTORY_COLUMNS if c in history]].copy()
    table["kind"] = table.kind.map(lambda k: t(f"kind.{k}", language))
    table["status"] = table.status.map(lambda s: t(f"status.{s}", language))
    for column in ("period_start", "period_end"):
        table[column] = table[column].map(lambda d: format_date(d, language)
                                          if pd.notna(d) else "")
    table["imported_at"] = table.imported_at.map(
        lambda d: d.tz_convert(None).strftime("%d/%m/%Y %H:%M" if language == "fr"
                                              else "%Y-%m-%d %H:%M"))
    return table.rename(columns={c: t(f"history.{c}", language) for c in table.columns})
