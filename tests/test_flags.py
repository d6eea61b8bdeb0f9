"""Each red flag tripped by a small file built to trip it, and quiet on a healthy one; the
Erlang C staffing check against published table values."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from kpi.cli import main
from kpi.flags import red_flags
from kpi.ingest.importer import import_export
from kpi.staffing import erlang_b, erlang_c, required_agents, service_level
from kpi.store import Store

MONDAY = date(2026, 1, 5)  # six weeks: 5 January to 15 February 2026
DAYS = [MONDAY + timedelta(days=d) for d in range(42) if (MONDAY + timedelta(days=d)).weekday()
        < 5]
LAST_WEEK = (DAYS[-5], DAYS[-1])


def test_erlang_against_published_tables_and_monotonic():
    # Erlang B table: A = 10 Erlangs, N = 10 agents: blocking 0.2146; the Erlang C table
    # gives, for N = 11, a probability of waiting of 0.6821.
    assert erlang_b(10, 10) == pytest.approx(0.2146, abs=1e-4)
    assert erlang_c(11, 10) == pytest.approx(0.6821, abs=1e-4)
    assert erlang_c(10, 10) == 1.0 and service_level(9, 10, 180, 20) == 0.0
    levels = [service_level(n, 10, 180, 20) for n in range(11, 20)]
    assert levels == sorted(levels) and levels[-1] < 1
    needs = [required_agents(calls, 180, 1800, 20, 0.8) for calls in (50, 100, 200, 400)]
    assert needs == sorted(needs) and needs[1] == 14  # 100 calls in 30 min, AHT 3 min
    # Hundreds of agents: no overflow, and close to the traffic as it grows.
    big = required_agents(20_000, 300, 1800, 20, 0.8)
    assert 3334 < big < 3334 * 1.05


def _contacts(path, per_day: dict[date, int], reason_share: float = 1.0):
    rows = []
    for day, count in per_day.items():
        traced = round(count * reason_share)
        for i in range(count):
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=9, minutes=i % 480)
            rows.append({"contact_id": f"{day:%m%d}-{i}", "queue": "Q",
                         "arrived_at": f"{at:%Y-%m-%d %H:%M:%S}",
                         "answered_at": f"{at + timedelta(seconds=10):%Y-%m-%d %H:%M:%S}",
                         "wait_s": 10, "talk_s": 240, "acw_s": 30, "agent_id": "A1",
                         "contact_reason": "billing" if i < traced else ""})
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def _activity(path, logged_h: dict[date, float], work_share: float = 0.8):
    rows = [{"date": day.isoformat(), "agent_id": "A1", "site": "S", "team": "T",
             "logged_s": hours * 3600, "talk_s": hours * 3600 * work_share,
             "available_s": hours * 3600 * (1 - work_share)} for day, hours in logged_h.items()]
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def _flags(store, rule, date_from=LAST_WEEK[0], date_to=LAST_WEEK[1]):
    return [f for f in red_flags(store, ["Acme"], date_from, date_to, [rule])]


@pytest.mark.parametrize("share,tripped", [(0.5, True), (0.95, False)])
def test_traceability_under_threshold(store, tmp_path, share, tripped):
    import_export(store, _contacts(tmp_path / "c.csv", dict.fromkeys(DAYS, 40), share),
                  provider="Acme")
    flags = _flags(store, "traceability_low")
    assert bool(flags) == tripped
    if tripped:
        assert flags[0].value == pytest.approx(0.5)
        assert "100 of 200 handled contacts with a reason" in flags[0].evidence("en")


def test_an_export_without_a_reason_column_is_no_traceability_data_not_zero(store,
                                                                           tmp_path):
    from kpi.metrics.compile import KpiRequest
    from kpi.metrics.engine import compute_kpis

    path = _contacts(tmp_path / "c.csv", dict.fromkeys(DAYS, 40), 0.0)
    without = pd.read_csv(path).drop(columns=["contact_reason"])
    without.to_csv(tmp_path / "no_reason.csv", index=False)
    import_export(store, tmp_path / "no_reason.csv", provider="Acme")
    table = compute_kpis(store, KpiRequest(("traceability_rate", "answer_rate"),
                                           "month")).table()
    assert table.traceability_rate.isna().all() and table.answer_rate.notna().all()
    assert _flags(store, "traceability_low") == []
    # The same contacts from an export that has the column, left empty: 0 %.
    import_export(store, path, provider="Beta")
    beta = compute_kpis(store, KpiRequest(("traceability_rate",), "month", filters={
        "provider": ("Beta",)})).table()
    assert len(beta) == 2 and (beta.traceability_rate == 0).all()  # January and February


@pytest.mark.parametrize("work,tripped", [(0.4, True), (0.8, False)])
def test_occupancy_too_low(store, tmp_path, work, tripped):
    import_export(store, _activity(tmp_path / "a.csv", dict.fromkeys(DAYS, 8), work),
                  provider="Acme")
    flags = _flags(store, "occupancy_low")
    assert bool(flags) == tripped
    if tripped:
        assert flags[0].value == pytest.approx(0.4)


@pytest.mark.parametrize("last_week,tripped", [(40, True), (95, False)])
def test_contacts_per_agent_hour_far_under_its_own_history(store, tmp_path, last_week,
                                                            tripped):
    # 100 contacts in 10 logged hours a day for five weeks (10 an hour), then `last_week`.
    per_day = {d: (last_week if d >= LAST_WEEK[0] else 100) for d in DAYS}
    import_export(store, _contacts(tmp_path / "c.csv", per_day), provider="Acme")
    import_export(store, _activity(tmp_path / "a.csv", dict.fromkeys(DAYS, 10)),
                  provider="Acme")
    flags = _flags(store, "productivity_low")
    assert bool(flags) == tripped
    if tripped:
        assert flags[0].value == pytest.approx(0.4)  # 4 an hour against 10 usually


@pytest.mark.parametrize("logged,tripped", [(40, True), (1, False)])
def test_staffing_far_above_what_the_traffic_needs(store, tmp_path, logged, tripped):
    import_export(store, _contacts(tmp_path / "c.csv", dict.fromkeys(DAYS, 40)),
                  provider="Acme")
    import_export(store, _activity(tmp_path / "a.csv", dict.fromkeys(DAYS, logged)),
                  provider="Acme")
    assert bool(_flags(store, "overstaffed")) == tripped


@pytest.mark.parametrize("declared,tripped", [("95,00%", True), ("100,00%", False)])
def test_declared_service_level_far_from_the_detail(store, tmp_path, declared, tripped):
    # Every contact is answered in 10 s: the detail's service level is 100 %.
    import_export(store, _contacts(tmp_path / "c.csv", dict.fromkeys(DAYS, 10)),
                  provider="Acme")
    path = tmp_path / "declared.csv"
    path.write_text("Date;Appels offerts;Appels traités;Niveau de service\n" + "".join(
        f"{d:%d/%m/%Y};10;10;{declared}\n" for d in DAYS), encoding="utf-8")
    import_export(store, path, provider="Acme", profile="declared")
    flags = _flags(store, "declared_gap")
    assert bool(flags) == tripped
    if tripped:
        assert flags[0].evidence("en") == "declared 95.0%, recomputed 100.0%"


@pytest.mark.parametrize("until,tripped", [(DAYS[-1] + timedelta(days=10), True),
                                           (DAYS[-1], False)])
def test_stale_feed(store, tmp_path, until, tripped):
    import_export(store, _contacts(tmp_path / "c.csv", dict.fromkeys(DAYS, 5)),
                  provider="Acme")
    flags = _flags(store, "stale_feed", DAYS[0], until)
    assert bool(flags) == tripped
    if tripped:
        assert flags[0].value == 10 and "days ago" in flags[0].evidence("en")
        # The last day as each language writes dates.
        assert f"last contact on {DAYS[-1]:%Y-%m-%d}," in flags[0].evidence("en")
        assert f"dernier contact le {DAYS[-1]:%d/%m/%Y}," in flags[0].evidence("fr")


@pytest.mark.parametrize("dropped,tripped", [(20, True), (95, False)])
def test_sudden_traffic_drop(store, tmp_path, dropped, tripped):
    per_day = dict.fromkeys(DAYS, 100)
    per_day[LAST_WEEK[0]] = dropped  # a Monday, against four Mondays of 100
    import_export(store, _contacts(tmp_path / "c.csv", per_day), provider="Acme")
    flags = _flags(store, "traffic_drop")
    assert [f.period_start for f in flags] == ([LAST_WEEK[0]] if tripped else [])


def test_cockpit_flags_lists_the_demos_struggling_provider(demo_db_template, capsys):
    assert main(["flags", "--provider", "Sunline BPO", "--format", "json", "--db",
                 str(demo_db_template)]) == 0
    flags = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in flags}
    assert "traceability_low" in rules and all(f["evidence"] and f["why"] for f in flags)
    assert main(["flags", "--provider", "Nobody", "--db", str(demo_db_template)]) == 1
    with Store(demo_db_template, read_only=True) as store:
        healthy = red_flags(store, ["Nordcall"], date(2026, 1, 5), date(2026, 3, 1),
                            ["traceability_low", "declared_gap"])
    assert healthy == []
