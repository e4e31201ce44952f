"""A real spreadsheet engine checks the lampiran: LibreOffice headless prints them to PDF and
recalculates their formulas.

All workbooks go through one soffice call per check (start-up dominates its cost), each call
with its own profile and under ``timeout -s KILL``. The PDF is read back with poppler's
pdfinfo and pdftotext: page sizes and orientation, where words sit, which text is on which page.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
from helpers_xlsx import find, load
from legok import LEGOK_2020

from iku_excel.model import (
    Dokumen,
    Identitas,
    Indikator,
    Kegiatan,
    Penandatangan,
    PerTriwulan,
    Program,
    Sasaran,
    TargetIndikator,
    TargetSasaran,
)
from iku_excel.write import build_lampiran
from iku_excel.write.paging import SLACK_PT, Kertas, Page, page_of_rows

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice) and poppler-utils (pdftotext) are needed",
    ),
]

D = Decimal
MARGIN_PT = 36  # 0.5 in left and right
PAPER_PT = {"F4": (936, 612), "A4": (842, 595), "Legal": (1008, 612)}

# A signatory found nowhere else in the synthetic documents.
TTD = Penandatangan(
    jabatan="Plt. KEPALA DINAS CONTOH",
    nama="Dr. NAMA PENANDATANGAN, M.Si",
    pangkat="Pembina Utama Muda / IV.c",
    nip="198001012005011002",
)
TTD_LINES = ("Kotaku, Maret 2021", TTD.jabatan, TTD.nama, TTD.pangkat, f"NIP. {TTD.nip}")


def synthetic(indicators: int, *, per_sasaran: int = 4, long_text: bool = True) -> Dokumen:
    """A document with ``indicators`` indicators, their targets, realisasi and programs."""
    words = "uraian panjang yang harus dibungkus dalam sel tabel lampiran " * 2
    sasaran = []
    for s in range(math.ceil(indicators / per_sasaran)):
        count = min(per_sasaran, indicators - s * per_sasaran)
        items = tuple(
            Indikator(
                uraian=f"Indikator {s + 1}.{i + 1}",
                satuan="%",
                alasan=words if long_text else "Alasan",
                formulasi="realisasi / target x 100",
                sumber_data="Dinas Contoh",
                target=D(80),
                realisasi=PerTriwulan(D(20), D(40), D(60), D(70 + i)),
            )
            for i in range(count)
        )
        sasaran.append(Sasaran(str(s + 1), f"Sasaran strategis nomor {s + 1}", items))
    blocks = tuple(
        TargetSasaran(
            s.no,
            s.uraian,
            (TargetIndikator(s.indikator[0].uraian, "80%", D(80), "%"),),
            (
                Program(
                    nama=f"Program contoh {s.no}",
                    target="100%",
                    kegiatan=tuple(
                        Kegiatan(
                            str(k), f"Kegiatan {s.no}.{k}", "5 Titik", anggaran=D(1_000_000 * k)
                        )
                        for k in range(1, 4)
                    ),
                ),
            ),
        )
        for s in sasaran
    )
    return Dokumen(
        identitas=Identitas(
            pemerintah="PEMERINTAH KABUPATEN CONTOH",
            instansi="DINAS CONTOH",
            alamat="Jl. Contoh No. 1",
            tahun=2021,
            sk_nomor="050/ -DC/2021",
            sk_tanggal="Maret 2021",
            sk_jabatan=TTD.jabatan,
            sk_tempat="Kotaku",
            tempat="Kotaku",
            tanggal="Maret 2021",
        ),
        penandatangan=(TTD,),
        sasaran=tuple(sasaran),
        target_anggaran=blocks,
    )


# Files to print: name -> (document, jenis, kertas).
LEGOK = {f"legok_{j}": (LEGOK_2020, j, "F4") for j in ("iku", "target", "pk", "pengukuran")}
PAPERS = {
    "legok_iku_a4": (LEGOK_2020, "iku", "A4"),
    "legok_target_legal": (LEGOK_2020, "target", "Legal"),
}
LONG = {f"long_{j}": (synthetic(60), j, "F4") for j in ("iku", "target", "pengukuran")}
# Short one-line indicators, one more each time: the table's end, and with it the signatory
# block, sweeps over a whole page end.
SWEEP = {
    f"sweep_{n:02d}": (synthetic(n, per_sasaran=1, long_text=False), "iku", "F4")
    for n in range(14, 34)
}
FILES = {**LEGOK, **PAPERS, **LONG, **SWEEP}


def soffice(args: list[str], profile: Path) -> None:
    command = [
        "timeout",
        "-s",
        "KILL",
        "120",
        "soffice",
        "--headless",
        f"-env:UserInstallation={profile.as_uri()}",
        *args,
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=150)


@dataclass
class Printed:
    """A PDF as pages: size and text (layout kept) of each, and word boxes."""

    sizes: list[tuple[float, float]]
    pages: list[str]
    words: list[list[tuple[float, float, str]]]  # per page: (xMin, xMax, word)


def read_pdf(path: Path) -> Printed:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[: len(sizes)]
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        [
            (float(a), float(b), w)
            for a, b, w in re.findall(
                r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', page
            )
        ]
        for page in bbox.split("<page ")[1:]
    ]
    return Printed(sizes, pages, words)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("lampiran")
    paths = []
    for name, (dokumen, jenis, kertas) in FILES.items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(build_lampiran(dokumen, jenis, kertas=kertas))
        paths.append(str(path))
    out = folder / "pdf"
    soffice(["--convert-to", "pdf", "--outdir", str(out), *paths], folder / "profile")
    return {name: read_pdf(out / f"{name}.pdf") for name in FILES}


# ---------------------------------------------------------------------- pages


@pytest.mark.parametrize("name", [*LEGOK, *PAPERS, *LONG])
def test_every_page_is_landscape_on_the_chosen_paper(
    printed: dict[str, Printed], name: str
) -> None:
    kertas = FILES[name][2]
    width, height = PAPER_PT[kertas]
    for w, h in printed[name].sizes:
        assert w > h
        assert (round(w), round(h)) == (width, height)


@pytest.mark.parametrize("name", [*LEGOK, *PAPERS, *LONG])
def test_the_table_fits_the_page_width(printed: dict[str, Printed], name: str) -> None:
    pdf = printed[name]
    for (width, _), words in zip(pdf.sizes, pdf.words, strict=True):
        assert all(x0 >= MARGIN_PT - 2 and x1 <= width - MARGIN_PT + 2 for x0, x1, _ in words)
    first_width = pdf.sizes[0][0]
    # and fills it: something stands near the right edge (the last column's header or text)
    assert max(x1 for _, x1, _ in pdf.words[0]) > 0.85 * first_width


def test_legok_page_counts(printed: dict[str, Printed]) -> None:
    counts = {name: len(printed[name].pages) for name in LEGOK}
    assert counts["legok_pk"] == 1
    assert all(1 <= n <= 4 for n in counts.values()), counts


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("long_iku", ("SASARAN STRATEGIS", "PENJELASAN", "ALASAN")),
        ("long_target", ("SASARAN STRATEGIS", "ANGGARAN", "KEGIATAN")),
        ("long_pengukuran", ("SASARAN STRATEGIS", "REALISASI", "PREDIKAT")),
    ],
)
def test_header_rows_repeat_on_every_page_of_a_long_table(
    printed: dict[str, Printed], name: str, header: tuple[str, ...]
) -> None:
    pages = printed[name].pages[: _table_pages(printed[name])]
    table_pages = [p for p in pages if "Indikator " in p or "Program contoh" in p]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert all(h in page for h in header), page[:400]


def test_long_target_repeats_the_column_number_row(printed: dict[str, Printed]) -> None:
    for page in printed["long_target"].pages[1:]:
        if "Program contoh" in page:
            assert re.search(r"\b1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\b", page)


def _table_pages(pdf: Printed) -> int:
    """How many pages the lampiran's own sheet takes: a pengukuran workbook goes on with its
    chart sheet ("GRAFIK CAPAIAN ...")."""
    return next((i for i, p in enumerate(pdf.pages) if "GRAFIK CAPAIAN" in p), len(pdf.pages))


def _signatory_pages(pdf: Printed, lines: tuple[str, ...]) -> list[set[int]]:
    return [{i for i, page in enumerate(pdf.pages) if line in page} for line in lines]


@pytest.mark.parametrize("name", [*LONG, *SWEEP])
def test_signatory_block_is_whole_on_the_last_page(printed: dict[str, Printed], name: str) -> None:
    pdf = printed[name]
    last = _table_pages(pdf) - 1
    # the jabatan also stands in the lampiran block at the top ("Keputusan Plt. ...")
    found = _signatory_pages(pdf, TTD_LINES[2:])
    assert all(pages == {last} for pages in found), (name, found)
    lines = [line.strip() for line in pdf.pages[last].splitlines()]
    assert TTD.jabatan in lines and TTD_LINES[0] in lines


def test_the_sweep_meets_page_ends_that_would_split_the_block(printed: dict[str, Printed]) -> None:
    """Without the keep-together rule, some sweep documents would have their signatory block
    split by a page end (else the sweep would not test the rule)."""
    capacity = Page(Kertas.F4).height_pt - SLACK_PT
    split = []
    for name, (dokumen, jenis, kertas) in SWEEP.items():
        ws = load(build_lampiran(dokumen, jenis, kertas=kertas)).worksheets[0]
        heights = [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)]
        top = find(ws, "NO").row - 1
        natural = page_of_rows(heights, capacity, (top, top + 1))
        date, nip = find(ws, TTD_LINES[0]).row - 1, find(ws, TTD_LINES[-1]).row - 1
        if natural[date][0] != natural[nip][0]:
            split.append(name)
            assert TTD_LINES[0] in printed[name].pages[-1]  # ... but they print whole
    assert len(split) >= 2, split


@pytest.mark.parametrize("name", list(LEGOK))
def test_legok_signatory_on_the_last_page(printed: dict[str, Printed], name: str) -> None:
    pdf = printed[name]
    last = _table_pages(pdf) - 1
    nip = "NIP. 196206201987031006"
    assert [i for i, p in enumerate(pdf.pages) if nip in p] == [last]
    page = pdf.pages[last]
    assert "Drs. TISNA HAMBALI R, SH,M.Si" in page and "Pembina Tk.1 / IV.b" in page


# ---------------------------------------------------------------------- recalculation

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _control_workbook(path: Path) -> None:
    """A formula with a wrong cached value: proves LibreOffice really recalculated."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet().write_formula("A1", "=1+1", None, 5)
    wb.close()


def test_libreoffice_recalculates_every_formula_to_its_cached_value(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    sources: dict[str, bytes] = {
        "semua": build_lampiran(LEGOK_2020, "semua"),
        "long": build_lampiran(synthetic(60), "semua"),
        "kosong": build_lampiran(
            replace(LEGOK_2020, sasaran=synthetic(5).sasaran[:1]), "pengukuran"
        ),
    }
    paths = []
    for name, data in sources.items():
        (tmp_path / f"{name}.xlsx").write_bytes(data)
        paths.append(str(tmp_path / f"{name}.xlsx"))
    _control_workbook(tmp_path / "control.xlsx")
    out = tmp_path / "out"
    soffice(
        [
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            *paths,
            str(tmp_path / "control.xlsx"),
        ],
        profile,
    )
    assert load((out / "control.xlsx").read_bytes(), values=True).active["A1"].value == 2
    checked = 0
    for name, data in sources.items():
        ours, cached = load(data), load(data, values=True)
        recalculated = load((out / f"{name}.xlsx").read_bytes(), values=True)
        for ws in ours.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type != "f":
                        continue
                    want = cached[ws.title][cell.coordinate].value
                    got = recalculated[ws.title][cell.coordinate].value
                    assert _same(want, got), (
                        name,
                        ws.title,
                        cell.coordinate,
                        cell.value,
                        want,
                        got,
                    )
                    checked += 1
    assert checked > 100


def _same(want: object, got: object) -> bool:
    want = "" if want is None else want
    got = "" if got is None else got
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(want, got, rel_tol=1e-12, abs_tol=1e-9)
    return want == got
