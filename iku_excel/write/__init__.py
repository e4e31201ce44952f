"""Official lampiran workbooks, ready to print and sign: ``build_lampiran``.

The ``write`` package makes every new workbook of iku_excel, each set up by ``workbook.py``
(``new_workbook``): the lampiran (here), the data-entry template (``template.py``) and the
rekap workbook (``rekap.py``).

One sheet per kind of lampiran (``JenisLampiran``): the IKU table of the SK, the target and
anggaran table, the Perjanjian Kinerja, and the measurement (pengukuran) table with its chart.
The bytes are reproducible (``workbook.py``): the same document gives the same file, so outputs
can be diffed.

Print set-up, the same on every sheet: landscape; paper F4 (Folio 8.5 x 13 in, 215 x 330 mm),
A4 or Legal; margins 0.5 in left, right and top, 0.6 in bottom (footer at 0.25 in); centred;
fitted to one page wide; the table header repeated on every page; "Halaman n dari m" in the
footer; the print area set; no gridlines. Font: Arial (sizes in ``style.py``). How row heights
and page breaks keep the signatory block whole is told in ``paging.py``.
"""

from __future__ import annotations

import enum
import io
from collections.abc import Callable

from iku_excel.calc import Aturan, HasilDokumen, compute_dokumen
from iku_excel.errors import IkuInputError
from iku_excel.model import Dokumen, Indikator
from iku_excel.write.cells import sheet_name
from iku_excel.write.finish import with_text_results
from iku_excel.write.grafik import WEIGHTS as GRAFIK_WEIGHTS
from iku_excel.write.grafik import write_grafik
from iku_excel.write.iku import WEIGHTS as IKU_WEIGHTS
from iku_excel.write.iku import write_iku
from iku_excel.write.paging import Kertas, Page
from iku_excel.write.pengukuran import WEIGHTS as PENGUKURAN_WEIGHTS
from iku_excel.write.pengukuran import write_pengukuran
from iku_excel.write.pk import WEIGHTS as PK_WEIGHTS
from iku_excel.write.pk import write_pk
from iku_excel.write.sheet import Lembar
from iku_excel.write.style import Formats
from iku_excel.write.target import WEIGHTS as TARGET_WEIGHTS
from iku_excel.write.target import write_target
from iku_excel.write.workbook import new_workbook

__all__ = ["JenisLampiran", "Kertas", "available", "build_lampiran", "parse_jenis", "parse_kertas"]

SHEET_GRAFIK = "Grafik Capaian"


class JenisLampiran(str, enum.Enum):
    """Which lampiran to write (``--jenis``); ``SEMUA``: every one the document has data for."""

    IKU = "iku"
    TARGET = "target"
    PK = "pk"
    PENGUKURAN = "pengukuran"
    SEMUA = "semua"


SHEET_NAMES = {
    JenisLampiran.IKU: "IKU",
    JenisLampiran.TARGET: "Target IKU",
    JenisLampiran.PK: "Perjanjian Kinerja",
    JenisLampiran.PENGUKURAN: "Pengukuran Kinerja",
}
TITLES = {
    JenisLampiran.IKU: "Lampiran IKU",
    JenisLampiran.TARGET: "Target IKU",
    JenisLampiran.PK: "Perjanjian Kinerja",
    JenisLampiran.PENGUKURAN: "Pengukuran Kinerja",
    JenisLampiran.SEMUA: "Lampiran SAKIP",
}
_EMPTY = {
    JenisLampiran.IKU: "dokumen tidak memuat sasaran dan indikator untuk lampiran IKU",
    JenisLampiran.TARGET: "dokumen tidak memuat tabel target dan anggaran",
    JenisLampiran.PK: "dokumen tidak memuat sasaran atau program untuk Perjanjian Kinerja",
    JenisLampiran.PENGUKURAN: "dokumen tidak memuat indikator untuk pengukuran kinerja",
}

Writer = Callable[[Lembar, Dokumen], None]
_WRITERS: dict[JenisLampiran, tuple[Writer, tuple[float, ...]]] = {
    JenisLampiran.IKU: (write_iku, IKU_WEIGHTS),
    JenisLampiran.TARGET: (write_target, TARGET_WEIGHTS),
    JenisLampiran.PK: (write_pk, PK_WEIGHTS),
}


def available(dokumen: Dokumen, hasil: HasilDokumen | None = None) -> list[JenisLampiran]:
    """The kinds of lampiran ``dokumen`` has data for, in print order: pengukuran when some
    indicator has a realisasi, or a calculator result is given."""
    found = []
    if dokumen.sasaran:
        found.append(JenisLampiran.IKU)
    if dokumen.target_anggaran:
        found.append(JenisLampiran.TARGET)
    if dokumen.sasaran or dokumen.program:
        found.append(JenisLampiran.PK)
    if dokumen.indikator and (hasil is not None or any(_reported(i) for i in dokumen.indikator)):
        found.append(JenisLampiran.PENGUKURAN)
    return found


def _reported(indikator: Indikator) -> bool:
    return not indikator.realisasi.is_empty or indikator.realisasi_tahun is not None


def build_lampiran(
    dokumen: Dokumen,
    jenis: JenisLampiran | str = JenisLampiran.SEMUA,
    *,
    kertas: Kertas | str = Kertas.F4,
    hasil: HasilDokumen | None = None,
    aturan: Aturan | None = None,
) -> bytes:
    """The lampiran workbook of ``dokumen`` as xlsx bytes (write them with
    ``fileio.write_bytes_atomic``).

    ``jenis``: one kind or ``semua`` (every kind the document has data for, one sheet each);
    ``kertas``: F4, A4 or Legal. ``hasil``: the calculator's result for the pengukuran sheet,
    computed here with ``aturan`` (default settings when None) when not given; pass the same
    ``aturan`` it was computed with, so the predikat formulas use its scale. Raises
    ``IkuInputError`` for an unknown jenis or paper, or a document without the data the jenis
    needs."""
    jenis = parse_jenis(jenis)
    paper = parse_kertas(kertas)
    wanted = _wanted(dokumen, jenis, hasil)
    buffer = io.BytesIO()
    ident = dokumen.identitas
    tahun = str(ident.tahun) if ident.tahun else ""
    workbook = new_workbook(
        buffer,
        title=" ".join(t for t in (TITLES[jenis], ident.instansi, ident.kabupaten, tahun) if t),
        author=ident.instansi or "iku_excel",
        company=ident.pemerintah,
        comments="Dibuat dengan iku_excel",
    )
    formats = Formats(workbook)
    page = Page(paper)

    def new_sheet(kind: JenisLampiran | str, weights: tuple[float, ...]) -> Lembar:
        name = SHEET_NAMES[kind] if isinstance(kind, JenisLampiran) else kind
        return Lembar(workbook, formats, sheet_name(name), weights, page)

    for kind in wanted:
        if kind is JenisLampiran.PENGUKURAN:
            aturan = aturan or Aturan()
            hasil = hasil or compute_dokumen(dokumen, aturan)
            sheet = new_sheet(kind, PENGUKURAN_WEIGHTS)
            rows = write_pengukuran(sheet, dokumen, hasil, aturan.skala_predikat)
            write_grafik(new_sheet(SHEET_GRAFIK, GRAFIK_WEIGHTS), dokumen, sheet.name, rows)
        else:
            write, weights = _WRITERS[kind]
            write(new_sheet(kind, weights), dokumen)
    workbook.close()
    return with_text_results(buffer.getvalue())


def _wanted(
    dokumen: Dokumen, jenis: JenisLampiran, hasil: HasilDokumen | None
) -> list[JenisLampiran]:
    found = available(dokumen, hasil)
    if jenis is JenisLampiran.SEMUA:
        if not found:
            raise IkuInputError("dokumen kosong: tidak ada lampiran untuk ditulis")
        return found
    # a pengukuran table without any realisasi is still a form to fill in by hand
    if jenis in found or (jenis is JenisLampiran.PENGUKURAN and dokumen.indikator):
        return [jenis]
    raise IkuInputError(_EMPTY[jenis])


def parse_jenis(value: JenisLampiran | str) -> JenisLampiran:
    """``JenisLampiran`` from what a user typed; ``IkuInputError`` listing the choices."""
    try:
        return JenisLampiran(str(value.value if isinstance(value, enum.Enum) else value).lower())
    except ValueError:
        choices = ", ".join(j.value for j in JenisLampiran)
        raise IkuInputError(f"jenis lampiran tidak dikenal: {value}; pilih {choices}") from None


def parse_kertas(value: Kertas | str) -> Kertas:
    """``Kertas`` from what a user typed (F4, A4, Legal, any case); ``IkuInputError`` otherwise."""
    try:
        return Kertas.parse(value)
    except ValueError:
        choices = ", ".join(k.value for k in Kertas)
        raise IkuInputError(f"kertas tidak dikenal: {value}; pilih {choices}") from None
