"""Listening to the provider (SPEC §4 Provider feedback), and the weekly committee notes."""

from __future__ import annotations

from datetime import date

import pandas as pd

from kpi.errors import CockpitError, NotFound
from kpi.governance.registers import save_register_rows
from kpi.i18n import format_date, t
from kpi.store import Store

KINDS = ("alert", "recommendation", "customer insight")
STATUSES = ("open", "answered", "closed")
COLUMNS = ["feedback_id", "provider", "received_on", "kind", "text", "answer", "status"]


class InvalidFeedback(CockpitError):
    pass


def list_feedback(store: Store, provider: str | None = None, start: date | None = None,
                  end: date | None = None) -> pd.DataFrame:
    table = store.read(
        f"""SELECT {', '.join(COLUMNS)} FROM feedback
            WHERE (? IS NULL OR provider = ?)
              AND (CAST(? AS DATE) IS NULL OR received_on >= CAST(? AS DATE))
              AND (CAST(? AS DATE) IS NULL OR received_on <= CAST(? AS DATE))
            ORDER BY received_on DESC, feedback_id DESC""",
        [provider, provider, start, start, end, end])
    table["received_on"] = pd.to_datetime(table.received_on).dt.date
    return table


def save_feedback(store: Store, table: pd.DataFrame) -> None:
    rows = []
    for number, row in enumerate(table.reindex(columns=COLUMNS).to_dict("records"), start=1):
        row = {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in row.items()}
        if not row.get("text") or not row.get("provider") or not row.get("received_on"):
            raise InvalidFeedback(key="error.feedback_required", row=number)
        row["kind"] = row.get("kind") or "alert"
        row["status"] = row.get("status") or ("answered" if row.get("answer") else "open")
        if row["kind"] not in KINDS or row["status"] not in STATUSES:
            raise InvalidFeedback(key="error.feedback_kind", row=number,
                                  kinds=", ".join(KINDS), statuses=", ".join(STATUSES))
        rows.append(row)

    save_register_rows(store, "feedback", "feedback_id", COLUMNS[1:], rows)


def save_answers(store: Store, before: pd.DataFrame, after: pd.DataFrame) -> int:
    """The answers a provider wrote or changed in its log; returns how many."""
    changed = 0
    for old, new in zip(before.itertuples(), after.itertuples(), strict=True):
        text = new.answer if isinstance(new.answer, str) else ""
        if text != (old.answer if isinstance(old.answer, str) else ""):
            answer_feedback(store, int(old.feedback_id), text)
            changed += 1
    return changed


def answer_feedback(store: Store, feedback_id: int, answer: str) -> None:
    """A provider's answer to one of its feedback items (it is then 'answered')."""
    if not store.scalar("SELECT count(*) FROM feedback WHERE feedback_id = ?", [feedback_id]):
        raise NotFound(key="error.no_feedback", id=feedback_id)
    answer = (answer or "").strip()

    def answer_feedback_item(cur) -> None:
        cur.execute("UPDATE feedback SET answer = ?, status = CASE WHEN ? THEN 'answered' "
                    "ELSE status END WHERE feedback_id = ?",
                    [answer or None, bool(answer), feedback_id])
    store.write_own(answer_feedback_item)


def week_note(store: Store, provider: str, week: date) -> str:
    return store.scalar("SELECT text FROM week_notes WHERE provider = ? AND week = ?",
                        [provider, week]) or ""


def save_week_note(store: Store, provider: str, week: date, text: str) -> None:
    store.write(lambda cur: cur.execute(
        "INSERT OR REPLACE INTO week_notes VALUES (?, ?, ?)", [provider, week, text]))


def feedback_for_people(feedback: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The log as a committee reads it: translated headings, kinds and statuses."""
    table = feedback.reindex(columns=["received_on", "kind", "text", "answer", "status"])
    table = table.assign(
        received_on=table.received_on.map(lambda d: format_date(d, lang) if pd.notna(d) else ""),
        kind=table.kind.map(lambda k: t(f"feedback.{k}", lang)),
        status=table.status.map(lambda k: t(f"feedback.{k}", lang)))
    table.columns = [t(f"feedback.col.{c}", lang) for c in table.columns]
    return table
