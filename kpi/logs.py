"""The cockpit's log: the standard `logging` module, configured once per process.

Loggers under "cockpit" (cockpit.ingest: imports, refusals, undo; cockpit.inbox: inbox
passes; cockpit.access: sign-ins) write one line per event to standard error and to a
rotating file beside the database (`cockpit.log`, 5 MB × 3 kept); a traceback, when there is
one, goes to the file only. Configuring again is harmless: handlers are never added twice
(Streamlit reruns a page's script on every interaction), and a new database moves the file
handler beside it. No password is ever logged: none is passed to a logger.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOGGER = "cockpit"
LOG_FILE = "cockpit.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_cockpit_handler"


class _StderrHandler(logging.StreamHandler):
    """Standard error as it is when a line is written (tests and Streamlit swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:  # logging.StreamHandler sets it; we always look it up
        pass


class _OneLineFormatter(logging.Formatter):
    """Standard error gets one line per event: a traceback goes to the file only (people
    read errors in words; the file keeps what a developer needs)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def log_path(db_path: str | Path) -> Path | None:
    """`cockpit.log` beside the database file (None for an in-memory database)."""
    if str(db_path) in ("", ":memory:") or str(db_path).startswith(":memory:"):
        return None
    return Path(db_path).resolve().parent / LOG_FILE


def configure_logging(db_path: str | Path | None, level: int = logging.INFO) -> Path | None:
    """One stderr handler and one rotating file beside `db_path` on the "cockpit" logger.
    Returns the log file's path (None when there is none: in-memory database, or its folder
    does not exist yet)."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    target = log_path(db_path) if db_path is not None else None
    if target is not None and not target.parent.is_dir():
        target = None
    formatter = logging.Formatter(FORMAT)
    current = [h for h in logger.handlers if getattr(h, _MARK, False)]
    stderr = next((h for h in current if isinstance(h, _StderrHandler)), None)
    if stderr is None:
        stderr = _StderrHandler()
        stderr.setFormatter(_OneLineFormatter(FORMAT))
        setattr(stderr, _MARK, True)
        logger.addHandler(stderr)
    for handler in current:
        if isinstance(handler, RotatingFileHandler) and \
                Path(handler.baseFilename) != target:
            logger.removeHandler(handler)
            handler.close()
    has_file = any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == target
                   for h in logger.handlers)
    if target is not None and not has_file:
        handler = RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=True)
        handler.setFormatter(formatter)
        setattr(handler, _MARK, True)
        logger.addHandler(handler)
    return target
