"""Hostile inputs: each file ends imported or refused with a message, through the importer,
the CLI and the inbox; never a traceback, never a blocked inbox, never another provider's
rows changed. Big or nasty files are generated here, at test time."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from kpi.cli import main
from kpi.errors import FileChanged, ImportRefused, UndoRefused
from kpi.ingest.importer import import_export, import_files, undo_import
from kpi.ingest.limits import Limits
from kpi.live.inbox import inbox_pass, process_inbox
from kpi.live.watcher import InboxWatcher
from kpi.store import Store

from .conftest import DATA, ROOT, table_counts, write_big_contacts
from .processes import kill_while_reading

GENERIC = (DATA / "contacts_generic.csv").read_text(encoding="utf-8")
HEADER = GENERIC.splitlines()[0]
BODY = GENERIC.splitlines()[1:]


def _settled(path: Path) -> None:
    past = time.time() - 10
    os.utime(path, (past, past), follow_symlinks=False)


def _contacts(rows: list[str], provider: str = "Beta") -> str:
    """The generic contacts file, its provider column set to `provider`."""
    return "\n".join([HEADER, *(r.replace(",Acme,", f",{provider},", 1) for r in rows)]) + "\n"


def _cell_row(cell: str, contact: str = "Z1", provider: str = "Beta") -> str:
    return (f"{contact},{provider},Nantes,Billing,voice,inbound,2026-03-02 08:00:00,"
            f"2026-03-02 08:00:15,2026-03-02 08:05:15,15,280,20,30,A1,no,{cell},resolved,,"
            "K1,5,9")


def _far_cell_xlsx(path: Path, lie: bool = False) -> None:
    """A sheet with a header, a row and one stray cell at XFD1048576; `lie`: its
    <dimension> claims A1:C2, as a hand-made file could."""
    wb = Workbook()
    ws = wb.active
    ws.append(["contact_id", "queue", "arrived_at"])
    ws.append(["C1", "Billing", "2026-03-02 08:00:00"])
    ws["XFD1048576"] = "x"
    wb.save(path)
    if lie:
        rewritten = path.with_suffix(".tmp")
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w",
                                                           zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename.startswith("xl/worksheets/"):
                    data = data.replace(b'ref="A1:XFD1048576"', b'ref="A1:C2"')
                    assert b'ref="A1:C2"' in data
                dst.writestr(item, data)
        rewritten.replace(path)


def _zip_bomb(path: Path) -> None:
    """A small workbook carrying a part that inflates to 600 MB of zeros."""
    wb = Workbook()
    wb.active.append(["contact_id", "provider", "queue", "arrived_at"])
    wb.active.append(["C1", "Beta", "Billing", "2026-03-02 08:00:00"])
    wb.save(path)
    zeros = bytes(1 << 20)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        with bomb.open("xl/media/padding.bin", "w", force_zip64=True) as part:
            for _ in range(600):
                part.write(zeros)


@dataclass(frozen=True)
class Case:
    name: str
    make: object  # (path) -> None
    imported: bool
    says: tuple[str, ...] = ()  # words the refusal must carry


CASES = [
    Case("zip_bomb.xlsx", _zip_bomb, False, ("uncompressed", "max_xlsx_uncompressed_mb")),
    Case("far_cell.xlsx", _far_cell_xlsx, False, ("16,384 columns", "XFD1048576")),
    Case("far_cell_lying.xlsx", lambda p: _far_cell_xlsx(p, lie=True), False,
         ("16,384 columns", "column XFD")),
    Case("wide_header.csv", lambda p: p.write_text(
        ",".join(f"col{i}" for i in range(100_000)) + "\n" + ",".join(["1"] * 100_000) + "\n",
        encoding="utf-8"), False, ("100,000 columns", "max_columns")),
    Case("utf16_no_bom.csv", lambda p: p.write_bytes(
        _contacts(BODY).encode("utf-16-le")), True),
    Case("cell_200kb.csv", lambda p: p.write_text(
        _contacts(BODY) + _cell_row("r" * 200_000) + "\n", encoding="utf-8"), True),
    Case("cell_2mb_first_row.csv", lambda p: p.write_text(
        "\n".join([HEADER, _cell_row("r" * 2_000_000), *BODY]) + "\n", encoding="utf-8"),
        False, ("max_cell_kb",)),
    Case("cell_2mb_row_60.csv", lambda p: p.write_text(
        "\n".join([HEADER, *[_cell_row("ok", f"Y{i}") for i in range(58)],
                   _cell_row("r" * 2_000_000)]) + "\n", encoding="utf-8"),
        False, ("row 60", "column contact_reason", "max_cell_kb")),
    Case("duration_600000h.csv", lambda p: p.write_text(
        _contacts(BODY).replace(",15,280,", ",600000:00:00,280,", 1), encoding="utf-8"), True),
    Case("duration_overflow.csv", lambda p: p.write_text(
        _contacts(BODY).replace(",15,280,", ",99999999999999999999:00:00,280,", 1),
        encoding="utf-8"), False, ("row 2", "column wait_s", "seconds or hh:mm:ss")),
    Case("no_line_breaks.csv", lambda p: p.write_bytes(b"a," * (9 * 1024 * 1024)), False,
         ("a line of more than",)),
    Case("interval_overflow.csv", lambda p: p.write_text(
        "interval_start;queue;offered;answered;interval_min\n"
        "02/03/2026 08:00;Billing;40;36;99999999999999\n", encoding="utf-8"), False,
        ("row 2, column interval_min: expected an interval of 1 to 1440 minutes",)),
    Case("day_number_overflow.csv", lambda p: p.write_text(
        "day_number;queue;offered;answered\n99999999999;Billing;40;36\n", encoding="utf-8"),
        False, ()),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for case in CASES:
        path = folder / case.name
        case.make(path)
        files[case.name] = path
    return files


@pytest.fixture
def acme_db(db_path: Path) -> Path:
    """A database holding Acme's contacts: no hostile file may change them."""
    with Store(db_path) as store:
        import_export(store, DATA / "contacts_generic.csv")
    return db_path


def _acme_rows(store: Store) -> list:
    return store.read("SELECT * FROM contacts WHERE provider = 'Acme' ORDER BY contact_id"
                      ).astype(str).values.tolist()


def _check(case: Case, imported: bool, message: str) -> None:
    assert "Traceback" not in message
    assert imported == case.imported, message
    for words in case.says:
        assert words in message, message
    if not imported:
        assert case.name in message and "expected" in message, message


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_importer_imports_or_refuses_in_words(case, corpus, acme_db):
    with Store(acme_db) as store:
        before, acme = table_counts(store), _acme_rows(store)
        started = time.perf_counter()
        try:
            report = import_export(store, corpus[case.name], provider="Beta")
        except ImportRefused as refusal:
            _check(case, False, str(refusal))
            assert table_counts(store) == before
        else:
            _check(case, True, report.summary())
            assert report.providers == ["Beta"]
        assert _acme_rows(store) == acme
    assert time.perf_counter() - started < 30


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_cli_imports_or_refuses_in_words(case, corpus, acme_db, capsys):
    code = main(["import", str(corpus[case.name]), "--provider", "Beta", "--db", str(acme_db)])
    out = capsys.readouterr()
    _check(case, code == 0, out.out + out.err)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_inbox_imports_or_rejects_and_is_never_blocked(case, corpus, acme_db, tmp_path):
    """The hostile file first in line, a good drop behind it: both end somewhere."""
    inbox = tmp_path / "inbox"
    (inbox / "Beta").mkdir(parents=True)
    hostile = inbox / "Beta" / case.name
    hostile.write_bytes(corpus[case.name].read_bytes())
    _settled(hostile)
    later = inbox / "Beta" / "later_snapshots.csv"
    later.write_text((DATA / "snapshots.csv").read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(later, (time.time() - 5, time.time() - 5))
    with Store(acme_db) as store:
        acme = _acme_rows(store)
        outcomes = {o.file: o for o in process_inbox(store, inbox)}
        assert _acme_rows(store) == acme
    first, second = outcomes[f"Beta/{case.name}"], outcomes["Beta/later_snapshots.csv"]
    _check(case, first.imported, first.message)
    assert second.imported, second.message
    assert not hostile.exists() and first.moved_to.exists()
    if not first.imported:
        reason = first.moved_to.with_name(first.moved_to.name + ".reason.txt")
        assert "nothing of it was imported" in reason.read_text(encoding="utf-8")
        assert first.moved_to.parent.parent.parent.name == "rejected"


def test_a_file_in_a_providers_folder_may_carry_only_that_providers_rows(acme_db, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "Beta").mkdir(parents=True)
    # Beta's folder, Acme's rows for the period Acme already sent: Acme's rows must stay.
    wrong = inbox / "Beta" / "acme_rows.csv"
    wrong.write_text(GENERIC.replace("resolved", "sale"), encoding="utf-8")
    _settled(wrong)
    mixed = inbox / "Beta" / "mixed.csv"
    mixed.write_text(_contacts(BODY[:3], "Beta") + BODY[3] + "\n", encoding="utf-8")
    _settled(mixed)
    mine = inbox / "Beta" / "mine.csv"
    mine.write_text(_contacts(BODY, "Beta"), encoding="utf-8")
    _settled(mine)
    with Store(acme_db) as store:
        before, acme = table_counts(store), _acme_rows(store)
        outcomes = {o.file: o for o in process_inbox(store, inbox)}
        assert _acme_rows(store) == acme
        assert store.scalar("SELECT count(*) FROM contacts WHERE provider = 'Beta'") == len(BODY)
        assert table_counts(store)["contacts"] == before["contacts"] + len(BODY)
    for name, row in (("Beta/acme_rows.csv", 2), ("Beta/mixed.csv", 5)):
        refused = outcomes[name]
        assert not refused.imported
        assert f"row {row}, column provider: expected only Beta's rows" in refused.message
        assert "found 'Acme'" in refused.message
    assert outcomes["Beta/mine.csv"].imported


def test_the_importer_option_refuses_another_providers_rows(acme_db, capsys):
    with Store(acme_db) as store:
        before = table_counts(store)
        other = DATA.parent / "data" / "contacts_french.csv"
        with pytest.raises(ImportRefused, match="only Beta's rows"):
            import_export(store, other, sole_provider="Beta")
        assert table_counts(store) == before
        # A file without a provider column takes the folder's provider.
        report = import_export(store, DATA / "snapshots.csv", sole_provider="Beta")
        assert report.providers == ["Beta"]


def test_links_and_special_files_are_moved_aside_never_followed(acme_db, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "Beta").mkdir(parents=True)
    secret = tmp_path / "secret.csv"
    secret.write_text(_contacts(BODY, "Beta").replace("invoice", "SECRET-CONTENT"),
                      encoding="utf-8")
    link = inbox / "Beta" / "link.csv"
    link.symlink_to(secret)
    _settled(link)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.csv").write_text(_contacts(BODY, "Gamma"), encoding="utf-8")
    (inbox / "Gamma").symlink_to(elsewhere, target_is_directory=True)
    os.mkfifo(inbox / "Beta" / "pipe.csv")
    (inbox / "Beta" / "deeper").mkdir()
    with Store(acme_db) as store:
        before = table_counts(store)
        result = inbox_pass(store, inbox)
        assert table_counts(store) == before
    by_file = {o.file: o for o in result.outcomes}
    assert set(by_file) == {"Beta/link.csv", "Gamma", "Beta/pipe.csv"}
    for outcome in by_file.values():
        assert not outcome.imported and outcome.moved_to.is_symlink() != (
            outcome.file == "Beta/pipe.csv")
        reason = outcome.moved_to.with_name(outcome.moved_to.name + ".reason.txt")
        text = reason.read_text(encoding="utf-8")
        assert "not opened or followed" in text
        assert "SECRET" not in text and str(secret) not in text and str(elsewhere) not in text
    assert "a symbolic link" in by_file["Beta/link.csv"].message
    assert "a named pipe" in by_file["Beta/pipe.csv"].message
    assert secret.exists() and (elsewhere / "x.csv").exists()  # the targets are untouched
    assert result.skipped == ["Beta/deeper/"]


def test_a_file_is_taken_once_stable_across_two_passes(acme_db, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "Beta").mkdir(parents=True)
    drop = inbox / "Beta" / "snap.csv"
    drop.write_text((DATA / "snapshots.csv").read_text(encoding="utf-8"), encoding="utf-8")
    _settled(drop)
    with Store(acme_db) as store:
        watcher = InboxWatcher(store, inbox, 1)
        watcher.seen = {}  # a watcher that has looked before: two passes needed
        assert watcher.run_once() == [] and watcher.state().waiting == ["Beta/snap.csv"]
        with drop.open("a", encoding="utf-8") as f:  # it grew between the passes
            f.write("2026-03-02 09:10:00,Billing,1,5,10,4,2\n")
        _settled(drop)
        assert watcher.run_once() == []
        outcomes = watcher.run_once()
        assert [o.imported for o in outcomes] == [True]
        assert store.scalar("SELECT count(*) FROM snapshots WHERE provider = 'Beta'") == (
            len((DATA / "snapshots.csv").read_text().splitlines()))
        state = watcher.state()
    assert state.waiting == [] and state.imported_since_start == 1 and state.last_pass
    assert outcomes[0].moved_to.parent.parent.parent == inbox / "archive"


def test_a_file_growing_while_read_is_refused_by_the_importer_and_waits_in_the_inbox(
        acme_db, tmp_path):
    growing, other = tmp_path / "growing.csv", tmp_path / "other.csv"
    growing.write_text(_contacts(BODY), encoding="utf-8")
    other.write_text((DATA / "snapshots.csv").read_text(encoding="utf-8"), encoding="utf-8")

    def grow(_fraction: float, label: str) -> None:
        if label == "other.csv: reading":  # after growing.csv was fingerprinted
            with growing.open("a", encoding="utf-8") as f:
                f.write(_cell_row("late", "Z9") + "\n")

    with Store(acme_db) as store:
        before = table_counts(store)
        with pytest.raises(FileChanged, match="does not change while it is imported"):
            import_files(store, [(growing, "growing.csv"), (other, "other.csv")],
                         provider="Beta", on_progress=grow)
        assert table_counts(store) == before

    # In the inbox, a file a writer keeps appending to waits; it is taken once finished.
    inbox = tmp_path / "inbox"
    (inbox / "Beta").mkdir(parents=True)
    drop = inbox / "Beta" / "live.csv"
    drop.write_text(HEADER + "\n", encoding="utf-8")
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            with drop.open("a", encoding="utf-8") as f:
                f.write(_cell_row("w", f"W{i}") + "\n")
            i += 1
            time.sleep(0.01)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        with Store(acme_db) as store:
            watcher = InboxWatcher(store, inbox, 1)
            for _ in range(3):
                assert watcher.run_once() == []
                assert watcher.state().waiting == ["Beta/live.csv"]
    finally:
        stop.set()
        thread.join()
    _settled(drop)
    rows = len(drop.read_text(encoding="utf-8").splitlines()) - 1
    with Store(acme_db) as store:
        watcher.store = store
        outcomes = watcher.run_once() or watcher.run_once()
        assert [o.imported for o in outcomes] == [True]
        assert store.scalar("SELECT count(*) FROM contacts WHERE provider = 'Beta'") == rows


def test_watch_once_prints_the_writers_state(acme_db, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    (inbox / "Beta").mkdir(parents=True)
    bad = inbox / "Beta" / "far.xlsx"
    _far_cell_xlsx(bad)
    _settled(bad)
    fresh = inbox / "Beta" / "fresh.csv"
    fresh.write_text(_contacts(BODY), encoding="utf-8")
    assert main(["watch", "--once", "--inbox", str(inbox), "--db", str(acme_db)]) == 1
    err = capsys.readouterr().err
    assert "Beta/far.xlsx: refused" in err and "16,384 columns" in err
    assert "1 refused today" in err and "last pass 20" in err
    assert "waiting (1): Beta/fresh.csv" in err
    assert "last error at 20" in err and "Traceback" not in err


def test_limits_are_settings_read_from_the_database(acme_db, tmp_path):
    export = tmp_path / "ten.csv"
    export.write_text(_contacts(BODY), encoding="utf-8")
    with Store(acme_db) as store:
        store.write(lambda cur: cur.execute(
            "INSERT INTO app_settings VALUES ('max_rows', '2'), ('max_columns', '5')"))
        before = table_counts(store)
        with pytest.raises(ImportRefused, match="at most 5 columns") as refused:
            import_export(store, export)
        assert "setting max_columns" in str(refused.value)
        with pytest.raises(ImportRefused, match="at most 2 rows"):
            import_export(store, export, limits=Limits(max_columns=100, max_rows=2))
        big = tmp_path / "big.csv"
        big.write_bytes(b"x" * (3 * 1024 * 1024))
        with pytest.raises(ImportRefused, match="at most 1 MB"):
            import_export(store, big, limits=Limits(max_file_mb=1))
        assert table_counts(store) == before


def test_an_unexpected_error_is_logged_and_refused_in_words(acme_db, corpus, caplog):
    with Store(acme_db) as store, caplog.at_level("ERROR", logger="cockpit.ingest"):
        with pytest.raises(ImportRefused) as refused:
            import_export(store, corpus["day_number_overflow.csv"], provider="Beta",
                          first_day=date(2026, 3, 2))
    text = str(refused.value)
    assert "day_number_overflow.csv" in text and "Traceback" not in text
    assert "unexpected error" in text and "99999999999" in text
    assert "LINE" not in text and "CAST(" not in text  # the error, not our SQL
    assert any(r.exc_info for r in caplog.records if r.name == "cockpit.ingest")


def _count(store: Store, provider: str = "Beta") -> int:
    return store.scalar("SELECT count(*) FROM contacts WHERE provider = ?", [provider])


def test_undo_brings_back_what_a_chain_of_replacements_replaced(acme_db, tmp_path):
    """A (6 rows) replaced by B (4 rows, same period) replaced by C (3 rows); undo C brings
    B back, undo B brings A back, each in one transaction."""
    files = {}
    # Each keeps the first and last arrivals of the one before: it covers its period.
    chain = (("a", BODY), ("b", BODY[:3] + BODY[5:]), ("c", BODY[:1] + BODY[2:3] + BODY[5:]))
    for name, rows in chain:
        text = _contacts(rows).replace("2026-03-03", "2026-03-10").replace("2026-03-02",
                                                                          "2026-03-09")
        text = text.replace("resolved", f"resolved-{name}")
        files[name] = tmp_path / f"{name}.csv"
        files[name].write_text(text, encoding="utf-8")
    with Store(acme_db) as store:
        acme = _acme_rows(store)
        a = import_export(store, files["a"]).import_id
        rows_a = store.read("SELECT * FROM contacts WHERE import_id = ? ORDER BY contact_id",
                            [a]).astype(str).values.tolist()
        period = store.read("SELECT period_start, period_end FROM imports WHERE import_id = ?",
                            [a]).astype(str).values.tolist()
        b_report = import_export(store, files["b"])
        if a not in b_report.replaced_imports:
            pytest.skip(f"b does not cover a's period {period}")
        b = b_report.import_id
        c = import_export(store, files["c"])
        assert c.replaced_imports == [b] and _count(store) == 3
        with pytest.raises(Exception, match="undo #"):
            undo_import(store, b)  # replaced: only C can be undone first
        undo_import(store, c.import_id)
        assert _count(store) == 4
        assert store.scalar("SELECT status FROM imports WHERE import_id = ?", [b]) == "active"
        undo_import(store, b)
        assert _count(store) == 6
        assert store.read("SELECT * FROM contacts WHERE import_id = ? ORDER BY contact_id",
                          [a]).astype(str).values.tolist() == rows_a
        assert store.scalar("SELECT status FROM imports WHERE import_id = ?", [a]) == "active"
        assert _acme_rows(store) == acme
        assert store.scalar("SELECT count(*) FROM replaced_contacts") == 0


def test_undo_restores_rows_replaced_by_key_and_refuses_out_of_order(acme_db, tmp_path):
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(_contacts(BODY), encoding="utf-8")
    # One contact again, from another queue (not the same scope): it replaces by key only.
    second.write_text(_contacts([BODY[0].replace("Billing", "Sales")]), encoding="utf-8")
    with Store(acme_db) as store:
        one = import_export(store, first).import_id
        original = store.read("SELECT * FROM contacts WHERE import_id = ? ORDER BY contact_id",
                              [one]).astype(str).values.tolist()
        two = import_export(store, second)
        assert two.rows_updated == 1 and two.replaced_imports == []
        with pytest.raises(UndoRefused, match=f"#{two.import_id}"):
            undo_import(store, one)
        undo_import(store, two.import_id)
        assert store.read("SELECT * FROM contacts WHERE import_id = ? ORDER BY contact_id",
                          [one]).astype(str).values.tolist() == original
        undo_import(store, one)
        assert _count(store) == 0


# The peak is this process's own high-water mark (VmHWM): ru_maxrss is inherited across
# fork and exec, so under a large test process it reports the parent's size.
PEAK_SCRIPT = """
import sys, time
from kpi.errors import ImportRefused
from kpi.ingest.importer import import_export
from kpi.store import Store
started = time.perf_counter()
with Store(sys.argv[1]) as store:
    try:
        import_export(store, sys.argv[2], provider="Beta")
        outcome = "imported"
    except ImportRefused as refusal:
        outcome = "refused"
peak_kib = next(int(line.split()[1]) for line in open("/proc/self/status")
                if line.startswith("VmHWM:"))
print(outcome, time.perf_counter() - started, peak_kib * 1024)
"""


@pytest.mark.parametrize("name", ["zip_bomb.xlsx", "far_cell.xlsx", "far_cell_lying.xlsx",
                                  "wide_header.csv", "cell_2mb_row_60.csv"])
def test_peak_memory_of_the_worst_files_stays_bounded(name, corpus, db_path):
    out = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(db_path), str(corpus[name])],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    outcome, seconds, peak = out.stdout.split()
    print(f"{name}: {outcome} in {float(seconds):.2f} s, peak {int(peak) / 2**20:.0f} MiB")
    assert outcome == "refused"
    assert int(peak) < 1024 * 2**20  # well under 2 GiB
    assert float(seconds) < 20


@pytest.fixture
def big_drop(tmp_path) -> Path:
    return write_big_contacts(tmp_path / "big.csv")


def test_kill_9_during_an_inbox_import_leaves_the_file_waiting_then_imported_once(
        acme_db, big_drop, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "Big").mkdir(parents=True)
    drop = inbox / "Big" / "big.csv"
    big_drop.replace(drop)
    _settled(drop)
    with Store(acme_db) as store:
        before = table_counts(store)
    process = subprocess.Popen(
        [sys.executable, "-m", "kpi.cli", "watch", "--once", "--inbox", str(inbox),
         "--db", str(acme_db)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Killed while its transaction reads the file (its second opening, after the
    # fingerprint), not after a fixed sleep: the one-pass import reads it in about 2 s.
    kill_while_reading(process, drop)
    assert drop.exists()  # still waiting
    with Store(acme_db) as store:
        assert table_counts(store) == before
    # After the restart, the next pass imports it (its peak memory measured).
    code = ("import sys; from kpi.cli import main; code = main(sys.argv[1:]); "
            "print(next(int(l.split()[1]) for l in open('/proc/self/status') "
            "if l.startswith('VmHWM:')) * 1024); sys.exit(code)")
    rerun = subprocess.run([sys.executable, "-c", code, "watch", "--once", "--inbox",
                            str(inbox), "--db", str(acme_db)], cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    peak = int(rerun.stdout.split()[-1])
    print(f"1.5 M-row inbox import: peak {peak / 2**20:.0f} MiB")
    assert "Big/big.csv: big.csv: import #" in rerun.stdout
    assert peak < 1536 * 2**20
    with Store(acme_db) as store:
        again = process_inbox(store, inbox)
        assert again == []
        assert store.scalar("SELECT count(*) FROM contacts WHERE provider = 'Big'") == 1_500_000
        assert store.scalar("SELECT count(*) FROM imports WHERE provider = 'Big'") == 1
    assert not drop.exists()



def test_a_pipe_or_a_folder_is_refused_without_being_opened(acme_db, tmp_path, capsys):
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)  # opening it would wait for a writer forever
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with Store(acme_db) as store:
        before = table_counts(store)
        for path, found in ((pipe, "not a regular file"), (folder, "a folder")):
            with pytest.raises(ImportRefused, match="expected a regular file") as refused:
                import_export(store, path)
            assert found in str(refused.value)
        assert table_counts(store) == before
    for path in (pipe, folder):
        assert main(["import", str(path), "--db", str(acme_db)]) == 1
        err = capsys.readouterr().err
        assert path.name in err and "Traceback" not in err
