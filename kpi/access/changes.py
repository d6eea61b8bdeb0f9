"""Who changed what: the change log each write records (kpi/store.py), for people."""

from __future__ import annotations

import pandas as pd

from kpi.store import Store


def recent_changes(store: Store, limit: int = 500) -> pd.DataFrame:
    """The latest changes first: when, which account, which operation, for which provider."""
    return store.read("SELECT changed_at, account, change, provider FROM change_log "
                      "ORDER BY changed_at DESC LIMIT ?", [limit])
