"""KPI explorer: choose KPIs, grain, scope and range; chart, table with numerators and
denominators, downloads."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from app_pages import links
from app_pages.cache import cached
from app_pages.ui import date_format, labeller, lang, show_chart, store, tr
from kpi import clock
from kpi.governance.targets import list_targets
from kpi.i18n import format_date, format_value
from kpi.inventory import declaring_providers, detail_range, providers
from kpi.metrics.compile import GRAINS, SCOPES, KpiRequest, measure_column
from kpi.metrics.engine import compute_kpis
from kpi.metrics.reconcile import reconcile
from kpi.metrics.registry import KPI_BY_ID, KPIS, PCT
from kpi.provider_settings import sl_definition
from kpi.reports.charts import explorer_chart
from kpi.reports.excel import workbook_bytes
from kpi.reports.safe_text import csv_bytes

db = store()
st.title(tr("explorer.title"))


LANGUAGE = lang()


def label(kpi_id: str) -> str:
    return KPI_BY_ID[kpi_id].label(LANGUAGE)


first_day, last_day = detail_range(db)
if first_day is None:
    first_day = last_day = clock.today()
col_kpis, col_grain = st.columns([3, 1])
chosen = links.multiselect(col_kpis, tr("explorer.kpis"), [k.id for k in KPIS], "kpis",
                           format_func=label, default=["service_level", "answer_rate", "asa_s"],
                           placeholder=tr("ui.choose"))
grain = links.select(col_grain, tr("explorer.grain"), [g for g in GRAINS if g != "interval"],
                     "grain", index=1, format_func=labeller("grain"))
col_by, col_providers, col_range = st.columns([2, 2, 2])
by = links.multiselect(col_by, tr("explorer.by"), SCOPES, "by", default=["provider"],
                       format_func=labeller("scope"), placeholder=tr("ui.choose"))
chosen_providers = links.multiselect(col_providers, tr("explorer.providers"), providers(db),
                                     "providers", placeholder=tr("explorer.all"))
period = links.date_range(col_range, tr("explorer.range"),
                          (max(first_day, last_day - timedelta(weeks=12)), last_day),
                          ("from", "to"), min_value=first_day, max_value=last_day,
                          format=date_format())
links.share()
if not chosen or len(period) != 2:
    st.info(tr("explorer.choose"))
    st.stop()

filters = {"provider": tuple(chosen_providers)} if chosen_providers else {}
result = cached(compute_kpis, db, KpiRequest(tuple(chosen), grain, tuple(by), period[0],
                                            period[1], filters, coverage=True))
st.caption(tr("explorer.sl_definition", text=sl_definition(db, chosen_providers or None,
                                                                lang())))
if result.frame.empty:
    st.info(tr("explorer.no_data"))
    st.stop()
for kpi_id, rows in result.partial_coverage().items():
    st.caption(tr("explorer.partial", kpi=label(kpi_id), n=rows))

table = result.table()
targets = list_targets(db)
series = table.assign(scope=table[list(by)].fillna("—").astype(str).agg(" · ".join, axis=1)
                      if by else tr("explorer.all"))
shown_providers = set(table.provider) if "provider" in by else set(chosen_providers)
for kpi_id in chosen:
    lines = targets[(targets.kpi == kpi_id) & targets.site.isna() & targets.queue.isna()
                    & targets.provider.isin(shown_providers)]
    show_chart(explorer_chart(series, kpi_id, LANGUAGE, lines, shown_providers),
               f"kpis_{kpi_id}")

st.subheader(tr("explorer.table"))
shown_columns = [c for c in result.frame.columns if not c.startswith(("k__", "days__"))]
detail = result.frame[shown_columns].rename(
    columns={measure_column(m): f"Σ {m}" for m in result.frame.columns.str.removeprefix("m__")})
detail["period_start"] = detail.period_start.map(lambda d: format_date(d, lang()))
totals = result.totals()
if LANGUAGE == "fr":
    # Streamlit's number formats write '80.5%' or follow the browser's locale: in French the
    # cells show our text (80,5 %) while they still hold, and sort by, the numbers.
    st.dataframe(detail.style.format({k: lambda v, unit=KPI_BY_ID[k].unit: format_value(
        v, unit, LANGUAGE) for k in chosen}), hide_index=True, width="stretch",
        column_config={k: label(k) for k in chosen})
else:
    st.dataframe(detail, hide_index=True, width="stretch", column_config={
        k: st.column_config.NumberColumn(label(k), format="percent"
                                         if KPI_BY_ID[k].unit == PCT else "%.2f")
        for k in chosen})
st.write(tr("explorer.totals") + " " + " · ".join(
    f"**{label(k)}** {format_value(totals[k], KPI_BY_ID[k].unit, LANGUAGE)}" for k in chosen))
col_csv, col_xlsx = st.columns(2)
col_csv.download_button(tr("explorer.download_csv"), csv_bytes(detail, LANGUAGE),  # no formula runs
                        file_name="kpis.csv", mime="text/csv")
definitions = pd.DataFrame(
    [(tr("explorer.sl"), sl_definition(db, chosen_providers or None, LANGUAGE))]
    + [(label(k), KPI_BY_ID[k].doc(LANGUAGE)) for k in chosen],
    columns=[tr("targets.kpi"), tr("explorer.definition")])
definitions_sheet = tr("explorer.definitions")  # the download runs off the script thread
col_xlsx.download_button(
    tr("explorer.download_xlsx"),
    lambda: workbook_bytes({"KPIs": detail, definitions_sheet: definitions},
                           {k: "0.0%" for k in chosen if KPI_BY_ID[k].unit == PCT}),
    file_name="kpis.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

declared = set(declaring_providers(db))
declaring = [p for p in (chosen_providers or providers(db)) if p in declared]
if declaring:
    st.subheader(tr("explorer.reconcile"))
    st.caption(tr("explorer.reconcile_help"))
    who = st.selectbox(tr("col.provider"), declaring, key="reconcile_provider")
    gaps = cached(reconcile, db, who, grain if grain != "year" else "month", period[0], period[1])
    if gaps.empty:
        st.info(tr("explorer.reconcile_none"))
    else:
        def figure(kpi_id: str, value, signed: bool = False) -> str:
            return format_value(value, KPI_BY_ID[kpi_id].unit, LANGUAGE, signed)

        shown = pd.DataFrame({
            tr("explorer.period"): gaps.period_start.map(lambda d: format_date(d, LANGUAGE)),
            tr("targets.kpi"): gaps.kpi.map(label),
            tr("explorer.declared"): [figure(k, v) for k, v in zip(gaps.kpi, gaps.declared,
                                                                   strict=True)],
            tr("explorer.recomputed"): [figure(k, v) for k, v in zip(gaps.kpi, gaps.recomputed,
                                                                     strict=True)],
            tr("targets.gap"): [figure(k, v, True) for k, v in zip(gaps.kpi, gaps.gap,
                                                                   strict=True)],
        })
        off = gaps.gap.abs() > 1e-9
        st.dataframe(shown.style.apply(lambda _: ["color: #b00020" if o else "" for o in off],
                                       subset=[tr("targets.gap")]),
                     hide_index=True, width="stretch")
