"""The editors' representation (kpi/editing.py): rates in %, and back to the same fractions."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from kpi.editing import (
    comparator_sign,
    shown_value,
    stored_value,
    targets_for_editor,
    targets_from_editor,
    unit_symbol,
)
from kpi.governance.targets import list_targets, save_targets


@pytest.mark.parametrize(("stored", "shown"), [(0.9, 90.0), (0.29, 29.0), (0.955, 95.5),
                                               (0.07, 7.0), (0.123456, 12.3456), (0.0, 0.0)])
def test_a_rate_is_shown_in_percent_and_stored_as_the_same_fraction(stored, shown):
    assert shown_value(stored, "pct") == shown  # 0.29 * 100 would be 28.999999999999996
    assert stored_value(shown, "pct") == stored


def test_every_rate_in_thousandths_comes_back_exactly():
    fractions = [n / 1000 for n in range(1001)]
    assert [stored_value(shown_value(f, "pct"), "pct") for f in fractions] == fractions


@pytest.mark.parametrize("unit", ["seconds", "count", "score", "amount", "rate"])
def test_other_units_are_shown_as_stored(unit):
    assert shown_value(20, unit) == 20 and stored_value(20, unit) == 20


def test_empty_stays_empty():
    assert shown_value(None, "pct") is None and stored_value(float("nan"), "pct") is None


def test_comparators_and_units_in_the_pilots_signs():
    assert comparator_sign(">=") == "≥" and comparator_sign("<=") == "≤"
    assert comparator_sign(None) == ""
    assert [unit_symbol(u) for u in ("pct", "seconds", "count")] == ["%", "s", ""]
    assert unit_symbol("days", "fr") == "j" and unit_symbol("days", "en") == "d"


def _register() -> pd.DataFrame:
    return pd.DataFrame([
        {"kpi": "answer_rate", "provider": "Acme", "comparator": ">=", "value": 0.29,
         "start": date(2026, 3, 1), "deadline": date(2026, 3, 31), "priority": 1},
        {"kpi": "asa_s", "provider": "Acme", "comparator": "<=", "value": 20.0,
         "start": date(2026, 3, 1), "deadline": date(2026, 3, 31), "priority": 2,
         "owner": "Léa"}])


def test_the_targets_editor_shows_percent_and_seconds_with_their_unit(store):
    save_targets(store, _register())
    shown = targets_for_editor(list_targets(store), "fr")
    assert shown.value.tolist() == ["29,0", "20,0"]  # French decimals, as text (see editing)
    assert targets_for_editor(list_targets(store), "en").value.tolist() == [29.0, 20.0]
    assert shown.unit.tolist() == ["%", "s"]
    assert list(shown.columns).index("unit") == list(shown.columns).index("value") + 1
    assert shown.owner.tolist() == [None, "Léa"]  # blank in the editor, not 'None'
    assert shown.site.tolist() == [None, None]


def test_a_register_through_the_editor_untouched_is_stored_as_it_was(store):
    save_targets(store, _register())
    before = list_targets(store)
    save_targets(store, targets_from_editor(targets_for_editor(before)))
    after = list_targets(store)
    assert after.value.tolist() == [0.29, 20.0]
    pd.testing.assert_frame_equal(after, before)


def test_a_rate_typed_in_percent_is_stored_as_a_fraction(store):
    save_targets(store, _register())
    shown = targets_for_editor(list_targets(store))
    shown.loc[0, "value"] = 85.5
    new = {"kpi": "service_level", "provider": "Acme", "value": 80, "start": date(2026, 4, 1),
           "deadline": date(2026, 6, 30), "priority": 3}  # a new row: its unit not shown yet
    edited = pd.concat([shown, pd.DataFrame([new])], ignore_index=True)
    save_targets(store, targets_from_editor(edited))
    stored = store.read("SELECT kpi, value FROM targets ORDER BY priority")
    assert stored.value.tolist() == [0.855, 20.0, 0.8]


def test_scheme_lines_are_edited_in_percent_and_stored_as_fractions():
    from kpi.editing import scheme_lines_for_editor, scheme_lines_from_editor
    from kpi.incentives.scheme import SchemeLine

    lines = [SchemeLine("service_level", 2.0, 0.8, 0.7, 0.9),
             SchemeLine("asa_s", 1.0, 30.0, 60.0, 15.0)]
    shown = scheme_lines_for_editor(lines)
    assert shown[["target", "floor", "ceiling"]].values.tolist() == [[80.0, 70.0, 90.0],
                                                                      [30.0, 60.0, 15.0]]
    assert shown.unit.tolist() == ["%", "s"]
    assert scheme_lines_from_editor(shown) == lines  # untouched: stored as it was
    shown.loc[0, "target"] = 82.5
    assert scheme_lines_from_editor(shown)[0].target == 0.825


def test_a_scheme_line_left_without_a_weight_is_refused_not_stored():
    from kpi.editing import scheme_lines_from_editor
    from kpi.incentives.scheme import InvalidScheme, Scheme

    edited = pd.DataFrame([{"kpi": "service_level", "weight": None, "target": 80.0,
                            "floor": 70.0, "ceiling": 90.0, "unit": "%"}])
    scheme = Scheme("Acme", date(2026, 1, 1), 1000.0, 0.1, 0.05, 0.05,
                    scheme_lines_from_editor(edited))
    with pytest.raises(InvalidScheme, match="weight"):
        scheme.check()
