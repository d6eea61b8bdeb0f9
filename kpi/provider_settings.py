"""KPI settings per provider and per queue (SPEC §3), and the sentence that states them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kpi.errors import CockpitError, Msg
from kpi.i18n import t
from kpi.metrics.repeats import widen_horizon
from kpi.settings import PROVIDER_DEFAULTS
from kpi.store import Store

if TYPE_CHECKING:  # `cockpit kpis` states the SL definition without loading pandas
    import pandas as pd

SL_VARIANTS = ("net", "offered", "answered", "abandons_in_sl")
_PROVIDER_COLUMNS = ["name", "time_zone", "sl_threshold_s", "short_abandon_s",
                     "repeat_window_days", "sl_variant"]
_QUEUE_COLUMNS = ["provider", "queue", "sl_threshold_s", "short_abandon_s",
                  "repeat_window_days", "sl_variant"]

class InvalidSetting(CockpitError):
    pass


def provider_settings(store: Store) -> pd.DataFrame:
    return store.read(f"SELECT {', '.join(_PROVIDER_COLUMNS)} FROM providers ORDER BY name")


def queue_settings(store: Store) -> pd.DataFrame:
    return store.read(f"SELECT {', '.join(_QUEUE_COLUMNS)} FROM queue_settings "
                      "ORDER BY provider, queue")


def _missing(value) -> bool:
    """An empty cell of an edited table: None, NaN, NaT or pandas' NA."""
    try:
        return value is None or bool(value != value)
    except TypeError:  # NA != NA is NA, which has no truth value
        return True


def _check(row: dict, where: Msg) -> None:
    variant = row.get("sl_variant")
    if variant is not None and not _missing(variant) and variant not in SL_VARIANTS:
        raise InvalidSetting(key="error.sl_variant", where=where,
                             variants=", ".join(SL_VARIANTS), value=repr(variant))
    for name in ("sl_threshold_s", "short_abandon_s", "repeat_window_days"):
        value = row.get(name)
        if value is not None and not _missing(value) and float(value) < 0:
            raise InvalidSetting(key="error.setting_negative", where=where, name=name,
                                 value=value)
    zone = row.get("time_zone")
    if zone is not None:
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise InvalidSetting(key="error.time_zone", where=where, zone=repr(zone)) from e


def save_settings(store: Store, providers: pd.DataFrame | None = None,
                  queues: pd.DataFrame | None = None) -> None:
    """Provider settings and queue overrides (an empty cell falls back to the provider's
    value), all checked before anything is written, then written in one transaction, where
    a longer repeat window than the stored repeats hold recomputes them once."""
    writes = [*([] if providers is None else [_provider_rows(providers)]),
              *([] if queues is None else [_queue_rows(queues)])]

    def write_all(cur) -> None:
        for write in writes:
            write(cur)
        widen_horizon(cur)
    store.write(write_all)


def save_provider_settings(store: Store, table: pd.DataFrame) -> None:
    save_settings(store, providers=table)


def save_queue_settings(store: Store, table: pd.DataFrame) -> None:
    """Replace the queue overrides."""
    save_settings(store, queues=table)


def _provider_rows(table: pd.DataFrame) -> Callable:
    """The checked rows' write."""
    rows = table[_PROVIDER_COLUMNS].to_dict("records")
    for row in rows:
        _check(row, Msg("error.provider_where", name=row["name"]))

    def write(cur) -> None:
        for row in rows:
            cur.execute("""UPDATE providers SET time_zone = ?, sl_threshold_s = ?,
                           short_abandon_s = ?, repeat_window_days = ?, sl_variant = ?
                           WHERE name = ?""",
                        [row["time_zone"], row["sl_threshold_s"], row["short_abandon_s"],
                         int(row["repeat_window_days"]), row["sl_variant"], row["name"]])
    return write


def _queue_rows(table: pd.DataFrame) -> Callable:
    """The checked overrides' write: they replace the stored ones."""
    table = table.dropna(subset=["provider", "queue"])
    rows = [{k: (None if _missing(v) else v) for k, v in r.items()}
            for r in table[_QUEUE_COLUMNS].to_dict("records")]
    for row in rows:
        _check(row, Msg("error.queue_where", provider=row["provider"], queue=row["queue"]))

    def write(cur) -> None:
        cur.execute("DELETE FROM queue_settings")
        cur.executemany(f"INSERT INTO queue_settings ({', '.join(_QUEUE_COLUMNS)}) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [list(r.values()) for r in rows])
    return write


def insert_provider(cur, name: str, time_zone: str | None = None,
                    stage: str = "active") -> None:
    """Inside a write: a new provider with the settings' defaults (kpi/settings.py), unless
    it exists."""
    values = {**PROVIDER_DEFAULTS, **({"time_zone": time_zone} if time_zone else {})}
    cur.execute(f"INSERT INTO providers (name, stage, {', '.join(values)}) "
                f"VALUES (?, ?{', ?' * len(values)}) ON CONFLICT DO NOTHING",
                [name, stage, *values.values()])


@dataclass(frozen=True)
class SlDefinition:
    """A service-level definition in force: the variant, its threshold and the short-abandon
    threshold (seconds)."""
    variant: str
    threshold_s: float
    short_abandon_s: float

    def text(self, lang: str) -> str:
        return t(f"sl.variant.{self.variant}", lang, t=f"{self.threshold_s:g}",
                 s=f"{self.short_abandon_s:g}")


def sl_definitions(store: Store, providers: list[str] | None = None
                   ) -> tuple[SlDefinition, ...]:
    """The service-level definitions in force for these providers (all if None), each
    once, providers' and queues' overrides alike."""
    _, effective = store.rows(
        """SELECT DISTINCT coalesce(q.sl_variant, p.sl_variant) AS variant,
                  coalesce(q.sl_threshold_s, p.sl_threshold_s) AS t,
                  coalesce(q.short_abandon_s, p.short_abandon_s) AS s
           FROM providers p LEFT JOIN queue_settings q ON q.provider = p.name
           WHERE ? IS NULL OR list_contains(?, p.name)
           ORDER BY ALL""", [providers, providers])
    return tuple(SlDefinition(variant, float(t_s), float(s_s))
                 for variant, t_s, s_s in effective)


def sl_text(definitions: tuple[SlDefinition, ...], lang: str) -> str:
    """The definitions as the sentence every view and export states."""
    return " · ".join(dict.fromkeys(d.text(lang) for d in definitions))


def sl_definition(store: Store, providers: list[str] | None = None, lang: str = "en") -> str:
    """The service-level definition(s) in force for these providers (all if None)."""
    return sl_text(sl_definitions(store, providers), lang)
