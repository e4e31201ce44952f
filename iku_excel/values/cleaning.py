"""Text as a cell holds it, cleaned, and the cells that hold nothing.

Empty is not zero. "", "-", "n/a", NBSP... (``EMPTY_MARKERS``) are empty: the parsers give
``None`` for them without a problem, since empty means "not reported" while 0 is a reported
value. Whether a value is required is the caller's business.
"""

from __future__ import annotations

EMPTY_MARKERS = frozenset(
    {"", "-", "--", "---", "–", "—", "n/a", "N/A", "NA", "na", "n.a.", "N.A.", "n.a", "N.A"}
)
"""Text meaning "no value" (compared after ``clean_text``, ignoring case). NBSP or spaces only
clean to "". Not "0", not "nihil": those report a value."""

_EMPTY_FOLDED = frozenset(marker.casefold() for marker in EMPTY_MARKERS)

# Zero-width characters and BOM come with text pasted from the web or Word; they are invisible.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def clean_text(raw: object) -> str:
    """``str(raw)`` with NBSP, tabs and line breaks made single spaces, zero-width characters
    removed, and stripped; None gives "". (``str()`` of an odd object may raise; the parse
    functions catch that.)"""
    if raw is None:
        return ""
    text = raw if isinstance(raw, str) else str(raw)
    return " ".join(text.translate(_INVISIBLE).split())


def is_empty(raw: object) -> bool:
    """True for None and for text that only says "no value" (``EMPTY_MARKERS``, whitespace)."""
    if raw is None:
        return True
    return isinstance(raw, str) and clean_text(raw).casefold() in _EMPTY_FOLDED
