"""Wallboard state, colours, saved boards and the inbox writer, on real files and databases."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from kpi.cli import main
from kpi.live.board import Threshold, board_state, thresholds_from_targets
from kpi.live.boards import BoardConfig, InvalidBoard, Scope, load_board, save_board
from kpi.live.inbox import process_inbox
from kpi.store import Store

from .conftest import BAD, DATA, DEMO_NOW, table_counts

PARIS = ZoneInfo("Europe/Paris")
PROVIDER = "Atlantic Relation"


def test_board_figures_match_the_snapshots_and_todays_contacts(demo_db_template):
    now = DEMO_NOW.replace(tzinfo=PARIS)
    with Store(demo_db_template, read_only=True) as store:
        state = board_state(store, PROVIDER, now=now)
        snapshots = store.read("SELECT * FROM snapshots WHERE provider = ?", [PROVIDER])
        contacts = store.read(
            """SELECT answered_at IS NOT NULL AS answered,
                      answered_at IS NULL AND wait_s < 5 AS short_abandon FROM contacts
               WHERE provider = ? AND CAST(arrived_local AS DATE) = DATE '2026-03-18'""",
            [PROVIDER])
        later = board_state(store, PROVIDER, now=now + timedelta(minutes=40))
    # Independently: each queue's last snapshot of the day, summed (longest wait: the max).
    latest = snapshots[snapshots.at_local <= DEMO_NOW].sort_values("at_local") \
        .groupby("queue").tail(1)
    assert state.totals["waiting"] == latest.waiting.sum()
    assert state.totals["longest_wait_s"] == latest.longest_wait_s.max()
    assert state.totals["agents_available"] == latest.agents_available.sum()
    assert state.totals["offered"] == len(contacts)
    assert state.totals["answered"] == contacts.answered.sum()
    # Answer rate: answered / (offered − abandons under the demo's 5 s), by hand.
    eligible = contacts[~contacts.short_abandon]
    assert state.totals["answer_rate"] == pytest.approx(eligible.answered.mean())
    assert sorted(state.rows.queue) == sorted(latest.queue)
    assert state.rows.offered.sum() == len(contacts)
    assert not state.stale and state.age <= timedelta(minutes=5)
    assert later.stale and later.age >= timedelta(minutes=40)
    # The demo's slipping provider misses its service level today: red, as its target says.
    assert state.colours["service_level"] == Threshold("higher", 0.8, 0.7).colour(
        state.totals["service_level"])
    assert {o.kpi for o in state.objectives} >= {"service_level", "answer_rate"}


def test_thresholds_colour_by_direction_and_come_from_targets():
    sl = Threshold("higher", 0.8, 0.7)
    assert [sl.colour(v) for v in (0.85, 0.8, 0.75, 0.69, None)] == \
        ["green", "green", "amber", "red", "neutral"]
    asa = Threshold("lower", 20, 40)
    assert [asa.colour(v) for v in (10, 20, 30, 41)] == ["green", "green", "amber", "red"]
    targets = pd.DataFrame([{"kpi": "service_level", "comparator": ">=", "value": 0.9},
                            {"kpi": "asa_s", "comparator": "<=", "value": 30},
                            {"kpi": "csat_score", "comparator": ">=", "value": 0.8}])
    limits = thresholds_from_targets(targets)
    assert limits["service_level"] == Threshold("higher", 0.9, pytest.approx(0.8))
    assert limits["asa_s"] == Threshold("lower", 30, 60)  # red at twice a duration target
    assert "csat_score" not in limits and limits["waiting"] == Threshold("lower", 3, 10)


def test_boards_are_saved_by_name_checked_and_rotate(demo_db):
    board = BoardConfig("Plateau Nantes", [Scope(PROVIDER, ("Ventes",)), Scope("Nordcall")],
                        tiles=("waiting", "service_level"),
                        thresholds={"waiting": Threshold("lower", 5, 12)},
                        refresh_s=10, rotate_s=20)
    with Store(demo_db) as store:
        save_board(store, board)
        assert load_board(store, "Plateau Nantes") == board
        for bad, message in (
                (BoardConfig("x", [Scope("Nobody")]), "unknown provider 'Nobody'"),
                (BoardConfig("x", [Scope(PROVIDER)], refresh_s=2), "refresh must be 5 to 60"),
                (BoardConfig("x", [Scope(PROVIDER)], thresholds={
                    "waiting": Threshold("lower", 10, 5)}), "red must be beyond green")):
            with pytest.raises(InvalidBoard, match=message):
                save_board(store, bad)
    assert board.scope_at(0).provider == PROVIDER and board.scope_at(19.9).provider == PROVIDER
    assert board.scope_at(20).provider == "Nordcall" and board.scope_at(40).provider == PROVIDER


def _settled(path):
    past = time.time() - 10
    os.utime(path, (past, past))


def _snapshot(folder, name: str, waiting: int, at: str = "2026-03-18 14:35:00"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    pd.DataFrame([{"at": at, "queue": q, "waiting": waiting, "longest_wait_s": 30,
                   "agents_on_contact": 4, "agents_available": 1, "agents_paused": 0}
                  for q in ("Facturation", "Ventes")]).to_csv(path, index=False)
    _settled(path)
    return path


def test_inbox_imports_drops_archives_them_and_rejects_broken_files_with_a_reason(demo_db,
                                                                                  tmp_path):
    inbox = tmp_path / "inbox"
    good = _snapshot(inbox / PROVIDER, "rt_1435.csv", 7)
    broken = inbox / PROVIDER / "rt_broken.csv"
    broken.write_text((BAD / "bad_date.csv").read_text(encoding="utf-8"), encoding="utf-8")
    _settled(broken)
    writing = inbox / PROVIDER / "rt_1440.csv.part"
    writing.write_text("at,queue\n", encoding="utf-8")
    fresh = _snapshot(inbox / PROVIDER, "rt_fresh.csv", 9)
    os.utime(fresh, None)  # just written: waits for the next pass
    with Store(demo_db) as store:
        before = store.scalar("SELECT count(*) FROM snapshots")
        outcomes = {o.file: o for o in process_inbox(store, inbox)}
        after = store.scalar("SELECT count(*) FROM snapshots")
        state = board_state(store, PROVIDER, now=datetime(2026, 3, 18, 14, 36, tzinfo=PARIS))
        counts = table_counts(store)
    assert set(outcomes) == {f"{PROVIDER}/rt_1435.csv", f"{PROVIDER}/rt_broken.csv"}
    assert after == before + 2 and state.rows.set_index("queue").loc["Ventes", "waiting"] == 7
    today = f"{date.today():%Y-%m-%d}"  # archived and rejected files are kept by day
    assert outcomes[f"{PROVIDER}/rt_1435.csv"].moved_to.parent == (
        inbox / "archive" / today / PROVIDER)
    refused = outcomes[f"{PROVIDER}/rt_broken.csv"]
    assert not refused.imported and refused.moved_to.parent == (
        inbox / "rejected" / today / PROVIDER)
    reason = refused.moved_to.with_name(refused.moved_to.name + ".reason.txt").read_text(
        encoding="utf-8")
    # Dropped in Atlantic's folder, rows naming Acme are refused before any date is read.
    assert "row 2, column provider" in reason and "nothing of it was imported" in reason
    assert not good.exists() and not broken.exists() and writing.exists() and fresh.exists()

    # The same export dropped again changes nothing; it is archived all the same.
    fresh.unlink()
    _snapshot(inbox / PROVIDER, "rt_1435.csv", 7)
    with Store(demo_db) as store:
        again = process_inbox(store, inbox)
        assert table_counts(store) == counts
    assert [o.imported for o in again] == [True]


def test_cockpit_watch_once_imports_and_exits_1_when_a_file_is_refused(demo_db, tmp_path,
                                                                       capsys):
    inbox = tmp_path / "drops"
    _snapshot(inbox / PROVIDER, "ok.csv", 3)
    assert main(["watch", "--once", "--inbox", str(inbox), "--db", str(demo_db)]) == 0
    assert "ok.csv: ok.csv: import #" in capsys.readouterr().out
    (inbox / "Nordcall").mkdir()
    bad = inbox / "Nordcall" / "contacts.csv"
    bad.write_text((DATA / "bad" / "bad_date.csv").read_text(encoding="utf-8"),
                   encoding="utf-8")
    _settled(bad)
    assert main(["watch", "--once", "--inbox", str(inbox), "--db", str(demo_db)]) == 1
    assert "refused" in capsys.readouterr().err
    assert list((inbox / "rejected").glob("*/Nordcall/*.reason.txt"))
