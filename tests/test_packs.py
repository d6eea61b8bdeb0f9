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
# The packs are the demo's committees as of its day, whatever the date the suite runs on.
pytestmark = pytest.mark.usefixtures("demo_clock")


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
    from kpi.reports.pack_files import pack_xlsx
    from kpi.reports.packs import production_pack
    from kpi.reports.production import production_committee

    with Store(demo_db) as store:
        data = pack_xlsx(production_pack(production_committee(store, PROVIDER,
                                                              date(2026, 3, 9)), "fr"))
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
    # The pack is French by default: its charts write 1 234,5 (plotly's separators).
    assert text.count('"separators":",\u202f"') == 3
    english = tmp_path / "pack_en.html"
    assert main(["report", "production", "--provider", PROVIDER, "--week", WEEK, "--out",
                 str(english), "--db", str(demo_db), "--lang", "en"]) == 0
    assert english.read_text(encoding="utf-8").count('"separators":".,"') == 3
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


def _kpis(capsys, db, *args) -> list[dict]:
    capsys.readouterr()
    assert main(["kpis", *args, "--format", "json", "--db", str(db)]) == 0
    return json.loads(capsys.readouterr().out)


def _number(value):
    """A workbook cell as a number: Excel times back to seconds."""
    return value.total_seconds() if isinstance(value, timedelta) else value


def _sheet_records(sheet) -> list[dict]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)]


def _same(got, expected) -> bool:
    if expected is None:
        return got is None
    return got == pytest.approx(expected, abs=1e-3)


def test_steering_pack_figures_equal_cockpit_kpis(demo_db, tmp_path, capsys):
    from kpi.metrics.registry import KPI_BY_ID
    from kpi.reports.steering import TREND_KPIS

    out = tmp_path / "steering.xlsx"
    assert main(["report", "steering", "--provider", PROVIDER, "--month", "2026-02", "--out",
                 str(out), "--lang", "en", "--db", str(demo_db)]) == 0
    monthly = {r["period_start"][:7]: r for r in _kpis(
        capsys, demo_db, "--grain", "month", "--by", "provider", "--from", "2025-03-01",
        "--to", "2026-02-28") if r["provider"] == PROVIDER}
    workbook = load_workbook(out)
    checked = 0
    for record in _sheet_records(workbook["Twelve months, with targets"]):
        month = record["Month"].strftime("%Y-%m")
        for kpi in TREND_KPIS:
            assert _same(_number(record[KPI_BY_ID[kpi].label("en")]), monthly[month][kpi]), \
                (month, kpi)
            checked += 1
    assert checked == len(monthly) * len(TREND_KPIS) > 0
    february = monthly["2026-02"]
    attainment = _sheet_records(workbook["Targets this month"])
    assert attainment and all(_same(_number(r["This month"]), february[r["id"]])
                              for r in attainment)
    by_team = {r["team"]: r for r in _kpis(
        capsys, demo_db, "--grain", "month", "--by", "provider,team", "--from", "2026-02-01",
        "--to", "2026-02-28", "--kpi", "offered,answer_rate,aht_s")
        if r["provider"] == PROVIDER}
    for record in _sheet_records(workbook["By team"]):
        team = None if record["Team"] == "No agent (not answered)" else record["Team"]
        assert record["Offered"] == by_team[team]["offered"]
        assert _same(_number(record["Average handling time"]), by_team[team]["aht_s"])
    status = workbook["Targets this month"]["D2"]
    assert status.value in ("met", "missed") and status.fill.fgColor.rgb.endswith(
        "D4EDDA" if status.value == "met" else "F8D7DA")
    assert workbook["Targets this month"].freeze_panes == "B2"


def _months_held(db, months: list[dict], provider: str, first: str, last: str) -> float:
    """The months with data from `first` to `last`, each whole, except a month the
    provider's contacts start or end inside (more than 3 days from its edge), which counts
    its share of days from the first or to the last contact day."""
    with Store(db) as store:
        first_day, last_day = store.rows(
            "SELECT CAST(min(arrived_local) AS DATE), CAST(max(arrived_local) AS DATE) "
            "FROM contacts WHERE provider = ?", [provider])[1][0]
    held = 0.0
    for m in months:
        if m["provider"] != provider or not first <= m["period_start"] <= last:
            continue
        start = date.fromisoformat(m["period_start"])
        end = (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        covered_from = first_day if (first_day - start).days > 3 else start
        covered_to = last_day if (end - last_day).days > 3 else end
        held += ((min(end, covered_to) - max(start, covered_from)).days + 1) / end.day
    return held


def test_strategic_pack_figures_equal_cockpit_kpis(demo_db, tmp_path, capsys):
    from kpi.metrics.registry import KPI_BY_ID
    from kpi.reports.strategic import STRATEGIC_KPIS

    out = tmp_path / "strategic.xlsx"
    assert main(["report", "strategic", "--quarter", "2025-Q4", "--out", str(out), "--lang",
                 "en", "--db", str(demo_db)]) == 0
    # The quarter grain is computed by the engine directly; the committee sums months.
    quarters = {(r["provider"], r["period_start"]): r for r in _kpis(
        capsys, demo_db, "--grain", "quarter", "--by", "provider", "--from", "2025-07-01",
        "--to", "2025-12-31")}
    months = _kpis(capsys, demo_db, "--grain", "month", "--by", "provider", "--from",
                   "2025-07-01", "--to", "2025-12-31", "--kpi", "offered")
    workbook = load_workbook(out)
    sheet = _sheet_records(workbook["Against 2025-Q3"])
    providers = sorted({p for p, _ in quarters})
    assert len(sheet) == len(STRATEGIC_KPIS) and len(providers) == 3
    for record in sheet:
        kpi = record["id"]
        for provider in providers:
            this = quarters[(provider, "2025-10-01")][kpi]
            before = quarters[(provider, "2025-07-01")][kpi]
            if kpi == "offered":  # compared per month of data
                this /= _months_held(demo_db, months, provider, "2025-10-01", "2025-12-01")
                before /= _months_held(demo_db, months, provider, "2025-07-01", "2025-09-01")
            assert _same(_number(record[f"{provider} 2025-Q4"]), this), (kpi, provider)
            delta = None if this is None or before is None else this - before
            # A signed duration stays in seconds (a negative Excel time would show ####).
            assert _same(record[f"{provider} Δ 2025-Q3"], delta), (kpi, provider)
    ranking = _sheet_records(workbook["Ranking"])
    service = KPI_BY_ID["service_level"].label("en")
    assert [r["Provider"] for r in ranking] != [] and {r["Provider"] for r in ranking} == \
        set(providers)
    for record in ranking:
        assert _same(record[service], quarters[(record["Provider"], "2025-10-01")]
                     ["service_level"])


@pytest.mark.parametrize("args,message", [
    (["steering", "--provider", "Nobody", "--month", "2026-01"], "unknown provider 'Nobody'"),
    (["steering", "--provider", PROVIDER, "--month", "2019-01"], "no data in 2019-01"),
    (["steering", "--provider", PROVIDER], "needs --month 2026-01"),
    (["strategic", "--quarter", "2025-Q4", "--provider", "Nobody"], "unknown provider"),
    (["strategic", "--quarter", "2019-Q1"], "no complete quarter 2019-Q1"),
    (["strategic", "--quarter", "2026-Q9"], "expected a quarter like 2026-Q1"),
    (["strategic"], "give --quarter 2026-Q1 or --half 2026-H1"),
])
def test_steering_and_strategic_reports_refuse_clearly(demo_db, tmp_path, capsys, args,
                                                       message):
    out = tmp_path / "x.html"
    assert main(["report", *args, "--out", str(out), "--db", str(demo_db)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("args,charts", [
    (["steering", "--provider", PROVIDER, "--month", "2026-02"], 1),
    (["strategic", "--quarter", "2025-Q4"], 3),
])
def test_steering_and_strategic_html_packs_render_offline(demo_db, tmp_path, args, charts):
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    out = tmp_path / f"{args[0]}.html"
    assert main(["report", *args, "--out", str(out), "--db", str(demo_db)]) == 0
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("/usr/bin/chromium is missing: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000}) \
            .new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert page.locator(".js-plotly-plot").count() == charts
        assert errors == []
        page.screenshot(path=str(Path(__file__).parent / "artifacts" /
                                 f"{args[0]}_pack_fr.png"), full_page=True)
        browser.close()
