"""The built wheel is Cockpit: installed in a fresh virtual environment that cannot see this
checkout, it runs `cockpit demo`, `cockpit kpis` and `cockpit app` from an empty folder (issue
18). A module, a page or the Streamlit settings missing from the wheel fails here.

The environment reuses this machine's installed dependencies (--system-site-packages: nothing
big is downloaded) at the versions of constraints.txt, but not this checkout: the wheel is
built from a copy of the sources, the commands run from an empty folder without PYTHONPATH,
and a sitecustomize in the environment removes the finder of any editable install of
cockpit the machine has (`pip install -e .` maps kpi to a checkout, which would otherwise
answer for a module the wheel lacks)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT
from .processes import free_port, wait_until_healthy

# Only what the wheel is built from: no tests, data, caches or build leftovers.
NOT_SOURCES = {".git", "build", "dist", "data", "tests", "bench", ".pytest_cache",
               ".ruff_cache"}

NO_EDITABLE_FINDER = """\
# tests/test_packaging.py: this environment sees the wheel, never a checkout's editable install.
import sys

sys.meta_path[:] = [f for f in sys.meta_path
                    if not getattr(f, "__module__", "").startswith("__editable__")]
"""


def _sources(into: Path) -> Path:
    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == ROOT
        return {n for n in names if (top and n in NOT_SOURCES) or n == "__pycache__"
                or n.endswith(".egg-info")}

    shutil.copytree(ROOT, into, ignore=ignore, symlinks=True)
    return into


def _run(command: list[str], env: dict, cwd: Path, timeout: float = 300) -> str:
    out = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True,
                         timeout=timeout)
    assert out.returncode == 0, f"{command}\n{out.stdout}\n{out.stderr}"
    return out.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(environment's bin folder, its site-packages, the environment variables, an empty
    folder to run from)."""
    base = tmp_path_factory.mktemp("packaging")
    started = time.time()
    wheels = base / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(_sources(base / "src")),
                    "--no-deps", "-w", str(wheels), "-q"], check=True, timeout=600)
    (wheel,) = wheels.glob("cockpit-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip",
                    str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "sitecustomize.py").write_text(NO_EDITABLE_FINDER)
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "-c",
           str(ROOT / "constraints.txt")]
    # The machine's own cockpit (an editable install) is visible to the environment and has
    # the same version: the wheel goes in regardless, then what it requires that the
    # machine lacks (tzdata, at least).
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(wheel)], check=True,
                   timeout=600)
    subprocess.run([*pip, str(wheel)], check=True, timeout=600)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "COCKPIT_DB", "COCKPIT_LANG", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["HOME"] = str(base / "home")  # no ~/.streamlit of this machine's user
    empty = base / "elsewhere"
    empty.mkdir()
    print(f"wheel built and installed in {time.time() - started:.0f} s")
    return venv / "bin", site, env, empty


def test_the_wheel_holds_every_module_page_and_the_streamlit_settings(installed):
    bin_, site, env, empty = installed
    # What the environment imports is the wheel's, not this checkout's (the app's script is
    # found, not imported: importing it would run the app).
    where = _run([str(bin_ / "python"), "-c", "import importlib.util, app_pages, kpi, kpi.cli; "
                  "print(importlib.util.find_spec('app_pages.entry.streamlit_app').origin, "
                  "app_pages.__file__, kpi.__file__, sep='\\n')"], env, empty).split()
    assert all(Path(w).is_relative_to(site) for w in where), where
    # The Streamlit entry travels inside app_pages: no top-level `app` squats site-packages.
    assert _run([str(bin_ / "python"), "-c", "import importlib.util; "
                 "print(importlib.util.find_spec('app'))"], env, empty) == "None\n"
    assert not (site / "app.py").exists()
    (record,) = site.glob("cockpit-*.dist-info/RECORD")
    assert sorted({line.split("/")[0] for line in record.read_text().splitlines()
                   if not line.startswith(("cockpit-", "../"))}) == ["app_pages", "kpi"]
    for package in ("kpi", "app_pages"):
        for source in (ROOT / package).rglob("*.py"):
            assert (site / source.relative_to(ROOT)).is_file(), f"not in the wheel: {source}"
    assert (site / "app_pages" / "entry" / "streamlit_app.py").is_file()
    assert (site / "kpi" / ".streamlit" / "config.toml").read_text() == \
        (ROOT / "kpi" / ".streamlit" / "config.toml").read_text()
    version = _run([str(bin_ / "cockpit"), "--version"], env, empty)
    assert version == _run([str(bin_ / "python"), "-m", "kpi", "--version"], env, empty)
    from kpi import __version__

    assert version == f"cockpit {__version__}\n"


def test_cockpit_demo_kpis_and_app_from_an_empty_folder(installed):
    bin_, site, env, empty = installed
    cockpit = str(bin_ / "cockpit")  # the environment's script, never the machine's
    assert "demo database built: data/cockpit.duckdb" in _run([cockpit, "demo"], env, empty,
                                                              timeout=600)
    assert (empty / "data" / "cockpit.duckdb").is_file()  # the folder's data/, not site's
    assert not (site / "data").exists()
    kpis = _run([cockpit, "kpis", "--grain", "month", "--by", "provider", "--kpi",
                 "offered,service_level"], env, empty).splitlines()
    assert kpis[0].split(",")[:2] == ["period_start", "provider"] and len(kpis) > 3

    # The home page, run by Streamlit's AppTest from the installed entry script (what
    # `cockpit app` runs), and every page the navigation declares, beside its module.
    home = ("import importlib.util, pathlib\n"
            "from streamlit.testing.v1 import AppTest\n"
            "from kpi.cli import app_script\n"
            "from app_pages.navigation import PAGES, PAGE_FOLDER\n"
            "script = app_script()\n"
            "assert script == pathlib.Path("
            "importlib.util.find_spec('app_pages.entry.streamlit_app').origin)\n"
            "missing = [p[1] for p in PAGES if not (PAGE_FOLDER / p[1]).is_file()]\n"
            "assert len(PAGES) > 10 and not missing, missing\n"
            "at = AppTest.from_file(str(script), default_timeout=120)\n"
            "at.query_params['lang'] = 'en'\n"
            "at.run()\n"
            "assert not at.exception, [e.value for e in at.exception]\n"
            "print(at.title[0].value)\n")
    page_env = dict(env, COCKPIT_DB=str(empty / "data" / "cockpit.duckdb"))
    assert _run([str(bin_ / "python"), "-c", home], page_env, empty,
                timeout=300).strip().endswith("Steering cockpit")

    # The packaged settings reach Streamlit from this folder (no .streamlit here).
    applied = ("from streamlit import config\n"
               "from kpi.cli import app_options\n"
               "config.get_config_options(force_reparse=True, "
               "options_from_flags=app_options('127.0.0.1', 8501))\n"
               "for name in ('theme.primaryColor', 'theme.chartCategoricalColors', "
               "'client.toolbarMode', 'browser.gatherUsageStats'):\n"
               "    print(name, config.get_option(name))\n")
    from kpi.reports.charts import PALETTE

    settings = _run([str(bin_ / "python"), "-c", applied], env, empty)
    assert "theme.primaryColor #1f3a5f" in settings
    assert f"theme.chartCategoricalColors {list(PALETTE)}" in settings
    assert "client.toolbarMode minimal" in settings

    # `cockpit app`: the server answers healthy, serves its page, and logs no traceback.
    port = free_port()
    log = empty / "app.log"
    with open(log, "w") as out:
        app = subprocess.Popen([cockpit, "app", "--headless", "--port", str(port)],
                               env=env, cwd=empty, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_healthy(port, app, log, 120)
        for path in ("/", "/production?provider=Nordcall"):  # a deep link too
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}",
                                        timeout=10) as response:
                assert response.status == 200 and b"<html" in response.read().lower()
        children = Path(f"/proc/{app.pid}/task/{app.pid}/children").read_text().split()
        server = Path(f"/proc/{children[0]}/cmdline").read_text().split("\0")
        assert str(site / "app_pages" / "entry" / "streamlit_app.py") in server
        assert server[server.index("--theme.base") + 1] == \
            str(site / "kpi" / ".streamlit" / "config.toml")
        assert server[server.index("--client.toolbarMode") + 1] == "minimal"
    finally:
        app.terminate()
        app.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()
