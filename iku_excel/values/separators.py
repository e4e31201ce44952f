"""The two writings of a number, and which one a column uses.

``readings`` reads digits, dots and commas both ways: Indonesian ("." thousands, "," decimals:
1.234.567,89) and US (1,234,567.89), with exact thousands groups. ``column_separators`` tells a
column's writing from its values valid in one writing only, to settle "1.234" (the rules are in
``numbers``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from decimal import Decimal

from iku_excel.values.cleaning import clean_text
from iku_excel.values.decimals import tidy
from iku_excel.values.parsing import DIGITS


class Separators(str, enum.Enum):
    """How a column writes numbers."""

    INDONESIA = "indonesia"  # "." thousands, "," decimals: 1.234.567,89
    US = "us"  # "," thousands, "." decimals: 1,234,567.89
    UNKNOWN = "unknown"


_GROUPED = {
    ".": re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"),
    ",": re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+"),
}


def _read(body: str, thousands: str, decimal: str) -> Decimal | None:
    """``body`` read with these separators, or None if it is not validly written that way."""
    whole, point, fraction = body.partition(decimal)
    if point and not DIGITS.fullmatch(fraction):  # "5," and a second decimal mark
        return None
    if thousands in whole:
        if not _GROUPED[thousands].fullmatch(whole):
            return None
        whole = whole.replace(thousands, "")
    elif point and not whole:  # ",5"
        whole = "0"
    if not DIGITS.fullmatch(whole):
        return None
    return tidy(Decimal(f"{whole}.{fraction}" if point else whole))


def readings(body: str) -> tuple[Decimal | None, Decimal | None]:
    """The Indonesian and the US reading of ``body`` (None where not valid)."""
    return _read(body, ".", ","), _read(body, ",", ".")


# First number-like run in a text, not glued to letters ("12.5OO" gives no evidence).
_NUMBER_RUN = re.compile(r"(?<![0-9.,])[0-9](?:[0-9.,]*[0-9])?(?![\w.,])")


def _writing(text: str) -> Separators | None:
    """The writing a text number shows; None when it shows none (plain, ambiguous, not a
    number)."""
    run = _NUMBER_RUN.search(clean_text(text))
    if run is None:
        return None
    as_indonesia, as_us = readings(run.group())
    if (as_indonesia is None) == (as_us is None):  # neither, or both (plain digits, "1.234")
        return None
    return Separators.INDONESIA if as_indonesia is not None else Separators.US


def column_separators(raws: Iterable[object]) -> Separators:
    """The writing of a column, from its unambiguous text values: "10,775,000,000" or "3.5"
    say US, "200.000.000" or "70,50" say Indonesia. Numeric cells, plain digits and "1.234"
    say nothing. Evidence both ways (as in the seed's ANGGARAN column) gives UNKNOWN: each
    value is then read on its own."""
    seen: set[Separators] = set()
    for raw in raws:
        if isinstance(raw, str):
            writing = _writing(raw)
            if writing is not None:
                seen.add(writing)
    return seen.pop() if len(seen) == 1 else Separators.UNKNOWN
