"""A stand-in for the providers' ACDs: real-time snapshots dropped into the inbox.

`cockpit demo-feed` writes one snapshot file per demo provider every so often, as a
provider's ACD would; the inbox's writer imports them and the wallboards pick them up.
It only writes files: it never opens the database, so it runs beside the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from kpi.demo import PROVIDERS, QUEUES, providers_now


def snapshot_frame(now: datetime, rng: np.random.Generator, strain: float = 1.0
                   ) -> pd.DataFrame:
    """One row per queue at `now` (local wall clock), as an ACD's real-time view."""
    rows = []
    for queue in QUEUES:
        waiting = int(rng.poisson(2.0 * strain))
        rows.append({"at": now.strftime("%Y-%m-%d %H:%M:%S"), "queue": queue,
                     "waiting": waiting,
                     "longest_wait_s": int(rng.exponential(15 * strain)) if waiting else 0,
                     "agents_on_contact": int(rng.integers(3, 10)),
                     "agents_available": int(rng.integers(0, 4)),
                     "agents_paused": int(rng.integers(0, 3))})
    return pd.DataFrame(rows)


def drop_snapshots(inbox: Path, now: datetime | None = None, seed: int | None = None
                   ) -> list[Path]:
    """Write each demo provider's snapshot of now into inbox/<provider>/; the file is
    written under a temporary name then renamed, so the writer never reads half a file."""
    now = now or providers_now()
    rng = np.random.default_rng(seed)
    paths = []
    for provider in PROVIDERS:
        folder = inbox / provider.name
        folder.mkdir(parents=True, exist_ok=True)
        slug = provider.name.split()[0].lower()
        target = folder / f"{slug}_realtime_{now:%Y%m%d-%H%M%S}.csv"
        partial = target.with_suffix(".part")
        snapshot_frame(now, rng, 2.5 if provider.slipping else 1.0).to_csv(partial,
                                                                            index=False)
        partial.rename(target)
        paths.append(target)
    return paths


def run_feed(inbox: Path, every_s: float, count: int | None,
             on_drop: Callable[[list[Path]], None] | None = None) -> None:
    dropped = 0
    while count is None or dropped < count:
        paths = drop_snapshots(inbox)
        dropped += 1
        if on_drop:
            on_drop(paths)
        if count is None or dropped < count:
            time.sleep(every_s)
