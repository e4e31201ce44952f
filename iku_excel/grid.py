"""A sheet as a grid of cell values, merged ranges and number formats: what the pure layout
detection works on. No I/O here: the reader fills a ``Grid`` from a workbook, tests build one
from lists."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's value as the workbook holds it (cached value for formulas) and its format.

    ``formula_without_value``: the cell holds a formula whose result was never stored."""

    value: object
    number_format: str = "General"
    formula_without_value: bool = False


@dataclass(frozen=True, slots=True)
class Range:
    """A rectangle of cells (a merged range, a formula's reference), 1-based and inclusive,
    as Excel numbers rows and columns."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int

    def contains(self, row: int, col: int) -> bool:
        return self.min_row <= row <= self.max_row and self.min_col <= col <= self.max_col

    @property
    def size(self) -> int:
        return (self.max_row - self.min_row + 1) * (self.max_col - self.min_col + 1)

    def text(self) -> str:
        """ "B2:D3", or "B2" for one cell."""
        first = cell_name(self.min_row, self.min_col)
        return first if self.size == 1 else f"{first}:{cell_name(self.max_row, self.max_col)}"

    def __contains__(self, rc: object) -> bool:
        if not isinstance(rc, tuple):
            return False
        row, col = rc
        return self.min_row <= row <= self.max_row and self.min_col <= col <= self.max_col


@functools.lru_cache(maxsize=16_384)  # called for every cell named in messages and patches
def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, col: int, *, absolute: bool = False) -> str:
    """The A1 name of a 1-based (row, col): (1, 1) -> A1; ``absolute``: $A$1. XlsxWriter's
    0-based positions convert at the call: ``cell_name(row + 1, col + 1)``."""
    if absolute:
        return f"${column_letter(col)}${row}"
    return f"{column_letter(col)}{row}"


@dataclass
class Grid:
    """The cells of one sheet (1-based), with merged ranges and hidden columns."""

    sheet: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    merged: list[Range] = field(default_factory=list)
    hidden_columns: frozenset[int] = frozenset()
    _merge_index: dict[tuple[int, int], Range] | None = field(
        default=None, repr=False, compare=False
    )
    _extent: tuple[int, int, int] | None = field(default=None, repr=False, compare=False)
    _row_cols: tuple[int, dict[int, list[int]]] | None = field(
        default=None, repr=False, compare=False
    )

    @classmethod
    def from_rows(
        cls, sheet: str, rows: Sequence[Sequence[object]], merged: Iterable[Range] = ()
    ) -> Grid:
        """A grid from plain values (tests, CSV): row 1 is ``rows[0]``."""
        cells = {
            (r, c): v if isinstance(v, Cell) else Cell(v)
            for r, row in enumerate(rows, start=1)
            for c, v in enumerate(row, start=1)
            if v is not None and v != ""
        }
        return cls(sheet, cells, list(merged))

    @property
    def max_row(self) -> int:
        return self._bounds()[0]

    @property
    def max_col(self) -> int:
        return self._bounds()[1]

    def _bounds(self) -> tuple[int, int]:
        """(max_row, max_col), computed again only when the number of cells changes: layout
        detection asks for them on every row, and a scan per call made reading quadratic."""
        if self._extent is None or self._extent[0] != len(self.cells):
            rows = max((r for r, _ in self.cells), default=0)
            cols = max((c for _, c in self.cells), default=0)
            self._extent = (len(self.cells), rows, cols)
        return self._extent[1], self._extent[2]

    def cell(self, row: int, col: int) -> Cell | None:
        return self.cells.get((row, col))

    def value(self, row: int, col: int) -> object:
        cell = self.cells.get((row, col))
        return None if cell is None else cell.value

    def merge_at(self, row: int, col: int) -> Range | None:
        if self._merge_index is None:
            index: dict[tuple[int, int], Range] = {}
            for rng in self.merged:
                # Large merges (a whole title row) are indexed cell by cell; they are few.
                for r in range(rng.min_row, rng.max_row + 1):
                    for c in range(rng.min_col, rng.max_col + 1):
                        index[(r, c)] = rng
            self._merge_index = index
        return self._merge_index.get((row, col))

    def shown_value(self, row: int, col: int) -> object:
        """The value a reader sees at (row, col): a merged range shows its top-left value."""
        rng = self.merge_at(row, col)
        if rng is not None:
            return self.value(rng.min_row, rng.min_col)
        return self.value(row, col)

    def row_values(self, row: int, max_col: int | None = None) -> list[object]:
        last = self.max_col if max_col is None else max_col
        return [self.value(row, c) for c in range(1, last + 1)]

    def columns_in(self, row: int) -> list[int]:
        """The columns of ``row`` that hold a cell, in order."""
        return self._index().get(row, [])

    def _index(self) -> dict[int, list[int]]:
        """row -> its columns; built again only when the number of cells changes."""
        if self._row_cols is None or self._row_cols[0] != len(self.cells):
            index: dict[int, list[int]] = {}
            for r, c in sorted(self.cells):
                index.setdefault(r, []).append(c)
            self._row_cols = (len(self.cells), index)
        return self._row_cols[1]

    def iter_rows(self, first: int = 1, last: int | None = None) -> Iterator[int]:
        """The rows from ``first`` to ``last`` that hold cells: a sheet with one cell at
        XFD1048576 costs one row, not a million (hostile files declare such extents)."""
        end = self.max_row if last is None else last
        return iter([r for r in self._index() if first <= r <= end])
