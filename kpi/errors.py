"""The errors Cockpit shows to people, each carrying what they need to act on it.

An error made from a catalogue key (`key=…` and its values) reads in either language:
`str(error)` is English (the command line's words, which scripts may read), `text(lang)`
what a page shows in the reader's language. An error made from a plain sentence reads the
same in both (kept for messages that quote another program, e.g. a parser's own words).

Words that are not a whole error (what a refused file's problem expected or found, an import
report's notes, a progress label, a list of problems) are `Msg`s: a `str` holding the English
words, so that whatever prints or compares text works as before, with `text(lang)` for a page.
A value may itself be a `Msg`, a `Joined` list of them, a `Num` (1,234.5 / 1 234,5) or a `Day`
(2026-03-10 / 10/03/2026): each reads in the language of the text it fills.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kpi.i18n import format_date, t

MAX_PROBLEMS_SHOWN = 20


class Localised(str):
    """Words that are a `str` in English (what the command line prints, unchanged) and read
    in the reader's language through `text(lang)`."""

    def text(self, lang: str) -> str:
        raise NotImplementedError


def in_language(value, lang: str):
    """A value as `lang` writes it: a Localised one in that language, anything else as is."""
    return value.text(lang) if isinstance(value, Localised) else value


def _values(values: dict, lang: str) -> dict:
    return {name: in_language(value, lang) for name, value in values.items()}


def say(key: str, lang: str, /, **values) -> str:
    """The catalogue's text of `key` in `lang`, its values read in the same language."""
    return t(key, lang, **_values(values, lang))


class Msg(Localised):
    """A catalogue text and its values: `Msg("expect.number")`, `Msg("problem.row", row=3)`."""

    key: str
    values: dict

    def __new__(cls, key: str, /, **values) -> Msg:
        said = super().__new__(cls, say(key, "en", **values))
        said.key, said.values = key, values
        return said

    def text(self, lang: str) -> str:
        return say(self.key, lang, **self.values)

    def __reduce__(self):  # copies and pickles rebuild from the key, not the English words
        return (_msg, (self.key, self.values))


def _msg(key: str, values: dict) -> Msg:
    return Msg(key, **values)


# French puts a space before a semicolon or a colon; alternatives are joined by "ou".
FRENCH_SEPARATORS = {"; ": " ; ", ": ": " : ", " or ": " ou "}


class Joined(Localised):
    """Words joined by a separator, each read in the language of the whole."""

    parts: tuple

    def __new__(cls, separator: str, parts) -> Joined:
        parts = tuple(parts)
        said = super().__new__(cls, separator.join(str(in_language(p, "en")) for p in parts))
        said.separator, said.parts = separator, parts
        return said

    def text(self, lang: str) -> str:
        separator = FRENCH_SEPARATORS.get(self.separator, self.separator) if lang == "fr" \
            else self.separator
        return separator.join(str(in_language(p, lang)) for p in self.parts)

    def __reduce__(self):
        return (Joined, (self.separator, self.parts))


class Num(Localised):
    """A number as each language writes it: `Num(1234.5, ",.1f")` is 1,234.5 in English (the
    format spec's own words) and 1 234,5 in French."""

    value: float
    spec: str

    def __new__(cls, value: float, spec: str = ",") -> Num:
        said = super().__new__(cls, format(value, spec))
        said.value, said.spec = value, spec
        return said

    def text(self, lang: str) -> str:
        english = format(self.value, self.spec)
        if lang != "fr":
            return english
        return english.replace(",", "\u202f").replace(".", ",")

    def __reduce__(self):
        return (Num, (self.value, self.spec))


class Day(Localised):
    """A day as each language writes it: 2026-03-10 in English (or the `english` words the
    command line has always printed for it), 10/03/2026 in French."""

    day: date

    def __new__(cls, day: date, english: str | None = None) -> Day:
        said = super().__new__(cls, str(day) if english is None else english)
        said.day = day
        return said

    def text(self, lang: str) -> str:
        return format_date(self.day, lang) if lang == "fr" else str(self)

    def __reduce__(self):
        return (Day, (self.day, str(self)))


class Rendered(Localised):
    """Words a function draws in the language asked (an import's summaries, a refusal)."""

    def __new__(cls, render: Callable[[str], str]) -> Rendered:
        said = super().__new__(cls, render("en"))
        said.render = render
        return said

    def text(self, lang: str) -> str:
        return self.render(lang)

    def __reduce__(self):
        return (Rendered, (self.render,))


class CockpitError(Exception):
    """Base of every error meant for a pilot's eyes (pages show it, the CLI prints it).

    Made from a catalogue key and its values, or from `Msg`/`Joined` words (several problems
    at once), it reads in either language; made from a plain sentence, the same in both."""

    def __init__(self, message: str = "", *, key: str | None = None, **values):
        self.key = key
        self.values = values
        self.words = Msg(key, **values) if key else message
        super().__init__(str(self.words))

    def text(self, lang: str) -> str:
        """The error in the reader's language."""
        return in_language(self.words, lang) if isinstance(self.words, Localised) else str(self)

    @property
    def said(self) -> Localised:
        """The error as words to keep and show later, in either language."""
        return Rendered(self.text)


@dataclass(frozen=True)
class Problem:
    """One defect in an export: where it is, what was found, what was expected."""

    row: int | None
    column: str | None
    value: str | None  # the file's text, or our words about it (a Msg: "12 fields")
    expected: str  # a Msg, English words, or a catalogue key when expected_values is given
    # The catalogue's values for `expected` as a key ("expect.<…>"): a Problem made with
    # them reads in either language.
    expected_values: dict | None = field(default=None, compare=False)

    def expected_text(self, lang: str) -> str:
        if self.expected_values is None:
            return in_language(self.expected, lang)
        return say(self.expected, lang, **self.expected_values)

    def value_text(self, lang: str) -> str | None:
        """What was found, quoted: the file's text as Python quotes it (as always); our own
        words about it in the reader's language."""
        if self.value is None:
            return None
        if isinstance(self.value, Localised) and lang != "en":
            return "'" + self.value.text(lang) + "'"
        return repr(str(self.value))

    def render(self, file_name: str, lang: str = "en") -> str:
        where = [file_name]
        if self.row is not None:
            where.append(t("problem.row", lang, row=self.row))
        if self.column:
            where.append(t("problem.column", lang, column=in_language(self.column, lang)))
        text = t("problem.expected", lang, where=", ".join(where),
                 expected=self.expected_text(lang))
        if self.value is not None:
            text += t("problem.found", lang, value=self.value_text(lang))
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
