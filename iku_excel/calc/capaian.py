"""Capaian by named method (``Metode``) and the akumulasi of triwulan values: pure arithmetic.

Every method has a twin Excel formula in ``formulas.py``; the rules behind each number are
written down in docs/perhitungan.md. A capaian that cannot be computed raises
``NotComputable`` inside the calculation, and is ``None`` (plus a ``Problem``) outside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from iku_excel.calc.codes import Kode
from iku_excel.calc.numbers import BATAS_EXCEL, KONTEKS, NOL, SERATUS, format_angka
from iku_excel.calc.rules import Metode, MetodeNegatif, RealisasiNolNegatif
from iku_excel.model import Akumulasi, Polaritas, Rentang, Target
from iku_excel.values import round_half_away


def accumulate(values: Sequence[Decimal | None], akumulasi: Akumulasi) -> Decimal | None:
    """The value of the TWs given (TW I up to some TW): ``jumlah`` sums the reported ones,
    ``rata-rata`` averages them, ``terakhir`` takes the last TW of the sequence. ``None`` when
    nothing (for ``terakhir``: the last TW) was reported."""
    if akumulasi is Akumulasi.TERAKHIR:
        return values[-1] if values else None
    reported = [v for v in values if v is not None]
    if not reported:
        return None
    with localcontext(KONTEKS):
        total = sum(reported, NOL)
        return total if akumulasi is Akumulasi.JUMLAH else total / len(reported)


class NotComputable(Exception):
    """Internal: why a capaian cannot be computed (code, Indonesian reason)."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def choose_metode(
    polaritas: Polaritas, target: Target | None, metode_negatif: MetodeNegatif
) -> Metode:
    """A range target is always computed as a range; otherwise polaritas decides."""
    t_bagi_r = metode_negatif is MetodeNegatif.T_BAGI_R
    if isinstance(target, Rentang) or polaritas is Polaritas.RENTANG:
        return Metode.RENTANG_T_R if t_bagi_r else Metode.RENTANG_2T_R
    if polaritas is Polaritas.NEGATIF:
        return Metode.NEGATIF_T_R if t_bagi_r else Metode.NEGATIF_2T_R
    return Metode.POSITIF


def compute_capaian(
    target: Target | None,
    realisasi: Decimal | None,
    metode: Metode,
    *,
    batas_atas: Decimal | None = None,
    realisasi_nol: RealisasiNolNegatif = RealisasiNolNegatif.RUMUS,
) -> Decimal | None:
    """Capaian in percent, rounded half away to 2 places and capped; ``None`` when not
    computable (``compute_indikator`` says why)."""
    try:
        return capaian_or_raise(target, realisasi, metode, batas_atas, realisasi_nol)[0]
    except NotComputable:
        return None


def capaian_or_raise(
    target: Target | None,
    realisasi: Decimal | None,
    metode: Metode,
    batas_atas: Decimal | None,
    realisasi_nol: RealisasiNolNegatif,
) -> tuple[Decimal, Decimal]:
    """(capaian capped, capaian before the cap), both rounded; raises NotComputable."""
    with localcontext(KONTEKS):
        raw = _raw_capaian(target, realisasi, metode, realisasi_nol)
        if not raw.is_finite() or abs(raw) >= BATAS_EXCEL:
            raise NotComputable(
                Kode.HASIL_TIDAK_TERHINGGA,
                "hasil perhitungan terlalu besar untuk Excel; periksa target dan realisasi",
            )
        uncapped = round_half_away(raw)
        if batas_atas is None:
            return uncapped, uncapped
        return min(round_half_away(batas_atas), uncapped), uncapped


def _raw_capaian(
    target: Target | None,
    realisasi: Decimal | None,
    metode: Metode,
    realisasi_nol: RealisasiNolNegatif,
) -> Decimal:
    if target is None:
        raise NotComputable(Kode.TARGET_KOSONG, "target kosong; isi target tahunan")
    if metode.is_rentang:
        return _rentang(target, realisasi, metode)
    if isinstance(target, Rentang):
        raise NotComputable(
            Kode.TARGET_BUKAN_RENTANG, f"target rentang dengan metode {metode.value}"
        )
    if realisasi is None:
        raise NotComputable(Kode.REALISASI_KOSONG, "realisasi belum diisi")
    _require_not_negative(target, "target")
    if metode.is_negatif and realisasi == 0 and realisasi_nol is RealisasiNolNegatif.SERATUS:
        return SERATUS
    _require_positive(target, "target")
    if metode is Metode.POSITIF:
        return realisasi / target * SERATUS
    return _negatif(target, realisasi, metode is Metode.NEGATIF_T_R)


def _negatif(target: Decimal, realisasi: Decimal, t_bagi_r: bool) -> Decimal:
    if not t_bagi_r:
        return max(NOL, (2 * target - realisasi) / target * SERATUS)
    if realisasi == 0:
        raise NotComputable(
            Kode.REALISASI_NOL,
            "rumus T/R tidak dapat dipakai dengan realisasi 0 (pembagian dengan nol); pakai "
            'metode_negatif = "2t-r" atau realisasi_nol_negatif = "seratus" di berkas aturan',
        )
    if realisasi < 0:
        raise NotComputable(
            Kode.REALISASI_NEGATIF, "rumus T/R tidak berlaku untuk realisasi negatif"
        )
    return target / realisasi * SERATUS


def _rentang(target: Target, realisasi: Decimal | None, metode: Metode) -> Decimal:
    """Inside the range 100; below it positive against the lower bound; above it negative
    (the selected formula) against the upper bound. Never above 100."""
    if not isinstance(target, Rentang):
        raise NotComputable(
            Kode.TARGET_BUKAN_RENTANG,
            f"polaritas rentang tetapi target satu angka ({format_angka(target)}); "
            "tulis target sebagai rentang, mis. 80-90",
        )
    if realisasi is None:
        raise NotComputable(Kode.REALISASI_KOSONG, "realisasi belum diisi")
    bawah, atas = target.bawah, target.atas
    if bawah > atas:
        raise NotComputable(
            Kode.RENTANG_TERBALIK,
            f"batas bawah rentang ({format_angka(bawah)}) lebih besar dari batas atas "
            f"({format_angka(atas)}); perbaiki target",
        )
    if realisasi < bawah:
        _require_positive(bawah, "batas bawah rentang")
        return realisasi / bawah * SERATUS
    if realisasi > atas:
        _require_positive(atas, "batas atas rentang")
        return _negatif(atas, realisasi, metode is Metode.RENTANG_T_R)
    return SERATUS


def _require_not_negative(value: Decimal, what: str) -> None:
    if value < 0:
        raise NotComputable(
            Kode.TARGET_NEGATIF,
            f"{what} negatif ({format_angka(value)}); rumus capaian tidak berlaku untuk "
            "target di bawah nol",
        )


def _require_positive(value: Decimal, what: str) -> None:
    _require_not_negative(value, what)
    if value == 0:
        raise NotComputable(
            Kode.TARGET_NOL, f"{what} 0; capaian tidak dapat dihitung (pembagian dengan nol)"
        )


__all__ = [
    "NotComputable",
    "accumulate",
    "capaian_or_raise",
    "choose_metode",
    "compute_capaian",
]
