"""Generate the blind "hierarchy" corpus: SAKIP workbooks with program/kegiatan/sub kegiatan
hierarchies, numbered and coded rows, polarity notes, several year columns, Rencana Aksi,
LKjIP Bab III and a SIPD realisasi export, each with the JSON the reader must produce.

Run ``python tests/corpus_blind/hierarchy/make_hierarchy.py``: it rewrites every ``*.xlsx`` and
``*.expected.json`` in this folder, byte for byte the same on every run (fixed zip timestamps
and document dates). One function builds one workbook; its docstring names the published
layout it follows and the traps it sets. Every expectation is written next to the values typed
into the cells: it is the truth of the document, never what a reader made of it. Nothing here
imports iku_excel or runs it.

The expectation format is the one of ``tests/corpus/expect.py`` (partial dicts, lists with
their length, ``problems_expected`` / ``problems_forbidden``). After writing, ``self_check``
reopens every workbook with openpyxl and proves that each expected text and number sits in
some cell, and that each cell an expected problem points at holds something.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import column_index_from_string, get_column_letter

HERE = Path(__file__).resolve().parent
SEEDS = [HERE.parent.parent / "data" / "seed_legok_2020.txt",
         Path("/work/shared/seed/000_e4a71e80caa44ef4.txt")]  # fmt: skip
FIXED = datetime(2024, 1, 1)
NBSP = "\u00a0"

# The codes of tests/corpus/expect.py (copied, so that this corpus does not break when that
# file moves; check_codes() compares them when it is there) plus the codes this corpus adds.
PROBLEM_CODES = (
    "akumulasi-tidak-dikenal", "angka-ambigu", "angka-rusak", "bukan-angka", "galat-excel",
    "indikator-kosong", "jabatan-salah-ketik", "kegiatan-tanpa-program", "nilai-tidak-dikenal",
    "nip-angka", "nip-kosong", "nip-mencurigakan", "nip-tidak-valid", "peran-tidak-dikenal",
    "persen-ambigu", "persen-tanpa-tanda", "polaritas-tidak-dikenal", "realisasi-tanpa-indikator",
    "rentang-terbalik", "rumus-tanpa-nilai", "sasaran-kosong", "tahun-tidak-valid",
    "tanggal-tidak-valid", "target-tw-rentang",
)  # fmt: skip
NEW_CODES = (
    "jumlah-tidak-cocok",  # a printed total/subtotal differs from the sum of its direct children
    "target-kosong",  # an indicator without a target (must NOT be raised where none is meant)
)
ALL_CODES = PROBLEM_CODES + NEW_CODES


def check_codes() -> None:
    """The copied list still equals tests/corpus/expect.py's, when that file exists."""
    path = HERE.parent.parent / "corpus" / "expect.py"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    match = re.search(r"PROBLEM_CODES = \((.*?)\n\)", text, re.S)
    if match:
        theirs = tuple(re.findall(r'"([a-z-]+)"', match.group(1)))
        if theirs != PROBLEM_CODES:
            print(f"note: tests/corpus/expect.py lists other codes: {theirs}", file=sys.stderr)


def forbid(*allowed: str) -> list[str]:
    """Every code except those the workbook may (or must) give rise to."""
    for code in allowed:
        assert code in ALL_CODES, code
    return [code for code in ALL_CODES if code not in allowed]


# ---------------------------------------------------------------------------------------------
# Values


def norm(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def dec(value: Any) -> Decimal:
    return Decimal(str(value))


def r2(value: Decimal) -> Decimal:
    """Rounded to 2 decimals, halves away from zero (Excel's ROUND)."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cap_pos(t: Any, r: Any) -> Decimal:
    return r2(dec(r) / dec(t) * 100)


def cap_neg(t: Any, r: Any) -> Decimal:
    """(2T - R) / T x 100, floored at 0 (docs/domain.md's default for negative polarity)."""
    return max(r2((2 * dec(t) - dec(r)) / dec(t) * 100), Decimal(0))


def rupiah_id(value: Decimal) -> str:
    """Indonesian writing with two decimals: 2434260000 -> "2.434.260.000,00"."""
    whole, frac = f"{value:.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{groups},{frac}"


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _clean(value: Any, *, verbatim: bool = False) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v, verbatim=verbatim or k.startswith(("problems", "_")))
                for k, v in value.items()}  # fmt: skip
    if isinstance(value, (list, tuple)):
        return [_clean(v, verbatim=verbatim) for v in value]
    if isinstance(value, Decimal):
        return _json_number(value)
    if isinstance(value, float):
        return _json_number(dec(value))
    if isinstance(value, str) and not verbatim:
        return norm(value)
    return value


def tw(*values: Any) -> dict[str, Any]:
    return {f"tw{i}": None if v is None else dec(v) for i, v in enumerate(values, 1)}


# ---------------------------------------------------------------------------------------------
# Writers: one small interface over openpyxl and XlsxWriter.
# Style keys: bold, italic, underline, size, border, wrap, align, valign, fmt.

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
H = {"bold": True, "border": True, "wrap": True, "align": "center", "valign": "center"}
B = {"border": True, "wrap": True}
BC = {**B, "align": "center"}
BR = {**B, "align": "right"}
M0 = {**BR, "fmt": "#,##0"}  # money as a number
M2 = {**BR, "fmt": "#,##0.00"}
N2 = {**BC, "fmt": "0.00"}


def _ref(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not match:
        raise ValueError(ref)
    return int(match.group(2)), column_index_from_string(match.group(1))


def col(letter: str, offset: int) -> str:
    return get_column_letter(column_index_from_string(letter) + offset)


class Sheet:
    name: str

    def put(self, ref: str, value: Any, **style: Any) -> None:
        raise NotImplementedError

    def _merge(self, span: str, value: Any, **style: Any) -> None:
        raise NotImplementedError

    def formula(self, ref: str, formula: str, cached: Any, **style: Any) -> None:
        raise NotImplementedError

    def width(self, letter: str, width: float) -> None:
        raise NotImplementedError

    def landscape(self, repeat: tuple[int, int]) -> None:
        raise NotImplementedError

    def merge(self, span: str, value: Any, **style: Any) -> None:
        first, last = span.split(":")
        if first == last:
            self.put(first, value, **style)
        else:
            self._merge(span, value, **style)

    def down(self, letter: str, first: int, last: int, value: Any, **style: Any) -> None:
        self.merge(f"{letter}{first}:{letter}{last}", value, **style)

    def row(self, ref: str, values: list[Any], **style: Any) -> None:
        r, c = _ref(ref)
        for i, value in enumerate(values):
            self.put(f"{get_column_letter(c + i)}{r}", value, **style)

    def widths(self, letters: str, *widths: float) -> None:
        for letter, w in zip(letters, widths, strict=True):
            self.width(letter, w)


class OpenpyxlSheet(Sheet):
    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.name = ws.title

    def _style(self, cell: Any, style: dict[str, Any]) -> None:
        cell.font = Font(name="Arial", size=style.get("size", 10), bold=style.get("bold", False),
                         italic=style.get("italic", False),
                         underline="single" if style.get("underline") else None)  # fmt: skip
        cell.alignment = Alignment(horizontal=style.get("align"),
                                   vertical=style.get("valign", "top"),
                                   wrap_text=style.get("wrap", False))  # fmt: skip
        if style.get("border"):
            cell.border = BOX
        if "fmt" in style:
            cell.number_format = style["fmt"]

    def put(self, ref: str, value: Any, **style: Any) -> None:
        cell = self.ws[ref]
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        self._style(cell, style)

    def _merge(self, span: str, value: Any, **style: Any) -> None:
        (r1, c1), (r2_, c2) = (_ref(x) for x in span.split(":"))
        for r in range(r1, r2_ + 1):
            for c in range(c1, c2 + 1):
                self._style(self.ws.cell(r, c), style)
        self.put(span.split(":")[0], value, **style)
        self.ws.merge_cells(span)

    def formula(self, ref: str, formula: str, cached: Any, **style: Any) -> None:
        raise ValueError("openpyxl cannot store a cached value; use XlsxWriter")

    def width(self, letter: str, width: float) -> None:
        self.ws.column_dimensions[letter].width = width

    def landscape(self, repeat: tuple[int, int]) -> None:
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = 14  # Folio, what offices call F4
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_title_rows = f"{repeat[0]}:{repeat[1]}"


class XlsxSheet(Sheet):
    def __init__(self, book: XlsxBook, ws: Any) -> None:
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

    def _merge(self, span: str, value: Any, **style: Any) -> None:
        self.ws.merge_range(span, "", self.book.format(style))
        self.put(span.split(":")[0], value, **style)

    def formula(self, ref: str, formula: str, cached: Any, **style: Any) -> None:
        self.ws.write_formula(ref, formula, self.book.format(style), cached)

    def width(self, letter: str, width: float) -> None:
        self.ws.set_column(f"{letter}:{letter}", width)

    def landscape(self, repeat: tuple[int, int]) -> None:
        self.ws.set_landscape()
        self.ws.set_paper(14)
        self.ws.fit_to_pages(1, 0)
        self.ws.repeat_rows(repeat[0] - 1, repeat[1] - 1)


class Book:
    def sheet(self, name: str) -> Sheet:
        raise NotImplementedError

    def activate(self, name: str) -> None:
        raise NotImplementedError

    def save(self) -> bytes:
        raise NotImplementedError


class OpenpyxlBook(Book):
    def __init__(self) -> None:
        self.wb = openpyxl.Workbook()
        self.wb.remove(self.wb.active)
        self.wb.properties.creator = "Staf Perencanaan"
        self.wb.properties.created = FIXED

    def sheet(self, name: str) -> Sheet:
        return OpenpyxlSheet(self.wb.create_sheet(name))

    def activate(self, name: str) -> None:
        self.wb.active = self.wb.sheetnames.index(name)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.wb.save(out)
        return out.getvalue()


class XlsxBook(Book):
    def __init__(self) -> None:
        self.out = io.BytesIO()
        options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
        self.wb = xlsxwriter.Workbook(self.out, options)
        self.wb.set_properties({"created": FIXED, "author": "Staf Perencanaan"})
        self.formats: dict[tuple[Any, ...], Any] = {}

    def format(self, style: dict[str, Any]) -> Any:
        key = tuple(sorted(style.items()))
        if key not in self.formats:
            props: dict[str, Any] = {
                "font_name": "Arial", "font_size": style.get("size", 10),
                "valign": {"top": "top", "center": "vcenter"}[style.get("valign", "top")],
                "bold": style.get("bold", False), "italic": style.get("italic", False),
                "underline": 1 if style.get("underline") else 0,
                "border": 1 if style.get("border") else 0, "text_wrap": style.get("wrap", False),
            }  # fmt: skip
            if style.get("align"):
                props["align"] = style["align"]
            if "fmt" in style:
                props["num_format"] = style["fmt"]
            self.formats[key] = self.wb.add_format(props)
        return self.formats[key]

    def sheet(self, name: str) -> Sheet:
        return XlsxSheet(self, self.wb.add_worksheet(name))

    def activate(self, name: str) -> None:
        self.wb.get_worksheet_by_name(name).activate()

    def save(self) -> bytes:
        self.wb.close()
        return self.out.getvalue()


def stable_zip(data: bytes) -> bytes:
    """The same xlsx with fixed zip timestamps and document dates (reruns give equal bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:  # fmt: skip
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                date = rb"\g<1>2024-01-01T00:00:00Z"
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", date, body)
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, body)
    return out.getvalue()


@dataclass
class Generated:
    name: str
    data: bytes
    expected: dict[str, Any]


def generated(name: str, book: Book, expected: dict[str, Any]) -> Generated:
    return Generated(name, stable_zip(book.save()), _clean(expected))


# ---------------------------------------------------------------------------------------------
# Pieces every lampiran has


def kop(sh: Sheet, span: str, pemerintah: str, instansi: str, alamat: str | None = None) -> None:
    a, z = span.split(":")
    sh.merge(f"{a}1:{z}1", pemerintah, bold=True, align="center", size=14)
    sh.merge(f"{a}2:{z}2", instansi, bold=True, align="center", size=16)
    if alamat:
        sh.merge(f"{a}3:{z}3", alamat, align="center", italic=True)


def title_lines(sh: Sheet, first_row: int, span: str, lines: list[str]) -> int:
    a, z = span.split(":")
    for i, line in enumerate(lines):
        sh.merge(f"{a}{first_row + i}:{z}{first_row + i}", line, bold=True, align="center",
                 size=12)  # fmt: skip
    return first_row + len(lines)


def signature(sh: Sheet, column: str, row: int, lines: list[str | None], span: int = 1) -> int:
    """One line per row from ``row``; None is a blank row. The line after the blanks (the name)
    is bold and underlined. Returns the row after the block."""
    for i, line in enumerate(lines):
        if line is None:
            continue
        style: dict[str, Any] = {"align": "center"}
        if i > 0 and lines[i - 1] is None:
            style.update(bold=True, underline=True)
        sh.merge(f"{column}{row + i}:{col(column, span - 1)}{row + i}", line, **style)
    return row + len(lines)


def ttd(*head: str, nama: str, tail: tuple[str, ...] = (), blanks: int = 4) -> list[str | None]:
    return [*head, *([None] * blanks), nama, *tail]


def note(sh: Sheet, span: str, text: str, **style: Any) -> None:
    """A note line under a table (not bordered, not a table row)."""
    sh.merge(span, text, italic=True, **style)


# =============================================================================================
# (a) The seed's target table exactly as printed: PROGRAM and KEGIATAN each over two columns

SEED_NAMA = "Drs. TISNA HAMBALI R, SH.M.Si"  # as printed under the target table
SEED_NIP = "196206201987031006"

# sasaran no, sasaran, indicator, its target as typed, its value (percent units),
# [(dash cell, program, program target as typed, anggaran,
#   [(kegiatan no, kegiatan, target text, volume, satuan, anggaran)])]
# fmt: off
SEED_TARGET: list[tuple[Any, ...]] = [
    (1, "Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup",
     "Prosentase Jumlah infrastruktur dasar dalam kondisi baik", "60%", 60, [
        ("-", "Program Penataan Lingkungan Permukiman Perdesaan dan Perkotaan", "100 %",
         10775000000, [
            (1, "Penataan Lingkungan Perumahan dan Permukiman Perdesaan/Perkotaan", "65 Titik",
             65, "Titik", 10775000000),
         ]),
        ("-", "Program Peningkatan dan Pemeliharaan Sarana Prasarana Di Kecamatan", "100%",
         1907048100, [
            (1, "Pembangunan/Peningkatan Jalan Kecamatan", "7 Titik", 7, "Titik", 795472000),
            (2, "Pembangunan Saluran Drainase/Gorong-Gorong", "4 Titik", 4, "Titik", 390276100),
            (3, "Pembangunan Turap/ Talud/Bronjong", "2 Titik", 2, "Titik", 240000000),
            (4, "Perencanaan dan Pengawasan Konstruksi", "1 Dokumen", 1, "Dokumen", 65000000),
            (5, "Pembangunan Sarana Gedung Wilayah Kecamatan", "1 Unit", 1, "Unit", 200000000),
            (6, "Biaya Operasional Peningkatan Pelayanan Kebersihan", "9 Orang", 9, "Orang",
             216300000),
        ]),
    ]),
    (2, "Meningkatnya Pelayanan Masyarakat serta Meningkatnya Desa/Kelurahan dengan status "
        "Minimal Maju", "Indeks Kepuasan Masyarakat", 90, 90, [
        ("-", "Program Administrasi Pelayanan Umum di Kecamatan", 90, 1032455000, [
            (1, "Fasilitasi dan Koordinasi Penyelenggaraan Pelayanan Administrasi Terpadu "
                "Kecamatan (PATEN) Tingkat Kecamatan", "5 Orang", 5, "Orang", 114430000),
            (2, "Pelayanan Umum Kelurahan Babakan", "100 %", 100, "%", 415575000),
            (3, "Penunjang Operasional Kelurahan Babakan", "12 Orang", 12, "Orang", 352000000),
            (4, "Pendistribusian SPPT PBB-P2", "2.345 Lembar", 2345, "Lembar", 150450000),
        ]),
    ]),
    (3, "Meningkatnya Tata Kelola Pemerintahan",
     "Jumlah Inovasi yang diimplementasikan di Kecamatan", None, None, [
        (None, "Program Pengembangan Inovasi Perangkat Daerah", 1, 200000000, [
            (1, "Pengembangan Inovasi di Kecamatan", 1, 1, None, 200000000),
        ]),
    ]),
]
# fmt: on


def check_seed() -> None:
    """Every seed text and amount used in (a) is in the seed document (transcription slips)."""
    path = next((p for p in SEEDS if p.exists()), None)
    if path is None:
        print("note: seed not found, transcription not checked", file=sys.stderr)
        return
    seed = norm(path.read_text(encoding="utf-8"))
    texts = [SEED_NAMA, "Plt. CAMAT LEGOK", "TAHUN ANGGARAN 2020", SEED_NIP,
             "OPD KECAMATAN LEGOK KABUPATEN TANGERANG", "Legok, Januari 2020"]  # fmt: skip
    for _no, sasaran, indikator, _t, _v, programs in SEED_TARGET:
        texts += [sasaran, indikator]
        for _dash, program, _pt, anggaran, kegiatan in programs:
            texts.append(program)
            us = f"{anggaran:,}"
            if us not in seed and f"{anggaran:,}".replace(",", ".") not in seed:
                raise AssertionError(f"amount not in the seed: {anggaran}")
            total = sum(k[5] for k in kegiatan)
            assert total == anggaran, (program, total, anggaran)  # the seed's sums agree
            for _kno, nama, target, _vol, _sat, k_anggaran in kegiatan:
                texts.append(nama)
                us = f"{target} {k_anggaran:,}"
                texts.append(us if us in seed else us.replace(",", "."))
    for text in texts:
        if norm(str(text)) not in seed:
            raise AssertionError(f"not in the seed: {text!r}")


def legok_seed_target_dua_kolom() -> Generated:
    """The seed's TARGET/ANGGARAN table (Kecamatan Legok 2020) cell for cell as the seed
    prints it (openpyxl).

    Layout: "TARGET INDIKATOR KINERJA UTAMA (IKU) / OPD KECAMATAN LEGOK KABUPATEN TANGERANG /
    TAHUN ANGGARAN 2020"; header NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET | PROGRAM |
    KEGIATAN | Target | ANGGARAN with a column-number row 1..8.
    Traps: PROGRAM is one header merged over E:F, the "-" alone in E and the program's name in
    F (the inovasi program has no dash: E empty); KEGIATAN is merged over G:H, the kegiatan
    number (1, 2, 3 ... typed as numbers) in G and the name in H; the column-number row merges
    "5" over E:F and "6" over G:H; program rows carry their own target ("100 %", "100%", the
    number 90, the number 1) and an anggaran equal to the sum of their kegiatan; anggaran are
    numbers under #,##0, the inovasi ones under the Indonesian-locale format [$-421]#,##0 (the
    seed prints "200.000.000"); "2.345 Lembar" (2345); sasaran 3's indicator has no target;
    NO/SASARAN/INDIKATOR/TARGET merged down each block; signature without pangkat.
    """
    book = OpenpyxlBook()
    sh = book.sheet("TARGET IKU")
    sh.widths("ABCDEFGHIJ", 5, 28, 28, 9, 3, 34, 4, 40, 12, 17)
    title_lines(sh, 1, "A:J", ["TARGET INDIKATOR KINERJA UTAMA (IKU)",
                               "OPD KECAMATAN LEGOK KABUPATEN TANGERANG",
                               "TAHUN ANGGARAN 2020"])  # fmt: skip
    for letter, text in [("A", "NO"), ("B", "SASARAN STRATEGIS"), ("C", "INDIKATOR KINERJA"),
                         ("D", "TARGET"), ("I", "Target"), ("J", "ANGGARAN")]:  # fmt: skip
        sh.put(f"{letter}5", text, **H)
    sh.merge("E5:F5", "PROGRAM", **H)
    sh.merge("G5:H5", "KEGIATAN", **H)
    for letter, n in [("A", 1), ("B", 2), ("C", 3), ("D", 4), ("I", 7), ("J", 8)]:
        sh.put(f"{letter}6", n, **BC, italic=True)
    sh.merge("E6:F6", 5, **BC, italic=True)
    sh.merge("G6:H6", 6, **BC, italic=True)
    sh.landscape((5, 6))
    r = 7
    target_anggaran, programs = [], []
    for no, sasaran, indikator, target, nilai, block in SEED_TARGET:
        first = r
        for dash, program, p_target, anggaran, kegiatan in block:
            money = M0 if no != 3 else {**BR, "fmt": "[$-421]#,##0"}
            sh.row(f"A{r}", [None] * 10, **B)
            sh.put(f"E{r}", dash, **BC)
            sh.put(f"F{r}", program, **B)
            sh.put(f"I{r}", p_target, **BC)
            sh.put(f"J{r}", anggaran, **money)
            r += 1
            items = []
            for k_no, nama, k_target, volume, satuan, k_anggaran in kegiatan:
                sh.row(f"A{r}", [None] * 10, **B)
                sh.put(f"G{r}", k_no, **BC)
                sh.put(f"H{r}", nama, **B)
                sh.put(f"I{r}", k_target, **BC)
                sh.put(f"J{r}", k_anggaran, **money)
                item: dict[str, Any] = {"no": str(k_no), "nama": nama, "target": str(k_target),
                                        "target_volume": dec(volume)}  # fmt: skip
                if satuan:
                    item["target_satuan"] = satuan
                item["anggaran"] = dec(k_anggaran)
                items.append(item)
                r += 1
            programs.append({"sasaran_no": str(no), "nama": program, "target": str(p_target),
                             "anggaran": dec(anggaran), "kegiatan": items})  # fmt: skip
        for letter, value, style in [("A", no, BC), ("B", sasaran, B), ("C", indikator, B),
                                     ("D", target, BC)]:  # fmt: skip
            sh.down(letter, first, r - 1, value, **style)
        ind: dict[str, Any] = {"uraian": indikator}
        if isinstance(target, str):
            ind["target"] = target
        ind["nilai"] = None if nilai is None else dec(nilai)
        target_anggaran.append({"no": str(no), "uraian": sasaran, "indikator": [ind]})
    lines = ttd("Legok, Januari 2020", "Plt. CAMAT LEGOK", nama=SEED_NAMA,
                tail=(f"NIP. {SEED_NIP}",))  # fmt: skip
    signature(sh, "H", r + 2, lines, span=3)
    assert len(programs) == 4 and sum(len(p["kegiatan"]) for p in programs) == 12
    expected = {
        "_about": "The seed's target/anggaran table as the seed prints it: PROGRAM and KEGIATAN "
        "each a header over two columns (dash/number, then the name).",
        "sheet": sh.name,
        "instansi": {"nama": "KECAMATAN LEGOK", "tahun": 2020},
        "penandatangan": {"jabatan": "Plt. CAMAT LEGOK", "nama": SEED_NAMA, "nip": SEED_NIP},
        "target_anggaran": target_anggaran,
        "program": programs,
        # "2.345 Lembar" may be reported as a guess; sasaran 3 has no target in the seed
        "problems_forbidden": forbid("angka-ambigu", "target-kosong"),
    }
    return generated("legok_seed_target_dua_kolom", book, expected)


# =============================================================================================
# (b) PK lampiran with programs 1, 2, 3 and kegiatan 1.1, 1.2, 2.1 ... and a Jumlah row

PK_SASARAN = [
    ("1", "Meningkatnya kualitas pelayanan publik kecamatan", [
        ("Indeks Kepuasan Masyarakat (IKM)", 85, 85),
        ("Persentase pelayanan PATEN yang diselesaikan tepat waktu", "95%", 95),
    ]),
    ("2", "Meningkatnya akuntabilitas kinerja perangkat daerah", [
        ("Nilai SAKIP Kecamatan", 70, 70),
    ]),
    ("3", "Meningkatnya ketentraman dan ketertiban umum", [
        ("Persentase penanganan gangguan ketentraman dan ketertiban umum", "100%", 100),
    ]),
]  # fmt: skip

# (no as typed, nama, anggaran); a program's kegiatan follow it
PK_PROGRAM = [
    (1, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1845250000, [
        ("1.1", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 45250000),
        ("1.2", "Administrasi Keuangan Perangkat Daerah", 1650000000),
        ("1.3", "Administrasi Umum Perangkat Daerah", 150000000),
    ]),
    (2, "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 320500000, [
        ("2.1", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
         114282000),
        ("2.2", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja "
                "Perangkat Daerah yang Ada di Kecamatan", 206218000),
    ]),
    (3, "Program Koordinasi Ketentraman dan Ketertiban Umum", 95000000, [
        (3.1, "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", 95000000),
    ]),
]  # fmt: skip


def _pk_numbered(kecamatan: str, camat: dict[str, str], jumlah_typed: int | None
                 ) -> tuple[XlsxBook, Sheet, dict[str, Any], str]:  # fmt: skip
    """A PermenPANRB 53/2014 PK lampiran with numbered programs and kegiatan. ``jumlah_typed``
    None writes the Jumlah as a =SUM formula with its (right) cached value; a number types it."""
    book = XlsxBook()
    sh = book.sheet("Lampiran PK")
    sh.widths("ABCDEF", 6, 40, 44, 18, 14, 4)
    kop(sh, "A:E", "PEMERINTAH KABUPATEN SUKAWANGI", kecamatan,
        f"Jl. Raya {kecamatan.title().split()[-1]} No. 1")  # fmt: skip
    title_lines(sh, 5, "A:E", ["PERJANJIAN KINERJA TAHUN 2024", kecamatan])
    sh.row("A8", ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"], **H)
    r = 9
    sasaran = []
    for no, uraian, inds in PK_SASARAN:
        first = r
        for ind, target, _value in inds:
            sh.put(f"C{r}", ind, **B)
            sh.put(f"D{r}", target, **BC)
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": [
            {"uraian": i, "target": dec(v)} for i, _t, v in inds]})  # fmt: skip
    r += 1
    sh.row(f"A{r}", ["No", "Program / Kegiatan", "Anggaran (Rp)", "Keterangan"], **H)
    r += 1
    programs, program_rows = [], []
    for p_no, p_nama, p_anggaran, kegiatan in PK_PROGRAM:
        sh.put(f"A{r}", p_no, **BC)
        sh.put(f"B{r}", p_nama, **B, bold=True)
        sh.put(f"C{r}", p_anggaran, **M0, bold=True)
        sh.put(f"D{r}", "APBD", **BC)
        program_rows.append(r)
        r += 1
        items = []
        for k_no, k_nama, k_anggaran in kegiatan:
            sh.put(f"A{r}", k_no, **BC)
            sh.put(f"B{r}", k_nama, **B)
            sh.put(f"C{r}", k_anggaran, **M0)
            sh.put(f"D{r}", "APBD", **BC)
            items.append({"no": str(k_no), "nama": k_nama, "anggaran": dec(k_anggaran)})
            r += 1
        assert sum(k[2] for k in kegiatan) == p_anggaran
        programs.append({"nama": p_nama, "anggaran": dec(p_anggaran), "kegiatan": items})
    total = sum(p[2] for p in PK_PROGRAM)
    sh.merge(f"A{r}:B{r}", "Jumlah", **H)
    if jumlah_typed is None:
        sh.formula(f"C{r}", "=" + "+".join(f"C{x}" for x in program_rows), total, **M0,
                   bold=True)  # fmt: skip
    else:
        sh.put(f"C{r}", jumlah_typed, **M0, bold=True)
    sh.put(f"D{r}", None, **B)
    jumlah_cell = f"{sh.name}!C{r}"
    r += 3
    left = ttd("PIHAK KEDUA,", "BUPATI SUKAWANGI,", nama="H. ASEP SUNANDAR, S.H., M.Si.")
    right = ttd("PIHAK PERTAMA,", f"{camat['jabatan']},", nama=camat["nama"],
                tail=(camat["pangkat"], f"NIP. {camat['nip_cetak']}"))  # fmt: skip
    sh.merge(f"C{r - 1}:D{r - 1}", "Sukawangi, 2 Januari 2024", align="center")
    signature(sh, "A", r, left, span=2)
    signature(sh, "C", r, right, span=2)
    pertama = {k: camat[k] for k in ("jabatan", "nama", "pangkat", "nip")}
    expected = {
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
            "nama": kecamatan,
            "tahun": 2024,
        },
        "penandatangan": pertama,
        "penandatangan_semua": [
            {
                "peran": "pihak_kedua",
                "jabatan": "BUPATI SUKAWANGI",
                "nama": "H. ASEP SUNANDAR, S.H., M.Si.",
                "nip": "",
            },
            {"peran": "pihak_pertama", **pertama},
        ],
        "sasaran": sasaran,
        "program": programs,
    }
    return book, sh, expected, jumlah_cell


def cibeber_pk_nomor_bertingkat_2024() -> Generated:
    """A PK lampiran (PermenPANRB 53/2014 form) whose second table numbers programs 1, 2, 3 and
    their kegiatan 1.1, 1.2, 1.3, 2.1, 2.2, 3.1 in the No column (XlsxWriter).

    Traps: program numbers typed as numbers, kegiatan numbers as text "1.1" except 3.1 typed as
    the number 3.1; program rows bold, carrying the sum of their kegiatan; "Jumlah" merged over
    No and Program as a =C+C+C formula with its cached (right) value: totals agree, nothing may
    be reported; a Keterangan column "APBD"; the "95%" and "100%" targets as text, 85 and 70
    numbers; PIHAK KEDUA (Bupati, no NIP) left and PIHAK PERTAMA right, jabatan with trailing
    commas ("BUPATI SUKAWANGI,", "CAMAT CIBEBER,") that are not part of the jabatan.
    """
    camat = {"jabatan": "CAMAT CIBEBER", "nama": "YAYAN HERYANA, S.STP., M.Si.",
             "pangkat": "Pembina / IV.a", "nip": "198001152002121003",
             "nip_cetak": "19800115 200212 1 003"}  # fmt: skip
    book, _sh, expected, _cell = _pk_numbered("KECAMATAN CIBEBER", camat, None)
    expected = {"_about": "PK with programs 1, 2, 3 and kegiatan 1.1 ... 3.1; Jumlah agrees.",
                **expected, "problems_forbidden": forbid()}  # fmt: skip
    return generated("cibeber_pk_nomor_bertingkat_2024", book, expected)


def cipanas_pk_jumlah_salah_2024() -> Generated:
    """The numbered PK lampiran of (b) again, with its Jumlah typed as a number that disagrees
    with the sum of the programs (XlsxWriter): 2,306,750,000 printed, 2,260,750,000 summed.

    Traps: the programs and kegiatan are right and agree with each other; only the total is
    wrong, so exactly the Jumlah cell is reported ("jumlah-tidak-cocok"); the Jumlah row is
    not a program; everything else as in cibeber_pk_nomor_bertingkat_2024.
    """
    camat = {"jabatan": "Plt. CAMAT CIPANAS", "nama": "RINA MARLINA, S.Sos., M.AP.",
             "pangkat": "Pembina Tk. I / IV.b", "nip": "197608242000032004",
             "nip_cetak": "19760824 200003 2 004"}  # fmt: skip
    book, _sh, expected, cell = _pk_numbered("KECAMATAN CIPANAS", camat, 2306750000)
    expected = {"_about": "PK whose printed Jumlah disagrees with the sum of its programs.",
                **expected,
                "problems_expected": [{"code": "jumlah-tidak-cocok", "cell": cell}],
                "problems_forbidden": forbid("jumlah-tidak-cocok")}  # fmt: skip
    return generated("cipanas_pk_jumlah_salah_2024", book, expected)


# =============================================================================================
# (c) Polarity stated on the sheet


def cibodas_polaritas_keterangan_2024() -> Generated:
    """A pengukuran kinerja table (LKjIP/monitoring form) with polarity stated only in a note
    under the table: "Keterangan: indikator nomor 3 dan 5 berpolaritas negatif ..." (openpyxl).

    Layout: NO | SASARAN STRATEGIS | NO | INDIKATOR KINERJA | SATUAN | TARGET | REALISASI |
    CAPAIAN (%); the first NO numbers sasaran (1-3, merged down), the second numbers indicators
    1-6 straight through, which is what the note refers to.
    Traps: two columns headed "NO"; indicators 3 (T=12, R=10) and 5 (T=4, R=3) are negative and
    their printed capaian is (2T-R)/T (116.67, 125), not R/T (83.33, 75); two note rows
    ("Keterangan: ...", "Catatan: ...") merged across the table width must not become
    indicators or sasaran; the realisasi column is single (-> realisasi.tahun).
    """
    book = OpenpyxlBook()
    sh = book.sheet("Pengukuran 2024")
    sh.widths("ABCDEFGH", 5, 34, 5, 46, 10, 10, 12, 12)
    kop(sh, "A:H", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN CIBODAS",
        "Jl. Raya Cibodas No. 7")  # fmt: skip
    title_lines(sh, 5, "A:H", ["PENGUKURAN KINERJA TAHUN 2024"])
    sh.row("A7", ["NO", "SASARAN STRATEGIS", "NO", "INDIKATOR KINERJA", "SATUAN", "TARGET",
                  "REALISASI", "CAPAIAN (%)"], **H)  # fmt: skip
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan administrasi kecamatan", [
            ("Indeks Kepuasan Masyarakat", "Indeks", 85, 87.2, False),
            ("Persentase permohonan PATEN selesai tepat waktu", "%", 95, 96, False)]),
        ("2", "Meningkatnya ketentraman dan ketertiban umum", [
            ("Jumlah kejadian gangguan ketentraman dan ketertiban umum", "Kejadian", 12, 10, True),
            ("Persentase pelanggaran Perda yang ditindaklanjuti", "%", 100, 100, False)]),
        ("3", "Meningkatnya kualitas penyelenggaraan pemerintahan desa", [
            ("Jumlah desa dengan temuan pemeriksaan keuangan desa", "Desa", 4, 3, True),
            ("Persentase desa yang menetapkan APBDes tepat waktu", "%", 100, 90, False)]),
    ]
    # fmt: on
    r, n = 8, 1
    sasaran = []
    for no, uraian, inds in data:
        first = r
        items = []
        for ind, satuan, t, real, negative in inds:
            cap = cap_neg(t, real) if negative else cap_pos(t, real)
            sh.put(f"C{r}", n, **BC)
            sh.row(f"D{r}", [ind, satuan], **B)
            sh.row(f"F{r}", [t, real], **BC)
            sh.put(f"H{r}", float(cap), **N2)
            item: dict[str, Any] = {
                "uraian": ind,
                "satuan": satuan,
                "target": dec(t),
                "realisasi": {"tahun": dec(real)},
                "capaian": cap,
            }
            if negative:
                item["polaritas"] = "negatif"
            items.append(item)
            r, n = r + 1, n + 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": items})
    assert sasaran[1]["indikator"][0]["capaian"] == dec("116.67")
    note(sh, f"A{r}:H{r}", "Keterangan: indikator nomor 3 dan 5 berpolaritas negatif (semakin "
                           "kecil realisasi semakin baik)")  # fmt: skip
    note(
        sh,
        f"A{r + 1}:H{r + 1}",
        "Catatan: capaian indikator berpolaritas negatif dihitung "
        "dengan rumus (2 x Target - Realisasi) / Target x 100",
    )
    lines = ttd("Cibodas, 10 Januari 2025", "CAMAT CIBODAS", nama="DEDI KURNIAWAN, S.IP., M.Si.",
                tail=("Pembina / IV.a", "NIP. 19781103 199803 1 002"))  # fmt: skip
    signature(sh, "F", r + 3, lines, span=3)
    expected = {
        "_about": "Polarity only in a note naming indicator numbers; capaian printed.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
            "nama": "KECAMATAN CIBODAS",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "CAMAT CIBODAS",
            "nama": "DEDI KURNIAWAN, S.IP., M.Si.",
            "pangkat": "Pembina / IV.a",
            "nip": "197811031998031002",
        },
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("cibodas_polaritas_keterangan_2024", book, expected)


def cikupa_polaritas_tanda_2024() -> Generated:
    """A pengukuran table whose negative indicators are marked in their names: "(-)" after the
    name, or "*)" with the footnote "*) polaritas negatif" under the table (openpyxl).

    Traps: the markers " (-)" and " *)" are not part of the indicator's uraian; "(-)" is not the
    empty marker "-"; the legend row "Keterangan: (-) = polaritas negatif ..." and the footnote
    "*) polaritas negatif" are not indicators; printed capaian use (2T-R)/T for the negative
    ones (T=5 R=4 -> 120; T=12 R=10 -> 116.67; T=8.5 R=8.2 -> 103.53); "TARGET 2024" and
    "REALISASI 2024" headers; SASARAN written once with blanks below (not merged).
    """
    book = OpenpyxlBook()
    sh = book.sheet("Capaian IKU")
    sh.widths("ABCDEFG", 5, 34, 48, 9, 11, 13, 12)
    kop(sh, "A:G", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN CIKUPA")
    title_lines(sh, 4, "A:G", ["PENGUKURAN CAPAIAN INDIKATOR KINERJA UTAMA", "TAHUN 2024"])
    sh.row("A7", ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET 2024",
                  "REALISASI 2024", "CAPAIAN (%)"], **H)  # fmt: skip
    # fmt: off
    data = [
        ("1", "Menurunnya gangguan ketentraman dan ketertiban umum", [
            ("Jumlah konflik sosial di wilayah kecamatan", " (-)", "Kasus", 5, 4),
            ("Persentase penegakan Perda yang ditindaklanjuti", "", "%", 90, 92)]),
        ("2", "Meningkatnya kualitas lingkungan permukiman", [
            ("Luas kawasan kumuh di wilayah kecamatan", " *)", "Ha", 12, 10),
            ("Persentase sampah yang tertangani", "", "%", 75, 78)]),
        ("3", "Meningkatnya kesejahteraan sosial masyarakat", [
            ("Persentase penduduk miskin", " (-)", "%", 8.5, 8.2)]),
    ]
    # fmt: on
    r = 8
    sasaran = []
    for no, uraian, inds in data:
        items = []
        for i, (ind, mark, satuan, t, real) in enumerate(inds):
            negative = bool(mark)
            cap = cap_neg(t, real) if negative else cap_pos(t, real)
            sh.row(f"A{r}", [no if i == 0 else None, uraian if i == 0 else None], **B)
            sh.row(f"C{r}", [ind + mark, satuan], **B)
            sh.row(f"E{r}", [t, real], **BC)
            sh.put(f"G{r}", float(cap), **N2)
            item: dict[str, Any] = {
                "uraian": ind,
                "satuan": satuan,
                "target": dec(t),
                "realisasi": {"tahun": dec(real)},
                "capaian": cap,
            }
            if negative:
                item["polaritas"] = "negatif"
            items.append(item)
            r += 1
        sasaran.append({"no": no, "uraian": uraian, "indikator": items})
    note(sh, f"A{r}:G{r}", "*) polaritas negatif")
    note(sh, f"A{r + 1}:G{r + 1}", "Keterangan: (-) = polaritas negatif, semakin kecil "
                                   "realisasi semakin baik")  # fmt: skip
    lines = ttd("Cikupa, 8 Januari 2025", "CAMAT CIKUPA", nama="Hj. NENG SITI AMINAH, S.Sos.",
                tail=("Pembina Tk. I / IV.b", "NIP. 19750412 199603 2 001"))  # fmt: skip
    signature(sh, "E", r + 3, lines, span=3)
    expected = {
        "_about": "Negative polarity marked by '(-)' and '*)' after indicator names.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
            "nama": "KECAMATAN CIKUPA",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "CAMAT CIKUPA",
            "nama": "Hj. NENG SITI AMINAH, S.Sos.",
            "nip": "197504121996032001",
        },
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }
    return generated("cikupa_polaritas_tanda_2024", book, expected)


# =============================================================================================
# (d) Total and note rows inside and under an IKU table


def sukamulya_jumlah_catatan_2023() -> Generated:
    """An IKU lampiran (PermenPAN PER/9/M.PAN/5/2007 form, with a target column) with a count
    row and note rows (openpyxl).

    Traps: a "Catatan: ..." row between sasaran 2 and 3, merged over B:G with NO empty; a row
    "Jumlah Indikator Kinerja Utama" (merged A:B) with the count "7 (tujuh) indikator" in the
    INDIKATOR column; under the table a "Catatan:" heading followed by notes numbered "1." and
    "2." in column A with their text merged over B:G, laid out like sasaran rows: none of these
    is a sasaran or an indicator, and the sasaran keep their own numbers 1-4 (typed "1." ..
    "4."); NO and SASARAN merged down; targets "90%", 85, "100%", 65 ...
    """
    book = OpenpyxlBook()
    sh = book.sheet("IKU")
    sh.widths("ABCDEFG", 6, 32, 40, 9, 10, 40, 18)
    kop(sh, "A:G", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN SUKAMULYA",
        "Jl. Sukamulya No. 3")  # fmt: skip
    title_lines(sh, 5, "A:G", ["INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN SUKAMULYA",
                               "TAHUN 2023"])  # fmt: skip
    sh.row("A9", ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "SATUAN", "TARGET",
                  "FORMULASI", "SUMBER DATA"], **H)  # fmt: skip
    # fmt: off
    data = [
        ("1.", "Meningkatnya kualitas pelayanan publik", [
            ("Indeks Kepuasan Masyarakat", "Indeks", 85, 85,
             "Nilai rata-rata tertimbang unsur pelayanan x 25"),
            ("Persentase layanan PATEN tepat waktu", "%", "90%", 90,
             "Layanan tepat waktu / seluruh layanan x 100")]),
        ("2.", "Meningkatnya kualitas penyelenggaraan pemerintahan desa", [
            ("Persentase desa dengan LPPDes tepat waktu", "%", "100%", 100,
             "Desa yang menyampaikan LPPDes tepat waktu / jumlah desa x 100"),
            ("Persentase desa berstatus minimal berkembang", "%", "60%", 60,
             "Desa minimal berkembang / jumlah desa x 100")]),
        ("3.", "Meningkatnya ketentraman dan ketertiban umum", [
            ("Persentase penanganan gangguan trantibum", "%", "100%", 100,
             "Gangguan yang ditangani / gangguan yang dilaporkan x 100")]),
        ("4.", "Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Nilai SAKIP Kecamatan", "Nilai", 65, 65, "Nilai hasil evaluasi SAKIP"),
            ("Persentase temuan pemeriksaan yang ditindaklanjuti", "%", "100%", 100,
             "Temuan ditindaklanjuti / seluruh temuan x 100")]),
    ]
    # fmt: on
    r = 10
    sasaran = []
    for no, uraian, inds in data:
        first = r
        items = []
        for ind, satuan, target, value, formulasi in inds:
            sh.row(f"C{r}", [ind, satuan, target, formulasi, "Kecamatan Sukamulya"], **B)
            items.append(
                {
                    "uraian": ind,
                    "satuan": satuan,
                    "target": dec(value),
                    "formulasi": formulasi,
                    "sumber_data": "Kecamatan Sukamulya",
                }
            )
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no.rstrip("."), "uraian": uraian, "indikator": items})
        if no == "2.":
            sh.put(f"A{r}", None, **B)
            sh.merge(f"B{r}:G{r}", "Catatan: indikator sasaran 2 disesuaikan dengan Renstra "
                                   "Perubahan 2021-2026", **B, italic=True)  # fmt: skip
            r += 1
    sh.merge(f"A{r}:B{r}", "Jumlah Indikator Kinerja Utama", **H)
    sh.row(f"C{r}", ["7 (tujuh) indikator", None, None, None, None], **B, bold=True)
    assert sum(len(s["indikator"]) for s in sasaran) == 7
    r += 2
    sh.put(f"A{r}", "Catatan:", bold=True)
    sh.put(f"A{r + 1}", "1.")
    sh.merge(f"B{r + 1}:G{r + 1}", "Data IKM bersumber dari survei kepuasan masyarakat "
                                   "semester II.")  # fmt: skip
    sh.put(f"A{r + 2}", "2.")
    sh.merge(f"B{r + 2}:G{r + 2}", "Nilai SAKIP mengacu pada hasil evaluasi Inspektorat "
                                   "Kabupaten.")  # fmt: skip
    lines = ttd("Sukamulya, 5 Januari 2023", "CAMAT SUKAMULYA", nama="AGUS SALIM, S.STP.",
                tail=("Pembina / IV.a", "NIP. 19820305 200312 1 004"))  # fmt: skip
    signature(sh, "E", r + 4, lines, span=3)
    expected = {
        "_about": "Count row, a mid-table Catatan row and numbered notes; sasaran stay 1-4.",
        "sheet": sh.name,
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                     "nama": "KECAMATAN SUKAMULYA", "tahun": 2023},
        "penandatangan": {"jabatan": "CAMAT SUKAMULYA", "nama": "AGUS SALIM, S.STP.",
                          "nip": "198203052003121004"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("sukamulya_jumlah_catatan_2023", book, expected)


# =============================================================================================
# (e) Office name on a cover only; signature directly under the table, with a trailing comma


def sindangsari_sampul_2024() -> Generated:
    """A Rencana Kinerja Tahunan (RKT) workbook: a cover sheet, active and first, that alone
    names the office, and the RKT table on its own sheet (openpyxl).

    Traps: the table sheet's title is "RENCANA KINERJA TAHUNAN / TAHUN 2024" with no office;
    the office ("PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN SINDANGSARI") is on the cover
    only; the signature block starts on the row directly under the table's last row, in the
    columns of its SATUAN/TARGET cells, and its jabatan "CAMAT SINDANGSARI," has a trailing
    comma: the jabatan is neither joined with the cells above ("Dokumen", 12) nor is the
    signature an indicator; no place/date line.
    """
    book = OpenpyxlBook()
    cover = book.sheet("Sampul")
    cover.width("A", 90)
    for row, text, size in [(4, "RENCANA KINERJA TAHUNAN (RKT)", 20), (5, "TAHUN 2024", 16),
                            (20, "PEMERINTAH KABUPATEN SUKAWANGI", 16),
                            (21, "KECAMATAN SINDANGSARI", 18),
                            (22, "Jl. Raya Sindangsari No. 21", 11)]:  # fmt: skip
        cover.put(f"A{row}", text, bold=size > 11, align="center", size=size)
    sh = book.sheet("RKT")
    sh.widths("ABCDE", 5, 38, 46, 12, 12)
    title_lines(sh, 1, "A:E", ["RENCANA KINERJA TAHUNAN", "TAHUN 2024"])
    sh.row("A4", ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"], **H)
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan publik", [
            ("Indeks Kepuasan Masyarakat", "Indeks", 86),
            ("Persentase pelayanan administrasi terpadu kecamatan yang tepat waktu", "%", 95)]),
        ("2", "Meningkatnya pemberdayaan masyarakat desa", [
            ("Persentase lembaga kemasyarakatan desa yang aktif", "%", 80)]),
        ("3", "Meningkatnya akuntabilitas kinerja perangkat daerah", [
            ("Jumlah dokumen perencanaan dan pelaporan kinerja", "Dokumen", 12)]),
    ]
    # fmt: on
    r = 5
    sasaran = []
    for no, uraian, inds in data:
        first = r
        for ind, satuan, target in inds:
            sh.row(f"C{r}", [ind, satuan, target], **B)
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": [
            {"uraian": i, "satuan": s, "target": dec(t)} for i, s, t in inds]})  # fmt: skip
    lines = ttd("CAMAT SINDANGSARI,", nama="IWAN SETIAWAN, S.Sos., M.Si.",
                tail=("Pembina Tk. I / IV.b", "NIP. 19740718 199403 1 003"))  # fmt: skip
    signature(sh, "D", r, lines, span=2)  # directly under the last row
    expected = {
        "_about": "Office only on the cover sheet; jabatan with a comma right under the table.",
        "sheet": "RKT",
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                     "nama": "KECAMATAN SINDANGSARI", "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT SINDANGSARI", "nama": "IWAN SETIAWAN, S.Sos., M.Si.",
                          "pangkat": "Pembina Tk. I / IV.b", "nip": "197407181994031003"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("sindangsari_sampul_2024", book, expected)


# =============================================================================================
# (f) A "Petunjuk" sheet with an example row; (e) the office only in one title line


def cikeusal_petunjuk_2024() -> Generated:
    """A monitoring template filled in: a "Petunjuk" sheet (first and active) explaining how to
    fill it, with an example laid out exactly like the table, and the real pengukuran table on
    the sheet "Pengukuran" (openpyxl).

    Traps: the Petunjuk's example has the same header row and one filled row ("Contoh: ...",
    Kecamatan Contoh); the real sheet's only office mention is the single title line
    "PENGUKURAN KINERJA KECAMATAN CIKEUSAL TAHUN 2024" (nama and tahun both from it); "Plt."
    jabatan; percent targets typed as 0.95 under a % format; SASARAN merged.
    """
    book = OpenpyxlBook()
    info = book.sheet("Petunjuk")
    info.widths("ABCDEFG", 5, 34, 40, 9, 10, 12, 12)
    info.merge("A1:G1", "PETUNJUK PENGISIAN FORMAT PENGUKURAN KINERJA", bold=True, size=12)
    steps = ["1. Isi kolom SASARAN STRATEGIS sesuai Renstra Perangkat Daerah.",
             "2. Isi INDIKATOR KINERJA, SATUAN dan TARGET sesuai Perjanjian Kinerja.",
             "3. Isi REALISASI sampai dengan triwulan berjalan; CAPAIAN = Realisasi / Target x 100.",
             "4. Simpan lembar Pengukuran dan kirimkan kepada Bagian Organisasi."]  # fmt: skip
    for i, step in enumerate(steps):
        info.merge(f"A{3 + i}:G{3 + i}", step)
    info.put("A8", "Contoh pengisian (Kecamatan Contoh):", bold=True)
    header = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET", "REALISASI",
              "CAPAIAN (%)"]  # fmt: skip
    info.row("A9", header, **H)
    info.row(
        "A10",
        [
            1,
            "Contoh: Meningkatnya kualitas pelayanan publik",
            "Contoh: Indeks Kepuasan Masyarakat",
            "Indeks",
            80,
            82,
            102.5,
        ],
        **B,
    )
    book.activate("Petunjuk")
    sh = book.sheet("Pengukuran")
    sh.widths("ABCDEFG", 5, 34, 44, 9, 10, 12, 12)
    title_lines(sh, 1, "A:G", ["PENGUKURAN KINERJA KECAMATAN CIKEUSAL TAHUN 2024"])
    sh.row("A3", header, **H)
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan publik", [
            ("Indeks Kepuasan Masyarakat", "Indeks", 84, None, 86.3),
            ("Persentase layanan PATEN selesai tepat waktu", "%", 95, 0.95, 97)]),
        ("2", "Meningkatnya partisipasi masyarakat dalam pembangunan", [
            ("Persentase usulan Musrenbang desa yang diakomodasi", "%", 40, 0.4, 38)]),
        ("3", "Meningkatnya ketentraman dan ketertiban umum", [
            ("Persentase penanganan gangguan trantibum", "%", 100, 1, 100),
            ("Jumlah kegiatan patroli wilayah", "Kegiatan", 48, None, 52)]),
    ]
    # fmt: on
    r = 4
    sasaran = []
    for no, uraian, inds in data:
        first = r
        items = []
        for ind, satuan, t, fraction, real in inds:
            cap = cap_pos(t, real)
            sh.row(f"C{r}", [ind, satuan], **B)
            if fraction is None:
                sh.put(f"E{r}", t, **BC)
            else:
                sh.put(f"E{r}", fraction, **BC, fmt="0%")
            sh.put(f"F{r}", real, **BC)
            sh.put(f"G{r}", float(cap), **N2)
            items.append(
                {
                    "uraian": ind,
                    "satuan": satuan,
                    "target": dec(t),
                    "realisasi": {"tahun": dec(real)},
                    "capaian": cap,
                }
            )
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": items})
    lines = ttd("Cikeusal, 15 Januari 2025", "Plt. CAMAT CIKEUSAL", nama="ENDANG SUHENDAR, S.H.",
                tail=("Pembina / IV.a", "NIP. 19770921 200501 1 006"))  # fmt: skip
    signature(sh, "E", r + 2, lines, span=3)
    expected = {
        "_about": "Petunjuk sheet first and active, with an example row like the table.",
        "sheet": "Pengukuran",
        "instansi": {"nama": "KECAMATAN CIKEUSAL", "tahun": 2024},
        "penandatangan": {"jabatan": "Plt. CAMAT CIKEUSAL", "nama": "ENDANG SUHENDAR, S.H.",
                          "nip": "197709212005011006"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("cikeusal_petunjuk_2024", book, expected)


# =============================================================================================
# (g) Two year columns under TARGET and REALISASI; POLARITAS column


def pasirjaya_dua_tahun_2024() -> Generated:
    """A yearly pengukuran table comparing 2023 and 2024 (XlsxWriter).

    Layout: NO | SASARAN | INDIKATOR KINERJA | SATUAN | POLARITAS | TARGET (2023 | 2024) |
    REALISASI (2023 | 2024) | CAPAIAN 2024 (%); TARGET and REALISASI merged over two columns,
    the year cells below them typed as the NUMBERS 2023 and 2024 (General format).
    Traps: the document year is 2024 (title), so target = the TARGET 2024 column and
    realisasi.tahun = REALISASI 2024, and realisasi_lalu = REALISASI 2023; the 2023 columns come
    first; a POLARITAS column ("Positif", "Negatif") and a negative indicator (T=12, R=10,
    printed capaian 116.67); year numbers in the header are not data; CAPAIAN merged down.
    """
    book = XlsxBook()
    sh = book.sheet("Pengukuran")
    sh.widths("ABCDEFGHIJ", 5, 30, 40, 9, 11, 9, 9, 10, 10, 12)
    kop(sh, "A:J", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN PASIRJAYA")
    title_lines(sh, 4, "A:J", ["PENGUKURAN KINERJA TAHUN 2024"])
    for letter, text in [
        ("A", "NO"),
        ("B", "SASARAN"),
        ("C", "INDIKATOR KINERJA"),
        ("D", "SATUAN"),
        ("E", "POLARITAS"),
        ("J", "CAPAIAN 2024 (%)"),
    ]:
        sh.down(letter, 6, 7, text, **H)
    sh.merge("F6:G6", "TARGET", **H)
    sh.merge("H6:I6", "REALISASI", **H)
    sh.row("F7", [2023, 2024, 2023, 2024], **H)
    sh.landscape((6, 7))
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan publik", [
            ("Indeks Kepuasan Masyarakat", "Indeks", "Positif", 82, 85, 83.1, 86.4),
            ("Persentase layanan PATEN selesai tepat waktu", "%", "Positif", 90, 95, 91.5, 96)]),
        ("2", "Menurunnya gangguan ketentraman dan ketertiban umum", [
            ("Jumlah kejadian gangguan trantibum", "Kejadian", "Negatif", 14, 12, 13, 10)]),
        ("3", "Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Nilai SAKIP Kecamatan", "Nilai", "Positif", 65, 70, 66.5, 71.25)]),
    ]
    # fmt: on
    r = 8
    sasaran = []
    for no, uraian, inds in data:
        first = r
        items = []
        for ind, satuan, pol, t23, t24, r23, r24 in inds:
            cap = cap_neg(t24, r24) if pol == "Negatif" else cap_pos(t24, r24)
            sh.row(f"C{r}", [ind, satuan, pol], **B)
            sh.row(f"F{r}", [t23, t24, r23, r24], **BC)
            sh.put(f"J{r}", float(cap), **N2)
            items.append(
                {
                    "uraian": ind,
                    "satuan": satuan,
                    "polaritas": pol.lower(),
                    "target": dec(t24),
                    "realisasi": {"tahun": dec(r24)},
                    "realisasi_lalu": dec(r23),
                    "capaian": cap,
                }
            )
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": items})
    assert sasaran[1]["indikator"][0]["capaian"] == dec("116.67")
    lines = ttd("Pasirjaya, 9 Januari 2025", "CAMAT PASIRJAYA", nama="TATANG SUTARYA, S.IP.",
                tail=("Pembina / IV.a", "NIP. 19790130 200003 1 001"))  # fmt: skip
    signature(sh, "G", r + 2, lines, span=4)
    expected = {
        "_about": "TARGET and REALISASI each over 2023 | 2024 (year cells are numbers).",
        "sheet": sh.name,
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                     "nama": "KECAMATAN PASIRJAYA", "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT PASIRJAYA", "nama": "TATANG SUTARYA, S.IP.",
                          "nip": "197901302000031001"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("pasirjaya_dua_tahun_2024", book, expected)


# =============================================================================================
# (h) An IKU lampiran without a target column, by design


def kresek_iku_tanpa_target_2024() -> Generated:
    """An IKU lampiran of a Renstra 2021-2026 SK (PermenPAN PER/9/M.PAN/5/2007 form with
    Definisi Operasional and Penanggung Jawab), which by design has no target (openpyxl).

    Traps: no TARGET column: every target is null and no "target kosong"-type problem may be
    raised; "Lampiran : Keputusan Camat Kresek / Nomor : 050/12/Kec.Krs/2024 / Tanggal :
    8 Januari 2024" block, the only source of the year; DEFINISI OPERASIONAL column (no JSON
    key) before FORMULASI; PENANGGUNG JAWAB column (-> penanggung_jawab); SATUAN after
    FORMULASI; NO and SASARAN merged.
    """
    book = OpenpyxlBook()
    sh = book.sheet("Lampiran IKU")
    sh.widths("ABCDEFGH", 5, 28, 34, 34, 36, 9, 16, 22)
    kop(sh, "A:H", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN KRESEK", "Jl. Raya Kresek No. 2")
    for i, (label, value) in enumerate([("Lampiran", ": Keputusan Camat Kresek"),
                                        ("Nomor", ": 050/12/Kec.Krs/2024"),
                                        ("Tanggal", ": 8 Januari 2024")]):  # fmt: skip
        sh.put(f"F{5 + i}", label)
        sh.merge(f"G{5 + i}:H{5 + i}", value)
    title_lines(sh, 9, "A:H", ["INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN KRESEK",
                               "KABUPATEN SUKAWANGI"])  # fmt: skip
    sh.row(
        "A13",
        [
            "NO",
            "SASARAN STRATEGIS",
            "INDIKATOR KINERJA UTAMA",
            "DEFINISI OPERASIONAL",
            "FORMULASI",
            "SATUAN",
            "SUMBER DATA",
            "PENANGGUNG JAWAB",
        ],
        **H,
    )
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan publik kecamatan", [
            ("Indeks Kepuasan Masyarakat", "Tingkat kepuasan penerima layanan kecamatan",
             "Nilai IKM hasil survei sesuai PermenPANRB 14/2017", "Indeks",
             "Seksi Pelayanan Umum"),
            ("Persentase layanan administrasi selesai tepat waktu",
             "Layanan yang selesai sesuai standar pelayanan",
             "Layanan tepat waktu / seluruh layanan x 100", "%", "Seksi Pelayanan Umum")]),
        ("2", "Meningkatnya ketentraman dan ketertiban umum", [
            ("Persentase penanganan gangguan trantibum", "Gangguan yang ditangani tuntas",
             "Gangguan ditangani / gangguan dilaporkan x 100", "%",
             "Seksi Ketentraman dan Ketertiban Umum")]),
        ("3", "Meningkatnya akuntabilitas kinerja perangkat daerah", [
            ("Nilai SAKIP Kecamatan", "Nilai hasil evaluasi SAKIP oleh Inspektorat",
             "Nilai evaluasi SAKIP", "Nilai", "Sekretaris Kecamatan"),
            ("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti",
             "Rekomendasi BPK/Inspektorat yang telah ditindaklanjuti",
             "Rekomendasi ditindaklanjuti / seluruh rekomendasi x 100", "%",
             "Sekretaris Kecamatan")]),
    ]
    # fmt: on
    r = 14
    sasaran = []
    for no, uraian, inds in data:
        first = r
        items = []
        for ind, definisi, formulasi, satuan, pj in inds:
            sh.row(f"C{r}", [ind, definisi, formulasi, satuan, "Kecamatan Kresek", pj], **B)
            items.append(
                {
                    "uraian": ind,
                    "satuan": satuan,
                    "formulasi": formulasi,
                    "sumber_data": "Kecamatan Kresek",
                    "penanggung_jawab": pj,
                    "target": None,
                }
            )
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": items})
    lines = ttd("CAMAT KRESEK", nama="H. MUHAMAD JUNAEDI, S.Sos., M.M.",
                tail=("Pembina Tk. I / IV.b", "NIP. 19720505 199203 1 005"))  # fmt: skip
    signature(sh, "F", r + 2, lines, span=3)
    expected = {
        "_about": "IKU lampiran with no target column by design: no target problem.",
        "sheet": sh.name,
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI", "nama": "KECAMATAN KRESEK",
                     "tahun": 2024, "sk_nomor": "050/12/Kec.Krs/2024",
                     "sk_tanggal": "8 Januari 2024"},
        "penandatangan": {"jabatan": "CAMAT KRESEK", "nama": "H. MUHAMAD JUNAEDI, S.Sos., M.M.",
                          "nip": "197205051992031005"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("kresek_iku_tanpa_target_2024", book, expected)


# =============================================================================================
# (i) Permendagri 90/2019 hierarchy: urusan -> bidang -> program -> kegiatan -> sub kegiatan
# Names after Kepmendagri 050-5889 (nomenclature for kecamatan, bidang urusan 7.01).

P_PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
P_PEMERINTAHAN = "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"
P_PEMBERDAYAAN = "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN"
P_TRANTIB = "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM"
K_PERENCANAAN = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
K_KEUANGAN = "Administrasi Keuangan Perangkat Daerah"
K_UMUM = "Administrasi Umum Perangkat Daerah"
K_JASA = "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"
K_KOORDINASI = "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"
K_TRANTIB = "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum"
K_PEMBERDAYAAN = "Koordinasi Kegiatan Pemberdayaan Desa"
S_DOK_RENCANA = "Penyusunan Dokumen Perencanaan Perangkat Daerah"
S_LAP_KINERJA = ("Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi "
                 "Kinerja SKPD")  # fmt: skip
S_GAJI = "Penyediaan Gaji dan Tunjangan ASN"
S_ADM_ASN = "Penyediaan Administrasi Pelaksanaan Tugas ASN"
S_LISTRIK = "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor"
S_RAPAT = "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"
S_KOMUNIKASI = "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"
S_PELAYANAN_KANTOR = "Penyediaan Jasa Pelayanan Umum Kantor"
S_SINERGI_1 = "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintah dengan"
S_SINERGI_2 = "Perangkat Daerah dan Instansi Vertikal Terkait"
S_EFEKTIVITAS = "Peningkatan Efektivitas Kegiatan Pemerintahan di Tingkat Kecamatan"
S_SINERGITAS = ("Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional "
                "Indonesia dan Instansi Vertikal di Wilayah Kecamatan")  # fmt: skip
S_MUSRENBANG = ("Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan "
                "Pembangunan di Desa")  # fmt: skip
S_SINKRONISASI = ("Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang "
                  "Dilakukan oleh Pemerintah dan Swasta di Wilayah Kerja Kecamatan")  # fmt: skip


@dataclass
class Node:
    """A row of a hierarchy table: program, kegiatan or sub kegiatan."""

    kode: str
    nama: str
    indikator: list[tuple[str, Any, str]]  # (uraian, target number, satuan)
    anggaran: int | None = None  # None: the sum of the children
    children: list[Node] = field(default_factory=list)
    printed: int | None = None  # a (wrong) total typed instead of the sum

    def total(self) -> int:
        if self.anggaran is not None:
            return self.anggaran
        return sum(c.shown() for c in self.children)

    def shown(self) -> int:
        return self.printed if self.printed is not None else self.total()


def _indikator(node: Node) -> list[dict[str, Any]]:
    return [{"uraian": u, "satuan": s, "target": dec(t)} for u, t, s in node.indikator]


def cisoka_renja_kode_teks_2024() -> Generated:
    """A Renja table "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2024 dan
    Prakiraan Maju Tahun 2025" (Permendagri 86/2017 form, Permendagri 90/2019 codes), the kode
    in its own column as TEXT (openpyxl).

    Layout: KODE | URUSAN/BIDANG URUSAN/PROGRAM/KEGIATAN/SUB KEGIATAN | INDIKATOR KINERJA |
    LOKASI | TARGET CAPAIAN KINERJA (TARGET | SATUAN) | PAGU INDIKATIF (Rp) | SUMBER DANA |
    PRAKIRAAN MAJU 2025 (TARGET | PAGU (Rp)).
    Traps: rows "7 UNSUR KEWILAYAHAN" and "7.01 KECAMATAN" (urusan, bidang urusan) are not
    programs; kode text "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001"; program 7.01.02 has two
    indicators, the second on a row of its own with empty KODE and name; a sub kegiatan name
    continued on the next row ("... dengan" / "Perangkat Daerah dan Instansi Vertikal
    Terkait"), its row below holding only the rest of the name; kegiatan 7.01.01.2.02 prints a
    pagu of 2,540,260,000 while its sub kegiatan sum to 2,530,260,000 (reported there; the
    program prints the sum of its kegiatan as printed); a second TARGET and PAGU column for 2025
    that must not be read; a JUMLAH row; target and satuan in separate columns.
    """
    book = OpenpyxlBook()
    sh = book.sheet("Renja 2024")
    sh.widths("ABCDEFGHIJ", 19, 46, 46, 14, 8, 10, 17, 10, 8, 17)
    kop(sh, "A:J", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN CISOKA")
    title_lines(sh, 4, "A:J", ["RENCANA KERJA (RENJA) PERANGKAT DAERAH TAHUN 2024",
                               "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun "
                               "2024 dan Prakiraan Maju Tahun 2025"])  # fmt: skip
    for letter, text in [
        ("A", "KODE"),
        ("B", "URUSAN/BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM/KEGIATAN/SUB KEGIATAN"),
        ("C", "INDIKATOR KINERJA PROGRAM/KEGIATAN/SUB KEGIATAN"),
        ("D", "LOKASI"),
        ("G", "PAGU INDIKATIF (Rp)"),
        ("H", "SUMBER DANA"),
    ]:
        sh.down(letter, 7, 8, text, **H)
    sh.merge("E7:F7", "TARGET CAPAIAN KINERJA", **H)
    sh.merge("I7:J7", "PRAKIRAAN MAJU RENCANA TAHUN 2025", **H)
    sh.row("E8", ["TARGET", "SATUAN"], **H)
    sh.row("I8", ["TARGET", "PAGU (Rp)"], **H)
    sh.landscape((7, 8))
    # fmt: off
    tree = [
        Node("7.01.01", P_PENUNJANG, [("Nilai SAKIP Perangkat Daerah", 70, "Nilai")], children=[
            Node("7.01.01.2.01", K_PERENCANAAN,
                 [("Persentase dokumen perencanaan dan pelaporan kinerja tepat waktu", 100, "%")],
                 children=[
                     Node("7.01.01.2.01.0001", S_DOK_RENCANA,
                          [("Jumlah Dokumen Perencanaan Perangkat Daerah", 3, "Dokumen")],
                          25000000),
                     Node("7.01.01.2.01.0006", S_LAP_KINERJA,
                          [("Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
                            5, "Laporan")], 18500000)]),
            Node("7.01.01.2.02", K_KEUANGAN,
                 [("Persentase pemenuhan administrasi keuangan perangkat daerah", 100, "%")],
                 printed=2540260000, children=[
                     Node("7.01.01.2.02.0001", S_GAJI,
                          [("Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", 38, "Orang")],
                          2434260000),
                     Node("7.01.01.2.02.0002", S_ADM_ASN,
                          [("Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN",
                            12, "Dokumen")], 96000000)])]),
        Node("7.01.02", P_PEMERINTAHAN, [
            ("Persentase layanan administrasi kecamatan yang diselesaikan sesuai SOP", 100, "%"),
            ("Indeks Kepuasan Masyarakat", 85, "Indeks")], children=[
            Node("7.01.02.2.01", K_KOORDINASI,
                 [("Jumlah Laporan Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat "
                   "Kecamatan", 4, "Laporan")], children=[
                     Node("7.01.02.2.01.0001", S_SINERGI_1 + " " + S_SINERGI_2,
                          [("Jumlah Laporan Hasil Koordinasi/Sinergi Perencanaan dan Pelaksanaan "
                            "Kegiatan Pemerintah", 4, "Laporan")], 64282000),
                     Node("7.01.02.2.01.0002", S_EFEKTIVITAS,
                          [("Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemerintahan di "
                            "Tingkat Kecamatan", 2, "Laporan")], 50000000)])]),
    ]
    # fmt: on
    lokasi, dana = "Kecamatan Cisoka", "DAU"
    r = 9
    for kode, nama in [("7", "UNSUR KEWILAYAHAN"), ("7.01", "KECAMATAN")]:
        sh.row(f"A{r}", [kode, nama] + [None] * 8, **B, bold=True)
        r += 1
    wrong_cell = ""

    def line(node: Node, level: int) -> None:
        nonlocal r, wrong_cell
        bold = level < 2
        first_ind = node.indikator[0]
        name = node.nama
        continued = name.startswith(S_SINERGI_1)
        if continued:
            name = S_SINERGI_1
        sh.row(f"A{r}", [node.kode, name, first_ind[0], lokasi, first_ind[1], first_ind[2]],
               **B, bold=bold)  # fmt: skip
        sh.put(f"G{r}", node.shown(), **M0, bold=bold)
        sh.put(f"H{r}", dana, **BC)
        sh.put(f"I{r}", first_ind[1], **BC)
        sh.put(f"J{r}", round(node.shown() * 1.05 / 1000) * 1000, **M0)
        if node.printed is not None:
            wrong_cell = f"{sh.name}!G{r}"
        r += 1
        if continued:
            sh.row(f"A{r}", [None, S_SINERGI_2] + [None] * 8, **B)
            r += 1
        for extra in node.indikator[1:]:
            sh.row(f"A{r}", [None, None, extra[0], None, extra[1], extra[2], None, None,
                             extra[1], None], **B)  # fmt: skip
            r += 1
        for child in node.children:
            line(child, level + 1)

    for program in tree:
        line(program, 0)
    total = sum(p.shown() for p in tree)
    sh.merge(f"A{r}:F{r}", "JUMLAH", **H)
    sh.put(f"G{r}", total, **M0, bold=True)
    sh.row(f"H{r}", [None, None, round(total * 1.05 / 1000) * 1000], **B)
    lines = ttd("Cisoka, 20 Desember 2023", "CAMAT CISOKA", nama="Drs. H. ENDAN SUPRIATNA",
                tail=("Pembina Utama Muda / IV.c", "NIP. 19680310 199003 1 007"))  # fmt: skip
    signature(sh, "G", r + 2, lines, span=4)
    assert tree[0].children[1].total() == 2530260000 and wrong_cell

    def expect(node: Node, depth: int) -> dict[str, Any]:
        item: dict[str, Any] = {"kode": node.kode, "nama": node.nama,
                                "indikator": _indikator(node)}  # fmt: skip
        if depth == 2:
            item["target_volume"] = dec(node.indikator[0][1])
            item["target_satuan"] = node.indikator[0][2]
        item["anggaran"] = dec(node.shown())
        if depth < 2:
            key = "kegiatan" if depth == 0 else "sub_kegiatan"
            item[key] = [expect(c, depth + 1) for c in node.children]
        return item

    expected = {
        "_about": "Renja table, kode as text in its own column; one kegiatan pagu is wrong.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
            "nama": "KECAMATAN CISOKA",
            "tahun": 2024,
        },
        "penandatangan": {
            "jabatan": "CAMAT CISOKA",
            "nama": "Drs. H. ENDAN SUPRIATNA",
            "nip": "196803101990031007",
        },
        "program": [expect(p, 0) for p in tree],
        "problems_expected": [{"code": "jumlah-tidak-cocok", "cell": wrong_cell}],
        "problems_forbidden": forbid("jumlah-tidak-cocok"),
    }
    return generated("cisoka_renja_kode_teks_2024", book, expected)


def jayanti_renja_kode_kolom_2024() -> Generated:
    """A Renja/RKA-style table whose kode is split over five columns typed as NUMBERS and shown
    through number formats (XlsxWriter): U | BU | P | K | SK under one merged "KODE" header.

    The urusan is the number 7; bidang urusan and program the number 1 under the format "00"
    (shown "01"); the kegiatan the number 2.01 or 2.06 under "0.00"; the sub kegiatan 1, 6, 9
    under "0000" (shown "0001"). The kode is what is displayed, joined with dots:
    "7.01.01.2.01.0006", never "7.1.1.2.01.6".
    Traps: rows "7 UNSUR KEWILAYAHAN" (U only) and "7 01 KECAMATAN" are not programs; program
    rows carry no pagu, each program is closed by a "Sub Total Program" row: the first a =SUM
    formula with its cached (right) value, the second a typed number 221,000,000 where its
    kegiatan sum to 211,000,000 (reported at that cell); TARGET typed as text with its unit
    ("1 Laporan", "12 Bulan", "100 %"); indicators per level.
    """
    book = XlsxBook()
    sh = book.sheet("RKA 2024")
    sh.widths("ABCDEFGHI", 4, 4, 4, 6, 6, 46, 46, 12, 17)
    kop(sh, "A:I", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN JAYANTI")
    title_lines(sh, 4, "A:I", ["RENCANA PROGRAM, KEGIATAN DAN SUB KEGIATAN", "TAHUN ANGGARAN 2024"])
    sh.merge("A7:E7", "KODE", **H)
    sh.row("A8", ["U", "BU", "P", "K", "SK"], **H)
    for letter, text in [("F", "URAIAN"), ("G", "INDIKATOR KINERJA"), ("H", "TARGET"),
                         ("I", "PAGU (Rp)")]:  # fmt: skip
        sh.down(letter, 7, 8, text, **H)
    sh.landscape((7, 8))
    f00 = {**BC, "fmt": "00"}
    fk = {**BC, "fmt": "0.00"}
    f4 = {**BC, "fmt": "0000"}
    # (program number, name, [(indicator, target text, volume, satuan)],
    #  [(kegiatan number, name, indicators, [(sub number, name, indicators, pagu)])], subtotal)
    # fmt: off
    data = [
        (1, P_PENUNJANG, [("Nilai SAKIP Perangkat Daerah", "72 Nilai", 72, "Nilai")], [
            (2.01, K_PERENCANAAN, [("Persentase dokumen perencanaan tepat waktu", "100 %", 100, "%")], [
                (1, S_DOK_RENCANA, [("Jumlah Dokumen Perencanaan Perangkat Daerah", "3 Dokumen", 3, "Dokumen")], 27500000),
                (6, S_LAP_KINERJA, [("Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "5 Laporan", 5, "Laporan")], 16000000)]),
            (2.06, K_UMUM, [("Persentase pemenuhan kebutuhan administrasi umum perkantoran", "100 %", 100, "%")], [
                (1, S_LISTRIK, [("Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan", "1 Paket", 1, "Paket")], 15000000),
                (9, S_RAPAT, [("Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "12 Laporan", 12, "Laporan")], 48000000)])],
         None),
        (4, P_TRANTIB, [("Persentase gangguan trantibum yang tertangani", "100 %", 100, "%")], [
            (2.01, K_TRANTIB, [("Jumlah laporan koordinasi ketentraman dan ketertiban umum", "12 Laporan", 12, "Laporan")], [
                (1, S_SINERGITAS, [("Jumlah Laporan Hasil Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi Vertikal", "12 Bulan", 12, "Bulan")], 211000000)])],
         221000000),
    ]
    # fmt: on
    r = 9
    sh.row(f"A{r}", [7, None, None, None, None], **BC)
    sh.row(f"F{r}", ["UNSUR KEWILAYAHAN", None, None, None], **B, bold=True)
    r += 1
    sh.put(f"A{r}", 7, **BC)
    sh.put(f"B{r}", 1, **f00)
    sh.row(f"C{r}", [None, None, None], **BC)
    sh.row(f"F{r}", ["KECAMATAN", None, None, None], **B, bold=True)
    r += 1
    programs = []
    wrong_cell = ""

    def ind_cells(inds: list[tuple[str, str, int, str]]) -> list[dict[str, Any]]:
        return [{"uraian": u, "satuan": s, "target": dec(v)} for u, _t, v, s in inds]

    for p_no, p_nama, p_inds, kegiatan, subtotal in data:
        sh.put(f"A{r}", 7, **BC)
        sh.put(f"B{r}", 1, **f00)
        sh.put(f"C{r}", p_no, **f00)
        sh.row(f"D{r}", [None, None], **BC)
        sh.row(f"F{r}", [p_nama, p_inds[0][0], p_inds[0][1], None], **B, bold=True)
        r += 1
        p_kode = f"7.01.{p_no:02d}"
        keg_rows, items = [], []
        for k_no, k_nama, k_inds, subs in kegiatan:
            k_kode = f"{p_kode}.{k_no:.2f}"
            k_total = sum(s[3] for s in subs)
            sh.put(f"A{r}", 7, **BC)
            sh.put(f"B{r}", 1, **f00)
            sh.put(f"C{r}", p_no, **f00)
            sh.put(f"D{r}", k_no, **fk)
            sh.put(f"E{r}", None, **BC)
            sh.row(f"F{r}", [k_nama, k_inds[0][0], k_inds[0][1]], **B)
            sh.put(f"I{r}", k_total, **M0)
            keg_rows.append(r)
            r += 1
            sub_items = []
            for s_no, s_nama, s_inds, pagu in subs:
                sh.put(f"A{r}", 7, **BC)
                sh.put(f"B{r}", 1, **f00)
                sh.put(f"C{r}", p_no, **f00)
                sh.put(f"D{r}", k_no, **fk)
                sh.put(f"E{r}", s_no, **f4)
                sh.row(f"F{r}", [s_nama, s_inds[0][0], s_inds[0][1]], **B, italic=True)
                sh.put(f"I{r}", pagu, **M0)
                sub_items.append(
                    {
                        "kode": f"{k_kode}.{s_no:04d}",
                        "nama": s_nama,
                        "indikator": ind_cells(s_inds),
                        "target": s_inds[0][1],
                        "target_volume": dec(s_inds[0][2]),
                        "target_satuan": s_inds[0][3],
                        "anggaran": dec(pagu),
                    }
                )
                r += 1
            items.append({"kode": k_kode, "nama": k_nama, "indikator": ind_cells(k_inds),
                          "target": k_inds[0][1], "anggaran": dec(k_total),
                          "sub_kegiatan": sub_items})  # fmt: skip
        p_total = sum(sum(s[3] for s in k[3]) for k in kegiatan)
        sh.merge(f"A{r}:E{r}", None, **B)
        sh.row(f"F{r}", [f"Sub Total Program {p_kode}", None, None], **B, bold=True)
        program: dict[str, Any] = {"kode": p_kode, "nama": p_nama, "indikator": ind_cells(p_inds),
                                   "target": p_inds[0][1]}  # fmt: skip
        if subtotal is None:
            sh.formula(f"I{r}", "=" + "+".join(f"I{x}" for x in keg_rows), p_total, **M0,
                       bold=True)  # fmt: skip
            program["anggaran"] = dec(p_total)
        else:
            assert subtotal != p_total
            sh.put(f"I{r}", subtotal, **M0, bold=True)
            wrong_cell = f"{sh.name}!I{r}"
            # the program's anggaran is left unasserted: the printed subtotal is wrong
        program["kegiatan"] = items
        programs.append(program)
        r += 1
    assert programs[0]["kegiatan"][0]["sub_kegiatan"][1]["kode"] == "7.01.01.2.01.0006"
    lines = ttd("Jayanti, 2 Januari 2024", "CAMAT JAYANTI", nama="UJANG KOMARUDIN, S.Sos.",
                tail=("Penata Tk. I / III.d", "NIP. 19810607 200604 1 009"))  # fmt: skip
    signature(sh, "G", r + 2, lines, span=3)
    expected = {
        "_about": "Kode split over five numeric columns shown via 00 / 0.00 / 0000 formats.",
        "sheet": sh.name,
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                     "nama": "KECAMATAN JAYANTI", "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT JAYANTI", "nama": "UJANG KOMARUDIN, S.Sos.",
                          "nip": "198106072006041009"},
        "program": programs,
        "problems_expected": [{"code": "jumlah-tidak-cocok", "cell": wrong_cell}],
        "problems_forbidden": forbid("jumlah-tidak-cocok"),
    }  # fmt: skip
    return generated("jayanti_renja_kode_kolom_2024", book, expected)


def balaraja_renja_kode_nama_2024() -> Generated:
    """A Renja/DPA summary whose kode stands inside the name cell, "7.01.01.2.08.0002 -
    Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik" (openpyxl).

    Layout: NO | PROGRAM / KEGIATAN / SUB KEGIATAN | INDIKATOR KINERJA | TARGET | ANGGARAN (Rp).
    Traps: "7.01 - KECAMATAN" (bidang urusan) is not a program; NO numbers the programs only
    (1, 2); names are what follows " - "; TARGET holds the number and the unit ("12 Bulan",
    "100 %", "6 Lembaga"); anggaran numbers under the format "Rp "#,##0; program and kegiatan
    rows print the sum of their children and the TOTAL row the sum of the programs: everything
    agrees, nothing is reported; a kegiatan with two sub kegiatan whose second indicator line
    is on its own row.
    """
    book = OpenpyxlBook()
    sh = book.sheet("Renja")
    sh.widths("ABCDE", 5, 62, 48, 12, 19)
    kop(sh, "A:E", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN BALARAJA")
    title_lines(sh, 4, "A:E", ["PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN 2024"])
    sh.row("A6", ["NO", "PROGRAM / KEGIATAN / SUB KEGIATAN", "INDIKATOR KINERJA", "TARGET",
                  "ANGGARAN (Rp)"], **H)  # fmt: skip
    money = {**BR, "fmt": '"Rp "#,##0'}
    # fmt: off
    tree = [
        Node("7.01.01", P_PENUNJANG, [("Nilai SAKIP Perangkat Daerah", 70, "Nilai")], children=[
            Node("7.01.01.2.08", K_JASA,
                 [("Persentase pemenuhan jasa penunjang perkantoran", 100, "%")], children=[
                     Node("7.01.01.2.08.0002", S_KOMUNIKASI,
                          [("Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan "
                            "Listrik yang Disediakan", 12, "Laporan")], 86400000),
                     Node("7.01.01.2.08.0004", S_PELAYANAN_KANTOR,
                          [("Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang "
                            "Disediakan", 12, "Bulan")], 312000000)])]),
        Node("7.01.03", P_PEMBERDAYAAN,
             [("Persentase lembaga kemasyarakatan desa yang aktif", 85, "%")], children=[
            Node("7.01.03.2.01", K_PEMBERDAYAAN,
                 [("Jumlah desa yang difasilitasi pemberdayaan masyarakat", 10, "Desa")], children=[
                     Node("7.01.03.2.01.0001", S_MUSRENBANG,
                          [("Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum "
                            "Musyawarah Perencanaan Pembangunan di Desa", 6, "Lembaga")],
                          35750000),
                     Node("7.01.03.2.01.0002", S_SINKRONISASI,
                          [("Jumlah Dokumen Sinkronisasi Program Kerja dan Kegiatan "
                            "Pemberdayaan Masyarakat", 1, "Dokumen")], 12250000)])]),
    ]
    # fmt: on
    r = 7
    sh.row(f"A{r}", [None, "7.01 - KECAMATAN", None, None, None], **B, bold=True)
    r += 1

    def text(node: Node) -> str:
        t, s = node.indikator[0][1], node.indikator[0][2]
        return f"{t} {s}"

    for n, program in enumerate(tree, 1):
        for node, depth in [(program, 0)] + [
            x for k in program.children for x in [(k, 1)] + [(s, 2) for s in k.children]
        ]:
            sh.put(f"A{r}", n if depth == 0 else None, **BC)
            sh.put(f"B{r}", f"{node.kode} - {node.nama}", **B, bold=depth == 0)
            sh.put(f"C{r}", node.indikator[0][0], **B)
            sh.put(f"D{r}", text(node), **BC)
            sh.put(f"E{r}", node.total(), **money, bold=depth == 0)
            r += 1
    total = sum(p.total() for p in tree)
    sh.merge(f"A{r}:D{r}", "TOTAL", **H)
    sh.put(f"E{r}", total, **money, bold=True)
    lines = ttd("Balaraja, 4 Januari 2024", "CAMAT BALARAJA", nama="H. SUHENDI, S.E., M.Si.",
                tail=("Pembina Tk. I / IV.b", "NIP. 19730914 199503 1 002"))  # fmt: skip
    signature(sh, "C", r + 2, lines, span=3)

    def expect(node: Node, depth: int) -> dict[str, Any]:
        item: dict[str, Any] = {"kode": node.kode, "nama": node.nama,
                                "indikator": _indikator(node)}  # fmt: skip
        if depth > 0:
            item["target"] = text(node)
            item["target_volume"] = dec(node.indikator[0][1])
            item["target_satuan"] = node.indikator[0][2]
        item["anggaran"] = dec(node.total())
        if depth < 2:
            key = "kegiatan" if depth == 0 else "sub_kegiatan"
            item[key] = [expect(c, depth + 1) for c in node.children]
        return item

    expected = {
        "_about": "Kode inside the name cell ('7.01.01.2.08.0002 - ...'); totals agree.",
        "sheet": sh.name,
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                     "nama": "KECAMATAN BALARAJA", "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT BALARAJA", "nama": "H. SUHENDI, S.E., M.Si.",
                          "nip": "197309141995031002"},
        "program": [expect(p, 0) for p in tree],
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("balaraja_renja_kode_nama_2024", book, expected)


# =============================================================================================
# (j) PK lampiran at three eselon levels (Kecamatan Mekarjaya)

MEKARJAYA_CAMAT = {
    "nama": "Dra. Hj. IMAS MASRIAH, M.Si.",
    "pangkat": "Pembina Utama Muda / IV.c",
    "nip": "196905211994032003",
    "nip_cetak": "19690521 199403 2 003",
}
MEKARJAYA_SEKCAM = {
    "nama": "ASEP SAEPUL ROHMAN, S.STP., M.M.",
    "pangkat": "Pembina / IV.a",
    "nip": "198309142002121001",
    "nip_cetak": "19830914 200212 1 001",
}
MEKARJAYA_KASUBAG = {
    "nama": "RISMA NURAENI, S.E.",
    "pangkat": "Penata / III.c",
    "nip": "199004122015032002",
    "nip_cetak": "19900412 201503 2 002",
}


def _pk_level(*, sheet: str, titles: list[str], with_kop: bool,
              sasaran_header: tuple[str, str], sasaran: list[tuple[str, str, list[tuple[str, str, Any]]]],
              table_header: str, rows: list[tuple[str, str, str, int]],
              kedua: tuple[list[str], dict[str, str]], pertama: tuple[list[str], dict[str, str]],
              tanggal: str) -> tuple[OpenpyxlBook, Sheet, dict[str, Any], list[dict[str, Any]]]:  # fmt: skip
    """One PK lampiran: sasaran table, then No | Kode | <level> | Anggaran (Rp) | Keterangan with
    rows (level, kode, nama, anggaran) where level is "program", "kegiatan" or "sub"; a Jumlah
    row (sum of the top level shown); two signatures whose jabatan lines end with a comma."""
    book = OpenpyxlBook()
    sh = book.sheet(sheet)
    sh.widths("ABCDEF", 6, 20, 52, 40, 18, 16)
    first = 1
    if with_kop:
        kop(sh, "A:F", "PEMERINTAH KABUPATEN SUKAWANGI", "KECAMATAN MEKARJAYA",
            "Jl. Raya Mekarjaya No. 5")  # fmt: skip
        first = 5
    r = title_lines(sh, first, "A:F", titles) + 1
    sh.row(f"A{r}", ["No", sasaran_header[0], None, sasaran_header[1], "Target"], **H)
    sh.merge(f"B{r}:C{r}", sasaran_header[0], **H)
    r += 1
    expected_sasaran = []
    for no, uraian, inds in sasaran:
        start = r
        items = []
        for ind, target, value in inds:
            sh.put(f"D{r}", ind, **B)
            sh.put(f"E{r}", target, **BC)
            items.append({"uraian": ind, "target": dec(value)})
            r += 1
        sh.down("A", start, r - 1, no, **BC)
        sh.merge(f"B{start}:C{r - 1}", uraian, **B)
        expected_sasaran.append({"no": no, "uraian": uraian, "indikator": items})
    r += 1
    sh.row(f"A{r}", ["No", "Kode", table_header, "Anggaran (Rp)", None, "Keterangan"], **H)
    sh.merge(f"D{r}:E{r}", "Anggaran (Rp)", **H)
    r += 1
    programs: list[dict[str, Any]] = []
    n = 0
    top = rows[0][0]
    total = 0
    for level, kode, nama, anggaran in rows:
        if level == top:
            n += 1
            total += anggaran
        sh.put(f"A{r}", n if level == top else None, **BC)
        sh.put(f"B{r}", kode, **B)
        sh.put(f"C{r}", nama, **B, bold=level == "program")
        sh.merge(f"D{r}:E{r}", anggaran, **M0, bold=level == "program")
        sh.put(f"F{r}", "APBD 2024" if level != "program" else None, **BC)
        item = {"kode": kode, "nama": nama, "anggaran": dec(anggaran)}
        if level == "program":
            programs.append({**item, "kegiatan": []})
        elif level == "kegiatan":
            programs[-1]["kegiatan"].append({**item, "sub_kegiatan": []})
        else:
            programs[-1]["kegiatan"][-1]["sub_kegiatan"].append(item)
        r += 1
    sh.merge(f"A{r}:C{r}", "Jumlah", **H)
    sh.merge(f"D{r}:E{r}", total, **M0, bold=True)
    sh.put(f"F{r}", None, **B)
    # every total agrees with its parts
    for p in programs:
        if p["kegiatan"]:
            assert sum(k["anggaran"] for k in p["kegiatan"]) == p["anggaran"], p["nama"]
        for k in p["kegiatan"]:
            if k["sub_kegiatan"]:
                assert sum(s["anggaran"] for s in k["sub_kegiatan"]) == k["anggaran"], k["nama"]
    r += 2
    sh.merge(f"D{r}:E{r}", tanggal, align="center")
    r += 1
    (k_lines, k_person), (p_lines, p_person) = kedua, pertama
    left = ttd(
        "PIHAK KEDUA,",
        *k_lines,
        nama=k_person["nama"],
        tail=(k_person["pangkat"], f"NIP. {k_person['nip_cetak']}") if "nip" in k_person else (),
    )
    right = ttd(
        "PIHAK PERTAMA,",
        *p_lines,
        nama=p_person["nama"],
        tail=(p_person["pangkat"], f"NIP. {p_person['nip_cetak']}"),
    )
    signature(sh, "B", r, left, span=2)
    signature(sh, "D", r, right, span=2)

    def person(lines: list[str], who: dict[str, str], peran: str) -> dict[str, Any]:
        out = {"peran": peran, "jabatan": " ".join(lines).rstrip(","), "nama": who["nama"]}
        if "nip" in who:
            out.update(pangkat=who["pangkat"], nip=who["nip"])
        else:
            out["nip"] = ""
        return out

    semua = [person(k_lines, k_person, "pihak_kedua"), person(p_lines, p_person, "pihak_pertama")]
    expected = {
        "sheet": sh.name,
        "penandatangan": {k: v for k, v in semua[1].items() if k != "peran"},
        "penandatangan_semua": semua,
        "sasaran": expected_sasaran,
        "program": programs,
    }
    return book, sh, expected, programs


def mekarjaya_pk_program_2024() -> Generated:
    """PK of the Camat (eselon III.a) with the Bupati: sasaran strategis, indikator kinerja
    utama, target; then the programs with kode, anggaran and keterangan (openpyxl).

    Traps: No | Kode | Program | Anggaran (Rp) (merged over two columns) | Keterangan; program
    kode "7.01.01" ... "7.01.04" typed as text in their own column; Jumlah merged over No..Program;
    "BUPATI SUKAWANGI," and "CAMAT MEKARJAYA," jabatan lines with trailing commas; the Bupati
    without pangkat/NIP; SASARAN merged over two columns and down.
    """
    rows = [("program", "7.01.01", P_PENUNJANG, 2874310000),
            ("program", "7.01.02", P_PEMERINTAHAN, 194279100),
            ("program", "7.01.03", P_PEMBERDAYAAN, 88500000),
            ("program", "7.01.04", P_TRANTIB, 126400000)]  # fmt: skip
    sasaran = [
        ("1", "Meningkatnya kualitas pelayanan publik kecamatan", [
            ("Indeks Kepuasan Masyarakat", "86", 86),
            ("Persentase layanan administrasi terpadu kecamatan tepat waktu", "95 %", 95)]),
        ("2", "Meningkatnya ketentraman dan ketertiban umum", [
            ("Persentase penanganan gangguan trantibum", "100 %", 100)]),
        ("3", "Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Nilai SAKIP Kecamatan", "72", 72)]),
    ]  # fmt: skip
    book, _sh, expected, _ = _pk_level(
        sheet="PK Camat",
        titles=["PERJANJIAN KINERJA TAHUN 2024", "CAMAT MEKARJAYA"],
        with_kop=True,
        sasaran_header=("Sasaran Strategis", "Indikator Kinerja Utama"),
        sasaran=sasaran,
        table_header="Program",
        rows=rows,
        kedua=(["BUPATI SUKAWANGI,"], {"nama": "H. DADANG HERMAWAN, S.H."}),
        pertama=(["CAMAT MEKARJAYA,"], MEKARJAYA_CAMAT),
        tanggal="Sukawangi, 2 Januari 2024",
    )
    expected = {"_about": "PK at program level: Camat with the Bupati.", **expected,
                "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                             "nama": "KECAMATAN MEKARJAYA", "tahun": 2024},
                "problems_forbidden": forbid()}  # fmt: skip
    return generated("mekarjaya_pk_program_2024", book, expected)


def mekarjaya_pk_kegiatan_2024() -> Generated:
    """PK of the Sekretaris Kecamatan (eselon III.b) with the Camat: sasaran program,
    indikator kinerja program, target; then the program row and its kegiatan with kode,
    anggaran and keterangan (openpyxl).

    Traps: no kop, titles "PERJANJIAN KINERJA TAHUN 2024 / SEKRETARIS KECAMATAN MEKARJAYA"
    (a jabatan, not the instansi); the program row (kode 7.01.01) is numbered 1 and its kegiatan
    rows (7.01.01.2.01 ...) are not numbered; the program's anggaran equals the sum of its
    kegiatan and the Jumlah equals the program; "CAMAT MEKARJAYA," and "SEKRETARIS KECAMATAN
    MEKARJAYA," with trailing commas.
    """
    rows = [("program", "7.01.01", P_PENUNJANG, 2874310000),
            ("kegiatan", "7.01.01.2.01", K_PERENCANAAN, 43500000),
            ("kegiatan", "7.01.01.2.02", K_KEUANGAN, 2530260000),
            ("kegiatan", "7.01.01.2.06", K_UMUM, 188550000),
            ("kegiatan", "7.01.01.2.08", K_JASA, 112000000)]  # fmt: skip
    sasaran = [
        ("1", "Meningkatnya kualitas perencanaan dan pelaporan kinerja kecamatan", [
            ("Nilai SAKIP Kecamatan", "72", 72),
            ("Persentase dokumen perencanaan dan pelaporan yang tepat waktu", "100 %", 100)]),
        ("2", "Meningkatnya kualitas pengelolaan keuangan dan administrasi perkantoran", [
            ("Persentase laporan keuangan yang disampaikan tepat waktu", "100 %", 100)]),
    ]  # fmt: skip
    book, _sh, expected, _ = _pk_level(
        sheet="PK Sekcam", titles=["PERJANJIAN KINERJA TAHUN 2024",
                                   "SEKRETARIS KECAMATAN MEKARJAYA"],
        with_kop=False, sasaran_header=("Sasaran Program", "Indikator Kinerja Program"),
        sasaran=sasaran, table_header="Program / Kegiatan", rows=rows,
        kedua=(["CAMAT MEKARJAYA,"], MEKARJAYA_CAMAT),
        pertama=(["SEKRETARIS KECAMATAN MEKARJAYA,"], MEKARJAYA_SEKCAM),
        tanggal="Mekarjaya, 3 Januari 2024")  # fmt: skip
    expected = {
        "_about": "PK at kegiatan level: Sekcam with the Camat.",
        **expected,
        "instansi": {"tahun": 2024},
        "problems_forbidden": forbid(),
    }
    return generated("mekarjaya_pk_kegiatan_2024", book, expected)


def mekarjaya_pk_subkegiatan_2024() -> Generated:
    """PK of the Kepala Subbagian Perencanaan dan Keuangan (eselon IV) with the Sekcam:
    sasaran kegiatan, indikator kinerja kegiatan, target; then program, kegiatan and sub
    kegiatan rows with kode, anggaran and keterangan (openpyxl).

    Traps: the office appears only inside the two-row jabatan lines of the signatures:
    "SEKRETARIS" / "KECAMATAN MEKARJAYA," and "KEPALA SUBBAGIAN PERENCANAAN DAN KEUANGAN" /
    "KECAMATAN MEKARJAYA,": jabatan are joined with a space, without the trailing comma, and
    instansi.nama is "KECAMATAN MEKARJAYA" (no comma); three levels in one table (program
    numbered 1, kegiatan and sub kegiatan by kode only); every total agrees.
    """
    rows = [("program", "7.01.01", P_PENUNJANG, 2573760000),
            ("kegiatan", "7.01.01.2.01", K_PERENCANAAN, 43500000),
            ("sub", "7.01.01.2.01.0001", S_DOK_RENCANA, 25000000),
            ("sub", "7.01.01.2.01.0006", S_LAP_KINERJA, 18500000),
            ("kegiatan", "7.01.01.2.02", K_KEUANGAN, 2530260000),
            ("sub", "7.01.01.2.02.0001", S_GAJI, 2434260000),
            ("sub", "7.01.01.2.02.0002", S_ADM_ASN, 96000000)]  # fmt: skip
    sasaran = [
        ("1", "Tersusunnya dokumen perencanaan dan pelaporan kinerja tepat waktu", [
            ("Jumlah dokumen perencanaan dan laporan kinerja yang tersusun", "8 Dokumen", 8)]),
        ("2", "Terpenuhinya hak keuangan dan administrasi ASN", [
            ("Persentase ASN yang menerima gaji dan tunjangan tepat waktu", "100 %", 100)]),
    ]  # fmt: skip
    book, _sh, expected, _ = _pk_level(
        sheet="PK Kasubag", titles=["PERJANJIAN KINERJA TAHUN 2024"], with_kop=False,
        sasaran_header=("Sasaran Kegiatan", "Indikator Kinerja Kegiatan"), sasaran=sasaran,
        table_header="Program / Kegiatan / Sub Kegiatan", rows=rows,
        kedua=(["SEKRETARIS", "KECAMATAN MEKARJAYA,"], MEKARJAYA_SEKCAM),
        pertama=(["KEPALA SUBBAGIAN PERENCANAAN DAN KEUANGAN", "KECAMATAN MEKARJAYA,"],
                 MEKARJAYA_KASUBAG), tanggal="Mekarjaya, 4 Januari 2024")  # fmt: skip
    assert expected["penandatangan"]["jabatan"] == (
        "KEPALA SUBBAGIAN PERENCANAAN DAN KEUANGAN KECAMATAN MEKARJAYA"
    )
    expected = {"_about": "PK at sub kegiatan level; the office only in the signatures.",
                **expected, "instansi": {"nama": "KECAMATAN MEKARJAYA", "tahun": 2024},
                "problems_forbidden": forbid()}  # fmt: skip
    return generated("mekarjaya_pk_subkegiatan_2024", book, expected)


# =============================================================================================
# (k) Rencana Aksi: targets per triwulan, sub kegiatan pendukung, penanggung jawab

S_LAYANAN = "Peningkatan Efektivitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan"


def _rencana_aksi(kecamatan: str, tw_header: str, data: list[Any], ttd_lines: list[str | None]
                  ) -> tuple[OpenpyxlBook, Sheet, list[dict[str, Any]]]:  # fmt: skip
    book = OpenpyxlBook()
    sh = book.sheet("Rencana Aksi 2024")
    sh.widths("ABCDEFGHIJKL", 5, 30, 40, 9, 9, 7, 7, 7, 7, 46, 24, 3)
    kop(sh, "A:K", "PEMERINTAH KABUPATEN SUKAWANGI", kecamatan)
    title_lines(sh, 4, "A:K", ["RENCANA AKSI KINERJA", "TAHUN 2024"])
    for letter, text in [("A", "NO"), ("B", "SASARAN STRATEGIS"), ("C", "INDIKATOR KINERJA"),
                         ("D", "SATUAN"), ("E", "TARGET 2024"), ("J", "SUB KEGIATAN PENDUKUNG"),
                         ("K", "PENANGGUNG JAWAB")]:  # fmt: skip
        sh.down(letter, 7, 8, text, **H)
    sh.merge("F7:I7", tw_header, **H)
    sh.row("F8", ["TW I", "TW II", "TW III", "TW IV"], **H)
    sh.landscape((7, 8))
    r = 9
    sasaran = []
    for no, uraian, inds in data:
        first = r
        items = []
        for ind, satuan, target, tws, subs, pj in inds:
            sh.row(f"C{r}", [ind, satuan, target, *tws, subs[0], pj], **B)
            r += 1
            for extra in subs[1:]:  # a second supporting sub kegiatan: its own row
                sh.row(f"C{r}", [None] * 7, **B)
                sh.put(f"J{r}", extra, **B)
                sh.put(f"K{r}", None, **B)
                r += 1
            items.append(
                {
                    "uraian": ind,
                    "satuan": satuan,
                    "target": dec(target),
                    "target_tw": tw(*tws),
                    "penanggung_jawab": pj,
                }
            )
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": items})
    signature(sh, "J", r + 2, ttd_lines, span=2)
    return book, sh, sasaran


def sukamaju_renaksi_kumulatif_2024() -> Generated:
    """A Rencana Aksi (PermenPANRB 53/2014 follow-up of the PK) with CUMULATIVE targets per
    triwulan under the header "TARGET KUMULATIF" (openpyxl).

    Traps: TW I..TW IV under "TARGET KUMULATIF": the values are cumulative as printed (2, 4, 6,
    8 for a year target of 8; TW IV = the year target); the SUB KEGIATAN PENDUKUNG column, one
    indicator supported by two sub kegiatan on two rows (the second row holds only the sub
    kegiatan: not an indicator); PENANGGUNG JAWAB column; "CAMAT SUKAMAJU," with a comma.
    """
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan publik kecamatan", [
            ("Indeks Kepuasan Masyarakat", "Indeks", 85, [80, 82, 84, 85], [S_LAYANAN],
             "Seksi Pelayanan Umum"),
            ("Persentase permohonan PATEN selesai tepat waktu", "%", 95, [90, 92, 94, 95],
             [S_LAYANAN], "Seksi Pelayanan Umum")]),
        ("2", "Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Jumlah dokumen perencanaan dan pelaporan kinerja yang tersusun", "Dokumen", 8,
             [2, 4, 6, 8], [S_DOK_RENCANA, S_LAP_KINERJA], "Subbagian Perencanaan dan Keuangan")]),
        ("3", "Meningkatnya ketentraman dan ketertiban umum", [
            ("Persentase penanganan gangguan trantibum", "%", 100, [100, 100, 100, 100],
             [S_SINERGITAS], "Seksi Ketentraman dan Ketertiban Umum")]),
    ]
    # fmt: on
    lines = ttd(
        "Sukamaju, 15 Januari 2024",
        "CAMAT SUKAMAJU,",
        nama="H. ROHMAT HIDAYAT, S.Sos.",
        tail=("Pembina / IV.a", "NIP. 19760302 199803 1 004"),
    )  # fmt: skip
    book, sh, sasaran = _rencana_aksi("KECAMATAN SUKAMAJU", "TARGET KUMULATIF", data, lines)
    expected = {
        "_about": "Rencana Aksi, cumulative TW targets, sub kegiatan and penanggung jawab.",
        "sheet": sh.name,
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                     "nama": "KECAMATAN SUKAMAJU", "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT SUKAMAJU", "nama": "H. ROHMAT HIDAYAT, S.Sos.",
                          "pangkat": "Pembina / IV.a", "nip": "197603021998031004"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("sukamaju_renaksi_kumulatif_2024", book, expected)


def cibeureum_renaksi_triwulan_2024() -> Generated:
    """The same Rencana Aksi form with targets PER TRIWULAN (not cumulative) under the header
    "TARGET PER TRIWULAN" (openpyxl).

    Traps: counts per quarter that add up to the year target (2+2+2+2 = 8; 3+3+3+3 = 12),
    percentages repeated each quarter (95, 95, 95, 95), an indicator with no target in TW I
    (empty, -> null, not 0); two supporting sub kegiatan on two rows; PENANGGUNG JAWAB.
    """
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan publik kecamatan", [
            ("Persentase permohonan PATEN selesai tepat waktu", "%", 95, [95, 95, 95, 95],
             [S_LAYANAN], "Seksi Pelayanan Umum")]),
        ("2", "Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Jumlah dokumen perencanaan dan pelaporan kinerja yang tersusun", "Dokumen", 8,
             [2, 2, 2, 2], [S_DOK_RENCANA, S_LAP_KINERJA], "Subbagian Perencanaan dan Keuangan")]),
        ("3", "Meningkatnya pemberdayaan masyarakat desa", [
            ("Jumlah kegiatan pembinaan lembaga kemasyarakatan desa", "Kegiatan", 12,
             [3, 3, 3, 3], [S_MUSRENBANG], "Seksi Pemberdayaan Masyarakat"),
            ("Jumlah desa yang difasilitasi Musrenbang", "Desa", 9, [None, 9, None, None],
             [S_MUSRENBANG, S_SINKRONISASI], "Seksi Pemberdayaan Masyarakat")]),
    ]
    # fmt: on
    lines = ttd(
        "Cibeureum, 12 Januari 2024",
        "CAMAT CIBEUREUM",
        nama="DENI MULYADI, S.IP., M.Si.",
        tail=("Pembina / IV.a", "NIP. 19800720 200012 1 002"),
    )  # fmt: skip
    book, sh, sasaran = _rencana_aksi("KECAMATAN CIBEUREUM", "TARGET PER TRIWULAN", data, lines)
    expected = {
        "_about": "Rencana Aksi, per-quarter TW targets.",
        "sheet": sh.name,
        "instansi": {"pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
                     "nama": "KECAMATAN CIBEUREUM", "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT CIBEUREUM", "nama": "DENI MULYADI, S.IP., M.Si.",
                          "nip": "198007202000121002"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("cibeureum_renaksi_triwulan_2024", book, expected)


# =============================================================================================
# (l) LKjIP Bab III: this year, last year and the end-of-Renstra target


def cigudeg_lkjip_bab3_2024() -> Generated:
    """LKjIP Bab III "Tabel 3.1 Capaian Kinerja Sasaran Strategis" comparing years (XlsxWriter).

    Layout: NO | SASARAN STRATEGIS | INDIKATOR KINERJA | SATUAN | TAHUN 2023 (REALISASI |
    CAPAIAN (%)) | TAHUN 2024 (TARGET | REALISASI | CAPAIAN (%)) | TARGET AKHIR RENSTRA (2026)
    | CAPAIAN s.d. 2024 TERHADAP TARGET AKHIR RENSTRA (%) | PREDIKAT, two header rows and a
    column-number row "1 ... 9 = 8/7 x 100 ... 11 = 8/10 x 100 12".
    Traps: two REALISASI and three CAPAIAN columns (the document year is 2024: target/realisasi/
    capaian are 2024's; realisasi_lalu/capaian_lalu 2023's; target_renstra and capaian_renstra);
    PREDIKAT as text ("Sangat Tinggi", "Tinggi"); a negative indicator whose printed capaian are
    (2T-R)/T; "Rata-rata Capaian Sasaran 1" row (not an indicator); title line only (no kop).
    """
    book = XlsxBook()
    sh = book.sheet("Tabel 3.1")
    sh.widths("ABCDEFGHIJKL", 5, 28, 36, 9, 10, 10, 9, 10, 10, 11, 14, 13)
    title_lines(sh, 1, "A:L", ["Tabel 3.1", "CAPAIAN KINERJA SASARAN STRATEGIS KECAMATAN CIGUDEG "
                                            "TAHUN 2024"])  # fmt: skip
    for letter, text in [("A", "NO"), ("B", "SASARAN STRATEGIS"), ("C", "INDIKATOR KINERJA"),
                         ("D", "SATUAN"), ("J", "TARGET AKHIR RENSTRA (2026)"),
                         ("K", "CAPAIAN s.d. 2024 TERHADAP TARGET AKHIR RENSTRA (%)"),
                         ("L", "PREDIKAT")]:  # fmt: skip
        sh.down(letter, 4, 5, text, **H)
    sh.merge("E4:F4", "TAHUN 2023", **H)
    sh.merge("G4:I4", "TAHUN 2024", **H)
    sh.row("E5", ["REALISASI", "CAPAIAN (%)", "TARGET", "REALISASI", "CAPAIAN (%)"], **H)
    sh.row("A6", ["1", "2", "3", "4", "5", "6", "7", "8", "9 = 8/7 x 100", "10",
                  "11 = 8/10 x 100", "12"], **BC, italic=True)  # fmt: skip
    sh.landscape((4, 6))
    # (indicator, satuan, R23, C23, T24, R24, T_renstra, negative, predikat)
    # fmt: off
    data = [
        ("1", "Meningkatnya kualitas pelayanan publik", [
            ("Indeks Kepuasan Masyarakat", "Indeks", 82.5, 103.13, 85, 86.1, 88, False,
             "Sangat Tinggi"),
            ("Persentase desa dengan status minimal maju", "%", 40, 100, 50, 45, 70, False,
             "Tinggi")]),
        ("2", "Menurunnya gangguan ketentraman dan ketertiban umum", [
            ("Jumlah kejadian gangguan trantibum", "Kejadian", 15, 93.75, 12, 10, 8, True,
             "Sangat Tinggi")]),
        ("3", "Meningkatnya akuntabilitas kinerja kecamatan", [
            ("Nilai SAKIP Kecamatan", "Nilai", 62.3, 95.85, 65, 66.02, 70, False,
             "Sangat Tinggi")]),
    ]
    # fmt: on
    r = 7
    sasaran = []
    for no, uraian, inds in data:
        first = r
        items = []
        for ind, satuan, r23, c23, t24, r24, tr, negative, predikat in inds:
            calc = cap_neg if negative else cap_pos
            c24, cr = calc(t24, r24), calc(tr, r24)
            sh.row(f"C{r}", [ind, satuan], **B)
            sh.put(f"E{r}", r23, **BC)
            sh.put(f"F{r}", c23, **N2)
            sh.row(f"G{r}", [t24, r24], **BC)
            sh.put(f"I{r}", float(c24), **N2)
            sh.put(f"J{r}", tr, **BC)
            sh.put(f"K{r}", float(cr), **N2)
            sh.put(f"L{r}", predikat, **BC)
            items.append(
                {
                    "uraian": ind,
                    "satuan": satuan,
                    "target": dec(t24),
                    "realisasi": {"tahun": dec(r24)},
                    "capaian": c24,
                    "realisasi_lalu": dec(r23),
                    "capaian_lalu": dec(c23),
                    "target_renstra": dec(tr),
                    "capaian_renstra": cr,
                    "predikat": predikat,
                }
            )
            r += 1
        sh.down("A", first, r - 1, no, **BC)
        sh.down("B", first, r - 1, uraian, **B)
        sasaran.append({"no": no, "uraian": uraian, "indikator": items})
        if len(items) > 1:
            mean = r2(sum(i["capaian"] for i in items) / len(items))
            sh.merge(f"A{r}:H{r}", f"Rata-rata Capaian Sasaran {no}", **B, bold=True)
            sh.put(f"I{r}", float(mean), **N2, bold=True)
            sh.row(f"J{r}", [None, None, None], **B)
            r += 1
    assert sasaran[0]["indikator"][1]["capaian"] == 90
    assert sasaran[1]["indikator"][0]["capaian_renstra"] == 75
    lines = ttd("Cigudeg, 20 Februari 2025", "CAMAT CIGUDEG", nama="YUSUF MAULANA, S.STP., M.Si.",
                tail=("Pembina / IV.a", "NIP. 19850403 200312 1 002"))  # fmt: skip
    signature(sh, "J", r + 2, lines, span=3)
    expected = {
        "_about": "LKjIP Bab III: last year's realisasi/capaian, Renstra target and capaian.",
        "sheet": sh.name,
        "instansi": {"nama": "KECAMATAN CIGUDEG", "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT CIGUDEG", "nama": "YUSUF MAULANA, S.STP., M.Si.",
                          "nip": "198504032003121002"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    }  # fmt: skip
    return generated("cigudeg_lkjip_bab3_2024", book, expected)


# =============================================================================================
# (m) SIPD "Laporan Realisasi Anggaran" export


def cisauk_sipd_realisasi_tw3_2024() -> Generated:
    """A SIPD-style "Laporan Realisasi Anggaran" export, s.d. Triwulan III (openpyxl).

    Layout: title and filter lines ("PEMERINTAH KABUPATEN SUKAWANGI", "Laporan Realisasi
    Anggaran", "Tahun Anggaran 2024", "SKPD : 7.01.0.00.0.00.01.0000 Kecamatan Cisauk",
    "Periode: s.d. Triwulan III", "Dicetak: 07-10-2024 09:15"), then Kode | Uraian | Anggaran |
    Realisasi | Sisa | % with every amount TEXT in Indonesian writing ("2.434.260.000,00") and
    "%" text with a decimal comma ("75,00").
    Traps: program, kegiatan and sub kegiatan rows (kode 7.01.01, 7.01.01.2.01,
    7.01.01.2.01.0001) are the entries; the belanja account rows under each sub kegiatan
    (5.1.01.01.01.0001 Belanja Gaji Pokok PNS, 5.1.02.01.01.0024 ...) are NOT entries; a
    realisasi with cents ("62.345.678,50"); the "JUMLAH" row; the SKPD code line is not a kode
    of the table; the "Dicetak" date is not the year; no signature (penandatangan null).
    """
    book = OpenpyxlBook()
    sh = book.sheet("Realisasi Anggaran")
    sh.widths("ABCDEF", 22, 60, 20, 20, 20, 8)
    lines = ["PEMERINTAH KABUPATEN SUKAWANGI", "Laporan Realisasi Anggaran", "Tahun Anggaran 2024"]
    for i, line in enumerate(lines, 1):
        sh.merge(f"A{i}:F{i}", line, bold=True, align="center", size=12)
    sh.put("A5", "SKPD : 7.01.0.00.0.00.01.0000 Kecamatan Cisauk")
    sh.put("A6", "Periode: s.d. Triwulan III")
    sh.put("A7", "Dicetak: 07-10-2024 09:15")
    sh.row("A9", ["Kode", "Uraian", "Anggaran", "Realisasi", "Sisa", "%"], **H)
    D = Decimal
    # program -> kegiatan -> sub kegiatan -> [(account kode, uraian, anggaran, realisasi)]
    # fmt: off
    tree = [
        ("7.01.01", P_PENUNJANG, [
            ("7.01.01.2.01", K_PERENCANAAN, [
                ("7.01.01.2.01.0001", S_DOK_RENCANA, [
                    ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", D(5000000), D(4250000)),
                    ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat", D(20000000), D(14500000))])]),
            ("7.01.01.2.02", K_KEUANGAN, [
                ("7.01.01.2.02.0001", S_GAJI, [
                    ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", D(1650000000), D(1237500000)),
                    ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", D(165000000), D(123750000)),
                    ("5.1.01.01.03.0001", "Belanja Tunjangan Jabatan PNS", D(96260000), D(72195000)),
                    ("5.1.01.02.01.0001", "Belanja Tambahan Penghasilan berdasarkan Beban Kerja PNS", D(523000000), D(392250000))])])]),
        ("7.01.02", P_PEMERINTAHAN, [
            ("7.01.02.2.01", K_KOORDINASI, [
                ("7.01.02.2.01.0002", S_EFEKTIVITAS, [
                    ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat", D(34282000), D("20845678.50")),
                    ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa", D(80000000), D(41500000))])])]),
    ]
    # fmt: on
    r = 10
    entries: list[dict[str, Any]] = []
    programs: list[dict[str, Any]] = []

    def amounts(anggaran: Decimal, realisasi: Decimal) -> list[str]:
        pct = r2(realisasi / anggaran * 100)
        return [rupiah_id(anggaran), rupiah_id(realisasi), rupiah_id(anggaran - realisasi),
                f"{pct:.2f}".replace(".", ",")]  # fmt: skip

    def write(kode: str, uraian: str, a: Decimal, real: Decimal, bold: bool) -> None:
        nonlocal r
        sh.row(f"A{r}", [kode, uraian], **B, bold=bold)
        sh.row(f"C{r}", amounts(a, real), **BR, bold=bold)
        r += 1

    total_a = total_r = Decimal(0)
    for p_kode, p_nama, kegiatan in tree:
        p_a = sum(acc[2] for k in kegiatan for s in k[2] for acc in s[2])
        p_r = sum(acc[3] for k in kegiatan for s in k[2] for acc in s[2])
        total_a, total_r = total_a + p_a, total_r + p_r
        write(p_kode, p_nama, p_a, p_r, True)
        entries.append({"kode": p_kode, "uraian": p_nama, "anggaran": p_a, "realisasi": p_r})
        program = {"kode": p_kode, "nama": p_nama, "anggaran": p_a, "realisasi_anggaran": p_r,
                   "kegiatan": []}  # fmt: skip
        for k_kode, k_nama, subs in kegiatan:
            k_a = sum(acc[2] for s in subs for acc in s[2])
            k_r = sum(acc[3] for s in subs for acc in s[2])
            write(k_kode, k_nama, k_a, k_r, True)
            entries.append({"kode": k_kode, "uraian": k_nama, "anggaran": k_a, "realisasi": k_r})
            keg = {"kode": k_kode, "nama": k_nama, "anggaran": k_a, "realisasi_anggaran": k_r,
                   "sub_kegiatan": []}  # fmt: skip
            for s_kode, s_nama, accounts in subs:
                s_a = sum(acc[2] for acc in accounts)
                s_r = sum(acc[3] for acc in accounts)
                write(s_kode, s_nama, s_a, s_r, False)
                entries.append(
                    {"kode": s_kode, "uraian": s_nama, "anggaran": s_a, "realisasi": s_r}
                )
                keg["sub_kegiatan"].append(
                    {"kode": s_kode, "nama": s_nama, "anggaran": s_a, "realisasi_anggaran": s_r}
                )
                for a_kode, a_uraian, a, real in accounts:
                    sh.row(f"A{r}", [a_kode, a_uraian], **B, italic=True)
                    sh.row(f"C{r}", amounts(a, real), **BR, italic=True)
                    r += 1
            program["kegiatan"].append(keg)
        programs.append(program)
    sh.merge(f"A{r}:B{r}", "JUMLAH", **H)
    sh.row(f"C{r}", amounts(total_a, total_r), **BR, bold=True)
    assert entries[4]["anggaran"] == 2434260000 and len(entries) == 8
    expected = {
        "_about": "SIPD realisasi export: program/kegiatan/sub kegiatan entries, text amounts; "
        "belanja account rows are not entries.",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": "PEMERINTAH KABUPATEN SUKAWANGI",
            "nama": "Kecamatan Cisauk",
            "tahun": 2024,
        },
        "penandatangan": None,
        "realisasi_anggaran": entries,
        "program": programs,
        "problems_forbidden": forbid(),
    }
    return generated("cisauk_sipd_realisasi_tw3_2024", book, expected)


# =============================================================================================

WORKBOOKS: list[Callable[[], Generated]] = [
    legok_seed_target_dua_kolom,
    cibeber_pk_nomor_bertingkat_2024,
    cipanas_pk_jumlah_salah_2024,
    cibodas_polaritas_keterangan_2024,
    cikupa_polaritas_tanda_2024,
    sukamulya_jumlah_catatan_2023,
    sindangsari_sampul_2024,
    cikeusal_petunjuk_2024,
    pasirjaya_dua_tahun_2024,
    kresek_iku_tanpa_target_2024,
    cisoka_renja_kode_teks_2024,
    jayanti_renja_kode_kolom_2024,
    balaraja_renja_kode_nama_2024,
    mekarjaya_pk_program_2024,
    mekarjaya_pk_kegiatan_2024,
    mekarjaya_pk_subkegiatan_2024,
    sukamaju_renaksi_kumulatif_2024,
    cibeureum_renaksi_triwulan_2024,
    cigudeg_lkjip_bab3_2024,
    cisauk_sipd_realisasi_tw3_2024,
]


# ---------------------------------------------------------------------------------------------
# Self-check: every expected text and number sits in the workbook

NUMBER = re.compile(r"\d[\d.,]*")


def _displayed(value: Any, fmt: str) -> str:
    """What Excel shows for a number under the few formats used here."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    if fmt in ("00", "0000"):
        return f"{int(value):0{len(fmt)}d}"
    if fmt == "0.00":
        return f"{value:.2f}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _numbers_in(text: str) -> set[Decimal]:
    """Every reading of the numbers inside a text (Indonesian and US writing)."""
    out: set[Decimal] = set()
    for token in NUMBER.findall(text):
        token = token.rstrip(".,")
        for cand in (token.replace(".", "").replace(",", "."), token.replace(",", ""), token):
            with contextlib.suppress(ArithmeticError):
                out.add(Decimal(cand))
    return out


def self_check(gen: Generated) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(gen.data))
    texts: list[str] = []
    numbers: set[Decimal] = set()
    for ws in wb.worksheets:
        grid: dict[tuple[int, int], str] = {}
        for row in ws.iter_rows():
            shown_row = []
            for cell in row:
                v = cell.value
                if v is None:
                    continue
                shown = norm(_displayed(v, cell.number_format))
                grid[(cell.row, cell.column)] = shown
                shown_row.append(shown)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    numbers.update({dec(v), dec(v) * 100})
                elif isinstance(v, str) and not v.startswith("="):
                    numbers.update(_numbers_in(v))
            # a kode split over several cells, joined with dots
            for i in range(len(shown_row)):
                for j in range(i + 2, min(len(shown_row), i + 6) + 1):
                    texts.append(".".join(shown_row[i:j]))
        texts.extend(grid.values())
        for (rr, cc), shown in grid.items():  # a text continued on the next row
            below = grid.get((rr + 1, cc))
            if below:
                texts.append(f"{shown} {below}")
    # formula cells count with their cached values
    wbv = openpyxl.load_workbook(io.BytesIO(gen.data), data_only=True)
    for ws in wbv.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    numbers.add(dec(cell.value))
    blob = "\n".join(texts)
    # a kode must be a whole cell, a dot-join of cells, or what leads a name cell ("... - ")
    kodes = set(texts) | {t.split(" - ")[0] for t in texts}
    skip = {"no", "sasaran_no", "tahun", "peran", "nip", "code", "cell", "polaritas", "sheet"}

    def walk(value: Any, key: str, path: str) -> None:
        if key.startswith("_") or key in ("problems_forbidden",):
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k, f"{path}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, key, f"{path}[{i}]")
        elif isinstance(value, str) and key == "kode":
            if value not in kodes:
                raise AssertionError(f"{gen.name}: {path} = {value!r} is no displayed kode")
        elif isinstance(value, str) and key not in skip:
            if value not in blob:
                raise AssertionError(f"{gen.name}: {path} = {value!r} is in no cell")
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and key not in skip:
            if key == "capaian" and dec(value) not in numbers:
                raise AssertionError(f"{gen.name}: {path} = {value!r} is not printed")
            if not any(abs(dec(value) - n) < Decimal("0.000001") for n in numbers):
                raise AssertionError(f"{gen.name}: {path} = {value!r} is in no cell")

    walk({k: v for k, v in gen.expected.items() if k != "problems_expected"}, "", "")
    for problem in gen.expected.get("problems_expected", []):
        sheet, ref = problem["cell"].split("!")
        if wb[sheet][ref].value in (None, ""):
            raise AssertionError(f"{gen.name}: {problem} points at an empty cell")
    # polaritas "negatif" is stated on the sheet
    if '"negatif"' in json.dumps(gen.expected) and not re.search(r"negatif|\(-\)|\*\)", blob, re.I):
        raise AssertionError(f"{gen.name}: polaritas negatif is not stated")
    if gen.expected.get("sheet") not in wb.sheetnames:
        raise AssertionError(f"{gen.name}: no sheet {gen.expected.get('sheet')}")


def main() -> None:
    check_codes()
    check_seed()
    names = set()
    for make in WORKBOOKS:
        gen = make()
        assert gen.name not in names
        names.add(gen.name)
        (HERE / f"{gen.name}.xlsx").write_bytes(gen.data)
        text = json.dumps(gen.expected, ensure_ascii=False, indent=2) + "\n"
        (HERE / f"{gen.name}.expected.json").write_text(text, encoding="utf-8")
        self_check(gen)
        print(f"tests/corpus_blind/hierarchy/{gen.name}.xlsx")


if __name__ == "__main__":
    main()
