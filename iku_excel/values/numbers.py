"""Reading cell values the way Indonesian office staff type them, and writing numbers back.

Every ``parse_*`` function takes a cell value as openpyxl gives it (str, int, float, bool,
datetime/date, Decimal or None) and returns a ``Parsed``: the value (or ``None``) plus the
``Problem`` records met on the way. They never raise, whatever the object: one bad cell must not
hide the rest of the workbook. They never guess silently either: a value that cannot be read is
an ERROR with value ``None``, and every choice made for the user is a WARNING (an INFO when it
is only a default noted). Problems carry no location; the caller adds it with ``Problem.at()``.
See ../shared/docs/domain.md, section 3.

Rules, and why:

* Empty is not zero. "", "-", "n/a", NBSP... (``EMPTY_MARKERS``) give ``None`` without a
  problem: empty means "not reported", while 0 is a reported value. Whether a value is required
  is the caller's business.
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
* Percentages are in percent units (60 for 60%). A number in a cell whose number format has a
  "%" is a fraction (0.6 -> 60); text with a "%" is already in percent units. A bare number
  0 < x <= 1 may mean either (0.6 or 60 %), so it is kept as typed with ``persen-ambigu``.
* A NIP is text. Excel keeps 15 significant digits of a number, so an 18-digit NIP in a
  numeric cell has lost digits: ERROR ``nip-angka``, and no digits are returned.
* Dates are Indonesian: day first, Indonesian month names (also the old "Pebruari",
  "Nopember"), day and month optional ("Januari 2020", "2020"). Excel serial numbers are not
  dates here: openpyxl already turns date-formatted cells into datetime, so a number that
  reaches ``parse_tanggal`` had no date format; only a whole 1900-2100 is taken, as a year.

Problem codes (stable; errors unless marked): ``bukan-angka``, ``angka-rusak``,
``angka-ambigu`` (warning), ``persen-ambigu`` (warning), ``persen-tanpa-tanda`` (info),
``rentang-terbalik`` (warning), ``nip-angka``, ``nip-tidak-valid``, ``nip-mencurigakan``
(warning), ``nip-kosong`` (warning), ``tanggal-tidak-valid``, ``galat-excel``,
``nilai-tidak-dikenal``.
"""

from __future__ import annotations

import calendar
import enum
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal
from typing import Any, Generic, TypeVar

from iku_excel.errors import IkuInputError, Problem, Severity
from iku_excel.model import Rentang

T = TypeVar("T")

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

EMPTY_MARKERS = frozenset(
    {"", "-", "--", "---", "–", "—", "n/a", "N/A", "NA", "na", "n.a.", "N.A.", "n.a", "N.A"}
)
"""Text meaning "no value" (compared after ``clean_text``, ignoring case). NBSP or spaces only
clean to "". Not "0", not "nihil": those report a value."""

_EMPTY_FOLDED = frozenset(marker.casefold() for marker in EMPTY_MARKERS)

# Formula errors as openpyxl reads them from a cell's cached value.
_EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"}
)

# Units of things counted whole: "2.345 Lembar" cannot be 2,345 sheets, so it is 2345.
_COUNT_UNITS = frozenset(
    {
        "berkas",
        "buah",
        "desa",
        "dokumen",
        "eksemplar",
        "jiwa",
        "kali",
        "kegiatan",
        "kelompok",
        "keluarga",
        "kelurahan",
        "kk",
        "laporan",
        "lembaga",
        "lembar",
        "lokasi",
        "orang",
        "paket",
        "rumah",
        "sekolah",
        "titik",
        "unit",
    }
)

_PERCENT_SATUAN = frozenset({"%", "persen", "persentase", "persen %", "persentase %"})
_NOT_WORD = re.compile(r"[^0-9a-z%]+")


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    """A value read from a cell (``None``: empty or unreadable) and the problems met."""

    value: T | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True unless a problem is an ERROR (warnings leave a usable value)."""
        return not any(p.severity is Severity.ERROR for p in self.problems)


class Separators(str, enum.Enum):
    """How a column writes numbers."""

    INDONESIA = "indonesia"  # "." thousands, "," decimals: 1.234.567,89
    US = "us"  # "," thousands, "." decimals: 1,234,567.89
    UNKNOWN = "unknown"


class _Kind(enum.Enum):
    """What a number counts, which settles an ambiguous "1.234" or not."""

    NUMBER = "number"  # the column's writing decides, with a warning
    MONEY = "money"  # "Rp" allowed; never three decimals, so "1.234" is thousands
    COUNT = "count"  # whole things, so "1.234" is thousands


@dataclass(frozen=True, slots=True)
class Tanggal:
    """A date as Indonesian documents write it; day and month may be missing
    ("Januari 2020", "2020"). Years 1900-2100 only: anything else is a typo."""

    tahun: int
    bulan: int | None = None
    hari: int | None = None

    def __post_init__(self) -> None:
        reason = _date_problem(self.tahun, self.bulan, self.hari)
        if reason is not None:
            raise IkuInputError(f"Tanggal tidak valid: {reason}.")

    def format(self) -> str:
        """As printed in documents: "7 Januari 2022", "Januari 2020", "2020"."""
        parts = [str(self.hari)] if self.hari is not None else []
        if self.bulan is not None:
            parts.append(BULAN[self.bulan - 1])
        parts.append(str(self.tahun))
        return " ".join(parts)

    def as_date(self) -> date | None:
        """The full date, or None when the day or month is missing."""
        if self.bulan is None or self.hari is None:
            return None
        return date(self.tahun, self.bulan, self.hari)

    def __str__(self) -> str:
        return self.format()


# ---------------------------------------------------------------------------------------------
# Text and emptiness

# Zero-width characters and BOM come with text pasted from the web or Word; they are invisible.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def clean_text(raw: object) -> str:
    """``str(raw)`` with NBSP, tabs and line breaks made single spaces, zero-width characters
    removed, and stripped; None gives "". (``str()`` of an odd object may raise; the parse
    functions catch that.)"""
    if raw is None:
        return ""
    text = raw if isinstance(raw, str) else str(raw)
    return " ".join(text.translate(_INVISIBLE).split())


def is_empty(raw: object) -> bool:
    """True for None and for text that only says "no value" (``EMPTY_MARKERS``, whitespace)."""
    if raw is None:
        return True
    return isinstance(raw, str) and clean_text(raw).casefold() in _EMPTY_FOLDED


# ---------------------------------------------------------------------------------------------
# Shared plumbing


def _error(code: str, message: str) -> Problem:
    return Problem(code, message, Severity.ERROR)


def _warning(code: str, message: str) -> Problem:
    return Problem(code, message, Severity.WARNING)


def _failed(code: str, message: str) -> Parsed[Any]:
    return Parsed(None, (_error(code, message),))


def _shown(raw: object) -> str:
    """The raw value quoted for a message: cleaned, shortened, never raising."""
    try:
        text = clean_text(raw)
    except Exception:
        text = f"<{type(raw).__name__}>"
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def _guarded(raw: object, read: Callable[[], Parsed[T]]) -> Parsed[T]:
    """``read()``, with anything it raises turned into a problem: one odd cell must not stop the
    reading of a workbook."""
    try:
        return read()
    except Exception:
        return _failed(
            "nilai-tidak-dikenal",
            f"Isi sel {_shown(raw)} tidak dapat dibaca. Periksa dan ketik ulang nilainya.",
        )


def _odd_type(raw: object) -> Parsed[Any]:
    return _failed(
        "nilai-tidak-dikenal",
        f"Isi sel {_shown(raw)} (jenis {type(raw).__name__}) tidak dikenal. Ketik ulang nilainya.",
    )


def _settled(raw: object) -> Parsed[Any] | None:
    """The answer every parser gives alike: nothing for an empty cell, an error for an Excel
    error value (#DIV/0! ...); None when the value needs reading."""
    if is_empty(raw):
        return Parsed(None)
    if isinstance(raw, str) and clean_text(raw).upper() in _EXCEL_ERRORS:
        return _failed(
            "galat-excel",
            f"Sel berisi galat Excel {_shown(raw)}. Perbaiki rumus atau isi sel ini.",
        )
    return None


def _indonesian(value: Decimal) -> str:
    """A number in a message, in Indonesian writing without grouping: 1234, 0,6."""
    return format(value, "f").replace(".", ",")


_DIGITS = re.compile(r"[0-9]+")
_ANY_DIGIT = re.compile(r"[0-9]")


def _has_digit(text: str) -> bool:
    return _ANY_DIGIT.search(text) is not None


# ---------------------------------------------------------------------------------------------
# Decimals


def _tidy(value: Decimal) -> Decimal:
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


def _times_100(value: Decimal) -> Decimal:
    """``value`` x 100, exactly (plain multiplication rounds to the context precision)."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return value
    return _tidy(Decimal((sign, digits, exponent + 2)))


def _number_cell(raw: object) -> Parsed[Decimal]:
    """A numeric cell, taken exactly; other non-text values are not numbers."""
    if isinstance(raw, bool):  # before int: bool is an int subclass
        return _failed("bukan-angka", f"{_shown(raw)} (TRUE/FALSE) bukan angka. Isi dengan angka.")
    if isinstance(raw, (datetime, date)):
        return _failed(
            "bukan-angka",
            f"Sel berisi tanggal {_shown(raw)}, bukan angka. "
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
        return _odd_type(raw)
    if not value.is_finite() or value.adjusted() > 308:  # beyond what Excel can hold
        return _failed(
            "angka-rusak", f"{_shown(raw)} bukan angka yang sah. Periksa rumus atau isi sel ini."
        )
    return Parsed(_tidy(value))


# ---------------------------------------------------------------------------------------------
# Text numbers

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

_GROUPED = {
    ".": re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"),
    ",": re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+"),
}
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE][-+]?[0-9]+")
_GLUED_UNIT = re.compile(r"[0-9.,]+[^\W\d_].*")


def _read(body: str, thousands: str, decimal: str) -> Decimal | None:
    """``body`` read with these separators, or None if it is not validly written that way."""
    whole, point, fraction = body.partition(decimal)
    if point and not _DIGITS.fullmatch(fraction):  # "5," and a second decimal mark
        return None
    if thousands in whole:
        if not _GROUPED[thousands].fullmatch(whole):
            return None
        whole = whole.replace(thousands, "")
    elif point and not whole:  # ",5"
        whole = "0"
    if not _DIGITS.fullmatch(whole):
        return None
    return _tidy(Decimal(f"{whole}.{fraction}" if point else whole))


def _readings(body: str) -> tuple[Decimal | None, Decimal | None]:
    """The Indonesian and the US reading of ``body`` (None where not valid)."""
    return _read(body, ".", ","), _read(body, ",", ".")


def _why_broken(body: str) -> str:
    """What is wrong with a number that has digits but cannot be read, in words."""
    fixed = body.translate(_LOOKALIKES)
    if fixed != body and any(reading is not None for reading in _readings(fixed)):
        return f'ada huruf di tempat angka (O untuk 0, l/I untuk 1), mungkin maksudnya "{fixed}"'
    if _SCIENTIFIC.fullmatch(body):
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


def _broken(quoted: str, detail: str) -> Parsed[Any]:
    return _failed("angka-rusak", f"Angka {quoted} tidak dapat dibaca: {detail}. Perbaiki isi sel.")


def _not_a_number(quoted: str) -> Parsed[Any]:
    return _failed(
        "bukan-angka",
        f'{quoted} bukan angka. Isi dengan angka, atau kosongkan (atau "-") jika belum ada '
        "nilainya.",
    )


def _number_text(
    text: str, separators: Separators, kind: _Kind, *, quoted: str | None = None
) -> Parsed[Decimal]:
    """A number typed as text; ``quoted`` is the raw value for messages (default: ``text``)."""
    text = clean_text(text)
    quoted = quoted or _shown(text)
    parts = _NUMBER_SHAPE.fullmatch(text)
    if parts is None:  # cannot happen: the body takes anything
        return _not_a_number(quoted)
    body = parts["body"]
    currency = parts["outer_currency"] or parts["currency"]
    if not _has_digit(body):
        if kind is _Kind.MONEY and currency and not body:  # "Rp", "Rp -"
            return Parsed(None)
        return _not_a_number(quoted)
    if kind is not _Kind.MONEY and (currency or parts["nocents"]):
        return _broken(quoted, '"Rp" dan ",-" hanya untuk nilai uang')
    if bool(parts["open"]) != bool(parts["close"]):
        return _broken(quoted, "tanda kurung tidak berpasangan")
    if bool(parts["sign"]) + bool(parts["sign2"]) + bool(parts["open"]) > 1:
        return _broken(quoted, "tanda minus atau kurung ganda")
    if parts["outer_currency"] and parts["currency"]:
        return _broken(quoted, '"Rp" ganda')
    if any(c not in "0123456789.," for c in body):
        return _broken(quoted, _why_broken(body))
    marked = bool(currency or parts["nocents"])
    parsed = _resolve(body, separators, kind, quoted, money_marked=marked)
    sign = (parts["sign"] or parts["sign2"] or "").strip()
    negative = bool(parts["open"]) or sign in ("-", "−", "–")
    if negative and parsed.value is not None:
        return Parsed(_tidy(parsed.value.copy_negate()), parsed.problems)
    return parsed


def _resolve(
    body: str, separators: Separators, kind: _Kind, quoted: str, *, money_marked: bool = False
) -> Parsed[Decimal]:
    """``body`` (digits, dots and commas only) read in the writing that fits it.
    ``money_marked``: the text says it is rupiah ("Rp", ",-")."""
    as_indonesia, as_us = _readings(body)
    if as_indonesia is None and as_us is None:
        return _broken(quoted, _why_broken(body))
    if as_indonesia is None or as_us is None or as_indonesia == as_us:
        return Parsed(as_us if as_indonesia is None else as_indonesia)
    # Both valid and different: "1.234" or "1,234".
    dot = "." in body
    thousands, decimal = (as_indonesia, as_us) if dot else (as_us, as_indonesia)
    mark = "titik" if dot else "koma"
    if kind is _Kind.COUNT or (kind is _Kind.MONEY and money_marked):
        return Parsed(thousands)
    if kind is _Kind.MONEY:
        # Rupiah have no three decimals, so thousands it is; but a bare "1.234" among amounts
        # in the millions is often a slip, and the issue asks every such reading reported.
        message = (
            f"Angka {quoted} dibaca {_indonesian(thousands)} ({mark} sebagai pemisah ribuan, "
            "karena rupiah tidak ditulis dengan tiga desimal). Periksa nilainya; jika salah, "
            "isi sel sebagai angka, bukan teks."
        )
        return Parsed(thousands, (_warning("angka-ambigu", message),))
    if separators == Separators.US:
        value, why = as_us, "kolom ini memakai cara tulis AS (koma ribuan, titik desimal)"
    elif separators == Separators.INDONESIA:
        value, why = as_indonesia, "kolom ini memakai cara tulis Indonesia (titik ribuan)"
    else:
        value = as_indonesia
        why = "cara tulis kolom ini tidak dapat dipastikan, jadi dipakai cara tulis Indonesia"
    role = "pemisah ribuan" if value == thousands else "tanda desimal"
    message = (
        f"Angka {quoted} bisa berarti {_indonesian(thousands)} atau {_indonesian(decimal)}; "
        f"dibaca {_indonesian(value)} ({mark} sebagai {role}) karena {why}. "
        "Periksa nilainya; jika salah, isi sel sebagai angka, bukan teks."
    )
    return Parsed(value, (_warning("angka-ambigu", message),))


# First number-like run in a text, not glued to letters ("12.5OO" gives no evidence).
_NUMBER_RUN = re.compile(r"(?<![0-9.,])[0-9](?:[0-9.,]*[0-9])?(?![\w.,])")


def _writing(text: str) -> Separators | None:
    """The writing a text number shows; None when it shows none (plain, ambiguous, not a
    number)."""
    run = _NUMBER_RUN.search(clean_text(text))
    if run is None:
        return None
    as_indonesia, as_us = _readings(run.group())
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


def _number(raw: object, separators: Separators, kind: _Kind) -> Parsed[Decimal]:
    settled = _settled(raw)
    if settled is not None:
        return settled
    if isinstance(raw, str):
        return _number_text(raw, separators, kind, quoted=_shown(raw))
    return _number_cell(raw)


def parse_number(raw: object, *, separators: Separators = Separators.UNKNOWN) -> Parsed[Decimal]:
    """A plain number: a numeric cell, or text in Indonesian or US writing ("70,50", "1.234.567",
    "-5", "(5)"). ``separators``: the column's writing, to settle "1.234" (see the module)."""
    return _guarded(raw, lambda: _number(raw, separators, _Kind.NUMBER))


def parse_money(raw: object, *, separators: Separators = Separators.UNKNOWN) -> Parsed[Decimal]:
    """Rupiah: like ``parse_number``, with "Rp"/"Rp."/"IDR" before and ",-" after allowed
    ("Rp. 250.000.000,00", "1.500.000,-"), and "1.234" always one thousand two hundred
    thirty-four. "Rp" or "Rp -" alone is empty (accountancy's zero dash is "-" too)."""
    return _guarded(raw, lambda: _number(raw, separators, _Kind.MONEY))


# ---------------------------------------------------------------------------------------------
# Percentages and targets

_PERCENT_SUFFIX = re.compile(r"\s*(?:%|persen)$", re.IGNORECASE)
# Parts of a number format that Excel shows as they are: "..." literals, \x escapes, [...].
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(number_format: str | None) -> bool:
    """True when Excel shows the cell x100 with a "%": an unquoted % in the format."""
    if not number_format:
        return False
    return "%" in _FORMAT_LITERALS.sub("", number_format)


def is_percent_satuan(satuan: str) -> bool:
    """A satuan that means percent: "%", "(%)", "Persen", "Persentase (%)", "Prosentase"."""
    words = _NOT_WORD.sub(" ", clean_text(satuan).casefold().replace("prosentase", "persentase"))
    return words.strip() in _PERCENT_SATUAN


def _without_percent(text: str) -> tuple[str, bool]:
    """``text`` without a trailing "%" or "persen", and whether it had one."""
    stripped = _PERCENT_SUFFIX.sub("", text)
    return stripped, stripped != text


def _bare_percent(parsed: Parsed[Decimal], quoted: str, unit_known: bool) -> Parsed[Decimal]:
    """A percentage written without a "%" sign or format, kept as typed. Flagged when
    0 < x <= 1, because 0.6 may be 0.6% or a fraction meaning 60%; and, when nothing else says
    the unit is % (``unit_known``: a "%" header or satuan), noted as an assumption."""
    value = parsed.value
    if value is None:
        return parsed
    shown = _indonesian(value)
    if 0 < value <= 1:
        hundred = _indonesian(_times_100(value))
        doubt = _warning(
            "persen-ambigu",
            f"{quoted} tanpa tanda % bisa berarti {shown}% atau {hundred}%; dibaca {shown}%. "
            f'Jika maksudnya {hundred}%, tulis "{hundred}%" atau beri format Percentage pada sel.',
        )
    elif not unit_known:
        doubt = Problem(
            "persen-tanpa-tanda",
            f'{quoted} tanpa tanda % dibaca {shown}%. Tulis "{shown}%" agar jelas.',
            Severity.INFO,
        )
    else:
        return parsed
    return Parsed(value, (*parsed.problems, doubt))


def _percent_cell(
    raw: object, number_format: str | None, *, percent: bool, unit_known: bool = True
) -> Parsed[Decimal]:
    """A numeric cell: x100 under a "%" format (a fraction shown as percent); else, when
    ``percent``, a percentage as typed (see ``_bare_percent``); else a plain number."""
    parsed = _number_cell(raw)
    if parsed.value is None:
        return parsed
    if is_percent_format(number_format):
        return Parsed(_times_100(parsed.value))
    return _bare_percent(parsed, _shown(raw), unit_known) if percent else parsed


def _percent_or_number(
    text: str, separators: Separators, quoted: str, *, percent: bool, unit_known: bool = True
) -> Parsed[Decimal]:
    """Text: a percentage in percent units when it ends with "%" (no doubt then); else, when
    ``percent``, a percentage as typed (see ``_bare_percent``); else a plain number."""
    number_text, marked = _without_percent(text)
    parsed = _number_text(number_text, separators, _Kind.NUMBER, quoted=quoted)
    if marked or not percent:
        return parsed
    return _bare_percent(parsed, quoted, unit_known)


def parse_percent(
    raw: object,
    *,
    number_format: str | None = None,
    percent_column: bool = False,
    separators: Separators = Separators.UNKNOWN,
) -> Parsed[Decimal]:
    """A percentage in percent units: 0.6 under a "%" number format -> 60; "60%", "60 %",
    "60,5%" -> 60, 60.5; 60 -> 60. A bare number (no "%" sign or format) is kept as typed:
    0 < x <= 1 gets the warning ``persen-ambigu`` even in a ``percent_column`` (a column headed
    "%" tells the unit, not whether 0.6 lost its % format); outside a ``percent_column`` any
    other bare number gets the note (INFO) ``persen-tanpa-tanda``, since nothing said it is %."""

    def read() -> Parsed[Decimal]:
        settled = _settled(raw)
        if settled is not None:
            return settled
        if isinstance(raw, str):
            quoted = _shown(raw)
            return _percent_or_number(
                clean_text(raw), separators, quoted, percent=True, unit_known=percent_column
            )
        return _percent_cell(raw, number_format, percent=True, unit_known=percent_column)

    return _guarded(raw, read)


# "80-90", "80 - 90", "80% - 90%", "80 s.d. 90", "80 s/d 90", "80 sampai dengan 90".
_RANGE = re.compile(
    r"(?P<bawah>[-−]?[0-9.,]+\s*%?)\s*"
    r"(?:s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|[-–—~])"
    r"\s*(?P<atas>[-−]?[0-9.,]+\s*%?)",
    re.IGNORECASE,
)


def _without_satuan(text: str, satuan: str) -> str:
    """ "5 Dokumen" -> "5" when the satuan is Dokumen: the unit repeated in the target cell."""
    unit = clean_text(satuan)
    if unit and not is_percent_satuan(unit) and text.casefold().endswith(" " + unit.casefold()):
        return text[: -len(unit)].rstrip()
    return text


def _target_range(
    bawah_text: str, atas_text: str, percent: bool, separators: Separators, quoted: str
) -> Parsed[Decimal | Rentang]:
    bawah = _percent_or_number(bawah_text, separators, quoted, percent=percent)
    atas = _percent_or_number(atas_text, separators, quoted, percent=percent)
    problems = tuple(dict.fromkeys(bawah.problems + atas.problems))  # no double warnings
    if bawah.value is None or atas.value is None:
        return Parsed(None, problems)
    low, high = bawah.value, atas.value
    if low > high:  # the same range written downwards; the bounds are not in doubt
        low, high = high, low
        problems += (
            _warning(
                "rentang-terbalik",
                f"Rentang {quoted} ditulis dari besar ke kecil; dibaca "
                f"{_indonesian(low)} - {_indonesian(high)}. Tulis batas bawah lebih dulu.",
            ),
        )
    return Parsed(Rentang(low, high), problems)


def parse_target(
    raw: object,
    *,
    satuan: str = "",
    number_format: str | None = None,
    separators: Separators = Separators.UNKNOWN,
) -> Parsed[Decimal | Rentang]:
    """An indicator target: a number, a percentage or a range ("80-90", "80 s.d. 90",
    "80 s/d 90" -> ``Rentang``). In percent units when ``satuan`` is %/persen, or the text or
    number format has a "%". The satuan repeated in the cell is allowed ("5 Dokumen"). A
    qualitative target ("WTP", "BB") is not a number: ``bukan-angka``."""

    def read() -> Parsed[Decimal | Rentang]:
        settled = _settled(raw)
        if settled is not None:
            return settled
        percent = is_percent_satuan(satuan)
        if not isinstance(raw, str):
            cell = _percent_cell(raw, number_format, percent=percent)
            return Parsed(cell.value, cell.problems)
        text = _without_satuan(clean_text(raw), satuan)
        quoted = _shown(raw)
        bounds = _RANGE.fullmatch(text)
        if bounds is not None:
            return _target_range(bounds["bawah"], bounds["atas"], percent, separators, quoted)
        single = _percent_or_number(text, separators, quoted, percent=percent)
        return Parsed(single.value, single.problems)

    return _guarded(raw, read)


# ---------------------------------------------------------------------------------------------
# Volumes


def _volume_text(raw: str, separators: Separators) -> Parsed[tuple[Decimal | None, str]]:
    text = clean_text(raw)
    quoted = _shown(raw)
    token, _, unit = text.partition(" ")
    if token.endswith("%") and not unit:  # "100%"
        token, unit = token[:-1], "%"
    if not _has_digit(token):
        if _has_digit(unit):
            return _broken(quoted, 'tulis angkanya dulu lalu satuannya, mis. "65 Titik"')
        return Parsed((None, text))  # a unit alone: "Dokumen"
    if _has_digit(unit[:1]):  # "5 5": let the number reader name the fault
        return Parsed(None, _number_text(text, separators, _Kind.NUMBER, quoted=quoted).problems)
    kind = _Kind.COUNT if unit.casefold() in _COUNT_UNITS else _Kind.NUMBER
    number = _number_text(token, separators, kind, quoted=quoted)
    if number.value is None:
        return Parsed(None, number.problems)
    return Parsed((number.value, unit), number.problems)


def parse_volume(
    raw: object, *, separators: Separators = Separators.UNKNOWN
) -> Parsed[tuple[Decimal | None, str]]:
    """An output target with its unit: "65 Titik" -> (65, "Titik"), "2.345 Lembar" ->
    (2345, "Lembar"), "100 %" / "100%" -> (100, "%"), "1" or a numeric cell -> (1, ""),
    "Dokumen" -> (None, "Dokumen"). The number comes first, separated by a space."""

    def read() -> Parsed[tuple[Decimal | None, str]]:
        settled = _settled(raw)
        if settled is not None:
            return settled
        if isinstance(raw, str):
            return _volume_text(raw, separators)
        number = _number_cell(raw)
        if number.value is None:
            return Parsed(None, number.problems)
        return Parsed((number.value, ""), number.problems)

    return _guarded(raw, read)


# ---------------------------------------------------------------------------------------------
# NIP

_NIP_PREFIX = re.compile(r"NIP(?![a-z])\s*\.?\s*:?\s*", re.IGNORECASE)  # "NIP.", "NIP :"
_PLACEHOLDER = re.compile(r"[\s._…-]*")


def _nip_number(raw: object) -> Parsed[str]:
    return _failed(
        "nip-angka",
        f"NIP {_shown(raw)} tersimpan sebagai angka; Excel hanya menyimpan 15 digit angka, "
        "jadi digit terakhir NIP sudah hilang. Ketik ulang NIP sebagai teks "
        "(format sel Text, atau awali dengan tanda petik ').",
    )


def _nip_doubts(nip: str) -> tuple[Problem, ...]:
    """Warnings on an 18-digit NIP whose parts (birth date YYYYMMDD, CPNS start YYYYMM,
    sex 1/2, sequence) are impossible: probably a typo, but the NIP is kept as written."""
    born_y, born_m, born_d = int(nip[0:4]), int(nip[4:6]), int(nip[6:8])
    cpns_y, cpns_m = int(nip[8:12]), int(nip[12:14])
    doubts = []
    born_problem = _date_problem(born_y, born_m, born_d)
    if born_problem is not None:
        doubts.append(f"tanggal lahir {nip[0:8]}: {born_problem}")
    cpns_problem = _date_problem(cpns_y, cpns_m, None)
    if cpns_problem is not None:
        doubts.append(f"TMT CPNS {nip[8:14]}: {cpns_problem}")
    elif cpns_y < born_y:
        doubts.append(f"tahun CPNS {cpns_y} sebelum tahun lahir {born_y}")
    if nip[14] not in "12":
        doubts.append(f"digit ke-15 (jenis kelamin) {nip[14]}, seharusnya 1 atau 2")
    return tuple(
        _warning("nip-mencurigakan", f"NIP {nip} mencurigakan: {doubt}. Periksa NIP ini.")
        for doubt in doubts
    )


def _nip_text(raw: str) -> Parsed[str]:
    quoted = _shown(raw)
    text = clean_text(raw)
    prefix = _NIP_PREFIX.match(text)
    body = (text[prefix.end() :] if prefix else text).lstrip("'’")
    if body and is_empty(body):  # "NIP. -": written down as having none
        return Parsed("")
    if _PLACEHOLDER.fullmatch(body):  # "NIP." or "NIP. ......": a template not filled in
        return Parsed("", (_warning("nip-kosong", f"NIP {quoted} belum diisi. Isi NIP-nya."),))
    digits = body.replace(" ", "")
    if _SCIENTIFIC.fullmatch(digits):
        return _nip_number(raw)
    if not _DIGITS.fullmatch(digits):
        fixed = digits.translate(_LOOKALIKES)
        hint = f', mungkin maksudnya "{fixed}"' if _DIGITS.fullmatch(fixed) else ""
        return _failed(
            "nip-tidak-valid",
            f"NIP {quoted} berisi karakter selain angka{hint}. Ketik ulang 18 digit NIP.",
        )
    if len(digits) != 18:
        return _failed(
            "nip-tidak-valid",
            f"NIP {quoted} berisi {len(digits)} digit, seharusnya 18. Periksa dan perbaiki NIP.",
        )
    return Parsed(digits, _nip_doubts(digits))


def parse_nip(raw: object) -> Parsed[str]:
    """The 18 digits of a NIP as text, from "196206201987031006", "19620620 198703 1 006",
    "NIP. ...", "NIP : ...". Empty or "-" gives "" without a problem (a Bupati has no NIP). A
    numeric cell is an ERROR (``nip-angka``): Excel has already dropped digits beyond 15."""

    def read() -> Parsed[str]:
        if is_empty(raw):
            return Parsed("")
        settled = _settled(raw)
        if settled is not None:
            return settled
        if isinstance(raw, str):
            return _nip_text(raw)
        if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
            return _nip_number(raw)
        return _odd_type(raw)

    return _guarded(raw, read)


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS: dict[str, int] = {name.casefold(): number for number, name in enumerate(BULAN, 1)} | {
    "pebruari": 2,
    "nopember": 11,
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
}
_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad),?\s+"
_WORD_DATE = re.compile(
    rf"(?:{_WEEKDAY})?(?:(?P<hari>[0-9]{{1,2}})[\s-]+)?(?P<bulan>[^\W\d_]+)\.?[\s-]+"
    r"(?P<tahun>[0-9]{4})",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?P<a>[0-9]{1,4})(?P<sep>[-/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{1,4})"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"  # "2020-01-07 00:00:00", str() of a datetime
)
_YEAR = re.compile(r"[0-9]{4}")


def _date_problem(tahun: int, bulan: int | None, hari: int | None) -> str | None:
    """Why this date cannot be, in words; None when it can."""
    if not 1900 <= tahun <= 2100:
        return f"tahun {tahun} di luar 1900-2100"
    if bulan is None:
        return None if hari is None else "ada tanggal tanpa bulan"
    if not 1 <= bulan <= 12:
        return f"bulan {bulan} tidak ada"
    if hari is not None and not 1 <= hari <= calendar.monthrange(tahun, bulan)[1]:
        return f"tanggal {hari} tidak ada di bulan {BULAN[bulan - 1]} {tahun}"
    return None


def _tanggal(raw: object, tahun: int, bulan: int | None, hari: int | None) -> Parsed[Tanggal]:
    problem = _date_problem(tahun, bulan, hari)
    if problem is not None:
        return _failed(
            "tanggal-tidak-valid", f"Tanggal {_shown(raw)} tidak valid: {problem}. Perbaiki."
        )
    return Parsed(Tanggal(tahun, bulan, hari))


def _unreadable_date(raw: object, detail: str = "") -> Parsed[Tanggal]:
    return _failed(
        "tanggal-tidak-valid",
        f"Tanggal {_shown(raw)} tidak dikenali{detail}. "
        'Tulis seperti "7 Januari 2022", "Januari 2020" atau "07-01-2022".',
    )


# Dots or underscores where the day is filled in at signing: ".... Januari 2020".
_BLANK_DAY = re.compile(r"^[._…]+\s*")


def _tanggal_text(raw: str) -> Parsed[Tanggal]:
    text = _BLANK_DAY.sub("", clean_text(raw))
    if _YEAR.fullmatch(text):
        return _tanggal(raw, int(text), None, None)
    words = _WORD_DATE.fullmatch(text)
    if words is not None:
        bulan = _MONTHS.get(words["bulan"].casefold())
        if bulan is None:
            return _unreadable_date(raw, f': bulan "{words["bulan"]}" tidak dikenal')
        hari = int(words["hari"]) if words["hari"] else None
        return _tanggal(raw, int(words["tahun"]), bulan, hari)
    numbers = _NUMERIC_DATE.fullmatch(text)
    if numbers is None:
        return _unreadable_date(raw)
    a, b, c = numbers["a"], numbers["b"], numbers["c"]
    if len(a) == 4 and len(c) <= 2:  # 2020-01-07
        return _tanggal(raw, int(a), int(b), int(c))
    if len(c) == 4 and len(a) <= 2:  # 07-01-2022: day first, as Indonesians write
        return _tanggal(raw, int(c), int(b), int(a))
    return _unreadable_date(raw, ": tahun harus ditulis 4 digit")


def _tanggal_number(raw: object) -> Parsed[Tanggal]:
    """A whole number 1900-2100 is a year ("Tahun: 2020"). Any other number is refused: a date
    cell reaches us as a datetime (openpyxl converts by the number format), so a number here is
    not formatted as a date, and reading it as a serial number would be a guess."""
    value = _number_cell(raw).value
    if value is not None and value == value.to_integral_value() and 1900 <= value <= 2100:
        return Parsed(Tanggal(int(value)))
    return _failed(
        "tanggal-tidak-valid",
        f"Angka {_shown(raw)} bukan tanggal. Jika ini tanggal, beri format Date pada sel atau "
        'ketik tanggalnya, mis. "7 Januari 2022".',
    )


def parse_tanggal(raw: object) -> Parsed[Tanggal]:
    """An Indonesian date: "Januari 2020", "7 Januari 2022", "07 januari 2022", "Pebruari",
    "Nopember", "Senin, 7 Januari 2022", "2020-01-07", "07-01-2022", "07/01/2022" (day first),
    "2020", datetime/date objects. An impossible date is an ERROR (``tanggal-tidak-valid``).
    Excel serial numbers are not read here (see ``_tanggal_number``): the caller decides with
    the number format."""

    def read() -> Parsed[Tanggal]:
        settled = _settled(raw)
        if settled is not None:
            return settled
        if isinstance(raw, str):
            return _tanggal_text(raw)
        if isinstance(raw, (datetime, date)):
            return _tanggal(raw, raw.year, raw.month, raw.day)
        if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
            return _tanggal_number(raw)
        return _odd_type(raw)

    return _guarded(raw, read)


# ---------------------------------------------------------------------------------------------
# Writing numbers

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
    return format(_tidy(value), "f")


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
