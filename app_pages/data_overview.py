"""Data: what the store holds per provider and kind, and a calendar of missing days."""

import streamlit as st

from app_pages.ui import inbox_watcher, labeller, lang, show_chart, store, tr
from kpi.access.changes import recent_changes
from kpi.errors import in_language
from kpi.i18n import format_date
from kpi.ingest.fields import KINDS
from kpi.inventory import daily_rows, holdings, missing_days, providers
from kpi.reports.charts import coverage_heatmap

db = store()
st.title(tr("data.title"))


@st.fragment
def who_changed_what() -> None:
    """Every change made in the app or the CLI, with the account that made it."""
    st.subheader(tr("changes.title"))
    changes = recent_changes(db)
    changes["changed_at"] = changes.changed_at.dt.strftime("%Y-%m-%d %H:%M:%S")
    st.dataframe(changes.rename(columns=lambda c: tr(f"changes.{c}")), hide_index=True,
                 width="stretch", height=240)


def inbox_state() -> None:
    """The inbox's writer (a thread of this app): last pass, last error, what waits, what
    was refused today, each with its time."""
    st.subheader(tr("inbox.title"))
    state = inbox_watcher().state()

    def when(moment) -> str:
        if moment is None:
            return tr("inbox.never")
        return f"{format_date(moment, lang())} {moment:%H:%M:%S}"

    st.caption(tr("inbox.folder", inbox=str(state.inbox)))
    col_pass, col_wait, col_refused, col_done = st.columns(4)
    col_pass.metric(tr("inbox.last_pass"), when(state.last_pass))
    col_wait.metric(tr("inbox.waiting"), len(state.waiting))
    col_refused.metric(tr("inbox.refused_today"), len(state.refused_today))
    col_done.metric(tr("inbox.imported"), state.imported_since_start)
    if not state.running:
        st.warning(tr("inbox.stopped"))
    if state.last_error:
        st.error(tr("inbox.last_error", at=when(state.last_error_at),
                    error=in_language(state.last_error, lang())))
    else:
        st.caption(tr("inbox.no_error"))
    for key, files in (("inbox.waiting_list", state.waiting),
                       ("inbox.refused_list", state.refused_today),
                       ("inbox.skipped_list", state.skipped)):
        if files:
            st.text(tr(key, files=", ".join(files[:20]) + (" …" if len(files) > 20 else "")))


inbox_state()
held = holdings(db)
if held.empty:
    who_changed_what()
    st.info(tr("data.empty"))
    st.stop()

st.subheader(tr("data.by_kind"))
table = held.assign(kind=held.kind.map(lambda k: tr(f"kind.{k}")),
                    first_day=held.first_day.map(lambda d: format_date(d, lang())),
                    last_day=held.last_day.map(lambda d: format_date(d, lang())))
table.columns = [tr("col.provider"), tr("col.kind"), tr("col.rows"), tr("col.first_day"),
                 tr("col.last_day"), tr("col.days")]
st.dataframe(table, hide_index=True, width="stretch")

st.subheader(tr("data.coverage"))
col_provider, col_kind = st.columns(2)
provider = col_provider.selectbox(tr("data.provider"), providers(db))
kind = col_kind.selectbox(tr("data.kind"), KINDS, format_func=labeller("kind"))
daily = daily_rows(db, provider, kind)
if daily.empty:
    st.info(tr("data.empty"))
    st.stop()
st.caption(tr("data.coverage_help"))
show_chart(coverage_heatmap(daily, lang()), "coverage")
gaps = missing_days(daily)
if gaps:
    st.warning(tr("data.missing", days=", ".join(format_date(d, lang()) for d in gaps[:40])
                  + (" …" if len(gaps) > 40 else "")))
else:
    st.success(tr("data.no_missing", start=format_date(daily.day.min(), lang()),
                  end=format_date(daily.day.max(), lang())))

who_changed_what()
