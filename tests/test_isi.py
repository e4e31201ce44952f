"""``iku isi``: realisasi into staff's own workbooks, nothing else touched, in batch.

The staff workbook (from test_xlsx_patch) holds a logo, a text box, a header image, a chart on
another sheet, a dropdown, a 2010 data bar, sparklines, comments, defined names, freeze panes,
print titles, a protected sheet with unlocked input cells, and empty bordered realisasi and
capaian cells."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from test_xlsx_patch import DATA_ROWS, SHEET, staff_workbook

from iku_excel.cli import main
from iku_excel.libreoffice import convert, find_soffice

D = Decimal
# TW I..IV per indicator i (0-based): satuan % so the year value is TW IV (terakhir)
TW = [(10 + i, 20 + i, 30 + i, 40 + 2 * i) for i in range(6)]


def expected_capaian(i: int) -> Decimal:
    target = 80 + i  # as in staff_workbook
    return (D(TW[i][3]) / target * 100).quantize(D("0.01"))


def expected_predikat(capaian: Decimal) -> str:
    """The LKjIP bands (domain.md section 4), written out again here."""
    for bound, label in ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah")):
        if capaian >= bound:
            return label
    return "Sangat Rendah"


@pytest.fixture
def staff(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "kec_legok.xlsx"
    path.parent.mkdir()
    path.write_bytes(staff_workbook())
    return path


@pytest.fixture
def realisasi(tmp_path: Path) -> Path:
    lines = ["indikator;TW I;TW II;TW III;TW IV"]
    lines += [f"Persentase indikator {i + 1};{a};{b};{c};{d}" for i, (a, b, c, d) in enumerate(TW)]
    lines.append("Indikator yang tidak ada;1;2;3;4")
    path = tmp_path / "realisasi.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Receipts of in-place runs go to the working folder: keep them out of the repository."""
    monkeypatch.chdir(tmp_path)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def test_isi_fills_only_the_intended_cells(staff: Path, realisasi: Path, tmp_path: Path) -> None:
    before = staff.read_bytes()
    out = tmp_path / "out"
    result = run("isi", str(staff.parent), "--realisasi", str(realisasi), "-o", str(out), "-s")
    assert result.exit_code == 1, result.stderr  # the unmatched row is a problem
    assert "realisasi-tidak-cocok" in result.stderr and "Selesai: 1 berkas" in result.stderr
    # the unmatched row (header, 6 indicators, then it: line 8), in Indonesian, with its workbook
    line = next(x for x in result.stderr.splitlines() if "realisasi-tidak-cocok" in x)
    assert line.strip().startswith(f"[PERINGATAN] {staff.name}: realisasi.csv baris 8:"), line
    assert "[warning]" not in result.stderr and "[error]" not in result.stderr
    assert staff.read_bytes() == before  # the source is untouched
    filled = (out / staff.name).read_bytes()

    old, new = members(before), members(filled)
    assert list(old) == list(new)
    changed = {name for name in old if old[name] != new[name]}
    # the edited sheet (and at most workbook.xml, for fullCalcOnLoad), nothing else
    assert "xl/worksheets/sheet1.xml" in changed
    assert changed <= {"xl/worksheets/sheet1.xml", "xl/workbook.xml"}

    ws_old = openpyxl.load_workbook(io.BytesIO(before))[SHEET]
    ws_new = openpyxl.load_workbook(io.BytesIO(filled))[SHEET]
    intended = {f"{c}{r}" for r in DATA_ROWS for c in "FGHIKL"} | {f"J{r}" for r in DATA_ROWS}
    for row in ws_new.iter_rows(min_row=1, max_row=30, max_col=16):
        for cell in row:
            other = ws_old[cell.coordinate]
            assert cell.style_id == other.style_id, cell.coordinate  # look unchanged
            if cell.coordinate not in intended:
                assert cell.value == other.value, cell.coordinate
    filled_tw = [ws_new[f"{c}{r}"].value for r in DATA_ROWS for c in "FGHI"]
    assert filled_tw == [v for tw in TW for v in tw]  # and the intended ones were written


def test_new_numbers_read_by_openpyxl_pandas(staff: Path, realisasi: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("isi", str(staff), "--realisasi", str(realisasi), "-o", str(out), "-s")
    path = out / staff.name
    ws = openpyxl.load_workbook(path, data_only=True)[SHEET]
    frame = pd.read_excel(path, sheet_name=SHEET, header=None)
    for i, row in enumerate(DATA_ROWS):
        assert [ws[f"{c}{row}"].value for c in "FGHI"] == list(TW[i])
        assert D(str(ws[f"K{row}"].value)) == expected_capaian(i)
        assert D(str(frame.iloc[row - 1, 10])).quantize(D("0.01")) == expected_capaian(i)
        assert ws[f"L{row}"].value == expected_predikat(expected_capaian(i))


def test_dry_run_writes_only_the_receipt(staff: Path, realisasi: Path, tmp_path: Path) -> None:
    receipt = tmp_path / "cek.json"
    result = run(
        "isi", str(staff), "--realisasi", str(realisasi), "--dry-run",
        "--tanda-terima", str(receipt), "-s",
    )  # fmt: skip
    assert result.exit_code == 1
    assert sorted(p.name for p in staff.parent.iterdir()) == [staff.name]
    import json

    rows = json.loads(receipt.read_text(encoding="utf-8"))
    cells = {r["sel"]: r for r in rows}
    assert cells["F9"]["lama"] == "" and cells["F9"]["baru"] == "10"
    assert cells["K9"]["rumus"].startswith("IF(")


def test_in_place_keeps_a_backup_and_a_rerun_changes_nothing(staff: Path, realisasi: Path) -> None:
    before = staff.read_bytes()
    run("isi", str(staff.parent), "--realisasi", str(realisasi), "--in-place", "-s")
    after = staff.read_bytes()
    assert after != before
    backups = list((staff.parent / ".iku_cadangan").iterdir())
    assert len(backups) == 1 and backups[0].read_bytes() == before
    again = run("isi", str(staff.parent), "--realisasi", str(realisasi), "--in-place", "-s")
    assert staff.read_bytes() == after  # nothing left to do: the file is not rewritten
    assert "sel diubah: 0" in again.stderr
    assert len(list((staff.parent / ".iku_cadangan").iterdir())) == 1  # backups are no source


def test_jobs_give_the_same_results(staff: Path, realisasi: Path, tmp_path: Path) -> None:
    for n in range(5):
        shutil.copy(staff, staff.parent / f"kec_{n}.xlsx")
    one, two = tmp_path / "one", tmp_path / "two"
    run("isi", str(staff.parent), "--realisasi", str(realisasi), "-o", str(one), "-s")
    run("isi", str(staff.parent), "--realisasi", str(realisasi), "-o", str(two), "-s",
        "--jobs", "2")  # fmt: skip
    names = sorted(p.name for p in one.glob("*.xlsx"))
    assert len(names) == 6
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_lock_files_hidden_files_and_broken_files(
    staff: Path, realisasi: Path, tmp_path: Path
) -> None:
    (staff.parent / "~$kec_legok.xlsx").write_bytes(b"lock")
    (staff.parent / ".tersembunyi.xlsx").write_bytes(b"hidden")
    (staff.parent / "rusak.xlsx").write_bytes(b"bukan excel")
    out = tmp_path / "out"
    result = run("isi", str(staff.parent), "--realisasi", str(realisasi), "-o", str(out), "-s")
    assert result.exit_code == 1
    assert "[gagal]" in result.stderr and "rusak.xlsx" in result.stderr
    assert "Selesai: 1 berkas" in result.stderr and "gagal: 1" in result.stderr
    assert sorted(p.name for p in out.glob("*.xlsx")) == [staff.name]
    assert "Traceback" not in result.stderr


@pytest.mark.libreoffice
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_shows_the_numbers(
    staff: Path, realisasi: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run("isi", str(staff), "--realisasi", str(realisasi), "-o", str(out), "-s")
    (csv_file,) = convert([out / staff.name], "csv", tmp_path / "lo", recalculate=True)
    lines = csv_file.read_text(encoding="utf-8").splitlines()
    for i, row in enumerate(DATA_ROWS):
        cells = lines[row - 1].split(",")
        assert [D(c) for c in cells[5:9]] == [D(v) for v in TW[i]]
        assert D(cells[10]) == expected_capaian(i)


def _is_whole(path: Path, original: bytes, filled: bytes) -> bool:
    data = path.read_bytes()
    return data in (original, filled)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_in_place_leaves_whole_workbooks_and_a_rerun_finishes(
    staff: Path, realisasi: Path, tmp_path: Path
) -> None:
    folder = staff.parent
    original = staff.read_bytes()
    reference = tmp_path / "reference"
    run("isi", str(staff), "--realisasi", str(realisasi), "-o", str(reference), "-s")
    filled = (reference / staff.name).read_bytes()
    staff.unlink()
    for n in range(40):
        (folder / f"kec_{n:02d}.xlsx").write_bytes(original)
    command = [sys.executable, "-m", "iku_excel", "isi", str(folder), "--realisasi",
               str(realisasi), "--in-place", "-s"]  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    # First a kill that surely lands mid-batch: right after the first workbook is replaced
    # (timed kills alone may all come before the first or after the last on another machine).
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if any(p.read_bytes() != original for p in folder.glob("kec_*.xlsx")):
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = [p.name for p in sorted(folder.glob("*.xlsx")) if p.read_bytes() == filled]
    assert 0 < len(done) < 40, len(done)
    for path in sorted(folder.glob("*.xlsx")):
        assert _is_whole(path, original, filled), ("first write", path.name)
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.0):
        process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        workbooks = sorted(folder.glob("*.xlsx"))
        assert len(workbooks) == 40  # no temporary file left under a workbook's name
        for path in workbooks:
            assert _is_whole(path, original, filled), (delay, path.name)
    subprocess.run(command, env=env, stderr=subprocess.DEVNULL, check=False)
    for path in sorted(folder.glob("*.xlsx")):
        assert path.read_bytes() == filled, path.name


def test_the_source_is_read_once_what_is_planned_is_what_is_patched(
    staff: Path, realisasi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the workbook for the plan and again for the patch would let a file saved in
    between get cells planned for another version of it."""
    from iku_excel.fill.realisasi import read_sumber
    from iku_excel.fill.workbook import fill_workbook

    opened: list[Path] = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:  # read_bytes opens too
        if self == staff:
            opened.append(self)
        return real_open(self, *args, **kwargs)

    rows = read_sumber(realisasi).rows
    monkeypatch.setattr(Path, "open", counting_open)
    result = fill_workbook(staff, tmp_path / "hasil.xlsx", rows)
    assert result.written and result.changes
    assert len(opened) == 1
