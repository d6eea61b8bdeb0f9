"""The cockpit's log: one line per import, refusal and undo, in `cockpit.log` beside the
database and on stderr; configured once, whatever the number of calls; no password."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from logging.handlers import RotatingFileHandler

from kpi.cli import main
from kpi.logs import LOG_FILE, configure_logging
from kpi.store import Store

from .conftest import BAD, DATA, ROOT


def _cockpit_handlers():
    return [h for h in logging.getLogger("cockpit").handlers
            if getattr(h, "_cockpit_handler", False)]


def test_cli_import_refusal_and_undo_each_write_a_line_beside_the_database(tmp_path,
                                                                           capsys):
    db = tmp_path / "floor" / "cockpit.duckdb"
    db.parent.mkdir()
    Store(db).close()
    log_file = db.parent / LOG_FILE

    assert main(["import", str(DATA / "contacts_generic.csv"), "--db", str(db)]) == 0
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert " INFO cockpit.ingest: import (cli:" in lines[0]
    assert "contacts_generic.csv: import #1 (contacts, Acme); 6 rows imported" in lines[0]
    assert "contacts_generic.csv: import #1" in capsys.readouterr().err  # stderr too

    bad = BAD / "bad_date.csv"
    assert main(["import", str(bad), "--db", str(db)]) == 1
    refused = log_file.read_text(encoding="utf-8").splitlines()[1:]
    assert len(refused) == 1
    assert " WARNING cockpit.ingest: import refused (cli:" in refused[0]
    assert "bad_date.csv: bad_date.csv, row 3" in refused[0]  # the file, then the problem

    assert main(["undo", "1", "--db", str(db)]) == 0
    assert main(["undo", "1", "--db", str(db)]) == 1
    undo, undo_refused = log_file.read_text(encoding="utf-8").splitlines()[2:]
    assert "undo (cli:" in undo and "import #1, 6 rows removed" in undo
    assert "undo of import #1 refused" in undo_refused


def test_configuring_again_adds_no_handler_and_follows_the_database(tmp_path):
    first, second = tmp_path / "a" / "one.duckdb", tmp_path / "b" / "two.duckdb"
    first.parent.mkdir()
    second.parent.mkdir()
    for _ in range(3):  # Streamlit reruns, several commands in one process
        assert configure_logging(first) == first.parent / LOG_FILE
    handlers = _cockpit_handlers()
    assert len(handlers) == 2
    assert sum(isinstance(h, RotatingFileHandler) for h in handlers) == 1
    configure_logging(second)
    files = [h for h in _cockpit_handlers() if isinstance(h, RotatingFileHandler)]
    assert len(_cockpit_handlers()) == 2 and len(files) == 1
    assert files[0].baseFilename == str(second.parent / LOG_FILE)
    assert files[0].maxBytes > 0 and files[0].backupCount == 3
    logging.getLogger("cockpit.inbox").info("one pass")
    assert (second.parent / LOG_FILE).read_text().count("one pass") == 1
    assert not (first.parent / LOG_FILE).exists() or \
        "one pass" not in (first.parent / LOG_FILE).read_text()
    assert configure_logging(":memory:") is None  # no file for an in-memory database
    assert not any(isinstance(h, RotatingFileHandler) for h in _cockpit_handlers())


def test_the_stderr_line_goes_to_the_stderr_of_the_moment(tmp_path, monkeypatch):
    configure_logging(tmp_path / "x.duckdb")
    swapped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", swapped)
    logging.getLogger("cockpit.access").info("sign-in of marie")
    assert "INFO cockpit.access: sign-in of marie" in swapped.getvalue()


def test_a_password_given_to_the_cli_never_reaches_the_log(tmp_path):
    db = tmp_path / "accounts.duckdb"
    Store(db).close()
    password = "a very secret passphrase 42"
    out = subprocess.run([sys.executable, "-m", "kpi.cli", "users", "add", "marie", "--role",
                          "pilot", "--password-stdin", "--db", str(db)],
                         input=password + "\n", capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    log_file = db.parent / LOG_FILE
    text = log_file.read_text() if log_file.exists() else ""
    assert password not in text and password not in out.stderr and password not in out.stdout


def test_a_traceback_goes_to_the_file_not_to_stderr(tmp_path, capsys):
    configure_logging(tmp_path / "x.duckdb")
    try:
        raise RuntimeError("boom inside a parser")
    except RuntimeError as error:
        logging.getLogger("cockpit.ingest").error("unexpected error while importing %s",
                                                  "f.csv", exc_info=error)
    err = capsys.readouterr().err
    assert "unexpected error while importing f.csv" in err and "Traceback" not in err
    text = (tmp_path / LOG_FILE).read_text()
    assert "Traceback" in text and "RuntimeError: boom inside a parser" in text
