"""Agreement between raters who scored the same units (contacts).

ICC(2,1): two-way random effects, absolute agreement, single rater (Shrout & Fleiss 1979),
on the units every rater scored. Krippendorff's alpha, interval metric (Krippendorff 2011,
"Computing Krippendorff's Alpha-Reliability"), which accepts missing scores.
"""

from __future__ import annotations

import numpy as np


def icc_2_1(ratings: np.ndarray) -> float | None:
    """ratings: units × raters, complete (rows with a missing score are dropped first).
    None when fewer than 2 units or 2 raters, or when the scores do not vary at all."""
    ratings = np.asarray(ratings, dtype=float)
    ratings = ratings[~np.isnan(ratings).any(axis=1)]
    n, k = ratings.shape if ratings.ndim == 2 else (0, 0)
    if n < 2 or k < 2:
        return None
    grand = ratings.mean()
    ss_rows = k * ((ratings.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((ratings.mean(axis=0) - grand) ** 2).sum()
    ss_total = ((ratings - grand) ** 2).sum()
    ms_rows = ss_rows / (n - 1)
    ms_cols = ss_cols / (k - 1)
    ms_error = (ss_total - ss_rows - ss_cols) / ((n - 1) * (k - 1))
    denominator = ms_rows + (k - 1) * ms_error + k * (ms_cols - ms_error) / n
    return None if denominator == 0 else float((ms_rows - ms_error) / denominator)


def krippendorff_alpha_interval(ratings: np.ndarray) -> float | None:
    """ratings: units × raters, NaN where a rater did not score a unit. None when fewer than
    two pairable values or no variation at all."""
    ratings = np.asarray(ratings, dtype=float)
    units = [row[~np.isnan(row)] for row in ratings]
    units = [u for u in units if len(u) >= 2]  # only pairable values count
    values = np.concatenate(units) if units else np.array([])
    n = len(values)
    if n < 2:
        return None
    observed = sum(((u[:, None] - u[None, :]) ** 2).sum() / (len(u) - 1) for u in units) / n
    expected = ((values[:, None] - values[None, :]) ** 2).sum() / (n * (n - 1))
    return None if expected == 0 else float(1 - observed / expected)
