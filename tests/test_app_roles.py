"""Every page of the real app as each role sees it (AppTest on a copy of the demo database):
a provider account never meets another provider, an executive changes nothing, a page the
role may not open shows a refusal instead of running."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kpi.access.accounts import Account, add_account
from kpi.access.pages import PAGE_ROLES
from kpi.demo import PROVIDERS
from kpi.store import Store

from .conftest import ROOT

PASSWORD = "correct horse battery"
OWN = "Atlantic Relation"
OTHERS = [p.name for p in PROVIDERS if p.name != OWN]
ACCOUNTS = {"admin": Account("ada", "admin"), "pilot": Account("pia", "pilot"),
            "executive": Account("eve", "executive"),
            "provider": Account("paula", "provider", OWN)}


def _pages() -> dict[str, str]:
    """The app's own list of pages (url path -> script, relative to app.py), from the
    navigation module that app.py runs (importing it runs nothing)."""
    from app_pages.navigation import PAGES as declared

    return {path: f"app_pages/{script}"
            for _group, script, _title, _icon, path in declared}


PAGES = _pages()


SIGNED_IN: dict[str, Account] = {}  # role -> the Account a sign-in gives (with credential)


@pytest.fixture
def accounts_db(demo_db, monkeypatch):
    from kpi.access.accounts import authenticate

    with Store(demo_db) as store:
        for role, account in ACCOUNTS.items():
            add_account(store, account.name, account.role, PASSWORD, provider=account.provider)
            SIGNED_IN[role] = authenticate(store, account.name, PASSWORD)
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    return demo_db


def everything_shown(at: AppTest) -> str:
    """All a person could read or pick on the page: every element's content, select box
    options, table cells, chart data and legends, HTML blocks."""
    texts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            texts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    texts += [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(texts)


def open_as(role: str, path: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["account"] = SIGNED_IN[role]
    at.query_params["lang"] = lang
    at.run()
    if path:
        at.switch_page(PAGES[path])
        at.run()
    assert not at.exception, (role, path, at.exception)
    assert "Sign in" not in [b.label for b in at.button], (role, path)  # still signed in
    return at


def test_the_page_list_of_the_app_is_the_one_the_roles_are_declared_for():
    assert set(PAGES) == set(PAGE_ROLES)


@pytest.mark.parametrize("path", [p for p, roles in PAGE_ROLES.items() if "provider" in roles])
def test_a_provider_account_never_meets_another_provider_on_any_page(accounts_db, path):
    at = open_as("provider", path)
    shown = everything_shown(at)
    assert at.title, path
    for other in OTHERS:
        assert other not in shown, (path, other)
    assert not at.get("file_uploader"), path
    sidebar = " ".join(str(link.proto) for link in at.sidebar.get("page_link"))
    for refused in ("import", "settings", "accounts", "boards", "data", "flags"):
        assert f'"{refused}"' not in sidebar and f"/{refused}" not in sidebar


@pytest.mark.parametrize("path", [p for p, roles in PAGE_ROLES.items()
                                  if "provider" not in roles])
def test_a_provider_account_opening_another_pages_url_is_refused(accounts_db, path):
    at = open_as("provider", path)
    assert not at.title
    assert [e.value for e in at.error] == ["Your account cannot open this page."]
    for other in OTHERS:
        assert other not in everything_shown(at)


@pytest.mark.parametrize("path", [p for p, roles in PAGE_ROLES.items() if "executive" in roles])
def test_an_executive_reads_every_provider_and_has_no_control_that_writes(accounts_db, path):
    at = open_as("executive", path)
    assert at.title
    assert not at.get("file_uploader")
    assert at.dataframe or path in ("", "calibration", "wallboard"), path
    editable = [frame for frame in at.dataframe
                if frame.proto.editing_mode != frame.proto.EditingMode.READ_ONLY]
    assert not editable, path
    saving = [b.label for b in at.button if any(
        word in b.label.lower() for word in ("save", "record", "import", "create", "adopt",
                                             "add", "remove", "revoke"))]
    assert not saving, (path, saving)


def test_the_executive_sees_all_providers_where_the_provider_sees_one(accounts_db):
    executive = everything_shown(open_as("executive", "strategic"))
    provider = everything_shown(open_as("provider", "strategic"))
    assert all(p.name in executive for p in PROVIDERS)
    assert OWN in provider and not any(o in provider for o in OTHERS)


@pytest.mark.parametrize("role", ["admin", "pilot"])
def test_admin_and_pilot_open_their_pages_and_only_admin_manages_accounts(accounts_db, role):
    for path, roles in PAGE_ROLES.items():
        at = open_as(role, path)
        if role in roles:
            assert at.title, (role, path)
        else:
            assert not at.title and at.error, (role, path)
    assert ("accounts" in PAGE_ROLES) and "pilot" not in PAGE_ROLES["accounts"]


def test_a_signed_out_visitor_sees_only_the_sign_in_form(accounts_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "fr"
    at.run()
    assert [b.label for b in at.button] == ["Se connecter"]
    assert not at.sidebar.get("page_link")
    for provider in PROVIDERS:
        assert provider.name not in everything_shown(at)
    at.switch_page(PAGES["incentives"])
    at.run()
    assert [b.label for b in at.button] == ["Se connecter"]
    assert not at.dataframe


def test_signing_in_opens_the_deep_linked_page_and_wrong_credentials_say_so(accounts_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(PAGES["steering"])  # the page the link pointed at
    at.run()
    at.text_input[0].input("paula")
    at.text_input[1].input("not the password")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Unknown user name or wrong password."]
    at.text_input[0].input("Paula")
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == "Monthly steering committee"
    assert at.session_state["account"] == SIGNED_IN["provider"]
    assert any(OWN in str(s.options) for s in at.selectbox)


def test_a_removed_account_loses_its_session(accounts_db):
    from kpi.access.accounts import remove_account

    at = open_as("pilot", "kpis")
    with Store(accounts_db) as store:
        remove_account(store, "pia")
    at.run()
    assert [b.label for b in at.button] == ["Sign in"]


def test_a_password_change_signs_the_open_session_out(accounts_db):
    from kpi.access.accounts import set_password

    at = open_as("executive", "kpis")
    with Store(accounts_db) as store:
        set_password(store, "eve", "a brand new passphrase")
    at.run()
    assert [b.label for b in at.button] == ["Sign in"]


def test_without_accounts_the_local_pilot_sees_everything_with_a_notice(demo_db, monkeypatch):
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    assert at.title[0].value == "Steering cockpit"
    assert "Local mode" in " ".join(c.value for c in at.sidebar.caption)
    assert len(at.sidebar.get("page_link")) == len(PAGE_ROLES)


def test_a_provider_gets_answer_and_status_controls_on_its_own_items_only(accounts_db):
    with Store(accounts_db) as store:
        own_feedback = store.scalar("SELECT count(*) FROM feedback WHERE provider = ?", [OWN])
        own_actions = store.scalar("SELECT count(*) FROM actions WHERE provider = ?", [OWN])
    at = open_as("provider", "feedback")
    assert [b.label for b in at.main.button] == ["Save the answers"]
    (log,) = at.dataframe
    assert log.proto.editing_mode == log.proto.EditingMode.FIXED  # no row added or deleted
    assert len(at.dataframe[0].value) == own_feedback
    at = open_as("provider", "actions")
    assert [b.label for b in at.main.button] == ["Save the statuses", "Add the note (dated today)"]
    assert len(at.dataframe[0].value) == own_actions


def test_the_wallboard_editor_makes_and_revokes_a_screen_link(accounts_db):
    at = open_as("pilot", "boards")
    at.selectbox(key="link-board").select("Floor Nordcall").run()
    next(b for b in at.button if b.label == "Create a screen link").click().run()
    url = next(c.value for c in at.code if "token=" in c.value)
    assert "/wallboard?kiosk=1&token=" in url
    with Store(accounts_db) as store:
        from kpi.access.links import board_for_token

        assert board_for_token(store, url.split("token=")[1]) == "Floor Nordcall"
        assert store.read("SELECT account, change FROM change_log").values.tolist()[-1] == [
            "pia", "create_link"]
    next(b for b in at.button if b.label == "Revoke this board's links").click().run()
    with Store(accounts_db) as store:
        assert board_for_token(store, url.split("token=")[1]) is None


def test_a_board_link_opens_its_board_and_a_forged_one_nothing(accounts_db):
    from kpi.access.links import create_link

    with Store(accounts_db) as store:
        token = create_link(store, "Floor Nordcall").split("token=")[1]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"kiosk": "1", "token": token, "lang": "en"})
    at.run()
    assert not at.exception and not at.title and not at.sidebar.get("page_link")
    body = " ".join(h.proto.body for h in at.get("html"))
    assert "wb-frame" in body and "Nordcall" in body
    assert not any(o in body for o in ("Atlantic", "Sunline"))
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGES["settings"])  # the session registers no other page
    at.query_params.pop("token")  # the session keeps its link when the URL drops it
    at.run()
    assert not at.title and "Nordcall" in " ".join(h.proto.body for h in at.get("html"))
    forged = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    forged.query_params.update({"kiosk": "1", "token": token[:-2] + "xx", "lang": "en"})
    forged.run()
    assert [e.value for e in forged.error] == [
        "This wallboard link is not valid (unknown or revoked)."]
    assert "wb-frame" not in " ".join(h.proto.body for h in forged.get("html"))
    assert all(p.name not in everything_shown(forged) for p in PROVIDERS)
