"""What a target cell holds: an indicator target (a number, a percentage or a range such as
"80 s.d. 90") and an output volume with its unit ("65 Titik", "2.345 Lembar"). A count of whole
things ("Lembar", "Orang") reads "2.345" as thousands.
"""

from __future__ import annotations

import re
from decimal import Decimal

from iku_excel.model import Rentang
from iku_excel.values.cleaning import clean_text
from iku_excel.values.numbers import Kind, broken, number_cell, number_text
from iku_excel.values.parsing import (
    Parsed,
    guarded,
    has_digit,
    indonesian,
    settled,
    shown,
    warning,
)
from iku_excel.values.percent import is_percent_satuan, percent_cell, percent_or_number
from iku_excel.values.separators import Separators

# ---------------------------------------------------------------------------------------------
# Indicator targets

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
    bawah = percent_or_number(bawah_text, separators, quoted, percent=percent)
    atas = percent_or_number(atas_text, separators, quoted, percent=percent)
    problems = tuple(dict.fromkeys(bawah.problems + atas.problems))  # no double warnings
    if bawah.value is None or atas.value is None:
        return Parsed(None, problems)
    low, high = bawah.value, atas.value
    if low > high:  # the same range written downwards; the bounds are not in doubt
        low, high = high, low
        problems += (
            warning(
                "rentang-terbalik",
                f"Rentang {quoted} ditulis dari besar ke kecil; dibaca "
                f"{indonesian(low)} - {indonesian(high)}. Tulis batas bawah lebih dulu.",
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
        done = settled(raw)
        if done is not None:
            return done
        percent = is_percent_satuan(satuan)
        if not isinstance(raw, str):
            cell = percent_cell(raw, number_format, percent=percent)
            return Parsed(cell.value, cell.problems)
        text = _without_satuan(clean_text(raw), satuan)
        quoted = shown(raw)
        bounds = _RANGE.fullmatch(text)
        if bounds is not None:
            return _target_range(bounds["bawah"], bounds["atas"], percent, separators, quoted)
        single = percent_or_number(text, separators, quoted, percent=percent)
        return Parsed(single.value, single.problems)

    return guarded(raw, read)


# ---------------------------------------------------------------------------------------------
# Volumes

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


def _volume_text(raw: str, separators: Separators) -> Parsed[tuple[Decimal | None, str]]:
    text = clean_text(raw)
    quoted = shown(raw)
    token, _, unit = text.partition(" ")
    if token.endswith("%") and not unit:  # "100%"
        token, unit = token[:-1], "%"
    if not has_digit(token):
        if has_digit(unit):
            return broken(quoted, 'tulis angkanya dulu lalu satuannya, mis. "65 Titik"')
        return Parsed((None, text))  # a unit alone: "Dokumen"
    if has_digit(unit[:1]):  # "5 5": let the number reader name the fault
        return Parsed(None, number_text(text, separators, Kind.NUMBER, quoted=quoted).problems)
    kind = Kind.COUNT if unit.casefold() in _COUNT_UNITS else Kind.NUMBER
    number = number_text(token, separators, kind, quoted=quoted)
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
        done = settled(raw)
        if done is not None:
            return done
        if isinstance(raw, str):
            return _volume_text(raw, separators)
        number = number_cell(raw)
        if number.value is None:
            return Parsed(None, number.problems)
        return Parsed((number.value, ""), number.problems)

    return guarded(raw, read)
