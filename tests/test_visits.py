"""Floor visits and provider selection (issue 15), the core in kpi/visits: grid arithmetic and
versions, visit reports saved and imported from filled grids (and their refusals), candidates,
the disagreement rule against weeks worked out by hand, provider isolation, and finalists
compared. Real DuckDB files, real exports through the real importers; every expected value is
worked out in the comments beside it."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from kpi.access.accounts import Account, store_for
from kpi.errors import ImportRefused, NotAllowed, NotFound
from kpi.flags import save_thresholds, thresholds
from kpi.ingest.importer import import_files
from kpi.inventory import providers
from kpi.settings import INTAKE_LIMITS, store_settings
from kpi.store import Store
from kpi.visits.candidates import (
    InvalidCandidate,
    add_candidate,
    announce,
    announced,
    candidates,
    promote,
    stages,
)
from kpi.visits.grids import (
    COLUMNS,
    InvalidVisitGrid,
    list_visit_grids,
    parse_rating,
    save_visit_grid,
    visit_grid,
)
from kpi.visits.reports import (
    VisitReport,
    delete_visit,
    import_visit_file,
    latest_visit,
    list_visits,
    save_visit,
    visit_items,
    visit_score,
)
from kpi.visits.selection import (
    InvalidWeights,
    compare,
    save_selection_weights,
    selection_weights,
)
from kpi.visits.signals import check_text, visit_data

SIX = ["supervision", "hands", "too_calm", "too_loud", "indicators", "guided_tour"]
N, M, S = "not_seen", "minor", "serious"


# --- helpers: hand-made exports, loaded by the real importer ------------------------------

def _import(store: Store, path: Path, provider: str) -> None:
    import_files(store, [(path, path.name)], provider=provider, imported_by="test")


def _contacts_csv(path: Path, days: dict[date, tuple[int, int]], prefix: str = "") -> Path:
    """A French contact export (`;`, dd/mm/yyyy hh:mm:ss). A day's (n, traced): n contacts,
    contact k arriving at 08:05 + 30 min × k (each alone in its half-hour), answered after
    10 s, 240 s of talk and 60 s of after-call work (AHT 300 s); the first `traced` of the
    day carry a contact reason, the others leave it blank."""
    lines = ["id_appel;file;date_heure_arrivee;date_reponse;attente;conversation;post_appel;"
             "conseiller;motif"]
    for day, (count, traced) in days.items():
        for k in range(count):
            arrived = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=8, minutes=5 + 30 * k)
            answered = arrived + timedelta(seconds=10)
            lines.append(f"{prefix}{day:%Y%m%d}-{k};Service;{arrived:%d/%m/%Y %H:%M:%S};"
                         f"{answered:%d/%m/%Y %H:%M:%S};10;240;60;A1;"
                         f"{'facturation' if k < traced else ''}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _activity_csv(path: Path, days: dict[date, tuple[int, int, int, int, int]]) -> Path:
    """Agent activity, one agent a day: (logged, talk, hold, acw, available) seconds."""
    lines = ["date,agent_id,logged_s,talk_s,hold_s,acw_s,available_s"]
    lines += [f"{day.isoformat()},A1,{','.join(str(v) for v in values)}"
              for day, values in days.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _snapshots_csv(path: Path, moments: list[datetime]) -> Path:
    lines = ["horodatage;file;en_attente"] + [f"{m:%d/%m/%Y %H:%M:%S};Service;3"
                                              for m in moments]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _weekdays(monday: date) -> list[date]:
    return [monday + timedelta(days=d) for d in range(5)]


def _provider(store: Store, tmp_path: Path, name: str) -> None:
    """An active provider, born of one small contact export (its own contact ids: the same
    bytes for another provider would be taken for a file already imported)."""
    _import(store, _contacts_csv(tmp_path / f"{name}_seed.csv", {date(2026, 1, 5): (1, 1)},
                                 name), name)


def _rows(store: Store) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every visits and visit_ratings row, to compare before and after a refusal."""
    return (store.read("SELECT * FROM visits ORDER BY visit_id"),
            store.read("SELECT * FROM visit_ratings ORDER BY visit_id, item"))


def _assert_unchanged(store: Store, before: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    after = _rows(store)
    pd.testing.assert_frame_equal(after[0], before[0])
    pd.testing.assert_frame_equal(after[1], before[1])


def _ratings(store: Store, visit_id: int) -> dict[str, tuple[str, str | None]]:
    rows = store.read("SELECT item, rating, notes FROM visit_ratings WHERE visit_id = ?",
                      [visit_id])
    return {r.item: (r.rating, r.notes if isinstance(r.notes, str) else None)
            for r in rows.itertuples()}


@pytest.fixture
def acme(store, tmp_path):
    """A store with one active provider, Acme."""
    _provider(store, tmp_path, "Acme")
    return store


# --- 1. grid arithmetic -------------------------------------------------------------------

def _scored(rows: list[tuple[str, str | None, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["item", "rating", "weight"])


def test_visit_score_weights_points_and_what_is_left_out():
    ratings = _scored([("a", N, 1.0), ("b", M, 1.0), ("c", S, 2.0), ("d", None, 5.0)])
    # d is not rated: left out with its weight. 100 × (1×1 + 1×0.5 + 2×0) / (1 + 1 + 2)
    # = 100 × 1.5 / 4 = 37.5
    assert visit_score(ratings) == pytest.approx(37.5)
    # The pilot's weights override the grid's for the items they name: a 3, b 1 (grid's),
    # c 0: 100 × (3×1 + 1×0.5 + 0×0) / (3 + 1 + 0) = 100 × 3.5 / 4 = 87.5
    assert visit_score(ratings, {"a": 3, "c": 0}) == pytest.approx(87.5)
    # A weight on the unrated item changes nothing: still 37.5.
    assert visit_score(ratings, {"d": 100}) == pytest.approx(37.5)
    # Every rated item weighted 0: no score, not a division by zero.
    assert visit_score(ratings, {"a": 0, "b": 0, "c": 0}) is None
    # Nothing rated: no score (not 0, not 100).
    assert visit_score(_scored([("a", None, 1.0), ("b", None, 1.0)])) is None
    # All serious: 0; all not seen: 100.
    assert visit_score(_scored([("a", S, 1.0), ("b", S, 3.0)])) == 0
    assert visit_score(_scored([("a", N, 1.0), ("b", N, 3.0)])) == 100


@pytest.mark.parametrize("written,rating", [
    ("grave", S), ("Grave ", S), ("mineur", M), ("non observé", N), ("Non Observé", N),
    ("0", N), ("1", M), ("2", S), (2, S), (1.0, M), ("not seen", N), ("serious", S),
    ("non observe", N), ("NON-OBSERVÉ", N), ("Sérieux", S), ("serieux", S), ("léger", M),
    ("leger", M), ("2,0", S), ("not_seen", N),
    ("3", None), ("", None), (None, None), (float("nan"), None), ("peut-être", None)])
def test_ratings_as_people_write_them(written, rating):
    assert parse_rating(written) == rating


def test_the_default_grid_is_the_six_signals_in_both_languages(store):
    grid = visit_grid(store)
    assert grid.item.tolist() == SIX
    assert grid.signal.tolist() == [1, 2, 3, 4, 5, 6]
    assert (grid.version == 1).all() and (grid.weight == 1.0).all()
    for row in grid.itertuples():
        for words in (row.label_en, row.label_fr, row.look_en, row.look_fr, row.good_en,
                      row.good_fr):
            assert isinstance(words, str) and words.strip()
        assert row.label_en != row.label_fr
    assert grid.set_index("item").label_fr["too_calm"] == "Un plateau trop calme"
    assert grid.set_index("item").label_en["guided_tour"] == "A guided tour"
    # Read as version 1 until someone saves: nothing stored yet.
    assert list_visit_grids(store).empty


def test_grid_versions_same_items_added_item_and_the_visit_keeps_its_version(acme):
    store = acme
    base = visit_grid(store)[COLUMNS]
    # The same items: the same version, nothing new stored.
    assert save_visit_grid(store, base.copy(), valid_from=date(2026, 1, 1)) == 1
    assert list_visit_grids(store).empty
    # An item a pilot adds (no signal, weight 2): version 2 from 1 March.
    added = pd.concat([base, pd.DataFrame([{
        "item": "training", "label_en": "Training room", "label_fr": "Salle de formation",
        "weight": 2}])], ignore_index=True)
    assert save_visit_grid(store, added, valid_from=date(2026, 3, 1)) == 2
    versions = list_visit_grids(store)
    assert versions[["version", "items"]].values.tolist() == [[1, 6], [2, 7]]
    assert versions.valid_from.map(lambda d: pd.Timestamp(d).date()).tolist() == [
        date(2000, 1, 1), date(2026, 3, 1)]
    assert visit_grid(store, on=date(2026, 2, 28)).item.tolist() == SIX
    on_march = visit_grid(store, on=date(2026, 3, 1))
    assert on_march.item.tolist() == [*SIX, "training"]
    assert (on_march.version == 2).all()
    training = on_march.set_index("item").loc["training"]
    assert pd.isna(training.signal) and training.weight == 2.0
    assert training.label_fr == "Salle de formation"
    assert visit_grid(store).version.iloc[0] == 2  # the latest
    assert visit_grid(store, version=1).item.tolist() == SIX
    # Saved again unchanged (another day): still version 2.
    assert save_visit_grid(store, added.copy(), valid_from=date(2026, 4, 1)) == 2
    assert len(list_visit_grids(store)) == 2
    # A version that would start before the one in force: refused, nothing stored.
    fewer = added[added.item != "too_loud"]
    with pytest.raises(InvalidVisitGrid, match="cannot start before"):
        save_visit_grid(store, fewer, valid_from=date(2026, 2, 1))
    assert len(list_visit_grids(store)) == 2

    # A visit before 1 March is rated on version 1 (training is not on it); one after, on 2.
    february = VisitReport("Acme", date(2026, 2, 20), "Lille", ratings={"hands": (M, "")})
    feb_id = save_visit(store, february)
    with pytest.raises(ImportRefused, match="'training' is not on the grid"):
        save_visit(store, VisitReport("Acme", date(2026, 2, 21), "Lille",
                                      ratings={"training": (S, "")}))
    march_id = save_visit(store, VisitReport("Acme", date(2026, 3, 5), "Lille",
                                             ratings={"training": (S, "No room at all")}))
    grid_of = store.read("SELECT visit_id, grid_version FROM visits ORDER BY visit_id")
    assert grid_of.values.tolist() == [[feb_id, 1], [march_id, 2]]
    assert visit_items(store, feb_id).item.tolist() == SIX
    march = visit_items(store, march_id).set_index("item")
    assert march.rating["training"] == S and march.notes["training"] == "No room at all"
    assert march.rating.drop("training").isna().all()
    # Its score: training alone rated, serious: 0.
    assert list_visits(store).set_index("visit_id").score[march_id] == 0


def test_a_grid_with_an_item_twice_or_a_bad_weight_is_refused(store):
    base = visit_grid(store)[COLUMNS]
    twice = pd.concat([base, base.iloc[[1]]], ignore_index=True)
    with pytest.raises(InvalidVisitGrid, match="named twice: hands"):
        save_visit_grid(store, twice, valid_from=date(2026, 3, 1))
    negative = base.assign(weight=[1, 1, -1, 1, 1, 1])
    with pytest.raises(InvalidVisitGrid, match="row 3, column weight"):
        save_visit_grid(store, negative, valid_from=date(2026, 3, 1))
    for weight in ("inf", "nan", "lourd"):
        with pytest.raises(InvalidVisitGrid, match="row 2, column weight"):
            save_visit_grid(store, base.assign(weight=[1, weight, 1, 1, 1, 1]),
                            valid_from=date(2026, 3, 1))
    for signal in ("seven", "7", "0", "2.5", "inf"):
        with pytest.raises(InvalidVisitGrid, match="row 7, column signal"):
            save_visit_grid(store, pd.concat([base, pd.DataFrame([{
                "item": "x", "label_en": "X", "signal": signal}])], ignore_index=True),
                valid_from=date(2026, 3, 1))
    nameless = pd.concat([base, pd.DataFrame([{"item": "x", "weight": 1}])],
                         ignore_index=True)
    with pytest.raises(InvalidVisitGrid, match="row 7, column label_en"):
        save_visit_grid(store, nameless, valid_from=date(2026, 3, 1))
    assert list_visit_grids(store).empty


def test_a_page_editor_blank_signal_and_weight_read_as_none_and_one(store):
    # A data editor gives text: "" for an empty cell.
    base = visit_grid(store)[COLUMNS].astype(str)
    added = pd.concat([base, pd.DataFrame([{
        "item": "tools", "signal": "", "label_en": "Tools shown", "label_fr": "",
        "weight": ""}])], ignore_index=True)
    assert save_visit_grid(store, added, valid_from=date(2026, 3, 1)) == 2
    tools = visit_grid(store).set_index("item").loc["tools"]
    assert pd.isna(tools.signal) and tools.weight == 1.0
    assert tools.label_fr == "Tools shown"  # one language stands for both
    assert visit_grid(store).set_index("item").signal["indicators"] == 5


# --- 2. visit reports ---------------------------------------------------------------------

def test_saving_the_same_provider_day_and_site_replaces_the_visit(acme):
    store = acme
    first = save_visit(store, VisitReport(
        "Acme", date(2026, 3, 10), "Lille", "Pilot", 1, "reservations", "first pass",
        {"supervision": (M, "seated"), "hands": (S, "no typing")}))
    # Same provider, day and site (the site written with spaces): the same visit, its
    # ratings replaced, not added to.
    again = save_visit(store, VisitReport(
        "Acme", date(2026, 3, 10), " Lille ", "Pilot, Purchasing", 2, "favourable", "second",
        {"too_calm": (N, "")}))
    assert again == first
    visits = store.read("SELECT * FROM visits")
    assert len(visits) == 1
    row = visits.iloc[0]
    assert (row.site, row.visitors, row.listening_sessions, row.verdict, row.notes) == (
        "Lille", "Pilot, Purchasing", 2, "favourable", "second")
    assert _ratings(store, first) == {"too_calm": (N, None)}
    # Another site the same day is another visit.
    other = save_visit(store, VisitReport("Acme", date(2026, 3, 10), "Roubaix",
                                          ratings={"hands": (N, "")}))
    assert other != first and store.scalar("SELECT count(*) FROM visits") == 2
    listed = list_visits(store, "Acme")
    assert listed.visit_id.tolist() == [first, other]  # same day: by site
    assert listed.set_index("visit_id").score.to_dict() == {first: 100.0, other: 100.0}
    assert latest_visit(store, "Acme", date(2026, 3, 9)) is None
    assert latest_visit(store, "Acme", date(2026, 3, 10)).visit_id == first

    # Editing a visit's day: with `replaces`, the same visit moves (ratings replaced).
    moved = save_visit(store, VisitReport("Acme", date(2026, 3, 11), "Lille", "Pilot", 1,
                                          None, "", {"hands": (M, "")}), replaces=first)
    assert moved == first and store.scalar("SELECT count(*) FROM visits") == 2
    assert store.read("SELECT visited_on FROM visits WHERE visit_id = ?", [first]
                      ).visited_on.dt.date.tolist() == [date(2026, 3, 11)]
    assert _ratings(store, first) == {"hands": (M, None)}
    # Moving the Roubaix visit onto the Lille one's day and site: refused, nothing changes.
    before = _rows(store)
    with pytest.raises(ImportRefused, match=f"already has a visit .* \\(visit {first}\\)"):
        save_visit(store, VisitReport("Acme", date(2026, 3, 11), "Lille",
                                      ratings={"hands": (S, "")}), replaces=other)
    with pytest.raises(ImportRefused, match="no visit 999 to replace"):
        save_visit(store, VisitReport("Acme", date(2026, 3, 1), "Lille",
                                      ratings={"hands": (S, "")}), replaces=999)
    _assert_unchanged(store, before)
    # Deleting a visit takes its ratings with it.
    delete_visit(store, other)
    assert list_visits(store).visit_id.tolist() == [first]
    assert store.scalar("SELECT count(*) FROM visit_ratings WHERE visit_id = ?", [other]) == 0
    with pytest.raises(NotFound):
        visit_items(store, other)


@pytest.mark.parametrize("report,words", [
    (VisitReport("Acme", date(2026, 3, 10), "Lille", ratings={"canteen": (M, "")}),
     "item 'canteen' is not on the grid"),
    (VisitReport("Acme", date(2026, 3, 10), "Lille", ratings={"hands": ("terrible", "")}),
     "rating 'terrible'"),
    (VisitReport("Nobody", date(2026, 3, 10), "Lille", ratings={"hands": (M, "")}),
     "unknown provider 'Nobody'"),
    (VisitReport("Acme", date(2026, 3, 10), "Lille", listening_sessions=-1,
                 ratings={"hands": (M, "")}), "listening sessions must be a whole number"),
    # Beyond any visit (and beyond the column's INTEGER), or not whole.
    (VisitReport("Acme", date(2026, 3, 10), "Lille", listening_sessions=2 ** 40,
                 ratings={"hands": (M, "")}), "from 0 to 1000, not 1099511627776"),
    (VisitReport("Acme", date(2026, 3, 10), "Lille", listening_sessions=1.5,
                 ratings={"hands": (M, "")}), "from 0 to 1000, not 1.5"),
    (VisitReport("Acme", date(2026, 3, 10), "  ", ratings={"hands": (M, "")}),
     "needs its site"),
    (VisitReport("Acme", date(2026, 3, 10), "Lille", verdict="maybe",
                 ratings={"hands": (M, "")}), "verdict 'maybe'"),
])
def test_a_bad_report_is_refused_whole(acme, report, words):
    store = acme
    # The visit it would replace exists: a refusal must leave it as it was.
    save_visit(store, VisitReport("Acme", date(2026, 3, 10), "Lille", "Pilot", 0, None, "",
                                  {"supervision": (S, "kept"), "too_loud": (N, "")}))
    before = _rows(store)
    with pytest.raises(ImportRefused) as refused:
        save_visit(store, report)
    assert words in str(refused.value)
    _assert_unchanged(store, before)


# A filled grid as a pilot writes it: French headers, the date, site and verdict on the
# first row only, items named by key, label or signal number, ratings in words or 0/1/2.
FILLED = [
    ["critère", "constat", "commentaire", "date", "site", "avis"],
    ["Pas de supervision de terrain", "grave", "Superviseurs assis, pas d'écoute",
     "10/03/2026", "Lille", "réserves"],
    ["2", "mineur", "Peu de saisie ; un seul écran", "", "", ""],
    ["Un plateau trop calme", "non observé", "", "", "", ""],
    ["too_loud", "0", "", "", "", ""],
    ["indicators", "1", "Écran éteint", "", "", ""],
    ["A guided tour", "2", "Parcours imposé, guide présent", "", "", ""],
]
# supervision 0 + hands 0.5 + too_calm 1 + too_loud 1 + indicators 0.5 + guided_tour 0
# = 3 points of 6: 100 × 3 / 6 = 50.
FILLED_RATINGS = {"supervision": (S, "Superviseurs assis, pas d'écoute"),
                  "hands": (M, "Peu de saisie ; un seul écran"), "too_calm": (N, None),
                  "too_loud": (N, None), "indicators": (M, "Écran éteint"),
                  "guided_tour": (S, "Parcours imposé, guide présent")}


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    """A `;` CSV as a spreadsheet saves it (a cell holding `;` or a quote is quoted)."""
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_a_filled_grid_from_a_french_csv(acme, tmp_path, encoding):
    store = acme
    path = _csv(tmp_path / "visite_lille.csv", FILLED, encoding)
    visit_id, report = import_visit_file(store, path, "Acme")
    assert (report.visited_on, report.site, report.verdict) == (date(2026, 3, 10), "Lille",
                                                                "reservations")
    assert _ratings(store, visit_id) == FILLED_RATINGS
    visit = list_visits(store, "Acme").iloc[0]
    assert (visit.visit_id, visit.visited_on, visit.site, visit.verdict, visit.rated,
            visit.minor, visit.serious) == (visit_id, date(2026, 3, 10), "Lille",
                                            "reservations", 6, 2, 2)
    assert visit.score == pytest.approx(50.0)
    assert store.scalar("SELECT source FROM visits") == "visite_lille.csv"
    # The same file again: the same visit, the same rows (saved_at says when).
    before = _rows(store)
    again, _ = import_visit_file(store, path, "Acme")
    assert again == visit_id
    after = _rows(store)
    pd.testing.assert_frame_equal(after[0].drop(columns="saved_at"),
                                  before[0].drop(columns="saved_at"))
    pd.testing.assert_frame_equal(after[1], before[1])


def test_a_filled_grid_from_xlsx_with_real_dates_and_numbers(acme, tmp_path):
    store = acme
    day = date(2026, 3, 12)
    rows = [["Item", "Rating", "Notes", "Visit date", "Site", "Visitors", "Écoutes",
             "Verdict"],
            ["supervision", 0, "walking the rows", day, "Dakar", "Pilot", 2, "favorable"],
            ["hands", "grave", "no typing at all", day, "Dakar", "Pilot", 2, "favorable"],
            # The same day as text, and as a date-time cell: the same date.
            ["too_calm", 1, None, "12/03/2026", "Dakar", "Pilot", 2, "favorable"],
            ["too_loud", None, "not looked at", day, "Dakar", "Pilot", 2, "favorable"],
            ["indicators", 2.0, None, datetime(2026, 3, 12, 15, 30), "Dakar", "Pilot", 2.0,
             "favorable"]]
    visit_id, report = import_visit_file(store, _xlsx(tmp_path / "visit.xlsx", rows), "Acme")
    assert (report.visited_on, report.site, report.visitors, report.listening_sessions,
            report.verdict) == (day, "Dakar", "Pilot", 2, "favourable")
    # too_loud listed but not rated, guided_tour not listed: neither stored.
    assert _ratings(store, visit_id) == {"supervision": (N, "walking the rows"),
                                         "hands": (S, "no typing at all"),
                                         "too_calm": (M, None), "indicators": (S, None)}
    # 1 + 0 + 0.5 + 0 over 4 rated items: 100 × 1.5 / 4 = 37.5
    assert list_visits(store).score.iloc[0] == pytest.approx(37.5)
    assert store.scalar("SELECT listening_sessions FROM visits") == 2
    # Another day on row 4 of the sheet: refused there, the visit stays as it was.
    rows[3][3] = date(2026, 3, 13)
    message = _refused(store, _xlsx(tmp_path / "visit2.xlsx", rows))
    assert "visit2.xlsx, row 4, column Visit date" in message and "2026-03-13" in message


def test_a_filled_grid_as_typed_by_hand(acme, tmp_path):
    """Typographic apostrophes, missing accents, other cases and spaces, the same date
    written two ways: the words still name the grid's items, ratings and columns."""
    rows = [["Critere", "Constat", "Commentaires", "Date de visite", "Site",
             "Séances d’écoute", "Avis"],
            ["Pas de supervision de terrain", "Non observe", "", "10/03/2026", "Lille", "2",
             "Defavorable"],
            ["DES MAINS QUI NE BOUGENT PAS", "serieux", "", "2026-03-10", "", "", ""],
            ["too calm", "Mineur", "", "", "", "", ""],
            ["Pas d’indicateurs visibles", "grave", "écran éteint", "", "", "", ""]]
    visit_id, report = import_visit_file(acme, _csv(tmp_path / "typed.csv", rows), "Acme")
    assert (report.visited_on, report.listening_sessions, report.verdict) == (
        date(2026, 3, 10), 2, "unfavourable")
    assert _ratings(acme, visit_id) == {"supervision": (N, None), "hands": (S, None),
                                        "too_calm": (M, None),
                                        "indicators": (S, "écran éteint")}


def _refused(store, path, provider="Acme") -> str:
    before = _rows(store)
    with pytest.raises(ImportRefused) as refused:
        import_visit_file(store, path, provider)
    _assert_unchanged(store, before)
    return str(refused.value)


def _with(rows: list[list[str]], row: int, column: int, value: str) -> list[list[str]]:
    """The rows with one cell changed (row 1 is the header, as in the file)."""
    changed = [list(r) for r in rows]
    changed[row - 1][column] = value
    return changed


@pytest.mark.parametrize("rows,where,found", [
    (_with(FILLED, 4, 0, "Cantine"), "row 4, column critère", "'Cantine'"),
    (_with(FILLED, 3, 1, "3"), "row 3, column constat", "'3'"),
    (_with(FILLED, 5, 1, "assez grave"), "row 5, column constat", "'assez grave'"),
    (_with(FILLED, 6, 3, "11/03/2026"), "row 6, column date", "'11/03/2026'"),
    (_with(FILLED, 2, 3, "31/02/2026"), "row 2, column date", "'31/02/2026'"),
    (_with(FILLED, 2, 3, ""), "row 2, column date", "the visit's date"),
    (_with(FILLED, 2, 5, "peut-être"), "row 2, column avis", "'peut-être'"),
    (_with(FILLED, 7, 0, "too_loud"), "row 7, column critère", "each item once"),
    ([r[:4] + r[5:] for r in FILLED], "column site", "a column site"),
    ([[c for k, c in enumerate(r) if k != 1] for r in FILLED], "column rating",
     "a column rating"),
])
def test_a_bad_filled_grid_is_refused_naming_file_row_and_column(acme, tmp_path, rows, where,
                                                                 found):
    store = acme
    # The visit the file would replace exists already, rated otherwise.
    save_visit(store, VisitReport("Acme", date(2026, 3, 10), "Lille", "Pilot", 0, None, "",
                                  {"supervision": (N, "kept"), "too_loud": (S, "")}))
    message = _refused(store, _csv(tmp_path / "filled.csv", rows))
    assert f"filled.csv, {where}" in message, message
    assert found in message, message
    assert "filled.csv was not imported" in message


def test_a_filled_grid_for_an_unknown_provider_is_refused(acme, tmp_path):
    message = _refused(acme, _csv(tmp_path / "filled.csv", FILLED), provider="Nobody")
    assert "filled.csv" in message and "'Nobody'" in message


def test_a_blank_line_does_not_shift_the_row_numbers(acme, tmp_path):
    # Line 1 header, line 2 supervision, line 3 blank, line 4 hands rated "quatre".
    path = tmp_path / "blank.csv"
    path.write_text("critère;constat;date;site\nsupervision;grave;10/03/2026;Lille\n\n"
                    "hands;quatre;;\n", encoding="utf-8")
    assert "blank.csv, row 4, column constat" in _refused(acme, path)
    # Two blank lines above the header: the header is line 3, "quatre" on line 6.
    path.write_text("\n\r\ncritère;constat;date;site\nsupervision;grave;10/03/2026;Lille\n\n"
                    "hands;quatre;;\n", encoding="utf-8")
    assert "blank.csv, row 6, column constat" in _refused(acme, path)
    # A date missing altogether is pointed at the first data row (line 4 here).
    path.write_text("\n\ncritère;constat;date;site\nsupervision;grave;;Lille\n",
                    encoding="utf-8")
    assert "blank.csv, row 4, column date" in _refused(acme, path)
    xlsx = _xlsx(tmp_path / "blank.xlsx", [["critère", "constat", "date", "site"],
                                           ["supervision", "grave", "10/03/2026", "Lille"],
                                           [], ["hands", "quatre", None, None]])
    assert "blank.xlsx, row 4, column constat" in _refused(acme, xlsx)


def test_a_row_longer_than_the_header_is_named(acme, tmp_path):
    # Row 3's note holds the separator unquoted: 7 cells under a header of 6.
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join(";".join(r) for r in FILLED) + "\n", encoding="utf-8")
    message = _refused(acme, path)
    assert "ragged.csv, row 3: expected 6 cells as in the header" in message
    assert "found '7 cells'" in message


@pytest.mark.parametrize("sessions", ["-1", "1,5", "deux", "inf", "1e400", "nan", "1001",
                                      "99999999999"])
def test_listening_sessions_must_be_a_whole_number(acme, tmp_path, sessions):
    rows = [r + [h] for r, h in zip(FILLED, ["écoutes", sessions] + [""] * 5, strict=True)]
    message = _refused(acme, _csv(tmp_path / "filled.csv", rows))
    assert "filled.csv, row 2, column écoutes" in message and repr(sessions) in message


def _limit(store: Store, name: str, value: int) -> None:
    assert name in {s.name for s in INTAKE_LIMITS}
    store_settings(store, [(name, str(value))])


@pytest.mark.parametrize("kind", ["empty", "garbage", "nul", "fake_xlsx", "empty_xlsx",
                                  "too_big", "too_wide", "header_only"])
def test_hostile_files_are_refused_in_words(acme, tmp_path, kind):
    store = acme
    if kind == "empty":
        path = tmp_path / "empty.csv"
        path.write_bytes(b"")
    elif kind == "garbage":  # bytes that are neither UTF-8 nor cp1252 text
        path = tmp_path / "photo.csv"
        path.write_bytes(bytes(range(128, 256)) * 64 + b"\x81\x8d\x8f\x90\x9d" * 50)
    elif kind == "nul":
        path = tmp_path / "nul.csv"
        path.write_bytes(b"crit\x00re;constat\x00\n\x00\x00\x00;grave\n" * 10)
    elif kind == "fake_xlsx":
        path = tmp_path / "grid.xlsx"
        path.write_text("critère;constat;date;site\nhands;grave;10/03/2026;Lille\n")
    elif kind == "empty_xlsx":
        path = _xlsx(tmp_path / "empty.xlsx", [])
    elif kind == "too_big":  # 1 MB allowed, a valid grid padded to ~1.5 MB
        _limit(store, "max_file_mb", 1)
        path = _csv(tmp_path / "big.csv", [*FILLED, *[["", "", "x" * 1000, "", "", ""]
                                                     for _ in range(1500)]])
    elif kind == "too_wide":  # 10 columns allowed, 12 sent
        _limit(store, "max_columns", 10)
        path = _csv(tmp_path / "wide.csv", [r + [f"extra{k}" if i == 0 else ""
                                                 for k in range(6)]
                                            for i, r in enumerate(FILLED)])
    else:
        path = _csv(tmp_path / "header.csv", FILLED[:1])
    message = _refused(store, path)
    assert path.name in message and "was not imported" in message
    if kind == "too_big":
        assert "max_file_mb" in message
    if kind == "too_wide":
        assert "12 columns" in message and "max_columns" in message


# --- 3. candidates ------------------------------------------------------------------------

def test_candidates_are_visitable_but_not_in_the_committees_until_promoted(acme):
    store = acme
    add_candidate(store, "Veritas", "Europe/Lisbon")
    for taken in ("Veritas", "Acme", "  Veritas "):
        with pytest.raises(InvalidCandidate, match="already a provider or a candidate"):
            add_candidate(store, taken)
    with pytest.raises(InvalidCandidate):
        add_candidate(store, "  ")
    assert candidates(store) == ["Veritas"]
    assert providers(store) == ["Acme"]  # the committees' selectors
    assert stages(store).set_index("name").stage.to_dict() == {"Acme": "active",
                                                               "Veritas": "candidate"}

    announce(store, "Veritas", {"answer_rate": 0.93, "aht_s": 290, "price_per_hour": 29.0},
             date(2026, 1, 20))
    before = store.read("SELECT * FROM announced_figures ORDER BY figure")
    for figures, words in (({"first_call_resolution": 0.8}, "unknown announced figure"),
                           ({"service_level": 1.2}, "between 0 and 1"),
                           ({"answer_rate": -0.1}, "between 0 and 1"),
                           ({"answer_rate": 0.95, "price_per_hour": -3}, "0 or more"),
                           ({"aht_s": float("nan")}, "0 or more"),
                           ({"price_per_contact": float("inf")}, "0 or more")):
        with pytest.raises(InvalidCandidate, match=words):
            announce(store, "Veritas", figures)
        pd.testing.assert_frame_equal(
            store.read("SELECT * FROM announced_figures ORDER BY figure"), before)
    with pytest.raises(NotFound):
        announce(store, "Nobody", {"answer_rate": 0.9})
    # A new value replaces the old one, None clears one.
    announce(store, "Veritas", {"answer_rate": 0.95, "price_per_hour": None})
    figures = announced(store, ["Veritas"]).set_index("figure").value.to_dict()
    assert figures == {"aht_s": 290.0, "answer_rate": 0.95}

    visit_id = save_visit(store, VisitReport("Veritas", date(2026, 2, 3), "Marseille",
                                             ratings={"guided_tour": (S, "fixed route")}))
    assert list_visits(store).set_index("visit_id").stage[visit_id] == "candidate"
    with pytest.raises(NotFound):
        promote(store, "Acme")  # not a candidate
    promote(store, "Veritas", date(2026, 3, 1))
    assert providers(store) == ["Acme", "Veritas"] and candidates(store) == []
    promoted = stages(store).set_index("name").loc["Veritas"]
    assert promoted.stage == "active"
    assert pd.Timestamp(promoted.promoted_on).date() == date(2026, 3, 1)
    # Its history stays: the visit (now an active provider's) and its figures.
    visits = list_visits(store, "Veritas")
    assert visits.visit_id.tolist() == [visit_id] and visits.stage.tolist() == ["active"]
    assert _ratings(store, visit_id) == {"guided_tour": (S, "fixed route")}
    assert announced(store, ["Veritas"]).set_index("figure").value.to_dict() == figures


# --- 4. observation meets data: the disagreement rule against weeks worked by hand ---------

# Six ISO weeks, Monday 9 February to Sunday 22 March 2026: W0 before the window, W1–W4 the
# four weeks up to a visit made in W4 (Mon 9 March), W5 after it.
W = [date(2026, 2, 9) + timedelta(weeks=k) for k in range(6)]

# Nordique, per weekday of each week: contacts (n, with a reason) and agent activity
# (logged, talk, hold, acw, available seconds).
NORDIQUE_CONTACTS = {0: (2, 0), 1: (2, 2), 2: (4, 4), 3: (4, 4), 4: (6, 5), 5: (2, 0)}
NORDIQUE_ACTIVITY = {
    0: (3600, 300, 0, 60, 3240),        # work 360 / 3600: 10 %
    1: (4320, 1500, 100, 200, 1800),    # work 1800 / 3600: 50 %
    2: (8640, 6000, 600, 600, 800),     # work 7200 / 8000: 90 %
    3: (8640, 6000, 600, 600, 800),     # 90 %
    4: (12960, 9000, 900, 900, 1200),   # work 10800 / 12000: 90 %
    5: (3600, 300, 0, 60, 3240)}        # 10 %
# Sudline: 4 contacts a weekday (all with a reason in W1, half of them after), one agent
# logged 2 h a day, half of it at work.
SUDLINE_CONTACTS = {1: (4, 4), 2: (4, 2), 3: (4, 2), 4: (4, 2)}
SUDLINE_ACTIVITY = dict.fromkeys((1, 2, 3, 4), (7200, 3000, 300, 300, 3600))
# Nordique's real-time feed: first snapshot Wednesday 25 February (W2); two that day, a
# Saturday one (not a production day), and one in W5.
NORDIQUE_SNAPSHOTS = [datetime(2026, 2, 25, 9, 0), datetime(2026, 2, 25, 9, 15),
                      datetime(2026, 2, 26, 10, 0), datetime(2026, 3, 2, 10, 0),
                      datetime(2026, 3, 3, 10, 0), datetime(2026, 3, 4, 10, 0),
                      datetime(2026, 3, 7, 10, 0), datetime(2026, 3, 10, 10, 0),
                      datetime(2026, 3, 17, 10, 0)]


def _floor(store: Store, tmp_path: Path, name: str, contacts: dict, activity: dict,
           snapshots: list[datetime]) -> None:
    _import(store, _contacts_csv(tmp_path / f"{name}_contacts.csv", {
        day: per_day for week, per_day in contacts.items() for day in _weekdays(W[week])},
        name), name)
    _import(store, _activity_csv(tmp_path / f"{name}_activity.csv", {
        day: per_day for week, per_day in activity.items() for day in _weekdays(W[week])}),
        name)
    if snapshots:
        _import(store, _snapshots_csv(tmp_path / f"{name}_snapshots.csv", snapshots), name)


@pytest.fixture
def floors(store, tmp_path):
    """Nordique and Sudline with hand-made exports, each visited once in W4."""
    _floor(store, tmp_path, "Nordique", NORDIQUE_CONTACTS, NORDIQUE_ACTIVITY,
           NORDIQUE_SNAPSHOTS)
    _floor(store, tmp_path, "Sudline", SUDLINE_CONTACTS, SUDLINE_ACTIVITY, [])
    # Nordique, Wednesday 11 March: idle hands and a calm floor seen, indicators not rated.
    save_visit(store, VisitReport("Nordique", date(2026, 3, 11), "Lille", ratings={
        "supervision": (N, ""), "hands": (M, "few forms open"),
        "too_calm": (M, "few voices"), "too_loud": (N, "")}))
    # Sudline, Sunday 15 March (still ISO week W4): busy hands, a floor far too calm,
    # indicators minor.
    save_visit(store, VisitReport("Sudline", date(2026, 3, 15), "Dakar", ratings={
        "hands": (N, "typing throughout"), "too_calm": (S, "silent"),
        "indicators": (M, "one wallboard")}))
    return store


def _data(store: Store, provider: str):
    return visit_data(store, list_visits(store, provider).iloc[0])


def _checks(data) -> dict[str, dict]:
    return {c["item"]: c for c in data.checks.to_dict("records")}


def test_the_window_and_its_values_worked_by_hand(floors):
    data = _data(floors, "Nordique")
    # The visit's ISO week (Mon 9 March) and the three before: 16 February to 15 March.
    assert data.window == (date(2026, 2, 16), date(2026, 3, 15))
    values = data.window_values
    # Traceability over the window, W1–W4 (W0 and W5 have no reason at all):
    #   handled 5 × (2 + 4 + 4 + 6) = 80; with a reason 5 × (2 + 4 + 4 + 5) = 75
    #   75 / 80 = 0.9375 (the mean of the weeks' rates would be (1+1+1+25/30)/4 = 0.958)
    assert values["traceability_rate"] == pytest.approx(75 / 80)
    # Occupancy = Σ work / Σ (work + available) over W1–W4, per weekday ×5:
    #   work 1800 + 7200 + 7200 + 10800 = 27000; + available 3600 + 8000 + 8000 + 12000
    #   = 31600; 27000 / 31600 = 0.85443 (a mean of the weeks would be 0.8)
    assert values["occupancy"] == pytest.approx(27000 / 31600)
    # Erlang C: each contact is alone in its half-hour, A = 300 / 1800 = 1/6 Erlang; one
    # agent waits with C = A = 1/6 and answers within 20 s with 1 − (1/6)·e^(−(5/6)·20/300)
    # = 1 − 0.1667 × 0.9460 = 0.842 ≥ 80 %: one agent, 0.5 h per contact.
    #   required 80 × 0.5 = 40 h; logged 5 × (4320 + 8640 + 8640 + 12960) / 3600 = 48 h
    assert values["staffing_ratio"] == pytest.approx(48 / 40)
    # Contacts per agent-hour: 80 handled / 48 logged hours.
    assert values["contacts_per_agent_hour"] == pytest.approx(80 / 48)
    # The feed, from its first day (Wed 25 Feb): production days in the window W2 Wed–Fri 3
    # + W3 5 + W4 5 = 13; fed 25/2, 26/2, 2/3, 3/3, 4/3, 10/3 = 6 (Saturday 7/3 has no
    # production, 17/3 is after): 6 / 13 = 0.4615
    assert values["feed_share"] == pytest.approx(6 / 13)

    weeks = data.weeks.set_index("period_start")
    assert weeks.index.tolist() == [date(2026, 2, 9) + timedelta(weeks=k) for k in range(7)]
    assert weeks.in_window.tolist() == [False, True, True, True, True, False, False]
    # Week by week: W0 0 / 10, W1–W3 all, W4 25 / 30, W5 0 / 10, W6 no data.
    assert weeks.traceability_rate.iloc[:6].tolist() == pytest.approx(
        [0, 1, 1, 1, 25 / 30, 0])
    assert pd.isna(weeks.traceability_rate.iloc[6])
    assert weeks.occupancy.iloc[:6].tolist() == pytest.approx([0.1, 0.5, 0.9, 0.9, 0.9, 0.1])
    # Staffing: W0 and W5 log 1 h a day for 2 contacts (1 h required): 1.0; W1–W4 1.2.
    assert weeks.staffing_ratio.iloc[:6].tolist() == pytest.approx(
        [1.0, 1.2, 1.2, 1.2, 1.2, 1.0])
    # Feed per week: nothing counted before its first day; W2 2/3, W3 3/5, W4 1/5, W5 1/5.
    feed = weeks.feed_share.tolist()
    assert pd.isna(feed[0]) and pd.isna(feed[1]) and pd.isna(feed[6])
    assert feed[2:6] == pytest.approx([2 / 3, 3 / 5, 1 / 5, 1 / 5])

    sudline = _data(floors, "Sudline").window_values
    # Sunday 15 March is in the week of Monday 9 March: the same window.
    assert _data(floors, "Sudline").window == (date(2026, 2, 16), date(2026, 3, 15))
    # 20 + 10 + 10 + 10 = 50 of 80 with a reason; work 3600 of 7200 s; 80 contacts need
    # 40 h and 4 weeks × 5 days × 2 h = 40 h were logged; 80 / 40 contacts an hour.
    assert sudline["traceability_rate"] == pytest.approx(50 / 80)
    assert sudline["occupancy"] == pytest.approx(0.5)
    assert sudline["staffing_ratio"] == pytest.approx(1.0)
    assert sudline["contacts_per_agent_hour"] == pytest.approx(2.0)
    assert sudline["feed_share"] is None  # no snapshot ever: no feed data, not 0 %


def test_the_window_moves_with_the_visit_week(floors):
    store = floors
    # A visit on Monday 16 March reads W2–W5: 23 February to 22 March.
    save_visit(store, VisitReport("Nordique", date(2026, 3, 16), "Lille",
                                  ratings={"hands": (N, "")}))
    data = _data(store, "Nordique")
    assert data.visited_on == date(2026, 3, 16)
    assert data.window == (date(2026, 2, 23), date(2026, 3, 22))
    # Traceability: handled 5 × (4 + 4 + 6 + 2) = 80, with a reason 5 × (4 + 4 + 5 + 0) = 65
    assert data.window_values["traceability_rate"] == pytest.approx(65 / 80)
    # Occupancy: work 5 × (7200 + 7200 + 10800 + 360) = 127800 over 5 × 31600 = 158000
    assert data.window_values["occupancy"] == pytest.approx(127800 / 158000)
    # Feed: production days from 25 Feb: W2 3 + W3 5 + W4 5 + W5 5 = 18, fed 6 + 1 = 7
    assert data.window_values["feed_share"] == pytest.approx(7 / 18)
    # Now hands not seen while traceability reads 81 %, under 90 %: they disagree.
    assert _checks(data)["hands"]["agree"] is False
    # A visit on Wednesday 18 February reads 26 January to 22 February: W0 and W1 only have
    # data (traceability 0 + 10 of 10 + 10 = 0.5), and all of it before the feed's first
    # day: no feed data.
    save_visit(store, VisitReport("Nordique", date(2026, 2, 18), "Lille",
                                  ratings={"indicators": (N, "")}))
    february = visit_data(store, list_visits(store, "Nordique").iloc[-1])
    assert february.window == (date(2026, 1, 26), date(2026, 2, 22))
    assert february.window_values["traceability_rate"] == pytest.approx(0.5)
    assert february.window_values["feed_share"] is None
    assert _checks(february)["indicators"]["agree"] is None


def test_each_check_what_was_seen_and_what_the_data_says(floors):
    assert thresholds(floors)["traceability_low"] == 0.90
    assert thresholds(floors)["occupancy_low"] == 0.60
    assert thresholds(floors)["overstaffed"] == 1.30
    nordique = _data(floors, "Nordique")
    checks = _checks(nordique)
    assert set(checks) == {"hands", "too_calm", "indicators"}  # signals 2, 3 and 5
    # Idle hands seen (minor) while 93.75 % carry a reason (≥ 90 %): the data is fine, they
    # disagree.
    assert {k: checks["hands"][k] for k in ("signal", "rating", "seen", "data", "measure",
                                            "threshold", "agree")} == {
        "signal": 2, "rating": M, "seen": True, "data": "fine",
        "measure": "traceability_rate", "threshold": 0.90, "agree": False}
    assert checks["hands"]["value"] == pytest.approx(0.9375)
    # A calm floor seen while occupancy reads 85.4 % (≥ 60 %, and staffing 1.2 ≤ 1.3):
    # fine, so they disagree.
    calm = checks["too_calm"]
    assert (calm["seen"], calm["data"], calm["measure"], calm["agree"]) == (
        True, "fine", "occupancy", False)
    assert (calm["value"], calm["threshold"]) == (pytest.approx(27000 / 31600), 0.60)
    # Indicators not rated: the feed's alarm (46 % < 50 %) is not judged.
    ind = checks["indicators"]
    assert pd.isna(ind["rating"])  # None, or NaN in a text column
    assert (ind["seen"], ind["data"], ind["agree"]) == (None, "alarm", None)
    assert nordique.disagreements.item.tolist() == ["hands", "too_calm"]

    sudline = _checks(_data(floors, "Sudline"))
    # Hands not seen while only 62.5 % carry a reason: the data raises its alarm.
    assert (sudline["hands"]["seen"], sudline["hands"]["data"],
            sudline["hands"]["agree"]) == (False, "alarm", False)
    # A floor far too calm seen, occupancy 50 % < 60 %: they agree.
    assert (sudline["too_calm"]["data"], sudline["too_calm"]["measure"],
            sudline["too_calm"]["agree"]) == ("alarm", "occupancy", True)
    # No snapshot ever: no feed data, not judged.
    assert (sudline["indicators"]["seen"], sudline["indicators"]["agree"]) == (True, None)
    assert pd.isna(sudline["indicators"]["data"]) and pd.isna(sudline["indicators"]["value"])
    assert _data(floors, "Sudline").disagreements.item.tolist() == ["hands"]


def test_a_threshold_setting_flips_the_verdict(floors):
    store = floors
    # Traceability must now reach 95 %: Nordique's 93.75 % raises the alarm, and the idle
    # hands seen agree with it.
    save_thresholds(store, {"traceability_low": 0.95})
    hands = _checks(_data(store, "Nordique"))["hands"]
    assert (hands["data"], hands["threshold"], hands["agree"]) == ("alarm", 0.95, True)
    # Occupancy must reach 90 %: 85.4 % is an alarm, the calm floor seen agrees.
    save_thresholds(store, {"occupancy_low": 0.90})
    calm = _checks(_data(store, "Nordique"))["too_calm"]
    assert (calm["data"], calm["measure"], calm["agree"]) == ("alarm", "occupancy", True)
    # Back to 60 %, but overstaffed from 1.1: 1.2 logged hours per required hour is over
    # it, so the alarm comes from staffing.
    save_thresholds(store, {"occupancy_low": 0.60, "overstaffed": 1.1})
    calm = _checks(_data(store, "Nordique"))["too_calm"]
    assert (calm["data"], calm["measure"], calm["threshold"], calm["agree"]) == (
        "alarm", "staffing_ratio", 1.1, True)
    assert calm["value"] == pytest.approx(1.2)
    # Sudline: occupancy 50 % is fine against 40 %; its staffing 1.0 under 1.1. The floor
    # seen far too calm now disagrees with the data.
    save_thresholds(store, {"occupancy_low": 0.40})
    calm = _checks(_data(store, "Sudline"))["too_calm"]
    assert (calm["data"], calm["measure"], calm["agree"]) == ("fine", "occupancy", False)


def test_check_text_in_both_languages(floors):
    nordique = _data(floors, "Nordique")
    checks = _checks(nordique)
    assert check_text(checks["too_calm"], "en") == (
        "A calm floor seen, yet occupancy reads 85.4% (threshold 60.0%).")
    assert check_text(checks["too_calm"], "fr") == (
        "Plateau calme observé, pourtant l'occupation est de 85,4\u202f% (seuil 60,0\u202f%).")
    assert check_text(checks["indicators"], "en") == "Not rated on the visit."
    assert check_text(checks["indicators"], "fr") == "Non noté lors de la visite."
    sudline = _data(floors, "Sudline")
    hands = _checks(sudline)["hands"]
    assert check_text(hands, "en") == (
        "Hands looked busy, yet only 62.5% of handled contacts carry a keyed reason "
        "(threshold 90.0%).")
    assert check_text(hands, "fr") == (
        "Les mains semblaient occupées, pourtant seuls 62,5\u202f% des contacts traités portent "
        "un motif saisi (seuil 90,0\u202f%).")
    assert check_text(_checks(sudline)["indicators"], "fr") == "Pas de données à comparer."
    # A row of the checks table as a page reads it (iterrows, .iloc) says the same.
    for _, row in sudline.checks.iterrows():
        assert check_text(row, "en") == check_text(_checks(sudline)[row["item"]], "en")
    assert check_text(sudline.checks.iloc[0], "en") == check_text(hands, "en")


def test_a_candidate_without_data_has_nothing_to_compare(store):
    add_candidate(store, "Horizon")
    save_visit(store, VisitReport("Horizon", date(2026, 3, 11), "Lisboa", ratings={
        "hands": (S, ""), "too_calm": (S, ""), "indicators": (N, "")}))
    data = _data(store, "Horizon")
    assert all(v is None for v in data.window_values.values())
    checks = _checks(data)
    assert all(pd.isna(c["data"]) and c["agree"] is None for c in checks.values())
    assert data.disagreements.empty
    assert check_text(checks["hands"], "en") == "No data to compare."


# --- 5. provider isolation (SPEC §5) ------------------------------------------------------

def test_a_provider_account_sees_its_own_visits_only(store, tmp_path):
    _provider(store, tmp_path, "Nordique")
    _provider(store, tmp_path, "Sudline")
    add_candidate(store, "Horizon")
    own = save_visit(store, VisitReport("Nordique", date(2026, 3, 11), "Lille", ratings={
        "too_calm": (M, "few voices"), "hands": (N, "")}))
    theirs = save_visit(store, VisitReport("Sudline", date(2026, 3, 12), "Dakar", ratings={
        "hands": (S, "secret: nobody types"), "supervision": (M, ""), "too_loud": (N, "")}))
    candidate = save_visit(store, VisitReport("Horizon", date(2026, 3, 2), "Lisboa",
                                              ratings={"guided_tour": (S, "")}))
    announce(store, "Nordique", {"price_per_hour": 26.0})
    announce(store, "Horizon", {"answer_rate": 0.97, "price_per_hour": 24.5})

    view = store_for(store, Account("nordique lead", "provider", "Nordique"))
    assert list_visits(view).visit_id.tolist() == [own]
    assert list_visits(view, "Sudline").empty
    assert list_visits(view, providers=["Sudline", "Horizon", "Nordique"]).visit_id.tolist() \
        == [own]
    # The tables themselves, queried with no provider named.
    assert view.read("SELECT DISTINCT visit_id FROM visit_ratings").visit_id.tolist() == [own]
    assert view.scalar("SELECT count(*) FROM visit_ratings") == 2
    assert view.scalar("SELECT count(*) FROM visit_ratings WHERE visit_id IN (?, ?)",
                       [theirs, candidate]) == 0
    assert view.scalar("SELECT count(*) FROM visit_ratings WHERE notes LIKE '%secret%'") == 0
    assert view.read("SELECT DISTINCT provider FROM visits").provider.tolist() == ["Nordique"]
    assert view.read("SELECT provider, figure FROM announced_figures").values.tolist() == [
        ["Nordique", "price_per_hour"]]
    assert announced(view, ["Horizon", "Sudline"]).empty
    assert view.read("SELECT name FROM providers").name.tolist() == ["Nordique"]
    # The grid is shared: the same items as the base sees.
    assert view.scalar("SELECT count(*) FROM visit_grid_items") == store.scalar(
        "SELECT count(*) FROM visit_grid_items") == 6
    assert visit_grid(view).item.tolist() == SIX
    # Another provider's visit, asked for by its id, does not exist for this account.
    with pytest.raises(NotFound):
        visit_items(view, theirs)
    assert visit_items(view, own).set_index("item").rating["too_calm"] == M
    with pytest.raises(NotFound):
        compare(view, ["Nordique", "Horizon"])
    assert compare(view, ["Nordique"]).serious == {"Nordique": []}
    # Writes: refused, nothing written.
    before = _rows(store)
    figures = store.read("SELECT * FROM announced_figures ORDER BY provider, figure")
    with pytest.raises(NotAllowed):
        save_visit(view, VisitReport("Nordique", date(2026, 3, 11), "Lille",
                                     ratings={"too_calm": (N, "it was busy, really")}))
    with pytest.raises(NotAllowed):
        announce(view, "Nordique", {"price_per_hour": 1.0})
    with pytest.raises(NotAllowed):
        delete_visit(view, own)
    with pytest.raises(NotAllowed):
        add_candidate(view, "Mine")
    with pytest.raises(NotAllowed):
        save_visit_grid(view, pd.concat([visit_grid(view)[COLUMNS], pd.DataFrame([{
            "item": "x", "label_en": "X"}])], ignore_index=True), valid_from=date(2026, 4, 1))
    with pytest.raises(NotAllowed):
        import_visit_file(view, _csv(tmp_path / "filled.csv", FILLED), "Nordique")
    _assert_unchanged(store, before)
    pd.testing.assert_frame_equal(
        store.read("SELECT * FROM announced_figures ORDER BY provider, figure"), figures)
    # Another provider's name in a filled grid is unknown to this account, and named only
    # as the account typed it.
    with pytest.raises(ImportRefused) as refused:
        import_visit_file(view, _csv(tmp_path / "filled.csv", FILLED), "Sudline")
    assert "Horizon" not in str(refused.value)
    _assert_unchanged(store, before)


def test_the_demo_visits_seen_by_provider_accounts_and_against_the_data(demo_db):
    with Store(demo_db) as store:
        visits = list_visits(store)
        assert sorted(visits.provider) == ["Atlantic Relation", "Horizon Contact", "Nordcall",
                                           "Sunline BPO", "Veritas Services"]
        assert sorted(candidates(store)) == ["Horizon Contact", "Veritas Services"]
        for provider in ("Atlantic Relation", "Nordcall", "Sunline BPO"):
            view = store_for(store, Account("lead", "provider", provider))
            assert list_visits(view).provider.tolist() == [provider]
            own = set(list_visits(view).visit_id)
            assert set(view.read("SELECT DISTINCT visit_id FROM visit_ratings").visit_id) \
                == own
            assert view.scalar("SELECT count(*) FROM announced_figures") == 0
            assert candidates(view) == []
        # The demo's stories: Nordcall's calm floor against its occupancy, Sunline's busy
        # hands against its traceability.
        nordcall = _checks(_data(store, "Nordcall"))
        assert (nordcall["too_calm"]["seen"], nordcall["too_calm"]["agree"]) == (True, False)
        sunline = _checks(_data(store, "Sunline BPO"))
        assert (sunline["hands"]["seen"], sunline["hands"]["data"],
                sunline["hands"]["agree"]) == (False, "alarm", False)
        # The candidates compared with the demo's ratings (kpi/demo.py):
        #   Horizon m m s n m s: 0.5 + 0.5 + 0 + 1 + 0.5 + 0 = 2.5 of 6 → 41.67
        #   Veritas n n n n m n: 5.5 of 6 → 91.67
        selection = compare(store, ["Horizon Contact", "Veritas Services"])
        assert selection.scores["Horizon Contact"] == pytest.approx(250 / 6)
        assert selection.scores["Veritas Services"] == pytest.approx(550 / 6)
        assert selection.serious == {"Horizon Contact": ["too_calm", "guided_tour"],
                                     "Veritas Services": []}


# --- 6. finalists compared ----------------------------------------------------------------

@pytest.fixture
def finalists(acme):
    store = acme
    add_candidate(store, "Horizon")
    add_candidate(store, "Veritas")
    add_candidate(store, "Zenith")  # never visited
    announce(store, "Horizon", {"answer_rate": 0.97, "aht_s": 240, "price_per_hour": 24.5})
    announce(store, "Veritas", {"answer_rate": 0.93, "csat_score": 0.84})
    # An earlier, spotless Horizon visit: compare reads the latest one only.
    save_visit(store, VisitReport("Horizon", date(2026, 1, 15), "Lisboa",
                                  ratings=dict.fromkeys(SIX, (N, ""))))
    save_visit(store, VisitReport("Horizon", date(2026, 2, 10), "Lisboa", ratings={
        "supervision": (M, ""), "hands": (M, ""), "too_calm": (S, "silent floor"),
        "too_loud": (N, ""), "indicators": (M, ""), "guided_tour": (S, "fixed route")}))
    save_visit(store, VisitReport("Veritas", date(2026, 2, 12), "Marseille", ratings={
        "supervision": (N, ""), "hands": (N, ""), "too_calm": (M, ""), "too_loud": (N, ""),
        "indicators": (M, "")}))  # guided_tour not rated
    return store


def test_finalists_side_by_side_with_grid_weights(finalists):
    selection = compare(finalists, ["Horizon", "Veritas", "Zenith"])
    # Horizon (m m s n m s): 0.5 + 0.5 + 0 + 1 + 0.5 + 0 = 2.5 of 6 → 41.67
    # Veritas (n n m n m, tour unrated): 1 + 1 + 0.5 + 1 + 0.5 = 4 of 5 → 80
    assert selection.scores["Horizon"] == pytest.approx(250 / 6)
    assert selection.scores["Veritas"] == pytest.approx(80.0)
    assert selection.scores["Zenith"] is None
    assert selection.serious == {"Horizon": ["too_calm", "guided_tour"], "Veritas": [],
                                 "Zenith": []}
    assert selection.visits.set_index("provider").visited_on.to_dict() == {
        "Horizon": date(2026, 2, 10), "Veritas": date(2026, 2, 12)}
    ratings = selection.ratings.set_index("item")
    assert ratings.index.tolist() == SIX
    assert ratings.Horizon.tolist() == [M, M, S, N, M, S]
    assert ratings.Veritas.tolist()[:5] == [N, N, M, N, M]
    assert pd.isna(ratings.Veritas["guided_tour"]) and ratings.Zenith.isna().all()
    assert selection.weights == dict.fromkeys(SIX, 1.0)
    figures = selection.figures.set_index("figure")
    assert figures.Horizon["answer_rate"] == 0.97 and figures.Horizon["aht_s"] == 240
    assert figures.Veritas["csat_score"] == 0.84 and pd.isna(figures.Veritas["aht_s"])
    assert figures.Zenith.isna().all()
    assert figures.unit["price_per_hour"] == "amount"


def test_finalists_with_the_pilots_weights(finalists):
    store = finalists
    save_selection_weights(store, {"guided_tour": 4, "too_calm": 2, "too_loud": 0})
    assert selection_weights(store) == {"guided_tour": 4.0, "too_calm": 2.0, "too_loud": 0.0}
    selection = compare(store, ["Horizon", "Veritas"])
    # Horizon: weights 1 1 2 0 1 4 = 9; points 0.5 + 0.5 + 2×0 + 0×1 + 0.5 + 4×0 = 1.5
    #   100 × 1.5 / 9 = 16.67
    # Veritas: weights 1 1 2 0 1 (tour unrated) = 5; points 1 + 1 + 2×0.5 + 0 + 0.5 = 3.5
    #   100 × 3.5 / 5 = 70
    assert selection.scores["Horizon"] == pytest.approx(150 / 9)
    assert selection.scores["Veritas"] == pytest.approx(70.0)
    assert selection.weights == {"supervision": 1.0, "hands": 1.0, "too_calm": 2.0,
                                 "too_loud": 0.0, "indicators": 1.0, "guided_tour": 4.0}
    # Serious signals stand out whatever the score.
    assert selection.serious["Horizon"] == ["too_calm", "guided_tour"]
    # Weights given for one comparison override the stored ones for that comparison only:
    # Horizon with tour 0 (others stored): weights 1 1 2 0 1 0 = 5, points 1.5 → 30
    assert compare(store, ["Horizon"], {"guided_tour": 0}).scores["Horizon"] == \
        pytest.approx(30.0)
    assert selection_weights(store)["guided_tour"] == 4.0
    # Refused: a negative weight, all zero; the stored weights stay.
    for bad in ({"hands": -1}, {"hands": float("nan")}, {"hands": float("inf")},
                {"hands": 0, "too_calm": 0}):
        with pytest.raises(InvalidWeights):
            save_selection_weights(store, bad)
    assert selection_weights(store) == {"guided_tour": 4.0, "too_calm": 2.0, "too_loud": 0.0}


def test_compare_refuses_an_unknown_provider(finalists):
    with pytest.raises(NotFound, match="Nobody"):
        compare(finalists, ["Horizon", "Nobody"])


def test_an_item_added_after_a_visit_shows_unrated_for_it(finalists):
    store = finalists
    added = pd.concat([visit_grid(store)[COLUMNS], pd.DataFrame([{
        "item": "training", "label_en": "Training room", "label_fr": "Salle de formation",
        "weight": 3}])], ignore_index=True)
    save_visit_grid(store, added, valid_from=date(2026, 2, 11))
    # Veritas visited on 12 February, on version 2: training rated serious.
    save_visit(store, VisitReport("Veritas", date(2026, 2, 12), "Marseille", ratings={
        "supervision": (N, ""), "hands": (N, ""), "too_calm": (M, ""), "too_loud": (N, ""),
        "indicators": (M, ""), "training": (S, "no room")}))
    selection = compare(store, ["Horizon", "Veritas"])
    ratings = selection.ratings.set_index("item")
    assert ratings.index.tolist() == [*SIX, "training"]
    assert pd.isna(ratings.Horizon["training"]) and ratings.Veritas["training"] == S
    # Horizon (version 1) keeps its 41.67; Veritas: 4 points of 5 plus training 0 × 3:
    #   100 × 4 / (5 + 3) = 50
    assert selection.scores["Horizon"] == pytest.approx(250 / 6)
    assert selection.scores["Veritas"] == pytest.approx(50.0)
    assert selection.serious["Veritas"] == ["training"]
