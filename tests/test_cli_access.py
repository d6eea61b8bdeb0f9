"""`cockpit users`, `cockpit boards` and `cockpit app --host`: the contract a check outside
the tests relies on (commands, options, CSV columns, exit codes)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from kpi.cli import main
from kpi.store import Store

from .conftest import ROOT

PASSWORD = "correct horse battery"


def run(args: list[str], monkeypatch, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(args)


def test_users_add_list_passwd_remove(demo_db, monkeypatch, capsys):
    db = ["--db", str(demo_db)]
    assert run(["users", "add", "marie", "--role", "pilot", "--password-stdin", *db],
               monkeypatch, PASSWORD + "\n") == 0
    assert run(["users", "add", "nadia", "--role", "provider", "--provider", "Nordcall",
                "--email", "nadia@nordcall.example", "--password-stdin", *db],
               monkeypatch, PASSWORD + "\n") == 0
    assert capsys.readouterr().out.splitlines() == [
        "account marie added: pilot", "account nadia added: provider for Nordcall"]
    assert run(["users", "list", "--format", "csv", *db], monkeypatch) == 0
    listed = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert listed.columns.tolist() == ["name", "role", "provider", "email", "created_at"]
    assert listed[["name", "role"]].values.tolist() == [["marie", "pilot"],
                                                        ["nadia", "provider"]]
    assert run(["users", "list", "--format", "json", *db], monkeypatch) == 0
    assert json.loads(capsys.readouterr().out)[1]["provider"] == "Nordcall"
    assert run(["users", "passwd", "marie", "--password-stdin", *db], monkeypatch,
               "a brand new password\n") == 0
    assert run(["users", "remove", "nadia", *db], monkeypatch) == 0
    assert capsys.readouterr().out.splitlines() == ["password of marie changed",
                                                   "account nadia removed"]
    with Store(demo_db) as store:
        from kpi.access.accounts import authenticate

        assert authenticate(store, "marie", "a brand new password").role == "pilot"
        hashes = " ".join(store.read("SELECT password_hash FROM accounts").password_hash)
        assert PASSWORD not in hashes and "a brand new password" not in hashes
        assert store.read("SELECT account, change FROM change_log").values.tolist()[:1] == [
            [f"cli:{__import__('getpass').getuser()}", "add_account"]]


@pytest.mark.parametrize("args, stdin, message", [
    (["--role", "root"], PASSWORD, "unknown role 'root'"),
    (["--role", "provider"], PASSWORD, "a provider account needs --provider NAME"),
    (["--role", "provider", "--provider", "Nobody"], PASSWORD, "unknown provider 'Nobody'"),
    (["--role", "pilot"], "short", "at least 10 characters"),
    (["--role", "pilot"], "", "at least 10 characters"),
    (["--role", "pilot", "--no-stdin"], PASSWORD, "--password-stdin"),
])
def test_users_add_refuses_bad_input_with_exit_1_and_writes_nothing(demo_db, monkeypatch,
                                                                     capsys, args, stdin,
                                                                     message):
    flags = [a for a in args if a != "--no-stdin"]
    if "--no-stdin" not in args:
        flags.append("--password-stdin")
    code = run(["users", "add", "x", *flags, "--db", str(demo_db)], monkeypatch, stdin)
    assert code == 1
    assert message in capsys.readouterr().err
    with Store(demo_db) as store:
        assert store.scalar("SELECT count(*) FROM accounts") == 0


def test_users_add_refuses_a_duplicate_name(demo_db, monkeypatch, capsys):
    db = ["--db", str(demo_db)]
    assert run(["users", "add", "marie", "--role", "admin", "--password-stdin", *db],
               monkeypatch, PASSWORD) == 0
    assert run(["users", "add", "Marie", "--role", "pilot", "--password-stdin", *db],
               monkeypatch, PASSWORD) == 1
    assert "already exists" in capsys.readouterr().err
    with Store(demo_db) as store:
        assert store.read("SELECT name, role FROM accounts").values.tolist() == [
            ["marie", "admin"]]
    assert run(["users", "remove", "nobody", *db], monkeypatch) == 1


def test_boards_list_link_revoke(demo_db, monkeypatch, capsys):
    db = ["--db", str(demo_db)]
    from kpi.demo import PROVIDERS

    assert run(["boards", "list", "--format", "csv", *db], monkeypatch) == 0
    boards = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert boards.columns[0] == "name"
    assert boards.name.tolist() == sorted(f"Floor {p.name}" for p in PROVIDERS)
    assert run(["boards", "link", "Floor Nordcall", "--base-url", "https://cockpit.example",
                *db], monkeypatch) == 0
    url = capsys.readouterr().out.strip()
    assert url.startswith("https://cockpit.example/wallboard?kiosk=1&token=")
    assert run(["boards", "list", "--format", "json", *db], monkeypatch) == 0
    listed = {b["name"]: b["links"] for b in json.loads(capsys.readouterr().out)}
    assert listed["Floor Nordcall"] == 1 and listed["Floor Sunline BPO"] == 0
    assert run(["boards", "revoke", "Floor Nordcall", *db], monkeypatch) == 0
    assert capsys.readouterr().out.strip() == "1 link(s) of board Floor Nordcall revoked"
    with Store(demo_db) as store:
        from kpi.access.links import board_for_token

        assert board_for_token(store, url.split("token=")[1]) is None
    assert run(["boards", "link", "No such board", *db], monkeypatch) == 1
    assert "no wallboard named 'No such board'" in capsys.readouterr().err


def test_app_refuses_a_network_address_without_accounts(demo_db, monkeypatch, capsys):
    assert run(["app", "--host", "0.0.0.0", "--db", str(demo_db)], monkeypatch) == 1
    error = capsys.readouterr().err
    assert "refusing to serve 0.0.0.0" in error and "cockpit users add" in error


def test_app_listens_on_loopback_by_default_with_usage_statistics_off():
    from kpi.cli import build_parser

    args = build_parser().parse_args(["app"])
    assert args.host == "127.0.0.1" and args.port == 8501
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert 'address = "127.0.0.1"' in config and "gatherUsageStats = false" in config
    help_text = subprocess.run([sys.executable, "-m", "kpi.cli", "app", "--help"],
                               capture_output=True, text=True, check=True).stdout
    assert "--host" in help_text and "127.0.0.1" in help_text
