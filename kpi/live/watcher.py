"""The inbox's one writer: a loop that imports dropped files every few seconds.

Inside the app it is a background thread of the app's own process (the process that holds
the database for writing), so the file is never locked against the app; `cockpit watch`
runs the same loop when the app is not running.
"""

from __future__ import annotations

import atexit
import threading
import traceback
from collections import deque
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kpi.live.app_settings import app_settings, inbox_path
from kpi.live.inbox import InboxOutcome, process_inbox
from kpi.store import Store


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
        outcomes = process_inbox(self.store, inbox)
        self.last_pass = datetime.now()
        for outcome in outcomes:
            self.recent.appendleft((self.last_pass, outcome))
            if self.on_outcome:
                self.on_outcome(outcome)
        return outcomes

    def run_forever(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
                self.last_error = None
            except Exception:  # keep watching: one broken pass must not stop the feed
                self.last_error = traceback.format_exc(limit=3)
            self._stop.wait(self.interval_s)

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
