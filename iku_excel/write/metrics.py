"""Estimating how much room text takes when printed, so that row heights can be set exactly.

Every row of a lampiran gets an explicit height: Excel, LibreOffice and WPS then lay out the same
rows on the same pages, and the writer can tell where the pages end (see ``paging.py``). The
estimate uses the advance widths of Arial (Helvetica's, which Arial and LibreOffice's Liberation
Sans share), errs on the generous side (words never split, a safety factor on widths) and only
ever costs a little white space when it is wrong.
"""

from __future__ import annotations

import math
from functools import lru_cache

# Advance widths of Helvetica/Arial in 1/1000 em for printable ASCII (32..126).
_ASCII_WIDTHS = (
    # space ! " # $ % & ' ( ) * + , - . /
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    # 0-9
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
    # : ; < = > ? @
    278, 278, 584, 584, 584, 556, 1015,
    # A-Z
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
    # [ \ ] ^ _ `
    278, 278, 278, 469, 556, 333,
    # a-z
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
    # { | } ~
    334, 260, 334, 584,
)  # fmt: skip
_OTHER_WIDTH = 600  # anything outside ASCII: a wide-ish average
_BOLD_FACTOR = 1.08  # Arial Bold runs about 5-8% wider than regular
_SAFETY = 1.03  # screen hinting and printer metrics differ a little from the outlines
PX_PER_PT = 96 / 72
CELL_PADDING_PX = 7  # left + right inner margin of a cell, and the border
LINE_FACTOR = 1.275  # line pitch / font size: Excel autofits Arial 10 to 12.75 pt per line
ROW_PADDING_PT = 2.25


def text_width_px(text: str, size: float, *, bold: bool = False) -> float:
    """The printed width of one line of ``text`` in pixels at 96 dpi."""
    factor = _SAFETY * (_BOLD_FACTOR if bold else 1.0)
    return _units(text) / 1000 * size * PX_PER_PT * factor


@lru_cache(maxsize=1 << 16)
def _units(text: str) -> int:
    """Advance width in 1/1000 em; cached, as the same words recur in every row of a table."""
    return sum(_ASCII_WIDTHS[ord(ch) - 32] if 32 <= ord(ch) <= 126 else _OTHER_WIDTH for ch in text)


def count_lines(text: str, width_px: float, size: float, *, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped at spaces into a cell ``width_px`` wide.

    Explicit newlines are kept; a word longer than the line is cut by characters, as Excel does.
    """
    room = max(width_px - CELL_PADDING_PX, 1.0)
    total = 0
    for paragraph in text.split("\n"):
        total += _paragraph_lines(paragraph, room, size, bold)
    return max(total, 1)


def _paragraph_lines(paragraph: str, room: float, size: float, bold: bool) -> int:
    space = text_width_px(" ", size, bold=bold)
    lines, used = 1, 0.0
    for word in paragraph.split():
        width = text_width_px(word, size, bold=bold)
        if used and used + space + width <= room:
            used += space + width
            continue
        if used:
            lines += 1
        # a word wider than the line spills over whole lines of its own
        extra = math.ceil(width / room) - 1 if width > room else 0
        lines += extra
        used = width - extra * room
    return lines


def fits(text: str, width_px: float, size: float, *, bold: bool = False) -> bool:
    """Whether every word of ``text`` fits on a line of a cell ``width_px`` wide."""
    room = width_px - CELL_PADDING_PX
    return all(text_width_px(word, size, bold=bold) <= room for word in text.split())


def line_height_pt(size: float) -> float:
    """The pitch of one line of wrapped text in points."""
    return size * LINE_FACTOR


def text_height_pt(lines: int, size: float) -> float:
    """The row height (points) that shows ``lines`` lines of text of ``size`` points."""
    return round(lines * line_height_pt(size) + ROW_PADDING_PT, 2)
