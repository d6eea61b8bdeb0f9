"""Page results served from a cache while the data stay as they are.

`cached(compute, db, *args)` is `compute(db, *args)` computed once and then read back, for as
long as nothing was written: the key holds the data version (kpi/store.py: every committed
write bumps it, an import, an undo, a target, action or settings edit alike), the scope the
view reads (a provider account's one provider, or every provider), the session's language,
the pilot's today (kpi/clock.py: the last complete week, overdue actions) and every argument.
A result cached for one scope is therefore never served to another: the scope is enforced
below the pages (Store.view), and the cache keys on exactly what that view can see.

`cached` keeps results in st.cache_data, which pickles them and hands each reader a copy.
`committee_and_pack` keeps a committee and its pack in st.cache_resource instead: the pack's
plotly figures validate themselves again when unpickled (0.6 s for the strategic pack's ten,
longer than computing them), so every reader gets the same objects, which pages only read
(pandas copies on write; st.plotly_chart and the downloads read a figure without changing it).
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


def _key(db: Store) -> tuple:
    """What a result depends on besides its arguments; the language is the session's."""
    from app_pages.ui import lang

    return db.provider_scope, db.data_version(), lang(), clock.today()


def _name(compute: Callable) -> str:
    return f"{compute.__module__}.{compute.__qualname__}"


def cached(compute: Callable[..., T], db: Store, *args, **kwargs) -> T:
    """compute(db, *args, **kwargs), from the cache when the same scope, language and day
    asked it already of the same data; each caller gets its own copy."""
    return _data(_name(compute), _key(db), args, tuple(sorted(kwargs.items())),
                 _compute=compute, _db=db)


def committee_and_pack(committee: Callable, pack: Callable, db: Store, *args) -> tuple:
    """(committee(db, *args), pack(that committee, the session's language)), cached as one
    and shared: on the demo a pack's charts take as long to build as its committee takes
    to compute (strategic: 1.1 s). The caller reads them and changes nothing."""
    key = _key(db)
    return _resource(f"{_name(committee)}+{pack.__qualname__}", key, args,
                     _compute=lambda db, *args: _with_pack(committee, pack, key[2], db, *args),
                     _db=db)


def _with_pack(committee: Callable, pack: Callable, language: str, db: Store, *args) -> tuple:
    result = committee(db, *args)
    return result, pack(result, language)


def _run(name: str, key: tuple, args: tuple, kwargs: tuple, compute: Callable, db: Store):
    start = time.perf_counter()
    result = compute(db, *args, **dict(kwargs))
    computed[name] += 1
    log.debug("%s%r computed in %.3f s (data version %s, scope %s)", name, args,
              time.perf_counter() - start, key[1][1], key[0] or "all")
    return result


@st.cache_data(show_spinner=False, max_entries=200)
def _data(name: str, key: tuple, args: tuple, kwargs: tuple, *, _compute: Callable,
          _db: Store):
    return _run(name, key, args, kwargs, _compute, _db)


@st.cache_resource(show_spinner=False, max_entries=50)
def _resource(name: str, key: tuple, args: tuple, *, _compute: Callable, _db: Store):
    return _run(name, key, args, (), _compute, _db)


def clear() -> None:
    """Forget every cached result of this process (tests, benchmarks)."""
    _data.clear()
    _resource.clear()
