"""Settings declared once: name, default and help. CLI help and the settings page read them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "cockpit.duckdb"


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


PROVIDER_SETTINGS: tuple[Setting, ...] = (
    Setting("time_zone", "Europe/Paris", "Time zone of the provider's timestamps without offset."),
    Setting("sl_threshold_s", 20, "Service-level threshold T in seconds (answered within T)."),
    Setting("short_abandon_s", 5, "Abandons shorter than this (seconds) are short abandons."),
    Setting("repeat_window_days", 7, "Window in days for repeat contacts (FCR)."),
    Setting(
        "sl_variant",
        "net",
        "Service-level definition: net, offered, answered or abandons_in_sl.",
    ),
)
PROVIDER_DEFAULTS = {s.name: s.default for s in PROVIDER_SETTINGS}


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The database path: --db, else COCKPIT_DB, else data/cockpit.duckdb."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get("COCKPIT_DB")
    if env:
        return Path(env)
    return DEFAULT_DB


# Settings of the whole cockpit, stored in the database (app_settings) and edited on the
# Settings page; the inbox defaults to a folder beside the database file.
APP_SETTINGS: tuple[Setting, ...] = (
    Setting("inbox_dir", "", "Folder where providers drop exports (empty: 'inbox' beside the "
                             "database file)."),
    Setting("stale_after_min", 15, "A wallboard shows its feed as stale after this many "
                                   "minutes without new data."),
    Setting("watch_interval_s", 10, "How often the inbox is looked at, in seconds."),
    Setting("calibration_tolerance", 5.0, "A calibration scoring is aligned when its total "
                                          "is within this many points (of 100) of the "
                                          "reference."),
    Setting("evaluations_per_agent_month", 3, "Evaluations each agent should get a month "
                                              "(coverage target)."),
)

# Limits on what one imported file may claim, checked before it is parsed (a file over one
# is refused, naming the limit). Stored like the settings above, so the app, `cockpit
# import` and `cockpit watch` read the same values; the defaults keep one import's peak
# memory well under 2 GiB.
INTAKE_LIMITS: tuple[Setting, ...] = (
    Setting("max_file_mb", 256, "Largest file imported, in MB (on disk)."),
    Setting("max_rows", 3_000_000, "Most rows (lines) in one file."),
    Setting("max_columns", 1_000, "Most columns in one file's header or sheet."),
    Setting("max_cell_kb", 1_024, "Largest cell (CSV field or XLSX cell), in KB."),
    Setting("max_xlsx_cells", 2_000_000, "Most cells an XLSX sheet may declare or hold "
                                         "(rows x columns of its extent)."),
    Setting("max_xlsx_uncompressed_mb", 512, "Largest total uncompressed size of an XLSX "
                                             "workbook's parts, in MB (zip bombs)."),
    Setting("import_memory_mb", 800, "DuckDB's memory while it imports, in MB (beyond it, "
                                     "its work spills to disk)."),
)
APP_SETTINGS = APP_SETTINGS + INTAKE_LIMITS
APP_DEFAULTS = {s.name: s.default for s in APP_SETTINGS}
