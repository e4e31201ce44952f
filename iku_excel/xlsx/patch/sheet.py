"""A worksheet's XML text with an index of its rows, cells, merges and protection; edits are
spliced into the original text, so everything not edited stays byte for byte."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from iku_excel.grid import Range, cell_name
from iku_excel.xlsx.container import corrupt
from iku_excel.xlsx.patch.cells import CellElement, FormulaTag, formula_tag
from iku_excel.xlsx.patch.markup import (
    attributes,
    is_true,
    patterns,
    refuse_odd_markup,
    root_prefix,
)
from iku_excel.xlsx.refs import column_number, parse_range


@dataclass(slots=True)
class _Row:
    number: int
    start: int
    open_end: int
    self_closed: bool
    attrs_raw: str
    close_start: int = -1  # where "</row>" starts (found on demand)
    end: int = -1


@dataclass(slots=True)
class CellEdit:
    """The new ``<c>`` element of one cell."""

    text: str
    grows_dimension: bool = True  # a cell with content: <dimension> must cover it


class SheetDoc:
    """A worksheet's XML text with an index of its rows, merges and protection. Never parsed
    into a tree: edits are spliced into the original text."""

    def __init__(self, text: str, part: str) -> None:
        self.text = text
        self.part = part
        self.pat = patterns(root_prefix(text, "worksheet"))
        m = self.pat.sheet_data.search(text)
        if m is None:
            raise corrupt(f"bagian {part} tidak memuat <sheetData>")
        refuse_odd_markup(text, part)
        self.data_start = m.start()
        self.data_self_closed = bool(m.group(2))
        self.body_start = m.end()
        if self.data_self_closed:
            self.body_end = m.end()
        else:
            self.body_end = text.find(f"</{self.pat.p}sheetData>", m.end())
            if self.body_end < 0:
                raise corrupt(f"bagian {part}: <sheetData> tidak ditutup")
        self.rows = self._scan_rows()
        self.row_by_number: dict[int, _Row] = {}
        for row in self.rows:
            self.row_by_number.setdefault(row.number, row)
        self._cells: dict[int, dict[int, CellElement]] = {}  # rows scanned whole
        self._found: dict[tuple[int, int], CellElement] = {}  # cells found by their ref
        tail = text[self.body_end :]
        self.merges = [
            area
            for mm in self.pat.merge.finditer(tail)
            if (area := parse_range(attributes(mm.group(1)).get("ref", ""))) is not None
        ]
        self._merges_by_row: dict[int, list[Range]] = {}
        self._tall_merges = [a for a in self.merges if a.max_row - a.min_row >= _TALL_MERGE]
        for area in self.merges:
            if area.max_row - area.min_row < _TALL_MERGE:
                for number in range(area.min_row, area.max_row + 1):
                    self._merges_by_row.setdefault(number, []).append(area)
        protection = self.pat.protection.search(tail)
        self.protected = protection is not None and is_true(
            attributes(protection.group(1)).get("sheet")
        )

    def _scan_rows(self) -> list[_Row]:
        rows: list[_Row] = []
        number = 0
        for m in self.pat.row.finditer(self.text, self.body_start, self.body_end):
            r = _ROW_NUMBER_RE.search(m.group(1))
            number = int(r.group(1)) if r is not None else number + 1
            rows.append(_Row(number, m.start(), m.end(), bool(m.group(2)), m.group(1)))
        return rows

    def _close(self, row: _Row) -> _Row:
        if row.end < 0:
            if row.self_closed:
                row.close_start = row.end = row.open_end
            else:
                closing = f"</{self.pat.p}row>"
                row.close_start = self.text.find(closing, row.open_end, self.body_end)
                if row.close_start < 0:
                    raise corrupt(f"bagian {self.part}: baris {row.number} tidak ditutup")
                row.end = row.close_start + len(closing)
        return row

    def cells_of(self, row_number: int) -> dict[int, CellElement]:
        """The cells of a row by column, in document order."""
        if row_number not in self._cells:
            row = self.row_by_number.get(row_number)
            self._cells[row_number] = {} if row is None else self._scan_cells(self._close(row))
        return self._cells[row_number]

    def _scan_cells(self, row: _Row) -> dict[int, CellElement]:
        cells: dict[int, CellElement] = {}
        col = 0
        for m in self.pat.cell.finditer(self.text, row.open_end, row.close_start):
            attrs_raw = m.group(1)
            ref = _CELL_COLUMN_RE.search(attrs_raw)
            col = column_number(ref.group(1)) if ref is not None else col + 1
            cells.setdefault(
                col, CellElement(row.number, col, m.start(), m.end(), attrs_raw, m.group(2) or "")
            )
        return cells

    def cell(self, row: int, col: int) -> CellElement | None:
        scanned = self._cells.get(row)
        if scanned is not None:
            return scanned.get(col)
        found = self._found.get((row, col)) or self._find_cell(row, col)
        if found is None:  # only a scan of the whole row can tell that a cell is missing
            return self.cells_of(row).get(col)
        self._found[(row, col)] = found
        return found

    def _find_cell(self, row: int, col: int) -> CellElement | None:
        """The cell found by searching for its ``r="K9"`` (faster than scanning the row)."""
        tag = self.row_by_number.get(row)
        if tag is None:
            return None
        self._close(tag)
        at = self.text.find(f' r="{cell_name(row, col)}"', tag.open_end, tag.close_start)
        start = self.text.rfind("<", tag.open_end, at) if at >= 0 else -1
        m = self.pat.cell.match(self.text, start) if start >= 0 else None
        if m is None or not m.start(1) <= at < m.end(1):
            return None  # the text found was not this cell's own attribute
        return CellElement(row, col, m.start(), m.end(), m.group(1), m.group(2) or "")

    def merge_covering(self, row: int, col: int) -> Range | None:
        """The merged range that hides this cell (it is inside, but not the top-left)."""
        for area in (*self._merges_by_row.get(row, ()), *self._tall_merges):
            if area.contains(row, col) and (row, col) != (area.min_row, area.min_col):
                return area
        return None

    @functools.cached_property
    def column_styles(self) -> list[tuple[int, int, int]]:
        """(min, max, style) of each ``<col>`` with a style."""
        head = self.text[: self.data_start]
        styles = []
        for m in self.pat.col.finditer(head):
            a = attributes(m.group(1))
            style, low = a.get("style", ""), a.get("min", "")
            if style.isdigit() and low.isdigit():  # a <col> may carry only a width
                high = a.get("max", low)
                styles.append((int(low), int(high) if high.isdigit() else int(low), int(style)))
        return styles

    def inherited_style(self, row: int, col: int) -> int:
        """The style a missing cell is shown with: its row's, else its column's."""
        row_tag = self.row_by_number.get(row)
        if row_tag is not None:
            a = attributes(row_tag.attrs_raw)
            if is_true(a.get("customFormat")) and a.get("s", "").isdigit():
                return int(a["s"])
        for low, high, style in self.column_styles:
            if low <= col <= high:
                return style
        return 0

    def formula_cells(self) -> list[tuple[CellElement, FormulaTag]]:
        """Every cell with a ``<f>`` element, in document order."""
        found = self._formula_cells_by_search()
        if found is not None:
            return found
        return [
            (cell, tag)
            for row in self.rows
            for cell in self.cells_of(row.number).values()
            if (tag := formula_tag(self.pat, cell.inner)) is not None
        ]

    def _formula_cells_by_search(self) -> list[tuple[CellElement, FormulaTag]] | None:
        """The formula cells found by searching for ``<f``; None when a cell has no ``r``
        (its place is then only known by scanning its row)."""
        found: list[tuple[CellElement, FormulaTag]] = []
        text, needle, cell_open = self.text, self.pat.formula_open, f"<{self.pat.p}c"
        at = text.find(needle, self.body_start, self.body_end)
        while at >= 0:
            start = text.rfind(cell_open, self.body_start, at)
            m = self.pat.cell.match(text, start) if start >= 0 else None
            ref = _CELL_REF_RE.search(m.group(1)) if m is not None and m.end() > at else None
            if m is None or ref is None:
                return None
            row, col = int(ref.group(2)), column_number(ref.group(1))
            cell = CellElement(row, col, m.start(), m.end(), m.group(1), m.group(2) or "")
            tag = formula_tag(self.pat, cell.inner)
            if tag is not None:
                found.append((cell, tag))
            at = text.find(needle, m.end(), self.body_end)
        return found

    # ---------------------------------------------------------------- applying edits

    def apply(self, edits: dict[tuple[int, int], CellEdit]) -> str:
        """The sheet text with ``edits`` spliced in: existing cells replaced, missing cells and
        rows inserted in order, the rows' spans and the dimension widened."""
        by_row: dict[int, dict[int, CellEdit]] = {}
        for (row_number, col), edit in edits.items():
            by_row.setdefault(row_number, {})[col] = edit
        splices: list[tuple[int, int, int, str]] = []  # (start, end, row number, text)
        new_rows: list[tuple[int, str]] = []
        for number in sorted(by_row):
            row = self.row_by_number.get(number)
            row_edits = by_row[number]
            if row is None:
                new_rows.append((number, self._new_row(number, row_edits)))
                continue
            cells = [self.cell(number, col) for col in row_edits]
            if all(cells):  # every cell exists: replace each one in place
                for cell in cells:
                    assert cell is not None
                    splices.append((cell.start, cell.end, number, row_edits[cell.col].text))
            else:
                self._close(row)
                splices.append((row.start, row.end, number, self._edited_row(row, row_edits)))
        splices.extend(self._row_insertions(new_rows))
        splices.extend(self._dimension_splice(edits))
        return _spliced(self.text, splices)

    def _edited_row(self, row: _Row, edits: dict[int, CellEdit]) -> str:
        cells = self.cells_of(row.number)
        parts: list[str] = []
        pos = row.open_end
        pending = sorted(edits.items())
        inserts = [(col, e) for col, e in pending if col not in cells]
        body_end = self._row_content_end(row)
        for cell in cells.values():
            while inserts and inserts[0][0] < cell.col:
                parts.append(self.text[pos : cell.start])
                pos = cell.start
                parts.append(inserts.pop(0)[1].text)
            if cell.col in edits:
                parts.append(self.text[pos : cell.start])
                parts.append(edits[cell.col].text)
                pos = cell.end
        parts.append(self.text[pos:body_end])
        parts.extend(e.text for _, e in inserts)
        parts.append(self.text[body_end : row.close_start])
        new_cols = [col for col, _ in pending if col not in cells]
        open_tag = self._row_open_tag(row, new_cols)
        return open_tag + "".join(parts) + f"</{self.pat.p}row>"

    def _row_content_end(self, row: _Row) -> int:
        """Where new cells go at the end of a row: before its ``<extLst>`` if it has one."""
        m = self.pat.row_ext.search(self.text, row.open_end, row.close_start)
        return m.start() if m is not None else row.close_start

    def _row_open_tag(self, row: _Row, new_cols: list[int]) -> str:
        attrs = row.attrs_raw
        spans = re.search(r"""\bspans\s*=\s*("[^"]*"|'[^']*')""", attrs)
        if spans is not None and new_cols:
            widened = _widened_spans(spans.group(1)[1:-1], new_cols)
            attrs = f'{attrs[: spans.start()]}spans="{widened}"{attrs[spans.end() :]}'
        return f"<{self.pat.p}row{attrs.rstrip() if row.self_closed else attrs}>"

    def _new_row(self, number: int, edits: dict[int, CellEdit]) -> str:
        cells = "".join(edits[col].text for col in sorted(edits))
        return f'<{self.pat.p}row r="{number}">{cells}</{self.pat.p}row>'

    def _row_insertions(self, new_rows: list[tuple[int, str]]) -> list[tuple[int, int, int, str]]:
        if not new_rows:
            return []
        if self.data_self_closed:
            # <sheetData/> becomes <sheetData>rows</sheetData>.
            m = self.pat.sheet_data.search(self.text, self.data_start)
            assert m is not None
            open_tag = f"<{self.pat.p}sheetData{m.group(1).rstrip()}>"
            rows = "".join(text for _, text in new_rows)
            return [(m.start(), m.end(), 0, f"{open_tag}{rows}</{self.pat.p}sheetData>")]
        splices = []
        for number, text in new_rows:
            following = next((r for r in self.rows if r.number > number), None)
            at = following.start if following is not None else self.body_end
            splices.append((at, at, number, text))
        return splices

    def _dimension_splice(
        self, edits: dict[tuple[int, int], CellEdit]
    ) -> list[tuple[int, int, int, str]]:
        m = self.pat.dimension.search(self.text, 0, self.data_start)
        if m is None:
            return []
        ref = re.search(r"""\bref\s*=\s*("[^"]*"|'[^']*')""", m.group(1))
        area = parse_range(ref.group(1)[1:-1]) if ref is not None else None
        if ref is None or area is None:
            return []
        rows = [r for (r, _), e in edits.items() if e.grows_dimension]
        cols = [c for (_, c), e in edits.items() if e.grows_dimension]
        if not rows:
            return []
        grown = Range(
            min(area.min_row, *rows),
            min(area.min_col, *cols),
            max(area.max_row, *rows),
            max(area.max_col, *cols),
        )
        if grown == area:
            return []
        start = m.start(1) + ref.start(1)
        return [(start, start + len(ref.group(1)), -1, f'"{_area_text(grown)}"')]


_TALL_MERGE = 1_000  # merges taller than this are checked one by one, not indexed by row
_ROW_NUMBER_RE = re.compile(r"""(?:^|\s)r\s*=\s*["'](\d+)["']""")
_CELL_REF_RE = re.compile(r"""(?:^|\s)r\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d+)["']""")
_CELL_COLUMN_RE = re.compile(r"""\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d""")


def _area_text(area: Range) -> str:
    return f"{cell_name(area.min_row, area.min_col)}:{cell_name(area.max_row, area.max_col)}"


def _widened_spans(spans: str, cols: list[int]) -> str:
    """The ``spans`` hint ("1:5" or "1:3 7:9") grown to cover ``cols``."""
    ranges: list[list[int]] = []
    for part in spans.split():
        low, _, high = part.partition(":")
        if not (low.isdigit() and high.isdigit()):
            return spans
        ranges.append([int(low), int(high)])
    if not ranges:
        return spans
    for col in cols:
        if any(low <= col <= high for low, high in ranges):
            continue
        before = [r for r in ranges if r[1] < col]
        if before:
            before[-1][1] = col
        else:
            ranges[0][0] = col
    return " ".join(f"{low}:{high}" for low, high in ranges)


def _spliced(text: str, splices: list[tuple[int, int, int, str]]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, _, new in sorted(splices, key=lambda s: (s[0], s[2])):
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
