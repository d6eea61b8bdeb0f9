"""Floor-visit grids (issue "Floor visits and provider selection"): what a pilot looks at on
a provider's floor, item by item, versioned like the quality grids.

The default grid is the six red flags of SPEC §1 seen on site. A pilot may add items
(training rooms, tools, reporting shown…); a grid saved with different items becomes a new
version in force from its `valid_from`, and a visit keeps the version it was rated on.

Each item is rated on one scale: not seen, minor, serious. An item that stands for one of
the six signals carries its number (`signal`), which ties it to its data signature
(kpi/visits/signals.py); items a pilot adds have none.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import pandas as pd

from kpi import clock
from kpi.errors import CockpitError, Joined, Msg
from kpi.quality.grids import item_list_problems, new_version
from kpi.store import Store

DEFAULT_GRID = "floor"
RATINGS = ("not_seen", "minor", "serious")
# What a rating is worth in a visit's score: a signal not seen keeps all of its weight.
RATING_POINTS = {"not_seen": 1.0, "minor": 0.5, "serious": 0.0}
# How people write a rating in a filled grid (lower case, accents kept).
RATING_WORDS = {
    "not_seen": ("not_seen", "not seen", "none", "no", "ok", "0", "non observé", "non vu",
                 "absent", "rien", "néant"),
    "minor": ("minor", "1", "mineur", "léger", "faible"),
    "serious": ("serious", "2", "major", "grave", "sérieux", "majeur", "fort"),
}
COLUMNS = ["item", "signal", "label_en", "label_fr", "look_en", "look_fr", "good_en",
           "good_fr", "weight"]


class InvalidVisitGrid(CockpitError):
    pass


@dataclass(frozen=True)
class GridItem:
    item: str
    signal: int | None
    label_en: str
    label_fr: str
    look_en: str
    look_fr: str
    good_en: str
    good_fr: str
    weight: float = 1.0

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


DEFAULT_ITEMS: tuple[GridItem, ...] = (
    GridItem(
        "supervision", 1, "No hands-on supervision", "Pas de supervision de terrain",
        "Supervisors seated, not circulating, not listening to calls, not solicited by agents.",
        "Superviseurs assis, qui ne circulent pas, n'écoutent pas d'appels, ne sont pas "
        "sollicités par les conseillers.",
        "Supervisors walk the floor, listen in, and agents raise a hand to ask them.",
        "Les superviseurs circulent, écoutent des appels, et les conseillers les sollicitent."),
    GridItem(
        "hands", 2, "Hands that do not move", "Des mains qui ne bougent pas",
        "Agents on calls without typing, no second screen, no contact reason keyed in.",
        "Conseillers en appel sans taper, pas de second écran, pas de motif saisi.",
        "Agents type while they talk and key the contact reason before the next call.",
        "Les conseillers tapent en parlant et saisissent le motif avant l'appel suivant."),
    GridItem(
        "too_calm", 3, "A floor that is too calm", "Un plateau trop calme",
        "No voices, no rhythm: too little traffic, people brought in to fill seats, or a "
        "management so strict that nobody speaks.",
        "Pas de voix, pas de rythme : trop peu de trafic, des personnes venues remplir les "
        "sièges, ou un management si strict que personne ne parle.",
        "A steady hum of conversations that follows the traffic of the hour.",
        "Un bruit de fond régulier de conversations, qui suit le trafic de l'heure."),
    GridItem(
        "too_loud", 4, "A floor that is too loud", "Un plateau trop bruyant",
        "Disorder, supervisors who lost control, nobody knows who is on a call.",
        "Désordre, superviseurs débordés, personne ne sait qui est en appel.",
        "Busy but orderly: each agent's state is known, supervisors steer the queue.",
        "Chargé mais ordonné : l'état de chaque conseiller est connu, les superviseurs "
        "pilotent la file."),
    GridItem(
        "indicators", 5, "No visible indicators", "Pas d'indicateurs visibles",
        "No wallboard showing waiting contacts, answer rate, floor state, objectives; or "
        "screens that nobody uses to act.",
        "Pas d'écran montrant les contacts en attente, le taux de décroché, l'état du "
        "plateau, les objectifs ; ou des écrans dont personne ne se sert pour agir.",
        "Live screens in sight of every agent, and supervisors who react to them.",
        "Des écrans à jour, visibles de chaque conseiller, et des superviseurs qui "
        "réagissent."),
    GridItem(
        "guided_tour", 6, "A guided tour", "Une visite guidée",
        "A fixed route, a guide who never leaves, no free talk with agents or supervisors, "
        "no listening session offered.",
        "Un parcours imposé, un guide qui ne vous quitte pas, pas d'échange libre avec les "
        "conseillers ou superviseurs, pas de séance d'écoute proposée.",
        "Free movement, agents and supervisors who talk openly, a listening session offered.",
        "Circulation libre, conseillers et superviseurs qui parlent ouvertement, séance "
        "d'écoute proposée."),
)


def word_key(text: str) -> str:
    """Words as compared with ours: without case, accents or punctuation, so that
    "Non-observé" is "non observe" and "Pas d’indicateurs" (a typographic apostrophe) is
    "pas d'indicateurs"."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "_", text.lower()).strip("_")


_RATING_KEYS = {word_key(word): rating for rating, words in RATING_WORDS.items()
                for word in words}


def parse_rating(value) -> str | None:
    """A rating as people write it (French or English words, 0/1/2), or None."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip().lower()
    if text.endswith((".0", ",0")):  # a spreadsheet's number
        text = text[:-2]
    return _RATING_KEYS.get(word_key(text))


def list_visit_grids(store: Store) -> pd.DataFrame:
    """grid, version, valid_from, items: every stored version."""
    return store.read("""SELECT grid, version, min(valid_from) AS valid_from, count(*) AS items
                         FROM visit_grid_items GROUP BY grid, version ORDER BY grid, version""")


def _default_frame() -> pd.DataFrame:
    frame = pd.DataFrame([vars(i) for i in DEFAULT_ITEMS], columns=COLUMNS)
    return frame.assign(version=1, valid_from=date(2000, 1, 1))


def visit_grid(store: Store, grid: str = DEFAULT_GRID, version: int | None = None,
               on: date | None = None) -> pd.DataFrame:
    """The items of a grid version, in order: the given version, else the one in force
    `on` that day, else the latest. The default grid reads as version 1 until a pilot
    saves another."""
    items = store.read(
        f"""SELECT {', '.join(COLUMNS)}, version, valid_from FROM visit_grid_items
            WHERE grid = ? AND version = coalesce(?, (
                SELECT max(version) FROM visit_grid_items
                WHERE grid = ? AND (CAST(? AS DATE) IS NULL OR valid_from <= ?)))
            ORDER BY position""", [grid, version, grid, on, on])
    if items.empty and grid == DEFAULT_GRID and version in (None, 1):
        return _default_frame()
    if items.empty:
        if version:
            raise InvalidVisitGrid(key="error.no_visit_grid_version", grid=repr(grid),
                                   version=version)
        raise InvalidVisitGrid(key="error.no_visit_grid", grid=repr(grid))
    items["signal"] = items.signal.astype("Int64")
    return items


def _clean(table: pd.DataFrame, where: str) -> pd.DataFrame:
    """The items as stored: a key, both labels, optional guidance, a weight ≥ 0."""
    problems, rows = [], []
    table = table.reindex(columns=COLUMNS)
    for number, row in enumerate(table.to_dict("records"), start=1):
        def text(name: str, row: dict = row) -> str:
            value = row.get(name)
            return "" if value is None or (not isinstance(value, str) and pd.isna(value)) \
                else str(value).strip()
        label_en, label_fr = text("label_en"), text("label_fr")
        if not label_en and not label_fr:
            problems.append(Msg("error.visit_grid_label", where=where, row=number))
            continue
        key = text("item") or "_".join((label_en or label_fr).lower().split())[:40]
        try:
            weight = 1.0 if text("weight") == "" else float(text("weight").replace(",", "."))
            if not (weight >= 0 and math.isfinite(weight)):
                raise ValueError
        except ValueError:
            problems.append(Msg("error.visit_grid_weight", where=where, row=number,
                                value=repr(row.get("weight"))))
            continue
        signal = None
        if text("signal"):
            try:
                signal = float(text("signal").replace(",", "."))
                if signal != int(signal) or not 1 <= signal <= len(DEFAULT_ITEMS):
                    raise ValueError
                signal = int(signal)
            except (ValueError, OverflowError):
                problems.append(Msg("error.visit_grid_signal", where=where, row=number,
                                    last=len(DEFAULT_ITEMS), value=repr(row.get("signal"))))
                continue
        rows.append({"item": key, "signal": signal, "label_en": label_en or label_fr,
                     "label_fr": label_fr or label_en, "look_en": text("look_en"),
                     "look_fr": text("look_fr"), "good_en": text("good_en"),
                     "good_fr": text("good_fr"), "weight": weight})
    problems += item_list_problems([r["item"] for r in rows], where, bool(problems))
    if problems:
        raise InvalidVisitGrid(Joined("\n", problems))
    # Object columns: an item without a signal keeps None (a float column would turn it
    # into NaN, which the INTEGER column refuses).
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)


def save_visit_grid(store: Store, table: pd.DataFrame, grid: str = DEFAULT_GRID,
                    valid_from: date | None = None,
                    where: str = Msg("where.visit_grid")) -> int:
    """Store the items as a new version when they differ from the latest; the version in
    force afterwards is returned (the same items: the same version)."""
    grid = (grid or "").strip()
    if not grid:
        raise InvalidVisitGrid(key="error.grid_name", where=where)
    items = _clean(table, where)
    known = grid == DEFAULT_GRID or bool(store.scalar(
        "SELECT count(*) FROM visit_grid_items WHERE grid = ?", [grid]))
    latest = visit_grid(store, grid) if known else pd.DataFrame()
    valid_from = valid_from or clock.today()
    version = new_version(latest, items, COLUMNS, valid_from, InvalidVisitGrid, where)
    if version is None:
        return int(latest.version.iloc[0])

    def run(cur) -> None:
        if grid == DEFAULT_GRID:
            store_default_grid(cur)
        for position, row in enumerate(items.to_dict("records")):
            cur.execute("INSERT INTO visit_grid_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "?, ?, ?)", [grid, version, valid_from, position, row["item"],
                                     row["signal"], row["label_en"], row["label_fr"],
                                     row["look_en"], row["look_fr"], row["good_en"],
                                     row["good_fr"], row["weight"]])
    store.write(run)
    return version


def store_default_grid(cur) -> None:
    """Inside a write: make the default grid's version 1 explicit, so that the visits
    rated on it keep its words whatever later code says."""
    if cur.execute("SELECT count(*) FROM visit_grid_items WHERE grid = ?",
                   [DEFAULT_GRID]).fetchone()[0]:
        return
    for position, i in enumerate(DEFAULT_ITEMS):
        cur.execute("INSERT INTO visit_grid_items VALUES (?, 1, DATE '2000-01-01', ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?)", [DEFAULT_GRID, position, i.item, i.signal,
                                             i.label_en, i.label_fr, i.look_en, i.look_fr,
                                             i.good_en, i.good_fr, i.weight])
