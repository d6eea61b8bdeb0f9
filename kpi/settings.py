"""Every setting of Cockpit, declared once: name, default, and where it is read and stored.

- The database path: `--db`, else `COCKPIT_DB`, else `data/cockpit.duckdb` (of the checkout;
  of the current folder for an installed package).
- Provider settings (time zone, service-level threshold and definition, short abandons,
  repeat window): columns of `providers`, overridden per queue in `queue_settings`
  (kpi/provider_settings.py edits them; the defaults below are those of a new provider).
- Cockpit settings (inbox, wallboards, calibration, quality coverage, currency, import
  limits, red-flag thresholds): rows of `app_settings`, read by `app_settings(store)`, written by
  `save_app_settings` (checked) or `store_settings`.
Each setting's label and help are in the catalogue (`settings.<name>` and
`settings.<name>.help`, kpi/i18n.py): the Settings page shows them, `cockpit --help` lists
them (`settings_help`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kpi.errors import CockpitError, Msg
from kpi.i18n import t

if TYPE_CHECKING:  # only its type: `cockpit --help` lists the settings without DuckDB
    from kpi.store import Store

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# In a checkout, data/ beside the code; installed (kpi/ in site-packages), data/ in the
# folder the command runs from: never a database inside site-packages.
DEFAULT_DB = (PROJECT_ROOT if (PROJECT_ROOT / "pyproject.toml").is_file() else Path()) \
    / "data" / "cockpit.duckdb"


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    label_key: str | None = None  # the catalogue key of its label: settings.<name> if None

    def label(self, lang: str) -> str:
        return t(self.label_key or f"settings.{self.name}", lang)

    def help(self, lang: str) -> str:
        return t(f"settings.{self.name}.help", lang)


PROVIDER_SETTINGS: tuple[Setting, ...] = (
    Setting("time_zone", "Europe/Paris"),
    Setting("sl_threshold_s", 20.0),
    Setting("short_abandon_s", 5.0),
    Setting("repeat_window_days", 7),
    Setting("sl_variant", "net"),
)
PROVIDER_DEFAULTS = {s.name: s.default for s in PROVIDER_SETTINGS}

# Settings of the whole cockpit; the inbox defaults to a folder beside the database file.
LIVE_SETTINGS: tuple[Setting, ...] = (
    Setting("inbox_dir", ""),
    Setting("stale_after_min", 15),
    Setting("watch_interval_s", 10),
    Setting("calibration_tolerance", 5.0),
    Setting("evaluations_per_agent_month", 3),
    Setting("currency", "EUR"),  # ISO 4217 code of the amounts (bonus / malus, payments)
)

# Limits on what one imported file may claim, checked before it is parsed (a file over one
# is refused, naming the limit). The app, `cockpit import` and `cockpit watch` read the same
# values; the defaults keep one import's peak memory well under 2 GiB.
INTAKE_LIMITS: tuple[Setting, ...] = (
    Setting("max_file_mb", 256),
    Setting("max_rows", 3_000_000),
    Setting("max_columns", 1_000),
    Setting("max_cell_kb", 1_024),
    Setting("max_xlsx_cells", 2_000_000),
    Setting("max_xlsx_uncompressed_mb", 512),
    Setting("import_memory_mb", 800),
)

# The red flags' thresholds (kpi/flags.py), `flag_<rule>`.
FLAG_THRESHOLDS: tuple[Setting, ...] = (
    Setting("flag_traceability_low", 0.90, "flag.traceability_low"),
    Setting("flag_occupancy_low", 0.60, "flag.occupancy_low"),
    Setting("flag_productivity_low", 0.70, "flag.productivity_low"),
    Setting("flag_overstaffed", 1.30, "flag.overstaffed"),
    Setting("flag_declared_gap", 0.01, "flag.declared_gap"),
    Setting("flag_stale_feed", 2.0, "flag.stale_feed"),
    Setting("flag_traffic_drop", 0.50, "flag.traffic_drop"),
)

APP_SETTINGS: tuple[Setting, ...] = LIVE_SETTINGS + INTAKE_LIMITS + FLAG_THRESHOLDS
APP_DEFAULTS = {s.name: s.default for s in APP_SETTINGS}


class InvalidAppSetting(CockpitError):
    pass


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The database path: --db, else COCKPIT_DB, else data/cockpit.duckdb."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get("COCKPIT_DB")
    if env:
        return Path(env)
    return DEFAULT_DB


def app_settings(store: Store) -> dict[str, object]:
    """Every setting: the stored value, typed like its default, else the default (a damaged
    stored value falls back to the default too)."""
    stored = dict(store.read("SELECT name, value FROM app_settings").values.tolist())
    values = {}
    for name, default in APP_DEFAULTS.items():
        try:
            values[name] = type(default)(stored[name]) if name in stored else default
        except (TypeError, ValueError):
            values[name] = default
    return values


def save_app_settings(store: Store, values: dict[str, object]) -> None:
    """Check and store settings: a known name, its default's type, above 0 for a number
    (a red-flag threshold may be 0)."""
    rows = []
    for name, value in values.items():
        if name not in APP_DEFAULTS:
            raise InvalidAppSetting(key="error.unknown_setting", name=repr(name))
        default = APP_DEFAULTS[name]
        try:
            typed = type(default)(value)
        except (TypeError, ValueError) as e:
            raise InvalidAppSetting(key="error.setting_type", name=name,
                                    kind=Msg(f"setting.kind.{type(default).__name__}"),
                                    value=repr(value)) from e
        if name == "currency" and not re.fullmatch(r"[A-Z]{3}", typed):
            raise InvalidAppSetting(key="settings.currency.invalid", value=repr(value))
        threshold = name.startswith("flag_")
        if isinstance(typed, int | float) and not (typed >= 0 if threshold else typed > 0):
            raise InvalidAppSetting(key="error.setting_zero_or_more" if threshold
                                    else "error.setting_above_zero", name=name,
                                    value=repr(value))
        rows.append((name, str(typed)))
    store_settings(store, rows)


def store_settings(store: Store, rows: list[tuple[str, str]]) -> None:
    """Write (name, value) settings in one transaction (the caller checked them)."""
    def run(cur) -> None:
        for name, value in rows:
            cur.execute("INSERT OR REPLACE INTO app_settings VALUES (?, ?)", [name, value])
    store.write(run)


def inbox_path(store: Store, override: str | Path | None = None) -> Path:
    """--inbox, else the setting, else 'inbox' beside the database file."""
    chosen = override or app_settings(store)["inbox_dir"]
    return Path(chosen) if chosen else store.path.parent / "inbox"


def settings_help(lang: str = "en") -> str:
    """Every setting with its default and help, for `cockpit --help`."""
    lines = []
    for group, settings in (("provider", PROVIDER_SETTINGS), ("live", LIVE_SETTINGS),
                            ("limits", INTAKE_LIMITS), ("flags", FLAG_THRESHOLDS)):
        lines.append(t(f"settings.group.{group}", lang) + ":")
        lines += [f"  {s.name} (default {s.default!r}): {s.help(lang)}" for s in settings]
    return "\n".join(lines)
