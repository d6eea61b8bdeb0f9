"""What the data editors show, and back: values in the units the rest of the UI speaks.

The database keeps rates as fractions (0.9) and comparators as `>=`/`<=`; a pilot reads
'90,0 %' and '≥'. These pure functions turn a stored table into the one an editor shows
(a rate × 100, with a read-only unit column) and the edited table back into what is stored,
so that a row nobody touched is stored exactly as it was (no 28.999999999999996 for 0.29).
"""

from __future__ import annotations

import pandas as pd

from kpi.errors import CockpitError
from kpi.incentives.scheme import SchemeLine
from kpi.metrics.registry import KPI_BY_ID, PCT
from kpi.reports.layout import COMPARATOR_SIGNS

UNIT_SYMBOLS = {PCT: "%", "seconds": "s"}  # days: per language (unit_symbol)
UNIT_COLUMN = "unit"
# A fraction has at most this many decimals once shown in %: enough for any target typed by
# hand (0.12345 → 12.345), few enough to drop binary noise (0.29 × 100 → 29.0, not 28.99…).
_DECIMALS = 10


def comparator_sign(comparator: str | None) -> str:
    """'>=' → '≥', '<=' → '≤'; anything else as it is, None as blank."""
    return "" if comparator is None else COMPARATOR_SIGNS.get(comparator, str(comparator))


def unit_symbol(unit: str | None, lang: str = "en") -> str:
    """The unit written after a value in an editor: '%', 's', 'd'/'j'; '' for plain numbers."""
    if unit == "days":
        return "j" if lang == "fr" else "d"
    return UNIT_SYMBOLS.get(unit or "", "")


def shown_value(value, unit: str | None):
    """A stored value in its display unit: a rate 0.9 → 90.0; anything else unchanged."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if unit == PCT:
        return round(float(value) * 100, _DECIMALS - 2)
    return value


# Streamlit's number cells write decimals with printf ('90.5', whatever the UI language) or
# with the browser's locale ('localized'), never with ours: in French an editor's values are
# text the pilot reads and types as '90,5' (NUMBER_TEXT says what it accepts), read back here.
NUMBER_TEXT = r"^\s*(-?\d+([.,]\d+)?)?\s*$"
_SPACES = (" ", "\u202f", "\u00a0")


class NotANumber(CockpitError):
    pass


def decimal_text(value, lang: str) -> str | None:
    """A number shown in an editor as `lang` writes it, every decimal kept so that the text
    reads back to the same number: 90.0 → '90,0', 12.3456 → '12,3456'; None stays None."""
    if value is None or pd.isna(value):
        return None
    text = f"{float(value):.{_DECIMALS - 2}f}".rstrip("0")
    text = text + "0" if text.endswith(".") else text
    return text.replace(".", ",") if lang == "fr" else text


def parse_decimal(text: str) -> float | None:
    """A number typed in an editor: '90,5', '90.5', ' 1 234,5 ' → float; blank → None."""
    cleaned = text
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    if not cleaned:
        return None
    try:
        return float(cleaned.replace(",", ".").replace("\u2212", "-"))
    except ValueError as e:
        raise NotANumber(key="settings.not_a_number", value=repr(text)) from e


def stored_value(value, unit: str | None):
    """A value typed in its display unit, as stored: 90 for a rate → 0.9; else unchanged
    (a value typed as text, '90,5', is read as the number it writes)."""
    if isinstance(value, str):
        value = parse_decimal(value)
    if value is None or pd.isna(value):
        return None
    if unit == PCT:
        return round(float(value) / 100, _DECIMALS)
    return value


def kpi_unit(kpi_id) -> str | None:
    kpi = KPI_BY_ID.get(kpi_id) if isinstance(kpi_id, str) else None
    return None if kpi is None else kpi.unit


def _blank_text(table: pd.DataFrame, columns) -> pd.DataFrame:
    """Text columns as objects holding None for empty (not the string 'None', not NaN)."""
    for name in columns:
        if name in table.columns:
            table[name] = pd.Series([None if not isinstance(v, str) or not v.strip() else v
                                     for v in table[name]], index=table.index, dtype=object)
    return table


def values_for_editor(table: pd.DataFrame, values: list[str], kpi_column: str = "kpi",
                      text: tuple[str, ...] = (), lang: str = "en",
                      units: list[str | None] | None = None) -> pd.DataFrame:
    """The table an editor shows: each of `values` in its row's unit (`units`, else its
    KPI's), and a `unit` column ('%', 's', '') just after the last of them. In French the
    values are text written with a decimal comma ('90,5', see NUMBER_TEXT)."""
    shown = table.copy()
    units = units if units is not None else [kpi_unit(k) for k in shown[kpi_column]]
    for name in values:
        numbers = pd.Series([shown_value(v, u) for v, u in zip(shown[name], units,
                                                                strict=True)],
                            index=shown.index, dtype="float64")
        shown[name] = numbers if lang != "fr" else pd.Series(
            [decimal_text(v, lang) for v in numbers], index=shown.index, dtype=object)
    position = max(shown.columns.get_loc(name) for name in values) + 1
    shown.insert(position, UNIT_COLUMN, pd.Series([unit_symbol(u, lang) for u in units],
                                                  index=shown.index, dtype=object))
    return _blank_text(shown, text)


def values_from_editor(edited: pd.DataFrame, values: list[str], kpi_column: str = "kpi",
                       units: list[str | None] | None = None) -> pd.DataFrame:
    """The edited table as stored: each of `values` back in its row's stored unit (a rate
    typed 90 → 0.9), the unit column dropped. Without `units` a row's KPI decides, so a new
    row whose KPI is a rate stores its 90 as 0.9 too."""
    stored = edited.drop(columns=[UNIT_COLUMN], errors="ignore").copy()
    units = units if units is not None else [kpi_unit(k) for k in stored[kpi_column]]
    for name in values:
        stored[name] = pd.Series([stored_value(v, u) for v, u in zip(stored[name], units,
                                                                     strict=True)],
                                 index=stored.index, dtype=object)
    return stored


def targets_for_editor(register: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The targets register as its editor shows it: the target in the KPI's display unit
    (90.0 for a 0.9 rate, seconds as seconds), a unit column, blank empty text cells."""
    return values_for_editor(register, ["value"], text=("site", "queue", "owner",
                                                         "rationale"), lang=lang)


def targets_from_editor(edited: pd.DataFrame) -> pd.DataFrame:
    """The targets editor's table as the register stores it (fractions for rates)."""
    return values_from_editor(edited, ["value"])


SCHEME_LINE_VALUES = ["target", "floor", "ceiling"]


def scheme_lines_for_editor(lines: list[SchemeLine], lang: str = "en") -> pd.DataFrame:
    """A scheme's KPI lines (SchemeLine) as the editor shows them: target, floor and
    ceiling in the KPI's display unit (%), then a unit column."""
    table = pd.DataFrame([vars(line) for line in lines],
                         columns=["kpi", "weight", *SCHEME_LINE_VALUES])
    return values_for_editor(table, SCHEME_LINE_VALUES, lang=lang)


def scheme_lines_from_editor(edited: pd.DataFrame) -> list[SchemeLine]:
    """The edited lines as the scheme stores them (fractions for rates); rows without a KPI
    (a row added then left empty) are dropped."""
    stored = values_from_editor(edited.dropna(subset=["kpi"]), SCHEME_LINE_VALUES)

    def number(value) -> float:
        return float("nan") if value is None or pd.isna(value) else float(value)

    return [SchemeLine(row["kpi"], number(row["weight"]), number(row["target"]),
                       number(row["floor"]), number(row["ceiling"]))
            for row in stored.to_dict("records")]


# A simulation slider's step per unit, in the stored unit: 0.1 point for a rate, half a
# second for a duration (what the views write, one decimal); others: 1/200 of the range.
SIMULATION_STEPS = {PCT: 0.001, "seconds": 0.5}
_MOST_STEPS = 1000  # a slider with more stops moves by more than a pixel a stop anyway


def simulation_steps(low: float, high: float, start: float, unit: str | None) -> list[float]:
    """The stops of a what-if slider from `low` to `high` in stored units (fractions for a
    rate), `start` among them exactly (so that the slider at rest changes nothing); a rate
    stays within 0…100 %."""
    if unit == PCT:
        low, high = max(low, 0.0), min(high, 1.0)
    step = SIMULATION_STEPS.get(unit or "") or (high - low) / 200 or 1.0
    while (high - low) / step > _MOST_STEPS:
        step *= 2
    first = int(low // step)
    stops = [round(i * step, _DECIMALS) for i in range(first, int(-(-high // step)) + 1)]
    return sorted({*stops, float(start)})
