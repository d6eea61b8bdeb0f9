"""Finalists compared: candidates (or any providers) side by side, each with its latest
visit's rating of every grid item, the figures it announced, and a score weighted as the
pilot sets it. A signal rated serious stands out whatever the score: a weighted mean must
never hide a guided tour."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import pandas as pd

from kpi.errors import CockpitError, NotFound
from kpi.settings import store_settings
from kpi.store import Store
from kpi.visits.candidates import ANNOUNCED, announced
from kpi.visits.grids import DEFAULT_GRID, visit_grid
from kpi.visits.reports import list_visits, visit_items, visit_score

WEIGHTS_SETTING = "selection_weights"


class InvalidWeights(CockpitError):
    pass


@dataclass
class Selection:
    providers: list[str]
    visits: pd.DataFrame  # the latest visit of each provider (list_visits' columns)
    ratings: pd.DataFrame  # item, signal, label_en, label_fr, weight, <provider>... ratings
    figures: pd.DataFrame  # figure, unit, <provider>... announced values
    scores: dict[str, float | None]  # provider -> weighted score (None: never visited)
    serious: dict[str, list[str]]  # provider -> items rated serious
    weights: dict[str, float]  # item -> the weight used
    notes: dict[str, pd.DataFrame]  # provider -> its latest visit's item, rating, notes


def selection_weights(store: Store) -> dict[str, float]:
    """The weights the pilot set per item (items not set keep their grid weight)."""
    stored = store.scalar("SELECT value FROM app_settings WHERE name = ?", [WEIGHTS_SETTING])
    try:
        values = json.loads(stored) if stored else {}
        return {str(k): float(v) for k, v in values.items()}
    except (ValueError, TypeError, AttributeError):
        return {}  # a damaged setting falls back to the grid's weights


def save_selection_weights(store: Store, weights: dict[str, float]) -> None:
    if any(w is None or not (w >= 0 and math.isfinite(w)) for w in weights.values()):
        raise InvalidWeights(key="error.weight_negative")
    if weights and not sum(weights.values()) > 0:
        raise InvalidWeights(key="error.weight_zero")
    store_settings(store, [(WEIGHTS_SETTING, json.dumps(weights, sort_keys=True))])


def compare(store: Store, providers: list[str], weights: dict[str, float] | None = None
            ) -> Selection:
    """The providers' latest visits side by side. Unknown names are refused."""
    known = set(store.read("SELECT name FROM providers").name)
    unknown = [p for p in providers if p not in known]
    if unknown:
        raise NotFound(key="error.unknown_providers_one" if len(unknown) == 1
                       else "error.unknown_providers", names=", ".join(unknown))
    weights = {**selection_weights(store), **(weights or {})}
    visits = list_visits(store, providers=providers)
    latest = visits.drop_duplicates("provider").set_index("provider")
    rows = visit_grid(store, DEFAULT_GRID)[["item", "signal", "label_en", "label_fr",
                                             "weight"]]
    ratings, scores, serious, notes = {}, {}, {}, {}
    for provider in providers:
        if provider not in latest.index:
            scores[provider], serious[provider] = None, []
            continue
        items = visit_items(store, int(latest.loc[provider, "visit_id"]))
        extra = items[~items.item.isin(rows.item)]
        rows = pd.concat([rows, extra[rows.columns]], ignore_index=True)
        ratings[provider] = dict(zip(items.item, items.rating, strict=True))
        scores[provider] = visit_score(items, weights)
        serious[provider] = items[items.rating == "serious"].item.tolist()
        notes[provider] = items[["item", "rating", "notes"]]
    rows = rows.assign(weight=[float(weights.get(i, w)) for i, w in zip(
        rows.item, rows.weight, strict=True)])
    for provider in providers:
        rows[provider] = rows.item.map(ratings.get(provider, {}))
    said = announced(store, providers)
    figures = pd.DataFrame({"figure": list(ANNOUNCED), "unit": list(ANNOUNCED.values())})
    for provider in providers:
        mine = said[said.provider == provider].set_index("figure").value
        figures[provider] = figures.figure.map(mine)
    return Selection(providers, latest.reset_index(), rows, figures, scores, serious,
                     dict(zip(rows.item, rows.weight, strict=True)), notes)
