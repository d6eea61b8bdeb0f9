"""The latest floor visit as the steering and strategic committees show it: the visit, its
ratings, and, for an active provider, what the data said around it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from kpi.store import Store
from kpi.visits.reports import latest_visit, visit_items
from kpi.visits.signals import VisitData, visit_data


@dataclass
class VisitSummary:
    visit: pd.Series  # a row of reports.list_visits
    items: pd.DataFrame  # reports.visit_items: every grid item, rated or not
    data: VisitData | None  # None for a candidate (no production data)

    @property
    def disagreements(self) -> int:
        return 0 if self.data is None else len(self.data.disagreements)


def latest_visit_summary(store: Store, provider: str, until: date) -> VisitSummary | None:
    """The provider's last visit up to `until` with its data checks (None: never visited)."""
    visit = latest_visit(store, provider, until)
    if visit is None:
        return None
    data = visit_data(store, visit) if visit["stage"] == "active" else None
    return VisitSummary(visit, visit_items(store, int(visit["visit_id"])), data)
