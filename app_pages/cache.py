"""Page results served from a cache while the data stay as they are.

`cached(compute, db, *args)` is `compute(db, *args)` computed once and then read back, for as
long as nothing was written: the key holds the data version (kpi/store.py: every committed
write bumps it, an import, an undo, a target, action or settings edit alike), the scope the
view reads (a provider account's one provider, or every provider), the session's language,
the pilot's today (kpi/clock.py: the last complete week, overdue actions) and every argument.
A result cached for one scope is therefore never served to another: the scope is enforced
below the pages (Store.view), and the cache keys on exactly what that view can see.

st.cache_data pickles each result and hands every reader its own copy, so a page may change
what it receives without changing the cache.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from kpi import clock
from kpi.store import Store

T = TypeVar("T")
log = logging.getLogger("cockpit.cache")

# compute name -> how many times it ran (a cache miss) in this process: what the tests and
# the benchmark observe.
computed: Counter[str] = Counter()


def cached(compute: Callable[..., T], db: Store, *args, **kwargs) -> T:
    """compute(db, *args, **kwargs), from the cache when the same scope, language and day
    asked it already of the same data."""
    from app_pages.ui import lang

    name = f"{compute.__module__}.{compute.__qualname__}"
    key = (db.provider_scope, db.data_version(), lang(), clock.today())
    return _run(name, key, args, tuple(sorted(kwargs.items())), _compute=compute, _db=db)


def committee_and_pack(committee: Callable, pack: Callable, db: Store, *args) -> tuple:
    """A committee and its pack in the session's language, cached as one: on the demo a
    pack's charts take as long to build as its committee takes to compute (strategic: 1 s)."""
    from app_pages.ui import lang

    return cached(_CommitteePack(committee, pack, lang()), db, *args)


class _CommitteePack:
    """committee(db, *args), then pack(that committee, language): one cacheable compute."""

    def __init__(self, committee: Callable, pack: Callable, language: str):
        self.committee, self.pack, self.language = committee, pack, language
        self.__module__ = committee.__module__
        self.__qualname__ = f"{committee.__qualname__}+{pack.__qualname__}"

    def __call__(self, db: Store, *args) -> tuple:
        result = self.committee(db, *args)
        return result, self.pack(result, self.language)


@st.cache_data(show_spinner=False, max_entries=200)
def _run(name: str, key: tuple, args: tuple, kwargs: tuple, *, _compute: Callable,
         _db: Store):
    start = time.perf_counter()
    result = _compute(_db, *args, **dict(kwargs))
    computed[name] += 1
    log.debug("%s%r computed in %.3f s (data version %s, scope %s)", name, args,
              time.perf_counter() - start, key[1][1], key[0] or "all")
    return result


def clear() -> None:
    """Forget every cached result of this process (tests, benchmarks)."""
    _run.clear()
