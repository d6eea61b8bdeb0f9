"""Trust in numbers: a ratio's numerator and denominator come from the same rows, and the
same request gives the same bytes every time."""

from __future__ import annotations

import dataclasses
import io

import pandas as pd
import pytest

from kpi.cli import main
from kpi.ingest.importer import import_export
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.registry import KPIS, Kpi, validate_registry
from kpi.store import Store

# A week (Monday 9 March 2026) whose days come from three sources: the contacts export on
# Monday and Tuesday, an interval report without talk times on Wednesday, the provider's
# declared daily report on Thursday and Friday.
CONTACTS = """contact_id,queue,direction,arrived_at,answered_at,wait_s,talk_s,hold_s,acw_s
C1,Q,inbound,2026-03-09 09:00:00,2026-03-09 09:00:10,10,280,0,20
C2,Q,inbound,2026-03-09 09:10:00,,30,,,
C3,Q,inbound,2026-03-10 10:00:00,2026-03-10 10:00:20,20,250,0,40
C4,Q,inbound,2026-03-10 11:00:00,2026-03-10 11:00:40,40,300,0,30
"""
INTERVALS = ("interval_start;queue;offered;answered;abandoned;short_abandoned;"
             "answered_within_sl;talk_s;hold_s;acw_s;wait_s\n"
             "11/03/2026 09:00;Q;10;8;2;0;6;;;;160\n")
DECLARED = ("Date;Appels offerts;Appels traités;Abandonnés;Taux de décroché;"
            "Niveau de service;Temps moyen de réponse\n") + """\
12/03/2026;100;90;10;90,00%;80,00%;0:00:30
13/03/2026;100;90;10;90,00%;80,00%;0:00:30
"""


@pytest.fixture
def mixed(store, tmp_path):
    for name, text in (("contacts.csv", CONTACTS), ("intervals.csv", INTERVALS),
                       ("declared.csv", DECLARED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        import_export(store, tmp_path / name, provider="Mix")
    return store


def test_every_kpi_of_a_mixed_week_equals_the_hand_worked_value(mixed):
    result = compute_kpis(mixed, KpiRequest(
        ("offered", "answered", "abandoned", "short_abandoned", "answer_rate", "abandon_rate",
         "asa_s", "aht_s", "acw_s", "service_level"), "week", coverage=True))
    (week,) = result.frame.to_dict("records")
    assert week["offered"] == 2 + 2 + 10 + 100 + 100
    assert week["answered"] == 1 + 2 + 8 + 90 + 90
    assert week["abandoned"] == 1 + 2 + 10 + 10
    # Short abandons: none in the detail; the declared days cannot say, so they count in
    # neither the numerator nor the denominator of anything that needs them.
    assert week["short_abandoned"] == 0
    assert week["abandon_rate"] == pytest.approx((1 + 2 + 20) / 214)
    # Eligible: 4 contacts (C2 waited 30 s, no short abandon), 10 − 0, then the offered.
    assert week["answer_rate"] == pytest.approx(191 / 214)
    # Mean wait of answered: 10, 20, 40 s; 160 s over 8; 30 s × 90 twice.
    assert week["asa_s"] == pytest.approx((70 + 160 + 2 * 30 * 90) / (3 + 8 + 180))
    # Handling time is known only for the detailed days: 300, 290 and 330 s. Dividing by
    # every day's handled contacts (3 + 8 + 180) would print 4.8 s.
    assert week["aht_s"] == pytest.approx((300 + 290 + 330) / 3)
    assert week["acw_s"] == pytest.approx((20 + 40 + 30) / 3)
    # Service level over offered (net variant: no short abandons): C1, C3 within 20 s; 6 of
    # 10; 80 % of 100 twice.
    assert week["service_level"] == pytest.approx((2 + 6 + 160) / (4 + 10 + 200))
    # The view can say that handling time rests on 2 of the week's 5 days.
    assert (week["days__aht_s"], week["days__answer_rate"], week["days__all"]) == (2, 5, 5)
    # Handling times rest on 2 of 5 days, short abandons on 3 (no declared day gives them).
    assert result.partial_coverage() == {"aht_s": 1, "acw_s": 1, "short_abandoned": 1}
    totals = result.totals()
    assert totals["aht_s"] == pytest.approx(week["aht_s"])
    assert totals["answer_rate"] == pytest.approx(week["answer_rate"])


def test_the_day_by_day_figures_add_up_to_the_weeks(mixed):
    days = compute_kpis(mixed, KpiRequest(("aht_s", "asa_s"), "day"))
    assert days.frame.aht_s.notna().sum() == 2  # no handling time on Wednesday to Friday
    assert days.totals()["aht_s"] == pytest.approx(920 / 3)


def test_a_kpi_mixing_sources_without_a_rule_is_refused(monkeypatch):
    import kpi.metrics.registry as registry

    mixed = Kpi("talk_per_logged_hour", "Talk per logged hour", "Conversation par heure",
                "rate", "none", "handle_time_s", "logged_s", doc_en="x", doc_fr="x")
    monkeypatch.setattr(registry, "KPIS", (*KPIS, mixed))
    problems = validate_registry()
    assert len(problems) == 1 and problems[0].startswith("talk_per_logged_hour: its measures")
    ruled = dataclasses.replace(mixed, combine="each_over_its_rows")
    monkeypatch.setattr(registry, "KPIS", (*KPIS, ruled))
    assert validate_registry() == []


def test_fifty_runs_of_the_same_request_print_identical_bytes(db_path, capsys):
    """Enough rows for DuckDB to sum in parallel, with durations that are not whole."""
    with Store(db_path) as store:
        store.write(lambda cur: cur.execute("""
            INSERT INTO providers (name) VALUES ('P1'), ('P2');
            INSERT INTO contacts (import_id, provider, contact_id, queue, channel, direction,
                                  arrived_at, arrived_local, answered_at, wait_s, talk_s,
                                  hold_s, acw_s, sale_amount)
            SELECT 1, 'P' || (i % 2 + 1), 'C' || i, 'Q' || (i % 7), 'voice', 'inbound',
                   TIMESTAMPTZ '2026-01-05 08:00:00+00' + to_seconds(i * 7),
                   TIMESTAMP '2026-01-05 09:00:00' + to_seconds(i * 7),
                   TIMESTAMPTZ '2026-01-05 08:00:00+00' + to_seconds(i * 7 + 3),
                   (i % 97) / 7.0, 60 + (i * 7919 % 100003) / 3.0, (i % 13) / 9.0,
                   (i % 31) / 11.0, CASE WHEN i % 5 = 0 THEN (i % 1009) / 3.0 END
            FROM range(600000) t(i)"""))
    outputs = set()
    for _ in range(50):
        assert main(["kpis", "--grain", "week", "--by", "provider,queue", "--db",
                     str(db_path)]) == 0
        outputs.add(capsys.readouterr().out)
    assert len(outputs) == 1
    table = pd.read_csv(io.StringIO(outputs.pop()))
    assert len(table) > 40 and table.aht_s.notna().all()


def test_money_is_kept_in_exact_decimals(store):
    from decimal import Decimal

    from kpi.incentives.statement import list_payments, record_payment

    types = dict(store.read(
        "SELECT table_name || '.' || column_name AS c, data_type FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND column_name IN ('sale_amount', 'amount')"
    ).values.tolist())
    assert types["contacts.sale_amount"] == types["payments.amount"] == "DECIMAL(18,2)"
    store.write(lambda cur: cur.execute("INSERT INTO providers (name) VALUES ('Acme')"))
    record_payment(store, "Acme", "2026-01", 0.1 + 0.2, None, None)  # 0.30000000000000004
    assert store.scalar("SELECT amount FROM payments") == Decimal("0.30")
    assert list_payments(store).amount.tolist() == [0.3]
