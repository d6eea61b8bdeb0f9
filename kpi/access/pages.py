"""Which pages each role may open (SPEC §5). The app's navigation shows only these, and
opening any other page's URL shows a refusal instead of the page."""

from __future__ import annotations

_EVERYONE = frozenset({"admin", "pilot", "executive", "provider"})
_CLIENT = frozenset({"admin", "pilot", "executive"})
_WRITERS = frozenset({"admin", "pilot"})

# url_path of the page ("" is Home) -> roles that may open it.
PAGE_ROLES: dict[str, frozenset[str]] = {
    "": _EVERYONE,
    "production": _EVERYONE,
    "steering": _EVERYONE,
    "strategic": _EVERYONE,
    "actions": _EVERYONE,
    "feedback": _EVERYONE,
    "calibration": _EVERYONE,
    "kpis": _EVERYONE,
    "quality": _EVERYONE,
    "incentives": _EVERYONE,
    "targets": _CLIENT,
    "reconciliation": _EVERYONE,
    "flags": _CLIENT,
    # A provider reads its own visits (the Store's scope); selection is the client's.
    "visits": _EVERYONE,
    "selection": _CLIENT,
    "wallboard": _CLIENT,
    "boards": _WRITERS,
    "import": _WRITERS,
    "data": _WRITERS,
    "settings": _WRITERS,
    "accounts": frozenset({"admin"}),
}


def may_open(role: str, url_path: str) -> bool:
    """Unknown pages are refused: a page nobody declared here is nobody's."""
    return role in PAGE_ROLES.get(url_path, frozenset())
