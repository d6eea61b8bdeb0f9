"""Targets: the SMART register, its checks in plain words, and attainment."""

import pandas as pd
import streamlit as st

from app_pages.cache import cached
from app_pages.ui import can_write, date_format, decimal_column, lang, save_button, store, tr
from kpi.editing import UNIT_COLUMN, comparator_sign, targets_for_editor, targets_from_editor
from kpi.governance.targets import (
    COMPARATORS,
    DEFAULT_TOP_PRIORITY_CAP,
    list_targets,
    priority_warnings,
    review_targets,
    save_targets,
)
from kpi.i18n import format_value
from kpi.inventory import providers
from kpi.metrics.registry import KPI_BY_ID, KPIS

db = store()
LANGUAGE = lang()
st.title(tr("targets.title"))
st.caption(tr("targets.help"))

register = list_targets(db)


def kpi_label(kpi_id: str) -> str:
    return KPI_BY_ID[kpi_id].label(LANGUAGE) if kpi_id in KPI_BY_ID else str(kpi_id)


columns = {
    "target_id": st.column_config.NumberColumn("#", disabled=True),
    "kpi": st.column_config.SelectboxColumn(tr("targets.kpi"), options=[k.id for k in KPIS],
                                            format_func=kpi_label, required=True),
    "provider": st.column_config.SelectboxColumn(tr("col.provider"),
                                                 options=providers(db), required=True),
    "site": tr("scope.site"), "queue": tr("scope.queue"),
    "comparator": st.column_config.SelectboxColumn(tr("targets.comparator"),
                                                   options=COMPARATORS,
                                                   format_func=comparator_sign),
    "value": decimal_column(tr("targets.value"), required=True),
    UNIT_COLUMN: st.column_config.TextColumn(tr("targets.unit"), disabled=True),
    "start": st.column_config.DateColumn(tr("targets.start"), required=True,
                                         format=date_format()),
    "deadline": st.column_config.DateColumn(tr("targets.deadline"), required=True,
                                            format=date_format()),
    "priority": st.column_config.NumberColumn(tr("targets.priority"), min_value=1, step=1,
                                              required=True),
    "owner": tr("targets.owner"), "rationale": tr("targets.rationale"),
}
st.caption(tr("targets.editor_units"))
if can_write():
    edited = st.data_editor(
        targets_for_editor(register, LANGUAGE), num_rows="dynamic", hide_index=True,
        width="stretch", key="targets", placeholder="", column_config=columns)
    save_button(tr("targets.save"), lambda: save_targets(db, targets_from_editor(edited)),
                tr("targets.saved"))
else:
    st.dataframe(targets_for_editor(register, LANGUAGE), hide_index=True, width="stretch",
                 placeholder="", column_config=columns)

cap = st.number_input(tr("targets.cap"), min_value=1, value=DEFAULT_TOP_PRIORITY_CAP, step=1)
for provider, count in priority_warnings(register, int(cap)):
    st.warning(tr("targets.too_many", provider=provider, n=count, cap=int(cap)))

if register.empty:
    st.stop()


def shown(kpi_id: str, value) -> str:
    return format_value(value, KPI_BY_ID[kpi_id].unit, LANGUAGE)


targets = register.to_dict("records")
reviews = cached(review_targets, db, targets)  # one weekly series for all of them
st.subheader(tr("targets.checks"))
rows = []
for target, review in zip(targets, reviews, strict=True):
    checks = review.checks
    row = {"#": target["target_id"], tr("targets.kpi"): kpi_label(target["kpi"]),
           tr("col.provider"): target["provider"]}
    row.update({tr(f"targets.check.{c.name}"): c.ok for c in checks})
    words = {c.name: c.fr if LANGUAGE == "fr" else c.en for c in checks}
    to_fix = [words[c.name] for c in checks if not c.ok and c.name != "achievable"]
    row[tr("targets.history")] = words["achievable"]
    row[tr("targets.to_fix")] = " ".join(to_fix)
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader(tr("targets.attainment"))
summary = []
for target, review in zip(targets, reviews, strict=True):
    summary_of = review.summary
    last = summary_of.last
    summary.append({
        "#": target["target_id"], tr("targets.kpi"): kpi_label(target["kpi"]),
        tr("col.provider"): target["provider"],
        tr("targets.value"): f"{comparator_sign(target['comparator'])} "
                             f"{shown(target['kpi'], target['value'])}",
        tr("targets.last"): shown(target["kpi"], None if last is None else last.value),
        tr("targets.status"): "—" if last is None else tr(f"status.{last.status}"),
        tr("targets.gap"): shown(target["kpi"], None if last is None else last.gap),
        tr("targets.trend"): "" if last is None else tr(f"trend.{last.trend or 'flat'}"),
        tr("targets.met_share"): "—" if not summary_of.measured else
        f"{summary_of.met}/{summary_of.measured}",
    })


def colour(value: str) -> str:
    if value == tr("status.met"):
        return "background-color: #d4edda"
    if value == tr("status.missed"):
        return "background-color: #f8d7da"
    return ""


st.dataframe(pd.DataFrame(summary).style.map(colour, subset=[tr("targets.status")]),
             hide_index=True, width="stretch")
