"""Settings: KPI settings per provider and per queue."""

import streamlit as st

from app_pages.ui import lang, store, tr
from kpi.errors import CockpitError
from kpi.provider_settings import (
    SL_VARIANTS,
    provider_settings,
    queue_settings,
    save_provider_settings,
    save_queue_settings,
    sl_definition,
)

db = store()
st.title(tr("settings.title"))
st.caption(tr("settings.help"))
variant = st.column_config.SelectboxColumn(tr("settings.sl_variant"), options=SL_VARIANTS)
common = {
    "sl_threshold_s": st.column_config.NumberColumn(tr("settings.sl_threshold_s"), min_value=0),
    "short_abandon_s": st.column_config.NumberColumn(tr("settings.short_abandon_s"),
                                                     min_value=0),
    "repeat_window_days": st.column_config.NumberColumn(tr("settings.repeat_window_days"),
                                                        min_value=0, step=1),
    "sl_variant": variant,
}

st.subheader(tr("settings.providers"))
edited = st.data_editor(provider_settings(db), hide_index=True, width="stretch",
                        disabled=["name"], key="provider_settings", column_config={
                            "name": tr("col.provider"),
                            "time_zone": tr("settings.time_zone"), **common})
st.subheader(tr("settings.queues"))
queues = st.data_editor(queue_settings(db), hide_index=True, width="stretch",
                        num_rows="dynamic", key="queue_settings", column_config={
                            "provider": tr("col.provider"), "queue": tr("settings.queue"),
                            **common})
if st.button(tr("settings.save"), type="primary"):
    try:
        save_provider_settings(db, edited)
        save_queue_settings(db, queues)
    except CockpitError as error:
        st.error(str(error))
    else:
        st.success(tr("settings.saved"))
st.info(tr("explorer.sl_definition", text=sl_definition(db, None, lang())))
