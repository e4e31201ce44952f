"""The Perjanjian Kinerja lampiran (PermenPANRB 53/2014): targets, programs, two signatures.

No | Sasaran Strategis | Indikator Kinerja | Target, from the document's sasaran and their
indicators' targets (60 with satuan % prints 60%, other units follow the number: "65 Titik";
words that are no unit, such as Indeks, Angka, Jumlah, are left out). Then No | Program |
Anggaran with a Jumlah row, from the target/anggaran table's programs.

Signatures side by side: PIHAK KEDUA (the superior, ``Peran.PIHAK_KEDUA``) on the left, PIHAK
PERTAMA (``Peran.PIHAK_PERTAMA``, else the document's penetap) on the right under the place and
date. A block whose signatory the document does not name is printed with dotted lines to fill
by hand, so the page is complete and nothing is invented.
"""

from __future__ import annotations

from decimal import Decimal

from iku_excel.calc import own_or_sum
from iku_excel.model import Dokumen, Indikator, Penandatangan, Peran, Program, Rentang, Sasaran
from iku_excel.values import is_percent_satuan, plain_number
from iku_excel.write.blocks import (
    KolomCetak,
    blok_ttd,
    header_band,
    judul,
    spacer,
    tanda_tangan,
)
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
from iku_excel.write.style import HEADER, JUMLAH_LABEL, SEL, SEL_KANAN, SEL_TENGAH, Gaya

KOLOM = (
    KolomCetak("No", 5, SEL_TENGAH),
    KolomCetak("Sasaran Strategis", 35),
    KolomCetak("Indikator Kinerja", 40),
    KolomCetak("Target", 20, SEL_TENGAH),
)
WEIGHTS = tuple(k.weight for k in KOLOM)
NO, SASARAN, INDIKATOR, TARGET = range(4)
PROGRAM_FIRST, PROGRAM_LAST, ANGGARAN = SASARAN, INDIKATOR, TARGET
PIHAK_KEDUA_COLS = (0, 1)
PIHAK_PERTAMA_COLS = (2, 3)
# satuan words that are no unit of the number: not printed after it
_NOT_A_UNIT = frozenset({"", "jumlah", "angka", "nilai", "indeks", "skor", "indeks kepuasan"})


def write_pk(sheet: Lembar, dokumen: Dokumen) -> None:
    ident = dokumen.identitas
    tahun = f"PERJANJIAN KINERJA TAHUN {ident.tahun}" if ident.tahun else "PERJANJIAN KINERJA"
    judul(sheet, (tahun, ident.instansi.upper(), ident.kabupaten.upper()))
    header_band(sheet, KOLOM)
    for sasaran in dokumen.sasaran:
        _write_sasaran(sheet, sasaran)
    sheet.repeat_until = sheet.row - 1
    if dokumen.program:
        spacer(sheet, 14)
        _write_programs(sheet, dokumen.program)
    kedua = blok_ttd(dokumen.signatory(Peran.PIHAK_KEDUA), *PIHAK_KEDUA_COLS, peran="PIHAK KEDUA,")
    pertama = blok_ttd(
        pihak_pertama(dokumen),
        *PIHAK_PERTAMA_COLS,
        tempat=ident.tempat,
        tanggal=ident.tanggal,
        peran="PIHAK PERTAMA,",
    )
    tanda_tangan(sheet, [kedua, pertama])
    sheet.finish()


def pihak_pertama(dokumen: Dokumen) -> Penandatangan | None:
    """The head of the instansi: the PIHAK_PERTAMA signatory, else the first one that is not
    the PIHAK_KEDUA."""
    found = dokumen.signatory(Peran.PIHAK_PERTAMA)
    if found is not None:
        return found
    return next((p for p in dokumen.penandatangan if p.peran is not Peran.PIHAK_KEDUA), None)


def _write_sasaran(sheet: Lembar, sasaran: Sasaran) -> None:
    first = sheet.row
    items = sasaran.indikator or (Indikator(uraian=""),)
    last = first + len(items) - 1
    sheet.put(first, NO, sasaran.no, KOLOM[NO].gaya, last_row=last)
    sheet.put(first, SASARAN, sasaran.uraian, KOLOM[SASARAN].gaya, last_row=last)
    for row, ind in enumerate(items, start=first):
        sheet.put(row, INDIKATOR, ind.uraian, KOLOM[INDIKATOR].gaya)
        value, fmt = target_value(ind)
        gaya = KOLOM[TARGET].gaya
        sheet.put(row, TARGET, value, gaya.but(num_format=fmt) if fmt else gaya)
    sheet.groups.append(Group(first, last))
    sheet.row = last + 1


def target_value(ind: Indikator) -> tuple[Value, str]:
    """An indicator's target as a cell value and number format (see the module docstring)."""
    target, satuan = ind.target, ind.satuan.strip()
    percent = is_percent_satuan(satuan)
    if target is None:
        return "", ""
    if isinstance(target, Rentang):
        unit = "%" if percent else (f" {satuan}" if satuan.casefold() not in _NOT_A_UNIT else "")
        return f"{plain_number(target.bawah)} - {plain_number(target.atas)}{unit}", ""
    if percent:
        return target / 100, number_format(places(target), percent=True)
    suffix = "" if satuan.casefold() in _NOT_A_UNIT else satuan
    return target, number_format(places(target), suffix=suffix)


def _write_programs(sheet: Lembar, programs: tuple[Program, ...]) -> None:
    top = sheet.row
    sheet.put(top, NO, "No", HEADER)
    sheet.put(top, PROGRAM_FIRST, "Program", HEADER, last_col=PROGRAM_LAST)
    sheet.put(top, ANGGARAN, "Anggaran (Rp)", HEADER)
    amounts = [program_anggaran(p) for p in programs]
    money = SEL_KANAN.but(num_format=money_format(amounts))
    for i, (program, amount) in enumerate(zip(programs, amounts, strict=True), start=1):
        row = top + i
        sheet.put(row, NO, i, KOLOM[NO].gaya)
        sheet.put(row, PROGRAM_FIRST, program.nama, SEL, last_col=PROGRAM_LAST)
        sheet.put(row, ANGGARAN, amount, money)
    # the header of this second table never stands alone at the foot of a page
    sheet.groups.append(Group(top, top + 1))
    row = top + len(programs) + 1
    sheet.put(row, NO, "Jumlah", JUMLAH_LABEL, last_col=PROGRAM_LAST)
    cells = [(top + i, ANGGARAN) for i in range(1, len(programs) + 1)]
    jumlah = Rumus(sum_formula(cells), excel_number(total(amounts)))
    sheet.put(row, ANGGARAN, jumlah, _bold(money))
    sheet.row = row + 1


def program_anggaran(program: Program) -> Decimal | None:
    """A program's anggaran as the calculator takes it: its own figure, else the sum of its
    kegiatan when every one has an amount (a partial sum would print a wrong total)."""
    return own_or_sum(program.anggaran, [k.anggaran for k in program.kegiatan])[0]


def _bold(gaya: Gaya) -> Gaya:
    return gaya.but(bold=True)
