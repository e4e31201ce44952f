"""A sheet being laid out for print: cells, merges, row heights and the page setup.

``Lembar`` is the only place a lampiran talks to the XlsxWriter worksheet. Every cell goes
through ``put``, which also remembers what the cell shows, so ``finish`` can give every row the
height its text needs, plan the page breaks that keep groups of rows whole, and set up the page.

The pieces every sheet of iku_excel shares, the rekap's tables too: ``write_value`` (a value as
its cell), ``RowHeights`` (the height each row's text needs), ``size_cells`` (column widths and
row heights) and ``set_up_page`` (paper, margins, header and footer, fitted to the width).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

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
        self._rows = RowHeights()
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
        write_value(self.ws, row, col, value, fmt)
        self._rows.note(row, col, _shown(value), gaya, last_row=last_row, last_col=last_col)

    def blank_row(self, row: int, first: int, last: int, gaya: Gaya) -> None:
        """Empty cells with the style's borders over columns ``first..last``."""
        for col in range(first, last + 1):
            self.put(row, col, None, gaya)

    def colour_when(
        self, first: tuple[int, int], last: tuple[int, int], formula: str, fill: str
    ) -> None:
        """Fill cells ``first..last`` (row, col) with ``fill`` where ``formula`` (written for
        the top-left cell, relative references) is true: a conditional format."""
        colour_when(self.ws, self.formats, first, last, formula, fill)

    def fix_height(self, row: int, height_pt: float) -> None:
        """Give ``row`` this height whatever it holds (spacers, the signature space)."""
        self._rows.fix(row, height_pt)

    def continues_merge(self, row: int) -> bool:
        """Whether ``row`` is below the first row of a cell merged over several rows."""
        return self._rows.continues_merge(row)

    def span_width(self, first: int, last: int) -> int:
        return sum(self.widths[first : last + 1])

    # ------------------------------------------------------------------ finishing

    def finish(self) -> None:
        """Set widths and heights, plan page breaks and set up the page for print."""
        ws = self.ws
        self.heights = self._rows.heights(self.widths)
        size_cells(ws, self.widths, self.heights)
        self.breaks = self._plan_breaks()
        if self.breaks:
            ws.set_h_pagebreaks(self.breaks)
        set_up_page(ws, self.page)
        ws.center_horizontally()
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


class RowHeights:
    """The height each row needs for what its cells show (0-based rows, as XlsxWriter): every
    row at least one line of body text; a wrapped text as many lines as it takes in its width;
    a cell merged over several rows shares what it lacks among them; fixed rows as fixed."""

    def __init__(self) -> None:
        self._placed: list[_Placed] = []
        self._fixed: dict[int, float] = {}

    def note(
        self,
        row: int,
        col: int,
        text: str,
        gaya: Gaya,
        *,
        last_row: int | None = None,
        last_col: int | None = None,
    ) -> None:
        """A cell (or merged range to ``last_row``/``last_col``) showing ``text`` in ``gaya``."""
        last_row = row if last_row is None else last_row
        last_col = col if last_col is None else last_col
        self._placed.append(_Placed(row, col, last_row, last_col, text, gaya))

    def fix(self, row: int, height_pt: float) -> None:
        self._fixed[row] = height_pt

    def continues_merge(self, row: int) -> bool:
        return any(p.row < row <= p.last_row for p in self._placed)

    def heights(self, widths: Sequence[int]) -> list[float]:
        """The heights (points, whole pixels) of rows 0.. the last noted, for columns this wide
        (pixels)."""
        rows = max([p.last_row for p in self._placed] + list(self._fixed) + [-1]) + 1
        minimum = text_height_pt(1, SIZE_BODY)
        need = [minimum] * rows
        for p in self._placed:
            if p.row == p.last_row and p.row not in self._fixed:
                need[p.row] = max(need[p.row], self._needed(p, widths))
        for row, height in self._fixed.items():
            need[row] = height
        for p in self._placed:  # a merged cell over several rows may need them taller
            if p.row != p.last_row:
                self._stretch(need, p, widths)
        return [whole_pixels(h) for h in need]

    @staticmethod
    def _needed(p: _Placed, widths: Sequence[int]) -> float:
        width = sum(widths[p.col : p.last_col + 1])
        lines = count_lines(p.text, width, p.gaya.size, bold=p.gaya.bold) if p.gaya.wrap else 1
        return text_height_pt(lines, p.gaya.size)

    def _stretch(self, need: list[float], p: _Placed, widths: Sequence[int]) -> None:
        span = range(p.row, p.last_row + 1)
        deficit = self._needed(p, widths) - sum(need[r] for r in span)
        free = [r for r in span if r not in self._fixed]
        if deficit > 0 and free:
            for r in free:
                need[r] += deficit / len(free)


def write_value(ws: Worksheet, row: int, col: int, value: Value, fmt: Format) -> None:
    """``value`` in a cell: text always as text (never a formula), numbers as numbers, a formula
    with its value; a number too large (or not finite) for Excel as its digits, as text."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        ws.write_string(row, col, value, fmt)
    elif isinstance(value, Rumus):
        cached = value.value
        if not isinstance(cached, str) and not fits_excel(Decimal(cached)):
            cached = ""  # Excel computes it on opening; no number to store
        ws.write_formula(row, col, value.formula, fmt, cached)
    else:
        exact = value if isinstance(value, Decimal) else Decimal(value)
        if fits_excel(exact):
            ws.write_number(row, col, excel_number(exact), fmt)
        else:  # keep it visible as text
            ws.write_string(row, col, format(exact, "f"), fmt)


def colour_when(
    ws: Worksheet,
    formats: Formats,
    first: tuple[int, int],
    last: tuple[int, int],
    formula: str,
    fill: str,
) -> None:
    """Fill cells ``first..last`` (row, col) with ``fill`` where ``formula`` (written for the
    top-left cell, relative references) is true: a conditional format."""
    ws.conditional_format(
        *first, *last, {"type": "formula", "criteria": formula, "format": formats.fill(fill)}
    )


def size_cells(ws: Worksheet, widths: Sequence[int], heights: Sequence[float]) -> None:
    """Column widths (pixels) and row heights (points), from the first column and row."""
    for col, width in enumerate(widths):
        ws.set_column_pixels(col, col, width)
    for row, height in enumerate(heights):
        ws.set_row(row, height)


def set_up_page(
    ws: Worksheet, page: Page, *, top: float | None = None, header: str | None = "", tall: int = 0
) -> None:
    """Landscape on the page's paper with its margins (``top`` instead of its top margin: room
    for a title in the page header), ``header`` as the page header ("" none; None leaves the
    header margin as XlsxWriter's default too), "Halaman n dari m" in the footer; fitted to
    one page wide and ``tall`` pages high (0: as many as needed)."""
    m = page.margins
    ws.set_landscape()
    ws.set_paper(page.kertas.xlsx_index)
    ws.set_margins(left=m.left, right=m.right, top=m.top if top is None else top, bottom=m.bottom)
    if header is not None:
        ws.set_header(header, {"margin": m.header})
    ws.set_footer(FOOTER, {"margin": m.footer})
    ws.fit_to_pages(1, tall)


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
