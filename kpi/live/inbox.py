"""The inbox: folders where providers' exports land, imported by one writer.

Layout: `inbox/<provider>/file` (the folder names the provider, and the file may carry only
that provider's rows) or `inbox/file` (the file names its provider). Each file is imported
on its own, through the same importers as everything else, in its own transaction; then
moved to `archive/<day>/…` or, refused, to `rejected/<day>/…` beside `<file>.reason.txt`
saying why. Every file ends in one of the two, whatever went wrong, so a broken file never
holds later ones behind it.

A file is taken once it is complete: not named `.part`/`.tmp`/`.crdownload` (write under
such a name, then rename), untouched for SETTLE_S seconds, and, for the watcher that keeps
looking, with the same size and modification time at two passes in a row. A file that
still changes while it is imported is left waiting. Symbolic links and anything that is not
a regular file are never opened or followed: they are moved aside to `rejected/` (the link
itself) and reported.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kpi.errors import CockpitError, DatabaseBusy, FileChanged, Msg
from kpi.ingest.importer import import_files, summaries, unexpected_refusal
from kpi.store import Store

ARCHIVE, REJECTED = "archive", "rejected"
SETTLE_S = 2.0  # a file untouched for this long may be complete
IGNORED_PREFIXES = (".", "~", "_")  # hidden files, office lock files, partial uploads
IGNORED_SUFFIXES = (".tmp", ".part", ".crdownload", ".reason.txt")
REASON_SUFFIX = ".reason.txt"

log = logging.getLogger("cockpit.ingest")

# What the writer saw of a file: (size, mtime in ns), by its path inside the inbox.
Seen = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class InboxOutcome:
    file: str  # path inside the inbox
    provider: str | None
    imported: bool
    message: str  # the import's summary, or the reason it was refused (either language)
    moved_to: Path


@dataclass
class InboxPass:
    """One look at the inbox: what was done, what waits, what was left alone."""

    outcomes: list[InboxOutcome] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # files not complete yet
    skipped: list[str] = field(default_factory=list)  # folders too deep to be drops
    seen: Seen = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # a file that could not be moved


@dataclass(frozen=True)
class _Entry:
    path: Path
    relative: str
    provider: str | None
    regular: bool  # a regular file (not a link, folder, pipe, socket or device)
    kind: str  # what it is, in words (a Msg), when it is not a regular file
    observed: tuple[int, int]


def _what(mode: int) -> Msg:
    if stat.S_ISLNK(mode):
        return Msg("inbox.kind.link")
    if stat.S_ISFIFO(mode):
        return Msg("inbox.kind.pipe")
    if stat.S_ISSOCK(mode):
        return Msg("inbox.kind.socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Msg("inbox.kind.device")
    return Msg("found.not_regular")


def _entries(inbox: Path, result: InboxPass) -> list[_Entry]:
    """The inbox's drops: its own files and its provider folders' files, never deeper, never
    through a link (os.scandir with lstat; archive/ and rejected/ are not looked into)."""
    found: list[_Entry] = []

    def visit(folder: Path, provider: str | None) -> None:
        try:
            listing = list(os.scandir(folder))
        except OSError as error:
            result.errors.append(f"{folder}: {error.strerror or error}")
            return
        for item in listing:
            relative = item.name if provider is None else f"{provider}/{item.name}"
            if provider is None and item.name in (ARCHIVE, REJECTED):
                continue  # the writer's own folders (never rescanned)
            if item.name.startswith(IGNORED_PREFIXES) or item.name.endswith(IGNORED_SUFFIXES):
                if not item.is_symlink():
                    continue
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                continue  # gone between the listing and the look
            if stat.S_ISDIR(info.st_mode):
                if provider is None:
                    visit(Path(item.path), item.name)
                else:
                    result.skipped.append(relative + "/")
                continue
            regular = stat.S_ISREG(info.st_mode)
            found.append(_Entry(Path(item.path), relative, provider, regular,
                                "" if regular else _what(info.st_mode),
                                (info.st_size, info.st_mtime_ns)))

    visit(inbox, None)
    return found


def pending_files(inbox: Path, now: float | None = None,
                  seen: Seen | None = None) -> list[tuple[Path, str | None]]:
    """(file, provider from its folder) ready to import, oldest first."""
    if not inbox.is_dir():
        return []
    ready, _waiting = _ready(_entries(inbox, InboxPass()), now, seen)
    return [(e.path, e.provider) for e in ready]


def _ready(entries: list[_Entry], now: float | None,
           seen: Seen | None) -> tuple[list[_Entry], list[_Entry]]:
    now = time.time() if now is None else now
    ready, waiting = [], []
    for entry in entries:
        if not entry.regular:
            continue
        settled = now - entry.observed[1] / 1e9 >= SETTLE_S
        stable = seen is None or seen.get(entry.relative) == entry.observed
        (ready if settled and stable else waiting).append(entry)
    ready.sort(key=lambda e: (e.observed[1], e.relative))
    return ready, waiting


def _destination(inbox: Path, folder: str, relative: str, when: datetime) -> Path:
    """archive/2026-11-24/<provider>/101500_name: by day, never over an earlier drop."""
    parent = Path(relative).parent
    target = inbox / folder / f"{when:%Y-%m-%d}" / parent / f"{when:%H%M%S}_{Path(relative).name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    n = 1
    while target.exists() or target.is_symlink():
        target = target.with_name(f"{when:%H%M%S}_{n}_{Path(relative).name}")
        n += 1
    return target


def _reject(inbox: Path, entry: _Entry, reason: str, when: datetime) -> Path:
    target = _destination(inbox, REJECTED, entry.relative, when)
    os.rename(entry.path, target)  # renames a link itself; never follows it
    target.with_name(target.name + REASON_SUFFIX).write_text(
        f"{entry.relative} was refused; nothing of it was imported.\n\n{reason}\n",
        encoding="utf-8")
    return target


def inbox_pass(store: Store, inbox: Path, now: float | None = None,
               seen: Seen | None = None) -> InboxPass:
    """Import every complete file of the inbox, one transaction each; move each file.

    `seen` is what the previous pass saw (None: no previous pass, a file untouched for
    SETTLE_S is taken); the result's `seen` is for the next pass.
    """
    result = InboxPass()
    if not inbox.is_dir():
        return result
    entries = _entries(inbox, result)
    result.seen = {e.relative: e.observed for e in entries if e.regular}
    for entry in entries:
        if entry.regular:
            continue
        when = datetime.now()
        reason = Msg("inbox.not_regular", file=entry.relative, kind=entry.kind)
        try:
            target = _reject(inbox, entry, reason, when)
        except OSError as error:
            result.errors.append(Msg("inbox.not_moved_aside", file=entry.relative,
                                     reason=error.strerror or type(error).__name__))
            continue
        log.warning("inbox: %s skipped (%s)", entry.relative, entry.kind)
        result.outcomes.append(InboxOutcome(entry.relative, entry.provider, False, reason,
                                            target))
    ready, waiting = _ready(entries, now, seen)
    result.waiting = [e.relative for e in waiting]
    for entry in ready:
        outcome = _take(store, inbox, entry, result)
        if outcome is not None:
            result.outcomes.append(outcome)
    return result


def _take(store: Store, inbox: Path, entry: _Entry, result: InboxPass) -> InboxOutcome | None:
    """Import one file and move it: archived, rejected, or (still changing) left waiting."""
    name = entry.relative
    try:
        reports = import_files(store, [(entry.path, entry.path.name)], provider=entry.provider,
                               sole_provider=entry.provider, imported_by="inbox")
    except FileChanged:
        result.waiting.append(name)
        result.seen.pop(name, None)  # look at it afresh on the next pass
        return None
    except DatabaseBusy as error:  # not the file's fault: it waits
        result.waiting.append(name)
        result.errors.append(error.said)
        return None
    except Exception as error:
        refusal = error if isinstance(error, CockpitError) else unexpected_refusal(name, error)
        when = datetime.now()
        try:
            target = _reject(inbox, entry, str(refusal), when)
        except OSError as move_error:
            log.error("inbox: %s was refused but could not be moved: %s", name, move_error)
            result.errors.append(Msg("inbox.not_moved_rejected", file=name, folder=REJECTED,
                                     reason=move_error.strerror or type(move_error).__name__))
            return None
        log.info("inbox: %s refused", name)
        return InboxOutcome(name, entry.provider, False, refusal.said, target)
    try:
        target = _destination(inbox, ARCHIVE, name, datetime.now())
        shutil.move(entry.path, target)
    except OSError as move_error:
        log.error("inbox: %s was imported but could not be archived: %s", name, move_error)
        result.errors.append(Msg("inbox.not_archived", file=name, folder=ARCHIVE,
                                 reason=move_error.strerror or type(move_error).__name__))
        return None
    log.info("inbox: %s imported", name)
    return InboxOutcome(name, entry.provider, True, summaries(reports), target)


def process_inbox(store: Store, inbox: Path, now: float | None = None,
                  seen: Seen | None = None) -> list[InboxOutcome]:
    """One pass (see inbox_pass); the outcomes only."""
    return inbox_pass(store, inbox, now, seen).outcomes


def refused_on(inbox: Path, day: date) -> list[Path]:
    """The files refused on a day (their reasons beside them)."""
    folder = inbox / REJECTED / f"{day:%Y-%m-%d}"
    if not folder.is_dir():
        return []
    found = []
    for parent, folders, files in os.walk(folder):  # never follows links
        for name in files + [f for f in folders if os.path.islink(os.path.join(parent, f))]:
            if not name.endswith(REASON_SUFFIX):
                found.append(Path(parent) / name)
    return sorted(found)
