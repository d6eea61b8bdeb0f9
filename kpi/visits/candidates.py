"""Providers in selection: a candidate has no contract and no data yet, only the figures it
announces in its answer to the tender. Promoting the chosen one makes it an active provider;
its visits and announced figures stay (they are keyed by its name)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from kpi import clock
from kpi.errors import CockpitError, NotFound
from kpi.provider_settings import insert_provider
from kpi.store import Store

# Figures a candidate announces: a KPI of the registry where one exists, else a price.
# id -> unit (the units of kpi/i18n.format_value).
ANNOUNCED: dict[str, str] = {
    "answer_rate": "pct",
    "service_level": "pct",
    "aht_s": "seconds",
    "quality_score": "pct",
    "csat_score": "pct",
    "price_per_hour": "amount",
    "price_per_contact": "amount",
}


class InvalidCandidate(CockpitError):
    pass


def stages(store: Store) -> pd.DataFrame:
    """name, stage (candidate/active), promoted_on: every provider."""
    return store.read("SELECT name, coalesce(stage, 'active') AS stage, promoted_on "
                      "FROM providers ORDER BY name")


def candidates(store: Store) -> list[str]:
    return stages(store).query("stage == 'candidate'").name.tolist()


def add_candidate(store: Store, name: str, time_zone: str | None = None) -> None:
    """A provider in selection. Refused when the name is taken (a provider or candidate)."""
    name = (name or "").strip()
    if not name:
        raise InvalidCandidate(key="error.candidate_name")
    if store.scalar("SELECT count(*) FROM providers WHERE name = ?", [name]):
        raise InvalidCandidate(key="error.candidate_exists", name=repr(name))

    def add_candidate(cur) -> None:
        insert_provider(cur, name, time_zone, stage="candidate")
    store.write(add_candidate)


def promote(store: Store, name: str, on: date | None = None) -> None:
    """The chosen candidate becomes an active provider; its history stays."""
    if name not in candidates(store):
        raise NotFound(key="error.not_candidate", name=repr(name))

    def promote_candidate(cur) -> None:
        cur.execute("UPDATE providers SET stage = 'active', promoted_on = ? WHERE name = ?",
                    [on or clock.today(), name])
    store.write(promote_candidate)


def announce(store: Store, provider: str, figures: dict[str, float | None],
             announced_on: date | None = None) -> None:
    """Replace what a provider announced for these figures (None clears one). Rates are
    fractions (0.9), durations seconds, prices in the money of the contract."""
    unknown = sorted(set(figures) - set(ANNOUNCED))
    if unknown:
        raise InvalidCandidate(key="error.unknown_figures_one" if len(unknown) == 1
                               else "error.unknown_figures", figures=", ".join(unknown),
                               known=", ".join(ANNOUNCED))
    if not store.scalar("SELECT count(*) FROM providers WHERE name = ?", [provider]):
        raise NotFound(key="error.unknown_provider", name=repr(provider))
    for figure, value in figures.items():
        if value is not None and not (value >= 0 and math.isfinite(value) and (
                ANNOUNCED[figure] != "pct" or value <= 1)):
            raise InvalidCandidate(key="error.figure_rate" if ANNOUNCED[figure] == "pct"
                                   else "error.figure_positive", figure=figure,
                                   value=repr(value))

    def announce_figures(cur) -> None:
        for figure, value in figures.items():
            cur.execute("DELETE FROM announced_figures WHERE provider = ? AND figure = ?",
                        [provider, figure])
            if value is not None:
                cur.execute("INSERT INTO announced_figures VALUES (?, ?, ?, ?, NULL)",
                            [provider, figure, float(value), announced_on])
    store.write(announce_figures)


def announced(store: Store, providers: list[str]) -> pd.DataFrame:
    """provider, figure, value, announced_on: the figures these providers announced."""
    return store.read("SELECT provider, figure, value, announced_on FROM announced_figures "
                      "WHERE list_contains(?, provider) ORDER BY provider, figure",
                      [providers])
