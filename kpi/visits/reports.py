"""Visit reports: a visit to a provider's (or candidate's) floor rated item by item on the
grid in force that day, with its listening sessions, notes and overall verdict.

A report is entered on the Visits page or imported from a filled grid (CSV/XLSX); either way
it goes through `save_visit`, which refuses what the grid does not know and writes all or
nothing. A provider has one visit per day and site: saving it again replaces its ratings, so
re-importing the same filled grid changes nothing.

A visit's score is 100 × Σ weight × points / Σ weight over the items rated, where a signal
not seen is worth 1 point, a minor one 0.5 and a serious one 0 (grids.RATING_POINTS).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from kpi.errors import Day, ImportRefused, Msg, NotFound, Problem
from kpi.ingest.limits import (
    check_xlsx,
    intake_limits,
    refuse_columns,
    refuse_lines,
    refuse_not_regular,
    refuse_size,
)
from kpi.store import Store
from kpi.visits.grids import (
    DEFAULT_GRID,
    RATING_POINTS,
    RATINGS,
    parse_rating,
    store_default_grid,
    visit_grid,
    word_key,
)

log = logging.getLogger("cockpit.ingest")

VERDICTS = ("favourable", "reservations", "unfavourable")
VERDICT_WORDS = {
    "favourable": ("favourable", "favorable", "go", "positive", "positif", "bon", "good"),
    "reservations": ("reservations", "réserves", "reserves", "with reservations",
                     "avec réserves", "mitigé", "mixed", "watch", "à surveiller"),
    "unfavourable": ("unfavourable", "unfavorable", "défavorable", "defavorable", "no go",
                     "no-go", "négatif", "negative", "bad", "alarming", "alarmant"),
}
# Column names of a filled grid, in English or French, lower case.
_ALIASES = {
    "item": ("item", "signal", "critère", "critere", "élément", "element", "point"),
    "rating": ("rating", "note", "niveau", "cotation", "évaluation", "evaluation", "constat"),
    "notes": ("notes", "note libre", "commentaire", "commentaires", "observations",
              "remarques"),
    "visited_on": ("visited_on", "date", "date de visite", "visit date", "jour"),
    "site": ("site", "lieu", "plateau"),
    "visitors": ("visitors", "visiteurs", "visited by", "visité par"),
    "listening_sessions": ("listening_sessions", "listening sessions", "écoutes",
                           "ecoutes", "séances d'écoute", "seances d'ecoute"),
    "verdict": ("verdict", "avis", "conclusion", "overall"),
}
_VISIT_FIELDS = ("visited_on", "site", "visitors", "listening_sessions", "verdict")
# More listening sessions than this in one visit is a typo (and beyond it the column's
# INTEGER would overflow).
MAX_LISTENING = 1000
# pandas' words for a CSV row longer than its header.
_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


@dataclass
class VisitReport:
    provider: str
    visited_on: date
    site: str
    visitors: str = ""
    listening_sessions: int = 0
    verdict: str | None = None
    notes: str = ""
    # item -> (rating, notes); items left out were not rated.
    ratings: dict[str, tuple[str, str]] = field(default_factory=dict)
    grid: str = DEFAULT_GRID


def _known_provider(store: Store, provider: str) -> bool:
    return bool(store.scalar("SELECT count(*) FROM providers WHERE name = ?", [provider]))


def _word(value) -> str:
    """A cell's words as compared with ours (grids.word_key: no case, accents or
    punctuation), so that "Pas d’indicateurs" or "too calm" still name their item; a
    spreadsheet's 2.0 reads 2."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return word_key(str(value).strip())


def parse_verdict(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = _word(value)
    return next((v for v, words in VERDICT_WORDS.items()
                 if text in {word_key(w) for w in words}), None)


def check_visit(store: Store, report: VisitReport, where: str = Msg("where.visit")
                ) -> list[Msg]:
    """What is wrong with a report, in words (empty: it can be saved): each a str in English,
    `text(lang)` in the reader's language."""
    return _problems(store, report, visit_grid(store, report.grid, on=report.visited_on), where)


def _problems(store: Store, report: VisitReport, grid: pd.DataFrame, where: str) -> list[Msg]:
    """check_visit's rules against the grid in force on the visit's day."""
    problems = []
    if not _known_provider(store, report.provider):
        problems.append(Msg("error.visit_provider", where=where, name=repr(report.provider)))
    if not (report.site or "").strip():
        problems.append(Msg("error.visit_site", where=where))
    sessions = report.listening_sessions
    if sessions is None or not (0 <= sessions <= MAX_LISTENING) or sessions != int(sessions):
        problems.append(Msg("error.visit_listening", where=where, max=MAX_LISTENING,
                            value=repr(sessions)))
    if report.verdict is not None and report.verdict not in VERDICTS:
        problems.append(Msg("error.visit_verdict", where=where, verdict=repr(report.verdict),
                            verdicts=", ".join(VERDICTS)))
    items = set(grid.item)
    for item, (rating, _notes) in report.ratings.items():
        if item not in items:
            problems.append(Msg("error.visit_item", where=where, item=repr(item)))
        if rating not in RATINGS:
            problems.append(Msg("error.visit_rating", where=where, item=item,
                                rating=repr(rating), ratings=", ".join(RATINGS)))
    return problems


def save_visit(store: Store, report: VisitReport, source: str = "page",
               replaces: int | None = None) -> int:
    """Store a report (replacing the same provider's visit of that day and site); returns its
    id. Refused as a whole when anything is wrong.

    `replaces`: the visit being edited. Its provider, day or site may change (the same
    visit, its ratings replaced), unless another visit already has the new ones. Without
    it, a report of another day or site is another visit, and the one edited would stay."""
    grid = visit_grid(store, report.grid, on=report.visited_on)
    problems = _problems(store, report, grid, Msg("where.visit"))
    if replaces is not None and not store.scalar(
            "SELECT count(*) FROM visits WHERE visit_id = ?", [replaces]):
        problems.append(Msg("error.visit_no_replace", where=Msg("where.visit"), id=replaces))
    if problems:
        raise ImportRefused(source, [Problem(None, None, None, p) for p in problems])
    version = int(grid.version.iloc[0])

    def save_visit_report(cur) -> int:
        if report.grid == DEFAULT_GRID:
            store_default_grid(cur)
        values = [report.visitors or None, report.grid, version,
                  int(report.listening_sessions or 0), report.verdict, report.notes or None,
                  source, datetime.now(UTC)]
        found = cur.execute("SELECT visit_id FROM visits WHERE provider = ? AND visited_on = ? "
                            "AND site = ?", [report.provider, report.visited_on,
                                             report.site.strip()]).fetchone()
        if replaces is not None and found and found[0] != replaces:
            raise ImportRefused(source, [Problem(None, None, None, Msg(
                "error.visit_exists", where=Msg("where.visit"), provider=report.provider,
                day=Day(report.visited_on), site=report.site.strip(), id=found[0]))])
        if replaces is not None and not found:
            cur.execute("UPDATE visits SET provider = ?, visited_on = ?, site = ? "
                        "WHERE visit_id = ?", [report.provider, report.visited_on,
                                               report.site.strip(), replaces])
            found = (replaces,)
        if found:
            visit_id = found[0]
            cur.execute("""UPDATE visits SET visitors = ?, grid = ?, grid_version = ?,
                               listening_sessions = ?, verdict = ?, notes = ?, source = ?,
                               saved_at = ? WHERE visit_id = ?""", [*values, visit_id])
            cur.execute("DELETE FROM visit_ratings WHERE visit_id = ?", [visit_id])
        else:
            visit_id = cur.execute(
                """INSERT INTO visits (provider, visited_on, site, visitors, grid,
                       grid_version, listening_sessions, verdict, notes, source, saved_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING visit_id""",
                [report.provider, report.visited_on, report.site.strip(), *values]
            ).fetchone()[0]
        for item, (rating, notes) in report.ratings.items():
            cur.execute("INSERT INTO visit_ratings VALUES (?, ?, ?, ?)",
                        [visit_id, item, rating, notes or None])
        return visit_id
    return store.write(save_visit_report)


def delete_visit(store: Store, visit_id: int) -> None:
    def delete_visit_report(cur) -> None:
        cur.execute("DELETE FROM visit_ratings WHERE visit_id = ?", [visit_id])
        cur.execute("DELETE FROM visits WHERE visit_id = ?", [visit_id])
    store.write(delete_visit_report)


def visit_score(ratings: pd.DataFrame, weights: dict[str, float] | None = None
                ) -> float | None:
    """100 × Σ w × points / Σ w over the rated items (`ratings`: item, rating, weight);
    `weights` overrides the grid's weight of the items it names. None: nothing rated."""
    rated = ratings[ratings.rating.isin(RATINGS)]
    if rated.empty:
        return None
    weight = [float((weights or {}).get(i, w)) for i, w in zip(rated.item, rated.weight,
                                                                strict=True)]
    total = sum(weight)
    if total <= 0:
        return None
    points = [RATING_POINTS[r] for r in rated.rating]
    return 100 * sum(w * p for w, p in zip(weight, points, strict=True)) / total


def visit_items(store: Store, visit_id: int) -> pd.DataFrame:
    """Every item of the visit's grid version, in order, with its rating and notes (None:
    not rated): item, signal, label_en, label_fr, look_*, good_*, weight, rating, notes."""
    visit = store.read("SELECT grid, grid_version FROM visits WHERE visit_id = ?", [visit_id])
    if visit.empty:
        raise NotFound(key="error.no_visit", id=visit_id)
    items = visit_grid(store, visit.grid.iloc[0], int(visit.grid_version.iloc[0]))
    rated = store.read("SELECT item, rating, notes FROM visit_ratings WHERE visit_id = ?",
                       [visit_id])
    return items.merge(rated, on="item", how="left")


def list_visits(store: Store, provider: str | None = None,
                providers: list[str] | None = None) -> pd.DataFrame:
    """Every visit (newest first) with its score and how many items were rated minor and
    serious: visit_id, provider, stage, visited_on, site, visitors, grid, grid_version,
    listening_sessions, verdict, notes, rated, minor, serious, score."""
    names = [provider] if provider else providers
    visits = store.read(
        """SELECT v.visit_id, v.provider, coalesce(p.stage, 'active') AS stage, v.visited_on,
                  v.site, v.visitors, v.grid, v.grid_version, v.listening_sessions,
                  v.verdict, v.notes
           FROM visits v LEFT JOIN providers p ON p.name = v.provider
           WHERE CAST(? AS VARCHAR[]) IS NULL OR list_contains(?, v.provider)
           ORDER BY v.visited_on DESC, v.provider, v.site""", [names, names])
    visits["visited_on"] = pd.to_datetime(visits.visited_on).dt.date
    # Every listed visit's ratings with their grid weights, in one query (not one per visit).
    ratings = store.read(
        """SELECT r.visit_id, r.item, r.rating, g.weight
           FROM visit_ratings r JOIN visits v USING (visit_id)
           JOIN visit_grid_items g ON g.grid = v.grid AND g.version = v.grid_version
                AND g.item = r.item
           WHERE list_contains(?, r.visit_id)""", [visits.visit_id.tolist()])
    by_visit = dict(tuple(ratings.groupby("visit_id")))
    empty = ratings.iloc[:0]
    rated = [by_visit.get(v, empty) for v in visits.visit_id]
    return visits.assign(
        rated=[int(r.rating.isin(RATINGS).sum()) for r in rated],
        minor=[int((r.rating == "minor").sum()) for r in rated],
        serious=[int((r.rating == "serious").sum()) for r in rated],
        score=pd.Series([visit_score(r) for r in rated], dtype=float, index=visits.index))


def latest_visit(store: Store, provider: str, until: date) -> pd.Series | None:
    """The provider's last visit on or before `until` (None: never visited)."""
    visits = list_visits(store, provider)
    visits = visits[visits.visited_on <= until]
    return None if visits.empty else visits.iloc[0]


# --- a filled grid from a file ---------------------------------------------------------

def _column_map(columns: list[str]) -> dict[str, str]:
    """Our field -> the file's column, by the English or French names people write."""
    found = {}
    for column in columns:
        name = _word(column)
        for canonical, aliases in _ALIASES.items():
            if name in {word_key(a) for a in aliases} and canonical not in found:
                found[canonical] = column
    return found


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or \
        str(value).strip() == ""


def read_visit_file(store: Store, path: str | Path, provider: str,
                    file_name: str | None = None) -> VisitReport:
    """A filled grid (one row per item: item, rating, notes; the visit's date, site,
    visitors, listening sessions and verdict in their own columns, one value each) as a
    report. Refused with the file, row and column of every problem."""
    path = Path(path)
    file_name = file_name or path.name
    limits = intake_limits(store)
    refuse_not_regular(path, file_name)
    refuse_size(file_name, path.stat().st_size, limits)
    is_xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
    first_row = 2  # the file's row of the first data row (the header is row 1)
    try:
        if is_xlsx:
            check_xlsx(path, file_name, limits)
            table = pd.read_excel(path, dtype=object, engine="openpyxl")
        else:
            with open(path, "rb") as handle:
                refuse_lines(file_name, sum(1 for _ in handle), limits)
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            # Blank lines are kept (and skipped below) so that row numbers stay the file's;
            # blank lines above the header are dropped and counted.
            body = text.lstrip(" \t\r\n")
            first_row += text[:len(text) - len(body)].count("\n")
            table = pd.read_csv(io.StringIO(body), dtype=str, sep=None, engine="python",
                                keep_default_na=False, skip_blank_lines=False)
    except ImportRefused:
        raise
    except pd.errors.ParserError as e:  # a row with more cells than the header
        ragged = _RAGGED.search(str(e))
        if ragged is None:
            raise ImportRefused(file_name, [Problem(None, None, type(e).__name__,
                                                    Msg("expect.visit_csv"))]) from e
        raise ImportRefused(file_name, [Problem(
            int(ragged[2]) + first_row - 2, None, Msg("found.cells", cells=ragged[3]),
            Msg("expect.visit_cells", cells=ragged[1]))]) from e
    except Exception as e:  # a damaged, empty or unreadable file
        raise ImportRefused(file_name, [Problem(None, None, type(e).__name__,
                                                Msg("expect.visit_file"))]) from e
    refuse_columns(file_name, len(table.columns), limits)
    refuse_lines(file_name, len(table), limits)
    columns = _column_map(list(table.columns))
    problems: list[Problem] = []
    for needed in ("item", "rating", "visited_on", "site"):
        if needed not in columns:
            problems.append(Problem(None, needed, None, Msg(
                "expect.visit_column", column=needed,
                aliases=" / ".join(_ALIASES[needed][1:3]))))
    if not _known_provider(store, provider):
        problems.append(Problem(None, None, provider, Msg("expect.visit_provider")))
    if problems:
        raise ImportRefused(file_name, problems)

    def one_value(field_name: str, same=None):
        """(row, text) of the field's one value; `same` says what makes two cells the same
        value (a date written 10/03/2026 on one row and 2026-03-10 on another)."""
        column = columns.get(field_name)
        if column is None:
            return None
        values = [(n, str(v).strip()) for n, v in enumerate(table[column], start=first_row)
                  if not _missing(v)]
        if not values:
            return None
        key = same or (lambda text: text)
        first = key(values[0][1])
        other = next(((n, v) for n, v in values if key(v) != first), None)
        if other is not None:
            problems.append(Problem(other[0], column, other[1], Msg(
                "expect.visit_same", field=field_name, first=repr(values[0][1]))))
        return values[0]

    day = one_value("visited_on", same=lambda text: _parse_day(text) or text)
    visited_on = None
    if day is None:
        problems.append(Problem(first_row, columns["visited_on"], None,
                                Msg("expect.visit_date")))
    else:
        visited_on = _parse_day(day[1])
        if visited_on is None:
            problems.append(Problem(day[0], columns["visited_on"], day[1],
                                    Msg("expect.date")))
    site = one_value("site")
    if site is None:
        problems.append(Problem(first_row, columns["site"], None, Msg("expect.visit_site")))
    visitors = one_value("visitors")
    sessions = one_value("listening_sessions")
    listening = 0
    if sessions is not None:
        try:
            listening = int(float(sessions[1].replace(",", ".")))
            if not 0 <= listening <= MAX_LISTENING or \
                    listening != float(sessions[1].replace(",", ".")):
                raise ValueError
        except (ValueError, OverflowError):  # "inf" and "1e400" overflow int()
            problems.append(Problem(sessions[0], columns["listening_sessions"], sessions[1],
                                    Msg("expect.visit_listening", max=MAX_LISTENING)))
    verdict_cell = one_value("verdict")
    verdict = None
    if verdict_cell is not None:
        verdict = parse_verdict(verdict_cell[1])
        if verdict is None:
            problems.append(Problem(verdict_cell[0], columns["verdict"], verdict_cell[1],
                                    Msg("expect.visit_verdict")))
    grid = visit_grid(store, DEFAULT_GRID, on=visited_on)
    by_words = {}
    for row in grid.itertuples():
        for word in (row.item, row.label_en, row.label_fr, str(row.signal)
                     if pd.notna(row.signal) else None):
            if word:
                by_words[_word(word)] = row.item
    ratings: dict[str, tuple[str, str]] = {}
    notes_column = columns.get("notes")
    for number, record in enumerate(table.to_dict("records"), start=first_row):
        item_text, rating_text = record[columns["item"]], record[columns["rating"]]
        if _missing(item_text) and _missing(rating_text):
            continue  # a blank line
        item = by_words.get(_word(item_text))
        if item is None:
            problems.append(Problem(number, columns["item"], str(item_text), Msg(
                "expect.visit_item", items=", ".join(grid.item.tolist()))))
            continue
        if item in ratings:
            problems.append(Problem(number, columns["item"], str(item_text),
                                    Msg("expect.visit_item_once")))
            continue
        if _missing(rating_text):
            continue  # listed but not rated
        rating = parse_rating(rating_text)
        if rating is None:
            problems.append(Problem(number, columns["rating"], str(rating_text),
                                    Msg("expect.visit_rating")))
            continue
        note = record.get(notes_column) if notes_column else None
        ratings[item] = (rating, "" if _missing(note) else str(note).strip())
    if not ratings and not problems:
        problems.append(Problem(None, columns["rating"], None, Msg("expect.visit_rated")))
    if problems:
        raise ImportRefused(file_name, problems)
    return VisitReport(provider=provider, visited_on=visited_on, site=site[1],
                       visitors=visitors[1] if visitors else "",
                       listening_sessions=listening, verdict=verdict, ratings=ratings)


def _parse_day(text: str) -> date | None:
    text = text.strip().split(" ")[0].split("T")[0]
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def import_visit_file(store: Store, path: str | Path, provider: str,
                      file_name: str | None = None) -> tuple[int, VisitReport]:
    """Read a filled grid and save it as the provider's visit: (visit id, report)."""
    file_name = file_name or Path(path).name
    try:
        report = read_visit_file(store, path, provider, file_name)
        visit_id = save_visit(store, report, source=file_name)
    except ImportRefused as refused:
        log.info("visit refused: %s for %s by %s: %s", file_name, provider,
                 store.actor or "local", refused.render().splitlines()[0])
        raise
    log.info("visit imported: %s for %s (%s, %s) by %s", file_name, provider,
             report.visited_on, report.site, store.actor or "local")
    return visit_id, report
