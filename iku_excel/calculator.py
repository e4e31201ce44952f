"""Capaian, akumulasi, predikat, serapan and efisiensi: pure arithmetic over the model.

Every capaian method has a stable name (``Metode``) and a twin Excel formula in ``formulas.py``;
the rules behind each number are written down in docs/perhitungan.md. Arithmetic is ``Decimal`` and
rounding is half away from zero, as Excel's ROUND, so printed figures agree with the workbook.
Nothing here raises on data: a value that cannot be computed is ``None`` plus a ``Problem``.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, localcontext
from typing import Literal, TypeVar

from iku_excel.errors import IkuInputError, Problem, Severity
from iku_excel.grid import cell_name
from iku_excel.model import (
    Akumulasi,
    Dokumen,
    Indikator,
    Polaritas,
    Program,
    Rentang,
    Sasaran,
    Target,
    TargetSasaran,
)
from iku_excel.text import SASARAN_REWORDED_MIN, TW_NAMES, fold_text, similarity, words_of
from iku_excel.values import round_half_away

T = TypeVar("T")

SERATUS = Decimal(100)
NOL = Decimal(0)
BATAS_CAPAIAN_WAJAR = Decimal(150)  # above this a capaian is flagged as suspicious
BATAS_EFISIEN = Decimal(5)  # efisiensi gap: > +5 efisien, within +-5 cukup, < -5 tidak
BATAS_EXCEL = Decimal("1E+307")  # beyond this Excel's doubles overflow (#NUM!, inf in Python)

# Huge exponents must neither overflow nor raise: results are checked with is_finite() instead.
_KONTEKS = Context(prec=28, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])


class Kode:
    """Stable problem codes of the calculator (see docs/perhitungan.md)."""

    # ERROR: a value is missing from the result
    TARGET_KOSONG = "target-kosong"
    TARGET_NOL = "target-nol"
    TARGET_NEGATIF = "target-negatif"
    TARGET_BUKAN_RENTANG = "target-bukan-rentang"
    RENTANG_TERBALIK = "rentang-terbalik"
    REALISASI_KOSONG = "realisasi-kosong"
    TW4_KOSONG = "tw4-kosong"
    REALISASI_NOL = "realisasi-nol"
    REALISASI_NEGATIF = "realisasi-negatif"
    NILAI_TIDAK_VALID = "nilai-tidak-valid"
    HASIL_TIDAK_TERHINGGA = "hasil-tidak-terhingga"
    CAPAIAN_SASARAN_KOSONG = "capaian-sasaran-kosong"
    ANGGARAN_KOSONG = "anggaran-kosong"
    ANGGARAN_NOL = "anggaran-nol"
    ANGGARAN_NEGATIF = "anggaran-negatif"
    REALISASI_ANGGARAN_KOSONG = "realisasi-anggaran-kosong"
    # WARNING: computed, but deserves a look
    POLARITAS_MENCURIGAKAN = "polaritas-mencurigakan"
    POLARITAS_RENTANG_TIDAK_COCOK = "polaritas-rentang-tidak-cocok"
    SATUAN_PERSEN_JUMLAH = "satuan-persen-jumlah"
    CAPAIAN_DI_ATAS_150 = "capaian-di-atas-150"
    TW_SEBELUMNYA_KOSONG = "tw-sebelumnya-kosong"
    REALISASI_TAHUN_TIDAK_SESUAI = "realisasi-tahun-tidak-sesuai"
    CAPAIAN_SASARAN_SEBAGIAN = "capaian-sasaran-sebagian"
    ANGGARAN_KEGIATAN_TIDAK_SESUAI = "anggaran-kegiatan-tidak-sesuai"
    REALISASI_ANGGARAN_KEGIATAN_TIDAK_SESUAI = "realisasi-anggaran-kegiatan-tidak-sesuai"
    SERAPAN_DI_ATAS_100 = "serapan-di-atas-100"
    SERAPAN_TOTAL_SEBAGIAN = "serapan-total-sebagian"
    PROGRAM_TANPA_SASARAN = "program-tanpa-sasaran"
    SASARAN_BEDA_KATA = "sasaran-beda-kata"
    SASARAN_TIDAK_DITEMUKAN = "sasaran-tidak-ditemukan"
    ATURAN_TIDAK_COCOK = "aturan-tidak-cocok"
    # INFO: a choice made for the user
    POLARITAS_DEFAULT = "polaritas-default"
    AKUMULASI_DEFAULT = "akumulasi-default"
    REALISASI_SEBAGIAN = "realisasi-sebagian"
    REALISASI_TIDAK_ADA = "realisasi-tidak-ada"
    REALISASI_ANGGARAN_TIDAK_ADA = "realisasi-anggaran-tidak-ada"
    ANGGARAN_DARI_KEGIATAN = "anggaran-dari-kegiatan"
    REALISASI_ANGGARAN_DARI_KEGIATAN = "realisasi-anggaran-dari-kegiatan"


# --------------------------------------------------------------------------- enums and settings


class Metode(str, enum.Enum):
    """The named capaian methods; each has a twin formula in formulas.py."""

    POSITIF = "positif"  # R / T x 100
    NEGATIF_2T_R = "negatif-2t-r"  # (2T - R) / T x 100, floored at 0
    NEGATIF_T_R = "negatif-t-r"  # T / R x 100
    RENTANG_2T_R = "rentang-2t-r"  # below: R / bawah; inside: 100; above: (2atas - R) / atas
    RENTANG_T_R = "rentang-t-r"  # below: R / bawah; inside: 100; above: atas / R

    @property
    def is_rentang(self) -> bool:
        return self in (Metode.RENTANG_2T_R, Metode.RENTANG_T_R)

    @property
    def is_negatif(self) -> bool:
        return self in (Metode.NEGATIF_2T_R, Metode.NEGATIF_T_R)


class MetodeNegatif(str, enum.Enum):
    """The formula for negative polarity (and for the part above a range)."""

    DUA_T_KURANG_R = "2t-r"
    T_BAGI_R = "t/r"


class RealisasiNolNegatif(str, enum.Enum):
    """Negative polarity with realisasi 0. ``RUMUS``: by the formula, not computable when T = 0;
    ``SERATUS``: capaian 100 whatever the target (zero incidents = target met, no more)."""

    RUMUS = "rumus"
    SERATUS = "seratus"


class Efisiensi(str, enum.Enum):
    """The label of the gap capaian - serapan (percentage points)."""

    EFISIEN = "efisien"  # gap > +5
    CUKUP_EFISIEN = "cukup efisien"  # -5 <= gap <= +5
    TIDAK_EFISIEN = "tidak efisien"  # gap < -5

    @property
    def label(self) -> str:
        """As printed in a table: "Cukup Efisien"."""
        return self.value.title()


class Sumber(str, enum.Enum):
    """Where an effective setting came from."""

    ATURAN = "aturan"  # an [[indikator]] table of the rules file
    WORKBOOK = "workbook"  # a column of the workbook (POLARITAS, AKUMULASI)
    BAWAAN = "bawaan"  # the default


# --------------------------------------------------------------------------- predikat scales


@dataclass(frozen=True, slots=True)
class Band:
    """One band of a predikat scale: every capaian from ``batas_bawah`` up (``>=``, or ``>``
    when not ``inklusif``) until the next band above."""

    batas_bawah: Decimal
    predikat: str
    inklusif: bool = True

    def contains(self, capaian: Decimal) -> bool:
        return capaian >= self.batas_bawah if self.inklusif else capaian > self.batas_bawah


@dataclass(frozen=True, slots=True)
class SkalaPredikat:
    """A predikat scale as data: bands sorted by lower bound, highest first. A value takes the
    first band it reaches; anything below the last band's bound still takes the last band, so a
    scale has no gaps and no overlaps, fractions included."""

    nama: str
    bands: tuple[Band, ...]

    def __post_init__(self) -> None:
        if not self.bands:
            raise IkuInputError(f"skala predikat '{self.nama}' tidak mempunyai pita")
        bounds = [b.batas_bawah for b in self.bands]
        if any(upper <= lower for upper, lower in itertools.pairwise(bounds)):
            raise IkuInputError(
                f"batas skala predikat '{self.nama}' harus berurutan dari besar ke kecil "
                "tanpa angka kembar"
            )

    def classify(self, capaian: Decimal) -> str:
        for band in self.bands[:-1]:
            if band.contains(capaian):
                return band.predikat
        return self.bands[-1].predikat


def _bands(pairs: Iterable[tuple[int, str]], inklusif: bool = True) -> tuple[Band, ...]:
    return tuple(Band(Decimal(bound), label, inklusif) for bound, label in pairs)


# Permendagri 86/2017 as used in LKjIP: lower bounds inclusive, so 90.5 is Tinggi and 50.5
# Sangat Rendah (the printed 76-90 / 91-100 leave fractions in between; we close the gap upward).
SKALA_LKJIP = SkalaPredikat(
    "lkjip",
    _bands(
        [
            (91, "Sangat Tinggi"),
            (76, "Tinggi"),
            (66, "Sedang"),
            (51, "Rendah"),
            (0, "Sangat Rendah"),
        ]
    ),
)
# SAKIP evaluation grades (PermenPANRB 88/2021): strict ">" bounds, so 90 is A and 90.01 AA.
SKALA_SAKIP = SkalaPredikat(
    "sakip",
    _bands(
        [(90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C"), (0, "D")],
        inklusif=False,
    ),
)
SKALA_BAWAAN = {s.nama: s for s in (SKALA_LKJIP, SKALA_SAKIP)}


# --------------------------------------------------------------------------- rules (Aturan)


@dataclass(frozen=True, slots=True)
class AturanIndikator:
    """An ``[[indikator]]`` table: settings for every indicator whose uraian contains ``cocok``
    (case-insensitive). ``None`` leaves a setting alone; ``batas_atas=False`` removes the cap."""

    cocok: str
    polaritas: Polaritas | None = None
    akumulasi: Akumulasi | None = None
    metode_negatif: MetodeNegatif | None = None
    batas_atas: Decimal | Literal[False] | None = None

    def matches(self, indikator: Indikator) -> bool:
        return fold_text(self.cocok) in fold_text(indikator.uraian)


@dataclass(frozen=True, slots=True)
class AturanEfektif:
    """The settings one indicator is computed with, and where polaritas/akumulasi came from."""

    polaritas: Polaritas
    akumulasi: Akumulasi
    metode_negatif: MetodeNegatif
    batas_atas: Decimal | None
    realisasi_nol_negatif: RealisasiNolNegatif
    polaritas_sumber: Sumber
    akumulasi_sumber: Sumber


@dataclass(frozen=True, slots=True)
class Aturan:
    """Calculation settings: the ``[default]`` of a rules file plus its ``[[indikator]]`` tables.

    Precedence per indicator: the matching ``[[indikator]]`` tables (later ones win) over the
    workbook's own POLARITAS/AKUMULASI columns over these defaults."""

    metode_negatif: MetodeNegatif = MetodeNegatif.DUA_T_KURANG_R
    skala_predikat: SkalaPredikat = SKALA_LKJIP
    batas_atas: Decimal | None = None  # None: no cap
    realisasi_nol_negatif: RealisasiNolNegatif = RealisasiNolNegatif.RUMUS
    indikator: tuple[AturanIndikator, ...] = ()

    def resolve(self, indikator: Indikator) -> AturanEfektif:
        rules = [r for r in self.indikator if r.matches(indikator)]
        polaritas, polaritas_sumber = _choose(
            _last_set(r.polaritas for r in rules), indikator.polaritas, Polaritas.POSITIF
        )
        akumulasi, akumulasi_sumber = _choose(
            _last_set(r.akumulasi for r in rules),
            indikator.akumulasi,
            default_akumulasi(indikator.satuan),
        )
        metode_negatif = _last_set(r.metode_negatif for r in rules)
        batas_atas = _cap(self.batas_atas, _last_set(r.batas_atas for r in rules))
        return AturanEfektif(
            polaritas=polaritas,
            akumulasi=akumulasi,
            metode_negatif=self.metode_negatif if metode_negatif is None else metode_negatif,
            batas_atas=batas_atas,
            realisasi_nol_negatif=self.realisasi_nol_negatif,
            polaritas_sumber=polaritas_sumber,
            akumulasi_sumber=akumulasi_sumber,
        )


def _last_set(values: Iterable[T | None]) -> T | None:
    found: T | None = None
    for value in values:
        if value is not None:
            found = value
    return found


def _cap(default: Decimal | None, override: Decimal | Literal[False] | None) -> Decimal | None:
    if override is None:
        return default
    if override is False:  # the rule removes the default cap
        return None
    return override


def _choose(from_rules: T | None, from_workbook: T | None, default: T) -> tuple[T, Sumber]:
    if from_rules is not None:
        return from_rules, Sumber.ATURAN
    if from_workbook is not None:
        return from_workbook, Sumber.WORKBOOK
    return default, Sumber.BAWAAN


_SATUAN_TERAKHIR = frozenset(
    {"persen", "persentase", "prosentase", "indeks", "angka", "nilai", "skor", "rasio"}
)


def default_akumulasi(satuan: str) -> Akumulasi:
    """``terakhir`` for levels (%, Indeks, Angka, Nilai, Skor, Rasio), ``jumlah`` for counts."""
    text = satuan.casefold()
    if "%" in text or _SATUAN_TERAKHIR.intersection(re.findall(r"[a-z]+", text)):
        return Akumulasi.TERAKHIR
    return Akumulasi.JUMLAH


# --------------------------------------------------------------------------- arithmetic


def accumulate(values: Sequence[Decimal | None], akumulasi: Akumulasi) -> Decimal | None:
    """The value of the TWs given (TW I up to some TW): ``jumlah`` sums the reported ones,
    ``rata-rata`` averages them, ``terakhir`` takes the last TW of the sequence. ``None`` when
    nothing (for ``terakhir``: the last TW) was reported."""
    if akumulasi is Akumulasi.TERAKHIR:
        return values[-1] if values else None
    reported = [v for v in values if v is not None]
    if not reported:
        return None
    with localcontext(_KONTEKS):
        total = sum(reported, NOL)
        return total if akumulasi is Akumulasi.JUMLAH else total / len(reported)


class _NotComputable(Exception):
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
        return _capaian(target, realisasi, metode, batas_atas, realisasi_nol)[0]
    except _NotComputable:
        return None


def _capaian(
    target: Target | None,
    realisasi: Decimal | None,
    metode: Metode,
    batas_atas: Decimal | None,
    realisasi_nol: RealisasiNolNegatif,
) -> tuple[Decimal, Decimal]:
    """(capaian capped, capaian before the cap), both rounded; raises _NotComputable."""
    with localcontext(_KONTEKS):
        raw = _raw_capaian(target, realisasi, metode, realisasi_nol)
        if not raw.is_finite() or abs(raw) >= BATAS_EXCEL:
            raise _NotComputable(
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
        raise _NotComputable(Kode.TARGET_KOSONG, "target kosong; isi target tahunan")
    if metode.is_rentang:
        return _rentang(target, realisasi, metode)
    if isinstance(target, Rentang):
        raise _NotComputable(
            Kode.TARGET_BUKAN_RENTANG, f"target rentang dengan metode {metode.value}"
        )
    if realisasi is None:
        raise _NotComputable(Kode.REALISASI_KOSONG, "realisasi belum diisi")
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
        raise _NotComputable(
            Kode.REALISASI_NOL,
            "rumus T/R tidak dapat dipakai dengan realisasi 0 (pembagian dengan nol); pakai "
            'metode_negatif = "2t-r" atau realisasi_nol_negatif = "seratus" di berkas aturan',
        )
    if realisasi < 0:
        raise _NotComputable(
            Kode.REALISASI_NEGATIF, "rumus T/R tidak berlaku untuk realisasi negatif"
        )
    return target / realisasi * SERATUS


def _rentang(target: Target, realisasi: Decimal | None, metode: Metode) -> Decimal:
    """Inside the range 100; below it positive against the lower bound; above it negative
    (the selected formula) against the upper bound. Never above 100."""
    if not isinstance(target, Rentang):
        raise _NotComputable(
            Kode.TARGET_BUKAN_RENTANG,
            f"polaritas rentang tetapi target satu angka ({_format_angka(target)}); "
            "tulis target sebagai rentang, mis. 80-90",
        )
    if realisasi is None:
        raise _NotComputable(Kode.REALISASI_KOSONG, "realisasi belum diisi")
    bawah, atas = target.bawah, target.atas
    if bawah > atas:
        raise _NotComputable(
            Kode.RENTANG_TERBALIK,
            f"batas bawah rentang ({_format_angka(bawah)}) lebih besar dari batas atas "
            f"({_format_angka(atas)}); perbaiki target",
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
        raise _NotComputable(
            Kode.TARGET_NEGATIF,
            f"{what} negatif ({_format_angka(value)}); rumus capaian tidak berlaku untuk "
            "target di bawah nol",
        )


def _require_positive(value: Decimal, what: str) -> None:
    _require_not_negative(value, what)
    if value == 0:
        raise _NotComputable(
            Kode.TARGET_NOL, f"{what} 0; capaian tidak dapat dihitung (pembagian dengan nol)"
        )


def _format_angka(value: Decimal | Rentang) -> str:
    """Indonesian writing for messages: "1.234,5"."""
    if isinstance(value, Rentang):
        return f"{_format_angka(value.bawah)}-{_format_angka(value.atas)}"
    if not value.is_finite():
        return str(value)
    text = f"{value.normalize():,f}" if abs(value.adjusted()) < 30 else f"{value:E}"
    return text.translate(str.maketrans(",.", ".,"))


# --------------------------------------------------------------------------- indicator


@dataclass(frozen=True, slots=True)
class HasilIndikator:
    """The computed figures of one indicator. ``capaian_tw`` is cumulative: TW I, s.d. TW II,
    s.d. TW III, s.d. TW IV. ``None`` everywhere means not computable (see ``problems``)."""

    indikator: Indikator
    aturan: AturanEfektif
    metode: Metode
    target: Target | None
    realisasi_tahun: Decimal | None
    capaian: Decimal | None
    capaian_tw: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    predikat: str | None
    problems: tuple[Problem, ...]

    @property
    def polaritas(self) -> Polaritas:
        return self.aturan.polaritas

    @property
    def akumulasi(self) -> Akumulasi:
        return self.aturan.akumulasi


class _Catatan:
    """Collects the problems of one indicator, each message naming the indicator."""

    def __init__(self, indikator: Indikator) -> None:
        self.nama = indikator.uraian.strip() or "(tanpa uraian)"
        self.problems: list[Problem] = []
        # Located at the indicator's own cell when it was read from a sheet.
        sel = indikator.sel_of("uraian")
        self.sheet = sel.sheet if sel is not None else None
        self.cell = cell_name(sel.row, sel.col) if sel is not None else None

    def add(self, code: str, severity: Severity, text: str) -> None:
        problem = Problem(code, f"Indikator '{self.nama}': {text}", severity)
        self.problems.append(problem.at(sheet=self.sheet, cell=self.cell))

    def codes(self) -> set[str]:
        return {p.code for p in self.problems}


@dataclass(frozen=True, slots=True)
class _Nilai:
    """The indicator's numbers with every non-finite value dropped."""

    target: Target | None
    target_tw: tuple[Decimal | None, ...]
    realisasi_tw: tuple[Decimal | None, ...]
    realisasi_tahun: Decimal | None


def compute_indikator(indikator: Indikator, aturan: Aturan | None = None) -> HasilIndikator:
    """Capaian (year and per TW) and predikat of one indicator, with every problem found."""
    aturan = aturan or Aturan()
    efektif = aturan.resolve(indikator)
    catatan = _Catatan(indikator)
    _note_defaults(indikator, efektif, catatan)
    nilai = _finite_values(indikator, catatan)
    metode = choose_metode(efektif.polaritas, nilai.target, efektif.metode_negatif)
    _check_polaritas_target(indikator, efektif, nilai.target, catatan)
    realisasi = _realisasi_tahun(nilai, efektif.akumulasi, catatan)
    capaian = _capaian_tahun(nilai.target, realisasi, metode, efektif, catatan)
    capaian_tw = _capaian_tw(nilai, metode, efektif, catatan)
    _check_wording(indikator, efektif, catatan)
    return HasilIndikator(
        indikator=indikator,
        aturan=efektif,
        metode=metode,
        target=nilai.target,
        realisasi_tahun=realisasi,
        capaian=capaian,
        capaian_tw=capaian_tw,
        predikat=None if capaian is None else aturan.skala_predikat.classify(capaian),
        problems=tuple(catatan.problems),
    )


def _note_defaults(indikator: Indikator, efektif: AturanEfektif, catatan: _Catatan) -> None:
    if efektif.polaritas_sumber is Sumber.BAWAAN:
        catatan.add(
            Kode.POLARITAS_DEFAULT,
            Severity.INFO,
            "polaritas tidak diisi; dihitung positif (makin tinggi makin baik). Isi kolom "
            "POLARITAS atau berkas aturan bila tidak demikian",
        )
    has_tw = not (indikator.realisasi.is_empty and indikator.target_tw.is_empty)
    if efektif.akumulasi_sumber is Sumber.BAWAAN and has_tw:
        catatan.add(
            Kode.AKUMULASI_DEFAULT,
            Severity.INFO,
            f"akumulasi TW tidak diisi; dipakai '{efektif.akumulasi.value}' karena satuan "
            f"'{indikator.satuan}'. Isi kolom AKUMULASI atau berkas aturan bila tidak demikian",
        )


def _finite_values(indikator: Indikator, catatan: _Catatan) -> _Nilai:
    def finite(value: Decimal | None, what: str) -> Decimal | None:
        if value is None or value.is_finite():
            return value
        catatan.add(
            Kode.NILAI_TIDAK_VALID,
            Severity.ERROR,
            f"{what} bukan angka ({value}); nilai diabaikan",
        )
        return None

    target: Target | None = indikator.target
    if isinstance(target, Rentang):
        bawah, atas = finite(target.bawah, "batas bawah"), finite(target.atas, "batas atas")
        target = None if bawah is None or atas is None else target
    else:
        target = finite(target, "target")
    return _Nilai(
        target=target,
        target_tw=tuple(
            finite(v, f"target {tw}") for v, tw in zip(indikator.target_tw, TW_NAMES, strict=True)
        ),
        realisasi_tw=tuple(
            finite(v, f"realisasi {tw}")
            for v, tw in zip(indikator.realisasi, TW_NAMES, strict=True)
        ),
        realisasi_tahun=finite(indikator.realisasi_tahun, "realisasi tahunan"),
    )


def _check_polaritas_target(
    indikator: Indikator, efektif: AturanEfektif, target: Target | None, catatan: _Catatan
) -> None:
    configured = efektif.polaritas_sumber is not Sumber.BAWAAN
    if isinstance(target, Rentang) and efektif.polaritas is not Polaritas.RENTANG and configured:
        catatan.add(
            Kode.POLARITAS_RENTANG_TIDAK_COCOK,
            Severity.WARNING,
            f"target berupa rentang ({_format_angka(target)}) tetapi polaritas "
            f"{efektif.polaritas.value}; dihitung sebagai rentang",
        )


def _realisasi_tahun(nilai: _Nilai, akumulasi: Akumulasi, catatan: _Catatan) -> Decimal | None:
    """The year's realisasi: the table's own year value when given, else accumulated."""
    tw = nilai.realisasi_tw
    from_tw = accumulate(tw, akumulasi)
    if nilai.realisasi_tahun is not None:
        _check_year_value(nilai.realisasi_tahun, from_tw, akumulasi, catatan)
        return nilai.realisasi_tahun
    if all(v is None for v in tw):
        catatan.add(
            Kode.REALISASI_KOSONG,
            Severity.ERROR,
            "realisasi belum diisi; capaian tidak dihitung (0 adalah nilai yang dilaporkan, "
            "sel kosong tidak)",
        )
    elif akumulasi is Akumulasi.TERAKHIR and tw[3] is None:
        catatan.add(
            Kode.TW4_KOSONG,
            Severity.ERROR,
            "akumulasi 'terakhir' memakai nilai TW IV, yang belum diisi; capaian tahunan "
            "tidak dihitung. Isi TW IV atau pilih akumulasi lain di berkas aturan",
        )
    else:
        _note_missing_tw(tw, akumulasi, catatan)
    return from_tw


def _check_year_value(
    given: Decimal, from_tw: Decimal | None, akumulasi: Akumulasi, catatan: _Catatan
) -> None:
    if from_tw is None or round_half_away(given) == round_half_away(from_tw):
        return
    catatan.add(
        Kode.REALISASI_TAHUN_TIDAK_SESUAI,
        Severity.WARNING,
        f"realisasi tahunan di tabel ({_format_angka(given)}) berbeda dari akumulasi "
        f"'{akumulasi.value}' nilai TW ({_format_angka(round_half_away(from_tw))}); dipakai "
        "nilai tabel. Menjumlahkan persentase antar-TW adalah kesalahan yang sering terjadi",
    )


def _note_missing_tw(tw: Sequence[Decimal | None], akumulasi: Akumulasi, catatan: _Catatan) -> None:
    missing = [name for v, name in zip(tw, TW_NAMES, strict=True) if v is None]
    if not missing or akumulasi is Akumulasi.TERAKHIR:
        return
    if akumulasi is Akumulasi.JUMLAH and tw[3] is not None:
        catatan.add(
            Kode.TW_SEBELUMNYA_KOSONG,
            Severity.WARNING,
            f"TW IV diisi tetapi {', '.join(missing)} tidak; akumulasi 'jumlah' hanya "
            "menjumlah TW yang diisi. Bila TW IV berisi nilai setahun, pakai akumulasi "
            "'terakhir'",
        )
        return
    reported = [name for v, name in zip(tw, TW_NAMES, strict=True) if v is not None]
    catatan.add(
        Kode.REALISASI_SEBAGIAN,
        Severity.INFO,
        f"realisasi tahunan ({akumulasi.value}) dihitung dari {', '.join(reported)} saja",
    )


def _capaian_tahun(
    target: Target | None,
    realisasi: Decimal | None,
    metode: Metode,
    efektif: AturanEfektif,
    catatan: _Catatan,
) -> Decimal | None:
    try:
        capaian, uncapped = _capaian(
            target, realisasi, metode, efektif.batas_atas, efektif.realisasi_nol_negatif
        )
    except _NotComputable as why:
        if why.code != Kode.REALISASI_KOSONG:  # already said by _realisasi_tahun
            catatan.add(why.code, Severity.ERROR, f"{why.reason}; capaian tidak dihitung")
        return None
    if uncapped > BATAS_CAPAIAN_WAJAR:
        catatan.add(
            Kode.CAPAIAN_DI_ATAS_150,
            Severity.WARNING,
            f"capaian {_format_angka(uncapped)}% di atas 150%; periksa target, realisasi, "
            "satuan dan polaritas",
        )
    return capaian


def _capaian_tw(
    nilai: _Nilai, metode: Metode, efektif: AturanEfektif, catatan: _Catatan
) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    year_codes = catatan.codes()
    results = [_capaian_sd_tw(k, nilai, metode, efektif, catatan, year_codes) for k in range(4)]
    return results[0], results[1], results[2], results[3]


def _capaian_sd_tw(
    k: int,
    nilai: _Nilai,
    metode: Metode,
    efektif: AturanEfektif,
    catatan: _Catatan,
    year_codes: set[str],
) -> Decimal | None:
    """Capaian up to TW k+1; None, silently, while that TW is not reported."""
    if nilai.realisasi_tw[k] is None:
        return None
    realisasi = accumulate(nilai.realisasi_tw[: k + 1], efektif.akumulasi)
    target = nilai.target
    if nilai.target_tw[k] is not None and not metode.is_rentang:
        target = accumulate(nilai.target_tw[: k + 1], efektif.akumulasi)
    try:
        return _capaian(
            target, realisasi, metode, efektif.batas_atas, efektif.realisasi_nol_negatif
        )[0]
    except _NotComputable as why:
        if why.code not in year_codes:  # the same cause is reported once
            year_codes.add(why.code)
            catatan.add(why.code, Severity.ERROR, f"s.d. {TW_NAMES[k]}: {why.reason}")
        return None


# Wording that usually means "lower is better", unless the text counts a decrease or handling.
_KATA_NEGATIF = re.compile(
    r"\b(konflik|\w*miskin\w*|pelanggaran|kasus|pengangguran|kematian|kecelakaan|kriminal\w*"
    r"|kejahatan|gangguan|tunggakan|temuan|stunting|kebakaran|banjir|sengketa|putus sekolah)"
)
_KATA_PENURUNAN = re.compile(
    r"\b(penurunan|menurun\w*|turun\w*|berkurang\w*|pengurangan|tertangani|ditangani"
    r"|penanganan|penyelesaian|diselesaikan|terselesaikan|ditindaklanjuti|tindak lanjut"
    r"|pencegahan|bebas)\b"
)
_PERSENTASE_PENURUNAN = re.compile(r"^(persentase|prosentase|presentase)\s+penurunan\b")


def _check_wording(indikator: Indikator, efektif: AturanEfektif, catatan: _Catatan) -> None:
    """Warnings only: polarity is data, the words merely suggest a second look."""
    text = fold_text(indikator.uraian)
    if efektif.polaritas_sumber is not Sumber.ATURAN:
        _check_polaritas_wording(text, efektif.polaritas, catatan)
    satuan = indikator.satuan.casefold()
    if text.startswith("jumlah ") and ("%" in satuan or "persen" in satuan):
        catatan.add(
            Kode.SATUAN_PERSEN_JUMLAH,
            Severity.WARNING,
            f"indikator 'Jumlah ...' bersatuan '{indikator.satuan}'; jumlah biasanya bukan "
            "persen, periksa satuan",
        )


def _check_polaritas_wording(text: str, polaritas: Polaritas, catatan: _Catatan) -> None:
    if polaritas is Polaritas.POSITIF:
        found = _KATA_NEGATIF.search(text)
        if found and not _KATA_PENURUNAN.search(text):
            catatan.add(
                Kode.POLARITAS_MENCURIGAKAN,
                Severity.WARNING,
                f"dihitung positif, tetapi kata '{found.group(0)}' biasanya berarti makin "
                "rendah makin baik; bila begitu, set polaritas negatif",
            )
    elif polaritas is Polaritas.NEGATIF and _PERSENTASE_PENURUNAN.search(text):
        catatan.add(
            Kode.POLARITAS_MENCURIGAKAN,
            Severity.WARNING,
            "dihitung negatif, tetapi 'persentase penurunan ...' biasanya positif (target "
            "adalah besar penurunan, makin besar makin baik)",
        )


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
        with localcontext(_KONTEKS):
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


# --------------------------------------------------------------------------- anggaran


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
    with localcontext(_KONTEKS):
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
    with localcontext(_KONTEKS):
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
        problems.append(_info(Kode.ANGGARAN_DARI_KEGIATAN, f"{nama}: pagu = jumlah pagu kegiatan"))
    if realisasi_sum:
        problems.append(
            _info(
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


def _info(code: str, message: str) -> Problem:
    return Problem(code, message, Severity.INFO)


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
        with localcontext(_KONTEKS):
            total = sum(known, NOL)
        if total != own:
            problems.append(
                Problem(
                    code,
                    f"{nama}: {what} program Rp{_format_angka(own)} tidak sama dengan jumlah "
                    f"{what} kegiatannya Rp{_format_angka(total)}",
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
        why = (Kode.ANGGARAN_NEGATIF, f"pagu anggaran negatif (Rp{_format_angka(hasil.anggaran)})")
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
                f"{nama}: serapan {_format_angka(hasil.serapan)}% melebihi pagu; periksa "
                "realisasi anggaran",
                Severity.WARNING,
            )
        ]
    return []


# --------------------------------------------------------------------------- document


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
    program = _compute_programs(dokumen, sasaran)
    total = _total(program)
    problems: list[Problem] = []
    for s in sasaran:
        for i in s.indikator:
            problems += i.problems
        problems += s.problems
    for p in program:
        problems += p.problems
    if dokumen.indikator and not any(_has_realisasi(i) for i in dokumen.indikator):
        problems = _without_realisasi_noise(problems)
    problems += _total_problems(program)
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
    return [*kept, _info(Kode.REALISASI_TIDAK_ADA, message)]


def _compute_programs(
    dokumen: Dokumen, sasaran: Sequence[HasilSasaran]
) -> tuple[HasilProgram, ...]:
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


def _total(program: Sequence[HasilProgram]) -> HasilAnggaran:
    anggaran = [p.anggaran.anggaran for p in program if p.anggaran.anggaran is not None]
    realisasi = [p.anggaran.realisasi for p in program if p.anggaran.realisasi is not None]
    with localcontext(_KONTEKS):
        total_anggaran = sum(anggaran, NOL) if anggaran else None
        total_realisasi = sum(realisasi, NOL) if realisasi else None
    return compute_serapan(total_anggaran, total_realisasi)


def _total_problems(program: Sequence[HasilProgram]) -> list[Problem]:
    with_realisasi = [p for p in program if p.anggaran.realisasi is not None]
    if not with_realisasi:
        if program:
            return [
                _info(
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
    "match_sasaran",
    "own_or_sum",
    "round_half_away",
]
