"""A whole document computed: every indicator, sasaran and program, the totals, all problems."""

from __future__ import annotations

from dataclasses import dataclass

from iku_excel.calc.anggaran import (
    HasilAnggaran,
    HasilProgram,
    compute_programs,
    total_anggaran,
    total_problems,
)
from iku_excel.calc.codes import Kode, info
from iku_excel.calc.indikator import HasilIndikator
from iku_excel.calc.rules import Aturan
from iku_excel.calc.sasaran import HasilSasaran, check_sasaran_wording, compute_sasaran
from iku_excel.errors import Problem, Severity
from iku_excel.model import Dokumen, Indikator


@dataclass(frozen=True, slots=True)
class HasilDokumen:
    """Everything computed for a document; ``problems`` holds all of them, flattened."""

    dokumen: Dokumen
    sasaran: tuple[HasilSasaran, ...]
    program: tuple[HasilProgram, ...]
    total: HasilAnggaran  # sum over programs; serapan = sum realisasi / sum pagu x 100
    problems: tuple[Problem, ...]

    @property
    def indikator(self) -> tuple[HasilIndikator, ...]:
        return tuple(i for s in self.sasaran for i in s.indikator)


def compute_dokumen(dokumen: Dokumen, aturan: Aturan | None = None) -> HasilDokumen:
    """Every indicator, sasaran, program and the totals, with all problems."""
    aturan = aturan or Aturan()
    sasaran = tuple(compute_sasaran(s, aturan) for s in dokumen.sasaran)
    program = compute_programs(dokumen, sasaran)
    total = total_anggaran(program)
    problems: list[Problem] = []
    for s in sasaran:
        for i in s.indikator:
            problems += i.problems
        problems += s.problems
    for p in program:
        problems += p.problems
    if dokumen.indikator and not any(_has_realisasi(i) for i in dokumen.indikator):
        problems = _without_realisasi_noise(problems)
    problems += total_problems(program)
    problems += check_sasaran_wording(dokumen)
    problems += _check_unused_rules(dokumen, aturan)
    return HasilDokumen(dokumen, sasaran, program, total, tuple(problems))


def _has_realisasi(indikator: Indikator) -> bool:
    return not indikator.realisasi.is_empty or indikator.realisasi_tahun is not None


def _without_realisasi_noise(problems: list[Problem]) -> list[Problem]:
    """A table with no realisasi at all (an IKU or target table) says so once, not per row.
    The per-indicator problems stay in each HasilIndikator."""
    noise = {Kode.REALISASI_KOSONG, Kode.CAPAIAN_SASARAN_KOSONG}
    kept = [p for p in problems if p.code not in noise]
    message = "tabel tidak berisi realisasi; capaian dan predikat tidak dihitung"
    return [*kept, info(Kode.REALISASI_TIDAK_ADA, message)]


def _check_unused_rules(dokumen: Dokumen, aturan: Aturan) -> list[Problem]:
    indikator = dokumen.indikator
    return [
        Problem(
            Kode.ATURAN_TIDAK_COCOK,
            f"aturan [[indikator]] cocok = '{rule.cocok}' tidak cocok dengan indikator mana pun; "
            "periksa ejaannya",
            Severity.WARNING,
        )
        for rule in aturan.indikator
        if indikator and not any(rule.matches(i) for i in indikator)
    ]


__all__ = [
    "HasilDokumen",
    "compute_dokumen",
]
