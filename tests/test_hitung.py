"""``iku hitung``: results written into a copy of the user's workbook, as formulas with values.

Each workbook below is laid out differently; the numbers are checked three ways: openpyxl
(cached values), pandas, and LibreOffice after a full recalculation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl.styles import Border, Side

from iku_excel.calc import compute_dokumen, parse_aturan
from iku_excel.cli import main
from iku_excel.fill.calculated import hitung_workbook
from iku_excel.libreoffice import convert, find_soffice
from iku_excel.read.workbook import read_workbook

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# (indikator, satuan, target, TW I..IV); percent values as typed by each layout.
ROWS: list[tuple[str, str, Any, tuple[Any, Any, Any, Any]]] = [
    ("Persentase desa maju", "%", 60, (20, 35, 48, 62)),
    ("Indeks Kepuasan Masyarakat", "Indeks", 90, (82.5, 84, 86.25, 88.4)),
    ("Jumlah inovasi", "Jumlah", 4, (1, 0, 2, 1)),
    ("Jumlah konflik sosial", "Kejadian", 10, (2, 1, 1, 1)),  # negatif by the rules file
    ("Persentase dokumen selesai", "%", 0, (10, 20, 30, 40)),  # zero target
    ("Nilai SAKIP", "Nilai", 70, (None, None, 60, None)),  # TW IV missing
]
# capaian the library must give, worked out by hand
EXPECTED_CAPAIAN = [
    Decimal("103.33"),  # 62 / 60
    Decimal("98.22"),  # 88.4 / 90
    Decimal("100.00"),  # (1+0+2+1) / 4
    Decimal("150.00"),  # (2*10 - 5) / 10, negatif
    None,  # target 0: not computable
    None,  # terakhir without TW IV: not computable
]
RULES = """
[[indikator]]
cocok = "konflik"
polaritas = "negatif"
"""


def _percent(value: Any, style: str) -> Any:
    if value is None:
        return None
    if style == "fraction":
        return value / 100
    if style == "text":
        return f"{value}%".replace(".", ",")
    return value


def build_pengukuran(path: Path, style: str) -> None:
    """A staff-like pengukuran table: REALISASI merged over TW I-IV, CAPAIAN column empty.
    ``style``: how percent values are typed: "number" (60), "fraction" (0.6 with a % format),
    "text" ("60%")."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pengukuran"
    ws["A1"] = "PENGUKURAN KINERJA KECAMATAN CONTOH TAHUN 2024"
    ws.append([])
    ws.append(["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET", "REALISASI", "", "", "",
               "CAPAIAN (%)"])  # fmt: skip
    ws.append(["", "", "", "", "", "TW I", "TW II", "TW III", "TW IV", ""])
    for rng in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:I3", "J3:J4"):
        ws.merge_cells(rng)
    for n, (uraian, satuan, target, tws) in enumerate(ROWS):
        row = 5 + n
        is_pct = satuan == "%"
        values = [
            "1" if n == 0 else None,
            "Meningkatnya kinerja kecamatan" if n == 0 else None,
            uraian,
            satuan,
            _percent(target, style) if is_pct else target,
            *(_percent(v, style) if is_pct else v for v in tws),
            None,
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.border = BOX
            if is_pct and style == "fraction" and col in (5, 6, 7, 8, 9):
                cell.number_format = "0%"
    wb.save(path)


def capaian_column(path: Path, *, engine: str = "openpyxl") -> list[Any]:
    if engine == "pandas":
        frame = pd.read_excel(path, sheet_name="Pengukuran", header=None, skiprows=4)
        return [None if pd.isna(v) or v == "" else v for v in frame.iloc[: len(ROWS), 9]]
    ws = openpyxl.load_workbook(path, data_only=True)["Pengukuran"]
    return [ws.cell(5 + n, 10).value for n in range(len(ROWS))]


def as_numbers(values: list[Any]) -> list[Decimal | None]:
    return [None if v in (None, "") else Decimal(str(v)).quantize(Decimal("0.01")) for v in values]


@pytest.fixture(params=["number", "fraction", "text"])
def workbook(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / f"pengukuran_{request.param}.xlsx"
    build_pengukuran(path, request.param)
    return path


def _rules(tmp_path: Path) -> Any:
    rules = tmp_path / "aturan.toml"
    rules.write_text(RULES, encoding="utf-8")
    return parse_aturan(RULES, str(rules))


def test_library_numbers(workbook: Path, tmp_path: Path) -> None:
    hasil = compute_dokumen(read_workbook(workbook).dokumen, _rules(tmp_path))
    assert [i.capaian for i in hasil.indikator] == EXPECTED_CAPAIAN


def test_hitung_writes_the_library_numbers(workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    before = workbook.read_bytes()
    outcome = hitung_workbook(workbook, out, aturan=_rules(tmp_path))
    assert workbook.read_bytes() == before  # the source is never written
    assert as_numbers(capaian_column(out)) == EXPECTED_CAPAIAN
    assert as_numbers(capaian_column(out, engine="pandas")) == EXPECTED_CAPAIAN
    formulas = openpyxl.load_workbook(out)["Pengukuran"]
    assert str(formulas["J5"].value).startswith("=IF(")
    assert formulas["J8"].value.count("2*") == 1  # the negatif (2T - R)/T method
    codes = {p.code for p in outcome.problems}
    assert {"target-nol", "tw4-kosong"} <= codes


def test_cli_hitung_exit_1_with_problems_and_writes(workbook: Path, tmp_path: Path) -> None:
    rules = tmp_path / "aturan.toml"
    rules.write_text(RULES, encoding="utf-8")
    out = tmp_path / "hasil.xlsx"
    result = CliRunner().invoke(
        main, ["hitung", str(workbook), "-o", str(out), "--aturan", str(rules)]
    )
    assert result.exit_code == 1, result.stderr
    assert out.exists()
    assert "103,33" in result.stdout and "target-nol" in result.stderr


def test_hitung_refuses_to_overwrite_source(workbook: Path) -> None:
    result = CliRunner().invoke(main, ["hitung", str(workbook), "-o", str(workbook), "--timpa"])
    assert result.exit_code == 2 and "sama dengan berkas masukan" in result.stderr


@pytest.mark.libreoffice
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_recalculates_the_same_numbers(tmp_path: Path) -> None:
    outs = []
    for style in ("number", "fraction", "text"):
        src = tmp_path / f"src_{style}.xlsx"
        build_pengukuran(src, style)
        out = tmp_path / f"hitung_{style}.xlsx"
        hitung_workbook(src, out, aturan=_rules(tmp_path))
        outs.append(out)
    recalculated = convert(outs, "xlsx", tmp_path / "lo", recalculate=True)
    for path in recalculated:
        assert as_numbers(capaian_column(path)) == EXPECTED_CAPAIAN, path.name


def test_a_workbook_without_a_table_to_compute_says_what_to_check(tmp_path: Path) -> None:
    # the seed's target/anggaran table alone: nothing hitung computes, said in one problem
    source = Path(__file__).parent / "corpus" / "legok_seed_target.xlsx"
    result = hitung_workbook(source, tmp_path / "hasil.xlsx")
    (problem,) = [p for p in result.problems if p.code == "tidak-ada-yang-dihitung"]
    assert problem.message.startswith("tidak ditemukan tabel IKU, PK, atau pengukuran")
    assert "periksa judul kolomnya" in problem.message
    assert (tmp_path / "hasil.xlsx").read_bytes() == source.read_bytes()
