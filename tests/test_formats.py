"""Encodings, separators and cell formats a provider's export may use."""

from __future__ import annotations

import codecs

import pytest

from kpi.ingest.importer import import_export

HEADER = ["contact_id", "provider", "queue", "arrived_at", "transferred", "contact_reason"]
ROWS = [["C1", "Acme", "Réclamations", "02/03/2026 08:00:00", "oui", "Remboursement 12 €"],
        ["C2", "Acme", "Réclamations", "2026-03-02T08:05:00", "non", "Œuvre d'art"]]


def write(tmp_path, name: str, sep: str, encoding: str, bom: bytes = b"") -> object:
    text = "\r\n".join(sep.join(r) for r in [HEADER, *ROWS]) + "\r\n"
    path = tmp_path / name
    path.write_bytes(bom + text.encode(encoding))
    return path


@pytest.mark.parametrize(("name", "sep", "encoding", "bom"), [
    ("utf8.csv", ",", "utf-8", b""),
    ("utf8_bom.csv", ";", "utf-8", codecs.BOM_UTF8),
    ("cp1252.csv", ";", "cp1252", b""),
    ("utf16.txt", "\t", "utf-16-le", codecs.BOM_UTF16_LE),
    ("tabs.tsv", "\t", "utf-8", b""),
])
def test_encodings_and_separators_read_the_same_text(store, tmp_path, name, sep, encoding, bom):
    report = import_export(store, write(tmp_path, name, sep, encoding, bom))
    assert report.rows_imported == 2
    got = store.read("SELECT contact_id, queue, contact_reason, transferred FROM contacts "
                     "ORDER BY contact_id").values.tolist()
    assert got == [["C1", "Réclamations", "Remboursement 12 €", True],
                   ["C2", "Réclamations", "Œuvre d'art", False]]


@pytest.mark.parametrize(("word", "value"), [
    ("oui", True), ("Non", False), ("yes", True), ("NO", False), ("true", True),
    ("False", False), ("1", True), ("0", False), ("vrai", True), ("faux", False)])
def test_boolean_words(store, tmp_path, word, value):
    path = tmp_path / "b.csv"
    path.write_text(f"contact_id,provider,queue,arrived_at,transferred\n"
                    f"C1,Acme,Q,2026-03-02 08:00:00,{word}\n")
    import_export(store, path)
    assert store.scalar("SELECT transferred FROM contacts") is value


@pytest.mark.parametrize(("text", "seconds"), [
    ("75", 75), ("75,5", 75.5), ("1:15", 75), ("0:01:15", 75), ("01:01:15", 3675),
    ("1 234", 1234), ("1\u00a0234,5", 1234.5)])
def test_durations_in_seconds_or_clock_time(store, tmp_path, text, seconds):
    path = tmp_path / "d.csv"
    path.write_text(f"contact_id;provider;queue;arrived_at;wait_s\n"
                    f"C1;Acme;Q;2026-03-02 08:00:00;{text}\n", encoding="utf-8")
    import_export(store, path)
    assert store.scalar("SELECT wait_s FROM contacts") == seconds
