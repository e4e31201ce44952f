"""The rekap workbook: many SAKIP workbooks consolidated into one (``iku rekap``).

``build_rekap(sources)`` consolidates the sources (``consolidate.py``: each read with the reader,
computed with the calculator, their sasaran matched up) and returns one workbook as bytes (write
them with ``fileio.write_bytes_atomic``) and a ``RekapReport``. The workbook has four sheets:

- **Rekap**: one row per instansi x indikator: NO | INSTANSI | TAHUN | NO SASARAN | SASARAN
  STRATEGIS | INDIKATOR KINERJA | SATUAN | TARGET | REALISASI | CAPAIAN (%) | PREDIKAT | BERKAS.
  Capaian and predikat are formulas over the target and realisasi of the same row (the
  calculator's twins from ``formulas.py``), written with the calculator's values.
- **Per Sasaran**: capaian per sasaran (rows) by instansi (columns); each cell is the mean of
  that sasaran's indicator capaian in the Rekap sheet. Below, a Rata-rata row (the mean of the
  instansi's sasaran) and a Peringkat row (the rank of that mean, highest first; equal means
  share a rank, as Excel's RANK does). Cells are coloured by the predikat band of their value.
- **Grafik**: a native column chart of each instansi's Rata-rata.
- **Masalah**: every problem met, located (berkas, sheet, sel), and every file that failed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iku_excel.calc import (
    BATAS_EXCEL,
    Aturan,
    HasilIndikator,
    SkalaPredikat,
)
from iku_excel.calc.formulas import (
    band_condition_formulas,
    capaian_formula_for,
    number_literal,
    predikat_formula,
    rank_formula,
    rata_rata_formula,
    text_equals_formula,
)
from iku_excel.consolidate import (
    Berkas,
    Consolidation,
    KelompokSasaran,
    RekapReport,
    consolidate,
    masalah_of,
    rank_descending,
    ratio_text,
    rounded_mean,
    sasaran_value,
)
from iku_excel.errors import IkuInputError, Severity
from iku_excel.grid import cell_name, column_letter
from iku_excel.model import Rentang, Sasaran
from iku_excel.values import plain_number
from iku_excel.write import parse_kertas
from iku_excel.write.cells import Number, Rumus, excel_number, number_format, quoted_sheet
from iku_excel.write.cells import places as decimals_of
from iku_excel.write.finish import with_text_results
from iku_excel.write.grafik import capaian_chart, chart_font
from iku_excel.write.paging import Kertas, Page
from iku_excel.write.pengukuran import band_fill
from iku_excel.write.sheet import RowHeights, colour_when, set_up_page, size_cells, write_value
from iku_excel.write.style import FONT, HEADER, SEL, SEL_TENGAH, Formats, Gaya
from iku_excel.write.workbook import new_workbook
from iku_excel.write.worksheet import add_worksheet

__all__ = ["band_conditions", "band_text", "build_rekap"]

SHEET_REKAP = "Rekap"
SHEET_PER_SASARAN = "Per Sasaran"
SHEET_GRAFIK = "Grafik"
SHEET_MASALAH = "Masalah"
TINGKAT = {s: s.label for s in Severity}

Nilai = Number | str | None  # what a cell holds: a number, text, or nothing


def build_rekap(
    sources: Sequence[Path],
    *,
    aturan: Aturan | None = None,
    on_progress: Callable[[Path], None] | None = None,
    kertas: Kertas | str = Kertas.F4,
) -> tuple[bytes, RekapReport]:
    """Consolidate ``sources`` into one workbook: (xlsx bytes, report).

    Every file is read and computed with ``aturan`` (default settings when None) on its own; a
    file that fails is listed in the report and the Masalah sheet, never raised. ``on_progress``
    is called with each source once it is done (or failed). ``kertas``: F4, A4 or Legal. Raises
    ``IkuInputError`` only when ``sources`` is empty or ``kertas`` unknown."""
    if not sources:
        raise IkuInputError("tidak ada berkas untuk direkap; sebutkan paling sedikit satu .xlsx")
    paper = parse_kertas(kertas)
    aturan = aturan or Aturan()
    found = consolidate(sources, aturan, on_progress)
    rekap = _Rekap(found, aturan.skala_predikat, paper)
    data = rekap.write()
    return data, found.report(rekap.rows_written)


# --------------------------------------------------------------------------- cells and sheets


@dataclass(frozen=True, slots=True)
class _Kolom:
    header: str
    width_px: int
    gaya: Gaya = SEL


ANGKA = SEL_TENGAH.but(wrap=False)
PERSEN = ANGKA.but(num_format="0.00")  # capaian: percent units, two decimals as calculated
TEBAL = SEL.but(bold=True)
TOP_MARGIN = 0.75  # inches: room for the title printed in the page header
CHART_HEIGHT_PX = 560


class _Tabel:
    """A data sheet with its header in row 1. Cells are written and rows sized as in the
    lampiran's ``Lembar`` (``write_value``, ``RowHeights``, ``size_cells``, ``set_up_page``), so
    Excel, LibreOffice and WPS show the same rows. Unlike ``Lembar``, columns keep their own
    widths instead of being shared out over one page width (a pivot of 40 instansi is wider than
    a page, and printing fits it to the width); no manual page breaks (no group of rows to keep
    whole); the title is in the page header, not in rows; a number counts as one line (in a
    narrow NO column the lampiran's estimate of "1,000" would double the row)."""

    def __init__(
        self, workbook: Workbook, formats: Formats, name: str, kolom: Sequence[_Kolom]
    ) -> None:
        self.ws = add_worksheet(workbook, name)
        self.name = name
        self.formats = formats
        self.widths = [k.width_px for k in kolom]
        self.last_row = 0
        self._rows = RowHeights()
        for col, k in enumerate(kolom):
            self.put(0, col, k.header, HEADER)

    @property
    def last_col(self) -> int:
        return len(self.widths) - 1

    def put(self, row: int, col: int, value: Nilai | Rumus, gaya: Gaya) -> None:
        write_value(self.ws, row, col, value, self.formats(gaya))
        shown = value.value if isinstance(value, Rumus) else value
        self._rows.note(row, col, shown if isinstance(shown, str) else "", gaya)
        self.last_row = max(self.last_row, row)

    def colour_when(
        self, first: tuple[int, int], last: tuple[int, int], formula: str, fill: str
    ) -> None:
        """Fill cells ``first..last`` (row, col) where ``formula``, written for the top-left
        cell with relative references, is true: a conditional format."""
        colour_when(self.ws, self.formats, first, last, formula, fill)

    def finish(self, title: str, paper: Kertas, *, freeze_cols: int, autofilter: bool) -> None:
        ws = self.ws
        size_cells(ws, self.widths, self._rows.heights(self.widths))
        ws.freeze_panes(1, freeze_cols)
        if autofilter:
            ws.autofilter(0, 0, self.last_row, self.last_col)
        _print_setup(ws, title, paper)
        ws.repeat_rows(0)
        ws.print_area(0, 0, self.last_row, self.last_col)


def _print_setup(ws: Worksheet, title: str, paper: Kertas, *, tall: int = 0) -> None:
    """The lampiran's page setup on the chosen paper, with ``title`` (if any) in the page
    header and a top margin that makes room for it."""
    header = f'&C&"{FONT},Bold"&12' + title.replace("&", "&&") if title else None
    set_up_page(ws, Page(paper), top=TOP_MARGIN, header=header, tall=tall)


def _angka(value: Decimal | None) -> Nilai:
    """A Decimal as an Excel number; beyond what Excel holds, as text, so nothing is lost."""
    if value is None:
        return None
    if not value.is_finite() or abs(value) >= BATAS_EXCEL:
        return str(value)
    return excel_number(value)


def _cached(value: Decimal | None) -> Number | str:
    """A formula's cached value: the number, or "" where the calculator says not computable."""
    shown = _angka(value)
    return "" if shown is None else shown


def _number_gaya(value: Decimal | None) -> Gaya:
    if value is None or not value.is_finite():
        return ANGKA
    return ANGKA.but(num_format=number_format(decimals_of(value)))


def band_conditions(skala: SkalaPredikat, ref: str) -> list[tuple[str, str]]:
    """(formula, fill) per band of ``skala``: true where ``ref`` holds a capaian of that band.
    The conditions exclude each other, so every program colours a cell alike whatever order
    it applies them in; ISNUMBER first, because "" > 91 is true in Excel."""
    formulas = band_condition_formulas(skala, ref)
    return [(f, band_fill(i, len(formulas))) for i, f in enumerate(formulas)]


def band_text(skala: SkalaPredikat, index: int) -> str:
    """A band's range for the legend: "≥ 91", "≥ 76 dan < 91", "< 51"."""
    bands = skala.bands
    band = bands[index]
    parts = []
    if index < len(bands) - 1:
        parts.append(f"{'≥' if band.inklusif else '>'} {_angka_teks(band.batas_bawah)}")
    if index > 0:
        above = bands[index - 1]
        parts.append(f"{'<' if above.inklusif else '≤'} {_angka_teks(above.batas_bawah)}")
    return " dan ".join(parts) or "semua nilai"


def _angka_teks(value: Decimal) -> str:
    return plain_number(value).replace(".", ",")


# --------------------------------------------------------------------------- the workbook

KOLOM_REKAP = (
    _Kolom("NO", 40, SEL_TENGAH),
    _Kolom("INSTANSI", 150),
    _Kolom("TAHUN", 50, ANGKA.but(num_format="0")),
    _Kolom("NO SASARAN", 80, SEL_TENGAH),
    _Kolom("SASARAN STRATEGIS", 230),
    _Kolom("INDIKATOR KINERJA", 260),
    _Kolom("SATUAN", 70, SEL_TENGAH),
    _Kolom("TARGET", 72, ANGKA),
    _Kolom("REALISASI", 78, ANGKA),
    _Kolom("CAPAIAN (%)", 80, PERSEN),
    _Kolom("PREDIKAT", 100, SEL_TENGAH),
    _Kolom("BERKAS", 170),
)
(NO, INSTANSI, TAHUN, NO_SASARAN, SASARAN, INDIKATOR, SATUAN, TARGET, REALISASI, CAPAIAN,
 PREDIKAT, BERKAS) = range(len(KOLOM_REKAP))  # fmt: skip

KOLOM_MASALAH = (
    _Kolom("NO", 40, SEL_TENGAH),
    _Kolom("BERKAS", 170),
    _Kolom("SHEET", 110),
    _Kolom("SEL", 50, SEL_TENGAH),
    _Kolom("KODE", 190),
    _Kolom("TINGKAT", 104, SEL_TENGAH),
    _Kolom("PESAN", 560),
)
TINGKAT_COL = 5
TINGKAT_FILLS = {"GALAT": "#FFC7CE", "PERINGATAN": "#FFEB9C"}

PIVOT_FIRST = 2  # the first instansi column of Per Sasaran (after NO and SASARAN STRATEGIS)
WIDTH_INSTANSI_PX = 104
TITLE_REKAP = "REKAP CAPAIAN KINERJA"
TITLE_PER_SASARAN = "CAPAIAN KINERJA PER SASARAN"
TITLE_GRAFIK = "RATA-RATA CAPAIAN KINERJA PER INSTANSI"
TITLE_MASALAH = "MASALAH YANG DITEMUKAN"


class _Rekap:
    """Writes the four sheets; ``rows_written`` counts the indicator rows of Rekap."""

    def __init__(self, found: Consolidation, skala: SkalaPredikat, paper: Kertas) -> None:
        self.outcomes = found.outcomes
        self.done = found.done
        self.labels = found.labels
        self.kelompok = found.kelompok
        self.skala = skala
        self.paper = paper
        self.rows_written = 0
        self.tahun = _tahun_suffix(self.done)

    def write(self) -> bytes:
        buffer = io.BytesIO()
        workbook = new_workbook(
            buffer,
            title=f"Rekap Capaian Kinerja{self.tahun.title()}",
            author="iku_excel",
            comments="Dibuat dengan iku_excel (iku rekap)",
        )
        formats = Formats(workbook)
        spans = self._write_rekap(_Tabel(workbook, formats, SHEET_REKAP, KOLOM_REKAP))
        pivot = _Tabel(workbook, formats, SHEET_PER_SASARAN, self._pivot_kolom())
        rata_row = self._write_per_sasaran(pivot, spans)
        self._write_grafik(workbook, formats, rata_row)
        self._write_masalah(_Tabel(workbook, formats, SHEET_MASALAH, KOLOM_MASALAH))
        workbook.close()
        return with_text_results(buffer.getvalue())

    # ------------------------------------------------------------------ Rekap

    def _write_rekap(self, tabel: _Tabel) -> dict[tuple[int, int], tuple[int, int]]:
        """Write one row per indicator; return the rows (first, last) of each (file, sasaran)."""
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        row = 1
        for b, berkas in enumerate(self.done):
            for s, hs in enumerate(berkas.hasil.sasaran):
                first = row
                for hi in hs.indikator:
                    self._write_indikator(tabel, row, berkas, hs.sasaran, hi)
                    row += 1
                if row > first:
                    spans[(b, s)] = (first, row - 1)
        self.rows_written = row - 1
        if row > 1:
            anchor = f"${column_letter(CAPAIAN + 1)}2"
            for formula, fill in band_conditions(self.skala, anchor):
                tabel.colour_when((1, CAPAIAN), (row - 1, PREDIKAT), formula, fill)
        tabel.finish(
            TITLE_REKAP + self.tahun, self.paper, freeze_cols=INSTANSI + 1, autofilter=True
        )
        return spans

    def _write_indikator(
        self, tabel: _Tabel, row: int, berkas: Berkas, sasaran: Sasaran, hi: HasilIndikator
    ) -> None:
        ind = hi.indikator
        tabel.put(row, NO, row, SEL_TENGAH)
        tabel.put(row, INSTANSI, berkas.instansi, SEL)
        tabel.put(row, TAHUN, berkas.tahun, KOLOM_REKAP[TAHUN].gaya)
        tabel.put(row, NO_SASARAN, sasaran.no, SEL_TENGAH)
        tabel.put(row, SASARAN, sasaran.uraian, SEL)
        tabel.put(row, INDIKATOR, ind.uraian, SEL)
        tabel.put(row, SATUAN, ind.satuan, SEL_TENGAH)
        target_ref, target_atas = self._write_target(tabel, row, hi)
        realisasi = _angka(hi.realisasi_tahun)
        tabel.put(row, REALISASI, realisasi, _number_gaya(hi.realisasi_tahun))
        formula_ok = target_ref is not None and not isinstance(realisasi, str)
        tabel.put(row, CAPAIAN, self._capaian(hi, row, target_ref, target_atas, formula_ok), PERSEN)
        predikat = predikat_formula(self.skala, cell_name(row + 1, CAPAIAN + 1))
        tabel.put(row, PREDIKAT, Rumus(predikat, hi.predikat or ""), SEL_TENGAH)
        tabel.put(row, BERKAS, berkas.nama, SEL)

    @staticmethod
    def _write_target(tabel: _Tabel, row: int, hi: HasilIndikator) -> tuple[str | None, str | None]:
        """Write the target; return what a capaian formula refers to: (target cell or lower
        bound, upper bound), the target None when no formula can use it (text)."""
        target = hi.target
        if isinstance(target, Rentang):  # shown as text; its bounds go into the formula
            bawah, atas = number_literal(target.bawah), number_literal(target.atas)
            tabel.put(
                row, TARGET, f"{_angka_teks(target.bawah)} - {_angka_teks(target.atas)}", ANGKA
            )
            return bawah, atas
        value = _angka(target)
        tabel.put(row, TARGET, value, _number_gaya(target))
        return (None if isinstance(value, str) else cell_name(row + 1, TARGET + 1)), None

    @staticmethod
    def _capaian(
        hi: HasilIndikator, row: int, target: str | None, atas: str | None, formula_ok: bool
    ) -> Nilai | Rumus:
        """The calculator's capaian as a formula over the row's target and realisasi; as a
        plain value where no formula gives the same (a range method with a one-number target,
        a value kept as text)."""
        if not formula_ok or target is None or hi.metode.is_rentang != (atas is not None):
            return _angka(hi.capaian)
        formula = capaian_formula_for(hi, target, cell_name(row + 1, REALISASI + 1), atas)
        return Rumus(formula, _cached(hi.capaian))

    # ------------------------------------------------------------------ Per Sasaran

    def _pivot_kolom(self) -> list[_Kolom]:
        return [
            _Kolom("NO", 40, SEL_TENGAH),
            _Kolom("SASARAN STRATEGIS", 300),
            *(_Kolom(label, WIDTH_INSTANSI_PX, PERSEN) for label in self.labels),
            _Kolom("CATATAN", 300),
        ]

    def _write_per_sasaran(
        self, tabel: _Tabel, spans: dict[tuple[int, int], tuple[int, int]]
    ) -> int:
        """Write the pivot, its Rata-rata and Peringkat rows and the colour legend; return the
        row of Rata-rata."""
        catatan = len(self.labels) + PIVOT_FIRST
        for g, group in enumerate(self.kelompok):
            row = g + 1
            tabel.put(row, 0, g + 1, SEL_TENGAH)
            tabel.put(row, 1, group.uraian or "(sasaran tanpa uraian)", SEL)
            for b in range(len(self.done)):
                tabel.put(row, PIVOT_FIRST + b, self._sasaran_cell(group, b, spans), PERSEN)
            tabel.put(row, catatan, self._catatan(group), SEL)
        rata_row = len(self.kelompok) + 1
        means = self._write_rata_rata(tabel, rata_row)
        self._write_peringkat(tabel, rata_row + 1, rata_row, means)
        for col in (0, catatan):
            tabel.put(rata_row, col, None, SEL)
            tabel.put(rata_row + 1, col, None, SEL)
        if self.labels:
            last = PIVOT_FIRST + len(self.labels) - 1
            for formula, fill in band_conditions(self.skala, cell_name(2, PIVOT_FIRST + 1)):
                tabel.colour_when((1, PIVOT_FIRST), (rata_row, last), formula, fill)
        self._write_legend(tabel, rata_row + 3)
        tabel.finish(
            TITLE_PER_SASARAN + self.tahun, self.paper, freeze_cols=PIVOT_FIRST, autofilter=False
        )
        return rata_row

    def _sasaran_cell(
        self, group: KelompokSasaran, b: int, spans: dict[tuple[int, int], tuple[int, int]]
    ) -> Nilai | Rumus:
        """The mean capaian of file ``b``'s indicators of this sasaran, over their Rekap rows."""
        mine = [s for bb, s in group.anggota if bb == b]
        rows = [spans[(b, s)] for s in mine if (b, s) in spans]
        if not rows:
            return None
        column = column_letter(CAPAIAN + 1)
        refs = ",".join(
            f"{quoted_sheet(SHEET_REKAP)}!${column}${first + 1}:${column}${last + 1}"
            for first, last in rows
        )
        value = sasaran_value(self.done[b], group, b)
        return Rumus(rata_rata_formula(refs), _cached(value))

    def _catatan(self, group: KelompokSasaran) -> str:
        notes = [
            f"{self.labels[b]} menulis '{self.done[b].hasil.sasaran[s].sasaran.uraian.strip()}' "
            f"(kemiripan {ratio_text(ratio)})"
            for b, s, ratio in group.beda_kata
        ]
        return "; ".join(notes)

    def _write_rata_rata(self, tabel: _Tabel, row: int) -> list[Decimal | None]:
        tabel.put(row, 1, "Rata-rata", TEBAL)
        means: list[Decimal | None] = []
        for b in range(len(self.done)):
            col = PIVOT_FIRST + b
            values = [sasaran_value(self.done[b], group, b) for group in self.kelompok]
            mean = rounded_mean(values)
            means.append(mean)
            cells = f"{cell_name(2, col + 1)}:{cell_name(max(row, 2), col + 1)}"
            value: Nilai | Rumus = Rumus(rata_rata_formula(cells), _cached(mean))
            tabel.put(row, col, value if self.kelompok else None, PERSEN.but(bold=True))
        return means

    def _write_peringkat(
        self, tabel: _Tabel, row: int, rata_row: int, means: Sequence[Decimal | None]
    ) -> None:
        tabel.put(row, 1, "Peringkat", TEBAL)
        if not means:
            return
        first = cell_name(rata_row + 1, PIVOT_FIRST + 1, absolute=True)
        last = cell_name(rata_row + 1, PIVOT_FIRST + len(means), absolute=True)
        for b, rank in enumerate(rank_descending(means)):
            mean = cell_name(rata_row + 1, PIVOT_FIRST + b + 1)
            formula = rank_formula(mean, f"{first}:{last}")
            tabel.put(
                row,
                PIVOT_FIRST + b,
                Rumus(formula, "" if rank is None else rank),
                ANGKA.but(bold=True),
            )

    def _write_legend(self, tabel: _Tabel, row: int) -> None:
        """What each colour means, under the table (a legend does not print in the header)."""
        tabel.put(row, 1, f"Warna predikat (skala {self.skala.nama}):", TEBAL.but(border=0))
        for i, band in enumerate(self.skala.bands):
            colour = band_fill(i, len(self.skala.bands))
            text = f"{band.predikat}: capaian {band_text(self.skala, i)}"
            tabel.put(row + 1 + i, 1, text, SEL.but(fill=colour))

    # ------------------------------------------------------------------ Grafik

    def _write_grafik(self, workbook: Workbook, formats: Formats, rata_row: int) -> None:
        ws = add_worksheet(workbook, SHEET_GRAFIK)
        ws.set_column_pixels(0, 0, 400)
        title = TITLE_GRAFIK + self.tahun
        ws.write_string(0, 0, title, formats(Gaya(size=12, bold=True, wrap=False)))
        _print_setup(ws, "", self.paper, tall=1)  # the title is in A1, above the chart
        if not self.labels:
            ws.write_string(2, 0, "Tidak ada data untuk grafik: tidak ada berkas yang terbaca.")
            return
        last = PIVOT_FIRST + len(self.labels) - 1
        rotation = -45 if len(self.labels) > 6 else 0  # long names side by side overlap
        chart = capaian_chart(
            workbook,
            series=(
                "Rata-rata capaian (%)",
                [SHEET_PER_SASARAN, 0, PIVOT_FIRST, 0, last],
                [SHEET_PER_SASARAN, rata_row, PIVOT_FIRST, rata_row, last],
            ),
            title="Rata-rata Capaian Kinerja per Instansi (%)",
            x_axis={"num_font": {**chart_font(9), "rotation": rotation}},
            size=(Page(self.paper).table_width_px, CHART_HEIGHT_PX),
        )
        ws.insert_chart(2, 0, chart, {"object_position": 3})

    # ------------------------------------------------------------------ Masalah

    def _write_masalah(self, tabel: _Tabel) -> None:
        problems = [p for o in self.outcomes for p in masalah_of(o)]
        for row, p in enumerate(problems, start=1):
            values = (row, p.file, p.sheet, p.cell, p.code, TINGKAT[p.severity], p.message)
            for col, value in enumerate(values):
                tabel.put(row, col, value, KOLOM_MASALAH[col].gaya)
        if not problems:
            tabel.put(1, 6, "Tidak ada masalah.", SEL)
        for text, fill in TINGKAT_FILLS.items():
            formula = text_equals_formula(f"${column_letter(TINGKAT_COL + 1)}2", text)
            tabel.colour_when(
                (1, TINGKAT_COL), (max(tabel.last_row, 1), TINGKAT_COL), formula, fill
            )
        tabel.finish(TITLE_MASALAH, self.paper, freeze_cols=0, autofilter=True)


def _tahun_suffix(done: Sequence[Berkas]) -> str:
    """The year for the titles (" TAHUN 2023") when every file is of one year, else ""."""
    years = {b.tahun for b in done}
    return f" TAHUN {years.pop()}" if len(years) == 1 and None not in years else ""
