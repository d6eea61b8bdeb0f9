"""Monthly steering committee: the month decoded, with trends, targets and the action plan."""

import streamlit as st

from app_pages import links
from app_pages.cache import cached, committee_and_pack
from app_pages.navigation import page_file
from app_pages.ui import (
    lang,
    pack_buttons,
    provider_with_periods,
    show_chart,
    show_section,
    show_table,
    store,
    tr,
)
from kpi import clock
from kpi.periods import MONTH, Period, latest_complete
from kpi.provider_settings import sl_text
from kpi.reports.packs import steering_pack
from kpi.reports.steering import months_with_data, steering_committee

db = store()
LANGUAGE = lang()
st.title(tr("steering.title"))
col_provider, col_month = st.columns(2)
provider, months = provider_with_periods(col_provider, lambda p: cached(months_with_data, db, p),
                                         tr("steering.no_month"))
choices = list(reversed(months))
# The month to decode is the last complete one.
latest = latest_complete([Period.of(m, MONTH) for m in choices], clock.today())
month = links.select(col_month, tr("steering.month"), choices, "month",
                     index=choices.index(latest.start) if latest else 0,
                     to_id=lambda m: Period.of(m, MONTH).label,
                     format_func=lambda m: Period.of(m, MONTH).label)
links.share()
committee, pack = committee_and_pack(steering_committee, steering_pack, db, provider, month)
st.caption(tr("explorer.sl_definition", text=sl_text(committee.sl_definitions, LANGUAGE)))
pack_buttons(pack)

st.subheader(pack["attainment"].title)
show_table(pack["attainment"].table, tr("production.none"))

st.subheader(pack["trends"].title)
for name, figure in pack["trends"].charts.items():
    show_chart(figure, f"{pack.file_stem}_{name}")

st.subheader(tr("steering.drill"))
drills = ("by_queue", "by_site", "by_team", "by_hour")
for tab, key in zip(st.tabs([pack[k].title for k in drills]), drills, strict=True):
    show_table(pack[key].table, tr("production.none"), container=tab)

st.subheader(pack["flags"].title)
show_table(pack["flags"].table, tr("flags.none"))

st.subheader(pack["actions"].title)
show_table(pack["actions"].table, tr("production.none"))
st.page_link(page_file("action_plan.py"), label=tr("steering.edit_actions"),
             icon=":material/checklist:")

st.subheader(pack["quality"].title)
show_table(pack["quality"].table, tr("production.none"))
if "calibration" in pack:
    st.subheader(pack["calibration"].title)
    st.caption(pack["calibration"].text)
    show_table(pack["calibration"].table)
    st.page_link(page_file("calibration.py"), label=tr("nav.calibration"),
                 icon=":material/balance:")
if "reconciliation" in pack:
    st.subheader(pack["reconciliation"].title)
    st.caption(pack["reconciliation"].text)
    show_table(pack["reconciliation"].table)
    st.page_link(page_file("reconciliation.py"), label=tr("nav.reconcile"),
                 icon=":material/rule:")
show_section(pack["visit"], pack.file_stem)
st.page_link(page_file("visits.py"), label=tr("nav.visits"), icon=":material/tour:")
