"""The catalogue: both languages for every key, the same placeholders, plural forms chosen
by CLDR's rules, and no "(s)" left for a count to stumble on."""

from __future__ import annotations

import re
import string

import pytest

from kpi.i18n import MESSAGES, PLURAL_CATEGORIES, plural_category, t
from kpi.metrics.registry import KPIS


def _forms(text) -> list[str]:
    return list(text.values()) if isinstance(text, dict) else [text]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, (en, fr) in MESSAGES.items():
        assert all(f.strip() for f in _forms(en) + _forms(fr)), key
        names = {frozenset(_placeholders(f)) for f in _forms(en) + _forms(fr)}
        # A language may spell out "one" ("a serious signal") where the other keeps {n}.
        core = {n - {"n"} for n in names}
        assert len(core) == 1, (key, names)


def test_plural_texts_have_every_form_and_a_count():
    plural = {k: v for k, v in MESSAGES.items() if any(isinstance(x, dict) for x in v)}
    assert len(plural) >= 8
    for key, (en, fr) in plural.items():
        for text in (en, fr):
            assert isinstance(text, dict) and set(text) == set(PLURAL_CATEGORIES), key
            assert "n" in _placeholders(text["other"]), key


# English lines the command line has printed since its first release (scripts read them).
CLI_WORDS = {"problem.more", "error.undo_clash"}


def test_no_count_is_left_to_a_parenthesised_plural():
    for key, (en, fr) in MESSAGES.items():
        for text in _forms(fr) + ([] if key in CLI_WORDS else _forms(en)):
            assert not re.search(r"\{n\}[^.;:]*\w\((s|es|aux)\)", text), (key, text)


@pytest.mark.parametrize("n, en, fr", [
    (0, "Import 0 files", "Importer 0 fichier"),
    (1, "Import 1 file", "Importer 1 fichier"),
    (2, "Import 2 files", "Importer 2 fichiers"),
])
def test_counts_take_their_form_in_each_language(n, en, fr):
    assert t("import.go", "en", n=n) == en
    assert t("import.go", "fr", n=n) == fr


def test_cldr_plural_rules():
    assert [plural_category(n, "en") for n in (0, 1, 1.5, 2)] == ["other", "one", "other",
                                                                  "other"]
    assert [plural_category(n, "fr") for n in (0, 1, 1.5, 2)] == ["one", "one", "one",
                                                                  "other"]


def test_kpi_labels_are_in_the_catalogue():
    for kpi in KPIS:
        assert t(f"kpi.{kpi.id}", "fr") == kpi.label("fr")
        assert t(f"kpi.{kpi.id}.doc", "en") == kpi.doc("en")


def test_a_difference_of_rates_reads_in_points_and_a_rate_in_percent():
    from kpi.i18n import format_value

    assert format_value(-0.028, "pct", "fr", signed=True) == "-2,8\u202fpts"
    assert format_value(0.028, "pct", "en", signed=True) == "+2.8 pts"
    assert format_value(0.805, "pct", "fr") == "80,5\u202f%"
    assert format_value(0.805, "pct", "en") == "80.5%"
    assert format_value(-1.5, "seconds", "fr", signed=True) == "-1,5\u202fs"
