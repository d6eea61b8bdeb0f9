"""Quality: grids, evaluations, calibration sessions and their agreement."""
