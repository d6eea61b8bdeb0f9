"""The store: schema migration on open, atomicity under kill -9, one writer."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from kpi.schema import LATEST_VERSION, MIGRATIONS, migrate
from kpi.store import Store

from .conftest import ROOT, table_counts, write_big_contacts
from .processes import kill_while_reading


def test_a_database_made_by_an_earlier_version_is_migrated_on_open(db_path):
    con = duckdb.connect(str(db_path))
    assert migrate(con, upto=1) == [1]
    con.execute("INSERT INTO imports (import_id, file_name, sha256, kind, profile, provider, "
                "rows_read, rows_imported, duplicates_dropped, imported_at, status) VALUES "
                "(1, 'old.csv', 'abc', 'contacts', 'contacts', 'Acme', 1, 1, 0, now(), "
                "'active')")
    con.execute("INSERT INTO contacts (import_id, provider, contact_id, queue, channel, "
                "direction, arrived_at, arrived_local) VALUES (1, 'Acme', 'C1', 'Q', 'voice', "
                "'inbound', TIMESTAMPTZ '2026-01-05 09:00:00+00', TIMESTAMP '2026-01-05 "
                "10:00:00')")
    con.close()
    with Store(db_path) as store:
        assert store.scalar("SELECT max(version) FROM schema_version") == LATEST_VERSION
        assert store.scalar("SELECT count(*) FROM contacts") == 1
        assert store.scalar("SELECT rows_rejected FROM imports") == 0
        assert store.scalar("SELECT count(*) FROM rejected_rows") == 0
    # Opening again applies nothing.
    con = duckdb.connect(str(db_path))
    assert migrate(con) == []
    con.close()


def test_migrations_are_numbered_in_order():
    numbers = [number for number, _, _ in MIGRATIONS]
    assert numbers == list(range(1, len(numbers) + 1))


def test_a_second_writer_gets_a_clear_error(db_path):
    with Store(db_path):
        code = ("import sys; from kpi.store import Store; from kpi.errors import DatabaseBusy\n"
                "try:\n    Store(sys.argv[1])\nexcept DatabaseBusy as e:\n    print(e)\n")
        out = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                             text=True, cwd=ROOT, timeout=60)
    assert "open for writing by another process" in out.stdout, out.stderr


@pytest.fixture
def big_export(tmp_path):
    return write_big_contacts(tmp_path / "big.csv", provider="Big")


def test_kill_9_during_an_import_leaves_the_database_openable_and_unchanged(db_path,
                                                                             big_export):
    from kpi.ingest.importer import import_export

    with Store(db_path) as store:
        import_export(store, ROOT / "tests" / "data" / "contacts_generic.csv")
        before = table_counts(store)
    process = subprocess.Popen(
        [sys.executable, "-m", "kpi.cli", "import", str(big_export), "--db", str(db_path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Killed while its transaction reads the file (its second opening, after the
    # fingerprint), not after a fixed sleep: the one-pass import reads it in about 2 s.
    kill_while_reading(process, big_export)
    with Store(db_path) as store:
        assert table_counts(store) == before
