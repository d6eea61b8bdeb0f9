"""Floor visits: what was seen on each floor, item by item on the visit grid, and for an
active provider what its data says around the visit (disagreements stand out). Writers enter
or import visits, keep the candidates and their announced figures, and add grid items."""

from datetime import date
from zoneinfo import available_timezones

import pandas as pd
import streamlit as st

from app_pages.cache import cached
from app_pages.ui import (
    can_write,
    date_format,
    file_import,
    lang,
    lang_key,
    save_button,
    show_chart,
    show_table,
    store,
    tr,
)
from kpi import clock
from kpi.errors import CockpitError
from kpi.i18n import format_date, format_value, t
from kpi.metrics.registry import COUNT, SCORE
from kpi.reports.charts import visit_signals_chart
from kpi.visits import views
from kpi.visits.candidates import (
    ANNOUNCED,
    add_candidate,
    announce,
    announced,
    candidates,
    promote,
    stages,
)
from kpi.visits.grids import DEFAULT_GRID, save_visit_grid, visit_grid
from kpi.visits.reports import (
    VERDICTS,
    VisitReport,
    check_visit,
    delete_visit,
    import_visit_file,
    list_visits,
    save_visit,
    visit_items,
)
from kpi.visits.signals import visit_data

db = store()
LANGUAGE = lang()
# Widgets showing translated options: one per language (see lang_key).
CHOICE, FILTER, MODE, UPLOAD_PROVIDER = (lang_key(name) for name in (
    "visit-choice", "visit-filter", "visit-mode", "upload-provider"))
ALL = ""
st.title(tr("nav.visits"))
st.caption(tr("visitpage.help"))

everyone = stages(db)
stage_of = dict(zip(everyone.name, everyone.stage, strict=True))


def provider_name(name: str) -> str:
    """A provider as the lists show it: a candidate says so (a pure format_func: in the
    language of this run, whenever it is called)."""
    if stage_of.get(name) == "candidate":
        return f"{name} ({t('visits.stage.candidate', LANGUAGE)})"
    return name


def rating_styles(frame: pd.DataFrame, columns: list[str]):
    colours = views.rating_colours(LANGUAGE)
    return frame.style.map(lambda v: colours.get(v, ""), subset=columns)


if "visit-saved" in st.session_state:  # a visit just saved or imported: show it
    st.session_state[CHOICE] = st.session_state.pop("visit-saved")
    st.session_state[FILTER] = ALL

if len(everyone) > 1:
    col_filter, col_visit = st.columns([1, 2])
    shown = col_filter.selectbox(
        tr("col.provider"), [ALL, *everyone.name], key=FILTER,
        format_func=lambda n: t("visitpage.all", LANGUAGE) if n == ALL else provider_name(n))
else:  # a provider account sees its own provider only: nothing to filter
    col_visit, shown = st, ALL
visits = list_visits(db, provider=shown or None)
by_id = {int(v["visit_id"]): v for _, v in visits.iterrows()}
if st.session_state.get(CHOICE) not in by_id:
    st.session_state.pop(CHOICE, None)
chosen = col_visit.selectbox(tr("visitpage.choose"), list(by_id), key=CHOICE,
                             format_func=lambda i: views.visit_label(by_id[i], LANGUAGE))

st.subheader(tr("visitpage.list"))
show_table(views.visits_table(visits, LANGUAGE), tr("visits.none"))


def show_visit(visit: pd.Series) -> None:
    """One visit: its figures, its notes, its items, and what the data says around it."""
    st.subheader(views.visit_label(visit, LANGUAGE))
    st.markdown(" ".join(b for b in (views.stage_badge(visit["stage"], LANGUAGE),
                                     views.verdict_badge(visit["verdict"], LANGUAGE)) if b))
    cols = st.columns(4)
    cols[0].metric(tr("visits.col.score"), format_value(visit["score"], SCORE, LANGUAGE))
    cols[1].metric(tr("visits.col.serious"), format_value(visit["serious"], COUNT, LANGUAGE))
    cols[2].metric(tr("visits.col.minor"), format_value(visit["minor"], COUNT, LANGUAGE))
    cols[3].metric(tr("visits.col.listening"),
                   format_value(visit["listening_sessions"], COUNT, LANGUAGE))
    st.caption(tr("visitpage.visitors_line", visitors=visit["visitors"] or "—",
                  version=int(visit["grid_version"])))
    if isinstance(visit["notes"], str) and visit["notes"].strip():
        st.info(visit["notes"], icon=":material/edit_note:")

    items = visit_items(db, int(visit["visit_id"]))
    st.markdown(f"**{tr('visitpage.items')}**")
    frame = views.items_frame(items, LANGUAGE)  # a table: the notes wrap, none is cut
    st.table(rating_styles(frame.set_index(frame.columns[0]), [tr("visits.col.rating")]))
    with st.expander(tr("visitpage.guide")):
        guide = views.guide_frame(items, LANGUAGE)
        st.table(guide.set_index(guide.columns[0]))

    st.subheader(tr("visitpage.data_title"))
    if visit["stage"] != "active":
        st.info(tr("visitpage.data_candidate", provider=visit["provider"]),
                icon=":material/info:")
        return
    st.caption(tr("visitpage.data_help"))
    data = cached(visit_data, db, visit)
    st.caption(tr("visits.data.window", start=format_date(data.window[0], LANGUAGE),
                  end=format_date(data.window[1], LANGUAGE)))
    disagreeing = views.disagreements(data, LANGUAGE)
    for item, text in disagreeing:
        st.warning(tr("visitpage.disagreement", item=item, text=text), icon=":material/warning:")
    if not disagreeing and data.checks.agree.notna().any():
        st.success(tr("visitpage.all_agree"), icon=":material/check_circle:")
    show_chart(visit_signals_chart(data.weeks, visit["visited_on"], LANGUAGE),
               f"visit_{visit['provider']}_{visit['visited_on']}".replace(" ", "_"))
    checks = views.checks_frame(data, LANGUAGE)
    flags = [a is False for a in data.checks.agree]
    st.table(checks.set_index(checks.columns[0]).style.apply(lambda _: [
        f"background-color: {views.RATING_COLOURS['serious']}" if f else "" for f in flags]))


if chosen is not None:
    show_visit(by_id[chosen])

if not can_write():
    st.stop()  # what follows records visits, candidates and the grid

st.divider()


def visit_form(base: pd.Series | None) -> None:
    """Enter a new visit, or edit `base`: every field, and each grid item's rating and
    notes."""
    key = lang_key("visit-new" if base is None else f"visit-{int(base['visit_id'])}")
    if base is None:
        items = visit_grid(db).assign(rating=None, notes=None)
    else:
        items = visit_items(db, int(base["visit_id"]))
    start = views.form_ratings(items)
    names = everyone.name.tolist()
    with st.form(key):
        col_provider, col_day, col_site = st.columns(3)
        provider = col_provider.selectbox(
            tr("col.provider"), names, format_func=provider_name, key=f"{key}-provider",
            index=0 if base is None else names.index(base["provider"]))
        day = col_day.date_input(tr("visits.col.visited_on"),
                                 value=clock.today() if base is None else base["visited_on"],
                                 min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                                 format=date_format(), key=f"{key}-day")
        site = col_site.text_input(tr("visits.col.site"), key=f"{key}-site",
                                   value="" if base is None else base["site"])
        col_visitors, col_listening, col_verdict = st.columns(3)
        visitors = col_visitors.text_input(
            tr("visits.col.visitors"), key=f"{key}-visitors",
            value="" if base is None else (base["visitors"] or ""))
        listening = col_listening.number_input(
            tr("visits.col.listening"), min_value=0, step=1, key=f"{key}-listening",
            value=0 if base is None else int(base["listening_sessions"]))
        choices = [None, *VERDICTS]
        verdict = col_verdict.selectbox(
            tr("visits.col.verdict"), choices, key=f"{key}-verdict",
            index=0 if base is None else choices.index(base["verdict"]),
            format_func=lambda v: t("visitpage.no_verdict", LANGUAGE) if v is None
            else t(f"visits.verdict.{v}", LANGUAGE))
        notes = st.text_area(tr("visitpage.visit_notes"), key=f"{key}-notes",
                             value="" if base is None else (base["notes"] or ""), height=80)
        st.markdown(f"**{tr('visitpage.items')}**")
        given = {}
        suffix = "fr" if LANGUAGE == "fr" else "en"
        for row in items.to_dict("records"):
            label = views.item_label(row, LANGUAGE)
            col_item, col_rating, col_notes = st.columns([3, 5, 4], vertical_alignment="center")
            guide = "  \n".join(f"**{tr(h)}** — {row[f'{k}_{suffix}']}" for h, k in (
                ("visits.col.look", "look"), ("visits.col.good", "good")) if row[f"{k}_{suffix}"])
            col_item.markdown(f"**{label}**", help=guide or None)
            rating = col_rating.radio(
                label, views.RATING_CHOICES, horizontal=True, label_visibility="collapsed",
                index=views.RATING_CHOICES.index(start[row["item"]][0]),
                format_func=lambda r: views.rating_text(r, LANGUAGE),
                key=f"{key}-rating-{row['item']}")
            note = col_notes.text_input(
                tr("visitpage.item_notes", item=label), value=start[row["item"]][1],
                label_visibility="collapsed", placeholder=tr("visits.col.notes"),
                key=f"{key}-notes-{row['item']}")
            given[row["item"]] = (rating, note)
        submitted = st.form_submit_button(tr("visitpage.save"), type="primary")
    if not submitted:
        return
    report = VisitReport(provider, day, site.strip(), visitors.strip(), int(listening),
                         verdict, notes.strip(), views.chosen_ratings(given),
                         grid=DEFAULT_GRID if base is None else base["grid"])
    problems = check_visit(db, report)  # said as a list, not as a refused file
    if problems:
        st.error("\n".join([tr("visitpage.refused"),
                             *(f"- {p.text(LANGUAGE)}" for p in problems)]))
        return
    try:
        # Editing a visit may change its day, site or provider: it stays the same visit.
        visit_id = save_visit(db, report,
                              replaces=None if base is None else int(base["visit_id"]))
    except CockpitError as error:
        st.error(error.text(LANGUAGE))
    else:
        st.session_state["visit-saved"] = visit_id
        if base is None:  # the next new visit starts from a blank form
            for name in [k for k in st.session_state if str(k).startswith(f"{key}-")]:
                del st.session_state[name]
        st.toast(tr("visitpage.saved", visit=views.visit_label(vars(report), LANGUAGE)))
        st.rerun()


with st.expander(tr("visitpage.enter"), icon=":material/edit:"):
    st.caption(tr("visitpage.form_help"))
    modes = ["new"] if chosen is None else ["new", "edit"]
    mode = st.radio(tr("visitpage.mode"), modes, horizontal=True, key=MODE,
                    format_func=lambda m: t("visitpage.mode_new", LANGUAGE) if m == "new"
                    else t("visitpage.mode_edit", LANGUAGE,
                           visit=views.visit_label(by_id[chosen], LANGUAGE)))
    base = by_id[chosen] if mode == "edit" else None
    visit_form(base)
    if base is not None:
        label = views.visit_label(base, LANGUAGE)
        if st.checkbox(tr("visitpage.delete_confirm", visit=label), key="visit-delete-sure"):
            if st.button(tr("visitpage.delete"), icon=":material/delete:"):
                delete_visit(db, int(base["visit_id"]))
                for name in ("visit-delete-sure", MODE):
                    st.session_state.pop(name, None)
                st.toast(tr("visitpage.deleted", visit=label))
                st.rerun()

with st.expander(tr("visitpage.upload"), icon=":material/upload_file:"):
    st.caption(tr("visitpage.upload_help"))
    upload_provider = st.selectbox(tr("visitpage.upload_provider"), everyone.name.tolist(),
                                   format_func=provider_name, key=UPLOAD_PROVIDER)

    def imported(path) -> str:
        visit_id, report = import_visit_file(
            db, path, upload_provider, tr("visitpage.upload_name", provider=upload_provider))
        label = views.visit_label(vars(report), LANGUAGE)
        st.session_state["visit-saved"] = visit_id
        st.toast(tr("visitpage.imported", visit=label, n=len(report.ratings)))
        st.rerun()  # the list and the detail above show the new visit
        return label

    file_import(tr("visitpage.upload_file"), tr("visitpage.upload_button"), imported)

with st.expander(tr("visitpage.candidates"), icon=":material/person_search:"):
    st.caption(tr("visitpage.candidates_help"))
    col_name, col_zone = st.columns(2)
    new_name = col_name.text_input(tr("visitpage.candidate_name"), key="candidate-name")
    zones = sorted(available_timezones())
    zone = col_zone.selectbox(tr("settings.time_zone"), zones,
                              index=zones.index("Europe/Paris"), key="candidate-zone")
    save_button(tr("visitpage.add_candidate"), lambda: add_candidate(db, new_name, zone),
                tr("visitpage.candidate_added"))
    names = candidates(db)
    if not names:
        st.caption(tr("visitpage.no_candidate"))
    else:
        st.divider()
        who = st.selectbox(tr("visitpage.candidate"), names, key="candidate-who")
        said = views.announced_values(announced(db, [who]), who)
        st.markdown(f"**{tr('visitpage.announced', name=who)}**")
        columns = st.columns(4)
        entered = {}
        for index, (figure, unit) in enumerate(ANNOUNCED.items()):
            entered[figure] = columns[index % 4].number_input(
                views.figure_label(figure, LANGUAGE), min_value=0.0,
                max_value=100.0 if unit == "pct" else None, value=said[figure],
                step=1.0 if unit != "amount" else 0.5, format="%g",
                key=f"announce-{who}-{figure}")
        save_button(tr("visitpage.save_announced"), lambda: announce(db, who, {
            f: views.from_display(f, v) for f, v in entered.items()}),
            tr("visitpage.announced_saved"))
        st.divider()
        col_on, col_promote = st.columns([1, 2], vertical_alignment="bottom")
        on = col_on.date_input(tr("visitpage.promote_on"), value=clock.today(),
                               min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                               format=date_format(), key="promote-on")
        if col_promote.button(tr("visitpage.promote", name=who), icon=":material/verified:"):
            try:
                promote(db, who, on)
            except CockpitError as error:
                st.error(error.text(LANGUAGE))
            else:
                st.toast(tr("visitpage.promoted", name=who))
                st.rerun()

with st.expander(tr("visitpage.grid"), icon=":material/checklist:"):
    grid = visit_grid(db)
    st.caption(views.grid_caption(grid, LANGUAGE))
    shown_grid = views.grid_frame(grid, LANGUAGE)
    st.table(shown_grid.set_index(shown_grid.columns[0]))
    st.markdown(tr("visitpage.new_items"))
    added = st.data_editor(
        pd.DataFrame({c: pd.Series(dtype=float if c == "weight" else str)
                      for c in views.NEW_ITEM_COLUMNS}),
        num_rows="dynamic", hide_index=True, width="stretch", placeholder="",
        key=f"grid-new-{int(grid.version.iloc[0])}", column_config={
            **{c: st.column_config.TextColumn(tr(f"visitpage.col.{c}"))
               for c in views.NEW_ITEM_COLUMNS[:-1]},
            "weight": st.column_config.NumberColumn(tr("visits.col.weight"), min_value=0.0,
                                                    default=1.0)})
    valid_from = st.date_input(tr("quality.valid_from"), value=clock.today(),
                               min_value=date(2000, 1, 1), max_value=date(2100, 1, 1),
                               format=date_format(), key="grid-from")
    save_button(tr("visitpage.save_grid"), lambda: save_visit_grid(
        db, views.grid_with_new_items(grid, added), valid_from=valid_from),
        tr("visitpage.grid_saved"))
