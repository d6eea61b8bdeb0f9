"""Quality: scores by team, site and agent, the items most often failed, evaluation
coverage, the grids and their versions, and an evaluation entered on a grid."""

from datetime import date, datetime, time

import pandas as pd
import streamlit as st

from app_pages.cache import cached
from app_pages.ui import (
    can_write,
    date_format,
    file_import,
    lang,
    provider_with_periods,
    save_button,
    show_error,
    show_table,
    store,
    tr,
)
from kpi import clock
from kpi.errors import CockpitError
from kpi.i18n import format_value
from kpi.inventory import agents, evaluation_months
from kpi.metrics.registry import COUNT, PCT
from kpi.periods import MONTH, Period, month_end
from kpi.quality.entry import record_evaluation
from kpi.quality.grids import COLUMNS, grid_items, import_grid, list_grids, save_grid
from kpi.quality.summary import coverage, most_failed_items, quality_by
from kpi.reports.layout import Column, Table
from kpi.settings import app_settings

db = store()
LANGUAGE = lang()
st.title(tr("quality.title"))


col_provider, col_month = st.columns(2)
provider, months = provider_with_periods(col_provider, lambda p: evaluation_months(db, p),
                                         tr("quality.no_evaluation"))
month = col_month.selectbox(tr("steering.month"), months,
                            format_func=lambda m: Period.of(m, MONTH).label)
end = month_end(month)
target = int(app_settings(db)["evaluations_per_agent_month"])
covered = coverage(db, provider, month, target)
scores = cached(quality_by, db, provider, "team", month, end)
overall = cached(quality_by, db, provider, "provider", month, end)
total = overall.quality_score.iloc[0] if len(overall) else None
col_score, col_cover, col_count = st.columns(3)
col_score.metric(tr("quality.score"), format_value(total, PCT, LANGUAGE))
col_cover.metric(tr("quality.coverage", target=target),
                 format_value(covered.covered.mean() if len(covered) else None, PCT, LANGUAGE))
col_count.metric(tr("quality.evaluations"), format_value(scores.evaluations.sum(), COUNT,
                                                         LANGUAGE))

tabs = st.tabs([tr("pack.by_team"), tr("pack.by_site"), tr("quality.by_agent")])
for tab, by in zip(tabs, ("team", "site", "agent"), strict=True):
    frame = cached(quality_by, db, provider, by, month, end)
    show_table(Table(frame, [Column(by, tr(f"scope.{by}")),
                             Column("quality_score", tr("quality.score"), PCT),
                             Column("evaluations", tr("quality.evaluations"), COUNT)]),
               tr("production.none"), container=tab)

col_failed, col_coverage = st.columns(2)
col_failed.subheader(tr("quality.most_failed"))
failed = most_failed_items(db, provider, month, end)
failed["critical"] = failed.critical.map({True: tr("quality.critical"), False: ""})
show_table(Table(failed, [Column("item", tr("calibration.item")),
                          Column("critical", ""),
                          Column("fail_rate", tr("quality.fail_rate"), PCT),
                          Column("failed", tr("quality.failed"), COUNT),
                          Column("evaluations", tr("quality.evaluations"), COUNT)]),
           tr("production.none"), container=col_failed)
col_coverage.subheader(tr("quality.coverage_title", target=target))
show_table(Table(covered, [Column("agent_id", tr("scope.agent")),
                           Column("team", tr("scope.team")),
                           Column("evaluations", tr("quality.evaluations"), COUNT)],
                 highlight=(~covered.covered).tolist()),
           tr("production.none"), container=col_coverage)

st.subheader(tr("quality.grids"))
grids = list_grids(db)
show_table(Table(grids, [Column("grid", tr("calibration.grid")),
                         Column("version", "version", COUNT),
                         Column("valid_from", tr("quality.valid_from"), "date"),
                         Column("items", tr("quality.items"), COUNT),
                         Column("critical_items", tr("quality.critical_items"), COUNT)]),
           tr("quality.no_grid"))
if not can_write():
    st.stop()  # what follows changes grids and records evaluations

with st.expander(tr("quality.edit_grid")):
    names = grids.grid.unique().tolist()
    col_name, col_from = st.columns(2)
    name = col_name.selectbox(tr("calibration.grid"), names, accept_new_options=True,
                              index=0 if names else None)
    valid_from = col_from.date_input(tr("quality.valid_from"), value=clock.today(),
                                     min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                                     format=date_format())
    current = grid_items(db, name)[COLUMNS] if name else pd.DataFrame(columns=COLUMNS)
    edited = st.data_editor(current, num_rows="dynamic", hide_index=True, width="stretch",
                            key=f"grid-{name}", placeholder="", column_config={
                                "section": tr("quality.section"),
                                "item": tr("calibration.item"),
                                "max_score": st.column_config.NumberColumn(
                                    tr("quality.max_score"), min_value=0),
                                "weight": st.column_config.NumberColumn(tr("quality.weight"),
                                                                        min_value=0),
                                "critical": st.column_config.CheckboxColumn(
                                    tr("quality.critical"))})
    save_button(tr("quality.save_grid"),
                lambda: save_grid(db, name, edited, valid_from), tr("quality.grid_saved"))

    def imported_grid(path) -> str:
        grid, version = import_grid(db, path)
        return tr("quality.grid_imported", grid=grid, version=version)

    file_import(tr("quality.import_grid"), tr("quality.import_button"), imported_grid)

with st.expander(tr("quality.enter")):
    if grids.empty:
        st.caption(tr("quality.no_grid"))
    else:
        grid = st.selectbox(tr("calibration.grid"), grids.grid.unique().tolist(),
                            key="entry-grid")
        items = grid_items(db, grid)
        provider_agents = agents(db, provider)
        with st.form("evaluation"):
            col_agent, col_evaluator, col_contact, col_day = st.columns(4)
            agent = col_agent.selectbox(tr("scope.agent"), provider_agents, accept_new_options=True)
            evaluator = col_evaluator.text_input(tr("calibration.evaluator"))
            contact = col_contact.text_input(tr("quality.contact"))
            day = col_day.date_input(tr("calibration.day"), value=clock.today(),
                                     min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                                     format=date_format())
            given = {}
            columns = st.columns(3)
            for index, row in enumerate(items.itertuples()):
                label = f"{row.item} (/{row.max_score:g})" + (" ⚠" if row.critical else "")
                given[row.item] = columns[index % 3].number_input(
                    label, min_value=0.0, max_value=float(row.max_score),
                    value=float(row.max_score), step=1.0 if row.max_score > 1 else 1.0)
            if st.form_submit_button(tr("quality.record"), type="primary"):
                try:
                    report = record_evaluation(db, provider, grid, agent, evaluator.strip(),
                                               contact.strip() or None,
                                               datetime.combine(day, time(12)), given)
                except CockpitError as error:
                    show_error(error)
                else:
                    st.success(report.summary(lang=lang()))
