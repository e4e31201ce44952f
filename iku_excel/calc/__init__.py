"""Capaian, akumulasi, predikat, serapan and efisiensi: pure calculation over the model.

Every capaian method has a stable name (``Metode``) and a twin Excel formula in
``calc/formulas.py``; the rules behind each number are written down in docs/perhitungan.md.
Arithmetic is ``Decimal`` and rounding is half away from zero, as Excel's ROUND, so printed
figures agree with the workbook. Nothing here raises on data: a value that cannot be computed is
``None`` plus a ``Problem``. No I/O, except ``load_aturan`` reading a rules file.

Modules, from the bottom up: ``codes`` (problem codes), ``numbers`` (decimal context, limits),
``rules`` (methods, predikat scales, ``Aturan``), ``capaian`` (methods, akumulasi),
``indikator``, ``sasaran``, ``anggaran`` (serapan, efisiensi, programs), ``dokumen``
(``compute_dokumen``); ``formulas`` (the Excel twins) and ``rules_file`` (the TOML rules file).
The names below are the public ones.
"""

from __future__ import annotations

from iku_excel.calc.anggaran import (
    BATAS_EFISIEN,
    Efisiensi,
    HasilAnggaran,
    HasilProgram,
    compute_serapan,
    label_efisiensi,
    own_or_sum,
)
from iku_excel.calc.capaian import accumulate, choose_metode, compute_capaian
from iku_excel.calc.codes import Kode
from iku_excel.calc.dokumen import HasilDokumen, compute_dokumen
from iku_excel.calc.indikator import BATAS_CAPAIAN_WAJAR, HasilIndikator, compute_indikator
from iku_excel.calc.numbers import BATAS_EXCEL
from iku_excel.calc.rules import (
    SKALA_BAWAAN,
    SKALA_LKJIP,
    SKALA_SAKIP,
    Aturan,
    AturanEfektif,
    AturanIndikator,
    Band,
    Metode,
    MetodeNegatif,
    RealisasiNolNegatif,
    SkalaPredikat,
    Sumber,
    default_akumulasi,
)
from iku_excel.calc.rules_file import load_aturan, parse_aturan
from iku_excel.calc.sasaran import (
    HasilSasaran,
    check_sasaran_wording,
    compute_sasaran,
    match_sasaran,
)
from iku_excel.values import round_half_away

__all__ = [
    "BATAS_CAPAIAN_WAJAR",
    "BATAS_EFISIEN",
    "BATAS_EXCEL",
    "SKALA_BAWAAN",
    "SKALA_LKJIP",
    "SKALA_SAKIP",
    "Aturan",
    "AturanEfektif",
    "AturanIndikator",
    "Band",
    "Efisiensi",
    "HasilAnggaran",
    "HasilDokumen",
    "HasilIndikator",
    "HasilProgram",
    "HasilSasaran",
    "Kode",
    "Metode",
    "MetodeNegatif",
    "RealisasiNolNegatif",
    "SkalaPredikat",
    "Sumber",
    "accumulate",
    "check_sasaran_wording",
    "choose_metode",
    "compute_capaian",
    "compute_dokumen",
    "compute_indikator",
    "compute_sasaran",
    "compute_serapan",
    "default_akumulasi",
    "label_efisiensi",
    "load_aturan",
    "match_sasaran",
    "own_or_sum",
    "parse_aturan",
    "round_half_away",
]
