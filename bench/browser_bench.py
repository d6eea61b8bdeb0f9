"""How long a committee page takes to settle in a browser: the real app (`cockpit app`) in
Debian's headless chromium, driven by Playwright.

For each committee (production, steering, strategic), two views (the committees of two
providers; the strategic committee by quarter and by half-year) are opened by their deep
links and timed from the request to the moment it settled: no loading skeleton, no
script running, every chart drawn, and nothing on the page changing for a second after
(the time printed is that of the last change, not the second waited). In order:
- first: the first view (for the production committee, the first page of a fresh server
  process, which also imports the app's modules);
- cold: the second view, never computed in this process;
- warm: the same page opened again in a new tab, the data unchanged: served from the
  app's cache (goal: settled in < 0.5 s);
- switch: back to the first view, computed already, through the page's own widget (the
  provider box; the strategic committee's kind): a rerun, not a new page.

    python bench/browser_bench.py [--db PATH] [--repeat 3]

Without --db, the demo database is built in a temporary folder (as `cockpit app` builds it
on a first run). With --db, a copy is served (e.g. kpi_bench's generated 10 M contacts).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's tests/ (the served app, as the tests serve it)

from tests.processes import serve_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PAGES = ("production", "steering", "strategic")

# The page's state as one tuple: loading skeletons, a running script's status widget, the
# charts and the charts drawn, and the text's length (which moves while anything draws).
STATE_JS = """() => [
    document.querySelectorAll('[data-testid="stSkeleton"]').length,
    document.querySelectorAll('[data-testid="stStatusWidget"]').length,
    document.querySelectorAll('[data-testid="stPlotlyChart"]').length,
    [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .filter(chart => chart.querySelector('.main-svg')).length,
    document.body ? document.body.innerText.length : 0]"""


def settle_time(page, started: float, quiet_s: float = 1.0, limit_s: float = 120) -> float:
    """Seconds from `started` to the page's last change before it stayed settled."""
    last_state, last_change = None, time.perf_counter()
    while time.perf_counter() - started < limit_s:
        state = page.evaluate(STATE_JS)
        now = time.perf_counter()
        if state != last_state:
            last_state, last_change = state, now
        skeletons, running, charts, drawn, _text = state
        if (not skeletons and not running and charts and drawn == charts
                and now - last_change >= quiet_s):
            return last_change - started
        page.wait_for_timeout(25)
    raise SystemExit(f"the page did not settle within {limit_s} s: {last_state}")


def open_page(context, url: str) -> tuple[float, object]:
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    return settle_time(page, started), page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to serve (a copy is made)")
    parser.add_argument("--repeat", type=int, default=3, help="warm openings per page")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "cockpit.duckdb"
        if args.db:
            shutil.copy(args.db, db)
        else:
            from kpi.demo import build_demo

            build_demo(db)
        con = duckdb.connect(str(db), read_only=True)
        providers = [r[0] for r in con.execute(
            "SELECT provider FROM contacts GROUP BY ALL ORDER BY count(*) DESC LIMIT 2")
            .fetchall()]
        contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
        con.close()
        server, url = serve_app(db, Path(tmp) / "app.log", timeout_s=120)
        print(f"{contacts:,} contacts; providers {', '.join(providers)}; "
              f"chromium headless, 1400×1000")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run"])
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                print(f"{'page':<11} {'first':>7} {'cold':>7} {'warm (median)':>14} "
                      f"{'switch':>7}")
                for name in PAGES:
                    # Two views of the page by deep link: the committee of each of two
                    # providers, or the strategic committee by quarter and by half-year.
                    views = (("kind=quarter", "kind=half") if name == "strategic" else
                             tuple(f"provider={quote(p)}" for p in providers))
                    link = f"{url}/{name}?lang=en&"
                    first, page = open_page(context, link + views[0])
                    page.close()
                    cold, page = open_page(context, link + views[1])
                    page.close()
                    warm = []
                    for _ in range(args.repeat):
                        seconds, page = open_page(context, link + views[1])
                        warm.append(seconds)
                    # Back to the first view, computed already, through the page's own
                    # widget: the strategic kind's first choice, or the provider box.
                    if name == "strategic":
                        started = time.perf_counter()
                        page.locator('[data-testid="stMain"] '
                                     '[data-testid="stRadioOption"]').first.click()
                    else:
                        page.get_by_test_id("stMain").get_by_test_id(
                            "stSelectbox").first.click()
                        started = time.perf_counter()
                        page.get_by_role("option", name=providers[0], exact=True).click()
                    switch = settle_time(page, started)
                    page.close()
                    print(f"{name:<11} {first:6.2f}s {cold:6.2f}s "
                          f"{statistics.median(warm):13.2f}s {switch:6.2f}s")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
