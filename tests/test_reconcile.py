"""Reconciliation (SPEC §6): every declared figure against the report's own counts and
Cockpit's detail, statuses counted by hand on a small report."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from kpi.cli import main
from kpi.ingest.importer import import_export
from kpi.metrics.reconcile import RECONCILIATION_COLUMNS, reconciliation

# Day 1 follows the contract; day 2 publishes answered / (answered + abandoned) and counts
# that do not add up (80 + 10 ≠ 100); day 3 publishes a rate no definition gives; day 4
# leaves its rate blank (not reported, never 0).
REPORT = ("Date;Appels offerts;Appels traités;Abandonnés;Taux de décroché;"
          "Niveau de service;Temps moyen de réponse\n") + """\
02/03/2026;100;90;10;90,00%;;
03/03/2026;100;80;10;88,89%;;
04/03/2026;100;85;15;95,00%;;
05/03/2026;100;85;15;;;
"""


@pytest.fixture
def declared(store, tmp_path):
    path = tmp_path / "declared.csv"
    path.write_text(REPORT, encoding="utf-8")
    import_export(store, path, provider="Acme", profile="declared")
    return store


def status(table: pd.DataFrame, day: str, kpi: str) -> str:
    row = table[(table.period_start.astype(str) == day) & (table.kpi == kpi)]
    return row.status.iloc[0]


def test_statuses_equal_a_hand_count(declared):
    table = reconciliation(declared, "Acme")
    assert list(table.columns) == RECONCILIATION_COLUMNS
    assert [status(table, d, "answer_rate") for d in
            ("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05")] == [
        "consistent", "other_definition", "inconsistent", "no_data"]
    note = table[(table.period_start.astype(str) == "2026-03-03")
                 & (table.kpi == "answer_rate")].note.iloc[0]
    assert note == "follows answered / (answered + abandoned), not answered / offered"
    # The same words on a French page; day 3's rate, 95 %, against 85 / 100 by contract.
    assert note.text("fr") == ("suit décrochés / (décrochés + abandonnés), "
                               "pas décrochés / présentés")
    day3 = table[(table.period_start.astype(str) == "2026-03-04")
                 & (table.kpi == "answer_rate")].note.iloc[0]
    assert (str(day3), day3.text("fr")) == (
        "follows no known definition (answered / offered gives 0.85)",
        "ne suit aucune définition connue (décrochés / présentés donne 0,85)")
    # The report's own counts: day 2 declares 10 abandoned where 100 − 80 = 20.
    assert status(table, "2026-03-03", "abandoned") == "inconsistent"
    assert status(table, "2026-03-02", "abandoned") == "consistent"
    # No service level, no speed of answer and no detail: nothing to compare.
    assert set(table[table.kpi.isin(["service_level", "asa_s"])].status) == {"no_data"}
    # Counted by hand over 4 days × 7 KPIs: offered, answered and abandoned are consistent
    # but on day 2 (3 + 3 + 3); the answer rate once of each status; the service level,
    # speed of answer and abandon rate are not reported (4 × 3).
    counts = table.status.value_counts().to_dict()
    assert counts == {"consistent": 3 + 3 + 3 + 1, "other_definition": 1,
                      "inconsistent": 1 + 1 + 1 + 1, "no_data": 1 + 4 * 3}


def test_cli_reconcile_prints_the_contract_columns(declared, db_path, capsys):
    assert main(["reconcile", "--provider", "Acme", "--format", "csv", "--db",
                 str(db_path)]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns) == RECONCILIATION_COLUMNS
    assert len(table) == 4 * 7
    assert main(["reconcile", "--provider", "Nobody", "--db", str(db_path)]) == 1


def test_the_steering_pack_reconciles_the_months_declared_days(demo_db_template):
    from kpi.reports.packs import steering_pack
    from kpi.reports.steering import months_with_data, steering_committee
    from kpi.store import Store

    with Store(demo_db_template, read_only=True) as store:
        month = months_with_data(store, "Sunline BPO")[-2]
        days = store.scalar("SELECT count(DISTINCT CAST(period_local AS DATE)) FROM "
                            "declared_reports WHERE provider = 'Sunline BPO' AND "
                            "date_trunc('month', period_local) = ?", [month])
        pack = steering_pack(steering_committee(store, "Sunline BPO", month), "en")
        assert "reconciliation" not in steering_pack(
            steering_committee(store, "Nordcall", month), "en")
    section = pack["reconciliation"].table.frame.set_index("kpi")
    statuses = ["consistent", "other_definition", "inconsistent", "no_data"]
    assert days > 20 and (section[statuses].sum(axis=1) == days).all()
    # Sunline publishes a rosier service level than its own detail gives.
    assert section.loc["service_level", "inconsistent"] > days / 2
