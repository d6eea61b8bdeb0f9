"""The weekly production committee on the demo data, against independent computations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpi.governance.actions import add_note, due_actions, list_actions, save_actions
from kpi.governance.feedback import list_feedback, save_week_note, week_note
from kpi.periods import WEEK, parse
from kpi.reports.production import complete_weeks, production_committee
from kpi.store import Store

from .conftest import DEMO_TODAY

PROVIDER = "Atlantic Relation"


def hand_answer_rate(store: Store, start: date, end: date) -> float:
    """answered / (offered − short abandons), written directly over the contacts."""
    return store.scalar(
        """SELECT count(*) FILTER (answered_at IS NOT NULL)
                  / count(*) FILTER (NOT (answered_at IS NULL AND wait_s < 5))
           FROM contacts WHERE provider = ? AND direction = 'inbound'
             AND arrived_local >= ? AND arrived_local < ?""", [PROVIDER, start, end])


def test_last_complete_week_and_iso_week_names(demo_db_template):
    with Store(demo_db_template, read_only=True) as store:
        weeks = complete_weeks(store, PROVIDER, today=DEMO_TODAY)
    # DEMO_TODAY is Wednesday 18 March 2026: the last complete week starts Monday 9 March.
    assert weeks[-1] == date(2026, 3, 9)
    # Months later, the export that stopped on that Wednesday still has no complete W12.
    with Store(demo_db_template, read_only=True) as store:
        assert complete_weeks(store, PROVIDER, today=date(2026, 11, 24))[-1] == date(2026, 3, 9)
    assert parse("2026-W11", WEEK).start == date(2026, 3, 9)
    with pytest.raises(ValueError, match="ISO week like 2026-W03"):
        parse("March", WEEK)


def test_committee_figures_match_independent_computations(demo_db_template):
    week = date(2026, 3, 9)
    with Store(demo_db_template, read_only=True) as store:
        committee = production_committee(store, PROVIDER, week)
        kpis = committee.kpis.set_index("kpi")
        assert kpis.loc["answer_rate", "value"] == pytest.approx(
            hand_answer_rate(store, week, week + timedelta(days=7)))
        assert kpis.loc["answer_rate", "previous"] == pytest.approx(
            hand_answer_rate(store, week - timedelta(weeks=1), week))
        # The 4 weeks before, as one period: not the mean of four weekly rates.
        assert kpis.loc["answer_rate", "four_weeks"] == pytest.approx(
            hand_answer_rate(store, week - timedelta(weeks=4), week))
        offered = store.scalar("SELECT count(*) FROM contacts WHERE provider = ? AND "
                               "arrived_local >= ? AND arrived_local < ?",
                               [PROVIDER, week - timedelta(weeks=4), week])
        assert kpis.loc["offered", "four_weeks"] == pytest.approx(offered / 4)
        assert kpis.loc["service_level", "target"] == 0.8
        assert kpis.loc["service_level", "status"] in ("met", "missed")
        assert committee.daily.offered.sum() == kpis.loc["offered", "value"]
        assert committee.intraday.offered.sum() == kpis.loc["offered", "value"]
        assert committee.by_queue.offered.sum() == kpis.loc["offered", "value"]
        assert committee.label == "2026-W11"


def test_actions_feedback_and_notes_persist_across_restarts(demo_db):
    week = date(2026, 3, 9)
    with Store(demo_db) as store:
        assert len(list_feedback(store, PROVIDER)) == 2
        assert due_actions(store, PROVIDER, week + timedelta(days=6)).overdue.tolist() == [True]
        save_week_note(store, PROVIDER, week, "Panne téléphonie mardi 10h–11h")
        action_id = int(list_actions(store, PROVIDER).action_id.iloc[0])
        add_note(store, action_id, "=cmd|'/c calc'!A1", date(2026, 3, 12))
        table = list_actions(store, PROVIDER)
        table.loc[table.action_id == action_id, "status"] = "done"
        save_actions(store, table)
    with Store(demo_db) as store:  # a restart
        assert week_note(store, PROVIDER, week) == "Panne téléphonie mardi 10h–11h"
        reopened = list_actions(store, PROVIDER).set_index("action_id")
        assert reopened.loc[action_id, "status"] == "done"
        assert "2026-03-12: =cmd|'/c calc'!A1" in reopened.loc[action_id, "notes"]
