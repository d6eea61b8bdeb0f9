"""kpi/ is the logic: it never imports the UI (checked in a fresh interpreter per module)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import kpi

from .conftest import ROOT

MODULES = sorted(m.name for m in pkgutil.walk_packages(kpi.__path__, "kpi."))


def test_every_kpi_module_is_checked():
    assert {"kpi.store", "kpi.ingest.importer", "kpi.cli", "kpi.demo"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_kpi_module_does_not_import_streamlit(module):
    code = f"import sys, {module}; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
