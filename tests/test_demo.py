"""The demo database: deterministic, built through the importers, and telling its stories."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kpi.demo import PROVIDERS, write_demo_exports
from kpi.store import Store

from .conftest import DEMO_NOW, DEMO_TODAY

PROVIDERS_NAMES = [p.name for p in PROVIDERS]


def test_demo_has_three_providers_in_three_layouts(demo_db_template):
    with Store(demo_db_template, read_only=True) as store:
        profiles = store.read("SELECT provider, list(DISTINCT profile ORDER BY profile) AS p "
                              "FROM imports WHERE kind = 'contacts' GROUP BY 1 ORDER BY 1")
        assert profiles.values.tolist() == [
            ["Atlantic Relation", ["contacts"]], ["Nordcall", ["contacts"]],
            ["Sunline BPO", ["five9"]]]
        files = store.read("SELECT file_name FROM imports").file_name
        assert files.str.endswith(".xlsx").any()
        kinds = set(store.read("SELECT DISTINCT kind FROM imports").kind)
        assert kinds == {"contacts", "agent_activity", "evaluations", "forecasts", "snapshots",
                         "declared"}
        assert store.scalar("SELECT count(DISTINCT queue) FROM contacts") == 4
        # Five9 call logs carry no site: Sunline's sites come with its agent activity.
        assert store.scalar("SELECT count(DISTINCT site) FROM agent_activity") == 5
        weeks = store.scalar("SELECT count(DISTINCT date_trunc('week', arrived_local)) "
                             "FROM contacts")
        assert weeks >= 27
        assert store.scalar("SELECT count(DISTINCT session_id) FROM evaluations "
                            "WHERE session_id IS NOT NULL") >= 3 * 6


def test_demo_has_targets_and_a_rosier_declared_report(demo_db_template):
    from kpi.governance.targets import list_targets
    from kpi.metrics.reconcile import reconcile

    with Store(demo_db_template, read_only=True) as store:
        targets = list_targets(store)
        assert set(targets.provider) == {p.name for p in PROVIDERS}
        gaps = reconcile(store, "Sunline BPO", "month")
        sl = gaps[gaps.kpi == "service_level"]
        assert (sl.gap > 0).all()  # the provider declares a better service level
        counts = gaps[gaps.kpi == "offered"]
        assert (counts.gap == 0).all()


def test_demo_stories_are_in_the_data(demo_db_template):
    with Store(demo_db_template, read_only=True) as store:
        # Sunline's agents rarely key in a contact reason (handled contacts only).
        trace = dict(store.read("""SELECT provider, avg((contact_reason IS NOT NULL)::INT)
                                   FROM contacts WHERE answered_at IS NOT NULL
                                   GROUP BY 1""").values)
        assert trace["Sunline BPO"] < 0.7 < min(trace["Atlantic Relation"], trace["Nordcall"])
        # Atlantic's share answered within 20 s falls over the last weeks.
        sl = store.read("""SELECT arrived_local >= ? - INTERVAL 28 DAY AS recent,
                                  avg((answered_at IS NOT NULL AND wait_s <= 20)::INT) AS sl
                           FROM contacts WHERE provider = 'Atlantic Relation'
                           GROUP BY 1 ORDER BY 1""", [DEMO_NOW])
        early, recent = sl.sl.tolist()
        assert recent < early - 0.15


def test_demo_exports_are_deterministic(demo_db_template, tmp_path):
    """Written again, every provider's export is byte for byte the one the run's demo
    database was built from (build_demo keeps them in demo_exports beside it)."""
    again = write_demo_exports(tmp_path / "again", today=DEMO_TODAY, now=DEMO_NOW)
    built = demo_db_template.parent / "demo_exports"
    for name in PROVIDERS_NAMES:
        assert again[name], name
        for path in again[name]:
            if path.suffix == ".xlsx":  # a workbook's zip stamps its parts with the time
                pd.testing.assert_frame_equal(_cells(path), _cells(built / path.name))
            else:
                assert path.read_bytes() == (built / path.name).read_bytes(), path.name


def _cells(workbook: Path) -> pd.DataFrame:
    return pd.read_excel(workbook, header=None, dtype=object, engine="calamine")


# A demo built right now writes its floor snapshots in the providers' clock (Europe/Paris),
# not the machine's: tests/test_browser_links.py builds one on a machine far from Paris and
# finds its kiosk board live.


def test_a_demo_built_before_the_floor_opens_has_a_reading_just_taken_not_a_future_one():
    """Built at 06:12, the floor's last snapshot is 06:10 (an empty floor, still reported),
    never an 08:00 reading from the future that the board ignores and calls stale."""
    from datetime import datetime

    import numpy as np
    import pandas as pd

    from kpi.demo import generate_snapshots

    contacts = pd.DataFrame({"arrived_at": pd.to_datetime(["2026-03-17 09:00"]),
                             "queue": ["Ventes"], "wait_s": [3]})
    for now, first, last in ((datetime(2026, 3, 18, 6, 12, 40), "00:00", "06:10"),
                             (datetime(2026, 3, 18, 14, 30), "08:00", "14:30")):
        at = generate_snapshots(contacts, now, np.random.default_rng(1))["at"]
        assert (at.min()[-8:-3], at.max()[-8:-3]) == (first, last)
        assert at.max() <= f"{now:%Y-%m-%d %H:%M:%S}"
