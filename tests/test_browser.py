"""What a person sees: the real app served by Streamlit, driven in Debian's headless chromium.

A missing browser is a failure, not a skip. Screenshots land in tests/artifacts/ for review.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kpi import clock

from .conftest import DATA, ROOT
from .processes import serve_app

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
pytestmark = pytest.mark.browser


class Server(str):
    """The app's base URL, with the database it serves (its inbox is beside it)."""
    db: Path
    process: subprocess.Popen
    log: Path


def start_server(db: Path, tmp_path_factory):
    """`cockpit app` on a free port over the database `db`."""
    log = tmp_path_factory.mktemp("log") / "streamlit.log"
    process, url = serve_app(db, log)
    served = Server(url)
    served.db = db
    served.process = process
    served.log = log
    return served


def stop_server(served: Server) -> None:
    served.process.terminate()  # `cockpit app` passes it on to the server it started
    served.process.wait(timeout=30)
    print(served.log.read_text()[-3000:])


@pytest.fixture(scope="module")
def server(demo_db_template, tmp_path_factory):
    """The app in local mode (no accounts) over a copy of the demo database."""
    from kpi.settings import save_app_settings
    from kpi.store import Store

    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    shutil.copy(demo_db_template, db)
    with Store(db) as store:  # a quick inbox, so that the live test stays short
        save_app_settings(store, {"watch_interval_s": 2})
    served = start_server(db, tmp_path_factory)
    yield served
    stop_server(served)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1300}, locale="fr-FR")
    yield context.new_page()
    context.close()


def settled(page) -> None:
    """The script has finished and its skeletons are replaced by content. A run that starts
    late shows its status widget only after a moment (a committee computing on a loaded
    machine): so, after no skeleton and no running script, the page must also stay the same
    for half a second (a page that keeps moving, such as a live board, is taken after 10 s)."""
    from playwright.sync_api import expect

    before = None
    for _ in range(20):
        expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
        page.wait_for_timeout(500)
        now = page.content()
        if now == before and not page.get_by_test_id("stStatusWidget").count():
            return
        before = now


def shot(page, name: str) -> None:
    """Screenshot once the page has replaced its loading skeletons with content."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_page_says_what_is_loaded(server, page):
    from playwright.sync_api import expect

    page.goto(server + "/?lang=fr")
    expect(page.get_by_text("Cockpit de pilotage")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    expect(page.get_by_text("Mode local", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stAppDeployButton")).to_have_count(0)  # no developer toolbar
    expect(page.get_by_text("Derniers imports")).to_be_visible()
    shot(page, "home_fr")


def test_data_page_deep_link_shows_the_coverage_calendar(server, page):
    from playwright.sync_api import expect

    page.goto(server + "/data?lang=en")
    expect(page.get_by_text("What the store holds")).to_be_visible(timeout=30_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    shot(page, "data_en")


def test_uploading_a_file_through_the_browser_previews_then_imports_it(server, page):
    from playwright.sync_api import expect

    page.goto(server + "/import?lang=en")
    expect(page.get_by_text("Import provider exports")).to_be_visible(timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(DATA / "contacts_french.csv"))
    expect(page.get_by_text("Contacts (generic, SPEC §2.1) · Contacts · 6 rows")).to_be_visible(
        timeout=30_000)
    shot(page, "import_preview_en")
    page.get_by_role("button", name="Import 1 file", exact=True).click()
    expect(page.get_by_text("Import finished")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("contacts_french.csv: import #", exact=False).first).to_be_visible()
    shot(page, "import_done_en")


def test_a_refused_upload_shows_the_precise_error(server, page):
    from playwright.sync_api import expect

    page.goto(server + "/import?lang=fr")
    page.locator("input[type=file]").set_input_files(str(DATA / "bad" / "bad_date.csv"))
    expect(page.get_by_text("Refusé : rien n'a été importé.")).to_be_visible(timeout=30_000)
    # The refusal in the page's language: where the problem is, in French.
    expect(page.get_by_text("bad_date.csv, ligne 3, colonne arrived_at", exact=False)
           ).to_be_visible(timeout=30_000)
    shot(page, "import_refused_fr")


@pytest.mark.parametrize(("path", "title", "last", "name"), [
    ("/kpis?lang=fr", "Explorateur d'indicateurs", "Déclaré vs recalculé", "kpi_explorer_fr"),
    ("/targets?lang=en", "SMART targets", "Attainment, week by week", "targets_en"),
    ("/settings?lang=fr", "Paramètres", "Exceptions par file", "settings_fr"),
    ("/production?lang=fr", "Comité de production hebdomadaire", "Faits marquants",
     "production_committee_fr"),
    ("/actions?lang=en", "Action plan", "Dated notes", "action_plan_en"),
    ("/steering?lang=fr", "Comité de pilotage mensuel", "Note qualité par équipe et par mois",
     "steering_committee_fr"),
    ("/feedback?lang=fr", "Remontées du prestataire", "Remontées du prestataire",
     "feedback_fr"),
    ("/calibration?lang=fr", "Séance de calibrage", "Séance après séance",
     "calibration_fr"),
    ("/quality?lang=en", "Quality", "Quality grids", "quality_en"),
    ("/flags?lang=fr", "Signaux d'alerte", "Sunline BPO", "red_flags_fr"),
    ("/incentives?lang=en", "Bonus / malus", "Payments", "incentives_en"),
    ("/strategic?lang=fr", "Comité stratégique",
     "Contacts présentés par mois, et la prévision pour 2026-Q1", "strategic_committee_fr"),
    ("/strategic?lang=en", "Strategic committee",
     "Offered contacts per month, and the forecast for 2026-Q1", "strategic_committee_en"),
])
def test_steering_pages_deep_link_and_render(server, page, path, title, last, name):
    from playwright.sync_api import expect

    page.goto(server + path)
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name=last)).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    if name.startswith(("kpi", "production", "steering", "strategic", "calibration",
                        "incentives")):
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    shot(page, name)


def test_production_committee_for_the_slipping_provider(server, page):
    from playwright.sync_api import expect

    page.goto(server + "/production?lang=fr")
    expect(page.get_by_role("heading", name="Comité de production hebdomadaire")).to_be_visible(
        timeout=30_000)
    page.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name="Atlantic Relation").click()
    # Dataframes draw on a canvas: their cells are in the DOM for accessibility, not visible.
    expect(page.get_by_text("Demi-heures sous l'objectif", exact=False)).to_be_visible(
        timeout=30_000)
    expect(page.locator("[role=gridcell]", has_text="manqué").first).to_be_attached(
        timeout=30_000)
    shot(page, "production_committee_atlantic_fr")
    # The pack is built when clicked; it must arrive as a workbook with the committee's sheets.
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Télécharger le dossier Excel").click()
    from openpyxl import load_workbook

    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert workbook.sheetnames[:2] == ["Synthèse", "La semaine face aux objectifs"]


def _drop(folder: Path, name: str, text: str) -> Path:
    """As a provider's ACD drops a file: written under a temporary name, then renamed."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (name + ".part")
    partial.write_text(text, encoding="utf-8")
    return partial.rename(folder / name)


def test_kiosk_wallboard_goes_live_on_a_drop_without_reloading(server, browser):
    from zoneinfo import ZoneInfo

    from playwright.sync_api import expect

    inbox = server.db.parent / "inbox"
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(server + "/wallboard?provider=Atlantic%20Relation&kiosk=1&lang=fr&refresh=5")
    board = page.get_by_test_id("wallboard")
    expect(board).to_be_visible(timeout=60_000)
    # The demo's data are from another day: the board says so instead of showing them.
    expect(page.locator("[data-state=stale]")).to_contain_text("FLUX INTERROMPU")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stHeader")).to_be_hidden()
    links = page.locator("a[href]:not([href^=\"#\"])")  # the skip link stays in the page
    assert links.count() == 0, links.evaluate_all("ls => ls.map(l => l.outerHTML)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "wallboard_stale_1920x1080.png"))
    page.evaluate("window.__sameDocument = 'yes'")

    # The app's now (it inherits a frozen COCKPIT_TODAY): the floor's latest snapshot.
    now = clock.now(ZoneInfo("Europe/Paris")).replace(tzinfo=None, microsecond=0)
    rows = "\n".join(f"{now:%Y-%m-%d %H:%M:%S},{q},111,45,6,1,0" for q in
                      ("Facturation", "Support technique", "Ventes", "Réclamations"))
    _drop(inbox / "Atlantic Relation", "rt_now.csv", "at,queue,waiting,longest_wait_s,"
          "agents_on_contact,agents_available,agents_paused\n" + rows + "\n")
    waiting = page.locator("[data-tile=waiting] .value")
    expect(waiting).to_have_text("444", timeout=45_000)
    expect(page.locator("[data-state=stale]")).to_have_count(0)
    expect(page.locator("[data-tile=waiting]")).to_have_attribute("data-colour", "red")
    assert page.evaluate("window.__sameDocument") == "yes"  # refreshed in place
    page.screenshot(path=str(ARTIFACTS / "wallboard_live_1920x1080.png"))

    _drop(inbox / "Atlantic Relation", "broken.csv",
          (DATA / "bad" / "bad_date.csv").read_text(encoding="utf-8"))
    deadline = time.time() + 30
    refused = inbox / "rejected"  # kept by day: rejected/<day>/<provider>/
    while not list(refused.glob("*/Atlantic Relation/*broken.csv.reason.txt")):
        assert time.time() < deadline, "the broken drop was not set aside"
        time.sleep(0.5)
    reason = next(refused.glob("*/Atlantic Relation/*.reason.txt"))
    assert "row 2, column provider" in reason.read_text(encoding="utf-8")  # Acme's rows
    page.wait_for_timeout(6_000)  # a refresh after the refusal: the board keeps running
    expect(waiting).to_have_text("444")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    context.close()

    small = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    small.goto(server + "/wallboard?provider=Atlantic%20Relation&kiosk=1&lang=en")
    expect(small.locator("[data-tile=waiting] .value")).to_have_text("444", timeout=60_000)
    box = small.get_by_test_id("wallboard").bounding_box()
    assert box["y"] + box["height"] <= 720  # the whole board on a 720p screen
    small.screenshot(path=str(ARTIFACTS / "wallboard_live_1280x720.png"))
