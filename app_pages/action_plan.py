"""The action plan: edited in place, overdue actions highlighted, dated notes, and an action
created from a missed target in one step."""

import streamlit as st

from app_pages.cache import cached
from app_pages.ui import (
    can_answer,
    can_write,
    date_format,
    labeller,
    lang,
    save_button,
    store,
    tr,
)
from kpi import clock
from kpi.editing import comparator_sign
from kpi.governance.actions import (
    ORIGINS,
    SIDES,
    STATUSES,
    action_from_target,
    actions_for_people,
    add_note,
    list_actions,
    overdue,
    save_actions,
    save_statuses,
)
from kpi.governance.targets import list_targets, review_targets
from kpi.i18n import format_value
from kpi.inventory import providers
from kpi.metrics.registry import KPI_BY_ID, KPIS

db = store()
LANGUAGE = lang()
st.title(tr("actions.title"))
provider = st.selectbox(tr("col.provider"), [None, *providers(db)],
                        format_func=lambda p: p or tr("explorer.all"))
actions = list_actions(db, provider)
today = clock.today()
late = actions[overdue(actions, today)]
if not late.empty:
    st.error(tr("actions.overdue", n=len(late), titles=", ".join(late.title)))

word = labeller("action")  # open -> 'ouverte', client -> 'client'


def kpi_label(kpi_id: str) -> str:
    return KPI_BY_ID[kpi_id].label(LANGUAGE) if kpi_id in KPI_BY_ID else str(kpi_id)


if can_write():
    edited = st.data_editor(
        actions.drop(columns=["notes"]), num_rows="dynamic", hide_index=True, width="stretch",
        key=f"actions-{provider}", placeholder="", column_config={
            "action_id": st.column_config.NumberColumn("#", disabled=True),
            "provider": st.column_config.SelectboxColumn(tr("col.provider"), options=providers(db),
                                                         required=True),
            "title": st.column_config.TextColumn(tr("action.col.title"), required=True),
            "owner": tr("action.col.owner"),
            "owner_side": st.column_config.SelectboxColumn(tr("action.col.owner_side"),
                                                           options=SIDES, format_func=word),
            "due": st.column_config.DateColumn(tr("action.col.due"), format=date_format()),
            "status": st.column_config.SelectboxColumn(tr("action.col.status"), options=STATUSES,
                                                       format_func=word),
            "kpi": st.column_config.SelectboxColumn(tr("action.col.kpi"),
                                                    options=[k.id for k in KPIS],
                                                    format_func=kpi_label),
            "target_id": st.column_config.NumberColumn(tr("actions.target"), step=1),
            "origin": st.column_config.SelectboxColumn(tr("actions.origin"), options=ORIGINS,
                                                       format_func=labeller("action.origin")),
            "created_on": st.column_config.DateColumn(tr("actions.created"), disabled=True,
                                                      format=date_format()),
        })
    save_button(tr("actions.save"), lambda: save_actions(db, edited), tr("actions.saved"))
elif can_answer():  # a provider: where its own actions stand, nothing else
    edited = st.data_editor(
        actions.drop(columns=["notes"]), hide_index=True, width="stretch",
        key=f"statuses-{provider}", placeholder="",
        disabled=[c for c in actions.columns if c != "status"],
        column_config={"status": st.column_config.SelectboxColumn(
            tr("action.col.status"), options=STATUSES, required=True, format_func=word),
            "owner_side": st.column_config.SelectboxColumn(
                tr("action.col.owner_side"), options=SIDES, format_func=word),
            "kpi": st.column_config.SelectboxColumn(
                tr("action.col.kpi"), options=[k.id for k in KPIS], format_func=kpi_label),
            "due": st.column_config.DateColumn(tr("action.col.due"), format=date_format())})
    save_button(tr("actions.status_save"), lambda: save_statuses(db, actions, edited),
                tr("actions.saved"))
else:
    st.dataframe(actions_for_people(actions, LANGUAGE), hide_index=True, width="stretch")

st.subheader(tr("actions.notes"))
if not actions.empty and can_answer():
    col_action, col_text = st.columns([1, 3], vertical_alignment="bottom")
    chosen = col_action.selectbox(tr("action.col.title"), actions.action_id.tolist(),
                                  format_func=lambda i: f"#{i} " + actions.set_index(
                                      "action_id").title[i][:40])
    text = col_text.text_input(tr("actions.note_text"))
    if st.button(tr("actions.add_note"), disabled=not text.strip()):
        add_note(db, int(chosen), text)
        st.rerun()

noted = actions[["action_id", "title", "notes"]].dropna(subset=["notes"])
noted.columns = ["#", tr("action.col.title"), tr("action.col.notes")]
st.dataframe(noted, hide_index=True, width="stretch")

if not can_write():
    st.stop()  # what follows creates actions
st.subheader(tr("actions.from_targets"))
targets = list_targets(db)
if provider:
    targets = targets[targets.provider == provider]
records = targets.to_dict("records")
missed = [target for target, review in zip(records, cached(review_targets, db, records),
                                           strict=True)
          if review.summary.last is not None and review.summary.last.status == "missed"]
if not missed:
    st.caption(tr("production.none"))
for target in missed:
    col_label, col_button = st.columns([3, 1], vertical_alignment="center")
    col_label.write(f"**{target['provider']}** · {KPI_BY_ID[target['kpi']].label(LANGUAGE)} "
                    f"{comparator_sign(target['comparator'])} "
                    f"{format_value(target['value'], KPI_BY_ID[target['kpi']].unit, LANGUAGE)}")
    if col_button.button(tr("actions.create"), key=f"from-target-{target['target_id']}"):
        action_from_target(db, target)
        st.rerun()
