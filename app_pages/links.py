"""Deep links: a page's selections (provider, period, KPIs…) live in its URL, so that a pilot
can send "the production committee of Nordcall, week 2026-W46" as a link.

One call per selector: `select`, `multiselect`, `radio` or `date_range` draws the widget, opens
it on the URL's value when that value is one of the options, and writes the current value
back to the URL. URL values are language-independent ids (a provider's name, `2026-W46`,
`2026-03`, `2026-Q1`, a KPI id), never the translated label shown. A hostile or stale URL
(an unknown provider, another provider's name for a provider account, a week out of range,
garbage) is ignored: the widget opens on its default, never on a traceback, and the options
themselves come from the account's scoped store, so a name outside its scope is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from app_pages.ui import lang_key, tr
from kpi.periods import as_date

MAX_TEXT = 200  # longer URL values are no id of ours


def _asked(param: str) -> str | None:
    value = st.query_params.get(param)
    return value if isinstance(value, str) and len(value) <= MAX_TEXT else None


def _write(param: str, value: str | list[str] | None) -> None:
    """The URL's value of param, only when it changed (an unchanged URL sends nothing)."""
    current = st.query_params.get_all(param)
    wanted = [] if value is None else [value] if isinstance(value, str) else list(value)
    if current == wanted:
        return
    if wanted:
        st.query_params[param] = wanted if isinstance(value, list) else wanted[0]
    else:
        del st.query_params[param]


def _index(param: str, options: Sequence, to_id: Callable, default: int | None) -> int | None:
    asked = _asked(param)
    ids = [to_id(option) for option in options]
    return ids.index(asked) if asked is not None and asked in ids else default


def select(container, label: str, options: Sequence, param: str, *, index: int | None = 0,
           to_id: Callable = str, **widget):
    """A selectbox kept in the URL as `param=<to_id(option)>`; opens on the URL's option
    when known, else on `index`."""
    options = list(options)
    chosen = container.selectbox(label, options, index=_index(param, options, to_id, index),
                                 key=lang_key(f"link-{param}"), **widget)
    _write(param, None if chosen is None else to_id(chosen))
    return chosen


def radio(container, label: str, options: Sequence, param: str, *, index: int = 0,
          to_id: Callable = str, **widget):
    """A radio kept in the URL, as `select`."""
    options = list(options)
    chosen = container.radio(label, options, index=_index(param, options, to_id, index),
                             key=lang_key(f"link-{param}"), **widget)
    _write(param, to_id(chosen))
    return chosen


def multiselect(container, label: str, options: Sequence, param: str, *,
                default: Sequence = (), to_id: Callable = str, **widget) -> list:
    """A multiselect kept in the URL as repeated `param=` values; the URL's known ids are
    chosen (unknown ones dropped), or `default` when none is known."""
    options = list(options)
    by_id = {to_id(option): option for option in options}
    asked = [by_id[v] for v in dict.fromkeys(st.query_params.get_all(param)) if v in by_id]
    chosen = container.multiselect(label, options, default=asked or list(default),
                                   key=lang_key(f"link-{param}"), **widget)
    _write(param, [to_id(option) for option in chosen])
    return chosen


def date_range(container, label: str, value: tuple[date, date], params: tuple[str, str], *,
               min_value: date, max_value: date, **widget) -> tuple:
    """A date range kept in the URL as two ISO days (`from=2026-01-05&to=2026-03-18`); the
    URL's range is taken when both days read and lie within [min_value, max_value]."""
    asked = []
    for param in params:
        try:
            asked.append(date.fromisoformat(_asked(param) or ""))
        except ValueError:
            break
    if len(asked) == 2 and as_date(min_value) <= asked[0] <= asked[1] <= as_date(max_value):
        value = (asked[0], asked[1])
    chosen = container.date_input(label, value, min_value=min_value, max_value=max_value,
                                  key=lang_key(f"link-{'-'.join(params)}"), **widget)
    if len(chosen) == 2:
        for param, day in zip(params, chosen, strict=True):
            _write(param, day.isoformat())
    return chosen


def link() -> str:
    """This page's URL with its selections (and language): the browser's address of the
    app, when known, else the path alone."""
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    base = st.context.url or ""
    return f"{base}?{query}" if query else base


def share(container=st) -> None:
    """A "link to this view" popover: the link in a code block, whose icon copies it (its
    help in the button's tooltip, so the page's own captions stay first)."""
    with container.popover(tr("share.button"), icon=":material/link:", help=tr("share.help")):
        st.code(link(), language=None, wrap_lines=True)
