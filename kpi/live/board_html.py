"""A board state as HTML for a screen across the room: large type, traffic-light tiles.

Sizes follow the board's width (container units), so the same board fills a 1920×1080 or
1280×720 kiosk screen and still fits as a preview beside the app's sidebar.
"""

from __future__ import annotations

import html

from kpi.i18n import format_value, t
from kpi.live.board import TILE_UNITS, BoardState

COLOURS = {"green": "#1e7d34", "amber": "#b7791f", "red": "#c62828", "neutral": "#1f3a5f"}

CSS = """
<style>
.wb-frame { container-type: inline-size; }
.wb { font-family: 'Source Sans Pro', Arial, sans-serif; color: #fff; background: #0d1726;
  padding: 0.67cqw 1.2cqw; border-radius: 8px; }
.wb-head { display: flex; justify-content: space-between; align-items: baseline;
  font-size: 1.46cqw; margin-bottom: 0.56cqw; }
.wb-head .who { font-weight: 700; font-size: 2.02cqw; }
.wb-head .clock { font-size: 2.02cqw; font-variant-numeric: tabular-nums; }
.wb-fresh { color: #9bd59b; } .wb-stale { background: #c62828; color: #fff; padding: 0.45cqw 1cqw;
  border-radius: 6px; font-size: 1.91cqw; font-weight: 700; margin-bottom: 0.56cqw;
  text-align: center; }
.wb-tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 0.56cqw 0.8cqw; }
.wb-tile { border-radius: 8px; padding: 0.56cqw 0.8cqw; min-height: 9cqw; display: flex;
  flex-direction: column; justify-content: space-between; }
.wb-tile .label { font-size: 1.29cqw; text-transform: uppercase; letter-spacing: 0.05em;
  opacity: 0.92; }
.wb-tile .value { font-size: 4.78cqw; font-weight: 700; line-height: 1;
  font-variant-numeric: tabular-nums; white-space: nowrap; }
.wb-tile .target { font-size: 1.18cqw; opacity: 0.9; min-height: 1.41cqw; }
.wb.stale .wb-tile { filter: grayscale(0.85) brightness(0.7); }
.wb-goals { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.8cqw; margin: 0.67cqw 0; }
.wb-goal { font-size: 1.29cqw; } .wb-bar { height: 0.9cqw; background: #33415a; border-radius: 4px;
  overflow: hidden; margin-top: 0.23cqw; } .wb-bar > div { height: 100%; }
.wb-queues { width: 100%; border-collapse: collapse; font-size: 1.46cqw;
  font-variant-numeric: tabular-nums; }
.wb-queues th { text-align: right; font-weight: 600; opacity: 0.8; padding: 0.23cqw 0.6cqw;
  font-size: 1.12cqw; } .wb-queues th:first-child, .wb-queues td:first-child { text-align: left; }
.wb-queues td { text-align: right; padding: 0.23cqw 0.6cqw; border-top: 1px solid #26344d; }
.wb-queues td.c-green { color: #7ee08a; } .wb-queues td.c-amber { color: #f6c25b; }
.wb-queues td.c-red { color: #ff6b6b; font-weight: 700; }
</style>
"""


def _value(tile: str, value, lang: str) -> str:
    unit = TILE_UNITS[tile]
    if unit == "seconds" and value is not None and value == value:
        return f"{value:.0f} s"
    return format_value(value, unit, lang)


def board_html(state: BoardState, tiles: tuple[str, ...], lang: str, show_queues: bool = True,
               title: str | None = None) -> str:
    who = html.escape(title or state.provider + (f" · {', '.join(state.queues)}"
                                                 if state.queues else ""))
    clock = state.now_local.strftime("%H:%M")
    if state.last_data is None:
        freshness = t("wallboard.no_data_today", lang)
    else:
        freshness = t("wallboard.data_at", lang, time=state.last_data.strftime("%H:%M"))
    banner = ""
    if state.stale:
        minutes = None if state.age is None else int(state.age.total_seconds() // 60)
        words = t("wallboard.stale", lang) if minutes is None else \
            t("wallboard.stale_for", lang, minutes=minutes)
        banner = f'<div class="wb-stale" data-state="stale">{html.escape(words)}</div>'

    targets = {o.kpi: o for o in state.objectives}
    cells = []
    for tile in tiles:
        objective = targets.get(tile)
        goal = ""
        if objective is not None:
            sign = "≥" if objective.comparator == ">=" else "≤"
            goal = t("wallboard.target", lang, sign=sign,
                     value=_value(tile, objective.target, lang))
        cells.append(
            f'<div class="wb-tile" data-tile="{html.escape(tile)}" '
            f'data-colour="{html.escape(state.colours[tile])}" '
            f'style="background:{COLOURS[state.colours[tile]]}">'
            f'<div class="label">{html.escape(t(f"wallboard.tile.{tile}", lang))}</div>'
            f'<div class="value">{html.escape(_value(tile, state.totals.get(tile), lang))}</div>'
            f'<div class="target">{html.escape(goal)}</div></div>')
    goals = []
    if state.forecast_today:
        offered = state.totals.get("offered") or 0
        share = min(1.0, offered / state.forecast_today)
        words = t("wallboard.vs_forecast", lang, offered=format_value(offered, "count", lang),
                  forecast=format_value(state.forecast_today, "count", lang))
        goals.append(_bar(words, share, "#9bb7d4"))
    for objective in state.objectives:
        if objective.value is None:
            continue
        ratio = objective.value / objective.target if objective.comparator == ">=" \
            else (objective.target / objective.value if objective.value else 1.0)
        label = t(f"wallboard.tile.{objective.kpi}", lang)
        goals.append(_bar(f"{label}: {_value(objective.kpi, objective.value, lang)} / "
                          f"{_value(objective.kpi, objective.target, lang)}",
                          min(1.0, ratio), "#1e7d34" if objective.met else "#c62828"))
    queues = ""
    if show_queues and not state.rows.empty:
        head = "".join(f"<th>{html.escape(t(f'wallboard.tile.{c}', lang))}</th>"
                       for c in tiles)
        body = "".join(
            "<tr><td>" + html.escape(str(row["queue"])) + "</td>" + "".join(
                f'<td class="c-{html.escape(str(row[f"colour_{c}"]))}">'
                f'{html.escape(_value(c, row[c], lang))}</td>'
                for c in tiles) + "</tr>"
            for row in state.rows.to_dict("records"))
        queues = (f'<table class="wb-queues"><thead><tr>'
                  f'<th>{html.escape(t("scope.queue", lang))}</th>'
                  f"{head}</tr></thead><tbody>{body}</tbody></table>")
    stale_class = " stale" if state.stale else ""
    fresh = "" if state.stale else f'<span class="wb-fresh">{html.escape(freshness)}</span>'
    return (f'{CSS}<div class="wb-frame"><div class="wb{stale_class}" data-testid="wallboard">'
            f'<div class="wb-head"><span class="who">{who}</span>{fresh}'
            f'<span class="clock">{clock}</span></div>{banner}'
            f'<div class="wb-tiles">{"".join(cells)}</div>'
            f'<div class="wb-goals">{"".join(goals)}</div>{queues}</div></div>')


def _bar(label: str, share: float, colour: str) -> str:
    return (f'<div class="wb-goal">{html.escape(label)}<div class="wb-bar">'
            f'<div style="width:{share * 100:.0f}%;background:{colour}"></div></div></div>')
