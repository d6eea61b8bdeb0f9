"""Import one export file into the store, in one transaction: all of it, or nothing.

The pipeline runs in DuckDB SQL on one cursor: read the file into `raw` (all text), map the
profile's columns into `mapped`, type them into `typed` (keeping the text for error
messages), derive the stored columns into `staged`, check, deduplicate, replace what a newer
export supersedes, insert, and write the import history.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from kpi.errors import (
    MAX_PROBLEMS_SHOWN,
    CockpitError,
    FileChanged,
    ImportRefused,
    Joined,
    Msg,
    NotFound,
    Num,
    Problem,
    Rendered,
    UndoRefused,
    say,
)
from kpi.i18n import format_date
from kpi.ingest import onepass, zones
from kpi.ingest.canonical import RULES, KindRules
from kpi.ingest.fields import KIND_FIELDS, REQUIRED
from kpi.ingest.limits import Limits, intake_limits, refuse_not_regular
from kpi.ingest.parse import PARSERS, PERCENT, TEXT, local_timestamp_sql, percent_scale_sql
from kpi.ingest.profiles import (
    BUILTIN_PROFILES,
    PROFILES_BY_NAME,
    AliasProfile,
    Profile,
    Resolved,
    detect,
    resolve_forced,
    saved_profile,
)
from kpi.ingest.sources import (
    Fingerprint,
    RawFile,
    check_file,
    delimited_layout,
    fingerprint,
    is_json_lines,
    load_raw,
    utf8_text,
)
from kpi.metrics.repeats import refresh_repeats, refresh_touched, touch_customers
from kpi.provider_settings import insert_provider
from kpi.store import Store

if TYPE_CHECKING:  # a dry run's preview is a frame; a CSV import never loads pandas
    import pandas as pd

Progress = Callable[[float, str], None]
log = logging.getLogger("cockpit.ingest")

_SQL_TYPES = {
    "text": "VARCHAR", "number": "DOUBLE", "duration": "DOUBLE", "bool": "BOOLEAN",
    "timestamp": "TIMESTAMP", "date": "DATE", "time": "TIME", "percent": "DOUBLE",
    "period": "STRUCT(start DATE, next DATE)",
}


@dataclass
class ImportReport:
    file_name: str
    status: str  # imported, unchanged
    kind: str
    profile: str
    import_id: int | None = None
    providers: list[str] = field(default_factory=list)
    rows_read: int = 0
    rows_imported: int = 0
    duplicates_dropped: int = 0
    rows_rejected: int = 0
    rows_filtered: int = 0
    filtered_reason: Msg | None = None  # the profile's words, read at summary time
    rows_updated: int = 0
    replaced_imports: list[int] = field(default_factory=list)
    period_start: datetime | None = None
    period_end: datetime | None = None
    same_as_import: int | None = None
    profile_title: str = ""  # a Msg for the built-in layouts and saved mappings
    preview: pd.DataFrame | None = None  # dry runs: the first rows as they would be stored
    # How the file was read where it had a choice: each rate column's scale, the columns
    # no field of the layout takes (ignored, listed); catalogue words, read at summary time.
    notes: list[Msg] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def summary(self, preview: bool = False, lang: str = "en") -> str:
        """One line for the CLI (English, its words unchanged) and the pages (the reader's
        language); a preview has no import number yet."""
        if self.status == "unchanged":
            return say("summary.unchanged", lang, file=self.file_name, id=self.same_as_import)
        period = ""
        if self.period_start is not None:
            period = say("summary.period", lang, start=format_date(self.period_start, lang),
                         end=format_date(self.period_end, lang))
        number = "" if preview else say("summary.number", lang, id=self.import_id)
        parts = [
            say("summary.head", lang, file=self.file_name, number=number, profile=self.profile,
                providers=", ".join(self.providers)),
            say("summary.imported", lang, n=self.rows_imported),
            say("summary.duplicates", lang, n=self.duplicates_dropped),
        ]
        if self.rows_rejected:
            parts.append(say("summary.rejected", lang, n=self.rows_rejected))
        if self.rows_filtered:
            parts.append(say("summary.left_out", lang, n=self.rows_filtered,
                             reason=self.filtered_reason))
        if self.rows_updated:
            parts.append(say("summary.updated", lang, n=self.rows_updated))
        if self.replaced_imports:
            parts.append(say("summary.replaces_one" if len(self.replaced_imports) == 1
                             else "summary.replaces", lang, ids=_import_refs(
                                 self.replaced_imports)))
        return Joined("; ", [*parts[:-1], parts[-1] + period, *self.notes]).text(lang)


def summaries(reports: list[ImportReport]) -> Rendered:
    """The reports' summaries one after the other, in either language (the inbox's words)."""
    return Rendered(partial(_summaries, tuple(reports)))


def _summaries(reports: tuple[ImportReport, ...], lang: str) -> str:
    return Joined("; ", [r.summary(lang=lang) for r in reports]).text(lang)


def _import_refs(ids: list[int]) -> Joined:
    """#3, #5 in English, n°3, n°5 in French."""
    return Joined(", ", (Msg("summary.import_ref", id=i) for i in ids))


def _quiet(_fraction: float, _label: str) -> None:
    pass


def list_profiles(store: Store) -> list[Profile]:
    """Built-in profiles and the pilot's saved mappings."""
    _, saved = store.rows("SELECT name, kind, mapping FROM mapping_profiles ORDER BY name")
    return [
        *(saved_profile(name, kind, json.loads(mapping)) for name, kind, mapping in saved),
        *BUILTIN_PROFILES,
    ]


def _profile_named(store: Store, name: str) -> Profile:
    for profile in list_profiles(store):
        if profile.name == name:
            return profile
    known = ", ".join(p.name for p in list_profiles(store))
    raise NotFound(key="error.unknown_profile", name=name, known=known)


class InvalidMapping(CockpitError, ValueError):
    """A column mapping that cannot be saved (a ValueError, as it always was)."""


def save_mapping(store: Store, name: str, kind: str, mapping: dict[str, str]) -> None:
    """Save a pilot's column mapping (canonical field -> file header) as a named profile."""
    if name in PROFILES_BY_NAME:
        raise InvalidMapping(key="error.builtin_profile", name=name)
    fields = {f.name for f in KIND_FIELDS[kind]}
    unknown = sorted(set(mapping) - fields)
    if unknown:
        raise InvalidMapping(key="error.unknown_fields", kind=kind, fields=", ".join(unknown))
    store.write(lambda cur: cur.execute(
        "INSERT OR REPLACE INTO mapping_profiles VALUES (?, ?, ?, now())",
        [name, kind, json.dumps(mapping)],
    ))


def import_export(
    store: Store,
    path: str | Path,
    *,
    provider: str | None = None,
    profile: str | None = None,
    skip_bad_rows: bool = False,
    file_name: str | None = None,
    imported_by: str | None = None,
    on_progress: Progress | None = None,
    first_day: date | None = None,
    sole_provider: str | None = None,
    limits: Limits | None = None,
    one_pass: bool = True,
) -> ImportReport:
    """Import one file; raises ImportRefused (nothing written) when it cannot be trusted."""
    return import_files(
        store, [(Path(path), file_name or Path(path).name)], provider=provider,
        profile=profile, skip_bad_rows=skip_bad_rows, imported_by=imported_by,
        on_progress=on_progress, first_day=first_day, sole_provider=sole_provider,
        limits=limits, one_pass=one_pass,
    )[0]


def unexpected_refusal(name: str, error: BaseException) -> ImportRefused:
    """Any failure that is not one of ours, as a refusal in words; the traceback goes to
    the log (`cockpit.ingest`), never to the pilot."""
    log.error("unexpected error while importing %s", name, exc_info=error)
    # DuckDB quotes the SQL after "LINE n:": the pilot gets the error, not our query.
    text = " ".join(re.split(r"\sLINE \d+:", str(error))[0].split())[:300]
    if isinstance(error, MemoryError | duckdb.OutOfMemoryException):
        expected = Msg("expect.fits_memory")
    elif isinstance(error, OSError):
        expected = Msg("expect.stays_readable")
    else:
        expected = Msg("expect.cockpit_readable")
    # The error's own words (another program's) are quoted as they are.
    found = Msg("found.error", error=type(error).__name__,
                detail=text or Msg("found.no_detail"))
    return ImportRefused(name, [Problem(None, None, found, expected)])


def _file_state(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _refuse_if_changed(path: Path, name: str, fp: Fingerprint) -> None:
    """The file must be the one fingerprinted: a file still growing is not taken."""
    now = _file_state(path)
    if now != fp.stat:
        found = (Msg("found.gone") if now is None
                 else Msg("found.grew", before=Num(fp.stat[0]), after=Num(now[0])))
        raise FileChanged(name, [Problem(None, None, found, Msg("expect.unchanging"))])


def import_files(
    store: Store,
    files: list[tuple[Path, str]],
    *,
    provider: str | None = None,
    profile: str | None = None,
    skip_bad_rows: bool = False,
    imported_by: str | None = None,
    on_progress: Progress | None = None,
    dry_run: bool = False,
    first_day: date | None = None,
    sole_provider: str | None = None,
    limits: Limits | None = None,
    one_pass: bool = True,
) -> list[ImportReport]:
    """Import (path, display name) files in one transaction: all of them, or none.

    Progress is reported as (fraction of the whole batch, "file name: stage"). A dry run
    goes through every step and check, then rolls back: what a preview shows is exactly
    what the import would store (see `preview_rows`).

    Every failure ends as an `ImportRefused` naming the file: the project's own refusals
    as they are, anything unexpected logged with its traceback and refused in words.
    `sole_provider` (an inbox folder's provider) refuses a file with another provider's
    rows; `limits` default to the stored settings (kpi/ingest/limits.py). A delimited
    file is read in one scan where it can be (`one_pass`, kpi/ingest/onepass.py); False
    reads every file on the reference path (all text, then the tolerant parsers).
    """
    progress = on_progress or _quiet
    forced = _profile_named(store, profile) if profile else None
    candidates = list_profiles(store)
    who = imported_by or store.actor or getpass.getuser()
    limits = limits or intake_limits(store)
    if sole_provider is not None:
        provider = provider or sole_provider
    prints = []
    for i, (path, name) in enumerate(files):
        progress(i / len(files), _stage(name, "reading"))
        refuse_not_regular(Path(path), name)
        try:
            prints.append(fingerprint(Path(path), limits.max_file_bytes))
        except Exception as error:
            raise unexpected_refusal(name, error) from error


    def run(cur: duckdb.DuckDBPyConnection) -> list[ImportReport]:
        # Options a profile may read in SQL, always bound as parameters.
        cur.execute("CREATE OR REPLACE TEMP TABLE import_options AS SELECT CAST(? AS DATE) "
                    "AS first_day", [first_day])
        reports = []
        for i, ((path, name), fp) in enumerate(zip(files, prints, strict=True)):
            def step(fraction: float, stage: str, i=i, name=name) -> None:
                progress((i + fraction) / len(files), _stage(name, stage))

            # The same bytes are the same rows, unless the provider they are given for
            # fills them: a file without a provider column, given for another provider,
            # holds that one's rows. In an inbox, only a file imported for that folder's
            # provider is "unchanged": a copy of another provider's file is read, and
            # refused, never answered with the other provider's import number.
            same = cur.execute(
                """SELECT min(import_id) FROM imports WHERE sha256 = $sha
                   AND status = 'active' AND (CAST($provider AS VARCHAR) IS NULL
                       OR provider = $provider
                       OR (NOT $inbox AND list_contains(fields, 'provider')))""",
                {"sha": fp.sha256, "provider": provider,
                 "inbox": sole_provider is not None}).fetchall()[0][0]
            if same is not None:
                kind, prof = cur.execute("SELECT kind, profile FROM imports WHERE import_id = ?",
                                         [same]).fetchall()[0]
                reports.append(ImportReport(name, "unchanged", kind, prof, same_as_import=same))
                continue
            try:
                reports.append(import_one(cur, path, name, fp, step))
            except (CockpitError, _OnePassBroke):
                raise
            except Exception as error:  # anything else: logged, refused in words
                raise unexpected_refusal(name, error) from error
        return reports

    def import_one(cur, path, name: str, fp: Fingerprint, step: Progress) -> ImportReport:
        if one_pass:
            with tempfile.TemporaryDirectory(prefix="cockpit-import-") as tmp:
                report = _one_pass(cur, Path(path), name, fp, limits, Path(tmp), forced=forced,
                                   candidates=candidates, provider=provider,
                                   sole_provider=sole_provider, who=who, progress=step,
                                   with_preview=dry_run)
            if report is not None:
                return report
        raw = load_raw(cur, Path(path), name, fp, limits)
        _refuse_if_changed(Path(path), name, fp)
        step(0.3, "mapping")
        resolved = (resolve_forced(name, forced, raw.headers) if forced
                    else detect(name, raw.reader, raw.headers, candidates))
        if ("day_number" in resolved.sources and first_day is None
                and not {"period_start", "period_date"} & set(resolved.sources)):
            raise ImportRefused(name, [Problem(
                None, resolved.sources["day_number"], None, Msg("expect.first_day"))])
        return _import_resolved(cur, raw, resolved, provider, skip_bad_rows, who,
                                step, with_preview=dry_run, sole_provider=sole_provider)

    # DuckDB's memory is bounded while it imports (its work spills to disk beyond it), then
    # given back as it was; the setting is the database's, so it is set outside the
    # transaction (an aborted transaction accepts no statement).
    before = _memory_limit(store, f"{int(limits.import_memory_mb)}MB")
    names = ", ".join(name for _, name in files)
    try:
        try:
            reports = (store.trial if dry_run else store.write)(run)
        except _OnePassBroke as broke:
            # A statement of the one-pass path failed: the transaction is gone, so the whole
            # batch runs again on the reference path, which decides what the file gets.
            log.warning("one-pass import of %s failed; reading it again on the reference "
                        "path", broke.file_name, exc_info=broke.__cause__)
            one_pass = False
            reports = (store.trial if dry_run else store.write)(run)
    except CockpitError as refusal:
        if not dry_run:  # one line per refusal, whichever way the file came (page, CLI, inbox)
            log.warning("import refused (%s): %s: %s", who, names,
                        (str(refusal).splitlines() or [type(refusal).__name__])[0])
        raise
    except Exception as error:  # the commit itself, or the store around it
        raise unexpected_refusal(names, error) from error
    finally:
        _memory_limit(store, before)
    if not dry_run:
        for report in reports:
            log.info("import (%s): %s", who, report.summary().splitlines()[0])
    progress(1.0, Msg("import.stage.done"))
    return reports


def _stage(name: str, stage: str) -> Msg:
    """A progress label, "file: stage", in either language (a str: English)."""
    return Msg("import.progress", file=name, stage=Msg(f"import.stage.{stage}"))


def _memory_limit(store: Store, value: str) -> str:
    """Set DuckDB's memory limit; returns the one it replaced."""
    cur = store.cursor()
    try:
        before = cur.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        cur.execute(f"SET memory_limit = '{value}'")  # our own figure, never a file's
        return before
    finally:
        cur.close()


class _OnePassBroke(Exception):
    """The one-pass path failed (a failed statement aborts DuckDB's transaction)."""

    def __init__(self, file_name: str) -> None:
        super().__init__(file_name)
        self.file_name = file_name


def _drop_staged(cur) -> None:
    """`staged` is a temp table on the reference path and a view on the one-pass path; a
    batch may take both, and DuckDB replaces neither with the other."""
    tables = cur.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary "
                         "AND table_name = 'staged'").fetchone()[0]
    views = cur.execute("SELECT count(*) FROM duckdb_views() WHERE temporary "
                        "AND view_name = 'staged'").fetchone()[0]
    if tables:
        cur.execute("DROP TABLE staged")
    if views:
        cur.execute("DROP VIEW staged")


def _one_pass(cur, path: Path, name: str, fp: Fingerprint, limits: Limits, tmp: Path, *,
              forced: Profile | None, candidates: list[Profile], provider: str | None,
              sole_provider: str | None, who: str, progress: Progress,
              with_preview: bool) -> ImportReport | None:
    """Import a delimited file in one scan (kpi/ingest/onepass.py); None, with nothing
    left behind, when the file is not one the one-pass path reads exactly as the
    reference path would (any defect, any layout it does not take): the reference path
    then reads it and decides, in its own words."""
    if fp.encoding in ("xlsx", "binary", "empty"):
        return _declined(name, fp.encoding)
    check_file(name, fp, limits)  # the reference path's first refusal, word for word
    try:
        text = utf8_text(path, fp, name, tmp)
        if is_json_lines(text):
            return _declined(name, "JSON lines")
        layout = delimited_layout(text, name, limits, onepass.SAMPLE_ROWS)
        if layout is None or not layout.sample:
            return _declined(name, "a queue_log, or no data row in the sample")
        if not onepass.reads_every_line(fp, layout, limits.max_cell_bytes):
            return _declined(name, f"a line of {fp.longest_line:,} bytes")
        resolved = (resolve_forced(name, forced, layout.headers) if forced
                    else detect(name, "table", layout.headers, candidates))
    except CockpitError as refusal:
        return _declined(name, f"refused while sampling: {type(refusal).__name__}")
    if not onepass.eligible(resolved):
        return _declined(name, f"profile {resolved.profile.name}")
    try:
        return _one_pass_write(cur, text, layout, resolved, path, name, fp, limits,
                               provider=provider, sole_provider=sole_provider, who=who,
                               progress=progress, with_preview=with_preview)
    except CockpitError:
        raise  # a refusal of the reference path's own (the file changed meanwhile)
    except Exception as error:  # ours to fix: the reference path decides meanwhile
        raise _OnePassBroke(name) from error


def _one_pass_write(cur, text: Path, layout, resolved: Resolved, path: Path, name: str,
                    fp: Fingerprint, limits: Limits, *, provider: str | None,
                    sole_provider: str | None, who: str, progress: Progress,
                    with_preview: bool) -> ImportReport | None:
    kind, rules = resolved.kind, RULES[resolved.kind]
    progress(0.3, "mapping")
    where = onepass.positions(resolved, layout.headers)
    onepass.load_sample(cur, layout)
    if "provider" in where:
        found = [r[0] for r in cur.execute(
            f"SELECT DISTINCT coalesce(nullif(trim(c{where['provider']}), ''), ?) "
            "FROM onepass_sample", [provider]).fetchall()]
    else:
        found = [provider]
    if None in found or (sole_provider is not None
                         and any(p != sole_provider for p in found)):
        return _declined(name, "providers of the sample")
    existing = {r[0] for r in cur.execute(
        "SELECT name FROM providers WHERE list_contains(?, name)", [found]).fetchall()}
    new_providers = [p for p in found if p not in existing]
    for p in found:
        insert_provider(cur, p)
    import_id = _next_import_id(cur)
    bad = -import_id
    key = _quoted("provider", *rules.key)

    def give_up(reason: str, written: bool = True) -> None:
        """Leave the transaction as it was: the reference path reads the file."""
        if written:
            cur.execute(f"DELETE FROM {rules.table} WHERE import_id IN (?, ?)",
                        [import_id, bad])
        if new_providers:
            cur.execute("DELETE FROM providers WHERE list_contains(?, name)",
                        [new_providers])
        return _declined(name, reason)

    zone = _single_zone(cur, found)
    taken = cur.execute(f"SELECT count(*) FROM {rules.table} WHERE import_id IN (?, ?)",
                        [import_id, bad]).fetchone()[0]
    if zone is None or taken:
        return give_up("several time zones" if zone is None else "import id taken",
                       written=False)
    table_columns = [(c, t, n == "YES" or n is True) for c, t, n in cur.execute(
        "SELECT column_name, data_type, is_nullable FROM duckdb_columns() "
        "WHERE table_name = ? AND database_name = current_database() "
        "AND schema_name = 'main' ORDER BY column_index", [rules.table]).fetchall()]
    reading = onepass.plan(cur, resolved, layout, where, zone, fp)
    sql = onepass.insert_sql(rules, kind, resolved, reading, table_columns)
    if sql is None:
        return give_up("a column type without filler", written=False)
    spans = zones.fixed_offset_spans(cur, zone, reading.local_time) if reading.local_time else []
    zones.define_utc_instant(cur, spans)
    progress(0.45, "checking")
    cur.execute(f"DROP TABLE IF EXISTS {onepass.REJECTS_TABLE}")
    cur.execute(f"DROP TABLE IF EXISTS {onepass.REJECTS_SCAN}")
    params = {
        "path": str(text), "sep": layout.sep, "skip": layout.skip,
        "max_line": onepass.max_line_bytes(layout, limits.max_cell_bytes),
        "tsformat": reading.timestamp_format, "decimal": reading.decimal,
        "provider": provider, "tz": zone, "providers": found, "id": import_id, "bad": bad}

    def used(statement: str) -> dict:  # DuckDB refuses a parameter a statement does not use
        return {k: v for k, v in params.items() if re.search(rf"\${k}\b", statement)}

    cur.execute(sql, used(sql))
    _refuse_if_changed(path, name, fp)
    # Keys and providers are counted over every row written: with a marked row the file
    # goes to the reference path anyway. Distinct hashes of the keys: a collision only
    # sends the file there too (fewer hashes than rows), and it spares the keys' strings.
    rows, marked, keys, providers = cur.execute(
        f"SELECT count(*) FILTER (WHERE import_id = $id), "
        f"count(*) FILTER (WHERE import_id = $bad), "
        f"count(DISTINCT hash({key})), count(DISTINCT provider) "
        f"FROM {rules.table} WHERE import_id IN ($id, $bad)",
        {"id": import_id, "bad": bad}).fetchone()
    rejected = cur.execute(f"SELECT count(*) FROM {onepass.REJECTS_TABLE}").fetchone()[0]
    # Exact duplicates are dropped and counted, conflicting ones refused: the reference
    # path does both, with the rows named. Every row's provider is one of the sample's
    # (see insert_sql): the file's providers are the sample's when there are as many.
    if (rejected or marked or rows == 0 or rows > limits.max_rows or keys != rows
            or providers != len(found)):
        return give_up(f"{rejected} cells unread, {marked} rows marked, {rows} rows, "
                       f"{keys} keys, {providers} providers")
    if not reading.line_breaks_checked and onepass.spans_lines(fp, layout, rows):
        breaks = onepass.line_breaks_sql(layout)
        broken = cur.execute(breaks, used(breaks)).fetchone()[0]
        _refuse_if_changed(path, name, fp)  # the bytes looked at are the ones imported
        if broken:
            return give_up("a line break in a cell")
    drawn = cur.execute("SELECT nextval('import_id_seq')").fetchone()[0]
    if drawn != import_id:  # another writer took it meanwhile: relabel (never expected)
        cur.execute(f"UPDATE {rules.table} SET import_id = ? WHERE import_id = ?",
                    [drawn, import_id])
        import_id = drawn
    log.debug("one-pass import of %s: %s rows read in one scan (timestamps %s, decimal "
              "'%s', %s spans of one UTC offset around %s, typed by the tolerant parsers: %s)",
              name, rows, reading.timestamp_format, reading.decimal, len(spans),
              reading.local_time and reading.local_time.date(),
              ", ".join(f for f, _c in reading.parsed) or "none")
    _drop_staged(cur)
    cur.execute(f"CREATE TEMP VIEW staged AS SELECT * FROM {rules.table} "
                f"WHERE import_id = {int(import_id)}")  # our own number
    raw = RawFile(name, "table", layout.headers, rows, fp.sha256, fp.encoding)
    notes, ignored = _reading_notes(cur, raw, resolved)
    progress(0.75, "writing")
    return _write_import(cur, raw, resolved, sorted(found), who, with_preview, rows=rows,
                         duplicates=0, rejected=0, filtered=0, notes=notes, ignored=ignored,
                         inserted_as=import_id)


def _declined(name: str, reason: str) -> None:
    log.debug("one-pass import of %s declined (%s): the reference path reads it", name, reason)
    return None


def _next_import_id(cur) -> int:
    """The number nextval would give, without taking it: a file the one-pass path hands
    back to the reference path must not use up a number."""
    start, step, last = cur.execute(
        "SELECT start_value, increment_by, last_value FROM duckdb_sequences() "
        "WHERE sequence_name = 'import_id_seq' AND database_name = current_database()"
    ).fetchone()
    return start if last is None else last + step


def _import_resolved(cur, raw: RawFile, resolved: Resolved, provider: str | None,
                     skip_bad_rows: bool, who: str, progress: Progress,
                     with_preview: bool = False,
                     sole_provider: str | None = None) -> ImportReport:
    kind, rules = resolved.kind, RULES[resolved.kind]
    name = raw.file_name
    if resolved.prepare:
        resolved.prepare(cur)
    # A view: typing reads the file's text once, straight from `raw`.
    cur.execute(f"CREATE OR REPLACE TEMP VIEW mapped AS {resolved.select_sql}")
    mapped_rows = cur.execute("SELECT count(DISTINCT _row) FROM mapped").fetchone()[0]
    filtered = 0 if raw.reader == "queue_log" else max(raw.rows_read - mapped_rows, 0)
    providers = _providers_of(cur, resolved, provider, name, sole_provider)
    zone = _single_zone(cur, providers)

    progress(0.45, "checking")
    _type_fields(cur, kind, resolved, provider, zone)
    derive = rules.derive_sql.replace("{tz}", "CAST(? AS VARCHAR)" if zone else _ROW_ZONE)
    zones.define_utc_instant(cur)
    _drop_staged(cur)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE staged AS {derive}",
                [zone] * derive.count("?") if zone else [])
    _collect_problems(cur, raw, resolved, rules)
    notes, ignored = _reading_notes(cur, raw, resolved)

    rejected = cur.execute("SELECT count(DISTINCT _row) FROM problems").fetchone()[0]
    if rejected and not skip_bad_rows:
        raise _refusal(cur, name)
    if rejected:
        cur.execute("DELETE FROM staged WHERE _row IN (SELECT _row FROM problems)")

    duplicates = _drop_exact_duplicates(cur, rules)
    if duplicates is not None:
        _refuse_conflicting_duplicates(cur, rules, resolved, name)
    duplicates = duplicates or 0
    rows = cur.execute("SELECT count(*) FROM staged").fetchone()[0]
    if rows == 0:
        raise ImportRefused(name, [Problem(None, None, None, Msg("expect.row_left"))])

    progress(0.75, "writing")
    return _write_import(cur, raw, resolved, providers, who, with_preview, rows=rows,
                         duplicates=duplicates, rejected=rejected, filtered=filtered,
                         notes=notes, ignored=ignored)


def _write_import(cur, raw: RawFile, resolved: Resolved, providers: list[str], who: str,
                  with_preview: bool, *, rows: int, duplicates: int, rejected: int,
                  filtered: int, notes: list[Msg], ignored: list[str],
                  inserted_as: int | None = None) -> ImportReport:
    """Replace what the file supersedes, write its rows from `staged` (unless the one-pass
    path has written them already, as `inserted_as`) and its history line."""
    kind, rules, name = resolved.kind, RULES[resolved.kind], raw.file_name
    import_id = inserted_as or cur.execute("SELECT nextval('import_id_seq')").fetchone()[0]
    period_start, period_end = cur.execute(
        f'SELECT min("{rules.period_column}"), max("{rules.period_column}") FROM staged'
    ).fetchone()
    replaced = _replace_superseded(cur, rules, kind, import_id, period_start, period_end)
    updated = _delete_same_keys(cur, rules, import_id, written=inserted_as is not None)
    if inserted_as is None:
        columns = [c for c in _table_columns(cur, rules.table) if c not in ("import_id",)]
        quoted = ", ".join(f'"{c}"' for c in columns)
        cur.execute(f"INSERT INTO {rules.table} (import_id, {quoted}) "
                    f"SELECT ?, {quoted} FROM staged", [import_id])
    if rejected:
        _set_aside(cur, import_id, raw)
    cur.execute(
        """INSERT INTO imports (import_id, file_name, sha256, kind, profile, provider,
               rows_read, rows_imported, duplicates_dropped, period_start, period_end,
               imported_at, imported_by, status, replaced_by, rows_rejected, fields)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, 'active', NULL, ?, ?)""",
        [import_id, name, raw.sha256, kind, resolved.profile.name, ", ".join(providers),
         raw.rows_read, rows, duplicates, period_start, period_end, who, rejected,
         sorted(resolved.sources)],
    )
    if kind == "contacts":
        refresh_repeats(cur, import_id)  # derived from contacts: same transaction
    preview = None
    if with_preview:  # only a dry run shows what it would store
        preview = cur.execute(f"SELECT * FROM {rules.table} WHERE import_id = ? LIMIT 10",
                              [import_id]).df().drop(columns=["import_id"])
    return ImportReport(
        name, "imported", kind, resolved.profile.name, import_id=import_id,
        preview=preview, profile_title=resolved.profile.title,
        providers=providers, rows_read=raw.rows_read, rows_imported=rows,
        duplicates_dropped=duplicates, rows_rejected=rejected, rows_filtered=filtered,
        filtered_reason=resolved.filtered_reason, rows_updated=updated,
        replaced_imports=replaced, period_start=period_start, period_end=period_end,
        notes=notes, ignored_columns=ignored,
    )


def _reading_notes(cur, raw: RawFile, resolved: Resolved) -> tuple[list[Msg], list[str]]:
    """What the import report says of how the file was read: the scale of each rate column
    (inferred from all its values), and the columns of a header-mapped file that no field
    takes (ignored)."""
    notes = []
    for f in KIND_FIELDS[resolved.kind]:
        if f.type is PERCENT and f.name in resolved.sources:
            scale = cur.execute(
                f"SELECT {percent_scale_sql(f'raw__{f.name}')} FROM typed").fetchone()[0]
            if scale:
                notes.append(Msg("note.rate_read", field=f.name,
                                 source=resolved.sources[f.name],
                                 scale=Msg(f"note.scale.{scale}")))
    ignored: list[str] = []
    if isinstance(resolved.profile, AliasProfile) and raw.reader == "table":
        used = set(resolved.sources.values())
        ignored = [h for h in raw.headers if str(h).strip() and h not in used]
        if ignored:
            notes.append(Msg("note.ignored", columns=", ".join(ignored)))
    return notes, ignored


def _providers_of(cur, resolved: Resolved, provider: str | None, name: str,
                  sole_provider: str | None = None) -> list[str]:
    """The providers of the file's rows; each gets a settings row if it is new."""
    if sole_provider is not None and "provider" in resolved.sources:
        others = cur.execute(
            "SELECT min(_row), p, count(*) OVER () FROM (SELECT _row, "
            "coalesce(nullif(trim(provider), ''), ?) AS p FROM mapped) WHERE p <> ? "
            "GROUP BY p ORDER BY min(_row) LIMIT ?",
            [sole_provider, sole_provider, MAX_PROBLEMS_SHOWN]).fetchall()
        if others:
            raise ImportRefused(name, [Problem(
                row, resolved.sources["provider"], other,
                Msg("expect.sole_provider", provider=sole_provider))
                for row, other, _n in others], others[0][2])
    if "provider" in resolved.sources:
        rows = cur.execute(
            "SELECT DISTINCT coalesce(nullif(trim(provider), ''), ?) FROM mapped", [provider]
        ).fetchall()
        found = [r[0] for r in rows]
    else:
        found = [provider]
    if None in found:
        raise ImportRefused(name, [Problem(None, "provider", None, Msg("expect.provider"))])
    for p in found:
        insert_provider(cur, p)
    return sorted(found)


def _single_zone(cur, providers: list[str]) -> str | None:
    """The file's time zone when all its providers share one (the usual case), else None."""
    found = cur.execute(
        "SELECT DISTINCT time_zone FROM providers WHERE list_contains(?, name)", [providers]
    ).fetchall()
    return found[0][0] if len(found) == 1 else None


# Per-row zone, for a file that mixes providers in several zones.
_ROW_ZONE = "(SELECT p.time_zone FROM providers p WHERE p.name = provider)"


def _type_fields(cur, kind: str, resolved: Resolved, provider: str | None,
                 zone: str | None) -> None:
    """`typed`: every canonical input field of the kind, typed, plus the text it came from."""
    selects = ["_row"]
    params: list = []
    present = set(resolved.sources)
    for f in KIND_FIELDS[kind]:
        if f.name == "provider":
            selects.append("coalesce(nullif(trim(provider), ''), ?) AS provider"
                           if "provider" in present else "CAST(? AS VARCHAR) AS provider")
            params.append(provider)
            continue
        if f.name not in present:
            selects.append(f'CAST(NULL AS {_SQL_TYPES[f.type.name]}) AS "{f.name}"')
            continue
        column = f'm."{f.name}"'
        if f.type.name == "timestamp":
            if zone is not None:
                expr = local_timestamp_sql(column, "CAST(? AS VARCHAR)")
                params.append(zone)
            else:
                expr = local_timestamp_sql(column, _ROW_ZONE.replace(
                    "= provider", "= coalesce(nullif(trim(m.provider), ''), ?)"))
                params.append(provider)
        else:
            expr = PARSERS[f.type.name](column)
        selects.append(f'{expr} AS "{f.name}"')
        if f.type is not TEXT:
            selects.append(f'CAST({column} AS VARCHAR) AS "raw__{f.name}"')
    cur.execute(f"CREATE OR REPLACE TEMP TABLE typed AS SELECT {', '.join(selects)} "
                f"FROM mapped m", params)


def _collect_problems(cur, raw: RawFile, resolved: Resolved, rules: KindRules) -> None:
    """`problems`: every defect found, as (_row, column, value, expected) in English words
    (what a row set aside keeps), and the catalogue's key and values of each that is ours
    (`col_said`, `val_said`, `expected_said`: JSON), so that a refusal reads in French."""
    kind = resolved.kind
    parts: list[tuple[str, list]] = []
    present = set(resolved.sources)

    def source(field_name: str) -> str:
        return resolved.sources.get(field_name, field_name)

    def add(row_sql: str, column, value_sql: str, expected: Msg, from_sql: str,
            found: Msg | None = None) -> None:
        """One kind of defect: `from_sql` finds its rows, `value_sql` what was found (or
        "?" for our `found` words)."""
        shown = [column, *([found] if found is not None else []), expected]
        params = [None if words is None else str(words) for words in shown]
        params += [_packed(column), _packed(found), _packed(expected)]
        parts.append((f"SELECT {row_sql}, ?, {value_sql}, ?, ?, ?, ? {from_sql}", params))

    if raw.reader == "table":
        last = f"c{len(raw.headers) - 1}"
        add("_row", None, "?", Msg("expect.fields_truncated", fields=len(raw.headers)),
            f"FROM raw WHERE {last} IS NULL", found=Msg("found.fewer_fields"))
    for f in KIND_FIELDS[kind]:
        if f.name in present and f.type is not TEXT:
            add("_row", source(f.name), f'"raw__{f.name}"', f.type.expected,
                f'FROM typed WHERE "{f.name}" IS NULL '
                f'AND nullif(trim("raw__{f.name}"), \'\') IS NOT NULL')
    for alternatives in REQUIRED[kind]:
        mapped_alt = next((alt for alt in alternatives if set(alt) <= present), ())
        for name in mapped_alt:
            # An empty required cell; a non-empty one that failed to parse is reported above.
            typed_field = next(f for f in KIND_FIELDS[kind] if f.name == name)
            empty = ("" if typed_field.type is TEXT
                     else f' AND nullif(trim("raw__{name}"), \'\') IS NULL')
            add("_row", source(name), "''", Msg("expect.required"),
                f'FROM typed WHERE "{name}" IS NULL{empty}')
    typed_types = {f.name: f.type for f in KIND_FIELDS[kind]}
    for check in rules.checks:
        if check.field not in present:
            continue
        if typed_types[check.field] is TEXT:
            shown, given = f't."{check.field}"', "true"
        else:
            # Only a value the file gave: a derived one is reported through its cause.
            shown = f't."raw__{check.field}"'
            given = f"nullif(trim({shown}), '') IS NOT NULL"
        add("b._row", source(check.field), shown, check.expected,
            f"FROM (SELECT _row FROM staged WHERE {check.bad_when}) b JOIN typed t USING (_row) "
            f"WHERE {given}")
    cur.execute(
        "CREATE OR REPLACE TEMP TABLE problems (_row BIGINT, col VARCHAR, val VARCHAR, "
        "expected VARCHAR, col_said VARCHAR, val_said VARCHAR, expected_said VARCHAR)")
    for part, params in parts:
        cur.execute(f"INSERT INTO problems {part}", params)
    # A truncated line's other defects are echoes of the truncation: report it alone.
    cur.execute("DELETE FROM problems WHERE col IS NOT NULL AND _row IN "
                "(SELECT _row FROM problems WHERE col IS NULL)")


def _packed(words) -> str | None:
    """A Msg's key and values as JSON, for the problems table; None for anything else (a
    header, the file's text). Its values are names and counts."""
    if not isinstance(words, Msg):
        return None
    return json.dumps([words.key, words.values], ensure_ascii=False)


def _unpacked(packed: str | None, english: str | None):
    """The Msg packed by `_packed`, or the plain text as it was."""
    if packed is None:
        return english
    key, values = json.loads(packed)
    return Msg(key, **values)


def _refusal(cur, name: str) -> ImportRefused:
    total = cur.execute("SELECT count(*) FROM problems").fetchone()[0]
    rows = cur.execute(
        "SELECT _row, col, val, expected, col_said, val_said, expected_said FROM problems "
        "ORDER BY _row, col LIMIT ?",
        [MAX_PROBLEMS_SHOWN],
    ).fetchall()
    return ImportRefused(name, [
        Problem(row, _unpacked(col_said, col), _unpacked(val_said, val),
                _unpacked(expected_said, expected))
        for row, col, val, expected, col_said, val_said, expected_said in rows], total)


def _quoted(*names: str, prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{n}"' for n in names)


def _drop_exact_duplicates(cur, rules: KindRules) -> int | None:
    """Drop rows identical to an earlier one; None when every key is unique (no check left)."""
    key = _quoted("provider", *rules.key)
    n, distinct_keys = cur.execute(
        f"SELECT count(*), count(DISTINCT ({key})) FROM staged").fetchone()
    if n == distinct_keys:
        return None
    columns = [c for c in _table_columns(cur, rules.table) if c != "import_id"]
    quoted = ", ".join(f'"{c}"' for c in columns)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE staged AS "
                f"SELECT min(_row) AS _row, {quoted} FROM staged GROUP BY ALL")
    return n - cur.execute("SELECT count(*) FROM staged").fetchone()[0]


def _refuse_conflicting_duplicates(cur, rules: KindRules, resolved: Resolved, name: str) -> None:
    key = _quoted("provider", *rules.key)
    conflicts = cur.execute(
        f"""SELECT list(_row ORDER BY _row), concat_ws(' / ', {_quoted(*rules.key)})
            FROM staged GROUP BY {key} HAVING count(*) > 1
            ORDER BY min(_row) LIMIT ?""",
        [MAX_PROBLEMS_SHOWN],
    ).fetchall()
    if not conflicts:
        return
    total = cur.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM staged GROUP BY {key} HAVING count(*) > 1)"
    ).fetchone()[0]
    key_label = Joined(" + ", (resolved.sources.get(k, k) for k in rules.key))
    problems = [
        Problem(rows[0], key_label, value,
                Msg("expect.one_row_per_key", what=key_label, rows=", ".join(map(str, rows))))
        for rows, value in conflicts
    ]
    raise ImportRefused(name, problems, total)


def _replace_superseded(cur, rules: KindRules, kind: str, import_id: int,
                        start, end) -> list[int]:
    """Older imports of the same kind whose period, scope (and grain) the new file covers."""
    # Most files supersede nothing (a new week): the imports table says so without a
    # look at the rows (0.03 s over 2 M staged rows, on every import).
    if not cur.execute(
            "SELECT EXISTS (SELECT 1 FROM imports WHERE status = 'active' AND kind = ? "
            "AND period_start >= ? AND period_end <= ?)", [kind, start, end]).fetchone()[0]:
        return []
    same_grain = "" if rules.grain_column is None else f"""
              AND NOT EXISTS (
                  SELECT 1 FROM {rules.table} t WHERE t.import_id = i.import_id
                    AND t.{rules.grain_column} NOT IN (SELECT DISTINCT {rules.grain_column}
                                                       FROM staged))"""
    older = cur.execute(
        f"""SELECT i.import_id FROM imports i
            WHERE i.status = 'active' AND i.kind = ?
              AND i.period_start >= ? AND i.period_end <= ?
              AND EXISTS (SELECT 1 FROM {rules.table} t WHERE t.import_id = i.import_id)
              AND NOT EXISTS (
                  SELECT 1 FROM {rules.table} t
                  WHERE t.import_id = i.import_id
                    AND (t.provider, coalesce(t.{rules.scope_column}, '')) NOT IN
                        (SELECT DISTINCT provider, coalesce({rules.scope_column}, '')
                         FROM staged)){same_grain}
            ORDER BY i.import_id""",
        [kind, start, end],
    ).fetchall()
    ids = [r[0] for r in older]
    for old in ids:
        # Kept, so that undoing the new import brings them back (undo_import).
        cur.execute(f"INSERT INTO replaced_{rules.table} BY NAME "
                    f"SELECT *, ? AS replaced_by FROM {rules.table} WHERE import_id = ?",
                    [import_id, old])
        cur.execute(f"DELETE FROM {rules.table} WHERE import_id = ?", [old])
        cur.execute("UPDATE imports SET status = 'replaced', replaced_by = ? WHERE import_id = ?",
                    [import_id, old])
    return ids


def _delete_same_keys(cur, rules: KindRules, import_id: int, written: bool = False) -> int:
    """A newer row for the same fact replaces the stored one (kept in the archive, so
    that undoing the new import brings it back). `written`: the one-pass path has stored
    the new rows already (as `import_id`, an id no other row has): they are left out."""
    key = _quoted("provider", *rules.key)
    t_key = _quoted("provider", *rules.key, prefix="t.")
    same = f"({t_key}) IN (SELECT ({key}) FROM staged)"
    params = []
    if written:
        same = f"t.import_id <> ? AND {same}"
        params = [import_id]
    count = cur.execute(f"SELECT count(*) FROM {rules.table} t WHERE {same}",
                        params).fetchone()[0]
    if count:
        cur.execute(f"INSERT INTO replaced_{rules.table} BY NAME "
                    f"SELECT t.*, ? AS replaced_by FROM {rules.table} t WHERE {same}",
                    [import_id, *params])
        cur.execute(f"DELETE FROM {rules.table} t WHERE {same}", params)
    return count


def _set_aside(cur, import_id: int, raw: RawFile) -> None:
    rows = cur.execute(
        """SELECT p._row, string_agg(coalesce(p.col || ': ', '') || 'expected ' || p.expected
                  || coalesce(', found ''' || p.val || '''', ''), '; ' ORDER BY p.col),
                  to_json(any_value(r))
           FROM problems p LEFT JOIN raw r USING (_row) GROUP BY p._row ORDER BY p._row"""
    ).fetchall()
    named = []
    for row, reason, values in rows:
        cells = json.loads(values) if values else {}
        by_header = {raw.headers[int(k[1:])] if k.startswith("c") and k[1:].isdigit()
                     and int(k[1:]) < len(raw.headers) else k: v
                     for k, v in cells.items() if k != "_row"}
        named.append((import_id, row, reason, json.dumps(by_header, ensure_ascii=False)))
    cur.executemany("INSERT INTO rejected_rows VALUES (?, ?, ?, ?)", named)


def _table_columns(cur, table: str) -> list[str]:
    return [r[0] for r in cur.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
        "AND database_name = current_database() AND schema_name = 'main' "
        "ORDER BY column_index", [table]).fetchall()]


def undo_import(store: Store, import_id: int) -> int:
    """Remove one import's rows and bring back, in the same transaction, the rows it
    replaced (whole imports it superseded, and rows it replaced by key); its history line
    stays, marked 'undone', and the imports it superseded are active again.

    Refused (UndoRefused, nothing changed) when a later import replaced some of this
    import's rows (undo that one first), when the rows to bring back would clash with a
    later import's, or when the replaced rows were not kept (replaced before version 12).
    """
    def undo_import(cur) -> int:
        row = cur.execute("SELECT kind, status FROM imports WHERE import_id = ?",
                          [import_id]).fetchone()
        if row is None:
            raise NotFound(key="error.no_import", id=import_id)
        kind, status = row
        if status != "active":
            later = cur.execute("SELECT replaced_by FROM imports WHERE import_id = ?",
                                [import_id]).fetchone()[0]
            hint = Msg("error.undo_hint", later=later) if later else ""
            raise NotFound(key="error.undo_inactive", id=import_id,
                           status=Msg(f"status.{status}"), hint=hint)
        rules = RULES[kind]
        table, archive = rules.table, f"replaced_{rules.table}"
        later = [r[0] for r in cur.execute(
            f"SELECT DISTINCT replaced_by FROM {archive} WHERE import_id = ? ORDER BY 1",
            [import_id]).fetchall()]
        if later:
            raise UndoRefused(key="error.undo_later_one" if len(later) == 1
                              else "error.undo_later", id=import_id, ids=_import_refs(later))
        superseded = cur.execute(
            f"SELECT i.import_id FROM imports i WHERE i.replaced_by = ? AND i.status = "
            f"'replaced' AND i.rows_imported > 0 AND NOT EXISTS (SELECT 1 FROM {archive} a "
            f"WHERE a.import_id = i.import_id AND a.replaced_by = ?)",
            [import_id, import_id]).fetchall()
        if superseded:
            raise UndoRefused(key="error.undo_not_kept_one" if len(superseded) == 1
                              else "error.undo_not_kept", id=import_id,
                              ids=_import_refs([r[0] for r in superseded]))
        key = _quoted("provider", *rules.key)
        clashes = cur.execute(
            f"SELECT count(*) FROM {archive} a WHERE a.replaced_by = ? AND ({key}) IN "
            f"(SELECT ({key}) FROM {table} WHERE import_id <> ?)",
            [import_id, import_id]).fetchone()[0]
        if clashes:
            raise UndoRefused(key="error.undo_clash", id=import_id, n=clashes)
        n = cur.execute(f"SELECT count(*) FROM {table} WHERE import_id = ?",
                        [import_id]).fetchone()[0]
        if kind == "contacts":  # their repeats change: noted while the rows are here
            touch_customers(cur, import_id)
        cur.execute(f"DELETE FROM {table} WHERE import_id = ?", [import_id])
        columns = ", ".join(f'"{c}"' for c in _table_columns(cur, table))
        cur.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {archive} "
                    "WHERE replaced_by = ?", [import_id])
        if kind == "contacts":
            refresh_touched(cur)
        cur.execute(f"DELETE FROM {archive} WHERE replaced_by = ?", [import_id])
        cur.execute("UPDATE imports SET status = 'active', replaced_by = NULL "
                    "WHERE replaced_by = ? AND status = 'replaced'", [import_id])
        cur.execute("UPDATE imports SET status = 'undone' WHERE import_id = ?", [import_id])
        return n
    who = store.actor or getpass.getuser()
    try:
        removed = store.write(undo_import)
    except CockpitError as refusal:
        log.warning("undo of import #%s refused (%s): %s", import_id, who, refusal)
        raise
    log.info("undo (%s): import #%s, %s rows removed", who, import_id, removed)
    return removed


def import_history(store: Store):
    return store.read(
        """SELECT import_id, file_name, kind, profile, provider, rows_read, rows_imported,
                  duplicates_dropped, rows_rejected, period_start, period_end, imported_at,
                  imported_by, status, replaced_by, sha256
           FROM imports ORDER BY import_id DESC""")


def rejected_rows(store: Store, import_id: int | None = None):
    if import_id is None:
        return store.read("SELECT * FROM rejected_rows ORDER BY import_id, row_number")
    return store.read("SELECT * FROM rejected_rows WHERE import_id = ? ORDER BY row_number",
                      [import_id])
