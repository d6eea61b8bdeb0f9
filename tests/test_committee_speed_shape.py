"""The shape of a committee's cold compute (issue 17), not its timing: what it asks the
database and how often, on a copy of the demo.

Every KPI request needs to know which sources hold rows and whether the settings are uniform;
those are asked once per data version and scope, not once per request. Totals per hour or
per 30-minute slot are one query on the scratch database, not one per group, and give the
digits the per-group totals give."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from kpi.access.accounts import Account, store_for
from kpi.governance.targets import list_targets, save_targets
from kpi.metrics import engine
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.periods import QUARTER, Period
from kpi.reports.production import production_committee
from kpi.reports.steering import steering_committee
from kpi.reports.strategic import strategic_committee
from kpi.store import Store

WEEK = date(2026, 3, 9)  # the demo's last complete week (DEMO_TODAY is Wed 18 March)
MONTH = date(2026, 2, 1)
QUARTER_ = Period.of(date(2025, 10, 1), QUARTER)
PROVIDERS = ["Atlantic Relation", "Nordcall", "Sunline BPO"]


@pytest.fixture
def store(demo_db, demo_clock):
    engine._FACTS.clear()  # the memo is the process's: start without the demo's facts
    with Store(demo_db) as db:
        yield db
    engine._FACTS.clear()


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """How many times each store-wide fact was asked of the database."""
    calls = {"sources_with_rows": 0, "uniform_settings": 0, "kpi_totals": 0,
             "kpi_totals_by": 0}
    for name in calls:
        original = getattr(engine, name)

        def counting(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(engine, name, counting)
    return calls


def test_each_committee_build_asks_the_store_wide_facts_once(store, counted):
    providers = [p for (p,) in store.rows("SELECT name FROM providers ORDER BY name")[1]]
    production_committee(store, "Nordcall", WEEK)
    assert counted["sources_with_rows"] == 1
    assert counted["uniform_settings"] == 1
    # The same data: the other committees ask neither again.
    steering_committee(store, "Nordcall", MONTH)
    strategic_committee(store, QUARTER_, providers)
    assert counted["sources_with_rows"] == 1
    assert counted["uniform_settings"] == 1


def test_a_write_asks_them_again(store, counted):
    production_committee(store, "Nordcall", WEEK)
    targets = list_targets(store)
    save_targets(store, targets)  # a committed write: the data version moves
    production_committee(store, "Nordcall", WEEK)
    assert counted["sources_with_rows"] == 2
    assert counted["uniform_settings"] == 2


def test_a_provider_view_has_its_own_facts(store, counted):
    own = store_for(store, Account("floor lead", "provider", "Nordcall"))
    compute_kpis(store, KpiRequest(("offered",), "month"))
    compute_kpis(own, KpiRequest(("offered",), "month"))
    compute_kpis(own, KpiRequest(("answer_rate",), "week"))
    assert counted["sources_with_rows"] == 2  # every provider's, then Nordcall's


def test_hours_and_slots_are_totalled_in_one_query(store, counted):
    production = production_committee(store, "Nordcall", WEEK)
    steering = steering_committee(store, "Nordcall", MONTH)
    assert len(production.intraday) > 20 and len(steering.by_hour) > 10
    # One grouped query each for the slots and the hours; the other totals (four weeks,
    # forecast accuracy) are single ones.
    assert counted["kpi_totals_by"] == 2
    assert counted["kpi_totals"] <= 4


def test_grouped_totals_are_the_totals_of_each_group(store):
    """The same digits as the totals of each group's rows, the groups in sorted order, rows
    without a group left out."""
    result = compute_kpis(store, KpiRequest(
        ("offered", "answer_rate", "service_level", "asa_s", "aht_s"), "interval",
        filters={"provider": ("Nordcall",)}, date_from=WEEK, date_to=date(2026, 3, 15),
        interval_minutes=60))
    hours = pd.to_datetime(result.frame.period_start).dt.hour
    groups = [None if h == 12 else h for h in hours]  # noon in no group
    grouped = result.totals_by(groups)
    expected = {h: result.totals(result.frame[hours == h]) for h in sorted(set(hours) - {12})}
    assert list(grouped) == list(expected)
    assert grouped == expected


def test_strategic_over_both_periods_matches_each_period_alone(store):
    """The comparison's value and previous columns are the totals of each provider's months
    of each period: recomputed here from each provider's monthly result, one by one."""
    committee = strategic_committee(store, QUARTER_, PROVIDERS)
    previous = QUARTER_.shifted(-1)
    for provider in PROVIDERS:
        result = compute_kpis(store, KpiRequest(tuple(committee.comparison.kpi.unique()),
                                                "month", filters={"provider": (provider,)},
                                                date_from=previous.start,
                                                date_to=QUARTER_.end))
        months = pd.to_datetime(result.frame.period_start).dt.date
        this = result.totals(result.frame[months >= QUARTER_.start])
        this["offered"] /= (months >= QUARTER_.start).sum()
        rows = committee.comparison[committee.comparison.provider == provider]
        assert len(rows) == len(this)
        for row in rows.itertuples():
            if this[row.kpi] is None:
                assert row.value is None or pd.isna(row.value)
            else:
                assert row.value == pytest.approx(this[row.kpi], rel=1e-12)
