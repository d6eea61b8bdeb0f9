"""Incentive schemes (SPEC §4): a base fee with an at-risk share paid up or down by weighted
KPIs, each scored linearly from −1 (at its floor) through 0 (at target) to +1 (at its
ceiling); caps on bonus and malus; an optional quality gate on the bonus; and a volume band
around the client's forecast outside which no service-level malus applies.

Pure arithmetic here (`settle`), so a provider's finance team can redo it by hand.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date

from kpi.errors import CockpitError, Joined, Msg
from kpi.metrics.registry import KPI_BY_ID, SHOWN_IN

# KPIs of the service level family: outside the volume band their malus does not apply.
SERVICE_KPIS = SHOWN_IN["service_family"]


class InvalidScheme(CockpitError):
    pass


@dataclass(frozen=True)
class SchemeLine:
    kpi: str
    weight: float
    target: float
    floor: float  # the value scored −1
    ceiling: float  # the value scored +1


@dataclass
class Scheme:
    provider: str
    valid_from: date
    base_fee: float
    at_risk_share: float  # of the base fee, paid up or down by the score
    bonus_cap: float  # the most the variable part can add, as a share of the base fee
    malus_cap: float  # the most it can take away, as a share of the base fee
    lines: list[SchemeLine] = field(default_factory=list)
    quality_gate: float | None = None  # no bonus under this quality_score
    volume_band: float | None = None  # ± share of the forecast; outside: no SL malus

    def check(self) -> None:
        problems = []
        if self.base_fee <= 0:
            problems.append(Msg("error.scheme_base_fee"))
        for name in ("at_risk_share", "bonus_cap", "malus_cap"):
            if not 0 <= getattr(self, name) <= 1:
                problems.append(Msg("error.scheme_share", name=name))
        if self.volume_band is not None and not 0 < self.volume_band < 1:
            problems.append(Msg("error.scheme_band"))
        if not self.lines:
            problems.append(Msg("error.scheme_no_line"))
        for number, line in enumerate(self.lines, start=1):
            where = Msg("where.scheme_line", line=number, kpi=line.kpi)
            if line.kpi not in KPI_BY_ID:
                problems.append(Msg("error.scheme_kpi", where=where))
            if not line.weight > 0:  # NaN too: a weight left empty in the editor
                problems.append(Msg("error.scheme_weight", where=where))
            if not (line.floor - line.target) * (line.ceiling - line.target) < 0:  # or empty
                problems.append(Msg("error.scheme_floor", where=where))
        if problems:
            raise InvalidScheme(Joined("; ", problems))

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("provider")
        data["valid_from"] = self.valid_from.isoformat()
        return json.dumps(data)

    @classmethod
    def from_json(cls, provider: str, text: str) -> Scheme:
        data = json.loads(text)
        data["valid_from"] = date.fromisoformat(data["valid_from"])
        data["lines"] = [SchemeLine(**line) for line in data["lines"]]
        return cls(provider=provider, **data)


def line_score(value: float | None, line: SchemeLine) -> float | None:
    """−1 at or beyond the floor, 0 at target, +1 at or beyond the ceiling, linear between."""
    if value is None:
        return None
    gap = value - line.target
    if gap * (line.ceiling - line.target) >= 0:
        return min(1.0, gap / (line.ceiling - line.target))
    return -min(1.0, gap / (line.floor - line.target))


@dataclass
class Settlement:
    scores: dict[str, float | None]  # per KPI line
    applied: dict[str, float]  # the score used (band or missing data applied)
    total: float  # weighted score, −1…+1
    variable_raw: float  # total × at-risk share × base fee
    variable: float  # after the gate and the caps
    amount: float  # base fee + variable
    notes: list[str]  # what was applied, in words (keys for the statement: see i18n)
    in_band: bool | None


def settle(scheme: Scheme, values: dict[str, float | None], offered: float | None = None,
           forecast: float | None = None, quality: float | None = None) -> Settlement:
    """The period's amount from its KPI values (the statement's arithmetic)."""
    notes: list[str] = []
    in_band = None
    if scheme.volume_band is not None and offered is not None and forecast:
        in_band = abs(offered - forecast) <= scheme.volume_band * forecast
        if not in_band:
            notes.append("band")
    scores, applied = {}, {}
    for line in scheme.lines:
        score = line_score(values.get(line.kpi), line)
        scores[line.kpi] = score
        used = 0.0 if score is None else score
        if score is None:
            notes.append(f"missing:{line.kpi}")
        if in_band is False and line.kpi in SERVICE_KPIS and used < 0:
            used = 0.0
        applied[line.kpi] = used
    weights = sum(line.weight for line in scheme.lines)
    total = sum(line.weight * applied[line.kpi] for line in scheme.lines) / weights
    variable_raw = total * scheme.at_risk_share * scheme.base_fee
    variable = variable_raw
    if scheme.quality_gate is not None and variable > 0 and (
            quality is None or quality < scheme.quality_gate):
        variable = 0.0
        notes.append("gate")
    top, bottom = scheme.bonus_cap * scheme.base_fee, -scheme.malus_cap * scheme.base_fee
    if variable > top:
        variable = top
        notes.append("bonus_cap")
    if variable < bottom:
        variable = bottom
        notes.append("malus_cap")
    return Settlement(scores, applied, total, variable_raw, variable,
                      scheme.base_fee + variable, notes, in_band)
