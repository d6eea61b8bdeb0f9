"""Wallboards saved by name: scope(s), tiles, thresholds, refresh and rotation."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import pandas as pd

from kpi.errors import CockpitError, Joined, Msg, NotFound
from kpi.live.board import TILES, Threshold
from kpi.store import Store

REFRESH_RANGE = (5, 60)  # seconds between two refreshes of the tiles
ROTATE_RANGE = (5, 600)  # seconds each scope stays on screen


class InvalidBoard(CockpitError):
    pass


@dataclass(frozen=True)
class Scope:
    provider: str
    queues: tuple[str, ...] = ()  # empty: all the provider's queues


@dataclass
class BoardConfig:
    name: str
    scopes: list[Scope]  # shown in turn, `rotate_s` each
    tiles: tuple[str, ...] = TILES
    thresholds: dict[str, Threshold] = field(default_factory=dict)  # over the targets'
    refresh_s: int = 15
    rotate_s: int = 30
    show_queues: bool = True

    def scope_at(self, epoch_s: float) -> Scope:
        """The scope on screen at this moment: every screen shows the same one."""
        return self.scopes[int(epoch_s // self.rotate_s) % len(self.scopes)]

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("name")
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, name: str, text: str) -> BoardConfig:
        data = json.loads(text)
        return cls(name=name, scopes=[Scope(s["provider"], tuple(s["queues"]))
                                      for s in data["scopes"]],
                   tiles=tuple(data["tiles"]),
                   thresholds={k: Threshold(**v) for k, v in data["thresholds"].items()},
                   refresh_s=data["refresh_s"], rotate_s=data["rotate_s"],
                   show_queues=data.get("show_queues", True))


def check_board(store: Store, board: BoardConfig) -> None:
    problems = []
    if not board.name.strip():
        problems.append(Msg("error.board_name"))
    known = set(store.read("SELECT name FROM providers").name)
    if not board.scopes:
        problems.append(Msg("error.board_scope"))
    for scope in board.scopes:
        if scope.provider not in known:
            problems.append(Msg("error.unknown_provider", name=repr(scope.provider)))
    unknown = [t for t in board.tiles if t not in TILES]
    if unknown or not board.tiles:
        problems.append(Msg("error.board_tiles", tiles=", ".join(TILES)))
    for low, high, value, name in ((*REFRESH_RANGE, board.refresh_s, "refresh"),
                                   (*ROTATE_RANGE, board.rotate_s, "rotation")):
        if not low <= value <= high:
            problems.append(Msg(f"error.board_{name}", low=low, high=high, value=value))
    for tile, limit in board.thresholds.items():
        if tile not in TILES:
            problems.append(Msg("error.board_threshold_tile", tile=repr(tile)))
        elif limit.better == "higher" and limit.red > limit.green or \
                limit.better == "lower" and limit.red < limit.green:
            problems.append(Msg("error.board_threshold", tile=tile,
                                better=Msg(f"board.better.{limit.better}")))
    if problems:
        raise InvalidBoard(Joined("; ", problems))


def save_board(store: Store, board: BoardConfig) -> None:
    check_board(store, board)
    store.write(lambda cur: cur.execute(
        "INSERT OR REPLACE INTO wallboards VALUES (?, ?, ?)",
        [board.name.strip(), board.to_json(), datetime.now(UTC)]))


def list_boards(store: Store) -> list[str]:
    return store.read("SELECT name FROM wallboards ORDER BY name").name.tolist()


def load_board(store: Store, name: str) -> BoardConfig:
    rows = store.read("SELECT config FROM wallboards WHERE name = ?", [name])
    if rows.empty:
        raise NotFound(key="error.no_board", name=repr(name))
    return BoardConfig.from_json(name, rows.config.iloc[0])


def delete_board(store: Store, name: str) -> None:
    """The board and its screen links: a board saved later under the same name must not
    revive them (it may show another provider)."""
    def delete_board_and_links(cur) -> None:
        cur.execute("DELETE FROM board_links WHERE board = ?", [name])
        cur.execute("DELETE FROM wallboards WHERE name = ?", [name])
    store.write(delete_board_and_links)


DEFAULT_REFRESH_S = 15


def refresh_from_query(text: str | None) -> int:
    """?refresh= as seconds within REFRESH_RANGE: 0 would freeze the board (and its stale
    banner), a huge value too; anything that is not a number is the default."""
    try:
        seconds = float(text) if text is not None else float("nan")
    except ValueError:
        seconds = float("nan")
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return DEFAULT_REFRESH_S
    low, high = REFRESH_RANGE
    return int(min(high, max(low, round(seconds))))


def board_from_query(params: dict[str, str], providers: list[str]) -> BoardConfig:
    """An unsaved board from a URL: ?provider=NAME&queue=A,B&refresh=10. The names are only
    ever data (query parameters, escaped text); the refresh is clamped into REFRESH_RANGE."""
    provider = params.get("provider") or (providers[0] if providers else "")
    queues = tuple(q for q in (params.get("queue") or "").split(",") if q)
    return BoardConfig(name="", scopes=[Scope(provider, queues)],
                       refresh_s=refresh_from_query(params.get("refresh")))


def boards_table(store: Store) -> pd.DataFrame:
    rows = store.read("SELECT name, config, saved_at FROM wallboards ORDER BY name")
    boards = [BoardConfig.from_json(r.name, r.config) for r in rows.itertuples()]
    return pd.DataFrame({
        "name": [b.name for b in boards],
        "scopes": [" → ".join(f"{s.provider}{' / ' + ', '.join(s.queues) if s.queues else ''}"
                              for s in b.scopes) for b in boards],
        "refresh_s": [b.refresh_s for b in boards],
        "rotate_s": [b.rotate_s for b in boards]})
