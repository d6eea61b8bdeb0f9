"""The compiled KPI SQL is as lean as a hand-written GROUP BY where a request allows it, and
the facts that make it lean (measures declared never NULL) hold on real rows."""

from __future__ import annotations

import pytest

from kpi.ingest.importer import import_export
from kpi.metrics.compile import KpiRequest, _source_rows, compile_kpis
from kpi.metrics.engine import compute_kpis, kpi_rows, uniform_settings
from kpi.metrics.sources import SOURCES
from kpi.store import Store

from .conftest import DATA

SEVEN = ("offered", "answered", "answer_rate", "abandon_rate", "service_level", "asa_s",
         "aht_s")
# The seven by hand, for Acme's settings (SL 20 s net, short abandons under 5 s).
HAND_WRITTEN = """
SELECT CAST(date_trunc('week', arrived_local) AS DATE) AS period_start, provider, queue,
  count(*) FILTER (direction = 'inbound') AS offered,
  count(*) FILTER (direction = 'inbound' AND answered_at IS NOT NULL) AS answered,
  count(*) FILTER (direction = 'inbound' AND answered_at IS NOT NULL)
    / nullif(count(*) FILTER (direction = 'inbound' AND NOT (answered_at IS NULL
             AND wait_s < 5)), 0) AS answer_rate,
  count(*) FILTER (direction = 'inbound' AND answered_at IS NULL AND NOT wait_s < 5)
    / nullif(count(*) FILTER (direction = 'inbound' AND NOT (answered_at IS NULL
             AND wait_s < 5)), 0) AS abandon_rate,
  count(*) FILTER (direction = 'inbound' AND answered_at IS NOT NULL AND wait_s <= 20)
    / nullif(count(*) FILTER (direction = 'inbound' AND NOT (answered_at IS NULL
             AND wait_s < 5)), 0) AS service_level,
  avg(wait_s) FILTER (direction = 'inbound' AND answered_at IS NOT NULL) AS asa_s,
  avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0))
    FILTER (answered_at IS NOT NULL) AS aht_s
FROM contacts GROUP BY ALL ORDER BY ALL"""


@pytest.fixture
def acme(store):
    import_export(store, DATA / "contacts_generic.csv")
    return store


def test_the_seven_kpis_of_one_source_compile_to_one_scan_and_one_group_by(acme):
    request = KpiRequest(SEVEN, "week", ("provider", "queue"), with_sums=False)
    sql, params = compile_kpis(request, present={"contacts"},
                               settings=uniform_settings(acme))
    assert sql.count("GROUP BY") == 1 and "UNION" not in sql
    assert "queue_settings" not in sql  # the same settings everywhere: bound once
    # offered, answered, eligible, long_abandoned, sl_num, wait and handle time summed
    # once each; only the denominators of a nullable numerator are summed again, over
    # the rows where it is known (sl_den, answered_with_wait, handled).
    assert sql.count("sum(") == 10
    columns, rows = kpi_rows(acme, KpiRequest(SEVEN, "week", ("provider", "queue")))
    _, hand = acme.rows(HAND_WRITTEN)
    assert columns == ["period_start", "provider", "queue", *SEVEN]
    assert [r[:5] for r in rows] == [r[:5] for r in hand]
    for ours, theirs in zip(rows, hand, strict=True):
        assert [float("nan") if v is None else v for v in ours[5:]] == pytest.approx(
            [float("nan") if v is None else v for v in theirs[5:]], nan_ok=True)


def test_the_lean_rows_are_the_full_results_values(acme):
    request = KpiRequest(SEVEN, "day", ("provider", "queue"))
    table = compute_kpis(acme, request).table()
    columns, rows = kpi_rows(acme, request)
    assert columns == list(table.columns)
    ours = [[float("nan") if v is None else float(v) for v in r[3:]] for r in rows]
    theirs = table[list(SEVEN)].astype(float).values.tolist()
    assert len(ours) == len(theirs) > 1
    for a, b in zip(ours, theirs, strict=True):
        assert a == pytest.approx(b, nan_ok=True)


def test_a_source_without_a_measure_stays_out_of_the_kpis_that_need_it(acme, tmp_path):
    """A declared report (a day without detail) has offered contacts but no short abandons:
    short_abandon_rate stays over the contacts, though short_abandoned is never NULL on
    them; offered counts the report's day."""
    report = tmp_path / "declared.csv"
    report.write_text("Date;Appels offerts;Appels traités;Abandonnés\n04/03/2026;10;8;2\n",
                      encoding="utf-8")
    import_export(acme, report, provider="Acme", profile="declared")
    request = KpiRequest(("offered", "short_abandon_rate", "answer_rate"), "week")
    week = compute_kpis(acme, request).table().iloc[0]
    assert week.offered == 5 + 10
    assert week.short_abandon_rate == pytest.approx(1 / 5)
    assert week.answer_rate == pytest.approx((3 + 8) / (4 + 10))  # declared: over offered
    assert kpi_rows(acme, request)[1][0][1:] == pytest.approx(tuple(week.values[1:]))


@pytest.mark.parametrize("name", [s.name for s in SOURCES.values() if s.never_null])
def test_measures_declared_never_null_are_never_null(demo_db_template, acme, name):
    """The claim behind a same-rows sum left unfiltered, on the demo and the test files."""
    source = SOURCES[name]
    with Store(demo_db_template, read_only=True) as demo:
        for store in (demo, acme):
            params: list = []
            rows, _ = _source_rows(source, KpiRequest(("offered",), "day"),
                                   sorted(source.never_null), params, {name}, None)
            nulls = ", ".join(f"count(*) FILTER (WHERE {m} IS NULL) AS {m}"
                              for m in sorted(source.never_null))
            columns, (counts,) = store.rows(f"SELECT count(*) AS n, {nulls} FROM ({rows})",
                                            params)
            assert counts[0] > 0, "rows to check"
            assert dict(zip(columns[1:], counts[1:], strict=True)) == \
                dict.fromkeys(columns[1:], 0)
