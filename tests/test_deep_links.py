"""Deep links: the committees, the KPI explorer, calibration and bonus/malus open on the
selections their URL names (provider, period, KPIs…), write what is chosen back to it, and
shrug off a hostile URL (no traceback, never another provider's data)."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from kpi.access.accounts import Account, add_account, authenticate
from kpi.quality.calibration import list_sessions
from kpi.store import Store

from .conftest import ROOT

PASSWORD = "correct horse battery"


@pytest.fixture
def linked_db(demo_db, demo_clock, monkeypatch):
    """The demo (its clock frozen on its last day) in local mode."""
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    return demo_db


def open_url(path: str, params: dict, account: Account | None = None) -> AppTest:
    """As a browser opening app_pages/<path>?params: the page runs with those params."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if account is not None:
        at.session_state["account"] = account
    at.query_params["lang"] = "en"
    at.run()
    at.query_params.update(params)
    at.switch_page(f"app_pages/{path}")
    at.run()
    assert not at.exception, at.exception
    return at


def widget(at: AppTest, kind: str, label: str):
    return next(w for w in getattr(at, kind) if w.label == label)


def test_the_production_committee_opens_on_the_provider_and_week_of_its_link(linked_db):
    at = open_url("production_committee.py", {"provider": "Nordcall", "week": "2026-W08"})
    assert widget(at, "selectbox", "Provider").value == "Nordcall"
    assert widget(at, "selectbox", "Week").value == date(2026, 2, 16)
    assert at.query_params["provider"] == "Nordcall"
    assert at.query_params["week"] == "2026-W08"
    # Another choice is written back, so the link copied next names it.
    widget(at, "selectbox", "Week").set_value(date(2026, 2, 2)).run()
    assert at.query_params["week"] == "2026-W06"
    assert any("week=2026-W06" in c.value and "provider=Nordcall" in c.value for c in at.code)


def test_a_link_without_selections_opens_on_the_defaults_and_names_them(linked_db):
    at = open_url("production_committee.py", {})
    assert at.query_params["week"] == "2026-W11"  # the last complete week on 2026-03-18
    assert at.query_params["provider"] == widget(at, "selectbox", "Provider").value


@pytest.mark.parametrize("params", [
    {"provider": "Nobody", "week": "2026-W99"},
    {"provider": "", "week": ""},
    {"provider": "x" * 5000, "week": "'; DROP TABLE contacts; --"},
    {"provider": ["Nordcall", "<script>alert(1)</script>"], "week": "2031-W02"},
])
def test_a_hostile_link_opens_on_the_defaults_without_a_traceback(linked_db, params):
    at = open_url("production_committee.py", params)
    default = open_url("production_committee.py", {})
    assert widget(at, "selectbox", "Week").value == widget(default, "selectbox", "Week").value
    assert at.query_params["week"] == "2026-W11"
    assert "<script>" not in str(at.query_params)


def test_the_steering_committee_keeps_its_month(linked_db):
    at = open_url("steering_committee.py", {"provider": "Sunline BPO", "month": "2026-01"})
    assert widget(at, "selectbox", "Provider").value == "Sunline BPO"
    assert widget(at, "selectbox", "Month").value == date(2026, 1, 1)
    assert at.query_params["month"] == "2026-01"


def test_the_strategic_committee_keeps_its_kind_period_and_providers(linked_db):
    at = open_url("strategic_committee.py", {
        "kind": "quarter", "period": "2025-Q4", "providers": ["Nordcall", "Sunline BPO"]})
    assert widget(at, "multiselect", "Providers").value == ["Nordcall", "Sunline BPO"]
    assert widget(at, "selectbox", "Period").value.label == "2025-Q4"
    assert at.query_params["providers"] == ["Nordcall", "Sunline BPO"]
    assert at.query_params["kind"] == "quarter"


def test_the_kpi_explorer_keeps_its_kpis_grain_scope_and_range(linked_db):
    at = open_url("kpi_explorer.py", {"kpis": ["aht_s", "no_such_kpi"], "grain": "month",
                                      "by": "site", "providers": "Nordcall",
                                      "from": "2026-01-05", "to": "2026-02-01"})
    assert widget(at, "multiselect", "KPIs").value == ["aht_s"]
    assert widget(at, "selectbox", "Grain").value == "month"
    assert widget(at, "multiselect", "Break down by").value == ["site"]
    assert widget(at, "date_input", "Period").value == (date(2026, 1, 5), date(2026, 2, 1))
    assert at.query_params["kpis"] == "aht_s"
    assert at.query_params["from"] == "2026-01-05"


def test_the_kpi_explorer_refuses_a_range_outside_its_data(linked_db):
    at = open_url("kpi_explorer.py", {"from": "1999-01-01", "to": "2026-02-01"})
    start, end = widget(at, "date_input", "Period").value
    assert start > date(2025, 1, 1) and end == date(2026, 3, 18)


def test_calibration_and_bonus_malus_keep_their_provider_and_period(linked_db):
    with Store(linked_db, read_only=True) as store:
        sessions = list_sessions(store, "Nordcall").session_id.tolist()
    at = open_url("calibration.py", {"provider": "Nordcall", "session": sessions[-1]})
    assert widget(at, "selectbox", "Session").value == sessions[-1]
    at = open_url("incentives.py", {"provider": "Atlantic Relation", "period": "2026-01"})
    assert widget(at, "selectbox", "Provider").value == "Atlantic Relation"
    assert widget(at, "selectbox", "Period").value == "2026-01"


def test_a_link_naming_another_provider_opens_a_provider_account_on_its_own(linked_db):
    with Store(linked_db) as store:
        add_account(store, "paula", "provider", PASSWORD, provider="Nordcall")
        paula = authenticate(store, "paula", PASSWORD)
    at = open_url("production_committee.py", {"provider": "Atlantic Relation",
                                               "week": "2026-W08"}, paula)
    assert widget(at, "selectbox", "Provider").options == ["Nordcall"]
    assert at.query_params["provider"] == "Nordcall"
    assert at.query_params["week"] == "2026-W08"
    shown = "\n".join(str(e.proto) for e in at.main) + str(at.query_params)
    assert "Atlantic" not in shown


def test_a_breakdown_link_over_providers_without_sites_draws_its_chart(linked_db):
    """Sunline BPO's Five9 logs carry no site: the breakdown names it "—" (it raised)."""
    at = open_url("kpi_explorer.py", {"kpis": "aht_s", "grain": "month", "by": "site"})
    assert widget(at, "multiselect", "Break down by").value == ["site"]
    assert at.get("plotly_chart")
