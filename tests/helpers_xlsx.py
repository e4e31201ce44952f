"""Reading generated workbooks back in tests: cells, merges, formats and page setup as text."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet


def load(data: bytes, *, values: bool = False) -> Workbook:
    """The workbook in ``data``; with ``values`` formulas read as their cached values."""
    return openpyxl.load_workbook(io.BytesIO(data), data_only=values)


def texts(ws: Worksheet) -> Iterator[tuple[str, Any]]:
    """(A1 name, value) of every non-empty cell, row by row."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and cell.value != "":
                yield cell.coordinate, cell.value


def find(ws: Worksheet, value: object) -> Cell:
    """The first cell holding exactly ``value``."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == value:
                return cell  # type: ignore[return-value]
    raise AssertionError(f"{value!r} not found in sheet {ws.title}")


def merged(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def row_values(ws: Worksheet, row: int, first: int = 1, last: int | None = None) -> list[Any]:
    last = last or ws.max_column
    return [ws.cell(row, c).value for c in range(first, last + 1)]


def sheet_xml(data: bytes, index: int) -> str:
    """The raw XML of the ``index``-th worksheet (1-based)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def normalize(text: object) -> str:
    """Whitespace collapsed and none around slashes: a header broken after "/" reads the same."""
    collapsed = " ".join(str(text or "").split())
    return re.sub(r"\s*/\s*", "/", collapsed)


# ---------------------------------------------------------------------- golden dumps


def dump(data: bytes) -> str:
    """A readable text dump of a workbook: page setup, columns, rows, merges, every cell with
    its value (formula and cached value), type, font, alignment, border and number format."""
    formulas = load(data)
    cached = load(data, values=True)
    out: list[str] = []
    props = formulas.properties
    out.append(f"properties: title={props.title!r} creator={props.creator!r}")
    for ws in formulas.worksheets:
        out.extend(_dump_sheet(ws, cached[ws.title]))
    for name in formulas.sheetnames:
        if name not in [ws.title for ws in formulas.worksheets]:
            out.append(f"== chartsheet {name}")
    return "\n".join(out) + "\n"


def _dump_sheet(ws: Worksheet, values: Worksheet) -> list[str]:
    ps = ws.page_setup
    m = ws.page_margins
    out = [
        f"== sheet {ws.title}",
        f"page: paper={ps.paperSize} orientation={ps.orientation} "
        f"fitToPage={ws.sheet_properties.pageSetUpPr.fitToPage} "
        f"fitToWidth={ps.fitToWidth} fitToHeight={ps.fitToHeight}",
        f"margins: left={m.left} right={m.right} top={m.top} bottom={m.bottom} "
        f"header={m.header} footer={m.footer}",
        f"print: area={ws.print_area} titles={ws.print_title_rows} "
        f"centered={ws.print_options.horizontalCentered} "
        f"breaks={[b.id for b in ws.row_breaks.brk]}",
        f"footer: {ws.oddFooter.center.text!r}",
        "columns: " + _columns(ws),
        "rows: "
        + " ".join(
            f"{r}={ws.row_dimensions[r].height}"
            for r in range(1, ws.max_row + 1)
            if ws.row_dimensions[r].height is not None
        ),
        "merges: " + " ".join(sorted(merged(ws), key=_range_key)),
    ]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.value == "":
                continue
            out.append(_dump_cell(cell, values[cell.coordinate].value))
    cf = ws.conditional_formatting
    for rng in cf:
        for rule in rng.rules:
            out.append(f"conditional {rng.sqref}: {rule.type} {rule.operator} {rule.formula}")
    return out


def _columns(ws: Worksheet) -> str:
    """Column widths in pixels (file width x 7), one entry per column."""
    found = []
    for dim in ws.column_dimensions.values():
        if dim.width:
            for col in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
                found.append((col, round(dim.width * 7)))
    return " ".join(f"{get_column_letter(col)}={px}px" for col, px in sorted(found))


def _dump_cell(cell: Cell, cached: object) -> str:
    f = cell.font
    a = cell.alignment
    style = [f"{f.name} {f.sz:g}"]
    style += [flag for flag, on in (("B", f.b), ("I", f.i), ("U", f.u)) if on]
    style.append(f"{a.horizontal or 'general'}/{a.vertical or 'bottom'}")
    if a.wrap_text:
        style.append("wrap")
    if cell.border.left.style or cell.border.bottom.style:
        style.append(f"border={cell.border.left.style}/{cell.border.bottom.style}")
    if cell.fill.fgColor.rgb not in (None, "00000000"):
        style.append(f"fill={cell.fill.fgColor.rgb}")
    value = repr(cell.value)
    if cell.data_type == "f":
        value += f" -> {cached!r}"
    return f"{cell.coordinate} {cell.data_type} {value} [{' '.join(style)}] {cell.number_format}"


def _range_key(text: str) -> tuple[int, str]:
    first = text.split(":")[0]
    letters = "".join(ch for ch in first if ch.isalpha())
    digits = "".join(ch for ch in first if ch.isdigit())
    return int(digits), letters.rjust(3)
