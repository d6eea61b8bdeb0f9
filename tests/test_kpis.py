"""Every KPI worked out by hand on small files; expected values in the comments, not from
the engine. contacts_generic.csv (Acme, Paris, SL 20 s, short abandons < 5 s, net, 7 days):

  id   dir  day    answered wait  talk+hold+acw  transf reason    outcome  cust csat nps
  C01  in   03-02  yes       15   280+20+30=330  no     invoice   resolved K1   5    9
  C02  in   03-02  no         3   -              -      -         -        K2   -    -
  C03  in   03-02  yes       40   500+0+60=560   yes    -         sale     K1   4    6
           (arrived 23:59:30, answered after midnight: still 2 March)    sale 1234.5
  C04  in   03-03  no        90   -              -      -         -        K3   -    -
  C05  out  03-03  yes        0   170+0+10=180   no     =HYPERL…  none     K4   -    -
  C06  in   03-03  yes       25   200+0+40=240   no     @sum      resolved K1   2    3
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from kpi.cli import main
from kpi.ingest.importer import import_export
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.registry import KPIS, validate_registry

from .conftest import DATA, SHARED

ALL = tuple(k.id for k in KPIS)


@pytest.fixture
def acme(store):
    import_export(store, DATA / "contacts_generic.csv")
    import_export(store, DATA / "agent_activity.csv", provider="Acme")
    import_export(store, DATA / "evaluations_long.csv", provider="Acme")
    import_export(store, DATA / "forecast.csv", provider="Acme")
    return store


def week(store, **kw):
    result = compute_kpis(store, KpiRequest(ALL, "week", **kw))
    assert len(result.frame) == 1
    return result.table().iloc[0].to_dict()


def test_registry_is_valid():
    assert validate_registry() == []


def test_every_contact_kpi_by_hand(acme):
    k = week(acme)
    assert str(k["period_start"])[:10] == "2026-03-02"  # ISO week, Monday
    assert (k["offered"], k["answered"], k["abandoned"], k["short_abandoned"]) == (5, 3, 2, 1)
    assert k["answer_rate"] == pytest.approx(3 / 4)  # answered / (offered − short)
    assert k["abandon_rate"] == pytest.approx(1 / 4)  # (2 − 1) / 4
    assert k["short_abandon_rate"] == pytest.approx(1 / 5)  # 1 short abandon / 5 offered
    assert k["service_level"] == pytest.approx(1 / 4)  # only C01 within 20 s
    assert k["asa_s"] == pytest.approx((15 + 40 + 25) / 3)
    # handled = 3 answered inbound + C05 connected outbound
    assert k["aht_s"] == pytest.approx((330 + 560 + 180 + 240) / 4)
    assert k["acw_s"] == pytest.approx((30 + 60 + 10 + 40) / 4)
    assert k["transfer_rate"] == pytest.approx(1 / 4)
    assert k["traceability_rate"] == pytest.approx(3 / 4)  # C01, C05, C06 have a reason
    # K1 called at C01, then C03 and C06 within 7 days: 2 repeats of 4 handled with a
    # customer id (C01, C03, C05, C06).
    assert k["repeat_rate"] == pytest.approx(2 / 4)
    assert k["fcr_rate"] == pytest.approx(1 - 2 / 4)
    assert k["csat_score"] == pytest.approx(2 / 3)  # 5, 4, 2: two answers of 4 or 5
    assert k["nps"] == pytest.approx(100 * (1 - 2) / 3)  # 9 | 6, 3
    assert k["conversion_rate"] == pytest.approx(1 / 4)
    assert k["sales_amount"] == pytest.approx(1234.5)


def test_agent_activity_quality_and_forecast_kpis_by_hand(acme):
    k = week(acme)
    # work = talk+hold+acw: A1 18000 on 2 March, 17000 on 3 March; available 6000 + 5200.
    assert k["occupancy"] == pytest.approx(35000 / (35000 + 11200))
    # absence 0 + 27000 + 1800 of scheduled 3 × 27000
    assert k["absenteeism_rate"] == pytest.approx(28800 / 81000)
    # 4 handled contacts over (27000 + 0 + 25200) s logged = 14.5 h
    assert k["contacts_per_agent_hour"] == pytest.approx(4 / 14.5)
    # E1: (8 + 25) / (10 + 30); E2 and E3 are the calibration session S1, not counted.
    assert k["quality_score"] == pytest.approx(33 / 40)
    # 5 offered against 120 + 40 forecast
    assert k["forecast_accuracy"] == pytest.approx(1 - abs(5 - 160) / 160)


def test_days_and_the_contact_that_crosses_midnight(acme):
    days = compute_kpis(acme, KpiRequest(("offered", "answered", "answer_rate", "asa_s"),
                                         "day")).table()
    rows = {str(r.period_start)[:10]: r for r in days.itertuples()}
    # 2 March: C01, C02, C03 (arrived 23:59:30); 3 March: C04, C06 inbound.
    assert (rows["2026-03-02"].offered, rows["2026-03-02"].answered) == (3, 2)
    assert rows["2026-03-02"].answer_rate == pytest.approx(2 / 2)
    assert rows["2026-03-02"].asa_s == pytest.approx((15 + 40) / 2)
    assert (rows["2026-03-03"].offered, rows["2026-03-03"].answered) == (2, 1)
    assert rows["2026-03-03"].answer_rate == pytest.approx(1 / 2)


def test_totals_are_the_kpi_of_the_whole_not_a_mean_of_rows(acme):
    result = compute_kpis(acme, KpiRequest(ALL, "day", by=("queue",)))
    whole = week(acme)
    totals = result.totals()
    for kpi in ("answer_rate", "service_level", "asa_s", "aht_s", "traceability_rate",
                "csat_score", "nps", "repeat_rate"):
        assert totals[kpi] == pytest.approx(whole[kpi]), kpi
    # A mean of daily means is not the week's: ASA by day is 27.5 s and 25 s (mean 26.25 s),
    # the week's is 80 s / 3 answered = 26.67 s.
    days = compute_kpis(acme, KpiRequest(("asa_s",), "day")).table()
    assert days.asa_s.tolist() == pytest.approx([27.5, 25.0])
    assert whole["asa_s"] == pytest.approx(80 / 3)


@pytest.mark.parametrize(("variant", "expected"), [
    ("net", 1 / 4),  # within 20 s / (offered − short abandons)
    ("offered", 1 / 5),  # within 20 s / offered
    ("answered", 1 / 3),  # within 20 s / answered
    ("abandons_in_sl", (1 + 1) / 5),  # (C01 + C02 abandoned after 3 s) / offered
])
def test_each_service_level_variant(acme, variant, expected):
    acme.write(lambda cur: cur.execute("UPDATE providers SET sl_variant = ? WHERE name = ?",
                                       [variant, "Acme"]))
    assert week(acme)["service_level"] == pytest.approx(expected)


def test_queue_settings_override_the_providers(acme):
    # Billing answers within 10 s only: C01 (15 s, Billing) no longer counts.
    acme.write(lambda cur: cur.execute(
        "INSERT INTO queue_settings (provider, queue, sl_threshold_s) VALUES "
        "('Acme', 'Billing', 10)"))
    assert week(acme)["service_level"] == 0
    # Short abandons under 2 s: C02 (3 s) is now a real abandon.
    acme.write(lambda cur: cur.execute(
        "UPDATE queue_settings SET short_abandon_s = 2 WHERE queue = 'Billing'"))
    assert week(acme)["answer_rate"] == pytest.approx(3 / 5)


def test_an_empty_denominator_gives_an_empty_value_not_zero(acme):
    # Only C04 (chat, abandoned) in the chat channel: nothing handled.
    result = compute_kpis(acme, KpiRequest(ALL, "week", filters={"channel": ("chat",)}))
    k = result.table().iloc[0]
    assert k.offered == 1 and k.answered == 0
    for kpi in ("aht_s", "asa_s", "traceability_rate", "csat_score", "nps", "conversion_rate"):
        assert k[kpi] != k[kpi], kpi  # NaN: empty
    assert k.answer_rate == 0  # 0 answered of 1 eligible is a real 0


def test_a_provider_with_only_interval_reports_gets_what_they_allow(store):
    import_export(store, DATA / "intervals.csv", provider="Intervals Only")
    k = week(store)
    # offered 40+55+12, answered 36+50+12, abandoned 4+5+0, short 1+2+0
    assert (k["offered"], k["answered"]) == (107, 98)
    assert k["answer_rate"] == pytest.approx(98 / 104)
    assert k["abandon_rate"] == pytest.approx((9 - 3) / 104)
    assert k["service_level"] == pytest.approx((30 + 41 + 11) / 104)
    assert k["asa_s"] == pytest.approx((420 + 700 + 60) / 98)
    assert k["aht_s"] == pytest.approx((10500 + 14600 + 4000) / 98)
    assert k["traceability_rate"] != k["traceability_rate"]  # no detail: empty


def test_detail_wins_over_the_interval_report_of_the_same_days(acme):
    import_export(acme, DATA / "intervals.csv", provider="Acme")
    assert week(acme)["offered"] == 5


def test_a_count_from_details_and_an_amount_from_interval_reports_add_up_exactly(acme):
    """Acme's detail rows, then another provider's interval reports in the same week: each
    source's sums are added (the details' counts scaled once per group, the reports' amounts
    row by row), giving Acme's figures computed alone plus the reports' worked by hand."""
    kpis = ("offered", "answered", "answer_rate", "asa_s", "aht_s")
    alone = compute_kpis(acme, KpiRequest(kpis, "week")).frame.iloc[0]  # one source
    assert alone.offered == 5
    import_export(acme, DATA / "intervals.csv", provider="Intervals Only")
    both = compute_kpis(acme, KpiRequest(kpis, "week")).frame.iloc[0]
    # The reports: offered 40+55+12, answered 36+50+12, eligible 107 - 3 short abandons,
    # waits 420+700+60 s and handle times 10500+14600+4000 s over the 98 answered.
    assert (both.offered, both.answered) == (alone.offered + 107, alone.answered + 98)
    assert both.m__eligible == alone.m__eligible + 104
    assert both.m__wait_answered_s == alone.m__wait_answered_s + 420 + 700 + 60
    assert both.m__handle_time_s == alone.m__handle_time_s + 10500 + 14600 + 4000
    assert both.answer_rate == pytest.approx((alone.m__answered + 98) / (alone.m__eligible + 104))
    # A count summed only where its amount is known (a filtered sum, scaled the same way).
    assert both.asa_s == pytest.approx((alone.m__wait_answered_s + 420 + 700 + 60)
                                       / (alone.k__asa_s__answered_with_wait + 98))


def test_week_boundaries_are_mondays_in_paris_across_both_dst_changes(store, tmp_path):
    export = tmp_path / "dst.csv"
    export.write_text(
        "contact_id,provider,queue,arrived_at\n"
        "a,Acme,Q,2026-03-29 23:30:00\n"  # Sunday, the day summer time starts
        "b,Acme,Q,2026-03-29T22:30:00Z\n"  # = Monday 30 March 00:30 in Paris (UTC+2)
        "c,Acme,Q,2026-10-25 23:59:00\n"  # Sunday, the day winter time starts
        "d,Acme,Q,2026-10-25T23:30:00Z\n")  # = Monday 26 October 00:30 in Paris (UTC+1)
    import_export(store, export)
    weeks = compute_kpis(store, KpiRequest(("offered",), "week")).table()
    got = {str(r.period_start)[:10]: r.offered for r in weeks.itertuples()}
    assert got == {"2026-03-23": 1, "2026-03-30": 1, "2026-10-19": 1, "2026-10-26": 1}


def test_sum_num_over_sum_den_holds_over_random_splits(store):
    """On a real month of bank traffic: any random set of (day, queue) cells summed gives
    the KPI the engine computes for exactly those days and queues."""
    import_export(store, SHARED / "anonymous-bank-1999-02" / "data_anonymous_bank_february.txt",
                  provider="Bank")
    kpis = ("answer_rate", "service_level", "asa_s", "aht_s", "repeat_rate")
    cells = compute_kpis(store, KpiRequest(kpis, "month", by=("queue",),
                                           date_from=date(1999, 2, 1),
                                           date_to=date(1999, 2, 28)))
    rng = random.Random(7)
    queues = sorted(cells.frame.queue.unique())
    for _ in range(5):
        chosen = rng.sample(queues, rng.randint(1, len(queues) - 1))
        part = cells.frame[cells.frame.queue.isin(chosen)]
        direct = compute_kpis(store, KpiRequest(kpis, "month", date_from=date(1999, 2, 1),
                                                date_to=date(1999, 2, 28),
                                                filters={"queue": tuple(chosen)}))
        expected = direct.table().iloc[0]
        for kpi, value in cells.totals(part).items():
            assert value == pytest.approx(expected[kpi]), (kpi, chosen)


def test_bank_log_kpis_match_an_independent_pandas_computation(store):
    import pandas as pd

    path = SHARED / "anonymous-bank-1999-02" / "data_anonymous_bank_february.txt"
    import_export(store, path, provider="Bank")
    calls = pd.read_csv(path, sep="\t")
    calls = calls[(calls.outcome != "PHANTOM") & ((calls.outcome == "AGENT") | (calls.q_time > 0))]
    answered = calls.outcome == "AGENT"
    short = ~answered & (calls.q_time < 5)
    eligible = len(calls) - short.sum()
    k = compute_kpis(store, KpiRequest(("offered", "answer_rate", "service_level", "asa_s",
                                        "aht_s"), "year")).table().iloc[0]
    assert k.offered == len(calls)
    assert k.answer_rate == pytest.approx(answered.sum() / eligible)
    assert k.service_level == pytest.approx((answered & (calls.q_time <= 20)).sum() / eligible)
    assert k.asa_s == pytest.approx(calls.q_time[answered].mean())
    assert k.aht_s == pytest.approx(calls.ser_time[answered].mean())


def test_cli_kpis_contract(acme, db_path, capsys):
    acme.close()
    assert main(["kpis", "--grain", "day", "--by", "provider,queue", "--from", "2026-03-02",
                 "--to", "2026-03-02", "--kpi", "offered,answer_rate,csat_score",
                 "--db", str(db_path)]) == 0
    out = capsys.readouterr()
    assert out.err.strip() == "# SL 20 s, net of short abandons < 5 s"
    lines = out.out.strip().splitlines()
    assert lines[0] == "period_start,provider,queue,offered,answer_rate,csat_score"
    # 2 March: Billing C01 + C02 (short abandon), Sales C03. Billing csat: C01 (5) → 1.0.
    assert lines[1] == "2026-03-02,Acme,Billing,2,1.0,1.0"
    assert lines[2] == "2026-03-02,Acme,Sales,1,1.0,1.0"


def test_cli_kpis_json_gives_null_for_empty(acme, db_path, capsys):
    import json

    acme.close()
    assert main(["kpis", "--grain", "week", "--kpi", "nps,offered", "--format", "json",
                 "--by", "queue", "--db", str(db_path)]) == 0
    rows = {r["queue"]: r for r in json.loads(capsys.readouterr().out)}
    # Sales: C03 (6) and C04 (no answer): one detractor of one answer.
    assert rows["Sales"]["nps"] == pytest.approx(-100)
    assert rows["Sales"]["offered"] == 2


@pytest.mark.parametrize(("minutes", "expected"), [
    # C01 08:00:00 and C02 08:01:00 share the 08:00 bucket; C05, outbound at 10:00, makes a
    # bucket with nothing offered.
    (15, {"08:00": 2, "23:45": 1, "09:00": 1, "10:00": 0, "11:00": 1}),
    (60, {"08:00": 2, "23:00": 1, "09:00": 1, "10:00": 0, "11:00": 1}),
])
def test_interval_grain(acme, minutes, expected):
    table = compute_kpis(acme, KpiRequest(("offered",), "interval",
                                          interval_minutes=minutes)).table()
    got = {f"{ts:%H:%M}": n for ts, n in zip(table.period_start, table.offered, strict=True)}
    assert got == expected
