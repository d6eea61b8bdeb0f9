"""The monthly calibration session, run from this page: gaps, agreement, what to discuss."""

import streamlit as st

from app_pages import links
from app_pages.cache import cached
from app_pages.ui import (
    lang,
    pack_buttons,
    provider_with_periods,
    show_chart,
    show_table,
    store,
    tr,
)
from kpi.i18n import format_date
from kpi.quality.calibration import analyse_sessions, calibration_history, list_sessions
from kpi.reports.packs import calibration_pack
from kpi.settings import app_settings

db = store()
LANGUAGE = lang()
st.title(tr("calibration.title"))
col_provider, col_session = st.columns(2)
provider, sessions = provider_with_periods(
    col_provider, lambda p: cached(list_sessions, db, p).session_id.tolist(),
    tr("calibration.no_session"))
tolerance = float(app_settings(db)["calibration_tolerance"])
results = {r.session_id: r for r in cached(analyse_sessions, db, provider, tolerance)}
days = {s: format_date(r.day, LANGUAGE) for s, r in results.items()}
session = links.select(col_session, tr("calibration.session"), sessions, "session",
                       format_func=lambda s: f"{s} ({days[s]})")
links.share()
result = results[session]
per_evaluator, group = calibration_history(list(results.values()))
pack = calibration_pack(result, per_evaluator, group, LANGUAGE)
pack_buttons(pack)

col_icc, col_alpha, col_contacts, col_reference = st.columns(4)
col_icc.metric("ICC(2,1)", "—" if result.icc is None else f"{result.icc:.2f}",
               help=tr("calibration.group_text", icc="", alpha="", contacts=result.contacts,
                       complete=result.icc_contacts, raters=len(result.evaluators)))
col_alpha.metric("Krippendorff α", "—" if result.alpha is None else f"{result.alpha:.2f}")
col_contacts.metric(tr("calibration.contacts"), result.contacts)
col_reference.metric(tr("calibration.reference"),
                     result.reference or tr("calibration.consensus"))

st.subheader(pack["heatmap"].title)
show_chart(pack["heatmap"].charts["heatmap"], f"{pack.file_stem}_heatmap")
st.subheader(pack["evaluators"].title)
show_table(pack["evaluators"].table)
st.subheader(pack["discuss"].title)
show_table(pack["discuss"].table)

st.subheader(pack["history"].title)
columns = st.columns(2)
for column, (name, figure) in zip(columns, pack["history"].charts.items(), strict=True):
    show_chart(figure, f"{pack.file_stem}_{name}", column)
