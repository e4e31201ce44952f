"""What every ``parse_*`` function shares: the ``Parsed`` result and the plumbing that keeps
a parser from raising.

A parser returns the value (or ``None``) with the ``Problem`` records met on the way, and never
raises, whatever the object (``guarded``): one bad cell must not hide the rest of the workbook.
An empty cell is settled at once without a problem, an Excel error value (#DIV/0! ...) with
``galat-excel`` (``settled``); an object of no known type is ``nilai-tidak-dikenal``. Problems
carry no location; the caller adds it with ``Problem.at()``. Also here: the raw value quoted for
a message (``shown``), a number written in one (``indonesian``), and digit tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from iku_excel.errors import Problem, Severity
from iku_excel.values.cleaning import clean_text, is_empty

T = TypeVar("T")

# Formula errors as openpyxl reads them from a cell's cached value.
_EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"}
)


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    """A value read from a cell (``None``: empty or unreadable) and the problems met."""

    value: T | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True unless a problem is an ERROR (warnings leave a usable value)."""
        return not any(p.severity is Severity.ERROR for p in self.problems)


def _error(code: str, message: str) -> Problem:
    return Problem(code, message, Severity.ERROR)


def warning(code: str, message: str) -> Problem:
    return Problem(code, message, Severity.WARNING)


def failed(code: str, message: str) -> Parsed[Any]:
    return Parsed(None, (_error(code, message),))


def shown(raw: object) -> str:
    """The raw value quoted for a message: cleaned, shortened, never raising."""
    try:
        text = clean_text(raw)
    except Exception:
        text = f"<{type(raw).__name__}>"
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def guarded(raw: object, read: Callable[[], Parsed[T]]) -> Parsed[T]:
    """``read()``, with anything it raises turned into a problem: one odd cell must not stop the
    reading of a workbook."""
    try:
        return read()
    except Exception:
        return failed(
            "nilai-tidak-dikenal",
            f"Isi sel {shown(raw)} tidak dapat dibaca. Periksa dan ketik ulang nilainya.",
        )


def odd_type(raw: object) -> Parsed[Any]:
    return failed(
        "nilai-tidak-dikenal",
        f"Isi sel {shown(raw)} (jenis {type(raw).__name__}) tidak dikenal. Ketik ulang nilainya.",
    )


def settled(raw: object) -> Parsed[Any] | None:
    """The answer every parser gives alike: nothing for an empty cell, an error for an Excel
    error value (#DIV/0! ...); None when the value needs reading."""
    if is_empty(raw):
        return Parsed(None)
    if isinstance(raw, str) and clean_text(raw).upper() in _EXCEL_ERRORS:
        return failed(
            "galat-excel",
            f"Sel berisi galat Excel {shown(raw)}. Perbaiki rumus atau isi sel ini.",
        )
    return None


def indonesian(value: Decimal) -> str:
    """A number in a message, in Indonesian writing without grouping: 1234, 0,6."""
    return format(value, "f").replace(".", ",")


DIGITS = re.compile(r"[0-9]+")
_ANY_DIGIT = re.compile(r"[0-9]")


def has_digit(text: str) -> bool:
    return _ANY_DIGIT.search(text) is not None
