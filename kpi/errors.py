"""The errors Cockpit shows to people, each carrying what they need to act on it.

An error made from a catalogue key (`key=…` and its values) reads in either language:
`str(error)` is English (the command line's words, which scripts may read), `text(lang)`
what a page shows in the reader's language. An error made from a plain sentence reads the
same in both (kept for messages that quote another program, e.g. a parser's own words).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpi.i18n import t

MAX_PROBLEMS_SHOWN = 20


class CockpitError(Exception):
    """Base of every error meant for a pilot's eyes (pages show it, the CLI prints it)."""

    def __init__(self, message: str = "", *, key: str | None = None, **values):
        self.key = key
        self.values = values
        super().__init__(t(key, "en", **values) if key else message)

    def text(self, lang: str) -> str:
        """The error in the reader's language."""
        return t(self.key, lang, **self.values) if self.key else str(self)


@dataclass(frozen=True)
class Problem:
    """One defect in an export: where it is, what was found, what was expected."""

    row: int | None
    column: str | None
    value: str | None
    expected: str  # in English, or a catalogue key when expected_values is given
    # The catalogue's values for `expected` as a key ("expect.<…>"): a Problem made with
    # them reads in either language.
    expected_values: dict | None = field(default=None, compare=False)

    def expected_text(self, lang: str) -> str:
        if self.expected_values is None:
            return self.expected
        return t(self.expected, lang, **self.expected_values)

    def render(self, file_name: str, lang: str = "en") -> str:
        where = [file_name]
        if self.row is not None:
            where.append(t("problem.row", lang, row=self.row))
        if self.column:
            where.append(t("problem.column", lang, column=self.column))
        text = t("problem.expected", lang, where=", ".join(where),
                 expected=self.expected_text(lang))
        if self.value is not None:
            text += t("problem.found", lang, value=repr(self.value))
        return text


class ImportRefused(CockpitError):
    """A whole file was refused; nothing of it was written."""

    def __init__(self, file_name: str, problems: list[Problem], total: int | None = None):
        self.file_name = file_name
        self.problems = problems[:MAX_PROBLEMS_SHOWN]
        self.total = max(total or 0, len(problems))
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        lines = [p.render(self.file_name, lang) for p in self.problems]
        hidden = self.total - len(self.problems)
        if hidden > 0:
            lines.append(t("problem.more", lang, n=hidden, file=self.file_name))
        lines.append(t("problem.not_imported", lang, file=self.file_name))
        return "\n".join(lines)

    def text(self, lang: str) -> str:
        return self.render(lang)


class LayoutUnknown(ImportRefused):
    """The file's columns match no profile: the pilot can map them once and save that."""


class DatabaseBusy(CockpitError):
    """Another process (usually the running app) holds the database for writing."""


class NotFound(CockpitError):
    """A named thing (import, profile, provider) does not exist."""


class NotAllowed(CockpitError):
    """The signed-in account's role does not allow this (read-only, or another provider's)."""


class FileChanged(ImportRefused):
    """The file changed (grew, was rewritten) while it was being imported: nothing of it was
    written; the inbox leaves such a file waiting for its writer to finish."""


class UndoRefused(CockpitError):
    """An import cannot be undone without losing or duplicating rows; the reason says why."""
