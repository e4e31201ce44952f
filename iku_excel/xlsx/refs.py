"""A1 references: the one parser of cell and range names in the package.

``grid.cell_name`` and ``grid.column_letter`` write them; this module reads them.
"""

from __future__ import annotations

import re

from iku_excel.grid import Range

MAX_ROW = 1_048_576
MAX_COL = 16_384

_COLUMN_NUMBERS: dict[str, int] = {}
_CELL_RE = re.compile(r"\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})")


def column_number(letters: str) -> int:
    """Column letters as a number ("A" -> 1, "xfd" -> 16384, "$B" -> 2); 0 when they are not
    1-3 ASCII letters. Cached: it runs for every cell of every sheet read."""
    number = _COLUMN_NUMBERS.get(letters)
    if number is not None:
        return number
    clean = letters.replace("$", "").upper()
    if not (1 <= len(clean) <= 3 and clean.isascii() and clean.isalpha()):
        return 0
    number = 0
    for letter in clean:
        number = number * 26 + ord(letter) - 64
    if len(_COLUMN_NUMBERS) < 100_000:  # hostile files may spell columns endlessly
        _COLUMN_NUMBERS[letters] = number
    return number


def parse_cell(ref: str) -> tuple[int, int] | None:
    """ "K9" (or "$K$9") -> (9, 11); None for what is not a cell inside Excel's grid."""
    m = _CELL_RE.fullmatch(ref.strip())
    if m is None:
        return None
    row, col = int(m.group(2)), column_number(m.group(1))
    if row > MAX_ROW or col > MAX_COL:
        return None
    return row, col


def parse_range(ref: str) -> Range | None:
    """ "B2:D3" -> Range(2, 2, 3, 4), corners in any order; a single cell is a one-cell range;
    None for what is not a range inside Excel's grid."""
    first, _, last = ref.strip().partition(":")
    a = parse_cell(first)
    b = parse_cell(last) if last else a
    if a is None or b is None:
        return None
    return Range(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
