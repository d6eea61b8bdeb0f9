"""The errors Cockpit shows to people, each carrying what they need to act on it."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PROBLEMS_SHOWN = 20


class CockpitError(Exception):
    """Base of every error meant for a pilot's eyes (pages show it, the CLI prints it)."""


@dataclass(frozen=True)
class Problem:
    """One defect in an export: where it is, what was found, what was expected."""

    row: int | None
    column: str | None
    value: str | None
    expected: str

    def render(self, file_name: str) -> str:
        where = [file_name]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        text = ", ".join(where) + f": expected {self.expected}"
        if self.value is not None:
            text += f", found {self.value!r}"
        return text


class ImportRefused(CockpitError):
    """A whole file was refused; nothing of it was written."""

    def __init__(self, file_name: str, problems: list[Problem], total: int | None = None):
        self.file_name = file_name
        self.problems = problems[:MAX_PROBLEMS_SHOWN]
        self.total = max(total or 0, len(problems))
        super().__init__(self.render())

    def render(self) -> str:
        lines = [p.render(self.file_name) for p in self.problems]
        hidden = self.total - len(self.problems)
        if hidden > 0:
            lines.append(f"… and {hidden} more problem(s) in {self.file_name}")
        lines.append(f"{self.file_name} was not imported; the database is unchanged.")
        return "\n".join(lines)


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
