"""Each import profile on a small real file; expected values worked out by hand in comments."""

from __future__ import annotations

from datetime import datetime

import pytest

from kpi.ingest.importer import import_export, save_mapping

from .conftest import DATA


def rows(store, sql, params=None):
    return store.read(sql, params).to_dict("records")


def test_generic_contacts_profile_is_detected_and_types_every_column(store):
    report = import_export(store, DATA / "contacts_generic.csv")
    assert (report.profile, report.kind, report.rows_imported) == ("contacts", "contacts", 6)
    c03 = rows(store, "SELECT * FROM contacts WHERE contact_id = 'C03'")[0]
    # 23:59:30 on 2 March in Paris (UTC+1 in winter) is 22:59:30 UTC; answered 40 s later,
    # after midnight, but the contact belongs to the day it arrived.
    assert c03["arrived_local"] == datetime(2026, 3, 2, 23, 59, 30)
    assert c03["arrived_at"].isoformat() == "2026-03-02T22:59:30+00:00"
    assert c03["answered_at"].isoformat() == "2026-03-02T23:00:10+00:00"
    assert (c03["wait_s"], c03["talk_s"], c03["acw_s"], c03["sale_amount"]) == (40, 500, 60,
                                                                               1234.5)
    assert c03["transferred"] is True and c03["outcome"] == "sale"
    c02 = rows(store, "SELECT * FROM contacts WHERE contact_id = 'C02'")[0]
    assert c02["answered_at"] is None or str(c02["answered_at"]) == "NaT"
    c05 = rows(store, "SELECT direction, channel FROM contacts WHERE contact_id = 'C05'")[0]
    assert c05 == {"direction": "outbound", "channel": "voice"}


def test_five9_call_log_derives_answer_time_from_wait(store):
    report = import_export(store, DATA / "five9_call_log.csv", provider="Sunline")
    assert report.profile == "five9" and report.rows_imported == 3
    got = {r["contact_id"]: r for r in rows(store, "SELECT * FROM contacts")}
    # F1 arrived 09:00:00 Paris = 08:00:00 UTC, waited 12 s, talked 300 s, held 30 s.
    assert got["F1"]["answered_at"].isoformat() == "2026-03-02T08:00:12+00:00"
    assert got["F1"]["ended_at"].isoformat() == "2026-03-02T08:05:42+00:00"
    assert got["F1"]["contact_reason"] == "Panne"
    # F2 is ABANDONED=1 after 70 s: no answer time, no agent.
    assert str(got["F2"]["answered_at"]) == "NaT" and got["F2"]["wait_s"] == 70
    # F3: US date 03/02/2026 = 2 March; TRANSFERS=2 means transferred.
    assert got["F3"]["arrived_local"] == datetime(2026, 3, 2, 9, 5, 30)
    assert got["F3"]["transferred"] is True


def test_amazon_connect_records_skip_contacts_that_never_queued(store):
    report = import_export(store, DATA / "amazon_connect_ctr.jsonl", provider="Connect")
    assert report.profile == "amazon_connect"
    assert (report.rows_read, report.rows_imported, report.rows_filtered) == (4, 3, 1)
    got = {r["contact_id"]: r for r in rows(store, "SELECT * FROM contacts")}
    # ac-1: enqueued 08:00:20Z (09:00:20 Paris), connected 08:00:50Z, 30 s in queue.
    assert got["ac-1"]["arrived_local"] == datetime(2026, 3, 2, 9, 0, 20)
    assert got["ac-1"]["wait_s"] == 30 and got["ac-1"]["agent_id"] == "jdoe"
    assert got["ac-1"]["contact_reason"] == "invoice"
    assert str(got["ac-2"]["answered_at"]) == "NaT"
    assert got["ac-4"]["direction"] == "outbound" and got["ac-4"]["transferred"] is True


def test_asterisk_queue_log_becomes_one_row_per_call(store):
    report = import_export(store, DATA / "asterisk_queue_log.txt", provider="Asterisk")
    assert report.profile == "asterisk_queue_log" and report.rows_imported == 3
    got = {r["contact_id"]: r for r in rows(store, "SELECT * FROM contacts")}
    # ENTERQUEUE at epoch 1772438400 = 2026-03-02 08:00:00Z; CONNECT 18 s later.
    answered = got["1772438400.1"]
    assert answered["arrived_local"] == datetime(2026, 3, 2, 9, 0, 0)
    assert (answered["wait_s"], answered["talk_s"], answered["agent_id"]) == (18, 300,
                                                                              "Agent/1001")
    abandoned = got["1772438500.5"]
    assert str(abandoned["answered_at"]) == "NaT" and abandoned["wait_s"] == 45
    assert got["1772438600.7"]["transferred"] is True and got["1772438600.7"]["talk_s"] == 120


def test_interval_report_with_french_dates(store):
    report = import_export(store, DATA / "intervals.csv", provider="Acme")
    assert report.profile == "intervals" and report.rows_imported == 3
    got = rows(store, "SELECT queue, interval_local, interval_min, offered, answered, "
                      "abandoned FROM intervals ORDER BY queue, interval_local")
    assert got[0]["interval_local"] == datetime(2026, 3, 2, 8, 0)
    assert [r["interval_min"] for r in got] == [30, 30, 30]
    assert [r["offered"] - r["answered"] for r in got] == [r["abandoned"] for r in got]


def test_agent_activity(store):
    import_export(store, DATA / "agent_activity.csv", provider="Acme")
    got = rows(store, "SELECT agent_id, start_local, logged_s, absence_s FROM agent_activity "
                      "ORDER BY start_local, agent_id")
    assert len(got) == 3
    assert got[1] == {"agent_id": "A2", "start_local": datetime(2026, 3, 2),
                      "logged_s": 0.0, "absence_s": 27000.0}


def test_quality_evaluations_long(store):
    import_export(store, DATA / "evaluations_long.csv", provider="Acme")
    got = rows(store, "SELECT evaluation_id, item, score, max_score, session_id, is_reference "
                      "FROM evaluations ORDER BY evaluation_id, item")
    assert len(got) == 6
    assert got[2] == {"evaluation_id": "E2", "item": "Greeting", "score": 10.0,
                      "max_score": 10.0, "session_id": "S1", "is_reference": True}


def test_quality_evaluations_wide_are_unpivoted_with_max_from_header(store):
    report = import_export(store, DATA / "evaluations_wide.csv", provider="Acme")
    assert report.profile == "evaluations_wide"
    got = rows(store, "SELECT evaluation_id, item, score, max_score FROM evaluations "
                      "ORDER BY evaluation_id, item")
    # W2 left 'Solution apportée' empty: not scored, so 3 + 2 item rows.
    assert got == [
        {"evaluation_id": "W1", "item": "Accueil", "score": 8.0, "max_score": 10.0},
        {"evaluation_id": "W1", "item": "Conclusion", "score": 7.0, "max_score": 10.0},
        {"evaluation_id": "W1", "item": "Solution apportée", "score": 25.0, "max_score": 30.0},
        {"evaluation_id": "W2", "item": "Accueil", "score": 10.0, "max_score": 10.0},
        {"evaluation_id": "W2", "item": "Conclusion", "score": 9.5, "max_score": 10.0},
    ]


def test_realtime_snapshots_and_forecast(store):
    import_export(store, DATA / "snapshots.csv", provider="Acme")
    import_export(store, DATA / "forecast.csv", provider="Acme")
    assert store.scalar("SELECT sum(waiting) FROM snapshots") == 4
    assert store.scalar("SELECT sum(forecast_offered) FROM forecasts") == 160


def test_bank_acd_log_sample(store):
    report = import_export(store, DATA / "bank_acd_log_sample.txt", provider="Bank")
    assert report.profile == "bank_acd_log"
    # First data row: 990201, AA0101, call 34536, never queued (q_time 0, q_start the 0:00:00
    # sentinel), served by DORIT from ser_start 7:02:55 for ser_time 166 s: it arrives at
    # the agent at 7:02:55 with no wait, and customer_id 0 means unidentified.
    first = rows(store, "SELECT * FROM contacts WHERE contact_id = '990201-AA0101-34536'")[0]
    assert first["arrived_local"] == datetime(1999, 2, 1, 7, 2, 55)
    assert (first["wait_s"], first["talk_s"], first["agent_id"]) == (0, 166, "DORIT")
    assert first["customer_id"] is None


def test_pwc_case_csv_with_separate_date_and_time(store):
    report = import_export(store, DATA / "pwc_case_sample.csv", provider="PwC")
    assert report.profile == "pwc_case" and report.rows_imported == 20
    first = rows(store, "SELECT * FROM contacts WHERE contact_id = 'ID0001'")[0]
    # 01-01-2021 09:12:58, answered after 109 s, talked 00:02:23 = 143 s, rating 3.
    assert first["arrived_local"] == datetime(2021, 1, 1, 9, 12, 58)
    assert (first["wait_s"], first["talk_s"], first["csat"]) == (109, 143, 3)
    assert first["queue"] == "Contract related" and first["outcome"] == "resolved"


def test_saved_mapping_profile_is_reused_for_an_unknown_layout(store, tmp_path):
    export = tmp_path / "crm_export.csv"
    export.write_text("Ticket;Skill group;Received;Handled by\nT1;Billing;02/03/2026 10:00:00;"
                      "Ann\nT2;Sales;02/03/2026 10:05:00;\n", encoding="utf-8")
    save_mapping(store, "my_crm", "contacts", {"contact_id": "Ticket", "queue": "Skill group",
                                               "arrived_at": "Received",
                                               "agent_id": "Handled by"})
    report = import_export(store, export, provider="Acme")
    assert report.profile == "my_crm" and report.rows_imported == 2
    assert store.scalar("SELECT agent_id FROM contacts WHERE contact_id = 'T1'") == "Ann"


def test_forcing_a_profile_that_does_not_fit_names_what_is_missing(store):
    from kpi.errors import ImportRefused

    with pytest.raises(ImportRefused, match="Five9 call log: missing columns"):
        import_export(store, DATA / "contacts_generic.csv", profile="five9")
