"""The arithmetic every calculation shares: the decimal context, Excel's limit, message numbers.

Arithmetic is ``Decimal`` in ``KONTEKS`` and rounding is half away from zero, as Excel's ROUND
(``values.round_half_away``), so printed figures agree with the workbook.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal

from iku_excel.model import Rentang

SERATUS = Decimal(100)
NOL = Decimal(0)
BATAS_EXCEL = Decimal("1E+307")  # beyond this Excel's doubles overflow (#NUM!, inf in Python)

# Huge exponents must neither overflow nor raise: results are checked with is_finite() instead.
KONTEKS = Context(prec=28, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])


def format_angka(value: Decimal | Rentang) -> str:
    """Indonesian writing for messages: "1.234,5"."""
    if isinstance(value, Rentang):
        return f"{format_angka(value.bawah)}-{format_angka(value.atas)}"
    if not value.is_finite():
        return str(value)
    text = f"{value.normalize():,f}" if abs(value.adjusted()) < 30 else f"{value:E}"
    return text.translate(str.maketrans(",.", ".,"))


__all__ = [
    "BATAS_EXCEL",
    "KONTEKS",
    "NOL",
    "SERATUS",
    "format_angka",
]
