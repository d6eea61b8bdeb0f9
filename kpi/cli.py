"""`cockpit`: imports, history and demo data without the UI. Its contract is kept stable.

    cockpit import PATH... [--provider NAME] [--profile NAME] [--db FILE] [--skip-bad-rows]
                   [--first-day YYYY-MM-DD]
    cockpit imports [--format table|csv|json]
    cockpit undo IMPORT_ID
    cockpit rejected [IMPORT_ID] [--format table|csv|json]
    cockpit profiles
    cockpit kpis --grain day|week|month|quarter [--by provider[,site][,queue]] [--from D]
                 [--to D] [--kpi ID,...] [--format csv|json]
    cockpit targets list [--format table|csv|json] | cockpit targets import FILE
    cockpit report production --provider NAME --week 2026-W03 --out FILE.xlsx|FILE.html
    cockpit report steering --provider NAME --month 2026-01 --out FILE.xlsx|FILE.html
    cockpit report strategic --quarter 2026-Q1|--half 2026-H1 [--provider NAME] --out FILE
    cockpit report selection --providers A,B,C --out FILE.xlsx|FILE.html
    cockpit flags [--provider NAME] [--from D --to D] [--format table|csv|json] [--lang]
    cockpit reconcile [--provider NAME] [--from D --to D] [--format table|csv|json]
    cockpit visits list [--provider NAME] [--format table|csv|json]
    cockpit visits import FILE --provider NAME
    cockpit watch [--inbox DIR] [--interval S] [--once]
    cockpit demo-feed [--inbox DIR] [--every S] [--count N]
    cockpit demo [--db FILE] [--force]
    cockpit app [--db FILE] [--host HOST] [--port N] [--headless] [--demo-feed]
    cockpit users add NAME --role admin|pilot|executive|provider [--provider NAME]
                  [--email ADDRESS] --password-stdin
    cockpit users list [--format table|csv|json] | users remove NAME
    cockpit users passwd NAME --password-stdin
    cockpit boards list [--format table|csv|json] | boards link NAME [--base-url URL]
    cockpit boards revoke NAME
    cockpit backup OUT [--db FILE]
    cockpit restore IN [--db FILE]

The database is --db, else $COCKPIT_DB, else data/cockpit.duckdb, and it must exist: a
mistyped path is an error (exit 1), not a new empty database. `demo` builds one, `app`
builds the demo at the default path on first run, `restore` writes one, and any command
given --create starts a new, empty one.

`backup OUT` copies the database consistently (a checkpoint, then the file, while no write
can start); DuckDB lets one process hold the file, so while the app runs it stops with a
clear message (stop the app first). `restore IN` replaces the database with IN after
checking it is a Cockpit database of a known schema version; it refuses to overwrite a
database in use.

Every command logs (imports, refusals, undo, inbox passes) to stderr and to `cockpit.log`
beside the database (kpi/logs.py).

Each command imports what it needs inside its function, so that starting `cockpit` for one
command does not load the others' dependencies (the one place of kpi/ where imports sit in
functions by design; tests/test_imports.py allows it here only).
"""

from __future__ import annotations

import argparse
import csv
import getpass
import logging
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kpi import clock
from kpi.errors import CockpitError
from kpi.periods import DAY, MONTH, WEEK, parse
from kpi.settings import DEFAULT_DB, PROJECT_ROOT, resolve_db_path, settings_help

if TYPE_CHECKING:  # pandas is loaded by the commands that print frames, not by `kpis`
    import pandas as pd

log = logging.getLogger("cockpit.ingest")


class TerminalProgress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=sys.stderr, width: int = 30):
        self.stream = stream
        self.width = width
        self.enabled = stream.isatty()

    def __call__(self, fraction: float, label: str) -> None:
        if not self.enabled:
            return
        filled = int(self.width * max(0.0, min(fraction, 1.0)))
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {fraction:4.0%} {label[:60]:<60}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (self.width + 70) + "\r")
            self.stream.flush()


def _open_store(args):
    """The database as the command line changes it: its changes are recorded as made by
    `cli:<user>` (there is no signed-in account here, only whoever holds the file)."""
    from kpi.store import Store

    _check_database_exists(args)
    return Store(resolve_db_path(args.db)).view(f"cli:{getpass.getuser()}")


def _print_table(df: pd.DataFrame, fmt: str) -> None:
    import pandas as pd

    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", date_format="iso", force_ascii=False))
        sys.stdout.write("\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200):
            print(df.to_string(index=False) if not df.empty else "(none)")


def cmd_import(args) -> int:
    from kpi.ingest.importer import import_files

    missing = [p for p in args.paths if not Path(p).is_file()]
    if missing:
        raise CockpitError("no such file: " + ", ".join(missing))
    progress = TerminalProgress()
    with _open_store(args) as store:  # the importer logs each import and refusal
        try:
            reports = import_files(
                store, [(Path(p), Path(p).name) for p in args.paths],
                provider=args.provider, profile=args.profile,
                skip_bad_rows=args.skip_bad_rows, on_progress=progress,
                first_day=args.first_day,
            )
        finally:
            progress.close()
    for report in reports:
        print(report.summary())
    return 0


def cmd_imports(args) -> int:
    from kpi.ingest.importer import import_history

    with _open_store(args) as store:
        _print_table(import_history(store), args.format)
    return 0


def cmd_undo(args) -> int:
    from kpi.ingest.importer import undo_import

    with _open_store(args) as store:  # the importer logs the undo or its refusal
        removed = undo_import(store, args.import_id)
    print(f"import #{args.import_id} undone: {removed} rows removed")
    return 0


def cmd_rejected(args) -> int:
    from kpi.ingest.importer import rejected_rows

    with _open_store(args) as store:
        _print_table(rejected_rows(store, args.import_id), args.format)
    return 0


def cmd_profiles(args) -> int:
    import pandas as pd

    from kpi.ingest.importer import list_profiles

    with _open_store(args) as store:
        rows = [(p.name, p.kind, p.title) for p in list_profiles(store)]
    _print_table(pd.DataFrame(rows, columns=["profile", "kind", "description"]), "table")
    return 0


def cmd_kpis(args) -> int:
    # Only what the KPIs need: no pandas for CSV (its import alone took longer than the
    # query of a year of contacts); JSON keeps pandas' writer, whose number format is the
    # contract.
    from kpi.metrics.compile import KpiRequest
    from kpi.metrics.engine import compute_kpis, kpi_rows
    from kpi.metrics.registry import KPIS
    from kpi.provider_settings import sl_definition

    kpis = tuple(args.kpi.split(",")) if args.kpi else tuple(k.id for k in KPIS)
    by = tuple(s for s in (args.by or "").split(",") if s)
    request = KpiRequest(kpis=kpis, grain=args.grain, by=by, date_from=args.date_from,
                         date_to=args.date_to)
    with _open_store(args) as store:
        if args.format == "csv":
            columns, rows = kpi_rows(store, request)
        else:
            table = compute_kpis(store, request).table().copy()
        # stdout keeps its columns for machines; people read the definition on stderr.
        print(f"# {sl_definition(store)}", file=sys.stderr)
    if args.format == "csv":
        _write_csv(columns, rows)
        return 0
    import pandas as pd

    if args.grain != "interval":
        table["period_start"] = pd.to_datetime(table.period_start).dt.strftime("%Y-%m-%d")
    _print_table(table, args.format)
    return 0


def _write_csv(columns: list[str], rows: list[tuple]) -> None:
    """Rows as pandas' to_csv wrote them (the contract): ISO dates, empty for NULL, floats
    in their shortest repr, integers as integers, quotes only where needed."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else repr(v) if isinstance(v, float) else v
                      for v in row] for row in rows)


def cmd_targets(args) -> int:
    from kpi.governance.targets import import_targets, list_targets

    with _open_store(args) as store:
        if args.action == "import":
            if not args.file or not Path(args.file).is_file():
                raise CockpitError(f"no such file: {args.file}")
            added = import_targets(store, args.file)
            print(f"{added} target(s) added from {Path(args.file).name}")
            return 0
        table = list_targets(store)
    _print_table(table, args.format)
    return 0


def _committee_pack(store, args):
    """The pack the arguments ask for, or CockpitError naming what is missing."""
    from kpi.inventory import providers
    from kpi.reports import packs

    if args.committee == "selection":
        from kpi.visits.selection import compare

        names = [n.strip() for n in (args.providers or "").split(",") if n.strip()]
        if not names:
            raise CockpitError("the selection pack needs --providers A,B,C")
        return packs.selection_pack(compare(store, names), args.lang)
    known = providers(store)
    if args.provider is not None and args.provider not in known:
        raise CockpitError(f"unknown provider {args.provider!r}; known: {', '.join(known)}")
    if args.committee == "production":
        from kpi.reports.production import complete_weeks, production_committee

        week = parse(_required(args, "week", "2026-W03"), WEEK).start
        if week not in complete_weeks(store, _required(args, "provider", "NAME")):
            raise CockpitError(f"{args.provider} has no complete week {args.week} of data")
        return packs.production_pack(production_committee(store, args.provider, week),
                                     args.lang)
    if args.committee == "steering":
        from kpi.reports.steering import months_with_data, steering_committee

        month = parse(_required(args, "month", "2026-01"), MONTH).start
        if month not in months_with_data(store, _required(args, "provider", "NAME")):
            raise CockpitError(f"{args.provider} has no data in {args.month}")
        return packs.steering_pack(steering_committee(store, args.provider, month), args.lang)
    from kpi.reports.strategic import PERIOD_KINDS, complete_periods, strategic_committee

    if (args.quarter is None) == (args.half is None):
        raise CockpitError("give --quarter 2026-Q1 or --half 2026-H1")
    period = parse(args.quarter or args.half, PERIOD_KINDS)
    chosen = [args.provider] if args.provider else known
    if period not in complete_periods(store, period.kind, chosen):
        raise CockpitError(f"no complete {period.kind} {period.label} of data for "
                           f"{', '.join(chosen)}")
    return packs.strategic_pack(strategic_committee(store, period, chosen), args.lang)


def _required(args, name: str, example: str) -> str:
    value = getattr(args, name)
    if value is None:
        raise CockpitError(f"the {args.committee} committee needs --{name} {example}")
    return value


def cmd_report(args) -> int:
    from kpi.reports.pack_files import write_pack

    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".html"):
        raise CockpitError(f"--out must end in .xlsx or .html: {out}")
    with _open_store(args) as store:
        pack = _committee_pack(store, args)
    write_pack(pack, out)
    print(f"{out}: {pack.title}")
    return 0


def cmd_flags(args) -> int:
    from datetime import timedelta

    from kpi.flags import flags_table, red_flags
    from kpi.inventory import last_contact_day, providers

    with _open_store(args) as store:
        known = providers(store)
        if args.provider and args.provider not in known:
            raise CockpitError(f"unknown provider {args.provider!r}; known: {', '.join(known)}")
        date_to = args.date_to or last_contact_day(store) or clock.today()
        date_from = args.date_from or date_to - timedelta(weeks=8)
        flags = red_flags(store, [args.provider] if args.provider else known, date_from,
                          date_to)
    _print_table(flags_table(flags, args.lang), args.format)
    return 0


def cmd_reconcile(args) -> int:
    from kpi.inventory import providers
    from kpi.metrics.reconcile import reconciliation

    with _open_store(args) as store:
        if args.provider and args.provider not in providers(store):
            raise CockpitError(f"unknown provider {args.provider!r}")
        table = reconciliation(store, args.provider, args.date_from, args.date_to)
    import pandas as pd

    table["period_start"] = pd.to_datetime(table.period_start).dt.strftime("%Y-%m-%d")
    _print_table(table, args.format)
    return 0


def cmd_visits(args) -> int:
    import pandas as pd

    from kpi.visits.candidates import stages
    from kpi.visits.reports import import_visit_file, list_visits

    with _open_store(args) as store:
        known = stages(store).name.tolist()
        if args.provider and args.provider not in known:
            raise CockpitError(f"unknown provider {args.provider!r}; known: {', '.join(known)}")
        if args.action == "list":
            table = list_visits(store, args.provider)
            table["visited_on"] = pd.to_datetime(table.visited_on).dt.strftime("%Y-%m-%d")
            _print_table(table, args.format)
            return 0
        if not args.file or not Path(args.file).is_file():
            raise CockpitError(f"no such file: {args.file}")
        if not args.provider:
            raise CockpitError("visits import needs --provider NAME")
        visit_id, report = import_visit_file(store, args.file, args.provider)
    ratings = [r for r, _ in report.ratings.values()]
    print(f"visit #{visit_id} of {report.provider} on {report.visited_on} at {report.site}: "
          f"{len(ratings)} item(s) rated ({ratings.count('serious')} serious, "
          f"{ratings.count('minor')} minor)")
    return 0


def cmd_watch(args) -> int:
    import time
    from datetime import datetime

    from kpi.live.watcher import InboxWatcher

    with _open_store(args) as store:
        watcher = InboxWatcher(store, Path(args.inbox) if args.inbox else None,
                               args.interval, on_outcome=_print_outcome)
        print(f"watching {watcher.inbox} every {watcher.interval_s:g} s"
              + (" (once)" if args.once else " (Ctrl-C to stop)"), file=sys.stderr)
        if args.once:
            outcomes = watcher.run_once()
            for line in watcher.state().lines():
                print(line, file=sys.stderr)
            return 0 if all(o.imported for o in outcomes) else 1
        shown: tuple = ()
        try:
            while True:
                try:
                    watcher.run_once()
                except Exception as error:  # one broken pass must not stop the watch
                    watcher.last_error = f"the pass failed: {type(error).__name__}: {error}"
                    watcher.last_error_at = datetime.now()
                state = watcher.state()
                # The state, with its times, each time something in it changed.
                key = (state.waiting, state.refused_today, state.last_error,
                       state.imported_since_start, state.skipped)
                if key != shown:
                    for line in state.lines():
                        print(line, file=sys.stderr)
                    shown = key
                time.sleep(watcher.interval_s)
        except KeyboardInterrupt:
            pass
    return 0


def _print_outcome(outcome) -> None:
    if outcome.imported:
        print(f"{outcome.file}: {outcome.message} -> {outcome.moved_to}")
    else:
        print(f"{outcome.file}: refused -> {outcome.moved_to}\n  {outcome.message}",
              file=sys.stderr)


def cmd_demo_feed(args) -> int:
    from kpi.live.demo_feed import run_feed

    inbox = Path(args.inbox) if args.inbox else resolve_db_path(args.db).parent / "inbox"
    run_feed(inbox, args.every, args.count,
             on_drop=lambda paths: print(f"dropped {len(paths)} snapshot(s) into {inbox}"))
    return 0


def cmd_demo(args) -> int:
    from kpi.demo import build_demo

    path = resolve_db_path(args.db)
    progress = TerminalProgress()
    try:
        built = build_demo(path, force=args.force, on_progress=progress)
    finally:
        progress.close()
    print(f"demo database {'built' if built else 'already present'}: {path}")
    return 0


def cmd_app(args) -> int:
    from kpi.access.accounts import has_accounts
    from kpi.access.network import is_loopback
    from kpi.demo import build_demo
    from kpi.store import Store

    _check_database_exists(args)
    path = resolve_db_path(args.db)
    if not path.exists() and args.create:  # a new, empty database (main checks the rest)
        Store(path).close()
    elif not path.exists():  # only the default path gets here (main checks the others)
        print(f"building the demo database at {path} (first run)…", file=sys.stderr)
        build_demo(path, on_progress=TerminalProgress())
    if not is_loopback(args.host):
        with Store(path) as store:
            if not has_accounts(store):
                raise CockpitError(
                    f"refusing to serve {args.host}: this database has no account, so "
                    "anyone on that network would see everything. Create one first:\n"
                    f"  cockpit users add NAME --role admin --password-stdin --db {path}\n"
                    "or leave out --host to serve this computer only (local mode).")
    env = dict(os.environ, COCKPIT_DB=str(path.resolve()))
    command = [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"),
               "--server.address", args.host, "--server.port", str(args.port),
               "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"]
    if args.headless:
        command += ["--server.headless", "true"]
    if args.demo_feed:  # the providers' ACDs, played by a thread of this process
        import threading

        from kpi.live.demo_feed import run_feed

        threading.Thread(target=run_feed, args=(path.parent / "inbox", 60, None),
                         daemon=True).start()
    server = subprocess.Popen(command, env=env)

    def forward(signum, _frame) -> None:  # stopping `cockpit app` stops the server it started
        server.send_signal(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, forward)
    return server.wait()


def cmd_backup(args) -> int:
    from kpi.backup import backup_file

    _check_database_exists(args)
    path = resolve_db_path(args.db)
    version = backup_file(path, Path(args.out))
    print(f"{path} backed up to {args.out} (schema version {version})")
    return 0


def cmd_restore(args) -> int:
    from kpi.backup import restore_file

    path = resolve_db_path(args.db)
    version = restore_file(Path(args.source), path)
    print(f"{path} restored from {args.source} (schema version {version})")
    return 0


def _password_from_stdin(args) -> str:
    if not args.password_stdin:
        raise CockpitError("give the password on standard input with --password-stdin "
                           "(never on the command line, where other users can see it)")
    return sys.stdin.readline().rstrip("\r\n")


def cmd_users(args) -> int:
    from kpi.access import accounts

    with _open_store(args) as store:
        if args.action == "list":
            _print_table(accounts.list_accounts(store), args.format)
            return 0
        if not args.name:
            raise CockpitError(f"users {args.action} needs the account's NAME")
        if args.action == "add":
            if not args.role:
                raise CockpitError("users add needs --role admin|pilot|executive|provider")
            added = accounts.add_account(store, args.name, args.role,
                                         _password_from_stdin(args), provider=args.provider,
                                         email=args.email)
            bound = f" for {added.provider}" if added.provider else ""
            print(f"account {added.name} added: {added.role}{bound}")
        elif args.action == "remove":
            accounts.remove_account(store, args.name)
            print(f"account {args.name} removed")
        else:
            accounts.set_password(store, args.name, _password_from_stdin(args))
            print(f"password of {args.name} changed")
    return 0


def cmd_boards(args) -> int:
    from kpi.access.links import DEFAULT_BASE_URL, create_link, link_counts, revoke_links
    from kpi.live.boards import boards_table

    with _open_store(args) as store:
        if args.action == "list":
            table = boards_table(store).merge(link_counts(store), on="name", how="left")
            _print_table(table, args.format)
            return 0
        if not args.name:
            raise CockpitError(f"boards {args.action} needs the board's NAME")
        if args.action == "link":
            print(create_link(store, args.name, args.base_url or DEFAULT_BASE_URL))
        else:
            count = revoke_links(store, args.name)
            print(f"{count} link(s) of board {args.name} revoked")
    return 0


def _date(text: str) -> date:
    try:
        return parse(text, DAY).start
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", help="database file (default: $COCKPIT_DB, else "
                                 "data/cockpit.duckdb); it must exist unless --create")
    db.add_argument("--create", action="store_true",
                    help="create the database if it does not exist (without it, a missing "
                         "database is an error: a mistyped --db never becomes a new one)")
    parser = argparse.ArgumentParser(
        prog="cockpit", description="Steering cockpit for outsourced contact centers.",
        epilog=settings_help("en"), formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", parents=[db], help="import provider exports (CSV, XLSX, "
                                                    "JSON lines, queue_log)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--provider", help="provider of the rows, when the file does not say")
    p.add_argument("--profile", help="force an import profile (see `cockpit profiles`)")
    p.add_argument("--first-day", type=_date, metavar="YYYY-MM-DD",
                   help="date of day 1, for declared reports that number their days")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="set bad rows aside (see `cockpit rejected`) instead of refusing "
                        "the file")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("imports", parents=[db], help="list the import history")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_imports)

    p = sub.add_parser("undo", parents=[db], help="remove one import's rows")
    p.add_argument("import_id", type=int, metavar="IMPORT_ID")
    p.set_defaults(run=cmd_undo)

    p = sub.add_parser("rejected", parents=[db], help="rows set aside by --skip-bad-rows")
    p.add_argument("import_id", type=int, nargs="?", metavar="IMPORT_ID")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_rejected)

    p = sub.add_parser("profiles", parents=[db], help="list import profiles")
    p.set_defaults(run=cmd_profiles)

    p = sub.add_parser("kpis", parents=[db], help="KPIs per period and scope (SPEC §3 ids)")
    p.add_argument("--grain", choices=["interval", "day", "week", "month", "quarter", "year"],
                   default="week")
    p.add_argument("--by", help="scope columns, comma-separated: provider,site,queue,"
                                "channel,agent,team")
    p.add_argument("--from", dest="date_from", type=_date, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (included), YYYY-MM-DD")
    p.add_argument("--kpi", help="KPI ids, comma-separated (default: all)")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.set_defaults(run=cmd_kpis)

    p = sub.add_parser("targets", parents=[db], help="the SMART targets register")
    p.add_argument("action", choices=["list", "import"])
    p.add_argument("file", nargs="?", metavar="FILE", help="with import: a CSV or XLSX file")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_targets)

    p = sub.add_parser("report", parents=[db], help="a committee pack (Excel or HTML)")
    p.add_argument("committee", choices=["production", "steering", "strategic", "selection"])
    p.add_argument("--provider", help="required for production and steering; strategic "
                                      "without it compares all providers")
    p.add_argument("--week", help="production: ISO week, e.g. 2026-W03")
    p.add_argument("--month", help="steering: month, e.g. 2026-01")
    p.add_argument("--quarter", help="strategic: quarter, e.g. 2026-Q1")
    p.add_argument("--half", help="strategic: half-year, e.g. 2026-H1")
    p.add_argument("--providers", help="selection: the finalists compared, e.g. A,B,C "
                                       "(candidates or providers)")
    p.add_argument("--out", required=True, help="FILE.xlsx or FILE.html")
    p.add_argument("--lang", choices=["fr", "en"], default="fr")
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("flags", parents=[db], help="red flags: data signatures of a failing "
                                                   "floor, with their evidence")
    p.add_argument("--provider", help="one provider (default: all)")
    p.add_argument("--from", dest="date_from", type=_date, help="first day (default: 8 weeks "
                                                                "before --to)")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (default: the last day "
                                                            "with contacts)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--lang", choices=["fr", "en"], default="en")
    p.set_defaults(run=cmd_flags)

    p = sub.add_parser("reconcile", parents=[db], help="each declared period and KPI against "
                                                       "Cockpit's detail and the report's own "
                                                       "counts (SPEC §6)")
    p.add_argument("--provider", help="one provider (default: all that declare)")
    p.add_argument("--from", dest="date_from", type=_date, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (included), YYYY-MM-DD")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_reconcile)

    p = sub.add_parser("visits", parents=[db], help="floor visits: list them, or import a "
                                                    "filled visit grid (CSV or XLSX)")
    p.add_argument("action", choices=["list", "import"])
    p.add_argument("file", nargs="?", help="import: the filled grid (one row per item: "
                                           "item, rating, notes; date, site, visitors, "
                                           "listening sessions, verdict)")
    p.add_argument("--provider", help="list: only this provider's visits; import: the "
                                      "provider or candidate visited")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_visits)

    p = sub.add_parser("watch", parents=[db], help="import the files dropped into the inbox "
                                                   "(when the app is not running)")
    p.add_argument("--inbox", help="inbox folder (default: the setting, else 'inbox' beside "
                                   "the database)")
    p.add_argument("--interval", type=float, help="seconds between two looks (default: the "
                                                  "setting, 10)")
    p.add_argument("--once", action="store_true", help="one pass, then exit (1 if a file "
                                                       "was refused)")
    p.set_defaults(run=cmd_watch)

    p = sub.add_parser("demo-feed", parents=[db], help="drop demo real-time snapshots into "
                                                       "the inbox, as the providers' ACDs")
    p.add_argument("--inbox", help="inbox folder (default: 'inbox' beside the database)")
    p.add_argument("--every", type=float, default=60, help="seconds between drops (60)")
    p.add_argument("--count", type=int, help="stop after this many drops (default: never)")
    p.set_defaults(run=cmd_demo_feed)

    p = sub.add_parser("demo", parents=[db], help="build the demo database")
    p.add_argument("--force", action="store_true", help="rebuild it if it exists")
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("app", parents=[db], help="start the app (builds the demo database "
                                                 "first if there is none)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this computer only); any "
                        "other needs at least one account (`cockpit users add`)")
    p.add_argument("--port", type=int, default=8501, help="port to listen on (8501)")
    p.add_argument("--headless", action="store_true", help="do not open a browser")
    p.add_argument("--demo-feed", action="store_true",
                   help="drop demo real-time snapshots into the inbox every minute, so the "
                        "wallboards are live on the demo data")
    p.set_defaults(run=cmd_app)

    p = sub.add_parser("users", parents=[db], help="accounts that sign in to the app, and "
                                                   "their roles")
    p.add_argument("action", choices=["add", "list", "remove", "passwd"])
    p.add_argument("name", nargs="?", metavar="NAME")
    p.add_argument("--role", help="add: admin, pilot, executive or provider")
    p.add_argument("--provider", help="add: the provider a provider account belongs to")
    p.add_argument("--email", help="add: e-mail address for single sign-on (optional)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password (10 characters or more) from standard input")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_users)

    p = sub.add_parser("boards", parents=[db], help="saved wallboards and their screen links")
    p.add_argument("action", choices=["list", "link", "revoke"])
    p.add_argument("name", nargs="?", metavar="NAME")
    p.add_argument("--base-url", help="link: the app's address as screens reach it (default "
                                      "http://localhost:8501)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=cmd_boards)

    p = sub.add_parser("backup", parents=[db], help="copy the database consistently (not "
                                                    "while the app holds it)")
    p.add_argument("out", metavar="OUT", help="the backup file to write")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("restore", parents=[db], help="replace the database with a backup "
                                                     "(not while it is in use)")
    p.add_argument("source", metavar="IN", help="a Cockpit database file (a backup)")
    p.set_defaults(run=cmd_restore)
    return parser


def _check_database_exists(args) -> None:
    """--db (or $COCKPIT_DB, or the default) must name an existing database, unless the
    user asked with --create: a mistyped path is an error. Every command that opens the
    database calls it (`demo` and `restore` write one, `demo-feed` only drops files)."""
    path = resolve_db_path(args.db)
    if args.create:
        return
    if str(path).startswith(":memory:") or path.exists():
        return
    if args.command == "app" and not args.db and not os.environ.get("COCKPIT_DB") \
            and path == DEFAULT_DB:
        return  # the first run of `cockpit app` builds the demo there
    given = "--db" if args.db else "COCKPIT_DB" if os.environ.get("COCKPIT_DB") else \
        "the default database"
    raise CockpitError(
        f"no database at {path} ({given}). Check the path; to start a new, empty database "
        "there, add --create (`cockpit demo --db FILE` builds the demo one).")


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `cockpit kpis | head` ends quietly, as CLIs do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = build_parser().parse_args(argv)
    from kpi.logs import configure_logging

    configure_logging(resolve_db_path(args.db))
    try:
        return args.run(args)
    except CockpitError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
