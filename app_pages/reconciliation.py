"""Reconciliation (SPEC §6): what a provider published against Cockpit's detail and the
report's own counts, period by period, with a status each."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from app_pages.cache import cached
from app_pages.ui import date_format, lang, show_chart, store, tr
from kpi.errors import in_language
from kpi.i18n import format_date, format_value
from kpi.inventory import declared_range, declaring_providers
from kpi.metrics.reconcile import reconciliation, reconciliation_summary
from kpi.metrics.registry import KPI_BY_ID
from kpi.reports.charts import reconciliation_chart

db = store()
LANGUAGE = lang()
st.title(tr("reconcile.title"))
st.caption(tr("reconcile.help"))
names = declaring_providers(db)
if not names:
    st.info(tr("reconcile.none"))
    st.stop()
col_provider, col_range = st.columns([1, 2])
provider = col_provider.selectbox(tr("col.provider"), names)
first, last = declared_range(db, provider)
period = col_range.date_input(tr("explorer.range"), (max(first, last - timedelta(weeks=12)),
                                                     last), min_value=first, max_value=last,
                                                     format=date_format())
if len(period) != 2:
    st.stop()
table = cached(reconciliation, db, provider, period[0], period[1])
if table.empty:
    st.info(tr("reconcile.none"))
    st.stop()

st.subheader(tr("reconcile.summary"))
summary = reconciliation_summary(table).set_index("kpi")
summary.index = [KPI_BY_ID[k].label(LANGUAGE) for k in summary.index]
summary.columns = [tr(f"reconcile.{s}") for s in summary.columns]
st.dataframe(summary, width="stretch")

reported = [k for k in dict.fromkeys(table.kpi) if table[table.kpi == k].declared.notna().any()]
columns = st.columns(2)
for index, kpi in enumerate(reported):
    show_chart(reconciliation_chart(table, kpi, LANGUAGE), f"reconciliation_{kpi}",
               container=columns[index % 2])

st.subheader(tr("reconcile.detail"))


def figure(kpi: str, value) -> str:
    return "" if value is None or pd.isna(value) else format_value(value, KPI_BY_ID[kpi].unit,
                                                                   LANGUAGE)


shown = pd.DataFrame({
    tr("reconcile.col.period_start"): table.period_start.map(lambda d: format_date(d, LANGUAGE)),
    tr("reconcile.col.kpi"): table.kpi.map(lambda k: KPI_BY_ID[k].label(LANGUAGE)),
    **{tr(f"reconcile.col.{c}"): [figure(k, v) for k, v in zip(table.kpi, table[c],
                                                                 strict=True)]
       for c in ("declared", "recomputed_detail", "recomputed_counts")},
    tr("reconcile.col.status"): table.status.map(lambda s: tr(f"reconcile.{s}")),
    tr("reconcile.col.note"): [in_language(note, LANGUAGE) for note in table.note]})
st.dataframe(shown, hide_index=True, width="stretch")
