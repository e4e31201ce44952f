"""Reading cell values the way Indonesian office staff type them, and writing numbers back.

The code is in ``numbers`` for now; the names below are the public ones.
"""

from __future__ import annotations

from iku_excel.values.numbers import (
    BULAN,
    EMPTY_MARKERS,
    Parsed,
    Separators,
    Tanggal,
    clean_text,
    column_separators,
    format_money,
    format_number,
    is_empty,
    is_percent_format,
    is_percent_satuan,
    parse_money,
    parse_nip,
    parse_number,
    parse_percent,
    parse_tanggal,
    parse_target,
    parse_volume,
    plain_number,
    round_half_away,
)

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
