"""What the Visits and Selection pages show, as plain frames and words: the pages only draw
them (kpi/ never imports streamlit).

Ratings are translated and coloured the same way on both pages (serious red, minor amber);
announced figures are shown and entered in the units people use (rates in %, durations in
seconds, prices as amounts) and stored as kpi/visits/candidates.py keeps them.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from kpi.i18n import format_date, t
from kpi.metrics.registry import COUNT, SCORE
from kpi.reports.layout import DATE, Column, Table
from kpi.store import Store
from kpi.visits.candidates import ANNOUNCED
from kpi.visits.grids import COLUMNS, RATINGS, visit_grid
from kpi.visits.selection import Selection, selection_weights
from kpi.visits.signals import VisitData, check_text

NOT_RATED = "none"  # a form's choice for an item left unrated
RATING_CHOICES = (NOT_RATED, *RATINGS)
RATING_COLOURS = {"serious": "#f8d7da", "minor": "#fff3cd"}  # red, amber
# How an announced figure is entered and read on a page: factor from the stored value.
DISPLAY_FACTOR = {"pct": 100.0, "seconds": 1.0, "amount": 1.0}
DISPLAY_SUFFIX = {"pct": "%", "seconds": "s", "amount": ""}
NEW_ITEM_COLUMNS = ["label_en", "label_fr", "look_en", "look_fr", "good_en", "good_fr",
                    "weight"]


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) \
        else str(value)


def rating_text(rating, lang: str) -> str:
    key = rating if isinstance(rating, str) and rating in RATING_CHOICES else NOT_RATED
    return t(f"visits.rating.{key}", lang)


def verdict_text(verdict, lang: str) -> str:
    return t(f"visits.verdict.{verdict}", lang) if isinstance(verdict, str) and verdict \
        else "—"


def item_label(row, lang: str) -> str:
    """An item's words in the language (a row of a grid or of visit_items)."""
    return _text(row["label_fr"] if lang == "fr" else row["label_en"])


VERDICT_COLOURS = {"favourable": "green", "reservations": "orange", "unfavourable": "red"}


def verdict_badge(verdict, lang: str) -> str:
    """The verdict as a coloured markdown badge (nothing when there is none)."""
    if not isinstance(verdict, str) or verdict not in VERDICT_COLOURS:
        return ""
    return f":{VERDICT_COLOURS[verdict]}-badge[{t(f'visits.verdict.{verdict}', lang)}]"


def stage_badge(stage: str, lang: str) -> str:
    colour = "blue" if stage == "candidate" else "gray"
    return f":{colour}-badge[{t(f'visits.stage.{stage}', lang)}]"


def rating_colours(lang: str) -> dict[str, str]:
    """Cell text -> CSS, for a frame whose ratings are already in words."""
    return {t(f"visits.rating.{r}", lang): f"background-color: {c}"
            for r, c in RATING_COLOURS.items()}


# --- the Visits page --------------------------------------------------------------------

def visits_table(visits: pd.DataFrame, lang: str) -> Table:
    """reports.list_visits as a table: stage and verdict in words, short headings (ten
    columns side by side), visits with a serious signal highlighted."""
    frame = visits.assign(
        stage=[t(f"visits.stage.{s}", lang) for s in visits.stage],
        verdict=[verdict_text(v, lang) for v in visits.verdict],
        visitors=[_text(v) for v in visits.visitors])
    return Table(frame, [
        Column("provider", t("col.provider", lang)),
        Column("stage", t("visits.col.stage", lang)),
        Column("visited_on", t("visits.col.visited_on", lang), DATE),
        Column("site", t("visits.col.site", lang)),
        Column("visitors", t("visits.col.visitors", lang)),
        Column("listening_sessions", t("visitpage.col.listening", lang), COUNT),
        Column("verdict", t("visits.col.verdict", lang)),
        Column("score", t("visitpage.col.score", lang), SCORE),
        Column("serious", t("visitpage.col.serious", lang), COUNT),
        Column("minor", t("visitpage.col.minor", lang), COUNT)],
        highlight=[bool(n) for n in visits.serious])


def visit_label(visit, lang: str) -> str:
    """How a visit is named in a list: its day, the provider, the site."""
    return f"{format_date(visit['visited_on'], lang)} — {visit['provider']}, {visit['site']}"


def items_frame(items: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A visit's items (reports.visit_items) as people read them: item, rating, notes."""
    return pd.DataFrame({
        t("visits.col.item", lang): [item_label(r, lang) for _, r in items.iterrows()],
        t("visits.col.rating", lang): [rating_text(r, lang) for r in items.rating],
        t("visits.col.notes", lang): [_text(n) for n in items.notes]})


def guide_frame(items: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What to look at on each item, and what a good floor shows."""
    suffix = "fr" if lang == "fr" else "en"
    return pd.DataFrame({
        t("visits.col.item", lang): [item_label(r, lang) for _, r in items.iterrows()],
        t("visits.col.look", lang): [_text(v) for v in items[f"look_{suffix}"]],
        t("visits.col.good", lang): [_text(v) for v in items[f"good_{suffix}"]]})


def checks_frame(data: VisitData, lang: str) -> pd.DataFrame:
    """Each signal the data can read: what was seen, what the data says, and whether they
    agree (— when one of them is missing)."""
    checks = data.checks.to_dict("records")
    return pd.DataFrame({
        t("visits.col.signal", lang): [item_label(c, lang) for c in checks],
        t("visits.col.rating", lang): [rating_text(c["rating"], lang) for c in checks],
        t("visits.col.data", lang): [check_text(c, lang) for c in checks],
        t("visitpage.col.agreement", lang): [
            t("visits.agree", lang) if c["agree"] is True else
            t("visits.disagree", lang) if c["agree"] is False else "—" for c in checks]})


def disagreements(data: VisitData, lang: str) -> list[tuple[str, str]]:
    """(item in words, the check in words) for each signal where seen and data disagree."""
    return [(item_label(c, lang), check_text(c, lang))
            for c in data.disagreements.to_dict("records")]


def form_ratings(items: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """A visit's stored ratings as a form starts from: item -> (choice, notes)."""
    return {r["item"]: (r["rating"] if isinstance(r.get("rating"), str) else NOT_RATED,
                        _text(r.get("notes"))) for r in items.to_dict("records")}


def chosen_ratings(choices: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """What a form gives save_visit: the items rated, with their notes (unrated ones left
    out, their notes too)."""
    return {item: (rating, notes.strip()) for item, (rating, notes) in choices.items()
            if rating != NOT_RATED}


# --- announced figures ------------------------------------------------------------------

def figure_label(figure: str, lang: str) -> str:
    suffix = DISPLAY_SUFFIX[ANNOUNCED[figure]]
    return t(f"visits.figure.{figure}", lang) + (f" ({suffix})" if suffix else "")


def to_display(figure: str, value) -> float | None:
    """A stored announced value as it is entered (0.9 -> 90.0 for a rate)."""
    if value is None or pd.isna(value):
        return None
    return round(float(value) * DISPLAY_FACTOR[ANNOUNCED[figure]], 6)


def from_display(figure: str, value) -> float | None:
    """An entered value as announce() takes it (90 -> 0.9 for a rate); None clears it."""
    if value is None or pd.isna(value):
        return None
    return float(value) / DISPLAY_FACTOR[ANNOUNCED[figure]]


def announced_values(said: pd.DataFrame, provider: str) -> dict[str, float | None]:
    """candidates.announced for one provider: figure -> value as entered on a page."""
    mine = said[said.provider == provider].set_index("figure").value
    return {f: to_display(f, mine.get(f)) for f in ANNOUNCED}


# --- the visit grid ---------------------------------------------------------------------

def grid_caption(grid: pd.DataFrame, lang: str) -> str:
    valid_from = pd.Timestamp(grid.valid_from.iloc[0]).date()
    return t("visitpage.grid_version", lang, version=int(grid.version.iloc[0]),
             day=format_date(valid_from, lang) if valid_from > date(2000, 1, 1)
             else t("visitpage.grid_default", lang), n=len(grid))


def grid_frame(grid: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A grid's items as people read them: item, signal, weight, what to look at, what a
    good floor shows."""
    frame = guide_frame(grid, lang)
    frame.insert(1, t("visits.col.signal", lang),
                 [f"#{int(s)}" if pd.notna(s) else "" for s in grid.signal])
    frame.insert(2, t("visits.col.weight", lang), [f"{w:g}" for w in grid.weight])
    return frame


def grid_with_new_items(grid: pd.DataFrame, added: pd.DataFrame) -> pd.DataFrame:
    """The grid's items followed by the rows a pilot added (rows with no words at all are
    dropped), as save_visit_grid takes them."""
    added = added.reindex(columns=NEW_ITEM_COLUMNS)
    words = added[NEW_ITEM_COLUMNS[:-1]].map(_text).apply(lambda c: c.str.strip())
    added = added[(words != "").any(axis=1)]
    return pd.concat([grid[COLUMNS], added.reindex(columns=COLUMNS)], ignore_index=True)


# --- the Selection page -----------------------------------------------------------------

def default_weights(store: Store) -> dict[str, float]:
    """Each item of the current grid with the weight the selection uses unless changed:
    the pilot's saved weight, else the grid's."""
    saved = selection_weights(store)
    grid = visit_grid(store)
    return {i: float(saved.get(i, w)) for i, w in zip(grid.item, grid.weight, strict=True)}


def weight_labels(store: Store, lang: str) -> dict[str, str]:
    grid = visit_grid(store)
    return {r["item"]: item_label(r, lang) for r in grid.to_dict("records")}


def ratings_side_by_side(sel: Selection, lang: str) -> pd.DataFrame:
    """Rows: the items in words (with the weight used); a column per provider, ratings in
    words."""
    frame = pd.DataFrame({
        t("visits.col.item", lang): [item_label(r, lang) for r in
                                     sel.ratings.to_dict("records")],
        t("visits.col.weight", lang): [f"{w:g}" for w in sel.ratings.weight]})
    for provider in sel.providers:
        frame[provider] = [rating_text(r, lang) for r in sel.ratings[provider]]
    return frame


def serious_warnings(sel: Selection, lang: str) -> list[str]:
    """One sentence per provider with a serious signal, whatever its score."""
    labels = {r["item"]: item_label(r, lang) for r in sel.ratings.to_dict("records")}
    return [t("selection.serious_warning", lang, provider=provider, n=len(items),
              items=", ".join(labels.get(i, i) for i in items))
            for provider, items in sel.serious.items() if items]


def not_visited(sel: Selection) -> list[str]:
    """The providers compared that were never visited (no rating, no score)."""
    visited = set(sel.visits.provider) if "provider" in sel.visits else set()
    return [p for p in sel.providers if p not in visited]
