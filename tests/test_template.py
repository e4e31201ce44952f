"""The canonical template and the bundled example are what the code produces."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from legok import LEGOK_2020

from iku_excel.detect.columns import IKU_COLUMNS, REALISASI_COLUMNS, SHEET_TARGET, TARGET_COLUMNS
from iku_excel.resources import contoh_path, template_path
from iku_excel.write.template import build_template


def test_committed_template_equals_code() -> None:
    assert template_path().read_bytes() == build_template(), (
        "templates/format_iku.xlsx is stale: run python tools/regenerate.py"
    )


def test_committed_contoh_equals_code() -> None:
    assert contoh_path().read_bytes() == build_template(LEGOK_2020), (
        "contoh/legok_2020.xlsx is stale: run python tools/regenerate.py"
    )


def test_template_bytes_are_reproducible() -> None:
    assert build_template(LEGOK_2020) == build_template(LEGOK_2020)


@pytest.fixture(scope="module")
def blank() -> openpyxl.Workbook:
    return openpyxl.load_workbook(template_path())


def test_template_sheets(blank: openpyxl.Workbook) -> None:
    assert blank.sheetnames == [
        "Petunjuk",
        "Identitas",
        "Penandatangan",
        "IKU",
        "Target & Anggaran",
        "Realisasi",
    ]


def test_iku_sheet_has_grouped_headers_and_frozen_panes(blank: openpyxl.Workbook) -> None:
    ws = blank["IKU"]
    headers = [ws.cell(2, c).value or ws.cell(1, c).value for c in range(1, len(IKU_COLUMNS) + 1)]
    assert headers == [k.header for k in IKU_COLUMNS]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "G1:I1" in merged and ws["G1"].value == "PENJELASAN"  # over ALASAN..SUMBER DATA
    assert "A1:A2" in merged  # NO spans both header rows
    assert ws.freeze_panes == "F3"


def test_dropdowns_for_polaritas_and_akumulasi(blank: openpyxl.Workbook) -> None:
    ws = blank["IKU"]
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"positif,negatif,rentang"' in lists
    assert '"jumlah,terakhir,rata-rata"' in lists


def test_codes_and_nip_are_text_cells(blank: openpyxl.Workbook) -> None:
    assert blank["Penandatangan"]["E2"].number_format == "@"
    assert blank["IKU"]["D3"].number_format == "@"  # KODE
    assert blank["Target & Anggaran"]["I3"].number_format == "#,##0"


def test_petunjuk_explains_every_column(blank: openpyxl.Workbook) -> None:
    ws = blank["Petunjuk"]
    explained = {str(ws.cell(r, 2).value) for r in range(1, ws.max_row + 1)}
    for kolom in (*IKU_COLUMNS, *TARGET_COLUMNS, *REALISASI_COLUMNS):
        assert f"{kolom.group} {kolom.header}".strip() in explained


def test_contoh_nip_is_text() -> None:
    wb = openpyxl.load_workbook(contoh_path())
    cell = wb["Penandatangan"]["E2"]
    assert cell.value == "196206201987031006" and cell.data_type == "s"


def test_an_amount_beyond_excel_is_written_as_its_digits(tmp_path: Path) -> None:
    # parse_money accepts any number of digits; Excel holds at most 9.99999999999999E+307
    huge = Decimal(10) ** 400
    program = replace(LEGOK_2020.target_anggaran[0].program[0], anggaran=huge)
    first = replace(LEGOK_2020.target_anggaran[0], program=(program,))
    dokumen = replace(LEGOK_2020, target_anggaran=(first,))
    path = tmp_path / "besar.xlsx"
    path.write_bytes(build_template(dokumen))
    cells = [c.value for row in openpyxl.load_workbook(path)[SHEET_TARGET].iter_rows() for c in row]
    assert "1" + "0" * 400 in cells
