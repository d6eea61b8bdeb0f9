"""`cockpit visits` and `cockpit report selection`, and the latest visit in the committees'
packs, through the real entry point on the demo database (clock: 2026-03-18).

The demo's visits (kpi/demo.py) are dated from the Monday of the demo's week, 2026-03-16:
Horizon Contact 2026-02-17, Veritas Services 2026-02-25 (candidates), Sunline BPO 2026-03-05,
Atlantic Relation 2026-03-10, Nordcall 2026-03-11.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from kpi.cli import main
from kpi.store import Store

VISIT_COLUMNS = ["visit_id", "provider", "stage", "visited_on", "site", "visitors", "grid",
                 "grid_version", "listening_sessions", "verdict", "notes", "rated", "minor",
                 "serious", "score"]


def _visits(db) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.read("SELECT v.*, r.item, r.rating, r.notes AS item_notes FROM visits v "
                          "LEFT JOIN visit_ratings r USING (visit_id) ORDER BY ALL"
                          ).drop(columns="saved_at").values.tolist()


def test_visits_list_gives_every_visit_with_its_counts(demo_db, capsys):
    assert main(["visits", "list", "--format", "csv", "--db", str(demo_db)]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert table.columns.tolist() == VISIT_COLUMNS
    assert table[["provider", "stage", "visited_on"]].values.tolist() == [
        ["Nordcall", "active", "2026-03-11"], ["Atlantic Relation", "active", "2026-03-10"],
        ["Sunline BPO", "active", "2026-03-05"],
        ["Veritas Services", "candidate", "2026-02-25"],
        ["Horizon Contact", "candidate", "2026-02-17"]]
    horizon = table.set_index("provider").loc["Horizon Contact"]
    # Rated: supervision minor, hands minor, too_calm serious, too_loud not seen,
    # indicators minor, guided_tour serious; equal weights → (0.5+0.5+0+1+0.5+0)/6 = 2.5/6.
    assert (horizon.rated, horizon.minor, horizon.serious) == (6, 3, 2)
    assert horizon.score == pytest.approx(100 * 2.5 / 6)
    assert main(["visits", "list", "--provider", "Nordcall", "--format", "json", "--db",
                 str(demo_db)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["provider"] for r in records] == ["Nordcall"]
    # Nordcall: five not seen and a calm floor rated minor → 5.5 / 6.
    assert records[0]["score"] == pytest.approx(100 * 5.5 / 6)


def test_visits_list_refuses_an_unknown_provider(demo_db, capsys):
    assert main(["visits", "list", "--provider", "Nobody", "--db", str(demo_db)]) == 1
    assert "unknown provider 'Nobody'" in capsys.readouterr().err


def test_visits_import_saves_a_filled_grid_once(demo_db, tmp_path, capsys):
    filled = tmp_path / "visite_veritas.csv"
    filled.write_text("date;site;critère;constat;commentaire;avis;séances d'écoute\n"
                      "10/03/2026;Aix;Une visite guidée;grave;Parcours imposé;réserves;1\n"
                      "10/03/2026;Aix;indicators;1;Écran éteint;réserves;1\n"
                      "10/03/2026;Aix;hands;non observé;;réserves;1\n", encoding="utf-8")
    args = ["visits", "import", str(filled), "--provider", "Veritas Services", "--db",
            str(demo_db)]
    assert main(args) == 0
    assert capsys.readouterr().out.strip() == (
        "visit #6 of Veritas Services on 2026-03-10 at Aix: 3 item(s) rated (1 serious, "
        "1 minor)")
    before = _visits(demo_db)
    assert main(args) == 0  # the same export again changes nothing
    assert _visits(demo_db) == before
    with Store(demo_db, read_only=True) as store:
        visit = store.read("SELECT * FROM visits WHERE site = 'Aix'").iloc[0]
        ratings = dict(store.read("SELECT item, rating FROM visit_ratings WHERE visit_id = ?",
                                  [int(visit.visit_id)]).values.tolist())
    assert (visit.verdict, visit.listening_sessions) == ("reservations", 1)
    assert ratings == {"guided_tour": "serious", "indicators": "minor", "hands": "not_seen"}


@pytest.mark.parametrize("lines, expected", [
    (["date;site;critère;constat", "10/03/2026;Aix;Cantine;grave"],
     "visite.csv, row 2, column critère: expected an item of the visit grid"),
    (["date;site;critère;constat", "10/03/2026;Aix;hands;grave",
      "10/03/2026;Aix;too_calm;catastrophique"],
     "visite.csv, row 3, column constat: expected a rating on the scale"),
    (["date;site;critère;constat", "10/03/2026;Aix;hands;grave", "11/03/2026;Aix;too_calm;0"],
     "visite.csv, row 3, column date: expected the same visited_on on every row"),
])
def test_visits_import_refuses_bad_rows_naming_row_and_column(demo_db, tmp_path, capsys,
                                                              lines, expected):
    filled = tmp_path / "visite.csv"
    filled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _visits(demo_db)
    assert main(["visits", "import", str(filled), "--provider", "Nordcall", "--db",
                 str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "visite.csv was not imported" in err
    assert _visits(demo_db) == before


def test_visits_import_refuses_an_unknown_provider_and_a_missing_file(demo_db, tmp_path,
                                                                      capsys):
    filled = tmp_path / "visite.csv"
    filled.write_text("date;site;critère;constat\n10/03/2026;Aix;hands;grave\n")
    before = _visits(demo_db)
    assert main(["visits", "import", str(filled), "--provider", "Nobody", "--db",
                 str(demo_db)]) == 1
    assert "unknown provider 'Nobody'" in capsys.readouterr().err
    assert main(["visits", "import", str(tmp_path / "none.csv"), "--provider", "Nordcall",
                 "--db", str(demo_db)]) == 1
    assert "no such file" in capsys.readouterr().err
    assert _visits(demo_db) == before


def _sheet_rows(workbook, title_start: str) -> list[list]:
    sheet = next(ws for ws in workbook.worksheets if ws.title.startswith(title_start))
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_selection_pack_compares_the_candidates(demo_db, tmp_path, capsys):
    out = tmp_path / "selection.xlsx"
    assert main(["report", "selection", "--providers", "Horizon Contact,Veritas Services",
                 "--out", str(out), "--lang", "en", "--db", str(demo_db)]) == 0
    workbook = load_workbook(out)
    scores = _sheet_rows(workbook, "Weighted score")
    header = scores[0]
    by_provider = {row[0]: dict(zip(header, row, strict=True)) for row in scores[1:]}
    # Veritas: five not seen and indicators minor → 5.5 / 6.
    assert by_provider["Veritas Services"]["Visit score"] == pytest.approx(100 * 5.5 / 6)
    assert by_provider["Horizon Contact"]["Visit score"] == pytest.approx(100 * 2.5 / 6)
    assert by_provider["Horizon Contact"]["Serious signals"] == 2
    ratings = _sheet_rows(workbook, "Floor signals")
    assert ratings[0] == ["Item", "Weight", "Horizon Contact", "Veritas Services"]
    assert ["A guided tour", 1, "serious", "not seen"] in ratings
    figures = _sheet_rows(workbook, "Announced figures")
    answer = next(r for r in figures if r[0] == "Answer rate")
    assert answer[1:] == [pytest.approx(0.97), pytest.approx(0.93)]
    html = tmp_path / "selection.html"
    assert main(["report", "selection", "--providers", "Horizon Contact,Veritas Services",
                 "--out", str(html), "--lang", "fr", "--db", str(demo_db)]) == 0
    text = html.read_text(encoding="utf-8")
    assert "Une visite guidée" in text
    assert "Horizon Contact : 2 signaux graves observés — Un plateau trop calme, Une visite " \
        "guidée" in text


def test_selection_pack_refuses_unknown_or_missing_providers(demo_db, tmp_path, capsys):
    out = tmp_path / "selection.xlsx"
    assert main(["report", "selection", "--providers", "Horizon Contact,Nobody", "--out",
                 str(out), "--db", str(demo_db)]) == 1
    assert "Nobody" in capsys.readouterr().err
    assert main(["report", "selection", "--out", str(out), "--db", str(demo_db)]) == 1
    assert "--providers" in capsys.readouterr().err
    assert not out.exists()


def test_steering_pack_shows_the_latest_visit_and_its_disagreement(demo_db, tmp_path):
    out = tmp_path / "steering.xlsx"
    assert main(["report", "steering", "--provider", "Nordcall", "--month", "2026-03",
                 "--out", str(out), "--lang", "en", "--db", str(demo_db)]) == 0
    rows = _sheet_rows(load_workbook(out), "Latest floor visit")
    calm = next(r for r in rows if r and r[0] == "A floor that is too calm")
    # A calm floor rated minor, while the demo's occupancy (agents sized for ~75 %) is
    # above the 60 % red-flag threshold: the observation and the data disagree.
    assert calm[1] == "minor" and calm[3].startswith("A calm floor seen, yet occupancy reads")
    out_feb = tmp_path / "steering_feb.html"
    assert main(["report", "steering", "--provider", "Nordcall", "--month", "2026-02",
                 "--out", str(out_feb), "--db", str(demo_db)]) == 0
    assert "Aucune visite plateau enregistrée" in out_feb.read_text(encoding="utf-8")


def test_strategic_pack_before_any_visit_says_so_without_a_table_of_dashes(demo_db, tmp_path):
    # The demo's visits are dated in February and March 2026 (kpi/demo.py): none by the end
    # of 2025-Q4.
    out = tmp_path / "strategic.xlsx"
    assert main(["report", "strategic", "--quarter", "2025-Q4", "--out", str(out),
                 "--lang", "fr", "--db", str(demo_db)]) == 0
    rows = [r for r in _sheet_rows(load_workbook(out), "Visites plateau") if any(r)]
    assert rows == [["Dernière visite plateau"],
                    ["Aucune visite plateau enregistrée à la fin de la période."]]
