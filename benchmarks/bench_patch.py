"""Patching cells in place vs an openpyxl load+save, on a 30-row and a 2,000-row sheet.

Not a test: it prints timings and the ratio (patch / openpyxl; lower is better). Both sides
write the same cells: four TW realisasi, a capaian formula and a predikat per indicator row
("diisi" rows: all of them, or only the first 30 of the large sheet).
The openpyxl side loses what the patch keeps (domain.md section 7); it is the yardstick only.

    python benchmarks/bench_patch.py
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

import openpyxl
import xlsxwriter

from iku_excel.xlsx.patch import CellWrite, patch_workbook

SHEET = "Pengukuran"
Cell = tuple[str, Decimal | str, str | None]  # (ref, value, formula)
FIRST_ROW = 9


def staff_workbook(rows: int) -> bytes:
    """A pengukuran sheet of ``rows`` indicators: bordered input cells, the workbook's own SUM
    per row, merged headers, a dropdown and a data bar."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    border = wb.add_format({"border": 1})
    ws = wb.add_worksheet(SHEET)
    ws.merge_range("A5:L5", "PENGUKURAN KINERJA", border)
    ws.merge_range("F7:I7", "REALISASI", border)
    last = FIRST_ROW + rows - 1
    for row in range(FIRST_ROW, last + 1):
        ws.write(row - 1, 0, row - FIRST_ROW + 1, border)
        ws.write(row - 1, 2, f"Persentase indikator {row}", border)
        ws.write(row - 1, 4, 80, border)
        for col in range(5, 9):
            ws.write_blank(row - 1, col, None, border)
        ws.write_formula(row - 1, 9, f"=SUM(F{row}:I{row})", border, 0)
        ws.write_blank(row - 1, 10, None, border)
        ws.write_blank(row - 1, 11, None, border)
    dropdown = {"validate": "list", "source": ["Tinggi", "Rendah"]}
    ws.data_validation(f"L{FIRST_ROW}:L{last}", dropdown)
    ws.conditional_format(f"K{FIRST_ROW}:K{last}", {"type": "data_bar", "data_bar_2010": True})
    wb.close()
    return buf.getvalue()


def fill(rows: int) -> list[Cell]:
    """(ref, value, formula) of every cell written."""
    cells: list[Cell] = []
    for row in range(FIRST_ROW, FIRST_ROW + rows):
        for col, value in zip("FGHI", (10, 20, 15, 30), strict=True):
            cells.append((f"{col}{row}", Decimal(value), None))
        cells.append((f"K{row}", Decimal("93.75"), f"ROUND(J{row}/E{row}*100,2)"))
        cells.append((f"L{row}", "Tinggi", None))
    return cells


def with_patch(data: bytes, cells: list[Cell]) -> bytes:
    writes = [CellWrite(ref, value, formula=formula) for ref, value, formula in cells]
    return patch_workbook(data, SHEET, writes)[0]


def with_openpyxl(data: bytes, cells: list[Cell]) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[SHEET]
    for ref, value, formula in cells:
        ws[ref] = f"={formula}" if formula else value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(rows: int, filled: int, repeat: int) -> tuple[float, float, float]:
    """Median seconds of each side and the median ratio of runs made side by side (the two
    sides alternate, so a busy machine slows both alike)."""
    data, cells = staff_workbook(rows), fill(filled)
    with_patch(data, cells)  # warm up imports and caches on both sides
    with_openpyxl(data, cells)
    pairs = [
        (seconds(lambda: with_patch(data, cells)), seconds(lambda: with_openpyxl(data, cells)))
        for _ in range(repeat)
    ]
    patch = statistics.median(p for p, _ in pairs)
    saved = statistics.median(s for _, s in pairs)
    return patch, saved, statistics.median(p / s for p, s in pairs)


def main() -> None:
    print(f"{'baris':>6} {'diisi':>6} {'patch ms':>9} {'openpyxl ms':>12} {'rasio':>6}")
    for rows, filled, repeat in ((30, 30, 40), (2_000, 2_000, 7), (2_000, 30, 7)):
        patch, saved, ratio = measure(rows, filled, repeat)
        print(f"{rows:>6} {filled:>6} {patch * 1000:>9.1f} {saved * 1000:>12.1f} {ratio:>6.2f}")


if __name__ == "__main__":
    main()
