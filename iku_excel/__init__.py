"""iku_excel: baca, hitung, dan tulis workbook Excel SAKIP (IKU, target, realisasi, capaian).

The public API. Names are loaded when first used, so ``import iku_excel`` (and the ``iku``
command's start) does not pay for openpyxl, pandas or xlsxwriter::

    from iku_excel import read_workbook, compute_dokumen, build_lampiran
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from iku_excel.errors import IkuError, IkuFileError, IkuInputError, Problem, Severity

__version__ = "0.1.0"

_LAZY = {
    "read_workbook": "iku_excel.read.workbook",
    "ReadResult": "iku_excel.read.workbook",
    "compute_dokumen": "iku_excel.calc",
    "compute_indikator": "iku_excel.calc",
    "Aturan": "iku_excel.calc",
    "load_aturan": "iku_excel.calc",
    "build_lampiran": "iku_excel.write",
    "JenisLampiran": "iku_excel.write",
    "build_template": "iku_excel.write.template",
    "hitung_workbook": "iku_excel.fill.calculated",
    "fill_workbook": "iku_excel.fill.workbook",
    "build_rekap": "iku_excel.write.rekap",
    "read_sumber": "iku_excel.fill.realisasi",
    "Dokumen": "iku_excel.model",
    "Sasaran": "iku_excel.model",
    "Indikator": "iku_excel.model",
    "Program": "iku_excel.model",
    "Kegiatan": "iku_excel.model",
    "Penandatangan": "iku_excel.model",
    "Polaritas": "iku_excel.model",
    "Akumulasi": "iku_excel.model",
}

if TYPE_CHECKING:
    from iku_excel.calc import Aturan, compute_dokumen, compute_indikator, load_aturan
    from iku_excel.fill.calculated import hitung_workbook
    from iku_excel.fill.realisasi import read_sumber
    from iku_excel.fill.workbook import fill_workbook
    from iku_excel.model import (
        Akumulasi,
        Dokumen,
        Indikator,
        Kegiatan,
        Penandatangan,
        Polaritas,
        Program,
        Sasaran,
    )
    from iku_excel.read.workbook import ReadResult, read_workbook
    from iku_excel.write import JenisLampiran, build_lampiran
    from iku_excel.write.rekap import build_rekap
    from iku_excel.write.template import build_template


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'iku_excel' has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = [
    "Akumulasi",
    "Aturan",
    "Dokumen",
    "IkuError",
    "IkuFileError",
    "IkuInputError",
    "Indikator",
    "JenisLampiran",
    "Kegiatan",
    "Penandatangan",
    "Polaritas",
    "Problem",
    "Program",
    "ReadResult",
    "Sasaran",
    "Severity",
    "__version__",
    "build_lampiran",
    "build_rekap",
    "build_template",
    "compute_dokumen",
    "compute_indikator",
    "fill_workbook",
    "hitung_workbook",
    "load_aturan",
    "read_sumber",
    "read_workbook",
]
