"""Matching realisasi rows to a workbook's indicators: by kode, by wording, by a close wording,
and refusing whatever is ambiguous (a wrong cell filled is worse than a cell left empty)."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iku_excel.errors import IkuInputError, Severity
from iku_excel.fill.realisasi import (
    BarisRealisasi,
    Kecocokan,
    applies_to,
    match_rows,
    read_sumber,
)
from iku_excel.model import Indikator
from iku_excel.text import normalize_text

INDIKATOR = (
    Indikator("Indeks Kepuasan Masyarakat", kode="IKU-1"),
    Indikator("Persentase pengaduan yang ditindaklanjuti", kode="IKU-2"),
    Indikator("Persentase desa dengan kategori minimal Maju", kode="IKU-3"),
    Indikator("Persentase desa dengan kategori minimal Mandiri", kode="IKU-4"),
    Indikator("Nilai SAKIP Kecamatan"),
)


def match(*rows: BarisRealisasi, indikator: tuple[Indikator, ...] = INDIKATOR):
    return match_rows(rows, indikator, file_name="legok.xlsx", instansi="Kecamatan Legok",
                      source="realisasi.csv")  # fmt: skip


def row(line: int = 2, **kwargs: str) -> BarisRealisasi:
    return BarisRealisasi(line=line, **kwargs)  # type: ignore[arg-type]


def test_kode_wins_over_a_wording_that_names_another_indicator() -> None:
    matches, problems = match(row(kode=" IKU-2 ", indikator="Nilai SAKIP Kecamatan"))
    assert [(m.indikator.kode, m.cara) for m in matches] == [("IKU-2", "kode")]
    assert problems == []


def test_an_unknown_kode_falls_back_to_the_wording() -> None:
    matches, _ = match(row(kode="X-9", indikator="nilai  sakip   KECAMATAN"))
    assert [(m.indikator.uraian, m.cara) for m in matches] == [("Nilai SAKIP Kecamatan", "teks")]


def test_a_close_wording_matches_and_says_so() -> None:
    matches, problems = match(row(indikator="Indeks Kepuasan Masyarakatt"))
    assert [(m.indikator.kode, m.cara) for m in matches] == [("IKU-1", "mirip")]
    assert [(p.code, p.severity) for p in problems] == [("realisasi-cocok-mirip", Severity.INFO)]
    assert "realisasi.csv baris 2" in problems[0].message and problems[0].file == "legok.xlsx"


def test_a_wording_close_to_two_indicators_is_refused() -> None:
    # "Maju" and "Mandiri" differ by a few letters: "Persentase desa ... minimal Man" is near both.
    matches, problems = match(row(indikator="Persentase desa dengan kategori minimal Man"))
    assert matches == []
    assert [p.code for p in problems] == ["realisasi-ambigu"]
    assert "Maju" in problems[0].message and "Mandiri" in problems[0].message


# ratio = 2M / (len(a) + len(b)) with M the characters matched (difflib); for a wording that is
# the indicator with letters deleted, M is the wording's own length.
MANDIRI = Indikator("Persentase desa berstatus mandiri")  # 33 characters


def test_ninety_percent_alike_is_a_match_and_less_is_not() -> None:
    # "persen desa berstatus mandi": 6 letters deleted, 27 left: 2*27/(27+33) = 54/60 = 0.900
    matches, _ = match(row(indikator="Persen desa berstatus mandi"), indikator=(MANDIRI,))
    assert [m.cara for m in matches] == ["mirip"]
    # one more deleted, 26 left: 52/59 = 0.881
    matches, problems = match(row(indikator="Persen desa berstatus mand"), indikator=(MANDIRI,))
    assert matches == [] and [p.code for p in problems] == ["realisasi-tidak-cocok"]


def test_a_runner_up_within_three_points_makes_it_ambiguous() -> None:
    wanted = row(indikator="Persentase desa berstatus maju")  # 30 characters
    best = Indikator("Persentase desa berstatus maju 1")  # 32: 60/62 = 0.968
    close = Indikator("Persentase desa berstatus maju 20")  # 33: 60/63 = 0.952, 1.6 points
    far = Indikator("Persentase desa berstatus maju 2025")  # 35: 60/65 = 0.923, 4.5 points
    matches, problems = match(wanted, indikator=(best, close))
    assert matches == [] and [p.code for p in problems] == ["realisasi-ambigu"]
    matches, _ = match(wanted, indikator=(best, far))
    assert [(m.indikator, m.cara) for m in matches] == [(best, "mirip")]


def test_the_same_wording_twice_in_a_workbook_is_refused() -> None:
    twice = (*INDIKATOR, Indikator("Indeks Kepuasan Masyarakat"))
    matches, problems = match(row(indikator="Indeks Kepuasan Masyarakat"), indikator=twice)
    assert matches == [] and [p.code for p in problems] == ["realisasi-ambigu"]


def test_the_same_kode_twice_is_refused_even_with_a_unique_wording() -> None:
    twice = (*INDIKATOR, Indikator("Jumlah desa tertib administrasi", kode="IKU-1"))
    matches, problems = match(
        row(kode="IKU-1", indikator="Indeks Kepuasan Masyarakat"), indikator=twice
    )
    assert matches == [] and [p.code for p in problems] == ["realisasi-ambigu"]


def test_a_wording_far_from_every_indicator_is_reported() -> None:
    matches, problems = match(row(line=7, indikator="Jumlah UMKM binaan"))
    assert matches == []
    assert [(p.code, p.severity) for p in problems] == [("realisasi-tidak-cocok", Severity.WARNING)]
    assert "baris 7" in problems[0].message and "Jumlah UMKM binaan" in problems[0].message


def test_rows_for_another_workbook_or_office_are_left_alone() -> None:
    rows = (
        row(line=2, indikator="Nilai SAKIP Kecamatan", berkas="curug.xlsx"),
        row(line=3, indikator="Nilai SAKIP Kecamatan", instansi="Kecamatan Curug"),
        row(line=4, indikator="Nilai SAKIP Kecamatan", berkas="LEGOK"),
        row(line=5, indikator="Indeks Kepuasan Masyarakat", instansi="kecamatan  legok"),
    )
    matches, problems = match(*rows)
    assert [m.row.line for m in matches] == [4, 5] and problems == []
    assert not applies_to(rows[0], "legok.xlsx", "Kecamatan Legok")


# --- The index gives what comparing every row with every indicator gives ------------------------


def brute_force(row_: BarisRealisasi, indikator: tuple[Indikator, ...]) -> tuple[int | None, str]:
    """The rule of docs (kode, then exact wording, then the closest wording with a margin),
    written the slow obvious way: (index of the indicator or None, how or problem code)."""
    if row_.kode:
        same = [
            n for n, i in enumerate(indikator) if i.kode and i.kode.strip() == row_.kode.strip()
        ]
        if len(same) == 1:
            return same[0], "kode"
        if len(same) > 1:
            return None, "realisasi-ambigu"
    if not row_.indikator:
        return None, "realisasi-tidak-cocok"
    wanted = normalize_text(row_.indikator)
    same = [n for n, i in enumerate(indikator) if normalize_text(i.uraian) == wanted]
    if len(same) == 1:
        return same[0], "teks"
    if len(same) > 1:
        return None, "realisasi-ambigu"
    scored = sorted(
        ((SequenceMatcher(None, wanted, normalize_text(i.uraian)).ratio(), n)
         for n, i in enumerate(indikator)),
        reverse=True,
    )  # fmt: skip
    # the documented rule (README): at least 90% alike, and the runner-up more than 3 points
    # below; written out here, not taken from the module under test
    if not scored or scored[0][0] < 0.90:
        return None, "realisasi-tidak-cocok"
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.03:
        return None, "realisasi-ambigu"
    return scored[0][1], "mirip"


WORDS = ["Persentase", "desa", "Indeks", "Kepuasan", "Masyarakat", "Nilai", "SAKIP", "Maju",
         "Mandiri", "pengaduan", "yang", "ditindaklanjuti", "Jumlah", "kegiatan"]  # fmt: skip
wordings = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@st.composite
def typos(draw: st.DrawFn, wording: str) -> str:
    """A wording as staff retype it: a letter dropped, doubled or changed, case changed."""
    if not wording:
        return wording
    at = draw(st.integers(0, len(wording) - 1))
    kind = draw(st.sampled_from(["drop", "double", "change", "case", "none"]))
    if kind == "drop":
        return wording[:at] + wording[at + 1 :]
    if kind == "double":
        return wording[:at] + wording[at] + wording[at:]
    if kind == "change":
        return wording[:at] + draw(st.sampled_from("aeiou x")) + wording[at + 1 :]
    return wording.upper() if kind == "case" else wording


@st.composite
def cases(draw: st.DrawFn) -> tuple[tuple[Indikator, ...], list[BarisRealisasi]]:
    texts = draw(st.lists(wordings, min_size=1, max_size=8))
    kodes = draw(st.lists(st.sampled_from(["", "1", "2", "2 ", "3"]), min_size=len(texts),
                          max_size=len(texts)))  # fmt: skip
    indikator = tuple(Indikator(t, kode=k) for t, k in zip(texts, kodes, strict=True))
    rows = []
    for line in range(2, 2 + draw(st.integers(1, 6))):
        base = draw(st.sampled_from(texts) | wordings)
        rows.append(row(line=line, indikator=draw(typos(base)),
                        kode=draw(st.sampled_from(["", "1", "2", "9"]))))  # fmt: skip
    return indikator, rows


@settings(max_examples=300)
@given(cases())
def test_the_index_matches_as_comparing_everything_would(
    case: tuple[tuple[Indikator, ...], list[BarisRealisasi]],
) -> None:
    indikator, rows = case
    matches, problems = match(*rows, indikator=indikator)
    got: dict[int, tuple[int | None, str]] = {}
    for m in matches:
        got[m.row.line] = (next(n for n, i in enumerate(indikator) if i is m.indikator), m.cara)
    for p in problems:
        line = int(p.message.split(" baris ")[1].split(":")[0])
        if p.code != "realisasi-cocok-mirip":
            got[line] = (None, p.code)
    assert got == {r.line: brute_force(r, indikator) for r in rows}


def test_matched_rows_carry_their_values() -> None:
    source = row(indikator="Nilai SAKIP Kecamatan")
    matches, _ = match(source)
    assert matches == [Kecocokan(source, INDIKATOR[4], "teks")]


# --- Reading the source file ----------------------------------------------------------------


def test_a_column_named_twice_is_refused_naming_both(tmp_path: Path) -> None:
    source = tmp_path / "dua_kolom.csv"
    source.write_text("indikator;TW I;Realisasi TW I\nJumlah A;1.234;abc\n", encoding="utf-8")
    with pytest.raises(IkuInputError) as caught:
        read_sumber(source)
    assert str(caught.value) == (
        "dua_kolom.csv: kolom 'TW I' (B) dan 'Realisasi TW I' (C) sama-sama kolom TW I; "
        "hapus atau ganti judul salah satunya"
    )


def test_problems_of_the_source_name_their_own_cell(tmp_path: Path) -> None:
    source = tmp_path / "r.csv"
    # kode in column C: a row without indicator or kode is reported at B (indikator), a bad
    # number at the cell it is in
    source.write_text("tw1;indikator;kode\n5;;\nx;Indeks SPBE;\n", encoding="utf-8")
    sumber = read_sumber(source)
    assert [(p.code, p.cell) for p in sumber.problems] == [
        ("realisasi-tanpa-indikator", "B2"),
        ("bukan-angka", "A3"),
    ]
