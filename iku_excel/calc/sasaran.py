"""Sasaran: capaian as the mean of its indicators', and sasaran matched by wording across tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from iku_excel.calc.codes import Kode
from iku_excel.calc.indikator import HasilIndikator, compute_indikator
from iku_excel.calc.numbers import KONTEKS, NOL
from iku_excel.calc.rules import Aturan
from iku_excel.errors import Problem, Severity
from iku_excel.model import Dokumen, Sasaran
from iku_excel.text import SASARAN_REWORDED_MIN, similarity, words_of
from iku_excel.values import round_half_away

# --------------------------------------------------------------------------- sasaran


@dataclass(frozen=True, slots=True)
class HasilSasaran:
    """Capaian of a sasaran: the mean of its computable indicators' (rounded) capaian."""

    sasaran: Sasaran
    indikator: tuple[HasilIndikator, ...]
    capaian: Decimal | None
    jumlah_dihitung: int
    jumlah_indikator: int
    predikat: str | None
    problems: tuple[Problem, ...]


def compute_sasaran(sasaran: Sasaran, aturan: Aturan | None = None) -> HasilSasaran:
    aturan = aturan or Aturan()
    hasil = tuple(compute_indikator(i, aturan) for i in sasaran.indikator)
    values = [h.capaian for h in hasil if h.capaian is not None]
    capaian = None
    if values:
        with localcontext(KONTEKS):
            capaian = round_half_away(sum(values, NOL) / len(values))
    return HasilSasaran(
        sasaran=sasaran,
        indikator=hasil,
        capaian=capaian,
        jumlah_dihitung=len(values),
        jumlah_indikator=len(hasil),
        predikat=None if capaian is None else aturan.skala_predikat.classify(capaian),
        problems=_sasaran_problems(sasaran, len(values), len(hasil)),
    )


def _sasaran_problems(sasaran: Sasaran, dihitung: int, jumlah: int) -> tuple[Problem, ...]:
    nama = f"Sasaran {sasaran.no} '{sasaran.uraian.strip()}'"
    if dihitung == 0:
        return (
            Problem(
                Kode.CAPAIAN_SASARAN_KOSONG,
                f"{nama}: tidak ada indikator yang capaiannya dapat dihitung",
            ),
        )
    if dihitung < jumlah:
        return (
            Problem(
                Kode.CAPAIAN_SASARAN_SEBAGIAN,
                f"{nama}: capaian adalah rata-rata {dihitung} dari {jumlah} indikator; "
                "indikator lain belum dapat dihitung",
                Severity.WARNING,
            ),
        )
    return ()


# --------------------------------------------------------------------------- cross-table checks


def match_sasaran(uraian: str, sasaran: Sequence[Sasaran]) -> tuple[Sasaran | None, float]:
    """The IKU sasaran most similar to a text (case and punctuation ignored), with its ratio."""
    wanted = words_of(uraian)
    best: Sasaran | None = None
    best_ratio = 0.0
    for s in sasaran:
        ratio = similarity(wanted, words_of(s.uraian))
        if ratio > best_ratio:
            best, best_ratio = s, ratio
    return best, best_ratio


def check_sasaran_wording(dokumen: Dokumen) -> tuple[Problem, ...]:
    """Each sasaran of the target/anggaran table must be worded as in the IKU table."""
    if not dokumen.sasaran:
        return ()
    problems = []
    for ts in dokumen.target_anggaran:
        match, ratio = match_sasaran(ts.uraian, dokumen.sasaran)
        if match is not None and words_of(match.uraian) == words_of(ts.uraian):
            continue
        if match is not None and ratio >= SASARAN_REWORDED_MIN:
            problems.append(
                Problem(
                    Kode.SASARAN_BEDA_KATA,
                    f"Sasaran {ts.no} tabel target '{ts.uraian.strip()}' ditulis berbeda dari "
                    f"sasaran {match.no} tabel IKU '{match.uraian.strip()}'; samakan kata-katanya",
                    Severity.WARNING,
                )
            )
        else:
            problems.append(
                Problem(
                    Kode.SASARAN_TIDAK_DITEMUKAN,
                    f"Sasaran {ts.no} tabel target '{ts.uraian.strip()}' tidak ada di tabel IKU; "
                    "samakan uraiannya dengan sasaran di tabel IKU",
                    Severity.WARNING,
                )
            )
    return tuple(problems)


__all__ = [
    "HasilSasaran",
    "check_sasaran_wording",
    "compute_sasaran",
    "match_sasaran",
]
