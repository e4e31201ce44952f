"""The command line as a user meets it: help, exit codes, streams, one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from iku_excel.cli import main
from iku_excel.jsonout import result_to_dict
from iku_excel.read.workbook import read_workbook
from iku_excel.resources import contoh_path

README = Path(__file__).resolve().parent.parent / "README.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_every_command_with_indonesian_text() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in main.commands:
        assert re.search(rf"^\s+{name}\s+\S", out, re.MULTILINE), name
    assert "Contoh:" in out


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_example_and_is_in_readme(name: str) -> None:
    code, out, _ = run(name, "--help")
    assert code == 0
    assert "Contoh:" in out and f"iku {name}" in out
    assert f"`iku {name}" in README.read_text(encoding="utf-8")


def test_baca_json_equals_library_result() -> None:
    code, out, err = run("baca", str(contoh_path()), "--json")
    assert code in (0, 1), err
    assert json.loads(out) == json.loads(
        json.dumps(result_to_dict(read_workbook(contoh_path())), ensure_ascii=False)
    )


def test_baca_summary_on_stdout_problems_on_stderr() -> None:
    code, out, err = run("baca", str(contoh_path()))
    assert code == 0, err
    assert "Indeks Kepuasan Masyarakat" in out
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "kosong"),
        (b"hello, this is text\n", "bukan berkas Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls"),
        (b"PK\x03\x04 truncated", "rusak"),
    ],
)
def test_unreadable_file_one_line_exit_2(tmp_path: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "data.xlsx"
    bad.write_bytes(content)
    code, out, err = run("baca", str(bad))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "data.xlsx" in lines[0] and expected in lines[0]
    assert "Traceback" not in err


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = run("baca", str(tmp_path / "tidak_ada.xlsx"))
    assert code == 2 and "tidak ditemukan" in err


def test_template_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "format.xlsx"
    assert run("template", "-o", str(out))[0] == 0
    code, _, err = run("template", "-o", str(out))
    assert code == 2 and "--timpa" in err
    assert run("template", "-o", str(out), "--timpa")[0] == 0


def test_contoh_end_to_end(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "hasil"
    code, stdout, err = run("contoh", "-o", str(out), "--tanpa-pdf")
    assert code == 0, err
    written = [Path(line) for line in stdout.splitlines()]
    assert [p.name for p in written] == ["lampiran_legok_2020.xlsx", "legok_2020_dihitung.xlsx"]
    lampiran = openpyxl.load_workbook(written[0])
    assert {"IKU", "Target IKU", "Pengukuran Kinerja"} <= set(lampiran.sheetnames)
    dihitung = openpyxl.load_workbook(written[1], data_only=True)["IKU"]
    assert dihitung["O1"].value == "CAPAIAN (%)" and dihitung["O3"].value == 103.33
    code, _, err = run("contoh", "-o", str(out), "--tanpa-pdf")
    assert code == 2 and "--timpa" in err  # outputs are never overwritten silently


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "rows",
    [[], [["Laporan ini memuat uraian kegiatan kecamatan selama tahun 2024."], ["Terima kasih."]]],
    ids=["kosong", "prosa"],
)
def test_workbook_without_a_table_exit_2(tmp_path: Path, rows: list[list[object]]) -> None:
    path = _workbook(tmp_path / "laporan.xlsx", rows)
    code, out, err = run("baca", str(path))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "laporan.xlsx" in err and "tidak ditemukan tabel" in err


def test_lampiran_command_writes_every_jenis(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "lampiran.xlsx"
    code, stdout, err = run("lampiran", str(contoh_path()), "-o", str(out), "--kertas", "A4")
    assert code == 1, err  # the seed's own inconsistencies are reported (sasaran wording)
    assert stdout.strip() == str(out)
    assert "sasaran-beda-kata" in err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["IKU", "Target IKU"]
    assert wb["IKU"].page_setup.paperSize == 9  # A4


@pytest.mark.libreoffice
def test_lampiran_pdf(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "lampiran_iku.xlsx"
    code, stdout, err = run("lampiran", str(contoh_path()), "-o", str(out), "--jenis", "iku",
                            "--pdf")  # fmt: skip
    assert code in (0, 1), err
    pdf = out.with_suffix(".pdf")
    assert stdout.split() == [str(out), str(pdf)]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:" in info


CORPUS = Path(__file__).parent / "corpus"


def test_sheet_option_wins_over_detection() -> None:
    path = CORPUS / "margamulya_banyak_sheet_2022.xlsx"
    everything = json.loads(run("baca", str(path), "--json")[1])
    assert {t["jenis"] for t in everything["layout"]} >= {"iku", "target"}
    iku_sheet = next(t["sheet"] for t in everything["layout"] if t["jenis"] == "iku")
    code, out, err = run("baca", str(path), "--sheet", iku_sheet, "--json")
    assert code in (0, 1), err
    only = json.loads(out)
    assert {t["sheet"] for t in only["layout"]} == {iku_sheet}
    assert only["program"] == [] and only["sasaran"] == everything["sasaran"]


def test_header_row_option_wins_over_detection() -> None:
    path = CORPUS / "legok_seed_iku.xlsx"
    detected = json.loads(run("baca", str(path), "--json")[1])
    (table,) = detected["layout"]
    forced = json.loads(
        run("baca", str(path), "--json", "--header-row", str(table["header_row"]))[1]
    )
    assert forced["sasaran"] == detected["sasaran"]
    code, _, err = run("baca", str(path), "--header-row", "1")  # the kop row: no table there
    assert code == 2 and "--header-row" in err


def test_unknown_sheet_lists_the_sheets() -> None:
    code, out, err = run("baca", str(contoh_path()), "--sheet", "Tidak Ada")
    assert code == 2 and out == ""
    assert "Tidak Ada" in err and "Realisasi" in err
