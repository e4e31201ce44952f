"""The formulas of iku_excel.calc.formulas give the calculator's numbers.

String tests pin the shape of a few formulas; the LibreOffice test writes every case into one
workbook (one row per case), lets LibreOffice recalculate it, and compares each recalculated
value with the calculator's.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest

from iku_excel.calc import (
    SKALA_LKJIP,
    SKALA_SAKIP,
    Metode,
    RealisasiNolNegatif,
    SkalaPredikat,
    accumulate,
    compute_capaian,
    compute_indikator,
    compute_serapan,
    label_efisiensi,
    round_half_away,
)
from iku_excel.calc import formulas as f
from iku_excel.model import Akumulasi, Indikator, PerTriwulan, Polaritas, Rentang

D = Decimal
RUMUS = RealisasiNolNegatif.RUMUS
SERATUS = RealisasiNolNegatif.SERATUS

# --------------------------------------------------------------------------- formula shapes


def test_negatif_default_formula_shape() -> None:
    assert f.capaian_formula(Metode.NEGATIF_2T_R, "E9", "K9") == (
        '=IF(AND(ISNUMBER(E9),ISNUMBER(K9),E9>0),MAX(0,ROUND((2*E9-K9)/E9*100,2)),"")'
    )


def test_positif_formula_with_cap() -> None:
    assert f.capaian_formula(Metode.POSITIF, "E9", "K9", batas_atas=D(120)) == (
        '=IF(AND(ISNUMBER(E9),ISNUMBER(K9),E9>0),MIN(120,ROUND(K9/E9*100,2)),"")'
    )


def test_references_to_other_sheets_and_expressions_are_kept_whole() -> None:
    formula = f.capaian_formula(Metode.POSITIF, "'Data IKU'!$E$9", "K9+L9")
    assert "ISNUMBER('Data IKU'!$E$9)" in formula
    assert "(K9+L9)/'Data IKU'!$E$9*100" in formula


def test_rentang_needs_upper_bound() -> None:
    with pytest.raises(ValueError):
        f.capaian_formula(Metode.RENTANG_2T_R, "E9", "K9")


def test_only_portable_functions() -> None:
    formulas = [
        f.capaian_formula(m, "E9", "K9", target_atas="F9", batas_atas=D(120), realisasi_nol=p)
        for m in Metode
        for p in RealisasiNolNegatif
    ]
    formulas += [
        f.capaian_tw_formula(Metode.NEGATIF_T_R, "E9", ["G9", "H9"], a, target_tw=["C9", "D9"])
        for a in Akumulasi
    ]
    formulas += [f.realisasi_formula(a, ["G9", "H9", "I9", "J9"]) for a in Akumulasi]
    formulas += [
        f.predikat_formula(SKALA_SAKIP, "M9"),
        f.rata_rata_formula("M9:M12"),
        f.jumlah_formula("B2:B5"),
        f.serapan_formula("B2", "C2"),
        f.serapan_total_formula("B2:B5", "C2:C5"),
        f.sisa_anggaran_formula("B2", "C2"),
        f.selisih_formula("D2", "E2"),
        f.efisiensi_formula("F2"),
    ]
    allowed = {"IF", "AND", "ISNUMBER", "ROUND", "MIN", "MAX", "SUM", "AVERAGE", "COUNT"}
    import re

    for formula in formulas:
        assert formula.startswith("=")
        assert set(re.findall(r"([A-Z]+)\(", formula)) <= allowed, formula
        assert formula.count("(") == formula.count(")")


# --------------------------------------------------------------------------- cases


Nilai = Decimal | str | None


@dataclass(frozen=True)
class Case:
    """One row: ``inputs`` go to columns B, C, ...; ``build`` gets their cell references."""

    name: str
    inputs: Sequence[Nilai]
    build: Callable[[list[str]], str]
    expected: Nilai  # what the calculator says; None = not computable ("")


def capaian_case(
    metode: Metode,
    target: Decimal | Rentang | None,
    realisasi: Nilai,
    cap: Decimal | None = None,
    policy: RealisasiNolNegatif = RUMUS,
) -> Case:
    r = realisasi if isinstance(realisasi, Decimal) else None
    expected = compute_capaian(target, r, metode, batas_atas=cap, realisasi_nol=policy)
    if isinstance(target, Rentang):
        inputs: list[Nilai] = [target.bawah, target.atas, realisasi]
    else:
        inputs = [target, None, realisasi]

    def build(refs: list[str]) -> str:
        return f.capaian_formula(
            metode, refs[0], refs[2], target_atas=refs[1], batas_atas=cap, realisasi_nol=policy
        )

    name = f"{metode.value} T={target} R={realisasi} cap={cap} {policy.value}"
    return Case(name, inputs, build, expected)


def hand_cases() -> list[Case]:
    cases = []
    for metode in Metode:
        rentang = metode.is_rentang
        targets: list[Decimal | Rentang | None] = (
            [Rentang(D(80), D(90)), Rentang(D(0), D(5)), Rentang(D(90), D(80)), None]
            if rentang
            else [D(10), D(0), D(-4), D("7.5"), None]
        )
        for target in targets:
            for r in [D(0), D(5), D(10), D(85), D(95), D(-3), D("2.675"), None, "-"]:
                for cap in (None, D(120)):
                    for policy in RealisasiNolNegatif:
                        cases.append(capaian_case(metode, target, r, cap, policy))
    # Halves at the third decimal, where binary doubles and Decimal could round apart.
    halves = [
        (Metode.POSITIF, D(100), D("2.675")),  # 2.675 -> 2.68
        (Metode.POSITIF, D(100), D("1.005")),  # 1.005 -> 1.01
        (Metode.POSITIF, D(800), D(1)),  # 0.125 -> 0.13
        (Metode.POSITIF, D(-100), D("2.675")),
        (Metode.POSITIF, D(100), D("-2.675")),  # -2.68: away from zero
        (Metode.POSITIF, D(3), D(1)),  # 33.333...
        (Metode.POSITIF, D(3), D(2)),  # 66.666...
        (Metode.POSITIF, D("0.07"), D("0.0700035")),  # 100.005
        (Metode.NEGATIF_2T_R, D(8), D("15.9996")),  # 0.005 -> 0.01
        (Metode.NEGATIF_2T_R, D(10), D(5)),  # 150
        (Metode.NEGATIF_2T_R, D(10), D(25)),  # floored at 0
        (Metode.NEGATIF_T_R, D(10), D(5)),  # 200
        (Metode.NEGATIF_T_R, D("1.005"), D(100)),  # 1.005 -> 1.01
        (Metode.NEGATIF_T_R, D(1), D(800)),  # 0.125 -> 0.13
        (Metode.NEGATIF_T_R, D(1), D(3)),
    ]
    cases += [capaian_case(m, t, r) for m, t, r in halves]
    cases.append(capaian_case(Metode.POSITIF, D(100), D("150.005"), D("120.005")))
    return cases


def random_cases(count: int) -> list[Case]:
    rng = random.Random(4)

    def number() -> Decimal:
        return D(rng.randint(-200, 20000)) / D(rng.choice([1, 10, 100, 1000]))

    cases = []
    for _ in range(count):
        metode = rng.choice(list(Metode))
        if metode.is_rentang:
            low, high = sorted([number(), number()])
            target: Decimal | Rentang = Rentang(low, high)
        else:
            target = number()
        cap = rng.choice([None, D(100), D(120), D(200)])
        policy = rng.choice(list(RealisasiNolNegatif))
        realisasi = rng.choice([number(), number(), D(0)])
        cases.append(capaian_case(metode, target, realisasi, cap, policy))
    return cases


def tw_cases() -> list[Case]:
    """Year realisasi and capaian s.d. each TW, through compute_indikator."""
    rows: list[tuple[str, Akumulasi, list[Decimal | None], list[Decimal | None], Decimal]] = [
        ("%", Akumulasi.TERAKHIR, [D(20), D(45), None, D(70)], [None] * 4, D(80)),
        (
            "%",
            Akumulasi.TERAKHIR,
            [D(20), D(45), D(60), None],
            [D(25), D(50), D(75), D(100)],
            D(100),
        ),
        ("Titik", Akumulasi.JUMLAH, [D(3), None, D(5), D(7)], [D(4), D(4), D(4), D(4)], D(16)),
        ("Titik", Akumulasi.JUMLAH, [D(3), D(2), D(5), D("7.5")], [D(4), None, D(0), D(4)], D(16)),
        ("Orang", Akumulasi.RATA_RATA, [D(1), D(2), D(2), None], [None, D(3), D(3), D(3)], D(3)),
        ("Kasus", Akumulasi.JUMLAH, [D(0), D(1), D(0), D(2)], [D(1), D(1), D(1), D(1)], D(4)),
    ]
    cases = []
    for satuan, akumulasi, realisasi, target_tw, target in rows:
        for polaritas in (Polaritas.POSITIF, Polaritas.NEGATIF):
            indikator = Indikator(
                "uji",
                satuan=satuan,
                polaritas=polaritas,
                akumulasi=akumulasi,
                target=target,
                target_tw=PerTriwulan(*target_tw),
                realisasi=PerTriwulan(*realisasi),
            )
            hasil = compute_indikator(indikator)
            inputs: list[Nilai] = [target, *target_tw, *realisasi]
            name = f"{polaritas.value} {akumulasi.value} {realisasi} {target_tw}"
            cases.append(
                Case(
                    f"tahun {name}",
                    inputs,
                    _year_builder(hasil.metode, akumulasi),
                    hasil.capaian,
                )
            )
            for k in range(4):
                cases.append(
                    Case(
                        f"s.d. TW{k + 1} {name}",
                        inputs,
                        _tw_builder(hasil.metode, akumulasi, k),
                        hasil.capaian_tw[k],
                    )
                )
    return cases


def _year_builder(metode: Metode, akumulasi: Akumulasi) -> Callable[[list[str]], str]:
    def build(refs: list[str]) -> str:
        year = f.realisasi_formula(akumulasi, refs[5:9])[1:]
        return f.capaian_formula(metode, refs[0], year)

    return build


def _tw_builder(metode: Metode, akumulasi: Akumulasi, k: int) -> Callable[[list[str]], str]:
    def build(refs: list[str]) -> str:
        return f.capaian_tw_formula(
            metode, refs[0], refs[5 : 6 + k], akumulasi, target_tw=refs[1 : 2 + k]
        )

    return build


def akumulasi_cases() -> list[Case]:
    samples: list[list[Decimal | None]] = [
        [D(1), D(2), D(3), D(4)],
        [D("0.1"), None, D("0.2"), None],
        [None, None, None, None],
        [None, None, None, D("33.3")],
        [D(1), D(2), D(2), None],
    ]
    return [
        Case(
            f"realisasi {a.value} {values}",
            values,
            partial(f.realisasi_formula, a),
            accumulate(values, a),
        )
        for a in Akumulasi
        for values in samples
    ]


def _predikat(skala: SkalaPredikat, refs: list[str]) -> str:
    return f.predikat_formula(skala, refs[0])


def predikat_cases() -> list[Case]:
    custom = SkalaPredikat("uji", SKALA_LKJIP.bands[:2])
    bounds = {band.batas_bawah for skala in (SKALA_LKJIP, SKALA_SAKIP) for band in skala.bands}
    steps = (D("-0.01"), D(0), D("0.01"), D("0.5"))
    values = sorted({b + step for b in bounds for step in steps} | {D(-5), D(100), D(150)})
    cases = [
        Case(
            f"predikat {skala.nama} {v}",
            [v],
            partial(_predikat, skala),
            skala.classify(v),
        )
        for skala in (SKALA_LKJIP, SKALA_SAKIP, custom)
        for v in values
    ]
    cases.append(
        Case("predikat kosong", [None], lambda r: f.predikat_formula(SKALA_LKJIP, r[0]), None)
    )
    return cases


def anggaran_cases() -> list[Case]:
    pairs = [
        (D(10775000000), D(9876543210)),
        (D(1907048100), D(1907048100)),
        (D(200000000), None),
        (D(0), D(5)),
        (None, D(5)),
        (D(3), D(1)),
        (D(1000), D("12.345")),  # 1.2345 -> 1.23
        (D(800), D(1)),  # 0.125 -> 0.13
    ]
    cases = []
    for anggaran, realisasi in pairs:
        hasil = compute_serapan(anggaran, realisasi)
        cases.append(
            Case(
                f"serapan {anggaran} {realisasi}",
                [anggaran, realisasi],
                lambda r: f.serapan_formula(r[0], r[1]),
                hasil.serapan,
            )
        )
        cases.append(
            Case(
                f"sisa {anggaran} {realisasi}",
                [anggaran, realisasi],
                lambda r: f.sisa_anggaran_formula(r[0], r[1]),
                hasil.sisa,
            )
        )
    for capaian, serapan in [
        ("95.1", "90.1"),
        ("85.1", "90.1"),
        ("95.11", "90.1"),
        ("84.09", "89.1"),
        ("0", "100"),
        ("100", "0"),
    ]:
        selisih = round_half_away(D(capaian) - D(serapan))
        inputs: list[Nilai] = [D(capaian), D(serapan)]
        cases.append(
            Case(
                f"selisih {capaian}-{serapan}",
                inputs,
                lambda r: f.selisih_formula(r[0], r[1]),
                selisih,
            )
        )
        cases.append(
            Case(
                f"efisiensi {capaian}-{serapan}",
                inputs,
                lambda r: f.efisiensi_formula(f.selisih_formula(r[0], r[1])[1:]),
                label_efisiensi(selisih).label,
            )
        )
    return cases


def all_cases() -> list[Case]:
    return (
        hand_cases()
        + random_cases(300)
        + tw_cases()
        + akumulasi_cases()
        + predikat_cases()
        + anggaran_cases()
    )


# --------------------------------------------------------------------------- LibreOffice

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""
STALE = 12345.678  # a cached value no case can produce: proves the cell was recalculated
FIRST_INPUT_COL = 1  # B
FORMULA_COLS = (12, 13, 14)  # M: cached value right, N: cached value stale, O: no cached value


def _cached(expected: Nilai) -> float | str:
    if expected is None:
        return ""
    return expected if isinstance(expected, str) else float(expected)


def write_workbook(path: Path, cases: Sequence[Case]) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    sheet = workbook.add_worksheet("uji")
    for row, case in enumerate(cases):
        sheet.write_string(row, 0, case.name)
        refs = []
        for offset, value in enumerate(case.inputs):
            col = FIRST_INPUT_COL + offset
            refs.append(xlsxwriter.utility.xl_rowcol_to_cell(row, col))
            if isinstance(value, Decimal):
                sheet.write_number(row, col, float(value))
            elif isinstance(value, str):
                sheet.write_string(row, col, value)
        formula = case.build(refs)
        right, stale, none = FORMULA_COLS
        sheet.write_formula(row, right, formula, None, _cached(case.expected))
        sheet.write_formula(row, stale, formula, None, STALE)
        sheet.write_formula(row, none, formula, None, "")
    workbook.close()


def recalculate(source: Path, tmp_path: Path) -> Path:
    profile = tmp_path / "profil"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    out = tmp_path / "hasil"
    soffice = shutil.which("soffice")
    assert soffice is not None
    command = [
        "timeout",
        "-s",
        "KILL",
        "120",
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=150)
    result = out / source.name
    assert result.exists(), "LibreOffice tidak menghasilkan berkas"
    return result


def matches(got: object, expected: Nilai) -> bool:
    if expected is None:
        return got in (None, "")
    if isinstance(expected, str):
        return got == expected
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        return False
    return abs(D(repr(got)) - expected) < D("0.0000001")


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak ada")
def test_libreoffice_recalculates_the_calculators_numbers(tmp_path: Path) -> None:
    import openpyxl

    cases = all_cases()
    source = tmp_path / "formula.xlsx"
    write_workbook(source, cases)
    recalculated = recalculate(source, tmp_path)
    sheet = openpyxl.load_workbook(recalculated, data_only=True).active
    assert sheet is not None
    wrong = []
    for row, case in enumerate(cases, start=1):
        for col in FORMULA_COLS:
            got = sheet.cell(row=row, column=col + 1).value
            if not matches(got, case.expected):
                wrong.append(
                    f"{case.name}: kolom {col}: LibreOffice {got!r}, kalkulator {case.expected!r}"
                )
    assert not wrong, "\n".join(wrong[:40])
