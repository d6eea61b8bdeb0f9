"""Incentive amounts worked out by hand, scheme versions, statements traced to the engine,
payments, and a scheme imported from a file."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from kpi.incentives.scheme import InvalidScheme, Scheme, SchemeLine, line_score, settle
from kpi.incentives.statement import (
    import_scheme,
    list_payments,
    record_payment,
    save_scheme,
    scheme_for,
    statement,
)
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.store import Store

SL = SchemeLine("service_level", 3, target=0.80, floor=0.70, ceiling=0.90)
ASA = SchemeLine("asa_s", 1, target=20, floor=40, ceiling=10)  # lower is better


def scheme(**changes) -> Scheme:
    values = dict(provider="P", valid_from=date(2026, 1, 1), base_fee=100_000,
                  at_risk_share=0.10, bonus_cap=0.05, malus_cap=0.08, lines=[SL, ASA])
    values.update(changes)
    return Scheme(**values)


def test_line_scores_are_linear_between_floor_target_and_ceiling():
    assert [line_score(v, SL) for v in (0.60, 0.70, 0.75, 0.80, 0.85, 0.90, 0.99)] == \
        pytest.approx([-1, -1, -0.5, 0, 0.5, 1, 1])
    assert [line_score(v, ASA) for v in (5, 10, 15, 20, 30, 40, 60)] == \
        pytest.approx([1, 1, 0.5, 0, -0.5, -1, -1])
    assert line_score(None, SL) is None


def test_amounts_worked_by_hand():
    # SL 85 % → +0.5 (weight 3), ASA 30 s → −0.5 (weight 1): (1.5 − 0.5) / 4 = 0.25;
    # 0.25 × 10 % × 100 000 = 2 500 → 102 500.
    result = settle(scheme(), {"service_level": 0.85, "asa_s": 30})
    assert (result.total, result.variable, result.amount) == pytest.approx(
        (0.25, 2500, 102_500))
    # Both at their ceiling: +1 → 10 000, capped at 5 % of the fee: 5 000.
    capped = settle(scheme(), {"service_level": 0.95, "asa_s": 8})
    assert (capped.variable_raw, capped.variable, capped.notes) == (
        pytest.approx(10_000), pytest.approx(5_000), ["bonus_cap"])
    # Both at their floor: −10 000, capped at 8 %: −8 000.
    floored = settle(scheme(), {"service_level": 0.5, "asa_s": 50})
    assert floored.variable == pytest.approx(-8_000) and floored.notes == ["malus_cap"]
    # The quality gate stops a bonus, not a malus.
    gated = scheme(quality_gate=0.8)
    assert settle(gated, {"service_level": 0.85, "asa_s": 30}, quality=0.79).variable == 0
    assert settle(gated, {"service_level": 0.85, "asa_s": 30}, quality=0.81).variable == \
        pytest.approx(2500)
    assert settle(gated, {"service_level": 0.75, "asa_s": 30},
                  quality=0.5).variable == pytest.approx(-5000)  # (−1.5 − 0.5) / 4 × 10 000
    # Outside the volume band, the service-level malus goes: SL 75 % (−0.5) counts 0,
    # ASA 30 s too (it is a service KPI): total 0.
    banded = scheme(volume_band=0.10)
    outside = settle(banded, {"service_level": 0.75, "asa_s": 30}, offered=1200,
                     forecast=1000)
    assert (outside.in_band, outside.total, outside.notes) == (False, 0, ["band"])
    inside = settle(banded, {"service_level": 0.75, "asa_s": 30}, offered=1090,
                    forecast=1000)
    assert inside.in_band and inside.total == pytest.approx(-0.5)
    # A KPI without data scores 0 and says so.
    missing = settle(scheme(), {"service_level": 0.85, "asa_s": None})
    assert missing.total == pytest.approx(1.5 / 4) and missing.notes == ["missing:asa_s"]


def test_a_scheme_is_checked_before_it_is_saved():
    for bad, message in ((scheme(lines=[]), "at least one KPI line"),
                         (scheme(at_risk_share=2), "at_risk_share must be between 0 and 1"),
                         (scheme(lines=[SchemeLine("service_level", 1, 0.8, 0.9, 0.95)]),
                          "either side of the target"),
                         (scheme(lines=[SchemeLine("sla", 1, 0.8, 0.7, 0.9)]),
                          "unknown KPI")):
        with pytest.raises(InvalidScheme, match=message):
            bad.check()


def test_statement_uses_the_version_in_force_and_the_engines_values(demo_db):
    with Store(demo_db) as store:
        original = scheme_for(store, "Nordcall", date(2026, 2, 1))
        later = Scheme("Nordcall", date(2026, 3, 1), 50_000, 0.2, 0.1, 0.1,
                       [SchemeLine("answer_rate", 1, 0.9, 0.8, 1.0)])
        save_scheme(store, later)
        assert scheme_for(store, "Nordcall", date(2026, 2, 28)).base_fee == original.base_fee
        february = statement(store, "Nordcall", "2026-02")
        march = statement(store, "Nordcall", "2026-03")
        engine = compute_kpis(store, KpiRequest(
            ("service_level", "answer_rate", "traceability_rate", "quality_score"), "month",
            filters={"provider": ("Nordcall",)}, date_from=date(2026, 2, 1),
            date_to=date(2026, 2, 28))).table().iloc[0]
    assert february.scheme.base_fee == original.base_fee and march.scheme.base_fee == 50_000
    for line in february.lines().itertuples():
        assert line.value == pytest.approx(engine[line.kpi])
    # The amount follows from the lines by hand: Σ weight × applied / Σ weight.
    lines = february.lines()
    total = (lines.weight * lines.applied).sum() / lines.weight.sum()
    assert february.settlement.total == pytest.approx(total)
    expected = original.base_fee * (1 + max(-original.malus_cap, min(
        original.bonus_cap, total * original.at_risk_share)))
    if not (original.quality_gate and total > 0 and february.quality < original.quality_gate):
        assert february.settlement.amount == pytest.approx(expected)


def test_a_quarter_is_settled_on_the_quarters_values(demo_db):
    with Store(demo_db) as store:
        quarter = statement(store, "Atlantic Relation", "2025-Q4")
        engine = compute_kpis(store, KpiRequest(
            ("service_level", "quality_score"), "quarter",
            filters={"provider": ("Atlantic Relation",)})).table()
    row = engine[engine.period_start.astype(str) == "2025-10-01"].iloc[0]
    assert (quarter.start, quarter.end) == (date(2025, 10, 1), date(2025, 12, 31))
    assert quarter.values["service_level"] == pytest.approx(row.service_level)
    assert quarter.quality == pytest.approx(row.quality_score)


def test_payments_paid_late_or_unpaid_past_due_are_late(store):
    record_payment(store, "P", "2026-01", 1000, date(2026, 2, 15), date(2026, 2, 10))
    record_payment(store, "P", "2026-02", 1000, date(2026, 3, 15), date(2026, 3, 20))
    record_payment(store, "P", "2026-03", 1000, date(2026, 4, 15))
    record_payment(store, "P", "2026-04", 1000, date(2026, 5, 15))
    table = list_payments(store, "P", today=date(2026, 5, 1))
    assert table.late.tolist() == [False, True, True, False]
    with pytest.raises(ValueError, match="month like 2026-01"):
        record_payment(store, "P", "January", 1, None)


def test_a_scheme_is_imported_from_a_file(store, tmp_path):
    path = tmp_path / "scheme.csv"
    pd.DataFrame([
        {"provider": "Acme", "valid_from": "2026-01-01", "base_fee": 50000,
         "at_risk_share": 0.1, "bonus_cap": 0.05, "malus_cap": 0.05, "quality_gate": 0.8,
         "volume_band": "", "kpi": "service_level", "weight": 2, "target": 0.8,
         "floor": 0.7, "ceiling": 0.9},
        {"kpi": "asa_s", "weight": 1, "target": 20, "floor": 40, "ceiling": 10}]).to_csv(
        path, index=False)
    imported = import_scheme(store, path)
    assert imported.quality_gate == 0.8 and imported.volume_band is None
    assert [line.kpi for line in scheme_for(store, "Acme", date(2026, 6, 1)).lines] == \
        ["service_level", "asa_s"]
    bad = tmp_path / "bad.csv"
    bad.write_text("provider,valid_from,base_fee,at_risk_share,bonus_cap,malus_cap,kpi,"
                   "weight,target,floor,ceiling\nAcme,2026-02-01,lots,0.1,0.05,0.05,"
                   "service_level,1,0.8,0.7,0.9\n", encoding="utf-8")
    with pytest.raises(InvalidScheme, match="bad.csv, row 2, column base_fee"):
        import_scheme(store, bad)
