"""Anggaran: pagu, realisasi, sisa and serapan of each program and in total; efisiensi.

Efisiensi compares a program's serapan with the capaian of the IKU sasaran it serves, found
by wording (``sasaran.match_sasaran``), since the target table numbers its sasaran on its own.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from iku_excel.calc.codes import Kode, info
from iku_excel.calc.numbers import BATAS_EXCEL, KONTEKS, NOL, SERATUS, format_angka
from iku_excel.calc.sasaran import HasilSasaran, match_sasaran
from iku_excel.errors import Problem, Severity
from iku_excel.model import Dokumen, Program, TargetSasaran
from iku_excel.text import SASARAN_REWORDED_MIN, words_of
from iku_excel.values import round_half_away

BATAS_EFISIEN = Decimal(5)  # efisiensi gap: > +5 efisien, within +-5 cukup, < -5 tidak


class Efisiensi(str, enum.Enum):
    """The label of the gap capaian - serapan (percentage points)."""

    EFISIEN = "efisien"  # gap > +5
    CUKUP_EFISIEN = "cukup efisien"  # -5 <= gap <= +5
    TIDAK_EFISIEN = "tidak efisien"  # gap < -5

    @property
    def label(self) -> str:
        """As printed in a table: "Cukup Efisien"."""
        return self.value.title()


@dataclass(frozen=True, slots=True)
class HasilAnggaran:
    """Pagu, realisasi, sisa (pagu - realisasi) and serapan (realisasi / pagu x 100)."""

    anggaran: Decimal | None
    realisasi: Decimal | None
    sisa: Decimal | None
    serapan: Decimal | None


@dataclass(frozen=True, slots=True)
class HasilProgram:
    """Serapan and efisiensi of a program. ``sasaran`` is the IKU sasaran it serves, whose
    capaian is compared with the serapan; ``selisih`` = capaian - serapan."""

    program: Program
    anggaran: HasilAnggaran
    anggaran_dari_kegiatan: bool
    realisasi_dari_kegiatan: bool
    sasaran: HasilSasaran | None
    selisih: Decimal | None
    efisiensi: Efisiensi | None
    problems: tuple[Problem, ...]

    @property
    def capaian(self) -> Decimal | None:
        return None if self.sasaran is None else self.sasaran.capaian


def compute_serapan(anggaran: Decimal | None, realisasi: Decimal | None) -> HasilAnggaran:
    """Serapan is ``None`` unless pagu > 0 and realisasi is known."""
    if anggaran is None or realisasi is None:
        return HasilAnggaran(anggaran, realisasi, None, None)
    with localcontext(KONTEKS):
        sisa = anggaran - realisasi
        if anggaran <= 0:
            return HasilAnggaran(anggaran, realisasi, sisa, None)
        ratio = realisasi / anggaran * SERATUS
        fits = ratio.is_finite() and abs(ratio) < BATAS_EXCEL
        return HasilAnggaran(anggaran, realisasi, sisa, round_half_away(ratio) if fits else None)


def label_efisiensi(selisih: Decimal) -> Efisiensi:
    """> +5 efisien; -5 to +5 inclusive cukup efisien; < -5 tidak efisien."""
    if selisih > BATAS_EFISIEN:
        return Efisiensi.EFISIEN
    if selisih >= -BATAS_EFISIEN:
        return Efisiensi.CUKUP_EFISIEN
    return Efisiensi.TIDAK_EFISIEN


def own_or_sum(own: Decimal | None, parts: Sequence[Decimal | None]) -> tuple[Decimal | None, bool]:
    """A program's own figure, or the sum of its kegiatan's when it has none (all needed)."""
    if own is not None or not parts or any(p is None for p in parts):
        return own, False
    with localcontext(KONTEKS):
        return sum((p for p in parts if p is not None), NOL), True


def _compute_program(
    program: Program,
    sasaran: HasilSasaran | None,
    expect_realisasi: bool,
) -> HasilProgram:
    nama = f"Program '{program.nama.strip()}'"
    problems: list[Problem] = []
    anggaran, anggaran_sum = own_or_sum(program.anggaran, [k.anggaran for k in program.kegiatan])
    realisasi, realisasi_sum = own_or_sum(
        program.realisasi_anggaran, [k.realisasi_anggaran for k in program.kegiatan]
    )
    if anggaran_sum:
        problems.append(info(Kode.ANGGARAN_DARI_KEGIATAN, f"{nama}: pagu = jumlah pagu kegiatan"))
    if realisasi_sum:
        problems.append(
            info(
                Kode.REALISASI_ANGGARAN_DARI_KEGIATAN,
                f"{nama}: realisasi anggaran = jumlah realisasi kegiatan",
            )
        )
    problems += _check_kegiatan_sums(program, nama)
    hasil = compute_serapan(anggaran, realisasi)
    problems += _serapan_problems(hasil, nama, expect_realisasi)
    selisih: Decimal | None = None
    efisiensi: Efisiensi | None = None
    if hasil.serapan is not None and sasaran is not None and sasaran.capaian is not None:
        selisih = round_half_away(sasaran.capaian - hasil.serapan)
        efisiensi = label_efisiensi(selisih)
    elif hasil.serapan is not None and sasaran is None:
        problems.append(
            Problem(
                Kode.PROGRAM_TANPA_SASARAN,
                f"{nama}: sasaran IKU-nya tidak ditemukan; efisiensi (capaian - serapan) "
                "tidak dihitung",
                Severity.WARNING,
            )
        )
    return HasilProgram(
        program=program,
        anggaran=hasil,
        anggaran_dari_kegiatan=anggaran_sum,
        realisasi_dari_kegiatan=realisasi_sum,
        sasaran=sasaran,
        selisih=selisih,
        efisiensi=efisiensi,
        problems=tuple(problems),
    )


def _check_kegiatan_sums(program: Program, nama: str) -> list[Problem]:
    checks = (
        (
            Kode.ANGGARAN_KEGIATAN_TIDAK_SESUAI,
            "pagu",
            program.anggaran,
            [k.anggaran for k in program.kegiatan],
        ),
        (
            Kode.REALISASI_ANGGARAN_KEGIATAN_TIDAK_SESUAI,
            "realisasi anggaran",
            program.realisasi_anggaran,
            [k.realisasi_anggaran for k in program.kegiatan],
        ),
    )
    problems = []
    for code, what, own, parts in checks:
        known = [p for p in parts if p is not None]
        if own is None or not parts or len(known) < len(parts):
            continue
        with localcontext(KONTEKS):
            total = sum(known, NOL)
        if total != own:
            problems.append(
                Problem(
                    code,
                    f"{nama}: {what} program Rp{format_angka(own)} tidak sama dengan jumlah "
                    f"{what} kegiatannya Rp{format_angka(total)}",
                    Severity.WARNING,
                )
            )
    return problems


def _serapan_problems(hasil: HasilAnggaran, nama: str, expect_realisasi: bool) -> list[Problem]:
    if hasil.anggaran is None:
        why: tuple[str, str] | None = (Kode.ANGGARAN_KOSONG, "pagu anggaran kosong")
    elif hasil.anggaran == 0:
        why = (Kode.ANGGARAN_NOL, "pagu anggaran 0")
    elif hasil.anggaran < 0:
        why = (Kode.ANGGARAN_NEGATIF, f"pagu anggaran negatif (Rp{format_angka(hasil.anggaran)})")
    elif hasil.realisasi is None:
        why = (Kode.REALISASI_ANGGARAN_KOSONG, "realisasi anggaran belum diisi")
    elif hasil.serapan is None:
        why = (Kode.HASIL_TIDAK_TERHINGGA, "hasil perhitungan terlalu besar untuk Excel")
    else:
        why = None
    if why is not None:
        if not expect_realisasi:  # a table without realisasi anggaran: serapan is not asked for
            return []
        return [Problem(why[0], f"{nama}: {why[1]}; serapan tidak dihitung")]
    if hasil.serapan is not None and hasil.serapan > SERATUS:
        return [
            Problem(
                Kode.SERAPAN_DI_ATAS_100,
                f"{nama}: serapan {format_angka(hasil.serapan)}% melebihi pagu; periksa "
                "realisasi anggaran",
                Severity.WARNING,
            )
        ]
    return []


# --------------------------------------------------------------------------- a document's programs


def compute_programs(dokumen: Dokumen, sasaran: Sequence[HasilSasaran]) -> tuple[HasilProgram, ...]:
    expect_realisasi = any(
        p.realisasi_anggaran is not None
        or any(k.realisasi_anggaran is not None for k in p.kegiatan)
        for p in dokumen.program
    )
    served = [(ts, _sasaran_of(ts, sasaran)) for ts in dokumen.target_anggaran]  # once each
    return tuple(
        _compute_program(program, hasil, expect_realisasi)
        for ts, hasil in served
        for program in ts.program
    )


def _sasaran_of(container: TargetSasaran, sasaran: Sequence[HasilSasaran]) -> HasilSasaran | None:
    """The IKU sasaran a program serves. The target table numbers its sasaran on its own
    (``program.sasaran_no`` is that numbering), so the match is by wording: the target table's
    sasaran, else its indicators (the seed's "Meningkatnya Tata Kelola Pemerintahan" holds
    "Jumlah Inovasi yang diimplementasikan di Kecamatan", IKU sasaran 5's indicator)."""
    match, ratio = match_sasaran(container.uraian, [s.sasaran for s in sasaran])
    if match is not None and ratio >= SASARAN_REWORDED_MIN:
        return next(s for s in sasaran if s.sasaran is match)
    for target_indikator in container.indikator:
        wanted = words_of(target_indikator.uraian)
        for hasil in sasaran:
            for ind in hasil.sasaran.indikator:
                words = words_of(ind.uraian)
                if words and (words in wanted or wanted in words):
                    return hasil
    return None


def total_anggaran(program: Sequence[HasilProgram]) -> HasilAnggaran:
    anggaran = [p.anggaran.anggaran for p in program if p.anggaran.anggaran is not None]
    realisasi = [p.anggaran.realisasi for p in program if p.anggaran.realisasi is not None]
    with localcontext(KONTEKS):
        total_anggaran = sum(anggaran, NOL) if anggaran else None
        total_realisasi = sum(realisasi, NOL) if realisasi else None
    return compute_serapan(total_anggaran, total_realisasi)


def total_problems(program: Sequence[HasilProgram]) -> list[Problem]:
    with_realisasi = [p for p in program if p.anggaran.realisasi is not None]
    if not with_realisasi:
        if program:
            return [
                info(
                    Kode.REALISASI_ANGGARAN_TIDAK_ADA,
                    "tidak ada realisasi anggaran; serapan dan efisiensi tidak dihitung",
                )
            ]
        return []
    if len(with_realisasi) == len(program):
        return []
    return [
        Problem(
            Kode.SERAPAN_TOTAL_SEBAGIAN,
            f"serapan total: hanya {len(with_realisasi)} dari {len(program)} program yang "
            "realisasi anggarannya diisi; pagu program lain tetap dijumlah",
            Severity.WARNING,
        )
    ]


__all__ = [
    "BATAS_EFISIEN",
    "Efisiensi",
    "HasilAnggaran",
    "HasilProgram",
    "compute_programs",
    "compute_serapan",
    "label_efisiensi",
    "own_or_sum",
    "total_anggaran",
    "total_problems",
]
