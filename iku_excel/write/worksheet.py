"""The XlsxWriter worksheet every writer of iku_excel adds: formulas without the regex pass.

XlsxWriter prepares each formula with some 30 ``re.sub`` calls that add the ``_xlfn.`` prefix
Excel needs for functions newer than Excel 2007 (XLOOKUP, FILTER, ...). iku_excel writes only
classic functions, so for 2,000 indicators that pass was a third of ``iku lampiran``'s time.
A formula calling only functions of ``CLASSIC_FUNCTIONS`` skips it; any other formula goes
through XlsxWriter's own preparation unchanged (tests compare both on every formula we write).
"""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

# Functions of Excel 2007 and before: stored in the file under their own name.
CLASSIC_FUNCTIONS = frozenset(
    {"ABS", "AND", "AVERAGE", "COUNT", "COUNTA", "IF", "IFERROR", "INT", "ISBLANK", "ISNUMBER",
     "MAX", "MIN", "NOT", "OR", "RANK", "ROUND", "ROUNDDOWN", "ROUNDUP", "SUM", "SUMPRODUCT"}
)  # fmt: skip
_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\s*\(")


def needs_preparation(formula: str) -> bool:
    """Whether XlsxWriter's formula preparation could change anything beyond the leading ``=``:
    an array formula, or a call to a function outside ``CLASSIC_FUNCTIONS``."""
    if formula.startswith("{") or formula.endswith("}"):
        return True
    return any(name.upper() not in CLASSIC_FUNCTIONS for name in _CALL.findall(formula))


class LembarKerja(Worksheet):
    """An XlsxWriter worksheet whose formulas of classic functions skip the ``_xlfn.`` pass."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> Any:
        if needs_preparation(formula):
            return super()._prepare_formula(formula, expand_future_functions)
        return formula.removeprefix("=")


def add_worksheet(workbook: Workbook, name: str) -> Worksheet:
    return workbook.add_worksheet(name, worksheet_class=LembarKerja)
