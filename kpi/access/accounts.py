"""Accounts and roles (SPEC §5): who signs in, with which role, bound to which provider.

Passwords are hashed with argon2id (memory-hard, argon2-cffi's defaults) and never kept or
logged in clear. A name that fails to sign in repeatedly is slowed down, whether or not it
exists, so that guessing costs time and the answer does not tell which part was wrong.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kpi.errors import CockpitError, Msg, NotFound
from kpi.store import Store

ROLES = ("admin", "pilot", "executive", "provider")
WRITING_ROLES = frozenset({"admin", "pilot"})
MIN_PASSWORD = 10
# After this many failures in a row, each attempt for that name waits twice as long as the
# one before, up to MAX_DELAY_S.
FREE_FAILURES = 3
MAX_DELAY_S = 30.0

_HASHER = PasswordHasher()
# Verified when the name is unknown, so both answers take the same time.
_DECOY_HASH = _HASHER.hash("not a password of anybody's")


class InvalidAccount(CockpitError):
    pass


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    provider: str | None = None  # the one provider a provider account belongs to
    email: str | None = None
    # A fingerprint of the password hash it signed in with: a password change or an
    # account removed and made again ends the sessions opened before.
    credential: str | None = field(default=None, compare=False, repr=False)

    @property
    def writes(self) -> bool:
        return self.role in WRITING_ROLES


def store_for(store: Store, account: Account) -> Store:
    """The one place an account's view of the database is made: a provider account reads
    its provider's rows only; executives and providers write nothing through it."""
    if account.role == "provider":
        return store.view(account.name, writes=False, provider_scope=account.provider)
    return store.view(account.name, writes=account.writes)


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise InvalidAccount(key="error.password_length", min=MIN_PASSWORD)


def add_account(store: Store, name: str, role: str, password: str,
                provider: str | None = None, email: str | None = None) -> Account:
    """Create an account; refused (nothing written) for a bad role, provider or password."""
    name = (name or "").strip()
    if not name:
        raise InvalidAccount(key="error.account_name")
    if name.lower() == "local":
        raise InvalidAccount(key="error.account_local")
    if role not in ROLES:
        raise InvalidAccount(key="error.account_role", role=repr(role), roles=", ".join(ROLES))
    if role == "provider":
        if not provider:
            raise InvalidAccount(key="error.account_provider")
        if not store.scalar("SELECT count(*) FROM providers WHERE name = ?", [provider]):
            raise InvalidAccount(key="error.unknown_provider", name=repr(provider))
    elif provider:
        raise InvalidAccount(key="error.account_bound", role=Msg(f"error.role.{role}"))
    _check_password(password)
    if store.scalar("SELECT count(*) FROM accounts WHERE lower(name) = lower(?)", [name]):
        raise InvalidAccount(key="error.account_exists", name=repr(name))
    email = (email or "").strip().lower() or None
    hashed = _HASHER.hash(password)

    def insert(cur) -> None:
        cur.execute("INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?)",
                    [name, role, provider, email, hashed, datetime.now(UTC)])
    store.write(insert)
    return Account(name, role, provider, email)


def list_accounts(store: Store) -> pd.DataFrame:
    return store.read("SELECT name, role, provider, email, created_at FROM accounts "
                      "ORDER BY name")


def has_accounts(store: Store) -> bool:
    return bool(store.scalar("SELECT count(*) FROM accounts"))


def _existing(store: Store, name: str) -> str:
    found = store.scalar("SELECT name FROM accounts WHERE lower(name) = lower(?)", [name])
    if found is None:
        raise NotFound(key="error.no_account", name=repr(name))
    return found


def remove_account(store: Store, name: str) -> None:
    found = _existing(store, name)

    def delete(cur) -> None:
        cur.execute("DELETE FROM accounts WHERE name = ?", [found])
    store.write(delete)


def set_password(store: Store, name: str, password: str) -> None:
    found = _existing(store, name)
    _check_password(password)
    hashed = _HASHER.hash(password)

    def change_password(cur) -> None:
        cur.execute("UPDATE accounts SET password_hash = ? WHERE name = ?", [hashed, found])
    store.write(change_password)


def _account(row) -> Account:
    """An Account from (name, role, provider, email[, password_hash])."""
    fingerprint = hashlib.sha256(row[4].encode()).hexdigest()[:16] if len(row) > 4 else None
    return Account(row[0], row[1], row[2], row[3], credential=fingerprint)


def current(store: Store, account: Account) -> Account | None:
    """The account as the database has it now; None when it was removed, or its password
    changed since this Account was made (its sessions end)."""
    row = store.read("SELECT name, role, provider, email, password_hash FROM accounts "
                     "WHERE name = ?", [account.name])
    if row.empty:
        return None
    now = _account(row.iloc[0].tolist())
    return now if now.credential == account.credential else None


class _Failures:
    """Failed sign-ins per name in this process: the delay the next attempt must wait.
    Names are keyed as the database compares them (its lower()), so no spelling of a name
    gets a fresh count; the table is bounded."""

    MAX_NAMES = 10_000

    def __init__(self):
        self._lock = threading.Lock()
        self._count: dict[str, int] = {}

    def delay_s(self, key: str) -> float:
        with self._lock:
            extra = self._count.get(key, 0) - FREE_FAILURES + 1
        return 0.0 if extra <= 0 else min(2.0 ** (extra - 1), MAX_DELAY_S)

    def failed(self, key: str) -> None:
        with self._lock:
            if key not in self._count and len(self._count) >= self.MAX_NAMES:
                self._count.pop(next(iter(self._count)))
            self._count[key] = self._count.get(key, 0) + 1

    def cleared(self, key: str) -> None:
        with self._lock:
            self._count.pop(key, None)


FAILURES = _Failures()


def authenticate(store: Store, name: str, password: str,
                 sleep=time.sleep) -> Account | None:
    """The account these credentials open, or None (never says which part was wrong)."""
    name = (name or "").strip()[:200]
    key = store.scalar("SELECT lower(?)", [name])
    delay = FAILURES.delay_s(key)
    if delay:
        sleep(delay)
    row = store.read("SELECT name, role, provider, email, password_hash FROM accounts "
                     "WHERE lower(name) = ?", [key])
    stored = row.password_hash.iloc[0] if not row.empty else _DECOY_HASH
    try:
        ok = _HASHER.verify(stored, password or "") and not row.empty
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        FAILURES.failed(key)
        return None
    FAILURES.cleared(key)
    return _account(row.iloc[0].tolist())


def account_for_email(store: Store, email: str | None) -> Account | None:
    """Single sign-on: the account an identity provider's e-mail maps to (case-insensitive,
    exact address; None when no account carries it, or more than one does)."""
    email = (email or "").strip().lower()
    if not email or "@" not in email:
        return None
    rows = store.read("SELECT name, role, provider, email FROM accounts "
                      "WHERE lower(email) = ?", [email])
    if len(rows) != 1:
        return None
    return _account(rows.iloc[0].tolist())
