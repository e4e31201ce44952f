"""Which formulas read a changed cell: references of a formula (A1, ranges, whole rows and
columns, other sheets, defined names, shared formulas), and the dependency graph of a sheet."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from iku_excel.errors import IkuFileError, Problem, Severity
from iku_excel.grid import Range, cell_name
from iku_excel.xlsx.package import Package
from iku_excel.xlsx.patch.cells import problem
from iku_excel.xlsx.patch.markup import escape_formula
from iku_excel.xlsx.patch.sheet import SheetDoc
from iku_excel.xlsx.refs import MAX_COL, MAX_ROW, column_number
from iku_excel.xlsx.workbook import WorkbookFile

_FORMULA_TOKEN_RE = re.compile(
    r"""
      "(?:[^"]|"")*"                                        # a string literal
    | \#[A-Za-z0-9/_]+[!?]?                                 # an error literal: #REF!, #N/A
    | (?P<book>\[[^\]]*\])?                                 # another workbook: [1]
      (?:(?P<sheet>'(?:[^']|'')+'|[^\W\d][\w.]*(?::[^\W\d][\w.]*)?)!)?
      (?:
          (?:(?P<a1>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)
           |(?P<cols>\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})
           |(?P<rows>\$?\d+:\$?\d+)
          )(?![\w(.])(?P<spill>\#)?
        | (?P<func>[^\W\d][\w.]*)\s*\(
        | (?P<name>[^\W\d][\w.\\]*|\\[\w.\\]*)
      )
    | (?P<bracket>\[)                                       # a structured (table) reference
    | \d+(?:\.\d*)?(?:[Ee][+-]?\d+)?
    """,
    re.X,
)
# Functions whose reference is computed: anything may be read.
_OPAQUE_FUNCTIONS = frozenset({"INDIRECT", "OFFSET"})
_CELL_PART_RE = re.compile(r"(\$?)([A-Za-z]{1,3})(\$?)(\d+)")


@dataclass(frozen=True, slots=True)
class _RefArea:
    """A reference in a formula. ``sheet`` is None for the formula's own sheet; ``fixed`` are
    the ``$`` of r1, c1, r2, c2, kept when a shared formula is copied to another cell."""

    sheet: str | None
    area: Range
    fixed: tuple[bool, bool, bool, bool]

    def shifted(self, rows: int, cols: int) -> _RefArea | None:
        a, (fr1, fc1, fr2, fc2) = self.area, self.fixed
        r1, r2 = a.min_row + (0 if fr1 else rows), a.max_row + (0 if fr2 else rows)
        c1, c2 = a.min_col + (0 if fc1 else cols), a.max_col + (0 if fc2 else cols)
        if min(r1, r2, c1, c2) < 1 or max(r1, r2) > MAX_ROW or max(c1, c2) > MAX_COL:
            return None  # #REF! in the copied formula: reads nothing
        area = Range(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))
        return _RefArea(self.sheet, area, self.fixed)


@dataclass(frozen=True, slots=True)
class _FormulaRefs:
    """What a formula reads: areas, defined names (with their sheet qualifier), and whether it
    may read anything at all (INDIRECT, OFFSET, table references, spill references)."""

    areas: tuple[_RefArea, ...] = ()
    names: tuple[tuple[str | None, str], ...] = ()
    opaque: bool = False

    def shifted(self, rows: int, cols: int) -> _FormulaRefs:
        moved = (a.shifted(rows, cols) for a in self.areas)
        return _FormulaRefs(tuple(a for a in moved if a is not None), self.names, self.opaque)


_OPAQUE = _FormulaRefs(opaque=True)


@functools.lru_cache(maxsize=4096)
def _formula_refs(formula: str) -> _FormulaRefs:
    areas: list[_RefArea] = []
    names: list[tuple[str | None, str]] = []
    for m in _FORMULA_TOKEN_RE.finditer(formula):
        if m.lastindex is None:
            continue  # a string, an error value or a number
        book, sheet, a1, cols, rows, spill, func, name, bracket = m.groups()
        if bracket or spill:
            return _OPAQUE
        if func is not None:
            if func.upper() in _OPAQUE_FUNCTIONS:
                return _OPAQUE
            continue
        if book:
            continue  # another workbook: nothing in this one
        if name is not None:
            names.append((_unquoted_sheet(sheet), name))
            continue
        ref = _ref_area(_unquoted_sheet(sheet), a1, cols, rows)
        if ref is None:
            return _OPAQUE
        areas.append(ref)
    return _FormulaRefs(tuple(areas), tuple(names))


def _unquoted_sheet(sheet: str | None) -> str | None:
    if sheet is None:
        return None
    if sheet.startswith("'"):
        return sheet[1:-1].replace("''", "'")
    return sheet


def _ref_area(
    sheet: str | None, a1: str | None, cols: str | None, rows: str | None
) -> _RefArea | None:
    if a1 is not None:
        corners = []
        for part in a1.split(":"):
            m = _CELL_PART_RE.fullmatch(part)
            if m is None:
                return None
            row, col = int(m.group(4)), column_number(m.group(2))
            if not (1 <= row <= MAX_ROW and col <= MAX_COL):
                return None
            corners.append((row, col, bool(m.group(3)), bool(m.group(1))))
        (r1, c1, fr1, fc1), (r2, c2, fr2, fc2) = corners[0], corners[-1]
    elif cols is not None:
        low, high = (column_number(c.lstrip("$")) for c in cols.split(":"))
        if max(low, high) > MAX_COL:
            return None
        r1, c1, r2, c2 = 1, low, MAX_ROW, high
        fr1 = fr2 = True
        fc1, fc2 = (c.startswith("$") for c in cols.split(":"))
    else:
        assert rows is not None
        low, high = (int(r.lstrip("$")) for r in rows.split(":"))
        if not (min(low, high) >= 1 and max(low, high) <= MAX_ROW):
            return None
        r1, c1, r2, c2 = low, 1, high, MAX_COL
        fc1 = fc2 = True
        fr1, fr2 = (r.startswith("$") for r in rows.split(":"))
    area = Range(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))
    return _RefArea(sheet, area, (fr1, fc1, fr2, fc2))


def _resolved_areas(
    book: Package, refs: _FormulaRefs, scope: int, depth: int = 0
) -> list[_RefArea] | None:
    """The areas a formula reads, defined names resolved; None when that cannot be known."""
    if refs.opaque or depth > 8:
        return None
    areas = list(refs.areas)
    for qualifier, name in refs.names:
        key = name.casefold()
        if key in ("true", "false") or key.startswith("_xlpm."):
            continue  # a boolean, or a LET/LAMBDA parameter
        name_scope = book.sheet_index(qualifier) if qualifier is not None else scope
        definition = book.defined_name(key, name_scope)
        if definition is None:
            return None
        inner = _formula_refs(definition)
        if any(a.sheet is None for a in inner.areas):
            return None  # a name relative to the active cell
        resolved = _resolved_areas(book, inner, name_scope, depth + 1)
        if resolved is None:
            return None
        areas.extend(resolved)
    return areas


def _areas_on(areas: list[_RefArea], sheet: str, formula_sheet: str) -> list[Range]:
    """The areas that lie on ``sheet`` (3-D references are assumed to include it)."""
    wanted = sheet.casefold()
    found = []
    for ref in areas:
        on = ref.sheet if ref.sheet is not None else formula_sheet
        if ":" in on or on.casefold() == wanted:
            found.append(ref.area)
    return found


def formula_dependencies(
    doc: SheetDoc, book: Package, formula_sheet: str, target_sheet: str | None = None
) -> Iterator[tuple[tuple[int, int], list[Range] | None, Range | None]]:
    """For every formula of ``doc``: its cell, the areas of ``target_sheet`` (default: its own
    sheet) it reads (None: cannot be known) and the range an array formula fills."""
    target = target_sheet if target_sheet is not None else formula_sheet
    scope = book.sheet_index(formula_sheet)
    found = list(doc.formula_cells())
    masters = {
        tag.attrs.get("si"): (cell.row, cell.col, _formula_refs(tag.text))
        for cell, tag in found
        if tag.kind == "shared" and tag.text
    }
    for cell, tag in found:
        if tag.kind == "shared" and not tag.text:
            master = masters.get(tag.attrs.get("si"))
            refs = (
                _OPAQUE
                if master is None
                else master[2].shifted(cell.row - master[0], cell.col - master[1])
            )
        elif tag.kind == "dataTable":
            refs = _OPAQUE
        else:
            refs = _formula_refs(tag.text)
        areas = _resolved_areas(book, refs, scope)
        spill = tag.range if tag.kind in ("array", "dataTable") else None
        on_target = None if areas is None else _areas_on(areas, target, formula_sheet)
        yield (cell.row, cell.col), on_target, spill


class DependencyGraph:
    """Which formula cells read which cells, to find everything a change makes stale."""

    _EXPAND_AREA = 64  # small areas are indexed cell by cell ...
    _EXPAND_BUDGET = 500_000  # ... up to this many index entries
    _SPILL_LIMIT = 10_000

    def __init__(self) -> None:
        self.cells: list[tuple[int, int]] = []
        self.spills: list[Range | None] = []
        self.by_cell: dict[tuple[int, int], list[int]] = {}
        self.wide: list[tuple[Range, int]] = []
        self.opaque: list[int] = []
        self.budget = self._EXPAND_BUDGET

    def add(self, cell: tuple[int, int], areas: list[Range] | None, spill: Range | None) -> None:
        fid = len(self.cells)
        self.cells.append(cell)
        self.spills.append(spill)
        if areas is None:
            self.opaque.append(fid)
            return
        for area in areas:
            if area.size <= self._EXPAND_AREA and area.size <= self.budget:
                self.budget -= area.size
                for row in range(area.min_row, area.max_row + 1):
                    for col in range(area.min_col, area.max_col + 1):
                        self.by_cell.setdefault((row, col), []).append(fid)
            else:
                self.wide.append((area, fid))

    def dependents_of(self, changed: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """The formula cells (and the cells their array formulas fill) that read, directly or
        through other formulas, any cell of ``changed``."""
        dirty: set[int] = set()
        stale: set[tuple[int, int]] = set()
        queue = list(changed)

        def mark(fid: int) -> None:
            if fid in dirty:
                return
            dirty.add(fid)
            queue.append(self.cells[fid])
            stale.add(self.cells[fid])
            spill = self.spills[fid]
            if spill is not None and spill.size <= self._SPILL_LIMIT:
                for row in range(spill.min_row, spill.max_row + 1):
                    for col in range(spill.min_col, spill.max_col + 1):
                        queue.append((row, col))
                        stale.add((row, col))

        if changed:
            for fid in self.opaque:
                mark(fid)
        while queue:
            row, col = queue.pop()
            for fid in self.by_cell.get((row, col), ()):
                mark(fid)
            for area, fid in self.wide:
                if fid not in dirty and area.contains(row, col):
                    mark(fid)
        return stale


def _reads_any(areas: list[Range], cells: set[tuple[int, int]]) -> bool:
    for area in areas:
        if area.size <= len(cells):
            inside = (
                (row, col)
                for row in range(area.min_row, area.max_row + 1)
                for col in range(area.min_col, area.max_col + 1)
            )
            if any(cell in cells for cell in inside):
                return True
        elif any(area.contains(row, col) for row, col in cells):
            return True
    return False


def other_sheet_problems(
    workbook: WorkbookFile, edited_name: str, changed: set[tuple[int, int]]
) -> list[Problem]:
    """A warning per other sheet whose formulas read a changed cell: their cached values stay
    until a spreadsheet recalculates (those parts are never edited)."""
    archive, book = workbook.archive, workbook.package
    edited = book.worksheet(edited_name)
    problems = []
    mentions = {edited.name, edited.name.replace("'", "''")}
    marks = {escape_formula(m) for m in mentions}
    names_read_it = book.names_mention(edited.name)
    for other in book.sheets:
        if other.kind != "worksheet" or other.part == edited.part:
            continue
        try:
            text = archive.read_text(other.part)
            if not names_read_it and not any(mark in text for mark in marks):
                continue
            doc = SheetDoc(text, other.part)
        except IkuFileError:
            continue  # a sheet we copy as it is; its oddities are not ours to report here
        stale = [
            cell_name(*cell)
            for cell, areas, _ in formula_dependencies(doc, book, other.name, edited.name)
            if areas and _reads_any(areas, changed)
        ]
        if stale:
            shown = ", ".join(stale[:5]) + (
                f" dan {len(stale) - 5} lainnya" if len(stale) > 5 else ""
            )
            problems.append(
                problem(
                    "rumus-sheet-lain-usang",
                    other.name,
                    stale[0],
                    f"rumus di {shown} membaca sel yang diubah di lembar '{edited.name}'; nilai "
                    "tersimpannya baru diperbarui saat berkas dibuka di Excel (di LibreOffice: "
                    "Data > Hitung > Hitung Ulang Tanpa Syarat, lalu simpan)",
                    # INFO: the workbook is marked for full recalculation, and a report on every
                    # file of a batch would hide the files with real problems.
                    Severity.INFO,
                )
            )
    return problems
