"""A sheet being laid out for print: cells, merges, row heights and the page setup.

``Lembar`` is the only place that talks to the XlsxWriter worksheet. Every cell goes through
``put``, which also remembers what the cell shows, so ``finish`` can give every row the height
its text needs, plan the page breaks that keep groups of rows whole, and set up the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlsxwriter.workbook import Workbook

from iku_excel.write.cells import Number, Rumus, excel_number, fits_excel
from iku_excel.write.metrics import count_lines, text_height_pt
from iku_excel.write.paging import Group, Page, column_widths_px, paginate
from iku_excel.write.style import FONT, SIZE_BODY, SIZE_SMALL, Formats, Gaya
from iku_excel.write.worksheet import add_worksheet

Value = str | Decimal | Number | Rumus | None
FOOTER = f'&C&"{FONT},Regular"&{SIZE_SMALL}Halaman &P dari &N'
PT_PER_PX = 0.75


@dataclass(frozen=True, slots=True)
class _Placed:
    """What a cell (or merged range) shows, for the row-height estimate."""

    row: int
    col: int
    last_row: int
    last_col: int
    text: str
    gaya: Gaya


class Lembar:
    """One worksheet of a lampiran. Rows are 0-based; ``row`` is the next free row."""

    def __init__(
        self,
        workbook: Workbook,
        formats: Formats,
        name: str,
        weights: Sequence[float],
        page: Page,
    ) -> None:
        self.workbook = workbook
        self.ws = add_worksheet(workbook, name)
        self.name = name
        self.formats = formats
        self.page = page
        self.widths = column_widths_px(weights, page.table_width_px)
        self.last_col = len(self.widths) - 1
        self.row = 0
        self.repeat: tuple[int, int] | None = None
        # The repeated header serves the rows up to this one (the PK's first table): when they
        # all print on the first page, nothing is repeated, so a later table or the signatures
        # never appear under a header that is not theirs.
        self.repeat_until: int | None = None
        self.groups: list[Group] = []
        self._placed: list[_Placed] = []
        self._fixed: dict[int, float] = {}
        self.breaks: list[int] = []
        self.heights: list[float] = []

    # ------------------------------------------------------------------ cells

    def put(
        self,
        row: int,
        col: int,
        value: Value,
        gaya: Gaya,
        *,
        last_row: int | None = None,
        last_col: int | None = None,
    ) -> None:
        """Write ``value`` in a cell, or in a merged range when ``last_row``/``last_col`` reach
        further. Text is always written as text (never a formula), numbers as numbers."""
        last_row = row if last_row is None else last_row
        last_col = col if last_col is None else last_col
        fmt = self.formats(gaya)
        if (last_row, last_col) != (row, col):
            self.ws.merge_range(row, col, last_row, last_col, "", fmt)
        if value is None or value == "":
            self.ws.write_blank(row, col, None, fmt)
        elif isinstance(value, str):
            self.ws.write_string(row, col, value, fmt)
        elif isinstance(value, Rumus):
            cached = value.value
            if not isinstance(cached, str) and not fits_excel(Decimal(cached)):
                cached = ""  # Excel computes it on opening; no number to store
            self.ws.write_formula(row, col, value.formula, fmt, cached)
        else:
            exact = value if isinstance(value, Decimal) else Decimal(value)
            if fits_excel(exact):
                self.ws.write_number(row, col, excel_number(exact), fmt)
            else:  # too large (or not finite) for an Excel number: keep it visible as text
                self.ws.write_string(row, col, format(exact, "f"), fmt)
        shown = _shown(value)
        self._placed.append(_Placed(row, col, last_row, last_col, shown, gaya))

    def blank_row(self, row: int, first: int, last: int, gaya: Gaya) -> None:
        """Empty cells with the style's borders over columns ``first..last``."""
        for col in range(first, last + 1):
            self.put(row, col, None, gaya)

    def colour_when(
        self, first: tuple[int, int], last: tuple[int, int], formula: str, fill: str
    ) -> None:
        """Fill cells ``first..last`` (row, col) with ``fill`` where ``formula`` (written for
        the top-left cell, relative references) is true: a conditional format."""
        self.ws.conditional_format(
            *first,
            *last,
            {"type": "formula", "criteria": formula, "format": self.formats.fill(fill)},
        )

    def fix_height(self, row: int, height_pt: float) -> None:
        """Give ``row`` this height whatever it holds (spacers, the signature space)."""
        self._fixed[row] = height_pt

    def continues_merge(self, row: int) -> bool:
        """Whether ``row`` is below the first row of a cell merged over several rows."""
        return any(p.row < row <= p.last_row for p in self._placed)

    def span_width(self, first: int, last: int) -> int:
        return sum(self.widths[first : last + 1])

    # ------------------------------------------------------------------ finishing

    def finish(self) -> None:
        """Set widths and heights, plan page breaks and set up the page for print."""
        ws = self.ws
        for col, width in enumerate(self.widths):
            ws.set_column_pixels(col, col, width)
        self.heights = self._row_heights()
        for row, height in enumerate(self.heights):
            ws.set_row(row, height)
        self.breaks = self._plan_breaks()
        if self.breaks:
            ws.set_h_pagebreaks(self.breaks)
        m = self.page.margins
        ws.set_landscape()
        ws.set_paper(self.page.kertas.xlsx_index)
        ws.set_margins(left=m.left, right=m.right, top=m.top, bottom=m.bottom)
        ws.set_header("", {"margin": m.header})
        ws.set_footer(FOOTER, {"margin": m.footer})
        ws.center_horizontally()
        ws.fit_to_pages(1, 0)
        if self.repeat:
            ws.repeat_rows(*self.repeat)
        ws.print_area(0, 0, max(len(self.heights) - 1, 0), self.last_col)
        ws.hide_gridlines(2)  # the sheet looks on screen as it prints

    def _plan_breaks(self) -> list[int]:
        capacity = self.page.height_pt
        breaks = paginate(self.heights, capacity, self.repeat, self.groups)
        if self.repeat_until is not None and not any(b <= self.repeat_until for b in breaks):
            self.repeat = None  # the table ends on page 1: repeat nothing
            breaks = paginate(self.heights, capacity, None, self.groups)
        return breaks

    def _row_heights(self) -> list[float]:
        rows = max([p.last_row for p in self._placed] + list(self._fixed) + [-1]) + 1
        minimum = text_height_pt(1, SIZE_BODY)
        need = [minimum] * rows
        for p in self._placed:
            if p.row == p.last_row and p.row not in self._fixed:
                need[p.row] = max(need[p.row], self._needed(p))
        for row, height in self._fixed.items():
            need[row] = height
        for p in self._placed:  # a merged cell over several rows may need them taller
            if p.row != p.last_row:
                self._stretch(need, p)
        return [whole_pixels(h) for h in need]

    def _needed(self, p: _Placed) -> float:
        lines = (
            count_lines(p.text, self.span_width(p.col, p.last_col), p.gaya.size, bold=p.gaya.bold)
            if p.gaya.wrap
            else 1
        )
        return text_height_pt(lines, p.gaya.size)

    def _stretch(self, need: list[float], p: _Placed) -> None:
        span = range(p.row, p.last_row + 1)
        deficit = self._needed(p) - sum(need[r] for r in span)
        free = [r for r in span if r not in self._fixed]
        if deficit > 0 and free:
            for r in free:
                need[r] += deficit / len(free)


def whole_pixels(height_pt: float) -> float:
    """``height_pt`` rounded up to whole screen pixels (0.75 pt): the height Excel keeps, so
    the pages computed from these heights are the pages printed."""
    return math.ceil(round(height_pt / PT_PER_PX, 6)) * PT_PER_PX


def _shown(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Rumus):
        value = value.value
    if isinstance(value, str):
        return value
    return f"{value:,}"
