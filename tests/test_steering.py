"""The monthly steering committee on the demo data, against independent computations."""

from __future__ import annotations

from datetime import date

import pytest

from kpi.periods import MONTH, parse
from kpi.reports.steering import steering_committee
from kpi.store import Store

PROVIDER = "Atlantic Relation"


def test_month_figures_match_hand_written_queries(demo_db_template):
    month = date(2026, 2, 1)
    with Store(demo_db_template, read_only=True) as store:
        committee = steering_committee(store, PROVIDER, month)
        sl = store.scalar(
            """SELECT count(*) FILTER (answered_at IS NOT NULL AND wait_s <= 20)
                      / count(*) FILTER (NOT (answered_at IS NULL AND wait_s < 5))
               FROM contacts WHERE provider = ? AND direction = 'inbound'
                 AND arrived_local >= '2026-02-01' AND arrived_local < '2026-03-01'""",
            [PROVIDER])
        att = committee.attainment.set_index("kpi")
        assert att.loc["service_level", "value"] == pytest.approx(sl)
        assert att.loc["service_level", "status"] == ("met" if sl >= 0.8 else "missed")
        trends = committee.trends.set_index("period_start")
        assert len(trends) <= 12 and trends.service_level.iloc[-1] == pytest.approx(sl)
        offered = store.scalar("SELECT count(*) FROM contacts WHERE provider = ? AND "
                               "arrived_local >= '2026-02-01' AND arrived_local < '2026-03-01'",
                               [PROVIDER])
        for frame in (committee.by_queue, committee.by_site, committee.by_hour):
            assert frame.offered.sum() == offered
        assert set(committee.quality.team) >= {"NAN-T1", "CAS-T1"}
    assert parse("2026-02", MONTH).start == month
    with pytest.raises(ValueError, match="month like 2026-01"):
        parse("février", MONTH)


def test_drill_down_by_team_places_each_agent_in_the_team_of_their_latest_activity(
        demo_db_template):
    """Computed independently in pandas: contacts joined to the agent's latest team."""
    month = date(2026, 2, 1)
    with Store(demo_db_template, read_only=True) as store:
        committee = steering_committee(store, PROVIDER, month)
        activity = store.read("SELECT agent_id, team, start_local FROM agent_activity "
                              "WHERE provider = ?", [PROVIDER])
        contacts = store.read(
            """SELECT agent_id, answered_at IS NOT NULL AS answered FROM contacts
               WHERE provider = ? AND arrived_local >= '2026-02-01'
                 AND arrived_local < '2026-03-01'""", [PROVIDER])
    latest = activity.sort_values("start_local").groupby("agent_id").team.last()
    contacts["team"] = contacts.agent_id.map(latest)
    expected = contacts.groupby("team").size()
    by_team = committee.by_team.set_index("team")
    assert by_team.offered.drop(index=[t for t in by_team.index if t is None or t != t],
                                errors="ignore").to_dict() == expected.to_dict()
    assert by_team.offered.sum() == len(contacts)  # contacts with no agent: empty team
    assert (by_team.loc[by_team.index.notna(), "answer_rate"] == 1).all()
