"""Paper, margins and pagination: the writer decides where every printed page ends.

Every row gets an explicit height (``metrics.py``) and the columns are exactly as wide as the
printable width, so Excel prints at 100%; the rows of a page are then known. ``paginate``
lays the rows out the way spreadsheet programs do (rows fill a page until the next one does not
fit, a row never splits, the repeated header rows take their room on every page after the first),
moves groups that must stay whole (the signatory block, a sasaran with its indicators, a table's
header with its first row) to a new page when they would straddle a page end, and returns EVERY
page start, to be written as manual page breaks.

Why every page and not only the moved groups: programs do not measure alike. LibreOffice sizes
columns about 6% wider than Excel, shrinks the page under fit-to-width and so fits more rows on a
page; its automatic page ends drift from Excel's, and a block kept whole for one program could
split in the other. With all page ends manual, and pages computed a little short of the real
printable height (``SLACK_PT``), every program prints the same pages. LibreOffice 7.4 was
checked to honour manual breaks under fit-to-width (1 page wide, automatic height), and Excel
honours horizontal breaks when only the width is fitted. The cost: a row inserted by hand later
does not move the breaks below it; regenerate the lampiran instead.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
PX_PER_PT = 96 / 72


class Kertas(str, enum.Enum):
    """Paper sizes a lampiran is printed on; the value is what the user types (``--kertas``)."""

    F4 = "F4"
    A4 = "A4"
    LEGAL = "Legal"

    @property
    def xlsx_index(self) -> int:
        """The paper index of the xlsx page setup (XlsxWriter ``set_paper``)."""
        return _PAPER[self][0]

    @property
    def size_mm(self) -> tuple[float, float]:
        """(short side, long side) in millimetres."""
        return _PAPER[self][1]

    @classmethod
    def parse(cls, text: str | Kertas) -> Kertas:
        if isinstance(text, Kertas):
            return text
        for kertas in cls:
            if kertas.value.casefold() == str(text).strip().casefold():
                return kertas
        if str(text).strip().casefold() == "folio":
            return cls.F4
        raise ValueError(text)


# Index 14 is "Folio 8.5 x 13 in" (215.9 x 330.2 mm), the F4 of Indonesian offices.
_PAPER: dict[Kertas, tuple[int, tuple[float, float]]] = {
    Kertas.F4: (14, (215.9, 330.2)),
    Kertas.A4: (9, (210.0, 297.0)),
    Kertas.LEGAL: (5, (215.9, 355.6)),
}


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in inches (the unit of the xlsx page setup)."""

    left: float = 0.5
    right: float = 0.5
    top: float = 0.5
    bottom: float = 0.6
    header: float = 0.25
    footer: float = 0.25


MARGINS = Margins()
WIDTH_FILL = 0.985  # share of the printable width the columns take: a hair of slack


@dataclass(frozen=True, slots=True)
class Page:
    """The printable area of a landscape page."""

    kertas: Kertas
    margins: Margins = MARGINS

    @property
    def width_pt(self) -> float:
        long_side = self.kertas.size_mm[1] / MM_PER_INCH * PT_PER_INCH
        return long_side - (self.margins.left + self.margins.right) * PT_PER_INCH

    @property
    def height_pt(self) -> float:
        short_side = self.kertas.size_mm[0] / MM_PER_INCH * PT_PER_INCH
        return short_side - (self.margins.top + self.margins.bottom) * PT_PER_INCH

    @property
    def table_width_px(self) -> int:
        """How wide (pixels at 96 dpi) the columns of a sheet are made together."""
        return int(self.width_pt * PX_PER_PT * WIDTH_FILL)


def column_widths_px(weights: Sequence[float], total_px: int) -> list[int]:
    """Share ``total_px`` among columns in proportion to ``weights``; the sum is ``total_px``
    (the pixels left by rounding go to the largest remainders, equal weights stay equal first)."""
    exact = [w * total_px / sum(weights) for w in weights]
    widths = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: widths[i] - exact[i])
    for i in by_remainder[: total_px - sum(widths)]:
        widths[i] += 1
    return widths


@dataclass(frozen=True, slots=True)
class Group:
    """Rows ``first..last`` (0-based, inclusive) that must print on one page. ``carry``: how
    many rows above may go along to the next page with it (never into the repeated header)."""

    first: int
    last: int
    carry: int = 0


SLACK_PT = 3.0  # pages are computed this much short of the printable height: rounding room


def page_of_rows(
    heights: Sequence[float],
    capacity: float,
    repeat: tuple[int, int] | None,
    breaks: Sequence[int] = (),
) -> list[tuple[int, float]]:
    """For every row: (page number from 0, the height used on that page once the row is placed).

    ``repeat`` is the (first, last) rows printed at the top of every page; ``breaks`` are rows
    that start a new page."""
    return _place_from(heights, capacity, repeat, set(breaks), [], 0)


def _place_from(
    heights: Sequence[float],
    capacity: float,
    repeat: tuple[int, int] | None,
    manual: set[int],
    placed: list[tuple[int, float]],
    start: int,
) -> list[tuple[int, float]]:
    """``page_of_rows`` again from row ``start`` on: the rows above it keep their places
    (a break only moves the rows below it)."""
    repeat_height = sum(heights[repeat[0] : repeat[1] + 1]) if repeat else 0.0
    placed = placed[:start]
    page, used = placed[-1] if placed else (0, 0.0)
    for row in range(start, len(heights)):
        height = heights[row]
        if used > 0 and (row in manual or used + height > capacity):
            page += 1
            used = repeat_height if repeat and row > repeat[1] else 0.0
        used += height
        placed.append((page, used))
    return placed


def paginate(
    heights: Sequence[float],
    capacity: float,
    repeat: tuple[int, int] | None,
    groups: Sequence[Group] = (),
) -> list[int]:
    """Every row that starts a printed page (after the first), groups kept whole."""
    capacity -= SLACK_PT
    placed = page_of_rows(
        heights, capacity, repeat, group_breaks(heights, capacity, repeat, groups)
    )
    return [row for row in range(1, len(placed)) if placed[row][0] != placed[row - 1][0]]


def group_breaks(
    heights: Sequence[float],
    capacity: float,
    repeat: tuple[int, int] | None,
    groups: Sequence[Group],
) -> list[int]:
    """The page breaks that keep every group whole, in order: a group that would straddle a page
    end starts a new page, and so does a group that a page end left alone at the top of a page
    without the ``carry`` rows above it."""
    repeat_height = sum(heights[repeat[0] : repeat[1] + 1]) if repeat else 0.0
    breaks: list[int] = []
    # Placed again only when a break is added (not once per group: that was quadratic), and
    # then only from the new break down.
    placed = page_of_rows(heights, capacity, repeat, breaks)
    for group in groups:
        if sum(heights[group.first : group.last + 1]) + repeat_height > capacity:
            continue  # taller than a page: it has to split anyway
        first_page = placed[group.first][0]
        whole = first_page == placed[group.last][0]
        carried = max(group.first - group.carry, 0)
        alone = group.carry > 0 and placed[carried][0] != first_page
        if whole and not alone:
            continue
        start = _break_row(group, placed, repeat, heights, capacity - repeat_height)
        if start > 0 and start not in breaks:
            breaks.append(start)
            placed = _place_from(heights, capacity, repeat, set(breaks), placed, start)
    return sorted(breaks)


def _break_row(
    group: Group,
    placed: Sequence[tuple[int, float]],
    repeat: tuple[int, int] | None,
    heights: Sequence[float],
    room: float,
) -> int:
    """The row to start the new page at: the group's first row, or up to ``carry`` rows above
    it, never a repeated header row, never the only row left on its page, and never so many
    that the group no longer fits in ``room`` (a page under its repeated header)."""
    start = group.first
    floor = repeat[1] + 1 if repeat else 0
    height = sum(heights[group.first : group.last + 1])
    for _ in range(group.carry):
        above = start - 1
        if above <= floor or placed[above - 1][0] != placed[above][0]:
            break
        if height + heights[above] > room:
            break
        height += heights[above]
        start = above
    return start
