"""iku_excel.calc: methods, edge policies, roll-ups, predikat scales and checks."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iku_excel.calc import (
    SKALA_LKJIP,
    SKALA_SAKIP,
    Aturan,
    AturanIndikator,
    Band,
    Efisiensi,
    Kode,
    Metode,
    MetodeNegatif,
    RealisasiNolNegatif,
    SkalaPredikat,
    Sumber,
    accumulate,
    check_sasaran_wording,
    compute_capaian,
    compute_dokumen,
    compute_indikator,
    compute_sasaran,
    compute_serapan,
    default_akumulasi,
    label_efisiensi,
    round_half_away,
)
from iku_excel.errors import IkuInputError, Severity
from iku_excel.model import (
    Akumulasi,
    Dokumen,
    Indikator,
    Kegiatan,
    PerTriwulan,
    Polaritas,
    Program,
    Rentang,
    Sasaran,
    TargetIndikator,
    TargetSasaran,
)

D = Decimal


def codes(hasil: object) -> set[str]:
    return {p.code for p in hasil.problems}  # type: ignore[attr-defined]


TEN = D(10)


def indikator(
    uraian: str = "Persentase desa maju",
    satuan: str = "%",
    target: Decimal | Rentang | None = TEN,
    tw: tuple[Decimal | None, ...] = (None, None, None, None),
    **fields: Any,
) -> Indikator:
    return Indikator(
        uraian,
        satuan=satuan,
        target=target,
        realisasi=PerTriwulan(*tw),
        **fields,
    )


def year(target: Decimal | Rentang | None, realisasi: Decimal, **fields: Any) -> Indikator:
    """An indicator whose table gives the year's realisasi directly."""
    return indikator(target=target, realisasi_tahun=realisasi, **fields)


# --------------------------------------------------------------------------- rounding

# Excel's ROUND(x, n) results, typed from Excel: halves go away from zero.
EXCEL_ROUND = [
    ("2.675", 2, "2.68"),
    ("-2.675", 2, "-2.68"),
    ("1.005", 2, "1.01"),
    ("0.125", 2, "0.13"),
    ("-0.125", 2, "-0.13"),
    ("0.115", 2, "0.12"),
    ("2.665", 2, "2.67"),
    ("1234.5678", 2, "1234.57"),
    ("0.0049", 2, "0"),
    ("-0.0049", 2, "0"),
    ("0.5", 0, "1"),
    ("-0.5", 0, "-1"),
    ("2.5", 0, "3"),
    ("1.5", 0, "2"),
    ("-2.5", 0, "-3"),
    ("150", 2, "150"),
    ("33.3333333", 2, "33.33"),
    ("66.6666666", 2, "66.67"),
]


@pytest.mark.parametrize(("value", "places", "excel"), EXCEL_ROUND)
def test_round_half_away_agrees_with_excel_round(value: str, places: int, excel: str) -> None:
    assert round_half_away(D(value), places) == D(excel)


def test_round_half_away_never_gives_negative_zero() -> None:
    assert str(round_half_away(D("-0.001"))) == "0.00"


def test_round_half_away_refuses_nan() -> None:
    with pytest.raises(IkuInputError):
        round_half_away(D("NaN"))


finite_decimals = st.decimals(allow_nan=False, allow_infinity=False)


@given(finite_decimals)
def test_round_half_away_is_within_half_a_cent_and_symmetric(value: Decimal) -> None:
    rounded = round_half_away(value)
    assert abs(rounded - value) <= D("0.005")
    assert round_half_away(-value) == -rounded
    assert round_half_away(rounded) == rounded


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_round_half_away_rounds_every_half_away_from_zero(cents: int) -> None:
    half = D(cents) / 100 + (D("0.005") if cents >= 0 else D("-0.005"))
    assert abs(round_half_away(half)) == abs(D(cents) / 100) + D("0.01")


# --------------------------------------------------------------------------- methods


def test_the_two_negative_formulas_give_150_and_200() -> None:
    assert compute_capaian(D(10), D(5), Metode.NEGATIF_2T_R) == 150
    assert compute_capaian(D(10), D(5), Metode.NEGATIF_T_R) == 200
    assert compute_capaian(D(10), D(5), Metode.POSITIF) == 50


def test_negatif_default_is_2t_minus_r_floored_at_zero() -> None:
    hasil = compute_indikator(year(D(10), D(25), polaritas=Polaritas.NEGATIF))
    assert hasil.metode is Metode.NEGATIF_2T_R
    assert hasil.capaian == 0


def test_metode_negatif_t_bagi_r_from_settings() -> None:
    aturan = Aturan(metode_negatif=MetodeNegatif.T_BAGI_R)
    hasil = compute_indikator(year(D(10), D(8), polaritas=Polaritas.NEGATIF), aturan)
    assert (hasil.metode, hasil.capaian) == (Metode.NEGATIF_T_R, D("125.00"))


@pytest.mark.parametrize(
    ("metode", "realisasi", "expected"),
    [
        (Metode.RENTANG_2T_R, "85", "100"),
        (Metode.RENTANG_2T_R, "80", "100"),  # bounds are inside
        (Metode.RENTANG_2T_R, "90", "100"),
        (Metode.RENTANG_2T_R, "72", "90"),  # below: 72 / 80
        (Metode.RENTANG_2T_R, "99", "90"),  # above: (2 x 90 - 99) / 90
        (Metode.RENTANG_2T_R, "200", "0"),  # floored at 0
        (Metode.RENTANG_T_R, "99", "90.91"),  # above: 90 / 99
        (Metode.RENTANG_T_R, "72", "90"),
    ],
)
def test_rentang(metode: Metode, realisasi: str, expected: str) -> None:
    assert compute_capaian(Rentang(D(80), D(90)), D(realisasi), metode) == D(expected)


def test_range_target_is_computed_as_range_whatever_the_polarity() -> None:
    hasil = compute_indikator(year(Rentang(D(80), D(90)), D(99), polaritas=Polaritas.POSITIF))
    assert hasil.metode is Metode.RENTANG_2T_R
    assert hasil.capaian == 90
    assert Kode.POLARITAS_RENTANG_TIDAK_COCOK in codes(hasil)


def test_rentang_polarity_needs_a_range_target() -> None:
    hasil = compute_indikator(year(D(90), D(85), polaritas=Polaritas.RENTANG))
    assert hasil.capaian is None
    assert Kode.TARGET_BUKAN_RENTANG in codes(hasil)


def test_reversed_range_is_not_computable() -> None:
    hasil = compute_indikator(year(Rentang(D(90), D(80)), D(85)))
    assert hasil.capaian is None
    assert Kode.RENTANG_TERBALIK in codes(hasil)


@pytest.mark.parametrize(
    ("cap", "expected"), [(None, "160"), (D(120), "120"), (D(200), "160"), (D(100), "100")]
)
def test_batas_atas_caps_but_still_warns_above_150(cap: Decimal | None, expected: str) -> None:
    hasil = compute_indikator(year(D(10), D(16)), Aturan(batas_atas=cap))
    assert hasil.capaian == D(expected)
    assert Kode.CAPAIAN_DI_ATAS_150 in codes(hasil)


def test_capaian_of_exactly_150_is_not_suspicious() -> None:
    assert Kode.CAPAIAN_DI_ATAS_150 not in codes(compute_indikator(year(D(10), D(15))))
    assert Kode.CAPAIAN_DI_ATAS_150 in codes(compute_indikator(year(D(10), D("15.001"))))


# --------------------------------------------------------------------------- edge policies


@pytest.mark.parametrize(
    ("target", "code"),
    [(None, Kode.TARGET_KOSONG), (D(0), Kode.TARGET_NOL), (D(-5), Kode.TARGET_NEGATIF)],
)
@pytest.mark.parametrize("polaritas", [Polaritas.POSITIF, Polaritas.NEGATIF])
def test_unusable_target_is_not_computable(
    target: Decimal | None, code: str, polaritas: Polaritas
) -> None:
    hasil = compute_indikator(year(target, D(5), polaritas=polaritas))
    assert hasil.capaian is None and hasil.predikat is None
    problem = next(p for p in hasil.problems if p.code == code)
    assert problem.severity is Severity.ERROR
    assert "Persentase desa maju" in problem.message
    assert problem.file is None and problem.cell is None


def test_empty_realisasi_is_not_reported_but_zero_is() -> None:
    kosong = compute_indikator(indikator(tw=(None, None, None, None)))
    assert kosong.capaian is None
    assert Kode.REALISASI_KOSONG in codes(kosong)
    nol = compute_indikator(year(D(10), D(0)))
    assert nol.capaian == 0
    assert nol.predikat == "Sangat Rendah"


@pytest.mark.parametrize(
    ("metode_negatif", "policy", "target", "expected", "code"),
    [
        (MetodeNegatif.DUA_T_KURANG_R, RealisasiNolNegatif.RUMUS, D(10), "200", None),
        (MetodeNegatif.DUA_T_KURANG_R, RealisasiNolNegatif.RUMUS, D(0), None, Kode.TARGET_NOL),
        (MetodeNegatif.T_BAGI_R, RealisasiNolNegatif.RUMUS, D(10), None, Kode.REALISASI_NOL),
        (MetodeNegatif.T_BAGI_R, RealisasiNolNegatif.RUMUS, D(0), None, Kode.TARGET_NOL),
        (MetodeNegatif.DUA_T_KURANG_R, RealisasiNolNegatif.SERATUS, D(10), "100", None),
        (MetodeNegatif.DUA_T_KURANG_R, RealisasiNolNegatif.SERATUS, D(0), "100", None),
        (MetodeNegatif.T_BAGI_R, RealisasiNolNegatif.SERATUS, D(0), "100", None),
    ],
)
def test_negative_polarity_with_zero_realisasi(
    metode_negatif: MetodeNegatif,
    policy: RealisasiNolNegatif,
    target: Decimal,
    expected: str | None,
    code: str | None,
) -> None:
    aturan = Aturan(metode_negatif=metode_negatif, realisasi_nol_negatif=policy)
    hasil = compute_indikator(year(target, D(0), polaritas=Polaritas.NEGATIF), aturan)
    assert hasil.capaian == (None if expected is None else D(expected))
    if code:
        assert code in codes(hasil)


def test_t_bagi_r_with_negative_realisasi_is_not_computable() -> None:
    aturan = Aturan(metode_negatif=MetodeNegatif.T_BAGI_R)
    hasil = compute_indikator(year(D(10), D(-2), polaritas=Polaritas.NEGATIF), aturan)
    assert hasil.capaian is None
    assert Kode.REALISASI_NEGATIF in codes(hasil)


def test_missing_polarity_is_positive_and_said() -> None:
    hasil = compute_indikator(year(D(10), D(5)))
    assert hasil.polaritas is Polaritas.POSITIF
    info = next(p for p in hasil.problems if p.code == Kode.POLARITAS_DEFAULT)
    assert info.severity is Severity.INFO


def test_non_finite_values_are_dropped_with_a_problem() -> None:
    hasil = compute_indikator(indikator(target=D("NaN"), tw=(D("Infinity"), D(1), None, D(2))))
    assert hasil.capaian is None
    assert Kode.NILAI_TIDAK_VALID in codes(hasil)


# --------------------------------------------------------------------------- akumulasi


@pytest.mark.parametrize(
    "satuan", ["%", "Persen", "persen (%)", "Indeks", "INDEKS", "Angka", "Nilai", "Skor", "Rasio"]
)
def test_levels_default_to_terakhir(satuan: str) -> None:
    assert default_akumulasi(satuan) is Akumulasi.TERAKHIR


@pytest.mark.parametrize("satuan", ["Titik", "Orang", "Dokumen", "Jumlah", "Lembar", ""])
def test_counts_default_to_jumlah(satuan: str) -> None:
    assert default_akumulasi(satuan) is Akumulasi.JUMLAH


def test_default_akumulasi_is_reported() -> None:
    hasil = compute_indikator(indikator(satuan="Titik", tw=(D(1), D(2), D(3), D(4))))
    assert hasil.akumulasi is Akumulasi.JUMLAH
    assert hasil.aturan.akumulasi_sumber is Sumber.BAWAAN
    assert Kode.AKUMULASI_DEFAULT in codes(hasil)


def test_jumlah_terakhir_rata_rata_by_hand() -> None:
    tw = (D(20), D(45), D(60), D(70))
    results = {
        a: compute_indikator(indikator(target=D(100), tw=tw, akumulasi=a)) for a in Akumulasi
    }
    assert results[Akumulasi.JUMLAH].realisasi_tahun == 195
    assert results[Akumulasi.TERAKHIR].realisasi_tahun == 70
    assert results[Akumulasi.RATA_RATA].realisasi_tahun == D("48.75")
    assert results[Akumulasi.JUMLAH].capaian_tw == (20, 65, 125, 195)
    assert results[Akumulasi.TERAKHIR].capaian_tw == (20, 45, 60, 70)
    assert results[Akumulasi.RATA_RATA].capaian_tw == (D(20), D("32.5"), D("41.67"), D("48.75"))


optional_decimal = st.one_of(st.none(), st.decimals(-(10**6), 10**6, places=3))


@given(st.lists(optional_decimal, min_size=1, max_size=4))
def test_accumulate_agrees_with_hand_computation(values: list[Decimal | None]) -> None:
    reported = [Fraction(v) for v in values if v is not None]
    jumlah = accumulate(values, Akumulasi.JUMLAH)
    rata = accumulate(values, Akumulasi.RATA_RATA)
    assert accumulate(values, Akumulasi.TERAKHIR) == values[-1]
    if not reported:
        assert jumlah is None and rata is None
        return
    assert jumlah is not None and rata is not None
    total = sum(reported, Fraction(0))
    assert Fraction(jumlah) == total
    assert abs(Fraction(rata) - total / len(reported)) < Fraction(1, 10**15)


def test_terakhir_without_tw_iv_has_no_year_capaian() -> None:
    hasil = compute_indikator(
        indikator(target=D(80), tw=(D(20), D(40), D(60), None), akumulasi=Akumulasi.TERAKHIR)
    )
    assert hasil.realisasi_tahun is None and hasil.capaian is None
    assert Kode.TW4_KOSONG in codes(hasil)
    assert hasil.capaian_tw == (25, 50, 75, None)


def test_tw_iv_without_earlier_tws_warns_for_jumlah() -> None:
    hasil = compute_indikator(
        indikator(satuan="Titik", tw=(None, None, None, D(9)), akumulasi=Akumulasi.JUMLAH)
    )
    assert hasil.realisasi_tahun == 9
    assert Kode.TW_SEBELUMNYA_KOSONG in codes(hasil)


def test_partial_year_is_said() -> None:
    hasil = compute_indikator(
        indikator(satuan="Titik", tw=(D(1), D(2), None, None), akumulasi=Akumulasi.JUMLAH)
    )
    assert hasil.realisasi_tahun == 3
    assert Kode.REALISASI_SEBAGIAN in codes(hasil)


def test_capaian_tw_against_per_tw_targets() -> None:
    hasil = compute_indikator(
        indikator(
            satuan="Titik",
            target=D(16),
            tw=(D(3), D(5), D(4), D(4)),
            target_tw=PerTriwulan(D(4), D(4), None, D(4)),
            akumulasi=Akumulasi.JUMLAH,
        )
    )
    # TW I 3/4; s.d. TW II 8/8; s.d. TW III no TW III target: 12/16 (annual); s.d. TW IV 16/12
    assert hasil.capaian_tw == (D(75), D(100), D(75), D("133.33"))
    assert hasil.capaian == 100


def test_table_year_value_wins_and_a_sum_of_percentages_is_flagged() -> None:
    hasil = compute_indikator(
        indikator(target=D(60), tw=(D(60), D(60), D(60), D(60)), realisasi_tahun=D(240))
    )
    assert hasil.realisasi_tahun == 240
    assert Kode.REALISASI_TAHUN_TIDAK_SESUAI in codes(hasil)


# --------------------------------------------------------------------------- hypothesis


edge_decimals = st.one_of(
    st.none(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            D(0),
            D("-0"),
            D(10**20),
            D(-(10**20)),
            D("1e-20"),
            D("-1e-20"),
            D("sNaN"),
            D("1E+999999"),
            D("1E-999999"),
            D("0.005"),
            D("0E-10"),
        ]
    ),
)
targets = st.one_of(
    edge_decimals,
    st.builds(
        Rentang,
        edge_decimals.filter(lambda v: v is not None),
        edge_decimals.filter(lambda v: v is not None),
    ),
)
aturan_strategy = st.builds(
    Aturan,
    metode_negatif=st.sampled_from(MetodeNegatif),
    skala_predikat=st.sampled_from([SKALA_LKJIP, SKALA_SAKIP]),
    batas_atas=st.sampled_from([None, D(100), D(120), D("200.005")]),
    realisasi_nol_negatif=st.sampled_from(RealisasiNolNegatif),
)


@settings(max_examples=150, deadline=None)
@given(
    target=targets,
    tw=st.tuples(edge_decimals, edge_decimals, edge_decimals, edge_decimals),
    target_tw=st.tuples(edge_decimals, edge_decimals, edge_decimals, edge_decimals),
    realisasi_tahun=edge_decimals,
    polaritas=st.sampled_from([None, *Polaritas]),
    akumulasi=st.sampled_from([None, *Akumulasi]),
    aturan=aturan_strategy,
)
def test_no_input_raises_or_gives_nan_or_infinity(
    target: Decimal | Rentang | None,
    tw: tuple[Decimal | None, ...],
    target_tw: tuple[Decimal | None, ...],
    realisasi_tahun: Decimal | None,
    polaritas: Polaritas | None,
    akumulasi: Akumulasi | None,
    aturan: Aturan,
) -> None:
    hasil = compute_indikator(
        Indikator(
            "Jumlah kasus",
            satuan="%",
            target=target,
            realisasi=PerTriwulan(*tw),
            target_tw=PerTriwulan(*target_tw),
            realisasi_tahun=realisasi_tahun,
            polaritas=polaritas,
            akumulasi=akumulasi,
        ),
        aturan,
    )
    for value in (hasil.capaian, hasil.realisasi_tahun, *hasil.capaian_tw):
        assert value is None or value.is_finite()
    for value in (hasil.capaian, *hasil.capaian_tw):
        assert value is None or abs(float(value)) < 1e308  # float() of NaN/inf would fail this
    assert (hasil.capaian is None) == (hasil.predikat is None)
    if hasil.capaian is None:
        assert any(p.severity is Severity.ERROR for p in hasil.problems)


money = st.one_of(
    st.none(),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.sampled_from([D(0), D(-1), D(10**20), D("1e-20")]),
)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(money, money, st.lists(st.tuples(money, money), max_size=3)), max_size=3))
def test_no_budget_input_raises(rows: list[tuple[Decimal | None, Decimal | None, list]]) -> None:
    programs = tuple(
        Program(
            f"P{i}",
            anggaran=anggaran,
            realisasi_anggaran=realisasi,
            kegiatan=tuple(
                Kegiatan(str(k), "K", anggaran=a, realisasi_anggaran=r)
                for k, (a, r) in enumerate(kegiatan)
            ),
        )
        for i, (anggaran, realisasi, kegiatan) in enumerate(rows)
    )
    hasil = compute_dokumen(seed_like(programs))
    for value in [
        hasil.total.serapan,
        *(p.anggaran.serapan for p in hasil.program),
        *(p.selisih for p in hasil.program),
    ]:
        assert value is None or value.is_finite()


positive = st.decimals(min_value=D("0.001"), max_value=D(10**12), places=3)
realisasi_values = st.decimals(min_value=D(-(10**6)), max_value=D(10**12), places=3)
caps = st.sampled_from([None, D(100), D(120), D(200)])


@given(positive, realisasi_values, realisasi_values, caps)
def test_positif_is_non_decreasing_in_realisasi(
    target: Decimal, r1: Decimal, r2: Decimal, cap: Decimal | None
) -> None:
    low, high = sorted([r1, r2])
    a = compute_capaian(target, low, Metode.POSITIF, batas_atas=cap)
    b = compute_capaian(target, high, Metode.POSITIF, batas_atas=cap)
    assert a is not None and b is not None and a <= b


@given(positive, realisasi_values, realisasi_values, caps, st.sampled_from(RealisasiNolNegatif))
def test_negatif_is_non_increasing_in_realisasi(
    target: Decimal, r1: Decimal, r2: Decimal, cap: Decimal | None, policy: RealisasiNolNegatif
) -> None:
    low, high = sorted([r1, r2])
    for metode in (Metode.NEGATIF_2T_R, Metode.NEGATIF_T_R):
        a = compute_capaian(target, low, metode, batas_atas=cap, realisasi_nol=policy)
        b = compute_capaian(target, high, metode, batas_atas=cap, realisasi_nol=policy)
        if metode is Metode.NEGATIF_T_R and low <= 0:
            continue  # T/R is defined for R > 0 only (R = 0 follows the policy)
        assert a is not None and b is not None and a >= b


# --------------------------------------------------------------------------- predikat

LKJIP_BOUNDARIES = [
    ("-10", "Sangat Rendah"),
    ("0", "Sangat Rendah"),
    ("50", "Sangat Rendah"),
    ("50.01", "Sangat Rendah"),
    ("50.99", "Sangat Rendah"),
    ("51", "Rendah"),
    ("60.5", "Rendah"),
    ("65", "Rendah"),
    ("65.99", "Rendah"),
    ("66", "Sedang"),
    ("75", "Sedang"),
    ("75.99", "Sedang"),
    ("76", "Tinggi"),
    ("90", "Tinggi"),
    ("90.5", "Tinggi"),
    ("90.99", "Tinggi"),
    ("91", "Sangat Tinggi"),
    ("100", "Sangat Tinggi"),
    ("100.01", "Sangat Tinggi"),
    ("150", "Sangat Tinggi"),
]
SAKIP_BOUNDARIES = [
    ("-10", "D"),
    ("0", "D"),
    ("30", "D"),
    ("30.01", "C"),
    ("50", "C"),
    ("50.01", "CC"),
    ("60", "CC"),
    ("60.01", "B"),
    ("60.5", "B"),
    ("70", "B"),
    ("70.01", "BB"),
    ("75.99", "BB"),
    ("80", "BB"),
    ("80.01", "A"),
    ("90", "A"),
    ("90.01", "AA"),
    ("90.5", "AA"),
    ("100", "AA"),
    ("150", "AA"),
]


@pytest.mark.parametrize(("capaian", "predikat"), LKJIP_BOUNDARIES)
def test_lkjip_scale_at_every_boundary(capaian: str, predikat: str) -> None:
    assert SKALA_LKJIP.classify(D(capaian)) == predikat


@pytest.mark.parametrize(("capaian", "predikat"), SAKIP_BOUNDARIES)
def test_sakip_grades_at_every_boundary(capaian: str, predikat: str) -> None:
    assert SKALA_SAKIP.classify(D(capaian)) == predikat


@given(st.decimals(min_value=-1000, max_value=1000, places=4))
def test_every_value_has_exactly_one_lkjip_band(capaian: Decimal) -> None:
    reached = [b for b in SKALA_LKJIP.bands if b.contains(capaian)]
    expected = reached[0].predikat if reached else SKALA_LKJIP.bands[-1].predikat
    assert SKALA_LKJIP.classify(capaian) == expected


def test_predikat_uses_the_rules_scale() -> None:
    hasil = compute_indikator(year(D(100), D("90.5")), Aturan(skala_predikat=SKALA_SAKIP))
    assert hasil.predikat == "AA"


def test_scale_bounds_must_descend() -> None:
    with pytest.raises(IkuInputError):
        SkalaPredikat("x", (Band(D(50), "a"), Band(D(70), "b")))
    with pytest.raises(IkuInputError):
        SkalaPredikat("x", ())


# --------------------------------------------------------------------------- efisiensi


@pytest.mark.parametrize(
    ("selisih", "label"),
    [
        ("5.01", Efisiensi.EFISIEN),
        ("5", Efisiensi.CUKUP_EFISIEN),
        ("0", Efisiensi.CUKUP_EFISIEN),
        ("-5", Efisiensi.CUKUP_EFISIEN),
        ("-5.01", Efisiensi.TIDAK_EFISIEN),
    ],
)
def test_efisiensi_labels_at_the_boundaries(selisih: str, label: Efisiensi) -> None:
    assert label_efisiensi(D(selisih)) is label


def test_serapan_and_sisa() -> None:
    hasil = compute_serapan(D(200_000_000), D(150_000_000))
    assert (hasil.serapan, hasil.sisa) == (D(75), D(50_000_000))
    assert compute_serapan(D(0), D(5)).serapan is None
    assert compute_serapan(None, D(5)).sisa is None


# --------------------------------------------------------------------------- rules


def test_rules_file_wins_over_workbook_over_default() -> None:
    aturan = Aturan(
        batas_atas=D(120),
        indikator=(
            AturanIndikator("KONFLIK", polaritas=Polaritas.NEGATIF),
            AturanIndikator("jumlah  konflik", akumulasi=Akumulasi.RATA_RATA, batas_atas=False),
        ),
    )
    ind = indikator(
        "Jumlah konflik sosial", polaritas=Polaritas.POSITIF, akumulasi=Akumulasi.JUMLAH
    )
    efektif = aturan.resolve(ind)
    assert (efektif.polaritas, efektif.polaritas_sumber) == (Polaritas.NEGATIF, Sumber.ATURAN)
    assert efektif.akumulasi is Akumulasi.RATA_RATA
    assert efektif.batas_atas is None  # false in the rule removes the default cap
    other = aturan.resolve(indikator("Indeks Kepuasan", polaritas=Polaritas.POSITIF))
    assert (other.polaritas_sumber, other.batas_atas) == (Sumber.WORKBOOK, D(120))


def test_later_rule_wins() -> None:
    aturan = Aturan(
        indikator=(
            AturanIndikator("konflik", metode_negatif=MetodeNegatif.T_BAGI_R),
            AturanIndikator("konflik", metode_negatif=MetodeNegatif.DUA_T_KURANG_R),
        )
    )
    assert (
        aturan.resolve(indikator("Jumlah konflik")).metode_negatif is MetodeNegatif.DUA_T_KURANG_R
    )


# --------------------------------------------------------------------------- wording checks


@pytest.mark.parametrize(
    "uraian",
    [
        "Jumlah konflik Ekonomi sosial dan politik",
        "Angka kemiskinan",
        "jumlah pelanggaran Perda",
        "Jumlah kasus DBD",
        "Tingkat pengangguran terbuka",
    ],
)
def test_negative_wording_configured_positive_warns(uraian: str) -> None:
    hasil = compute_indikator(year(D(10), D(5), polaritas=Polaritas.POSITIF, uraian=uraian))
    assert Kode.POLARITAS_MENCURIGAKAN in codes(hasil)


@pytest.mark.parametrize(
    "uraian",
    [
        "Prosentase penurunan pelanggaran ketentraman dan ketertiban umum",
        "Persentase penurunan angka kemiskinan",
        "prosentase penurunan timbulan sampah",
        "Persentase kasus yang tertangani",
        "Indeks Kepuasan Masyarakat",
    ],
)
def test_decrease_wording_positive_does_not_warn(uraian: str) -> None:
    hasil = compute_indikator(year(D(10), D(5), polaritas=Polaritas.POSITIF, uraian=uraian))
    assert Kode.POLARITAS_MENCURIGAKAN not in codes(hasil)


def test_persentase_penurunan_configured_negative_warns() -> None:
    ind = year(D(10), D(5), polaritas=Polaritas.NEGATIF, uraian="Persentase penurunan kasus")
    assert Kode.POLARITAS_MENCURIGAKAN in codes(compute_indikator(ind))


def test_polarity_set_by_the_rules_file_is_not_second_guessed() -> None:
    aturan = Aturan(indikator=(AturanIndikator("konflik", polaritas=Polaritas.POSITIF),))
    hasil = compute_indikator(year(D(10), D(5), uraian="Jumlah konflik"), aturan)
    assert Kode.POLARITAS_MENCURIGAKAN not in codes(hasil)


def test_jumlah_indicator_with_percent_unit_warns() -> None:
    assert Kode.SATUAN_PERSEN_JUMLAH in codes(
        compute_indikator(year(D(10), D(5), uraian="Jumlah konflik", satuan="%"))
    )
    assert Kode.SATUAN_PERSEN_JUMLAH not in codes(
        compute_indikator(year(D(10), D(5), uraian="Prosentase Jumlah infrastruktur", satuan="%"))
    )


# --------------------------------------------------------------------------- roll-ups


def sasaran(no: str, uraian: str, *indikators: Indikator) -> Sasaran:
    return Sasaran(no, uraian, indikators)


def test_sasaran_capaian_is_the_mean_of_computable_indicators() -> None:
    s = sasaran("1", "Meningkatnya X", year(D(10), D(9)), year(D(10), D(8)), year(None, D(5)))
    hasil = compute_sasaran(s)
    assert hasil.capaian == 85
    assert (hasil.jumlah_dihitung, hasil.jumlah_indikator) == (2, 3)
    assert hasil.predikat == "Tinggi"
    assert Kode.CAPAIAN_SASARAN_SEBAGIAN in codes(hasil)


def test_sasaran_mean_uses_the_rounded_indicator_capaian() -> None:
    # As printed 1.01 and 1.00, mean 1.005 -> 1.01 (Excel's AVERAGE of the CAPAIAN column);
    # the unrounded 1.006 and 1.000 would give 1.00.
    s = sasaran("1", "X", year(D(1000), D("10.06")), year(D(100), D(1)))
    assert compute_sasaran(s).capaian == D("1.01")


def test_sasaran_without_computable_indicator() -> None:
    hasil = compute_sasaran(sasaran("1", "X", year(None, D(1))))
    assert hasil.capaian is None
    assert Kode.CAPAIAN_SASARAN_KOSONG in codes(hasil)


IKU_1 = "Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup"
IKU_2 = (
    "Meningkatnya Pelayanan Masyarakat serta Meningkatkan Desa/Kelurahan dengan status Minimal Maju"
)


def seed_like(program: tuple[Program, ...] = (), sasaran_no: str = "") -> Dokumen:
    """The seed's two tables, with realisasi made up."""
    iku = (
        sasaran("1.", IKU_1, year(D(60), D(57), uraian="Prosentase Jumlah infrastruktur")),
        sasaran(
            "2", IKU_2, year(D(90), D(81), uraian="Indeks Kepuasan Masyarakat", satuan="Indeks")
        ),
    )
    target = (
        TargetSasaran("1", IKU_1.upper(), program=program),
        TargetSasaran("2", IKU_2.replace("Meningkatkan", "Meningkatnya")),
        TargetSasaran("3", "Meningkatnya Tata Kelola Pemerintahan"),
    )
    return Dokumen(sasaran=iku, target_anggaran=target)


def test_sasaran_wording_across_tables() -> None:
    problems = check_sasaran_wording(seed_like())
    assert [p.code for p in problems] == [Kode.SASARAN_BEDA_KATA, Kode.SASARAN_TIDAK_DITEMUKAN]
    assert "Meningkatkan" in problems[0].message and "Meningkatnya Desa" in problems[0].message
    assert all(p.severity is Severity.WARNING for p in problems)


def program_with_kegiatan(
    realisasi: Decimal | None = None, anggaran: Decimal | None = None
) -> Program:
    return Program(
        "Program Peningkatan dan Pemeliharaan Sarana Prasarana",
        anggaran=anggaran,
        realisasi_anggaran=realisasi,
        kegiatan=(
            Kegiatan("1", "Jalan", anggaran=D(795_472_000), realisasi_anggaran=D(700_000_000)),
            Kegiatan("2", "Drainase", anggaran=D(390_276_100), realisasi_anggaran=D(390_000_000)),
        ),
    )


def test_program_figures_from_kegiatan_and_efisiensi_from_its_sasaran() -> None:
    hasil = compute_dokumen(seed_like((program_with_kegiatan(),)))
    program = hasil.program[0]
    assert program.anggaran_dari_kegiatan and program.realisasi_dari_kegiatan
    assert program.anggaran.anggaran == D(1_185_748_100)
    assert program.anggaran.realisasi == D(1_090_000_000)
    assert program.anggaran.sisa == D(95_748_100)
    assert program.anggaran.serapan == D("91.93")
    assert program.sasaran is hasil.sasaran[0]  # matched by wording: target table numbers alone
    assert program.capaian == 95
    assert program.selisih == D("3.07")
    assert program.efisiensi is Efisiensi.CUKUP_EFISIEN
    assert {Kode.ANGGARAN_DARI_KEGIATAN, Kode.REALISASI_ANGGARAN_DARI_KEGIATAN} <= codes(program)


def in_block(block_no: str, program: Program, indikator: str = "") -> Dokumen:
    """``seed_like`` with ``program`` placed in target-table block ``block_no``."""
    doc = seed_like()
    blocks = tuple(
        replace(
            b,
            program=(program,),
            indikator=(TargetIndikator(indikator),) if indikator else b.indikator,
        )
        if b.no == block_no
        else b
        for b in doc.target_anggaran
    )
    return replace(doc, target_anggaran=blocks)


def test_program_sasaran_is_matched_by_wording_not_by_number() -> None:
    # The target table numbers on its own: its "1" must not be taken for IKU sasaran 1.
    program = Program("P", sasaran_no="1", anggaran=D(100), realisasi_anggaran=D(50))
    hasil = compute_dokumen(in_block("2", program)).program[0]
    assert hasil.capaian == 90  # IKU sasaran 2, worded "Meningkatkan" vs "Meningkatnya"
    assert (hasil.selisih, hasil.efisiensi) == (D(40), Efisiensi.EFISIEN)


def test_program_sasaran_found_through_its_indicator() -> None:
    program = Program("P", sasaran_no="3", anggaran=D(100), realisasi_anggaran=D(50))
    doc = in_block("3", program, indikator="Jumlah Indeks Kepuasan Masyarakat di Kecamatan")
    assert compute_dokumen(doc).program[0].capaian == 90


def test_program_without_a_sasaran_has_no_efisiensi() -> None:
    program = Program("P", sasaran_no="2", anggaran=D(100), realisasi_anggaran=D(50))
    hasil = compute_dokumen(in_block("3", program)).program[0]
    assert hasil.efisiensi is None
    assert Kode.PROGRAM_TANPA_SASARAN in codes(hasil)


def test_kegiatan_not_adding_up_to_their_program_warns() -> None:
    hasil = compute_dokumen(seed_like((program_with_kegiatan(anggaran=D(1_907_048_100)),)))
    assert Kode.ANGGARAN_KEGIATAN_TIDAK_SESUAI in codes(hasil.program[0])
    assert not hasil.program[0].anggaran_dari_kegiatan


@pytest.mark.parametrize(
    ("anggaran", "code"), [(D(0), Kode.ANGGARAN_NOL), (D(-1), Kode.ANGGARAN_NEGATIF)]
)
def test_unusable_pagu(anggaran: Decimal, code: str) -> None:
    program = Program("P", anggaran=anggaran, realisasi_anggaran=D(5))
    hasil = compute_dokumen(seed_like((program,))).program[0]
    assert hasil.anggaran.serapan is None
    assert code in codes(hasil)


def test_total_serapan_is_sum_over_sum() -> None:
    programs = (
        Program("A", anggaran=D(100), realisasi_anggaran=D(90)),
        Program("B", anggaran=D(300), realisasi_anggaran=D(150)),
        Program("C", anggaran=D(100)),
    )
    hasil = compute_dokumen(seed_like(programs))
    assert (hasil.total.anggaran, hasil.total.realisasi) == (D(500), D(240))
    assert hasil.total.serapan == 48
    assert Kode.SERAPAN_TOTAL_SEBAGIAN in codes(hasil)
    assert Kode.REALISASI_ANGGARAN_KOSONG in codes(hasil.program[2])


def test_document_without_realisasi_says_so_once() -> None:
    doc = Dokumen(
        sasaran=(sasaran("1", "X", indikator(), indikator("Indeks", satuan="Indeks")),),
        target_anggaran=(TargetSasaran("1", "X", program=(Program("P", anggaran=D(5)),)),),
    )
    hasil = compute_dokumen(doc)
    found = [p.code for p in hasil.problems]
    assert found.count(Kode.REALISASI_TIDAK_ADA) == 1
    assert Kode.REALISASI_KOSONG not in found and Kode.CAPAIAN_SASARAN_KOSONG not in found
    assert Kode.REALISASI_ANGGARAN_TIDAK_ADA in found
    assert Kode.REALISASI_ANGGARAN_KOSONG not in found


def test_rule_matching_nothing_warns() -> None:
    aturan = Aturan(indikator=(AturanIndikator("konflk", polaritas=Polaritas.NEGATIF),))
    assert Kode.ATURAN_TIDAK_COCOK in codes(compute_dokumen(seed_like(), aturan))


def test_document_problems_hold_every_level() -> None:
    hasil = compute_dokumen(seed_like((program_with_kegiatan(anggaran=D(1)),)))
    every = set(codes(hasil))
    assert Kode.POLARITAS_DEFAULT in every  # from an indicator
    assert Kode.ANGGARAN_KEGIATAN_TIDAK_SESUAI in every  # from a program
    assert Kode.SASARAN_BEDA_KATA in every  # across tables
    assert len(hasil.indikator) == 2
