"""Governance objects of SPEC §4: targets (and, later, actions, feedback, incentives)."""
