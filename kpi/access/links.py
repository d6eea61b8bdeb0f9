"""Wallboard links: a floor screen cannot type a password, so it opens one saved board with
an unguessable token. The token is shown once; only its SHA-256 is stored, and revoking a
board's links deletes them."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from urllib.parse import urlencode

import pandas as pd

from kpi.errors import NotFound
from kpi.store import Store

DEFAULT_BASE_URL = "http://localhost:8501"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_link(store: Store, board: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """A new kiosk URL for a saved board (earlier links of the board stay valid)."""
    if not store.scalar("SELECT count(*) FROM wallboards WHERE name = ?", [board]):
        raise NotFound(key="error.no_board", name=repr(board))
    token = secrets.token_urlsafe(32)

    def link_board(cur) -> None:
        cur.execute("INSERT INTO board_links VALUES (?, ?, ?, ?)",
                    [_digest(token), board, datetime.now(UTC), store.actor])
    store.write(link_board)
    return f"{base_url.rstrip('/')}/wallboard?{urlencode({'kiosk': '1', 'token': token})}"


def revoke_links(store: Store, board: str) -> int:
    """Every link of the board stops working at the screens' next refresh."""
    if not store.scalar("SELECT count(*) FROM wallboards WHERE name = ?", [board]):
        raise NotFound(key="error.no_board", name=repr(board))

    def revoke_board_links(cur) -> int:
        count = cur.execute("SELECT count(*) FROM board_links WHERE board = ?",
                            [board]).fetchone()[0]
        cur.execute("DELETE FROM board_links WHERE board = ?", [board])
        return count
    return store.write(revoke_board_links)


def board_for_token(store: Store, token: str | None) -> str | None:
    """The saved board a token opens, or None (unknown, revoked, or its board deleted)."""
    if not token or len(token) > 200:
        return None
    return store.scalar(
        "SELECT l.board FROM board_links l JOIN wallboards w ON w.name = l.board "
        "WHERE l.token_hash = ?", [_digest(token)])


def link_counts(store: Store) -> pd.DataFrame:
    """Live links per saved board (boards without links count 0)."""
    return store.read("SELECT w.name, count(l.token_hash) AS links FROM wallboards w "
                      "LEFT JOIN board_links l ON l.board = w.name GROUP BY w.name "
                      "ORDER BY w.name")
