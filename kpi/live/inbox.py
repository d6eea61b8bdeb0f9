"""The inbox: folders where providers' exports land, imported by one writer.

Layout: `inbox/<provider>/file` (the folder names the provider, for exports that do not) or
`inbox/file` (the file names its provider). Each file is imported on its own, through the
same importers as everything else; then moved to `archive/` or, refused, to `rejected/`
with `<file>.reason.txt` saying why. A file still being written (its size or time changed
within the last seconds) waits for the next pass.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpi.errors import CockpitError
from kpi.ingest.importer import import_files
from kpi.store import Store

ARCHIVE, REJECTED = "archive", "rejected"
SETTLE_S = 2.0  # a file untouched for this long is complete
IGNORED_PREFIXES = (".", "~", "_")  # hidden files, office lock files, partial uploads
IGNORED_SUFFIXES = (".tmp", ".part", ".crdownload", ".reason.txt")


@dataclass(frozen=True)
class InboxOutcome:
    file: str  # path inside the inbox
    provider: str | None
    imported: bool
    message: str  # the import's summary, or the reason it was refused
    moved_to: Path


def pending_files(inbox: Path, now: float | None = None) -> list[tuple[Path, str | None]]:
    """(file, provider from its folder) ready to import, oldest first."""
    now = time.time() if now is None else now
    found = []
    if not inbox.is_dir():
        return found
    for path in inbox.rglob("*"):
        relative = path.relative_to(inbox)
        if not path.is_file() or relative.parts[0] in (ARCHIVE, REJECTED):
            continue
        if path.name.startswith(IGNORED_PREFIXES) or path.name.endswith(IGNORED_SUFFIXES):
            continue
        if len(relative.parts) > 2:
            continue  # deeper folders are not part of the contract
        if now - path.stat().st_mtime < SETTLE_S:
            continue  # still being written
        provider = relative.parts[0] if len(relative.parts) == 2 else None
        found.append((path, provider))
    return sorted(found, key=lambda item: item[0].stat().st_mtime)


def _destination(inbox: Path, folder: str, path: Path) -> Path:
    """archive/<provider>/20261124-101500_name: never overwrites an earlier drop."""
    relative = path.relative_to(inbox)
    target = inbox / folder / relative.parent / f"{datetime.now():%Y%m%d-%H%M%S}_{path.name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    n = 1
    while target.exists():
        target = target.with_name(f"{target.stem}_{n}{target.suffix}")
        n += 1
    return target


def process_inbox(store: Store, inbox: Path, now: float | None = None) -> list[InboxOutcome]:
    """Import every settled file of the inbox, one transaction each; move each file."""
    outcomes = []
    for path, provider in pending_files(inbox, now):
        name = str(path.relative_to(inbox))
        try:
            reports = import_files(store, [(path, path.name)], provider=provider,
                                   imported_by="inbox")
        except CockpitError as error:
            target = _destination(inbox, REJECTED, path)
            shutil.move(path, target)
            target.with_name(target.name + ".reason.txt").write_text(
                f"{name} was refused; nothing of it was imported.\n\n{error}\n",
                encoding="utf-8")
            outcomes.append(InboxOutcome(name, provider, False, str(error), target))
        else:
            target = _destination(inbox, ARCHIVE, path)
            shutil.move(path, target)
            outcomes.append(InboxOutcome(name, provider, True,
                                         "; ".join(r.summary() for r in reports), target))
    return outcomes
