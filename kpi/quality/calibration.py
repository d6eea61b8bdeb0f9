"""Calibration sessions (SPEC §4): evaluators against the reference, and with each other.

Scores are in points of 100: an item's score is 100 × score / max; an evaluation's total is
100 × its score on the grid (weighted, zero when a critical item is failed; the
`evaluation_scores` view). A gap is evaluator − reference, so a negative gap is harsher.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from kpi.errors import NotFound
from kpi.quality.agreement import icc_2_1, krippendorff_alpha_interval
from kpi.store import Store


@dataclass
class SessionResult:
    session_id: str
    provider: str
    day: date
    grid: str | None
    grid_version: int | None
    tolerance: float
    reference: str | None  # the reference scorer (None: a consensus without a name)
    contacts: int
    evaluators: list[str]
    totals: pd.DataFrame  # contact_id, evaluator, total, reference_total, gap
    item_gaps: pd.DataFrame  # evaluator, item, gap (mean, signed), abs_gap (mean), scorings
    evaluators_summary: pd.DataFrame  # evaluator, abs_gap, gap, alignment, scorings,
    #                                    harsher_on, lenient_on
    items_to_discuss: pd.DataFrame  # item, abs_gap, spread, alpha (least agreement first)
    icc: float | None
    alpha: float | None
    icc_contacts: int  # contacts every evaluator scored (ICC rests on them)


def list_sessions(store: Store, provider: str | None = None) -> pd.DataFrame:
    """session_id, provider, day, grid, contacts, evaluators, has_reference; newest first."""
    return store.read(
        """SELECT session_id, provider, CAST(min(evaluated_local) AS DATE) AS day,
                  any_value(grid) AS grid, count(DISTINCT contact_id) AS contacts,
                  count(DISTINCT evaluator) FILTER (NOT is_reference) AS evaluators,
                  bool_or(is_reference) AS has_reference
           FROM evaluation_scores
           WHERE session_id IS NOT NULL AND (? IS NULL OR provider = ?)
           GROUP BY session_id, provider ORDER BY day DESC, session_id""",
        [provider, provider])


def _scorings(store: Store, session_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(item rows, evaluation rows) of a session."""
    items = store.read(
        """SELECT e.evaluation_id, e.evaluator, e.contact_id, e.item,
                  100 * e.score / e.max_score AS points,
                  coalesce(e.is_reference, false) AS is_reference
           FROM evaluations e WHERE e.session_id = ?""", [session_id])
    evaluations = store.read(
        """SELECT evaluation_id, provider, evaluator, contact_id, grid, grid_version,
                  is_reference, evaluated_local, 100 * score_ratio AS total
           FROM evaluation_scores WHERE session_id = ?
           ORDER BY evaluator, contact_id, evaluation_id""", [session_id])
    return items, evaluations


def analyse_session(store: Store, session_id: str, tolerance: float = 5.0) -> SessionResult:
    items, evaluations = _scorings(store, session_id)
    if evaluations.empty:
        raise NotFound(key="error.no_session", id=repr(session_id))
    reference = evaluations[evaluations.is_reference]
    scorers = evaluations[~evaluations.is_reference]
    totals = scorers[["contact_id", "evaluator", "total"]].merge(
        reference[["contact_id", "total"]].rename(columns={"total": "reference_total"}),
        on="contact_id", how="left")
    totals["gap"] = totals.total - totals.reference_total

    ref_items = items[items.is_reference][["contact_id", "item", "points"]].rename(
        columns={"points": "reference_points"})
    gaps = items[~items.is_reference].merge(ref_items, on=["contact_id", "item"])
    gaps["gap"] = gaps.points - gaps.reference_points
    item_gaps = gaps.groupby(["evaluator", "item"], as_index=False).agg(
        gap=("gap", "mean"), abs_gap=("gap", lambda g: g.abs().mean()),
        scorings=("gap", "size"))

    summary = []
    for evaluator, rows in totals.groupby("evaluator", sort=True):
        known = rows.gap.dropna()
        own = item_gaps[item_gaps.evaluator == evaluator]
        summary.append({
            "evaluator": evaluator,
            "abs_gap": known.abs().mean() if len(known) else None,
            "gap": known.mean() if len(known) else None,
            # 1e-9: a gap of exactly the tolerance is within it, floating point aside.
            "alignment": (known.abs() <= tolerance + 1e-9).mean() if len(known) else None,
            "scorings": len(rows),
            # Systematic: on average at least the tolerance away, in one direction.
            "harsher_on": ", ".join(own[own.gap <= -tolerance + 1e-9].sort_values("gap").item),
            "lenient_on": ", ".join(own[own.gap >= tolerance - 1e-9].sort_values(
                "gap", ascending=False).item)})
    summary = pd.DataFrame(summary, columns=["evaluator", "abs_gap", "gap", "alignment",
                                             "scorings", "harsher_on", "lenient_on"])
    if not summary.empty:
        summary = summary.sort_values("abs_gap", ascending=False, na_position="last") \
            .reset_index(drop=True)

    # Agreement among the evaluators (the reference is not one of the raters).
    matrix = scorers.pivot_table(index="contact_id", columns="evaluator", values="total",
                                 aggfunc="mean")
    complete = matrix.dropna()
    discuss = []
    for item, rows in items[~items.is_reference].groupby("item", sort=True):
        by_contact = rows.pivot_table(index="contact_id", columns="evaluator",
                                      values="points", aggfunc="mean")
        abs_gap = item_gaps[item_gaps.item == item].abs_gap
        discuss.append({"item": item,
                        "abs_gap": abs_gap.mean() if len(abs_gap) else None,
                        "spread": float(np.nanmean(by_contact.std(axis=1, ddof=1)))
                        if by_contact.shape[1] > 1 else None,
                        "alpha": krippendorff_alpha_interval(by_contact.to_numpy())})
    discuss = pd.DataFrame(discuss, columns=["item", "abs_gap", "spread", "alpha"])
    if not discuss.empty:
        discuss = discuss.sort_values(["abs_gap", "spread"], ascending=False,
                                      na_position="last").reset_index(drop=True)
    first = evaluations.iloc[0]
    names = reference.evaluator.dropna().unique().tolist()
    return SessionResult(
        session_id=session_id, provider=first.provider,
        day=pd.Timestamp(evaluations.evaluated_local.min()).date(),
        grid=first.grid, grid_version=None if pd.isna(first.grid_version)
        else int(first.grid_version), tolerance=tolerance,
        reference=names[0] if len(names) == 1 else None,
        contacts=evaluations.contact_id.nunique(),
        evaluators=sorted(scorers.evaluator.dropna().unique()), totals=totals,
        item_gaps=item_gaps, evaluators_summary=summary, items_to_discuss=discuss,
        icc=icc_2_1(complete.to_numpy()),
        alpha=krippendorff_alpha_interval(matrix.to_numpy()), icc_contacts=len(complete))


def analyse_sessions(store: Store, provider: str, tolerance: float = 5.0
                     ) -> list[SessionResult]:
    """Every session of the provider, analysed, oldest first."""
    sessions = list_sessions(store, provider).sort_values("day")
    return [analyse_session(store, s, tolerance) for s in sessions.session_id]


def calibration_history(results: list[SessionResult]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Session after session (see analyse_sessions): (each evaluator's abs_gap, gap and
    alignment; the group's icc and alpha with the contacts and raters they rest on)."""
    per_evaluator, group = [], []
    for result in results:
        for record in result.evaluators_summary.to_dict("records"):
            per_evaluator.append({"session_id": result.session_id, "day": result.day,
                                  **{k: record[k] for k in ("evaluator", "abs_gap", "gap",
                                                            "alignment")}})
        group.append({"session_id": result.session_id, "day": result.day, "icc": result.icc,
                      "alpha": result.alpha, "contacts": result.contacts,
                      "raters": len(result.evaluators)})
    return (pd.DataFrame(per_evaluator, columns=["session_id", "day", "evaluator", "abs_gap",
                                                 "gap", "alignment"]),
            pd.DataFrame(group, columns=["session_id", "day", "icc", "alpha", "contacts",
                                         "raters"]))
