"""Import: upload exports, check the detected layout and a preview, import, undo."""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import streamlit as st

from app_pages.ui import (
    date_format,
    error_text,
    history_table,
    labeller,
    lang,
    show_error,
    store,
    tr,
)
from kpi.errors import CockpitError, LayoutUnknown, NotFound, UndoRefused, in_language
from kpi.i18n import format_date, format_int
from kpi.ingest.fields import KIND_FIELDS, KINDS
from kpi.ingest.importer import (
    import_files,
    import_history,
    list_profiles,
    rejected_rows,
    save_mapping,
    undo_import,
)
from kpi.ingest.profiles import AliasProfile
from kpi.ingest.sources import read_preview
from kpi.inventory import providers
from kpi.reports.safe_text import csv_bytes

db = store()
st.title(tr("import.title"))
st.caption(tr("import.help"))

uploads = st.file_uploader(tr("import.files"), accept_multiple_files=True, key="uploads",
                           type=["csv", "txt", "tsv", "xlsx", "json", "jsonl", "log"])
col_provider, col_profile = st.columns(2)
new_option = tr("import.provider_new_option")
# No default: a file without a provider column must not be attributed to whoever is first.
choice = col_provider.selectbox(tr("import.provider"), [*providers(db), new_option],
                                index=None, placeholder=tr("import.provider_placeholder"))
provider = (col_provider.text_input(tr("import.new_provider")).strip() or None
            if choice == new_option else choice)
profile_names = [p.name for p in list_profiles(db)]
auto = tr("import.auto")
profile = col_profile.selectbox(tr("import.profile"), [None, *profile_names],
                                format_func=lambda n: auto if n is None else n)
col_skip, col_first = st.columns(2, vertical_alignment="bottom")
skip_bad = col_skip.checkbox(tr("import.skip_bad"))
first_day = col_first.date_input(tr("import.first_day"), value=None,
                                 help=tr("import.first_day_help"), format=date_format())


SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".json", ".jsonl", ".log")


def upload_folder() -> Path:
    """This session's private folder (mkdtemp: mode 0700), made again if it was removed."""
    folder = st.session_state.get("upload_dir")
    if not folder or not os.path.isdir(folder):
        folder = tempfile.mkdtemp(prefix="cockpit-upload-")
        st.session_state["upload_dir"] = folder
    return Path(folder)


def saved_uploads() -> list[tuple[Path, str]]:
    """Each upload written once to this session's private folder under a name made of its
    content's hash (the browser's file name is only a label, never a path); files of
    uploads since removed are deleted."""
    folder = upload_folder()
    files = []
    for upload in uploads or []:
        data = upload.getvalue()
        suffix = Path(upload.name).suffix.lower()
        path = folder / (hashlib.sha256(data).hexdigest()[:32]
                         + (suffix if suffix in SUFFIXES else ""))
        if not path.exists():
            path.write_bytes(data)
        files.append((path, upload.name))
    kept = {path.name for path, _ in files}
    for stale in folder.iterdir():
        if stale.name not in kept:
            stale.unlink(missing_ok=True)
    return files


def forget_uploads() -> None:
    """After an import: the uploaded copies are deleted with their folder."""
    folder = st.session_state.pop("upload_dir", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


files = saved_uploads()
if files:
    st.subheader(tr("import.preview"))
    options = dict(provider=provider, profile=profile, skip_bad_rows=skip_bad,
                   first_day=first_day)
    layout_unknown = False
    try:
        previews = import_files(db, files, dry_run=True, **options)
    except CockpitError as error:
        previews = None
        layout_unknown = isinstance(error, LayoutUnknown)
        st.error(tr("import.refused"))
        st.code(error_text(error), language=None, wrap_lines=True)
    for report in previews or []:
        if report.status == "unchanged":
            st.info(tr("import.unchanged", file=report.file_name, id=report.same_as_import))
            continue
        st.success(tr("import.detected", file=report.file_name,
                      profile=in_language(report.profile_title, lang()),
                      kind=tr(f"kind.{report.kind}"), rows=format_int(report.rows_imported,
                                                                      lang()),
                      start=format_date(report.period_start, lang()),
                      end=format_date(report.period_end, lang())))
        st.caption(report.summary(preview=True, lang=lang()))
        st.dataframe(report.preview, hide_index=True, width="stretch")
    if previews is not None and st.button(tr("import.go", n=len(files)), type="primary"):
        bar = st.progress(0.0)
        try:
            reports = import_files(db, files, on_progress=lambda f, label: bar.progress(
                min(f, 1.0), text=in_language(label, lang())), **options)
        except CockpitError as error:
            st.error(tr("import.refused"))
            st.code(error_text(error), language=None, wrap_lines=True)
        else:
            forget_uploads()
            st.success(tr("import.done"))
            for report in reports:
                st.write("✅ " + report.summary(lang=lang()))

    with st.expander(tr("import.mapping"), expanded=layout_unknown):
        st.caption(tr("import.mapping_help"))
        names = {name: path for path, name in files}
        target = st.selectbox(tr("import.mapping_file"), list(names))
        kind = st.selectbox(tr("import.mapping_kind"), KINDS, format_func=labeller("kind"))
        headers, sample = [], []
        if names[target].exists():  # deleted once imported
            try:
                headers, sample = read_preview(names[target], file_name=target)
            except CockpitError as error:
                show_error(error)
        guessed = AliasProfile(kind, kind, kind).match_headers(headers)
        not_mapped = tr("import.not_mapped")
        mapping = {}
        grid = st.columns(3)
        for i, field in enumerate(KIND_FIELDS[kind]):
            default = guessed.get(field.name)
            chosen = grid[i % 3].selectbox(
                field.name, [not_mapped, *headers],
                index=0 if default is None else default + 1, key=f"map-{kind}-{field.name}")
            if chosen != not_mapped:
                mapping[field.name] = chosen
        st.dataframe([dict(zip(headers, row, strict=False)) for row in sample], width="stretch")
        name = st.text_input(tr("import.mapping_name"))
        if st.button(tr("import.mapping_save"), disabled=not name.strip()):
            try:
                save_mapping(db, name.strip(), kind, mapping)
            except (CockpitError, ValueError) as error:
                show_error(error)
            else:
                st.success(tr("import.mapping_saved", name=name.strip()))
                st.rerun()

st.subheader(tr("import.history"))
history = import_history(db)
st.dataframe(history_table(history, lang()), hide_index=True, width="stretch")
active = history[history.status == "active"].import_id.tolist()
if active:
    col_id, col_button = st.columns([1, 3], vertical_alignment="bottom")
    undo_id = col_id.selectbox(tr("import.undo"), active)
    if col_button.button(tr("import.undo_button", id=undo_id)):
        try:
            removed = undo_import(db, int(undo_id))
        except (UndoRefused, NotFound) as error:
            show_error(error)
        else:
            st.toast(tr("import.undone", id=undo_id, n=removed))
            st.rerun()

aside = rejected_rows(db)
if not aside.empty:
    st.subheader(tr("import.rejected"))
    st.dataframe(aside, hide_index=True, width="stretch")
    st.download_button(tr("import.download_csv"), csv_bytes(aside, lang()),
                       file_name="rejected_rows.csv", mime="text/csv")
