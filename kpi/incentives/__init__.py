"""Win-win remuneration: incentive schemes, statements, simulation and payments."""
