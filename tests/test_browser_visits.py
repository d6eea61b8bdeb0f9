"""Floor visits and Selection in a real browser (`cockpit app` on a copy of the demo, Debian's
chromium): the disagreement between what was seen on Nordcall's floor and its occupancy,
Horizon Contact's serious signals whatever its score, and the Selection pack's download."""

from __future__ import annotations

import io

import pytest

from .test_browser import ARTIFACTS, browser, page, server, settled, shot  # noqa: F401

pytestmark = pytest.mark.browser


def test_the_visits_page_shows_where_nordcalls_floor_and_data_disagree(server, page):  # noqa: F811
    from playwright.sync_api import expect

    from kpi.store import Store

    with Store(server.db) as store:  # occupancy over the 4 weeks up to the visit's, by SQL
        occupancy = store.scalar("""
            SELECT sum(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0))
                   / sum(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0)
                         + available_s)
            FROM agent_activity WHERE provider = 'Nordcall'
              AND start_local >= DATE '2026-02-16' AND start_local < DATE '2026-03-16'""")
    page.goto(server + "/visits?lang=fr")
    # The demo visits Nordcall on the Wednesday of the week before its last (kpi/demo.py).
    expect(page.get_by_role("heading", name="11/03/2026 — Nordcall, Lille")).to_be_visible(
        timeout=60_000)
    settled(page)
    warning = page.get_by_test_id("stAlertContentWarning").get_by_test_id(
        "stMarkdownContainer")  # the words, not the icon's name
    expect(warning).to_have_count(1)
    read = f"{occupancy * 100:.1f}".replace(".", ",")  # French decimals
    expect(warning).to_have_text(
        "Observation et données en désaccord sur « Un plateau trop calme » : Plateau calme "
        f"observé, pourtant l'occupation est de {read}\u202f% (seuil 60,0\u202f%).")
    expect(page.get_by_text("Ce qui a été vu, face aux données")).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    shot(page, "visits_nordcall_fr")


def test_the_selection_page_warns_of_horizon_contact_and_offers_its_pack(server, page):  # noqa: F811
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    page.goto(server + "/selection?lang=en")
    expect(page.get_by_role("heading", name="Provider selection: finalists compared")
           ).to_be_visible(timeout=60_000)
    settled(page)
    errors = page.get_by_test_id("stAlertContentError").get_by_test_id("stMarkdownContainer")
    expect(errors).to_have_count(1)  # Veritas Services has no serious signal
    expect(errors).to_have_text(
        "Horizon Contact: 2 serious signals seen — A floor that is too calm, A guided tour")
    download = page.get_by_role("button", name="Download the Excel pack")
    expect(download).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    shot(page, "selection_en")
    with page.expect_download(timeout=60_000) as fetched:
        download.click()
    assert fetched.value.suggested_filename == (
        "selection_Horizon_Contact_Veritas_Services.xlsx")
    with open(fetched.value.path(), "rb") as xlsx:  # saved without its extension
        workbook = load_workbook(io.BytesIO(xlsx.read()))
    cells = {str(c.value) for ws in workbook for row in ws.iter_rows() for c in row if c.value}
    assert {"Horizon Contact", "Veritas Services", "A guided tour"} <= cells


def test_switching_language_on_the_selection_page_keeps_the_finalists(server, page):  # noqa: F811
    """The finalists' names are shown with a translated "(candidate)": Streamlit keeps a
    widget's value as the text shown, so the switch must not bring the English text back as
    an unknown provider."""
    from playwright.sync_api import expect

    page.goto(server + "/selection?lang=en")
    expect(page.get_by_role("heading", name="Provider selection: finalists compared")
           ).to_be_visible(timeout=60_000)
    settled(page)
    page.get_by_test_id("stSidebar").get_by_text("Français").click()
    expect(page.get_by_role("heading", name="Sélection de prestataires : finalistes comparés")
           ).to_be_visible(timeout=60_000)
    settled(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Horizon Contact (candidat)")).to_have_count(1)
    errors = page.get_by_test_id("stAlertContentError").get_by_test_id("stMarkdownContainer")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("Horizon Contact")
