"""iku_excel.xlsx.patch: cells written into a staff workbook, nothing else touched.

The staff-like workbook is built with XlsxWriter and carries everything an openpyxl save
loses (domain.md section 7). Odd XML shapes (missing rows, ``<sheetData/>``, prefixes, shared
formulas, calc chains) are made by editing its parts, or by hand-made minimal workbooks.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import struct
import subprocess
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import openpyxl.utils
import openpyxl.utils.cell
import pandas as pd
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku_excel.errors import IkuFileError, IkuInputError, Severity
from iku_excel.xlsx.patch import (
    CellWrite,
    patch_file,
    patch_workbook,
    read_cells,
    sheet_part_names,
)
from iku_excel.xlsx.read import Limits, load_grids

D = Decimal
SHEET = "Pengukuran"
SHEET_PART = "xl/worksheets/sheet1.xml"
PREDIKAT = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
DATA_ROWS = range(9, 15)  # rows 9..14 hold the indicators


# --------------------------------------------------------------------------- fixtures


def tiny_png() -> bytes:
    """A 1x1 red PNG made from bytes (no image library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def staff_workbook() -> bytes:
    """A pengukuran workbook as staff build it: kop with logo and a text box, header image,
    merged headers, protected sheet with unlocked input cells, the workbook's own formulas with
    cached values, a dropdown, a 2010 data bar, sparklines, comments, rich text, a defined
    name, freeze panes, print titles, and a chart and a summary on other sheets."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    border = wb.add_format({"border": 1})
    header = wb.add_format({"border": 1, "bold": True, "align": "center", "text_wrap": True})
    open_cell = wb.add_format({"border": 1, "locked": False})
    open_number = wb.add_format({"border": 1, "locked": False, "num_format": "0.00"})
    bold = wb.add_format({"bold": True})

    ws = wb.add_worksheet(SHEET)
    ws.insert_image("A1", "logo.png", {"image_data": io.BytesIO(tiny_png())})
    ws.insert_textbox("D1", "PEMERINTAH KABUPATEN TANGERANG", {"width": 300, "height": 40})
    ws.set_header(
        "&L&G&CKECAMATAN LEGOK",
        {"image_left": "logo.png", "image_data_left": io.BytesIO(tiny_png())},
    )
    ws.merge_range("A5:L5", "PENGUKURAN KINERJA TAHUN 2020", header)
    titles = ["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET"]
    for col, title in enumerate(titles):
        ws.merge_range(6, col, 7, col, title, header)
    ws.merge_range("F7:I7", "REALISASI", header)
    for col, tw in enumerate(["TW I", "TW II", "TW III", "TW IV"], start=5):
        ws.write(7, col, tw, header)
    ws.merge_range("J7:J8", "JUMLAH", header)
    ws.merge_range("K7:K8", "CAPAIAN (%)", header)
    ws.merge_range("L7:L8", "PREDIKAT", header)
    ws.write_comment("C7", "Indikator kinerja utama sesuai SK")
    ws.merge_range("B9:B11", "Meningkatnya kualitas pelayanan", border)
    ws.merge_range("B12:B14", "Meningkatnya ketertiban", border)
    for i, row in enumerate(DATA_ROWS):
        r = row - 1
        ws.write(r, 0, i + 1, border)
        ws.write(r, 2, f"Persentase indikator {i + 1}", border)
        ws.write(r, 3, "%", border)
        ws.write(r, 4, 80 + i, border)
        for col in range(5, 9):
            ws.write_blank(r, col, None, open_number)
        ws.write_formula(r, 9, f"=SUM(F{row}:I{row})", border, 0)
        ws.write_blank(r, 10, None, open_number)
        ws.write_blank(r, 11, None, open_cell)
        ws.add_sparkline(r, 12, {"range": f"{SHEET}!F{row}:I{row}"})
    ws.write("D16", "Jumlah", bold)
    ws.write_formula("E16", "=SUM(E9:E14)", border, sum(80 + i for i in range(6)))
    ws.write_formula("J16", "=SUM(TotalRealisasi)", border, 0)
    ws.write_rich_string("C18", bold, "Catatan: ", "isian ", bold, "triwulan")
    ws.write_string("C20", "19620620 198703 1 006")
    ws.data_validation("L9:L14", {"validate": "list", "source": PREDIKAT})
    ws.conditional_format("K9:K14", {"type": "data_bar", "data_bar_2010": True})
    ws.freeze_panes(8, 0)
    ws.repeat_rows(6, 7)
    ws.set_landscape()
    ws.protect("", {"format_cells": True})
    wb.define_name("TargetIKU", f"={SHEET}!$E$9:$E$14")
    wb.define_name("TotalRealisasi", f"={SHEET}!$J$9:$J$14")

    rekap = wb.add_worksheet("Rekap")
    rekap.write("A1", "Capaian indikator 1")
    rekap.write_formula("B1", f"={SHEET}!K9", None, 0)
    rekap.write_formula("B2", "=SUM(TargetIKU)", None, 495)
    rekap.write_formula("B3", "=1+1", None, 2)
    grafik = wb.add_worksheet("Grafik")
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"categories": f"={SHEET}!$C$9:$C$14", "values": f"={SHEET}!$K$9:$K$14"})
    grafik.insert_chart("B2", chart)
    wb.close()
    return buf.getvalue()


@pytest.fixture(scope="module")
def staff() -> bytes:
    return staff_workbook()


def fill_writes() -> list[CellWrite]:
    """What `iku isi` writes: TW realisasi, capaian (our formula with its value), predikat."""
    writes: list[CellWrite] = []
    for i, row in enumerate(DATA_ROWS):
        target = 80 + i
        tws = [D(10) * (i + 1), D("20.5"), D(15), D("30.25")]
        for col, value in zip("FGHI", tws, strict=True):
            writes.append(CellWrite(f"{col}{row}", value))
        total = sum(tws, D(0))
        capaian = (total / target * 100).quantize(D("0.01"))
        formula = f'IF(E{row}=0,"",ROUND(J{row}/E{row}*100,2))'
        writes.append(CellWrite(f"K{row}", capaian, formula=formula))
        writes.append(CellWrite(f"L{row}", PREDIKAT[i % 5]))
    return writes


# --------------------------------------------------------------------------- zip helpers


def members(data: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.infolist()


def raw_record(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """A member's local header and compressed bytes, as stored."""
    name_len, extra_len = struct.unpack_from("<2H", data, info.header_offset + 26)
    end = info.header_offset + 30 + name_len + extra_len + info.compress_size
    return data[info.header_offset : end]


def zipinfo_fields(info: zipfile.ZipInfo) -> tuple[Any, ...]:
    return (
        info.filename,
        info.compress_type,
        info.date_time,
        info.external_attr,
        info.internal_attr,
        info.create_system,
        info.create_version,
        info.extract_version,
        info.flag_bits,
        info.extra,
        info.comment,
    )


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")


def with_parts(data: bytes, changes: dict[str, str | bytes | None]) -> bytes:
    """The workbook with some parts replaced (None removes one, a new name is appended)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename in changes:
                new = changes[info.filename]
                if new is not None:
                    dst.writestr(info.filename, new)
            else:
                dst.writestr(info.filename, src.read(info.filename))
        for name, new in changes.items():
            if name not in src.namelist() and new is not None:
                dst.writestr(name, new)
    return out.getvalue()


def edit_part(data: bytes, name: str, edit: Callable[[str], str]) -> bytes:
    return with_parts(data, {name: edit(part(data, name))})


XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
CONTENT_TYPES_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"'
RELATIONSHIPS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'


def minimal_workbook(sheet_xml: str, *, workbook_extra: str = "", prefix: str = "") -> bytes:
    """A hand-made workbook with one sheet "S" whose XML is ``sheet_xml`` (a styles part with
    two cell formats: 0 locked, 1 unlocked)."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    root_ns = f'xmlns{":" + prefix[:-1] if prefix else ""}="{ns}" xmlns:r="{rel}"'
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    content_types = (
        f"{XML_DECLARATION}<Types {CONTENT_TYPES_NS}>"
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{mime}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{mime}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{mime}.styles+xml"/></Types>'
    )
    package_rels = (
        XML_DECLARATION + f"<Relationships {RELATIONSHIPS_NS}>"
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    p = prefix
    workbook = (
        XML_DECLARATION + f"<{p}workbook {root_ns}><{p}sheets>"
        f'<{p}sheet name="S" sheetId="1" r:id="rId1"/></{p}sheets>{workbook_extra}</{p}workbook>'
    )
    workbook_rels = (
        XML_DECLARATION + f"<Relationships {RELATIONSHIPS_NS}>"
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    xf = '<xf numFmtId="{}" fontId="0" fillId="0" borderId="0" xfId="0"'
    styles = (
        f'{XML_DECLARATION}<styleSheet xmlns="{ns}"><fonts count="1"><font><sz val="11"/>'
        '<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill '
        'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="3">{xf.format(0)}/>'
        f'{xf.format(0)} applyProtection="1"><protection locked="0"/></xf>'
        f'{xf.format(2)} applyNumberFormat="1"/></cellXfs></styleSheet>'
    )
    sheet = XML_DECLARATION + f"<{p}worksheet {root_ns}>{sheet_xml}</{p}worksheet>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", package_rels)
        zf.writestr("xl/workbook.xml", workbook)
        zf.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        zf.writestr("xl/styles.xml", styles)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def values(data: bytes, sheet: str = "S", *, cached: bool = True) -> dict[str, Any]:
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=cached)
    return {
        c.coordinate: c.value for row in wb[sheet].iter_rows() for c in row if c.value is not None
    }


def all_cells(data: bytes, *, cached: bool) -> dict[tuple[str, str], tuple[Any, str]]:
    """Every cell of every worksheet: (value, style fingerprint)."""
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=cached, rich_text=True)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                style = f"{c.number_format}|{c.border.left.style}|{c.font.b}|{c.protection.locked}"
                found[(ws.title, c.coordinate)] = (str(c.value), style)
    return found


# --------------------------------------------------------------------------- nothing lost


def test_the_fixture_holds_what_openpyxl_would_lose(staff: bytes) -> None:
    names = {i.filename for i in members(staff)}
    assert {"xl/charts/chart1.xml", "xl/media/image1.png", "xl/comments1.xml"} <= names
    assert "xl/drawings/vmlDrawing2.vml" in names  # the header image
    drawing = part(staff, "xl/drawings/drawing1.xml")
    assert "<xdr:sp " in drawing and "<xdr:pic>" in drawing  # the text box and the logo
    sheet = part(staff, SHEET_PART)
    for marker in ("x14:dataBar", "x14:sparklineGroup", "<legacyDrawingHF", "<sheetProtection"):
        assert marker in sheet
    assert "<r><rPr><b/>" in part(staff, "xl/sharedStrings.xml")  # rich text


def test_only_the_edited_sheet_changes_in_the_zip(staff: bytes) -> None:
    out, changes, problems = patch_workbook(staff, SHEET, fill_writes())
    assert len(changes) == len(fill_writes())
    assert not [p for p in problems if p.severity is Severity.ERROR]
    before, after = members(staff), members(out)
    assert [i.filename for i in before] == [i.filename for i in after]
    for old, new in zip(before, after, strict=True):
        assert zipinfo_fields(old) == zipinfo_fields(new)
        if old.filename != SHEET_PART:  # xlsxwriter already sets fullCalcOnLoad: workbook.xml kept
            assert raw_record(staff, old) == raw_record(out, new), old.filename
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert zf.testzip() is None


def test_the_zipinfo_passed_in_is_not_what_is_changed(staff: bytes) -> None:
    out, _, _ = patch_workbook(staff, SHEET, fill_writes())
    sheet = next(i for i in members(out) if i.filename == SHEET_PART)
    original = next(i for i in members(staff) if i.filename == SHEET_PART)
    assert (sheet.date_time, sheet.external_attr, sheet.compress_type) == (
        original.date_time,
        original.external_attr,
        original.compress_type,
    )


def test_only_intended_cells_differ_and_keep_their_style(staff: bytes) -> None:
    writes = fill_writes()
    out, changes, problems = patch_workbook(staff, SHEET, writes)
    written = {(SHEET, c.ref) for c in changes}
    cleared = {(p.sheet, p.cell) for p in problems if p.code == "nilai-rumus-dikosongkan"}
    assert cleared == {(SHEET, f"J{r}") for r in DATA_ROWS} | {(SHEET, "J16")}
    for cached in (False, True):
        before, after = all_cells(staff, cached=cached), all_cells(out, cached=cached)
        skip = written | (cleared if cached else set())
        assert {k: v for k, v in before.items() if k not in skip} == {
            k: v for k, v in after.items() if k not in skip
        }
    styles_before = read_cells(staff, SHEET, [c.ref for c in changes])
    styles_after = read_cells(out, SHEET, [c.ref for c in changes])
    for ref, info in styles_after.items():
        assert info.style == styles_before[ref].style, ref


def test_openpyxl_and_pandas_read_the_new_numbers(staff: bytes) -> None:
    out, _, _ = patch_workbook(staff, SHEET, fill_writes())
    got = values(out, SHEET)
    assert got["F9"] == 10 and got["G9"] == 20.5 and got["I14"] == 30.25
    assert got["K9"] == pytest.approx(94.69)  # 75.75 / 80 * 100
    assert got["L10"] == "Tinggi"
    assert "J9" not in got  # the workbook's own SUM: its stale 0 was cleared
    formulas = values(out, SHEET, cached=False)
    assert formulas["K9"] == '=IF(E9=0,"",ROUND(J9/E9*100,2))'
    frame = pd.read_excel(io.BytesIO(out), sheet_name=SHEET, header=None)
    assert frame.iloc[8, 5] == 10 and frame.iloc[13, 8] == 30.25
    assert frame.iloc[8, 10] == pytest.approx(94.69)


def test_receipt_lists_old_and_new_values(staff: bytes) -> None:
    once, changes, _ = patch_workbook(staff, SHEET, fill_writes())
    k9 = next(c for c in changes if c.ref == "K9")
    assert (k9.old, k9.new, k9.new_formula) == (None, D("94.69"), 'IF(E9=0,"",ROUND(J9/E9*100,2))')
    _, changes2, _ = patch_workbook(once, SHEET, [CellWrite("F9", D(12))])
    assert [(c.ref, c.old, c.new) for c in changes2] == [("F9", D(10), D(12))]


def test_read_cells_decodes_shared_strings_rich_text_and_formulas(staff: bytes) -> None:
    info = read_cells(staff, SHEET, ["C18", "C20", "E16", "B10", "F9", "$e$9"])
    assert info["C18"].value == "Catatan: isian triwulan"
    assert info["C20"].value == "19620620 198703 1 006" and info["C20"].kind == "text"
    assert (info["E16"].formula, info["E16"].value) == ("SUM(E9:E14)", D(495))
    assert info["B10"].merged_in == "B9:B11" and info["F9"].kind == "empty"
    assert info["F9"].exists and not info["F9"].protected and info["E9"].protected


def test_writing_the_same_values_again_changes_nothing(staff: bytes) -> None:
    once, _, _ = patch_workbook(staff, SHEET, fill_writes())
    twice, changes, problems = patch_workbook(once, SHEET, fill_writes())
    assert twice is once and changes == [] and problems == []


def test_dropdown_databar_sparklines_and_drawings_survive(staff: bytes) -> None:
    out, _, _ = patch_workbook(staff, SHEET, fill_writes())
    before, after = part(staff, SHEET_PART), part(out, SHEET_PART)
    markers = [
        "x14:dataBar",
        "x14:sparklineGroup",
        "<dataValidation ",
        "<drawing ",
        "<legacyDrawing",
    ]
    markers += ["<legacyDrawingHF", "<sheetProtection", "<pane ", "<mergeCell "]
    for marker in markers:
        assert before.count(marker) == after.count(marker) > 0, marker
    # Everything outside <sheetData> is the same text (the dimension already covered A1:M20).
    start, end = "<sheetData>", "</sheetData>"
    assert before[: before.index(start)] == after[: after.index(start)]
    assert before[before.index(end) :] == after[after.index(end) :]


# --------------------------------------------------------------------------- refusals


def test_merged_formula_and_protected_cells_are_reported_not_written(staff: bytes) -> None:
    writes = [
        CellWrite("B10", "ditimpa?"),  # inside B9:B11, not its top-left
        CellWrite("J9", D(5)),  # the workbook's own SUM
        CellWrite("E9", D(99)),  # locked on the protected sheet
        CellWrite("F9", D(1)),  # an unlocked input cell: fine
    ]
    out, changes, problems = patch_workbook(staff, SHEET, writes)
    found = {(p.code, p.cell) for p in problems if p.severity is Severity.ERROR}
    assert found == {
        ("sel-dalam-gabungan", "B10"),
        ("sel-berisi-rumus", "J9"),
        ("sel-terkunci", "E9"),
    }
    assert [c.ref for c in changes] == ["F9"]
    messages = {p.cell: p.message for p in problems if p.severity is Severity.ERROR}
    assert messages["B10"].startswith(f"{SHEET}!B10: ") and "B9" in messages["B10"]
    assert "=SUM(F9:I9)" in messages["J9"]
    assert "diproteksi" in messages["E9"]
    got = values(out, SHEET, cached=False)
    assert got["J9"] == "=SUM(F9:I9)" and got["E9"] == 80 and "B10" not in got


def test_the_same_formula_is_refreshed_another_needs_replace_formula(staff: bytes) -> None:
    first, _, _ = patch_workbook(staff, SHEET, [CellWrite("K9", D(50), formula="J9/E9*100")])
    refreshed, changes, problems = patch_workbook(
        first, SHEET, [CellWrite("K9", D(60), formula="J9 / E9 * 100")]
    )
    assert not [p for p in problems if p.severity is not Severity.INFO]
    assert [(c.old, c.new) for c in changes] == [(D(50), D(60))]
    assert values(refreshed, SHEET)["K9"] == 60
    refused, _, problems = patch_workbook(
        first, SHEET, [CellWrite("K9", D(60), formula="J9/E9*1000")]
    )
    assert [p.code for p in problems] == ["sel-berisi-rumus"] and refused is first
    second, changes, _ = patch_workbook(
        first, SHEET, [CellWrite("K9", D(60), formula="J9/E9*1000", replace_formula=True)]
    )
    assert [(c.old, c.new) for c in changes] == [(D(50), D(60))]
    assert values(second, SHEET)["K9"] == 60


def test_style_from_and_inherited_styles() -> None:
    sheet = (
        '<cols><col min="3" max="3" width="9" style="2" customWidth="1"/></cols>'
        '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row>'
        '<row r="2" s="2" customFormat="1"><c r="A2"><v>2</v></c></row></sheetData>'
    )
    data = minimal_workbook(sheet)
    out, _, _ = patch_workbook(
        data,
        "S",
        [
            CellWrite("B1", 5, style_from="A1"),  # missing cell: style copied
            CellWrite("C5", 6),  # missing cell in a styled column: the column's style
            CellWrite("D2", 7),  # missing cell in a styled row: the row's style
            CellWrite("A2", 8, style_from="A1"),  # existing cell without s: style copied
            CellWrite("A1", 9, style_from="C5"),  # existing s wins over style_from
        ],
    )
    info = read_cells(out, "S", ["B1", "C5", "D2", "A2", "A1"])
    assert {ref: i.style for ref, i in info.items()} == {
        "B1": 1,
        "C5": 2,
        "D2": 2,
        "A2": 1,
        "A1": 1,
    }


def test_tall_merges_are_checked_too() -> None:
    data = sheet_of("", '<mergeCells count="1"><mergeCell ref="B2:C5000"/></mergeCells>')
    _, changes, problems = patch_workbook(data, "S", [CellWrite("C4000", 1), CellWrite("B2", 2)])
    assert [c.ref for c in changes] == ["B2"] and [p.cell for p in problems] == ["C4000"]


def test_protected_sheet_reads_locks_from_styles() -> None:
    sheet = (
        '<sheetData><row r="1"><c r="A1" s="1"/><c r="B1"/><c r="C1" s="2"/></row></sheetData>'
        '<sheetProtection sheet="1" objects="1"/>'
    )
    data = minimal_workbook(sheet)
    _, changes, problems = patch_workbook(
        data, "S", [CellWrite("A1", 1), CellWrite("B1", 2), CellWrite("C1", 3), CellWrite("D1", 4)]
    )
    assert [c.ref for c in changes] == ["A1"]
    assert sorted(str(p.cell) for p in problems if p.code == "sel-terkunci") == ["B1", "C1", "D1"]
    info = read_cells(data, "S", ["A1", "B1"])
    assert not info["A1"].protected and info["B1"].protected


# --------------------------------------------------------------------------- cells and rows


def sheet_of(rows: str, extra: str = "") -> bytes:
    return minimal_workbook(f'<dimension ref="A1:C5"/><sheetData>{rows}</sheetData>{extra}')


def test_missing_cells_and_rows_are_inserted_in_order() -> None:
    rows = (
        '<row r="2" spans="2:3"><c r="B2"><v>1</v></c><c r="D2"><v>2</v></c></row>'
        '<row r="5" spans="1:1"/>'
        '<row r="8"><c r="A8"><v>3</v></c></row>'
    )
    data = sheet_of(rows)
    writes = [
        CellWrite("A2", "kiri"),
        CellWrite("C2", "tengah"),
        CellWrite("F2", "kanan"),
        CellWrite("B5", 5),  # a self-closed row
        CellWrite("A1", "baris baru di awal"),
        CellWrite("C6", 6),
        CellWrite("A7", 7),  # two new rows between 5 and 8
        CellWrite("Z20", 20),  # after the last row
    ]
    out, changes, _ = patch_workbook(data, "S", writes)
    assert len(changes) == len(writes)
    got = values(out)
    assert got == {
        "A1": "baris baru di awal",
        "A2": "kiri", "B2": 1, "C2": "tengah", "D2": 2, "F2": "kanan",
        "B5": 5, "C6": 6, "A7": 7, "A8": 3, "Z20": 20,
    }  # fmt: skip
    xml = part(out, SHEET_PART)
    assert [int(n) for n in re.findall(r'<row r="(\d+)"', xml)] == [1, 2, 5, 6, 7, 8, 20]
    assert re.findall(r'<c r="([A-Z]+)2"', xml) == ["A", "B", "C", "D", "F"]
    assert '<row r="2" spans="1:6">' in xml and '<row r="5" spans="1:2">' in xml
    assert '<dimension ref="A1:Z20"/>' in xml
    assert '<row r="6"><c r="C6"><v>6</v></c></row>' in xml  # a new row copies nothing else


def test_self_closed_sheet_data_gets_rows() -> None:
    data = minimal_workbook("<sheetData/>")
    out, _, _ = patch_workbook(data, "S", [CellWrite("B3", 1), CellWrite("A1", "x")])
    assert values(out) == {"A1": "x", "B3": 1}
    assert "<sheetData><row" in part(out, SHEET_PART)


def test_existing_empty_cell_keeps_its_style_and_other_attributes() -> None:
    data = sheet_of(
        '<row r="1"><c r="A1" s="2" ph="1"/><c r="B1" s="2" t="s" vm="1"><v>0</v></c></row>'
    )
    out, _, _ = patch_workbook(data, "S", [CellWrite("A1", D("1.5")), CellWrite("B1", 2)])
    xml = part(out, SHEET_PART)
    assert '<c r="A1" s="2" ph="1"><v>1.5</v></c>' in xml
    assert '<c r="B1" s="2"><v>2</v></c>' in xml  # the old type and value metadata went


def test_cells_without_r_attributes_are_placed_by_position() -> None:
    data = sheet_of("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>")
    out, changes, _ = patch_workbook(data, "S", [CellWrite("B1", 20), CellWrite("D2", 4)])
    assert [(c.ref, c.old) for c in changes] == [("B1", D(2)), ("D2", None)]
    assert values(out) == {"A1": 1, "B1": 20, "A2": 3, "D2": 4}


def test_prefixed_namespace_sheet() -> None:
    sheet = '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>'
    data = minimal_workbook(sheet, prefix="x:")
    out, _, _ = patch_workbook(data, "S", [CellWrite("B1", "teks"), CellWrite("A3", 3)])
    xml = part(out, SHEET_PART)
    assert '<x:c r="B1" t="inlineStr"><x:is><x:t>teks</x:t></x:is></x:c>' in xml
    assert '<x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row>' in xml
    assert values(out) == {"A1": 1, "B1": "teks", "A3": 3}


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1E+3"), "1000"),
        (D("1.50"), "1.5"),
        (D("-0.000"), "0"),
        (D("0.1"), "0.1"),
        (D("123456789.123456789"), "123456789.123456789"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-7, "0.0000001"),
        (1e16, "10000000000000000"),
        (2.5, "2.5"),
        (-3, "-3"),
        (7.0, "7"),
    ],
)
def test_numbers_are_written_exactly(value: Any, text: str) -> None:
    out, _, _ = patch_workbook(sheet_of(""), "S", [CellWrite("A1", value)])
    assert f'<c r="A1"><v>{text}</v></c>' in part(out, SHEET_PART)


def test_impossible_numbers_are_reported() -> None:
    writes = [
        CellWrite("A1", float("nan")),
        CellWrite("A2", D("1E+400")),
        CellWrite("A3", float("inf")),
    ]
    _, changes, problems = patch_workbook(sheet_of(""), "S", writes)
    assert changes == [] and [p.code for p in problems] == ["angka-tidak-sah"] * 3


def test_long_integers_warn_that_excel_keeps_15_digits() -> None:
    _, changes, problems = patch_workbook(sheet_of(""), "S", [CellWrite("A1", 196206201987031006)])
    assert len(changes) == 1
    assert [(p.code, p.severity) for p in problems] == [("angka-terlalu-panjang", Severity.WARNING)]


TEXTS = [
    "a & b < c > d \"kutip\" 'tunggal'",
    "=SUM(A1:A3)",
    "  spasi di tepi  ",
    "baris satu\nbaris dua",
    "tab\tdi tengah",
    "_x0041_ bukan kode",
    "Rp1.000.000,00 — ✓ 😀",
    "19620620 198703 1 006",
]


def test_text_round_trips_and_stays_text() -> None:
    writes = [CellWrite(f"A{i}", t) for i, t in enumerate(TEXTS, start=1)]
    out, _, _ = patch_workbook(sheet_of(""), "S", writes)
    expected = {f"A{i}": t for i, t in enumerate(TEXTS, start=1)}
    # openpyxl does not decode "_x005F_" in inline strings; Excel and LibreOffice do.
    expected["A6"] = "_x005F" + TEXTS[5]
    assert values(out, cached=False) == expected
    info = read_cells(out, "S", [w.ref for w in writes])
    assert [info[w.ref].value for w in writes] == TEXTS
    assert all(info[w.ref].formula is None for w in writes)


def test_control_characters_are_escaped_the_excel_way() -> None:
    text = "a\x01b\rc"
    out, _, _ = patch_workbook(sheet_of(""), "S", [CellWrite("A1", text)])
    xml = part(out, SHEET_PART)
    assert "<t>a_x0001_b&#13;c</t>" in xml
    assert read_cells(out, "S", ["A1"])["A1"].value == text


def test_booleans_and_clearing() -> None:
    data = sheet_of('<row r="1"><c r="A1" s="2"><v>5</v></c></row>')
    out, changes, _ = patch_workbook(data, "S", [CellWrite("A1", None), CellWrite("B1", True)])
    assert [(c.ref, c.old, c.new) for c in changes] == [("A1", D(5), None), ("B1", None, True)]
    xml = part(out, SHEET_PART)
    assert '<c r="A1" s="2"/>' in xml and '<c r="B1" t="b"><v>1</v></c>' in xml
    assert values(out) == {"B1": True}


def test_formulas_carry_their_cached_values() -> None:
    writes = [
        CellWrite("A1", D(4)),
        CellWrite("B1", D(8), formula="A1*2"),
        CellWrite("C1", "Tinggi", formula='IF(B1>5,"Tinggi","Rendah")'),
        CellWrite("D1", None, formula='IF(A1=0,1,"")'),
        CellWrite("E1", True, formula="A1>1"),
        CellWrite("F1", D(4), formula="=A1"),  # a leading "=" is tolerated
    ]
    out, _, _ = patch_workbook(sheet_of(""), "S", writes)
    xml = part(out, SHEET_PART)
    assert '<c r="C1" t="str"><f>IF(B1&gt;5,"Tinggi","Rendah")</f><v>Tinggi</v></c>' in xml
    assert '<c r="D1" t="str"><f>IF(A1=0,1,"")</f><v></v></c>' in xml
    assert values(out) == {"A1": 4, "B1": 8, "C1": "Tinggi", "E1": True, "F1": 4}
    assert values(out, cached=False)["F1"] == "=A1"
    frame = pd.read_excel(io.BytesIO(out), header=None)
    assert list(frame.iloc[0, :3]) == [4, 8, "Tinggi"]


def test_bad_requests_raise_input_errors(staff: bytes) -> None:
    with pytest.raises(IkuInputError, match="alamat sel"):
        patch_workbook(staff, SHEET, [CellWrite("K0", 1)])
    with pytest.raises(IkuInputError, match="alamat sel"):
        patch_workbook(staff, SHEET, [CellWrite("XFE1", 1)])
    with pytest.raises(IkuInputError, match="lebih dari sekali"):
        patch_workbook(staff, SHEET, [CellWrite("F9", 1), CellWrite("f9", 2)])
    with pytest.raises(IkuInputError, match="tidak ada"):
        patch_workbook(staff, "Tidak Ada", [CellWrite("A1", 1)])
    with pytest.raises(IkuInputError, match="tipe"):
        patch_workbook(staff, SHEET, [CellWrite("F9", object())])  # type: ignore[arg-type]
    with pytest.raises(IkuInputError, match="rumus"):
        patch_workbook(staff, SHEET, [CellWrite("F9", 1, formula="=")])


def test_sheet_names_are_found_through_relationships(staff: bytes) -> None:
    assert sheet_part_names(staff) == {
        SHEET: "xl/worksheets/sheet1.xml",
        "Rekap": "xl/worksheets/sheet2.xml",
        "Grafik": "xl/worksheets/sheet3.xml",
    }
    _, changes, _ = patch_workbook(staff, "pengukuran", [CellWrite("F9", 1)])
    assert changes[0].sheet == SHEET


def test_a_chartsheet_is_not_a_cell_sheet() -> None:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf)
    wb.add_worksheet("Data").write("A1", 1)
    chart = wb.add_chart({"type": "line"})
    chart.add_series({"values": "=Data!$A$1:$A$1"})
    wb.add_chartsheet("Bagan").set_chart(chart)
    wb.close()
    assert list(sheet_part_names(buf.getvalue())) == ["Data", "Bagan"]
    with pytest.raises(IkuInputError, match="grafik"):
        patch_workbook(buf.getvalue(), "Bagan", [CellWrite("A1", 1)])


# --------------------------------------------------------------------------- stale formulas


DEPENDENCY_SHEET = (
    "<sheetData>"
    '<row r="1"><c r="A1"><v>1</v></c>'
    '<c r="B1"><f>A1*2</f><v>2</v></c>'
    '<c r="C1"><f>B1+1</f><v>3</v></c>'
    '<c r="D1"><f>1+1</f><v>2</v></c>'
    '<c r="E1"><f>SUM(A1:A10)</f><v>6</v></c>'
    '<c r="F1"><f>SUM($A:$A)</f><v>6</v></c>'
    '<c r="G1"><f>SUM(Masukan)</f><v>6</v></c>'
    '<c r="H1"><f>INDIRECT("A"&amp;D1)</f><v>2</v></c>'
    '<c r="I1"><f t="shared" ref="I1:I3" si="0">A1*3</f><v>3</v></c>'
    '<c r="J1" t="str"><f>"A1 "&amp;S!A2</f><v>A1 2</v></c>'
    "<c r=\"K1\"><f>Lain!A1+'S'!A2</f><v>9</v></c></row>"
    '<row r="2"><c r="A2"><v>2</v></c><c r="I2"><f t="shared" si="0"/><v>6</v></c></row>'
    '<row r="3"><c r="A3"><v>3</v></c><c r="I3"><f t="shared" si="0"/><v>9</v></c></row>'
    "</sheetData>"
)
NAMES = '<definedNames><definedName name="Masukan">S!$A$1:$A$3</definedName></definedNames>'


def cleared_cells(problems: Iterable[Any]) -> set[str]:
    return {p.cell for p in problems if p.code == "nilai-rumus-dikosongkan"}


def test_cached_values_of_dependent_formulas_are_cleared() -> None:
    data = minimal_workbook(DEPENDENCY_SHEET, workbook_extra=NAMES)
    out, _, problems = patch_workbook(data, "S", [CellWrite("A1", 10)])
    assert cleared_cells(problems) == {"B1", "C1", "E1", "F1", "G1", "H1", "I1"}
    info = read_cells(out, "S", ["B1", "C1", "D1", "I1", "I2", "I3"])
    assert info["B1"].formula == "A1*2" and info["B1"].value is None
    assert info["D1"].value == D(2) and info["I2"].value == D(6) and info["I3"].value == D(9)
    assert "A1 2" in part(out, SHEET_PART)  # J1 reads A2 only; the "A1" in its text is a string
    _, _, problems = patch_workbook(data, "S", [CellWrite("A2", 20)])
    assert cleared_cells(problems) == {"E1", "F1", "G1", "H1", "I2", "J1", "K1"}
    _, _, problems = patch_workbook(data, "S", [CellWrite("A3", 30)])
    assert cleared_cells(problems) == {"E1", "F1", "G1", "H1", "I3"}


def test_without_force_recalc_nothing_else_changes() -> None:
    data = minimal_workbook(DEPENDENCY_SHEET, workbook_extra=NAMES)
    out, _, problems = patch_workbook(data, "S", [CellWrite("A1", 10)], force_recalc=False)
    assert problems == []
    assert part(out, "xl/workbook.xml") == part(data, "xl/workbook.xml")
    assert read_cells(out, "S", ["B1"])["B1"].value == D(2)


def test_formulas_on_other_sheets_that_read_changed_cells_are_reported(staff: bytes) -> None:
    _, _, problems = patch_workbook(staff, SHEET, fill_writes())
    other = [p for p in problems if p.code == "rumus-sheet-lain-usang"]
    assert [(p.sheet, p.cell, p.severity) for p in other] == [("Rekap", "B1", Severity.INFO)]
    _, _, problems = patch_workbook(staff, SHEET, [CellWrite("L9", "Tinggi")])
    assert not [p for p in problems if p.code == "rumus-sheet-lain-usang"]


def test_full_calc_on_load_is_set_in_workbook_xml() -> None:
    cases = {
        '<calcPr calcId="191029"/>': '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
        '<calcPr calcId="1" fullCalcOnLoad="0"></calcPr>': 'fullCalcOnLoad="1"></calcPr>',
        NAMES: NAMES + '<calcPr fullCalcOnLoad="1"/>',
        "": '</sheets><calcPr fullCalcOnLoad="1"/></workbook>',
        "<extLst/>": '<calcPr fullCalcOnLoad="1"/><extLst/>',
    }
    for extra, expected in cases.items():
        data = minimal_workbook("<sheetData/>", workbook_extra=extra)
        out, _, _ = patch_workbook(data, "S", [CellWrite("A1", 1)])
        assert expected in part(out, "xl/workbook.xml"), extra
        kept = [
            i.filename for i in members(data) if i.filename not in ("xl/workbook.xml", SHEET_PART)
        ]
        for name in kept:
            assert part(out, name) == part(data, name)
        assert openpyxl.load_workbook(io.BytesIO(out))["S"]["A1"].value == 1
    already = minimal_workbook("<sheetData/>", workbook_extra='<calcPr fullCalcOnLoad="true"/>')
    out, _, _ = patch_workbook(already, "S", [CellWrite("A1", 1)])
    assert raw_record(out, members(out)[2]) == raw_record(already, members(already)[2])


def with_calc_chain(data: bytes, cells: Iterable[str]) -> bytes:
    chain = (
        XML_DECLARATION
        + '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f'<c r="{ref}" i="1"/>' for ref in cells)
        + "</calcChain>"
    )
    types = part(data, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.calcChain+xml"/></Types>',
    )
    rels = part(data, "xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    )
    return with_parts(
        data,
        {
            "xl/calcChain.xml": chain,
            "[Content_Types].xml": types,
            "xl/_rels/workbook.xml.rels": rels,
        },
    )


def test_calc_chain_goes_only_when_a_formula_becomes_a_value(staff: bytes) -> None:
    first, _, _ = patch_workbook(staff, SHEET, [CellWrite("K9", D(50), formula="J9/E9*100")])
    data = with_calc_chain(first, ["J9", "K9", "E16"])
    kept, _, _ = patch_workbook(data, SHEET, fill_writes()[:4])
    assert "xl/calcChain.xml" in [i.filename for i in members(kept)]
    for old, new in zip(members(data), members(kept), strict=True):
        if old.filename != SHEET_PART:
            assert raw_record(data, old) == raw_record(kept, new)
    out, changes, _ = patch_workbook(data, SHEET, [CellWrite("K9", D(50), replace_formula=True)])
    assert [(c.old_formula, c.new_formula) for c in changes] == [("J9/E9*100", None)]
    names = [i.filename for i in members(out)]
    assert "xl/calcChain.xml" not in names
    assert "calcChain" not in part(out, "[Content_Types].xml")
    assert "calcChain" not in part(out, "xl/_rels/workbook.xml.rels")
    override = re.search(
        r'<Override PartName="/xl/calcChain.xml"[^>]*/>', part(data, "[Content_Types].xml")
    )
    assert override is not None
    assert part(out, "[Content_Types].xml") == part(data, "[Content_Types].xml").replace(
        override.group(0), ""
    )
    assert values(out, SHEET)["K9"] == 50


# --------------------------------------------------------------------------- shared, array


def test_shared_formula_master_and_array_cells_are_protected() -> None:
    sheet = (
        '<sheetData><row r="1"><c r="A1"><v>1</v></c>'
        '<c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>2</v></c>'
        '<c r="C1"><f t="array" ref="C1:C2">A1:A2*3</f><v>3</v></c>'
        '<c r="D1"><f t="array" ref="D1">A1*4</f><v>4</v></c></row>'
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c>'
        '<c r="C2"><v>6</v></c></row></sheetData>'
    )
    data = minimal_workbook(sheet)
    writes = [
        CellWrite("B1", 1, formula="A1", replace_formula=True),
        CellWrite("B2", 1, formula="A2", replace_formula=True),  # a child may be replaced
        CellWrite("C2", 1, replace_formula=True),
        CellWrite("D1", 5, formula="A1*5", replace_formula=True),  # a one-cell array: ours
    ]
    out, changes, problems = patch_workbook(data, "S", writes)
    assert [c.ref for c in changes] == ["B2", "D1"]
    errors = {(p.code, p.cell) for p in problems if p.severity is Severity.ERROR}
    assert errors == {("sel-rumus-bersama", "B1"), ("sel-rumus-larik", "C2")}
    info = read_cells(out, "S", ["B1", "C1", "C2"])
    assert info["B1"].shared_formula_master and info["C2"].array_formula == "C1:C2"
    _, _, problems = patch_workbook(data, "S", [CellWrite("A2", 9)])
    assert cleared_cells(problems) == {"B2", "C1", "C2"}  # the array's cells go with it


# --------------------------------------------------------------------------- hostile files


def test_files_that_are_not_workbooks_are_refused(staff: bytes) -> None:
    cases = {
        b"": "kosong",
        b"<html>bukan excel</html>": "bukan berkas Excel",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600): "kata sandi",
        staff[: len(staff) // 2]: "rusak",
        staff[:-10]: "rusak",
    }
    for data, message in cases.items():
        with pytest.raises(IkuFileError, match=message):
            patch_workbook(data, SHEET, [CellWrite("F9", 1)])


def central_record_at(data: bytes, name: str) -> int:
    """Where the central-directory record of member ``name`` starts."""
    for m in re.finditer(re.escape(b"PK\x01\x02"), data):
        if data[m.start() + 46 : m.start() + 46 + len(name)] == name.encode():
            return m.start()
    raise AssertionError(name)


def test_encrypted_members_and_odd_methods_are_refused(staff: bytes) -> None:
    at = central_record_at(staff, SHEET_PART)
    encrypted = bytearray(staff)
    encrypted[at + 8] |= 0x01
    with pytest.raises(IkuFileError, match="kata sandi"):
        patch_workbook(bytes(encrypted), SHEET, [CellWrite("F9", 1)])
    bzip2 = bytearray(staff)
    struct.pack_into("<H", bzip2, at + 10, 12)
    with pytest.raises(IkuFileError, match="kompresi"):
        patch_workbook(bytes(bzip2), SHEET, [CellWrite("F9", 1)])
    lying = bytearray(staff)
    size = struct.unpack_from("<L", lying, at + 24)[0]
    struct.pack_into("<L", lying, at + 24, size - 100)
    with pytest.raises(IkuFileError, match="rusak"):
        patch_workbook(bytes(lying), SHEET, [CellWrite("F9", 1)])


def test_limits_refuse_bombs_before_decompressing() -> None:
    bomb = with_parts(minimal_workbook("<sheetData/>"), {"xl/media/kosong.bin": bytes(12 * 2**20)})
    with pytest.raises(IkuFileError, match=r"mengembang .*Limits\.max_ratio"):
        patch_workbook(bomb, "S", [CellWrite("A1", 1)])
    small = minimal_workbook("<sheetData/>")
    with pytest.raises(IkuFileError, match=r"bagian, melebihi batas 3 \(Limits.max_members\)"):
        patch_workbook(small, "S", [CellWrite("A1", 1)], limits=Limits(max_members=3))
    with pytest.raises(IkuFileError, match=r"melebihi batas 0 MB \(Limits.max_member_bytes\)"):
        patch_workbook(small, "S", [CellWrite("A1", 1)], limits=Limits(max_member_bytes=100))
    with pytest.raises(IkuFileError, match=r"melebihi batas 0 MB \(Limits.max_total_bytes\)"):
        patch_workbook(small, "S", [CellWrite("A1", 1)], limits=Limits(max_total_bytes=1000))


def test_comments_and_byte_order_marks() -> None:
    sheet = minimal_workbook("<sheetData/>")
    commented = edit_part(
        sheet, SHEET_PART, lambda xml: xml.replace("<sheetData/>", "<!-- x --><sheetData/>")
    )
    with pytest.raises(IkuFileError, match="komentar"):
        patch_workbook(commented, "S", [CellWrite("A1", 1)])
    with_bom = with_parts(sheet, {SHEET_PART: b"\xef\xbb\xbf" + part(sheet, SHEET_PART).encode()})
    out, _, _ = patch_workbook(with_bom, "S", [CellWrite("A1", 1)])
    assert values(out) == {"A1": 1}


def test_dtd_and_entities_are_refused() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
    sheet = minimal_workbook("<sheetData/>")
    evil_sheet = edit_part(
        sheet,
        SHEET_PART,
        lambda xml: xml.replace(XML_DECLARATION, bomb),
    )
    with pytest.raises(IkuFileError, match="DOCTYPE"):
        patch_workbook(evil_sheet, "S", [CellWrite("A1", 1)])
    evil_book = edit_part(
        sheet,
        "xl/workbook.xml",
        lambda xml: xml.replace(XML_DECLARATION, bomb),
    )
    with pytest.raises(IkuFileError, match="DTD"):
        patch_workbook(evil_book, "S", [CellWrite("A1", 1)])
    xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    evil_rels = edit_part(
        sheet,
        "xl/_rels/workbook.xml.rels",
        lambda xml: xml.replace(XML_DECLARATION, xxe),
    )
    with pytest.raises(IkuFileError, match="DTD"):
        sheet_part_names(evil_rels)


# --------------------------------------------------------------------------- zip layouts


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek in: it then writes data descriptors after each member."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return self.buffer.write(data)


def rezipped(
    data: bytes,
    *,
    stream: bool = False,
    method: int = zipfile.ZIP_DEFLATED,
    zip64: bool = False,
    comment: bytes = b"",
) -> bytes:
    sink: Any = _Unseekable() if stream else io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(sink, "w", method) as dst:
        dst.comment = comment
        for info in src.infolist():
            target = zipfile.ZipInfo(info.filename, date_time=(2021, 3, 4, 5, 6, 8))
            target.compress_type = method
            target.external_attr = 0o640 << 16
            with dst.open(target, "w", force_zip64=zip64) as fh:
                fh.write(src.read(info.filename))
    return sink.buffer.getvalue() if stream else sink.getvalue()


def zip64_offsets(data: bytes) -> bytes:
    """The same zip with every central record's offset moved into a zip64 extra field."""
    end = data.rindex(b"PK\x05\x06")
    count, _, cd_offset = struct.unpack_from("<HLL", data, end + 10)
    records, pos = [], cd_offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack_from("<3H", data, pos + 28)
        size = 46 + name_len + extra_len + comment_len
        record = bytearray(data[pos : pos + size])
        offset = struct.unpack_from("<L", record, 42)[0]
        struct.pack_into("<L", record, 42, 0xFFFFFFFF)
        extra = struct.pack("<2HQ", 1, 8, offset)
        struct.pack_into("<H", record, 30, extra_len + len(extra))
        at = 46 + name_len + extra_len
        records.append(bytes(record[:at]) + extra + bytes(record[at:]))
        pos += size
    directory = b"".join(records)
    tail = bytearray(data[end:])
    struct.pack_into("<L", tail, 12, len(directory))
    return data[:cd_offset] + directory + bytes(tail)


@pytest.mark.parametrize(
    "layout",
    ["data-descriptors", "stored", "zip64-local-extra", "zip64-offsets", "comment"],
)
def test_zip_layouts_are_copied_and_stay_readable(staff: bytes, layout: str) -> None:
    data = {
        "data-descriptors": lambda: rezipped(staff, stream=True),
        "stored": lambda: rezipped(staff, method=zipfile.ZIP_STORED),
        "zip64-local-extra": lambda: rezipped(staff, zip64=True),
        "zip64-offsets": lambda: zip64_offsets(staff),
        "comment": lambda: rezipped(staff, comment=b"dibuat kantor"),
    }[layout]()
    out, changes, _ = patch_workbook(data, SHEET, fill_writes())
    assert len(changes) == len(fill_writes())
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert zf.testzip() is None
        assert zf.comment == (b"dibuat kantor" if layout == "comment" else b"")
    before, after = members(data), members(out)
    assert [zipinfo_fields(i)[:4] for i in before] == [zipinfo_fields(i)[:4] for i in after]
    for old, new in zip(before, after, strict=True):
        if old.filename != SHEET_PART:
            assert raw_record(data, old) == raw_record(out, new), old.filename
    assert values(out, SHEET)["F9"] == 10


# --------------------------------------------------------------------------- patch_file


def test_patch_file_writes_a_new_file_and_leaves_the_source(tmp_path: Path, staff: bytes) -> None:
    src, dst = tmp_path / "asli.xlsx", tmp_path / "hasil" / "isi.xlsx"
    src.write_bytes(staff)
    changes, problems = patch_file(src, dst, SHEET, fill_writes())
    assert src.read_bytes() == staff and len(changes) == len(fill_writes())
    assert values(dst.read_bytes(), SHEET)["F9"] == 10
    assert all(p.file == str(src) for p in problems)
    with pytest.raises(IkuFileError, match="--timpa"):
        patch_file(src, dst, SHEET, fill_writes())
    assert sorted(p.name for p in dst.parent.iterdir()) == ["isi.xlsx"]  # no temporary left


def test_patch_file_in_place(tmp_path: Path, staff: bytes) -> None:
    src = tmp_path / "asli.xlsx"
    src.write_bytes(staff)
    patch_file(src, src, SHEET, fill_writes(), overwrite=True)
    filled = src.read_bytes()
    assert values(filled, SHEET)["G9"] == 20.5
    inode = os.stat(src).st_ino
    changes, _ = patch_file(src, src, SHEET, fill_writes(), overwrite=True)
    assert changes == [] and os.stat(src).st_ino == inode and src.read_bytes() == filled


def test_patch_file_names_the_file_in_errors(tmp_path: Path) -> None:
    with pytest.raises(IkuFileError) as missing:
        patch_file(tmp_path / "tidak-ada.xlsx", tmp_path / "x.xlsx", SHEET, [])
    assert (
        "tidak ditemukan" in str(missing.value)
        and missing.value.path == tmp_path / "tidak-ada.xlsx"
    )
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 bukan zip")
    with pytest.raises(IkuFileError) as bad:
        patch_file(broken, tmp_path / "y.xlsx", SHEET, [])
    assert bad.value.path == broken and not (tmp_path / "y.xlsx").exists()


# --------------------------------------------------------------------------- property


BASE = sheet_of(
    "".join(
        f'<row r="{r}" spans="1:4"><c r="A{r}" s="2"><v>{r}</v></c>'
        f'<c r="C{r}" t="inlineStr"><is><t>t{r}</t></is></c></row>'
        for r in range(2, 21, 3)
    )
)
numbers = st.one_of(
    st.integers(min_value=-(10**14), max_value=10**14),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
    st.decimals(
        allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=6
    ),
)
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
cell_values = st.one_of(numbers, texts, st.booleans(), st.none())
refs = st.builds(lambda r, c: f"{'ABCDEFGH'[c]}{r}", st.integers(1, 25), st.integers(0, 7))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(refs, cell_values, min_size=1, max_size=12))
def test_random_writes_read_back(cells: dict[str, Any]) -> None:
    writes = [CellWrite(ref, value) for ref, value in cells.items()]
    out, _, problems = patch_workbook(BASE, "S", writes)
    assert not [p for p in problems if p.severity is Severity.ERROR]
    got = read_cells(out, "S", cells)
    by_openpyxl = values(out, cached=False)
    for ref, value in cells.items():
        info = got[ref]
        if value is None or value == "":
            assert info.kind == "empty" and ref not in by_openpyxl
        elif isinstance(value, bool):
            assert info.value is value and by_openpyxl[ref] is value
        elif isinstance(value, str):
            assert info.value == value and info.kind == "text"
            if (
                "_x" not in value
                and "\r" not in value
                and not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", value)
            ):
                assert by_openpyxl[ref] == value
        else:
            expected = D(repr(value)) if isinstance(value, float) else D(value)
            assert info.value == expected and info.kind == "number"
            assert by_openpyxl[ref] == pytest.approx(float(value), rel=1e-15, abs=0)
    untouched = {k: v for k, v in values(BASE, cached=False).items() if k not in cells}
    assert {k: v for k, v in by_openpyxl.items() if k not in cells} == untouched
    assert_rows_and_cells_in_order(part(out, SHEET_PART))


def assert_rows_and_cells_in_order(xml: str) -> None:
    """The sheet XML is well-formed, rows ascend, and cells ascend within each row."""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    root = ElementTree.fromstring(xml)
    numbers = [int(row.get("r", "0")) for row in root.iter(f"{main}row")]
    assert numbers == sorted(set(numbers))
    for row in root.iter(f"{main}row"):
        refs = [openpyxl.utils.cell.coordinate_from_string(c.get("r", "")) for c in row]
        columns = [openpyxl.utils.column_index_from_string(col) for col, _ in refs]
        assert columns == sorted(set(columns)) and {r for _, r in refs} <= {int(row.get("r", "0"))}


MUTATION_SOURCE = minimal_workbook(
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>'
    '<c r="B1"><f>A1&amp;"x"</f><v>ax</v></c></row></sheetData>'
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, len(MUTATION_SOURCE) - 1), st.integers(0, 255)), max_size=6)
)
def test_mutated_files_give_a_result_or_a_clear_error(flips: list[tuple[int, int]]) -> None:
    data = bytearray(MUTATION_SOURCE)
    for at, byte in flips:
        data[at] = byte
    try:
        out, _, _ = patch_workbook(bytes(data), "S", [CellWrite("C1", 1), CellWrite("A2", "b")])
    except (IkuFileError, IkuInputError) as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    if healthy(bytes(data)):  # a damaged member we do not edit is copied as it is
        assert healthy(out)


def healthy(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.testzip() is None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, KeyError, RuntimeError):
        return False


# --------------------------------------------------------------------------- LibreOffice


# UTF-8, raw values (not as shown), every sheet to its own file <name>-<sheet>.csv.
CSV_EVERY_SHEET = "44,34,76,1,,0,false,true,false,false,false,-1"


def libreoffice_csv(files: list[Path], tmp_path: Path) -> dict[str, list[list[str]]]:
    """Every sheet of every file as CSV rows, through one soffice call."""
    soffice = shutil.which("soffice")
    assert soffice is not None
    profile = tmp_path / f"lo-{uuid.uuid4().hex}"
    out = tmp_path / "csv"
    command = [
        "timeout", "-s", "KILL", "120", soffice, f"-env:UserInstallation={profile.as_uri()}",
        "--headless", "--convert-to", f"csv:Text - txt - csv (StarCalc):{CSV_EVERY_SHEET}",
        "--outdir", str(out), *map(str, files),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=150)
    return {
        path.stem: list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for path in sorted(out.glob("*.csv"))
    }


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak ada")
def test_libreoffice_opens_patched_files_and_shows_the_values(tmp_path: Path, staff: bytes) -> None:
    filled, _, _ = patch_workbook(staff, SHEET, fill_writes())
    (tmp_path / "isi.xlsx").write_bytes(filled)
    texts, _, _ = patch_workbook(
        sheet_of(""), "S", [CellWrite(f"A{i}", t) for i, t in enumerate(TEXTS, start=1)]
    )
    (tmp_path / "teks.xlsx").write_bytes(texts)
    chain = with_calc_chain(
        patch_workbook(staff, SHEET, [CellWrite("K9", D(50), formula="J9/E9*100")])[0], ["K9"]
    )
    (tmp_path / "rantai.xlsx").write_bytes(
        patch_workbook(chain, SHEET, [CellWrite("K9", D(7), replace_formula=True)])[0]
    )
    prefixed = minimal_workbook(
        '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>',
        prefix="x:",
    )
    (tmp_path / "awalan.xlsx").write_bytes(patch_workbook(prefixed, "S", [CellWrite("B2", 2)])[0])
    deps = minimal_workbook(DEPENDENCY_SHEET, workbook_extra=NAMES)
    (tmp_path / "rumus.xlsx").write_bytes(patch_workbook(deps, "S", [CellWrite("A1", 10)])[0])

    sheets = libreoffice_csv(sorted(tmp_path.glob("*.xlsx")), tmp_path)
    grid = sheets[f"isi-{SHEET}"]
    assert grid[8][5:12] == ["10", "20.5", "15", "30.25", "75.75", "94.69", "Sangat Tinggi"]
    assert grid[13][5:9] == ["60", "20.5", "15", "30.25"]
    assert grid[15][9] == "604.5"  # SUM(TotalRealisasi): 6 * 65.75 + 10 * (1 + ... + 6)
    assert [row[0] for row in sheets["teks-S"]] == TEXTS
    assert sheets["rantai-" + SHEET][8][10] == "7"
    assert sheets["awalan-S"][1][1] == "2"
    assert sheets["rumus-S"][0][:9] == ["10", "20", "21", "2", "15", "15", "15", "2", "30"]


def test_reader_and_patcher_resolve_a_percent_escaped_target_to_the_same_part(
    tmp_path: Path,
) -> None:
    # A sheet part named "sheet 1.xml", its relationship written "sheet%201.xml" as the URI
    # rules want: both must find it (they once resolved targets each their own way).
    data = minimal_workbook('<sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData>')
    sheet = part(data, "xl/worksheets/sheet1.xml")
    data = with_parts(data, {"xl/worksheets/sheet1.xml": None, "xl/worksheets/sheet 1.xml": sheet})
    data = edit_part(
        data, "xl/_rels/workbook.xml.rels", lambda x: x.replace("sheet1.xml", "sheet%201.xml")
    )
    before = tmp_path / "spasi.xlsx"
    before.write_bytes(data)
    assert load_grids(before)[0].value(1, 1) == 5
    patched, changes, _ = patch_workbook(data, "S", [CellWrite("A1", D(7))])
    assert [c.ref for c in changes] == ["A1"]
    after = tmp_path / "spasi_isi.xlsx"
    after.write_bytes(patched)
    assert load_grids(after)[0].value(1, 1) == 7
