"""The `cockpit` command's contract, through its real entry point."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd

from kpi.cli import main
from kpi.store import Store

from .conftest import DATA, ROOT


def test_import_prints_one_summary_line_per_file_and_exits_0(db_path, capsys):
    code = main(["import", str(DATA / "contacts_generic.csv"), str(DATA / "intervals.csv"),
                 "--provider", "Acme", "--db", str(db_path), "--create"])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert out[0].startswith("contacts_generic.csv: import #1 (contacts, Acme); 6 rows "
                             "imported; 0 duplicates dropped")
    assert "period 2026-03-02 to 2026-03-03" in out[0]
    assert out[1].startswith("intervals.csv: import #2 (intervals, Acme); 3 rows imported")


def test_db_path_comes_from_cockpit_db_when_no_flag(tmp_path, monkeypatch, capsys):
    target = tmp_path / "from_env.duckdb"
    monkeypatch.setenv("COCKPIT_DB", str(target))
    assert main(["import", str(DATA / "forecast.csv"), "--provider", "Acme", "--create"]) == 0
    with Store(target) as store:
        assert store.scalar("SELECT count(*) FROM forecasts") == 2


def test_imports_lists_history_as_csv_and_json(db_path, capsys):
    main(["import", str(DATA / "contacts_generic.csv"), "--db", str(db_path), "--create"])
    capsys.readouterr()
    assert main(["imports", "--format", "csv", "--db", str(db_path)]) == 0
    history = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert history.loc[0, ["file_name", "rows_imported", "status"]].tolist() == [
        "contacts_generic.csv", 6, "active"]
    assert main(["imports", "--format", "json", "--db", str(db_path)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["kind"] == "contacts" and len(records[0]["sha256"]) == 64


def test_undo_removes_the_rows_of_one_import(db_path, capsys):
    main(["import", str(DATA / "contacts_generic.csv"), "--db", str(db_path), "--create"])
    assert main(["undo", "1", "--db", str(db_path)]) == 0
    assert "6 rows removed" in capsys.readouterr().out
    assert main(["undo", "1", "--db", str(db_path)]) == 1
    assert "undone" in capsys.readouterr().err


def test_skip_bad_rows_then_rejected_shows_them(db_path, tmp_path, capsys):
    export = tmp_path / "mixed.csv"
    export.write_text("contact_id,provider,queue,arrived_at\nA,Acme,Q,2026-03-02 10:00:00\n"
                      "B,Acme,Q,someday\n")
    assert main(["import", str(export), "--skip-bad-rows", "--db", str(db_path),
                 "--create"]) == 0
    assert "1 bad rows set aside" in capsys.readouterr().out
    assert main(["rejected", "--format", "json", "--db", str(db_path)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["row_number"] == 3 and "someday" in row["reason"]


def test_missing_file_exits_1(db_path, capsys):
    assert main(["import", "nope.csv", "--db", str(db_path)]) == 1
    assert "no such file: nope.csv" in capsys.readouterr().err


def test_console_script_is_installed_and_runs():
    out = subprocess.run(["cockpit", "profiles", "--db", ":memory:"], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "bank_acd_log" in out.stdout and "five9" in out.stdout


def test_module_entry_point_prints_help():
    out = subprocess.run([sys.executable, "-m", "kpi.cli", "--help"], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0 and "import" in out.stdout and "demo" in out.stdout
