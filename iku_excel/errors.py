"""Errors and problem records.

Two families, as in XlsxWriter and tablib: a file that cannot be used at all raises an
``IkuFileError`` (also an ``OSError``); input the user must correct raises an ``IkuInputError``
(also a ``ValueError``). Everything that only concerns some cells is not raised but collected as
``Problem`` records, so one bad cell never hides the rest of the workbook.

Every message is Indonesian and says what to do; problem codes are stable kebab-case strings.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace


class IkuError(Exception):
    """Base of every error iku_excel raises on purpose."""


class IkuInputError(IkuError, ValueError):
    """Bad input from the user: options, rules file, values that cannot be used."""


class IkuFileError(IkuError, OSError):
    """A file that cannot be read or written at all (missing, corrupt, encrypted, locked...)."""

    def __init__(self, message: str, path: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return f"{self.path}: {self.message}"


class Severity(str, enum.Enum):
    """How bad a problem is. ``ERROR``: a value is missing from the result (null plus a problem).
    ``WARNING``: a value was read or computed but deserves a look. ``INFO``: a choice that was
    made for the user (a default applied), reported so nothing is assumed silently."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """How the user sees it: GALAT, PERINGATAN, INFO."""
        return {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"}[self.value]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or assumed) in the input, with where it is when known."""

    code: str
    message: str
    severity: Severity = Severity.ERROR
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None

    def at(
        self, *, file: str | None = None, sheet: str | None = None, cell: str | None = None
    ) -> Problem:
        """The same problem located; fields already set are kept unless given again."""
        return replace(
            self,
            file=file if file is not None else self.file,
            sheet=sheet if sheet is not None else self.sheet,
            cell=cell if cell is not None else self.cell,
        )

    @property
    def location(self) -> str:
        """``sheet!cell`` (or the part known), the way Excel users name a cell."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.cell or ""

    def line(self, place: str = "") -> str:
        """``[GALAT] place: message (code)``; ``place`` defaults to the problem's location."""
        where = place or self.location
        prefix = f"[{self.severity.label}] {where}: " if where else f"[{self.severity.label}] "
        return f"{prefix}{self.message} ({self.code})"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "message": self.message,
        }
