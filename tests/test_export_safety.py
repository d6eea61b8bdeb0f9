"""Exports never execute: hostile names from real imports, through the real packs, read back.

A provider, queue, site or grid item named like a formula stays text in every Excel cell
(headers and sheet names included), a control character no longer fails the workbook, CSV
downloads neutralise formula-looking text, and the HTML pack and the wallboard escape it all.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from kpi.cli import main
from kpi.ingest.importer import import_export
from kpi.store import Store

PROVIDER = '=HYPERLINK("http://evil.example","click")'
SITE = "=1+1"
QUEUES = {  # as imported → as an Excel cell must show it
    "+cmd|' /C calc'!A0": "+cmd|' /C calc'!A0",
    "-1+2": "-1+2",
    "@SUM(A1:A9)": "@SUM(A1:A9)",
    "#N/A": "#N/A",  # an Excel error code, unless kept as text
    "Q\x01ctl\x1fend": "Qctlend",  # control characters openpyxl refuses
    '"><img src=x onerror=alert(1)>': '"><img src=x onerror=alert(1)>',
    "<script>alert(1)</script>": "<script>alert(1)</script>",
}
HOSTILE_MARKUP = ("<script>alert(1)", "<img src=x")


@pytest.fixture
def hostile_db(tmp_path):
    """A provider whose name, site and queues look like formulas and markup: one full week
    (Monday 2 to Friday 6 March 2026) imported through the real importer."""
    export = tmp_path / "hostile.csv"
    with open(export, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["contact_id", "provider", "site", "queue", "channel", "direction",
                         "arrived_at", "answered_at", "ended_at", "wait_s", "talk_s", "hold_s",
                         "acw_s", "agent_id"])
        n = 0
        for day in range(2, 7):
            for minute, queue in enumerate(QUEUES):
                for hour in (9, 14):
                    n += 1
                    writer.writerow([f"C{n}", PROVIDER, SITE, queue, "voice", "inbound",
                                     f"2026-03-0{day} {hour}:0{minute}:00",
                                     f"2026-03-0{day} {hour}:0{minute}:12",
                                     f"2026-03-0{day} {hour}:0{minute + 1}:30", 12, 60, 0, 18,
                                     "@agent"])
    db = tmp_path / "hostile.duckdb"
    with Store(db) as store:
        import_export(store, export)
    return db


def _every_cell(workbook):
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield sheet, cell


def _no_formula_anywhere(workbook) -> None:
    for sheet, cell in _every_cell(workbook):
        assert cell.data_type not in ("f", "e"), (sheet.title, cell.coordinate, cell.value)


def test_production_pack_keeps_hostile_names_as_text(hostile_db, tmp_path, capsys):
    out = tmp_path / "pack.xlsx"
    assert main(["report", "production", "--provider", PROVIDER, "--week", "2026-W10",
                 "--out", str(out), "--lang", "en", "--db", str(hostile_db)]) == 0, \
        capsys.readouterr().err
    workbook = load_workbook(out)
    _no_formula_anywhere(workbook)

    summary = workbook["Summary"]
    assert (summary["B2"].value, summary["B2"].data_type) == (PROVIDER, "s")
    assert PROVIDER in summary["B1"].value  # the pack's title, a header cell

    by_queue = workbook["By queue"]
    shown = {c.value: c.data_type for c in by_queue["A"][1:]}
    assert shown == {expected: "s" for expected in QUEUES.values()}
    by_site = workbook["By site"]
    assert (by_site["A2"].value, by_site["A2"].data_type) == (SITE, "s")


def test_html_pack_escapes_hostile_names(hostile_db, tmp_path, capsys):
    out = tmp_path / "pack.html"
    assert main(["report", "production", "--provider", PROVIDER, "--week", "2026-W10",
                 "--out", str(out), "--lang", "en", "--db", str(hostile_db)]) == 0, \
        capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    for markup in HOSTILE_MARKUP:
        assert markup not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert page.count("<script") == page.count("</script>")  # no script opened by data


def test_a_pack_file_stem_with_markup_cannot_reach_the_chart_script():
    """The PNG file name of each chart sits in plotly's configuration, inside a <script>:
    plotly does not escape it, so the stem is made a plain file name."""
    import plotly.graph_objects as go

    from kpi.reports.layout import Pack, Section
    from kpi.reports.pack_files import pack_html

    figure = go.Figure(go.Bar(x=["</script><script>alert(2)</script>"], y=[1]))
    pack = Pack("production", "T", [], [Section("s", "S", charts={"c": figure})], "en",
                "production_</script><script>alert(1)</script>_W1")
    page = pack_html(pack)
    assert "<script>alert(" not in page and "</script><script>" not in page
    assert pack.file_stem == "production_script_script_alert_1_script_W1"


def test_calibration_pack_grid_items_named_like_formulas_stay_text_in_headers(tmp_path):
    from kpi.quality.calibration import analyse_session, calibration_history
    from kpi.quality.grids import import_grid
    from kpi.reports.pack_files import pack_xlsx
    from kpi.reports.packs import calibration_pack

    items = ['=HYPERLINK("http://evil.example")', "@SUM(1,2)"]
    grid = tmp_path / "grid.csv"
    pd.DataFrame([{"grid": "G", "section": "S", "item": i, "max_score": 10,
                   "valid_from": "2026-01-01"} for i in items]).to_csv(grid, index=False)
    rows = []
    for contact in ("C1", "C2"):
        for who, base in (("R", 8), ("E1", 9), ("-E2", 5)):
            for offset, item in enumerate(items):
                rows.append({"evaluation_id": f"S-{contact}-{who}",
                             "evaluated_at": "2026-03-10 10:00:00", "agent_id": "AG1",
                             "evaluator": who, "contact_id": contact, "grid": "G",
                             "item": item, "score": base - offset, "max_score": 10,
                             "session_id": "=CAL", "is_reference": "yes" if who == "R"
                             else "no"})
    evaluations = tmp_path / "evaluations.csv"
    pd.DataFrame(rows).to_csv(evaluations, index=False)
    with Store(tmp_path / "cal.duckdb") as store:
        import_grid(store, grid)
        import_export(store, evaluations, provider=PROVIDER)
        result = analyse_session(store, "=CAL")
        per_evaluator, group = calibration_history([result])
    workbook = load_workbook(io.BytesIO(pack_xlsx(
        calibration_pack(result, per_evaluator, group, "en"))))
    _no_formula_anywhere(workbook)
    heatmap = next(ws for ws in workbook if ws.title.startswith("Gap to the reference by"))
    headers = {c.value: c.data_type for c in heatmap[1]}
    assert {i: headers.get(i) for i in items} == {i: "s" for i in items}
    evaluators = {c.value for c in heatmap["A"][1:]}
    assert "-E2" in evaluators


def test_sheet_titles_and_control_characters_never_break_a_workbook():
    from kpi.reports.layout import Pack, Section, text_table
    from kpi.reports.pack_files import pack_xlsx

    frame = pd.DataFrame({"=queue\x02": ["a\x00b", "=2*3"], "@n": [1, 2]})
    long_title = "By queue [=A]: */?\\ 'quoted' " + "x" * 40
    pack = Pack("production", "=cmd|'/C calc'!A0\x07", [("\x1bprovider", "=1+1")], [
        Section("a", long_title, text_table(frame)),
        Section("b", long_title, text_table(frame)),  # the same name twice
        Section("c", "'", text="note\x0bwith a vertical tab\nand a newline"),
    ], "en", "x")
    workbook = load_workbook(io.BytesIO(pack_xlsx(pack)))
    _no_formula_anywhere(workbook)
    names = workbook.sheetnames
    assert len(names) == 4 and len({n.lower() for n in names}) == 4
    for name in names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'") and name
    table = workbook[names[1]]
    assert [(c.value, c.data_type) for c in table[1]] == [("=queue", "s"), ("@n", "s")]
    assert [(c.value, c.data_type) for c in table["A"][1:]] == [("ab", "s"), ("=2*3", "s")]
    summary = workbook[names[0]]
    assert (summary["B1"].value, summary["B1"].data_type) == ("=cmd|'/C calc'!A0", "s")
    assert summary["A2"].value == "provider" and summary["B2"].data_type == "s"
    assert workbook[names[3]]["A2"].value == "notewith a vertical tab\nand a newline"


def test_explorer_workbook_and_csv_neutralise_hostile_names(hostile_db):
    """The KPI explorer's downloads, from the engine's table by queue."""
    from kpi.metrics.compile import KpiRequest
    from kpi.metrics.engine import compute_kpis
    from kpi.reports.excel import workbook_bytes
    from kpi.reports.safe_text import csv_bytes

    with Store(hostile_db) as store:
        table = compute_kpis(store, KpiRequest(("offered", "answer_rate"), "week",
                                               by=("provider", "queue"))).table()
    table.columns = [*table.columns[:-1], "=SUM(A:A)"]  # a header that looks like one too

    workbook = load_workbook(io.BytesIO(workbook_bytes({"=KPIs": table})))
    _no_formula_anywhere(workbook)
    sheet = workbook.worksheets[0]
    assert sheet.title == "=KPIs"  # a sheet name is never evaluated; it is valid as is
    header = [c.value for c in sheet[1]]
    assert header[-1] == "=SUM(A:A)"
    queues = {c.value for c in sheet["C"][1:]}
    assert queues == set(QUEUES.values())

    data = csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][-1] == "'=SUM(A:A)"
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    shown = {row[2] for row in rows[1:]}
    assert "'+cmd|' /C calc'!A0" in shown and "'-1+2" in shown and "'@SUM(A1:A9)" in shown
    assert "#N/A" in shown and "<script>alert(1)</script>" in shown
    assert {row[1] for row in rows[1:]} == {"'" + PROVIDER}
    offered = [float(row[3]) for row in rows[1:]]
    assert sum(offered) == 10 * len(QUEUES)  # numbers are still numbers


def test_wallboard_escapes_hostile_provider_and_queue_names(hostile_db):
    from kpi.live.board import TILES, board_state
    from kpi.live.board_html import board_html

    with Store(hostile_db) as store:
        state = board_state(store, PROVIDER, now=datetime(2026, 3, 6, 15, 0, tzinfo=UTC))
    page = board_html(state, TILES, "en")
    assert len(state.rows) == len(QUEUES)
    for markup in HOSTILE_MARKUP:
        assert markup not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)" in page
    titled = board_html(state, TILES, "en", title='<img src=x onerror="alert(3)">')
    assert "<img src=x" not in titled


def test_csv_safe_leaves_numbers_and_dates_alone():
    from kpi.reports.safe_text import csv_safe

    frame = pd.DataFrame({"n": [-1.5, 2.0], "d": pd.to_datetime(["2026-03-02", "2026-03-03"]),
                          "t": ["-3", "ok"], "b": [True, False]})
    safe = csv_safe(frame)
    assert safe.n.tolist() == [-1.5, 2.0] and safe.b.tolist() == [True, False]
    assert safe.d.tolist() == frame.d.tolist()
    assert safe.t.tolist() == ["'-3", "ok"]


def test_a_french_csv_download_opens_in_columns_in_a_french_spreadsheet():
    from kpi.reports.safe_text import csv_bytes

    frame = pd.DataFrame({"Fournisseur": ["Nordcall", "=cmd"], "Taux": [0.855, 1.0]})
    french = csv_bytes(frame, "fr")
    assert french.startswith("\ufeff".encode())  # Excel reads the accents
    # Read as a French Excel does: cells split on ';', decimal comma.
    lines = french.decode("utf-8-sig").splitlines()
    assert lines == ["Fournisseur;Taux", "Nordcall;0,855", "'=cmd;1,0"]
    english = csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert english == ["Fournisseur,Taux", "Nordcall,0.855", "'=cmd,1.0"]


def test_markdown_literal_shows_a_name_as_itself():
    from kpi.reports.safe_text import markdown_literal

    shown = markdown_literal("[click](http://evil.example) ![x](http://evil.example/p.png)"
                             " :red[alarm] $x$ <b>\n# title")
    for live in ("](", "![", ":red[", "$x$", "<b>", "\n"):
        assert live not in shown
    assert shown.replace("\\", "") == ("[click](http://evil.example) ![x](http://evil.example"
                                       "/p.png) :red[alarm] $x$ <b> # title")


def test_unknown_board_in_the_url_is_shown_as_text_not_markdown(hostile_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from .conftest import ROOT

    monkeypatch.setenv("COCKPIT_DB", str(hostile_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"lang": "en", "kiosk": "1",
                            "board": "[click](http://evil.example) **bold**"})
    at.run()
    assert not at.exception, at.exception
    (error,) = at.error
    assert "](" not in error.value and "**" not in error.value
    assert error.value.replace("\\", "") == \
        "No wallboard named [click](http://evil.example) **bold**."


@pytest.mark.parametrize("refresh,expected", [
    ("0", 5), ("1", 5), ("-3", 5), ("10", 10), ("12.6", 13), ("60", 60), ("99999", 60),
    ("abc", 15), ("nan", 15), ("inf", 15), ("", 15), (None, 15)])
def test_refresh_from_the_url_is_clamped_into_its_range(refresh, expected):
    from kpi.live.boards import REFRESH_RANGE, board_from_query

    params = {"provider": "<b>x</b>"} | ({"refresh": refresh} if refresh is not None else {})
    board = board_from_query(params, ["A"])
    assert board.refresh_s == expected
    assert REFRESH_RANGE[0] <= board.refresh_s <= REFRESH_RANGE[1]
    assert board.scopes[0].provider == "<b>x</b>"  # data, kept as is for the query


def test_pack_dates_survive(hostile_db, tmp_path):
    """Dates stay dates, not text, after the text guard (day-by-day sheet)."""
    from kpi.reports.pack_files import pack_xlsx
    from kpi.reports.packs import production_pack
    from kpi.reports.production import production_committee

    with Store(hostile_db) as store:
        data = pack_xlsx(production_pack(production_committee(store, PROVIDER,
                                                              date(2026, 3, 2)), "en"))
    sheet = load_workbook(io.BytesIO(data))["Day by day"]
    days = [c.value for c in sheet["A"][1:] if c.value is not None]
    assert days and all(isinstance(d, datetime) for d in days)
