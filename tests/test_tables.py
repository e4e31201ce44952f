"""Row reading on small grids built in the test: what a cell's number format and an
indicator's satuan make of its values, and what is reported."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from iku_excel.calc import compute_dokumen
from iku_excel.grid import Cell, Grid, Range
from iku_excel.model import Dokumen, Indikator, Sasaran
from iku_excel.read.workbook import read_grids
from iku_excel.values import is_percent_format, is_percent_satuan

HEADER = ["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET", "TW I", "TW II", "TW III", "TW IV"]


def one_indicator(satuan: str, target: object, tw1: object) -> tuple[Indikator, list[str]]:
    grid = Grid.from_rows(
        "Pengukuran",
        [HEADER, ["1", "Meningkatnya pelayanan", "Indeks kepuasan", satuan, target, tw1]],
    )
    result = read_grids([grid], file="uji.xlsx")
    (ind,) = result.dokumen.indikator
    return ind, [p.code for p in result.problems]


@pytest.mark.parametrize(
    ("number_format", "percent"),
    [("0%", True), ("0.00%", True), ('0"%"', False), ("0\\%", False), ("General", False),
     ('#,##0" persen"', False), (None, False)],
)  # fmt: skip
def test_only_an_unquoted_percent_sign_makes_excel_show_x100(
    number_format: str | None, percent: bool
) -> None:
    assert is_percent_format(number_format) is percent


def test_a_literal_percent_in_the_format_is_a_plain_number_not_a_fraction() -> None:
    # 80 shown as "80%" by the format 0"%" is eighty, and a cell to write back as 80, not 0.8
    ind, _ = one_indicator("%", Cell(80, '0"%"'), Cell(75, "0\\%"))
    assert ind.target == Decimal(80) and ind.realisasi.tw1 == Decimal(75)
    assert {s.key: s.bentuk for s in ind.sel if s.key in ("target", "tw1")} == {
        "target": "angka",
        "tw1": "angka",
    }


def test_a_percent_format_holds_a_fraction() -> None:
    ind, _ = one_indicator("%", Cell(0.8, "0%"), Cell(0.75, "0%"))
    assert ind.target == Decimal(80) and ind.realisasi.tw1 == Decimal(75)
    assert {s.key: s.bentuk for s in ind.sel if s.key in ("target", "tw1")} == {
        "target": "pecahan",
        "tw1": "pecahan",
    }


@pytest.mark.parametrize(
    ("satuan", "percent"),
    [("%", True), ("(%)", True), ("Persen", True), ("Persen (%)", True), ("Prosentase", True),
     ("persentase (%)", True), ("Indeks", False), ("Desa", False), ("Persen Desa", False)],
)  # fmt: skip
def test_percent_satuan_spellings(satuan: str, percent: bool) -> None:
    assert is_percent_satuan(satuan) is percent


def test_a_bare_fraction_under_a_percent_satuan_is_questioned_for_target_and_realisasi() -> None:
    # "Persen (%)" is a percent satuan for the target as well as the realisasi: both 0,93
    # are doubtful (0,93% or 93%?) and both are reported
    ind, codes = one_indicator("Persen (%)", "0,9", "0,93")
    assert ind.target == Decimal("0.9") and ind.realisasi.tw1 == Decimal("0.93")
    assert codes.count("persen-ambigu") == 2


def test_headers_with_invisible_characters_are_still_recognised() -> None:
    # a zero-width space after SATUAN and a byte-order mark before NO (text pasted from the web)
    header = ["\ufeffNO", "SASARAN", "INDIKATOR", "SATUAN\u200b", "TARGET", "TW I"]
    grid = Grid.from_rows("IKU", [header, ["1", "S", "Indeks kepuasan", "Nilai", 80, 81]])
    (ind,) = read_grids([grid], file="uji.xlsx").dokumen.indikator
    assert (ind.satuan, ind.target, ind.realisasi.tw1) == ("Nilai", Decimal(80), Decimal(81))


def test_a_range_as_a_quarter_target_is_reported_not_dropped() -> None:
    header = [*HEADER[:5], "TARGET TW I", "TARGET TW II", "TW I"]
    row = ["1", "S", "Indeks kepuasan", "Nilai", 80, "10-20", 15, 12]
    result = read_grids([Grid.from_rows("Pengukuran", [header, row])], file="uji.xlsx")
    (ind,) = result.dokumen.indikator
    assert (ind.target_tw.tw1, ind.target_tw.tw2) == (None, Decimal(15))
    problems = [(p.code, p.sheet, p.cell) for p in result.problems]
    assert problems == [("target-tw-rentang", "Pengukuran", "F2")]
    assert "10-20" in result.problems[0].message


def test_a_formula_without_a_stored_value_is_reported_in_every_kind_of_column() -> None:
    # the kegiatan's output target (G) and anggaran (H) are formulas never calculated: both are
    # unknown, not empty, and both are reported
    header = ["NO", "SASARAN", "INDIKATOR", "TARGET", "PROGRAM", "KEGIATAN", "TARGET", "ANGGARAN"]
    unknown = Cell(None, formula_without_value=True)
    rows = [header, ["1", "S", "Indeks", 80, "Program P", "Kegiatan K", unknown, unknown]]
    result = read_grids([Grid.from_rows("Target", rows)], file="uji.xlsx")
    cells = sorted(p.cell for p in result.problems if p.code == "rumus-tanpa-nilai")
    assert cells == ["G2", "H2"]


def test_the_identitas_sheet_writes_dates_as_documents_do_and_reports_a_bad_year() -> None:
    rows = [
        ["Pemerintah", "PEMERINTAH KABUPATEN SUKAMAJU"],
        ["Instansi", "KECAMATAN SUKAJADI"],
        ["Tahun", "2O25"],  # a letter O typed for a zero
        ["Tanggal SK", dt.datetime(2025, 1, 7)],
        ["Tanggal tanda tangan", "Januari 2025"],
    ]
    table = Grid.from_rows("IKU", [HEADER[:5], ["1", "S", "Indeks kepuasan", "Nilai", 80]])
    result = read_grids([Grid.from_rows("Identitas", rows), table], file="uji.xlsx")
    identitas = result.dokumen.identitas
    assert (identitas.sk_tanggal, identitas.tanggal) == ("7 Januari 2025", "Januari 2025")
    assert identitas.tahun is None
    assert [(p.code, p.sheet, p.cell) for p in result.problems] == [
        ("tahun-tidak-valid", "Identitas", "B3")
    ]


def test_the_calculators_problems_name_the_indicators_cell() -> None:
    # TW IV empty under akumulasi 'terakhir': the problem points at the indicator (C2), so
    # hitung and lampiran print it with its cell as rekap does
    ind, _ = one_indicator("Nilai", 80, 75)
    problems = compute_dokumen(Dokumen(sasaran=(Sasaran("1", "S", (ind,)),))).problems
    tw4 = [p for p in problems if p.code == "tw4-kosong"]
    assert [(p.sheet, p.cell) for p in tw4] == [("Pengukuran", "C2")]


def test_grids_holding_the_same_cells_stay_equal_after_a_lookup() -> None:
    # the merge index is a cache: looking something up must not make two equal grids differ
    rows = [["NO", "SASARAN"], [1, "S"]]
    merged = [Range(1, 1, 1, 2)]
    a, b = Grid.from_rows("S", rows, merged), Grid.from_rows("S", rows, merged)
    assert a.merge_at(1, 2) == merged[0]
    assert a == b
