"""The provider feedback log: alerts, recommendations, customer insights, and our answers."""


import streamlit as st

from app_pages.ui import can_answer, can_write, date_format, labeller, lang, save_button, store, tr
from kpi import clock
from kpi.governance.feedback import (
    KINDS,
    STATUSES,
    feedback_for_people,
    list_feedback,
    save_answers,
    save_feedback,
)
from kpi.inventory import providers

db = store()
st.title(tr("feedback.title"))
st.caption(tr("feedback.help"))
provider = st.selectbox(tr("col.provider"), [None, *providers(db)],
                        format_func=lambda p: p or tr("explorer.all"))
log = list_feedback(db, provider)
word = labeller("feedback")  # alert -> 'alerte', open -> 'ouvert'
if can_write():
    edited = st.data_editor(
        log, num_rows="dynamic", hide_index=True, width="stretch", key=f"feedback-{provider}",
        placeholder="", column_config={
            "feedback_id": st.column_config.NumberColumn("#", disabled=True),
            "provider": st.column_config.SelectboxColumn(tr("col.provider"), options=providers(db),
                                                         required=True, default=provider),
            "received_on": st.column_config.DateColumn(tr("feedback.col.received_on"),
                                                       default=clock.today(), required=True,
                                                       format=date_format()),
            "kind": st.column_config.SelectboxColumn(tr("feedback.col.kind"), options=KINDS,
                                                     default="alert", format_func=word),
            "text": st.column_config.TextColumn(tr("feedback.col.text"), required=True,
                                                width="large"),
            "answer": st.column_config.TextColumn(tr("feedback.col.answer"), width="large"),
            "status": st.column_config.SelectboxColumn(tr("feedback.col.status"),
                                                       options=STATUSES, default="open",
                                                       format_func=word),
        })
    save_button(tr("actions.save"), lambda: save_feedback(db, edited), tr("actions.saved"))
elif can_answer():  # a provider answers its own items, and changes nothing else
    edited = st.data_editor(
        log, hide_index=True, width="stretch", key=f"answers-{provider}", placeholder="",
        disabled=[c for c in log.columns if c != "answer"],
        column_config={"answer": st.column_config.TextColumn(tr("feedback.col.answer"),
                                                             width="large"),
                       "kind": st.column_config.SelectboxColumn(
                           tr("feedback.col.kind"), options=KINDS, format_func=word),
                       "status": st.column_config.SelectboxColumn(
                           tr("feedback.col.status"), options=STATUSES, format_func=word)})
    save_button(tr("feedback.answer_save"), lambda: save_answers(db, log, edited),
                tr("actions.saved"))
else:
    st.dataframe(feedback_for_people(log, lang()), hide_index=True, width="stretch")
open_items = log[log.status == "open"]
if not open_items.empty:
    st.warning(tr("feedback.unanswered", n=len(open_items)))
