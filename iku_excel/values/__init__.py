"""Reading cell values the way Indonesian office staff type them, and writing numbers back.

Every ``parse_*`` function takes a cell value as openpyxl gives it (str, int, float, bool,
datetime/date, Decimal or None) and returns a ``Parsed``: the value (or ``None``) plus the
``Problem`` records met on the way. They never raise, whatever the object: one bad cell must not
hide the rest of the workbook. They never guess silently either: a value that cannot be read is
an ERROR with value ``None``, and every choice made for the user is a WARNING (an INFO when it
is only a default noted). Problems carry no location; the caller adds it with ``Problem.at()``.
Empty is not zero: an empty cell gives ``None`` without a problem. No I/O here.
See ../shared/docs/domain.md, section 3.

Modules, from the bottom up, each with its rules in its docstring: ``cleaning`` (``clean_text``,
emptiness), ``parsing`` (``Parsed`` and what every parser shares), ``decimals`` (exact decimals,
Excel's ROUND, numbers written back in Indonesian), ``separators`` (Indonesian and US writing,
a column's writing), ``numbers`` (numbers and rupiah), ``percent`` (percentages), ``targets``
(indicator targets, ranges, volumes with their unit), ``dates`` (Indonesian dates), ``nip``.

Problem codes (stable; errors unless marked): ``bukan-angka``, ``angka-rusak``,
``angka-ambigu`` (warning), ``persen-ambigu`` (warning), ``persen-tanpa-tanda`` (info),
``rentang-terbalik`` (warning), ``nip-angka``, ``nip-tidak-valid``, ``nip-mencurigakan``
(warning), ``nip-kosong`` (warning), ``tanggal-tidak-valid``, ``galat-excel``,
``nilai-tidak-dikenal``.

The names below are the public ones.
"""

from __future__ import annotations

from iku_excel.values.cleaning import EMPTY_MARKERS, clean_text, is_empty
from iku_excel.values.dates import BULAN, Tanggal, parse_tanggal
from iku_excel.values.decimals import format_money, format_number, plain_number, round_half_away
from iku_excel.values.nip import parse_nip
from iku_excel.values.numbers import parse_money, parse_number
from iku_excel.values.parsing import Parsed
from iku_excel.values.percent import is_percent_format, is_percent_satuan, parse_percent
from iku_excel.values.separators import Separators, column_separators
from iku_excel.values.targets import parse_target, parse_volume

__all__ = [
    "BULAN",
    "EMPTY_MARKERS",
    "Parsed",
    "Separators",
    "Tanggal",
    "clean_text",
    "column_separators",
    "format_money",
    "format_number",
    "is_empty",
    "is_percent_format",
    "is_percent_satuan",
    "parse_money",
    "parse_nip",
    "parse_number",
    "parse_percent",
    "parse_tanggal",
    "parse_target",
    "parse_volume",
    "plain_number",
    "round_half_away",
]
