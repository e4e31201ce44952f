"""The IKU lampiran of the SK: the seed's first table, with kop, lampiran block and signature.

NO | SASARAN STRATEGIS | INDIKATOR KINERJA UTAMA | SATUAN | PENJELASAN (ALASAN | FORMULASI/CARA
PENGUKURAN | SUMBER DATA) | KETERANGAN/KRITERIA. NO ("1.") and SASARAN are merged over the rows
of their indicators; a sasaran without indicators still gets its row.
"""

from __future__ import annotations

from iku_excel.model import Dokumen, Indikator, Peran, Sasaran
from iku_excel.write.blocks import (
    KolomCetak,
    blok_lampiran,
    blok_ttd,
    header_band,
    judul,
    kop,
    tanda_tangan,
)
from iku_excel.write.paging import Group
from iku_excel.write.sheet import Lembar
from iku_excel.write.style import SEL_TENGAH

KOLOM = (
    KolomCetak("NO", 3.5, SEL_TENGAH),
    KolomCetak("SASARAN STRATEGIS", 14.5),
    KolomCetak("INDIKATOR KINERJA UTAMA", 14.5),
    KolomCetak("SATUAN", 6.5, SEL_TENGAH),
    KolomCetak("ALASAN", 20, group="PENJELASAN"),
    KolomCetak("FORMULASI/CARA PENGUKURAN", 16, group="PENJELASAN"),
    KolomCetak("SUMBER DATA", 9.5, group="PENJELASAN"),
    KolomCetak("KETERANGAN/KRITERIA", 15.5),
)
WEIGHTS = tuple(k.weight for k in KOLOM)
LAMPIRAN_LABEL_COL = 6  # "Lampiran" under SUMBER DATA, its value over KETERANGAN
TTD_COLS = (5, 7)  # the signatory block over FORMULASI .. KETERANGAN


def write_iku(sheet: Lembar, dokumen: Dokumen) -> None:
    ident = dokumen.identitas
    kop(sheet, ident)
    blok_lampiran(sheet, ident, LAMPIRAN_LABEL_COL)
    judul(sheet, ("INDIKATOR KINERJA UTAMA (IKU)", ident.instansi.upper(), ident.kabupaten.upper()))
    header_band(sheet, KOLOM)
    for sasaran in dokumen.sasaran:
        _write_sasaran(sheet, sasaran)
    block = blok_ttd(
        dokumen.signatory(Peran.PENETAP),
        *TTD_COLS,
        tempat=ident.sk_tempat or ident.tempat,
        tanggal=ident.sk_tanggal or ident.tanggal,
    )
    tanda_tangan(sheet, [block])
    sheet.finish()


def _write_sasaran(sheet: Lembar, sasaran: Sasaran) -> None:
    first = sheet.row
    rows = max(len(sasaran.indikator), 1)
    last = first + rows - 1
    no = f"{sasaran.no}." if sasaran.no else ""
    sheet.put(first, 0, no, KOLOM[0].gaya, last_row=last)
    sheet.put(first, 1, sasaran.uraian, KOLOM[1].gaya, last_row=last)
    for i, indikator in enumerate(sasaran.indikator or (Indikator(uraian=""),)):
        _write_indikator(sheet, first + i, indikator)
    sheet.groups.append(Group(first, last))  # a sasaran stays on one page when it can
    sheet.row = last + 1


def _write_indikator(sheet: Lembar, row: int, ind: Indikator) -> None:
    values = (ind.uraian, ind.satuan, ind.alasan, ind.formulasi, ind.sumber_data, ind.keterangan)
    for col, value in enumerate(values, start=2):
        sheet.put(row, col, value, KOLOM[col].gaya)
