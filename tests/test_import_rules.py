"""SPEC §2.3 import rules, on real files and a real DuckDB file."""

from __future__ import annotations

import shutil
from datetime import datetime

import pandas as pd
import pytest

from kpi.errors import ImportRefused
from kpi.ingest.importer import import_export, import_files, rejected_rows, undo_import
from kpi.store import Store

from .conftest import BAD, DATA, table_counts

STORED = "SELECT * EXCLUDE (import_id) FROM contacts ORDER BY provider, contact_id"


def test_reimporting_same_export_changes_nothing(store):
    first = import_export(store, DATA / "contacts_generic.csv")
    before = table_counts(store)
    again = import_export(store, DATA / "contacts_generic.csv")
    assert again.status == "unchanged" and again.same_as_import == first.import_id
    assert "nothing changed" in again.summary()
    assert table_counts(store) == before


def test_same_export_under_another_name_is_recognised_by_content(store, tmp_path):
    import_export(store, DATA / "contacts_generic.csv")
    renamed = tmp_path / "calls_copy.csv"
    shutil.copy(DATA / "contacts_generic.csv", renamed)
    assert import_export(store, renamed).status == "unchanged"


def test_the_same_file_given_for_another_provider_is_that_providers(store):
    """An export without a provider column takes the provider it is given: the same bytes
    for another provider are that provider's rows, not a repeat of the first import."""
    first = import_export(store, DATA / "agent_activity.csv", provider="Acme")
    again = import_export(store, DATA / "agent_activity.csv", provider="Acme")
    assert again.status == "unchanged" and again.same_as_import == first.import_id
    other = import_export(store, DATA / "agent_activity.csv", provider="Beta")
    assert other.status == "imported" and other.providers == ["Beta"]
    counts = dict(store.rows("SELECT provider, count(*) FROM agent_activity GROUP BY ALL")[1])
    assert counts["Beta"] == counts["Acme"] == first.rows_imported > 0


def test_a_file_whose_rows_name_their_provider_is_unchanged_whatever_provider_is_given(store):
    """A provider column fills every row: the provider given changes nothing, so the same
    file again is still "unchanged" (and replaces nothing)."""
    first = import_export(store, DATA / "contacts_generic.csv")
    again = import_export(store, DATA / "contacts_generic.csv", provider="Beta")
    assert again.status == "unchanged" and again.same_as_import == first.import_id
    assert store.rows("SELECT import_id, status FROM imports")[1] == [(first.import_id,
                                                                        "active")]


def test_a_copy_of_one_providers_file_in_anothers_inbox_is_refused_not_unchanged(store):
    """The shortcut for a file seen before would tell the second provider the first one's
    import number; the file is read instead, and its rows are not the inbox's provider's."""
    first = import_export(store, DATA / "contacts_generic.csv")
    owner = first.providers[0]
    before = table_counts(store)
    with pytest.raises(ImportRefused) as refused:
        import_files(store, [(DATA / "contacts_generic.csv", "contacts_generic.csv")],
                     sole_provider="Other BPO")
    assert f"#{first.import_id}" not in refused.value.text("en")
    assert table_counts(store) == before
    again = import_files(store, [(DATA / "contacts_generic.csv", "copy.csv")],
                         sole_provider=owner)
    assert again[0].status == "unchanged"


@pytest.mark.parametrize("other", ["contacts_french.csv", "contacts_titled.xlsx"])
def test_generic_and_french_or_excel_exports_give_identical_stores(tmp_path, other):
    with Store(tmp_path / "generic.duckdb") as generic, Store(tmp_path / "other.duckdb") as twin:
        import_export(generic, DATA / "contacts_generic.csv")
        import_export(twin, DATA / other)
        pd.testing.assert_frame_equal(generic.read(STORED), twin.read(STORED))


def test_newer_export_of_same_period_replaces_older_rows(store, tmp_path):
    old = import_export(store, DATA / "contacts_generic.csv")
    newer = tmp_path / "contacts_resent.csv"
    lines = (DATA / "contacts_generic.csv").read_text().splitlines()
    # The provider re-sends the week: C02 is gone, C06's customer now rated 3.
    kept = [line for line in lines if not line.startswith("C02,")]
    kept = [line.replace(",K1,2,3", ",K1,3,3") if line.startswith("C06,") else line
            for line in kept]
    newer.write_text("\n".join(kept) + "\n")
    report = import_export(store, newer)
    assert report.replaced_imports == [old.import_id]
    assert store.scalar("SELECT count(*) FROM contacts") == 5
    assert store.scalar("SELECT csat FROM contacts WHERE contact_id = 'C06'") == 3
    history = store.read("SELECT import_id, status, coalesce(replaced_by, 0) AS replaced_by "
                         "FROM imports ORDER BY 1")
    assert history.values.tolist() == [[old.import_id, "replaced", report.import_id],
                                       [report.import_id, "active", 0]]


def test_an_export_of_another_queue_does_not_replace_the_first(store, tmp_path):
    import_export(store, DATA / "contacts_generic.csv")
    other = tmp_path / "other_queue.csv"
    header = (DATA / "contacts_generic.csv").read_text().splitlines()[0]
    other.write_text(header + "\nX1,Acme,Nantes,Claims,voice,inbound,2026-03-02 09:00:00,"
                     ",,12,,,,,,,,,,,\n")
    report = import_export(store, other)
    assert report.replaced_imports == []
    assert store.scalar("SELECT count(*) FROM contacts") == 7


def test_exact_duplicate_rows_are_dropped_and_counted(store, tmp_path):
    lines = (DATA / "contacts_generic.csv").read_text().splitlines()
    doubled = tmp_path / "doubled.csv"
    doubled.write_text("\n".join([*lines, lines[1], lines[2], lines[1]]) + "\n")
    report = import_export(store, doubled)
    assert (report.rows_read, report.rows_imported, report.duplicates_dropped) == (9, 6, 3)
    assert store.scalar("SELECT count(DISTINCT contact_id) FROM contacts") == 6


def test_conflicting_duplicates_are_refused_with_their_rows(store):
    with pytest.raises(ImportRefused) as refused:
        import_export(store, BAD / "conflicting_duplicates.csv")
    assert "rows 2, 4" in str(refused.value)


def test_skip_bad_rows_sets_them_aside_and_imports_the_rest(store, tmp_path):
    lines = (DATA / "contacts_generic.csv").read_text().splitlines()
    mixed = tmp_path / "mixed.csv"
    bad = lines[2].replace(",3,,,,", ",3 min,,,,")  # row 3: C02 with an unreadable wait
    mixed.write_text("\n".join([lines[0], lines[1], bad, *lines[3:]]) + "\n")
    with pytest.raises(ImportRefused):
        import_export(store, mixed)
    report = import_export(store, mixed, skip_bad_rows=True)
    assert (report.rows_imported, report.rows_rejected) == (5, 1)
    aside = rejected_rows(store, report.import_id).to_dict("records")
    assert aside[0]["row_number"] == 3 and "wait_s" in aside[0]["reason"]
    assert '"contact_id": "C02"' in aside[0]["raw_values"]


def test_formula_looking_cells_are_kept_as_inert_text(store):
    import_export(store, DATA / "contacts_titled.xlsx")
    reasons = dict(store.read("SELECT contact_id, contact_reason FROM contacts").values)
    assert reasons["C05"] == '=HYPERLINK("http://x")'
    assert reasons["C06"] == "@sum"


def test_timestamps_without_offset_are_local_to_the_provider_across_dst(store, tmp_path):
    export = tmp_path / "dst.csv"
    # Paris: UTC+1 until 29 March 2026 02:00, then UTC+2; back to UTC+1 on 25 October.
    export.write_text(
        "contact_id,provider,queue,arrived_at\n"
        "W,Acme,Q,2026-03-28 10:00:00\n"
        "S,Acme,Q,2026-03-30 10:00:00\n"
        "Z,Acme,Q,2026-03-30T10:00:00Z\n"
        "O,Acme,Q,2026-10-26 10:00:00\n")
    import_export(store, export)
    got = {r["contact_id"]: r for r in store.read(
        "SELECT contact_id, arrived_at, arrived_local FROM contacts").to_dict("records")}
    assert got["W"]["arrived_at"].isoformat() == "2026-03-28T09:00:00+00:00"
    assert got["S"]["arrived_at"].isoformat() == "2026-03-30T08:00:00+00:00"
    assert got["Z"]["arrived_local"] == datetime(2026, 3, 30, 12, 0)  # offset given: kept
    assert got["O"]["arrived_at"].isoformat() == "2026-10-26T09:00:00+00:00"


def test_provider_time_zone_setting_is_used(store, tmp_path):
    store.write(lambda cur: cur.execute(
        "INSERT INTO providers (name, time_zone) VALUES ('Montreal', 'America/Toronto')"))
    export = tmp_path / "mtl.csv"
    export.write_text("contact_id,queue,arrived_at\nM1,Q,2026-01-15 09:00:00\n")
    import_export(store, export, provider="Montreal")
    assert store.scalar("SELECT strftime(arrived_at, '%H:%M') FROM contacts") == "14:00"


def test_undo_removes_one_imports_rows_and_keeps_history(store):
    first = import_export(store, DATA / "contacts_generic.csv")
    import_export(store, DATA / "intervals.csv", provider="Acme")
    assert undo_import(store, first.import_id) == 6
    assert store.scalar("SELECT count(*) FROM contacts") == 0
    assert store.scalar("SELECT count(*) FROM intervals") == 3
    assert store.scalar("SELECT status FROM imports WHERE import_id = ?",
                        [first.import_id]) == "undone"
    # Once undone, the same file can come in again.
    assert import_export(store, DATA / "contacts_generic.csv").status == "imported"


def test_a_batch_is_all_or_nothing(store):
    import_export(store, DATA / "intervals.csv", provider="Acme")
    before = table_counts(store)
    with pytest.raises(ImportRefused, match="bad_date.csv"):
        import_files(store, [(DATA / "contacts_generic.csv", "contacts_generic.csv"),
                             (BAD / "bad_date.csv", "bad_date.csv")])
    assert table_counts(store) == before


def test_dry_run_previews_exactly_what_would_be_stored_and_writes_nothing(store):
    before = table_counts(store)
    (report,) = import_files(store, [(DATA / "contacts_french.csv", "week10.csv")],
                             dry_run=True)
    assert report.rows_imported == 6 and len(report.preview) == 6
    assert report.preview.set_index("contact_id").loc["C03", "sale_amount"] == 1234.5
    assert table_counts(store) == before


def test_problems_beyond_twenty_are_counted_not_listed(store, tmp_path):
    export = tmp_path / "many_bad.csv"
    export.write_text("contact_id,provider,queue,arrived_at\n" + "".join(
        f"X{i},Acme,Q,not a date {i}\n" for i in range(25)))
    with pytest.raises(ImportRefused) as refused:
        import_export(store, export)
    message = str(refused.value)
    assert message.count("expected a date and time") == 20
    assert "and 5 more problem(s)" in message
