"""Real public call-centre data from ../shared/data, checked against independent counts."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date

import pytest

from kpi.ingest.importer import import_export
from kpi.inventory import daily_rows, missing_days

from .conftest import SHARED

BANK = {
    "february": SHARED / "anonymous-bank-1999-02" / "data_anonymous_bank_february.txt",
    "january": SHARED / "anonymous-bank-1999-01" / "january.txt",
}


def independent_bank_counts(path) -> dict[str, float]:
    """What the importer must find, counted with the csv module straight from the file.

    Offered to the agents' queue: every call but PHANTOM ones (to be ignored, per the
    documentation) and the HANG calls that never queued (q_time 0: they hung up in the VRU).
    Answered: outcome AGENT.
    """
    with open(path, newline="") as f:
        calls = list(csv.DictReader(f, delimiter="\t"))
    offered = [c for c in calls if c["outcome"] != "PHANTOM"
               and (c["outcome"] == "AGENT" or int(c["q_time"]) > 0)]
    answered = [c for c in offered if c["outcome"] == "AGENT"]
    return {
        "rows": len(calls),
        "offered": len(offered),
        "answered": len(answered),
        "wait_s": sum(int(c["q_time"]) for c in offered),
        "talk_s": sum(int(c["ser_time"]) for c in answered),
        "queues": len({c["type"] for c in offered}),
        "agents": len({c["server"] for c in answered} - {"NO_SERVER"}),
    }


@pytest.mark.parametrize("month", sorted(BANK))
def test_a_month_of_the_real_bank_log_imports_with_the_right_counts(store, month):
    expected = independent_bank_counts(BANK[month])
    report = import_export(store, BANK[month], provider="Anonymous Bank")
    assert report.profile == "bank_acd_log"
    assert report.rows_read == expected["rows"]
    assert report.rows_imported == expected["offered"]
    assert report.rows_filtered == expected["rows"] - expected["offered"]
    got = store.read("""SELECT count(*) AS offered, count(answered_at) AS answered,
                               sum(wait_s) AS wait_s, sum(talk_s) AS talk_s,
                               count(DISTINCT queue) AS queues,
                               count(DISTINCT agent_id) AS agents FROM contacts""")
    got = got.iloc[0].to_dict()
    for key in ("offered", "answered", "wait_s", "talk_s", "queues", "agents"):
        assert got[key] == expected[key], key


def test_the_documented_february_profile_holds(store):
    # SOURCE.md: outcome AGENT 27,162, PHANTOM 278 among 33,344 calls.
    report = import_export(store, BANK["february"], provider="Anonymous Bank")
    assert store.scalar("SELECT count(answered_at) FROM contacts") == 27_162
    assert report.rows_read == 33_344


def test_january_gap_days_show_as_missing(store):
    import_export(store, BANK["january"], provider="Anonymous Bank")
    daily = daily_rows(store, "Anonymous Bank", "contacts")
    gaps = missing_days(daily)
    # SOURCE.md: 11 and 12 January 1999 have no rows at all (a data gap). A call that
    # entered just before midnight on the 10th can reach the queue on the 11th, so the
    # 12th at least is a gap, and no other weekday is.
    assert date(1999, 1, 12) in gaps
    assert set(gaps) <= {date(1999, 1, 11), date(1999, 1, 12)}


def test_midnight_crossing_calls_arrive_on_the_next_day(store):
    import_export(store, BANK["february"], provider="Anonymous Bank")
    with open(BANK["february"], newline="") as f:
        crossing = [c for c in csv.DictReader(f, delimiter="\t")
                    if c["outcome"] == "AGENT" and int(c["q_time"]) == 0
                    and c["ser_start"].zfill(8) < c["vru_entry"].zfill(8)]
    assert crossing, "the file has served calls that started after midnight"
    for call in crossing[:5]:
        contact_id = f"{call['date']}-{call['vru+line']}-{call['call_id']}"
        day = store.scalar("SELECT CAST(arrived_local AS DATE) FROM contacts "
                           "WHERE contact_id = ?", [contact_id])
        entry = date(1999, int(call["date"][2:4]), int(call["date"][4:6]))
        assert (day - entry).days == 1


def test_pwc_workbook_and_its_csv_resave_give_the_same_calls(tmp_path):
    from kpi.store import Store

    with Store(tmp_path / "x.duckdb") as xlsx, Store(tmp_path / "c.duckdb") as csv_store:
        import_export(xlsx, SHARED / "pwc-call-center" / "01 Call-Center-Dataset.xlsx",
                      provider="PwC")
        import_export(csv_store, SHARED / "pwc-call-center" / "Call-Center-Dataset.csv",
                      provider="PwC")
        query = ("SELECT contact_id, arrived_local, wait_s, talk_s, csat, answered_at IS NULL "
                 "AS abandoned FROM contacts ORDER BY contact_id")
        a, b = xlsx.read(query), csv_store.read(query)
        assert len(a) == 5000
        assert a.equals(b)
        # SOURCE.md: Answered Y 4,054 / N 946.
        assert Counter(a.abandoned) == {False: 4054, True: 946}
