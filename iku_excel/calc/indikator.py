"""One indicator computed: realisasi of the year, capaian (year and s.d. each TW), predikat, and
every problem found on the way, each naming the indicator and located at its cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from iku_excel.calc.capaian import NotComputable, accumulate, capaian_or_raise, choose_metode
from iku_excel.calc.codes import Kode
from iku_excel.calc.numbers import format_angka
from iku_excel.calc.rules import Aturan, AturanEfektif, Metode, Sumber
from iku_excel.errors import Problem, Severity
from iku_excel.grid import cell_name
from iku_excel.model import Akumulasi, Indikator, Polaritas, Rentang, Target
from iku_excel.text import TW_NAMES, fold_text
from iku_excel.values import round_half_away

BATAS_CAPAIAN_WAJAR = Decimal(150)  # above this a capaian is flagged as suspicious


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
            f"target berupa rentang ({format_angka(target)}) tetapi polaritas "
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
        f"realisasi tahunan di tabel ({format_angka(given)}) berbeda dari akumulasi "
        f"'{akumulasi.value}' nilai TW ({format_angka(round_half_away(from_tw))}); dipakai "
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
        capaian, uncapped = capaian_or_raise(
            target, realisasi, metode, efektif.batas_atas, efektif.realisasi_nol_negatif
        )
    except NotComputable as why:
        if why.code != Kode.REALISASI_KOSONG:  # already said by _realisasi_tahun
            catatan.add(why.code, Severity.ERROR, f"{why.reason}; capaian tidak dihitung")
        return None
    if uncapped > BATAS_CAPAIAN_WAJAR:
        catatan.add(
            Kode.CAPAIAN_DI_ATAS_150,
            Severity.WARNING,
            f"capaian {format_angka(uncapped)}% di atas 150%; periksa target, realisasi, "
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
        return capaian_or_raise(
            target, realisasi, metode, efektif.batas_atas, efektif.realisasi_nol_negatif
        )[0]
    except NotComputable as why:
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


__all__ = [
    "BATAS_CAPAIAN_WAJAR",
    "HasilIndikator",
    "compute_indikator",
]
