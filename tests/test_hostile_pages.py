"""Hostile files through the Import page (AppTest), and the inbox writer on the Data page."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kpi.errors import ImportRefused
from kpi.ingest.importer import import_export
from kpi.store import Store

from .conftest import DATA, ROOT, table_counts
from .test_hostile_intake import BODY, _contacts, _far_cell_xlsx


@pytest.fixture
def acme_app(db_path, monkeypatch):
    with Store(db_path) as store:
        import_export(store, DATA / "contacts_generic.csv")
    monkeypatch.setenv("COCKPIT_DB", str(db_path))
    return db_path


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def _counts(db_path: Path):
    with Store(db_path) as store:
        return table_counts(store)


def test_import_page_refuses_a_far_cell_workbook_in_words(acme_app, tmp_path):
    far = tmp_path / "far.xlsx"
    _far_cell_xlsx(far)
    at = open_page("app_pages/import_exports.py")
    # The browser's name is a label only: a name with path parts goes nowhere.
    at.file_uploader[0].set_value(("../../evil/far.xlsx", far.read_bytes(),
                                   "application/octet-stream")).run()
    assert not at.exception
    refusal = at.code[0].value
    assert "16,384 columns" in refusal and "expected at most 1,000 columns" in refusal
    assert "Traceback" not in refusal
    folder = Path(at.session_state["upload_dir"])
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    names = [p.name for p in folder.iterdir()]
    assert len(names) == 1 and "evil" not in names[0] and names[0].endswith(".xlsx")
    assert not (tmp_path.parent / "evil").exists()


def test_import_page_imports_utf16_without_bom_and_deletes_the_upload(acme_app):
    before = _counts(acme_app)
    at = open_page("app_pages/import_exports.py")
    export = _contacts(BODY, "Beta").encode("utf-16-le")
    at.file_uploader[0].set_value(("beta.csv", export, "text/csv")).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    folder = Path(at.session_state["upload_dir"])
    next(b for b in at.button if b.label.startswith("Import")).click().run()
    assert not at.exception
    assert any("beta.csv: import #" in m.value for m in at.markdown), [
        m.value for m in at.markdown]
    assert not folder.exists()
    after = _counts(acme_app)
    assert after["contacts"] == before["contacts"] + len(BODY)


def test_data_page_shows_the_inbox_writers_state(acme_app, tmp_path):
    inbox = acme_app.parent / "inbox"
    (inbox / "Beta").mkdir(parents=True)
    at = open_page("app_pages/data_overview.py")
    assert any(h.value == "Inbox" for h in at.subheader)
    labels = {m.label for m in at.metric}
    assert {"Last pass", "Files waiting", "Refused today"} <= labels


def test_settings_page_saves_the_import_limits_the_importer_then_applies(acme_app, tmp_path):
    at = open_page("app_pages/settings.py")
    assert any(h.value == "Import limits" for h in at.subheader)
    at.number_input(key="limit-max_columns").set_value(5).run()
    next(b for b in at.button if b.label == "Save the limits").click().run()
    assert not at.exception
    wide = tmp_path / "wide.csv"
    wide.write_text(_contacts(BODY), encoding="utf-8")
    with Store(acme_app) as store:
        assert store.scalar("SELECT value FROM app_settings WHERE name = 'max_columns'") == "5"
        with pytest.raises(ImportRefused, match="at most 5 columns"):
            import_export(store, wide)
