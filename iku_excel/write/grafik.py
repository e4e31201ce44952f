"""The chart sheet of the pengukuran lampiran: capaian per indicator as a native column chart.

The chart sits on top of its own sheet, over the full page width; below it a small table (kode,
indikator, capaian, predikat) whose cells are formulas pointing at the pengukuran sheet, written
with their values, and which the chart plots. A capaian that is not computable is an empty
text there; spreadsheet programs draw it as a bar of height 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.chart import Chart
from xlsxwriter.workbook import Workbook

from iku_excel.grid import cell_name
from iku_excel.model import Dokumen
from iku_excel.write.blocks import KolomCetak, header_band, judul, spacer
from iku_excel.write.cells import Rumus, excel_number, quoted_sheet
from iku_excel.write.pengukuran import CAPAIAN, PREDIKAT, BarisIndikator
from iku_excel.write.sheet import Lembar
from iku_excel.write.style import FONT, SEL_TENGAH

KOLOM = (
    KolomCetak("KODE", 6, SEL_TENGAH),
    KolomCetak("INDIKATOR KINERJA", 56),
    KolomCetak("CAPAIAN (%)", 12, SEL_TENGAH.but(wrap=False, num_format="0.00")),
    KolomCetak("PREDIKAT", 14, SEL_TENGAH),
)
WEIGHTS = tuple(k.weight for k in KOLOM)
CHART_ROWS = 20  # rows the chart covers, each CHART_ROW_PT high
CHART_ROW_PT = 15.0
BAR_FILL = "#4472C4"


def write_grafik(
    sheet: Lembar, dokumen: Dokumen, source: str, rows: Sequence[BarisIndikator]
) -> None:
    """The chart sheet for the indicators written at ``rows`` of sheet ``source``."""
    ident = dokumen.identitas
    tahun = f" TAHUN {ident.tahun}" if ident.tahun else ""
    judul(sheet, (f"GRAFIK CAPAIAN KINERJA{tahun}", ident.instansi.upper()))
    chart_row = sheet.row
    for i in range(CHART_ROWS):
        sheet.fix_height(chart_row + i, CHART_ROW_PT)
    sheet.row += CHART_ROWS
    spacer(sheet, 14)
    header_band(sheet, KOLOM)
    first = sheet.row
    quoted = quoted_sheet(source)
    for row, item in enumerate(rows, start=first):
        capaian = "" if item.capaian is None else excel_number(item.capaian)
        sheet.put(row, 0, item.label, KOLOM[0].gaya)
        sheet.put(row, 1, item.uraian, KOLOM[1].gaya)
        ref = f"={quoted}!{cell_name(item.row + 1, CAPAIAN + 1, absolute=True)}"
        sheet.put(row, 2, Rumus(ref, capaian), KOLOM[2].gaya)
        ref = f"={quoted}!{cell_name(item.row + 1, PREDIKAT + 1, absolute=True)}"
        sheet.put(row, 3, Rumus(ref, item.predikat or ""), KOLOM[3].gaya)
    sheet.row = first + len(rows)
    if rows:
        _insert_chart(sheet, chart_row, first, sheet.row - 1)
    sheet.finish()


def _insert_chart(sheet: Lembar, at_row: int, first: int, last: int) -> None:
    name = sheet.name
    chart = capaian_chart(
        sheet.workbook,
        series=("Capaian (%)", [name, first, 0, last, 0], [name, first, 2, last, 2]),
        title="Capaian Kinerja per Indikator (%)",
        x_axis={"name": "Kode indikator", "name_font": chart_font(9), "num_font": chart_font(9)},
        size=(sheet.span_width(0, sheet.last_col), round(CHART_ROWS * CHART_ROW_PT * 96 / 72)),
    )
    sheet.ws.insert_chart(at_row, 0, chart, {"object_position": 3})


def capaian_chart(
    workbook: Workbook,
    *,
    series: tuple[str, list[object], list[object]],
    title: str,
    x_axis: dict[str, object],
    size: tuple[int, int],
) -> Chart:
    """A column chart of capaian (%) as the lampiran and the rekap draw it: one blue series
    ``(name, categories, values)`` labelled with its values, no legend, gridlines from 0."""
    chart = workbook.add_chart({"type": "column"})
    assert chart is not None  # XlsxWriter returns None only for an unknown chart type
    name, categories, values = series
    chart.add_series(
        {
            "name": name,
            "categories": categories,
            "values": values,
            "fill": {"color": BAR_FILL},
            "data_labels": {"value": True, "num_format": "0.00", "font": chart_font(9)},
            "gap": 80,
        }
    )
    chart.set_title({"name": title, "name_font": chart_font(12)})
    chart.set_x_axis(x_axis)
    chart.set_y_axis(
        {
            "name": "Capaian (%)",
            "min": 0,
            "name_font": chart_font(9),
            "num_font": chart_font(9),
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
        }
    )
    chart.set_legend({"none": True})
    chart.set_size({"width": size[0], "height": size[1]})
    return chart


def chart_font(size: int) -> dict[str, object]:
    return {"name": FONT, "size": size, "bold": size >= 12}
