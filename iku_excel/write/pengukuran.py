"""The measurement (pengukuran) lampiran of the LKjIP, and its chart on a sheet of its own.

First table: NO | SASARAN STRATEGIS | INDIKATOR KINERJA | SATUAN | TARGET | REALISASI (TW I |
TW II | TW III | TW IV | TAHUN) | CAPAIAN (%) | PREDIKAT, with a column-number row, and after the
indicators of each sasaran a "Rata-rata capaian sasaran" row. Targets and realisasi are in the
units of the satuan (60 for 60%), as the capaian formulas divide one by the other.

Second table, per program: anggaran, realisasi, serapan (%), sisa anggaran (Rp), the gap capaian
- serapan in points and its efisiensi label, with a Jumlah row.

Every computed cell (realisasi tahun, capaian, predikat, rata-rata, serapan, sisa, gap, label,
totals) is a formula from ``formulas.py`` (the calculator's twin) written with the calculator's
value as its cached result: the printed figure is the calculator's, and a spreadsheet that
recalculates gets the same. Predikat cells are coloured by a conditional format per band of the
scale. When the calculator's predikat do not follow the scale given (another scale was used),
they are written as text, not as formulas that would disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iku_excel.calc import (
    HasilDokumen,
    HasilIndikator,
    HasilProgram,
    HasilSasaran,
    SkalaPredikat,
)
from iku_excel.calc.formulas import (
    capaian_formula_for,
    efisiensi_formula,
    jumlah_formula,
    predikat_formula,
    rata_rata_formula,
    realisasi_formula,
    selisih_formula,
    serapan_formula,
    serapan_total_formula,
    sisa_anggaran_formula,
)
from iku_excel.grid import cell_name, column_letter
from iku_excel.model import Dokumen, Peran, Rentang
from iku_excel.text import TW_NAMES
from iku_excel.values import plain_number
from iku_excel.write.blocks import (
    KolomCetak,
    blok_ttd,
    header_band,
    judul,
    spacer,
    tanda_tangan,
)
from iku_excel.write.cells import (
    Number,
    Rumus,
    excel_number,
    fits_excel,
    money_format,
    number_format,
    places,
)
from iku_excel.write.paging import Group
from iku_excel.write.sheet import Lembar, Value
from iku_excel.write.style import HEADER, JUMLAH_LABEL, SEL, SEL_KANAN, SEL_TENGAH, Gaya

ANGKA = SEL_TENGAH.but(wrap=False)
FMT_PERSEN_ANGKA = "0.00"  # capaian and serapan: percent units, two decimals as calculated
KOLOM = (
    KolomCetak("NO", 3.5, SEL_TENGAH),
    KolomCetak("SASARAN STRATEGIS", 14),
    KolomCetak("INDIKATOR KINERJA", 16),
    KolomCetak("SATUAN", 6, SEL_TENGAH),
    KolomCetak("TARGET", 7, ANGKA),
    *(KolomCetak(tw, 6.5, ANGKA, group="REALISASI") for tw in TW_NAMES),
    KolomCetak("TAHUN", 7, ANGKA, group="REALISASI"),
    KolomCetak("CAPAIAN (%)", 8, ANGKA),
    KolomCetak("PREDIKAT", 10, SEL_TENGAH),
)
WEIGHTS = tuple(k.weight for k in KOLOM)
NO, SASARAN, INDIKATOR, SATUAN, TARGET, TW1, TW2, TW3, TW4, TAHUN, CAPAIAN, PREDIKAT = range(12)

# The program table on the same grid: (header, first column, last column).
PROGRAM_KOLOM = (
    ("No", NO, NO),
    ("Program", SASARAN, INDIKATOR),
    ("Anggaran (Rp)", SATUAN, TARGET),
    ("Realisasi (Rp)", TW1, TW2),
    ("Serapan (%)", TW3, TW3),
    ("Sisa Anggaran (Rp)", TW4, TAHUN),
    ("Capaian - Serapan (poin)", CAPAIAN, CAPAIAN),
    ("Efisiensi", PREDIKAT, PREDIKAT),
)
# Light fills, best band first; a scale of n bands takes n of them spread over the list.
BAND_FILLS = ("#C6EFCE", "#E2EFDA", "#FFEB9C", "#FCE4D6", "#FFC7CE")
TTD_COLS = (CAPAIAN - 2, PREDIKAT)


@dataclass(frozen=True, slots=True)
class BarisIndikator:
    """Where an indicator was written, for the chart sheet."""

    label: str
    uraian: str
    row: int
    capaian: Decimal | None
    predikat: str | None


def write_pengukuran(
    sheet: Lembar, dokumen: Dokumen, hasil: HasilDokumen, skala: SkalaPredikat
) -> list[BarisIndikator]:
    """Write the pengukuran sheet; return the indicator rows for the chart."""
    ident = dokumen.identitas
    tahun = f"PENGUKURAN KINERJA TAHUN {ident.tahun}" if ident.tahun else "PENGUKURAN KINERJA"
    judul(sheet, (tahun, ident.instansi.upper(), ident.kabupaten.upper()))
    header_band(sheet, KOLOM, numbers=True)
    as_formulas = predikat_follows(hasil, skala)
    table_top = sheet.row
    written: list[BarisIndikator] = []
    rata_rows: dict[int, int] = {}  # id(Sasaran) -> row of its rata-rata capaian
    for hs in hasil.sasaran:
        rows, rata_row = _write_sasaran(sheet, hs, skala, as_formulas)
        written += rows
        rata_rows[id(hs.sasaran)] = rata_row
    _colour_predikat(sheet, table_top, sheet.row - 1, skala)
    sheet.repeat_until = sheet.row - 1
    if hasil.program:
        spacer(sheet, 14)
        _write_programs(sheet, hasil, rata_rows)
    ttd = blok_ttd(
        dokumen.signatory(Peran.PENETAP), *TTD_COLS, tempat=ident.tempat, tanggal=ident.tanggal
    )
    tanda_tangan(sheet, [ttd])
    sheet.finish()
    return written


def predikat_follows(hasil: HasilDokumen, skala: SkalaPredikat) -> bool:
    """Whether every predikat the calculator gave is the scale's class of its capaian."""
    pairs = [(i.capaian, i.predikat) for i in hasil.indikator]
    pairs += [(s.capaian, s.predikat) for s in hasil.sasaran]
    return all(
        predikat == (None if capaian is None else skala.classify(capaian))
        for capaian, predikat in pairs
    )


# ---------------------------------------------------------------------- indicators


def _write_sasaran(
    sheet: Lembar, hs: HasilSasaran, skala: SkalaPredikat, as_formulas: bool
) -> tuple[list[BarisIndikator], int]:
    first = sheet.row
    written: list[BarisIndikator] = []
    for i, hi in enumerate(hs.indikator, start=1):
        row = first + i - 1
        _write_indikator(sheet, row, hi, skala, as_formulas)
        label = hi.indikator.kode or f"{hs.sasaran.no}.{i}"
        written.append(BarisIndikator(label, hi.indikator.uraian, row, hi.capaian, hi.predikat))
    if not hs.indikator:
        sheet.blank_row(first, INDIKATOR, PREDIKAT, SEL)
    rata = first + max(len(hs.indikator), 1)
    sheet.put(first, NO, hs.sasaran.no, KOLOM[NO].gaya, last_row=rata)
    sheet.put(first, SASARAN, hs.sasaran.uraian, KOLOM[SASARAN].gaya, last_row=rata)
    sheet.put(rata, INDIKATOR, "Rata-rata capaian sasaran", JUMLAH_LABEL, last_col=TAHUN)
    capaian_range = f"{cell_name(first + 1, CAPAIAN + 1)}:{cell_name(rata, CAPAIAN + 1)}"
    mean = Rumus(rata_rata_formula(capaian_range), _cached(hs.capaian))
    sheet.put(rata, CAPAIAN, mean, _bold(ANGKA.but(num_format=FMT_PERSEN_ANGKA)))
    sheet.put(rata, PREDIKAT, _predikat(rata, hs.predikat, skala, as_formulas), _bold(ANGKA))
    sheet.groups.append(Group(first, rata))  # a sasaran and its mean stay on one page
    sheet.row = rata + 1
    return written, rata


def _write_indikator(
    sheet: Lembar, row: int, hi: HasilIndikator, skala: SkalaPredikat, as_formulas: bool
) -> None:
    ind = hi.indikator
    sheet.put(row, INDIKATOR, ind.uraian, SEL)
    sheet.put(row, SATUAN, ind.satuan, SEL_TENGAH)
    target_ref, target_atas = _write_target(sheet, row, hi)
    tw_cols = (TW1, TW2, TW3, TW4)
    for col, value in zip(tw_cols, ind.realisasi.values, strict=True):
        _put_number(sheet, row, col, value)
    if ind.realisasi_tahun is not None:  # the table's own year value: kept as given
        _put_number(sheet, row, TAHUN, ind.realisasi_tahun)
    else:
        refs = [cell_name(row + 1, c + 1) for c in tw_cols]
        formula = Rumus(realisasi_formula(hi.akumulasi, refs), _cached(hi.realisasi_tahun))
        fmt = number_format(max((places(v) for v in ind.realisasi if v is not None), default=0))
        sheet.put(row, TAHUN, formula, ANGKA.but(num_format=fmt))
    capaian_fmt = ANGKA.but(num_format=FMT_PERSEN_ANGKA)
    if hi.metode.is_rentang != (target_atas is not None):
        # a range method with a one-number target: no formula gives the calculator's answer
        sheet.put(row, CAPAIAN, hi.capaian, capaian_fmt)
    else:
        capaian = capaian_formula_for(hi, target_ref, cell_name(row + 1, TAHUN + 1), target_atas)
        sheet.put(row, CAPAIAN, Rumus(capaian, _cached(hi.capaian)), capaian_fmt)
    sheet.put(row, PREDIKAT, _predikat(row, hi.predikat, skala, as_formulas), ANGKA)


def _write_target(sheet: Lembar, row: int, hi: HasilIndikator) -> tuple[str, str | None]:
    """Write the target; return what the capaian formula refers to (cell, upper bound)."""
    target = hi.target
    if isinstance(target, Rentang):  # shown as text, the bounds go into the formula
        bawah, atas = plain_number(target.bawah), plain_number(target.atas)
        sheet.put(row, TARGET, f"{bawah} - {atas}", ANGKA)
        return bawah, atas
    _put_number(sheet, row, TARGET, target)
    return cell_name(row + 1, TARGET + 1), None


def _predikat(row: int, predikat: str | None, skala: SkalaPredikat, as_formula: bool) -> Value:
    if not as_formula:
        return predikat or ""
    return Rumus(predikat_formula(skala, cell_name(row + 1, CAPAIAN + 1)), predikat or "")


def band_fill(index: int, count: int) -> str:
    """The fill of the ``index``-th band of ``count`` (best first): BAND_FILLS spread over
    the bands, so a predikat looks alike in every workbook whatever the scale's length."""
    return BAND_FILLS[round(index * (len(BAND_FILLS) - 1) / max(count - 1, 1))]


def _colour_predikat(sheet: Lembar, first: int, last: int, skala: SkalaPredikat) -> None:
    """Capaian and predikat cells filled by the band their predikat names."""
    bands = skala.bands
    for i, band in enumerate(bands):
        text = band.predikat.replace('"', '""')
        formula = f'=${column_letter(PREDIKAT + 1)}{first + 1}="{text}"'
        sheet.colour_when((first, CAPAIAN), (last, PREDIKAT), formula, band_fill(i, len(bands)))


# ---------------------------------------------------------------------- programs


def _write_programs(sheet: Lembar, hasil: HasilDokumen, rata_rows: dict[int, int]) -> None:
    top = sheet.row
    for header, first, last in PROGRAM_KOLOM:
        sheet.put(top, first, header, HEADER, last_col=last)
    amounts = [p.anggaran.anggaran for p in hasil.program]
    amounts += [p.anggaran.realisasi for p in hasil.program]
    money = SEL_KANAN.but(num_format=money_format(amounts))
    for i, hp in enumerate(hasil.program, start=1):
        row = top + i
        rata = rata_rows.get(id(hp.sasaran.sasaran)) if hp.sasaran is not None else None
        _write_program_row(sheet, row, i, hp, rata, money)
    sheet.groups.append(Group(top, top + 1))  # the header never stands alone
    _write_program_total(sheet, top + len(hasil.program) + 1, top + 1, hasil, money)


def _write_program_row(
    sheet: Lembar, row: int, no: int, hp: HasilProgram, rata_row: int | None, money: Gaya
) -> None:
    a = hp.anggaran
    pagu, realisasi = cell_name(row + 1, SATUAN + 1), cell_name(row + 1, TW1 + 1)
    sheet.put(row, NO, no, SEL_TENGAH)
    sheet.put(row, SASARAN, hp.program.nama, SEL, last_col=INDIKATOR)
    sheet.put(row, SATUAN, a.anggaran, money, last_col=TARGET)
    sheet.put(row, TW1, a.realisasi, money, last_col=TW2)
    serapan = Rumus(serapan_formula(pagu, realisasi), _cached(a.serapan))
    sheet.put(row, TW3, serapan, ANGKA.but(num_format=FMT_PERSEN_ANGKA))
    sisa = Rumus(sisa_anggaran_formula(pagu, realisasi), _cached(a.sisa))
    sheet.put(row, TW4, sisa, money, last_col=TAHUN)
    if rata_row is None:
        sheet.put(row, CAPAIAN, None, ANGKA)
        sheet.put(row, PREDIKAT, None, ANGKA)
        return
    gap = selisih_formula(cell_name(rata_row + 1, CAPAIAN + 1), cell_name(row + 1, TW3 + 1))
    sheet.put(row, CAPAIAN, Rumus(gap, _cached(hp.selisih)), ANGKA.but(num_format="0.00"))
    label = hp.efisiensi.label if hp.efisiensi is not None else ""
    sheet.put(
        row, PREDIKAT, Rumus(efisiensi_formula(cell_name(row + 1, CAPAIAN + 1)), label), ANGKA
    )


def _write_program_total(
    sheet: Lembar, row: int, first: int, hasil: HasilDokumen, money: Gaya
) -> None:
    total = hasil.total
    last = row - 1
    pagu_range = f"{cell_name(first + 1, SATUAN + 1)}:{cell_name(last + 1, SATUAN + 1)}"
    realisasi_range = f"{cell_name(first + 1, TW1 + 1)}:{cell_name(last + 1, TW1 + 1)}"
    bold_money = _bold(money)
    sheet.put(row, NO, "Jumlah", JUMLAH_LABEL, last_col=INDIKATOR)
    jumlah_pagu = Rumus(jumlah_formula(pagu_range), _cached(total.anggaran))
    sheet.put(row, SATUAN, jumlah_pagu, bold_money, last_col=TARGET)
    jumlah_realisasi = Rumus(jumlah_formula(realisasi_range), _cached(total.realisasi))
    sheet.put(row, TW1, jumlah_realisasi, bold_money, last_col=TW2)
    serapan = Rumus(serapan_total_formula(pagu_range, realisasi_range), _cached(total.serapan))
    sheet.put(row, TW3, serapan, _bold(ANGKA.but(num_format=FMT_PERSEN_ANGKA)))
    sisa = sisa_anggaran_formula(cell_name(row + 1, SATUAN + 1), cell_name(row + 1, TW1 + 1))
    sheet.put(row, TW4, Rumus(sisa, _cached(total.sisa)), bold_money, last_col=TAHUN)
    sheet.put(row, CAPAIAN, None, ANGKA)
    sheet.put(row, PREDIKAT, None, ANGKA)
    sheet.row = row + 1


# ---------------------------------------------------------------------- values


def _put_number(sheet: Lembar, row: int, col: int, value: Decimal | None) -> None:
    fmt = number_format(places(value)) if value is not None else ""
    sheet.put(row, col, value, ANGKA.but(num_format=fmt) if fmt else ANGKA)


def _cached(value: Decimal | None) -> Number | str:
    """A formula's cached value: the number, or "" where the calculator says not computable
    (the formula then shows "" too)."""
    return "" if value is None or not fits_excel(value) else excel_number(value)


def _bold(gaya: Gaya) -> Gaya:
    return gaya.but(bold=True)
