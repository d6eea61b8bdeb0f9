"""The action plan (SPEC §4 Action): owner on either side, due date, status, linked KPI or
target, origin committee, and dated notes."""

from __future__ import annotations

from datetime import date

import pandas as pd

from kpi import clock
from kpi.errors import CockpitError, Msg, NotFound
from kpi.governance.registers import save_register_rows
from kpi.i18n import format_date, t
from kpi.metrics.registry import KPI_BY_ID
from kpi.store import Store

STATUSES = ("open", "in progress", "done", "dropped")
SIDES = ("client", "provider")
ORIGINS = ("production", "steering", "strategic")
COLUMNS = ["action_id", "provider", "title", "owner", "owner_side", "due", "status", "kpi",
           "target_id", "origin", "created_on"]


class InvalidAction(CockpitError):
    pass


def list_actions(store: Store, provider: str | None = None) -> pd.DataFrame:
    table = store.read(
        f"""SELECT {', '.join(COLUMNS)},
                   (SELECT string_agg(strftime(n.noted_on, '%Y-%m-%d') || ': ' || n.text,
                                      ' | ' ORDER BY n.noted_on)
                    FROM action_notes n WHERE n.action_id = a.action_id) AS notes
            FROM actions a WHERE ? IS NULL OR provider = ?
            ORDER BY status = 'done' OR status = 'dropped', due NULLS LAST, action_id""",
        [provider, provider])
    for name in ("due", "created_on"):
        table[name] = pd.to_datetime(table[name]).dt.date
    return table


def _clean(row: dict, number: int, today: date) -> dict:
    row = {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in row.items()}
    where = Msg("where.action_row", row=number)
    if not row.get("title") or not str(row["title"]).strip():
        raise InvalidAction(key="error.action_title", where=where)
    if not row.get("provider"):
        raise InvalidAction(key="error.action_provider", where=where)
    row["status"] = row.get("status") or "open"
    row["owner_side"] = row.get("owner_side") or "provider"
    row["origin"] = row.get("origin") or "production"
    for name, allowed in (("status", STATUSES), ("owner_side", SIDES), ("origin", ORIGINS)):
        if row[name] not in allowed:
            raise InvalidAction(key="error.one_of", where=where, name=name,
                                allowed=", ".join(allowed), value=repr(row[name]))
    if row.get("kpi") and row["kpi"] not in KPI_BY_ID:
        raise InvalidAction(key="error.action_kpi", where=where, kpi=repr(row["kpi"]))
    row["created_on"] = row.get("created_on") or today
    return row


def save_actions(store: Store, table: pd.DataFrame, today: date | None = None) -> None:
    """Insert new rows and update edited ones (the page's editor); notes are kept."""
    today = today or clock.today()
    rows = [_clean(r, i, today) for i, r in enumerate(
        table.reindex(columns=COLUMNS).to_dict("records"), start=1)]

    save_register_rows(store, "actions", "action_id", COLUMNS[1:], rows)


def _own_action(store: Store, action_id: int) -> None:
    """Refuse an action this store's view cannot read (another provider's, or none)."""
    if not store.scalar("SELECT count(*) FROM actions WHERE action_id = ?", [action_id]):
        raise NotFound(key="error.no_action", id=action_id)


def add_note(store: Store, action_id: int, text: str, on: date | None = None) -> None:
    """A dated note on an action: the pilot's, or the provider's on its own actions."""
    if not text.strip():
        raise InvalidAction(key="error.empty_note")
    _own_action(store, action_id)

    def add_action_note(cur) -> None:
        cur.execute("INSERT INTO action_notes VALUES (?, ?, ?)",
                    [action_id, on or clock.today(), text.strip()])
    store.write_own(add_action_note)


def save_statuses(store: Store, before: pd.DataFrame, after: pd.DataFrame) -> int:
    """The statuses a provider changed in its table of actions; returns how many."""
    changed = 0
    for old, new in zip(before.itertuples(), after.itertuples(), strict=True):
        if new.status != old.status:
            set_status(store, int(old.action_id), new.status)
            changed += 1
    return changed


def set_status(store: Store, action_id: int, status: str) -> None:
    """Where an action stands: what a provider may change on its own actions."""
    if status not in STATUSES:
        raise InvalidAction(key="error.one_of", where=Msg("where.action", id=action_id),
                            name="status", allowed=", ".join(STATUSES), value=repr(status))
    _own_action(store, action_id)

    def set_action_status(cur) -> None:
        cur.execute("UPDATE actions SET status = ? WHERE action_id = ?", [status, action_id])
    store.write_own(set_action_status)


def action_from_target(store: Store, target: dict, origin: str = "steering",
                       due: date | None = None, today: date | None = None) -> int:
    """One step from a missed target to an action on the provider's side."""
    title = f"Bring {target['kpi']} back to {target['comparator']} {target['value']:g}"
    def run(cur) -> int:
        cur.execute(
            "INSERT INTO actions (provider, title, owner, owner_side, due, status, kpi, "
            "target_id, origin, created_on) VALUES (?, ?, ?, 'provider', ?, 'open', ?, ?, ?, ?)",
            [target["provider"], title, target.get("owner"), due, target["kpi"],
             target.get("target_id"), origin, today or clock.today()])
        return cur.execute("SELECT max(action_id) FROM actions").fetchall()[0][0]
    return store.write(run)


def overdue(actions: pd.DataFrame, on: date) -> pd.Series:
    """Which actions are overdue on a day: still open or in progress, due before it."""
    return (actions.status.isin(["open", "in progress"]) & actions.due.notna()
            & (actions.due < on))


def live_actions(store: Store, provider: str, on: date) -> pd.DataFrame:
    """Open or in-progress actions, flagged overdue when their due date is before `on`."""
    actions = list_actions(store, provider)
    live = actions[actions.status.isin(["open", "in progress"])].copy()
    live["overdue"] = overdue(live, on)
    return live


def due_actions(store: Store, provider: str, until: date) -> pd.DataFrame:
    """Open or in-progress actions due by `until`, with overdue flagged."""
    live = live_actions(store, provider, until)
    return live[live.due.notna() & (live.due <= until)]


def actions_for_people(actions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The plan as a committee reads it: translated headings and values, dated notes."""
    table = actions.reindex(columns=["title", "owner", "owner_side", "due", "status", "kpi",
                                     "notes"])
    table = table.assign(
        due=table.due.map(lambda d: format_date(d, lang) if pd.notna(d) else ""),
        status=table.status.map(lambda k: t(f"action.{k}", lang)),
        owner_side=table.owner_side.map(lambda k: t(f"action.{k}", lang)),
        kpi=table.kpi.map(lambda k: KPI_BY_ID[k].label(lang) if isinstance(k, str) else ""))
    table.columns = [t(f"action.col.{c}", lang) for c in table.columns]
    return table
