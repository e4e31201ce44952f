"""The canonical data-entry workbook (templates/format_iku.xlsx) and the example filled in it.

``build_template(dokumen)`` writes a ``Dokumen`` into the canonical layout; with an empty
``Dokumen`` it is the blank template staff fill when they start fresh. The bytes are
reproducible (fixed document dates), so a test can compare the committed file with the code.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iku_excel.detect.columns import (
    AKUMULASI_CHOICES,
    IDENTITAS_FIELDS,
    IKU_COLUMNS,
    PENANDATANGAN_COLUMNS,
    PERAN_CHOICES,
    POLARITAS_CHOICES,
    REALISASI_COLUMNS,
    SHEET_IDENTITAS,
    SHEET_IKU,
    SHEET_PENANDATANGAN,
    SHEET_PETUNJUK,
    SHEET_REALISASI,
    SHEET_TARGET,
    TARGET_COLUMNS,
    Kolom,
)
from iku_excel.model import Dokumen, Indikator, Program, Rentang, Target
from iku_excel.values import plain_number
from iku_excel.write.cells import column_groups, excel_number, fits_excel
from iku_excel.write.workbook import new_workbook

FONT = "Arial"
ENTRY_ROWS = 300  # rows prepared (borders, dropdowns) below the header
# The date the committed template was first made with: a later one would change its bytes.
TEMPLATE_DATE = dt.datetime(2020, 1, 1)


class _Formats:
    """The few cell formats of the template, made once per workbook."""

    def __init__(self, wb: Workbook) -> None:
        base = {"font_name": FONT, "font_size": 10, "valign": "top"}
        self.title = wb.add_format({**base, "bold": True, "font_size": 14})
        self.subtitle = wb.add_format({**base, "italic": True, "font_color": "#555555"})
        self.header = wb.add_format(
            {
                **base,
                "bold": True,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
                "border": 1,
                "bg_color": "#D9E1F2",
            }
        )
        self.cell = wb.add_format({**base, "text_wrap": True, "border": 1})
        self.text = wb.add_format({**base, "text_wrap": True, "border": 1, "num_format": "@"})
        self.number = wb.add_format({**base, "border": 1, "num_format": "#,##0.##"})
        self.money = wb.add_format({**base, "border": 1, "num_format": "#,##0"})
        self.label = wb.add_format({**base, "bold": True, "border": 1, "bg_color": "#F2F2F2"})
        self.note = wb.add_format({**base, "text_wrap": True, "font_color": "#555555"})
        self.plain = wb.add_format({**base, "text_wrap": True})

    def for_kind(self, kind: str) -> Any:
        if kind in ("code", "nip"):
            return self.text
        if kind == "number":
            return self.number
        if kind == "money":
            return self.money
        return self.cell


def build_template(dokumen: Dokumen | None = None) -> bytes:
    """The canonical workbook holding ``dokumen`` (blank when None), as xlsx bytes."""
    dokumen = dokumen or Dokumen()
    buffer = io.BytesIO()
    instansi = dokumen.identitas.instansi
    wb = new_workbook(
        buffer,
        title=f"Data SAKIP {instansi}".strip(),
        author=instansi or "iku_excel",
        comments="Dibuat dengan iku_excel",
        subject=None,
        created=TEMPLATE_DATE,
        print_layout=False,
    )
    fmt = _Formats(wb)
    _write_petunjuk(wb, fmt)
    _write_identitas(wb, fmt, dokumen)
    _write_penandatangan(wb, fmt, dokumen)
    _write_iku(wb, fmt, dokumen)
    _write_target_sheet(wb, fmt, dokumen)
    _write_realisasi(wb, fmt, dokumen)
    wb.worksheets()[1].activate()
    wb.close()
    return buffer.getvalue()


def _write_petunjuk(wb: Workbook, fmt: _Formats) -> None:
    ws = wb.add_worksheet(SHEET_PETUNJUK)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 2, 90)
    ws.write(0, 0, "PETUNJUK PENGISIAN FORMAT IKU", fmt.title)
    lines = (
        "Isi sheet Identitas, Penandatangan, IKU, Target & Anggaran, dan Realisasi. "
        "Jangan ubah judul kolom; baris dan kolom tambahan di luar tabel diabaikan.",
        "Angka diketik sebagai angka (60, 10775000000). Rupiah boleh ditulis 10.775.000.000; "
        "persen boleh 60 atau 60%. NIP dan kode diketik sebagai teks.",
        "Realisasi kosong berarti belum dilaporkan; 0 berarti nol. Setelah diisi, jalankan: "
        "iku lampiran BERKAS.xlsx -o lampiran.xlsx",
    )
    for row, line in enumerate(lines, start=1):
        ws.merge_range(row, 0, row, 2, line, fmt.plain)
        ws.set_row(row, 28)
    row = len(lines) + 2
    for col, head in enumerate(("SHEET", "KOLOM", "PENJELASAN")):
        ws.write(row, col, head, fmt.header)
    row += 1
    sections: list[tuple[str, Sequence[tuple[str, str]]]] = [
        (SHEET_IDENTITAS, [(label, help_) for _, label, help_ in IDENTITAS_FIELDS]),
        (SHEET_PENANDATANGAN, _help_rows(PENANDATANGAN_COLUMNS)),
        (SHEET_IKU, _help_rows(IKU_COLUMNS)),
        (SHEET_TARGET, _help_rows(TARGET_COLUMNS)),
        (SHEET_REALISASI, _help_rows(REALISASI_COLUMNS)),
    ]
    for sheet, rows in sections:
        for label, help_ in rows:
            ws.write(row, 0, sheet, fmt.cell)
            ws.write(row, 1, label, fmt.cell)
            ws.write(row, 2, help_, fmt.cell)
            row += 1
    ws.freeze_panes(len(lines) + 3, 0)


def _help_rows(columns: Sequence[Kolom]) -> list[tuple[str, str]]:
    return [(f"{k.group} {k.header}".strip(), k.help) for k in columns]


def _write_identitas(wb: Workbook, fmt: _Formats, dokumen: Dokumen) -> None:
    ws = wb.add_worksheet(SHEET_IDENTITAS)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 2, 60)
    for col, head in enumerate(("KOLOM", "ISIAN", "KETERANGAN")):
        ws.write(0, col, head, fmt.header)
    ident = dokumen.identitas
    for row, (key, label, help_) in enumerate(IDENTITAS_FIELDS, start=1):
        ws.write(row, 0, label, fmt.label)
        value = getattr(ident, key)
        if key == "tahun":
            _write_value(ws, row, 1, value, fmt.number)
        else:
            ws.write_string(row, 1, value or "", fmt.text)
        ws.write(row, 2, help_, fmt.note)
    ws.freeze_panes(1, 0)


def _write_penandatangan(wb: Workbook, fmt: _Formats, dokumen: Dokumen) -> None:
    ws = wb.add_worksheet(SHEET_PENANDATANGAN)
    _write_headers(ws, fmt, PENANDATANGAN_COLUMNS, 0)
    for row, p in enumerate(dokumen.penandatangan, start=1):
        values = (p.peran.value, p.jabatan, p.nama, p.pangkat, p.nip)
        for col, value in enumerate(values):
            ws.write_string(row, col, value, fmt.text)
    _prepare_entry(ws, fmt, PENANDATANGAN_COLUMNS, 1, 1 + len(dokumen.penandatangan), 20)
    ws.data_validation(1, 0, 20, 0, _list_validation(PERAN_CHOICES, "PERAN"))
    ws.freeze_panes(1, 0)


def _write_iku(wb: Workbook, fmt: _Formats, dokumen: Dokumen) -> None:
    ws = wb.add_worksheet(SHEET_IKU)
    first = _write_headers(ws, fmt, IKU_COLUMNS, 0)
    row = first
    col = {k.key: i for i, k in enumerate(IKU_COLUMNS)}
    for sasaran in dokumen.sasaran:
        for n, ind in enumerate(sasaran.indikator):
            if n == 0:  # sasaran written once, blanks below: the easiest way to type it
                ws.write_string(row, col["no"], sasaran.no, fmt.text)
                ws.write_string(row, col["tujuan"], sasaran.tujuan, fmt.cell)
                ws.write_string(row, col["sasaran"], sasaran.uraian, fmt.cell)
            _write_indikator(ws, fmt, row, col, ind)
            row += 1
    _prepare_entry(ws, fmt, IKU_COLUMNS, first, row, ENTRY_ROWS)
    last = first + ENTRY_ROWS
    ws.data_validation(
        first, col["polaritas"], last, col["polaritas"], _list_validation(POLARITAS_CHOICES)
    )
    ws.data_validation(
        first, col["akumulasi"], last, col["akumulasi"], _list_validation(AKUMULASI_CHOICES)
    )
    ws.freeze_panes(first, col["indikator"] + 1)


def _write_indikator(
    ws: Worksheet, fmt: _Formats, row: int, col: dict[str, int], ind: Indikator
) -> None:
    ws.write_string(row, col["kode"], ind.kode, fmt.text)
    for key in ("satuan", "alasan", "formulasi", "sumber_data", "keterangan"):
        ws.write_string(row, col[key], getattr(ind, key), fmt.cell)
    ws.write_string(row, col["indikator"], ind.uraian, fmt.cell)
    if ind.polaritas is not None:
        ws.write_string(row, col["polaritas"], ind.polaritas.value, fmt.cell)
    if ind.akumulasi is not None:
        ws.write_string(row, col["akumulasi"], ind.akumulasi.value, fmt.cell)
    _write_target_value(ws, row, col["target"], ind.target, fmt)


def _write_target_value(
    ws: Worksheet, row: int, col: int, target: Target | None, fmt: _Formats
) -> None:
    if isinstance(target, Rentang):
        text = f"{plain_number(target.bawah)}-{plain_number(target.atas)}"
        ws.write_string(row, col, text, fmt.number)
    else:
        _write_value(ws, row, col, target, fmt.number)


def _write_target_table(ws: Worksheet, fmt: _Formats, dokumen: Dokumen, first: int) -> int:
    col = {k.key: i for i, k in enumerate(TARGET_COLUMNS)}
    row = first
    for block in dokumen.target_anggaran:
        ws.write_string(row, col["no"], block.no, fmt.text)
        ws.write_string(row, col["sasaran"], block.uraian, fmt.cell)
        indikator_row = row
        for ind in block.indikator:
            ws.write_string(indikator_row, col["indikator"], ind.uraian, fmt.cell)
            ws.write_string(indikator_row, col["target"], ind.target, fmt.text)
            indikator_row += 1
        for program in block.program:
            row = _write_program(ws, fmt, col, row, program)
        row = max(row, indikator_row)
    return row


def _write_program(
    ws: Worksheet, fmt: _Formats, col: dict[str, int], row: int, program: Program
) -> int:
    ws.write_string(row, col["program"], program.nama, fmt.cell)
    ws.write_string(row, col["keluaran"], program.target, fmt.text)
    _write_value(ws, row, col["anggaran"], program.anggaran, fmt.money)
    _write_value(ws, row, col["realisasi_anggaran"], program.realisasi_anggaran, fmt.money)
    row += 1
    for keg in program.kegiatan:
        ws.write_string(row, col["kegiatan_no"], keg.no, fmt.text)
        ws.write_string(row, col["kegiatan"], keg.nama, fmt.cell)
        ws.write_string(row, col["keluaran"], keg.target, fmt.text)
        _write_value(ws, row, col["anggaran"], keg.anggaran, fmt.money)
        _write_value(ws, row, col["realisasi_anggaran"], keg.realisasi_anggaran, fmt.money)
        row += 1
    return row


def _write_target_sheet(wb: Workbook, fmt: _Formats, dokumen: Dokumen) -> None:
    ws = wb.add_worksheet(SHEET_TARGET)
    first = _write_headers(ws, fmt, TARGET_COLUMNS, 0)
    row = _write_target_table(ws, fmt, dokumen, first)
    _prepare_entry(ws, fmt, TARGET_COLUMNS, first, row, ENTRY_ROWS)
    ws.freeze_panes(first, 0)


def _write_realisasi(wb: Workbook, fmt: _Formats, dokumen: Dokumen) -> None:
    ws = wb.add_worksheet(SHEET_REALISASI)
    first = _write_headers(ws, fmt, REALISASI_COLUMNS, 0)
    col = {k.key: i for i, k in enumerate(REALISASI_COLUMNS)}
    row = first
    for ind in dokumen.indikator:
        ws.write_string(row, col["kode"], ind.kode, fmt.text)
        ws.write_string(row, col["indikator"], ind.uraian, fmt.cell)
        for i, value in enumerate(ind.target_tw, start=1):
            _write_value(ws, row, col[f"target_tw{i}"], value, fmt.number)
        for i, value in enumerate(ind.realisasi, start=1):
            _write_value(ws, row, col[f"tw{i}"], value, fmt.number)
        row += 1
    _prepare_entry(ws, fmt, REALISASI_COLUMNS, first, row, ENTRY_ROWS)
    ws.freeze_panes(first, col["indikator"] + 1)


def _write_headers(ws: Worksheet, fmt: _Formats, columns: Sequence[Kolom], top: int) -> int:
    """Write the header band (two rows when a column has a group); return the first data row."""
    two_rows = any(k.group for k in columns)
    for i, k in enumerate(columns):
        ws.set_column(i, i, k.width)
        if not two_rows:
            ws.write_string(top, i, k.header, fmt.header)
        elif not k.group:
            ws.merge_range(top, i, top + 1, i, k.header, fmt.header)
        else:
            ws.write_string(top + 1, i, k.header, fmt.header)
    if two_rows:
        for group, first, last in column_groups([k.group for k in columns]):
            if first == last:
                ws.write_string(top, first, group, fmt.header)
            else:
                ws.merge_range(top, first, top, last, group, fmt.header)
        ws.set_row(top + 1, 30)
    ws.set_row(top, 30)
    return top + (2 if two_rows else 1)


def _prepare_entry(
    ws: Worksheet, fmt: _Formats, columns: Sequence[Kolom], first: int, filled: int, rows: int
) -> None:
    """Give the empty entry rows below the data their borders and number formats."""
    for row in range(filled, first + rows):
        for i, k in enumerate(columns):
            ws.write_blank(row, i, None, fmt.for_kind(k.kind))


def _list_validation(choices: Sequence[str], title: str = "") -> dict[str, Any]:
    return {
        "validate": "list",
        "source": list(choices),
        "error_title": title or "Pilihan tidak dikenal",
        "error_message": "Pilih salah satu: " + ", ".join(choices),
        "ignore_blank": True,
    }


def _write_value(ws: Worksheet, row: int, col: int, value: object, cell_format: Any) -> None:
    """A number as a number (Decimal kept exact up to Excel's 15 digits; beyond what Excel can
    hold, its digits as text), nothing as a blank."""
    if value is None:
        ws.write_blank(row, col, None, cell_format)
    elif isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        exact = Decimal(value)
        if fits_excel(exact):
            ws.write_number(row, col, excel_number(exact), cell_format)
        else:
            ws.write_string(row, col, plain_number(exact), cell_format)
    else:
        ws.write_string(row, col, str(value), cell_format)
