"""The real Streamlit app, page by page, through AppTest, on a real database file."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kpi import clock
from kpi.ingest.importer import import_export
from kpi.store import Store

from .conftest import DATA, ROOT, SHARED

PAGES = ["app_pages/home.py", "app_pages/import_exports.py", "app_pages/data_overview.py",
         "app_pages/production_committee.py", "app_pages/steering_committee.py",
         "app_pages/strategic_committee.py"]


@pytest.fixture
def small_db(db_path, monkeypatch):
    """Two small exports and a real month of the bank log (with its two gap days)."""
    with Store(db_path) as store:
        import_export(store, DATA / "contacts_generic.csv")
        import_export(store, DATA / "intervals.csv", provider="Acme")
        import_export(store, SHARED / "anonymous-bank-1999-01" / "january.txt",
                      provider="Anonymous Bank")
    monkeypatch.setenv("COCKPIT_DB", str(db_path))
    return db_path


def open_page(page: str, lang: str = "fr") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_runs_without_error(small_db, page, lang):
    at = open_page(page, lang)
    assert at.title


def test_home_shows_what_is_loaded(small_db):
    at = open_page("app_pages/home.py")
    metrics = {m.label: m.value for m in at.metric}
    with Store(small_db) as store:
        contacts = store.scalar("SELECT count(*) FROM contacts")
    # 6 generic contacts + the January bank calls offered to the queue, French grouping.
    assert metrics["Contacts"] == f"{contacts:,}".replace(",", "\u202f")
    assert metrics["Prestataires"] == "2"
    assert metrics["Imports"] == "3"
    assert metrics["Période couverte"] == "01/01/1999 → 03/03/2026"


def test_home_in_english(small_db):
    at = open_page("app_pages/home.py", "en")
    assert at.title[0].value == "Steering cockpit"
    assert {m.label for m in at.metric} >= {"Providers", "Contacts", "Period covered"}


def test_data_page_lists_holdings_and_the_bank_gap_days(small_db):
    at = open_page("app_pages/data_overview.py", "en")
    table = at.dataframe[0].value
    assert set(table["Provider"]) == {"Acme", "Anonymous Bank"}
    at.selectbox[0].set_value("Anonymous Bank").run()
    warning = at.warning[0].value
    assert "1999-01-12" in warning and "Missing days" in warning


def test_import_page_previews_then_imports_an_uploaded_file(small_db):
    at = open_page("app_pages/import_exports.py", "en")
    content = (DATA / "five9_call_log.csv").read_bytes()
    at.file_uploader[0].set_value(("sunline_w10.csv", content, "text/csv")).run()
    # No provider column in a Five9 log and none chosen: the dry run says what is missing.
    assert "provider" in at.code[0].value
    at.selectbox[0].set_value("Acme").run()
    assert "Five9 call log" in at.success[0].value and "3 rows" in at.success[0].value
    with Store(small_db) as store:
        assert store.scalar("SELECT count(*) FROM contacts WHERE contact_id = 'F1'") == 0
    next(b for b in at.button if b.label.startswith("Import 1")).click().run()
    assert any("Import finished" in s.value for s in at.success)
    with Store(small_db) as store:
        assert store.scalar("SELECT provider FROM contacts WHERE contact_id = 'F1'") == "Acme"


def test_import_page_shows_the_precise_error_of_a_bad_file(small_db):
    at = open_page("app_pages/import_exports.py", "en")
    at.file_uploader[0].set_value(("bad.csv", (DATA / "bad" / "bad_duration.csv").read_bytes(),
                                   "text/csv")).run()
    assert at.error[0].value == "Refused: nothing was imported."
    assert "bad.csv, row 2, column wait_s: expected seconds or hh:mm:ss, found '4 min'" in \
        at.code[0].value


def test_import_page_undo(small_db):
    at = open_page("app_pages/import_exports.py", "en")
    undo = next(s for s in at.selectbox if s.label == "Undo an import")
    undo.set_value(1).run()
    next(b for b in at.button if b.label == "Undo import #1").click().run()
    with Store(small_db) as store:
        assert store.scalar("SELECT status FROM imports WHERE import_id = 1") == "undone"
        assert store.scalar("SELECT count(*) FROM contacts WHERE provider = 'Acme'") == 0


def test_unknown_layout_is_mapped_once_in_the_page_then_recognised(small_db):
    at = open_page("app_pages/import_exports.py", "en")
    export = b"Ticket;Skill group;Received\nT1;Billing;02/03/2026 10:00:00\n"
    at.file_uploader[0].set_value(("crm.csv", export, "text/csv")).run()
    assert "known export layout" in at.code[0].value
    at.selectbox(key="map-contacts-contact_id").set_value("Ticket").run()
    at.selectbox(key="map-contacts-queue").set_value("Skill group").run()
    at.selectbox(key="map-contacts-arrived_at").set_value("Received").run()
    next(t for t in at.text_input if t.label == "Profile name").input("crm_tickets").run()
    at.selectbox[0].set_value("Acme").run()
    next(b for b in at.button if b.label == "Save the mapping").click().run()
    assert not at.exception
    assert "crm.csv: Saved mapping 'crm_tickets' · Contacts · 1 rows" in at.success[0].value


def test_kpi_explorer_shows_the_engines_numbers_and_the_sl_definition(small_db):
    from datetime import date

    from kpi.metrics.compile import KpiRequest
    from kpi.metrics.engine import compute_kpis

    at = open_page("app_pages/kpi_explorer.py", "en")
    at.date_input[0].set_value((date(1999, 1, 1), date(1999, 1, 31))).run()
    assert not at.exception
    assert "SL 20 s, net of short abandons < 5 s" in at.caption[0].value
    shown = at.dataframe[0].value
    with Store(small_db) as store:
        expected = compute_kpis(store, KpiRequest(
            ("service_level", "answer_rate", "asa_s"), "week", ("provider",),
            date(1999, 1, 1), date(1999, 1, 31))).table()
    assert shown.service_level.tolist() == expected.service_level.tolist()
    assert len(at.get("plotly_chart")) == 3


def test_settings_page_saves_a_queue_override_and_refuses_a_bad_zone(small_db):
    import pandas as pd

    from kpi.provider_settings import (
        InvalidSetting,
        provider_settings,
        save_provider_settings,
        save_queue_settings,
        sl_definition,
    )

    at = open_page("app_pages/settings.py", "en")
    assert "SL 20 s, net of short abandons < 5 s" in at.info[0].value
    with Store(small_db) as store:
        table = provider_settings(store)
        table.loc[0, "time_zone"] = "Mars/Olympus"
        with pytest.raises(InvalidSetting, match="unknown time zone 'Mars/Olympus'"):
            save_provider_settings(store, table)
        save_queue_settings(store, pd.DataFrame([{
            "provider": "Acme", "queue": "Billing", "sl_threshold_s": 30,
            "short_abandon_s": None, "repeat_window_days": None, "sl_variant": "offered"}]))
        assert "SL 30 s, of offered contacts" in sl_definition(store, ["Acme"])


def test_settings_editors_name_the_sl_definitions_in_french(small_db):
    at = open_page("app_pages/settings.py", "fr")
    editor = next(e for e in at.data_editor if e.key == "queue_settings")
    columns = _editor_columns(editor)
    variants = {o["value"]: o["label"] for o in columns["sl_variant"]["type_config"]["options"]}
    assert variants["net"] == "hors abandons courts"
    assert variants["offered"] == "sur les présentés"
    assert editor.proto.placeholder == ""  # an empty cell inherits: blank, not 'None'


def test_targets_page_shows_checks_and_attainment(small_db):
    from datetime import date

    import pandas as pd

    from kpi.governance.targets import save_targets

    with Store(small_db) as store:
        save_targets(store, pd.DataFrame([{
            "kpi": "answer_rate", "provider": "Acme", "value": 0.8, "start": date(2026, 3, 1),
            "deadline": date(2026, 3, 31), "priority": 1, "rationale": "R"}]))
    at = open_page("app_pages/targets.py", "en")
    checks, summary = at.dataframe[1].value, at.dataframe[2].value
    assert checks["Specific"].tolist() == [True]
    summary = summary.data if hasattr(summary, "data") else summary
    assert summary["Status"].tolist() == ["missed"]
    assert summary["Last week"].tolist() == ["75.0%"]


def _editor_columns(editor) -> dict:
    """The column configuration an editor sends the browser (labels, options, formats)."""
    import json

    return json.loads(editor.proto.columns)


def test_targets_editor_speaks_the_pilots_words_in_french(small_db):
    with Store(small_db) as store:
        save_targets_of(store)
    at = open_page("app_pages/targets.py", "fr")
    editor = at.data_editor[0]
    shown = editor.value
    # 0.8 in %, 20 s as it is, written as French writes them (Streamlit's number cells would
    # write 80.0 whatever the language: a text cell, read back by kpi.editing).
    assert shown["value"].tolist() == ["80,0", "20,0"]
    assert shown["unit"].tolist() == ["%", "s"]
    columns = _editor_columns(editor)
    kpis = {o["value"]: o["label"] for o in columns["kpi"]["type_config"]["options"]}
    assert kpis["answer_rate"] == "Taux de décroché"
    signs = {o["value"]: o["label"] for o in columns["comparator"]["type_config"]["options"]}
    assert signs == {">=": "≥", "<=": "≤"}
    assert columns["value"]["type_config"]["type"] == "text"
    assert columns["unit"]["disabled"] is True
    assert editor.proto.placeholder == ""  # empty cells blank, not 'None'
    summary = at.dataframe[2].value
    summary = summary.data if hasattr(summary, "data") else summary
    assert summary["Objectif"].tolist() == ["≥ 80,0\u202f%", "≤ 20,0\u202fs"]


def save_targets_of(store) -> None:
    from kpi.governance.targets import save_targets

    save_targets(store, pd.DataFrame([
        {"kpi": "answer_rate", "provider": "Acme", "comparator": ">=", "value": 0.8,
         "start": date(2026, 3, 1), "deadline": date(2026, 3, 31), "priority": 1},
        {"kpi": "asa_s", "provider": "Acme", "comparator": "<=", "value": 20.0,
         "start": date(2026, 3, 1), "deadline": date(2026, 3, 31), "priority": 2}]))


def test_a_target_edited_in_percent_is_saved_as_a_fraction(small_db):
    with Store(small_db) as store:
        save_targets_of(store)
    at = open_page("app_pages/targets.py", "en")
    assert at.data_editor[0].value["kpi"].tolist() == ["answer_rate", "asa_s"]
    at.session_state["targets"] = {"edited_rows": {0: {"value": 85.5}}, "added_rows": [],
                                   "deleted_rows": []}
    next(b for b in at.button if b.label == "Save the register").click().run()
    assert not at.exception and not at.error
    with Store(small_db) as store:
        stored = store.read("SELECT kpi, value FROM targets ORDER BY priority")
    assert stored.value.tolist() == [0.855, 20.0]


def test_production_committee_page_on_the_demo(demo_db, monkeypatch, demo_clock):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/production_committee.py", "en")
    assert at.title[0].value == "Weekly production committee"
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table
    assert "Service level" in table["KPI"].tolist()
    assert any("overdue" in e.value for e in at.error)
    assert len(at.get("plotly_chart")) == 3


def test_action_plan_creates_an_action_from_a_missed_target(demo_db, monkeypatch, demo_clock):
    from kpi.governance.actions import list_actions

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/action_plan.py", "en")
    assert "overdue" in at.error[0].value
    with Store(demo_db) as store:
        before = len(list_actions(store))
    next(b for b in at.button if b.label == "Create an action").click().run()
    assert not at.exception
    with Store(demo_db) as store:
        actions = list_actions(store)
    assert len(actions) == before + 1
    assert actions.title.str.startswith("Bring ").any()


def test_action_plan_editor_shows_statuses_sides_and_kpis_in_words(demo_db, monkeypatch,
                                                                   demo_clock):
    from kpi.governance.actions import list_actions

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/action_plan.py", "fr")
    editor = at.data_editor[0]
    columns = _editor_columns(editor)

    def labels(name: str) -> dict:
        return {o["value"]: o["label"] for o in columns[name]["type_config"]["options"]}

    assert labels("status") == {"open": "ouverte", "in progress": "en cours", "done": "faite",
                                "dropped": "abandonnée"}
    assert labels("owner_side")["provider"] == "prestataire"
    assert labels("origin")["steering"] == "comité de pilotage"
    assert labels("kpi")["service_level"] == "Niveau de service"
    assert editor.proto.placeholder == ""
    assert any(" ≥ " in m.value or " ≤ " in m.value for m in at.markdown
               if "·" in m.value)  # an action from a missed target: ≥ 80,0 %, not >= 0.8
    with Store(demo_db) as store:
        before = list_actions(store)
    next(b for b in at.button if b.label == "Enregistrer").click().run()
    assert not at.exception
    with Store(demo_db) as store:
        after = list_actions(store)
    assert after.status.tolist() == before.status.tolist()  # ids stored, not words


def test_feedback_log_page_lists_and_flags_open_items(demo_db, monkeypatch):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/feedback_log.py", "fr")
    assert at.title[0].value == "Remontées du prestataire"
    assert "encore ouverte" in at.warning[0].value
    columns = _editor_columns(at.data_editor[0])
    kinds = {o["value"]: o["label"] for o in columns["kind"]["type_config"]["options"]}
    statuses = {o["value"]: o["label"] for o in columns["status"]["type_config"]["options"]}
    assert kinds["customer insight"] == "retour client" and statuses["open"] == "ouvert"
    assert at.data_editor[0].proto.placeholder == ""


def test_steering_committee_page_on_the_demo(demo_db, monkeypatch, demo_clock):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/steering_committee.py", "en")
    assert at.title[0].value == "Monthly steering committee"
    # On the demo's day (18 March 2026) the last complete month is February; March, the
    # month of the floor visit, is decoded on demand.
    assert at.selectbox[1].value == date(2026, 2, 1)
    at.selectbox[1].select(date(2026, 3, 1)).run()
    assert not at.exception
    attainment = at.dataframe[0].value
    attainment = attainment.data if hasattr(attainment, "data") else attainment
    assert "Service level" in attainment["KPI"].tolist()
    # Eight 12-month trends in one figure, and the data around the latest floor visit
    # (Nantes, 2026-03-10).
    charts = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(charts) == 2
    titles = [a["text"] for a in charts[0]["layout"]["annotations"] if a["yref"] == "paper"]
    assert len(titles) == 8 and "Service level" in titles
    targets = [a for a in charts[0]["layout"]["annotations"] if a["yref"] != "paper"]
    assert targets and all(a["text"] == "Target" for a in targets)  # the targets, dashed
    assert any(h.value.startswith("Latest calibration session — AT-CAL-")
               for h in at.subheader)
    assert "Latest floor visit — Nantes" in [h.value for h in at.subheader]


def test_strategic_committee_page_compares_providers_and_adopts_a_proposal(demo_db,
                                                                           monkeypatch,
                                                                           demo_clock):
    from kpi.governance.targets import list_targets

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/strategic_committee.py", "en")
    assert at.title[0].value == "Strategic committee"
    assert at.selectbox[0].value.label == "2025-Q4"  # the last quarter the data covers
    ranking = at.dataframe[1].value
    ranking = ranking.data if hasattr(ranking, "data") else ranking
    assert sorted(ranking["Provider"]) == ["Atlantic Relation", "Nordcall", "Sunline BPO"]
    # The comparison's small multiples, the ten KPIs' twelve months as one figure of ten
    # small charts (one figure draws faster than ten), the volume.
    charts = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    assert len(charts) == 3
    titles = [a["text"] for a in charts[1]["layout"]["annotations"]]
    assert titles[:2] == ["Offered", "Answer rate"] and len(titles) == 10
    assert {trace["name"] for trace in charts[1]["data"]} == {
        "Atlantic Relation", "Nordcall", "Sunline BPO"}
    with Store(demo_db) as store:
        before = len(list_targets(store))
    picker = at.multiselect[1]
    first = picker.options[0]
    assert first.startswith("Atlantic Relation · ≥ ")
    picker.select(first).run()
    next(b for b in at.button if b.label.startswith("Add the chosen")).click().run()
    assert not at.exception
    assert "1 target added to the register for 2026-Q1" in at.success[0].value
    with Store(demo_db) as store:
        register = list_targets(store)
    assert len(register) == before + 1
    assert register.start.max().isoformat() == "2026-01-01"

    next(r for r in at.radio if r.label == "Kind").set_value("half").run()
    assert not at.exception and at.selectbox[0].value.label == "2025-H2"


def _fresh_snapshot(db, waiting: int) -> None:
    """A real-time snapshot of right now (the clock's) for Atlantic Relation, through the
    importer."""
    from zoneinfo import ZoneInfo

    import pandas as pd

    now = clock.now(ZoneInfo("Europe/Paris")).replace(tzinfo=None, microsecond=0)
    path = db.parent / "now.csv"
    pd.DataFrame([{"at": f"{now:%Y-%m-%d %H:%M:%S}", "queue": q, "waiting": waiting,
                   "longest_wait_s": 12, "agents_on_contact": 5, "agents_available": 2,
                   "agents_paused": 1} for q in ("Facturation", "Ventes")]).to_csv(path,
                                                                                 index=False)
    with Store(db) as store:
        import_export(store, path, provider="Atlantic Relation")


def _tile_colours(at) -> dict[str, str]:
    import re

    body = at.get("html")[0].proto.body
    return dict(re.findall(r'data-tile="(\w+)" data-colour="(\w+)"', body))


def test_wallboard_colours_follow_the_default_thresholds_or_the_boards_own(demo_db,
                                                                           monkeypatch):
    from kpi.live.board import Threshold
    from kpi.live.boards import BoardConfig, Scope, save_board

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    _fresh_snapshot(demo_db, 6)  # 12 waiting over two queues: red under the default 3/10
    with Store(demo_db) as store:
        save_board(store, BoardConfig("Calm floor", [Scope("Atlantic Relation")],
                                      thresholds={"waiting": Threshold("lower", 15, 30)}))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"lang": "en", "kiosk": "1", "provider": "Atlantic Relation"})
    at.run()
    assert not at.exception and not at.title and not at.radio  # kiosk: the board only
    body = at.get("html")[0].proto.body
    assert ">12<" in body and "data at" in body and 'data-state="stale"' not in body
    assert _tile_colours(at)["waiting"] == "red"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"lang": "en", "kiosk": "1", "board": "Calm floor"})
    at.run()
    assert _tile_colours(at)["waiting"] == "green"


def test_wallboard_editor_saves_a_board_opened_by_its_url(demo_db, monkeypatch):
    from kpi.live.boards import load_board

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/wallboard_editor.py", "en")
    at.text_input[0].input("Floor Nantes").run()
    at.multiselect[0].select("Nordcall").run()
    at.slider[0].set_value(10).run()
    next(b for b in at.button if b.label == "Save the board").click().run()
    assert not at.exception
    with Store(demo_db) as store:
        board = load_board(store, "Floor Nantes")
    assert [s.provider for s in board.scopes] == ["Atlantic Relation", "Nordcall"]
    assert board.refresh_s == 10
    at = open_page("app_pages/wallboard.py", "en")
    from kpi.demo import PROVIDERS  # the demo saves one board per provider's floor

    assert at.selectbox[0].options == ["(choose below)", *sorted(
        ["Floor Nantes", *(f"Floor {p.name}" for p in PROVIDERS)])]
    assert "/wallboard?provider=Atlantic+Relation&kiosk=1&lang=en" in at.code[0].value


def test_wallboard_thresholds_are_typed_in_percent_and_saved_as_fractions(demo_db,
                                                                         monkeypatch):
    from kpi.live.board import TILES
    from kpi.live.boards import load_board

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/wallboard_editor.py", "fr")
    editor = at.data_editor[0]
    assert editor.key == "board--fr-limits"
    shown = editor.value.set_index("tile")
    assert shown.loc["service_level", "unit"] == "%"
    assert shown.loc["longest_wait_s", "unit"] == "s"
    assert shown.loc["waiting", "unit"] == ""
    columns = _editor_columns(editor)
    better = {o["value"]: o["label"] for o in columns["better"]["type_config"]["options"]}
    assert better == {"higher": "plus haut ≥", "lower": "plus bas ≤"}
    at.text_input[0].input("Plateau").run()
    row, wait = TILES.index("service_level"), TILES.index("longest_wait_s")
    at.session_state["board--fr-limits"] = {
        "edited_rows": {row: {"green": "85", "red": "72,5"}, wait: {"green": "20",
                                                                    "red": "45,0"}},
        "added_rows": [], "deleted_rows": []}
    next(b for b in at.button if b.label == "Enregistrer le mur").click().run()
    assert not at.exception
    with Store(demo_db) as store:
        board = load_board(store, "Plateau")
    level = board.thresholds["service_level"]
    assert (level.better, level.green, level.red) == ("higher", 0.85, 0.725)
    assert (board.thresholds["longest_wait_s"].green, board.thresholds["longest_wait_s"].red
            ) == (20, 45)


def test_calibration_page_shows_the_latest_session_with_agreement(demo_db, monkeypatch):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/calibration.py", "en")
    assert at.title[0].value == "Calibration session"
    assert at.selectbox[1].value == "AT-CAL-2026-03"  # the newest session first
    assert [m.label for m in at.metric][:2] == ["ICC(2,1)", "Krippendorff α"]
    ranking = at.dataframe[0].value
    ranking = ranking.data if hasattr(ranking, "data") else ranking
    assert set(ranking["Evaluator"]) == {"M. Bernard", "S. Diallo", "L. Martin"}
    assert len(at.get("plotly_chart")) == 3  # heat map, drift, group agreement


def test_quality_page_records_an_evaluation_on_the_grid(demo_db, monkeypatch):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/quality.py", "en")
    assert at.title[0].value == "Quality"
    with Store(demo_db) as store:
        before = store.scalar("SELECT count(DISTINCT evaluation_id) FROM evaluations")
    evaluator = next(t for t in at.text_input if t.label == "Evaluator")
    evaluator.input("Q. Lead")
    next(b for b in at.button if b.label == "Record the evaluation").click().run()
    assert not at.exception and "import #" in at.success[0].value
    with Store(demo_db) as store:
        assert store.scalar("SELECT count(DISTINCT evaluation_id) FROM evaluations") == \
            before + 1


def test_quality_grid_editor_speaks_french_with_blank_empty_cells(demo_db, monkeypatch):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/quality.py", "fr")
    editor = next(e for e in at.data_editor if e.key.startswith("grid-"))
    columns = _editor_columns(editor)
    assert columns["max_score"]["label"] == "Note maximale"
    assert columns["section"]["label"] == "Rubrique"
    assert editor.proto.placeholder == ""


def test_red_flags_page_shows_the_struggling_providers_evidence(demo_db, monkeypatch):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/red_flags.py", "en")
    assert at.title[0].value == "Red flags"
    sunline = next(i for i, h in enumerate(at.subheader) if h.value.startswith("Sunline BPO"))
    assert int(at.subheader[sunline].value.split("— ")[1]) > 0
    tables = [t.value.data if hasattr(t.value, "data") else t.value for t in at.dataframe]
    shown = pd.concat(tables)
    assert "Traceability under threshold" in shown["Flag"].tolist()
    assert shown["Evidence"].str.contains("handled contacts with a reason").any()


def test_red_flag_thresholds_are_typed_in_percent_and_stored_as_fractions(demo_db,
                                                                            monkeypatch):
    from kpi.flags import thresholds

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/red_flags.py", "fr")
    traceability = next(n for n in at.number_input
                        if n.label == "Qualification insuffisante (%)")
    assert traceability.value == 90.0  # the default 0.90
    stale = next(n for n in at.number_input if n.label == "Flux interrompu (j)")
    assert stale.value == 2.0
    traceability.set_value(85.5).run()
    next(b for b in at.button if b.label.startswith("Enregistrer")).click().run()
    assert not at.exception
    with Store(demo_db) as store:
        limits = thresholds(store)
    assert limits["traceability_low"] == 0.855
    assert limits["stale_feed"] == 2.0 and limits["overstaffed"] == 1.3


def test_incentives_page_states_the_month_and_simulates(demo_db, monkeypatch, demo_clock):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/incentives.py", "en")
    assert at.title[0].value == "Bonus / malus"
    # The last month over by the calendar on the demo's day (its data end on 18 March).
    assert at.selectbox[1].value == "2026-02"
    amount = at.metric[0].value
    assert at.metric[3].label == "Simulated amount" and at.metric[3].value == amount
    slider = next(s for s in at.select_slider if s.label == "Service level")
    # At its best (the demo's scheme scores it from 70 % to 90 %: its slider runs to 100 %),
    # the amount cannot go down.
    slider.set_value(1.0).run()
    assert not at.exception

    def euros(text: str) -> float:  # €168,496.83
        assert text.startswith("€")
        return float(text[1:].replace(",", ""))

    assert euros(at.metric[3].value) >= euros(amount)
    assert any("late" in e.value for e in at.error)  # the demo's unpaid month


def test_scheme_editor_shows_rates_in_percent_and_saves_fractions(demo_db, monkeypatch,
                                                                  demo_clock):
    from kpi.incentives.statement import list_schemes

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = open_page("app_pages/incentives.py", "fr")
    provider = at.selectbox[0].value
    with Store(demo_db) as store:
        before = list_schemes(store, provider)[-1]
    editor = next(e for e in at.data_editor if e.key == f"scheme-{provider}")
    shown = editor.value
    line = before.lines[0]
    assert shown["kpi"].tolist()[0] == line.kpi
    assert shown["unit"].tolist()[0] == "%"  # the demo's first line is a rate
    assert shown["target"].tolist()[0] == f"{line.target * 100:.1f}".replace(".", ",")
    columns = _editor_columns(editor)
    labels = {o["value"]: o["label"] for o in columns["kpi"]["type_config"]["options"]}
    assert labels["service_level"] == "Niveau de service"
    at.session_state[f"scheme-{provider}"] = {
        "edited_rows": {0: {"target": f"{line.target * 100 + 1:.1f}".replace(".", ",")}},
        "added_rows": [],
        "deleted_rows": []}
    next(b for b in at.button if b.label == "Enregistrer le dispositif").click().run()
    assert not at.exception and not [e for e in at.error if "retard" not in e.value]
    with Store(demo_db) as store:
        after = list_schemes(store, provider)[-1]
    assert after.lines[0].target == round(line.target + 0.01, 10)
    assert after.lines[1:] == before.lines[1:]  # untouched lines stored as they were
    # The scheme's shares are typed in % too, and stored as the same fractions.
    risk = next(n for n in at.number_input if n.label == "Part variable (%)")
    assert risk.value == round(before.at_risk_share * 100, 8)
    assert (after.at_risk_share, after.bonus_cap, after.malus_cap, after.quality_gate,
            after.volume_band) == (before.at_risk_share, before.bonus_cap, before.malus_cap,
                                   before.quality_gate, before.volume_band)
