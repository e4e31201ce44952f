"""The chart sheet of the pengukuran lampiran: capaian per indicator as a native column chart.

The chart sits on top of its own sheet, over the full page width; below it a small table (kode,
indikator, capaian, predikat) whose cells are formulas pointing at the pengukuran sheet, written
with their values, and which the chart plots. A capaian that is not computable is an empty
text there; spreadsheet programs draw it as a bar of height 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from iku_excel.model import Dokumen
from iku_excel.writer.blocks import KolomCetak, header_band, judul, spacer
from iku_excel.writer.cells import Rumus, cell_name, excel_number
from iku_excel.writer.pengukuran import CAPAIAN, PREDIKAT, BarisIndikator
from iku_excel.writer.sheet import Lembar
from iku_excel.writer.style import FONT, SEL_TENGAH

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
    quoted = "'" + source.replace("'", "''") + "'"
    for row, item in enumerate(rows, start=first):
        capaian = "" if item.capaian is None else excel_number(item.capaian)
        sheet.put(row, 0, item.label, KOLOM[0].gaya)
        sheet.put(row, 1, item.uraian, KOLOM[1].gaya)
        ref = f"={quoted}!{cell_name(item.row, CAPAIAN, absolute=True)}"
        sheet.put(row, 2, Rumus(ref, capaian), KOLOM[2].gaya)
        ref = f"={quoted}!{cell_name(item.row, PREDIKAT, absolute=True)}"
        sheet.put(row, 3, Rumus(ref, item.predikat or ""), KOLOM[3].gaya)
    sheet.row = first + len(rows)
    if rows:
        _insert_chart(sheet, chart_row, first, sheet.row - 1)
    sheet.finish()


def _insert_chart(sheet: Lembar, at_row: int, first: int, last: int) -> None:
    chart = sheet.workbook.add_chart({"type": "column"})
    name = sheet.name
    chart.add_series(
        {
            "name": "Capaian (%)",
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 2, last, 2],
            "fill": {"color": BAR_FILL},
            "data_labels": {"value": True, "num_format": "0.00", "font": _font(9)},
            "gap": 80,
        }
    )
    chart.set_title({"name": "Capaian Kinerja per Indikator (%)", "name_font": _font(12)})
    chart.set_x_axis({"name": "Kode indikator", "name_font": _font(9), "num_font": _font(9)})
    chart.set_y_axis(
        {
            "name": "Capaian (%)",
            "min": 0,
            "name_font": _font(9),
            "num_font": _font(9),
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
        }
    )
    chart.set_legend({"none": True})
    width = sheet.span_width(0, sheet.last_col)
    height = round(CHART_ROWS * CHART_ROW_PT * 96 / 72)
    chart.set_size({"width": width, "height": height})
    sheet.ws.insert_chart(at_row, 0, chart, {"object_position": 3})


def _font(size: int) -> dict[str, object]:
    return {"name": FONT, "size": size, "bold": size >= 12}
