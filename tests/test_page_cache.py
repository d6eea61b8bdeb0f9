"""Pages served from the cache while nothing changed (app_pages/cache.py): the real app on a
copy of the demo database, the real Store's data version, the cache's own count of computes.

A second run of a committee computes nothing; an import, an undo, a target or a note saved
recomputes it; a provider account never receives what another scope had cached; a dry run
changes no version."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from app_pages import cache
from kpi.access.accounts import Account, store_for
from kpi.flags import save_thresholds, thresholds
from kpi.governance.targets import list_targets, save_targets
from kpi.ingest.importer import import_files, undo_import
from kpi.reports.production import production_committee
from kpi.store import Store

from . import test_app_roles
from .conftest import DATA
from .test_app_roles import OTHERS, OWN, open_as

accounts_db = test_app_roles.accounts_db  # the demo, with an account of each role

WEEK = date(2026, 3, 9)  # the demo's last complete week (DEMO_TODAY is Wed 18 March)
PRODUCTION = "kpi.reports.production.production_committee+production_pack"


@pytest.fixture(autouse=True)
def empty_cache(demo_clock):
    """Each test starts from an empty cache, on the demo's clock."""
    cache.clear()
    yield
    cache.clear()


def kpi_table(at) -> pd.DataFrame:
    """The production committee's first table: the week's KPIs as shown."""
    return at.dataframe[0].value


def test_a_second_run_with_the_same_selections_computes_nothing(accounts_db):
    at = open_as("pilot", "production")
    assert cache.computed[PRODUCTION] >= 1
    computed = dict(cache.computed)
    shown = kpi_table(at)
    at.run()
    assert not at.exception
    assert dict(cache.computed) == computed  # served from the cache, nothing recomputed
    pd.testing.assert_frame_equal(kpi_table(at), shown)
    # Another week is computed once; coming back to the first one computes nothing.
    week_box = at.selectbox[1]
    first = week_box.value
    week_box.select_index(1).run()
    assert cache.computed[PRODUCTION] == computed[PRODUCTION] + 1
    at.selectbox[1].set_value(first).run()
    assert cache.computed[PRODUCTION] == computed[PRODUCTION] + 1
    pd.testing.assert_frame_equal(kpi_table(at), shown)


def test_a_week_note_saved_on_the_page_is_shown_at_the_next_run(accounts_db):
    at = open_as("pilot", "production")
    assert at.selectbox[0].value == OWN and at.selectbox[1].value == WEEK
    note = next(a for a in at.text_area if a.key.startswith("note-"))
    assert note.value != "Panne téléphonie"
    note.set_value("Panne téléphonie")
    next(b for b in at.button if b.label == "Save the note").click().run()
    assert not at.exception
    at.run()  # a fresh run: the committee is read again, with the note
    assert next(a for a in at.text_area if a.key.startswith("note-")).value \
        == "Panne téléphonie"


def test_a_target_an_undo_and_an_import_each_recompute_the_committee(accounts_db):
    at = open_as("pilot", "production")
    before = kpi_table(at)
    computes = cache.computed[PRODUCTION]

    # A target edit, written by another connection of this process (as the CLI would).
    with Store(accounts_db) as other:
        version = other.data_version()
        register = list_targets(other)
        register.loc[(register.provider == OWN) & (register.kpi == "service_level"),
                     "value"] = 0.42
        save_targets(other, register)
        assert other.data_version() != version
    at.run()
    assert cache.computed[PRODUCTION] == computes + 1
    targets = kpi_table(at)
    assert not targets.equals(before)
    assert "42" in targets.to_csv()

    # Undo the import that holds the week: its figures go.
    with Store(accounts_db) as other:
        (import_id,) = other.rows(
            "SELECT max(import_id) FROM imports WHERE provider = ? AND kind = 'contacts' "
            "AND status = 'active' AND period_start < ? AND period_end >= ?",
            [OWN, WEEK + timedelta(days=7), WEEK])[1][0]
        undo_import(other, import_id)
    at.run()
    assert cache.computed[PRODUCTION] == computes + 2
    assert not kpi_table(at).equals(targets)

    # Any import moves the version (this one, another provider's file).
    with Store(accounts_db) as other:
        version = other.data_version()
        import_files(other, [(DATA / "contacts_french.csv", "week10.csv")])
        assert other.data_version()[1] == version[1] + 1
    at.run()
    assert cache.computed[PRODUCTION] == computes + 3


@pytest.mark.parametrize(("path", "computes"), [
    ("flags", ("kpi.flags.red_flags", "kpi.staffing.staffing_check")),
    ("calibration", ("kpi.quality.calibration.list_sessions",
                     "kpi.quality.calibration.analyse_sessions")),
    ("targets", ("kpi.governance.targets.review_targets",)),
    ("actions", ("kpi.governance.targets.review_targets",)),
    ("visits", ("kpi.visits.signals.visit_data",)),
    ("reconciliation", ("kpi.metrics.reconcile.reconciliation",)),
    ("incentives", ("kpi.incentives.statement.statement",
                    "kpi.incentives.statement.paid_history")),
    ("quality", ("kpi.quality.summary.quality_by",)),
    ("selection", ("kpi.visits.selection.compare",)),
])
def test_flags_calibration_and_targets_are_read_from_the_cache_until_a_write(accounts_db, path,
                                                                             computes):
    """The pages that took 0.3 s to a second per run on the demo (every rule over two
    months; every calibration session's agreement statistics; every target's weekly series
    and attainment; a visit's data; declared against detail; a bonus/malus statement and
    its history; quality scores; the providers compared for a selection) compute once per
    data version."""
    at = open_as("pilot", path)
    assert all(cache.computed[name] >= 1 for name in computes), dict(cache.computed)
    before = dict(cache.computed)
    shown = [frame.value for frame in at.dataframe]
    at.run()
    assert not at.exception
    assert dict(cache.computed) == before
    for frame, again in zip(shown, [frame.value for frame in at.dataframe], strict=True):
        pd.testing.assert_frame_equal(again, frame)
    with Store(accounts_db) as other:  # any committed write moves the version
        save_thresholds(other, thresholds(other))
    at.run()
    assert all(cache.computed[name] > before[name] for name in computes), \
        (before, dict(cache.computed))


def test_a_provider_account_never_receives_what_another_scope_cached(accounts_db):
    # The pilot opens every provider's committee of the week: all of them cached.
    pilot = open_as("pilot", "production")
    for provider in [OWN, *OTHERS]:
        pilot.selectbox[0].set_value(provider).run()
    pilot.selectbox[0].set_value(OWN).run()
    computed = cache.computed[PRODUCTION]
    # The provider account, same page, same provider, same week: computed again, in its scope.
    provider = open_as("provider", "production")
    assert provider.selectbox[0].options == [OWN]
    assert provider.selectbox[1].value == WEEK
    assert cache.computed[PRODUCTION] == computed + 1
    pd.testing.assert_frame_equal(kpi_table(provider), kpi_table(pilot))  # its own figures

    # Straight through the cache: another provider's committee, cached for the pilot, is not
    # what the provider's view gets for the same arguments.
    with Store(accounts_db) as base:
        pilot_view = store_for(base, Account("pia", "pilot"))
        provider_view = store_for(base, Account("paula", "provider", OWN))
        other = OTHERS[0]
        seen_by_pilot = cache.cached(production_committee, pilot_view, other, WEEK)
        assert seen_by_pilot.kpis.set_index("kpi").loc["offered", "value"] > 0
        seen_by_provider = cache.cached(production_committee, provider_view, other, WEEK)
        offered = seen_by_provider.kpis.set_index("kpi").loc["offered", "value"]
        assert pd.isna(offered) or offered == 0
        assert cache.computed["kpi.reports.production.production_committee"] == 2


def test_a_dry_run_changes_no_version_and_a_real_import_does(store):
    version = store.data_version()
    import_files(store, [(DATA / "contacts_french.csv", "week10.csv")], dry_run=True)
    assert store.data_version() == version
    store.trial(lambda cur: cur.execute("DELETE FROM targets"))
    assert store.data_version() == version
    import_files(store, [(DATA / "contacts_french.csv", "week10.csv")])
    token, count = store.data_version()
    assert count == version[1] + 1 and token != version[0]
    with Store(store.path.with_name("copy.duckdb")) as fresh:  # another file, another token
        assert fresh.data_version()[0] != token


def test_a_migration_or_reopening_keeps_or_moves_the_version_as_the_data_do(db_path):
    with Store(db_path) as store:
        opened = store.data_version()
    with Store(db_path) as store:  # nothing to migrate, nothing written: the same data
        assert store.data_version() == opened
    with Store(db_path, read_only=True) as store:
        assert store.data_version() == opened
