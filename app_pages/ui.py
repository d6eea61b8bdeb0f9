"""What every page shares: the one Store of this process, the language, the words."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.access.accounts import Account, store_for
from kpi.demo import build_demo
from kpi.editing import NUMBER_TEXT
from kpi.errors import CockpitError
from kpi.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from kpi.reports.charts import chart_in_language
from kpi.settings import DEFAULT_DB, resolve_db_path
from kpi.store import Store


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    from kpi.logs import configure_logging

    configure_logging(path)  # once per process (cached), beside the database
    store = Store(path)
    inbox_watcher(store)
    return store


@st.cache_resource(show_spinner=False)
def _watcher(_store: Store, path: str):
    from kpi.live.watcher import InboxWatcher

    return InboxWatcher(_store).start()


def inbox_watcher(store: Store | None = None):
    """The inbox's one writer, a thread of this process: the process that holds the
    database for writing imports the drops, so the file is never locked against the app."""
    store = store or _open_store(str(resolve_db_path()))
    return _watcher(store, str(store.path))


def store() -> Store:
    """The database as the signed-in account sees it: the one place pages get it from, so
    that a provider account's pages read that provider's rows only (kpi/access/scope.py)."""
    signed_in = account()
    if signed_in is None:  # app.py signs the session in before any page runs
        st.stop()
    return store_for(base_store(), signed_in)


def account() -> Account | None:
    """The account of this browser session (app.py's gate puts it there)."""
    return st.session_state.get("account")


def can_write() -> bool:
    """Whether this session may change things (admin, pilot); pages show editors only then."""
    signed_in = account()
    return signed_in is not None and signed_in.writes


def can_answer() -> bool:
    """Whether this session may answer feedback and note actions: writers, and a provider
    on its own items."""
    signed_in = account()
    return signed_in is not None and (signed_in.writes or signed_in.role == "provider")


def base_store() -> Store:
    """This process's Store, unscoped: only the gate (sign-in, board links) reads it.
    The app is the database's one writer while it runs."""
    path = resolve_db_path()
    if not path.exists():
        if path.resolve() != DEFAULT_DB.resolve():  # a mistyped COCKPIT_DB is no demo
            st.error(tr("app.no_database"))
            st.stop()
        with st.spinner(tr("app.building_demo")):
            build_demo(path)
    try:
        return _open_store(str(path))
    except CockpitError as error:  # another process holds the file for writing
        show_error(error)
        st.stop()


def language(chooser: bool = True) -> str:
    """The session's language: seeded once from ?lang=fr|en, then the sidebar's choice
    (a kiosk screen has no sidebar: `chooser=False`).

    It lives in session state, not in the widget's default: page switches clear the query
    parameters, and a widget whose default changed would be a new widget.
    """
    if st.session_state.get("lang") not in LANGUAGES:
        asked = st.query_params.get("lang")
        st.session_state["lang"] = asked if asked in LANGUAGES else DEFAULT_LANGUAGE
    if not chooser:
        return st.session_state["lang"]
    choice = st.sidebar.radio("🌐", options=list(LANGUAGES), format_func=LANGUAGES.get,
                              key="lang", horizontal=True, label_visibility="collapsed")
    st.query_params["lang"] = choice  # a copied link opens in the same language
    if choice != "en":
        st.sidebar.html(_uploader_words(choice))
    return choice


def _uploader_words(language_code: str) -> str:
    """The file uploaders' own words in the reader's language. Streamlit writes 'Upload' and
    '200MB per file' in English whatever the page's language and offers no parameter for
    them (streamlit/streamlit#13500): a style sheet draws ours in their place."""
    limit = st.get_option("server.maxUploadSize")
    browse = t("ui.upload.browse", language_code)
    hint = t("ui.upload.hint", language_code, size=limit)
    zone = '[data-testid="stFileUploaderDropzone"]'
    return (f"<style>{zone} button p {{font-size: 0}} "
            f"{zone} button p::after {{content: {_css_text(browse)}; font-size: 0.875rem}} "
            f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] span {{font-size: 0}} "
            f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] span::after "
            f"{{content: {_css_text(hint)}; font-size: 0.875rem}}</style>")


def _css_text(words: str) -> str:
    return '"' + words.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lang() -> str:
    return st.session_state.get("lang") or DEFAULT_LANGUAGE


def date_format() -> str:
    """How a date picker writes its day: 18/03/2026 in French, 2026-03-18 in English (as
    tables write them, kpi.i18n.format_date)."""
    return "DD/MM/YYYY" if lang() == "fr" else "YYYY-MM-DD"


def lang_key(name: str) -> str:
    """The key of a widget whose options are shown translated. Streamlit keeps such a
    widget's value as the text shown, so after a language switch the old text would come
    back as an unknown option: one widget per language instead."""
    return f"{name}-{lang()}"


def tr(key: str, **values) -> str:
    return t(key, lang(), **values)


def error_text(error: BaseException) -> str:
    """An error in the session's language: ours (CockpitError) read from the catalogue,
    anything else in its own words."""
    return error.text(lang()) if isinstance(error, CockpitError) else str(error)


def show_error(error: BaseException, container=st) -> None:
    """A refusal shown as an error, in the session's language."""
    container.error(error_text(error))


def labeller(prefix: str):
    """A pure format_func: 'grain' -> week -> 'Semaine', in the language of this run."""
    language = lang()
    return lambda value: t(f"{prefix}.{value}", language)


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


def decimal_column(label: str, required: bool = False, decimals: int = 1):
    """An editor column of the values kpi.editing.values_for_editor shows: a number cell in
    English (printf writes '90.5'); in French a text cell holding '90,5', since Streamlit's
    number cells write decimals with a point or with the browser's locale, never with the
    page's language (kpi.editing reads the text back to the same number)."""
    if lang() == "fr":
        return st.column_config.TextColumn(label, required=required, validate=NUMBER_TEXT,
                                           alignment="right")  # as numbers are
    return st.column_config.NumberColumn(label, required=required, format=f"%.{decimals}f")


def save_button(label: str, save, saved_message: str) -> None:
    """A primary button that saves, shows a refusal as an error, and reloads on success."""
    if st.button(label, type="primary"):
        try:
            save()
        except CockpitError as error:
            show_error(error)
        else:
            st.toast(saved_message)
            st.rerun()


def provider_with_periods(column, periods_of, empty_message: str) -> tuple[str, list]:
    """A provider select (kept in the URL, app_pages/links.py) that opens on the URL's
    provider, else on one with periods to review; stops the page with a message when the
    chosen one has none. periods_of(provider) -> list of periods."""
    from app_pages import links
    from kpi.inventory import providers

    names = providers(store())
    periods = {name: periods_of(name) for name in names}
    first = next((i for i, name in enumerate(names) if periods[name]), 0)
    provider = links.select(column, tr("col.provider"), names, "provider", index=first)
    if not periods.get(provider):
        st.info(empty_message)
        st.stop()
    return provider, periods[provider]


def show_table(table, empty_message: str | None = None, container=st) -> None:
    """A layout Table as people read it: formatted cells, status colours, flagged rows."""
    from kpi.reports.layout import HIGHLIGHT_COLOUR, STATUS, STATUS_COLOURS

    if table.frame.empty and empty_message:
        container.caption(empty_message)
        return
    shown = table.for_people(lang())
    status_headings = [c.heading for c in table.columns if c.unit == STATUS]
    colours = {tr(f"status.{s}"): f"background-color: {c}" for s, c in STATUS_COLOURS.items()}
    styled = shown.style.map(lambda v: colours.get(v, ""), subset=status_headings)
    if table.highlight and any(table.highlight):
        flags = list(table.highlight)
        styled = styled.apply(lambda _: [f"background-color: {HIGHLIGHT_COLOUR}" if f else ""
                                         for f in flags])
    # A committee table is read whole; only long annexes scroll.
    container.dataframe(styled, hide_index=True, width="stretch",
                        height="content" if len(shown) <= 40 else "auto")


def show_section(section, file_stem: str, container=st) -> None:
    """A pack section drawn whole: its title, its text, its charts, its table."""
    container.subheader(section.title)
    if section.text:
        container.caption(section.text.replace("\n", "  \n"))
    for name, figure in section.charts.items():
        show_chart(figure, f"{file_stem}_{name}", container)
    if section.table is not None:
        show_table(section.table, container=container)


def show_chart(figure, name: str, container=st) -> None:
    """A plotly chart, its numbers written in the reader's language, whose camera button
    saves a PNG for slides (twice the screen size)."""
    container.plotly_chart(chart_in_language(figure, lang()), width="stretch", config={
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": name}})


def pack_buttons(pack, container=st) -> None:
    """Excel and HTML downloads of a pack, built on click (the HTML inlines plotly.js)."""
    from kpi.reports.pack_files import pack_html, pack_xlsx

    col_xlsx, col_html = container.columns(2)
    col_xlsx.download_button(
        tr("pack.download"), lambda: pack_xlsx(pack), file_name=f"{pack.file_stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:")
    col_html.download_button(
        tr("pack.download_html"), lambda: pack_html(pack), file_name=f"{pack.file_stem}.html",
        mime="text/html", icon=":material/print:")


def file_import(label: str, button: str, run) -> None:
    """An uploader and a button: run(path of the uploaded file) returns the success message;
    a refusal is shown as an error.

    The upload is written under a generated name in a private folder (mkdtemp: mode 0700),
    deleted right after; the name the browser sent is never part of a path."""
    import logging
    import shutil
    import tempfile
    from pathlib import Path

    upload = st.file_uploader(label, type=["csv", "xlsx"])
    if upload is None or not st.button(button):
        return
    suffix = Path(upload.name).suffix.lower()
    folder = Path(tempfile.mkdtemp(prefix="cockpit-upload-"))
    try:
        path = folder / ("upload" + (suffix if suffix in (".csv", ".xlsx") else ""))
        path.write_bytes(upload.getvalue())
        try:
            message = run(path)
        except CockpitError as error:
            show_error(error)
        except Exception as error:  # any failure is a refusal in words; the log has the rest
            logging.getLogger("cockpit.ingest").error("upload %r failed", upload.name,
                                                      exc_info=error)
            st.error(f"{upload.name}: {type(error).__name__}: {error}"[:500])
        else:
            st.success(message)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
