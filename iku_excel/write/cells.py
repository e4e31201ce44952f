"""Values as cells: exact numbers, number formats, formulas with their value, safe names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from iku_excel.calc.formulas import sum_refs_formula
from iku_excel.grid import cell_name
from iku_excel.write.style import FMT_MONEY, FMT_MONEY_CENTS

Number = int | float
MAX_PLACES = 4  # decimals shown for targets and realisasi (IKM 88.4, SAKIP 61.25)
_SHEET_FORBIDDEN = re.compile(r"[\\*?:/\[\]]")


@dataclass(frozen=True, slots=True)
class Rumus:
    """A formula and the value it computes, written together (the value is what readers without
    a calculation engine, and Protected View, show)."""

    formula: str
    value: Number | str


EXCEL_MAX = Decimal("9.99999999999999E+307")  # the largest number Excel shows


def fits_excel(value: Decimal) -> bool:
    """Can Excel hold this number? (Beyond it a value is written as text.)"""
    return value.is_finite() and abs(value) <= EXCEL_MAX


def excel_number(value: Decimal) -> Number:
    """A Decimal as the number Excel stores: an int when integral, so money never loses a digit
    to binary floating point (Excel holds 15 significant digits; rupiah amounts fit)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def places(value: Decimal) -> int:
    """Decimals needed to show ``value`` exactly, at most MAX_PLACES."""
    exponent = value.normalize().as_tuple().exponent
    return min(max(-exponent, 0), MAX_PLACES) if isinstance(exponent, int) else 0


def number_format(decimals: int, *, percent: bool = False, suffix: str = "") -> str:
    """``#,##0``, ``#,##0.0``, ``0%``, ``0.00%``; with ``suffix``: ``#,##0" Titik"``."""
    fraction = "." + "0" * decimals if decimals else ""
    base = f"0{fraction}%" if percent else f"#,##0{fraction}"
    if suffix:
        base += '" ' + suffix.replace('"', "") + '"'
    return base


def money_format(values: Iterable[Decimal | None]) -> str:
    """``#,##0`` for whole rupiah, ``#,##0.00`` when any amount has sen."""
    return FMT_MONEY_CENTS if any(v is not None and places(v) for v in values) else FMT_MONEY


def total(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


def column_groups(groups: Sequence[str]) -> list[tuple[str, int, int]]:
    """The group header over each run of adjacent columns sharing it: (text, first, last),
    0-based columns; ``""`` is no group."""
    spans: list[tuple[str, int, int]] = []
    for col, group in enumerate(groups):
        if not group:
            continue
        if spans and spans[-1][0] == group and spans[-1][2] == col - 1:
            spans[-1] = (group, spans[-1][1], col)
        else:
            spans.append((group, col, col))
    return spans


def sum_formula(cells: Sequence[tuple[int, int]]) -> str:
    """``=SUM(H5,H7,H14)`` of scattered cells, a contiguous run as one range, and split into
    several SUMs when there are more arguments than Excel accepts."""
    return sum_refs_formula(_ranges(sorted(cells)))


def _ranges(cells: Sequence[tuple[int, int]]) -> list[str]:
    refs: list[str] = []
    start = prev = None
    for cell in [*cells, None]:
        if cell is not None and prev is not None and cell[1] == prev[1] and cell[0] == prev[0] + 1:
            prev = cell
            continue
        if start is not None and prev is not None:
            refs.append(_name(start) if start == prev else f"{_name(start)}:{_name(prev)}")
        start = prev = cell
    return refs


def _name(cell: tuple[int, int]) -> str:
    return cell_name(cell[0] + 1, cell[1] + 1)


def quoted_sheet(name: str) -> str:
    """A sheet name as a formula refers to it: ``'Pengukuran Kinerja'``, quotes doubled."""
    return "'" + name.replace("'", "''") + "'"


def sheet_name(text: str) -> str:
    """A legal sheet name: no ``\\ * ? : / [ ]``, not blank, at most 31 characters."""
    cleaned = _SHEET_FORBIDDEN.sub(" ", text).strip().strip("'") or "Lembar"
    return " ".join(cleaned.split())[:31].rstrip()
