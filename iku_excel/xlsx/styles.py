"""Number formats of a workbook's cell styles, as openpyxl resolves them, and which styles
lock their cells: read once per workbook, by the reader and the patcher alike."""

from __future__ import annotations

import re
from typing import NamedTuple

from iku_excel.grid import Cell
from iku_excel.xlsx.container import Archive, Limits, too_many
from iku_excel.xlsx.xml import Handlers, int_or_none, local, parse_part

# openpyxl.styles.numbers.BUILTIN_FORMATS (3.1): the formats Excel knows by id alone.
BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

# openpyxl.styles.numbers.is_date_format / is_timedelta_format (3.1), reimplemented because
# importing any of openpyxl costs about 120 ms. Patterns are compiled on first use (re's cache):
# most runs never need them, and an import should cost nothing.
_FORMAT_NOISE = r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]'
_DATE_TOKEN = r"(?<![_\\])[dmhysDMHYS]"
_TIMEDELTA = r"(?i)\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?"

NUMBER, DATE, TIMEDELTA = 0, 1, 2  # how a number under a format is read


def is_date_format(fmt: str | None) -> bool:
    """A format that shows a number as a date or time (only its first section counts)."""
    if fmt is None:
        return False
    first = re.sub(_FORMAT_NOISE, "", fmt.split(";")[0])
    return re.search(_DATE_TOKEN, first) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    """A format of elapsed time such as ``[h]:mm:ss``."""
    if fmt is None:
        return False
    return re.search(_TIMEDELTA, fmt.split(";")[0]) is not None


class Style(NamedTuple):
    number_format: str
    kind: int  # NUMBER, DATE or TIMEDELTA
    empty: Cell | None  # what an empty cell of this style is: kept only to show a percentage


def _style(number_format: str, kind: int) -> Style:
    # As the openpyxl reference (tests/openpyxl_grids.py): an empty cell matters only when it
    # will show a percentage.
    empty = Cell(None, number_format) if "%" in number_format else None
    return Style(number_format, kind, empty)


GENERAL = _style("General", NUMBER)


class Styles:
    """Cell style index (the ``s`` attribute) -> number format, as openpyxl resolves it, and
    whether the style locks its cell (what a protected sheet refuses to edit)."""

    def __init__(self, styles: list[Style], locked: list[bool]) -> None:
        self.styles = styles
        self.locked = locked
        self.by_attr: dict[str | None, Style] = {}

    def lookup(self, attr: str | None) -> Style:
        style = self.by_attr.get(attr)
        if style is None:
            style = self._resolve(attr)
            if len(self.by_attr) < 100_000:  # hostile files may use endless distinct spellings
                self.by_attr[attr] = style
        return style

    def _resolve(self, attr: str | None) -> Style:
        try:
            index = int(attr) if attr else 0  # no s: the workbook's default style 0
        except ValueError:
            return GENERAL
        return self.styles[index] if 0 <= index < len(self.styles) else GENERAL

    def is_locked(self, index: int) -> bool:
        """Excel's default for a style without a protection element is locked."""
        return self.locked[index] if 0 <= index < len(self.locked) else True


def _style_of(fmt_id: int, custom: dict[int, str | None]) -> Style:
    if fmt_id in custom:
        code = custom[fmt_id]
        number_format = code or "General"  # openpyxl gives None; the reference "General"
    else:
        code = BUILTIN_FORMATS.get(fmt_id)
        # openpyxl reads an unknown id >= 164 from an unrelated list (or fails): General here.
        number_format = code or "General"
    if not is_date_format(code):
        return _style(number_format, NUMBER)
    return _style(number_format, TIMEDELTA if is_timedelta_format(code) else DATE)


def read_styles(archive: Archive, part: str | None, limits: Limits) -> Styles:
    """The styles part ``part`` (None: the workbook has none, every cell is General)."""
    if part is None:
        return Styles([], [])
    custom: dict[int, str | None] = {}
    xf_format_ids: list[int] = []
    locked: list[bool] = []
    section = ""  # the list element we are in: numFmts, cellXfs, cellStyleXfs...

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal section
        element = local(name)
        if element in ("numFmts", "cellXfs", "cellStyleXfs", "dxfs"):
            section = element
        elif element == "numFmt" and section == "numFmts":
            fmt_id = int_or_none(attrs.get("numFmtId"))
            if fmt_id is not None:
                custom[fmt_id] = attrs.get("formatCode")
        elif element == "xf" and section == "cellXfs":
            xf_format_ids.append(int_or_none(attrs.get("numFmtId")) or 0)
            locked.append(True)
            if len(xf_format_ids) > limits.max_cells:
                raise too_many("gaya sel (cellXfs)", limits.max_cells, "Limits.max_cells")
        elif element == "protection" and section == "cellXfs" and locked:
            locked[-1] = attrs.get("locked", "1") not in ("0", "false")

    def end(name: str) -> None:
        nonlocal section
        if local(name) == section:
            section = ""

    parse_part(archive, part, Handlers(start, end))
    styles = {fmt_id: _style_of(fmt_id, custom) for fmt_id in set(xf_format_ids)}
    return Styles([styles[fmt_id] for fmt_id in xf_format_ids], locked)
