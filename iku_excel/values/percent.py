"""Percentages, and the cells and satuan that say a value is one.

Percentages are in percent units (60 for 60%). A number in a cell whose number format has a
"%" is a fraction (0.6 -> 60); text with a "%" is already in percent units. A bare number
0 < x <= 1 may mean either (0.6 or 60 %), so it is kept as typed with ``persen-ambigu``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from iku_excel.errors import Problem, Severity
from iku_excel.values.cleaning import clean_text
from iku_excel.values.decimals import times_100
from iku_excel.values.numbers import Kind, number_cell, number_text
from iku_excel.values.parsing import Parsed, guarded, indonesian, settled, shown, warning
from iku_excel.values.separators import Separators

_PERCENT_SATUAN = frozenset({"%", "persen", "persentase", "persen %", "persentase %"})
_NOT_WORD = re.compile(r"[^0-9a-z%]+")
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
    written = indonesian(value)
    if 0 < value <= 1:
        hundred = indonesian(times_100(value))
        doubt = warning(
            "persen-ambigu",
            f"{quoted} tanpa tanda % bisa berarti {written}% atau {hundred}%; dibaca {written}%. "
            f'Jika maksudnya {hundred}%, tulis "{hundred}%" atau beri format Percentage pada sel.',
        )
    elif not unit_known:
        doubt = Problem(
            "persen-tanpa-tanda",
            f'{quoted} tanpa tanda % dibaca {written}%. Tulis "{written}%" agar jelas.',
            Severity.INFO,
        )
    else:
        return parsed
    return Parsed(value, (*parsed.problems, doubt))


def percent_cell(
    raw: object, number_format: str | None, *, percent: bool, unit_known: bool = True
) -> Parsed[Decimal]:
    """A numeric cell: x100 under a "%" format (a fraction shown as percent); else, when
    ``percent``, a percentage as typed (see ``_bare_percent``); else a plain number."""
    parsed = number_cell(raw)
    if parsed.value is None:
        return parsed
    if is_percent_format(number_format):
        return Parsed(times_100(parsed.value))
    return _bare_percent(parsed, shown(raw), unit_known) if percent else parsed


def percent_or_number(
    text: str, separators: Separators, quoted: str, *, percent: bool, unit_known: bool = True
) -> Parsed[Decimal]:
    """Text: a percentage in percent units when it ends with "%" (no doubt then); else, when
    ``percent``, a percentage as typed (see ``_bare_percent``); else a plain number."""
    bare, marked = _without_percent(text)
    parsed = number_text(bare, separators, Kind.NUMBER, quoted=quoted)
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
        done = settled(raw)
        if done is not None:
            return done
        if isinstance(raw, str):
            quoted = shown(raw)
            return percent_or_number(
                clean_text(raw), separators, quoted, percent=True, unit_known=percent_column
            )
        return percent_cell(raw, number_format, percent=True, unit_known=percent_column)

    return guarded(raw, read)
