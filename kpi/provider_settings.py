"""KPI settings per provider and per queue (SPEC §3), and the sentence that states them."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from kpi.errors import CockpitError
from kpi.store import Store

SL_VARIANTS = ("net", "offered", "answered", "abandons_in_sl")
_PROVIDER_COLUMNS = ["name", "time_zone", "sl_threshold_s", "short_abandon_s",
                     "repeat_window_days", "sl_variant"]
_QUEUE_COLUMNS = ["provider", "queue", "sl_threshold_s", "short_abandon_s",
                  "repeat_window_days", "sl_variant"]

_SL_TEXT = {
    "net": ("SL {t} s, net of short abandons < {s} s", "NS {t} s, hors abandons courts < {s} s"),
    "offered": ("SL {t} s, of offered contacts", "NS {t} s, sur les contacts présentés"),
    "answered": ("SL {t} s, of answered contacts", "NS {t} s, sur les contacts traités"),
    "abandons_in_sl": ("SL {t} s, abandons within {t} s count as in SL",
                       "NS {t} s, abandons de moins de {t} s comptés dans le seuil"),
}


class InvalidSetting(CockpitError):
    pass


def provider_settings(store: Store) -> pd.DataFrame:
    return store.read(f"SELECT {', '.join(_PROVIDER_COLUMNS)} FROM providers ORDER BY name")


def queue_settings(store: Store) -> pd.DataFrame:
    return store.read(f"SELECT {', '.join(_QUEUE_COLUMNS)} FROM queue_settings "
                      "ORDER BY provider, queue")


def _check(row: dict, where: str) -> None:
    variant = row.get("sl_variant")
    if variant is not None and not pd.isna(variant) and variant not in SL_VARIANTS:
        raise InvalidSetting(f"{where}: sl_variant must be one of {', '.join(SL_VARIANTS)}, "
                             f"not {variant!r}")
    for name in ("sl_threshold_s", "short_abandon_s", "repeat_window_days"):
        value = row.get(name)
        if value is not None and not pd.isna(value) and float(value) < 0:
            raise InvalidSetting(f"{where}: {name} must be 0 or more, not {value}")
    zone = row.get("time_zone")
    if zone is not None:
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise InvalidSetting(f"{where}: unknown time zone {zone!r} (e.g. Europe/Paris)") \
                from e


def save_provider_settings(store: Store, table: pd.DataFrame) -> None:
    rows = table[_PROVIDER_COLUMNS].to_dict("records")
    for row in rows:
        _check(row, f"provider {row['name']}")

    def run(cur) -> None:
        for row in rows:
            cur.execute("""UPDATE providers SET time_zone = ?, sl_threshold_s = ?,
                           short_abandon_s = ?, repeat_window_days = ?, sl_variant = ?
                           WHERE name = ?""",
                        [row["time_zone"], row["sl_threshold_s"], row["short_abandon_s"],
                         int(row["repeat_window_days"]), row["sl_variant"], row["name"]])
    store.write(run)


def save_queue_settings(store: Store, table: pd.DataFrame) -> None:
    """Replace the queue overrides; an empty cell falls back to the provider's value."""
    table = table.dropna(subset=["provider", "queue"])
    rows = [{k: (None if pd.isna(v) else v) for k, v in r.items()}
            for r in table[_QUEUE_COLUMNS].to_dict("records")]
    for row in rows:
        _check(row, f"queue {row['provider']} / {row['queue']}")

    def run(cur) -> None:
        cur.execute("DELETE FROM queue_settings")
        cur.executemany(f"INSERT INTO queue_settings ({', '.join(_QUEUE_COLUMNS)}) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [list(r.values()) for r in rows])
    store.write(run)


def sl_definition(store: Store, providers: list[str] | None = None, lang: str = "en") -> str:
    """The service-level definition(s) in force for these providers (all if None)."""
    effective = store.read(
        """SELECT DISTINCT coalesce(q.sl_variant, p.sl_variant) AS variant,
                  coalesce(q.sl_threshold_s, p.sl_threshold_s) AS t,
                  coalesce(q.short_abandon_s, p.short_abandon_s) AS s
           FROM providers p LEFT JOIN queue_settings q ON q.provider = p.name
           WHERE ? IS NULL OR list_contains(?, p.name)
           ORDER BY ALL""", [providers, providers])
    texts = [_SL_TEXT[r.variant][1 if lang == "fr" else 0].format(t=f"{r.t:g}", s=f"{r.s:g}")
             for r in effective.itertuples()]
    return " · ".join(dict.fromkeys(texts))
