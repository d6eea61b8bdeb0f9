"""Refusals and import summaries in French: real files refused (a bad date, a missing column,
an unknown layout, files over a limit, a bad targets file, bad visit grids) read in French with
no English word of their English text left, and in English exactly as the command line has
always printed them; the Import page in French shows a refusal and a summary in French."""

from __future__ import annotations

import copy
import os
import pickle
import re
import time
from datetime import date

import pytest

from kpi.errors import CockpitError, Day, ImportRefused, Joined, Msg, Num
from kpi.governance.targets import COLUMNS, import_targets
from kpi.ingest.importer import ImportReport, import_export, import_files, undo_import
from kpi.ingest.limits import Limits
from kpi.live.watcher import InboxWatcher
from kpi.provider_settings import insert_provider
from kpi.store import Store
from kpi.visits.grids import save_visit_grid, visit_grid
from kpi.visits.reports import import_visit_file

from .conftest import BAD, DATA
from .test_app import open_page

# Words French shares with English, spelled the same: they prove nothing either way.
SAME_IN_FRENCH = {"date", "dates", "import", "imports", "export", "service", "contacts",
                  "version", "site", "signal", "format", "minutes", "direction", "socket",
                  "max", "iso", "spec", "csv", "tsv", "xlsx", "json", "lines", "utf", "windows",
                  "hh", "mm", "ss"}


def _words(text: str) -> set[str]:
    """The words a reader reads: quoted values ('…', "…", « … »), identifiers (arrived_at),
    file names and numbers left out."""
    text = re.sub(r"(?<!\w)'[^'\n]*'(?!\w)|\"[^\"\n]*\"|«[^»]*»", " ", text)
    tokens = re.findall(r"[\w.\-/#°]+", text)
    return {t.lower() for t in tokens
            if len(t) > 1 and t.isalpha() and "_" not in t}


def _names(english: str) -> set[str]:
    """What an English refusal names rather than says: the file (each line starts with it),
    the column after "column", the headers a layout accepts."""
    names = set()
    for line in english.splitlines():
        names |= _words(re.split(r"[,:]| was not", line, maxsplit=1)[0])
    names |= {m.lower() for m in re.findall(r"column (\w+)", english)}
    for listed in re.findall(r"accepted headers: ([^)]*)\)", english):
        names |= _words(listed.replace(",", " "))
    return names


def assert_no_english(english: str, french: str, names: set[str] = frozenset()) -> None:
    """No word of the English text is left in the French one, apart from the names it
    quotes (files, columns, headers, values) and words spelled the same in both languages."""
    allowed = SAME_IN_FRENCH | _names(english) | {n.lower() for n in names}
    left = (_words(english) & _words(french)) - allowed
    assert not left, (left, french)
    assert french != english


def refusal(call) -> CockpitError:
    with pytest.raises(CockpitError) as refused:
        call()
    return refused.value


# --- real files refused -------------------------------------------------------------------

def test_a_contact_export_with_a_bad_date(store):
    error = refusal(lambda: import_export(store, BAD / "bad_date.csv"))
    assert str(error) == (
        "bad_date.csv, row 3, column arrived_at: expected a date and time (dd/mm/yyyy "
        "hh:mm:ss or ISO 8601), found '31/02/2026 10:00:00'\n"
        "bad_date.csv was not imported; the database is unchanged.")
    assert error.text("en") == str(error)
    assert error.text("fr") == (
        "bad_date.csv, ligne 3, colonne arrived_at : attendu une date et une heure "
        "(jj/mm/aaaa hh:mm:ss ou ISO 8601), trouvé '31/02/2026 10:00:00'\n"
        "bad_date.csv n'a pas été importé ; la base est inchangée.")
    assert_no_english(str(error), error.text("fr"))


def test_a_missing_required_column(store):
    error = refusal(lambda: import_export(store, BAD / "missing_column.csv"))
    assert str(error).startswith(
        "missing_column.csv: expected the columns of a known export layout; closest layout: "
        "Contacts (generic, SPEC §2.1), which lacks queue (accepted headers: queue, file, "
        "file_attente, file_d_attente, skill, competence, campaign, campagne, activite, "
        "activity, service, topic), found 'contact_id, provider, arrived_at, wait_s'")
    french = error.text("fr")
    assert "format le plus proche : Contacts (générique, SPEC §2.1), où il manque queue " \
           "(en-têtes acceptés : queue, file," in french
    # The accepted headers are names, in both languages (one of them is "activity").
    assert_no_english(str(error), french)


def test_an_unknown_layout(store, tmp_path):
    error = refusal(lambda: import_export(store, BAD / "unknown_layout.csv"))
    assert str(error).startswith(
        "unknown_layout.csv: expected the columns of a known export layout; closest layout: "
        "Agent activity, which lacks agent_id (accepted headers: agent_id, agent, conseiller, "
        "id_agent, matricule, id_conseiller); date (accepted headers: date, jour, day), "
        "found 'foo, bar, baz'")
    french = error.text("fr")
    assert "Activité des conseillers, où il manque agent_id (en-têtes acceptés : " in french
    assert "id_conseiller) ; date (en-têtes acceptés : date, jour, day)" in french
    assert_no_english(str(error), french)
    # A layout forced on a file that lacks its columns, and a saved mapping's.
    forced = refusal(lambda: import_export(store, DATA / "contacts_generic.csv",
                                           profile="five9"))
    assert str(forced).startswith("contacts_generic.csv: expected the columns of Five9 call "
                                  "log: missing columns abandoned, after_call_work_time")
    assert "les colonnes du format Journal d'appels Five9 : il manque les colonnes " \
           "abandoned" in forced.text("fr")
    assert_no_english(str(forced), forced.text("fr"), set(
        str(forced).split("missing columns ")[1].split(", found")[0].split(", ")))


@pytest.mark.parametrize("limits, english, french", [
    (Limits(max_rows=2), "contacts_generic.csv: expected at most 2 rows (setting max_rows), "
                         "found '6 rows'",
     "contacts_generic.csv : attendu au plus 2 lignes (réglage max_rows), trouvé '6 lignes'"),
    (Limits(max_columns=3), "contacts_generic.csv, row 1: expected at most 3 columns (setting "
                            "max_columns), found '21 columns'",
     "contacts_generic.csv, ligne 1 : attendu au plus 3 colonnes (réglage max_columns), "
     "trouvé '21 colonnes'"),
])
def test_a_file_over_a_limit(store, limits, english, french):
    error = refusal(lambda: import_export(store, DATA / "contacts_generic.csv", limits=limits))
    assert str(error).splitlines()[0] == english
    assert error.text("fr").splitlines()[0] == french
    assert_no_english(str(error), error.text("fr"))


def test_files_over_the_size_and_cell_limits(store, tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("a,b\n" + ("x" * 3000 + ",1\n") * 800)
    size = refusal(lambda: import_export(store, big, limits=Limits(max_file_mb=1)))
    assert str(size).splitlines()[0] == ("big.csv: expected a file of at most 1 MB (setting "
                                         "max_file_mb), found 'more than 1.0 MB'")
    assert size.text("fr").splitlines()[0] == (
        "big.csv : attendu un fichier d'au plus 1 Mo (réglage max_file_mb), trouvé "
        "'plus de 1,0 Mo'")
    cell = refusal(lambda: import_export(store, big, limits=Limits(max_cell_kb=1)))
    assert str(cell).splitlines()[0].endswith(
        "expected a cell of at most 1 KB (setting max_cell_kb), found '" + "x" * 40
        + "… (3,000 bytes)'")
    # French groups thousands with a narrow no-break space.
    assert cell.text("fr").splitlines()[0].endswith("… (3\u202f000 octets)'")
    for error in (size, cell):
        assert_no_english(str(error), error.text("fr"))


def test_an_xlsx_over_a_limit_and_a_folder(tmp_path, store):
    error = refusal(lambda: import_export(store, DATA / "contacts_titled.xlsx",
                                         limits=Limits(max_xlsx_cells=10)))
    assert str(error).splitlines()[0] == (
        "contacts_titled.xlsx: expected at most 10 cells (setting max_xlsx_cells), found "
        "'a sheet declaring 9 rows x 21 columns (up to U9)'")
    assert error.text("fr").splitlines()[0] == (
        "contacts_titled.xlsx : attendu au plus 10 cellules (réglage max_xlsx_cells), trouvé "
        "'une feuille qui déclare 9 lignes x 21 colonnes (jusqu'à U9)'")
    folder = tmp_path / "drop"
    folder.mkdir()
    not_a_file = refusal(lambda: import_export(store, folder))
    assert "expected a regular file (not a folder, pipe, socket or device), found 'a folder'" \
        in str(not_a_file)
    assert_no_english(str(not_a_file), not_a_file.text("fr"))


@pytest.mark.parametrize("name, provider, names", [
    ("truncated.csv", None, set()),
    ("binary.csv", None, set()),
    ("conflicting_duplicates.csv", None, set()),
    ("missing_provider.csv", None, {"provider"}),
    ("bad_boolean.csv", None, {"true", "false", "yes", "no", "oui", "non"}),
    ("bad_direction.csv", None, {"inbound", "outbound"}),
    ("header_only.csv", None, set()),
    ("empty.csv", None, set()),
    ("corrupt.xlsx", None, set()),
    ("intervals_answered_above_offered.csv", "Acme", {"answered", "offered"}),
    ("evaluation_score_above_max.csv", None, set()),
])
def test_the_bad_input_corpus_reads_in_french(store, name, provider, names):
    error = refusal(lambda: import_export(store, BAD / name, provider=provider))
    assert isinstance(error, ImportRefused)
    assert_no_english(str(error), error.text("fr"), names)


def test_a_bad_targets_file(store, tmp_path):
    missing = tmp_path / "targets.csv"
    missing.write_text("kpi,provider,value\nservice_level,Acme,0.8\n")
    error = refusal(lambda: import_targets(store, missing))
    assert str(error) == ("targets.csv: missing column(s) deadline, priority, start; expected "
                          "kpi, provider, site, queue, comparator, value, start, deadline, "
                          "priority, owner, rationale")
    assert error.text("fr") == (
        "targets.csv : colonnes manquantes : deadline, priority, start ; colonnes attendues : "
        "kpi, provider, site, queue, comparator, value, start, deadline, priority, owner, "
        "rationale")
    assert_no_english(str(error), error.text("fr"), set(COLUMNS))
    rows = tmp_path / "targets2.csv"
    rows.write_text("kpi,provider,comparator,value,start,deadline,priority\n"
                    "nope,Acme,>=,1,2026-01-01,2026-03-01,1\n"
                    "service_level,,=,abc,bad,2026-03-01,x\n")
    error = refusal(lambda: import_targets(store, rows))
    assert str(error).splitlines() == [
        "target row 1: kpi must be one of the KPI ids, not 'nope'",
        "target row 2: provider is required",
        "target row 2: comparator must be >= or <=, not '='",
        "target row 2: value must be a number (rates as 0.8 for 80 %), not 'abc'",
        "target row 2: start must be a date (YYYY-MM-DD)",
        "target row 2: priority must be a whole number (1 = top)"]
    assert error.text("fr").splitlines()[1] == ("objectif, ligne 2 : le prestataire (provider) "
                                                "est obligatoire")
    assert_no_english(str(error), error.text("fr"), set(COLUMNS))


def test_a_bad_visit_grid(store, tmp_path):
    filled = tmp_path / "visit.csv"
    filled.write_text("item,rating,visited_on,site,listening_sessions,verdict\n"
                      "zz,minor,2026-03-01,Lille,abc,maybe\n"
                      "hands,bad,2026-03-02,Lille,1,maybe\n")
    store.write(lambda cur: insert_provider(cur, "Acme"))
    error = refusal(lambda: import_visit_file(store, filled, "Acme"))
    english = str(error).splitlines()
    assert english[0] == ("visit.csv, row 3, column visited_on: expected the same visited_on "
                          "on every row ('2026-03-01'), found '2026-03-02'")
    assert ("visit.csv, row 2, column item: expected an item of the visit grid (supervision, "
            "hands, too_calm, too_loud, indicators, guided_tour), found 'zz'") in english
    french = error.text("fr")
    assert ("visit.csv, ligne 3, colonne visited_on : attendu la même valeur de visited_on sur "
            "chaque ligne ('2026-03-01'), trouvé '2026-03-02'") in french
    # The grid's items are names; the verdicts and ratings a file may hold are given in
    # both languages on purpose.
    accepted = ("supervision hands too_calm too_loud indicators guided_tour favourable "
                "reservations unfavourable favorable réserves défavorable not seen minor "
                "serious non observé mineur grave")
    assert_no_english(str(error), french, set(accepted.split()))
    # A grid saved with bad rows: every row named, in the reader's language.
    grid = visit_grid(store).astype(object)
    grid.loc[0, ["label_en", "label_fr"]] = ""
    grid.loc[1, "weight"] = "x"
    error = refusal(lambda: save_visit_grid(store, grid))
    assert str(error).splitlines() == [
        "visit grid, row 1, column label_en: expected the item's words (English or French)",
        "visit grid, row 2, column weight: expected a weight of 0 or more, found 'x'"]
    assert error.text("fr").splitlines() == [
        "grille de visite, ligne 1, colonne label_en : attendu le libellé du critère (en "
        "anglais ou en français)",
        "grille de visite, ligne 2, colonne weight : attendu un poids positif ou nul, "
        "trouvé 'x'"]


def test_an_undo_refused(store):
    import_export(store, DATA / "contacts_generic.csv")
    import_export(store, DATA / "contacts_french.csv", provider="Acme")
    error = refusal(lambda: undo_import(store, 1))
    assert str(error) == ("import #1 is replaced; only active imports can be undone (undo #2 "
                          "first to bring it back)")
    assert error.text("fr") == ("l'import n°1 est remplacé ; seuls les imports actifs "
                                "peuvent être annulés (annulez d'abord l'import n°2 pour le "
                                "rétablir)")


# --- import summaries ---------------------------------------------------------------------

def test_an_import_summary_reads_in_both_languages(store):
    report = import_export(store, DATA / "declared_weekly.csv", provider="Acme")
    assert report.summary() == (
        "declared_weekly.csv: import #1 (declared, Acme); 4 rows imported; 0 duplicates "
        "dropped, period 2025-12-22 to 2026-01-12; answer_rate ('Taux de décroché') read as "
        "percent (with a % sign); abandon_rate ('Taux d'abandon') read as percent (with a % "
        "sign); service_level ('Niveau de service') read as percent (with a % sign); columns "
        "ignored (no field of the layout): Commentaire")
    assert report.summary(lang="fr") == (
        "declared_weekly.csv : import n°1 (declared, Acme) ; 4 lignes importées ; 0 doublon "
        "écarté, période du 22/12/2025 au 12/01/2026 ; answer_rate (« Taux de décroché ») lu "
        "en pourcentage (avec le signe %) ; abandon_rate (« Taux d'abandon ») lu en "
        "pourcentage (avec le signe %) ; service_level (« Niveau de service ») lu en "
        "pourcentage (avec le signe %) ; colonnes ignorées (aucun champ du format) : "
        "Commentaire")
    again = import_export(store, DATA / "declared_weekly.csv", provider="Acme")
    assert again.summary() == "declared_weekly.csv: already imported as #1; nothing changed"
    assert again.summary(lang="fr") == ("declared_weekly.csv : déjà importé (import n°1) ; "
                                        "rien n'a changé")


def test_rows_left_out_and_replaced_imports_in_french(store):
    import_export(store, DATA / "contacts_generic.csv")
    replacing = import_export(store, DATA / "contacts_french.csv", provider="Acme")
    assert replacing.summary().endswith("; replaces import #1, period 2026-03-02 to 2026-03-03")
    assert replacing.summary(lang="fr").endswith(
        " ; remplace l'import n°1, période du 02/03/2026 au 03/03/2026")
    labels = []
    [report] = import_files(store, [(DATA / "amazon_connect_ctr.jsonl", "connect.jsonl")],
                            provider="Acme", on_progress=lambda _f, label: labels.append(label))
    english = report.summary()
    assert english == (
        "connect.jsonl: import #3 (amazon_connect, Acme); 3 rows imported; 0 duplicates "
        "dropped; 1 rows left out (contact records that never reached a queue (IVR only)), "
        "period 2026-03-02 to 2026-03-02")
    french = report.summary(lang="fr")
    assert french == (
        "connect.jsonl : import n°3 (amazon_connect, Acme) ; 3 lignes importées ; 0 doublon "
        "écarté ; 1 ligne laissée de côté (contacts qui n'ont jamais atteint une file (SVI "
        "seulement)), période du 02/03/2026 au 02/03/2026")
    assert_no_english(english, french, {"Acme"})
    # Progress labels are the same words: English as str, French on the page.
    assert labels[0] == "connect.jsonl: reading" and labels[-1] == "done"
    assert [label.text("fr") for label in labels[:2]] == ["connect.jsonl : lecture",
                                                          "connect.jsonl : association des "
                                                          "colonnes"]


def test_a_plural_or_a_singular_in_french():
    report = ImportReport("f.csv", "imported", "contacts", "contacts", import_id=3,
                          providers=["Acme"], rows_imported=1, duplicates_dropped=2,
                          rows_rejected=1, rows_updated=2, replaced_imports=[1, 2])
    assert report.summary() == ("f.csv: import #3 (contacts, Acme); 1 rows imported; "
                                "2 duplicates dropped; 1 bad rows set aside; 2 rows replaced "
                                "a previous version; replaces import #1, #2")
    assert report.summary(lang="fr") == (
        "f.csv : import n°3 (contacts, Acme) ; 1 ligne importée ; 2 doublons écartés ; "
        "1 ligne en erreur mise de côté ; 2 lignes ont remplacé une version précédente ; "
        "remplace les imports n°1, n°2")


def test_the_inbox_keeps_its_words_in_both_languages(store, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for source in (BAD / "bad_date.csv", DATA / "contacts_generic.csv"):
        drop = inbox / source.name
        drop.write_bytes(source.read_bytes())
        os.utime(drop, (time.time() - 3600, time.time() - 3600))  # settled long ago
    watcher = InboxWatcher(store, inbox, 1)
    outcomes = {o.file: o for o in watcher.run_once()}
    good, bad = outcomes["contacts_generic.csv"], outcomes["bad_date.csv"]
    assert good.message.startswith("contacts_generic.csv: import #")
    assert good.message.text("fr").startswith("contacts_generic.csv : import n°")
    assert_no_english(good.message, good.message.text("fr"), {"Acme"})
    assert bad.message.splitlines()[0] == (
        "bad_date.csv, row 3, column arrived_at: expected a date and time (dd/mm/yyyy "
        "hh:mm:ss or ISO 8601), found '31/02/2026 10:00:00'")
    assert_no_english(bad.message, bad.message.text("fr"))
    error = watcher.state().last_error
    assert error.startswith("bad_date.csv refused: bad_date.csv, row 3, column arrived_at: "
                            "expected a date")
    assert error.text("fr").startswith("bad_date.csv refusé : bad_date.csv, ligne 3, colonne "
                                       "arrived_at : attendu une date")


# --- the words themselves -----------------------------------------------------------------

def test_words_are_strings_in_english_that_travel():
    said = Msg("found.grew", before=Num(1234), after=Num(56789.5, ",.1f"))
    assert said == "1,234 then 56,789.5 bytes" and isinstance(said, str)
    assert said.text("fr") == "1\u202f234 puis 56\u202f789,5 octets"
    listed = Joined("; ", [Msg("found.gone"), Msg("found.folder")])
    assert listed == "gone; a folder" and listed.text("fr") == "disparu ; un dossier"
    day = Day(date(2026, 3, 10))
    assert day == "2026-03-10" and day.text("fr") == "10/03/2026"
    for words in (said, listed, day):
        for copied in (copy.deepcopy(words), pickle.loads(pickle.dumps(words))):
            assert copied == words and copied.text("fr") == words.text("fr")


def test_an_error_from_a_plain_sentence_reads_the_same_in_both():
    error = CockpitError("DuckDB said no")
    assert str(error) == error.text("fr") == "DuckDB said no"


# --- the Import page in French ------------------------------------------------------------

@pytest.fixture
def loaded_db(db_path, monkeypatch):
    with Store(db_path) as store:
        import_export(store, DATA / "contacts_generic.csv")
    monkeypatch.setenv("COCKPIT_DB", str(db_path))
    return db_path


def test_the_import_page_refuses_a_file_in_french(loaded_db):
    at = open_page("app_pages/import_exports.py", "fr")
    at.file_uploader[0].set_value(("bad.csv", (BAD / "bad_date.csv").read_bytes(),
                                   "text/csv")).run()
    assert at.error[0].value == "Refusé : rien n'a été importé."
    assert at.code[0].value == (
        "bad.csv, ligne 3, colonne arrived_at : attendu une date et une heure (jj/mm/aaaa "
        "hh:mm:ss ou ISO 8601), trouvé '31/02/2026 10:00:00'\n"
        "bad.csv n'a pas été importé ; la base est inchangée.")


def test_the_import_page_summarises_an_import_in_french(loaded_db):
    at = open_page("app_pages/import_exports.py", "fr")
    content = (DATA / "five9_call_log.csv").read_bytes()
    at.file_uploader[0].set_value(("sunline_w10.csv", content, "text/csv")).run()
    # No provider column and none chosen: refused, in French.
    assert "attendu un nom de prestataire" in at.code[0].value
    at.selectbox[0].set_value("Acme").run()
    assert at.success[0].value.startswith("sunline_w10.csv : Journal d'appels Five9 · ")
    preview = next(c.value for c in at.caption if c.value.startswith("sunline_w10.csv"))
    assert preview == ("sunline_w10.csv : (five9, Acme) ; 3 lignes importées ; 0 doublon "
                       "écarté, période du 02/03/2026 au 02/03/2026")
    next(b for b in at.button if b.label.startswith("Importer 1")).click().run()
    assert any(s.value == "Import terminé" for s in at.success)
    summary = next(m.value for m in at.markdown if m.value.startswith("✅"))
    with Store(loaded_db) as store:
        number = store.scalar("SELECT import_id FROM imports WHERE profile = 'five9'")
    assert summary == (f"✅ sunline_w10.csv : import n°{number} (five9, Acme) ; 3 lignes "
                       "importées ; 0 doublon écarté, période du 02/03/2026 au 02/03/2026")
    english = (f"sunline_w10.csv: import #{number} (five9, Acme); 3 rows imported; "
               "0 duplicates dropped, period 2026-03-02 to 2026-03-02")
    assert_no_english(english, summary, {"Acme"})
