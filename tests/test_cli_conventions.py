"""The command line's conventions (issue 18): help for every option, documented exit codes
(75: the database is busy, retry later), `--format json` on every command that prints a
result, messages in the chosen language with today's English words by default, and a
`--version`."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.cli import EXIT_BUSY, build_parser, main

from .conftest import DATA, ROOT, settled_inbox
from .processes import hold_for_writing

PASSWORD = "correct horse battery"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    return build_parser()._subparsers._group_actions[0].choices


def test_every_option_and_argument_has_help():
    missing = []
    parsers = {"cockpit": build_parser(), **{f"cockpit {n}": p
                                             for n, p in _subcommands().items()}}
    for name, parser in parsers.items():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{name} {c.dest}" for c in action._choices_actions if not c.help]
                continue
            if not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{name} {action.option_strings or action.dest}")
    assert not missing, missing


def test_exit_codes_are_documented_in_help_and_readme():
    help_text = build_parser().format_help()
    readme = (ROOT / "README.md").read_text()
    for code, words in ((0, "done"), (1, "refused input"), (2, "usage error"),
                        (75, "database busy")):
        assert f"  {code} " in help_text and words in help_text, code
        assert f"| {code} |" in readme, code
    assert "retry later" in help_text and "retry later" in readme


def test_version_and_help_are_fast_and_load_no_data_library():
    from kpi import __version__

    code = ("import sys; from kpi.cli import main\n"
            "for argv in (['--version'], ['--help'], ['import', '--help']):\n"
            "    try:\n        main(argv)\n    except SystemExit as e:\n"
            "        assert e.code == 0, e.code\n"
            "print([m for m in ('pandas', 'duckdb', 'numpy', 'streamlit') "
            "if m in sys.modules], file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"cockpit {__version__}\n")
    assert out.stderr.strip().splitlines()[-1] == "[]"


def test_a_csv_import_loads_no_pandas(tmp_path):
    """A week's CSV export is imported by DuckDB alone: pandas' import took a third of a
    second of the import's start-up (only a workbook, or a dry run's preview, needs it)."""
    code = ("import sys; from kpi.cli import main\n"
            f"assert main(['import', {str(DATA / 'contacts_generic.csv')!r}, '--db', "
            f"{str(tmp_path / 'new.duckdb')!r}, '--create']) == 0\n"
            "print('pandas' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "rows imported" in out.stdout
    assert out.stderr.strip().splitlines()[-1] == "False"


def test_a_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["kpis", "--grain", "fortnight"])
    assert stopped.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.fixture
def small_db(tmp_path) -> Path:
    db = tmp_path / "small.duckdb"
    assert main(["import", str(DATA / "contacts_generic.csv"), "--db", str(db),
                 "--create"]) == 0
    return db


@pytest.mark.parametrize("command", [
    ["import", str(DATA / "forecast.csv"), "--provider", "Acme"], ["imports"], ["undo", "1"],
    ["kpis"], ["watch", "--once"]])
def test_a_busy_database_exits_75_not_1(small_db, tmp_path, capsys, command):
    holder = hold_for_writing(small_db)
    try:
        code = main([*command, "--db", str(small_db)]
                    + (["--inbox", str(tmp_path / "in")] if command[0] == "watch" else []))
    finally:
        holder.kill()
        holder.wait()
    assert code == EXIT_BUSY == 75
    assert "open for writing by another process" in capsys.readouterr().err


def test_a_busy_database_exits_75_from_the_console_script_too(small_db):
    holder = hold_for_writing(small_db)
    try:
        out = subprocess.run([sys.executable, "-m", "kpi", "imports", "--db", str(small_db)],
                             capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == 75, out.stderr
    assert "error: " in out.stderr and "open for writing by another process" in out.stderr


def _json_out(capsys, argv: list[str], code: int = 0, stdin: str | None = None,
              monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main([*argv, "--format", "json"]) == code, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_every_command_that_prints_a_result_takes_format_json(demo_db, demo_clock, tmp_path,
                                                              capsys, monkeypatch):
    db = ["--db", str(demo_db)]
    (report,) = _json_out(capsys, ["import", str(DATA / "forecast.csv"), "--provider",
                                   "Nordcall", *db])
    assert report["status"] == "imported" and report["rows_imported"] == 2
    assert report["summary"].startswith("forecast.csv: import #")
    imports = _json_out(capsys, ["imports", *db])
    assert max(i["import_id"] for i in imports) == report["import_id"]
    assert _json_out(capsys, ["undo", str(report["import_id"]), *db]) == {
        "import_id": report["import_id"], "rows_removed": 2}
    assert isinstance(_json_out(capsys, ["rejected", *db]), list)
    profiles = _json_out(capsys, ["profiles", *db])
    assert {"profile", "kind", "description"} <= set(profiles[0])
    assert _json_out(capsys, ["kpis", "--grain", "month", "--kpi", "offered", *db])
    assert isinstance(_json_out(capsys, ["targets", "list", *db]), list)
    targets = tmp_path / "targets.csv"
    targets.write_text("kpi,provider,comparator,value,start,deadline,priority,owner,rationale\n"
                       "answer_rate,Nordcall,>=,0.7,2026-03-09,2026-06-30,1,Pilot,Why\n")
    assert _json_out(capsys, ["targets", "import", str(targets), *db]) == {
        "file": "targets.csv", "targets_added": 1}
    pack = _json_out(capsys, ["report", "production", "--provider", "Atlantic Relation",
                              "--week", "2026-W11", "--out", str(tmp_path / "p.html"), *db])
    assert pack["out"] == str(tmp_path / "p.html") and pack["lang"] == "fr"
    assert isinstance(_json_out(capsys, ["flags", *db]), list)
    assert isinstance(_json_out(capsys, ["reconcile", *db]), list)
    assert isinstance(_json_out(capsys, ["visits", "list", *db]), list)
    filled = tmp_path / "visite.csv"
    filled.write_text("date;site;critère;constat\n10/03/2026;Aix;hands;grave\n",
                      encoding="utf-8")
    visit = _json_out(capsys, ["visits", "import", str(filled), "--provider", "Nordcall", *db])
    assert visit["provider"] == "Nordcall" and visit["serious"] == 1
    added = _json_out(capsys, ["users", "add", "marie", "--role", "pilot", "--password-stdin",
                               *db], stdin=PASSWORD + "\n", monkeypatch=monkeypatch)
    assert added == {"account": "marie", "added": True, "role": "pilot", "provider": None}
    assert any(u["name"] == "marie" for u in _json_out(capsys, ["users", "list", *db]))
    assert _json_out(capsys, ["users", "passwd", "marie", "--password-stdin", *db],
                     stdin=PASSWORD + "!\n", monkeypatch=monkeypatch)["password_changed"]
    assert _json_out(capsys, ["users", "remove", "marie", *db])["removed"]
    assert _json_out(capsys, ["boards", "list", *db])
    link = _json_out(capsys, ["boards", "link", "Floor Nordcall", *db])
    assert link["url"].startswith("http://localhost:8501/wallboard?")
    assert _json_out(capsys, ["boards", "revoke", "Floor Nordcall", *db])["links_revoked"] == 1
    assert _json_out(capsys, ["demo", *db]) == {"database": str(demo_db), "built": False}
    backup = tmp_path / "b.duckdb"
    assert _json_out(capsys, ["backup", str(backup), *db])["backup"] == str(backup)
    assert _json_out(capsys, ["restore", str(backup), *db])["restored_from"] == str(backup)


def test_watch_and_demo_feed_print_one_json_object_per_line(small_db, tmp_path, capsys):
    inbox = settled_inbox(tmp_path, "Acme")
    db = ["--db", str(small_db)]
    assert main(["watch", "--once", "--inbox", str(inbox), "--format", "json", *db]) == 1
    lines = {Path(o["file"]).name: o
             for o in map(json.loads, capsys.readouterr().out.splitlines())}
    assert lines["forecast.csv"]["imported"] and lines["forecast.csv"]["provider"] == "Acme"
    assert not lines["broken.csv"]["imported"] and "never" in lines["broken.csv"]["message"]
    assert main(["demo-feed", "--inbox", str(tmp_path / "feed"), "--every", "0", "--count",
                 "2", "--format", "json", *db]) == 0
    drops = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(drops) == 2 and all(d["dropped"] for d in drops)


def test_format_text_prints_todays_words(small_db, capsys):
    assert main(["undo", "1", "--db", str(small_db)]) == 0
    assert capsys.readouterr().out == "import #1 undone: 6 rows removed\n"


def test_messages_in_french_with_lang_or_cockpit_lang(small_db, tmp_path, capsys,
                                                      monkeypatch):
    bad = tmp_path / "bad.csv"
    bad.write_text("contact_id,provider,queue,arrived_at\nA,Acme,Q,someday\n")
    # English by default: today's words, unchanged.
    assert main(["import", str(bad), "--db", str(small_db)]) == 1
    english = capsys.readouterr().err
    assert "error: bad.csv, row 2, column arrived_at: expected" in english
    assert "bad.csv was not imported" in english
    # --lang fr
    assert main(["import", str(bad), "--db", str(small_db), "--lang", "fr"]) == 1
    french = capsys.readouterr().err
    assert "\nerreur : bad.csv, ligne 2" in french and "n'a pas été importé" in french
    # COCKPIT_LANG=fr, and --lang en over it
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    assert main(["undo", "99", "--db", str(small_db)]) == 1
    assert "erreur : il n'y a pas d'import n°99" in capsys.readouterr().err
    assert main(["undo", "99", "--db", str(small_db), "--lang", "en"]) == 1
    assert capsys.readouterr().err.endswith("error: there is no import #99\n")
    # A busy database in French, still 75.
    holder = hold_for_writing(small_db)
    try:
        assert main(["imports", "--db", str(small_db)]) == 75
    finally:
        holder.kill()
        holder.wait()
    assert "erreur : " in capsys.readouterr().err
    # An import's lines in French too.
    assert main(["import", str(DATA / "forecast.csv"), "--provider", "Acme", "--db",
                 str(small_db)]) == 0
    assert "2 lignes importées" in capsys.readouterr().out


def test_an_unknown_cockpit_lang_falls_back_to_english(small_db, capsys, monkeypatch):
    monkeypatch.setenv("COCKPIT_LANG", "de")
    assert main(["undo", "99", "--db", str(small_db)]) == 1
    assert "error: there is no import #99" in capsys.readouterr().err


def test_python_dash_m_kpi_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "kpi", "--version"], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("cockpit ")


def test_cockpit_app_passes_the_packaged_streamlit_settings():
    import tomllib

    from kpi.cli import STREAMLIT_CONFIG, app_options
    from kpi.reports.charts import PALETTE

    config = tomllib.loads(STREAMLIT_CONFIG.read_text())
    assert config["theme"]["chartCategoricalColors"] == list(PALETTE)
    assert config["theme"]["primaryColor"] == PALETTE[0]
    # The checkout's .streamlit/config.toml (for `streamlit run app.py`) is the same file.
    assert (ROOT / ".streamlit" / "config.toml").resolve() == STREAMLIT_CONFIG
    options = app_options("0.0.0.0", 8600, headless=True)
    assert options == {"server.address": "0.0.0.0", "browser.gatherUsageStats": "false",
                       "client.toolbarMode": "minimal", "theme.base": str(STREAMLIT_CONFIG),
                       "server.port": "8600", "server.headless": "true"}
