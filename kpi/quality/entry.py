"""An evaluation entered on a grid by an evaluator, stored through the importer like any
export (same checks, history and undo)."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import pandas as pd

from kpi.ingest.importer import ImportReport, import_files
from kpi.quality.grids import grid_items
from kpi.store import Store


def record_evaluation(store: Store, provider: str, grid: str, agent_id: str, evaluator: str,
                      contact_id: str | None, evaluated_at: datetime,
                      scores: dict[str, float], session_id: str | None = None,
                      is_reference: bool = False) -> ImportReport:
    """Store one evaluation (every item of the grid's version in force, scored)."""
    items = grid_items(store, grid)
    stamp = evaluated_at.strftime("%Y%m%d%H%M%S")
    evaluation_id = f"UI-{stamp}-{agent_id}-{evaluator}".replace(" ", "_")
    frame = pd.DataFrame({
        "evaluation_id": evaluation_id, "evaluated_at": evaluated_at.strftime(
            "%Y-%m-%d %H:%M:%S"),
        "agent_id": agent_id, "evaluator": evaluator, "contact_id": contact_id or "",
        "grid": grid, "item": items["item"], "score": [scores.get(i) for i in items["item"]],
        "max_score": items.max_score, "session_id": session_id or "",
        "is_reference": "yes" if is_reference else "no"})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"evaluation_{evaluation_id}.csv"
        frame.to_csv(path, index=False)
        return import_files(store, [(path, path.name)], provider=provider,
                            profile="evaluations", imported_by=evaluator)[0]
