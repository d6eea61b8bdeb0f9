"""Accounts, roles and provider isolation on a real demo database (SPEC §5)."""

from __future__ import annotations

import io
from argparse import Namespace
from datetime import date

import duckdb
import pytest
from openpyxl import load_workbook

from kpi.access.accounts import (
    FREE_FAILURES,
    Account,
    InvalidAccount,
    account_for_email,
    add_account,
    authenticate,
    list_accounts,
    remove_account,
    set_password,
    store_for,
)
from kpi.access.links import board_for_token, create_link, revoke_links
from kpi.access.scope import scope_rules
from kpi.errors import NotAllowed, NotFound
from kpi.store import Store

PASSWORD = "correct horse battery"
PROVIDERS = ("Atlantic Relation", "Nordcall", "Sunline BPO")
OWN = "Atlantic Relation"
OTHERS = [p for p in PROVIDERS if p != OWN]


@pytest.fixture
def demo(demo_db):
    with Store(demo_db) as store:
        yield store


def provider_view(store: Store, provider: str = OWN) -> Store:
    return store_for(store, Account("floor lead", "provider", provider))


def test_every_table_has_a_scope_rule_and_an_undeclared_table_is_hidden(demo_db):
    with Store(demo_db) as store:
        rules = scope_rules(store.cursor())
        # Every provider-bearing table is filtered on its provider; credentials never show.
        for table in ("contacts", "intervals", "agent_activity", "evaluations", "snapshots",
                      "forecasts", "declared_reports", "imports", "targets", "actions",
                      "feedback", "week_notes", "incentive_schemes", "payments",
                      "queue_settings", "evaluation_scores", "change_log"):
            assert rules[table] == "provider", table
        assert rules["providers"] == "name"
        assert rules["action_notes"] == rules["rejected_rows"] == "parent"
        for table in ("accounts", "board_links", "wallboards", "mapping_profiles"):
            assert rules[table] == "hidden"
        store.write(lambda cur: cur.execute(
            "CREATE TABLE secret_deals (client VARCHAR, amount DOUBLE)"))
        store.write(lambda cur: cur.execute("INSERT INTO secret_deals VALUES ('x', 1)"))
    with Store(demo_db) as store:  # a table nobody declared: a provider reads nothing of it
        assert scope_rules(store.cursor())["secret_deals"] == "hidden"
        assert provider_view(store).scalar("SELECT count(*) FROM secret_deals") == 0


def test_an_unfiltered_query_through_a_provider_view_sees_that_provider_only(demo):
    view = provider_view(demo)
    for table, rule in scope_rules(demo.cursor()).items():
        column = {"provider": "provider", "name": "name"}.get(rule)
        if column is None:
            continue
        seen = set(view.read(f'SELECT DISTINCT "{column}" AS p FROM "{table}"').p)
        assert seen <= {OWN}, (table, seen)
    # Row for row what the unscoped database holds for that provider, nothing else.
    for table in ("contacts", "agent_activity", "evaluations", "actions", "feedback"):
        expected = demo.scalar(f"SELECT count(*) FROM {table} WHERE provider = ?", [OWN])
        assert expected > 0, table
        assert view.scalar(f"SELECT count(*) FROM {table}") == expected
    assert view.scalar("SELECT count(*) FROM main.contacts") == demo.scalar(
        "SELECT count(*) FROM contacts WHERE provider = ?", [OWN])
    own_actions = demo.read("SELECT action_id FROM actions WHERE provider = ?", [OWN]).action_id
    notes = view.read("SELECT action_id FROM action_notes").action_id
    assert set(notes) <= set(own_actions)
    assert view.scalar("SELECT count(*) FROM accounts") == 0
    assert view.scalar("SELECT count(*) FROM wallboards") == 0
    # Another provider's name asked for explicitly still reads nothing.
    assert view.scalar("SELECT count(*) FROM contacts WHERE provider = ?", [OTHERS[0]]) == 0
    assert demo.scalar("SELECT count(DISTINCT provider) FROM contacts") == 3  # base unchanged


def test_engine_and_committees_through_a_provider_view_know_one_provider(demo):
    from kpi.cli import _committee_pack
    from kpi.inventory import providers
    from kpi.metrics.compile import KpiRequest
    from kpi.metrics.engine import compute_kpis
    from kpi.reports.pack_files import pack_html, pack_xlsx

    view = provider_view(demo)
    assert providers(view) == [OWN]
    frame = compute_kpis(view, KpiRequest(("offered", "answer_rate"), "week",
                                          ("provider",))).frame
    assert set(frame.provider) == {OWN}
    args = dict(provider=None, week=None, month=None, quarter=None, half=None, lang="en")
    week = demo.scalar("SELECT strftime(max(arrived_local) - INTERVAL 7 DAY, '%G-W%V') "
                       "FROM contacts")
    month = demo.scalar("SELECT strftime(max(arrived_local) - INTERVAL 1 MONTH, '%Y-%m') "
                        "FROM contacts")
    quarter_start = demo.scalar("SELECT date_trunc('quarter', max(arrived_local)) "
                                "- INTERVAL 3 MONTH FROM contacts")
    quarter = f"{quarter_start.year}-Q{(quarter_start.month - 1) // 3 + 1}"
    built = [
        _committee_pack(view, Namespace(**args | dict(committee="production", provider=OWN,
                                                      week=week))),
        _committee_pack(view, Namespace(**args | dict(committee="steering", provider=OWN,
                                                      month=month))),
        # No --provider: "all providers", which for this account is one.
        _committee_pack(view, Namespace(**args | dict(committee="strategic",
                                                      quarter=quarter))),
    ]
    for pack in built:
        html = pack_html(pack)
        workbook = load_workbook(io.BytesIO(pack_xlsx(pack)))
        cells = " ".join(str(c.value) for ws in workbook for row in ws.iter_rows()
                         for c in row if c.value is not None)
        assert OWN in html + cells, pack.title
        for other in OTHERS:
            assert other not in html and other not in cells, (pack.title, other)
    # Asking for another provider by name: refused without naming anybody else.
    with pytest.raises(Exception) as refused:
        _committee_pack(view, Namespace(**args | dict(committee="production",
                                                      provider=OTHERS[0], week=week)))
    assert all(o not in str(refused.value).replace(f"{OTHERS[0]!r}", "")
               for o in OTHERS)


def test_calibration_and_statement_packs_through_a_provider_view(demo):
    from kpi.incentives.statement import statement
    from kpi.quality.calibration import analyse_sessions, calibration_history
    from kpi.reports.pack_files import pack_html
    from kpi.reports.packs import calibration_pack, statement_pack

    view = provider_view(demo)
    results = analyse_sessions(view, OWN, 5.0)
    assert results
    per_evaluator, group = calibration_history(results)
    month = demo.scalar("SELECT strftime(max(arrived_local) - INTERVAL 1 MONTH, '%Y-%m') "
                        "FROM contacts")
    for pack in (calibration_pack(results[-1], per_evaluator, group, "en"),
                 statement_pack(statement(view, OWN, month), "en")):
        html = pack_html(pack)
        assert all(other not in html for other in OTHERS), pack.title
    assert analyse_sessions(view, OTHERS[0], 5.0) == []


def test_roles_that_write_nothing_are_refused_at_the_store(demo):
    from kpi.governance.targets import list_targets, save_targets

    executive = store_for(demo, Account("board", "executive"))
    provider = provider_view(demo)
    for view in (executive, provider):
        with pytest.raises(NotAllowed):
            save_targets(view, list_targets(demo))
        with pytest.raises(NotAllowed):
            view.write(lambda cur: cur.execute("DELETE FROM contacts"))
        with pytest.raises(NotAllowed):
            view.trial(lambda cur: cur.execute("SELECT 1")) if view is provider else \
                view.write_own(lambda cur: cur.execute("SELECT 1"))
    assert demo.scalar("SELECT count(*) FROM contacts") > 0


def test_a_provider_answers_its_feedback_and_notes_its_actions_only(demo):
    from kpi.governance.actions import add_note, set_status
    from kpi.governance.feedback import answer_feedback

    view = provider_view(demo)
    own = demo.scalar("SELECT min(feedback_id) FROM feedback WHERE provider = ?", [OWN])
    other = demo.scalar("SELECT min(feedback_id) FROM feedback WHERE provider <> ?", [OWN])
    answer_feedback(view, own, "Deux conseillers de plus dès lundi")
    assert demo.read("SELECT answer, status FROM feedback WHERE feedback_id = ?",
                     [own]).iloc[0].tolist() == ["Deux conseillers de plus dès lundi",
                                                 "answered"]
    before = demo.read("SELECT * FROM feedback WHERE feedback_id = ?", [other])
    with pytest.raises(NotFound):
        answer_feedback(view, other, "hijacked")
    assert demo.read("SELECT * FROM feedback WHERE feedback_id = ?", [other]).equals(before)

    own_action = demo.scalar("SELECT min(action_id) FROM actions WHERE provider = ?", [OWN])
    other_action = demo.scalar("SELECT min(action_id) FROM actions WHERE provider <> ?", [OWN])
    other_before = demo.read("SELECT a.status, count(n.text) AS notes FROM actions a "
                             "LEFT JOIN action_notes n USING (action_id) "
                             "WHERE a.action_id = ? GROUP BY a.status", [other_action])
    add_note(view, own_action, "Planning revu", on=date(2026, 3, 18))
    set_status(view, own_action, "in progress")
    for change in (lambda: add_note(view, other_action, "x"),
                   lambda: set_status(view, other_action, "done")):
        with pytest.raises(NotFound):
            change()
    assert demo.read("SELECT a.status, count(n.text) AS notes FROM actions a "
                     "LEFT JOIN action_notes n USING (action_id) "
                     "WHERE a.action_id = ? GROUP BY a.status", [other_action]).equals(
        other_before)
    assert demo.scalar("SELECT status FROM actions WHERE action_id = ?",
                       [own_action]) == "in progress"
    log = demo.read("SELECT account, change, provider FROM change_log ORDER BY changed_at")
    assert log.tail(3).values.tolist() == [
        ["floor lead", "answer_feedback", OWN], ["floor lead", "add_note", OWN],
        ["floor lead", "set_status", OWN]]


def test_changes_record_the_signed_in_account_not_the_system_user(demo, tmp_path):
    from kpi.governance.targets import list_targets, save_targets
    from kpi.ingest.importer import import_export

    from .conftest import DATA

    pilot = store_for(demo, Account("marie", "pilot"))
    save_targets(pilot, list_targets(demo))
    report = import_export(pilot, DATA / "contacts_generic.csv")
    assert demo.scalar("SELECT imported_by FROM imports WHERE import_id = ?",
                       [report.import_id]) == "marie"
    log = demo.read("SELECT account, change FROM change_log")
    assert ["marie", "save_targets"] in log.values.tolist()
    assert ["marie", "import_files"] in log.values.tolist()


def test_accounts_are_hashed_and_bad_input_writes_nothing(demo):
    add_account(demo, "amina", "provider", PASSWORD, provider=OWN, email="Amina@Atlantic.fr")
    stored = demo.scalar("SELECT password_hash FROM accounts WHERE name = 'amina'")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    for bad in (dict(name="x", role="root", password=PASSWORD),
                dict(name="x", role="provider", password=PASSWORD),
                dict(name="x", role="provider", password=PASSWORD, provider="Nobody"),
                dict(name="x", role="pilot", password=PASSWORD, provider=OWN),
                dict(name="AMINA", role="pilot", password=PASSWORD),
                dict(name="x", role="pilot", password="short"),
                dict(name="x", role="pilot", password=""),
                dict(name=" ", role="pilot", password=PASSWORD)):
        with pytest.raises(InvalidAccount):
            add_account(demo, **bad)
    assert list_accounts(demo).name.tolist() == ["amina"]
    set_password(demo, "amina", "another long password")
    assert authenticate(demo, "amina", PASSWORD) is None
    assert authenticate(demo, "Amina", "another long password") == Account(
        "amina", "provider", OWN, "amina@atlantic.fr")
    with pytest.raises(InvalidAccount):
        set_password(demo, "amina", "short")
    remove_account(demo, "amina")
    with pytest.raises(NotFound):
        remove_account(demo, "amina")


def test_wrong_credentials_say_nothing_more_and_repeated_failures_slow_down(demo):
    add_account(demo, "paul", "pilot", PASSWORD)
    waits = []
    assert authenticate(demo, "paul", "wrong password", sleep=waits.append) is None
    assert authenticate(demo, "nobody", PASSWORD, sleep=waits.append) is None
    for _ in range(FREE_FAILURES + 2):
        authenticate(demo, "paul", "wrong again", sleep=waits.append)
    assert waits == [1.0, 2.0, 4.0]  # the 4th, 5th and 6th attempt on the name wait more
    assert authenticate(demo, "paul", PASSWORD, sleep=waits.append) == Account("paul", "pilot")
    assert authenticate(demo, "paul", "wrong", sleep=waits.append) is None
    assert waits == [1.0, 2.0, 4.0, 8.0]  # the right password waited its turn, then reset


def test_single_sign_on_maps_an_email_to_one_account(demo):
    add_account(demo, "claire", "executive", PASSWORD, email="claire.martin@client.com")
    assert account_for_email(demo, " Claire.Martin@CLIENT.com ") == Account(
        "claire", "executive", None, "claire.martin@client.com")
    assert account_for_email(demo, "claire@client.com") is None
    assert account_for_email(demo, None) is None
    assert account_for_email(demo, "") is None
    add_account(demo, "claire2", "pilot", PASSWORD, email="claire.martin@client.com")
    assert account_for_email(demo, "claire.martin@client.com") is None  # ambiguous: nobody


def test_board_links_open_one_board_until_revoked(demo):
    url = create_link(demo, "Floor Atlantic Relation", "https://cockpit.example.org/")
    assert url.startswith("https://cockpit.example.org/wallboard?kiosk=1&token=")
    token = url.split("token=")[1]
    assert len(token) >= 40
    assert board_for_token(demo, token) == "Floor Atlantic Relation"
    assert demo.scalar("SELECT count(*) FROM board_links WHERE token_hash = ?", [token]) == 0
    assert board_for_token(demo, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert board_for_token(demo, "") is None and board_for_token(demo, None) is None
    second = create_link(demo, "Floor Atlantic Relation").split("token=")[1]
    assert revoke_links(demo, "Floor Atlantic Relation") == 2
    assert board_for_token(demo, token) is None and board_for_token(demo, second) is None
    with pytest.raises(NotFound):
        create_link(demo, "No such board")


def test_scope_survives_a_read_only_open(demo_db_template):
    with Store(demo_db_template, read_only=True) as store:
        view = provider_view(store)
        assert set(view.read("SELECT DISTINCT provider FROM contacts").provider) == {OWN}


def test_a_cursor_that_never_entered_a_scope_reads_nothing_from_the_shadow_catalog(demo):
    from kpi.access.scope import SCOPE_CATALOG

    provider_view(demo).cursor().close()  # the first provider cursor builds the catalog
    cursor = demo.cursor()
    cursor.execute(f"USE {SCOPE_CATALOG}")
    assert cursor.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
    with pytest.raises(duckdb.Error):  # the shadow views cannot be written through
        cursor.execute("DELETE FROM contacts")


def test_a_several_provider_import_is_seen_by_each_under_its_own_name_only(demo):
    first = demo.scalar("SELECT min(import_id) FROM imports WHERE provider = ?", [OWN])
    demo.write(lambda cur: cur.execute(
        "UPDATE imports SET provider = ? WHERE import_id = ?", [f"{OWN}, {OTHERS[0]}", first]))
    for provider in (OWN, OTHERS[0]):
        seen = provider_view(demo, provider).read(
            "SELECT provider, file_name FROM imports WHERE import_id = ?", [first])
        assert seen.values.tolist() == [[provider, "(several providers)"]]
    assert provider_view(demo, OTHERS[1]).scalar(
        "SELECT count(*) FROM imports WHERE import_id = ?", [first]) == 0


def test_a_view_only_narrows(demo):
    view = provider_view(demo)
    with pytest.raises(NotAllowed):
        view.view("someone", provider_scope=OTHERS[0])
    again = view.view("someone")
    assert again.provider_scope == OWN and not again.writes
    executive = store_for(demo, Account("board", "executive"))
    assert not executive.view("board", writes=True).writes
    with pytest.raises(NotAllowed):
        executive.trial(lambda cur: cur.execute("SELECT 1"))


def test_a_deleted_boards_links_do_not_come_back_with_a_new_board_of_that_name(demo):
    from kpi.live.boards import BoardConfig, Scope, delete_board, save_board

    token = create_link(demo, "Floor Nordcall").split("token=")[1]
    delete_board(demo, "Floor Nordcall")
    save_board(demo, BoardConfig("Floor Nordcall", [Scope("Sunline BPO")]))
    assert board_for_token(demo, token) is None


def test_a_password_change_ends_the_sessions_opened_before(demo):
    from kpi.access.accounts import current

    add_account(demo, "paul", "pilot", PASSWORD)
    session = authenticate(demo, "paul", PASSWORD)
    assert current(demo, session) == session
    set_password(demo, "paul", "a brand new passphrase")
    assert current(demo, session) is None
    remove_account(demo, "paul")
    add_account(demo, "paul", "provider", PASSWORD, provider=OWN)  # same name, new person
    assert current(demo, session) is None


def test_every_spelling_of_a_name_shares_its_failure_count(demo):
    add_account(demo, "admin", "admin", PASSWORD)
    waits = []
    for spelling in ("admin", "ADMIN", " Admin ", "admin", "ADMİN"):
        authenticate(demo, spelling, "wrong guess", sleep=waits.append)
    assert waits == [1.0, 2.0]  # the 4th and 5th failures on the one name
    with pytest.raises(InvalidAccount):
        add_account(demo, "Local", "pilot", PASSWORD)  # the local mode's user
