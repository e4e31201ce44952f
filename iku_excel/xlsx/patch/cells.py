"""One cell: what to write (``CellWrite``), the receipt of a write (``CellChange``), what a
cell holds now (``CellInfo``), and the ``<c>`` element as found in the sheet's XML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal, NamedTuple, TypeAlias

from iku_excel.errors import IkuInputError, Problem, Severity
from iku_excel.grid import Range
from iku_excel.xlsx.patch.markup import (
    Patterns,
    attributes,
    unescape_text,
    unescape_xml,
)
from iku_excel.xlsx.refs import parse_cell, parse_range

WriteValue: TypeAlias = "Decimal | int | float | bool | str | None"
CellValue: TypeAlias = "Decimal | str | bool | None"
CellKind = Literal["number", "text", "bool", "error", "empty"]

MAX_TEXT = 32_767  # Excel's limit for the text of one cell
MAX_FORMULA = 8_192  # Excel's limit for the text of one formula


@dataclass(frozen=True, slots=True)
class CellWrite:
    """One cell to write.

    ``value`` is the value, or for a formula its computed (cached) value: ``None`` or ``""`` for
    an empty-string result. Without a formula, ``None`` or ``""`` clears the cell (its style
    stays). ``formula`` is written without the leading ``=``. ``style_from`` names a cell whose
    style index is copied when the target has no style of its own (e.g. a column added after
    the table); otherwise the target keeps its style. ``replace_formula`` allows overwriting any
    formula already in the cell (the same formula as ``formula`` is always allowed)."""

    ref: str
    value: WriteValue
    formula: str | None = None
    style_from: str | None = None
    replace_formula: bool = False


def one_per_cell(writes: Iterable[CellWrite]) -> list[CellWrite]:
    """One write per cell, the last one given winning (``patch_workbook`` refuses a cell
    written twice), in the order the cells were first given."""
    return list({w.ref: w for w in writes}.values())


@dataclass(frozen=True, slots=True)
class CellChange:
    """The receipt of one cell written: its value (and formula) before and after. Numbers are
    ``Decimal``; an empty cell is ``None``."""

    sheet: str
    ref: str
    old: object
    new: object
    old_formula: str | None = None
    new_formula: str | None = None


@dataclass(frozen=True, slots=True)
class CellInfo:
    """What a cell holds now, and whether it may be written.

    ``style`` is the effective style index (a missing cell shows its row's or column's style).
    ``merged_in`` is the merged range covering the cell when the cell is not its top-left one.
    ``locked`` is the style's protection flag; it only matters when ``sheet_protected``."""

    ref: str
    value: CellValue
    kind: CellKind
    formula: str | None
    style: int
    exists: bool
    merged_in: str | None
    locked: bool
    sheet_protected: bool
    shared_formula_master: bool = False
    array_formula: str | None = None

    @property
    def protected(self) -> bool:
        """Excel refuses to edit this cell (protected sheet, locked cell)."""
        return self.sheet_protected and self.locked


@dataclass(slots=True)
class CellElement:
    """A ``<c>`` element found in the sheet XML (positions are into the whole text)."""

    row: int
    col: int
    start: int
    end: int
    attrs_raw: str
    inner: str

    @property
    def type(self) -> str:
        m = _CELL_TYPE_RE.search(self.attrs_raw) if "t" in self.attrs_raw else None
        return m.group(1) if m is not None else "n"

    @property
    def style(self) -> int | None:
        m = _CELL_STYLE_RE.search(self.attrs_raw)
        return int(m.group(1)) if m is not None else None


_CELL_TYPE_RE = re.compile(r"""(?:^|\s)t\s*=\s*["'](\w+)["']""")
_CELL_STYLE_RE = re.compile(r"""(?:^|\s)s\s*=\s*["'](\d+)["']""")


@dataclass(frozen=True, slots=True)
class FormulaTag:
    raw: str
    attrs: dict[str, str]
    text: str  # unescaped formula text ("" for a shared-formula child)

    @property
    def kind(self) -> str:
        return self.attrs.get("t", "normal")

    @property
    def is_shared_master(self) -> bool:
        return self.kind == "shared" and "ref" in self.attrs

    @property
    def range(self) -> Range | None:
        return parse_range(self.attrs["ref"]) if "ref" in self.attrs else None


def same_formula(held: str, written: str | None) -> bool:
    """The cell holds the very formula being written (spaces aside): rewriting it loses
    nothing and refreshes its cached value."""
    return bool(held) and written is not None and held.replace(" ", "") == written.replace(" ", "")


def formula_tag(pat: Patterns, inner: str) -> FormulaTag | None:
    if pat.formula_open not in inner:
        return None
    m = pat.formula.search(inner)
    if m is None:
        return None
    return FormulaTag(m.group(0), attributes(m.group(1)), unescape_xml(m.group(2) or ""))


def decode_content(
    pat: Patterns, cell: CellElement | None, shared_text: Sequence[str] | None
) -> Content:
    """The value and formula of a cell; ``shared_text`` (the workbook's shared strings, as
    the reader reads them) resolves ``t="s"``."""
    if cell is None or not cell.inner:
        return EMPTY
    tag = formula_tag(pat, cell.inner)
    formula = tag.text if tag is not None else None
    cell_type = cell.type
    if cell_type == "inlineStr":
        return Content(_inline_text(pat, cell.inner), "text", formula)
    m = pat.value.search(cell.inner)
    raw = m.group(1) if m is not None and m.group(1) is not None else None
    if raw is None:
        return (
            Content("", "text", formula) if cell_type == "str" else Content(None, "empty", formula)
        )
    if cell_type == "s":
        index = int(raw) if raw.strip().isdigit() else -1
        text = (
            shared_text[index]
            if shared_text is not None and 0 <= index < len(shared_text)
            else None
        )
        return Content(text, "text", formula)
    if cell_type == "b":
        return Content(raw.strip() in ("1", "true"), "bool", formula)
    if cell_type == "e":
        return Content(unescape_xml(raw), "error", formula)
    if cell_type in ("str", "d"):
        return Content(unescape_text(raw), "text", formula)
    try:
        return Content(Decimal(raw.strip()), "number", formula)
    except InvalidOperation:
        return Content(unescape_text(raw), "text", formula)


def _inline_text(pat: Patterns, inner: str) -> str:
    inner = pat.phonetic.sub("", inner)
    return "".join(unescape_text(m.group(1) or "") for m in pat.inline_text.finditer(inner))


class Content(NamedTuple):
    """What a cell holds, decoded: its value and its formula."""

    value: CellValue
    kind: CellKind
    formula: str | None = None

    def same_as(self, other: Content) -> bool:
        if self.formula != other.formula:
            return False
        if self.kind == "number" and other.kind == "number":
            # Both end up as doubles: "0.1" and "0.10000000000000001" are the same number.
            return float(self.value) == float(other.value)  # type: ignore[arg-type]
        return self.kind == other.kind and self.value == other.value


EMPTY = Content(None, "empty")


def cell_or_raise(ref: str) -> tuple[int, int]:
    """(row, col) of a ref the caller gave; a bad one is the caller's mistake."""
    parsed = parse_cell(ref) if isinstance(ref, str) else None
    if parsed is None:
        raise IkuInputError(f"alamat sel tidak sah: {ref!r}; tulis seperti K9")
    return parsed


def problem(
    code: str, sheet: str, ref: str, message: str, severity: Severity = Severity.ERROR
) -> Problem:
    """A problem of one cell, located."""
    return Problem(code, f"{sheet}!{ref}: {message}", severity, sheet=sheet, cell=ref)
