"""The Visits and Selection pages of the real app (AppTest on a copy of the demo database,
signed in per role): what each role reads, what a pilot records, what is refused.

Expected figures are worked out by hand from the demo's visits (kpi/demo.py) or read from
the database with SQL of their own, never from the code under test."""

from __future__ import annotations

import json
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from kpi.access.accounts import add_account, authenticate
from kpi.demo import PROVIDERS
from kpi.store import Store

from .conftest import DEMO_TODAY, ROOT
from .test_app_roles import everything_shown

PASSWORD = "correct horse battery"
OWN = "Nordcall"
CANDIDATES = ["Horizon Contact", "Veritas Services"]
OTHERS = [p.name for p in PROVIDERS if p.name != OWN] + CANDIDATES
ACCOUNTS = {"pilot": ("pia", None), "executive": ("eve", None), "provider": ("nina", OWN)}
SIGNED_IN = {}
VISITS = "app_pages/visits.py"
SELECTION = "app_pages/selection.py"
# The demo's visits are dated from the Monday of its week.
MONDAY = date(2026, 3, 16)
assert DEMO_TODAY.isocalendar()[:2] == MONDAY.isocalendar()[:2] and MONDAY.weekday() == 0


@pytest.fixture
def visits_db(demo_db, monkeypatch):
    with Store(demo_db) as store:
        for role, (name, provider) in ACCOUNTS.items():
            add_account(store, name, role, PASSWORD, provider=provider)
            SIGNED_IN[role] = authenticate(store, name, PASSWORD)
    monkeypatch.setenv("COCKPIT_DB", str(demo_db))
    return demo_db


def open_as(role: str, page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["account"] = SIGNED_IN[role]
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def read(db, sql: str, params=None):
    with Store(db) as store:
        return store.read(sql, params or [])


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def table_rows(at: AppTest, index: int = 0) -> list[dict]:
    return at.dataframe[index].value.to_dict("records")


@pytest.mark.parametrize("page,title_en,title_fr", [
    (VISITS, "Floor visits", "Visites plateau"),
    (SELECTION, "Provider selection: finalists compared",
     "Sélection de prestataires : finalistes comparés")])
def test_both_pages_run_in_french_and_english(visits_db, page, title_en, title_fr):
    for lang, title in (("en", title_en), ("fr", title_fr)):
        at = open_as("pilot", page, lang)
        assert [t.value for t in at.title] == [title]
        assert not at.exception


def test_the_visits_page_lists_every_visit_and_shows_nordcalls_disagreement(visits_db):
    at = open_as("pilot", VISITS, "fr")
    listed = table_rows(at)
    stored = read(visits_db, "SELECT provider, site FROM visits ORDER BY visited_on DESC")
    assert [(r["Prestataire"], r["Site"]) for r in listed] == list(
        stored.itertuples(index=False, name=None))
    horizon = next(r for r in listed if r["Prestataire"] == "Horizon Contact")
    # Horizon Contact: minor, minor, serious, not seen, minor, serious (kpi/demo.py):
    # 100 × (0.5 + 0.5 + 0 + 1 + 0.5 + 0) / 6 = 41.7.
    assert horizon == {"Prestataire": "Horizon Contact", "Statut": "candidat",
                       "Date de visite": "17/02/2026", "Site": "Lisboa",
                       "Visiteurs": "Pilote, Achats", "Écoutes": "0",
                       "Avis": "défavorable", "Note": "41,7", "Graves": "2", "Mineurs": "3"}
    # The newest visit is shown first: Nordcall's calm floor against its occupancy, read
    # here straight from agent activity over the four weeks up to the visit's.
    assert at.selectbox(key="visit-choice-fr").value == int(read(
        visits_db, "SELECT visit_id FROM visits WHERE provider = 'Nordcall'").iloc[0, 0])
    occupancy = read(visits_db, """
        SELECT sum(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0))
               / sum(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0)
                     + available_s)
        FROM agent_activity WHERE provider = 'Nordcall'
          AND start_local >= DATE '2026-02-16' AND start_local < DATE '2026-03-16'""").iloc[0, 0]
    shown = f"{occupancy * 100:.1f}\u202f%".replace(".", ",")
    assert 0.8 < occupancy < 0.95
    assert [w.value for w in at.warning] == [
        "Observation et données en désaccord sur « Un plateau trop calme » : Plateau calme "
        f"observé, pourtant l'occupation est de {shown} (seuil 60,0\u202f%)."]
    checks = at.table[2].value  # after the visit's items and their guide
    assert list(checks["Vu / données"]) == ["concordent", "désaccord", "—"]


def test_a_candidates_visit_says_there_is_no_data_to_compare(visits_db):
    at = open_as("pilot", VISITS)
    horizon = int(read(visits_db, "SELECT visit_id FROM visits "
                                  "WHERE provider = 'Horizon Contact'").iloc[0, 0])
    at.selectbox(key="visit-choice-en").set_value(horizon).run()
    assert not at.exception and not at.warning
    assert "Horizon Contact is a candidate: there is no production data yet" in " ".join(
        i.value for i in at.info)
    items = at.table[0].value
    assert dict(zip(items.index, items["Rating"], strict=True)) == {
        "No hands-on supervision": "minor", "Hands that do not move": "minor",
        "A floor that is too calm": "serious", "A floor that is too loud": "not seen",
        "No visible indicators": "minor", "A guided tour": "serious"}


def test_a_pilot_saves_a_visit_through_the_form_and_it_is_in_the_database(visits_db):
    at = open_as("pilot", VISITS)
    before = read(visits_db, "SELECT count(*) AS n FROM visits").n[0]
    at.selectbox(key="visit-new-en-provider").set_value("Veritas Services")
    at.date_input(key="visit-new-en-day").set_value(date(2026, 3, 17))
    at.text_input(key="visit-new-en-site").input("Aix-en-Provence")
    at.text_input(key="visit-new-en-visitors").input("Pilot")
    at.number_input(key="visit-new-en-listening").set_value(3)
    at.selectbox(key="visit-new-en-verdict").set_value("reservations")
    at.text_area(key="visit-new-en-notes").input("Second visit, unannounced.")
    at.radio(key="visit-new-en-rating-supervision").set_value("serious")
    at.text_input(key="visit-new-en-notes-supervision").input("Nobody on the floor at 9")
    at.radio(key="visit-new-en-rating-guided_tour").set_value("not_seen")
    button(at, "Save the visit").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    visit = read(visits_db, "SELECT * FROM visits WHERE site = 'Aix-en-Provence'")
    assert len(visit) == 1 and read(visits_db, "SELECT count(*) AS n FROM visits").n[0] == \
        before + 1
    v = visit.iloc[0]
    assert (v.provider, v.visited_on.date(), v.visitors, v.listening_sessions, v.verdict,
            v.notes) == ("Veritas Services", date(2026, 3, 17), "Pilot", 3, "reservations",
                         "Second visit, unannounced.")
    ratings = read(visits_db, "SELECT item, rating, notes FROM visit_ratings "
                              "WHERE visit_id = ? ORDER BY item", [int(v.visit_id)])
    assert [[i, r, n if isinstance(n, str) else None] for i, r, n in ratings.values] == [
        ["guided_tour", "not_seen", None], ["supervision", "serious", "Nobody on the floor at 9"]]
    # The page now shows that visit: 100 × (0 + 1) / 2 = 50.0, one serious signal.
    assert at.selectbox(key="visit-choice-en").value == int(v.visit_id)
    row = next(r for r in table_rows(at) if r["Site"] == "Aix-en-Provence")
    assert (row["Score"], row["Serious"], row["Minor"], row["Verdict"]) == (
        "50.0", "1", "0", "with reservations")
    assert at.text_input(key="visit-new-en-site").value == ""  # a blank form for the next one


def test_a_visit_without_its_site_is_refused_and_nothing_is_written(visits_db):
    before = read(visits_db, "SELECT count(*) AS n FROM visits").n[0]
    at = open_as("pilot", VISITS, "fr")
    at.radio(key="visit-new-fr-rating-hands").set_value("minor")
    button(at, "Enregistrer la visite").click().run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert error.startswith("La visite n'a pas été enregistrée :")
    assert "- visite : une visite a besoin de son site" in error and "Traceback" not in error
    assert read(visits_db, "SELECT count(*) AS n FROM visits").n[0] == before


def test_a_pilot_edits_the_shown_visit_which_keeps_its_place(visits_db):
    at = open_as("pilot", VISITS)
    nordcall = int(read(visits_db, "SELECT visit_id FROM visits "
                                   "WHERE provider = 'Nordcall'").iloc[0, 0])
    at.radio(key="visit-mode-en").set_value("edit").run()
    key = f"visit-{nordcall}-en"
    assert at.text_input(key=f"{key}-site").value == "Lille"
    assert at.radio(key=f"{key}-rating-too_calm").value == "minor"
    at.radio(key=f"{key}-rating-too_calm").set_value("serious")
    button(at, "Save the visit").click().run()
    assert not at.exception and not at.error
    assert read(visits_db, "SELECT visit_id, rating FROM visits JOIN visit_ratings "
                           "USING (visit_id) WHERE provider = 'Nordcall' AND item = 'too_calm'"
                ).values.tolist() == [[nordcall, "serious"]]


def test_correcting_a_visits_site_keeps_one_visit(visits_db):
    before = read(visits_db, "SELECT count(*) AS n FROM visits").n[0]
    at = open_as("pilot", VISITS)
    nordcall = int(read(visits_db, "SELECT visit_id FROM visits "
                                   "WHERE provider = 'Nordcall'").iloc[0, 0])
    at.radio(key="visit-mode-en").set_value("edit").run()
    at.text_input(key=f"visit-{nordcall}-en-site").set_value("Lille Europe")
    button(at, "Save the visit").click().run()
    assert not at.exception and not at.error
    assert read(visits_db, "SELECT count(*) AS n FROM visits").n[0] == before
    assert read(visits_db, "SELECT site FROM visits WHERE visit_id = ?", [nordcall]
                ).site.tolist() == ["Lille Europe"]


FILLED_GRID = ("item;rating;notes;date;site\n"
               "supervision;mineur;Superviseurs assis;10/03/2026;Lille\n"
               "Training room;grave;Pas de salle;10/03/2026;Lille\n")


def test_an_uploaded_grid_with_an_unknown_item_is_refused_by_row_and_column(visits_db):
    before = read(visits_db, "SELECT (SELECT count(*) FROM visits) AS v, "
                             "(SELECT count(*) FROM visit_ratings) AS r").values.tolist()
    at = open_as("pilot", VISITS)
    at.selectbox(key="upload-provider-en").set_value(OWN).run()
    at.file_uploader[0].set_value(("nordcall.csv", FILLED_GRID.encode(), "text/csv")).run()
    button(at, "Import the visit").click().run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "row 3, column item: expected an item of the visit grid" in error
    assert "found 'Training room'" in error and "was not imported" in error
    assert "Traceback" not in error
    assert read(visits_db, "SELECT (SELECT count(*) FROM visits) AS v, "
                           "(SELECT count(*) FROM visit_ratings) AS r").values.tolist() == before


def test_an_uploaded_grid_becomes_the_providers_visit(visits_db):
    at = open_as("pilot", VISITS)
    at.selectbox(key="upload-provider-en").set_value(OWN).run()
    grid = FILLED_GRID.replace("Training room;grave", "6;grave")  # signal 6: guided tour
    at.file_uploader[0].set_value(("nordcall.csv", grid.encode(), "text/csv")).run()
    button(at, "Import the visit").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    stored = read(visits_db, "SELECT item, rating FROM visits JOIN visit_ratings "
                             "USING (visit_id) WHERE provider = ? AND visited_on = ? "
                             "ORDER BY item", [OWN, date(2026, 3, 10)])
    assert stored.values.tolist() == [["guided_tour", "serious"], ["supervision", "minor"]]
    assert at.selectbox(key="visit-choice-en").value == int(read(
        visits_db, "SELECT visit_id FROM visits WHERE provider = ? AND visited_on = ?",
        [OWN, date(2026, 3, 10)]).iloc[0, 0])


def test_a_pilot_adds_a_candidate_its_figures_in_percent_then_promotes_it(visits_db):
    at = open_as("pilot", VISITS)
    at.text_input(key="candidate-name").input("Clarity Calls")
    button(at, "Add the candidate").click().run()
    assert not at.exception and not at.error
    at.selectbox(key="candidate-who").set_value("Clarity Calls").run()
    at.number_input(key="announce-Clarity Calls-answer_rate").set_value(95.5)
    at.number_input(key="announce-Clarity Calls-aht_s").set_value(270)
    at.number_input(key="announce-Clarity Calls-price_per_hour").set_value(26.4)
    button(at, "Save the announced figures").click().run()
    assert not at.exception and not at.error
    said = read(visits_db, "SELECT figure, value FROM announced_figures "
                           "WHERE provider = 'Clarity Calls' ORDER BY figure")
    assert said.values.tolist() == [["aht_s", 270.0], ["answer_rate", pytest.approx(0.955)],
                                     ["price_per_hour", 26.4]]
    at.selectbox(key="candidate-who").set_value("Clarity Calls").run()
    button(at, "Promote Clarity Calls to active provider").click().run()
    assert not at.exception and not at.error
    assert read(visits_db, "SELECT stage FROM providers WHERE name = 'Clarity Calls'"
                ).stage[0] == "active"


def test_grid_items_a_pilot_adds_make_a_new_version_the_page_then_shows(visits_db):
    """The page's data editor hands its new rows to views.grid_with_new_items (AppTest
    cannot type into a data editor, so the rows are given here as the editor returns
    them: blank rows included)."""
    import pandas as pd

    from kpi.visits.grids import save_visit_grid, visit_grid
    from kpi.visits.views import NEW_ITEM_COLUMNS, grid_with_new_items

    added = pd.DataFrame([
        {"label_en": "Training room", "label_fr": "Salle de formation", "weight": 2.0},
        {"label_en": None, "label_fr": "  ", "weight": None}], columns=NEW_ITEM_COLUMNS)
    with Store(visits_db) as store:
        version = save_visit_grid(store, grid_with_new_items(visit_grid(store), added),
                                  valid_from=date(2026, 3, 18))
    assert version == 2
    grid = read(visits_db, "SELECT version, item, label_fr, weight FROM visit_grid_items "
                           "WHERE version = 2 ORDER BY position")
    assert grid.item.tolist() == ["supervision", "hands", "too_calm", "too_loud",
                                  "indicators", "guided_tour", "training_room"]
    assert grid.iloc[-1].tolist() == [2, "training_room", "Salle de formation", 2.0]
    at = open_as("pilot", VISITS)
    assert "Version 2, in force since 2026-03-18: 7 items." in [c.value for c in at.caption]
    # A new visit is rated on it; the demo's visits keep version 1.
    assert at.radio(key="visit-new-en-rating-training_room").value == "none"
    assert at.table[0].value.index.tolist()[-1] == "A guided tour"


def test_an_executive_reads_both_pages_and_changes_nothing(visits_db):
    for page in (VISITS, SELECTION):
        at = open_as("executive", page)
        assert at.title and not at.get("file_uploader") and not at.text_area
        labels = [b.label for b in at.main.button]
        assert not [b for b in labels if any(w in b.lower() for w in (
            "save", "import", "add", "promote", "delete"))], labels
        assert all(f.proto.editing_mode == f.proto.EditingMode.READ_ONLY
                   for f in at.dataframe)
        assert not [e.label for e in at.expander if e.label.startswith("Enter")]
    # Weights can be tried for the session: the scores move, nothing is stored.
    settings = read(visits_db, "SELECT * FROM app_settings ORDER BY ALL").values.tolist()
    at.number_input(key="weight-guided_tour").set_value(0).run()
    latest = {r["Provider"]: r["Visit score"] for r in table_rows(at)}
    # Without the guided tour: Horizon Contact 100 × (0.5 + 0.5 + 0 + 1 + 0.5) / 5 = 50.0,
    # Veritas Services 100 × (1 + 1 + 1 + 1 + 0.5) / 5 = 90.0.
    assert latest == {"Horizon Contact": "50.0", "Veritas Services": "90.0"}
    assert read(visits_db, "SELECT * FROM app_settings ORDER BY ALL").values.tolist() == \
        settings


def test_the_selection_compares_the_candidates_and_a_serious_signal_stands_out(visits_db):
    at = open_as("pilot", SELECTION)
    assert at.multiselect(key="selection-providers-en").value == CANDIDATES
    assert [e.value for e in at.error] == [
        "Horizon Contact: 2 serious signals seen — A floor that is too calm, A guided tour"]
    # 100 × (0.5 + 0.5 + 0 + 1 + 0.5 + 0) / 6 and 100 × (1 + 1 + 1 + 1 + 0.5 + 1) / 6.
    latest = {r["Provider"]: (r["Visit score"], r["Serious signals"]) for r in table_rows(at)}
    assert latest == {"Horizon Contact": ("41.7", "2"), "Veritas Services": ("91.7", "0")}
    ratings = {r["Item"]: (r["Horizon Contact"], r["Veritas Services"])
               for r in table_rows(at, 1)}
    assert ratings["A guided tour"] == ("serious", "not seen")
    assert ratings["No visible indicators"] == ("minor", "minor")
    figures = {r["Announced figure"]: (r["Horizon Contact"], r["Veritas Services"])
               for r in table_rows(at, 2)}
    assert figures["Answer rate"] == ("97.0%", "93.0%")
    assert figures["Average handling time"] == ("240.0 s", "290.0 s")
    assert figures["Price per hour"] == ("24.50", "29.00")
    assert figures["Customer satisfaction"] == ("—", "84.0%")
    # Even weighted down to nothing, the guided tour keeps its warning; the pilot saves it.
    at.number_input(key="weight-guided_tour").set_value(0).run()
    assert "A guided tour" in at.error[0].value
    button(at, "Save these weights as the default").click().run()
    stored = read(visits_db, "SELECT value FROM app_settings WHERE name = "
                             "'selection_weights'").value[0]
    assert json.loads(stored)["guided_tour"] == 0
    assert json.loads(stored)["supervision"] == 1


def test_a_never_visited_provider_is_said_so(visits_db):
    at = open_as("pilot", SELECTION, "fr")
    at.multiselect(key="selection-providers-fr").set_value(["Veritas Services", OWN]).run()
    assert not at.exception and not at.error
    with Store(visits_db) as store:  # a provider with no visit: a new candidate
        from kpi.visits.candidates import add_candidate

        add_candidate(store, "Nouvel Appel")
    at = open_as("pilot", SELECTION, "fr")
    at.multiselect(key="selection-providers-fr").set_value(["Nouvel Appel"]).run()
    assert not at.exception
    assert "Nouvel Appel : pas encore visité" in " ".join(i.value for i in at.info)


def test_a_provider_account_sees_its_own_visits_only_and_no_selection(visits_db):
    at = open_as("provider", VISITS)
    own = read(visits_db, "SELECT site FROM visits WHERE provider = ?", [OWN])
    assert [r["Site"] for r in table_rows(at)] == own.site.tolist() and len(own) == 1
    assert {r["Provider"] for r in table_rows(at)} == {OWN}
    shown = everything_shown(at) + " ".join(str(t.value) for t in at.table)
    for other in OTHERS:
        assert other not in shown, other
    assert at.warning  # its own disagreement, as the pilot sees it
    assert not at.get("file_uploader") and not at.main.button
    at = open_as("provider", SELECTION)
    assert not at.title
    assert [e.value for e in at.error] == ["Your account cannot open this page."]
    assert "Horizon Contact" not in everything_shown(at)
