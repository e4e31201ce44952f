"""The pengukuran lampiran and its chart sheet: formulas with the calculator's values.

Expected figures are worked out by hand from tests/legok.py's (invented) realisasi."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest
from helpers_xlsx import find, load, merged, row_values
from legok import LEGOK_2020
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from iku_excel.calc import SKALA_SAKIP, Aturan, compute_dokumen
from iku_excel.errors import IkuInputError
from iku_excel.model import Dokumen, PerTriwulan
from iku_excel.write import build_lampiran


@cache
def legok_pengukuran() -> bytes:
    return build_lampiran(LEGOK_2020, "pengukuran")


@cache
def books() -> tuple[Workbook, Workbook]:
    """The Legok pengukuran workbook with formulas, and with cached values (read-only use)."""
    data = legok_pengukuran()
    return load(data), load(data, values=True)


def indicator_row(ws: Worksheet, uraian: str) -> int:
    return find(ws, uraian).row


def test_sheets_and_header() -> None:
    wb, _ = books()
    assert wb.sheetnames == ["Pengukuran Kinerja", "Grafik Capaian"]
    ws = wb["Pengukuran Kinerja"]
    top = find(ws, "NO").row
    assert row_values(ws, top, 1, 12) == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "SATUAN",
        "TARGET",
        "REALISASI",
        None,
        None,
        None,
        None,
        "CAPAIAN (%)",
        "PREDIKAT",
    ]
    assert row_values(ws, top + 1, 6, 10) == ["TW I", "TW II", "TW III", "TW IV", "TAHUN"]
    assert row_values(ws, top + 2, 1, 12) == list(range(1, 13))
    assert f"F{top}:J{top}" in merged(ws)
    # the indicator table ends on page 1: its header is not repeated over the program table
    assert ws.print_title_rows is None
    (page_2,) = [b.id + 1 for b in ws.row_breaks.brk]  # 1-based first row of page 2
    rata = [c.row for c in ws["C"] if c.value == "Rata-rata capaian sasaran"]
    assert rata[-1] < page_2 <= find(ws, "Program").row


def test_header_repeats_when_the_indicator_table_runs_on() -> None:
    more = tuple(replace(s, no=str(n)) for n, s in enumerate(LEGOK_2020.sasaran * 3, start=1))
    data = build_lampiran(replace(LEGOK_2020, sasaran=more), "pengukuran")
    ws = load(data).worksheets[0]
    top = find(ws, "NO").row
    assert ws.print_title_rows == f"${top}:${top + 2}"


def test_positive_indicator_terakhir() -> None:
    wb, values = books()
    ws, v = wb["Pengukuran Kinerja"], values["Pengukuran Kinerja"]
    r = indicator_row(ws, "Prosentase Jumlah infrastruktur dasar dalam kondisi baik")
    assert row_values(v, r, 4, 9) == ["%", 60, 20, 35, 48, 62]
    assert ws[f"J{r}"].value == f'=IF(ISNUMBER(I{r}),I{r},"")'  # terakhir: TW IV
    assert v[f"J{r}"].value == 62
    assert ws[f"K{r}"].value.startswith("=IF(AND(ISNUMBER(E")
    assert v[f"K{r}"].value == 103.33  # 62 / 60 x 100
    assert v[f"L{r}"].value == "Sangat Tinggi"
    assert ws[f"K{r}"].number_format == "0.00"


def test_negative_indicator_jumlah() -> None:
    wb, values = books()
    ws, v = wb["Pengukuran Kinerja"], values["Pengukuran Kinerja"]
    r = indicator_row(ws, "Jumlah konflik Ekonomi sosial dan politik")
    assert v[f"J{r}"].value == 4  # 1 + 0 + 2 + 1
    assert "SUM(F" in ws[f"J{r}"].value
    assert v[f"K{r}"].value == 120  # (2 x 5 - 4) / 5 x 100
    assert "(2*" in ws[f"K{r}"].value


def test_rata_rata_row_per_sasaran() -> None:
    wb, values = books()
    ws, v = wb["Pengukuran Kinerja"], values["Pengukuran Kinerja"]
    first = indicator_row(ws, "Prosentase Jumlah infrastruktur dasar dalam kondisi baik")
    rata = first + 2
    assert ws[f"C{rata}"].value == "Rata-rata capaian sasaran"
    mean = f"K{first}:K{first + 1}"
    assert ws[f"K{rata}"].value == f'=IF(COUNT({mean})=0,"",ROUND(AVERAGE({mean}),2))'
    assert v[f"K{rata}"].value == 96.67  # (103.33 + 90) / 2 = 96.665, half away from zero
    assert v[f"L{rata}"].value == "Sangat Tinggi"
    assert f"A{first}:A{rata}" in merged(ws) and f"B{first}:B{rata}" in merged(ws)
    assert len([c for c in ws["C"] if c.value == "Rata-rata capaian sasaran"]) == 6


def test_programs_serapan_and_efisiensi() -> None:
    wb, values = books()
    ws, v = wb["Pengukuran Kinerja"], values["Pengukuran Kinerja"]
    r = find(ws, "Program Penataan Lingkungan Permukiman Perdesaan dan Perkotaan").row
    assert (v[f"D{r}"].value, v[f"F{r}"].value) == (10_775_000_000, 10_212_450_000)
    assert v[f"H{r}"].value == 94.78  # 10,212,450,000 / 10,775,000,000 = 94.779...
    assert v[f"I{r}"].value == 562_550_000
    assert v[f"K{r}"].value == 1.89  # sasaran 1 capaian 96.67 - 94.78
    assert v[f"L{r}"].value == "Cukup Efisien"
    rata = find(ws, "Rata-rata capaian sasaran").row
    gap = f'=IF(AND(ISNUMBER(K{rata}),ISNUMBER(H{r})),ROUND(K{rata}-H{r},2),"")'
    assert ws[f"K{r}"].value == gap
    jumlah = next(c.row for c in ws["A"] if c.value == "Jumlah")
    assert v[f"D{jumlah}"].value == 13_914_503_100
    assert v[f"F{jumlah}"].value == 13_276_605_500
    assert v[f"H{jumlah}"].value == 95.42  # 13,276,605,500 / 13,914,503,100


def test_predikat_bands_are_coloured() -> None:
    wb, _ = books()
    ws = wb["Pengukuran Kinerja"]
    rules = [
        (str(rng.sqref), rule.formula[0], str(rule.dxf.fill.bgColor.rgb)[-6:])
        for rng in ws.conditional_formatting
        for rule in rng.rules
    ]
    first = indicator_row(ws, "Prosentase Jumlah infrastruktur dasar dalam kondisi baik")
    ranges = {sqref for sqref, _, _ in rules}
    assert len(ranges) == 1 and ranges.pop().startswith(f"K{first}:L")
    coloured = {formula.split("=", 1)[1]: fill for _, formula, fill in rules}
    # best green, worst red: Excel's own "Good"/"Neutral"/"Bad" cell colours at the ends
    # and the middle, and the lighter green and orange between them
    assert coloured == {
        '"Sangat Tinggi"': "C6EFCE",
        '"Tinggi"': "E2EFDA",
        '"Sedang"': "FFEB9C",
        '"Rendah"': "FCE4D6",
        '"Sangat Rendah"': "FFC7CE",
    }


def test_chart_sheet_plots_capaian_per_indicator() -> None:
    wb, values = books()
    ws, v = wb["Grafik Capaian"], values["Grafik Capaian"]
    assert len(ws._charts) == 1
    top = find(ws, "KODE").row
    kode = [ws.cell(r, 1).value for r in range(top + 1, top + 11)]
    assert kode == ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "5.1", "6.1"]
    first = ws.cell(top + 1, 3)
    assert first.value.startswith("='Pengukuran Kinerja'!$K$")
    assert v.cell(top + 1, 3).value == 103.33
    chart = ws._charts[0]
    refs = chart.series[0].val.numRef.f
    assert refs == f"'Grafik Capaian'!$C${top + 1}:$C${top + 10}"


def test_other_scale_without_its_aturan_writes_predikat_as_text() -> None:
    hasil = compute_dokumen(LEGOK_2020, Aturan(skala_predikat=SKALA_SAKIP))
    ws = load(build_lampiran(LEGOK_2020, "pengukuran", hasil=hasil)).worksheets[0]
    r = indicator_row(ws, "Prosentase Jumlah infrastruktur dasar dalam kondisi baik")
    assert ws[f"L{r}"].value == "AA" and ws[f"L{r}"].data_type == "s"
    aturan = Aturan(skala_predikat=SKALA_SAKIP)
    ws = load(build_lampiran(LEGOK_2020, "pengukuran", hasil=hasil, aturan=aturan)).worksheets[0]
    assert ws[f"L{r}"].value.startswith("=IF(ISNUMBER(K")


def test_without_realisasi_it_is_a_form_to_fill() -> None:
    blank = tuple(
        replace(s, indikator=tuple(replace(i, realisasi=PerTriwulan()) for i in s.indikator))
        for s in LEGOK_2020.sasaran
    )
    dokumen = replace(LEGOK_2020, sasaran=blank)
    assert "Pengukuran Kinerja" not in load(build_lampiran(dokumen)).sheetnames
    values = load(build_lampiran(dokumen, "pengukuran"), values=True).worksheets[0]
    r = indicator_row(values, "Prosentase Jumlah infrastruktur dasar dalam kondisi baik")
    assert values[f"E{r}"].value == 60
    assert values[f"K{r}"].value in (None, "")  # not computable: empty, never 0


def test_pengukuran_needs_indicators() -> None:
    with pytest.raises(IkuInputError, match="pengukuran"):
        build_lampiran(Dokumen(target_anggaran=LEGOK_2020.target_anggaran), "pengukuran")
