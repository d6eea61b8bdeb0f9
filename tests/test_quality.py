"""Quality grids, evaluations and calibration, against values worked out by hand or
published worked examples."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from kpi.errors import ImportRefused
from kpi.ingest.importer import import_export
from kpi.metrics.compile import KpiRequest
from kpi.metrics.engine import compute_kpis
from kpi.quality.agreement import icc_2_1, krippendorff_alpha_interval
from kpi.quality.calibration import analyse_session, analyse_sessions, calibration_history
from kpi.quality.grids import InvalidGrid, grid_items, import_grid, save_grid
from kpi.store import Store

NAN = np.nan


def test_krippendorff_alpha_matches_krippendorffs_worked_example():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
    observers, twelve units, missing values; interval alpha = 0.849."""
    observers = np.array([
        [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN]])
    assert krippendorff_alpha_interval(observers.T) == pytest.approx(0.849, abs=5e-4)


def test_icc_2_1_matches_shrout_and_fleiss():
    """Shrout & Fleiss (1979), "Intraclass correlations: uses in assessing rater
    reliability", Table 2: six targets, four judges; ICC(2,1) = 0.29."""
    ratings = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6],
                        [10, 5, 6, 9], [6, 2, 4, 7]])
    assert icc_2_1(ratings) == pytest.approx(0.29, abs=5e-3)
    assert icc_2_1(ratings[:1]) is None and krippendorff_alpha_interval(np.ones((3, 2))) \
        is None


def _grid_file(tmp_path, rows, name="grid.csv"):
    path = tmp_path / name
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def _evaluations(tmp_path, rows, name="evaluations.csv"):
    path = tmp_path / name
    pd.DataFrame(rows, columns=["evaluation_id", "evaluated_at", "agent_id", "evaluator",
                                "contact_id", "grid", "item", "score", "max_score",
                                "session_id", "is_reference"]).to_csv(path, index=False)
    return path


# A session worked out by hand (points of 100; both items out of 10, equal weights):
#   contact  reference   E1 (gap)          E2 (gap)
#   C1       A8 B6 = 70  A9 B7 = 80 (+10)  A8 B5 = 65 (−5)
#   C2       A5 B5 = 50  A6 B5 = 55 (+5)   A4 B4 = 40 (−10)
SESSION = {("C1", "R"): (8, 6), ("C1", "E1"): (9, 7), ("C1", "E2"): (8, 5),
           ("C2", "R"): (5, 5), ("C2", "E1"): (6, 5), ("C2", "E2"): (4, 4)}


def _session_rows():
    rows = []
    for (contact, who), (a, b) in SESSION.items():
        for item, score in (("A", a), ("B", b)):
            rows.append((f"S-{contact}-{who}", "2026-03-10 10:00:00", "AG1", who, contact,
                         "G", item, score, 10, "CAL-1", "yes" if who == "R" else "no"))
    return rows


def test_calibration_session_worked_by_hand(store, tmp_path):
    import_grid(store, _grid_file(tmp_path, [
        {"grid": "G", "section": "S", "item": "A", "max_score": 10, "valid_from": "2026-01-01"},
        {"grid": "G", "section": "S", "item": "B", "max_score": 10}]))
    import_export(store, _evaluations(tmp_path, _session_rows()), provider="Acme")
    result = analyse_session(store, "CAL-1", tolerance=5)
    summary = result.evaluators_summary.set_index("evaluator")
    # E1: gaps +10, +5: mean |gap| 7.5, aligned within ±5 once in two.
    assert summary.loc["E1", ["abs_gap", "gap", "alignment"]].tolist() == \
        pytest.approx([7.5, 7.5, 0.5])
    assert summary.loc["E2", ["abs_gap", "gap", "alignment"]].tolist() == \
        pytest.approx([7.5, -7.5, 0.5])
    # Items: E1 A +10, B +5 (lenient on both); E2 A (0 − 10)/2 = −5, B −10 (harsher).
    gaps = result.item_gaps.set_index(["evaluator", "item"]).gap
    assert gaps.to_dict() == pytest.approx({("E1", "A"): 10, ("E1", "B"): 5,
                                            ("E2", "A"): -5, ("E2", "B"): -10})
    assert summary.loc["E1", "lenient_on"] == "A, B"
    assert summary.loc["E2", "harsher_on"] == "B, A"
    # Totals 80/65 and 55/40: two-way ANOVA by hand gives MSR 625, MSC 225, MSE 0, so
    # ICC(2,1) = 625 / (625 + 2 × 225 / 2) = 0.7353; alpha: D_o 225, D_e 6800/12, 0.6029.
    assert result.icc == pytest.approx(625 / 850)
    assert result.alpha == pytest.approx(1 - 225 / (6800 / 12))
    assert (result.contacts, result.icc_contacts, result.reference) == (2, 2, "R")
    assert result.grid_version == 1
    # The KPI a quality target can use: 2 of the 4 scorings within ±5 of the reference.
    kpi = compute_kpis(store, KpiRequest(("calibration_alignment",), "month")).table()
    assert kpi.calibration_alignment.tolist() == [0.5]
    per_evaluator, group = calibration_history(analyse_sessions(store, "Acme"))
    assert len(group) == 1 and set(per_evaluator.evaluator) == {"E1", "E2"}


def test_a_failed_critical_item_zeroes_the_evaluation_and_weights_apply(store, tmp_path):
    import_grid(store, _grid_file(tmp_path, [
        {"grid": "G", "item": "Listening", "max_score": 10, "weight": 3},
        {"grid": "G", "item": "Solution", "max_score": 20, "weight": 1},
        {"grid": "G", "item": "Legal", "max_score": 1, "weight": 0, "critical": "yes"}]),
        valid_from=date(2026, 1, 1))
    rows = [("E1", "2026-03-02 10:00:00", "A1", "Lead", "C1", "G", item, score, maximum, "",
             "no") for item, score, maximum in (("Listening", 5, 10), ("Solution", 20, 20),
                                                 ("Legal", 1, 1))]
    rows += [("E2", "2026-03-03 10:00:00", "A1", "Lead", "C2", "G", item, score, maximum, "",
              "no") for item, score, maximum in (("Listening", 10, 10), ("Solution", 20, 20),
                                                  ("Legal", 0, 1))]
    import_export(store, _evaluations(tmp_path, rows), provider="Acme")
    scores = store.read("SELECT evaluation_id, score_ratio, critical_failed "
                        "FROM evaluation_scores ORDER BY 1")
    # E1: (3 × 0.5 + 1 × 1.0) / 4 = 0.625; E2 failed the critical item: 0.
    assert scores.score_ratio.tolist() == [pytest.approx(0.625), 0.0]
    assert scores.critical_failed.tolist() == [False, True]
    quality = compute_kpis(store, KpiRequest(("quality_score",), "month")).table()
    assert quality.quality_score.tolist() == [pytest.approx(0.3125)]


def test_grid_versions_are_kept_by_the_evaluations_scored_with_them(store, tmp_path):
    first = [{"item": "A", "max_score": 10}, {"item": "B", "max_score": 10}]
    assert save_grid(store, "G", pd.DataFrame(first), date(2026, 1, 1)) == 1
    assert save_grid(store, "G", pd.DataFrame(first), date(2026, 2, 1)) == 1  # unchanged
    second = [*first, {"item": "C", "max_score": 5, "critical": True}]
    assert save_grid(store, "G", pd.DataFrame(second), date(2026, 3, 1)) == 2
    rows = [("F1", "2026-02-10 09:00:00", "A1", "Lead", "C1", "G", i, 5, 10, "", "no")
            for i in ("A", "B")]
    rows += [("M1", "2026-03-10 09:00:00", "A1", "Lead", "C2", "G", i, s, m, "", "no")
             for i, s, m in (("A", 5, 10), ("B", 5, 10), ("C", 5, 5))]
    import_export(store, _evaluations(tmp_path, rows), provider="Acme")
    versions = dict(store.read("SELECT DISTINCT evaluation_id, grid_version FROM evaluations"
                               ).values.tolist())
    assert versions == {"F1": 1, "M1": 2}
    assert grid_items(store, "G", 1).item.tolist() == ["A", "B"]
    assert grid_items(store, "G").critical.tolist() == [False, False, True]
    with pytest.raises(InvalidGrid, match="row 3, column max_score: expected a maximum above 0"):
        save_grid(store, "G", pd.DataFrame([{"item": "A", "max_score": 1},
                                            {"item": "B", "max_score": -1}]))
    with pytest.raises(InvalidGrid, match="cannot start before version 2"):
        save_grid(store, "G", pd.DataFrame(first), date(2026, 2, 15))


@pytest.mark.parametrize("change,column,expected", [
    (lambda r: r.update(item="Empathy"), "item", "an item of the evaluation's grid"),
    (lambda r: r.update(score=12), "score", "a score not above max_score"),
    (lambda r: r.update(evaluator=""), "evaluator", "a value (this column is required)"),
])
def test_bad_evaluation_files_are_refused_naming_row_and_column(store, tmp_path, change,
                                                                column, expected):
    save_grid(store, "G", pd.DataFrame([{"item": "A", "max_score": 10}]), date(2026, 1, 1))
    rows = [dict(zip(["evaluation_id", "evaluated_at", "agent_id", "evaluator", "contact_id",
                      "grid", "item", "score", "max_score", "session_id", "is_reference"],
                     (f"E{n}", "2026-03-02 10:00:00", "A1", "Lead", f"C{n}", "G", "A", 7, 10,
                      "", "no"), strict=True)) for n in (1, 2)]
    change(rows[1])
    path = tmp_path / "bad_evaluations.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    with pytest.raises(ImportRefused) as refused:
        import_export(store, path, provider="Acme")
    text = str(refused.value)
    assert f"bad_evaluations.csv, row 3, column {column}" in text and expected in text
    assert store.scalar("SELECT count(*) FROM evaluations") == 0


def test_an_evaluation_file_without_evaluators_is_refused(store, tmp_path):
    path = tmp_path / "no_evaluator.csv"
    pd.DataFrame([{"evaluation_id": "E1", "evaluated_at": "2026-03-02 10:00:00",
                   "agent_id": "A1", "item": "A", "score": 5, "max_score": 10}]).to_csv(
        path, index=False)
    with pytest.raises(Exception, match="evaluator"):
        import_export(store, path, provider="Acme", profile="evaluations")


def test_an_evaluation_entered_on_the_grid_is_stored_through_the_importer(demo_db):
    from datetime import datetime

    from kpi.quality.entry import record_evaluation

    with Store(demo_db) as store:
        items = grid_items(store, "Qualité 2026")
        scores = {item: maximum / 2 for item, maximum in zip(items["item"], items.max_score,
                                                              strict=True)}
        scores["Mentions obligatoires"] = 0  # the critical item, failed
        report = record_evaluation(store, "Nordcall", "Qualité 2026", "NOR-001", "Q. Lead",
                                   "X1", datetime(2026, 3, 17, 12), scores)
        stored = store.read("SELECT * FROM evaluation_scores WHERE evaluation_id LIKE 'UI-%'")
    assert report.rows_imported == len(items)
    # Every item at half, but the critical item failed: the evaluation is worth 0.
    assert stored.critical_failed.tolist() == [True] and stored.score_ratio.tolist() == [0.0]
