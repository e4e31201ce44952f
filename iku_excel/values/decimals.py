"""Decimals handled exactly, and numbers written back: trailing zeros dropped without the
rounding of ``normalize()``, x100 for percentages, Excel's ROUND (halves away from zero), plain
digits for formulas and XML, Indonesian writing (1.234.567,89) and rupiah (Rp1.234.567,00).
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal

from iku_excel.errors import IkuInputError


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing fractional zeros or exponent: 10775000000.0 -> 10775000000,
    60.0 -> 60, 1E+3 -> 1000, -0 -> 0. Done on the digits, because ``normalize()`` rounds to the
    context precision (28 digits) and writes 1E+3."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: nothing to tidy
        return value
    if not any(digits):
        return Decimal(0)
    kept = list(digits)
    while exponent < 0 and kept[-1] == 0:
        kept.pop()
        exponent += 1
    if exponent > 0:
        kept.extend([0] * exponent)
        exponent = 0
    return Decimal((sign, tuple(kept), exponent))


def times_100(value: Decimal) -> Decimal:
    """``value`` x 100, exactly (plain multiplication rounds to the context precision)."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return value
    return tidy(Decimal((sign, digits, exponent + 2)))


_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


def round_half_away(value: Decimal, places: int = 2) -> Decimal:
    """Round like Excel's ROUND: halves away from zero (2.675 -> 2.68, -2.675 -> -2.68; Python's
    round() goes to even). Never returns a negative zero. ``value`` must be finite."""
    if not value.is_finite():
        raise IkuInputError(f"tidak dapat membulatkan {value}")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if exponent >= -places and value.adjusted() >= 28:
        return value  # a huge whole number: nothing to round, and padding it would cost memory
    # Enough precision for every digit left of the rounding place, however large the value.
    precision = max(28, value.adjusted() + places + 2)
    context = Context(prec=precision, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)
    result = value.quantize(Decimal(1).scaleb(-places), context=context)
    return result.copy_abs() if result.is_zero() else result


def plain_number(value: Decimal) -> str:
    """A number as plain digits, every one of them, never an exponent: 1E+2 -> "100",
    88.40 -> "88.4" (not ``normalize()``, which rounds to 28 digits)."""
    return format(tidy(value), "f")


def format_number(value: Decimal, decimals: int = 0) -> str:
    """Indonesian writing: ``format_number(Decimal("1234567.891"), 2)`` -> "1.234.567,89"."""
    value = Decimal(value)
    if decimals < 0 or not value.is_finite():
        raise IkuInputError(f"Tidak dapat menulis angka {value} dengan {decimals} desimal.")
    us_style = f"{round_half_away(value, decimals):,.{decimals}f}"
    return us_style.translate(_SWAP_SEPARATORS)


def format_money(value: Decimal, decimals: int = 2) -> str:
    """Rupiah as written correctly in Indonesian: "Rp1.234.567,00"; negative "-Rp5.000,00"."""
    text = format_number(value, decimals)
    return f"-Rp{text[1:]}" if text.startswith("-") else f"Rp{text}"
