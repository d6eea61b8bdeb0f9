"""Settings: KPI settings per provider and per queue; the inbox and the wallboards' feed."""

import streamlit as st

from app_pages.ui import labeller, lang, save_button, show_error, store, tr
from kpi.errors import CockpitError
from kpi.provider_settings import (
    SL_VARIANTS,
    provider_settings,
    queue_settings,
    save_settings,
    sl_definition,
)
from kpi.settings import (
    APP_SETTINGS,
    INTAKE_LIMITS,
    PROVIDER_SETTINGS,
    app_settings,
    inbox_path,
    save_app_settings,
)

db = store()
st.title(tr("settings.title"))
st.caption(tr("settings.help"))
LANGUAGE = lang()
SETTING = {s.name: s for s in PROVIDER_SETTINGS + APP_SETTINGS}


def helped(name: str) -> dict:
    """A setting's label and help, as a widget's keyword arguments."""
    return {"label": SETTING[name].label(LANGUAGE), "help": SETTING[name].help(LANGUAGE)}


variant = st.column_config.SelectboxColumn(**helped("sl_variant"), options=SL_VARIANTS,
                                           format_func=labeller("settings.sl_variant"))
common = {
    "sl_threshold_s": st.column_config.NumberColumn(**helped("sl_threshold_s"), min_value=0),
    "short_abandon_s": st.column_config.NumberColumn(**helped("short_abandon_s"), min_value=0),
    "repeat_window_days": st.column_config.NumberColumn(**helped("repeat_window_days"),
                                                        min_value=0, step=1),
    "sl_variant": variant,
}

st.subheader(tr("settings.providers"))
edited = st.data_editor(provider_settings(db), hide_index=True, width="stretch",
                        disabled=["name"], key="provider_settings", placeholder="",
                        column_config={
                            "name": tr("col.provider"),
                            "time_zone": st.column_config.TextColumn(**helped("time_zone")),
                            **common})
st.subheader(tr("settings.queues"))
queues = st.data_editor(queue_settings(db), hide_index=True, width="stretch",
                        num_rows="dynamic", key="queue_settings", placeholder="",
                        column_config={
                            "provider": tr("col.provider"), "queue": tr("settings.queue"),
                            **common})
if st.button(tr("settings.save"), type="primary"):
    try:
        with st.spinner(tr("settings.saving")):  # a longer repeat window recomputes
            save_settings(db, providers=edited, queues=queues)
    except CockpitError as error:
        show_error(error)
    else:
        st.success(tr("settings.saved"))
st.info(tr("explorer.sl_definition", text=sl_definition(db, None, LANGUAGE)))

st.subheader(tr("settings.live"))
current = app_settings(db)
col_inbox, col_stale, col_watch, col_tolerance, col_cover, col_currency = st.columns(
    [3, 1, 1, 1, 1, 1])
inbox = col_inbox.text_input(**helped("inbox_dir"), value=current["inbox_dir"],
                             placeholder=str(inbox_path(db)))
stale = col_stale.number_input(**helped("stale_after_min"), min_value=1, max_value=240,
                               value=int(current["stale_after_min"]))
interval = col_watch.number_input(**helped("watch_interval_s"), min_value=1,
                                  max_value=300, value=int(current["watch_interval_s"]))
tolerance = col_tolerance.number_input(**helped("calibration_tolerance"), min_value=0.5,
                                      max_value=50.0, step=0.5,
                                      value=float(current["calibration_tolerance"]))
per_agent = col_cover.number_input(**helped("evaluations_per_agent_month"), min_value=1,
                                   max_value=50,
                                   value=int(current["evaluations_per_agent_month"]))
currency = col_currency.text_input(**helped("currency"), value=current["currency"],
                                   max_chars=3, key="currency")
save_button(tr("settings.save_live"), lambda: save_app_settings(db, {
    "inbox_dir": inbox.strip(), "stale_after_min": stale, "watch_interval_s": interval,
    "calibration_tolerance": tolerance, "evaluations_per_agent_month": per_agent,
    "currency": currency.strip().upper()}),
    tr("settings.saved"))

st.subheader(tr("settings.limits"))
st.caption(tr("settings.limits_help"))
limit_columns = st.columns(len(INTAKE_LIMITS))
chosen_limits = {
    setting.name: column.number_input(**helped(setting.name), min_value=1,
                                      value=int(current[setting.name]), step=1,
                                      key=f"limit-{setting.name}")
    for setting, column in zip(INTAKE_LIMITS, limit_columns, strict=True)}
save_button(tr("settings.save_limits"), lambda: save_app_settings(db, chosen_limits),
            tr("settings.saved"))
