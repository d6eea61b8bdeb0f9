"""Red flags: what the data says about a floor before any visit, with the evidence."""

from datetime import date, timedelta

import streamlit as st

from app_pages.cache import cached
from app_pages.ui import (
    can_write,
    date_format,
    lang,
    save_button,
    show_chart,
    show_table,
    store,
    tr,
)
from kpi import clock
from kpi.editing import shown_value, stored_value, unit_symbol
from kpi.flags import RULES, red_flags, save_thresholds, thresholds
from kpi.inventory import last_contact_day, providers
from kpi.reports.charts import staffing_chart
from kpi.reports.packs import flags_section_table
from kpi.staffing import staffing_check

db = store()
LANGUAGE = lang()
st.title(tr("flags.title"))
names = providers(db)
col_provider, col_period = st.columns([1, 2])
chosen = col_provider.multiselect(tr("strategic.providers"), names, default=names,
                                    placeholder=tr("ui.choose"))
last = last_contact_day(db) or clock.today()
period = col_period.date_input(tr("flags.period"), value=(last - timedelta(weeks=8), last),
                               min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                               format=date_format())
if len(period) != 2 or not chosen:
    st.stop()
flags = cached(red_flags, db, chosen, period[0], period[1])
for provider in chosen:
    own = [f for f in flags if f.provider == provider]
    st.subheader(f"{provider} — {len(own)}")
    show_table(flags_section_table(own, LANGUAGE), tr("flags.none"))

st.subheader(tr("staffing.title"))
st.caption(tr("staffing.help"))
for provider in chosen:
    _, days = cached(staffing_check, db, provider, period[0], period[1])
    if days.empty:
        continue
    show_chart(staffing_chart(days, provider, LANGUAGE),
               f"staffing_{provider}".replace(" ", "_"))

if not can_write():
    st.stop()  # the thresholds below are the pilot's settings
with st.expander(tr("flags.thresholds")):
    current = thresholds(db)
    columns = st.columns(len(RULES))
    st.caption(tr("flags.thresholds_units"))

    def limit(column, rule: str) -> float:
        """A rule's threshold typed in its unit (a share in %), returned as stored."""
        unit = RULES[rule].unit
        symbol = unit_symbol(unit, LANGUAGE)
        typed = column.number_input(
            f"{tr(f'flag.{rule}')} ({symbol})" if symbol else tr(f"flag.{rule}"),
            min_value=0.0, help=tr(f"settings.flag_{rule}.help"),
            value=float(shown_value(current[rule], unit)), key=f"flag-{rule}-{unit}",
            step={"pct": 1.0, "days": 1.0}.get(unit, 0.05), format="%.1f" if unit == "pct"
            else "%.0f" if unit == "days" else "%.2f")
        return stored_value(typed, unit)

    chosen_limits = {rule: limit(column, rule)
                     for column, rule in zip(columns, RULES, strict=True)}
    save_button(tr("settings.save_live"), lambda: save_thresholds(db, chosen_limits),
                tr("settings.saved"))
