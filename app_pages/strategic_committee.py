"""Quarterly or half-yearly strategic committee: providers side by side, targets reviewed."""

import streamlit as st

from app_pages import links
from app_pages.cache import cached, committee_and_pack
from app_pages.ui import (
    can_write,
    labeller,
    lang,
    lang_key,
    pack_buttons,
    show_chart,
    show_error,
    show_section,
    show_table,
    store,
    tr,
)
from kpi.errors import CockpitError
from kpi.governance.targets import append_targets
from kpi.inventory import providers as all_providers
from kpi.metrics.registry import KPI_BY_ID
from kpi.provider_settings import sl_text
from kpi.reports.packs import strategic_pack
from kpi.reports.strategic import complete_periods, proposals_as_targets, strategic_committee

db = store()
LANGUAGE = lang()
st.title(tr("strategic.title"))

col_kind, col_period, col_providers = st.columns([1, 1, 3])
kind = links.radio(col_kind, tr("strategic.kind"), ["quarter", "half"], "kind",
                   format_func=labeller("strategic"), horizontal=True)
names = all_providers(db)
chosen = links.multiselect(col_providers, tr("strategic.providers"), names, "providers",
                           default=names, placeholder=tr("ui.choose"))
periods = list(reversed(cached(complete_periods, db, kind, chosen or None)))
if not chosen or not periods:
    st.info(tr("strategic.no_period"))
    st.stop()
period = links.select(col_period, tr("strategic.period"), periods, "period",
                      to_id=lambda p: p.label, format_func=lambda p: p.label)
links.share()
committee, pack = committee_and_pack(strategic_committee, strategic_pack, db, period, chosen)
st.caption(tr("explorer.sl_definition", text=sl_text(committee.sl_definitions, LANGUAGE)))
pack_buttons(pack)

section = pack["comparison"]
st.subheader(section.title)
show_chart(section.charts["small_multiples"], f"{pack.file_stem}_providers")
show_table(section.table)

if "ranking" in pack:
    st.subheader(pack["ranking"].title)
    show_table(pack["ranking"].table)

st.subheader(pack["monthly"].title)
for name, figure in pack["monthly"].charts.items():
    show_chart(figure, f"{pack.file_stem}_{name}")

review = pack["review"]
st.subheader(review.title)
st.caption(review.text)
show_table(review.table)
proposed = next(c for c in review.table.columns if c.key == "proposed")
proposals = committee.review[committee.review.proposed.notna()]
records = proposals.to_dict("records")
labels = [f"{r['provider']} · {review.table.cell_text(proposed, r, LANGUAGE)} "
          f"({KPI_BY_ID[r['kpi']].label(LANGUAGE)})" for r in records]
picked = st.multiselect(tr("strategic.pick"), range(len(records)),
                        format_func=labels.__getitem__, key=lang_key(f"review-{period.label}"),
                        placeholder=tr("strategic.pick_placeholder")) if can_write() else []
if can_write() and st.button(tr("strategic.accept"), type="primary", disabled=not picked):
    try:
        added = append_targets(db, proposals_as_targets(committee, proposals.iloc[picked],
                                                        LANGUAGE))
    except CockpitError as error:
        show_error(error)
    else:
        st.success(tr("strategic.accepted", n=added, next=committee.next_period.label))

volume = pack["volume"]
st.subheader(volume.title)
show_chart(volume.charts["volume"], f"{pack.file_stem}_volume")
st.caption(volume.text)
with st.expander(tr("strategic.volume_table")):
    show_table(volume.table)

show_section(pack["visits"], pack.file_stem)
