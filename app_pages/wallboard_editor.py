"""Design a wallboard: scope(s) shown in turn, tiles, thresholds, refresh; saved by name."""

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from app_pages.ui import decimal_column, labeller, lang, lang_key, save_button, store, tr
from kpi.access.links import DEFAULT_BASE_URL, create_link, link_counts, revoke_links
from kpi.editing import UNIT_COLUMN, values_for_editor, values_from_editor
from kpi.inventory import providers, queues
from kpi.live.board import TILE_UNITS, TILES, Threshold
from kpi.live.boards import (
    REFRESH_RANGE,
    ROTATE_RANGE,
    BoardConfig,
    Scope,
    boards_table,
    list_boards,
    load_board,
    save_board,
)

db = store()
LANGUAGE = lang()
st.title(tr("boards.title"))

saved = list_boards(db)
new_board = tr("boards.new")  # format_func runs outside the script too: bind the words now
name_to_edit = st.selectbox(tr("boards.load"), ["", *saved],
                            format_func=lambda n: n or new_board)
current = load_board(db, name_to_edit) if name_to_edit else BoardConfig(
    "", [Scope(p) for p in providers(db)[:1]])
key = lang_key(f"board-{name_to_edit}")

name = st.text_input(tr("boards.name"), value=current.name, key=f"{key}-name")
names = providers(db)
chosen = st.multiselect(tr("boards.scopes"), names,
                        default=[s.provider for s in current.scopes if s.provider in names],
                        key=f"{key}-providers", placeholder=tr("ui.choose"))
scopes = []
for provider in chosen:
    provider_queues = queues(db, provider)
    before = next((s.queues for s in current.scopes if s.provider == provider), ())
    picked = st.multiselect(tr("boards.queues", provider=provider), provider_queues,
                            default=[q for q in before if q in queues],
                            key=f"{key}-queues-{provider}",
                            placeholder=tr("ui.choose"))
    scopes.append(Scope(provider, tuple(picked)))
tiles = st.multiselect(tr("boards.tiles"), TILES, default=list(current.tiles),
                       format_func=labeller("wallboard.tile"), key=f"{key}-tiles",
                       placeholder=tr("ui.choose"))
col_refresh, col_rotate, col_queues = st.columns(3)
refresh = col_refresh.slider(tr("boards.refresh"), *REFRESH_RANGE, value=current.refresh_s,
                             key=f"{key}-refresh")
rotate = col_rotate.slider(tr("boards.rotate"), *ROTATE_RANGE, value=current.rotate_s,
                           key=f"{key}-rotate")
show_queues = col_queues.toggle(tr("boards.show_queues"), value=current.show_queues,
                                key=f"{key}-show")

st.subheader(tr("boards.thresholds"))
label = labeller("wallboard.tile")
tile_units = [TILE_UNITS[t] for t in TILES]
limits = values_for_editor(pd.DataFrame({
    "tile": list(TILES),
    "name": [label(t) for t in TILES],
    "better": [current.thresholds[t].better if t in current.thresholds else
               ("lower" if TILE_UNITS[t] == "seconds" or t == "waiting" else "higher")
               for t in TILES],
    "green": [current.thresholds[t].green if t in current.thresholds else None for t in TILES],
    "red": [current.thresholds[t].red if t in current.thresholds else None for t in TILES]}),
    ["green", "red"], units=tile_units, lang=LANGUAGE)
st.caption(tr("boards.thresholds_units"))
edited = st.data_editor(
    limits, hide_index=True, width="stretch", key=f"{key}-limits", placeholder="",
    disabled=["tile", "name", UNIT_COLUMN], column_config={
        "tile": None, "name": st.column_config.TextColumn(tr("boards.tiles")),
        "better": st.column_config.SelectboxColumn(tr("boards.better"),
                                                   options=["higher", "lower"],
                                                   format_func=labeller("boards.better")),
        "green": decimal_column(tr("boards.green")),
        "red": decimal_column(tr("boards.red")),
        UNIT_COLUMN: st.column_config.TextColumn(tr("targets.unit"))})
thresholds = {row["tile"]: Threshold(row["better"], float(row["green"]), float(row["red"]))
              for row in values_from_editor(edited, ["green", "red"],
                                            units=tile_units).to_dict("records")
              if pd.notna(row["green"]) and pd.notna(row["red"])}

board = BoardConfig(name.strip(), scopes, tuple(tiles), thresholds, refresh, rotate,
                    show_queues)
save_button(tr("boards.save"), lambda: save_board(db, board), tr("boards.saved"))

st.subheader(tr("boards.saved_list"))
table = boards_table(db)
if not table.empty:
    table["link"] = [f"/wallboard?board={n}&kiosk=1&lang={LANGUAGE}" for n in table.name]
    st.dataframe(table.rename(columns={c: tr(f"boards.col.{c}") for c in table.columns
                                       if c != "link"}), hide_index=True, width="stretch",
                 column_config={"link": st.column_config.LinkColumn("kiosk")})

    st.subheader(tr("link.title"))
    st.caption(tr("link.help"))
    counts = link_counts(db).set_index("name").links
    col_board, col_create, col_revoke = st.columns([2, 1, 1], vertical_alignment="bottom")
    linked = col_board.selectbox(tr("wallboard.board"), table.name.tolist(), key="link-board")
    col_board.caption(f"{tr('link.count')} : {counts.get(linked, 0)}")
    if col_create.button(tr("link.create"), icon=":material/link:"):
        here = st.context.url  # the address this browser reached the app by
        base = (f"{urlsplit(here).scheme}://{urlsplit(here).netloc}"
                if isinstance(here, str) and here.startswith("http") else DEFAULT_BASE_URL)
        st.success(tr("link.created"))
        st.code(create_link(db, linked, base), language=None)
    if col_revoke.button(tr("link.revoke"), icon=":material/link_off:"):
        st.toast(tr("link.revoked", n=revoke_links(db, linked)))
        st.rerun()
