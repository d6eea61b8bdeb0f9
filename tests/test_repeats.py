"""Repeat contacts are materialised per import (kpi/metrics/repeats.py): after an import, a
newer export replacing it, one replacing some of its rows by key, a re-import and each
undo, the stored gaps are the window computed directly over the contacts, and repeat_rate
is the one the window gives, per provider and week, whatever the window setting."""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from kpi.access.accounts import Account, store_for
from kpi.access.scope import scope_rules
from kpi.ingest.importer import import_export, undo_import
from kpi.metrics import repeats
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.repeats import refresh_repeats
from kpi.provider_settings import (
    provider_settings,
    save_provider_settings,
    save_queue_settings,
    save_settings,
)
from kpi.schema import migrate
from kpi.store import Store

# The window computed directly over the contacts, as the engine did at every request: the
# handled contacts within the horizon (the longest window a setting asks, 7 days here).
DIRECT = """SELECT * EXCLUDE (handled) FROM (
                SELECT provider, contact_id, answered_at IS NOT NULL AS handled,
                       epoch(arrived_at - lag(arrived_at) OVER (
                           PARTITION BY provider, customer_id ORDER BY arrived_at, contact_id))
                           AS gap_s
                FROM contacts WHERE customer_id IS NOT NULL)
            WHERE handled AND gap_s <= 7 * 86400 ORDER BY ALL"""
STORED = "SELECT provider, contact_id, gap_s FROM contact_repeats ORDER BY ALL"
# repeat_rate per provider and week straight from that window and each row's setting.
DIRECT_RATE = """
    SELECT CAST(date_trunc('week', arrived_local) AS DATE) AS period_start, provider,
           count(*) FILTER (WHERE gap_s <= days * 86400) / count(*) AS repeat_rate
    FROM (SELECT c.*, coalesce(q.repeat_window_days, p.repeat_window_days) AS days,
                 epoch(arrived_at - lag(arrived_at) OVER (
                     PARTITION BY c.provider, customer_id ORDER BY arrived_at, contact_id))
                     AS gap_s
          FROM contacts c JOIN providers p ON p.name = c.provider
          LEFT JOIN queue_settings q ON q.provider = c.provider AND q.queue = c.queue)
    WHERE answered_at IS NOT NULL AND customer_id IS NOT NULL
    GROUP BY ALL ORDER BY ALL"""

COLUMNS = ["contact_id", "provider", "queue", "direction", "arrived_at", "answered_at",
           "wait_s", "talk_s", "customer_id"]
START = datetime(2026, 3, 2, 8, 0)


def _export(path: Path, ids: range, seed: int, day_offset: int = 0) -> Path:
    """Contacts of two providers; few customers, so most call again within days. Two
    contacts of one customer share a second (the tie-break is the contact id)."""
    rng = random.Random(seed)
    with path.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS)
        for i in ids:
            at = START + timedelta(days=day_offset, minutes=rng.randrange(0, 6 * 24 * 60))
            if i % 50 == 7:
                at = START + timedelta(days=day_offset + 1)  # ties with i % 50 == 8
            if i % 50 == 8:
                at = START + timedelta(days=day_offset + 1)
            answered = rng.random() < 0.8
            customer = "" if i % 13 == 0 else f"K{rng.randrange(25) if i % 50 not in (7, 8) else 0}"
            out.writerow([f"C{i}", ("Acme", "Beta")[i % 2], ("Billing", "Sales")[i % 3 == 0],
                          "inbound" if i % 11 else "outbound", at.isoformat(sep=" "),
                          (at + timedelta(seconds=20)).isoformat(sep=" ") if answered else "",
                          rng.randrange(60), rng.randrange(100, 400) if answered else "",
                          customer])
    return path


def _check(store: Store) -> None:
    direct = store.rows(DIRECT)[1]
    assert direct, "the fixture has contacts with customers"
    assert store.rows(STORED)[1] == direct
    rate = compute_kpis(store, KpiRequest(("repeat_rate",), "week", ("provider",))).table()
    expected = store.read(DIRECT_RATE)
    assert rate.period_start.astype(str).str[:10].tolist() == \
        expected.period_start.astype(str).str[:10].tolist()
    assert rate.provider.tolist() == expected.provider.tolist()
    assert rate.repeat_rate.tolist() == pytest.approx(expected.repeat_rate.tolist())


@pytest.fixture(params=[None, 37], ids=["one pass", "passes of 37 contacts"])
def rows_per_pass(request, monkeypatch):
    """As shipped, and with the window split into many passes (as a 50 M-row file is)."""
    if request.param is not None:
        monkeypatch.setattr(repeats, "ROWS_PER_PASS", request.param)
    return request.param


def test_materialised_repeats_equal_the_window_through_imports_and_undos(store, tmp_path,
                                                                          rows_per_pass):
    first = import_export(store, _export(tmp_path / "week10.csv", range(0, 200), 1))
    _check(store)
    # A newer export of the same period replaces the first one wholly (other customers).
    newer = import_export(store, _export(tmp_path / "week10_v2.csv", range(0, 200), 2))
    assert newer.replaced_imports == [first.import_id]
    _check(store)
    # The next week's export re-sends some of its rows (replaced by key) and adds others.
    later = import_export(store, _export(tmp_path / "week11.csv", range(150, 320), 3, 5))
    assert later.rows_updated > 0
    _check(store)
    # The same file again changes nothing.
    assert import_export(store, tmp_path / "week11.csv").status == "unchanged"
    _check(store)
    # Another window for one provider and one queue: read at request time, not stored.
    store.write(lambda cur: cur.execute(
        "UPDATE providers SET repeat_window_days = 2 WHERE name = 'Beta'"))
    store.write(lambda cur: cur.execute(
        "INSERT INTO queue_settings (provider, queue, repeat_window_days) "
        "VALUES ('Acme', 'Sales', 1)"))
    _check(store)
    undo_import(store, later.import_id)
    _check(store)
    undo_import(store, newer.import_id)  # the first export's rows come back
    _check(store)
    undo_import(store, first.import_id)
    assert store.rows(STORED)[1] == []


def test_a_refused_import_leaves_the_repeats_as_they_were(store, tmp_path):
    import_export(store, _export(tmp_path / "week10.csv", range(0, 100), 1))
    before = store.rows(STORED)[1]
    bad = tmp_path / "bad.csv"
    bad.write_text(_export(tmp_path / "x.csv", range(100, 120), 4).read_text()
                   + "C999,Acme,Billing,inbound,someday,,1,1,K1\n")
    with pytest.raises(Exception, match="someday"):
        import_export(store, bad)
    assert store.rows(STORED)[1] == before


def test_a_provider_reads_its_own_repeats_only(store, tmp_path):
    import_export(store, _export(tmp_path / "week10.csv", range(0, 100), 1))
    assert scope_rules(store.cursor())["contact_repeats"] == "provider"
    view = store_for(store, Account("floor lead", "provider", "Acme"))
    seen = view.rows("SELECT DISTINCT provider FROM contact_repeats")[1]
    assert seen == [("Acme",)]


def test_the_migration_fills_the_repeats_of_an_existing_database(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        import_export(store, _export(tmp_path / "week10.csv", range(0, 100), 1))
        expected = store.rows(STORED)[1]
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE contact_repeats")
    con.execute("DROP TABLE data_version")  # migrations 17 and 18 come back after 16
    con.execute("DROP TABLE repeat_horizon")
    con.execute("DELETE FROM schema_version WHERE version >= 16")
    assert migrate(con) == [16, 17, 18]
    con.close()
    with Store(path) as store:
        assert store.rows(STORED)[1] == expected
        # A database written outside the importer is brought up to date in one call, in
        # one pass or in several.
        for size in (None, 9):
            if size is not None:
                monkeypatch.setattr(repeats, "ROWS_PER_PASS", size)
            store.write(lambda cur: cur.execute("DELETE FROM contact_repeats"))
            store.write(refresh_repeats)
            assert store.rows(STORED)[1] == expected


def _rate(store: Store) -> float:
    rows = compute_kpis(store, KpiRequest(("repeat_rate", "fcr_rate"), "year",
                                          ("provider",))).table()
    assert len(rows) == 1 and rows.fcr_rate[0] == pytest.approx(1 - rows.repeat_rate[0])
    return rows.repeat_rate[0]


def test_a_longer_window_widens_what_is_stored(store, tmp_path):
    """Worked by hand: K1 calls on Jan 5, 15 (10 days later) and Feb 14 (30 days later);
    K2 is not answered on Jan 5, then answered on Jan 7 (2 days after); C6 has no customer.
    Handled contacts with a customer: C1, C2, C3, C5."""
    path = tmp_path / "few.csv"
    path.write_text(
        "contact_id,provider,queue,direction,arrived_at,answered_at,wait_s,talk_s,customer_id\n"
        "C1,Acme,Billing,inbound,2026-01-05 08:00:00,2026-01-05 08:00:20,20,100,K1\n"
        "C2,Acme,Billing,inbound,2026-01-15 08:00:00,2026-01-15 08:00:20,20,100,K1\n"
        "C3,Acme,Billing,inbound,2026-02-14 08:00:00,2026-02-14 08:00:20,20,100,K1\n"
        "C4,Acme,Billing,inbound,2026-01-05 09:00:00,,20,,K2\n"
        "C5,Acme,Billing,inbound,2026-01-07 09:00:00,2026-01-07 09:00:20,20,100,K2\n"
        "C6,Acme,Billing,inbound,2026-01-07 10:00:00,2026-01-07 10:00:20,20,100,\n")
    import_export(store, path)
    stored = "SELECT contact_id FROM contact_repeats ORDER BY 1"
    # Within the 7 days of the default: C5 alone, and only C5 is stored.
    assert _rate(store) == pytest.approx(1 / 4)
    assert store.rows(stored)[1] == [("C5",)]
    # 30 days: C2 and C3 (exactly 30 days) too; the horizon widens to hold them.
    settings = provider_settings(store)
    settings.loc[settings.name == "Acme", "repeat_window_days"] = 30
    save_provider_settings(store, settings)
    assert repeats.horizon(store.cursor()) == 30
    assert store.rows(stored)[1] == [("C2",), ("C3",), ("C5",)]
    assert _rate(store) == pytest.approx(3 / 4)
    # Back to 10 days: C3 no longer counts; what is stored stays.
    settings.loc[settings.name == "Acme", "repeat_window_days"] = 10
    save_provider_settings(store, settings)
    assert repeats.horizon(store.cursor()) == 30
    assert _rate(store) == pytest.approx(2 / 4)
    # A queue asking 45 days widens the horizon again, and its window is the one read.
    save_queue_settings(store, pd.DataFrame([{
        "provider": "Acme", "queue": "Billing", "sl_threshold_s": None,
        "short_abandon_s": None, "repeat_window_days": 45, "sl_variant": None}]))
    assert repeats.horizon(store.cursor()) == 45
    assert _rate(store) == pytest.approx(3 / 4)


def test_the_repeat_rate_says_on_how_many_days_it_rests(store, tmp_path):
    """Contacts on Monday 2 March, a queue's interval report alone on Tuesday: the week's
    offered rests on 2 days, its repeat rate (from contacts only) on 1."""
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        "contact_id,provider,queue,direction,arrived_at,answered_at,wait_s,talk_s,customer_id\n"
        "C1,Acme,Billing,inbound,2026-03-02 08:00:00,2026-03-02 08:00:20,20,100,K1\n"
        "C2,Acme,Billing,inbound,2026-03-02 09:00:00,2026-03-02 09:00:20,20,100,K1\n")
    intervals = tmp_path / "intervals.csv"
    intervals.write_text(
        "interval_start;queue;offered;answered;abandoned;short_abandoned;answered_within_sl;"
        "talk_s;hold_s;acw_s;wait_s\n"
        "03/03/2026 08:00;Billing;40;36;4;1;30;9000;300;1200;420\n")
    import_export(store, contacts)
    import_export(store, intervals, provider="Acme")
    result = compute_kpis(store, KpiRequest(("repeat_rate", "fcr_rate", "offered"), "week",
                                            coverage=True))
    week = result.frame.iloc[0]
    assert week.repeat_rate == pytest.approx(1 / 2)  # C2, an hour after C1
    assert (week.days__repeat_rate, week.days__offered, week.days__all) == (1, 2, 2)
    assert result.partial_coverage() == {"repeat_rate": 1, "fcr_rate": 1}


def test_settings_are_saved_whole_or_not_at_all(store, tmp_path):
    """The settings page saves providers and queues together: a refused queue row leaves the
    provider's longer window unsaved, and the stored repeats as they were."""
    import_export(store, _export(tmp_path / "week10.csv", range(0, 100), 1))
    before = store.rows(STORED)[1]
    settings = provider_settings(store)
    settings["repeat_window_days"] = 30
    bad = pd.DataFrame([{"provider": "Acme", "queue": "Billing", "sl_threshold_s": None,
                         "short_abandon_s": None, "repeat_window_days": -1,
                         "sl_variant": None}])
    with pytest.raises(Exception, match="repeat_window_days"):
        save_settings(store, providers=settings, queues=bad)
    assert repeats.horizon(store.cursor()) == 7
    assert provider_settings(store).repeat_window_days.tolist() == [7, 7]
    assert store.rows(STORED)[1] == before
    save_settings(store, providers=settings, queues=bad.assign(repeat_window_days=45))
    assert repeats.horizon(store.cursor()) == 45
