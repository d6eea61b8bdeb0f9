"""Selection: finalists side by side (each floor signal of their latest visit, the figures
they announced, a score weighted as the pilot sets it); a serious signal stands out whatever
the score. The pack (Excel, HTML) holds the same."""

import streamlit as st

from app_pages.cache import cached
from app_pages.ui import (
    can_write,
    lang,
    lang_key,
    pack_buttons,
    save_button,
    show_chart,
    show_table,
    store,
    tr,
)
from kpi.i18n import t
from kpi.reports.charts import selection_chart
from kpi.reports.packs import selection_pack
from kpi.visits import views
from kpi.visits.candidates import candidates, stages
from kpi.visits.selection import compare, save_selection_weights

db = store()
LANGUAGE = lang()
st.title(tr("selection.title"))
st.caption(tr("selectionpage.help"))

everyone = stages(db)
stage_of = dict(zip(everyone.name, everyone.stage, strict=True))


def provider_name(name: str) -> str:
    """A candidate says so (a pure format_func, in the language of this run)."""
    if stage_of.get(name) == "candidate":
        return f"{name} ({t('visits.stage.candidate', LANGUAGE)})"
    return name


chosen = st.multiselect(tr("selection.providers"), everyone.name.tolist(),
                        default=candidates(db), format_func=provider_name,
                        key=lang_key("selection-providers"), placeholder=tr("ui.choose"))
if not chosen:
    st.info(tr("selectionpage.none"))
    st.stop()

defaults = views.default_weights(db)
labels = views.weight_labels(db, LANGUAGE)
with st.container(border=True):
    st.markdown(f"**{tr('selectionpage.weights')}**")
    columns = st.columns(min(len(defaults), 6) or 1, vertical_alignment="bottom")
    weights = {item: columns[index % len(columns)].number_input(
        labels[item], min_value=0.0, max_value=100.0, value=weight, step=0.5, format="%g",
        key=f"weight-{item}") for index, (item, weight) in enumerate(defaults.items())}
    st.caption(tr("selectionpage.weights_help_writer" if can_write()
                  else "selectionpage.weights_help"))
    if can_write():
        save_button(tr("selectionpage.save_weights"),
                    lambda: save_selection_weights(db, weights), tr("selectionpage.weights_saved"))

selection = cached(compare, db, chosen, weights)
pack = selection_pack(selection, LANGUAGE)
pack_buttons(pack)

st.subheader(tr("selectionpage.scores"))
for warning in views.serious_warnings(selection, LANGUAGE):
    st.error(warning, icon=":material/report:")
for provider in views.not_visited(selection):
    st.info(tr("selectionpage.not_visited", provider=provider), icon=":material/info:")
if any(score is not None for score in selection.scores.values()):
    show_chart(selection_chart(selection.scores, selection.serious, LANGUAGE),
               f"{pack.file_stem}_scores")
st.caption(tr("selection.score_rule"))
st.markdown(f"**{tr('selectionpage.latest')}**")
show_table(pack["scores"].table)

st.subheader(tr("selection.ratings"))
ratings = views.ratings_side_by_side(selection, LANGUAGE)
colours = views.rating_colours(LANGUAGE)
st.dataframe(ratings.style.map(lambda v: colours.get(v, ""), subset=list(chosen)),
             hide_index=True, width="stretch", height="content")

st.subheader(tr("selection.figures"))
st.caption(tr("selectionpage.figures_help"))
show_table(pack["figures"].table)

with st.expander(tr("selectionpage.notes")):
    show_table(pack["notes"].table, tr("selectionpage.no_notes"))
