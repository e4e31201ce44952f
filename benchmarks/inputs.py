"""Inputs of the benchmark, generated with XlsxWriter: nothing is downloaded or shipped.

- ``pengukuran_workbook(n)``: a pengukuran (IKU measurement) sheet of ``n`` indicators as an
  office keeps it: a kop with the instansi, merged two-row headers (REALISASI over TW I-IV),
  sasaran (and their numbers) merged over 1 to 4 indicator rows, empty bordered realisasi,
  capaian and predikat cells, the workbook's own JUMLAH formula per row, a dropdown, a data bar,
  frozen panes and the signatory block below the table.
- ``staff_workbook()``: a small one of the same shape carrying what an openpyxl save loses
  (the staff workbook of tests/test_xlsx_patch.py, issue 6): logo, text box, header image,
  comments, sparklines, a protected sheet with unlocked input cells, defined names, print
  titles, and a summary and a chart on other sheets.
- ``realisasi_csv(n)``: realisasi per TW for the ``n`` indicators, as ``iku isi`` reads it
  (``;``-separated, Indonesian decimal commas).
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import xlsxwriter

SHEET = "Pengukuran"
FIRST_ROW = 9  # 1-based row of the first indicator; the header band is rows 7-8
STAFF_INDICATORS = 10
PREDIKAT = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
SATUAN = ["%", "Indeks", "Dokumen", "Orang", "%", "Nilai"]
_SUBJECTS = [
    "desa dengan kategori minimal maju",
    "pelayanan administrasi terpadu kecamatan tepat waktu",
    "kepuasan masyarakat terhadap pelayanan",
    "penyelesaian pengaduan masyarakat",
    "kegiatan ketenteraman dan ketertiban umum",
    "rekomendasi hasil pemeriksaan yang ditindaklanjuti",
    "dokumen perencanaan yang tersusun tepat waktu",
    "lembaga kemasyarakatan desa yang aktif",
]
_SASARAN = [
    "Meningkatnya kualitas pelayanan publik",
    "Meningkatnya ketenteraman dan ketertiban umum",
    "Meningkatnya akuntabilitas kinerja aparatur",
    "Meningkatnya pemberdayaan masyarakat desa",
]
_GROUP_SIZES = (3, 2, 4, 1)  # indicators per sasaran, in turn


def indicator_text(i: int) -> str:
    """The i-th (0-based) indicator: realistic words, unique by its number."""
    return f"Persentase {_SUBJECTS[i % len(_SUBJECTS)]} wilayah {i + 1}"


def sasaran_groups(n: int) -> list[range]:
    """0-based indicator indexes of each sasaran, 1 to 4 indicators each."""
    groups, start, turn = [], 0, 0
    while start < n:
        size = min(_GROUP_SIZES[turn % len(_GROUP_SIZES)], n - start)
        groups.append(range(start, start + size))
        start, turn = start + size, turn + 1
    return groups


def target_of(i: int) -> int:
    return 70 + (i * 7) % 30


def realisasi_of(i: int) -> tuple[str, str, str, str]:
    """TW I..IV of indicator i as an Indonesian user types them (decimal commas), so that
    capaian lands between about 60% and 120%: levels (%, Indeks, Nilai) rise towards the
    target, counts (Dokumen, Orang) add up to about it."""
    target = target_of(i)
    reached = (60 + (i * 11) % 60) / 100 * target
    if SATUAN[i % len(SATUAN)] in ("Dokumen", "Orang"):
        shares = (0.25, 0.25, 0.25, 0.25)
    else:
        shares = (0.4, 0.6, 0.8, 1.0)
    return tuple(f"{reached * s:.2f}".replace(".", ",") for s in shares)  # type: ignore[return-value]


def realisasi_csv(n: int) -> str:
    lines = ["indikator;TW I;TW II;TW III;TW IV"]
    lines += [";".join((indicator_text(i), *realisasi_of(i))) for i in range(n)]
    return "\n".join(lines) + "\n"


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.title = wb.add_format({"bold": True, "align": "center", "font_size": 12})
        self.header = wb.add_format(
            {"border": 1, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True}
        )
        self.border = wb.add_format({"border": 1, "valign": "top", "text_wrap": True})
        self.number = wb.add_format({"border": 1, "valign": "top"})
        self.open_number = wb.add_format({"border": 1, "locked": False, "num_format": "0.00"})
        self.open_cell = wb.add_format({"border": 1, "locked": False})
        self.bold = wb.add_format({"bold": True})


def _kop(ws: Any, f: _Formats) -> None:
    ws.merge_range("A2:L2", "PEMERINTAH KABUPATEN TANGERANG", f.title)
    ws.merge_range("A3:L3", "KECAMATAN LEGOK", f.title)
    ws.merge_range("A5:L5", "PENGUKURAN KINERJA TAHUN 2020", f.title)


def _header(ws: Any, f: _Formats) -> None:
    for col, title in enumerate(["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET"]):
        ws.merge_range(6, col, 7, col, title, f.header)
    ws.merge_range("F7:I7", "REALISASI", f.header)
    for col, tw in enumerate(["TW I", "TW II", "TW III", "TW IV"], start=5):
        ws.write(7, col, tw, f.header)
    ws.merge_range("J7:J8", "JUMLAH", f.header)
    ws.merge_range("K7:K8", "CAPAIAN (%)", f.header)
    ws.merge_range("L7:L8", "PREDIKAT", f.header)
    ws.set_column("A:A", 5)
    ws.set_column("B:C", 40)
    ws.set_column("D:L", 11)


def _indicator_rows(ws: Any, f: _Formats, n: int) -> None:
    for number, group in enumerate(sasaran_groups(n), start=1):
        first, last = FIRST_ROW - 1 + group[0], FIRST_ROW - 1 + group[-1]
        sasaran = f"{_SASARAN[number % len(_SASARAN)]} ({number})"
        if first == last:
            ws.write(first, 0, number, f.number)
            ws.write(first, 1, sasaran, f.border)
        else:
            ws.merge_range(first, 0, last, 0, number, f.number)
            ws.merge_range(first, 1, last, 1, sasaran, f.border)
    for i in range(n):
        r, row = FIRST_ROW - 1 + i, FIRST_ROW + i
        ws.write(r, 2, indicator_text(i), f.border)
        ws.write(r, 3, SATUAN[i % len(SATUAN)], f.border)
        ws.write(r, 4, target_of(i), f.number)
        for col in range(5, 9):
            ws.write_blank(r, col, None, f.open_number)
        ws.write_formula(r, 9, f"=SUM(F{row}:I{row})", f.number, 0)
        ws.write_blank(r, 10, None, f.open_number)
        ws.write_blank(r, 11, None, f.open_cell)


def _signatures(ws: Any, f: _Formats, n: int) -> None:
    row = FIRST_ROW + n + 2  # 0-based: two empty rows below the table
    ws.write(row, 9, "Legok, 31 Desember 2020")
    ws.write(row + 1, 9, "CAMAT LEGOK", f.bold)
    ws.write(row + 5, 9, "Drs. H. SUTRISNO, M.Si", f.bold)
    ws.write(row + 6, 9, "NIP. 19620620 198703 1 006")


def _rules(ws: Any, n: int) -> None:
    last = FIRST_ROW + n - 1
    ws.data_validation(f"L{FIRST_ROW}:L{last}", {"validate": "list", "source": PREDIKAT})
    ws.conditional_format(f"K{FIRST_ROW}:K{last}", {"type": "data_bar", "data_bar_2010": True})
    ws.freeze_panes(FIRST_ROW - 1, 0)
    ws.repeat_rows(6, 7)
    ws.set_landscape()


def pengukuran_workbook(n: int) -> bytes:
    """The big workbook: ``n`` indicators under merged sasaran."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    f = _Formats(wb)
    ws = wb.add_worksheet(SHEET)
    _kop(ws, f)
    _header(ws, f)
    _indicator_rows(ws, f, n)
    _signatures(ws, f, n)
    _rules(ws, n)
    wb.close()
    return buf.getvalue()


def tiny_png() -> bytes:
    """A 1x1 red PNG made from bytes (no image library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"".join(
        (b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", header), chunk(b"IDAT", pixels), chunk(b"IEND", b""))
    )


def _staff_extras(wb: Any, ws: Any, f: _Formats, n: int) -> None:
    """What an openpyxl load+save loses (domain.md section 7)."""
    last = FIRST_ROW + n - 1
    ws.insert_image("A1", "logo.png", {"image_data": io.BytesIO(tiny_png())})
    ws.insert_textbox("N1", "Isian realisasi: hanya sel putih", {"width": 240, "height": 40})
    logo = {"image_left": "logo.png", "image_data_left": io.BytesIO(tiny_png())}
    ws.set_header("&L&G&CKECAMATAN LEGOK", logo)
    ws.write_comment("C7", "Indikator kinerja utama sesuai SK")
    for row in range(FIRST_ROW, last + 1):
        ws.add_sparkline(row - 1, 12, {"range": f"{SHEET}!F{row}:I{row}"})
    ws.write_rich_string(last + 12, 2, f.bold, "Catatan: ", "isian ", f.bold, "triwulan")
    ws.protect("", {"format_cells": True})
    wb.define_name("TargetIKU", f"={SHEET}!$E${FIRST_ROW}:$E${last}")
    wb.define_name("TotalRealisasi", f"={SHEET}!$J${FIRST_ROW}:$J${last}")
    rekap = wb.add_worksheet("Rekap")
    rekap.write("A1", "Capaian indikator 1")
    rekap.write_formula("B1", f"={SHEET}!K{FIRST_ROW}", None, 0)
    rekap.write_formula("B2", "=SUM(TargetIKU)", None, sum(target_of(i) for i in range(n)))
    grafik = wb.add_worksheet("Grafik")
    chart = wb.add_chart({"type": "column"})
    chart.add_series(
        {"categories": f"={SHEET}!$C${FIRST_ROW}:$C${last}", "values": f"={SHEET}!$K$9:$K${last}"}
    )
    grafik.insert_chart("B2", chart)


def staff_workbook(n: int = STAFF_INDICATORS) -> bytes:
    """A kecamatan's own pengukuran workbook: the big one's shape plus everything staff add."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    f = _Formats(wb)
    ws = wb.add_worksheet(SHEET)
    _kop(ws, f)
    _header(ws, f)
    _indicator_rows(ws, f, n)
    _signatures(ws, f, n)
    _rules(ws, n)
    _staff_extras(wb, ws, f, n)
    wb.close()
    return buf.getvalue()


def write_big(folder: Path, n: int) -> tuple[Path, Path]:
    """``pengukuran_<n>.xlsx`` and its ``realisasi_<n>.csv`` in ``folder``."""
    book = folder / f"pengukuran_{n}.xlsx"
    book.write_bytes(pengukuran_workbook(n))
    csv = folder / f"realisasi_{n}.csv"
    csv.write_text(realisasi_csv(n), encoding="utf-8")
    return book, csv


def write_staff_copies(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` copies of the staff workbook in ``folder/staf`` and the realisasi CSV
    matching their indicators."""
    staf = folder / "staf"
    staf.mkdir(parents=True, exist_ok=True)
    data = staff_workbook()
    for k in range(1, count + 1):
        (staf / f"kecamatan_{k:03d}.xlsx").write_bytes(data)
    csv = folder / "realisasi_staf.csv"
    csv.write_text(realisasi_csv(STAFF_INDICATORS), encoding="utf-8")
    return staf, csv
