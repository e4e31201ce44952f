"""The lampiran writer: the Legok sheets hold the seed's tables cell for cell, and the workbook
has the print set-up, number formats and signatory block an official lampiran needs.

Expectations come from the seed text (tests/data/seed_legok_2020.txt, via tests/seed.py and the
parser below) or are typed by hand; never from the writer's own output."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
import seed
from helpers_xlsx import find, load, merged, normalize, row_values, sheet_xml
from legok import LEGOK_2020
from openpyxl.worksheet.worksheet import Worksheet

from iku_excel.errors import IkuInputError
from iku_excel.model import (
    Dokumen,
    Identitas,
    Indikator,
    Kegiatan,
    Penandatangan,
    Peran,
    Program,
    Rentang,
    Sasaran,
    TargetIndikator,
    TargetSasaran,
)
from iku_excel.read.workbook import read_workbook
from iku_excel.write import JenisLampiran, Kertas, available, build_lampiran

D = Decimal
SEED_NIP = re.search(r"NIP\. (\d{18})", seed.seed_text()).group(1)  # type: ignore[union-attr]


@cache
def legok(jenis: str, kertas: str = "F4") -> bytes:
    return build_lampiran(LEGOK_2020, jenis, kertas=kertas)


@cache
def sheet(jenis: str, *, values: bool = False, kertas: str = "F4") -> Worksheet:
    """The first sheet of a Legok lampiran, loaded once (tests only read it)."""
    return load(legok(jenis, kertas), values=values).worksheets[0]


def header_row(ws: Worksheet, first_header: str) -> int:
    return find(ws, first_header).row


# ---------------------------------------------------------------------- the IKU sheet


def iku_table(ws: Worksheet) -> list[tuple[str, ...]]:
    """(sasaran no, sasaran, indikator, satuan, alasan, formulasi, sumber data) per indicator row;
    NO and SASARAN carried down over their merged rows."""
    top = header_row(ws, "NO") + 2
    rows: list[tuple[str, ...]] = []
    no = sasaran = ""
    for r in range(top, ws.max_row + 1):
        cells = row_values(ws, r, 1, 8)
        if not cells[2]:
            break
        if cells[0]:
            no, sasaran = str(cells[0]), str(cells[1])
        rows.append((no, sasaran, *(str(c or "") for c in cells[2:7])))
    return rows


def test_iku_sheet_holds_the_seed_table_cell_for_cell() -> None:
    expected = [
        (f"{i.sasaran_no}.", i.sasaran, i.uraian, i.satuan, i.alasan, i.formulasi, i.sumber_data)
        for i in seed.iku_rows()
    ]
    # The brief says 9 indicators; the seed's table holds 10 (2 + 3 + 2 + 1 + 1 + 1).
    assert len(expected) == 10
    assert iku_table(sheet("iku")) == expected


def test_iku_sheet_has_six_sasaran_numbered_alike() -> None:
    numbers = [row[0] for row in iku_table(sheet("iku"))]
    assert list(dict.fromkeys(numbers)) == ["1.", "2.", "3.", "4.", "5.", "6."]


def test_iku_kop_lampiran_block_and_title() -> None:
    ws = sheet("iku")
    assert [ws["A1"].value, ws["A2"].value] == ["PEMERINTAH KABUPATEN TANGERANG", "KECAMATAN LEGOK"]
    assert ws["A3"].value == "Jl. Alun-alun Timur No. 01 Caringin, Legok Kabupaten Tangerang"
    assert ws["A3"].border.bottom.style == "double"  # the kop's rule
    lampiran = find(ws, "Lampiran")
    r, c = lampiran.row, lampiran.column
    assert [ws.cell(r + i, c).value for i in range(3)] == ["Lampiran", "Nomor", "Tanggal"]
    assert [ws.cell(r + i, c + 1).value for i in range(3)] == [
        ": Keputusan Plt. CAMAT LEGOK",
        ": 900/ -Kec.Lgk/2020",
        ": Januari 2020",
    ]
    assert c >= 6  # at the right of the page
    title = find(ws, "INDIKATOR KINERJA UTAMA (IKU)")
    below = [ws.cell(title.row + i, 1).value for i in range(3)]
    assert below == ["INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN LEGOK", "KABUPATEN TANGERANG"]
    assert title.font.b and title.alignment.horizontal == "center"
    assert f"A{title.row}:H{title.row}" in merged(ws)


def test_iku_header_is_two_rows_with_penjelasan_merged() -> None:
    ws = sheet("iku")
    top = header_row(ws, "NO")
    first = [normalize(v) for v in row_values(ws, top, 1, 8)]
    second = [normalize(v) for v in row_values(ws, top + 1, 1, 8)]
    assert first == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "PENJELASAN",
        "",
        "",
        "KETERANGAN/KRITERIA",
    ]
    assert second[4:7] == ["ALASAN", "FORMULASI/CARA PENGUKURAN", "SUMBER DATA"]
    spans = merged(ws)
    assert f"E{top}:G{top}" in spans
    for col in "ABCDH":
        assert f"{col}{top}:{col}{top + 1}" in spans
    assert ws.print_title_rows == f"${top}:${top + 1}"


def test_iku_no_and_sasaran_span_their_indicators() -> None:
    ws = sheet("iku")
    top = header_row(ws, "NO") + 2
    spans = merged(ws)
    # sasaran 1: 2 indicators, 2: 3, 3: 2, then three of one indicator each
    assert f"A{top}:A{top + 1}" in spans and f"B{top}:B{top + 1}" in spans
    assert f"A{top + 2}:A{top + 4}" in spans and f"B{top + 2}:B{top + 4}" in spans
    assert f"A{top + 5}:A{top + 6}" in spans
    assert not any(s.startswith(f"A{top + 7}:") for s in spans)
    assert ws[f"A{top + 7}"].value == "4."


# ---------------------------------------------------------------------- the target sheet


def _amount(text: str) -> int:
    return int(text.replace(",", "").replace(".", ""))


@cache
def seed_target_entries() -> list[tuple[object, ...]]:
    """The seed's target table as entries in order: ("sasaran", no, uraian, indikator, target),
    ("program", name, target, anggaran), ("kegiatan", no, name, target, anggaran)."""
    text = seed.seed_text()
    body = text[text.index("1\t2\t3\t4\t5\t6\t7\t8") : text.index("Legok, Januari 2020")]
    entries: list[tuple[object, ...]] = []
    for line in body.splitlines()[1:]:
        cells = [c.strip() for c in line.split("\t")]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if len(cells) > 1 and cells[1].startswith("Meningkatnya"):
            target = cells[3]
            entries.append(("sasaran", cells[0], cells[1], cells[2], target))
            filled = [c for c in cells[4:] if c and c != "-"]
        program = next((i for i, c in enumerate(filled) if "Program " in c), None)
        if program is not None:
            name = filled[program].removeprefix("- ")
            target, amount = filled[program + 1 :][:2]
            entries.append(("program", name, target, _amount(amount)))
            continue
        numbered = re.fullmatch(r"(\d+) (.+)", filled[0])
        no, rest = (numbered.groups(), filled[1:]) if numbered else ((filled[0],), filled[1:])
        if numbered is None:
            no, rest = (filled[0], filled[1]), filled[2:]
        entries.append(("kegiatan", *no, rest[0], _amount(rest[1])))
    return entries


def _shown(value: object, number_format: str) -> str:
    """A target cell as the seed prints it."""
    if isinstance(value, (int, float)) and number_format.endswith("%"):
        return f"{value * 100:g}%"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def target_entries(ws: Worksheet) -> list[tuple[object, ...]]:
    """The sheet's table read back as the same entries as ``seed_target_entries``."""
    top = header_row(ws, "NO") + 2
    entries: list[tuple[object, ...]] = []
    for r in range(top, ws.max_row + 1):
        a, b, c, d, e, f, g, h = (ws.cell(r, col) for col in range(1, 9))
        if a.value == "JUMLAH":
            break
        if a.value:
            entries.append(("sasaran", a.value, b.value, c.value, _shown(d.value, d.number_format)))
        if e.value:
            name = str(e.value).removeprefix("- ")
            entries.append(("program", name, _shown(g.value, g.number_format), h.value))
        if f.value:
            no, name = str(f.value).split(" ", 1)
            entries.append(("kegiatan", no, name, _shown(g.value, g.number_format), h.value))
    return entries


def test_target_sheet_holds_the_seed_table_cell_for_cell() -> None:
    expected = seed_target_entries()
    kinds = [e[0] for e in expected]
    assert kinds.count("sasaran") == 3 and kinds.count("program") == 4
    assert kinds.count("kegiatan") == 12
    assert target_entries(sheet("target", values=True)) == expected


def test_target_amounts_are_the_seed_amounts_in_order() -> None:
    entries = target_entries(sheet("target", values=True))
    amounts = [e[-1] for e in entries if e[0] != "sasaran"]
    assert amounts == [int(a) for a in seed.target_anggaran_amounts()]


def test_target_title_header_and_column_numbers() -> None:
    ws = sheet("target")
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == [
        "TARGET INDIKATOR KINERJA UTAMA (IKU)",
        "OPD KECAMATAN LEGOK KABUPATEN TANGERANG",
        "TAHUN ANGGARAN 2020",
    ]
    top = header_row(ws, "NO")
    assert row_values(ws, top, 1, 8) == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "TARGET",
        "PROGRAM",
        "KEGIATAN",
        "Target",
        "ANGGARAN",
    ]
    assert row_values(ws, top + 1, 1, 8) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert ws.print_title_rows == f"${top}:${top + 1}"  # the number row repeats too


def test_program_anggaran_is_a_sum_of_its_kegiatan_with_its_value() -> None:
    formulas, values = sheet("target"), sheet("target", values=True)
    top = header_row(formulas, "NO") + 2
    programs = [r for r in range(top, formulas.max_row + 1) if formulas.cell(r, 5).value]
    assert len(programs) == 4
    for r in programs:
        formula = formulas.cell(r, 8).value
        kegiatan = []
        k = r + 1
        while formulas.cell(k, 6).value and not formulas.cell(k, 5).value:
            kegiatan.append(k)
            k += 1
        first, last = kegiatan[0], kegiatan[-1]
        assert formula == (f"=SUM(H{first})" if first == last else f"=SUM(H{first}:H{last})")
        assert values.cell(r, 8).value == sum(values.cell(i, 8).value for i in kegiatan)
        assert formulas.cell(r, 8).number_format == "#,##0"


def test_target_jumlah_row_sums_the_programs() -> None:
    formulas, values = sheet("target"), sheet("target", values=True)
    jumlah = find(formulas, "JUMLAH")
    top = header_row(formulas, "NO") + 2
    programs = [r for r in range(top, jumlah.row) if formulas.cell(r, 5).value]
    assert formulas.cell(jumlah.row, 8).value == "=SUM(" + ",".join(f"H{r}" for r in programs) + ")"
    assert values.cell(jumlah.row, 8).value == 10_775_000_000 + 1_907_048_100 + 1_032_455_000 + (
        200_000_000
    )
    assert f"A{jumlah.row}:G{jumlah.row}" in merged(formulas)


def test_target_indicator_targets_are_numbers_with_formats() -> None:
    ws = sheet("target")
    top = header_row(ws, "NO") + 2
    assert (ws.cell(top, 4).value, ws.cell(top, 4).number_format) == (0.6, "0%")
    ikm = find(ws, "Indeks Kepuasan Masyarakat")
    assert (ws.cell(ikm.row, 4).value, ws.cell(ikm.row, 4).number_format) == (90, "#,##0")
    # output targets with a unit stay the text shown; bare numbers are numbers
    assert find(ws, "65 Titik").data_type == "s"
    assert find(ws, "2.345 Lembar").data_type == "s"
    inovasi = find(ws, "1 Pengembangan Inovasi di Kecamatan")
    assert ws.cell(inovasi.row, 7).value == 1 and ws.cell(inovasi.row, 7).data_type == "n"


def test_target_place_and_date_above_the_signatory() -> None:
    ws = sheet("target")
    place = find(ws, "Legok, Januari 2020")
    assert ws.cell(place.row + 1, place.column).value == "Plt. CAMAT LEGOK"
    assert place.row > find(ws, "JUMLAH").row


# ---------------------------------------------------------------------- signatory block


@pytest.mark.parametrize("jenis", ["iku", "target", "pk"])
def test_signatory_block_is_whole_and_typed_right(jenis: str) -> None:
    ws = sheet(jenis)
    name = find(ws, "Drs. TISNA HAMBALI R, SH,M.Si")
    col = name.column
    assert name.font.b and name.font.u == "single"
    jabatan = find(ws, "Plt. CAMAT LEGOK")
    assert jabatan.column == col
    blank = list(range(jabatan.row + 1, name.row))
    assert len(blank) == 4  # signature and stamp
    assert all(ws.cell(r, col).value is None for r in blank)
    assert all(ws.row_dimensions[r].height == 18 for r in blank)
    assert ws.cell(name.row + 1, col).value == "Pembina Tk.1 / IV.b"
    nip = ws.cell(name.row + 2, col)
    assert nip.value == f"NIP. {SEED_NIP}" and nip.data_type == "s"
    assert len(SEED_NIP) == 18
    assert jabatan.column > 2 and name.alignment.horizontal == "center"  # right half of the page
    # no manual page break inside the block
    breaks = [b.id for b in ws.row_breaks.brk]
    assert not any(jabatan.row - 1 < b < nip.row for b in breaks)


def test_iku_signature_is_dated_where_the_decree_was_made() -> None:
    ws = sheet("iku")
    place = find(ws, "Tangerang, Januari 2020")
    assert ws.cell(place.row + 1, place.column).value == "Plt. CAMAT LEGOK"


# ---------------------------------------------------------------------- the PK sheet


def test_pk_tables_and_jumlah() -> None:
    ws, values = sheet("pk"), sheet("pk", values=True)
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == [
        "PERJANJIAN KINERJA TAHUN 2020",
        "KECAMATAN LEGOK",
        "KABUPATEN TANGERANG",
    ]
    top = header_row(ws, "No")
    assert row_values(ws, top, 1, 4) == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
    first = ws.cell(top + 1, 4)
    assert (first.value, first.number_format) == (0.6, "0%")
    ikm = find(ws, "Indeks Kepuasan Masyarakat")
    assert ws.cell(ikm.row, 4).value == 90  # Indeks: no unit after the number
    program_head = find(ws, "Program")
    assert ws.cell(program_head.row, 4).value == "Anggaran (Rp)"
    jumlah = find(ws, "Jumlah")
    r0 = program_head.row + 1
    assert ws.cell(jumlah.row, 4).value == f"=SUM(D{r0}:D{jumlah.row - 1})"
    assert values.cell(jumlah.row, 4).value == 13_914_503_100
    assert [ws.cell(r, 2).value for r in range(r0, jumlah.row)] == [
        p.nama for p in LEGOK_2020.program
    ]


def test_pk_without_pihak_kedua_leaves_a_dotted_block() -> None:
    ws = sheet("pk")
    kedua, pertama = find(ws, "PIHAK KEDUA,"), find(ws, "PIHAK PERTAMA,")
    assert kedua.row == pertama.row and kedua.column < pertama.column  # side by side, left
    assert set(str(ws.cell(kedua.row + 1, kedua.column).value)) == {"."}
    dotted = [v for _, v in _column_below(ws, kedua.row, kedua.column) if v]
    assert dotted[-1].startswith("(....") and dotted[-1].endswith(")")
    assert find(ws, "Legok, Januari 2020").row == pertama.row - 1  # place and date on the right


def _column_below(ws: Worksheet, row: int, col: int) -> list[tuple[int, object]]:
    return [(r, ws.cell(r, col).value) for r in range(row, ws.max_row + 1)]


def test_pk_with_a_bupati_as_pihak_kedua_has_no_nip_line() -> None:
    bupati = Penandatangan("BUPATI TANGERANG", "A. ZAKI ISKANDAR", peran=Peran.PIHAK_KEDUA)
    camat = replace(LEGOK_2020.penandatangan[0], peran=Peran.PIHAK_PERTAMA)
    dokumen = replace(LEGOK_2020, penandatangan=(bupati, camat))
    ws = load(build_lampiran(dokumen, "pk")).worksheets[0]
    name = find(ws, "A. ZAKI ISKANDAR")
    assert name.font.b and name.font.u == "single"
    assert find(ws, "BUPATI TANGERANG").column == name.column
    assert all(v is None for _, v in _column_below(ws, name.row + 1, name.column))
    assert find(ws, f"NIP. {SEED_NIP}").column > name.column


@pytest.mark.parametrize(
    ("target", "satuan", "value", "fmt"),
    [
        (D("60"), "%", 0.6, "0%"),
        (D("62.5"), "%", 0.625, "0.0%"),
        (D("65"), "Titik", 65, '#,##0" Titik"'),
        (D("88.4"), "Indeks", 88.4, "#,##0.0"),
        (Rentang(D("80"), D("90")), "%", "80 - 90%", "General"),
    ],
)
def test_pk_target_formats(target: object, satuan: str, value: object, fmt: str) -> None:
    dokumen = Dokumen(
        identitas=Identitas(instansi="KECAMATAN X", tahun=2021),
        sasaran=(Sasaran("1", "S", (Indikator("I", satuan=satuan, target=target),)),),  # type: ignore[arg-type]
    )
    ws = load(build_lampiran(dokumen, "pk")).worksheets[0]
    cell = ws.cell(find(ws, "I").row, 4)
    assert (cell.value, cell.number_format) == (value, fmt)


# ---------------------------------------------------------------------- print set-up


@pytest.mark.parametrize("jenis", ["iku", "target", "pk"])
@pytest.mark.parametrize(("kertas", "paper"), [("F4", 14), ("A4", 9), ("Legal", 5)])
def test_page_setup(jenis: str, kertas: str, paper: int) -> None:
    ws = sheet(jenis, kertas=kertas)
    ps = ws.page_setup
    assert ps.orientation == "landscape"
    assert int(ps.paperSize) == paper
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ps.fitToWidth or 1) == 1 and ps.fitToHeight == 0  # 1 page wide, as long as needed
    last_col = {"iku": "H", "target": "H", "pk": "D"}[jenis]
    assert re.fullmatch(rf"'.+'!\$A\$1:\${last_col}\$\d+", ws.print_area)
    assert "Halaman &P dari &N" in ws.oddFooter.center.text
    assert ws.print_options.horizontalCentered
    assert (ws.page_margins.left, ws.page_margins.bottom) == (0.5, 0.6)


@pytest.mark.parametrize("kertas", ["F4", "A4", "Legal"])
def test_columns_fill_the_printable_width(kertas: str) -> None:
    long_side = {"F4": 13.0, "A4": 297 / 25.4, "Legal": 14.0}[kertas]
    printable_px = (long_side - 1.0) * 96
    for jenis in ("iku", "target", "pk"):
        ws = sheet(jenis, kertas=kertas)
        widths = []
        for dim in ws.column_dimensions.values():
            if dim.width:
                span = (dim.max or 1) - (dim.min or 1) + 1
                widths += [round(dim.width * 7)] * span  # file widths are pixels / 7
        total = sum(widths)
        assert 0.97 * printable_px <= total <= printable_px, (jenis, total, printable_px)


def test_every_row_has_an_explicit_height() -> None:
    for jenis in ("iku", "target", "pk"):
        ws = sheet(jenis)
        last = int(ws.print_area.rsplit("$", 1)[1])
        assert all(ws.row_dimensions[r].height for r in range(1, last + 1)), jenis


# ---------------------------------------------------------------------- values and safety


def test_text_that_looks_like_a_formula_stays_text() -> None:
    tricky = ("=SUM(A1:A9)", "+62 812", "-5 kasus", "@admin")
    dokumen = Dokumen(
        sasaran=(
            Sasaran("1", tricky[0], tuple(Indikator(t, alasan=t, satuan="%") for t in tricky)),
        ),
        penandatangan=(Penandatangan("=CAMAT", "=NAMA", nip="196206201987031006"),),
    )
    data = build_lampiran(dokumen, "iku")
    ws = load(data).worksheets[0]
    for text in tricky:
        cell = find(ws, text)
        assert cell.data_type == "s", text
    assert "<f>" not in sheet_xml(data, 1)  # no formula anywhere in this sheet
    nip = find(ws, "NIP. 196206201987031006")
    assert nip.data_type == "s"


def test_money_keeps_every_digit_and_sen() -> None:
    program = Program(
        nama="Program P",
        kegiatan=(
            Kegiatan("1", "K1", anggaran=D("123456789012")),
            Kegiatan("2", "K2", anggaran=D("1500000000.50")),
        ),
    )
    dokumen = Dokumen(target_anggaran=(TargetSasaran("1", "S", program=(program,)),))
    values = load(build_lampiran(dokumen, "target"), values=True).worksheets[0]
    k1 = find(values, "1 K1")
    assert values.cell(k1.row, 8).value == 123456789012
    assert values.cell(k1.row + 1, 8).value == 1500000000.5
    assert values.cell(k1.row, 8).number_format == "#,##0.00"  # one sen shown, all shown
    assert values.cell(k1.row - 1, 8).value == 124956789012.5


def test_program_figure_that_disagrees_with_its_kegiatan_is_printed_as_typed() -> None:
    program = Program(
        nama="Program P",
        anggaran=D("999"),
        kegiatan=(Kegiatan("1", "K1", anggaran=D("100")), Kegiatan("2", "K2", anggaran=D("200"))),
    )
    dokumen = Dokumen(target_anggaran=(TargetSasaran("1", "S", program=(program,)),))
    ws = load(build_lampiran(dokumen, "target")).worksheets[0]
    cell = ws.cell(find(ws, "- Program P").row, 8)
    assert (cell.data_type, cell.value) == ("n", 999)


def test_pk_prints_no_partial_sum_for_a_program_with_a_kegiatan_amount_missing() -> None:
    # 100 + (blank) is not the program's anggaran: the PK, which shows no kegiatan, leaves it
    # blank as the calculator does, instead of printing 100 as if it were the total
    partial = Program(
        nama="Program Sebagian",
        kegiatan=(Kegiatan("1", "K1", anggaran=D("100")), Kegiatan("2", "K2")),
    )
    whole = Program(
        nama="Program Lengkap",
        kegiatan=(Kegiatan("1", "K3", anggaran=D("100")), Kegiatan("2", "K4", anggaran=D("200"))),
    )
    dokumen = Dokumen(target_anggaran=(TargetSasaran("1", "S", program=(partial, whole)),))
    ws = load(build_lampiran(dokumen, "pk"), values=True).worksheets[0]
    assert ws.cell(find(ws, "Program Sebagian").row, 4).value is None
    assert ws.cell(find(ws, "Program Lengkap").row, 4).value == 300


def test_sasaran_without_indicators_and_missing_values_still_print() -> None:
    dokumen = Dokumen(
        sasaran=(Sasaran("1", "Tanpa indikator"), Sasaran("2", "S2", (Indikator("I2"),))),
        target_anggaran=(
            TargetSasaran("1", "T", (TargetIndikator("X", target="80-90", nilai=None),)),
        ),
    )
    data = build_lampiran(dokumen)
    wb = load(data)
    assert wb.sheetnames == ["IKU", "Target IKU", "Perjanjian Kinerja"]
    assert find(wb["IKU"], "Tanpa indikator").row < find(wb["IKU"], "S2").row
    assert find(wb["Target IKU"], "80-90").data_type == "s"
    dotted = find(wb["IKU"], "(" + "." * 40 + ")")  # no signatory: dotted lines to fill by hand
    assert dotted.column > 1


def test_bytes_are_reproducible() -> None:
    assert build_lampiran(LEGOK_2020, "semua") == build_lampiran(LEGOK_2020, "semua")


def test_first_call_of_a_process_gives_the_same_bytes(tmp_path: Path) -> None:
    # XlsxWriter once wrote into the shared options dict, so only the first call differed.
    script = (
        "import sys; from iku_excel.write import build_lampiran; "
        "from legok import LEGOK_2020; "
        "sys.stdout.buffer.write(build_lampiran(LEGOK_2020, 'semua'))"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, cwd=Path(__file__).parent
    )
    assert fresh.stdout == build_lampiran(LEGOK_2020, "semua")


def test_metadata_from_the_instansi() -> None:
    props = load(legok("iku")).properties
    assert props.creator == "KECAMATAN LEGOK"
    assert props.title == "Lampiran IKU KECAMATAN LEGOK KABUPATEN TANGERANG 2020"
    assert props.created is not None and props.created.year == 2000


def test_semua_writes_one_sheet_per_jenis_with_data() -> None:
    wb = load(build_lampiran(LEGOK_2020, JenisLampiran.SEMUA))
    assert wb.sheetnames == [
        "IKU",
        "Target IKU",
        "Perjanjian Kinerja",
        "Pengukuran Kinerja",
        "Grafik Capaian",
    ]
    only_iku = Dokumen(sasaran=tuple(replace(s, indikator=()) for s in LEGOK_2020.sasaran))
    assert available(only_iku) == [JenisLampiran.IKU, JenisLampiran.PK]
    assert JenisLampiran.PENGUKURAN in available(Dokumen(sasaran=LEGOK_2020.sasaran))


@pytest.mark.parametrize(
    ("jenis", "kertas", "message"),
    [
        ("rekap", "F4", "jenis lampiran tidak dikenal"),
        ("iku", "B5", "kertas tidak dikenal"),
    ],
)
def test_bad_options_raise_input_errors(jenis: str, kertas: str, message: str) -> None:
    with pytest.raises(IkuInputError, match=message):
        build_lampiran(LEGOK_2020, jenis, kertas=kertas)


def test_document_without_the_data_raises() -> None:
    with pytest.raises(IkuInputError, match="target dan anggaran"):
        build_lampiran(Dokumen(sasaran=LEGOK_2020.sasaran), "target")
    with pytest.raises(IkuInputError):
        build_lampiran(Dokumen(), "semua")


def test_kertas_accepts_what_users_type() -> None:
    assert build_lampiran(LEGOK_2020, "iku", kertas="legal") == legok("iku", "Legal")
    assert Kertas.parse("folio") is Kertas.F4


# ---------------------------------------------------------------------- read back by our reader


def _read_back(jenis: str, tmp_path: Path) -> Dokumen:
    path = tmp_path / f"lampiran_{jenis}.xlsx"
    path.write_bytes(legok(jenis))
    return read_workbook(path).dokumen


def _without_realisasi(program: Program) -> Program:
    kegiatan = tuple(replace(k, realisasi_anggaran=None) for k in program.kegiatan)
    return replace(program, realisasi_anggaran=None, kegiatan=kegiatan)


def test_reader_reads_the_target_sheet_back_to_the_same_model(tmp_path: Path) -> None:
    dokumen = _read_back("target", tmp_path)
    expected = tuple(
        replace(t, program=tuple(_without_realisasi(p) for p in t.program))
        for t in LEGOK_2020.target_anggaran
    )
    assert dokumen.target_anggaran == expected
    assert dokumen.penandatangan == LEGOK_2020.penandatangan
    assert (dokumen.identitas.tahun, dokumen.identitas.tempat) == (2020, "Legok")


def test_reader_reads_the_iku_sheet_back_to_the_same_model(tmp_path: Path) -> None:
    dokumen = _read_back("iku", tmp_path)
    fields = ("uraian", "satuan", "alasan", "formulasi", "sumber_data", "keterangan")
    expected = [tuple(getattr(i, f) for f in fields) for i in LEGOK_2020.indikator]
    assert [tuple(getattr(i, f) for f in fields) for i in dokumen.indikator] == expected
    assert [(s.no, s.uraian) for s in dokumen.sasaran] == [
        (s.no, s.uraian) for s in LEGOK_2020.sasaran
    ]


def test_reader_reads_the_pk_sheet_back(tmp_path: Path) -> None:
    dokumen = _read_back("pk", tmp_path)
    assert [(i.uraian, i.target) for i in dokumen.indikator] == [
        (i.uraian, i.target) for i in LEGOK_2020.indikator
    ]
    pertama = dokumen.signatory(Peran.PIHAK_PERTAMA)
    assert pertama is not None and pertama.nip == SEED_NIP


def test_reader_skips_the_dotted_pihak_kedua(tmp_path: Path) -> None:
    assert _read_back("pk", tmp_path).signatory(Peran.PIHAK_KEDUA) is None


def test_reader_reads_the_pengukuran_sheet_back(tmp_path: Path) -> None:
    dokumen = _read_back("pengukuran", tmp_path)
    assert [(i.uraian, i.target, i.realisasi) for i in dokumen.indikator] == [
        (i.uraian, i.target, i.realisasi) for i in LEGOK_2020.indikator
    ]
    assert dokumen.signatory() == LEGOK_2020.penandatangan[0]
