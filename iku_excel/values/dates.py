"""Dates as Indonesian documents write them: ``Tanggal`` and ``parse_tanggal``.

Day first, Indonesian month names (also the old "Pebruari",
"Nopember"), day and month optional ("Januari 2020", "2020"). Excel serial numbers are not
dates here: openpyxl already turns date-formatted cells into datetime, so a number that
reaches ``parse_tanggal`` had no date format; only a whole 1900-2100 is taken, as a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from iku_excel.errors import IkuInputError
from iku_excel.values.cleaning import clean_text
from iku_excel.values.numbers import number_cell
from iku_excel.values.parsing import Parsed, failed, guarded, odd_type, settled, shown

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


@dataclass(frozen=True, slots=True)
class Tanggal:
    """A date as Indonesian documents write it; day and month may be missing
    ("Januari 2020", "2020"). Years 1900-2100 only: anything else is a typo."""

    tahun: int
    bulan: int | None = None
    hari: int | None = None

    def __post_init__(self) -> None:
        reason = date_problem(self.tahun, self.bulan, self.hari)
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


def date_problem(tahun: int, bulan: int | None, hari: int | None) -> str | None:
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
    problem = date_problem(tahun, bulan, hari)
    if problem is not None:
        return failed(
            "tanggal-tidak-valid", f"Tanggal {shown(raw)} tidak valid: {problem}. Perbaiki."
        )
    return Parsed(Tanggal(tahun, bulan, hari))


def _unreadable_date(raw: object, detail: str = "") -> Parsed[Tanggal]:
    return failed(
        "tanggal-tidak-valid",
        f"Tanggal {shown(raw)} tidak dikenali{detail}. "
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
    value = number_cell(raw).value
    if value is not None and value == value.to_integral_value() and 1900 <= value <= 2100:
        return Parsed(Tanggal(int(value)))
    return failed(
        "tanggal-tidak-valid",
        f"Angka {shown(raw)} bukan tanggal. Jika ini tanggal, beri format Date pada sel atau "
        'ketik tanggalnya, mis. "7 Januari 2022".',
    )


def parse_tanggal(raw: object) -> Parsed[Tanggal]:
    """An Indonesian date: "Januari 2020", "7 Januari 2022", "07 januari 2022", "Pebruari",
    "Nopember", "Senin, 7 Januari 2022", "2020-01-07", "07-01-2022", "07/01/2022" (day first),
    "2020", datetime/date objects. An impossible date is an ERROR (``tanggal-tidak-valid``).
    Excel serial numbers are not read here (see ``_tanggal_number``): the caller decides with
    the number format."""

    def read() -> Parsed[Tanggal]:
        done = settled(raw)
        if done is not None:
            return done
        if isinstance(raw, str):
            return _tanggal_text(raw)
        if isinstance(raw, (datetime, date)):
            return _tanggal(raw, raw.year, raw.month, raw.day)
        if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
            return _tanggal_number(raw)
        return odd_type(raw)

    return guarded(raw, read)
