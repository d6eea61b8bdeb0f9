"""KPIs: the registry (what each KPI is), the compiler (its SQL), the engine (running it)."""
