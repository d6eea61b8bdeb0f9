"""In Debian's headless chromium, over the real app: a committee's link copied from the page
opens the same committee in another browser; the sidebar shows every page; and a demo built
right now (`cockpit demo`) opens a live kiosk board, whatever the machine's time zone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from kpi import clock

from .conftest import DEMO_NOW, DEMO_TODAY, ROOT
from .test_app_roles import PAGES
from .test_browser import ARTIFACTS, browser, start_server, stop_server  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(demo_db_template, tmp_path_factory):
    """The app in local mode over a copy of the demo, on the demo's clock."""
    db = tmp_path_factory.mktemp("links") / "demo.duckdb"
    shutil.copy(demo_db_template, db)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(clock.ENV, clock.frozen_text(DEMO_NOW))
        server = start_server(db, tmp_path_factory)
    yield server
    stop_server(server)


def test_a_copied_committee_link_opens_the_same_committee_elsewhere(served,
                                                                   browser):  # noqa: F811
    from playwright.sync_api import expect

    pilot = browser.new_context(viewport={"width": 1400, "height": 1300})
    page = pilot.new_page()
    page.goto(served + "/production?lang=en")
    boxes = page.get_by_test_id("stSelectbox")
    expect(boxes.first).to_be_visible(timeout=60_000)
    boxes.nth(0).click()
    page.get_by_role("option", name="Nordcall").click()
    expect(page).to_have_url(re.compile(r"provider=Nordcall"), timeout=30_000)
    boxes.nth(1).click()
    page.get_by_role("option", name=re.compile(r"^2026-W08")).click()
    expect(page).to_have_url(re.compile(r"week=2026-W08"), timeout=30_000)
    page.get_by_role("button", name="Link to this view").click()
    code = page.get_by_test_id("stCode").filter(has_text="/production?")
    expect(code).to_be_visible(timeout=30_000)
    link = code.inner_text().strip()
    assert link.startswith(served + "/production?") and "week=2026-W08" in link, link
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "deep_link_copied_en.png"))
    pilot.close()

    colleague = browser.new_context(viewport={"width": 1400, "height": 1300})
    other = colleague.new_page()
    other.goto(link)
    expect(other.get_by_role("heading", name="Weekly production committee")).to_be_visible(
        timeout=60_000)
    expect(other.get_by_role("combobox", name="Provider")).to_have_value("Nordcall",
                                                                      timeout=60_000)
    expect(other.get_by_role("combobox", name="Week")).to_have_value(re.compile("^2026-W08 "))
    expect(other.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    expect(other.get_by_test_id("stException")).to_have_count(0)
    other.screenshot(path=str(ARTIFACTS / "deep_link_opened_en.png"))
    colleague.close()


def test_the_sidebar_shows_every_page_without_view_more(served, browser):  # noqa: F811
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 3000})
    page = context.new_page()
    page.goto(served + "/?lang=fr")
    sidebar = page.get_by_test_id("stSidebar")
    links = sidebar.get_by_test_id("stPageLink")
    expect(links).to_have_count(len(PAGES), timeout=60_000)
    for index in range(len(PAGES)):
        expect(links.nth(index)).to_be_visible()
    expect(sidebar.get_by_text(re.compile("View more|Voir plus|View less"))).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    sidebar.screenshot(path=str(ARTIFACTS / "sidebar_fr_1400x3000.png"))
    context.close()


def test_a_demo_built_right_now_opens_a_live_kiosk_board(browser,  # noqa: F811
                                                         tmp_path_factory, monkeypatch):
    """`cockpit demo` then the kiosk board: no stale banner. The machine is put far from
    the providers' Paris (TZ), and the clock runs through the demo's day (a day alone in
    COCKPIT_TODAY freezes the date, not the time), so the snapshots' "now" and the board's
    must agree as the real code computes them."""
    from playwright.sync_api import expect

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    monkeypatch.setenv(clock.ENV, DEMO_TODAY.isoformat())
    db = tmp_path_factory.mktemp("fresh") / "cockpit.duckdb"
    built = subprocess.run([sys.executable, "-m", "kpi.cli", "demo", "--db", str(db)],
                           cwd=ROOT, env=dict(os.environ), capture_output=True, text=True,
                           timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    server = start_server(db, tmp_path_factory)
    try:
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        page.goto(server + "/wallboard?provider=Nordcall&kiosk=1&lang=en")
        expect(page.get_by_test_id("wallboard")).to_be_visible(timeout=60_000)
        expect(page.locator(".wb-fresh")).to_be_visible(timeout=30_000)
        expect(page.locator("[data-state=stale]")).to_have_count(0)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "wallboard_fresh_demo_1920x1080.png"))
        context.close()
    finally:
        stop_server(server)
