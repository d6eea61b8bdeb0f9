"""The inbox's one writer: a loop that imports dropped files every few seconds.

Inside the app it is a background thread of the app's own process (the process that holds
the database for writing), so the file is never locked against the app; `cockpit watch`
runs the same loop when the app is not running. Its state (last pass, last error, files
waiting, refused today) is what the Data page and `cockpit watch` show.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from kpi.errors import Joined, Msg, Rendered, in_language, say
from kpi.live.inbox import InboxOutcome, Seen, inbox_pass, refused_on
from kpi.settings import app_settings, inbox_path
from kpi.store import Store

log = logging.getLogger("cockpit.ingest")


@dataclass(frozen=True)
class WatcherState:
    """What the inbox's writer is doing, for people: the Data page and `cockpit watch`."""

    inbox: Path
    running: bool
    last_pass: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    waiting: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused_today: list[str] = field(default_factory=list)
    imported_since_start: int = 0
    refused_since_start: int = 0

    def lines(self, lang: str = "en") -> list[str]:
        """The state in a few lines of text, in `lang` (what `cockpit watch` prints; its
        English words are the ones it has always printed)."""
        def at(moment: datetime | None) -> str:
            if moment is None:
                return say("inbox.never", lang)
            return f"{moment:%d/%m/%Y %H:%M:%S}" if lang == "fr" \
                else f"{moment:%Y-%m-%d %H:%M:%S}"

        out = [say("cli.watch_state", lang, inbox=self.inbox, at=at(self.last_pass),
                   imported=self.imported_since_start, refused=self.refused_since_start,
                   today=len(self.refused_today))]
        if self.waiting:
            out.append(say("cli.watch_waiting", lang, count=len(self.waiting),
                           files=", ".join(self.waiting[:10]))
                       + (" …" if len(self.waiting) > 10 else ""))
        if self.skipped:
            out.append(say("cli.watch_skipped", lang, files=", ".join(self.skipped[:10])))
        if self.last_error:
            out.append(say("cli.watch_last_error", lang, at=at(self.last_error_at),
                           error=self.last_error))
        return out


def _first_line(words: str, limit: int, lang: str) -> str:
    """The first line of words kept in either language (a refusal's), cut at `limit`."""
    return str(in_language(words, lang)).splitlines()[0][:limit]


def _cut(words: str, limit: int, lang: str) -> str:
    """Words in either language, cut at `limit`."""
    return str(in_language(words, lang))[:limit]


class InboxWatcher:
    """Polls the inbox until stopped; remembers the last outcomes for the pages."""

    def __init__(self, store: Store, inbox: Path | None = None,
                 interval_s: float | None = None,
                 on_outcome: Callable[[InboxOutcome], None] | None = None):
        self.store = store
        self._inbox = inbox
        self._interval = interval_s
        self.on_outcome = on_outcome
        self.recent: deque[tuple[datetime, InboxOutcome]] = deque(maxlen=50)
        self.last_pass: datetime | None = None
        self.last_error: str | None = None
        self.last_error_at: datetime | None = None
        self.waiting: list[str] = []
        self.skipped: list[str] = []
        self.imported = self.refused = 0
        # What the previous pass saw: a file is taken once two passes saw it unchanged.
        # None until the first pass, which takes files untouched for a few seconds.
        self.seen: Seen | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def inbox(self) -> Path:
        return self._inbox or inbox_path(self.store)

    @property
    def interval_s(self) -> float:
        return self._interval or float(app_settings(self.store)["watch_interval_s"])

    def run_once(self) -> list[InboxOutcome]:
        inbox = self.inbox
        inbox.mkdir(parents=True, exist_ok=True)
        result = inbox_pass(self.store, inbox, seen=self.seen)
        self.seen = result.seen
        self.waiting, self.skipped = result.waiting, result.skipped
        self.last_pass = datetime.now()
        if result.outcomes or result.errors:  # a line per pass that did something
            log.info("inbox pass: %s imported, %s refused, %s waiting",
                     sum(o.imported for o in result.outcomes),
                     sum(not o.imported for o in result.outcomes), len(result.waiting))
        else:
            log.debug("inbox pass: nothing new, %s waiting", len(result.waiting))
        if result.errors:
            self._error(Joined("; ", result.errors))
        for outcome in result.outcomes:
            self.recent.appendleft((self.last_pass, outcome))
            if outcome.imported:
                self.imported += 1
            else:
                self.refused += 1
                self._error(Msg("inbox.refused_file", file=outcome.file,
                                reason=Rendered(partial(_first_line, outcome.message, 300))))
            if self.on_outcome:
                self.on_outcome(outcome)
        return result.outcomes

    def _error(self, text: str) -> None:  # a str in English, a Localised for the pages
        self.last_error, self.last_error_at = text, datetime.now()

    def run_forever(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception as error:  # keep watching: one broken pass must not stop the feed
                log.exception("inbox pass failed")
                self._error(Rendered(partial(_cut, Msg(
                    "inbox.pass_failed", error=type(error).__name__, detail=str(error)), 500)))
            self._stop.wait(self.interval_s)

    def state(self) -> WatcherState:
        inbox = self.inbox
        today = [str(p.relative_to(inbox / "rejected")) for p in
                 refused_on(inbox, datetime.now().date())]
        running = self._thread is not None and self._thread.is_alive()
        return WatcherState(inbox, running, self.last_pass, self.last_error,
                            self.last_error_at, list(self.waiting), list(self.skipped),
                            today, self.imported, self.refused)

    def start(self) -> InboxWatcher:
        self._thread = threading.Thread(target=self.run_forever, name="cockpit-inbox",
                                        daemon=True)
        self._thread.start()
        # A daemon thread killed inside DuckDB at interpreter exit aborts the process: stop
        # it (and wait for its pass to end) before Python finalises.
        atexit.register(self.stop)
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=10)
