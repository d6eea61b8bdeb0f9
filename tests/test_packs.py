"""The production committee's Excel pack, read back with openpyxl, against `cockpit kpis`."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from kpi.cli import main
from kpi.governance.feedback import save_week_note
from kpi.store import Store

PROVIDER = "Atlantic Relation"
WEEK = "2026-W11"  # Monday 9 March 2026, the demo's last complete week


def test_every_kpi_figure_of_the_pack_equals_cockpit_kpis(demo_db, tmp_path, capsys):
    with Store(demo_db) as store:
        save_week_note(store, PROVIDER, date(2026, 3, 9), "=HYPERLINK(\"http://evil\")")
    out = tmp_path / "pack.xlsx"
    assert main(["report", "production", "--provider", PROVIDER, "--week", WEEK, "--out",
                 str(out), "--lang", "en", "--db", str(demo_db)]) == 0
    capsys.readouterr()
    assert main(["kpis", "--grain", "week", "--by", "provider", "--from", "2026-03-02",
                 "--to", "2026-03-15", "--format", "json", "--db", str(demo_db)]) == 0
    rows = {r["period_start"]: r for r in json.loads(capsys.readouterr().out)
            if r["provider"] == PROVIDER}
    this, previous = rows["2026-03-09"], rows["2026-03-02"]

    workbook = load_workbook(out)
    sheet = workbook["The week against targets"]
    header = [c.value for c in sheet[1]]
    checked = 0
    for row in sheet.iter_rows(min_row=2, values_only=True):
        record = dict(zip(header, row, strict=True))
        kpi = record["id"]
        for column, expected in (("This week", this[kpi]), ("Previous week", previous[kpi])):
            got = record[column]
            if isinstance(got, timedelta):  # durations are Excel times
                got = got.total_seconds()
            if expected is None:
                assert got is None, (kpi, column)
            else:
                assert got == pytest.approx(expected, abs=1e-3), (kpi, column)
            checked += 1
    assert checked == 24
    note = workbook["Summary"]["B5"]
    assert note.value == "=HYPERLINK(\"http://evil\")" and note.data_type == "s"


def test_report_refuses_an_unknown_provider_or_a_week_without_data(demo_db, tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    assert main(["report", "production", "--provider", "Nobody", "--week", WEEK, "--out",
                 str(out), "--db", str(demo_db)]) == 1
    assert "unknown provider 'Nobody'" in capsys.readouterr().err
    assert main(["report", "production", "--provider", PROVIDER, "--week", "2019-W01",
                 "--out", str(out), "--db", str(demo_db)]) == 1
    assert "no complete week 2019-W01" in capsys.readouterr().err
    assert not out.exists()


def test_pack_opens_as_a_workbook_with_a_chart(demo_db, tmp_path):
    from kpi.reports.packs import production_pack_xlsx
    from kpi.reports.production import production_committee

    with Store(demo_db) as store:
        data = production_pack_xlsx(production_committee(store, PROVIDER, date(2026, 3, 9)),
                                    "fr")
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames[:3] == ["Synthèse", "La semaine face aux objectifs",
                                       "Jour par jour"]
    assert len(workbook["Jour par jour"]._charts) == 1


def test_html_pack_renders_its_charts_in_chromium_with_no_network(demo_db, tmp_path,
                                                                  capsys):
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    out = tmp_path / "pack.html"
    assert main(["report", "production", "--provider", PROVIDER, "--week", WEEK, "--out",
                 str(out), "--db", str(demo_db)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<script src=" not in text  # plotly is inlined: nothing to fetch
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("/usr/bin/chromium is missing: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert page.locator(".js-plotly-plot").count() == 3
        assert errors == []
        page.screenshot(path=str(Path(__file__).parent / "artifacts" / "production_pack.png"),
                        full_page=True)
        browser.close()
