"""The target and anggaran table: the seed's "TARGET INDIKATOR KINERJA UTAMA (IKU)" table.

NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET | PROGRAM | KEGIATAN | Target | ANGGARAN, with
the column-number row 1..8. Per sasaran block: NO and SASARAN merged over the block, each
indicator on its own row (the last one merged down to the end of the block), then each program
("- Program ...", its output target and anggaran) followed by its numbered kegiatan ("1 Penataan
...", "65 Titik", anggaran). A program's anggaran is ``=SUM`` of its kegiatan, written with its
value; the JUMLAH row sums the programs. When a program's own figure disagrees with the sum of
its kegiatan, the figure is printed as typed (a number, not a formula): a signed document must
show what its author wrote, and the reader reports the disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from iku_excel.model import Dokumen, Kegiatan, Peran, Program, TargetIndikator, TargetSasaran
from iku_excel.write.blocks import KolomCetak, blok_ttd, header_band, judul, tanda_tangan
from iku_excel.write.cells import (
    Rumus,
    excel_number,
    money_format,
    number_format,
    places,
    sum_formula,
    total,
)
from iku_excel.write.paging import Group
from iku_excel.write.sheet import Lembar, Value
from iku_excel.write.style import JUMLAH_LABEL, SEL, SEL_KANAN, SEL_TENGAH, Gaya

KOLOM = (
    KolomCetak("NO", 3.5, SEL_TENGAH),
    KolomCetak("SASARAN STRATEGIS", 14),
    KolomCetak("INDIKATOR KINERJA", 14),
    KolomCetak("TARGET", 7, SEL_TENGAH),
    KolomCetak("PROGRAM", 17),
    KolomCetak("KEGIATAN", 21),
    KolomCetak("Target", 8, SEL_TENGAH),
    KolomCetak("ANGGARAN", 11.5, SEL_KANAN),
)
WEIGHTS = tuple(k.weight for k in KOLOM)
NO, SASARAN, INDIKATOR, TARGET, PROGRAM, KEGIATAN, KELUARAN, ANGGARAN = range(8)
TTD_COLS = (5, 7)
_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class _Amount:
    """A program's anggaran cell: what to write and the number it shows."""

    value: Value
    number: Decimal | None


def write_target(sheet: Lembar, dokumen: Dokumen) -> None:
    ident = dokumen.identitas
    tahun = f"TAHUN ANGGARAN {ident.tahun}" if ident.tahun else ""
    opd = " ".join(t for t in ("OPD", ident.instansi.upper(), ident.kabupaten.upper()) if t)
    judul(sheet, ("TARGET INDIKATOR KINERJA UTAMA (IKU)", opd, tahun))
    header_band(sheet, KOLOM, numbers=True)
    money = SEL_KANAN.but(num_format=money_format(_amounts(dokumen)))
    program_cells: list[tuple[int, int]] = []
    program_total = Decimal(0)
    for block in dokumen.target_anggaran:
        for row, amount in _write_block(sheet, block, money):
            program_cells.append((row, ANGGARAN))
            program_total += amount.number or 0
    if program_cells:
        _write_jumlah(sheet, program_cells, program_total, money)
    ttd = blok_ttd(
        dokumen.signatory(Peran.PENETAP), *TTD_COLS, tempat=ident.tempat, tanggal=ident.tanggal
    )
    tanda_tangan(sheet, [ttd])
    sheet.finish()


def _amounts(dokumen: Dokumen) -> list[Decimal | None]:
    found: list[Decimal | None] = []
    for program in dokumen.program:
        found.append(program.anggaran)
        found.extend(k.anggaran for k in program.kegiatan)
    return found


def _write_block(sheet: Lembar, block: TargetSasaran, money: Gaya) -> list[tuple[int, _Amount]]:
    """Write one sasaran block; return the row and amount of each program."""
    first = sheet.row
    lines = sum(1 + len(p.kegiatan) for p in block.program)
    last = first + max(lines, len(block.indikator), 1) - 1
    sheet.put(first, NO, block.no, KOLOM[NO].gaya, last_row=last)
    sheet.put(first, SASARAN, block.uraian, KOLOM[SASARAN].gaya, last_row=last)
    _write_indikator(sheet, block.indikator, first, last)
    programs: list[tuple[int, _Amount]] = []
    row = first
    for program in block.program:
        amount = _write_program(sheet, row, program, money)
        programs.append((row, amount))
        row += 1 + len(program.kegiatan)
    for empty in range(row, last + 1):
        sheet.blank_row(empty, PROGRAM, KELUARAN, SEL)
        sheet.put(empty, ANGGARAN, None, money)
    sheet.groups.append(Group(first, last))  # a sasaran block stays on one page when it can
    sheet.row = last + 1
    return programs


def _write_indikator(
    sheet: Lembar, indikator: tuple[TargetIndikator, ...], first: int, last: int
) -> None:
    items = indikator or (TargetIndikator(uraian=""),)
    for i, ind in enumerate(items):
        row = first + i
        bottom = last if i == len(items) - 1 else row
        value, fmt = target_value(ind)
        sheet.put(row, INDIKATOR, ind.uraian, KOLOM[INDIKATOR].gaya, last_row=bottom)
        gaya = KOLOM[TARGET].gaya.but(num_format=fmt) if fmt else KOLOM[TARGET].gaya
        sheet.put(row, TARGET, value, gaya, last_row=bottom)


def target_value(ind: TargetIndikator) -> tuple[Value, str]:
    """An indicator's target as a cell: "60%" is 0.6 with a 0% format, "90" the number 90,
    anything else (a range, words) the text as shown."""
    shown = ind.target.strip()
    if ind.nilai is None:
        return shown, ""
    bare = shown.rstrip("%").strip()
    percent = ind.satuan == "%" or shown.endswith("%")
    if bare and not _PLAIN_NUMBER.fullmatch(bare):
        return shown, ""
    if percent:
        return ind.nilai / 100, number_format(places(ind.nilai), percent=True)
    return ind.nilai, number_format(places(ind.nilai))


def _write_program(sheet: Lembar, row: int, program: Program, money: Gaya) -> _Amount:
    sheet.put(row, PROGRAM, f"- {program.nama}", SEL)
    sheet.put(row, KEGIATAN, None, SEL)
    _write_output(sheet, row, program.target, program.target_volume)
    first_kegiatan = row + 1
    for i, kegiatan in enumerate(program.kegiatan):
        _write_kegiatan(sheet, first_kegiatan + i, kegiatan, money)
    cells = [(first_kegiatan + i, ANGGARAN) for i in range(len(program.kegiatan))]
    amount = program_amount(program, cells)
    sheet.put(row, ANGGARAN, amount.value, money)
    return amount


def program_amount(program: Program, kegiatan_cells: list[tuple[int, int]]) -> _Amount:
    """``=SUM`` of the kegiatan with its value; the program's own figure when there are no
    kegiatan amounts, or when it disagrees with their sum (see the module docstring)."""
    amounts = [k.anggaran for k in program.kegiatan]
    if all(a is None for a in amounts):
        return _Amount(program.anggaran, program.anggaran)
    computed = total(amounts)
    if program.anggaran is not None and program.anggaran != computed:
        return _Amount(program.anggaran, program.anggaran)
    return _Amount(Rumus(sum_formula(kegiatan_cells), excel_number(computed)), computed)


def _write_kegiatan(sheet: Lembar, row: int, kegiatan: Kegiatan, money: Gaya) -> None:
    sheet.put(row, PROGRAM, None, SEL)
    name = f"{kegiatan.no} {kegiatan.nama}" if kegiatan.no else kegiatan.nama
    sheet.put(row, KEGIATAN, name, SEL)
    _write_output(sheet, row, kegiatan.target, kegiatan.target_volume)
    sheet.put(row, ANGGARAN, kegiatan.anggaran, money)


def _write_output(sheet: Lembar, row: int, shown: str, volume: Decimal | None) -> None:
    """An output target: a bare number as a number, "65 Titik" as the text shown."""
    gaya = KOLOM[KELUARAN].gaya
    if volume is not None and _PLAIN_NUMBER.fullmatch(shown.strip() or "0"):
        sheet.put(row, KELUARAN, volume, gaya.but(num_format=number_format(places(volume))))
    else:
        sheet.put(row, KELUARAN, shown, gaya)


def _write_jumlah(
    sheet: Lembar, cells: list[tuple[int, int]], amount: Decimal, money: Gaya
) -> None:
    row = sheet.row
    sheet.put(row, NO, "JUMLAH", JUMLAH_LABEL, last_col=KELUARAN)
    sheet.put(row, ANGGARAN, Rumus(sum_formula(cells), excel_number(amount)), money.but(bold=True))
    sheet.row += 1
