"""Generate the reader corpus: varied SAKIP workbooks and what the reader must find in them.

Run ``python tests/corpus/make_corpus.py``: it rewrites every ``*.xlsx`` and ``*.expected.json``
in this folder, byte for byte the same on every run. One function below builds one workbook;
its docstring names the traps it sets. The expectation is written next to the values typed into
the cells, so it is the truth of the workbook, never what some reader made of it. README.md
lists the workbooks; expect.py explains the expectation format and compares.

Nothing here imports iku_excel: the corpus must not inherit the reader's mistakes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import column_index_from_string, get_column_letter

try:  # imported as corpus.make_corpus (by the tests)
    from .expect import PROBLEM_CODES
except ImportError:  # run as a script: python tests/corpus/make_corpus.py
    from expect import PROBLEM_CODES  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "data" / "seed_legok_2020.txt"  # a copy of the source document
FIXED = datetime(2024, 1, 1)
NBSP = "\u00a0"


# ---------------------------------------------------------------------------------------------
# Values: what is typed, and what it means


def norm(text: str) -> str:
    """Whitespace-normalised text, as the reader must give every text: NBSP and line breaks
    become spaces, runs of spaces one space, no leading or trailing space."""
    return " ".join(text.replace(NBSP, " ").split())


def dec(value: str | float) -> Decimal:
    """An exact number from its decimal writing (floats through their shortest repr)."""
    return Decimal(str(value))


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _clean(value: Any, *, verbatim: bool = False) -> Any:
    """The expectation as JSON data: Decimals become numbers, texts are normalised (except in
    the problem lists and notes, which are not the reader's texts)."""
    if isinstance(value, dict):
        return {
            k: _clean(v, verbatim=verbatim or k.startswith(("problems", "_")))
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_clean(v, verbatim=verbatim) for v in value]
    if isinstance(value, Decimal):
        return _json_number(value)
    if isinstance(value, str) and not verbatim:
        return norm(value)
    return value


def tw(*values: Any) -> dict[str, Any]:
    """Values per triwulan in the JSON contract's form: {"tw1": ..., "tw4": ...}."""
    return {f"tw{i}": v for i, v in enumerate(values, 1)}


def nums(*values: Any) -> list[Decimal | None]:
    """The meaning of plain numeric cells: the number; None for an empty cell."""
    return [None if v is None else dec(v) for v in values]


def forbid(*allowed: str) -> list[str]:
    """Every listed problem code except those the workbook may (or must) give rise to."""
    return [code for code in PROBLEM_CODES if code not in allowed]


# ---------------------------------------------------------------------------------------------
# Writers: one small interface over openpyxl and XlsxWriter, so that each workbook function
# reads like the sheet it builds. Style keys: bold, italic, underline, size, border, wrap,
# align (left/center/right), valign (top/center), fmt (a number format).

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
H = {"bold": True, "border": True, "wrap": True, "align": "center", "valign": "center"}
B = {"border": True, "wrap": True}  # a bordered body cell
BC = {**B, "align": "center"}  # ... centered
P0 = "0%"  # percentage formats: the cell holds 0.85 and shows 85%
P1 = "0.0%"
P2 = "0.00%"


def _ref(ref: str) -> tuple[int, int]:
    """1-based (row, column) of "B7"."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not match:
        raise ValueError(ref)
    return int(match.group(2)), column_index_from_string(match.group(1))


def col(letter: str, offset: int) -> str:
    """The column ``offset`` columns right of ``letter``."""
    return get_column_letter(column_index_from_string(letter) + offset)


class Sheet:
    name: str

    def __init__(self) -> None:
        self.widths_set: dict[str, float] = {}
        self.wrapped: dict[int, list[tuple[str, float]]] = {}  # row -> [(text, width)]

    def put(self, ref: str, value: Any, **style: Any) -> None:
        raise NotImplementedError

    def height(self, row: int, points: float) -> None:
        raise NotImplementedError

    def note_wrapped(self, ref: str, value: Any, style: dict[str, Any], columns: int = 1) -> None:
        """Remember a wrapped text, so that fit_rows() can give its row a height."""
        if style.get("wrap") and isinstance(value, str):
            row, column = _ref(ref)
            width = sum(
                self.widths_set.get(col(get_column_letter(column), i), 9) for i in range(columns)
            )
            self.wrapped.setdefault(row, []).append((value, width))

    def fit_rows(self) -> None:
        """Row heights for wrapped texts, as Excel stores them after autofit (roughly: Arial
        10 fits about 1.2 characters per unit of column width, 12.75 points a line)."""
        for row, texts in sorted(self.wrapped.items()):
            lines = max(
                sum(-(-max(len(part), 1) // max(int(width * 1.2), 1)) for part in text.split("\n"))
                for text, width in texts
            )
            if lines > 1:
                self.height(row, 12.75 * lines)

    def _merge(self, span: str, value: Any, **style: Any) -> None:
        raise NotImplementedError

    def formula(self, ref: str, formula: str, cached: Any, **style: Any) -> None:
        """A formula; ``cached`` is the result Excel would have stored, None for none."""
        raise NotImplementedError

    def width(self, letter: str, width: float, *, hidden: bool = False) -> None:
        raise NotImplementedError

    def print_setup(self, repeat_rows: tuple[int, int]) -> None:
        """Landscape on F4/Folio, one page wide, header rows repeated: as lampiran print."""
        raise NotImplementedError

    def merge(self, span: str, value: Any, **style: Any) -> None:
        """Merge ``span`` ("A1:H1") and write ``value`` in it; a one-cell span is not merged
        (Excel calls a one-cell merge a corruption)."""
        first, last = span.split(":")
        if first == last:
            self.put(first, value, **style)
            return
        (r1, c1), (r2, c2) = _ref(first), _ref(last)
        self._merge(span, value, **style)
        noted = self.wrapped.get(r1, [])
        if noted and noted[-1][0] == value:
            noted.pop()  # put() noted it with one column's width
        if r1 == r2:  # a text merged across columns wraps in their total width
            self.note_wrapped(first, value, style, columns=c2 - c1 + 1)
        # a text merged down shares the height of its rows: leave them be

    def down(self, letter: str, first: int, last: int, value: Any, **style: Any) -> None:
        """``value`` merged down column ``letter`` from row ``first`` to row ``last``."""
        self.merge(f"{letter}{first}:{letter}{last}", value, **style)

    def row(self, ref: str, values: list[Any], **style: Any) -> None:
        """``values`` left to right from ``ref``; None leaves a cell empty (but styled)."""
        row, column = _ref(ref)
        for i, value in enumerate(values):
            self.put(f"{get_column_letter(column + i)}{row}", value, **style)

    def widths(self, letters: str, *widths: float) -> None:
        for letter, width in zip(letters, widths, strict=True):
            self.width(letter, width)

    def set_width(self, letter: str, width: float) -> None:
        self.widths_set[letter] = width


class OpenpyxlSheet(Sheet):
    def __init__(self, ws: Any) -> None:
        super().__init__()
        self.ws = ws
        self.name = ws.title

    def _style(self, cell: Any, style: dict[str, Any]) -> None:
        cell.font = Font(
            name="Arial",
            size=style.get("size", 10),
            bold=style.get("bold", False),
            italic=style.get("italic", False),
            underline="single" if style.get("underline") else None,
        )
        cell.alignment = Alignment(
            horizontal=style.get("align"),
            vertical=style.get("valign", "top"),
            wrap_text=style.get("wrap", False),
        )
        if style.get("border"):
            cell.border = BOX
        if "fmt" in style:
            cell.number_format = style["fmt"]

    def put(self, ref: str, value: Any, **style: Any) -> None:
        cell = self.ws[ref]
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text, not a formula
        self._style(cell, style)
        self.note_wrapped(ref, value, style)

    def _merge(self, span: str, value: Any, **style: Any) -> None:
        (r1, c1), (r2, c2) = (_ref(ref) for ref in span.split(":"))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                self._style(self.ws.cell(r, c), style)
        self.put(span.split(":")[0], value, **style)
        self.ws.merge_cells(span)

    def formula(self, ref: str, formula: str, cached: Any, **style: Any) -> None:
        if cached is not None:
            raise ValueError("openpyxl cannot store a cached value; use XlsxWriter")
        self.ws[ref] = formula
        self._style(self.ws[ref], style)

    def width(self, letter: str, width: float, *, hidden: bool = False) -> None:
        self.set_width(letter, width)
        self.ws.column_dimensions[letter].width = width
        self.ws.column_dimensions[letter].hidden = hidden

    def height(self, row: int, points: float) -> None:
        self.ws.row_dimensions[row].height = points

    def print_setup(self, repeat_rows: tuple[int, int]) -> None:
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = 14  # Folio 8.5 x 13 in, what offices call F4
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_title_rows = f"{repeat_rows[0]}:{repeat_rows[1]}"


class XlsxSheet(Sheet):
    def __init__(self, book: XlsxBook, ws: Any) -> None:
        super().__init__()
        self.book = book
        self.ws = ws
        self.name = ws.name

    def put(self, ref: str, value: Any, **style: Any) -> None:
        fmt = self.book.format(style)
        if value is None:
            self.ws.write_blank(ref, None, fmt)
        elif isinstance(value, str):
            self.ws.write_string(ref, value, fmt)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self.ws.write_number(ref, value, fmt)
        else:
            raise TypeError(value)
        self.note_wrapped(ref, value, style)

    def _merge(self, span: str, value: Any, **style: Any) -> None:
        self.ws.merge_range(span, "", self.book.format(style))
        self.put(span.split(":")[0], value, **style)

    def formula(self, ref: str, formula: str, cached: Any, **style: Any) -> None:
        # XlsxWriter stores 0 unless told otherwise; "" stores an empty result, which readers
        # see as no cached value, like a file generated and never opened in Excel.
        result = "" if cached is None else cached
        self.ws.write_formula(ref, formula, self.book.format(style), result)

    def width(self, letter: str, width: float, *, hidden: bool = False) -> None:
        self.set_width(letter, width)
        self.ws.set_column(f"{letter}:{letter}", width, None, {"hidden": hidden})

    def height(self, row: int, points: float) -> None:
        self.ws.set_row(row - 1, points)

    def print_setup(self, repeat_rows: tuple[int, int]) -> None:
        self.ws.set_landscape()
        self.ws.set_paper(14)
        self.ws.fit_to_pages(1, 0)
        self.ws.repeat_rows(repeat_rows[0] - 1, repeat_rows[1] - 1)


class Book:
    sheets: list[Sheet]

    def sheet(self, name: str) -> Sheet:
        raise NotImplementedError

    def activate(self, name: str) -> None:
        raise NotImplementedError

    def save(self) -> bytes:
        raise NotImplementedError


class OpenpyxlBook(Book):
    def __init__(self) -> None:
        self.sheets = []
        self.wb = openpyxl.Workbook()
        self.wb.remove(self.wb.active)
        self.wb.properties.creator = "Staf Perencanaan"
        self.wb.properties.created = FIXED  # the save sets "modified" to now: see stable_zip

    def sheet(self, name: str) -> Sheet:
        self.sheets.append(OpenpyxlSheet(self.wb.create_sheet(name)))
        return self.sheets[-1]

    def activate(self, name: str) -> None:
        self.wb.active = self.wb.sheetnames.index(name)

    def save(self) -> bytes:
        for sheet in self.sheets:
            sheet.fit_rows()
        out = io.BytesIO()
        self.wb.save(out)
        return out.getvalue()


class XlsxBook(Book):
    def __init__(self) -> None:
        self.sheets = []
        self.out = io.BytesIO()
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
        self.wb = xlsxwriter.Workbook(self.out, options)
        self.wb.set_properties({"created": FIXED, "author": "Staf Perencanaan"})
        self.formats: dict[tuple[Any, ...], Any] = {}

    def format(self, style: dict[str, Any]) -> Any:
        key = tuple(sorted(style.items()))
        if key not in self.formats:
            props: dict[str, Any] = {
                "font_name": "Arial",
                "font_size": style.get("size", 10),
                "valign": {"top": "top", "center": "vcenter"}[style.get("valign", "top")],
                "bold": style.get("bold", False),
                "italic": style.get("italic", False),
                "underline": 1 if style.get("underline") else 0,
                "border": 1 if style.get("border") else 0,
                "text_wrap": style.get("wrap", False),
            }
            if style.get("align"):
                props["align"] = style["align"]
            if "fmt" in style:
                props["num_format"] = style["fmt"]
            self.formats[key] = self.wb.add_format(props)
        return self.formats[key]

    def sheet(self, name: str) -> Sheet:
        self.sheets.append(XlsxSheet(self, self.wb.add_worksheet(name)))
        return self.sheets[-1]

    def activate(self, name: str) -> None:
        self.wb.get_worksheet_by_name(name).activate()

    def save(self) -> bytes:
        for sheet in self.sheets:
            sheet.fit_rows()
        self.wb.close()
        return self.out.getvalue()


def stable_zip(data: bytes, patch: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The same xlsx with fixed zip timestamps and fixed document dates, so that a rerun gives
    the same bytes; ``patch`` may rewrite members: (name, content) -> content."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                date = rb"\g<1>2024-01-01T00:00:00Z"
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", date, body)
            if patch is not None:
                body = patch(info.filename, body)
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, body)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Pieces every lampiran has


def kop(sh: Sheet, span: str, pemerintah: str, instansi: str, alamat: str | None = None) -> None:
    """The letterhead on rows 1-3 over columns ``span`` ("A:H")."""
    first, last = span.split(":")
    sh.merge(f"{first}1:{last}1", pemerintah, bold=True, align="center", size=14)
    sh.merge(f"{first}2:{last}2", instansi, bold=True, align="center", size=16)
    if alamat:
        sh.merge(f"{first}3:{last}3", alamat, align="center", italic=True)


def title_lines(sh: Sheet, first_row: int, span: str, lines: list[str]) -> int:
    """Bold centered lines merged over columns ``span`` ("A:H"); returns the next free row."""
    first, last = span.split(":")
    for i, line in enumerate(lines):
        r = first_row + i
        sh.merge(f"{first}{r}:{last}{r}", line, bold=True, align="center", size=12)
    return first_row + len(lines)


def signature(sh: Sheet, column: str, row: int, lines: list[str | None], span: int = 1) -> int:
    """A signature block: one line per row from ``row``, None for a blank row (the space for
    the signature and stamp). The name, the line after the blanks, is bold and underlined.
    ``span`` > 1 merges each line over that many columns. Returns the row after the block."""
    for i, line in enumerate(lines):
        if line is None:
            continue
        style: dict[str, Any] = {"align": "center"}
        if i > 0 and lines[i - 1] is None:
            style.update(bold=True, underline=True)
        sh.merge(f"{column}{row + i}:{col(column, span - 1)}{row + i}", line, **style)
    return row + len(lines)


def ttd(*head: str, nama: str, tail: tuple[str, ...] = (), blanks: int = 4) -> list[str | None]:
    """The lines of a signature block: place and date and jabatan (``head``), blank rows for
    the signature and stamp, the name, then pangkat and NIP (``tail``)."""
    return [*head, *([None] * blanks), nama, *tail]


@dataclass(frozen=True)
class Generated:
    name: str
    data: bytes
    expected: dict[str, Any]


def generated(
    name: str,
    book: Book,
    expected: dict[str, Any],
    patch: Callable[[str, bytes], bytes] | None = None,
) -> Generated:
    return Generated(name, stable_zip(book.save(), patch), _clean(expected))


# ---------------------------------------------------------------------------------------------
# The seed: Kecamatan Legok 2020 (tests/data/seed_legok_2020.txt), transcribed as printed,
# spelling included ("Prosentase", "difasiltasi"). check_seed_transcription() proves it.

LEGOK = "Kecamatan Legok"
LEGOK_NAMA = "Drs. TISNA HAMBALI R, SH,M.Si"  # "SH.M.Si" under the target table
LEGOK_NIP = "196206201987031006"
# Where the seed breaks the inovasi ALASAN onto a second row (a page break in the original).
INOVASI_BREAK = "Pengembangan pemikiran kreatif oleh satuan kerja dan Pemerintah"

# sasaran -> [(indikator, satuan, alasan, formulasi)]; sumber data is "Kecamatan Legok" for all.
# fmt: off
LEGOK_SASARAN: list[tuple[str, list[tuple[str, str, str, str]]]] = [
    ("Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup", [
        ("Prosentase Jumlah infrastruktur dasar dalam kondisi baik", "%",
         "Kualitas Infrastruktur dasar masyarakat yang baik dan lingkungan hidup yang terjaga "
         "menjadi penunjang Visi dan Misi yang ditetapkan oleh Bupati",
         "realisasi infrastruktur dasar kecamatan /Target yang direncanakan*100"),
        ("prosentase penurunan timbulan sampah", "%",
         "Masih banyaknya timbulan sampah diwilayah Kecamatan Legok",
         "Penurunan Timbulan sampah"),
    ]),
    ("Meningkatnya Pelayanan Masyarakat serta Meningkatkan Desa/Kelurahan dengan status "
     "Minimal Maju", [
        ("Prosentase desa dengan kategori minimal Maju", "%", "Peningkatan Status Desa",
         "Realisasi desa berkembang/target desa kategori minimal Maju*100"),
        ("Persentase desa dengan laporan pertanggungjawaban baik", "%",
         "Peningkatan Akuntabilitas Laporan Pertanggungjawaban Kepala Desa",
         "Realisasi desa dengan laporan pertanggung jawaban baik/Jumlah Desa*100"),
        ("Indeks Kepuasan Masyarakat", "Indeks",
         # typed with an Alt+Enter line break, as long cells often are
         "Indeks kepuasan masyarakat dapat menjadi bahan penilaian terhadap unsur pelayanan "
         "yang masih perlu perbaikan dan\nmenjadi pendorong setiap unit penyelenggara pelayanan "
         "untuk meningkatkan kualitas pelayanannya sekaligus sejauh menjadi penilaian sejauh "
         "mana kinerja pelayanan publik instansi",
         "nilai Indeks Kepuasan Masyarakat Kecamatan Legok"),
    ]),
    ("Meningkatnya ketentraman dan ketertiban umum", [
        ("Prosentase penurunan pelanggaran ketentraman dan ketertiban umum", "%",
         "Masih terjadinya Pelanggaran Ketentraman dan ketertiban",
         "akumulasi hasil angka penurunan / jumlah pelanggaran dan ketertiban tahun 2018 *100"),
        ("Jumlah konflik Ekonomi sosial dan politik", "%",
         "Kekhawatiran akan terjadinya masalah konflik ekonomi social dan politik yang bias "
         "kapan saja terjadi",
         "potensi konflik/Realisasi penanganan*100"),
    ]),
    ("Meningkatnya upaya pemberdayaan masyarakat", [
        ("Prosentase masyarakat yang difasiltasi dalam pemberdayaan masyarakat", "%",
         "Peningkatan sumberdaya manusia masyarakat Kecamatan Legok",
         "penduduk yang difasilitasi pemberdayaan masyarakat/target masyarakat yang akan "
         "difasilitasi*100"),
    ]),
    ("Meningkatnya inovasi kecamatan", [
        ("inovasi yang diimplementasikan", "Jumlah",
         INOVASI_BREAK + " Daerah dalam menciptakan inovasi pelayanan publik menjadi wadah atau "
         "saluran yang dapat dijadikan sarana untuk melakukan penilaian secara obyektif inovasi "
         "pelayanan publik yang memenuhi kriteria serta dilakukan dalam suasana yang kompetitif "
         "melalui Kompetisi Inovasi Pelayanan Publik.",
         "Jumlah Inovasi yang diimplementasikan di Kecamatan"),
    ]),
    ("Meningkatnya akuntabilitas Perangkat Daerah", [
        ("Nilai SAKIP Kecamatan Legok", "Angka", "Pentingnya peningkatan Nilai AKIP Kecamatan",
         "Nilai AKIP"),
    ]),
]
# fmt: on


def legok_seed_iku() -> Generated:
    """The seed's IKU lampiran as an office types it into Excel (openpyxl).

    Traps: kop rows (PEMERINTAH / KECAMATAN / Alamat) and the "Lampiran / Nomor / Tanggal"
    block top right, labels and ": value" in separate cells, the SK nomor with a blank
    ("900/ -Kec.Lgk/2020"); the year only in the SK nomor and tanggal (the title has none); a
    two-row header with PENJELASAN merged over ALASAN | FORMULASI/CARA PENGUKURAN | SUMBER DATA;
    NO and SASARAN merged vertically over their indicators (not merged where a sasaran has one
    row); NO typed "1." (text) for the first three sasaran and 4, 5, 6 (numbers) after; the
    inovasi ALASAN continued on the next row with every other cell empty; an Alt+Enter line
    break inside a cell; an empty KETERANGAN/KRITERIA column; no target, realisasi, polaritas
    or capaian anywhere ("Jumlah konflik" must not become negative); the signature block below
    with "Plt.CAMAT LEGOK" (no space) and "NIP. 1962..."; 10 indicators under 6 sasaran.
    """
    book = OpenpyxlBook()
    sh = book.sheet("Lampiran IKU")
    sh.widths("ABCDEFGH", 6, 28, 30, 9, 40, 32, 16, 16)
    kop(sh, "A:H", "PEMERINTAH KABUPATEN TANGERANG", "KECAMATAN LEGOK",
        "Alamat : Jl. Alun-alun Timur No. 01 Caringin, Legok Kabupaten Tangerang")  # fmt: skip
    sh.row("F5", ["Lampiran", ": Keputusan Plt. CAMAT LEGOK"])
    sh.row("F6", ["Nomor", ": 900/ -Kec.Lgk/2020"])
    sh.row("F7", ["Tanggal", ": Januari 2020"])
    title_lines(sh, 9, "A:H", ["INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN LEGOK",
                               "KABUPATEN TANGERANG"])  # fmt: skip
    for letter, text in zip("ABCD", ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA",
                                     "SATUAN"], strict=True):  # fmt: skip
        sh.down(letter, 13, 14, text, **H)
    sh.merge("E13:G13", "PENJELASAN", **H)
    sh.row("E14", ["ALASAN", "FORMULASI/CARA PENGUKURAN", "SUMBER DATA"], **H)
    sh.down("H", 13, 14, "KETERANGAN/KRITERIA", **H)
    sh.print_setup(repeat_rows=(13, 14))

    numbers: list[Any] = ["1.", "2.", "3.", 4, 5, 6]
    expected_sasaran = []
    r = 15
    for no, (sasaran, indikator) in zip(numbers, LEGOK_SASARAN, strict=True):
        first = r
        expected_indikator = []
        rest = ""  # the part of an ALASAN continued on the next row
        for uraian, satuan, alasan, formulasi in indikator:
            typed_alasan = alasan
            if alasan.startswith(INOVASI_BREAK):
                typed_alasan, rest = INOVASI_BREAK, alasan[len(INOVASI_BREAK) :].strip()
            sh.row(f"C{r}", [uraian, satuan, typed_alasan, formulasi, LEGOK, None], **B)
            expected_indikator.append(
                {"uraian": uraian, "satuan": satuan, "alasan": alasan, "formulasi": formulasi,
                 "sumber_data": LEGOK, "target": None, "polaritas": None, "akumulasi": None,
                 "capaian": None}
            )  # fmt: skip
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, sasaran, **B)
        if rest:  # the rest of the ALASAN, alone on its row
            sh.row(f"A{r}", [None] * 8, **B)
            sh.put(f"E{r}", rest, **B)
            r += 1
        expected_sasaran.append(
            {"no": str(no).rstrip("."), "uraian": sasaran, "indikator": expected_indikator}
        )
    lines = ttd(
        "Plt.CAMAT LEGOK", nama=LEGOK_NAMA, tail=("Pembina Tk.1/ IV.b", f"NIP. {LEGOK_NIP}")
    )
    signature(sh, "F", r + 2, lines, span=2)
    expected = {
        "_about": "The seed's IKU lampiran (first table), typed as printed.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN TANGERANG",
            "nama": "KECAMATAN LEGOK",
            "tahun": 2020,
            "sk_nomor": "900/ -Kec.Lgk/2020",
            "sk_tanggal": "Januari 2020",
        },
        "penandatangan": {
            "jabatan": "Plt.CAMAT LEGOK",
            "nama": LEGOK_NAMA,
            "pangkat": "Pembina Tk.1/ IV.b",
            "nip": LEGOK_NIP,
        },
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("legok_seed_iku", book, expected)


# ---------------------------------------------------------------------------------------------
# The target/anggaran table: the seed's second table and its relatives


@dataclass(frozen=True)
class Kegiatan:
    """A kegiatan row: its cells as typed, and what they mean."""

    cell: str  # the KEGIATAN cell: "1 Penataan ..." (number inside) or the name alone
    no: str
    nama: str
    target: str | int  # the output target as typed: "65 Titik"
    volume: Decimal | None
    satuan: str
    anggaran: Any  # as typed: "10,775,000,000", 795472000, ...
    nilai: Decimal | None  # the anggaran it means; None when it cannot be read
    program_cell: Any = None  # the kegiatan number, typed in the PROGRAM column


@dataclass(frozen=True)
class Program:
    cell: str  # the PROGRAM cell: "- Program ..."
    nama: str
    target: str | int
    anggaran: Any  # as typed, or SUM: =SUM() of its kegiatan with the cached value
    nilai: Decimal | None
    kegiatan: tuple[Kegiatan, ...]


@dataclass(frozen=True)
class TargetBlock:
    """One sasaran of the target table: its indicator and target on its first row."""

    no: Any
    sasaran: str
    indikator: str
    target: Any  # as typed; a float is a fraction under a % format
    nilai: Decimal | None  # the target it means (percent units)
    programs: tuple[Program, ...]
    merged: bool  # NO .. TARGET merged over the block, or written once with blanks below


SUM = "=SUM"
TARGET_HEADERS = ("NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "PROGRAM",
                  "KEGIATAN", "Target", "ANGGARAN")  # fmt: skip


def keg(
    cell: str,
    target: str | int,
    volume: str | None,
    satuan: str,
    anggaran: Any,
    nilai: str | None,
    program_cell: int | None = None,
) -> Kegiatan:
    """A kegiatan whose number leads its cell ("1 Nama", "1. Nama"), or, with
    ``program_cell``, is typed in a cell of its own left of the name."""
    if program_cell is None:
        match = re.fullmatch(r"(\d+)\.? (.+)", cell)
        if not match:
            raise ValueError(cell)
        no, nama = match.group(1), match.group(2)
    else:
        no, nama = str(program_cell), cell
    volume_value = None if volume is None else dec(volume)
    nilai_value = None if nilai is None else dec(nilai)
    return Kegiatan(
        cell, no, nama, target, volume_value, satuan, anggaran, nilai_value, program_cell
    )


def _money_style(value: Any) -> dict[str, Any]:
    if isinstance(value, (int, float)):
        return {**B, "align": "right", "fmt": "#,##0" if float(value).is_integer() else "#,##0.00"}
    return {**B, "align": "right"}


def target_table(
    sh: Sheet,
    row: int,
    blocks: list[TargetBlock],
    *,
    headers: tuple[str, ...] = TARGET_HEADERS,
    column_numbers: list[Any] | None = None,
) -> tuple[int, list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """Write a seed-style target table (columns A-H) with its header at ``row``.

    Returns the row after the table, the expected ``program`` and ``target_anggaran`` lists,
    and where each kegiatan's anggaran was written (nama -> "Sheet!H12")."""
    sh.row(f"A{row}", list(headers), **H)
    r = row + 1
    if column_numbers:
        sh.row(f"A{r}", column_numbers, **BC, italic=True)
        r += 1
    sh.print_setup(repeat_rows=(row, r - 1))
    programs: list[dict[str, Any]] = []
    sasaran: list[dict[str, Any]] = []
    cells: dict[str, str] = {}
    for block in blocks:
        first = r
        for program in block.programs:
            program_row = r
            sh.row(f"A{r}", [None] * 8, **B)
            sh.put(f"E{r}", program.cell, **B)
            sh.put(f"G{r}", program.target, **BC)
            r += 1
            expected_kegiatan = []
            for k in program.kegiatan:
                sh.row(f"A{r}", [None, None, None, None, k.program_cell, k.cell], **B)
                sh.put(f"G{r}", k.target, **BC)
                sh.put(f"H{r}", k.anggaran, **_money_style(k.anggaran))
                cells[k.nama] = f"{sh.name}!H{r}"
                item: dict[str, Any] = {"no": k.no, "nama": k.nama, "target": str(k.target),
                                        "target_volume": k.volume}  # fmt: skip
                if k.satuan:
                    item["target_satuan"] = k.satuan
                item["anggaran"] = k.nilai
                expected_kegiatan.append(item)
                r += 1
            if program.anggaran == SUM:
                cached = None if program.nilai is None else float(program.nilai)
                sum_formula = f"=SUM(H{program_row + 1}:H{r - 1})"
                sh.formula(f"H{program_row}", sum_formula, cached, **_money_style(0))
            else:
                sh.put(f"H{program_row}", program.anggaran, **_money_style(program.anggaran))
            programs.append(
                {"sasaran_no": str(block.no).rstrip("."), "nama": program.nama,
                 "target": str(program.target), "anggaran": program.nilai,
                 "kegiatan": expected_kegiatan}
            )  # fmt: skip
        target_style = {**BC, "fmt": P0} if isinstance(block.target, float) else BC
        for letter, value, style in [
            ("A", block.no, BC),
            ("B", block.sasaran, B),
            ("C", block.indikator, B),
            ("D", block.target, target_style),
        ]:
            sh.down(letter, first, r - 1 if block.merged else first, value, **style)
        indikator: dict[str, Any] = {"uraian": block.indikator}
        if isinstance(block.target, str):
            indikator["target"] = block.target
        indikator["nilai"] = block.nilai
        sasaran.append(
            {"no": str(block.no).rstrip("."), "uraian": block.sasaran, "indikator": [indikator]}
        )
    return r, programs, sasaran, cells


# fmt: off
LEGOK_TARGET = [
    TargetBlock(
        1, "Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup",
        "Prosentase Jumlah infrastruktur dasar dalam kondisi baik", "60%", dec("60"), (
            Program(
                "- Program Penataan Lingkungan Permukiman Perdesaan dan Perkotaan",
                "Program Penataan Lingkungan Permukiman Perdesaan dan Perkotaan",
                "100 %", "10,775,000,000", dec("10775000000"), (
                    keg("1 Penataan Lingkungan Perumahan dan Permukiman Perdesaan/Perkotaan",
                        "65 Titik", "65", "Titik", "10,775,000,000", "10775000000"),
                ),
            ),
            Program(
                "- Program Peningkatan dan Pemeliharaan Sarana Prasarana Di Kecamatan",
                "Program Peningkatan dan Pemeliharaan Sarana Prasarana Di Kecamatan",
                "100%", "1,907,048,100", dec("1907048100"), (
                    keg("1 Pembangunan/Peningkatan Jalan Kecamatan", "7 Titik", "7", "Titik",
                        "795,472,000", "795472000"),
                    keg("2 Pembangunan Saluran Drainase/Gorong-Gorong", "4 Titik", "4", "Titik",
                        "390,276,100", "390276100"),
                    keg("3 Pembangunan Turap/ Talud/Bronjong", "2 Titik", "2", "Titik",
                        "240,000,000", "240000000"),
                    keg("4 Perencanaan dan Pengawasan Konstruksi", "1 Dokumen", "1", "Dokumen",
                        "65,000,000", "65000000"),
                    keg("5 Pembangunan Sarana Gedung Wilayah Kecamatan", "1 Unit", "1", "Unit",
                        "200,000,000", "200000000"),
                    keg("6 Biaya Operasional Peningkatan Pelayanan Kebersihan", "9 Orang", "9",
                        "Orang", "216,300,000", "216300000"),
                ),
            ),
        ),
        merged=True,
    ),
    TargetBlock(
        2, "Meningkatnya Pelayanan Masyarakat serta Meningkatnya Desa/Kelurahan dengan status "
        "Minimal Maju", "Indeks Kepuasan Masyarakat", 90, dec("90"), (
            Program(
                "- Program Administrasi Pelayanan Umum di Kecamatan",
                "Program Administrasi Pelayanan Umum di Kecamatan",
                90, "1,032,455,000", dec("1032455000"), (
                    # the seed prints these kegiatan numbers in a cell of their own
                    keg("Fasilitasi dan Koordinasi Penyelenggaraan Pelayanan Administrasi "
                        "Terpadu Kecamatan (PATEN) Tingkat Kecamatan", "5 Orang", "5", "Orang",
                        "114,430,000", "114430000", 1),
                    keg("Pelayanan Umum Kelurahan Babakan", "100 %", "100", "%", "415,575,000",
                        "415575000", 2),
                    keg("Penunjang Operasional Kelurahan Babakan", "12 Orang", "12", "Orang",
                        "352,000,000", "352000000", 3),
                    keg("Pendistribusian SPPT PBB-P2", "2.345 Lembar", "2345", "Lembar",
                        "150,450,000", "150450000", 4),
                ),
            ),
        ),
        merged=False,
    ),
    TargetBlock(
        3, "Meningkatnya Tata Kelola Pemerintahan",
        "Jumlah Inovasi yang diimplementasikan di Kecamatan", None, None, (
            Program(
                "Program Pengembangan Inovasi Perangkat Daerah",  # no dash in the seed
                "Program Pengembangan Inovasi Perangkat Daerah",
                "1", "200.000.000", dec("200000000"), (
                    keg("Pengembangan Inovasi di Kecamatan", "1", "1", "", "200.000.000",
                        "200000000", 1),
                ),
            ),
        ),
        merged=False,
    ),
]
# fmt: on


def check_seed_transcription() -> None:
    """Every seed text used here is in the seed document (catches transcription slips)."""
    seed = norm(SEED.read_text(encoding="utf-8"))
    texts = [LEGOK_NAMA, "Pembina Tk.1/ IV.b", "900/ -Kec.Lgk/2020", INOVASI_BREAK]
    for sasaran, indikator in LEGOK_SASARAN:
        texts.append(sasaran)
        for uraian, _satuan, alasan, formulasi in indikator:
            texts += [uraian, formulasi, alasan.removeprefix(INOVASI_BREAK)]
    for block in LEGOK_TARGET:
        texts += [block.sasaran, block.indikator]
        for program in block.programs:
            texts += [program.nama, *(k.nama for k in program.kegiatan)]
            texts += [str(program.anggaran), *(k.anggaran for k in program.kegiatan)]
            texts += [f"{k.target} {k.anggaran}" for k in program.kegiatan]
    for text in texts:
        if norm(text) not in seed:
            raise AssertionError(f"not in the seed: {text!r}")


def legok_seed_target() -> Generated:
    """The seed's target/anggaran table (XlsxWriter).

    Traps: title lines "TARGET INDIKATOR KINERJA UTAMA (IKU)" / "OPD KECAMATAN LEGOK KABUPATEN
    TANGERANG" / "TAHUN ANGGARAN 2020" and no kop; two columns named TARGET (the indicator's,
    and the kegiatan's "Target"); the column-number row 1..8 under the header; "- Program ..."
    rows (the last program without the dash) carrying their own target and total; kegiatan
    numbered inside the text ("1 Penataan ...") in the first sasaran and in a cell of their own
    (the PROGRAM column) in the others; sasaran 1 merged over its rows, sasaran 2 and 3 written
    once with blanks below; money typed as text in US style "10,775,000,000" and Indonesian
    style "200.000.000" in the same column; "2.345 Lembar" (2345: Indonesian thousands); "100 %"
    and "100%"; a program target typed as the number 90; an indicator without a target; the
    signature "Legok, Januari 2020" block without pangkat, its name spelt "SH.M.Si" unlike the
    IKU lampiran.
    """
    book = XlsxBook()
    sh = book.sheet("Target IKU 2020")
    sh.widths("ABCDEFGH", 5, 30, 30, 9, 34, 40, 12, 17)
    title_lines(sh, 1, "A:H", ["TARGET INDIKATOR KINERJA UTAMA (IKU)",
                               "OPD KECAMATAN LEGOK KABUPATEN TANGERANG",
                               "TAHUN ANGGARAN 2020"])  # fmt: skip
    end, programs, sasaran, _ = target_table(sh, 5, LEGOK_TARGET, column_numbers=[*range(1, 9)])
    nama = "Drs. TISNA HAMBALI R, SH.M.Si"
    lines = ttd("Legok, Januari 2020", "Plt. CAMAT LEGOK", nama=nama, tail=(f"NIP. {LEGOK_NIP}",))
    signature(sh, "F", end + 2, lines, span=3)
    expected = {
        "_about": "The seed's target/anggaran table (second table), typed as printed.",
        "sheet": sh.name,
        "instansi": {"nama": "KECAMATAN LEGOK", "tahun": 2020},
        "penandatangan": {
            "jabatan": "Plt. CAMAT LEGOK",
            "nama": "Drs. TISNA HAMBALI R, SH.M.Si",
            "nip": LEGOK_NIP,
        },
        "target_anggaran": sasaran,
        "program": programs,
        # "2.345" in a file that also writes "10,775,000,000" may be reported as a guess
        "problems_forbidden": forbid("angka-ambigu"),
    }
    return generated("legok_seed_target", book, expected)


# ---------------------------------------------------------------------------------------------
# Invented kecamatan and dinas


def number_cell(text: str | None, percent: bool) -> tuple[Any, Decimal | None, dict[str, Any]]:
    """A number cell typed from its decimal ``text``: under a % format when ``percent`` (the
    cell holds the fraction 0.85, it means 85), else plain. Returns (value, meaning, style)."""
    if text is None:
        return None, None, BC
    value = dec(text)
    typed = int(value) if value == value.to_integral_value() else float(value)
    if percent:
        return typed, value * 100, {**BC, "fmt": P2 if len(text) > 4 else P0}
    return typed, value, BC


def sukamaju_pengukuran() -> Generated:
    """A kecamatan's quarterly pengukuran/monitoring table (openpyxl).

    Traps: NO | SASARAN | INDIKATOR | SATUAN | TARGET | REALISASI merged over TW I..TW IV |
    CAPAIAN (%); percentages stored as fractions under a % number format (0.8 shown "80%") for
    targets, realisasi and capaian, next to an Indeks indicator with plain numbers; the sasaran
    repeated on every row with small differences (case, a trailing space, "dlm" for "dalam")
    while NO is only on its first row; an empty TW I cell; a "Rata-rata capaian" row after each
    sasaran and a final "Jumlah" row, which are not indicators, next to an indicator named
    "Jumlah kegiatan ..." (with a non-breaking space and a trailing space in it), which is;
    spacer rows whose cells hold only a non-breaking space; the signature dated in the next year
    (the year is the title's).
    """
    book = OpenpyxlBook()
    sh = book.sheet("Pengukuran TW IV")
    sh.widths("ABCDEFGHIJ", 5, 30, 40, 10, 10, 9, 9, 9, 9, 12)
    kop(sh, "A:J", "PEMERINTAH KABUPATEN BOGOR", "KECAMATAN SUKAMAJU",
        "Jl. Raya Sukamaju No. 12 Telp. (0251) 8612345")  # fmt: skip
    title_lines(sh, 5, "A:J", ["PENGUKURAN KINERJA TRIWULAN IV", "TAHUN 2024"])
    for letter, text in zip("ABCDE", ["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET"],
                            strict=True):  # fmt: skip
        sh.down(letter, 8, 9, text, **H)
    sh.merge("F8:I8", "REALISASI", **H)
    sh.row("F9", ["TW I", "TW II", "TW III", "TW IV"], **H)
    sh.down("J", 8, 9, "CAPAIAN (%)", **H)
    sh.print_setup(repeat_rows=(8, 9))

    # (NO, SASARAN as typed on the row, INDIKATOR, SATUAN, TARGET, [TW I..IV], CAPAIAN):
    # decimal texts; "%" indicators hold fractions, and every CAPAIAN is a fraction.
    # fmt: off
    groups = [
        [
            ("1", "Meningkatnya kualitas pelayanan publik",
             "Persentase pelayanan administrasi kependudukan selesai tepat waktu", "%",
             "0.8", ["0.6", "0.7", "0.78", "0.84"], "1.05"),
            (None, "Meningkatnya Kualitas Pelayanan Publik", "Indeks Kepuasan Masyarakat",
             "Indeks", "85", ["80", "82.5", "84", "86.7"], "1.02"),
            (None, "Meningkatnya kualitas pelayanan publik ",
             "Persentase pengaduan masyarakat yang ditindaklanjuti", "%", "1",
             ["0.75", "0.8", "0.9", "0.95"], "0.95"),
        ],
        [
            ("2", "Meningkatnya partisipasi masyarakat dalam pembangunan",
             "Persentase usulan musrenbang desa yang terakomodir", "%", "0.6",
             [None, "0.25", "0.4", "0.6"], "1"),
            (None, "Meningkatnya partisipasi masyarakat dlm pembangunan",
             "Jumlah kegiatan pemberdayaan\u00a0masyarakat ", "Kegiatan", "24",
             ["5", "6", "7", "6"], "1"),
        ],
        [
            ("3", "Terwujudnya ketentraman dan ketertiban umum",
             "Persentase penegakan Perda dan Perkada", "%", "0.75",
             ["0.1", "0.3", "0.55", "0.72"], "0.96"),
        ],
    ]
    # fmt: on
    expected_sasaran = []
    capaian_all: list[Decimal] = []
    r = 10
    for g, group in enumerate(groups):
        indikator = []
        capaian_group: list[Decimal] = []
        for no, sasaran, uraian, satuan, target, tws, capaian in group:
            percent = satuan == "%"
            sh.row(f"A{r}", [no, sasaran, uraian, satuan], **B)
            meanings = []  # of TARGET and TW I..IV
            for letter, text in zip("EFGHI", [target, *tws], strict=True):
                typed, meaning, style = number_cell(text, percent)
                sh.put(f"{letter}{r}", typed, **style)
                meanings.append(meaning)
            typed, capaian_value, style = number_cell(capaian, True)
            sh.put(f"J{r}", typed, **style)
            capaian_group.append(dec(capaian))
            indikator.append(
                {"uraian": uraian, "satuan": satuan, "target": meanings[0],
                 "realisasi": tw(*meanings[1:]), "polaritas": None, "akumulasi": None,
                 "capaian": capaian_value}
            )  # fmt: skip
            r += 1
        expected_sasaran.append({"no": group[0][0], "uraian": group[0][1], "indikator": indikator})
        sh.row(f"A{r}", [None, None], **B)
        sh.merge(f"C{r}:I{r}", "Rata-rata capaian", **B, bold=True)
        mean = round(sum(capaian_group) / len(capaian_group), 4)
        sh.put(f"J{r}", float(mean), **BC, bold=True, fmt=P2)
        capaian_all += capaian_group
        r += 1
        if g < len(groups) - 1:  # a spacer row of non-breaking spaces
            sh.row(f"A{r}", [NBSP] * 10)
            r += 1
    sh.merge(f"A{r}:I{r}", "Jumlah", **BC, bold=True)
    sh.put(f"J{r}", float(sum(capaian_all)), **BC, bold=True, fmt=P2)
    lines = ttd(
        "Sukamaju, 10 Januari 2025",
        "CAMAT SUKAMAJU",
        nama="HENDRA GUNAWAN, S.STP, M.Si",
        tail=("Pembina / IV.a", "NIP. 19780415 199703 1 002"),
    )
    signature(sh, "G", r + 2, lines, span=4)
    expected = {
        "_about": "Quarterly pengukuran of an invented kecamatan; % values under % formats.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN BOGOR",
            "nama": "KECAMATAN SUKAMAJU",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "CAMAT SUKAMAJU",
            "nama": "HENDRA GUNAWAN, S.STP, M.Si",
            "pangkat": "Pembina / IV.a",
            "nip": "197804151997031002",
        },
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("sukamaju_pengukuran_2024", book, expected)


def garut_dinkes_iku() -> Generated:
    """A dinas IKU table with a TUJUAN column and its own column order (XlsxWriter).

    Traps: kop "PEMERINTAH KABUPATEN GARUT" / "DINAS KESEHATAN" while the title says "DINAS
    KESEHATAN KABUPATEN GARUT"; a one-row header in another order (No | Tujuan | Sasaran |
    [hidden] | Indikator Kinerja | Formulasi | satuan | Target 2023 | Sumber Data | Alasan);
    spellings "Indikator Kinerja", "Formulasi", "Sumber Data " (trailing space), "satuan" (lower
    case), line breaks inside headers ("Sasaran/Strategis", "Alasan Pemilihan/Indikator"); a
    hidden "Penanggung Jawab" column between SASARAN and INDIKATOR; TUJUAN and SASARAN written
    once with blank cells below (no merges), one tujuan over two sasaran; an ALASAN continued
    on the next row; satuan "per 100.000 KH" (a number inside a unit) and a target 7.5;
    "Angka Kematian ..." whose polaritas is not stated (null: wording is no polarity); a
    jabatan on two rows ("KEPALA DINAS KESEHATAN" / "KABUPATEN GARUT") read as one.
    """
    book = XlsxBook()
    sh = book.sheet("IKU Dinkes")
    sh.widths("ABCEFGHIJ", 5, 24, 26, 32, 32, 12, 10, 18, 30)
    sh.width("D", 16, hidden=True)
    kop(sh, "A:J", "PEMERINTAH KABUPATEN GARUT", "DINAS KESEHATAN",
        "Jl. Proklamasi No. 7 Tarogong Kidul, Garut 44151")  # fmt: skip
    title_lines(sh, 5, "A:J", ["INDIKATOR KINERJA UTAMA", "DINAS KESEHATAN KABUPATEN GARUT",
                               "TAHUN 2023"])  # fmt: skip
    headers = ["No", "Tujuan", "Sasaran\nStrategis", "Penanggung\nJawab", "Indikator Kinerja",
               "Formulasi", "satuan", "Target 2023", "Sumber Data ",
               "Alasan Pemilihan\nIndikator"]  # fmt: skip
    sh.row("A9", headers, **H)
    sh.print_setup(repeat_rows=(9, 9))
    kesmas, p2p, yankes = "Bidang Kesehatan Masyarakat", "Bidang P2P", "Bidang Pelayanan Kesehatan"
    # (NO, TUJUAN, SASARAN, PJ, INDIKATOR, FORMULASI, SATUAN, TARGET, SUMBER, ALASAN,
    #  the ALASAN's continuation on the next row)
    # fmt: off
    rows = [
        ("1", "Meningkatkan derajat kesehatan masyarakat", "Meningkatnya kesehatan ibu dan anak",
         "Seksi Kesga", "Angka Kematian Ibu (AKI)",
         "Jumlah kematian ibu / jumlah kelahiran hidup x 100.000", "per 100.000 KH", 95, kesmas,
         "Menggambarkan keberhasilan upaya kesehatan ibu",
         "selama kehamilan, persalinan dan nifas"),
        (None, None, None, "Seksi Kesga", "Angka Kematian Bayi (AKB)",
         "Jumlah kematian bayi / jumlah kelahiran hidup x 1.000", "per 1.000 KH", 7.5, kesmas,
         "Menggambarkan derajat kesehatan bayi", None),
        (None, None, None, "Seksi Gizi", "Persentase balita gizi buruk yang mendapat perawatan",
         "Balita gizi buruk yang dirawat / seluruh balita gizi buruk x 100", "%", 100, kesmas,
         "Mengukur penanganan kasus gizi buruk", None),
        ("2", None, "Meningkatnya pengendalian penyakit menular", "Seksi P2PM",
         "Persentase kasus TBC yang diobati sampai sembuh",
         "Kasus TBC sembuh / kasus TBC yang diobati x 100", "%", 90, p2p,
         "Mengukur keberhasilan pengobatan TBC", None),
        (None, None, None, "Seksi Surveilans", "Cakupan imunisasi dasar lengkap",
         "Bayi yang diimunisasi lengkap / sasaran bayi x 100", "%", 95, p2p,
         "Mencegah penyakit yang dapat dicegah dengan imunisasi", None),
        ("3", "Meningkatkan mutu pelayanan kesehatan",
         "Meningkatnya mutu fasilitas pelayanan kesehatan", "Seksi Mutu",
         "Persentase puskesmas terakreditasi paripurna",
         "Puskesmas terakreditasi paripurna / jumlah puskesmas x 100", "%", 40, yankes,
         "Akreditasi menjamin mutu layanan", None),
        (None, None, None, "Seksi Mutu", "Indeks Kepuasan Masyarakat terhadap pelayanan kesehatan",
         "Nilai rata-rata survei kepuasan masyarakat", "Indeks", 82, yankes,
         "Mengukur kepuasan pengguna layanan", None),
    ]
    # fmt: on
    expected_sasaran: list[dict[str, Any]] = []
    tujuan = ""
    r = 10
    for no, tuj, sasaran, pj, uraian, formulasi, satuan, target, sumber, alasan, more in rows:
        sh.row(f"A{r}", [no, tuj, sasaran, pj, uraian, formulasi, satuan], **B)
        sh.put(f"H{r}", target, **BC)
        sh.row(f"I{r}", [sumber, alasan], **B)
        r += 1
        if more:  # the ALASAN goes on in the next row, every other cell empty
            sh.row(f"A{r}", [None] * 9 + [more], **B)
            alasan = f"{alasan} {more}"
            r += 1
        tujuan = tuj or tujuan
        if sasaran:
            expected_sasaran.append(
                {"no": no, "uraian": sasaran, "tujuan": tujuan, "indikator": []}
            )
        expected_sasaran[-1]["indikator"].append(
            {"uraian": uraian, "satuan": satuan, "alasan": alasan, "formulasi": formulasi,
             "sumber_data": sumber, "target": dec(target), "polaritas": None, "akumulasi": None}
        )  # fmt: skip
    lines = ttd(
        "Garut, 2 Januari 2023",
        "KEPALA DINAS KESEHATAN",
        "KABUPATEN GARUT",
        nama="dr. LEONARDI HASAN, M.Kes",
        tail=("Pembina Utama Muda", "NIP. 19690823 199803 1 005"),
    )
    signature(sh, "H", r + 2, lines, span=3)
    expected = {
        "_about": "An invented dinas IKU: tujuan column, own column order, hidden column.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN GARUT",
            "nama": "DINAS KESEHATAN",
            "tahun": 2023,
        },
        "penandatangan": {
            "jabatan": "KEPALA DINAS KESEHATAN KABUPATEN GARUT",
            "nama": "dr. LEONARDI HASAN, M.Kes",
            "pangkat": "Pembina Utama Muda",
            "nip": "196908231998031005",
        },
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("garut_dinkes_iku_2023", book, expected)


def mekarsari_persen_teks() -> Generated:
    """A yearly pengukuran table whose percentages are typed as text (openpyxl).

    Traps: targets and realisasi as text "60%", "60 %", "85 %", "93,75%" (decimal comma),
    "70,50" (decimal comma, no sign, satuan %), "82,5" for an Indeks; headers "Target 2024",
    "Realisasi 2024" (one realisasi column: the year's value, ``realisasi.tahun``) and
    "Capaian (%)" holding plain numbers (60 means 60%) and the text "96,97"; SASARAN merged over
    its rows; a KETERANGAN column of words; "Plt." in the jabatan.
    """
    book = OpenpyxlBook()
    sh = book.sheet("Pengukuran 2024")
    sh.widths("ABCDEFGH", 5, 30, 40, 9, 12, 12, 11, 18)
    kop(sh, "A:H", "PEMERINTAH KABUPATEN WANAJAYA", "KECAMATAN MEKARSARI")
    title_lines(sh, 4, "A:H", ["PENGUKURAN KINERJA TAHUN 2024"])
    headers = ["No", "Sasaran", "Indikator", "Satuan", "Target 2024", "Realisasi 2024",
               "Capaian (%)", "Keterangan"]  # fmt: skip
    sh.row("A6", headers, **H)
    sh.print_setup(repeat_rows=(6, 6))
    # (INDIKATOR, SATUAN, TARGET typed, meaning, REALISASI typed, meaning, CAPAIAN typed,
    #  meaning, KETERANGAN)
    # fmt: off
    groups = [
        ("1", "Meningkatnya tata kelola pemerintahan desa", [
            ("Persentase desa dengan APBDes ditetapkan tepat waktu", "%", "60%", "60", "60 %",
             "60", 100, "100", "Tercapai"),
            ("Persentase layanan PATEN sesuai SOP", "%", "100%", "100", "93,75%", "93.75",
             93.75, "93.75", "Belum tercapai"),
        ]),
        ("2", "Meningkatnya ketentraman, ketertiban dan pelayanan", [
            ("Persentase penyelesaian sengketa batas desa", "%", "70,50", "70.5", "70,50",
             "70.5", 100, "100", "Tercapai"),
            ("Indeks Kepuasan Masyarakat", "Indeks", "82,5", "82.5", "80", "80", "96,97",
             "96.97", "Belum tercapai"),
            ("Persentase sarana prasarana kantor dalam kondisi baik", "%", "85 %", "85", "51%",
             "51", 60, "60", "Belum tercapai"),
        ]),
    ]
    # fmt: on
    expected_sasaran = []
    r = 7
    for no, sasaran, rows in groups:
        first = r
        indikator = []
        for uraian, satuan, target, t_val, real, r_val, capaian, c_val, ket in rows:
            sh.row(f"C{r}", [uraian, satuan], **B)
            sh.row(f"E{r}", [target, real, capaian], **BC)
            sh.put(f"H{r}", ket, **B)
            indikator.append(
                {"uraian": uraian, "satuan": satuan, "target": dec(t_val),
                 "realisasi": {"tahun": dec(r_val)}, "capaian": dec(c_val), "keterangan": ket,
                 "polaritas": None, "akumulasi": None}
            )  # fmt: skip
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, sasaran, **B)
        expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": indikator})
    lines = ttd(
        "Mekarsari, 15 Januari 2025",
        "Plt. CAMAT MEKARSARI",
        nama="AGUS SETIAWAN, S.Sos",
        tail=("Penata Tk. I / III.d", "NIP. 198301122005011003"),
    )
    signature(sh, "F", r + 2, lines, span=3)
    expected = {
        "_about": "Percentages typed as text, decimal commas, a yearly realisasi column.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN WANAJAYA",
            "nama": "KECAMATAN MEKARSARI",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "Plt. CAMAT MEKARSARI",
            "nama": "AGUS SETIAWAN, S.Sos",
            "pangkat": "Penata Tk. I / III.d",
            "nip": "198301122005011003",
        },
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("mekarsari_persen_teks_2024", book, expected)


def margamulya_banyak_sheet() -> Generated:
    """Several sheets: cover, a rencana aksi distractor, the IKU table, the target table
    (openpyxl).

    Traps: the active sheet is the prose cover (sheet 1); sheet 2 "Rencana Aksi" is a table
    with TW I..TW IV columns full of "v" marks and no indicator, which is not an IKU, target or
    pengukuran table; the IKU table is on sheet 3 and the target/anggaran table on sheet 4, and
    both go into one document (``sheet`` names the IKU sheet); anggaran as real numbers under
    a #,##0 format; kegiatan numbered "1. ..." (with a dot) inside the text; no column-number
    row; the kegiatan's target column headed "TARGET" like the indicator's.
    """
    book = OpenpyxlBook()
    cover = book.sheet("Cover")
    cover.width("A", 90)
    # fmt: off
    cover_lines = [
        ("LAPORAN KINERJA INSTANSI PEMERINTAH", 18), ("(LKjIP)", 14),
        ("KECAMATAN MARGAMULYA", 16), ("TAHUN 2022", 14),
        ("Laporan ini disusun sebagai bentuk pertanggungjawaban atas pelaksanaan tugas dan "
         "fungsi Kecamatan Margamulya dalam mencapai sasaran yang ditetapkan dalam Rencana "
         "Strategis.", 11),
        ("PEMERINTAH KABUPATEN SUKARAJA", 14),
    ]
    # fmt: on
    for i, (text, size) in enumerate(cover_lines):
        cover.put(f"A{6 + 2 * i}", text, bold=size > 11, align="center", wrap=True, size=size)

    aksi = book.sheet("Rencana Aksi")
    aksi.widths("ABCDEFGH", 5, 36, 36, 7, 7, 7, 7, 20)
    title_lines(aksi, 1, "A:H", ["RENCANA AKSI KECAMATAN MARGAMULYA TAHUN 2022"])
    aksi.row("A3", ["NO", "KEGIATAN", "RENCANA AKSI", "TW I", "TW II", "TW III", "TW IV",
                    "PENANGGUNG JAWAB"], **H)  # fmt: skip
    # fmt: off
    aksi.row("A4", [1, "Penyelenggaraan Urusan Pemerintahan Umum", "Rapat koordinasi Muspika",
                    "v", "v", "v", "v", "Sekretaris Camat"], **B)
    aksi.row("A5", [2, "Peningkatan Kualitas Pelayanan PATEN", "Survei kepuasan masyarakat",
                    None, "v", None, "v", "Kasi Pelayanan"], **B)
    aksi.row("A6", [3, "Fasilitasi Penyusunan Laporan Desa", "Bimbingan teknis LPPDes",
                    "v", None, None, None, "Kasi Pemerintahan"], **B)
    # fmt: on

    iku = book.sheet("IKU")
    iku.widths("ABCDEF", 5, 32, 36, 9, 40, 22)
    kop(iku, "A:F", "PEMERINTAH KABUPATEN SUKARAJA", "KECAMATAN MARGAMULYA")
    title_lines(iku, 4, "A:F", ["INDIKATOR KINERJA UTAMA (IKU) TAHUN 2022"])
    iku.row("A6", ["NO", "SASARAN", "INDIKATOR KINERJA UTAMA", "SATUAN", "FORMULASI",
                   "SUMBER DATA"], **H)  # fmt: skip
    iku.print_setup(repeat_rows=(6, 6))
    # fmt: off
    sasaran_iku = [
        ("1", "Meningkatnya kualitas pelayanan publik kecamatan", [
            ("Indeks Kepuasan Masyarakat", "Indeks", "Nilai IKM hasil survei kepuasan masyarakat",
             "Survei IKM Kecamatan"),
            ("Persentase pelayanan PATEN yang selesai tepat waktu", "%",
             "Jumlah layanan tepat waktu / jumlah layanan x 100", "Seksi Pelayanan"),
        ]),
        ("2", "Meningkatnya pembinaan pemerintahan desa", [
            ("Persentase desa yang menyampaikan LPPDes tepat waktu", "%",
             "Desa yang menyampaikan LPPDes tepat waktu / jumlah desa x 100",
             "Seksi Pemerintahan"),
        ]),
        ("3", "Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Nilai SAKIP Kecamatan", "Nilai", "Nilai hasil evaluasi SAKIP oleh Inspektorat",
             "Inspektorat Daerah"),
        ]),
    ]
    # fmt: on
    expected_sasaran = []
    r = 7
    for no, sasaran, rows in sasaran_iku:
        first = r
        indikator = []
        for uraian, satuan, formulasi, sumber in rows:
            iku.row(f"C{r}", [uraian, satuan, formulasi, sumber], **B)
            indikator.append(
                {"uraian": uraian, "satuan": satuan, "formulasi": formulasi, "sumber_data": sumber}
            )
            r += 1
        iku.down("A", first, r - 1, no, **BC)
        iku.down("B", first, r - 1, sasaran, **B)
        expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": indikator})
    lines = ttd(
        "Margamulya, 5 Januari 2022",
        "CAMAT MARGAMULYA",
        nama="Drs. ASEP SAEPUDIN, M.Si",
        tail=("Pembina Tk. I / IV.b", "NIP. 19700909 199103 1 004"),
    )
    signature(iku, "D", r + 2, lines, span=3)

    target = book.sheet("Target & Anggaran")
    target.widths("ABCDEFGH", 5, 30, 30, 9, 34, 40, 12, 17)
    title_lines(target, 1, "A:H", ["TARGET KINERJA DAN ANGGARAN TAHUN 2022"])
    # fmt: off
    blocks = [
        TargetBlock(
            1, "Meningkatnya kualitas pelayanan publik kecamatan", "Indeks Kepuasan Masyarakat",
            82, dec("82"), (
                Program(
                    "- Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                    "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                    "100%", 612750000, dec("612750000"), (
                        keg("1. Penyelenggaraan Urusan Pemerintahan Umum", "12 Bulan", "12",
                            "Bulan", 412750000, "412750000"),
                        keg("2. Peningkatan Kualitas Pelayanan PATEN", "1 Paket", "1", "Paket",
                            200000000, "200000000"),
                    ),
                ),
            ),
            merged=True,
        ),
        TargetBlock(
            2, "Meningkatnya pembinaan pemerintahan desa",
            "Persentase desa yang menyampaikan LPPDes tepat waktu", "100%", dec("100"), (
                Program(
                    "- Program Pembinaan dan Pengawasan Pemerintahan Desa",
                    "Program Pembinaan dan Pengawasan Pemerintahan Desa",
                    "100%", 185000000, dec("185000000"), (
                        keg("1. Fasilitasi Penyusunan Laporan Desa", "11 Desa", "11", "Desa",
                            185000000, "185000000"),
                    ),
                ),
            ),
            merged=True,
        ),
    ]
    # fmt: on
    headers = (*TARGET_HEADERS[:6], "TARGET", "ANGGARAN (Rp)")
    _, programs, target_sasaran, _ = target_table(target, 3, blocks, headers=headers)
    book.activate("Cover")
    expected = {
        "_about": "Cover, rencana aksi distractor, IKU on sheet 3, target table on sheet 4.",
        "sheet": "IKU",
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN SUKARAJA",
            "nama": "KECAMATAN MARGAMULYA",
            "tahun": 2022,
        },
        "penandatangan": {
            "jabatan": "CAMAT MARGAMULYA",
            "nama": "Drs. ASEP SAEPUDIN, M.Si",
            "pangkat": "Pembina Tk. I / IV.b",
            "nip": "197009091991031004",
        },
        "sasaran": expected_sasaran,
        "target_anggaran": target_sasaran,
        "program": programs,
        "problems_forbidden": forbid(),
    }
    return generated("margamulya_banyak_sheet_2022", book, expected)


def tanjungraya_pk() -> Generated:
    """A Perjanjian Kinerja lampiran with two signatories side by side (XlsxWriter).

    Traps: title "PERJANJIAN KINERJA TAHUN 2024" / "DINAS PENDIDIKAN" / "KOTA TANJUNG RAYA";
    No | Sasaran Strategis | Indikator Kinerja | Target (no SATUAN column) with targets 0.985
    under a 0.0% format, the text "85%", 0.9 under 0% and a plain 70 for the indicator
    "Rata-rata nilai Asesmen Nasional" (an indicator, not an average row); then No | Program |
    Anggaran (Rp) with real numbers and a "Jumlah" row (a =SUM with its cached value) that is
    not a program; PIHAK KEDUA (Wali Kota, no NIP) on the left and PIHAK PERTAMA (Kepala Dinas,
    NIP printed "19700512 199503 1 002") on the right, on the same rows, under one place and
    date. ``penandatangan`` is PIHAK PERTAMA, the head of the instansi; ``penandatangan_semua``
    holds both, left to right.
    """
    book = XlsxBook()
    sh = book.sheet("PK 2024")
    sh.widths("ABCD", 5, 36, 40, 14)
    title_lines(sh, 1, "A:D", ["PERJANJIAN KINERJA TAHUN 2024", "DINAS PENDIDIKAN",
                               "KOTA TANJUNG RAYA"])  # fmt: skip
    sh.row("A5", ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"], **H)
    sh.print_setup(repeat_rows=(5, 5))
    # (NO, SASARAN, INDIKATOR, TARGET typed, its format, meaning)
    # fmt: off
    rows = [
        ("1", "Meningkatnya akses pendidikan dasar", "Angka Partisipasi Murni (APM) SD",
         0.985, P1, "98.5"),
        (None, None, "Angka Partisipasi Murni (APM) SMP", "85%", None, "85"),
        ("2", "Meningkatnya mutu pendidikan dasar", "Persentase sekolah terakreditasi minimal B",
         0.9, P0, "90"),
        (None, None, "Rata-rata nilai Asesmen Nasional", 70, None, "70"),
    ]
    # fmt: on
    expected_sasaran: list[dict[str, Any]] = []
    for r, (no, sasaran, uraian, target, fmt, meaning) in enumerate(rows, start=6):
        if no:
            sh.down("A", r, r + 1, no, **BC)
            sh.down("B", r, r + 1, sasaran, **B)
            expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": []})
        sh.put(f"C{r}", uraian, **B)
        sh.put(f"D{r}", target, **BC, **({"fmt": fmt} if fmt else {}))
        expected_sasaran[-1]["indikator"].append(
            {"uraian": uraian, "target": dec(meaning), "polaritas": None, "akumulasi": None}
        )
    sh.row("A12", ["No", "Program", "Anggaran (Rp)"], **H)
    programs = [
        ("Program Pengelolaan Pendidikan", 245750000000),
        ("Program Pengembangan Kurikulum", 1250000000),
        ("Program Pendidik dan Tenaga Kependidikan", 3480500000),
        ("Program Pengendalian Perizinan Pendidikan", 150000000),
    ]
    for i, (nama, anggaran) in enumerate(programs):
        sh.row(f"A{13 + i}", [i + 1, nama], **B)
        sh.put(f"C{13 + i}", anggaran, **B, fmt="#,##0", align="right")
    sh.merge("A17:B17", "Jumlah", **BC, bold=True)
    total = sum(a for _, a in programs)
    sh.formula("C17", "=SUM(C13:C16)", total, **B, bold=True, fmt="#,##0", align="right")

    sh.put("C19", "Tanjung Raya, 2 Januari 2024", align="center")
    left = ttd("PIHAK KEDUA,", "WALI KOTA TANJUNG RAYA", nama="H. ANDI SURYADI, S.E., M.M.")
    right = ttd(
        "PIHAK PERTAMA,",
        "KEPALA DINAS PENDIDIKAN",
        nama="Dr. SITI NURHALIZA, M.Pd.",
        tail=("Pembina Utama Muda", "NIP. 19700512 199503 1 002"),
    )
    signature(sh, "B", 20, left)
    signature(sh, "C", 20, right)
    pihak_pertama = {
        "jabatan": "KEPALA DINAS PENDIDIKAN",
        "nama": "Dr. SITI NURHALIZA, M.Pd.",
        "pangkat": "Pembina Utama Muda",
        "nip": "197005121995031002",
    }
    pihak_kedua = {"jabatan": "WALI KOTA TANJUNG RAYA", "nama": "H. ANDI SURYADI, S.E., M.M."}
    expected = {
        "_about": "A PK lampiran: sasaran/indikator/target, program/anggaran, two signatories.",
        "sheet": sh.name,
        "instansi": {"nama": "DINAS PENDIDIKAN", "tahun": 2024},
        "penandatangan": pihak_pertama,
        "penandatangan_semua": [
            {"peran": "pihak_kedua", **pihak_kedua},
            {"peran": "pihak_pertama", **pihak_pertama},
        ],
        "sasaran": expected_sasaran,
        "program": [{"nama": nama, "anggaran": dec(a)} for nama, a in programs],
        "problems_forbidden": forbid(),
    }
    return generated("tanjungraya_pk_2024", book, expected)


def mekarjaya_uang_campur() -> Generated:
    """Money typed every way in one target/anggaran table (openpyxl).

    Traps: in one ANGGARAN column: numbers under #,##0 and #,##0.00 formats, "Rp 1.250.000.000",
    "Rp. 250.000.000,00", "Rp 12.345.678,50" (cents, not 1.23...), "1,907,048,100" (US style),
    "1500000000.00" (a decimal point, not x100), "57.501.234"; "1.234" in a column otherwise
    written the Indonesian way (read 1234, reported ``angka-ambigu``); "12.5OO.000" with the
    letter O for zero (null, reported ``angka-rusak``, never guessed); the indicator target
    0.85 under a % format; header "ANGGARAN (Rp)"; both target columns headed "TARGET".
    """
    book = OpenpyxlBook()
    sh = book.sheet("Target Anggaran")
    sh.widths("ABCDEFGH", 5, 28, 30, 9, 36, 36, 14, 20)
    kop(sh, "A:H", "PEMERINTAH KABUPATEN MEKARJAYA", "DINAS PERHUBUNGAN")
    title_lines(sh, 4, "A:H", ["TARGET INDIKATOR KINERJA UTAMA (IKU)", "TAHUN ANGGARAN 2024"])
    # fmt: off
    blocks = [
        TargetBlock(
            1, "Meningkatnya keselamatan dan kualitas layanan transportasi darat",
            "Persentase kendaraan wajib uji yang lulus uji", 0.85, dec("85"), (
                Program(
                    "- Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan",
                    "Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan",
                    "100%", 3419393778.5, dec("3419393778.5"), (
                        keg("1. Penyediaan Perlengkapan Jalan", "120 Unit", "120", "Unit",
                            "Rp 1.250.000.000", "1250000000"),
                        keg("2. Pengujian Kendaraan Bermotor", "12 Bulan", "12", "Bulan",
                            "Rp. 250.000.000,00", "250000000"),
                        keg("3. Pengelolaan Terminal Penumpang Tipe C", "3 Terminal", "3",
                            "Terminal", "1,907,048,100", "1907048100"),
                        keg("4. Pemeliharaan Alat Pengujian Kendaraan", "2 Paket", "2", "Paket",
                            "Rp 12.345.678,50", "12345678.50"),
                    ),
                ),
                Program(
                    "- Program Pengelolaan Perparkiran", "Program Pengelolaan Perparkiran",
                    "100 %", "57.501.234", dec("57501234"), (
                        keg("1. Penyediaan Rambu Parkir", "10 Unit", "10", "Unit", "1.234",
                            "1234"),
                        keg("2. Penertiban Parkir Liar", "12 Kali", "12", "Kali", "12.5OO.000",
                            None),
                        keg("3. Sosialisasi Tertib Parkir", "4 Kegiatan", "4", "Kegiatan",
                            45000000, "45000000"),
                    ),
                ),
            ),
            merged=True,
        ),
        TargetBlock(
            2, "Meningkatnya konektivitas angkutan sungai",
            "Jumlah dermaga sungai yang beroperasi", 4, dec("4"), (
                Program(
                    "- Program Pengelolaan Pelayaran", "Program Pengelolaan Pelayaran",
                    "1 Unit", "1500000000.00", dec("1500000000"), (
                        keg("1. Pembangunan Dermaga Sungai", "1 Unit", "1", "Unit",
                            "1500000000.00", "1500000000"),
                    ),
                ),
            ),
            merged=True,
        ),
    ]
    # fmt: on
    headers = (*TARGET_HEADERS[:6], "TARGET", "ANGGARAN (Rp)")
    end, programs, target_sasaran, cells = target_table(sh, 7, blocks, headers=headers)
    lines = ttd(
        "Mekarjaya, 5 Januari 2024",
        "KEPALA DINAS PERHUBUNGAN",
        nama="Ir. BAMBANG SUTRISNO, M.T.",
        tail=("Pembina Tk. I / IV.b", "NIP. 197203151998031004"),
    )
    signature(sh, "F", end + 2, lines, span=3)
    expected = {
        "_about": "Money typed every way; an ambiguous 1.234 and a broken 12.5OO.000.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN MEKARJAYA",
            "nama": "DINAS PERHUBUNGAN",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "KEPALA DINAS PERHUBUNGAN",
            "nama": "Ir. BAMBANG SUTRISNO, M.T.",
            "pangkat": "Pembina Tk. I / IV.b",
            "nip": "197203151998031004",
        },
        "target_anggaran": target_sasaran,
        "program": programs,
        "problems_expected": [
            {"code": "angka-ambigu", "cell": cells["Penyediaan Rambu Parkir"]},
            {"code": "angka-rusak", "cell": cells["Penertiban Parkir Liar"]},
        ],
        "problems_forbidden": forbid("angka-ambigu", "angka-rusak"),
    }
    return generated("mekarjaya_uang_campur_2024", book, expected)


def sukahati_rumus() -> Generated:
    """Formulas, with and without cached values (XlsxWriter).

    Traps: REALISASI (the year) and CAPAIAN columns are formulas (=I9, =SUM(F10:I10),
    =J11/E11*100, =IFERROR(...)) stored with their cached values and read by those values; one
    capaian =J10/E10 under a 0.00% format (cached 1 means 100); one capaian formula stored
    WITHOUT a cached value (an empty result, as in a file generated and never opened in Excel):
    null and ``rumus-tanpa-nilai`` at that cell, never 0; a column-number row with derivations
    "10 = 9", "11 = 10/5 x 100"; REALISASI TRIWULAN merged over TW I..TW IV; on a second sheet
    a target/anggaran table whose program anggaran are =SUM() of their kegiatan, cached.
    """
    book = XlsxBook()
    sh = book.sheet("Pengukuran")
    sh.widths("ABCDEFGHIJK", 5, 30, 40, 9, 9, 8, 8, 8, 8, 12, 12)
    kop(sh, "A:K", "PEMERINTAH KABUPATEN KARANGASRI", "KECAMATAN SUKAHATI")
    title_lines(sh, 4, "A:K", ["PENGUKURAN KINERJA TAHUN 2024"])
    for letter, text in zip("ABCDE", ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET"],
                            strict=True):  # fmt: skip
        sh.down(letter, 6, 7, text, **H)
    sh.merge("F6:I6", "REALISASI TRIWULAN", **H)
    sh.row("F7", ["TW I", "TW II", "TW III", "TW IV"], **H)
    sh.down("J", 6, 7, "REALISASI", **H)
    sh.down("K", 6, 7, "CAPAIAN (%)", **H)
    sh.print_setup(repeat_rows=(6, 8))
    sh.row("A8", [*(str(i) for i in range(1, 10)), "10 = 9", "11 = 10/5 x 100"], **BC, italic=True)
    # (NO, SASARAN, INDIKATOR, SATUAN, TARGET, [TW I..IV], REALISASI formula, its cached value,
    #  CAPAIAN formula, its cached value (None: not stored), its format, what it means)
    # fmt: off
    rows = [
        ("1", "Meningkatnya kualitas layanan administrasi kecamatan",
         "Persentase layanan administrasi selesai tepat waktu", "%", 90, [80, 85, 88, 90],
         "=I{r}", 90, '=IFERROR(J{r}/E{r}*100,"")', 100, None, "100"),
        (None, None, "Jumlah inovasi pelayanan", "Inovasi", 2, [0, 1, 0, 1],
         "=SUM(F{r}:I{r})", 2, "=J{r}/E{r}", 1, P2, "100"),
        ("2", "Meningkatnya ketertiban umum", "Persentase penanganan gangguan trantibum", "%",
         80, [70, 75, 78, 84], "=I{r}", 84, "=J{r}/E{r}*100", 105, None, "105"),
        (None, None, "Persentase pelaku usaha yang difasilitasi perizinan", "%", 75,
         [20, 40, 55, 72], "=I{r}", 72, "=J{r}/E{r}*100", None, None, None),
    ]
    # fmt: on
    expected_sasaran: list[dict[str, Any]] = []
    no_cache = ""
    for r, row in enumerate(rows, start=9):
        no, sasaran, uraian, satuan, target, tws, f_real, real, f_cap, cap, fmt, meaning = row
        if no:
            sh.down("A", r, r + 1, no, **BC)
            sh.down("B", r, r + 1, sasaran, **B)
            expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": []})
        sh.row(f"C{r}", [uraian, satuan], **B)
        sh.row(f"E{r}", [target, *tws], **BC)
        sh.formula(f"J{r}", f_real.format(r=r), real, **BC)
        sh.formula(f"K{r}", f_cap.format(r=r), cap, **BC, **({"fmt": fmt} if fmt else {}))
        if cap is None:
            no_cache = f"{sh.name}!K{r}"
        expected_sasaran[-1]["indikator"].append(
            {"uraian": uraian, "satuan": satuan, "target": dec(target),
             "realisasi": {**tw(*nums(*tws)), "tahun": dec(real)},
             "capaian": None if meaning is None else dec(meaning)}
        )  # fmt: skip
    lines = ttd(
        "Sukahati, 8 Januari 2025",
        "CAMAT SUKAHATI",
        nama="RINA MARLINA, S.IP., M.Si",
        tail=("Pembina / IV.a", "NIP. 19800607 200212 2 001"),
    )
    signature(sh, "H", 15, lines, span=4)

    anggaran = book.sheet("Anggaran")
    anggaran.widths("ABCDEFGH", 5, 30, 30, 9, 34, 36, 12, 17)
    title_lines(anggaran, 1, "A:H", ["TARGET DAN ANGGARAN TAHUN 2024"])
    # fmt: off
    blocks = [
        TargetBlock(
            1, "Meningkatnya kualitas layanan administrasi kecamatan",
            "Persentase layanan administrasi selesai tepat waktu", "90%", dec("90"), (
                Program(
                    "- Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                    "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                    "100%", SUM, dec("485000000"), (
                        keg("1 Pelayanan Administrasi Terpadu Kecamatan", "12 Bulan", "12",
                            "Bulan", 325000000, "325000000"),
                        keg("2 Pengembangan Inovasi Pelayanan", "2 Inovasi", "2", "Inovasi",
                            160000000, "160000000"),
                    ),
                ),
            ),
            merged=True,
        ),
        TargetBlock(
            2, "Meningkatnya ketertiban umum", "Persentase penanganan gangguan trantibum",
            "80%", dec("80"), (
                Program(
                    "- Program Ketentraman dan Ketertiban Umum",
                    "Program Ketentraman dan Ketertiban Umum",
                    "100%", SUM, dec("210500000"), (
                        keg("1 Patroli Wilayah", "48 Kali", "48", "Kali", 150000000, "150000000"),
                        keg("2 Penegakan Perda", "6 Kegiatan", "6", "Kegiatan", 60500000,
                            "60500000"),
                    ),
                ),
            ),
            merged=True,
        ),
    ]
    # fmt: on
    _, programs, _, _ = target_table(anggaran, 3, blocks)
    expected = {
        "_about": "Formulas read by their cached values; one formula without a cached value.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN KARANGASRI",
            "nama": "KECAMATAN SUKAHATI",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "CAMAT SUKAHATI",
            "nama": "RINA MARLINA, S.IP., M.Si",
            "pangkat": "Pembina / IV.a",
            "nip": "198006072002122001",
        },
        "sasaran": expected_sasaran,
        "program": programs,
        "problems_expected": [{"code": "rumus-tanpa-nilai", "cell": no_cache}],
        "problems_forbidden": forbid("rumus-tanpa-nilai"),
    }
    return generated("sukahati_rumus_2024", book, expected)


def ciremai_plh_samping() -> Generated:
    """A "Plh." signatory placed beside the table, its NIP in a cell of its own (openpyxl).

    Traps: the signature block stands right of the table (columns I-K, on the table's own
    rows), not below it; jabatan "Plh. KEPALA DINAS LINGKUNGAN HIDUP"; pangkat "Pembina Utama
    Muda / IV.c"; "NIP." in one cell and "19680314 199003 2 007" in the next; TUJUAN merged
    over both sasaran and SASARAN merged over its indicators; header "TARGET 2024"; a
    KETERANGAN column; targets 68.5, 0.7 under a % format and the text "25%".
    """
    book = OpenpyxlBook()
    sh = book.sheet("IKU DLH")
    sh.widths("ABCDEFGHIJK", 5, 24, 28, 36, 9, 10, 22, 3, 10, 16, 16)
    kop(sh, "A:G", "PEMERINTAH KABUPATEN CIREMAI", "DINAS LINGKUNGAN HIDUP")
    title_lines(sh, 4, "A:G", ["INDIKATOR KINERJA UTAMA TAHUN 2024"])
    sh.row("A6", ["NO", "TUJUAN", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET 2024",
                  "KETERANGAN"], **H)  # fmt: skip
    sh.print_setup(repeat_rows=(6, 6))
    tujuan = "Terwujudnya lingkungan hidup yang lestari"
    # (INDIKATOR, SATUAN, TARGET typed, its format, meaning, KETERANGAN)
    # fmt: off
    groups = [
        ("1", "Meningkatnya kualitas lingkungan hidup", [
            ("Indeks Kualitas Lingkungan Hidup (IKLH)", "Indeks", 68.5, None, "68.5", "Data KLHK"),
            ("Indeks Kualitas Air", "Indeks", 52, None, "52", "Uji laboratorium 24 titik"),
        ]),
        ("2", "Meningkatnya pengelolaan sampah", [
            ("Persentase sampah yang tertangani", "%", 0.7, P0, "70", "Jakstrada"),
            ("Persentase sampah yang terkurangi", "%", "25%", None, "25", "Jakstrada"),
        ]),
    ]
    # fmt: on
    expected_sasaran = []
    r = 7
    for no, sasaran, rows in groups:
        first = r
        indikator = []
        for uraian, satuan, target, fmt, meaning, ket in rows:
            sh.row(f"D{r}", [uraian, satuan], **B)
            sh.put(f"F{r}", target, **BC, **({"fmt": fmt} if fmt else {}))
            sh.put(f"G{r}", ket, **B)
            indikator.append(
                {"uraian": uraian, "satuan": satuan, "target": dec(meaning), "keterangan": ket,
                 "polaritas": None, "akumulasi": None}
            )  # fmt: skip
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("C", first, r - 1, sasaran, **B)
        expected_sasaran.append(
            {"no": no, "uraian": sasaran, "tujuan": tujuan, "indikator": indikator}
        )
    sh.down("B", 7, r - 1, tujuan, **B)
    lines = ttd(
        "Ciremai, 3 Januari 2024",
        "Plh. KEPALA DINAS LINGKUNGAN HIDUP",
        nama="Ir. RATNA DEWI ANGGRAENI, M.Si",
        tail=("Pembina Utama Muda / IV.c",),
        blanks=3,
    )
    end = signature(sh, "I", 6, lines, span=3)
    sh.put(f"I{end}", "NIP.", align="right")
    sh.merge(f"J{end}:K{end}", "19680314 199003 2 007", align="left")
    expected = {
        "_about": "Plh. signatory beside the table; NIP apart from its label.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN CIREMAI",
            "nama": "DINAS LINGKUNGAN HIDUP",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "Plh. KEPALA DINAS LINGKUNGAN HIDUP",
            "nama": "Ir. RATNA DEWI ANGGRAENI, M.Si",
            "pangkat": "Pembina Utama Muda / IV.c",
            "nip": "196803141990032007",
        },
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("ciremai_plh_samping_2024", book, expected)


def sumberjaya_an_nip_angka() -> Generated:
    """An "a.n. BUPATI" signatory whose NIP was typed as a number (openpyxl).

    Traps: the lampiran block "LAMPIRAN : KEPUTUSAN BUPATI SUMBERJAYA / NOMOR : ... /
    TANGGAL : 7 Januari 2023" with label, colon and value in one cell (padded with spaces), the
    only place with the year; the instansi named in the title only ("BADAN PERENCANAAN
    PEMBANGUNAN DAERAH" / "KABUPATEN SUMBERJAYA"); the jabatan on two rows "a.n. BUPATI
    SUMBERJAYA" / "Sekretaris Daerah"; pangkat "Pembina Utama Madya / IV.d"; the NIP cell a
    NUMBER (1.96511201990031E+17 under a "0" format, as Excel keeps it: the last three digits
    are lost) right of a "NIP." cell: nip null and ``nip-angka`` at that cell.
    """
    book = OpenpyxlBook()
    sh = book.sheet("Lampiran")
    sh.widths("ABCDEFG", 5, 28, 32, 9, 36, 36, 20)
    sh.merge("E1:G1", "LAMPIRAN : KEPUTUSAN BUPATI SUMBERJAYA")
    sh.merge("E2:G2", "NOMOR     : 050/Kep.12-Bappeda/2023")
    sh.merge("E3:G3", "TANGGAL  : 7 Januari 2023")
    title_lines(sh, 5, "A:G", ["INDIKATOR KINERJA UTAMA", "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
                               "KABUPATEN SUMBERJAYA"])  # fmt: skip
    sh.row("A9", ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "SATUAN", "ALASAN",
                  "FORMULASI", "SUMBER DATA"], **H)  # fmt: skip
    sh.print_setup(repeat_rows=(9, 9))
    # fmt: off
    groups = [
        ("1", "Meningkatnya kualitas perencanaan pembangunan daerah", [
            ("Persentase keselarasan program RKPD dengan RPJMD", "%",
             "Mengukur konsistensi perencanaan tahunan terhadap perencanaan jangka menengah",
             "Jumlah program RKPD yang selaras / jumlah program RPJMD x 100",
             "Bidang Perencanaan"),
            ("Nilai evaluasi RKPD", "Nilai", "Mengukur kualitas dokumen perencanaan tahunan",
             "Nilai hasil evaluasi RKPD oleh Pemerintah Provinsi", "Pemerintah Provinsi"),
        ]),
        ("2", "Meningkatnya kualitas data pembangunan", [
            ("Persentase perangkat daerah yang menyampaikan data tepat waktu", "%",
             "Data tepat waktu menjadi dasar perencanaan",
             "Perangkat daerah yang menyampaikan data tepat waktu / jumlah perangkat daerah "
             "x 100", "Bidang Data dan Informasi"),
        ]),
    ]
    # fmt: on
    expected_sasaran = []
    r = 10
    for no, sasaran, rows in groups:
        first = r
        indikator = []
        for uraian, satuan, alasan, formulasi, sumber in rows:
            sh.row(f"C{r}", [uraian, satuan, alasan, formulasi, sumber], **B)
            indikator.append(
                {"uraian": uraian, "satuan": satuan, "alasan": alasan, "formulasi": formulasi,
                 "sumber_data": sumber, "polaritas": None, "akumulasi": None}
            )  # fmt: skip
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, sasaran, **B)
        expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": indikator})
    lines = ttd(
        "a.n. BUPATI SUMBERJAYA",
        "Sekretaris Daerah",
        nama="Drs. H. MULYADI, M.Si",
        tail=("Pembina Utama Madya / IV.d",),
    )
    end = signature(sh, "E", r + 2, lines, span=2)
    sh.put(f"E{end}", "NIP.", align="right")
    # NIP 196511201990031005 as Excel stores a number typed into it: 15 significant digits.
    sh.put(f"F{end}", 1.96511201990031e17, align="left", fmt="0")
    expected = {
        "_about": "a.n. signatory on two rows; the NIP stored as a number.",
        "sheet": sh.name,
        "instansi": {
            "nama": "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
            "tahun": 2023,
            "sk_nomor": "050/Kep.12-Bappeda/2023",
            "sk_tanggal": "7 Januari 2023",
        },
        "penandatangan": {
            "jabatan": "a.n. BUPATI SUMBERJAYA Sekretaris Daerah",
            "nama": "Drs. H. MULYADI, M.Si",
            "pangkat": "Pembina Utama Madya / IV.d",
            "nip": None,
        },
        "sasaran": expected_sasaran,
        "problems_expected": [{"code": "nip-angka", "cell": f"{sh.name}!F{end}"}],
        "problems_forbidden": forbid("nip-angka"),
    }
    return generated("sumberjaya_an_nip_angka_2023", book, expected)


def legok_seed_ringkas() -> Generated:
    """The seed's shorter IKU variant (its second block), away from A1 (XlsxWriter).

    Traps: no kop, title or signature at all; the table starts at B3; a two-row header with
    "Penjelasan" merged over only Alasan | Formulasi (no SUMBER DATA, no KETERANGAN); a
    column-number row "(1) (2) ... (6)"; one indicator per sasaran, NO typed as numbers; the
    sasaran worded "Meningkatnya Desa/Kelurahan" here and "Meningkatkan" in the first table,
    kept as written; the whole inovasi ALASAN in one wrapped cell.
    """
    book = XlsxBook()
    sh = book.sheet("IKU ringkas")
    sh.widths("BCDEFG", 5, 32, 30, 9, 50, 40)
    for letter, text in zip("BCDE", ["No", "Sasaran", "Indikator Kinerja Utama", "Satuan"],
                            strict=True):  # fmt: skip
        sh.down(letter, 3, 4, text, **H)
    sh.merge("F3:G3", "Penjelasan", **H)
    sh.row("F4", ["Alasan", "Formulasi"], **H)
    sh.print_setup(repeat_rows=(3, 5))
    sh.row("B5", [f"({i})" for i in range(1, 7)], **BC, italic=True)
    first, second, fifth = LEGOK_SASARAN[0], LEGOK_SASARAN[1], LEGOK_SASARAN[4]
    second_wording = (
        "Meningkatnya Pelayanan Masyarakat serta Meningkatnya Desa/Kelurahan dengan status "
        "Minimal Maju"
    )
    rows = [
        (first[0], first[1][0]),
        (second_wording, second[1][2]),
        (fifth[0], fifth[1][0]),
    ]
    expected_sasaran = []
    for i, (sasaran, (uraian, satuan, alasan, formulasi)) in enumerate(rows):
        r = 6 + i
        sh.put(f"B{r}", i + 1, **BC)
        sh.row(f"C{r}", [sasaran, uraian, satuan, alasan.replace("\n", " "), formulasi], **B)
        indikator = {"uraian": uraian, "satuan": satuan, "alasan": alasan,
                     "formulasi": formulasi, "polaritas": None, "akumulasi": None}  # fmt: skip
        expected_sasaran.append({"no": str(i + 1), "uraian": sasaran, "indikator": [indikator]})
    expected = {
        "_about": "The seed's short IKU block: Penjelasan over Alasan and Formulasi only.",
        "sheet": sh.name,
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("legok_seed_ringkas", book, expected)


def _dimension_a1(name: str, body: bytes) -> bytes:
    """What WPS Office writes: a sheet that declares its extent as the single cell A1."""
    if name.startswith("xl/worksheets/sheet"):
        body, count = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', body)
        if count != 1:
            raise AssertionError(f"{name}: no <dimension> to patch")
    return body


def karangjaya_wps() -> Generated:
    """A WPS-style monitoring sheet (openpyxl, then the sheet's extent patched to "A1").

    Traps: the sheet declares ``<dimension ref="A1"/>`` as WPS-saved files do (a reader that
    trusts it sees one row); a one-row header in capitals with trailing spaces: "NO ",
    "SASARAN STRATEGIS ", "IKU" (the indicator column), "TARGET ", "POLARITAS", "Triwulan I" ..
    "Triwulan IV", "Realisasi s.d. TW IV" (the year's value) and "PROSENTASE CAPAIAN "; NO and
    SASARAN repeated on every row; data in capitals with trailing spaces ("KASUS "); a
    negative-polarity indicator "JUMLAH KONFLIK SOSIAL" (POLARITAS "negatif") next to "positif"
    and "Positif"; a note row "Keterangan: data sementara" under the table, not an indicator;
    title lines without a PEMERINTAH line; the default sheet name "Sheet1".
    """
    book = OpenpyxlBook()
    sh = book.sheet("Sheet1")
    sh.widths("ABCDEFGHIJKL", 5, 30, 36, 9, 9, 11, 10, 10, 10, 10, 12, 12)
    title_lines(sh, 1, "A:L", ["MONITORING CAPAIAN KINERJA TRIWULAN IV TAHUN 2023",
                               "KECAMATAN KARANGJAYA", "KABUPATEN PASIRWANGI"])  # fmt: skip
    headers = ["NO ", "SASARAN STRATEGIS ", "IKU", "SATUAN ", "TARGET ", "POLARITAS",
               "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV",
               "Realisasi s.d. TW IV", "PROSENTASE CAPAIAN "]  # fmt: skip
    sh.row("A5", headers, **H)
    sh.print_setup(repeat_rows=(5, 5))
    s1 = "MENINGKATNYA KETENTRAMAN DAN KETERTIBAN UMUM "
    s2 = "MENINGKATNYA KUALITAS PELAYANAN PUBLIK"
    # (NO, SASARAN, IKU, SATUAN, TARGET, POLARITAS, [TW I..IV], s.d. TW IV, CAPAIAN)
    # fmt: off
    rows = [
        ("1", s1, "JUMLAH KONFLIK SOSIAL", "KASUS ", 5, "negatif", [1, 0, 2, 1], 4, 120),
        ("1", s1, "PROSENTASE PENEGAKAN PERDA ", "% ", 80, "positif", [15, 35, 60, 85], 85,
         106.25),
        ("2", s2, "INDEKS KEPUASAN MASYARAKAT", "INDEKS", 80, "positif", [78, 79.5, 81, 82], 82,
         102.5),
        ("2", s2, "PROSENTASE PENGADUAN YANG DITINDAKLANJUTI", "%", 100, "Positif",
         [100, 100, 95, 100], 100, 100),
    ]
    # fmt: on
    expected_sasaran: list[dict[str, Any]] = []
    r = 6
    for no, sasaran, uraian, satuan, target, polaritas, tws, real, capaian in rows:
        sh.row(f"A{r}", [no, sasaran, uraian, satuan], **B)
        sh.row(f"E{r}", [target, polaritas, *tws, real, capaian], **BC)
        if not expected_sasaran or expected_sasaran[-1]["no"] != no:
            expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": []})
        expected_sasaran[-1]["indikator"].append(
            {"uraian": uraian, "satuan": satuan, "target": dec(target),
             "polaritas": polaritas.lower(), "akumulasi": None,
             "realisasi": {**tw(*nums(*tws)), "tahun": dec(real)}, "capaian": dec(capaian)}
        )  # fmt: skip
        r += 1
    sh.merge(f"A{r}:L{r}", "Keterangan: data sementara", italic=True)
    lines = ttd(
        "CAMAT KARANGJAYA",
        nama="YUDI PERMANA, S.STP., M.AP",
        tail=("Pembina / IV.a", "NIP. 197507172001121003"),
    )
    signature(sh, "I", r + 2, lines, span=4)
    expected = {
        "_about": "WPS-style: declared extent A1, capitals and trailing spaces, Triwulan headers.",
        "sheet": sh.name,
        "instansi": {"nama": "KECAMATAN KARANGJAYA", "tahun": 2023},
        "penandatangan": {
            "jabatan": "CAMAT KARANGJAYA",
            "nama": "YUDI PERMANA, S.STP., M.AP",
            "pangkat": "Pembina / IV.a",
            "nip": "197507172001121003",
        },
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("karangjaya_wps_2023", book, expected, patch=_dimension_a1)


def sukasari_kosong_rentang() -> Generated:
    """Empty markers, zeros, range targets, and three ways to lay out sasaran (openpyxl).

    Traps: realisasi and capaian cells holding "-", "n/a", a non-breaking space or nothing (all
    null, no problem) next to a real 0 (a reported value: 0, not null); range targets "80-90"
    and "90 - 100 %" ({"bawah", "atas"}); POLARITAS and AKUMULASI columns ("positif",
    "Positif", "negatif", "jumlah", "terakhir", "Terakhir", "rata-rata") and a POLARITAS left
    "-"; sasaran 1 merged over its rows, sasaran 2 written once with blanks below, sasaran 3
    repeated on every row (with its NO); capaian "101,65" (decimal comma).
    """
    book = OpenpyxlBook()
    sh = book.sheet("Capaian 2024")
    sh.widths("ABCDEFGHIJKL", 5, 28, 36, 8, 11, 10, 11, 8, 8, 8, 8, 11)
    kop(sh, "A:L", "PEMERINTAH KABUPATEN PURWAGALIH", "KECAMATAN SUKASARI")
    title_lines(sh, 4, "A:L", ["PENGUKURAN KINERJA TAHUN 2024"])
    for letter, text in zip("ABCDEFG", ["NO", "SASARAN", "INDIKATOR", "SATUAN", "TARGET",
                                        "POLARITAS", "AKUMULASI"], strict=True):  # fmt: skip
        sh.down(letter, 6, 7, text, **H)
    sh.merge("H6:K6", "REALISASI", **H)
    sh.row("H7", ["TW I", "TW II", "TW III", "TW IV"], **H)
    sh.down("L", 6, 7, "CAPAIAN (%)", **H)
    sh.print_setup(repeat_rows=(6, 7))
    s1 = "Meningkatnya kebersihan lingkungan"
    s3 = "Meningkatnya akuntabilitas kinerja kecamatan"
    # (NO, SASARAN, INDIKATOR, SATUAN, TARGET typed, meaning, POLARITAS typed, meaning,
    #  AKUMULASI typed, meaning, [TW typed], [TW meaning], CAPAIAN typed, meaning)
    # fmt: off
    rows: list[tuple[Any, ...]] = [
        ("1", s1, "Persentase sampah terangkut ke TPA", "%",
         "80-90", {"bawah": dec(80), "atas": dec(90)}, "-", None, "terakhir", "terakhir",
         ["-", "n/a", 82, 88], nums(None, None, 82, 88), 100, dec(100)),
        (None, None, "Jumlah titik rawan banjir yang ditangani", "Titik", 6, dec(6),
         "positif", "positif", "jumlah", "jumlah",
         [0, 2, 1, None], nums(0, 2, 1, None), "-", None),
        ("2", "Menurunnya pelanggaran ketertiban umum", "Angka pelanggaran Perda", "Kasus", 10,
         dec(10), "negatif", "negatif", "jumlah", "jumlah",
         [3, NBSP, 2, 1], nums(3, None, 2, 1), 140, dec(140)),
        (None, None, "Persentase desa tertib administrasi", "%",
         "90 - 100 %", {"bawah": dec(90), "atas": dec(100)}, None, None, "rata-rata", "rata-rata",
         [85, 90, 95, 100], nums(85, 90, 95, 100), "n/a", None),
        ("3", s3, "Indeks Kepuasan Masyarakat", "Indeks", 85, dec(85), "Positif", "positif",
         "Terakhir", "terakhir",
         ["-", "-", "-", 86.4], nums(None, None, None, 86.4), "101,65", dec("101.65")),
        ("3", s3, "Nilai SAKIP kecamatan", "Nilai", 70, dec(70), "positif", "positif",
         "terakhir", "terakhir",
         ["-", "-", "-", "-"], nums(None, None, None, None), None, None),
    ]
    # fmt: on
    expected_sasaran: list[dict[str, Any]] = []
    r = 8
    for row in rows:
        no, sasaran, uraian, satuan, target, t_val, pol, pol_val, aku, aku_val = row[:10]
        tws, tw_vals, capaian, c_val = row[10:]
        sh.row(f"A{r}", [no, sasaran, uraian, satuan], **B)
        sh.row(f"E{r}", [target, pol, aku, *tws, capaian], **BC)
        if sasaran and (not expected_sasaran or expected_sasaran[-1]["no"] != no):
            expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": []})
        item = {"uraian": uraian, "satuan": satuan, "target": t_val, "akumulasi": aku_val,
                "realisasi": tw(*tw_vals), "capaian": c_val}  # fmt: skip
        if not isinstance(t_val, dict):  # a range target may come with a polaritas of its own
            item["polaritas"] = pol_val
        expected_sasaran[-1]["indikator"].append(item)
        r += 1
    sh.down("A", 8, 9, "1", **BC)  # sasaran 1 merged over its two rows
    sh.down("B", 8, 9, s1, **B)
    lines = ttd(
        "Sukasari, 6 Januari 2025",
        "CAMAT SUKASARI",
        nama="DEDI KURNIAWAN, S.Sos., M.Si",
        tail=("Pembina / IV.a", "NIP. 19760321 199803 1 006"),
    )
    signature(sh, "I", r + 2, lines, span=4)
    expected = {
        "_about": "Empty markers vs 0, range targets, polaritas/akumulasi columns, 3 layouts.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN PURWAGALIH",
            "nama": "KECAMATAN SUKASARI",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "CAMAT SUKASARI",
            "nama": "DEDI KURNIAWAN, S.Sos., M.Si",
            "pangkat": "Pembina / IV.a",
            "nip": "197603211998031006",
        },
        "sasaran": expected_sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("sukasari_kosong_rentang_2024", book, expected)


def batukarang_masalah() -> Generated:
    """Values that cannot be read, or only with a doubt (openpyxl).

    Traps: a target 0.75 typed bare (no % sign, no % format) for a "%" indicator among targets
    typed 80 and 20 (``persen-ambigu`` there; its value is not asserted); POLARITAS "stabil"
    (null, ``polaritas-tidak-dikenal``); a target 0 (a value, not empty) whose capaian cell
    holds the error value #DIV/0! (null); realisasi "22,5"; sasaran written once with blanks
    below; under the indicators a PK-style No | Program | Anggaran (Rp) table whose second
    anggaran is a formula saved without a cached value (null, ``rumus-tanpa-nilai``) and whose
    Jumlah row is such a formula as well; the NIP "19750101 200003 2 00" with 17 digits (null,
    ``nip-tidak-valid``).
    """
    book = OpenpyxlBook()
    sh = book.sheet("Pengukuran")
    sh.widths("ABCDEFGH", 5, 30, 40, 9, 11, 9, 11, 12)
    kop(sh, "A:H", "PEMERINTAH KOTA BATUKARANG", "DINAS SOSIAL")
    title_lines(sh, 4, "A:H", ["PENGUKURAN KINERJA TAHUN 2024"])
    sh.row("A6", ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "POLARITAS", "TARGET",
                  "REALISASI", "CAPAIAN (%)"], **H)  # fmt: skip
    sh.print_setup(repeat_rows=(6, 6))
    s1, s2 = "Meningkatnya perlindungan dan jaminan sosial", "Meningkatnya pemberdayaan sosial"
    # (NO, SASARAN, INDIKATOR, SATUAN, POLARITAS, TARGET, REALISASI, CAPAIAN) as typed
    # fmt: off
    rows = [
        ("1", s1, "Persentase PMKS yang mendapat bantuan sosial", "%", "positif", 0.75, 72, 96),
        (None, None, "Persentase penyandang disabilitas terlantar yang terlayani", "%", "stabil",
         80, 84, 105),
        (None, None, "Jumlah anak jalanan", "Orang", "negatif", 0, 12, "#DIV/0!"),
        ("2", s2, "Persentase KPM PKH yang graduasi mandiri", "%", "positif", 20, "22,5", 112.5),
    ]
    indikator = [
        {"uraian": rows[0][2], "satuan": "%", "polaritas": "positif",
         "realisasi": {"tahun": dec(72)}, "capaian": dec(96)},
        {"uraian": rows[1][2], "satuan": "%", "polaritas": None, "target": dec(80),
         "realisasi": {"tahun": dec(84)}, "capaian": dec(105)},
        {"uraian": rows[2][2], "satuan": "Orang", "polaritas": "negatif", "target": dec(0),
         "realisasi": {"tahun": dec(12)}, "capaian": None},
        {"uraian": rows[3][2], "satuan": "%", "polaritas": "positif", "target": dec(20),
         "realisasi": {"tahun": dec("22.5")}, "capaian": dec("112.5")},
    ]
    # fmt: on
    for r, row in enumerate(rows, start=7):
        sh.row(f"A{r}", list(row[:5]), **B)
        sh.row(f"F{r}", list(row[5:]), **BC)  # openpyxl stores "#DIV/0!" as an error value
    sh.row("A13", ["No", "Program", "Anggaran (Rp)"], **H)
    sh.row("A14", [1, "Program Perlindungan dan Jaminan Sosial"], **B)
    sh.put("C14", 850000000, **B, fmt="#,##0")
    sh.row("A15", [2, "Program Pemberdayaan Sosial"], **B)
    sh.formula("C15", "=300000000+125000000", None, **B, fmt="#,##0")
    sh.merge("A16:B16", "Jumlah", **BC, bold=True)
    sh.formula("C16", "=SUM(C14:C15)", None, **B, fmt="#,##0", bold=True)
    lines = ttd(
        "Batukarang, 9 Januari 2025",
        "KEPALA DINAS SOSIAL",
        nama="Hj. NURAINI, S.Sos., M.Si",
        tail=("Pembina Tk. I / IV.b", "NIP. 19750101 200003 2 00"),
    )
    nip_row = signature(sh, "F", 18, lines, span=3) - 1
    expected = {
        "_about": "Unreadable or doubtful values, each null (or kept) with its problem.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KOTA BATUKARANG",
            "nama": "DINAS SOSIAL",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "KEPALA DINAS SOSIAL",
            "nama": "Hj. NURAINI, S.Sos., M.Si",
            "pangkat": "Pembina Tk. I / IV.b",
            "nip": None,
        },
        "sasaran": [
            {"no": "1", "uraian": s1, "indikator": indikator[:3]},
            {"no": "2", "uraian": s2, "indikator": indikator[3:]},
        ],
        "program": [
            {"nama": "Program Perlindungan dan Jaminan Sosial", "anggaran": dec(850000000)},
            {"nama": "Program Pemberdayaan Sosial", "anggaran": None},
        ],
        "problems_expected": [
            {"code": "persen-ambigu", "cell": f"{sh.name}!F7"},
            {"code": "polaritas-tidak-dikenal", "cell": f"{sh.name}!E8"},
            {"code": "rumus-tanpa-nilai", "cell": f"{sh.name}!C15"},
            {"code": "nip-tidak-valid", "cell": f"{sh.name}!F{nip_row}"},
        ],
        "problems_forbidden": ["nip-angka", "angka-ambigu"],
    }
    return generated("batukarang_masalah_2024", book, expected)


def cijati_evaluasi_tw() -> Generated:
    """An evaluation form with per-triwulan targets and derivations (XlsxWriter).

    Traps: the same sub-headers TW I..TW IV under two merged groups, TARGET TRIWULAN and
    REALISASI (``target_tw`` and ``realisasi``); "TARGET 2023" and "REALISASI TAHUN 2023"
    columns; the column-number row with derivations "16 = 12+13+14+15" and "17 = 16/7 x 100";
    POLARITAS and AKUMULASI columns; realisasi tahun as =SUM() or =O9 and capaian as =ROUND()
    formulas, all with cached values; a negative indicator's capaian by (2T - R) / T; the
    jabatan "Pt. CAMAT CIJATI" kept as typed (a typo to flag, never to correct).
    """
    book = XlsxBook()
    sh = book.sheet("Evaluasi TW IV")
    sh.widths("ABCDEFGHIJKLMNOPQ", 5, 28, 34, 10, 10, 11, 9, 7, 7, 7, 7, 7, 7, 7, 7, 11, 10)
    kop(sh, "A:Q", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN CIJATI")
    title_lines(sh, 4, "A:Q", ["EVALUASI CAPAIAN KINERJA TRIWULAN IV TAHUN 2023"])
    singles = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "POLARITAS",
               "AKUMULASI", "TARGET 2023"]  # fmt: skip
    for letter, text in zip("ABCDEFG", singles, strict=True):
        sh.down(letter, 6, 7, text, **H)
    sh.down("P", 6, 7, "REALISASI TAHUN 2023", **H)
    sh.down("Q", 6, 7, "CAPAIAN (%)", **H)
    sh.merge("H6:K6", "TARGET TRIWULAN", **H)
    sh.merge("L6:O6", "REALISASI", **H)
    sh.row("H7", ["TW I", "TW II", "TW III", "TW IV"] * 2, **H)
    sh.print_setup(repeat_rows=(6, 8))
    numbers = [*(str(i) for i in range(1, 16)), "16 = 12+13+14+15", "17 = 16/7 x 100"]
    sh.row("A8", numbers, **BC, italic=True)
    # (NO, SASARAN, INDIKATOR, SATUAN, POLARITAS, AKUMULASI, TARGET, [target TW I..IV],
    #  [realisasi TW I..IV], REALISASI TAHUN formula, cached, CAPAIAN formula, cached)
    # fmt: off
    rows = [
        ("1", "Meningkatnya kualitas pelayanan kependudukan",
         "Jumlah dokumen kependudukan yang difasilitasi", "Dokumen", "positif", "jumlah", 1200,
         [300, 300, 300, 300], [280, 310, 295, 330], "=SUM(L{r}:O{r})", 1215,
         "=ROUND(P{r}/G{r}*100,2)", 101.25),
        (None, None, "Persentase pelayanan PATEN tepat waktu", "%", "positif", "terakhir", 95,
         [90, 92, 94, 95], [88, 91, 95, 96], "=O{r}", 96, "=ROUND(P{r}/G{r}*100,2)", 101.05),
        ("2", "Menurunnya gangguan ketentraman dan ketertiban",
         "Jumlah kejadian gangguan trantibum", "Kejadian", "negatif", "jumlah", 12,
         [3, 3, 3, 3], [2, 4, 1, 2], "=SUM(L{r}:O{r})", 9, "=ROUND((2*G{r}-P{r})/G{r}*100,2)",
         125),
    ]
    # fmt: on
    expected_sasaran: list[dict[str, Any]] = []
    for r, row in enumerate(rows, start=9):
        no, sasaran, uraian, satuan, pol, aku, target, t_tw, r_tw = row[:9]
        f_real, real, f_cap, cap = row[9:]
        sh.row(f"A{r}", [no, sasaran, uraian, satuan, pol, aku], **B)
        sh.row(f"G{r}", [target, *t_tw, *r_tw], **BC)
        sh.formula(f"P{r}", f_real.format(r=r), real, **BC)
        sh.formula(f"Q{r}", f_cap.format(r=r), cap, **BC)
        if no:
            expected_sasaran.append({"no": no, "uraian": sasaran, "indikator": []})
        expected_sasaran[-1]["indikator"].append(
            {"uraian": uraian, "satuan": satuan, "polaritas": pol, "akumulasi": aku,
             "target": dec(target), "target_tw": tw(*nums(*t_tw)),
             "realisasi": {**tw(*nums(*r_tw)), "tahun": dec(real)}, "capaian": dec(cap)}
        )  # fmt: skip
    lines = ttd(
        "Cijati, 12 Januari 2024",
        "Pt. CAMAT CIJATI",
        nama="IWAN RIDWAN, S.IP",
        tail=("Pembina / IV.a", "NIP. 19790211 200112 1 002"),
    )
    signature(sh, "M", 14, lines, span=5)
    expected = {
        "_about": "Per-TW targets and realisasi under the same sub-headers; derivation row.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
            "nama": "KECAMATAN CIJATI",
            "tahun": 2023,
        },
        "penandatangan": {
            "jabatan": "Pt. CAMAT CIJATI",
            "nama": "IWAN RIDWAN, S.IP",
            "pangkat": "Pembina / IV.a",
            "nip": "197902112001121002",
        },
        "sasaran": expected_sasaran,
        # "Pt." flagged at the jabatan's own cell: the second line of the block from M14
        "problems_expected": [{"code": "jabatan-salah-ketik", "cell": f"{sh.name}!M15"}],
        "problems_forbidden": forbid("jabatan-salah-ketik"),
    }
    return generated("cijati_evaluasi_tw_2023", book, expected)


# ---------------------------------------------------------------------------------------------

WORKBOOKS: list[Callable[[], Generated]] = [
    legok_seed_iku,
    legok_seed_target,
    sukamaju_pengukuran,
    garut_dinkes_iku,
    mekarsari_persen_teks,
    margamulya_banyak_sheet,
    tanjungraya_pk,
    mekarjaya_uang_campur,
    sukahati_rumus,
    ciremai_plh_samping,
    sumberjaya_an_nip_angka,
    legok_seed_ringkas,
    karangjaya_wps,
    sukasari_kosong_rentang,
    batukarang_masalah,
    cijati_evaluasi_tw,
]


def check_problem_cells(gen: Generated) -> None:
    """Every cell an expected problem points at holds something (a slip in a row number would
    otherwise make the expectation unmeetable)."""
    wb = openpyxl.load_workbook(io.BytesIO(gen.data))
    for problem in gen.expected.get("problems_expected", []):
        if problem["cell"]:
            sheet, ref = problem["cell"].split("!")
            if wb[sheet][ref].value in (None, ""):
                raise AssertionError(f"{gen.name}: {problem} points at an empty cell")


def main() -> None:
    check_seed_transcription()
    for make in WORKBOOKS:
        gen = make()
        (HERE / f"{gen.name}.xlsx").write_bytes(gen.data)
        text = json.dumps(gen.expected, ensure_ascii=False, indent=2) + "\n"
        (HERE / f"{gen.name}.expected.json").write_text(text, encoding="utf-8")
        check_problem_cells(gen)
        print(f"tests/corpus/{gen.name}.xlsx")


if __name__ == "__main__":
    main()
