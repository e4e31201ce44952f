"""iku_excel.calc.rules_file: the rules file, and errors that name the file and the line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from iku_excel.calc import (
    SKALA_LKJIP,
    SKALA_SAKIP,
    Aturan,
    Metode,
    MetodeNegatif,
    RealisasiNolNegatif,
    compute_indikator,
    load_aturan,
    parse_aturan,
)
from iku_excel.errors import IkuFileError, IkuInputError
from iku_excel.model import Akumulasi, Indikator, PerTriwulan, Polaritas

CONTOH = """\
# aturan perhitungan Kecamatan Legok
[default]
metode_negatif = "t/r"
skala_predikat = "tiga"
batas_atas = 120
realisasi_nol_negatif = "seratus"

[[indikator]]
cocok = "Jumlah Konflik"
polaritas = "negatif"
akumulasi = "jumlah"

[[indikator]]
cocok = "indeks kepuasan"
metode_negatif = "2t-r"
batas_atas = false

[[skala]]
nama = "tiga"
batas = [[90, "Baik"], [70.5, "Cukup"], [0, "Kurang"]]
"""


def error_of(text: str) -> str:
    with pytest.raises(IkuInputError) as caught:
        parse_aturan(text, "aturan.toml")
    return str(caught.value)


def test_full_example() -> None:
    aturan = parse_aturan(CONTOH)
    assert aturan.metode_negatif is MetodeNegatif.T_BAGI_R
    assert aturan.batas_atas == 120
    assert aturan.realisasi_nol_negatif is RealisasiNolNegatif.SERATUS
    assert aturan.skala_predikat.nama == "tiga"
    assert [b.batas_bawah for b in aturan.skala_predikat.bands] == [90, Decimal("70.5"), 0]
    first, second = aturan.indikator
    assert (first.cocok, first.polaritas, first.akumulasi) == (
        "Jumlah Konflik",
        Polaritas.NEGATIF,
        Akumulasi.JUMLAH,
    )
    assert (second.metode_negatif, second.batas_atas) == (MetodeNegatif.DUA_T_KURANG_R, False)


def test_empty_file_gives_the_defaults() -> None:
    assert parse_aturan("") == Aturan()


def test_rules_drive_the_calculation() -> None:
    aturan = parse_aturan(CONTOH)
    konflik = Indikator(
        "Jumlah konflik ekonomi sosial dan politik",
        satuan="Kejadian",
        target=Decimal(4),
        realisasi=PerTriwulan(Decimal(1), Decimal(0), Decimal(1), Decimal(0)),
    )
    hasil = compute_indikator(konflik, aturan)
    assert hasil.metode is Metode.NEGATIF_T_R
    assert hasil.realisasi_tahun == 2
    assert hasil.capaian == 120  # 4 / 2 x 100 = 200, capped at 120
    assert hasil.predikat == "Baik"


def test_values_are_case_insensitive() -> None:
    aturan = parse_aturan('[[indikator]]\ncocok = "x"\npolaritas = "Negatif"\n')
    assert aturan.indikator[0].polaritas is Polaritas.NEGATIF
    assert parse_aturan('[default]\nskala_predikat = "SAKIP"').skala_predikat is SKALA_SAKIP


def test_unknown_value_names_file_line_and_choices() -> None:
    text = CONTOH.replace('polaritas = "negatif"', 'polaritas = "positip"')
    assert error_of(text) == (
        "aturan.toml baris 10: nilai polaritas 'positip' tidak dikenal; "
        "pilih positif, negatif, atau rentang"
    )


def test_unknown_key_in_the_second_indikator_table() -> None:
    text = CONTOH.replace("batas_atas = false", "batasatas = false")
    message = error_of(text)
    assert message.startswith(
        "aturan.toml baris 16: kunci 'batasatas' tidak dikenal di [[indikator]]"
    )
    assert "cocok, polaritas, akumulasi, metode_negatif, dan batas_atas" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[defaults]\nmetode_negatif = "t/r"\n',
            "aturan.toml baris 1: kunci 'defaults' tidak dikenal",
        ),
        (
            '\n\n[default]\nmetode = "t/r"\n',
            "aturan.toml baris 4: kunci 'metode' tidak dikenal di [default]",
        ),
        (
            '[default]\nmetode_negatif = "(t-r)/t"\n',
            "aturan.toml baris 2: nilai metode_negatif '(t-r)/t'",
        ),
        (
            "[default]\nrealisasi_nol_negatif = 100\n",
            "aturan.toml baris 2: nilai realisasi_nol_negatif 100",
        ),
        ('[default]\nskala_predikat = "lakip"\n', "pilih lkjip atau sakip"),
        ("[default]\nbatas_atas = true\n", "aturan.toml baris 2: nilai batas_atas true tidak sah"),
        ("[default]\nbatas_atas = 90\n", "angka >= 100"),
        ('[default]\nbatas_atas = "120"\n', "nilai batas_atas '120' tidak sah"),
        ("[default]\nbatas_atas = inf\n", "nilai batas_atas inf tidak sah"),
        (
            '[[indikator]]\npolaritas = "negatif"\n',
            "aturan.toml baris 1: setiap [[indikator]] perlu cocok",
        ),
        ('[[indikator]]\ncocok = "  "\n', "perlu cocok"),
        (
            '[indikator]\ncocok = "x"\n',
            "aturan.toml baris 1: 'indikator' harus ditulis sebagai tabel berulang [[indikator]]",
        ),
        ("default = 3\n", "aturan.toml baris 1: 'default' harus berupa tabel [default]"),
        (
            '[[indikator]]\ncocok = "x"\nakumulasi = "sum"\n',
            "aturan.toml baris 3: nilai akumulasi 'sum' tidak dikenal; "
            "pilih jumlah, terakhir, atau rata-rata",
        ),
    ],
)
def test_wrong_settings(text: str, expected: str) -> None:
    assert expected in error_of(text)


@pytest.mark.parametrize(
    ("skala", "expected"),
    [
        (
            'nama = "x"\nbatas = [[50, "A"], [70, "B"]]',
            "baris 4: batas skala predikat 'x' harus berurutan",
        ),
        ('nama = "x"\nbatas = []', "baris 4: batas harus daftar"),
        ('nama = "x"\nbatas = [[50, 1]]', "baris 4: isi batas [50, 1] tidak sah"),
        ('nama = "x"\nbatas = [["50", "A"]]', "isi batas ['50', 'A'] tidak sah"),
        ('nama = "lkjip"\nbatas = [[0, "A"]]', "baris 3: nama skala 'lkjip' sudah dipakai"),
        ('batas = [[0, "A"]]', "setiap [[skala]] perlu nama"),
        (
            'nama = "x"\nbatas = [[0, "A"]]\nbatas_bawah = ">"',
            "baris 5: nilai batas_bawah '>' tidak dikenal",
        ),
        (
            'nama = "x"\nwarna = "merah"\nbatas = [[0, "A"]]',
            "baris 4: kunci 'warna' tidak dikenal di [[skala]]",
        ),
    ],
)
def test_wrong_custom_scales(skala: str, expected: str) -> None:
    assert expected in error_of(f"\n[[skala]]\n{skala}\n")


def test_multi_line_lists_do_not_confuse_line_numbers() -> None:
    text = '[[skala]]\nnama = "x"\nbatas = [\n  [90, "A"],\n  [0, "B"]\n]\nwarna = 1\n'
    assert error_of(text).startswith("aturan.toml baris 7: kunci 'warna' tidak dikenal")


def test_custom_scale_with_exclusive_bounds() -> None:
    text = '[[skala]]\nnama = "ketat"\nbatas_bawah = "eksklusif"\nbatas = [[90, "A"], [0, "B"]]\n'
    text += '[default]\nskala_predikat = "ketat"\n'
    skala = parse_aturan(text).skala_predikat
    assert skala.classify(Decimal(90)) == "B"
    assert skala.classify(Decimal("90.01")) == "A"


def test_unknown_scale_lists_the_custom_ones_too() -> None:
    text = '[default]\nskala_predikat = "lima"\n[[skala]]\nnama = "empat"\nbatas = [[0, "A"]]\n'
    assert "pilih lkjip, sakip, atau empat" in error_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[default]\nmetode_negatif = t/r\n",
            "aturan.toml baris 2 kolom 18: sintaks TOML salah: nilai tidak sah",
        ),
        (
            '[default]\nmetode_negatif = "t/r"\nmetode_negatif = "t/r"\n',
            "baris 3 kolom 23: sintaks TOML salah: kunci yang sama ditulis dua kali",
        ),
        (
            '[default]\nmetode_negatif "t/r"\n',
            "baris 2 kolom 16: sintaks TOML salah: tanda '=' tidak ada",
        ),
        (
            '[[skala]]\nbatas = [[0, "A"]\n',
            "(akhir berkas): sintaks TOML salah: daftar [...] tidak ditutup",
        ),
        (
            '[default]\nmetode_negatif = "t/r\n',
            "baris 2 kolom 22: sintaks TOML salah: karakter tidak sah",
        ),
    ],
)
def test_toml_syntax_errors_are_translated(text: str, expected: str) -> None:
    assert expected in error_of(text)


def test_an_untranslated_toml_error_still_says_what_to_check() -> None:
    # tomllib's "Unclosed inline table" has no translation: an Indonesian hint comes first
    message = error_of("[default]\nx = {a = 1\n")
    assert message.endswith(
        "aturan.toml baris 2 kolom 11: sintaks TOML salah: periksa tanda kurung, tanda kutip, "
        "koma, dan tanda = pada baris itu (Unclosed inline table)"
    ), message


def test_a_missing_rules_file_is_one_indonesian_line(tmp_path: Path) -> None:
    with pytest.raises(IkuFileError) as caught:
        load_aturan(tmp_path / "tidak_ada.toml")
    assert "tidak_ada.toml" in str(caught.value)
    assert "tidak ditemukan; periksa jalurnya" in str(caught.value)


def test_load_aturan(tmp_path: Path) -> None:
    path = tmp_path / "aturan.toml"
    path.write_text(CONTOH, encoding="utf-8")
    assert load_aturan(path) == parse_aturan(CONTOH)


def test_load_aturan_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "aturan.toml"
    path.write_bytes('\ufeff[default]\nskala_predikat = "sakip"\n'.encode())
    assert load_aturan(path).skala_predikat is SKALA_SAKIP


def test_load_aturan_errors_name_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.toml"
    with pytest.raises(IkuFileError) as caught:
        load_aturan(missing)
    assert caught.value.path == str(missing)
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('[[indikator]]\ncocok = "ketertiban umum \xe9"\n'.encode("latin-1"))
    with pytest.raises(IkuInputError, match="UTF-8"):
        load_aturan(latin1)
    bad = tmp_path / "salah.toml"
    bad.write_text("[default]\nbatas_atas = 50\n", encoding="utf-8")
    with pytest.raises(IkuInputError, match=f"^{bad} baris 2: "):
        load_aturan(bad)


def test_default_scale_is_lkjip() -> None:
    assert parse_aturan("[default]\n").skala_predikat is SKALA_LKJIP
