"""Provider-declared reports: the real daily KPI file, and declared vs recomputed."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from kpi.cli import main
from kpi.errors import ImportRefused
from kpi.ingest.importer import import_export
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.metrics.reconcile import reconcile

from .conftest import DATA, SHARED

DAILY = SHARED / "callcenter-daily-kpi-semicolon" / "Call Center Data.csv"


def test_numbered_days_need_a_first_day(store, capsys, db_path):
    with pytest.raises(ImportRefused, match="give the first day at import"):
        import_export(store, DAILY, provider="Daily")
    store.close()
    assert main(["import", str(DAILY), "--provider", "Daily", "--db", str(db_path)]) == 1
    assert "column Index" in capsys.readouterr().err


def test_the_real_daily_report_gives_its_kpis(store):
    report = import_export(store, DAILY, provider="Daily", first_day=date(2022, 1, 3))
    assert report.profile == "declared" and report.rows_imported == 1251
    with open(DAILY, newline="") as f:
        days = list(csv.DictReader(f, delimiter=";"))
    incoming = sum(int(d["Incoming Calls"]) for d in days)
    answered = sum(int(d["Answered Calls"]) for d in days)
    # ASA weighted by answered calls; the file's "h:mm:ss" parsed by hand.
    def seconds(text: str) -> int:
        h, m, s = (int(x) for x in text.split(":"))
        return 3600 * h + 60 * m + s
    waited = sum(seconds(d["Answer Speed (AVG)"]) * int(d["Answered Calls"]) for d in days)
    # The report's service level is "% answered within 20 s"; taken over offered calls.
    within = sum(float(d["Service Level (20 Seconds)"].rstrip("%")) / 100
                 * int(d["Incoming Calls"]) for d in days)
    last = date(2022, 1, 3) + timedelta(days=1250)
    k = compute_kpis(store, KpiRequest(("offered", "answered", "answer_rate", "service_level",
                                        "asa_s", "aht_s"), "year",
                                       date_to=last)).table()
    assert k.offered.sum() == incoming and k.answered.sum() == answered
    whole = compute_kpis(store, KpiRequest(("answer_rate", "service_level", "asa_s"), "year"))
    totals = whole.totals()
    assert totals["answer_rate"] == pytest.approx(answered / incoming)
    assert totals["service_level"] == pytest.approx(within / incoming)
    assert totals["asa_s"] == pytest.approx(waited / answered)
    assert k.aht_s.isna().all()  # talk time alone is not a handling time


def test_declared_vs_recomputed_with_the_detail_winning(store):
    import_export(store, DATA / "contacts_generic.csv")
    import_export(store, DATA / "declared_acme.csv", provider="Acme")
    # Detail wins: the week's KPIs are the contacts' (see test_kpis.py), not the report's.
    k = compute_kpis(store, KpiRequest(("offered", "answer_rate"), "week")).table().iloc[0]
    assert (k.offered, k.answer_rate) == (5, 0.75)
    table = reconcile(store, "Acme").set_index(["period_start", "kpi"])
    # 2 March: declared 3 offered, 3 answered, SL 66.67 %, ASA 20 s; the detail has C01
    # (15 s), C02 (short abandon), C03 (40 s): 3 offered, 2 answered, answer rate 2/2,
    # SL 1/2, ASA 27.5 s.
    monday = date(2026, 3, 2)
    assert table.loc[(monday, "offered")].tolist() == [3, 3, 0]
    assert table.loc[(monday, "answered")].tolist() == [3, 2, 1]
    assert table.loc[(monday, "service_level")].declared == pytest.approx(0.6667)
    assert table.loc[(monday, "service_level")].recomputed == pytest.approx(0.5)
    assert table.loc[(monday, "asa_s")].gap == pytest.approx(20 - 27.5)
    # 3 March: declared 50 % answer rate; the detail: C06 answered, C04 abandoned after
    # 90 s: 1 / 2.
    assert table.loc[(date(2026, 3, 3), "answer_rate")].gap == pytest.approx(0)


def test_a_declared_report_with_only_counts_imports(store, tmp_path):
    path = tmp_path / "counts.csv"
    path.write_text("Date,Offered,Answered\n2026-03-02,10,9\n")
    assert import_export(store, path, provider="Acme").rows_imported == 1
    k = compute_kpis(store, KpiRequest(("answer_rate", "service_level"), "day")).table()
    assert k.answer_rate.tolist() == [0.9] and k.service_level.isna().all()
