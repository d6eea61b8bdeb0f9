"""`cockpit`: imports, history and demo data without the UI. Its contract is kept stable.

    cockpit --version
    cockpit import PATH... [--provider NAME] [--profile NAME] [--db FILE] [--skip-bad-rows]
                   [--first-day YYYY-MM-DD]
    cockpit imports [--format table|csv|json]
    cockpit undo IMPORT_ID
    cockpit rejected [IMPORT_ID] [--format table|csv|json]
    cockpit profiles [--format table|csv|json]
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

Every command takes --lang fr|en (default: $COCKPIT_LANG, else English: the messages scripts
have always read), and every command that prints a result takes --format json (a sentence's
commands: --format text|json; `watch` and `demo-feed`: one JSON object per line).

Exit codes (EXIT_CODES below, printed by `cockpit --help`): 0 done, 1 refused input (fix the
file or the arguments), 2 usage error, 75 database busy (another process holds it: retry later;
75 is sysexits' EX_TEMPFAIL).

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
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kpi import clock
from kpi.errors import CockpitError, DatabaseBusy, Day, Msg, Num, in_language, say
from kpi.i18n import plural_category
from kpi.periods import DAY, MONTH, WEEK, parse
from kpi.settings import DEFAULT_DB, resolve_db_path, settings_help

if TYPE_CHECKING:  # pandas is loaded by the commands that print frames, not by `kpis`
    import pandas as pd

log = logging.getLogger("cockpit.ingest")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 75
EXIT_CODES = f"""exit codes:
  {EXIT_OK}   done
  {EXIT_REFUSED}   refused input: a file, a value or a state to fix (the message says which)
  {EXIT_USAGE}   usage error: an unknown command or option, a malformed argument
  {EXIT_BUSY}  database busy: another process (usually the running app) holds it for
       writing; retry later (sysexits EX_TEMPFAIL)
"""
LANG_ENV = "COCKPIT_LANG"
MESSAGE_LANGUAGES = ("en", "fr")


def message_language(args) -> str:
    """The language of the messages: --lang, else $COCKPIT_LANG ("fr", "fr_FR.UTF-8"…),
    else English (the words scripts have always read)."""
    given = getattr(args, "lang", None) or os.environ.get(LANG_ENV, "")
    given = given[:2].lower()
    return given if given in MESSAGE_LANGUAGES else "en"


def _t(args, key: str, /, **values) -> str:
    """The catalogue's sentence `key` in the messages' language (kpi/i18n.py, "cli.*")."""
    return say(key, message_language(args), **values)


def _counted(args, key: str, count: int, /, **values) -> str:
    """A sentence with a count: the English "(s)" words scripts read, or the "_one" form of
    the key where the language says one (French: 0 or 1)."""
    one = plural_category(count, message_language(args)) == "one"
    return _t(args, key + "_one" if one else key, count=count, **values)


def _json(data) -> None:
    """One JSON document on stdout (dates as ISO text, non-ASCII kept)."""
    import json  # only the commands that print JSON

    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str))
    sys.stdout.write("\n")
    sys.stdout.flush()


def _say(args, text: str, data: dict) -> None:
    """A command's result: its sentence, or with --format json its data."""
    if getattr(args, "format", "text") == "json":
        _json(data)
    else:
        print(text)


class TerminalProgress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=sys.stderr, width: int = 30, lang: str = "en"):
        self.stream = stream
        self.width = width
        self.lang = lang
        self.enabled = stream.isatty()

    def __call__(self, fraction: float, label: str) -> None:
        if not self.enabled:
            return
        filled = int(self.width * max(0.0, min(fraction, 1.0)))
        bar = "#" * filled + "-" * (self.width - filled)
        label = str(in_language(label, self.lang))
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


def _print_table(df: pd.DataFrame, args) -> None:
    """A frame for machines (CSV, JSON: columns as they are) or people (an aligned table,
    "(none)" in the messages' language when it is empty)."""
    import pandas as pd

    fmt = args.format
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", date_format="iso", force_ascii=False))
        sys.stdout.write("\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200):
            print(df.to_string(index=False) if not df.empty else _t(args, "cli.none"))


def cmd_import(args) -> int:
    from kpi.ingest.importer import import_files

    missing = [p for p in args.paths if not Path(p).is_file()]
    if missing:
        raise CockpitError(key="error.no_such_file", path=", ".join(missing))
    progress = TerminalProgress(lang=message_language(args))
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
    lang = message_language(args)
    if args.format == "json":
        _json([_report_data(report, lang) for report in reports])
        return 0
    for report in reports:
        print(report.summary(lang=lang))
    return 0


def _report_data(report, lang: str) -> dict:
    """An import's report as data (--format json)."""
    return {"file": report.file_name, "status": report.status, "import_id": report.import_id,
            "kind": report.kind, "profile": report.profile, "providers": report.providers,
            "rows_read": report.rows_read, "rows_imported": report.rows_imported,
            "duplicates_dropped": report.duplicates_dropped,
            "rows_rejected": report.rows_rejected, "rows_filtered": report.rows_filtered,
            "rows_updated": report.rows_updated, "replaced_imports": report.replaced_imports,
            "period_start": report.period_start, "period_end": report.period_end,
            "same_as_import": report.same_as_import, "summary": report.summary(lang=lang)}


def cmd_imports(args) -> int:
    from kpi.ingest.importer import import_history

    with _open_store(args) as store:
        _print_table(import_history(store), args)
    return 0


def cmd_undo(args) -> int:
    from kpi.ingest.importer import undo_import

    with _open_store(args) as store:  # the importer logs the undo or its refusal
        removed = undo_import(store, args.import_id)
    _say(args, _t(args, "cli.undone", id=args.import_id, n=removed),
         {"import_id": args.import_id, "rows_removed": removed})
    return 0


def cmd_rejected(args) -> int:
    from kpi.ingest.importer import rejected_rows

    with _open_store(args) as store:
        _print_table(rejected_rows(store, args.import_id), args)
    return 0


def cmd_profiles(args) -> int:
    import pandas as pd

    from kpi.ingest.importer import list_profiles

    with _open_store(args) as store:
        rows = [(p.name, p.kind, p.title) for p in list_profiles(store)]
    _print_table(pd.DataFrame(rows, columns=["profile", "kind", "description"]), args)
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
        print(f"# {sl_definition(store, lang=message_language(args))}", file=sys.stderr)
    if args.format == "csv":
        _write_csv(columns, rows)
        return 0
    import pandas as pd

    if args.grain != "interval":
        table["period_start"] = pd.to_datetime(table.period_start).dt.strftime("%Y-%m-%d")
    _print_table(table, args)
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
                raise CockpitError(key="error.no_such_file", path=args.file)
            added = import_targets(store, args.file)
            _say(args, _counted(args, "cli.targets_added", added, file=Path(args.file).name),
                 {"file": Path(args.file).name, "targets_added": added})
            return 0
        table = list_targets(store)
    _print_table(table, args)
    return 0


def _committee_pack(store, args):
    """The pack the arguments ask for, or CockpitError naming what is missing."""
    from kpi.inventory import providers
    from kpi.reports import packs

    if args.committee == "selection":
        from kpi.visits.selection import compare

        names = [n.strip() for n in (args.providers or "").split(",") if n.strip()]
        if not names:
            raise CockpitError(key="cli.selection_needs_providers")
        return packs.selection_pack(compare(store, names), _pack_language(args))
    known = providers(store)
    if args.provider is not None and args.provider not in known:
        raise _unknown_provider(args.provider, known)
    if args.committee == "production":
        from kpi.reports.production import complete_weeks, production_committee

        week = parse(_required(args, "week", "2026-W03"), WEEK).start
        if week not in complete_weeks(store, _required(args, "provider", "NAME")):
            raise CockpitError(key="cli.no_complete_week", provider=args.provider,
                               week=args.week)
        return packs.production_pack(production_committee(store, args.provider, week),
                                     _pack_language(args))
    if args.committee == "steering":
        from kpi.reports.steering import months_with_data, steering_committee

        month = parse(_required(args, "month", "2026-01"), MONTH).start
        if month not in months_with_data(store, _required(args, "provider", "NAME")):
            raise CockpitError(key="cli.no_month_data", provider=args.provider,
                               month=args.month)
        return packs.steering_pack(steering_committee(store, args.provider, month),
                                   _pack_language(args))
    from kpi.reports.strategic import PERIOD_KINDS, complete_periods, strategic_committee

    if (args.quarter is None) == (args.half is None):
        raise CockpitError(key="cli.quarter_or_half")
    period = parse(args.quarter or args.half, PERIOD_KINDS)
    chosen = [args.provider] if args.provider else known
    if period not in complete_periods(store, period.kind, chosen):
        raise CockpitError(key="cli.no_complete_period", kind=Msg(f"cli.kind.{period.kind}"),
                           period=period.label, providers=", ".join(chosen))
    return packs.strategic_pack(strategic_committee(store, period, chosen),
                                _pack_language(args))


def _unknown_provider(name: str, known: list[str]) -> CockpitError:
    """An unknown --provider, and the names known (the words quote it as Python does)."""
    return CockpitError(key="cli.unknown_provider_known", name=repr(name),
                        known=", ".join(known))


def _pack_language(args) -> str:
    """A committee pack's language: --lang, else French (the committees' language; not
    $COCKPIT_LANG, which sets the messages)."""
    return args.lang or "fr"


def _required(args, name: str, example: str) -> str:
    value = getattr(args, name)
    if value is None:
        raise CockpitError(key="cli.committee_needs",
                           committee=Msg(f"cli.committee.{args.committee}"), option=name,
                           example=example)
    return value


def cmd_report(args) -> int:
    from kpi.reports.pack_files import write_pack

    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".html"):
        raise CockpitError(key="cli.out_suffix", out=str(out))
    with _open_store(args) as store:
        pack = _committee_pack(store, args)
    write_pack(pack, out)
    _say(args, _t(args, "cli.pack_written", out=out, title=pack.title),
         {"out": str(out), "title": pack.title,
                                         "committee": args.committee,
                                         "lang": _pack_language(args)})
    return 0


def cmd_flags(args) -> int:
    from datetime import timedelta

    from kpi.flags import flags_table, red_flags
    from kpi.inventory import last_contact_day, providers

    with _open_store(args) as store:
        known = providers(store)
        if args.provider and args.provider not in known:
            raise _unknown_provider(args.provider, known)
        date_to = args.date_to or last_contact_day(store) or clock.today()
        date_from = args.date_from or date_to - timedelta(weeks=8)
        flags = red_flags(store, [args.provider] if args.provider else known, date_from,
                          date_to)
    _print_table(flags_table(flags, message_language(args)), args)
    return 0


def cmd_reconcile(args) -> int:
    from kpi.inventory import providers
    from kpi.metrics.reconcile import reconciliation

    with _open_store(args) as store:
        if args.provider and args.provider not in providers(store):
            raise CockpitError(key="error.unknown_provider", name=repr(args.provider))
        table = reconciliation(store, args.provider, args.date_from, args.date_to)
    import pandas as pd

    table["period_start"] = pd.to_datetime(table.period_start).dt.strftime("%Y-%m-%d")
    _print_table(table, args)
    return 0


def cmd_visits(args) -> int:
    import pandas as pd

    from kpi.visits.candidates import stages
    from kpi.visits.reports import import_visit_file, list_visits

    with _open_store(args) as store:
        known = stages(store).name.tolist()
        if args.provider and args.provider not in known:
            raise _unknown_provider(args.provider, known)
        if args.action == "list":
            table = list_visits(store, args.provider)
            table["visited_on"] = pd.to_datetime(table.visited_on).dt.strftime("%Y-%m-%d")
            _print_table(table, args)
            return 0
        if not args.file or not Path(args.file).is_file():
            raise CockpitError(key="error.no_such_file", path=args.file)
        if not args.provider:
            raise CockpitError(key="cli.visits_needs_provider")
        visit_id, report = import_visit_file(store, args.file, args.provider)
    ratings = [r for r, _ in report.ratings.values()]
    _say(args, _counted(args, "cli.visit_imported", len(ratings), id=visit_id,
                        provider=report.provider, day=Day(report.visited_on), site=report.site,
                        serious=ratings.count("serious"), minor=ratings.count("minor")),
         {"visit_id": visit_id, "provider": report.provider, "visited_on": report.visited_on,
          "site": report.site, "items_rated": len(ratings),
          "serious": ratings.count("serious"), "minor": ratings.count("minor")})
    return 0


def cmd_watch(args) -> int:
    import time

    from kpi.live.watcher import InboxWatcher

    with _open_store(args) as store:
        lang = message_language(args)
        watcher = InboxWatcher(store, Path(args.inbox) if args.inbox else None,
                               args.interval,
                               on_outcome=lambda outcome: _print_outcome(outcome, args.format,
                                                                         lang))
        print(_t(args, "cli.watching_once" if args.once else "cli.watching",
                 inbox=watcher.inbox, interval=Num(watcher.interval_s, "g")), file=sys.stderr)
        if args.once:
            outcomes = watcher.run_once()
            for line in watcher.state().lines(lang):
                print(line, file=sys.stderr)
            return 0 if all(o.imported for o in outcomes) else 1
        shown: tuple = ()
        try:
            while True:
                try:
                    watcher.run_once()
                except Exception as error:  # one broken pass must not stop the watch
                    watcher.last_error = Msg("inbox.pass_failed", error=type(error).__name__,
                                             detail=str(error))
                    watcher.last_error_at = datetime.now()
                state = watcher.state()
                # The state, with its times, each time something in it changed.
                key = (state.waiting, state.refused_today, state.last_error,
                       state.imported_since_start, state.skipped)
                if key != shown:
                    for line in state.lines(lang):
                        print(line, file=sys.stderr)
                    shown = key
                time.sleep(watcher.interval_s)
        except KeyboardInterrupt:
            pass
    return 0


def _print_outcome(outcome, fmt: str = "text", lang: str = "en") -> None:
    """One file the inbox imported or refused: a line (refusals on stderr), or with --format
    json one JSON object per file on stdout, refusals included."""
    message = in_language(outcome.message, lang)
    if fmt == "json":
        _json({"file": outcome.file, "provider": outcome.provider,
               "imported": outcome.imported, "message": message,
               "moved_to": str(outcome.moved_to)})
    elif outcome.imported:
        print(say("cli.outcome_imported", lang, file=outcome.file, message=message,
                  moved_to=outcome.moved_to))
    else:
        print(say("cli.outcome_refused", lang, file=outcome.file, message=message,
                  moved_to=outcome.moved_to), file=sys.stderr)


def cmd_demo_feed(args) -> int:
    from kpi.live.demo_feed import run_feed

    inbox = Path(args.inbox) if args.inbox else resolve_db_path(args.db).parent / "inbox"
    run_feed(inbox, args.every, args.count,
             on_drop=lambda paths: _say(args, _counted(args, "cli.dropped", len(paths),
                                                       inbox=inbox),
                                        {"dropped": [str(p) for p in paths],
                                         "inbox": str(inbox)}))
    return 0


def cmd_demo(args) -> int:
    from kpi.demo import build_demo

    path = resolve_db_path(args.db)
    progress = TerminalProgress(lang=message_language(args))
    try:
        built = build_demo(path, force=args.force, on_progress=progress)
    finally:
        progress.close()
    _say(args, _t(args, "cli.demo_built" if built else "cli.demo_present", path=path),
         {"database": str(path), "built": bool(built)})
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
        print(_t(args, "cli.demo_first_run", path=path), file=sys.stderr)
        build_demo(path, on_progress=TerminalProgress(lang=message_language(args)))
    if not is_loopback(args.host):
        with Store(path) as store:
            if not has_accounts(store):
                raise CockpitError(key="cli.no_account_to_serve", host=args.host, path=path)
    env = dict(os.environ, COCKPIT_DB=str(path.resolve()))
    options = app_options(args.host, args.port, args.headless)
    command = [sys.executable, "-m", "streamlit", "run", str(app_script())]
    for name, value in options.items():
        command += [f"--{name}", value]
    if args.demo_feed:  # the providers' ACDs, played by a thread of this process
        import threading

        from kpi.live.demo_feed import run_feed

        threading.Thread(target=run_feed, args=(path.parent / "inbox", 60, None),
                         daemon=True).start()
    import subprocess  # only this command starts a process

    server = subprocess.Popen(command, env=env)

    def forward(signum, _frame) -> None:  # stopping `cockpit app` stops the server it started
        server.send_signal(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, forward)
    return server.wait()


# The app's entry and its Streamlit settings, found from the packages themselves (in a
# checkout and once installed alike): the script sits alone in app_pages/entry/ (the
# distribution has no top-level `app`), the settings inside kpi/.
APP_ENTRY = "app_pages.entry.streamlit_app"
STREAMLIT_CONFIG = Path(__file__).resolve().parent / ".streamlit" / "config.toml"


def app_script() -> Path:
    """The file `cockpit app` hands to `streamlit run`, located without running it."""
    from importlib.util import find_spec

    return Path(find_spec(APP_ENTRY).origin)


def app_options(host: str, port: int, headless: bool = False) -> dict[str, str]:
    """The `streamlit run` flags of `cockpit app`: every setting of the packaged
    .streamlit/config.toml (the one copy), its theme through `theme.base` (Streamlit reads
    the file's [theme] table), then the command line's address, port and headless mode.
    Streamlit itself reads .streamlit/config.toml only from the current folder and beside
    app.py in a checkout, so from any other folder these flags are what applies it."""
    import tomllib

    config = tomllib.loads(STREAMLIT_CONFIG.read_text(encoding="utf-8"))
    options: dict[str, str] = {}
    for section, values in config.items():
        if section == "theme":
            options["theme.base"] = str(STREAMLIT_CONFIG)
            continue
        for name, value in values.items():
            options[f"{section}.{name}"] = str(value).lower() if isinstance(value, bool) \
                else str(value)
    options["server.address"] = host
    options["server.port"] = str(port)
    if headless:
        options["server.headless"] = "true"
    return options


def cmd_backup(args) -> int:
    from kpi.backup import backup_file

    _check_database_exists(args)
    path = resolve_db_path(args.db)
    version = backup_file(path, Path(args.out))
    _say(args, _t(args, "cli.backed_up", path=path, out=args.out, version=version),
         {"database": str(path), "backup": args.out, "schema_version": version})
    return 0


def cmd_restore(args) -> int:
    from kpi.backup import restore_file

    path = resolve_db_path(args.db)
    version = restore_file(Path(args.source), path)
    _say(args, _t(args, "cli.restored", path=path, source=args.source, version=version),
         {"database": str(path), "restored_from": args.source, "schema_version": version})
    return 0


def _password_from_stdin(args) -> str:
    if not args.password_stdin:
        raise CockpitError(key="cli.password_stdin")
    return sys.stdin.readline().rstrip("\r\n")


def cmd_users(args) -> int:
    from kpi.access import accounts

    with _open_store(args) as store:
        if args.action == "list":
            _print_table(accounts.list_accounts(store), args)
            return 0
        if not args.name:
            raise CockpitError(key="cli.users_needs_name", action=args.action)
        if args.action == "add":
            if not args.role:
                raise CockpitError(key="cli.users_needs_role")
            added = accounts.add_account(store, args.name, args.role,
                                         _password_from_stdin(args), provider=args.provider,
                                         email=args.email)
            _say(args, _t(args, "cli.account_added_for" if added.provider else
                          "cli.account_added", name=added.name,
                          role=Msg(f"error.role.{added.role}"), provider=added.provider),
                 {"account": added.name, "added": True, "role": added.role,
                  "provider": added.provider})
        elif args.action == "remove":
            accounts.remove_account(store, args.name)
            _say(args, _t(args, "cli.account_removed", name=args.name),
                 {"account": args.name, "removed": True})
        else:
            accounts.set_password(store, args.name, _password_from_stdin(args))
            _say(args, _t(args, "cli.password_changed", name=args.name),
                 {"account": args.name, "password_changed": True})
    return 0


def cmd_boards(args) -> int:
    from kpi.access.links import DEFAULT_BASE_URL, create_link, link_counts, revoke_links
    from kpi.live.boards import boards_table

    with _open_store(args) as store:
        if args.action == "list":
            table = boards_table(store).merge(link_counts(store), on="name", how="left")
            _print_table(table, args)
            return 0
        if not args.name:
            raise CockpitError(key="cli.boards_needs_name", action=args.action)
        if args.action == "link":
            url = create_link(store, args.name, args.base_url or DEFAULT_BASE_URL)
            _say(args, url, {"board": args.name, "url": url})
        else:
            count = revoke_links(store, args.name)
            _say(args, _counted(args, "cli.links_revoked", count, name=args.name),
                 {"board": args.name, "links_revoked": count})
    return 0


def _date(text: str) -> date:
    try:
        return parse(text, DAY).start
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


class _Version(argparse.Action):
    """--version: the installed distribution's version, looked up only when asked (so that
    building the parser, and `cockpit --help`, reads no package metadata)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help="print Cockpit's version and exit"):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"cockpit {version()}")
        parser.exit()


def version() -> str:
    """The version of the installed `cockpit` distribution, else the package's own (a
    checkout run without installing it)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("cockpit")
    except PackageNotFoundError:
        from kpi import __version__

        return __version__


TABLE_FORMATS = ["table", "csv", "json"]
TEXT_FORMATS = ["text", "json"]
FORMAT_HELP = {
    "table": "output: an aligned table (default), CSV, or JSON (a list of records)",
    "text": "output: a sentence (default), or JSON (one object)",
    "lines": "output: a line per event (default), or JSON (one object per line)",
}


def _format(p: argparse.ArgumentParser, kind: str = "table", default: str | None = None,
            extra: str = "") -> None:
    choices = TABLE_FORMATS if kind == "table" else TEXT_FORMATS
    p.add_argument("--format", choices=choices, default=default or choices[0],
                   help=FORMAT_HELP[kind] + extra)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="database file (default: $COCKPIT_DB, else "
                                     "data/cockpit.duckdb); it must exist unless --create")
    common.add_argument("--create", action="store_true",
                        help="create the database if it does not exist (without it, a "
                             "missing database is an error: a mistyped --db never becomes a "
                             "new one)")
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=["fr", "en"],
                      help=f"language of the messages (default: ${LANG_ENV}, else en)")
    db = argparse.ArgumentParser(add_help=False, parents=[common, lang])
    parser = argparse.ArgumentParser(
        prog="cockpit", description="Steering cockpit for outsourced contact centers.",
        epilog=EXIT_CODES + "\n" + settings_help("en"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                title="commands (`cockpit COMMAND --help` for each)")

    p = sub.add_parser("import", parents=[db], help="import provider exports (CSV, XLSX, "
                                                    "JSON lines, queue_log)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="export files, imported together "
                                                           "(all or nothing)")
    p.add_argument("--provider", help="provider of the rows, when the file does not say")
    p.add_argument("--profile", help="force an import profile (see `cockpit profiles`)")
    p.add_argument("--first-day", type=_date, metavar="YYYY-MM-DD",
                   help="date of day 1, for declared reports that number their days")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="set bad rows aside (see `cockpit rejected`) instead of refusing "
                        "the file")
    p.add_argument("--format", choices=TEXT_FORMATS, default="text",
                   help="output: a line per file (default), or JSON (a list, one object per "
                        "file)")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("imports", parents=[db], help="list the import history")
    _format(p)
    p.set_defaults(run=cmd_imports)

    p = sub.add_parser("undo", parents=[db], help="remove one import's rows")
    p.add_argument("import_id", type=int, metavar="IMPORT_ID",
                   help="the import's number (see `cockpit imports`)")
    _format(p, "text")
    p.set_defaults(run=cmd_undo)

    p = sub.add_parser("rejected", parents=[db], help="rows set aside by --skip-bad-rows")
    p.add_argument("import_id", type=int, nargs="?", metavar="IMPORT_ID",
                   help="only this import's rows (default: all)")
    _format(p)
    p.set_defaults(run=cmd_rejected)

    p = sub.add_parser("profiles", parents=[db], help="list import profiles")
    _format(p)
    p.set_defaults(run=cmd_profiles)

    p = sub.add_parser("kpis", parents=[db], help="KPIs per period and scope (SPEC §3 ids)")
    p.add_argument("--grain", choices=["interval", "day", "week", "month", "quarter", "year"],
                   default="week", help="period of each row (default: week)")
    p.add_argument("--by", help="scope columns, comma-separated: provider,site,queue,"
                                "channel,agent,team")
    p.add_argument("--from", dest="date_from", type=_date, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (included), YYYY-MM-DD")
    p.add_argument("--kpi", help="KPI ids, comma-separated (default: all)")
    p.add_argument("--format", choices=["csv", "json"], default="csv",
                   help="output: CSV (default) or JSON (a list of records)")
    p.set_defaults(run=cmd_kpis)

    p = sub.add_parser("targets", parents=[db], help="the SMART targets register")
    p.add_argument("action", choices=["list", "import"],
                   help="list the register, or import targets from FILE")
    p.add_argument("file", nargs="?", metavar="FILE", help="with import: a CSV or XLSX file")
    _format(p, extra="; import: a sentence, or JSON")
    p.set_defaults(run=cmd_targets)

    p = sub.add_parser("report", parents=[common], help="a committee pack (Excel or HTML)")
    p.add_argument("committee", choices=["production", "steering", "strategic", "selection"],
                   help="which committee's pack")
    p.add_argument("--provider", help="required for production and steering; strategic "
                                      "without it compares all providers")
    p.add_argument("--week", help="production: ISO week, e.g. 2026-W03")
    p.add_argument("--month", help="steering: month, e.g. 2026-01")
    p.add_argument("--quarter", help="strategic: quarter, e.g. 2026-Q1")
    p.add_argument("--half", help="strategic: half-year, e.g. 2026-H1")
    p.add_argument("--providers", help="selection: the finalists compared, e.g. A,B,C "
                                       "(candidates or providers)")
    p.add_argument("--out", required=True, help="FILE.xlsx or FILE.html")
    p.add_argument("--lang", choices=["fr", "en"],
                   help="language of the pack (default: fr) and of the messages (default: "
                        f"${LANG_ENV}, else en)")
    _format(p, "text")
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("flags", parents=[common], help="red flags: data signatures of a "
                                                       "failing floor, with their evidence")
    p.add_argument("--provider", help="one provider (default: all)")
    p.add_argument("--from", dest="date_from", type=_date, help="first day (default: 8 weeks "
                                                                "before --to)")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (default: the last day "
                                                            "with contacts)")
    _format(p)
    p.add_argument("--lang", choices=["fr", "en"],
                   help=f"language of the flags and messages (default: ${LANG_ENV}, else en)")
    p.set_defaults(run=cmd_flags)

    p = sub.add_parser("reconcile", parents=[db], help="each declared period and KPI against "
                                                       "Cockpit's detail and the report's own "
                                                       "counts (SPEC §6)")
    p.add_argument("--provider", help="one provider (default: all that declare)")
    p.add_argument("--from", dest="date_from", type=_date, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (included), YYYY-MM-DD")
    _format(p)
    p.set_defaults(run=cmd_reconcile)

    p = sub.add_parser("visits", parents=[db], help="floor visits: list them, or import a "
                                                    "filled visit grid (CSV or XLSX)")
    p.add_argument("action", choices=["list", "import"],
                   help="list the visits, or import a filled grid")
    p.add_argument("file", nargs="?", help="import: the filled grid (one row per item: "
                                           "item, rating, notes; date, site, visitors, "
                                           "listening sessions, verdict)")
    p.add_argument("--provider", help="list: only this provider's visits; import: the "
                                      "provider or candidate visited")
    _format(p, extra="; import: a sentence, or JSON")
    p.set_defaults(run=cmd_visits)

    p = sub.add_parser("watch", parents=[db], help="import the files dropped into the inbox "
                                                   "(when the app is not running)")
    p.add_argument("--inbox", help="inbox folder (default: the setting, else 'inbox' beside "
                                   "the database)")
    p.add_argument("--interval", type=float, help="seconds between two looks (default: the "
                                                  "setting, 10)")
    p.add_argument("--once", action="store_true", help="one pass, then exit (1 if a file "
                                                       "was refused)")
    p.add_argument("--format", choices=TEXT_FORMATS, default="text",
                   help=FORMAT_HELP["lines"] + ": each file imported or refused")
    p.set_defaults(run=cmd_watch)

    p = sub.add_parser("demo-feed", parents=[db], help="drop demo real-time snapshots into "
                                                       "the inbox, as the providers' ACDs")
    p.add_argument("--inbox", help="inbox folder (default: 'inbox' beside the database)")
    p.add_argument("--every", type=float, default=60, help="seconds between drops (60)")
    p.add_argument("--count", type=int, help="stop after this many drops (default: never)")
    p.add_argument("--format", choices=TEXT_FORMATS, default="text",
                   help=FORMAT_HELP["lines"] + ": each drop")
    p.set_defaults(run=cmd_demo_feed)

    p = sub.add_parser("demo", parents=[db], help="build the demo database")
    p.add_argument("--force", action="store_true", help="rebuild it if it exists")
    _format(p, "text")
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
    p.add_argument("action", choices=["add", "list", "remove", "passwd"],
                   help="add an account, list them, remove one, or change its password")
    p.add_argument("name", nargs="?", metavar="NAME",
                   help="the account (add, remove, passwd)")
    p.add_argument("--role", help="add: admin, pilot, executive or provider")
    p.add_argument("--provider", help="add: the provider a provider account belongs to")
    p.add_argument("--email", help="add: e-mail address for single sign-on (optional)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password (10 characters or more) from standard input")
    _format(p, extra="; add, remove, passwd: a sentence, or JSON")
    p.set_defaults(run=cmd_users)

    p = sub.add_parser("boards", parents=[db], help="saved wallboards and their screen links")
    p.add_argument("action", choices=["list", "link", "revoke"],
                   help="list the boards, make a screen link, or revoke a board's links")
    p.add_argument("name", nargs="?", metavar="NAME", help="the board (link, revoke)")
    p.add_argument("--base-url", help="link: the app's address as screens reach it (default "
                                      "http://localhost:8501)")
    _format(p, extra="; link, revoke: the URL or a sentence, or JSON")
    p.set_defaults(run=cmd_boards)

    p = sub.add_parser("backup", parents=[db], help="copy the database consistently (not "
                                                    "while the app holds it)")
    p.add_argument("out", metavar="OUT", help="the backup file to write")
    _format(p, "text")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("restore", parents=[db], help="replace the database with a backup "
                                                     "(not while it is in use)")
    p.add_argument("source", metavar="IN", help="a Cockpit database file (a backup)")
    _format(p, "text")
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
        Msg("cli.default_database")
    raise CockpitError(key="cli.no_database", path=path, given=given)


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `cockpit kpis | head` ends quietly, as CLIs do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = build_parser().parse_args(argv)
    from kpi.logs import configure_logging

    configure_logging(resolve_db_path(args.db))
    lang = message_language(args)
    try:
        return args.run(args)
    except DatabaseBusy as e:  # not the input's fault: a scheduler retries later
        print(say("cli.error", lang, message=e.text(lang)), file=sys.stderr)
        return EXIT_BUSY
    except CockpitError as e:
        print(say("cli.error", lang, message=e.text(lang)), file=sys.stderr)
        return EXIT_REFUSED
    except ValueError as e:
        print(say("cli.error", lang, message=str(e)), file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
