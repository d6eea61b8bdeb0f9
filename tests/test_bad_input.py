"""The bad-input corpus: each file is refused with the words a pilot needs, and the
database is exactly as before (checked on a store that already holds an import)."""

from __future__ import annotations

import pytest

from kpi.cli import main
from kpi.store import Store

from .conftest import BAD, DATA, table_counts

# file -> (provider given at import, words the error must contain)
CORPUS = {
    "bad_date.csv": (None, ["bad_date.csv, row 3, column arrived_at", "date and time",
                            "'31/02/2026 10:00:00'"]),
    "bad_iso_timestamp.csv": (None, ["row 2", "arrived_at", "'2026-03-02T25:00:00'"]),
    "bad_number.csv": (None, ["row 2, column sale_amount", "a number", "'abc'"]),
    "bad_duration.csv": (None, ["column wait_s", "seconds or hh:mm:ss", "'4 min'"]),
    "negative_duration.csv": (None, ["column talk_s", "0 or more", "'-30'"]),
    "answered_before_arrived.csv": (None, ["column answered_at", "not before arrived_at"]),
    "bad_boolean.csv": (None, ["column transferred", "yes/no", "'peut-être'"]),
    "csat_out_of_range.csv": (None, ["column csat", "from 1 to 5", "'7'"]),
    "bad_direction.csv": (None, ["column direction", "inbound or outbound", "'sideways'"]),
    "required_value_empty.csv": (None, ["row 2, column queue", "required"]),
    "missing_column.csv": (None, ["lacks queue", "accepted headers", "file_d_attente"]),
    "unknown_layout.csv": (None, ["known export layout", "foo, bar, baz"]),
    "missing_provider.csv": (None, ["provider", "--provider"]),
    "empty.csv": (None, ["empty.csv", "the file is empty"]),
    "header_only.csv": (None, ["at least one data row"]),
    "truncated.csv": (None, ["truncated.csv, row 3", "11 fields", "truncated"]),
    "extra_fields.csv": (None, ["row 2", "11 fields per line", "12 fields"]),
    "unbalanced_quote.csv": (None, ["row 3", "well-formed line"]),
    "binary.csv": (None, ["binary content", "UTF-8"]),
    "corrupt.xlsx": (None, ["corrupt.xlsx", "readable .xlsx"]),
    "conflicting_duplicates.csv": (None, ["column contact_id", "rows 2, 4", "'B1'"]),
    "malformed.jsonl": ("Connect", ["malformed.jsonl, row 3", "well-formed"]),
    "intervals_answered_above_offered.csv": ("Acme", ["column answered",
                                                      "not above offered"]),
    "evaluation_score_above_max.csv": (None, ["column score", "not above max_score"]),
    "agent_negative_logged.csv": ("Acme", ["column logged_s", "0 or more", "'-100'"]),
    # A two-digit year read by a four-digit format is the year 26 (DuckDB's cast: year 2):
    # refused, never stored in the first century.
    "two_digit_year.csv": (None, ["row 2, column arrived_at", "date and time",
                                  "'02/03/26 08:00:00'"]),
    "agent_two_digit_year.csv": ("Acme", ["row 2, column date", "'02/03/26'"]),
}


def test_the_corpus_has_one_case_per_file():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(CORPUS)
    assert len(CORPUS) >= 20


@pytest.fixture
def loaded_db(db_path):
    with Store(db_path) as store:
        from kpi.ingest.importer import import_export

        import_export(store, DATA / "contacts_generic.csv")
        yield db_path


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_file_is_refused_with_exit_1_its_precise_error_and_an_unchanged_database(
        name, loaded_db, capsys):
    provider, words = CORPUS[name]
    with Store(loaded_db) as store:
        before = table_counts(store)
    args = ["import", str(BAD / name), "--db", str(loaded_db)]
    if provider:
        args += ["--provider", provider]
    assert main(args) == 1
    err = capsys.readouterr().err
    for word in words:
        assert word in err, f"{word!r} not in: {err}"
    assert "was not imported; the database is unchanged" in err or "known export" in err
    with Store(loaded_db) as store:
        assert table_counts(store) == before
