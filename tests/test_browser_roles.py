"""Each role signs in to the real app (`cockpit app`, Debian's chromium) and walks every page
its navigation offers; board links open their board and nothing else."""

from __future__ import annotations

import re
import shutil

import pytest

from kpi.demo import PROVIDERS

from .test_browser import (  # noqa: F401
    ARTIFACTS,
    browser,
    settled,
    start_server,
    stop_server,
)

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"
OWN = "Nordcall"
OTHERS = [p.name for p in PROVIDERS if p.name != OWN]
ACCOUNTS = {"admin": ("ada", None), "pilot": ("pia", None), "executive": ("eve", None),
            "provider": ("nina", OWN)}
WRITING = re.compile(r"enregistrer|importer|ajouter|créer|révoquer|supprimer|adopter|"
                     r"save|import|add|create|revoke|remove", re.IGNORECASE)


@pytest.fixture(scope="module")
def served(demo_db_template, tmp_path_factory):
    """The app with accounts (one per role) and a link to Nordcall's floor board."""
    from kpi.access.accounts import add_account
    from kpi.access.links import create_link
    from kpi.store import Store

    db = tmp_path_factory.mktemp("roles") / "demo.duckdb"
    shutil.copy(demo_db_template, db)
    with Store(db) as store:
        for role, (name, provider) in ACCOUNTS.items():
            add_account(store, name, role, PASSWORD, provider=provider)
        link = create_link(store, f"Floor {OWN}", "http://placeholder")
    server = start_server(db, tmp_path_factory)
    server.link = link.replace("http://placeholder", server)
    yield server
    stop_server(server)


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1200}, locale="fr-FR")
    yield context.new_page()
    context.close()


def sign_in(page, name: str, password: str = PASSWORD) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_role("button", name="Se connecter")).to_be_visible(timeout=30_000)
    page.get_by_label("Identifiant").fill(name)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def nav_links(page) -> list[str]:
    links = page.get_by_test_id("stSidebar").locator("a[data-testid=stPageLink-NavLink]")
    return links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")


def walk(page, role: str, check=None) -> dict[str, str]:
    """Click every page the sidebar offers (one browser session); the text of each.
    `check(path)`, when given, runs on each page once it has settled."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stSidebar").get_by_test_id("stPageLink-NavLink").first
           ).to_be_visible(timeout=60_000)
    seen = {}
    for path in nav_links(page):
        page.get_by_test_id("stSidebar").locator(
            f"a[data-testid=stPageLink-NavLink][href='{path}']").click()
        settled(page)
        expect(page.get_by_role("heading").first).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        page.screenshot(path=str(ARTIFACTS / f"role_{role}_{path or 'home'}.png"),
                        full_page=True)
        seen[path] = page.content()
        if check:
            check(path)
    return seen


def test_an_anonymous_visitor_sees_only_the_sign_in_form(served, page):
    from playwright.sync_api import expect

    for path in ("/", "/incentives", "/settings", "/wallboard?provider=Sunline%20BPO&kiosk=1"):
        page.goto(served + path)
        expect(page.get_by_role("button", name="Se connecter")).to_be_visible(timeout=30_000)
        settled(page)
        assert nav_links(page) == []
        html = page.content()
        assert not any(p.name in html for p in PROVIDERS), path
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "sign_in_fr.png"))


def test_wrong_credentials_say_so_then_a_deep_link_opens_after_sign_in(served, page):
    from playwright.sync_api import expect

    page.goto(served + "/steering")
    sign_in(page, "pia", "not the password at all")
    expect(page.get_by_text("Identifiant inconnu ou mot de passe erroné.")).to_be_visible(
        timeout=30_000)
    sign_in(page, "pia")
    expect(page.get_by_role("heading", name="Comité de pilotage mensuel")).to_be_visible(
        timeout=60_000)
    # The session survives moving between pages, then ends on sign-out.
    page.get_by_test_id("stSidebar").locator("a[href='kpis']").click()
    expect(page.get_by_role("heading", name="Explorateur d'indicateurs")).to_be_visible(
        timeout=60_000)
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("button", name="Se connecter")).to_be_visible(timeout=30_000)


def test_a_provider_walks_its_pages_and_never_meets_another_provider(served, page):
    page.goto(served + "/")
    sign_in(page, "nina")
    pages = walk(page, "provider")
    from kpi.access.pages import PAGE_ROLES

    assert set(pages) == {path for path, roles in PAGE_ROLES.items() if "provider" in roles}
    assert not {"import", "settings", "accounts", "boards", "data", "flags"} & set(pages)
    assert OWN in pages["production"]
    for path, html in pages.items():
        for other in OTHERS:
            assert other not in html, (path, other)


def test_a_provider_opening_another_pages_url_is_refused(served, page):
    from playwright.sync_api import expect

    page.goto(served + "/settings")
    sign_in(page, "nina")
    expect(page.get_by_text("Votre compte ne peut pas ouvrir cette page.")).to_be_visible(
        timeout=30_000)
    expect(page.get_by_role("heading", name="Paramètres")).to_have_count(0)
    assert not any(other in page.content() for other in OTHERS)


def test_an_executive_reads_everything_and_has_no_control_that_writes(served, page):
    def reads_only(path: str) -> None:
        assert page.get_by_test_id("stFileUploader").count() == 0, path
        assert page.locator("textarea").count() == 0, path
        buttons = page.get_by_test_id("stMain").get_by_role("button").all_inner_texts()
        assert not [b for b in buttons if WRITING.search(b)], (path, buttons)

    page.goto(served + "/")
    sign_in(page, "eve")
    pages = walk(page, "executive", check=reads_only)
    assert not {"import", "settings", "boards", "accounts", "data"} & set(pages)
    assert all(p.name in pages["strategic"] for p in PROVIDERS)


def test_admin_walks_every_page_including_accounts(served, page):
    page.goto(served + "/")
    sign_in(page, "ada")
    pages = walk(page, "admin")
    from playwright.sync_api import expect

    from kpi.access.pages import PAGE_ROLES

    assert len(pages) == len(PAGE_ROLES) and "accounts" in pages
    # The accounts table draws on a canvas; its cells reach the DOM once drawn.
    page.get_by_test_id("stSidebar").locator(
        "a[data-testid=stPageLink-NavLink][href='accounts']").click()
    expect(page.locator("[role=gridcell]", has_text="nina").first).to_be_attached(
        timeout=30_000)


def test_a_board_link_shows_its_board_and_nothing_else(served, browser):  # noqa: F811
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    screen = context.new_page()
    screen.goto(served.link)
    expect(screen.get_by_test_id("wallboard")).to_be_visible(timeout=60_000)
    expect(screen.get_by_test_id("stSidebar")).to_be_hidden()
    html = screen.content()
    assert OWN in html and not any(other in html for other in OTHERS)
    screen.screenshot(path=str(ARTIFACTS / "board_link_1920x1080.png"))
    # Without its token the same browser gets the sign-in form, not the app.
    screen.goto(served + "/settings")
    expect(screen.get_by_role("button", name="Se connecter")).to_be_visible(timeout=30_000)
    context.close()

    forged = browser.new_context().new_page()
    forged.goto(served.link[:-3] + "xyz")
    expect(forged.get_by_text("Ce lien de mur d'écrans n'est pas valide")).to_be_visible(
        timeout=30_000)
    expect(forged.get_by_test_id("wallboard")).to_have_count(0)
    assert not any(p.name in forged.content() for p in PROVIDERS)
    forged.context.close()
