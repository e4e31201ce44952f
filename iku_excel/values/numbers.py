"""Numbers and rupiah: a numeric cell, or text in Indonesian or US writing.

Rules, and why:

* Numeric cells are read as Excel shows them: a float is taken to 15 significant digits, the
  precision Excel keeps (0.1 stays 0.1, not 0.1000000000000000055..., and 88.40000000000001 as
  XlsxWriter stores 88.4 is 88.4); trailing zeros are dropped
  (10775000000.0 -> 10775000000). TRUE/FALSE are not numbers: a TRUE in a target cell is a
  mistake, not 1. NaN and infinity are not numbers either.
* Text numbers are tried in both writings: Indonesian ("." thousands, "," decimals:
  1.234.567,89) and US (1,234,567.89, what a US-locale Excel shows). When only one is valid it
  is taken without comment, whatever the column says ("70,50", "3.5", "1.234.567",
  "1500000000.00" -> 1500000000, "1.234,56" -> 1234.56). Thousands groups must be exact
  (1 to 3 digits, then groups of 3): that is what tells a grouping from a decimal point.
* Only "1.234" and "1,234" (one separator, exactly three digits after it) are valid in both:
  - money and counts ("2.345 Lembar") take the thousands reading: rupiah are never written
    with three decimals, and a count of sheets or people has none. Marked money ("Rp 5.000",
    "5.000,-") and counts say so silently; a bare "1.234" in a money column gets a WARNING
    ``angka-ambigu`` all the same, as a short amount among millions is often a slip;
  - otherwise the column decides (``column_separators`` over the column's other values), and
    without evidence the Indonesian reading is taken, since these are Indonesian documents.
    Either way a WARNING ``angka-ambigu`` says which reading was taken and why.
* Broken text is an ERROR, never a guess: "12.5OO.000" (letter O), "12..5", "1.23.4", "5 5",
  "1.0775E+10" (digits already lost). The message may suggest what was probably meant.
"""

from __future__ import annotations

import enum
import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from iku_excel.values.cleaning import clean_text
from iku_excel.values.decimals import tidy
from iku_excel.values.parsing import (
    Parsed,
    failed,
    guarded,
    has_digit,
    indonesian,
    odd_type,
    settled,
    shown,
    warning,
)
from iku_excel.values.separators import Separators, readings


class Kind(enum.Enum):
    """What a number counts, which settles an ambiguous "1.234" or not."""

    NUMBER = "number"  # the column's writing decides, with a warning
    MONEY = "money"  # "Rp" allowed; never three decimals, so "1.234" is thousands
    COUNT = "count"  # whole things, so "1.234" is thousands


def number_cell(raw: object) -> Parsed[Decimal]:
    """A numeric cell, taken exactly; other non-text values are not numbers."""
    if isinstance(raw, bool):  # before int: bool is an int subclass
        return failed("bukan-angka", f"{shown(raw)} (TRUE/FALSE) bukan angka. Isi dengan angka.")
    if isinstance(raw, (datetime, date)):
        return failed(
            "bukan-angka",
            f"Sel berisi tanggal {shown(raw)}, bukan angka. "
            "Ubah format sel menjadi Number, lalu ketik ulang angkanya.",
        )
    if isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        # Excel keeps and shows 15 significant digits; writers store more (XlsxWriter writes
        # 88.4 as 88.40000000000001), so read the number Excel itself would show.
        value = Decimal(format(raw, ".15g")) if math.isfinite(raw) else Decimal(repr(raw))
    elif isinstance(raw, Decimal):
        value = raw
    else:
        return odd_type(raw)
    if not value.is_finite() or value.adjusted() > 308:  # beyond what Excel can hold
        return failed(
            "angka-rusak", f"{shown(raw)} bukan angka yang sah. Periksa rumus atau isi sel ini."
        )
    return Parsed(tidy(value))


# Everything around the digits: accountancy brackets, sign, currency, and the ",-" that says
# "no cents". The body is whatever is left; it always matches.
_NUMBER_SHAPE = re.compile(
    r"""(?P<outer_currency>(?:rp\.?|idr)\s*(?=\())?
        (?P<open>\(\s*)?
        (?P<sign>[-−–+]\s*)?
        (?P<currency>(?:rp\.?|idr)\s*)?
        (?P<sign2>[-−–+]\s*)?
        (?P<body>.*?)
        (?P<nocents>\s*[.,]-)?
        (?P<close>\s*\))?""",
    re.IGNORECASE | re.VERBOSE,
)

LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE][-+]?[0-9]+")
_GLUED_UNIT = re.compile(r"[0-9.,]+[^\W\d_].*")


def _why_broken(body: str) -> str:
    """What is wrong with a number that has digits but cannot be read, in words."""
    fixed = body.translate(LOOKALIKES)
    if fixed != body and any(reading is not None for reading in readings(fixed)):
        return f'ada huruf di tempat angka (O untuk 0, l/I untuk 1), mungkin maksudnya "{fixed}"'
    if SCIENTIFIC.fullmatch(body):
        return "ditulis dalam notasi ilmiah (E+) sehingga digitnya hilang; ketik angka lengkapnya"
    if " " in body:
        return "ada spasi di tengah angka"
    if _GLUED_UNIT.fullmatch(body):
        return "ada huruf menempel pada angka; jika itu satuan, pisahkan dengan spasi"
    stray = next((c for c in body if c not in "0123456789.,"), None)
    if stray is not None:
        return f'ada karakter "{stray}" yang bukan bagian dari angka'
    return (
        "letak titik dan koma tidak sesuai cara tulis Indonesia (1.234.567,89) "
        "maupun cara tulis AS (1,234,567.89)"
    )


def broken(quoted: str, detail: str) -> Parsed[Any]:
    return failed("angka-rusak", f"Angka {quoted} tidak dapat dibaca: {detail}. Perbaiki isi sel.")


def _not_a_number(quoted: str) -> Parsed[Any]:
    return failed(
        "bukan-angka",
        f'{quoted} bukan angka. Isi dengan angka, atau kosongkan (atau "-") jika belum ada '
        "nilainya.",
    )


def number_text(
    text: str, separators: Separators, kind: Kind, *, quoted: str | None = None
) -> Parsed[Decimal]:
    """A number typed as text; ``quoted`` is the raw value for messages (default: ``text``)."""
    text = clean_text(text)
    quoted = quoted or shown(text)
    parts = _NUMBER_SHAPE.fullmatch(text)
    if parts is None:  # cannot happen: the body takes anything
        return _not_a_number(quoted)
    body = parts["body"]
    currency = parts["outer_currency"] or parts["currency"]
    if not has_digit(body):
        if kind is Kind.MONEY and currency and not body:  # "Rp", "Rp -"
            return Parsed(None)
        return _not_a_number(quoted)
    if kind is not Kind.MONEY and (currency or parts["nocents"]):
        return broken(quoted, '"Rp" dan ",-" hanya untuk nilai uang')
    if bool(parts["open"]) != bool(parts["close"]):
        return broken(quoted, "tanda kurung tidak berpasangan")
    if bool(parts["sign"]) + bool(parts["sign2"]) + bool(parts["open"]) > 1:
        return broken(quoted, "tanda minus atau kurung ganda")
    if parts["outer_currency"] and parts["currency"]:
        return broken(quoted, '"Rp" ganda')
    if any(c not in "0123456789.," for c in body):
        return broken(quoted, _why_broken(body))
    marked = bool(currency or parts["nocents"])
    parsed = _resolve(body, separators, kind, quoted, money_marked=marked)
    sign = (parts["sign"] or parts["sign2"] or "").strip()
    negative = bool(parts["open"]) or sign in ("-", "−", "–")
    if negative and parsed.value is not None:
        return Parsed(tidy(parsed.value.copy_negate()), parsed.problems)
    return parsed


def _resolve(
    body: str, separators: Separators, kind: Kind, quoted: str, *, money_marked: bool = False
) -> Parsed[Decimal]:
    """``body`` (digits, dots and commas only) read in the writing that fits it.
    ``money_marked``: the text says it is rupiah ("Rp", ",-")."""
    as_indonesia, as_us = readings(body)
    if as_indonesia is None and as_us is None:
        return broken(quoted, _why_broken(body))
    if as_indonesia is None or as_us is None or as_indonesia == as_us:
        return Parsed(as_us if as_indonesia is None else as_indonesia)
    # Both valid and different: "1.234" or "1,234".
    dot = "." in body
    thousands, decimal = (as_indonesia, as_us) if dot else (as_us, as_indonesia)
    mark = "titik" if dot else "koma"
    if kind is Kind.COUNT or (kind is Kind.MONEY and money_marked):
        return Parsed(thousands)
    if kind is Kind.MONEY:
        # Rupiah have no three decimals, so thousands it is; but a bare "1.234" among amounts
        # in the millions is often a slip, and the issue asks every such reading reported.
        message = (
            f"Angka {quoted} dibaca {indonesian(thousands)} ({mark} sebagai pemisah ribuan, "
            "karena rupiah tidak ditulis dengan tiga desimal). Periksa nilainya; jika salah, "
            "isi sel sebagai angka, bukan teks."
        )
        return Parsed(thousands, (warning("angka-ambigu", message),))
    if separators == Separators.US:
        value, why = as_us, "kolom ini memakai cara tulis AS (koma ribuan, titik desimal)"
    elif separators == Separators.INDONESIA:
        value, why = as_indonesia, "kolom ini memakai cara tulis Indonesia (titik ribuan)"
    else:
        value = as_indonesia
        why = "cara tulis kolom ini tidak dapat dipastikan, jadi dipakai cara tulis Indonesia"
    role = "pemisah ribuan" if value == thousands else "tanda desimal"
    message = (
        f"Angka {quoted} bisa berarti {indonesian(thousands)} atau {indonesian(decimal)}; "
        f"dibaca {indonesian(value)} ({mark} sebagai {role}) karena {why}. "
        "Periksa nilainya; jika salah, isi sel sebagai angka, bukan teks."
    )
    return Parsed(value, (warning("angka-ambigu", message),))


def _number(raw: object, separators: Separators, kind: Kind) -> Parsed[Decimal]:
    done = settled(raw)
    if done is not None:
        return done
    if isinstance(raw, str):
        return number_text(raw, separators, kind, quoted=shown(raw))
    return number_cell(raw)


def parse_number(raw: object, *, separators: Separators = Separators.UNKNOWN) -> Parsed[Decimal]:
    """A plain number: a numeric cell, or text in Indonesian or US writing ("70,50", "1.234.567",
    "-5", "(5)"). ``separators``: the column's writing, to settle "1.234" (see the module)."""
    return guarded(raw, lambda: _number(raw, separators, Kind.NUMBER))


def parse_money(raw: object, *, separators: Separators = Separators.UNKNOWN) -> Parsed[Decimal]:
    """Rupiah: like ``parse_number``, with "Rp"/"Rp."/"IDR" before and ",-" after allowed
    ("Rp. 250.000.000,00", "1.500.000,-"), and "1.234" always one thousand two hundred
    thirty-four. "Rp" or "Rp -" alone is empty (accountancy's zero dash is "-" too)."""
    return guarded(raw, lambda: _number(raw, separators, Kind.MONEY))
