"""``build_rekap``: many kecamatan workbooks in wild layouts consolidated into one.

The sources are built here, each in a different hand-made layout (merged or blank-below
sasaran, a table that starts in column B, percentages stored as fractions, a missing TW IV,
one sasaran worded differently), plus one broken file. Every number checked below was worked
out by hand from those sources, not copied from the code's output:

KECAMATAN A  S1 IKM 84/80 = 105.00; tepat waktu 81/90 = 90.00 -> 97.50
             S2 musrenbang 3+3+3+3 = 12/12 = 100.00 -> 100.00; rata-rata 98.75
KECAMATAN B  S1 IKM 72/80 = 90.00; tepat waktu 63/90 = 70.00 -> 80.00
             S2 musrenbang 2+2+2+3 = 9/12 = 75.00 -> 75.00; rata-rata 77.50
KECAMATAN C  S1 ("kwalitas") IKM 80/80 = 100.00; tepat waktu 85.5/90 = 95.00 -> 97.50
             S2 12/12 = 100.00 -> 100.00; rata-rata 98.75 (tied with A)
KECAMATAN D  S1 IKM 64/80 = 80.00; tepat waktu: TW IV empty -> not computable -> 80.00
             S3 trantibum 60/100 = 60.00 -> 60.00; rata-rata 70.00
Ranks: A 1, B 3, C 1, D 4 (A and C share 1, so no 2).
Predikat (LKjIP: >= 91, 76, 66, 51): 105, 100, 95 Sangat Tinggi; 90, 80 Tinggi; 75, 70 Sedang;
60 Rendah.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from iku_excel import consolidate
from iku_excel.calc import SKALA_LKJIP, SKALA_SAKIP
from iku_excel.consolidate import column_labels, group_sasaran, rank_descending
from iku_excel.errors import IkuInputError, Severity
from iku_excel.model import Dokumen, Identitas, Indikator, Polaritas, Sasaran
from iku_excel.read.workbook import ReadResult
from iku_excel.write.rekap import band_conditions, band_text, build_rekap

D = Decimal
S1 = "Meningkatnya kualitas pelayanan publik"
S1_C = "Meningkatnya kwalitas pelayanan publik"
S1_D = "Meningkatnya Kualitas Pelayanan Publik."  # the same sasaran as S1 once normalised
S2 = "Meningkatnya partisipasi masyarakat dalam pembangunan"
S3 = "Terwujudnya ketentraman dan ketertiban umum"
IKM = "Indeks Kepuasan Masyarakat (IKM)"
TEPAT = "Persentase pelayanan administrasi yang selesai tepat waktu"
MUSRENBANG = "Jumlah musrenbang desa yang terlaksana"
TRANTIBUM = "Persentase penyelesaian gangguan trantibum"
BROKEN_TEXT = "ini bukan berkas Excel, hanya teks yang diberi nama .xlsx\n"


# --------------------------------------------------------------------------- sources


def _header_openpyxl(ws: Any, top: int, left: int, extra: Sequence[str] = ()) -> None:
    """NO | SASARAN | INDIKATOR | SATUAN | TARGET | REALISASI (TW I..IV) | CAPAIAN (%) over
    two rows, REALISASI merged over the four TW columns."""
    heads = ["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET"]
    for i, text in enumerate(heads):
        ws.cell(top, left + i, text)
        ws.merge_cells(start_row=top, start_column=left + i, end_row=top + 1, end_column=left + i)
    ws.cell(top, left + 5, "REALISASI")
    ws.merge_cells(start_row=top, start_column=left + 5, end_row=top, end_column=left + 8)
    for i, tw in enumerate(("TW I", "TW II", "TW III", "TW IV")):
        ws.cell(top + 1, left + 5 + i, tw)
    for i, text in enumerate(("CAPAIAN (%)", *extra)):
        col = left + 9 + i
        ws.cell(top, col, text)
        ws.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)


def write_kecamatan_a(path: Path) -> Path:
    """openpyxl; kop and title above; NO and SASARAN merged down over their indicators."""
    wb = openpyxl.Workbook()
    ws: Any = wb.active
    ws.title = "Pengukuran"
    ws["A1"] = "PEMERINTAH KABUPATEN X"
    ws["A2"] = "KECAMATAN A"
    ws["A3"] = "PENGUKURAN KINERJA TAHUN 2023"
    _header_openpyxl(ws, 5, 1)
    rows = [
        (1, S1, IKM, "Indeks", 80, 78, 80, 82, 84, 105),
        (None, None, TEPAT, "%", 90, 85, 88, 90, 81, 90),
        (2, S2, MUSRENBANG, "Kegiatan", 12, 3, 3, 3, 3, 100),
    ]
    for r, values in enumerate(rows, start=7):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    ws.merge_cells("A7:A8")
    ws.merge_cells("B7:B8")
    wb.save(path)
    return path


def write_kecamatan_b(path: Path) -> Path:
    """xlsxwriter; the table starts in column B; sasaran written once with blanks below; a
    percentage typed as text "63 %"; the kop merged over the width."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("LKjIP 2023")
    bold = wb.add_format({"bold": True, "align": "center"})
    ws.merge_range("B1:K1", "PEMERINTAH KABUPATEN X", bold)
    ws.merge_range("B2:K2", "KECAMATAN B", bold)
    ws.merge_range("B3:K3", "PENGUKURAN KINERJA TAHUN 2023", bold)
    for i, text in enumerate(("NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET")):
        ws.merge_range(4, 1 + i, 5, 1 + i, text, bold)
    ws.merge_range(4, 6, 4, 9, "REALISASI", bold)
    for i, tw in enumerate(("TW I", "TW II", "TW III", "TW IV")):
        ws.write(5, 6 + i, tw, bold)
    ws.merge_range(4, 10, 5, 10, "CAPAIAN (%)", bold)
    rows = [
        ("1", S1, IKM, "Indeks", 80, 70, 70, 70, 72),
        ("", "", TEPAT, "%", 90, 60, 60, 60, "63 %"),
        ("2", S2, MUSRENBANG, "Kegiatan", 12, 2, 2, 2, 3),
    ]
    for r, values in enumerate(rows, start=6):
        for c, value in enumerate(values, start=1):
            if value != "":
                ws.write(r, c, value)
    wb.close()
    return path


def write_kecamatan_c(path: Path) -> Path:
    """openpyxl; another sheet in front; the first sasaran worded "kwalitas"; the percentage
    row stored as fractions with a % format; a KETERANGAN column at the end."""
    wb = openpyxl.Workbook()
    first: Any = wb.active
    first.title = "Catatan"
    first["A1"] = "Lembar ini berisi catatan rapat, bukan tabel."
    ws = wb.create_sheet("Capaian TW IV")
    ws["C2"] = "PEMERINTAH KABUPATEN X"
    ws["C3"] = "KECAMATAN C"
    ws["C4"] = "LAPORAN CAPAIAN KINERJA TAHUN 2023"
    _header_openpyxl(ws, 7, 1, extra=("KETERANGAN",))
    rows = [
        (1, S1_C, IKM, "Indeks", 80, 75, 77, 79, 80, None, "baik"),
        (None, None, TEPAT, "%", 0.9, 0.8, 0.82, 0.84, 0.855, None, None),
        (2, S2, MUSRENBANG, "Kegiatan", 12, 3, 3, 3, 3, None, None),
    ]
    for r, values in enumerate(rows, start=9):
        for c, value in enumerate(values, start=1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if r == 10 and 5 <= c <= 9:
                    cell.number_format = "0.0%"
    ws.merge_cells("A9:A10")
    ws.merge_cells("B9:B10")
    wb.save(path)
    return path


def write_kecamatan_d(path: Path) -> Path:
    """openpyxl; sasaran in other case with a trailing dot (the same sasaran as A's); TW IV
    of a percentage left empty (not computable); a sasaran no other kecamatan has."""
    wb = openpyxl.Workbook()
    ws: Any = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "PEMERINTAH KABUPATEN X"
    ws["A2"] = "KECAMATAN D"
    ws["A3"] = "PENGUKURAN KINERJA TAHUN 2023"
    _header_openpyxl(ws, 5, 1)
    rows = [
        (1, S1_D, IKM, "Indeks", 80, 60, 62, 63, 64),
        (None, None, TEPAT, "%", 90, 70, 75, 80, None),
        (2, S3, TRANTIBUM, "%", 100, 50, 55, 58, 60),
    ]
    for r, values in enumerate(rows, start=7):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    ws.merge_cells("A7:A8")
    ws.merge_cells("B7:B8")
    wb.save(path)
    return path


def write_broken(path: Path) -> Path:
    path.write_text(BROKEN_TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("kecamatan")
    return [
        write_kecamatan_a(folder / "kec_a.xlsx"),
        write_kecamatan_b(folder / "kec_b.xlsx"),
        write_broken(folder / "kec_e_rusak.xlsx"),
        write_kecamatan_c(folder / "kec_c.xlsx"),
        write_kecamatan_d(folder / "kec_d.xlsx"),
    ]


@pytest.fixture(scope="module")
def built(sources: list[Path]) -> tuple[bytes, consolidate.RekapReport]:
    return build_rekap(sources)


def write_kecamatan_rentang(path: Path) -> Path:
    """A year-only REALISASI column, a POLARITAS column, a range target and a missing
    realisasi: konflik negatif (2x10 - 5)/10 = 150.00; kerukunan 95 above 80-90:
    (2x90 - 95)/90 = 94.44; desa tertib not computable."""
    wb = openpyxl.Workbook()
    ws: Any = wb.active
    ws["A1"] = "KECAMATAN RENTANG"
    ws["A2"] = "CAPAIAN KINERJA TAHUN 2024"
    ws.append([])
    ws.append(["NO", "SASARAN", "INDIKATOR", "SATUAN", "POLARITAS", "TARGET", "REALISASI"])
    ws.append([1, S3, "Jumlah konflik sosial", "Kasus", "negatif", 10, 5])
    ws.append([None, None, "Indeks kerukunan", "Indeks", "positif", "80-90", 95])
    ws.append([None, None, "Persentase desa tertib", "%", "positif", 80, None])
    wb.save(path)
    return path


# --------------------------------------------------------------------------- reading back


def sheet_rows(data: bytes, sheet: str) -> list[tuple[Any, ...]]:
    """The cached values of a sheet, row by row ("" read as None)."""
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    rows = [
        tuple(None if v == "" else v for v in row) for row in wb[sheet].iter_rows(values_only=True)
    ]
    return [row for row in rows if any(v is not None for v in row)]


def pivot(data: bytes) -> dict[str, dict[str, Any]]:
    """Per Sasaran as {row label: {column header: value}} (row label: the sasaran text)."""
    rows = sheet_rows(data, "Per Sasaran")
    header = rows[0]
    return {row[1]: dict(zip(header[2:], row[2:], strict=True)) for row in rows[1:]}


EXPECTED_REKAP = [
    # instansi, no, sasaran, indikator, satuan, target, realisasi, capaian, predikat, berkas
    ("KECAMATAN A", "1", S1, IKM, "Indeks", 80, 84, 105, "Sangat Tinggi", "kec_a.xlsx"),
    ("KECAMATAN A", "1", S1, TEPAT, "%", 90, 81, 90, "Tinggi", "kec_a.xlsx"),
    ("KECAMATAN A", "2", S2, MUSRENBANG, "Kegiatan", 12, 12, 100, "Sangat Tinggi", "kec_a.xlsx"),
    ("KECAMATAN B", "1", S1, IKM, "Indeks", 80, 72, 90, "Tinggi", "kec_b.xlsx"),
    ("KECAMATAN B", "1", S1, TEPAT, "%", 90, 63, 70, "Sedang", "kec_b.xlsx"),
    ("KECAMATAN B", "2", S2, MUSRENBANG, "Kegiatan", 12, 9, 75, "Sedang", "kec_b.xlsx"),
    ("KECAMATAN C", "1", S1_C, IKM, "Indeks", 80, 80, 100, "Sangat Tinggi", "kec_c.xlsx"),
    ("KECAMATAN C", "1", S1_C, TEPAT, "%", 90, 85.5, 95, "Sangat Tinggi", "kec_c.xlsx"),
    ("KECAMATAN C", "2", S2, MUSRENBANG, "Kegiatan", 12, 12, 100, "Sangat Tinggi", "kec_c.xlsx"),
    ("KECAMATAN D", "1", S1_D, IKM, "Indeks", 80, 64, 80, "Tinggi", "kec_d.xlsx"),
    ("KECAMATAN D", "1", S1_D, TEPAT, "%", 90, None, None, None, "kec_d.xlsx"),
    ("KECAMATAN D", "2", S3, TRANTIBUM, "%", 100, 60, 60, "Rendah", "kec_d.xlsx"),
]
HEADER_REKAP = (
    "NO", "INSTANSI", "TAHUN", "NO SASARAN", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN",
    "TARGET", "REALISASI", "CAPAIAN (%)", "PREDIKAT", "BERKAS",
)  # fmt: skip


# --------------------------------------------------------------------------- Rekap


def test_rekap_has_one_row_per_instansi_and_indikator_with_hand_computed_numbers(
    built: tuple[bytes, consolidate.RekapReport],
) -> None:
    data, _ = built
    rows = sheet_rows(data, "Rekap")
    assert rows[0] == HEADER_REKAP
    assert [row[1:2] + row[3:] for row in rows[1:]] == EXPECTED_REKAP
    assert [row[0] for row in rows[1:]] == list(range(1, 13))
    assert {row[2] for row in rows[1:]} == {2023}


def test_rekap_numbers_are_numbers_and_capaian_predikat_are_formulas(
    built: tuple[bytes, consolidate.RekapReport],
) -> None:
    data, _ = built
    ws = openpyxl.load_workbook(io.BytesIO(data))["Rekap"]
    assert ws["H2"].value == 80 and ws["I2"].value == 84  # numbers, not text
    assert ws["J2"].value == '=IF(AND(ISNUMBER(H2),ISNUMBER(I2),H2>0),ROUND(I2/H2*100,2),"")'
    assert str(ws["K2"].value).startswith('=IF(ISNUMBER(J2),IF(J2>=91,"Sangat Tinggi"')
    assert ws["J2"].number_format == "0.00"
    assert ws["C2"].number_format == "0"  # a year, never "2.023"


def test_rekap_reads_back_with_pandas(built: tuple[bytes, consolidate.RekapReport]) -> None:
    data, _ = built
    frame = pd.read_excel(io.BytesIO(data), sheet_name="Rekap")
    assert tuple(frame.columns) == HEADER_REKAP
    assert len(frame) == 12  # no row dropped, formulas included
    capaian = frame["CAPAIAN (%)"].tolist()
    expected = [e[7] for e in EXPECTED_REKAP]
    assert [c for c in capaian if c == c] == [e for e in expected if e is not None]
    assert pd.isna(capaian[10])  # D's TW IV is empty: not computable, not 0
    assert frame["PREDIKAT"].fillna("").tolist() == [e[8] or "" for e in EXPECTED_REKAP]
    assert frame["TARGET"].dtype.kind in "if" and frame["REALISASI"].dtype.kind == "f"


# --------------------------------------------------------------------------- Per Sasaran


def test_per_sasaran_pivot_averages_and_ranks_by_hand(
    built: tuple[bytes, consolidate.RekapReport],
) -> None:
    data, _ = built
    table = pivot(data)
    kec = ["KECAMATAN A", "KECAMATAN B", "KECAMATAN C", "KECAMATAN D"]
    assert list(table) == [S1, S2, S3, "Rata-rata", "Peringkat", *LEGEND]
    assert [table[S1][k] for k in kec] == [97.5, 80, 97.5, 80]
    assert [table[S2][k] for k in kec] == [100, 75, 100, None]
    assert [table[S3][k] for k in kec] == [None, None, None, 60]
    assert [table["Rata-rata"][k] for k in kec] == [98.75, 77.5, 98.75, 70]
    assert [table["Peringkat"][k] for k in kec] == [1, 3, 1, 4]  # a tie shares rank 1
    note = table[S1]["CATATAN"]
    assert "KECAMATAN C" in note and S1_C in note and "kemiripan 0,97" in note
    assert table[S2]["CATATAN"] is None


LEGEND = [
    "Warna predikat (skala lkjip):",
    "Sangat Tinggi: capaian ≥ 91",
    "Tinggi: capaian ≥ 76 dan < 91",
    "Sedang: capaian ≥ 66 dan < 76",
    "Rendah: capaian ≥ 51 dan < 66",
    "Sangat Rendah: capaian < 51",
]


def test_per_sasaran_cells_are_formulas_over_the_rekap_rows(
    built: tuple[bytes, consolidate.RekapReport],
) -> None:
    data, _ = built
    ws = openpyxl.load_workbook(io.BytesIO(data))["Per Sasaran"]
    # A's sasaran 1 sits on Rekap rows 2-3; D's sasaran 1 on rows 11-12
    assert ws["C2"].value == (
        "=IF(COUNT('Rekap'!$J$2:$J$3)=0,\"\",ROUND(AVERAGE('Rekap'!$J$2:$J$3),2))"
    )
    assert ws["F2"].value == (
        "=IF(COUNT('Rekap'!$J$11:$J$12)=0,\"\",ROUND(AVERAGE('Rekap'!$J$11:$J$12),2))"
    )
    assert ws["C5"].value == '=IF(COUNT(C2:C4)=0,"",ROUND(AVERAGE(C2:C4),2))'
    assert ws["D6"].value == '=IF(ISNUMBER(D5),RANK(D5,$C$5:$F$5,0),"")'
    assert ws["F3"].value is None  # D has no sasaran 2: an empty cell, not a zero


def test_predikat_colours_are_the_pengukuran_bands(
    built: tuple[bytes, consolidate.RekapReport],
) -> None:
    data, _ = built
    wb = openpyxl.load_workbook(io.BytesIO(data))
    rules = {
        str(cf.sqref): [(r.formula[0], r.dxf.fill.bgColor.rgb) for r in cf.rules]
        for cf in wb["Per Sasaran"].conditional_formatting
    }
    assert list(rules) == ["C2:F5"]  # the sasaran cells and the Rata-rata row
    formulas = [f for f, _ in rules["C2:F5"]]
    assert formulas[0] == "AND(ISNUMBER(C2),C2>=91)"
    assert formulas[1] == "AND(ISNUMBER(C2),C2>=76,C2<91)"
    assert formulas[-1] == "AND(ISNUMBER(C2),C2<51)"
    fills = [str(rgb)[-6:] for _, rgb in rules["C2:F5"]]
    # >= 91 green ... < 51 red, as the pengukuran sheet colours its predikat (written out)
    assert fills == ["C6EFCE", "E2EFDA", "FFEB9C", "FCE4D6", "FFC7CE"]
    rekap_rules = [str(cf.sqref) for cf in wb["Rekap"].conditional_formatting]
    assert rekap_rules == ["J2:K13"]  # capaian and predikat cells of every indicator row


def _holds(formula: str, value: float) -> bool:
    """Evaluate one of ``band_conditions``' formulas (AND of ISNUMBER and comparisons)."""
    inner = formula.removeprefix("=AND(").removesuffix(")")
    for part in inner.split(",")[1:]:  # the first part is ISNUMBER
        op = next(o for o in ("<=", ">=", "<", ">") if o in part)
        bound = float(part.split(op)[1].strip("()"))
        ok = {"<=": value <= bound, ">=": value >= bound, "<": value < bound, ">": value > bound}
        if not ok[op]:
            return False
    return True


@pytest.mark.parametrize("skala", [SKALA_LKJIP, SKALA_SAKIP], ids=lambda s: s.nama)
def test_band_conditions_pick_exactly_the_band_the_calculator_names(skala: Any) -> None:
    conditions = band_conditions(skala, "C2")
    bounds = [float(b.batas_bawah) for b in skala.bands]
    values = {-5.0, 0.0, 250.0} | {b + d for b in bounds for d in (-0.01, 0.0, 0.01)}
    for value in sorted(values):
        hits = [i for i, (f, _) in enumerate(conditions) if _holds(f, value)]
        assert len(hits) == 1, (value, hits)
        assert skala.bands[hits[0]].predikat == skala.classify(D(str(value)))


def test_band_text_of_a_strict_scale() -> None:
    assert band_text(SKALA_SAKIP, 0) == "> 90"
    assert band_text(SKALA_SAKIP, 1) == "> 80 dan ≤ 90"
    assert band_text(SKALA_SAKIP, len(SKALA_SAKIP.bands) - 1) == "≤ 30"


# --------------------------------------------------------------------------- Grafik


def test_grafik_is_a_native_column_chart_of_the_averages(
    built: tuple[bytes, consolidate.RekapReport],
) -> None:
    data, _ = built
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert charts == ["xl/charts/chart1.xml"]
        xml = zf.read(charts[0]).decode()
        drawing_rels = zf.read("xl/worksheets/_rels/sheet3.xml.rels").decode()
    assert '<c:barDir val="col"/>' in xml
    assert "'Per Sasaran'!$C$1:$F$1" in xml  # categories: the instansi headers
    assert "'Per Sasaran'!$C$5:$F$5" in xml  # values: the Rata-rata row
    assert "drawing" in drawing_rels  # the chart sits on the third sheet, Grafik
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Rekap", "Per Sasaran", "Grafik", "Masalah"]


# --------------------------------------------------------------------------- Masalah and report


def test_masalah_lists_the_failed_file_and_every_located_problem(
    built: tuple[bytes, consolidate.RekapReport],
) -> None:
    data, _ = built
    rows = sheet_rows(data, "Masalah")
    assert rows[0] == ("NO", "BERKAS", "SHEET", "SEL", "KODE", "TINGKAT", "PESAN")
    by_code = {(r[1], r[4]): r for r in rows[1:]}
    failed = by_code[("kec_e_rusak.xlsx", "berkas-gagal")]
    assert failed[5] == "GALAT"
    assert "bukan berkas Excel" in failed[6] and "simpan sebagai" in failed[6]
    tw4 = by_code[("kec_d.xlsx", "tw4-kosong")]
    assert (tw4[2], tw4[3], tw4[5]) == ("Sheet1", "C8", "GALAT")
    wording = by_code[("kec_c.xlsx", "sasaran-beda-kata")]
    assert wording[5] == "PERINGATAN" and S1_C in wording[6] and S1 in wording[6]
    assert [r[0] for r in rows[1:]] == list(range(1, len(rows)))
    # source order: A, B, the broken file, C, D
    order = [r[1] for r in rows[1:]]
    assert order.index("kec_e_rusak.xlsx") > order.index("kec_b.xlsx")
    assert order.index("kec_e_rusak.xlsx") < order.index("kec_c.xlsx")


def test_report_counts_files_and_rows(
    built: tuple[bytes, consolidate.RekapReport], sources: list[Path]
) -> None:
    _, report = built
    assert report.files_done == tuple(str(p) for p in sources if "rusak" not in p.name)
    assert [Path(f).name for f in report.files_with_problems] == ["kec_c.xlsx", "kec_d.xlsx"]
    assert [Path(f.file).name for f in report.files_failed] == ["kec_e_rusak.xlsx"]
    assert "bukan berkas Excel" in report.files_failed[0].message
    assert "\n" not in report.files_failed[0].message
    assert report.rows_written == 12
    assert report.exit_code == 1
    assert report.summary() == "4 berkas direkap (2 dengan masalah), 1 gagal; 12 baris indikator"
    assert any(p.severity is Severity.ERROR and p.code == "tw4-kosong" for p in report.problems)


def test_an_unexpected_error_in_one_file_does_not_stop_the_rekap(
    sources: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = consolidate.read_workbook

    def flaky(path: Path) -> Any:
        if path.name == "kec_b.xlsx":
            raise RuntimeError("sel aneh\ndi baris 7")
        return real(path)

    monkeypatch.setattr(consolidate, "read_workbook", flaky)
    data, report = build_rekap(sources)
    failed = {Path(f.file).name: f.message for f in report.files_failed}
    assert set(failed) == {"kec_b.xlsx", "kec_e_rusak.xlsx"}
    assert "RuntimeError: sel aneh di baris 7" in failed["kec_b.xlsx"]
    assert "tak terduga" in failed["kec_b.xlsx"]
    assert len(report.files_done) == 3 and report.rows_written == 9
    assert "KECAMATAN B" not in pivot(data)["Rata-rata"]


def test_all_files_failing_still_gives_a_workbook(tmp_path: Path) -> None:
    broken = [write_broken(tmp_path / "a.xlsx"), tmp_path / "tidak_ada.xlsx"]
    data, report = build_rekap(broken)
    assert report.files_done == () and report.rows_written == 0
    assert [Path(f.file).name for f in report.files_failed] == ["a.xlsx", "tidak_ada.xlsx"]
    assert "tidak ditemukan" in report.files_failed[1].message
    assert sheet_rows(data, "Rekap") == [HEADER_REKAP]
    assert [r[4] for r in sheet_rows(data, "Masalah")[1:]] == ["berkas-gagal"] * 2
    assert "Tidak ada data" in sheet_rows(data, "Grafik")[1][0]


def test_no_sources_is_a_usage_error() -> None:
    with pytest.raises(IkuInputError):
        build_rekap([])


def test_progress_is_reported_per_file(sources: list[Path]) -> None:
    seen: list[Path] = []
    build_rekap(sources, on_progress=seen.append)
    assert seen == sources


def test_four_quarters_of_one_office_are_four_columns(tmp_path: Path) -> None:
    quarters = [write_kecamatan_a(tmp_path / f"kec_a_tw{i}.xlsx") for i in range(1, 5)]
    data, report = build_rekap(quarters)
    header = sheet_rows(data, "Per Sasaran")[0]
    assert header[2:6] == tuple(f"KECAMATAN A (kec_a_tw{i})" for i in range(1, 5))
    assert report.rows_written == 12 and report.files_with_problems == ()
    assert report.exit_code == 0


def test_range_target_and_negative_polarity(tmp_path: Path) -> None:
    data, report = build_rekap([write_kecamatan_rentang(tmp_path / "rentang.xlsx")])
    rows = sheet_rows(data, "Rekap")[1:]
    assert [(r[5], r[7], r[8], r[9], r[10]) for r in rows] == [
        ("Jumlah konflik sosial", 10, 5, 150, "Sangat Tinggi"),
        ("Indeks kerukunan", "80 - 90", 95, 94.44, "Sangat Tinggi"),
        ("Persentase desa tertib", 80, None, None, None),
    ]
    ws = openpyxl.load_workbook(io.BytesIO(data))["Rekap"]
    assert "MAX(0,ROUND((2*H2-I2)/H2*100,2))" in str(ws["J2"].value)  # negatif: (2T - R) / T
    assert "I3<80" in str(ws["J3"].value) and "I3>90" in str(ws["J3"].value)  # range bounds
    assert pivot(data)["Rata-rata"]["KECAMATAN RENTANG"] == 122.22  # (150 + 94.44) / 2
    assert report.files_with_problems  # desa tertib has no realisasi


# --------------------------------------------------------------------------- workbook hygiene


def test_two_runs_give_identical_bytes(
    built: tuple[bytes, consolidate.RekapReport], sources: list[Path]
) -> None:
    data, _ = built
    again, _ = build_rekap(sources)
    assert again == data
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert "2000-01-01T00:00:00Z" in zf.read("docProps/core.xml").decode()


@pytest.mark.parametrize(
    ("sheet", "freeze"), [("Rekap", "C2"), ("Per Sasaran", "C2"), ("Masalah", "A2")]
)
def test_sheets_print_landscape_fitted_with_the_header_repeated(
    built: tuple[bytes, consolidate.RekapReport], sheet: str, freeze: str
) -> None:
    data, _ = built
    ws: Any = openpyxl.load_workbook(io.BytesIO(data))[sheet]
    assert ws.freeze_panes == freeze
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 14  # F4 / Folio
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToHeight == 0  # one page wide, as many pages long as needed
    assert all(c.font.b for c in ws[1] if c.value)
    assert all(ws.column_dimensions[c.column_letter].width > 3 for c in ws[1])
    assert "Halaman &P dari &N" in ws.oddFooter.center.text


# --------------------------------------------------------------------------- pure parts


def test_group_sasaran_matches_wording_then_similarity() -> None:
    groups = group_sasaran(
        [
            [S1, S2],
            ["MENINGKATNYA KUALITAS  PELAYANAN PUBLIK.", S2],  # equal once normalised
            [S1_C, S3],  # "kwalitas": similar enough, noted
            ["Meningkatnya kapasitas aparatur kecamatan"],  # below 0.85: a row of its own
        ]
    )
    assert [g.uraian for g in groups] == [
        S1, S2, S3, "Meningkatnya kapasitas aparatur kecamatan",
    ]  # fmt: skip
    assert groups[0].anggota == ((0, 0), (1, 0), (2, 0))
    assert [(b, s) for b, s, _ in groups[0].beda_kata] == [(2, 0)]  # only the "kwalitas" one
    assert 0.85 <= groups[0].beda_kata[0][2] < 1
    assert groups[1].anggota == ((0, 1), (1, 1))


def test_group_sasaran_never_merges_two_sasaran_of_one_file() -> None:
    # Similar wordings of one file are two sasaran; an equal wording takes its row first,
    # even when it comes after a merely similar one.
    near = "Meningkatnya kualitas pelayanan publik desa"
    groups = group_sasaran([[S1], [near, S1]])
    assert [g.uraian for g in groups] == [S1, near]
    assert groups[0].anggota == ((0, 0), (1, 1))
    assert groups[1].anggota == ((1, 0),) and groups[0].beda_kata == ()
    repeated = group_sasaran([[S1, S2, S1.upper()]])  # one sasaran in two blocks of a file
    assert [g.anggota for g in repeated] == [((0, 0), (0, 2)), ((0, 1),)]


def test_rank_descending_shares_ranks_like_excel() -> None:
    values = [D("98.75"), D("77.5"), D("98.75"), D("70"), None]
    assert rank_descending(values) == [1, 3, 1, 4, None]
    assert rank_descending([D(5), D(5), D(5)]) == [1, 1, 1]
    assert rank_descending([]) == []


def test_column_labels_tell_files_of_one_instansi_apart() -> None:
    paths = [Path("a/legok_tw1.xlsx"), Path("a/legok_tw2.xlsx"), Path("b/cisoka.xlsx")]
    assert column_labels(["KECAMATAN LEGOK", "Kecamatan Legok", "KECAMATAN CISOKA"], paths) == [
        "KECAMATAN LEGOK (legok_tw1)",
        "Kecamatan Legok (legok_tw2)",
        "KECAMATAN CISOKA",
    ]
    same = [Path("x/legok.xlsx"), Path("y/legok.xlsx")]
    assert column_labels(["LEGOK", "LEGOK"], same) == ["LEGOK (legok) #1", "LEGOK (legok) #2"]


# --------------------------------------------------------------------------- LibreOffice


def _formula_cells(data: bytes, sheet: str) -> dict[str, Any]:
    """A1 -> cached value of every formula cell of ``sheet``."""
    formulas = openpyxl.load_workbook(io.BytesIO(data))[sheet]
    values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)[sheet]
    return {
        c.coordinate: values[c.coordinate].value
        for row in formulas.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    }


def _same(ours: Any, theirs: Any) -> bool:
    if ours in (None, "") or theirs in (None, ""):
        return ours in (None, "") and theirs in (None, "")
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)):
        return abs(ours - theirs) < 1e-9
    return bool(ours == theirs)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak ada")
def test_libreoffice_recalculates_the_cached_values(
    built: tuple[bytes, consolidate.RekapReport], tmp_path: Path
) -> None:
    from iku_excel.libreoffice import convert

    main = tmp_path / "rekap_kecamatan.xlsx"
    main.write_bytes(built[0])
    rentang = tmp_path / "rekap_rentang.xlsx"
    rentang.write_bytes(build_rekap([write_kecamatan_rentang(tmp_path / "r.xlsx")])[0])
    # A formula with a wrong cached value proves that LibreOffice really recalculated.
    control = tmp_path / "kontrol.xlsx"
    wb = xlsxwriter.Workbook(str(control))
    wb.add_worksheet().write_formula("A1", "=1+1", None, 5)
    wb.close()
    out = convert([main, rentang, control], "xlsx", tmp_path / "lo", recalculate=True)
    checked: Any = openpyxl.load_workbook(out[2], data_only=True).active
    assert checked["A1"].value == 2
    for ours, theirs in zip((main, rentang), out[:2], strict=True):
        recalculated = openpyxl.load_workbook(theirs, data_only=True)
        for sheet in ("Rekap", "Per Sasaran"):
            cached = _formula_cells(ours.read_bytes(), sheet)
            assert cached, sheet
            for a1, value in cached.items():
                got = recalculated[sheet][a1].value
                assert _same(value, got), (ours.name, sheet, a1, value, got)


# --------------------------------------------------------------------------- odd documents


def _fake_reader(dokumen: Dokumen) -> Any:
    def read(path: Path) -> ReadResult:
        return ReadResult(dokumen, (), (), path.name)

    return read


def test_values_no_formula_can_use_are_written_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A realisasi beyond Excel's range is kept as text (no inf, no crash) and its capaian is
    left empty; a range method with a one-number target gets the calculator's (empty) value,
    not a formula that would disagree."""
    huge = Indikator("Jumlah dokumen", satuan="Dokumen", target=D(80), realisasi_tahun=D("1E+400"))
    odd = Indikator("Indeks rentang", satuan="Indeks", polaritas=Polaritas.RENTANG, target=D(80))
    odd = replace(odd, realisasi_tahun=D(85))
    dokumen = Dokumen(
        identitas=Identitas(instansi="KECAMATAN ANEH", tahun=2024),
        sasaran=(Sasaran("1", S3, (huge, odd)),),
    )
    monkeypatch.setattr(consolidate, "read_workbook", _fake_reader(dokumen))
    data, report = build_rekap([tmp_path / "aneh.xlsx"])
    rows = sheet_rows(data, "Rekap")[1:]
    assert [(r[7], r[8], r[9], r[10]) for r in rows] == [
        (80, "1E+400", None, None),
        (80, 85, None, None),
    ]
    ws = openpyxl.load_workbook(io.BytesIO(data))["Rekap"]
    assert ws["J2"].value is None and ws["J3"].value is None  # plain, not formulas
    codes = {p.code for p in report.problems}
    assert {"hasil-tidak-terhingga", "target-bukan-rentang"} <= codes


def test_a_sasaran_written_twice_in_one_file_is_one_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both blocks' indicators count: (100 + 50 + 90) / 3 = 80.00, over two Rekap ranges."""

    def indikator(uraian: str, realisasi: int) -> Indikator:
        return Indikator(uraian, satuan="Dokumen", target=D(10), realisasi_tahun=D(realisasi))

    dokumen = Dokumen(
        identitas=Identitas(instansi="KECAMATAN GANDA"),
        sasaran=(
            Sasaran("1", S1, (indikator("a", 10), indikator("b", 5))),
            Sasaran("2", S2, (indikator("c", 7),)),
            Sasaran("3", S1, (indikator("d", 9),)),
        ),
    )
    monkeypatch.setattr(consolidate, "read_workbook", _fake_reader(dokumen))
    data, _ = build_rekap([tmp_path / "ganda.xlsx"])
    assert pivot(data)[S1]["KECAMATAN GANDA"] == 80
    assert pivot(data)[S2]["KECAMATAN GANDA"] == 70
    ws = openpyxl.load_workbook(io.BytesIO(data))["Per Sasaran"]
    assert "'Rekap'!$J$2:$J$3,'Rekap'!$J$5:$J$5" in str(ws["C2"].value)


# --------------------------------------------------------------------------- names and twins


def test_files_of_one_name_in_two_folders_are_told_apart_everywhere(tmp_path: Path) -> None:
    (tmp_path / "tw2").mkdir()
    (tmp_path / "lama" / "arsip").mkdir(parents=True)
    first = write_kecamatan_a(tmp_path / "tw2" / "kec_a.xlsx")
    second = write_kecamatan_a(tmp_path / "lama" / "arsip" / "kec_a.xlsx")
    other = write_broken(tmp_path / "kec_e_rusak.xlsx")
    assert consolidate.display_names([first, second, other]) == [
        "tw2/kec_a.xlsx", "lama/arsip/kec_a.xlsx", "kec_e_rusak.xlsx"
    ]  # fmt: skip
    data, report = build_rekap([first, second, other])
    assert {r[-1] for r in sheet_rows(data, "Rekap")[1:]} == {
        "tw2/kec_a.xlsx", "lama/arsip/kec_a.xlsx"
    }  # fmt: skip
    masalah = sheet_rows(data, "Masalah")[1:]
    assert {r[1] for r in masalah} == {"tw2/kec_a.xlsx", "lama/arsip/kec_a.xlsx",
                                       "kec_e_rusak.xlsx"}  # fmt: skip
    # the same office and year twice: said in Masalah as an INFO (quarterly reports are
    # meant to be), so the report's exit code does not change for it
    twins = [r for r in masalah if r[4] == "instansi-ganda"]
    assert [(r[1], r[5]) for r in twins] == [("tw2/kec_a.xlsx", "INFO"),
                                             ("lama/arsip/kec_a.xlsx", "INFO")]  # fmt: skip
    assert "lama/arsip/kec_a.xlsx" in twins[0][6] and "KECAMATAN A" in twins[0][6]
    assert report.files_with_problems == ()


def test_two_offices_are_not_twins_and_keep_their_bare_names(tmp_path: Path) -> None:
    a = write_kecamatan_a(tmp_path / "kec_a.xlsx")
    b = write_kecamatan_b(tmp_path / "kec_b.xlsx")
    data, _ = build_rekap([a, b])
    assert not [r for r in sheet_rows(data, "Masalah")[1:] if r[4] == "instansi-ganda"]
    assert consolidate.display_names([a, b]) == ["kec_a.xlsx", "kec_b.xlsx"]
