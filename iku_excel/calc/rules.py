"""What a number is computed with: the named methods, predikat scales and the rules (``Aturan``).

``Aturan`` is the ``[default]`` and ``[[indikator]]`` tables of a rules file as values
(``rules_file.load_aturan`` reads one); ``Aturan.resolve`` gives the settings one indicator is
computed with and where each came from.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeVar

from iku_excel.errors import IkuInputError
from iku_excel.model import Akumulasi, Indikator, Polaritas
from iku_excel.text import fold_text

T = TypeVar("T")


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


__all__ = [
    "SKALA_BAWAAN",
    "SKALA_LKJIP",
    "SKALA_SAKIP",
    "Aturan",
    "AturanEfektif",
    "AturanIndikator",
    "Band",
    "Metode",
    "MetodeNegatif",
    "RealisasiNolNegatif",
    "SkalaPredikat",
    "Sumber",
    "default_akumulasi",
]
