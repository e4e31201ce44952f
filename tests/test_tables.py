"""Row reading on small grids built in the test: what a cell's number format and an
indicator's satuan make of its values, and what is reported."""

from __future__ import annotations

from decimal import Decimal

import pytest

from iku_excel.grid import Cell, Grid
from iku_excel.model import Indikator
from iku_excel.reader import read_grids
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
