"""The fast reader (iku_excel.xlsx.read) against the openpyxl path it replaces, and against
broken and hostile files.

Equality means: for every sheet, the same cells with the same values *and Python types* and
number formats, the same merged ranges and hidden columns as ``openpyxl_grids.grid_of`` gives from
``openpyxl.load_workbook(path, data_only=True)``. The one intended difference: a formula without
a stored result is a ``Cell(None, fmt, formula_without_value=True)`` where openpyxl has nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import subprocess
import tempfile
import time
import tracemalloc
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import numbers as openpyxl_numbers
from openpyxl.utils import datetime as openpyxl_datetime
from openpyxl.utils import get_column_letter
from openpyxl_grids import grid_of

from iku_excel.errors import IkuFileError, IkuInputError
from iku_excel.grid import Cell, Grid, Range
from iku_excel.xlsx.read import (
    Limits,
    from_excel,
    is_date_format,
    is_timedelta_format,
    load_grids,
)

REPO = Path(__file__).resolve().parent.parent
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"


# --- Comparing with the openpyxl path --------------------------------------------------------


def openpyxl_grids(path: Path) -> list[Grid]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, data_only=True)
    return [grid_of(ws) for ws in wb]


def typed(cells: dict[tuple[int, int], Cell]) -> dict[tuple[int, int], tuple[Any, ...]]:
    """Cells with the type of each value: 1, 1.0 and True are equal but not the same value."""
    return {pos: (type(c.value), c.value, c.number_format) for pos, c in cells.items()}


def assert_same(fast: list[Grid], slow: list[Grid]) -> None:
    assert [g.sheet for g in fast] == [g.sheet for g in slow]
    for f, s in zip(fast, slow, strict=True):
        pending = pending_formulas(f)
        for pos in pending:  # openpyxl: nothing there, or an empty cell kept for its "%" format
            empty = Cell(None, f.cells[pos].number_format)
            assert s.cells.get(pos, empty) == empty, "openpyxl has a value where we found none"
        assert typed(without(f.cells, pending)) == typed(without(s.cells, pending)), f.sheet
        assert set(f.merged) == set(s.merged), f.sheet
        assert len(f.merged) == len(set(f.merged))
        assert f.hidden_columns == s.hidden_columns, f.sheet


def assert_reads_like_openpyxl(path: Path) -> list[Grid]:
    fast = load_grids(path)
    assert_same(fast, openpyxl_grids(path))
    return fast


def pending_formulas(grid: Grid) -> set[tuple[int, int]]:
    return {pos for pos, c in grid.cells.items() if c.formula_without_value}


def without(
    cells: dict[tuple[int, int], Cell], positions: set[tuple[int, int]]
) -> dict[tuple[int, int], Cell]:
    return {pos: c for pos, c in cells.items() if pos not in positions}


# --- Workbooks made with XlsxWriter and openpyxl ---------------------------------------------


def varied_xlsxwriter(path: Path, *, date_1904: bool = False) -> Path:
    """Merges, hidden columns, many formats, every cell type XlsxWriter writes."""
    wb = xlsxwriter.Workbook(str(path), {"date_1904": date_1904, "strings_to_formulas": False})
    formats = {
        code: wb.add_format({"num_format": code})
        for code in (
            "0.00%", "0%", '"Rp"#,##0', '"Rp"#,##0.00_);[Red]("Rp"#,##0.00)', "#,##0.00",
            "dd/mm/yyyy", "[$-421]dd mmmm yyyy", "d-mmm-yy", "h:mm", "[h]:mm:ss", "mm:ss",
            'yyyy-mm-dd" jam "hh:mm', '0.0" %"', "@", '#,##0_);(#,##0)', "[Red]0.00",
            "General", '"d"0',
        )
    }  # fmt: skip
    builtin14 = wb.add_format({"num_format": 14})
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("IKU")
    ws.merge_range("A1:F1", "RENCANA KINERJA TAHUNAN", bold)
    ws.merge_range("A3:A5", "1", bold)
    ws.write("B3", "teks biasa")
    ws.write("B4", "  spasi di tepi  ")
    ws.write("B5", "baris\nbaru\r\ndan\ttab")
    ws.write("B6", "a_x000D_b dan _x005F_ literal")
    ws.write("B7", "Persentase\u00a0NBSP — ümlaut 中文")
    ws.write_rich_string("B8", "awal ", bold, "tebal", " akhir")
    ws.write_rich_string("B9", bold, "semua", " runs")
    ws.write_boolean("C3", True)
    ws.write_boolean("C4", False)
    ws.write_formula("C5", "=1/0", None, "#DIV/0!")
    ws.write_formula("C6", "=NA()", None, "#N/A")
    ws.write_formula("C7", "=1+1", None, 2)
    ws.write_formula("C8", '="a"&"b"', None, "ab")
    ws.write_formula("C9", "=TRUE()", None, True)
    ws.write_formula("C10", '=IF(1,"",1)', None, "")  # "force recalc": no stored result
    ws.write_formula("C11", '=IF(1,"",1)', formats["0.00%"], "")
    ws.write_string("C12", "#REF!")
    values: list[Any] = [
        0.855, 1, 12_500_000, -3.5, 1e-7, 1.5e20, 45000, 59, 60, 61, 0.25, 1.75, 0, 2958465,
        -1, 123456789012345,
    ]  # fmt: skip
    for row, (code, fmt) in enumerate(formats.items(), start=15):
        ws.write_string(row - 1, 0, code)
        for col, value in enumerate(values, start=1):
            ws.write_number(row - 1, col, value, fmt)
    ws.write_number("A40", 44927, builtin14)
    ws.write_datetime("B40", dt.datetime(2024, 3, 31, 13, 45, 30), formats["dd/mm/yyyy"])
    ws.write_datetime("C40", dt.datetime(1900, 1, 1), formats["dd/mm/yyyy"])
    ws.write_number("D40", 1e10, formats["dd/mm/yyyy"])  # out of range: "#VALUE!"
    ws.set_column("E:F", 12, None, {"hidden": True})
    ws.set_column("H:H", 5, None, {"hidden": True})
    ws.set_column("Z:XFD", None, None, {"hidden": True})
    wb.add_worksheet("Kosong")
    ws2 = wb.add_worksheet("Sheet dengan 'kutip' & <spasi>")
    ws2.write("A1", 1)
    ws2.merge_range("B2:C3", "gabung", bold)
    ws2.write("Z200", "jauh")  # (not XFD1048576: openpyxl would build every cell up to it)
    wb.close()
    return path


def varied_openpyxl(path: Path) -> Path:
    """openpyxl writes inline strings, formulas without results, and its own style ids."""
    wb = openpyxl.Workbook()
    ws = wb.worksheets[0]
    ws.title = "Data"
    ws["A1"] = "judul"
    ws["A2"] = 3
    ws["A3"] = 2.5
    ws["A4"] = "=SUM(A2:A3)"
    ws["A5"] = dt.datetime(2023, 12, 31, 8, 30)
    ws["A6"] = dt.date(2020, 2, 29)
    ws["A7"] = dt.time(10, 15)
    ws["A8"] = dt.timedelta(hours=30, minutes=5)
    ws["A9"] = True
    ws["A10"] = "#N/A"
    ws["B2"] = 0.875
    ws["B2"].number_format = "0.00%"
    ws["B3"] = 1234567.891
    ws["B3"].number_format = '"Rp"#,##0.00'
    ws["B4"] = "=B2*2"
    ws["B4"].number_format = "0.00%"
    ws.merge_cells("C1:E2")
    ws["C1"] = "gabungan"
    ws.column_dimensions["D"].hidden = True
    ws.column_dimensions.group("F", "H", hidden=True)
    other = wb.create_sheet("Lain")
    other["B2"] = "x"
    wb.create_sheet("Kosong")
    wb.save(path)
    return path


def test_xlsxwriter_workbook_reads_like_openpyxl(tmp_path: Path) -> None:
    grids = assert_reads_like_openpyxl(varied_xlsxwriter(tmp_path / "xw.xlsx"))
    iku = grids[0]
    assert pending_formulas(iku) == {(10, 3), (11, 3)}
    assert iku.cells[(11, 3)].number_format == "0.00%"
    assert iku.value(3, 2) == "teks biasa"
    assert iku.value(8, 2) == "awal tebal akhir"
    assert iku.value(5, 3) == "#DIV/0!"
    assert iku.value(40, 4) == "#VALUE!"
    assert {5, 6, 8} <= iku.hidden_columns and 16384 in iku.hidden_columns
    assert grids[1].cells == {}
    assert grids[2].value(200, 26) == "jauh"


def test_1904_date_system(tmp_path: Path) -> None:
    grids = assert_reads_like_openpyxl(varied_xlsxwriter(tmp_path / "mac.xlsx", date_1904=True))
    assert grids[0].value(40, 2) == dt.datetime(2024, 3, 31, 13, 45, 30)


def test_openpyxl_workbook_reads_like_openpyxl(tmp_path: Path) -> None:
    grids = assert_reads_like_openpyxl(varied_openpyxl(tmp_path / "op.xlsx"))
    data = grids[0]
    assert pending_formulas(data) == {(4, 1), (4, 2)}
    assert data.cells[(4, 2)] == Cell(None, "0.00%", formula_without_value=True)
    assert isinstance(data.value(8, 1), dt.timedelta)
    assert [g.sheet for g in grids] == ["Data", "Lain", "Kosong"]


def test_sheet_selection(tmp_path: Path) -> None:
    path = varied_openpyxl(tmp_path / "op.xlsx")
    assert [g.sheet for g in load_grids(path, sheet="Lain")] == ["Lain"]
    with pytest.raises(IkuInputError, match="sheet 'Tidak Ada' tidak ada; sheet yang ada: Data"):
        load_grids(path, sheet="Tidak Ada")


# --- Hand-made packages ------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="'
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="0.00%"/>'
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="166" formatCode="0.00"/></numFmts>'  # a builtin code under a custom id
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy"/></dxf></dxfs>'
    "</styleSheet>"
)


def sheet_xml(body: str, *, ns: str = MAIN, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<worksheet xmlns="{ns}" xmlns:r="{REL}">{body}</worksheet>'
    )


def shared_strings_xml(items: list[str], *, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<sst xmlns="{MAIN}">'
        + "".join(f"<si>{item}</si>" for item in items)
        + "</sst>"
    )


def workbook_xml(names: list[str], *, date1904: bool = False, prolog: str = "") -> str:
    sheets = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{sheets}</sheets></workbook>'
    )


def workbook_rels(count: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Target="worksheets/sheet{i}.xml" Type="{REL}/worksheet"/>'
        for i in range(1, count + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'{rels}<Relationship Id="rIdS" Target="styles.xml" Type="{REL}/styles"/>'
        f'<Relationship Id="rIdT" Target="sharedStrings.xml" Type="{REL}/sharedStrings"/>'
        "</Relationships>"
    )


def package(
    path: Path,
    sheets: list[str],
    *,
    strings: list[str] | None = None,
    names: list[str] | None = None,
    date1904: bool = False,
    workbook: str | None = None,
    replace: dict[str, str | bytes | None] | None = None,
) -> Path:
    """A minimal .xlsx: one worksheet part per item of ``sheets``; ``replace`` swaps (or, with
    None, leaves out) any member."""
    names = names or [f"Sheet{i}" for i in range(1, len(sheets) + 1)]
    members: dict[str, str | bytes | None] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "xl/workbook.xml": workbook or workbook_xml(names, date1904=date1904),
        "xl/_rels/workbook.xml.rels": workbook_rels(len(sheets)),
        "xl/styles.xml": STYLES,
        "xl/sharedStrings.xml": shared_strings_xml(strings or []),
    }
    for i, xml in enumerate(sheets, start=1):
        members[f"xl/worksheets/sheet{i}.xml"] = xml
    members.update(replace or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            if data is not None:
                zf.writestr(name, data)
    return path


def rows(*cells: str) -> str:
    return "<sheetData>" + "".join(cells) + "</sheetData>"


def test_lying_dimension_is_ignored(tmp_path: Path) -> None:
    body = '<dimension ref="A1"/>' + rows(
        *(
            f'<row r="{r}">'
            + "".join(f'<c r="{get_column_letter(c)}{r}"><v>{r * c}</v></c>' for c in range(1, 16))
            + "</row>"
            for r in range(1, 41)
        )
    )
    grids = assert_reads_like_openpyxl(package(tmp_path / "wps.xlsx", [sheet_xml(body)]))
    assert len(grids[0].cells) == 40 * 15
    assert grids[0].value(40, 15) == 600


def test_cells_and_rows_without_r(tmp_path: Path) -> None:
    body = rows(
        "<row><c><v>1</v></c><c><v>2</v></c></row>",  # row 1: A1, B1
        '<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>',  # D2 follows C2
        '<row r="5"><c><v>5</v></c><c t="s"><v>0</v></c></row>',
        "<row><c/><c><v>6</v></c></row>",  # row 6: B6
    )
    grids = assert_reads_like_openpyxl(
        package(tmp_path / "nor.xlsx", [sheet_xml(body)], strings=["<t>teks</t>"])
    )
    assert grids[0].cells.keys() == {(1, 1), (1, 2), (2, 3), (2, 4), (5, 1), (5, 2), (6, 2)}


def test_text_kinds_like_openpyxl(tmp_path: Path) -> None:
    strings = [
        "<t>biasa</t>",
        '<t xml:space="preserve">  spasi  </t>',
        '<r><t>kaya </t></r><r><rPr><b/><sz val="11"/></rPr><t>teks</t></r>',
        '<t>tampil</t><rPh sb="0" eb="1"><t>FONETIK</t></rPh><phoneticPr fontId="1"/>',
        "<t>a_x000D_b _x005F_x000D_ _x005F_</t>",
        "<t/>",
        "<t>&amp;&lt;&gt;&#13;&#x263A;<![CDATA[<cdata>]]></t>",
        "<r><t>run</t></r><t>polos</t>",  # openpyxl puts the plain text first
    ]
    body = rows(
        '<row r="1">'
        + "".join(f'<c r="{get_column_letter(i + 1)}1" t="s"><v>{i}</v></c>' for i in range(8))
        + "</row>",
        '<row r="2"><c r="A2" t="inlineStr"><is><t>sebaris</t></is></c>'
        '<c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r>'
        '<rPh sb="0" eb="1"><t>x</t></rPh></is></c>'
        '<c r="C2" t="inlineStr"><is><t>_x005F_x000D_</t></is></c>'
        '<c r="D2" t="inlineStr"><is/></c>'
        '<c r="E2" t="inlineStr"/>'
        '<c r="F2" t="inlineStr"><v>diabaikan</v><is><t>dipakai</t></is></c></row>',
        '<row r="3"><c r="A3" t="str"><v>rumus teks</v></c><c r="B3" t="e"><v>#NAME?</v></c>'
        '<c r="C3" t="b"><v>1</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="n"><v>7</v></c>'
        '<c r="F3"><v>7.0</v></c><c r="G3"><v>1E3</v></c><c r="H3"><v>-0</v></c>'
        '<c r="I3"><v></v></c><c r="J3"><v> 8 </v></c></row>',
        '<row r="4"><c r="A4" t="d"><v>2024-01-31T10:20:30</v></c>'
        '<c r="B4" t="d"><v>2024-02-01</v></c><c r="C4" t="d"><v>10:20</v></c>'
        '<c r="D4" t="d"><v>2024-01-31T10:20:30.5Z</v></c></row>',
    )
    grids = assert_reads_like_openpyxl(
        package(tmp_path / "t.xlsx", [sheet_xml(body)], strings=strings)
    )
    g = grids[0]
    assert g.value(1, 2) == "  spasi  "
    assert g.value(1, 3) == "kaya teks"
    assert g.value(1, 4) == "tampil"
    assert g.value(1, 5) == "a_x000D_b _x000D_ _"  # as openpyxl: "x005F_" dropped, no unescaping
    assert g.value(1, 8) == "polosrun"
    assert g.value(2, 3) == "_x005F_x000D_"  # inline strings are left as stored
    assert g.value(2, 4) == ""
    assert g.value(2, 6) == "dipakai"
    assert (g.value(3, 5), g.value(3, 6), g.value(3, 7)) == (7, 7.0, 1000.0)
    assert type(g.value(3, 5)) is int and type(g.value(3, 6)) is float
    assert g.value(4, 2) == dt.date(2024, 2, 1)


def test_number_formats_and_dates_by_style(tmp_path: Path) -> None:
    body = rows(
        '<row r="1"><c r="A1" s="1"><v>0.85</v></c><c r="B1" s="2"><v>45292</v></c>'
        '<c r="C1" s="3"><v>45292.5</v></c><c r="D1" s="4"><v>3</v></c>'
        '<c r="E1" s="5"><v>1.25</v></c><c r="G1"><v>2</v></c>'
        '<c r="H1" s="2"><v>0.5</v></c><c r="I1" s="2"><v>59</v></c><c r="J1" s="2" t="s">'
        "<v>0</v></c></row>",
    )
    for date1904 in (False, True):
        path = package(
            tmp_path / f"f{date1904}.xlsx", [sheet_xml(body)], strings=["<t>x</t>"],
            date1904=date1904,
        )  # fmt: skip
        g = assert_reads_like_openpyxl(path)[0]
        assert g.cells[(1, 1)] == Cell(0.85, "0.00%")
        assert g.cells[(1, 4)].number_format == "0.00"
        assert isinstance(g.value(1, 5), dt.timedelta)
        assert isinstance(g.value(1, 8), dt.time)
    # A style index past cellXfs: openpyxl fails (IndexError); General here.
    past = rows('<row r="1"><c r="A1" s="9"><v>1</v></c><c r="B1" s="x"><v>2</v></c></row>')
    g = load_grids(package(tmp_path / "s.xlsx", [sheet_xml(past)]))[0]
    assert g.cells == {(1, 1): Cell(1), (1, 2): Cell(2)}


def test_merged_cells_keep_only_the_top_left(tmp_path: Path) -> None:
    body = rows(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>1</f></c></row>',
        '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f>A1</f></c></row>',
    ) + (
        '<mergeCells><mergeCell ref="A1:C2"/><mergeCell ref="A1:C2"/><mergeCell ref="E5"/>'
        '<mergeCell ref="G7:F6"/><mergeCell ref="bukan"/></mergeCells>'
    )
    g = load_grids(package(tmp_path / "m.xlsx", [sheet_xml(body)]))[0]
    assert g.cells == {(1, 1): Cell(1)}
    assert g.merged == [Range(1, 1, 2, 3), Range(5, 5, 5, 5), Range(6, 6, 7, 7)]


def test_formula_without_stored_result(tmp_path: Path) -> None:
    body = rows(
        '<row r="1"><c r="A1"><f>SUM(B1:B2)</f></c>'  # no <v> at all (POI, hand-made)
        '<c r="B1"><f>1+1</f><v/></c>'  # openpyxl
        '<c r="C1"><f>1+1</f><v></v></c>'  # XlsxWriter value=""
        '<c r="D1" t="str"><f>IF(1,"",1)</f><v></v></c>'  # Excel: the result is ""
        '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="F1" s="1"><f>0.5</f><v>0.5</v></c>'
        '<c r="G1" s="1" t="b"><f>TRUE()</f></c>'
        '<c r="H1"><f t="shared" si="0" ref="H1:H2">A1</f><v>0</v></c></row>'
    )
    path = package(tmp_path / "f.xlsx", [sheet_xml(body)])
    g = assert_reads_like_openpyxl(path)[0]
    assert pending_formulas(g) == {(1, 1), (1, 2), (1, 3), (1, 7)}
    assert g.cells[(1, 7)] == Cell(None, "0.00%", formula_without_value=True)
    assert (1, 4) not in g.cells
    assert g.value(1, 8) == 0


def test_strict_ooxml_reads_like_transitional(tmp_path: Path) -> None:
    source = varied_xlsxwriter(tmp_path / "t.xlsx")
    strict = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(strict, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith((".xml", ".rels")):
                text = data.decode().replace(MAIN, STRICT_MAIN)
                text = text.replace(REL, STRICT_REL)
                data = text.encode()
            zout.writestr(info, data)
    assert f'"{STRICT_MAIN}"'.encode() in zipfile.ZipFile(strict).read("xl/worksheets/sheet1.xml")
    assert_same(load_grids(strict), openpyxl_grids(source))


def test_package_found_by_relationships_and_case(tmp_path: Path) -> None:
    """Parts named by absolute targets, in odd folders, with different letter case."""
    body = sheet_xml(rows('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006'
        f'/relationships"><Relationship Id="rId1" Target="/data/Lembar.XML" Type="{STRICT_REL}'
        f'/worksheet"/><Relationship Id="rId2" Target="../xl/strings.xml" '
        f'Type="{REL}/sharedStrings"/>'
        '<Relationship Id="rId3" Target="https://contoh.go.id/x" TargetMode="External" '
        f'Type="{REL}/hyperlink"/></Relationships>'
    )
    path = package(
        tmp_path / "odd.xlsx",
        [],
        workbook=workbook_xml(["Satu"]),
        replace={
            "xl/_rels/workbook.xml.rels": rels,
            "data/lembar.xml": body,
            "xl/strings.xml": shared_strings_xml(["<t>ketemu</t>"]),
        },
    )
    assert load_grids(path)[0].cells == {(1, 1): Cell("ketemu")}


def test_chartsheets_and_missing_sheet_parts_are_skipped(tmp_path: Path) -> None:
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006'
        f'/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="{REL}'
        f'/worksheet"/><Relationship Id="rId2" Target="chartsheets/sheet1.xml" Type="{REL}'
        f'/chartsheet"/><Relationship Id="rId3" Target="worksheets/hilang.xml" Type="{REL}'
        '/worksheet"/></Relationships>'
    )
    path = package(
        tmp_path / "cs.xlsx",
        [sheet_xml(rows())],
        workbook=workbook_xml(["Data", "Grafik", "Hilang"]),
        replace={
            "xl/_rels/workbook.xml.rels": rels,
            "xl/chartsheets/sheet1.xml": f'<chartsheet xmlns="{MAIN}"/>',
        },
    )
    assert [g.sheet for g in load_grids(path)] == ["Data"]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak ada")
def test_libreoffice_saved_workbooks_read_like_openpyxl(tmp_path: Path) -> None:
    """LibreOffice writes its own styles, t="str" results and attribute order."""
    sources = [varied_xlsxwriter(tmp_path / "xw.xlsx"), varied_openpyxl(tmp_path / "op.xlsx")]
    out = tmp_path / "lo"
    command = [
        "timeout", "-s", "KILL", "120", "soffice",
        f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
        "--headless", "--convert-to", "xlsx", "--outdir", str(out), *map(str, sources),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    for source in sources:
        assert_reads_like_openpyxl(out / source.name)


# --- Every workbook in the repository ----------------------------------------------------------


def repository_workbooks() -> list[Path]:
    found = sorted((REPO / "tests").glob("**/*.xlsx"))
    found += [REPO / "contoh" / "legok_2020.xlsx", REPO / "templates" / "format_iku.xlsx"]
    return [p for p in found if p.exists()]


def too_big_for_openpyxl(path: Path, grids: list[Grid]) -> bool:
    """openpyxl builds an object for every cell of the extent, of every merged range and of
    every hidden column (up to the ``max`` a ``<col>`` claims): hostile files exhaust it."""
    if any(g.max_row * g.max_col > 2_000_000 for g in grids):
        return True
    merged = (
        (r.max_row - r.min_row + 1) * (r.max_col - r.min_col + 1) for g in grids for r in g.merged
    )
    if sum(merged) > 200_000:
        return True
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.filename.endswith(".xml") and info.file_size < 50_000_000:
                claimed = re.findall(rb'<(?:\w+:)?col\b[^>]*\bmax="(\d+)"', zf.read(info))
                if any(int(m) > 16_384 for m in claimed):
                    return True
    return False


@pytest.mark.parametrize("path", repository_workbooks(), ids=lambda p: p.name)
def test_repository_workbooks_read_like_openpyxl(path: Path) -> None:
    try:
        fast = load_grids(path)
    except IkuFileError as exc:
        # only the hostile corpus's files meant to be refused may be, each for its reason
        from test_hostile import HOSTILE, REFUSAL  # here: test_hostile imports this module

        refusal = REFUSAL.get(path.name) if path.parent == HOSTILE else None
        assert refusal is not None, f"{path} refused: {exc}"
        assert refusal in str(exc) and "\n" not in str(exc), str(exc)
        return
    if too_big_for_openpyxl(path, fast):
        pytest.skip("openpyxl would exhaust memory on this file")
    try:
        slow = openpyxl_grids(path)
    except Exception:
        pytest.skip("openpyxl cannot read this file; the fast reader can")
    assert_same(fast, slow)


# --- Random workbooks --------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r _x"),
    max_size=12,
).filter(lambda s: not s.startswith("="))
VALUES = st.one_of(
    st.none(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    TEXT,
    st.datetimes(min_value=dt.datetime(1899, 12, 31), max_value=dt.datetime(2200, 1, 1)),
    st.sampled_from(["=1+1", "=SUM(A1:B2)", "#N/A", "#DIV/0!", "_x000D_"]),
)
FORMATS = st.sampled_from(
    [
        "General", "0", "0.00", "0%", "0.00%", "#,##0", '"Rp"#,##0.00', "dd/mm/yyyy",
        "mm-dd-yy", "[h]:mm:ss", "h:mm AM/PM", "[$-421]dd mmmm yyyy", '0.0" hari"', "@",
        "yyyy-mm-dd h:mm:ss", "[Red]#,##0;[Blue]-#,##0", "d",
    ]
)  # fmt: skip
CELLS = st.dictionaries(
    st.tuples(st.integers(1, 12), st.integers(1, 8)), st.tuples(VALUES, FORMATS), max_size=30
)
MERGES = st.lists(
    st.tuples(st.integers(1, 12), st.integers(1, 8), st.integers(0, 3), st.integers(0, 3)),
    max_size=4,
)


@st.composite
def workbooks(draw: st.DrawFn) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    if draw(st.booleans()):
        wb.epoch = openpyxl_datetime.CALENDAR_MAC_1904
    for index in range(draw(st.integers(1, 3))):
        ws = wb.worksheets[0] if index == 0 else wb.create_sheet()
        ws.title = f"S{index} {draw(st.sampled_from(['', 'IKU', 'Data & Co']))}".strip()
        for (row, col), (value, fmt) in draw(CELLS).items():
            cell = ws.cell(row, col)
            cell.value = value
            cell.number_format = fmt
        for row, col, height, width in draw(MERGES):
            ws.merge_cells(start_row=row, start_column=col, end_row=row + height,
                           end_column=col + width)  # fmt: skip
        for col in draw(st.lists(st.integers(1, 10), max_size=3)):
            ws.column_dimensions[get_column_letter(col)].hidden = True
    return wb


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_random_workbooks_read_like_openpyxl(wb: openpyxl.Workbook) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acak.xlsx"
        wb.save(path)
        assert_reads_like_openpyxl(path)


# --- The date rules reimplemented from openpyxl -----------------------------------------------

FORMAT_PIECES = st.sampled_from(
    [*'dmyhsDMYHS0#.,%;@ "_\\[]-/:', "[h]", "[mm]", "[$-421]", '"d"', "AM/PM", "[Red]"]
)


@given(st.lists(FORMAT_PIECES, max_size=8).map("".join))
def test_date_format_rules_match_openpyxl(fmt: str) -> None:
    assert is_date_format(fmt) == openpyxl_numbers.is_date_format(fmt)
    assert is_timedelta_format(fmt) == openpyxl_numbers.is_timedelta_format(fmt)


@given(
    st.floats(min_value=-700_000, max_value=2_958_465, allow_nan=False) | st.integers(-10, 100),
    st.booleans(),
    st.booleans(),
)
def test_serial_conversion_matches_openpyxl(value: float, mac: bool, elapsed: bool) -> None:
    epoch = openpyxl_datetime.MAC_EPOCH if mac else openpyxl_datetime.WINDOWS_EPOCH
    try:
        expected: object = openpyxl_datetime.from_excel(value, epoch, timedelta=elapsed)
    except (OverflowError, ValueError) as exc:
        with pytest.raises(type(exc)):
            from_excel(value, epoch, timedelta=elapsed)
        return
    assert from_excel(value, epoch, timedelta=elapsed) == expected


def test_builtin_formats_are_openpyxl_s() -> None:
    from iku_excel.xlsx.styles import BUILTIN_FORMATS

    assert BUILTIN_FORMATS == openpyxl_numbers.BUILTIN_FORMATS


# --- Broken and hostile files: one IkuFileError, one Indonesian line, quickly ------------------

INDONESIAN = re.compile(r"berkas|bagian|sel|isi")


def refused(path: Path, limits: Limits | None = None, *, within: float = 5.0) -> str:
    started = time.perf_counter()
    with pytest.raises(IkuFileError) as info:
        load_grids(path, limits=limits or Limits())
    assert time.perf_counter() - started < within
    message = str(info.value)
    assert "\n" not in message and INDONESIAN.search(message), message
    return message


def small_workbook(tmp_path: Path) -> Path:
    return package(
        tmp_path / "kecil.xlsx",
        [sheet_xml(rows('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>'))],
        strings=["<t>teks</t>"],
    )


BOMB_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def test_entity_bomb_in_shared_strings(tmp_path: Path) -> None:
    strings = shared_strings_xml(["<t>&lol9;</t>"], prolog=BOMB_DTD)
    path = package(tmp_path / "bom.xlsx", [sheet_xml(rows())], replace={
        "xl/sharedStrings.xml": strings})  # fmt: skip
    assert "sharedStrings.xml" in refused(path)


def test_entity_bomb_in_workbook_xml(tmp_path: Path) -> None:
    path = package(
        tmp_path / "bom.xlsx",
        [sheet_xml(rows())],
        workbook=workbook_xml(["&lol9;"], prolog=BOMB_DTD),
    )
    message = refused(path)
    assert "berkas ditolak" in message and "workbook.xml" in message


def test_external_entity_is_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("JANGAN DIBACA")
    prolog = f'<!DOCTYPE w [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    body = rows('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>')
    path = package(tmp_path / "xxe.xlsx", [sheet_xml(body, prolog=prolog)])
    assert "entitas" in refused(path)


def test_a_doctype_alone_is_refused(tmp_path: Path) -> None:
    path = package(tmp_path / "dtd.xlsx", [sheet_xml(rows(), prolog="<!DOCTYPE worksheet>")])
    refused(path)


def zeros_member(path: Path, name: str, size: int, base: Path) -> Path:
    """``base`` with member ``name`` replaced by ``size`` bytes of XML whitespace (a bomb)."""
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != name:
                zout.writestr(info, zin.read(info))
        with zout.open(name, "w") as fh:
            fh.write(b'<worksheet xmlns="' + MAIN.encode() + b'"><sheetData>')
            chunk = b" " * 1_000_000
            for _ in range(size // len(chunk)):
                fh.write(chunk)
            fh.write(b"</sheetData></worksheet>")
    return path


def test_zip_bomb_refused_from_the_directory(tmp_path: Path) -> None:
    bomb = zeros_member(tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", 20_000_000,
                        small_workbook(tmp_path))  # fmt: skip
    assert bomb.stat().st_size < 100_000
    message = refused(bomb, Limits(max_member_bytes=5 * 1024 * 1024), within=1.0)
    assert "melebihi batas 5 MB (Limits.max_member_bytes)" in message
    ratio = refused(bomb, Limits(ratio_from_bytes=1024 * 1024), within=1.0)
    assert "Limits.max_ratio" in ratio
    total = refused(bomb, Limits(max_total_bytes=10 * 1024 * 1024), within=1.0)
    assert "Limits.max_total_bytes" in total


def patch_headers(data: bytes, name: str, field: str, value: int) -> bytes:
    """Change ``field`` ("size": inflated size, "flags") of member ``name`` in both its local
    header and its zip directory entry."""
    out = bytearray(data)
    encoded = name.encode()
    offsets = {"size": ("<L", 22, 24), "flags": ("<H", 6, 8)}
    fmt, local_at, central_at = offsets[field]
    for signature, field_at, name_at in (
        (b"PK\x03\x04", local_at, 30),
        (b"PK\x01\x02", central_at, 46),
    ):
        at = out.find(signature)
        while at >= 0:
            if out[at + name_at : at + name_at + len(encoded)] == encoded:
                struct.pack_into(fmt, out, at + field_at, value)
            at = out.find(signature, at + 4)
    return bytes(out)


def test_lying_size_in_the_zip_directory(tmp_path: Path) -> None:
    bomb = zeros_member(tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", 20_000_000,
                        small_workbook(tmp_path))  # fmt: skip
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(patch_headers(bomb.read_bytes(), "xl/worksheets/sheet1.xml", "size", 1000))
    tracemalloc.start()
    try:
        refused(liar, within=2.0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # never inflated the 20 MB it really holds


def test_too_many_members(tmp_path: Path) -> None:
    assert "Limits.max_members" in refused(small_workbook(tmp_path), Limits(max_members=4))


def test_too_many_cells(tmp_path: Path) -> None:
    body = rows("<row>" + "<c/>" * 50 + "</row>")
    path = package(tmp_path / "c.xlsx", [sheet_xml(body)])
    assert "Limits.max_cells" in refused(path, Limits(max_cells=49))
    assert load_grids(path, limits=Limits(max_cells=50))[0].cells == {}


def test_huge_declared_extent_costs_nothing(tmp_path: Path) -> None:
    body = '<dimension ref="A1:XFD1048576"/>' + rows(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
    )
    path = package(tmp_path / "luas.xlsx", [sheet_xml(body)])
    tracemalloc.start()
    started = time.perf_counter()
    try:
        grid = load_grids(path)[0]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0
    assert peak < 5_000_000
    assert grid.cells == {(1, 1): Cell(1), (1048576, 16384): Cell(2)}


def test_hostile_merges_and_columns_are_bounded(tmp_path: Path) -> None:
    whole = sheet_xml(rows() + '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>')
    assert "Limits.max_merged_cells" in refused(package(tmp_path / "m.xlsx", [whole]), within=1.0)
    cols = "".join(f'<col min="{i}" max="1000000000" hidden="1"/>' for i in range(1, 2000))
    path = package(tmp_path / "k.xlsx", [sheet_xml(f"<cols>{cols}</cols>" + rows())])
    started = time.perf_counter()
    assert load_grids(path)[0].hidden_columns == frozenset(range(1, 16385))
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("ref", ["XFE1", "A1048577", "A0", "1A", "A-1", "AAAA1"])
def test_cells_outside_excel_are_refused(tmp_path: Path, ref: str) -> None:
    path = package(tmp_path / "x.xlsx", [sheet_xml(rows(f'<row><c r="{ref}"><v>1</v></c></row>'))])
    assert "alamat sel" in refused(path)


def test_zero_bytes(tmp_path: Path) -> None:
    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    assert "0 byte" in refused(empty)


def test_truncated_zip(tmp_path: Path) -> None:
    data = varied_xlsxwriter(tmp_path / "utuh.xlsx").read_bytes()
    for keep in (len(data) // 2, len(data) - 30, 100):
        cut = tmp_path / f"potong{keep}.xlsx"
        cut.write_bytes(data[:keep])
        assert "rusak atau terpotong" in refused(cut)


def test_corrupt_member_data(tmp_path: Path) -> None:
    data = bytearray(varied_xlsxwriter(tmp_path / "utuh.xlsx").read_bytes())
    at = data.find(b"xl/worksheets/sheet1.xml") + 200  # inside the compressed sheet
    data[at : at + 50] = bytes(50)
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(bytes(data))
    refused(broken)


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("EncryptionInfo", "terkunci kata sandi"),
        ("Workbook", "Excel lama (.xls)"),
        ("", "(.xls) atau .xlsx yang terkunci kata sandi"),
    ],
)
def test_cfb_containers(tmp_path: Path, marker: str, expected: str) -> None:
    path = tmp_path / "ole.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + marker.encode("utf-16-le") + bytes(600)
    )
    assert expected in refused(path)


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>",
        b"NO;INDIKATOR;TARGET\n1;Persentase;100\n",
        b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook/>',
    ],
)
def test_text_files_named_xlsx(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(content)
    assert "bukan berkas Excel .xlsx" in refused(path)


def test_missing_workbook_part(tmp_path: Path) -> None:
    path = package(tmp_path / "tanpa.xlsx", [sheet_xml(rows())], replace={
        "xl/workbook.xml": None, "_rels/.rels": None, "[Content_Types].xml": None})  # fmt: skip
    assert "tidak lengkap (workbook.xml tidak ada)" in refused(path)


def test_missing_shared_strings(tmp_path: Path) -> None:
    path = package(
        tmp_path / "tanpa.xlsx",
        [sheet_xml(rows('<row r="1"><c r="B3" t="s"><v>0</v></c></row>'))],
        replace={"xl/sharedStrings.xml": None},
    )
    assert "sel B3 merujuk teks bersama nomor 0" in refused(path)


def test_malformed_xml(tmp_path: Path) -> None:
    path = package(tmp_path / "xml.xlsx", [sheet_xml(rows("<row><c><v>1</c></row>"))])
    assert "XML rusak" in refused(path)
    half = package(tmp_path / "half.xlsx", [sheet_xml(rows())[:60]])
    assert "XML rusak" in refused(half)


def test_encrypted_zip_member(tmp_path: Path) -> None:
    locked = tmp_path / "kunci.xlsx"
    data = small_workbook(tmp_path).read_bytes()
    locked.write_bytes(patch_headers(data, "xl/worksheets/sheet1.xml", "flags", 0x1))
    assert "kata sandi" in refused(locked)


def test_paths_that_are_not_files(tmp_path: Path) -> None:
    assert "tidak ditemukan" in refused(tmp_path / "tidak-ada.xlsx")
    assert "folder" in refused(tmp_path)


@pytest.fixture(scope="module")
def mutation_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return varied_openpyxl(tmp_path_factory.mktemp("mutasi") / "dasar.xlsx")


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_files_only_raise_our_errors(mutation_base: Path, data: st.DataObject) -> None:
    original = mutation_base.read_bytes()
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        mutated = mutated[: data.draw(st.integers(0, len(mutated)))]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutasi.xlsx"
        path.write_bytes(bytes(mutated))
        try:
            load_grids(path)
        except IkuFileError as exc:
            assert "\n" not in str(exc)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_mutated_xml_only_raises_our_errors(mutation_base: Path, data: st.DataObject) -> None:
    with zipfile.ZipFile(mutation_base) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    name = data.draw(st.sampled_from(sorted(n for n in members if n.endswith((".xml", ".rels")))))
    xml = bytearray(members[name])
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(xml) - 1))
        xml[at : at + 1] = data.draw(
            st.sampled_from([b"", b"<", b">", b'"', b"1", b"A", b"&", b" "])
        )
    members[name] = bytes(xml)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, content in members.items():
            zf.writestr(member, content)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutasi.xlsx"
        path.write_bytes(buffer.getvalue())
        try:
            load_grids(path)
        except (IkuFileError, IkuInputError) as exc:
            assert "\n" not in str(exc)


def test_deflate_errors_are_mapped(tmp_path: Path) -> None:
    """A member whose deflate stream is garbage (zlib.error inside zipfile)."""
    source = small_workbook(tmp_path)
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 4] = b"\xff\xff\xff\xff"
    broken = tmp_path / "deflate.xlsx"
    broken.write_bytes(bytes(data))
    refused(broken)
