"""Settings of the whole cockpit (inbox folder, staleness, watch interval), stored in the
database so that the app and `cockpit watch` read the same values."""

from __future__ import annotations

from pathlib import Path

from kpi.errors import CockpitError
from kpi.settings import APP_DEFAULTS
from kpi.store import Store


class InvalidAppSetting(CockpitError):
    pass


def app_settings(store: Store) -> dict[str, object]:
    """Every setting: the stored value, typed like its default, else the default."""
    stored = dict(store.read("SELECT name, value FROM app_settings").values.tolist())
    return {name: type(default)(stored[name]) if name in stored else default
            for name, default in APP_DEFAULTS.items()}


def save_app_settings(store: Store, values: dict[str, object]) -> None:
    rows = []
    for name, value in values.items():
        if name not in APP_DEFAULTS:
            raise InvalidAppSetting(f"unknown setting {name!r}")
        default = APP_DEFAULTS[name]
        try:
            typed = type(default)(value)
        except (TypeError, ValueError) as e:
            raise InvalidAppSetting(f"{name} must be a {type(default).__name__}, "
                                    f"not {value!r}") from e
        if isinstance(typed, int | float) and typed <= 0:
            raise InvalidAppSetting(f"{name} must be above 0, not {value!r}")
        rows.append((name, str(typed)))
    store_settings(store, rows)


def store_settings(store: Store, rows: list[tuple[str, str]]) -> None:
    """Write checked (name, value) settings in one transaction."""
    def run(cur) -> None:
        for name, value in rows:
            cur.execute("INSERT OR REPLACE INTO app_settings VALUES (?, ?)", [name, value])
    store.write(run)


def inbox_path(store: Store, override: str | Path | None = None) -> Path:
    """--inbox, else the setting, else 'inbox' beside the database file."""
    chosen = override or app_settings(store)["inbox_dir"]
    return Path(chosen) if chosen else store.path.parent / "inbox"
