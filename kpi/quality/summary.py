"""The quality summary: scores by scope (the engine's quality_score), the items most often
failed, and evaluation coverage against its target."""

from __future__ import annotations

from datetime import date

import pandas as pd

from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.store import Store

FAIL_SHARE = 0.5  # an item scored under half its maximum is failed


def quality_by(store: Store, provider: str, by: str, date_from: date | None = None,
               date_to: date | None = None) -> pd.DataFrame:
    """period_start (month), <by>, quality_score, evaluations: by agent, team or site."""
    result = compute_kpis(store, KpiRequest(("quality_score",), "month", by=(by,),
                                            filters={"provider": (provider,)},
                                            date_from=date_from, date_to=date_to))
    return result.frame.rename(columns={"m__evaluations": "evaluations"})[
        ["period_start", by, "quality_score", "evaluations"]]


def most_failed_items(store: Store, provider: str, date_from: date,
                      date_to: date) -> pd.DataFrame:
    """item, critical, evaluations, failed, fail_rate: most often failed first (calibration
    scorings left out)."""
    return store.read(
        """SELECT e.item, bool_or(coalesce(g.critical, false)) AS critical,
                  count(*) AS evaluations,
                  count(*) FILTER (e.score < e.max_score * ?) AS failed,
                  count(*) FILTER (e.score < e.max_score * ?) / count(*) AS fail_rate
           FROM evaluations e
           LEFT JOIN grid_items g ON g.grid = e.grid AND g.version = e.grid_version
                AND g.item = e.item
           WHERE e.provider = ? AND e.session_id IS NULL
             AND e.evaluated_local >= ? AND e.evaluated_local < CAST(? AS DATE) + 1
           GROUP BY e.item ORDER BY fail_rate DESC, failed DESC, e.item""",
        [FAIL_SHARE, FAIL_SHARE, provider, date_from, date_to])


def coverage(store: Store, provider: str, month: date, target: int) -> pd.DataFrame:
    """agent_id, team, evaluations, target, covered: every agent who worked that month or
    was evaluated in it, fewest evaluations first."""
    end = (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()
    table = store.read(
        """WITH worked AS (SELECT agent_id, arg_max(team, start_local) AS team
                           FROM agent_activity WHERE provider = ?
                             AND start_local >= ? AND start_local < CAST(? AS DATE) + 1
                           GROUP BY agent_id),
                scored AS (SELECT agent_id, count(*) AS evaluations FROM evaluation_scores
                           WHERE provider = ? AND session_id IS NULL
                             AND evaluated_local >= ? AND evaluated_local < CAST(? AS DATE) + 1
                           GROUP BY agent_id)
           SELECT coalesce(w.agent_id, s.agent_id) AS agent_id, w.team,
                  coalesce(s.evaluations, 0) AS evaluations
           FROM worked w FULL JOIN scored s USING (agent_id)
           ORDER BY evaluations, agent_id""",
        [provider, month, end, provider, month, end])
    table["target"] = target
    table["covered"] = table.evaluations >= target
    return table
