"""French done right where Streamlit and plotly write numbers themselves: rate axes and hovers
('80 %', a narrow no-break space before %), amounts with their currency, the editors'
decimals, the what-if sliders; the English UI as it was."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from kpi.i18n import amount_unit, format_value
from kpi.reports.charts import (
    chart_in_language,
    period_small_multiples,
    trend_small_multiples,
    volume_and_service_level,
)
from kpi.store import Store

from .test_app import open_page
from .test_browser import browser, page, server  # noqa: F401  (fixtures, reused)

NNBSP = "\u202f"


def _trend():
    """Answer rate over two months, 80.5 % then 91.25 %, a target at 90 %."""
    frame = pd.DataFrame({"period_start": [date(2026, 1, 1), date(2026, 2, 1)],
                          "answer_rate": [0.805, 0.9125]})
    return trend_small_multiples(frame, ["answer_rate"], "fr", targets={"answer_rate": [0.9]})


def test_a_rate_axis_in_french_reads_80_percent_with_a_narrow_space():
    figure = _trend()
    french = chart_in_language(figure, "fr")
    axis = french.layout.yaxis
    assert (axis.tickformat, axis.ticksuffix) == (".0f", NNBSP + "%")
    assert french.layout.separators == "," + NNBSP  # 80,5 and 1 234
    assert list(french.data[0].y) == pytest.approx([80.5, 91.25])
    # The target's dashed line and its note moved with the axis: 0.9 → 90.
    assert french.layout.shapes[0].y0 == pytest.approx(90) == french.layout.shapes[0].y1
    title, note = french.layout.annotations  # the chart's title sits on the page, not the axis
    assert (title.yref, note.yref) == ("paper", "y")
    assert note.y == pytest.approx(90) and title.y == figure.layout.annotations[0].y


def test_the_french_chart_is_a_copy_so_a_cached_figure_is_never_scaled_twice():
    figure = _trend()  # as a cached pack shares it between sessions
    first = chart_in_language(figure, "fr")
    second = chart_in_language(figure, "fr")
    again = chart_in_language(first, "fr")  # a French chart given again stays as it is
    assert list(figure.data[0].y) == [0.805, 0.9125]
    assert figure.layout.yaxis.tickformat == ".0%" and figure.layout.yaxis.ticksuffix is None
    for result in (second, again):
        assert list(result.data[0].y) == pytest.approx([80.5, 91.25])
        assert result.layout.shapes[0].y0 == pytest.approx(90)
    # English after French on the same cached figure: English as it always was.
    english = chart_in_language(figure, "en")
    assert english.layout.yaxis.tickformat == ".0%" and english.layout.yaxis.ticksuffix is None
    assert list(english.data[0].y) == [0.805, 0.9125] and english.layout.separators == ".,"


def test_only_the_traces_of_the_rate_axis_are_scaled():
    """Production's chart: offered / answered bars on the left (counts), the service level
    on the right axis (a rate)."""
    frame = pd.DataFrame({"offered": [1200, 800], "answered": [1100, 760],
                          "service_level": [0.8, 0.65]})
    figure = volume_and_service_level(frame, ["lun.", "mar."], "Jour", "fr")
    french = chart_in_language(figure, "fr")
    assert list(french.data[0].y) == [1200, 800] and list(french.data[1].y) == [1100, 760]
    assert list(french.data[2].y) == pytest.approx([80, 65])
    assert french.layout.yaxis2.ticksuffix == NNBSP + "%"
    assert list(french.layout.yaxis2.range) == pytest.approx([0, 100])
    assert french.layout.yaxis2.dtick == pytest.approx(20)
    assert french.layout.yaxis.ticksuffix is None


def test_hovers_that_wrote_a_rate_with_d3_percent_are_rewritten():
    figure = _trend()
    figure.data[0].hovertemplate = "%{x}: %{y:.1%}<extra></extra>"
    french = chart_in_language(figure, "fr")
    assert french.data[0].hovertemplate == f"%{{x}}: %{{y:.1f}}{NNBSP}%<extra></extra>"
    assert chart_in_language(figure, "en").data[0].hovertemplate == \
        "%{x}: %{y:.1%}<extra></extra>"


def test_small_multiples_scale_each_rate_subplot_and_leave_durations():
    comparison = pd.DataFrame({
        "kpi": ["answer_rate", "answer_rate", "asa_s", "asa_s"],
        "provider": ["A", "B", "A", "B"], "previous": [0.9, 0.85, 30.0, 25.0],
        "value": [0.92, 0.8, 28.0, 40.0]})
    figure = period_small_multiples(comparison, ("answer_rate", "asa_s"), "fr", "now",
                                    "before")
    french = chart_in_language(figure, "fr")
    rates = [t for t in french.data if (t.yaxis or "y") == "y"]
    seconds = [t for t in french.data if t.yaxis == "y2"]
    assert [list(t.y) for t in rates] == [pytest.approx([90, 85]), pytest.approx([92, 80])]
    assert [list(t.y) for t in seconds] == [[30.0, 25.0], [28.0, 40.0]]
    assert french.layout.yaxis2.ticksuffix == " s"


def test_a_french_html_pack_carries_the_french_rate_axis(demo_db_template, demo_clock):
    from kpi.reports.pack_files import pack_html
    from kpi.reports.packs import production_pack
    from kpi.reports.production import complete_weeks, production_committee

    with Store(demo_db_template, read_only=True) as store:
        week = complete_weeks(store, "Nordcall")[-1]
        committee = production_committee(store, "Nordcall", week)
    french = pack_html(production_pack(committee, "fr"))
    english = pack_html(production_pack(committee, "en"))
    assert '"ticksuffix":"\\u202f%"' in french or f'"ticksuffix":"{NNBSP}%"' in french
    assert '"tickformat":".0%"' not in french
    assert '"tickformat":".0%"' in english and "u202f%" not in english


@pytest.mark.parametrize(("value", "lang", "currency", "text"), [
    (1234.5, "fr", "EUR", f"1{NNBSP}234,50{NNBSP}€"),
    (1234.5, "en", "EUR", "€1,234.50"),
    (-12, "en", "USD", "-$12.00"),
    (-12, "fr", "USD", f"-12,00{NNBSP}$"),
    (1_000_000, "en", "GBP", "£1,000,000.00"),
    (99.999, "fr", "CHF", f"100,00{NNBSP}CHF"),
    (5, "en", "CHF", "CHF 5.00"),
    (5, "en", "CAD", "CAD 5.00"),
    (5, "fr", "CAD", f"5,00{NNBSP}CAD"),
])
def test_an_amount_is_written_with_its_currency(value, lang, currency, text):
    assert format_value(value, "amount", lang, currency=currency) == text
    assert format_value(value, amount_unit(currency), lang) == text  # as tables name it


def test_amounts_without_a_currency_and_signed_amounts():
    assert format_value(1234.5, "amount", "fr") == f"1{NNBSP}234,50"  # as before
    assert format_value(1234.5, "amount", "en") == "1,234.50"
    assert format_value(250, "amount:EUR", "en", signed=True) == "+€250.00"
    assert format_value(-250, "amount:EUR", "fr", signed=True) == f"-250,00{NNBSP}€"
    assert format_value(None, "amount:EUR", "fr") == "—"


def test_the_currency_is_a_setting_eur_by_default(store):
    from kpi.errors import CockpitError
    from kpi.settings import app_settings, save_app_settings

    assert app_settings(store)["currency"] == "EUR"
    with pytest.raises(CockpitError):
        save_app_settings(store, {"currency": "euro"})
    save_app_settings(store, {"currency": "GBP"})
    assert app_settings(store)["currency"] == "GBP"


def test_the_statement_pack_writes_amounts_in_the_currency(demo_db, demo_clock):
    from openpyxl import load_workbook

    from kpi.incentives.statement import list_schemes, statement
    from kpi.reports.pack_files import pack_html, pack_xlsx
    from kpi.reports.packs import statement_pack
    from kpi.settings import save_app_settings

    with Store(demo_db) as store:
        save_app_settings(store, {"currency": "USD"})
        provider = list_schemes(store)[0].provider
        result = statement(store, provider, "2026-02")
    assert result.currency == "USD"
    fee = result.scheme.base_fee
    french = statement_pack(result, "fr")
    assert dict(french.summary)["Montant dû"].endswith(NNBSP + "$")
    assert f"{fee:,.2f}".replace(",", NNBSP).replace(".", ",") + NNBSP + "$" in \
        pack_html(french)
    english = pack_html(statement_pack(result, "en"))
    assert f"${fee:,.2f}" in english
    workbook = load_workbook(io.BytesIO(pack_xlsx(french)))
    formats = {c.number_format for row in workbook.worksheets[2].iter_rows() for c in row}
    assert f'#,##0.00"{NNBSP}$"' in formats


def test_editor_values_are_french_text_in_french_and_numbers_in_english(demo_db, monkeypatch,
                                                                        demo_clock):
    from kpi.governance.targets import list_targets

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    with Store(demo_db) as store:
        register = list_targets(store)
    rates = [v for v, k in zip(register.value, register.kpi, strict=True)
             if k in ("answer_rate", "service_level", "abandon_rate")]
    # 0.8 as a pilot writes it: 80,0 in French (a text cell), 80.0 in English (a number).
    french = open_page("app_pages/targets.py", "fr").data_editor[0].value
    english = open_page("app_pages/targets.py", "en").data_editor[0].value
    assert rates
    for rate in rates:
        hand = f"{rate * 100:.1f}"
        assert hand.replace(".", ",") in french["value"].tolist()
        assert float(hand) in english["value"].tolist()
    assert all("." not in v for v in french["value"].dropna())


def test_wallboard_thresholds_read_in_french_decimals(demo_db, monkeypatch):
    from kpi.live.board import Threshold
    from kpi.live.boards import BoardConfig, Scope, save_board

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    with Store(demo_db) as store:
        save_board(store, BoardConfig("Plateau", [Scope("Nordcall")], ("service_level",), {
            "service_level": Threshold("higher", 0.855, 0.7)}))
    at = open_page("app_pages/wallboard_editor.py", "fr")
    at.selectbox[0].select("Plateau").run()
    shown = at.data_editor[0].value.set_index("tile")
    # 85.5 % and 70 % as French writes them, in text cells read back by kpi.editing.
    assert shown.loc["service_level", ["green", "red"]].tolist() == ["85,5", "70,0"]


def test_incentives_page_writes_money_and_sliders_in_the_readers_units(demo_db, monkeypatch,
                                                                       demo_clock):
    from kpi.settings import save_app_settings

    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    french = open_page("app_pages/incentives.py", "fr")
    metrics = {m.label: m.value for m in french.metric}
    assert metrics["Montant dû"].endswith(NNBSP + "€")
    assert metrics["Variable versé"].endswith(NNBSP + "€")
    assert "." not in metrics["Score pondéré (−1…+1)"]
    level = next(s for s in french.select_slider if s.label == "Niveau de service")
    assert 0 < level.value < 1  # the stored fraction
    shown = level.options[0]
    # 55,3 %, not 0.553: written as every other French view writes a rate (format_value).
    assert shown.endswith("%") and "," in shown and "." not in shown
    share = next(s for s in french.select_slider if s.label == "Part variable")
    assert share.value == pytest.approx(0.10)
    assert format_value(0.1, "pct", "fr") in share.options  # 10,0 %

    with Store(demo_db) as store:
        save_app_settings(store, {"currency": "GBP"})
    english = open_page("app_pages/incentives.py", "en")
    assert english.metric[0].label == "Amount due"
    assert english.metric[0].value.startswith("£")
    level = next(s for s in english.select_slider if s.label == "Service level")
    assert level.options[0].endswith("%") and NNBSP not in level.options[0]
    # The simulation at rest changes nothing: the same amount, a zero difference.
    assert english.metric[3].value == english.metric[0].value


@pytest.mark.browser
def test_a_french_chart_shows_narrow_space_percent_ticks_in_the_browser(server, page):  # noqa: F811
    from playwright.sync_api import expect

    page.goto(server + "/production?lang=fr")
    expect(page.get_by_role("heading", name="Comité de production hebdomadaire")).to_be_visible(
        timeout=30_000)
    ticks = page.locator(".js-plotly-plot .y2tick text")
    expect(ticks.first).to_be_attached(timeout=60_000)
    texts = ticks.all_text_contents()
    assert texts and all(text.endswith(NNBSP + "%") for text in texts), texts
    assert f"60{NNBSP}%" in texts
