"""iku_excel: baca, hitung, dan tulis workbook Excel SAKIP (IKU, target, realisasi, capaian)."""

from iku_excel.errors import IkuError, IkuFileError, IkuInputError, Problem, Severity

__version__ = "0.1.0"

__all__ = [
    "IkuError",
    "IkuFileError",
    "IkuInputError",
    "Problem",
    "Severity",
    "__version__",
]
