"""The writer's pure parts: pagination, text metrics, cell values and names."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from legok import LEGOK_2020
from xlsxwriter.worksheet import Worksheet as XlsxWorksheet

from iku_excel.write import build_lampiran
from iku_excel.write.cells import (
    excel_number,
    money_format,
    number_format,
    places,
    sheet_name,
    sum_formula,
)
from iku_excel.write.metrics import count_lines, fits, text_height_pt, text_width_px
from iku_excel.write.paging import (
    Group,
    Kertas,
    Page,
    column_widths_px,
    group_breaks,
    page_of_rows,
    paginate,
)
from iku_excel.write.rekap import build_rekap
from iku_excel.write.worksheet import LembarKerja, needs_preparation

D = Decimal

# ---------------------------------------------------------------------- pagination


def test_rows_fill_a_page_then_the_next_starts_under_the_repeated_header() -> None:
    heights = [10.0, 10.0, 30.0, 30.0, 30.0, 30.0]  # rows 0-1 are the repeated header
    placed = page_of_rows(heights, 100.0, (0, 1))
    assert [p for p, _ in placed] == [0, 0, 0, 0, 1, 1]
    assert placed[4] == (1, 50.0)  # 20 of header + 30


def test_manual_breaks_start_a_page() -> None:
    placed = page_of_rows([10.0] * 5, 100.0, None, breaks=[3])
    assert [p for p, _ in placed] == [0, 0, 0, 1, 1]


def test_a_group_that_fits_needs_no_break() -> None:
    assert group_breaks([10.0] * 8, 100.0, None, [Group(5, 7)]) == []


def test_a_group_that_would_straddle_the_page_end_starts_a_page() -> None:
    heights = [20.0] * 7  # page holds 5 rows
    assert group_breaks(heights, 100.0, None, [Group(4, 5)]) == [4]


def test_paginate_makes_every_page_end_a_break_and_keeps_slack() -> None:
    heights = [20.0] * 10
    # 100 pt pages less the slack hold 4 rows of 20
    assert paginate(heights, 100.0, None) == [4, 8]
    assert paginate(heights, 100.0, None, [Group(3, 4)]) == [3, 7]
    assert paginate([10.0, 20.0, 20.0, 20.0, 20.0, 20.0], 100.0, (0, 0)) == [5]


def test_carry_takes_rows_above_along_but_never_empties_a_page() -> None:
    heights = [10.0, 20.0, 20.0, 20.0, 15.0, 20.0, 20.0]  # header 0: rows 1-4 fill page 1
    assert group_breaks(heights, 100.0, (0, 0), [Group(4, 5, carry=2)]) == [2]
    # carrying two rows along would push the group's own last row off page 2: only one goes
    heights = [10.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0]
    assert group_breaks(heights, 100.0, (0, 0), [Group(4, 6, carry=2)]) == [3]
    # the table's only row stays on its page: the carry stops above it
    assert group_breaks([10.0, 20.0, 70.0, 20.0], 100.0, (0, 0), [Group(2, 3, carry=1)]) == [2]


def test_a_group_alone_on_a_new_page_takes_the_rows_it_carries() -> None:
    # rows 1-4 fill page 1 (header 10 + 4 x 20 + spacer 10 = 100); the group starts page 2
    heights = [10.0, 20.0, 20.0, 20.0, 20.0, 10.0, 20.0, 20.0]
    assert group_breaks(heights, 100.0, (0, 0), [Group(6, 7, carry=2)]) == [4]
    assert group_breaks(heights, 100.0, (0, 0), [Group(6, 7)]) == []


def test_a_group_taller_than_a_page_is_left_to_split() -> None:
    assert group_breaks([30.0] * 6, 100.0, None, [Group(1, 5)]) == []


def test_later_groups_see_earlier_breaks() -> None:
    heights = [20.0] * 12
    breaks = group_breaks(heights, 100.0, None, [Group(4, 5), Group(8, 9)])
    assert breaks == [4, 8]  # after the first break rows 4-8 fill page 2 exactly: 8-9 move on


@st.composite
def layouts(draw: st.DrawFn) -> tuple[list[float], tuple[int, int] | None, list[Group]]:
    heights = draw(st.lists(st.sampled_from([12.75, 15.0, 25.5, 38.25, 60.0]), min_size=3,
                            max_size=80))  # fmt: skip
    repeat = draw(st.sampled_from([None, (0, 0), (0, 1)]))
    groups: list[Group] = []
    row = repeat[1] + 1 if repeat else 0
    while row < len(heights):
        size = draw(st.integers(1, 4))
        # As the writer does: a group carries the row above only when it is a whole group.
        carry = draw(st.integers(0, 1)) if groups and groups[-1].first == groups[-1].last else 0
        groups.append(Group(row, min(row + size, len(heights)) - 1, carry=carry))
        row += size
    return heights, repeat, groups


@settings(max_examples=200)
@given(layouts())
def test_breaks_keep_every_group_whole_as_placing_from_scratch_shows(
    layout: tuple[list[float], tuple[int, int] | None, list[Group]],
) -> None:
    """``group_breaks`` re-places only the rows below each new break; placing every row again
    with all its breaks must agree, and every group short enough must be on one page."""
    heights, repeat, groups = layout
    breaks = group_breaks(heights, 100.0, repeat, groups)
    placed = page_of_rows(heights, 100.0, repeat, breaks)
    repeat_height = sum(heights[repeat[0] : repeat[1] + 1]) if repeat else 0.0
    for group in groups:
        if sum(heights[group.first : group.last + 1]) + repeat_height <= 100.0:
            assert placed[group.first][0] == placed[group.last][0], (group, breaks)
    assert all(used <= 100.0 or placed[row - 1][0] != page
               for row, (page, used) in enumerate(placed) if row)  # fmt: skip


@pytest.mark.parametrize("kertas", list(Kertas))
def test_page_geometry_is_landscape(kertas: Kertas) -> None:
    page = Page(kertas)
    assert page.width_pt > page.height_pt > 400
    assert page.table_width_px < page.width_pt * 96 / 72


def test_paper_indexes() -> None:
    assert [k.xlsx_index for k in (Kertas.F4, Kertas.A4, Kertas.LEGAL)] == [14, 9, 5]
    assert Kertas.F4.size_mm == (215.9, 330.2)
    with pytest.raises(ValueError):
        Kertas.parse("B5")


def test_column_widths_share_the_total_exactly() -> None:
    widths = column_widths_px([3.5, 14.5, 14.5, 6.5], 1000)
    assert sum(widths) == 1000
    assert widths == [90, 372, 372, 166]


# ---------------------------------------------------------------------- metrics


def test_text_width_follows_arial_metrics() -> None:
    # "Kualitas" is 3557/1000 em: 35.57 pt at 10 pt = 47.4 px, plus the safety factor
    assert 47.4 < text_width_px("Kualitas", 10) < 50
    assert text_width_px("ABC", 10, bold=True) > text_width_px("ABC", 10)
    assert text_width_px("é", 10) > 0


def test_count_lines_wraps_at_spaces() -> None:
    assert count_lines("", 100, 10) == 1
    assert count_lines("pendek", 100, 10) == 1
    text = "kata " * 40
    one_line = text_width_px(text.strip(), 10)
    lines = count_lines(text, 200, 10)
    assert one_line / 193 <= lines <= one_line / 193 + 2
    assert count_lines("satu\ndua", 500, 10) == 2


def test_a_word_longer_than_the_line_takes_several_lines() -> None:
    assert count_lines("X" * 100, 100, 10) >= 7


def test_fits_and_heights() -> None:
    assert fits("KETERANGAN/KRITERIA", 200, 10, bold=True)
    assert not fits("KETERANGAN/KRITERIA", 120, 10, bold=True)
    assert text_height_pt(1, 10) == 15.0
    assert text_height_pt(3, 10) == 40.5


# ---------------------------------------------------------------------- cells


def test_excel_number_keeps_money_exact() -> None:
    assert excel_number(D("10775000000")) == 10775000000
    assert isinstance(excel_number(D("10775000000.00")), int)
    assert excel_number(D("1500000000.50")) == 1500000000.5


@pytest.mark.parametrize(
    ("value", "expected"), [("60", 0), ("62.5", 1), ("88.40", 1), ("0.12345", 4), ("1E+3", 0)]
)
def test_places(value: str, expected: int) -> None:
    assert places(D(value)) == expected


def test_number_formats() -> None:
    assert number_format(0) == "#,##0"
    assert number_format(2) == "#,##0.00"
    assert number_format(1, percent=True) == "0.0%"
    assert number_format(0, suffix='Ti"tik') == '#,##0" Titik"'
    assert money_format([D("1"), None]) == "#,##0"
    assert money_format([D("1.5")]) == "#,##0.00"


def test_sum_formula_joins_runs_and_splits_long_lists() -> None:
    assert sum_formula([(7, 7), (8, 7), (9, 7)]) == "=SUM(H8:H10)"
    assert sum_formula([(4, 7), (6, 7), (13, 7)]) == "=SUM(H5,H7,H14)"
    assert sum_formula([]) == "=0"
    many = sum_formula([(r * 2, 0) for r in range(300)])
    assert many.count("SUM(") == 2 and many.startswith("=SUM(A1,A3")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Target & Anggaran", "Target & Anggaran"),
        ("Capaian: TW I/II [2020]?", "Capaian TW I II 2020"),
        ("x" * 40, "x" * 31),
        ("'''", "Lembar"),
    ],
)
def test_sheet_names_are_legal(text: str, expected: str) -> None:
    assert sheet_name(text) == expected


# ---------------------------------------------------------------------- formulas


def _formulas_written() -> set[str]:
    """Every formula of the contoh's lampiran (all jenis) and of a rekap of it."""
    contoh = Path(__file__).resolve().parent.parent / "contoh" / "legok_2020.xlsx"
    books = [build_lampiran(LEGOK_2020, "semua"), build_rekap([contoh, contoh])[0]]
    found = set()
    for data in books:
        wb = openpyxl.load_workbook(io.BytesIO(data))
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                found |= {c.value for c in row if isinstance(c.value, str) and c.value[:1] == "="}
    return found


def test_formulas_skip_xlsxwriters_preparation_only_when_it_would_change_nothing() -> None:
    formulas = _formulas_written()
    assert len(formulas) > 50 and any("ROUND(" in f for f in formulas)
    ours, theirs = LembarKerja(), XlsxWorksheet()
    extra = ["=XLOOKUP(A1,B:B,C:C)", "=IFS(A1>1,1,TRUE,0)", '=IF(A1,"SORT(",1)', "{=SUM(A1:A2)}"]
    for formula in sorted(formulas) + extra:
        assert ours._prepare_formula(formula) == theirs._prepare_formula(formula), formula
    assert not any(needs_preparation(f) for f in formulas if '"' not in f)
    assert all(needs_preparation(f) for f in extra)
