"""Floor visits and provider selection: visit grids, candidates, visit reports, what the
data says around a visit, and finalists compared."""
