"""The app's entry lives inside app_pages (issue 18): the checkout's app.py and the script the
installed `cockpit app` runs are the same app, and nothing depends on the entry being a
top-level app.py (tests/test_packaging.py checks the installed wheel itself)."""

from __future__ import annotations

import ast
import re

from kpi.cli import app_script

from .conftest import ROOT


def _calls_navigation_run(script) -> bool:
    tree = ast.parse(script.read_text(encoding="utf-8"))
    imports = [n for n in tree.body if isinstance(n, ast.ImportFrom)]
    calls = [n.value.func.id for n in tree.body
             if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    return [(i.module, [a.name for a in i.names]) for i in imports] == \
        [("app_pages.navigation", ["run"])] and calls == ["run"]


def test_the_checkout_and_the_installed_entry_run_the_same_app():
    script = app_script()
    assert script == ROOT / "app_pages" / "entry" / "streamlit_app.py"
    assert _calls_navigation_run(ROOT / "app.py") and _calls_navigation_run(script)
    # Streamlit puts the script's folder first on sys.path: it holds nothing else.
    assert sorted(p.name for p in script.parent.iterdir() if p.name != "__pycache__") == \
        ["__init__.py", "streamlit_app.py"]


def test_every_page_declared_is_beside_the_navigation():
    from app_pages.navigation import PAGE_FOLDER, PAGES

    assert PAGE_FOLDER == ROOT / "app_pages"
    assert [s for _g, s, _t, _i, _p in PAGES if not (PAGE_FOLDER / s).is_file()] == []


def test_pages_link_to_pages_from_their_own_folder_not_the_entrys():
    """"app_pages/x.py" is read from the entry script's folder: right beside the checkout's
    app.py, a missing page for the installed entry."""
    for page in sorted((ROOT / "app_pages").glob("*.py")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(page_link|switch_page)\(\s*f?["']app_pages/""", text), \
            page.name
