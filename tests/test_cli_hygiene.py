"""The command line on the server: a mistyped --db is an error, backups and restores are
consistent and never overwrite a database in use, and `cockpit app` stops with its server."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import duckdb
import pytest

from kpi.cli import main
from kpi.ingest.importer import import_export
from kpi.schema import LATEST_VERSION
from kpi.store import Store

from .conftest import DATA
from .processes import hold_for_writing, serve_app


@pytest.fixture
def small_db(tmp_path) -> Path:
    db = tmp_path / "small.duckdb"
    with Store(db) as store:
        import_export(store, DATA / "contacts_generic.csv")
        import_export(store, DATA / "intervals.csv", provider="Acme")
    return db


def _counts(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("contacts", "intervals", "imports", "providers")}
    finally:
        con.close()


@pytest.mark.parametrize("command", [
    ["import", str(DATA / "contacts_generic.csv")], ["imports"], ["undo", "1"],
    ["kpis", "--grain", "week"], ["profiles"], ["watch", "--once"], ["users", "list"],
    ["boards", "list"], ["report", "production", "--provider", "A", "--week", "2026-W10",
                         "--out", "x.xlsx"], ["backup", "out.duckdb"],
    ["app", "--headless"]])
def test_a_mistyped_db_is_an_error_and_creates_nothing(tmp_path, capsys, command):
    typo = tmp_path / "cokpit.duckdb"
    assert main([*command, "--db", str(typo)]) == 1
    err = capsys.readouterr().err
    assert f"no database at {typo} (--db)" in err and "--create" in err
    assert not typo.exists() and not (tmp_path / "out.duckdb").exists()


def test_a_mistyped_cockpit_db_is_an_error_too(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COCKPIT_DB", str(tmp_path / "typo.duckdb"))
    assert main(["import", str(DATA / "forecast.csv"), "--provider", "Acme"]) == 1
    assert "(COCKPIT_DB)" in capsys.readouterr().err
    assert not (tmp_path / "typo.duckdb").exists()


def test_create_starts_a_new_empty_database(tmp_path, capsys):
    db = tmp_path / "new.duckdb"
    assert main(["import", str(DATA / "forecast.csv"), "--provider", "Acme", "--db", str(db),
                 "--create"]) == 0
    assert _counts(db)["providers"] == 1
    # From then on, no --create needed.
    assert main(["imports", "--db", str(db)]) == 0


def test_backup_then_restore_gives_the_same_database(small_db, tmp_path, capsys):
    backup = tmp_path / "backups" / "monday.duckdb"
    assert main(["backup", str(backup), "--db", str(small_db)]) == 0
    assert f"backed up to {backup} (schema version {LATEST_VERSION})" in capsys.readouterr().out
    before = _counts(small_db)
    assert _counts(backup) == before
    assert main(["undo", "1", "--db", str(small_db)]) == 0  # a change after the backup
    assert _counts(small_db)["contacts"] == 0

    assert main(["restore", str(backup), "--db", str(small_db)]) == 0
    assert "restored from" in capsys.readouterr().out
    assert _counts(small_db) == before
    with Store(small_db) as store:  # a normal database again: it imports, ids go on
        report = import_export(store, DATA / "forecast.csv", provider="Acme")
    assert report.import_id == 3

    fresh = tmp_path / "elsewhere" / "restored.duckdb"  # restore creates its target
    assert main(["restore", str(backup), "--db", str(fresh)]) == 0
    assert _counts(fresh) == before


def test_backup_is_consistent_while_the_same_process_writes(small_db, tmp_path):
    """Each write adds two providers in one transaction: a torn copy would hold an odd
    number of them (or not open)."""
    from kpi.backup import backup_database

    with Store(small_db) as store:
        start = store.scalar("SELECT count(*) FROM providers")
        stop = threading.Event()

        def writer() -> None:
            n = 0
            while not stop.is_set():
                n += 1
                store.write(lambda cur, n=n: cur.execute(
                    "INSERT INTO providers (name) VALUES (?), (?)", [f"P{n}a", f"P{n}b"]))

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            copies = []
            for i in range(5):
                out = tmp_path / f"copy{i}.duckdb"
                backup_database(store, out)
                copies.append(out)
        finally:
            stop.set()
            thread.join()
    counts = [_counts(c)["providers"] - start for c in copies]
    assert all(c % 2 == 0 for c in counts), counts
    assert counts == sorted(counts)


def test_backup_while_another_process_holds_the_file_says_so(small_db, tmp_path, capsys):
    holder = hold_for_writing(small_db)
    try:
        # 75: busy, retry later (not 1, a refused input)
        assert main(["backup", str(tmp_path / "b.duckdb"), "--db", str(small_db)]) == 75
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert "open for writing by another process" in err and "Stop the app" in err
    assert not (tmp_path / "b.duckdb").exists()


def test_restore_refuses_a_database_in_use(small_db, tmp_path, capsys):
    backup = tmp_path / "b.duckdb"
    assert main(["backup", str(backup), "--db", str(small_db)]) == 0
    target = tmp_path / "live.duckdb"
    shutil.copy(small_db, target)
    with Store(target) as store:
        store.write(lambda cur: cur.execute("INSERT INTO providers (name) VALUES ('Live')"))
    holder = hold_for_writing(target)
    try:
        assert main(["restore", str(backup), "--db", str(target)]) == 75  # busy
    finally:
        holder.kill()
        holder.wait()
    assert "is in use" in capsys.readouterr().err
    assert _counts(target)["providers"] == _counts(backup)["providers"] + 1  # untouched


def test_restore_refuses_what_is_not_a_cockpit_database(small_db, tmp_path, capsys):
    before = _counts(small_db)
    not_duckdb = tmp_path / "notes.duckdb"
    not_duckdb.write_text("contact_id,provider\n")
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).execute("CREATE TABLE t (x INTEGER)").close()
    newer = tmp_path / "newer.duckdb"
    shutil.copy(small_db, newer)
    con = duckdb.connect(str(newer))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [LATEST_VERSION + 1])
    con.close()
    for source, words in ((not_duckdb, "is not a DuckDB database"),
                          (plain, "is not a Cockpit database"),
                          (newer, f"schema version {LATEST_VERSION + 1}, made by a newer"),
                          (tmp_path / "missing.duckdb", "no such file")):
        assert main(["restore", str(source), "--db", str(small_db)]) == 1
        assert words in capsys.readouterr().err
    assert _counts(small_db) == before
    assert not list(small_db.parent.glob("*.restoring*"))


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


def test_sigterm_to_cockpit_app_stops_its_server(small_db, tmp_path):
    app, _url = serve_app(small_db, tmp_path / "app.log")
    try:
        (server,) = _children(app.pid)
        assert "streamlit" in Path(f"/proc/{server}/cmdline").read_text()
        started = time.time()
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=20)
        while _alive(server) and time.time() - started < 20:
            time.sleep(0.1)
        assert not _alive(server), "the streamlit server outlived `cockpit app`"
        assert time.time() - started < 20
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
