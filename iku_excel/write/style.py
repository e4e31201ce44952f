"""The look of every lampiran: one font family, a few sizes, and cell styles as plain values.

Font: Arial throughout (Liberation Sans, metric-compatible, where Arial is missing, as in
LibreOffice on Linux): 10 pt for the table body, headers and signatory block, 9 pt for the
column-number row and the footer, 12 pt bold for titles, 14/12 pt bold for the kop.
A ``Gaya`` is a hashable description of a cell style; ``Formats`` turns each distinct one into
a single XlsxWriter format, so variants are cheap to write (``gaya.but(bold=True)``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

FONT = "Arial"
SIZE_BODY = 10
SIZE_SMALL = 9
SIZE_TITLE = 12
SIZE_KOP_INSTANSI = 14
SIZE_KOP = 12
HEADER_FILL = "#D9D9D9"  # light grey: prints well on any office printer
NUMBER_ROW_FILL = "#F2F2F2"

# Number formats. Percent targets are stored as fractions (0.6) with a % format.
FMT_MONEY = "#,##0"
FMT_MONEY_CENTS = "#,##0.00"


@dataclass(frozen=True, slots=True)
class Gaya:
    """A cell style. ``border``: 0 none, 1 thin box. ``wrap``: text wraps inside the cell."""

    size: float = SIZE_BODY
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str = "left"
    valign: str = "top"
    wrap: bool = True
    border: int = 0
    num_format: str = ""
    fill: str = ""
    bottom: int = 0  # bottom border style (6 = double, for the kop's rule)

    def but(self, **changes: Any) -> Gaya:
        """This style with some properties changed."""
        return replace(self, **changes)

    def properties(self) -> dict[str, Any]:
        props: dict[str, Any] = {
            "font_name": FONT,
            "font_size": self.size,
            "align": self.align,
            "valign": "vcenter" if self.valign == "center" else self.valign,
            "text_wrap": self.wrap,
        }
        optional = {
            "bold": self.bold,
            "italic": self.italic,
            "underline": 1 if self.underline else 0,
            "border": self.border,
            "num_format": self.num_format,
            "bg_color": self.fill,
            "bottom": self.bottom,
        }
        props.update({k: v for k, v in optional.items() if v})
        return props


# The styles the sheets use, named for what they are.
TEKS = Gaya()
SEL = Gaya(border=1)  # a table cell
SEL_TENGAH = SEL.but(align="center")
SEL_KANAN = SEL.but(align="right", wrap=False)
HEADER = Gaya(bold=True, align="center", valign="center", border=1, fill=HEADER_FILL)
NOMOR_KOLOM = Gaya(
    size=SIZE_SMALL, italic=True, align="center", valign="center", border=1, fill=NUMBER_ROW_FILL
)
JUDUL = Gaya(size=SIZE_TITLE, bold=True, align="center", valign="center")
KOP_PEMERINTAH = Gaya(size=SIZE_KOP, bold=True, align="center", valign="center")
KOP_INSTANSI = Gaya(size=SIZE_KOP_INSTANSI, bold=True, align="center", valign="center")
KOP_ALAMAT = Gaya(size=SIZE_SMALL, italic=True, align="center", valign="center")
TTD = Gaya(align="center", valign="bottom", wrap=True)  # signatory lines, centred in their area
TTD_NAMA = TTD.but(bold=True, underline=True)
JUMLAH_LABEL = SEL.but(bold=True, align="center", valign="center")


class Formats:
    """One XlsxWriter format per distinct ``Gaya``, made on first use."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._made: dict[Gaya, Format] = {}
        self._fills: dict[str, Format] = {}

    def fill(self, colour: str) -> Format:
        """A fill-only format for conditional formatting (a differential format)."""
        if colour not in self._fills:
            self._fills[colour] = self._workbook.add_format({"bg_color": colour})
        return self._fills[colour]

    def __call__(self, gaya: Gaya) -> Format:
        fmt = self._made.get(gaya)
        if fmt is None:
            fmt = self._workbook.add_format(gaya.properties())
            self._made[gaya] = fmt
        return fmt
