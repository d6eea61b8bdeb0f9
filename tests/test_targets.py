"""SMART targets: register, checks and attainment on the 6-contact file (week of 2 March
2026: answer rate 3/4 = 75 %, ASA 80/3 s; see test_kpis.py for the working)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from kpi import clock
from kpi.cli import main
from kpi.governance.targets import (
    InvalidTarget,
    attainment,
    check_target,
    list_targets,
    priority_warnings,
    save_targets,
)
from kpi.ingest.importer import import_export

from .conftest import DATA


def target(**overrides) -> dict:
    base = {"kpi": "answer_rate", "provider": "Acme", "site": None, "queue": None,
            "comparator": ">=", "value": 0.7, "start": date(2026, 3, 9),
            "deadline": date(2026, 6, 30), "priority": 1, "owner": "Pilot",
            "rationale": "Nine calls in ten answered"}
    return {**base, **overrides}


@pytest.fixture
def acme(store):
    import_export(store, DATA / "contacts_generic.csv")
    return store


def checks(store, t) -> dict[str, tuple[bool, str]]:
    return {c.name: (c.ok, c.en) for c in check_target(store, t)}


def test_a_target_the_provider_reached_before_is_achievable(acme):
    got = checks(acme, target(value=0.7))
    assert got["achievable"] == (True, "Reached in 100% of 1 past week.")
    assert all(ok for ok, _ in got.values())
    french = {c.name: c.fr for c in check_target(acme, target(value=0.7))}
    assert french["achievable"] == "Atteint 100\u202f% de 1 semaine passée."


def test_a_target_never_reached_says_so_with_the_best_week(acme):
    got = checks(acme, target(value=0.8))
    assert got["achievable"] == (False, "Never reached in 1 past week (best 75.0%).")
    french = {c.name: c.fr for c in check_target(acme, target(value=0.8))}
    assert french["achievable"] == (
        "Jamais atteint sur 1 semaine passée (meilleure 75,0\u202f%).")


def test_relevant_time_bound_and_measurable_are_explained(acme):
    got = checks(acme, target(rationale=None, start=date(2026, 7, 1), provider="Nobody"))
    assert got["relevant"] == (False, "Give the business reason and a priority.")
    assert got["time_bound"] == (False, "Give a start and a later deadline.")
    assert got["measurable"] == (False, "No data for this KPI in this scope yet.")


def test_attainment_per_week_with_gap_and_status(acme):
    rows = attainment(acme, target(value=0.8, start=date(2026, 3, 1),
                                   deadline=date(2026, 3, 31)))
    assert rows[["status"]].values.ravel().tolist() == ["missed"]
    assert rows.value.iloc[0] == pytest.approx(0.75)
    assert rows.gap.iloc[0] == pytest.approx(-0.05)
    # A "lower is better" KPI: ASA of 26.7 s meets a 30 s ceiling.
    met = attainment(acme, target(kpi="asa_s", comparator="<=", value=30,
                                  start=date(2026, 3, 1), deadline=date(2026, 3, 31)))
    assert met.status.tolist() == ["met"] and met.gap.iloc[0] == pytest.approx(80 / 3 - 30)


def test_a_week_under_way_is_neither_met_nor_missed_nor_history(acme):
    """The file's contacts are in the week of 2 March 2026: on its Wednesday that week is
    still under way (no attainment, no past week); from the next Monday it counts."""
    week = target(value=0.8, start=date(2026, 3, 1), deadline=date(2026, 3, 31))
    with clock.frozen(date(2026, 3, 4)):
        assert attainment(acme, week).empty
        assert checks(acme, target(value=0.7, start=date(2026, 3, 9)))["achievable"] == (
            False, "No history before the start to compare with.")
    with clock.frozen(date(2026, 3, 9)):
        assert attainment(acme, week).status.tolist() == ["missed"]
        assert checks(acme, target(value=0.7, start=date(2026, 3, 9)))["achievable"][0]


def test_too_many_top_priorities_warn():
    register = pd.DataFrame([target(kpi=k) for k in ("answer_rate", "service_level", "asa_s",
                                                      "aht_s", "csat_score", "nps")])
    assert priority_warnings(register, cap=5) == [("Acme", 6)]
    assert priority_warnings(register, cap=6) == []


def test_register_refuses_bad_rows_with_their_numbers(acme):
    with pytest.raises(InvalidTarget) as refused:
        save_targets(acme, pd.DataFrame([target(), target(kpi="happiness", value="high")]))
    assert "target row 2: kpi must be one of the KPI ids, not 'happiness'" in str(refused.value)
    assert list_targets(acme).empty


def test_comparator_defaults_to_the_kpis_better_direction(acme):
    save_targets(acme, pd.DataFrame([{**target(kpi="abandon_rate", value=0.05),
                                      "comparator": None}]))
    assert list_targets(acme).comparator.tolist() == ["<="]


def test_cli_targets_import_and_list(acme, db_path, tmp_path, capsys):
    acme.close()
    path = tmp_path / "targets.csv"
    pd.DataFrame([target(), target(kpi="asa_s", comparator="<=", value=20, priority=2)]
                 ).drop(columns=["site", "queue"]).to_csv(path, index=False)
    assert main(["targets", "import", str(path), "--db", str(db_path)]) == 0
    assert "2 target(s) added" in capsys.readouterr().out
    assert main(["targets", "list", "--format", "json", "--db", str(db_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kpi"], r["comparator"], r["value"]) for r in rows] == [
        ("answer_rate", ">=", 0.7), ("asa_s", "<=", 20.0)]
    bad = tmp_path / "bad.csv"
    bad.write_text("kpi,provider,value\nanswer_rate,Acme,0.8\n")
    assert main(["targets", "import", str(bad), "--db", str(db_path)]) == 1
    assert "missing column(s) deadline, priority, start" in capsys.readouterr().err
