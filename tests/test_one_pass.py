"""The one-pass import (kpi/ingest/onepass.py) against the reference path it replaces.

Every file goes through both paths, each into its own new database; what ends stored (every
row of every table an import writes, the history line, the report) or the refusal (its
words in English and French, and an unchanged database) must be the same."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi.errors import ImportRefused
from kpi.ingest.canonical import RULES
from kpi.ingest.importer import import_export
from kpi.ingest.limits import DEFAULT_LIMITS, Limits
from kpi.store import Store

from .conftest import DATA, SHARED, table_counts

HEADER = "contact_id,provider,queue,arrived_at,answered_at,wait_s,talk_s,transferred,agent_id"


def _stored(store: Store) -> dict[str, pd.DataFrame]:
    tables = {r.table for r in RULES.values()}
    frames = {t: store.read(f"SELECT * FROM {t} ORDER BY ALL") for t in sorted(tables)}
    frames["imports"] = store.read(
        "SELECT * EXCLUDE (imported_at) REPLACE (CAST(fields AS VARCHAR) AS fields) "
        "FROM imports ORDER BY import_id")
    frames["providers"] = store.read("SELECT * FROM providers ORDER BY name")
    frames["rejected_rows"] = store.read("SELECT * FROM rejected_rows ORDER BY ALL")
    return frames


def outcome(db: Path, path: Path, one_pass: bool, caplog=None, **options) -> dict:
    """What importing `path` into a new database leaves: the report and every stored row,
    or the refusal in both languages and what the database still holds."""
    if caplog is not None:
        caplog.clear()
    with Store(db) as store:
        try:
            report = import_export(store, path, one_pass=one_pass, **options)
        except ImportRefused as refusal:
            return {"refused": (refusal.text("en"), refusal.text("fr")),
                    "left": table_counts(store)}
        return {
            "summary": (report.summary(lang="en"), report.summary(lang="fr")),
            "report": (report.kind, report.profile, report.import_id, report.providers,
                       report.rows_read, report.rows_imported, report.duplicates_dropped,
                       report.rows_rejected, report.rows_filtered, report.rows_updated,
                       report.replaced_imports, report.period_start, report.period_end,
                       report.ignored_columns),
            "stored": _stored(store),
        }


def assert_same(one: dict, ref: dict) -> None:
    assert one.keys() == ref.keys(), (one.get("refused"), ref.get("refused"))
    if "refused" in ref:
        assert one == ref
        return
    assert one["summary"] == ref["summary"]
    assert one["report"] == ref["report"]
    for table, frame in ref["stored"].items():
        pd.testing.assert_frame_equal(one["stored"][table], frame, check_exact=True,
                                      obj=table)


def both(tmp_path: Path, path: Path, caplog=None, **options) -> tuple[dict, dict]:
    one = outcome(tmp_path / "one.duckdb", path, True, caplog, **options)
    took_one_pass = caplog is not None and "read in one scan" in caplog.text
    ref = outcome(tmp_path / "ref.duckdb", path, False, **options)
    assert_same(one, ref)
    if caplog is not None:
        one["one_pass"] = took_one_pass
        one["log"] = caplog.text
    return one, ref


@pytest.mark.parametrize("name", [
    "contacts_generic.csv", "contacts_french.csv", "agent_activity.csv",
    "evaluations_long.csv", "forecast.csv", "intervals.csv", "snapshots.csv"])
def test_real_sample_files_store_the_same_rows_in_one_pass(tmp_path, debug_log, name):
    one, _ = both(tmp_path, DATA / name, debug_log, provider="Acme")
    assert one["one_pass"], one["log"]


@pytest.mark.parametrize("path", [
    SHARED / "fpp3-bank-calls-5min" / "bank_calls.csv",
    SHARED / "callcenter-daily-kpi-semicolon" / "Call Center Data.csv",
    SHARED / "pwc-call-center" / "Call-Center-Dataset.csv",
    DATA / "five9_call_log.csv", DATA / "declared_weekly.csv", DATA / "contacts_titled.xlsx",
], ids=lambda p: p.name)
def test_shared_data_and_other_layouts_end_the_same(tmp_path, debug_log, path):
    """Whichever path reads them (layouts with formulas, rates or periods go to the
    reference path), the outcome is the same."""
    both(tmp_path, path, debug_log, provider="Acme",
         first_day=pd.Timestamp("2026-03-02").date())


def french_export(path: Path, rows: int, bad: dict[int, str] | None = None) -> Path:
    """A French contact export as a provider writes it: a title row, `;`, cp1252,
    dd/mm/yyyy hh:mm:ss, decimal commas; `bad` replaces whole data rows (1-based)."""
    lines = ["Export contacts - semaine 10",
             "Identifiant;Prestataire;File d'attente;Date/heure arrivée;Date réponse;"
             "Durée d'attente;Conversation;Montant vente;Transféré;Satisfaction"]
    for i in range(1, rows + 1):
        answered = i % 7 != 0
        second = i % 60
        lines.append(
            f"C{i:05d};Acmé;Réclamations;{2 + i % 5:02d}/03/2026 {8 + i % 10:02d}:{i % 60:02d}:"
            f"{second:02d};"
            + (f"{2 + i % 5:02d}/03/2026 {8 + i % 10:02d}:{i % 60:02d}:{second:02d}" if answered
               else "")
            + f";{i % 50},{i % 10};" + (f"{100 + i % 300},25" if answered else "")
            + f";{i % 3 * 12},5;{'oui' if i % 11 == 0 else 'non'};{1 + i % 5}")
        if bad and i in bad:
            lines[-1] = bad[i]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def test_a_french_export_reads_natively_with_the_same_values(tmp_path, debug_log):
    one, _ = both(tmp_path, french_export(tmp_path / "fr.csv", 2500), debug_log)
    assert one["one_pass"]
    # Timestamps, decimal commas and plain-number durations typed by DuckDB's reader;
    # only the booleans by the tolerant parser.
    assert "timestamps %d/%m/%Y %H:%M:%S, decimal ','" in one["log"]
    assert "tolerant parsers: transferred)" in one["log"]
    first = one["stored"]["contacts"].set_index("contact_id").loc["C00001"]
    assert (first.wait_s, first.talk_s, float(first.sale_amount)) == (1.1, 101.25, 0.0 + 12.5)
    assert first.provider == "Acmé" and str(first.arrived_local) == "2026-03-03 09:01:01"


def english_export(path: Path, rows: int, special: dict[int, str] | None = None) -> Path:
    lines = [HEADER]
    for i in range(1, rows + 1):
        stamp = f"2026-03-{2 + i % 5:02d} {8 + i % 10:02d}:{i % 60:02d}:00"
        lines.append(f"C{i},Acme,Q{i % 3},{stamp},{stamp if i % 4 else ''},{i % 60},"
                     f"{100 + i % 200},{'yes' if i % 9 == 0 else 'no'},A{i % 20}")
        if special and i in special:
            lines[-1] = special[i]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("row", "line", "column"), [
    (2400, "C2400,Acme,Q0,someday,,1,100,no,A1", "arrived_at"),
    (1800, "C1800,Acme,Q0,2026-03-02 08:00:00,,1,12O,no,A1", "talk_s"),
    (3, "C3,Acme,Q0,2026-03-02 08:00:00,,inf,100,no,A1", "wait_s"),
    (2999, "C2999,Acme,Q0,2026-03-02 08:00:00,,1,100,peut-être,A1", "transferred"),
])
def test_a_bad_cell_in_row_n_is_refused_as_before(tmp_path, row, line, column):
    """The file's data row `row` is line row + 1 (the header is line 1)."""
    export = english_export(tmp_path / "bad.csv", 3000, {row: line})
    one, _ = both(tmp_path, export)
    english, french = one["refused"]
    assert f"bad.csv, row {row + 1}, column {column}: expected" in english
    assert f"ligne {row + 1}, colonne {column}" in french
    assert one["left"]["contacts"] == 0 and one["left"]["imports"] == []


def test_a_refusal_uses_up_no_import_number(tmp_path):
    export = english_export(tmp_path / "bad.csv", 1500, {1400: "C1400,Acme,Q0,x,,1,1,no,A"})
    with Store(tmp_path / "db.duckdb") as store:
        with pytest.raises(ImportRefused):
            import_export(store, export)
        report = import_export(store, english_export(tmp_path / "good.csv", 1500))
        assert report.import_id == 1


# Files whose defect or oddity lies past the sampled rows (1,000) or in them: both paths
# must end the same way (the one-pass path hands each of them to the reference path).
SPECIAL = {
    "blank_line": {500: "C500,Acme,Q0,2026-03-02 08:00:00,,1,100,no,A1\n"},
    "spaces_line": {1500: "   "},
    "quoted_line_break": {1500: 'C1500,Acme,Q0,2026-03-02 08:00:00,,1,100,no,"A\nB"'},
    "truncated": {1500: "C1500,Acme,Q0,2026-03-02 08:00:00"},
    "extra_field": {1500: "C1500,Acme,Q0,2026-03-02 08:00:00,,1,100,no,A1,extra"},
    "two_digit_year": {1500: "C1500,Acme,Q0,02/03/26 08:00:00,,1,100,no,A1"},
    "other_format": {1500: "C1500,Acme,Q0,02/03/2026 08:00:00,,1,100,no,A1"},
    "offset": {1500: "C1500,Acme,Q0,2026-03-02T08:00:00+01:00,,1,100,no,A1"},
    "decimal_comma": {1500: 'C1500,Acme,Q0,2026-03-02 08:00:00,,"1,5",100,no,A1'},
    "nan_duration": {1500: "C1500,Acme,Q0,2026-03-02 08:00:00,,nan,100,no,A1"},
    "huge_duration": {1500: "C1500,Acme,Q0,2026-03-02 08:00:00,,1e12,100,no,A1"},
    "negative": {1500: "C1500,Acme,Q0,2026-03-02 08:00:00,,-5,100,no,A1"},
    "answered_first": {1500: "C1500,Acme,Q0,2026-03-02 08:00:00,2026-03-02 07:00:00,1,100,no,A"},
    "empty_required": {1500: ",Acme,Q0,2026-03-02 08:00:00,,1,100,no,A1"},
    "exact_duplicate": {1500: "C1499,Acme,Q1,2026-03-02 15:59:00,2026-03-02 15:59:00,59,"
                              "299,no,A19"},
    "conflicting_duplicate": {1500: "C1499,Acme,Q1,2026-03-02 15:59:00,,1,1,no,A1"},
    "new_provider": {1500: "C1500,Other BPO,Q0,2026-03-02 08:00:00,,1,100,no,A1"},
    "empty_provider": {1500: "C1500,,Q0,2026-03-02 08:00:00,,1,100,no,A1"},
    "formula_text": {1500: "C1500,Acme,Q0,2026-03-02 08:00:00,,1,100,no,=SUM(A1)"},
    "padded_text": {1500: "C1500,  Acme ,Q0 ,2026-03-02 08:00:00, , 1 ,100 , no ,"},
    "last_line_unterminated": {},
    # A carriage return alone in a quoted cell: no line feed to count, so the cells are
    # looked at one by one.
    "quoted_carriage_return": {1500: 'C1500,Acme,Q0,2026-03-02 08:00:00,,1,100,no,"A\rB"'},
    "quoted_line_break_and_blank_line": {
        700: "C700,Acme,Q0,2026-03-02 08:00:00,,1,100,no,A1\n",
        1500: 'C1500,Acme,Q0,2026-03-02 08:00:00,,1,100,no,"A\nB"'},
    "non_ascii_spaces": {1500: "C1500,\u00a0Acme\u3000,Q0\u2009,2026-03-02 08:00:00,,1,100,no,"
                               "\u00a0A1"},
}


@pytest.mark.parametrize("case", sorted(SPECIAL))
def test_files_with_oddities_end_as_on_the_reference_path(tmp_path, case):
    export = english_export(tmp_path / f"{case}.csv", 2000, SPECIAL[case])
    if case == "last_line_unterminated":
        export.write_text(export.read_text().rstrip("\n"))
    both(tmp_path, export)


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_blank_lines_and_padded_cells_keep_the_one_pass(tmp_path, debug_log, ending):
    """Lines are counted on the file's bytes: a file whose lines are its records reads in
    one scan without looking for line breaks in its cells; one with blank lines too (they
    are skipped), after looking once."""
    lines = english_export(tmp_path / "x.csv", 1500, {
        300: "C300,Acme,Q0,2026-03-02 08:00:00,,1,100,no,A1\n",
        900: "C900, Acme ,Q1 ,2026-03-02 09:00:00,,2,100,no, A2 "}).read_text().split("\n")
    export = tmp_path / f"blank{len(ending)}.csv"
    export.write_bytes((ending.join(lines) + ending).encode())
    one, _ = both(tmp_path, export, debug_log)
    assert one["one_pass"], one["log"]
    assert one["report"][5] == 1500


def test_a_crlf_inside_a_quoted_cell_goes_to_the_reference_path(tmp_path, debug_log):
    lines = english_export(tmp_path / "x.csv", 1500).read_text().splitlines()
    lines[1200] = 'C1200,Acme,Q0,2026-03-02 08:00:00,,1,100,no,"A\r\nB"'
    export = tmp_path / "crlf.csv"
    export.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    one, _ = both(tmp_path, export, debug_log)
    assert not one["one_pass"] and "refused" in one


def test_set_aside_rows_are_the_same(tmp_path):
    export = english_export(tmp_path / "skip.csv", 2000, {
        100: "C100,Acme,Q0,someday,,1,100,no,A1", 1900: "C1900,Acme,Q0,2026-03-02 08:00:00"})
    one, _ = both(tmp_path, export, skip_bad_rows=True)
    assert len(one["stored"]["rejected_rows"]) == 2


def test_an_inbox_provider_other_than_the_folders_is_refused_as_before(tmp_path):
    export = english_export(tmp_path / "inbox.csv", 1500)
    one, _ = both(tmp_path, export, sole_provider="Other BPO")
    assert "refused" in one


def test_a_cell_over_the_limit_in_an_ignored_column_is_refused_as_before(tmp_path):
    lines = english_export(tmp_path / "x.csv", 1200).read_text().splitlines()
    lines[0] += ",notes"
    lines[1:] = [line + ",ok" for line in lines[1:]]
    lines[1100] = lines[1100][:-2] + "x" * 3000
    export = tmp_path / "wide.csv"
    export.write_text("\n".join(lines) + "\n")
    small = Limits(**{**DEFAULT_LIMITS.__dict__, "max_cell_kb": 2})
    one, _ = both(tmp_path, export, limits=small)
    assert "row 1101, column notes" in one["refused"][0]


def test_a_line_longer_than_the_cell_limit_with_cells_within_it_is_imported(tmp_path,
                                                                            debug_log):
    """The one pass reads no line over the cell limit (so no cell's length is checked):
    such a line, whose cells are each within the limit, sends the file to the reference
    path, which imports it."""
    lines = english_export(tmp_path / "x.csv", 1200).read_text().splitlines()
    lines[0] += ",notes,more"
    lines[1:] = [line + ",ok,ok" for line in lines[1:]]
    lines[1100] = lines[1100][:-5] + "x" * 1500 + "," + "y" * 1500
    export = tmp_path / "long_line.csv"
    export.write_text("\n".join(lines) + "\n")
    small = Limits(**{**DEFAULT_LIMITS.__dict__, "max_cell_kb": 2})
    one, _ = both(tmp_path, export, debug_log, limits=small)
    assert one["report"][5] == 1200, one.get("refused")  # rows imported
    assert not one["one_pass"]
    assert "cells unread" in one["log"]  # declined: the reader rejected the long line


def test_a_line_longer_than_the_readers_buffer_is_refused_not_skipped(tmp_path, debug_log):
    """Past its buffer DuckDB's reader skips an overlong line without recording it; with a
    carriage return in a quoted cell nothing else would notice the missing row. The
    fingerprint measures such a line, so the file goes to the reference path, which
    refuses it as it always did."""
    lines = english_export(tmp_path / "x.csv", 1200).read_text().splitlines()
    lines[0] += ",notes,more"
    lines[1:] = [line + ",ok,ok" for line in lines[1:]]
    lines[1100] = lines[1100][:-6] + ',"a\rb",' + "x" * (33 << 20)
    export = tmp_path / "long.csv"
    with open(export, "w", newline="") as f:
        f.write("\n".join(lines) + "\n")
    one, _ = both(tmp_path, export, debug_log)
    assert "row 1101" in one["refused"][0]
    assert "a line of 34,603," in one["log"]  # declined before reading: the line's length


def test_reimporting_the_same_export_and_a_newer_one(tmp_path, debug_log):
    """Once, supersede and same keys behave as on the reference path across imports."""
    first = english_export(tmp_path / "w10.csv", 1500)
    newer = english_export(tmp_path / "w10b.csv", 1500, {
        7: "C7,Acme,Q1,2026-03-04 15:07:00,2026-03-04 15:07:00,7,999,no,A7"})
    partial = tmp_path / "one_row.csv"
    partial.write_text(HEADER + "\nC9,Acme,Q0,2026-03-05 09:09:00,,9,109,no,A9\n")
    results = {}
    for one_pass in (True, False):
        with Store(tmp_path / f"{one_pass}.duckdb") as store:
            summaries = [import_export(store, f, one_pass=one_pass).summary()
                         for f in (first, first, newer, partial)]
            results[one_pass] = (summaries, _stored(store))
    assert results[True][0] == results[False][0]
    assert "nothing changed" in results[True][0][1]
    assert "replaces import #1" in results[True][0][2]
    assert "1 rows replaced a previous version" in results[True][0][3]
    for table, frame in results[False][1].items():
        pd.testing.assert_frame_equal(results[True][1][table], frame, check_exact=True,
                                      obj=table)
    assert debug_log.text.count("read in one scan") == 3


def test_a_batch_mixing_both_paths_is_one_transaction(tmp_path):
    good = english_export(tmp_path / "good.csv", 1200)
    json_lines = DATA / "amazon_connect_ctr.jsonl"
    bad = english_export(tmp_path / "bad.csv", 1200, {1100: "C1100,Acme,Q0,x,,1,1,no,A"})
    from kpi.ingest.importer import import_files

    with Store(tmp_path / "db.duckdb") as store:
        reports = import_files(store, [(good, good.name), (json_lines, json_lines.name),
                                       (DATA / "intervals.csv", "intervals.csv")],
                               provider="Acme")
        assert [r.import_id for r in reports] == [1, 2, 3]
        before = table_counts(store)
        with pytest.raises(ImportRefused):
            import_files(store, [(DATA / "snapshots.csv", "snapshots.csv"), (bad, bad.name)],
                         provider="Acme")
        assert table_counts(store) == before
