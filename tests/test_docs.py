"""The README's promises stay true: its test command is what CI runs, its CLI lines exist."""

from __future__ import annotations

import re

from kpi.cli import build_parser
from kpi.ingest.profiles import BUILTIN_PROFILES

from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)


def test_readme_gives_exactly_two_commands_and_ci_runs_the_test_one():
    start, test = commands()
    assert "cockpit app" in start and "pip install -e ." in start
    assert "pytest" in test and "chromium" in test
    ci = (ROOT / ".ci" / "run").read_text()
    assert test.strip() in ci


def test_every_cli_command_is_documented():
    subcommands = build_parser()._subparsers._group_actions[0].choices
    for name in subcommands:
        assert f"cockpit {name}" in README, name


def test_every_profile_is_documented():
    for profile in BUILTIN_PROFILES:
        assert f"| `{profile.name}` |" in README, profile.name


def test_every_kpi_id_is_documented():
    from kpi.metrics.registry import KPIS

    for kpi in KPIS:
        assert f"`{kpi.id}`" in README, kpi.id
