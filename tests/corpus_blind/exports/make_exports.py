"""Generate the blind "exports" corpus: inputs the reader meets in the wild, and what a correct
reader gives from each (``NAME.expected.json`` next to ``NAME.xlsx|.xls|.csv``).

Run ``python tests/corpus_blind/exports/make_exports.py`` (from /work/main, with the venv):
it rewrites every input and expectation in this folder, verifies with openpyxl (and csv, and a
LibreOffice round trip for the .xls) that every value the builder typed is in the file, and
that every cell an expected problem points at holds something. ``--no-xls`` keeps the
committed .xls instead of converting it again (no LibreOffice needed).

Nothing here imports or runs iku_excel: the expectations are the truth of the documents
modelled, written next to the values typed into the cells. README.md lists the files, the
published forms they follow, their traps and the expectation format extensions;
tests/corpus/expect.py is the comparator (with the extensions in README.md).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter
from openpyxl.utils import column_index_from_string, get_column_letter

HERE = Path(__file__).resolve().parent
FIXED = datetime(2024, 1, 1)
NBSP = "\u00a0"

# The codes of tests/corpus/expect.py (a snapshot, so that this corpus does not move when that
# file does) and the codes this corpus proposes (README.md says what each means).
EXISTING_CODES = (
    "akumulasi-tidak-dikenal", "angka-ambigu", "angka-rusak", "bukan-angka", "galat-excel",
    "indikator-kosong", "jabatan-salah-ketik", "kegiatan-tanpa-program", "nilai-tidak-dikenal",
    "nip-angka", "nip-kosong", "nip-mencurigakan", "nip-tidak-valid", "peran-tidak-dikenal",
    "persen-ambigu", "persen-tanpa-tanda", "polaritas-tidak-dikenal",
    "realisasi-tanpa-indikator", "rentang-terbalik", "rumus-tanpa-nilai", "sasaran-kosong",
    "tahun-tidak-valid", "tanggal-tidak-valid", "target-tw-rentang",
)  # fmt: skip
NEW_CODES = (
    "indikator-ganda",  # two or more indicators typed in one cell ("1. ... 2. ...")
    "kinerja-individu",  # per-person rows (SKP of several pegawai): not one instansi's IKU
    "sasaran-tidak-ada",  # an indicator table without any sasaran column or sasaran rows
    "tabel-kosong",  # a table header was found, but no data row under it
    "target-tidak-ada",  # indicators / sub kegiatan, but no target column at all
    "xls-dikonversi",  # (info) a legacy .xls was converted (LibreOffice) before reading
)
ALL_CODES = EXISTING_CODES + NEW_CODES


def forbid(*allowed: str) -> list[str]:
    """Every known code except those the file may (or must) give rise to."""
    return [c for c in ALL_CODES if c not in allowed]


# ---------------------------------------------------------------------------------------------
# Values


def norm(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def dec(value: Any) -> Decimal:
    return Decimal(str(value))


def r2(value: Decimal) -> Decimal:
    """Excel's ROUND(x, 2): halves away from zero."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return r2(part / whole * 100)


def idn(value: Decimal | int | None) -> str:
    """A number as an Indonesian writes it in a text cell: decimal comma, no thousands dots."""
    if value is None:
        return "-"
    text = format(dec(value).normalize(), "f")
    return text.replace(".", ",")


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def clean(value: Any, *, verbatim: bool = False) -> Any:
    """Expectation as JSON data: Decimals become numbers; texts are whitespace-normalised,
    except in problem lists, messages and notes, which are not the reader's texts."""
    if isinstance(value, dict):
        return {
            k: clean(
                v,
                verbatim=verbatim
                or k.startswith(("problems", "_", "message", "without_libreoffice")),
            )
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [clean(v, verbatim=verbatim) for v in value]
    if isinstance(value, Decimal):
        return _json_number(value)
    if isinstance(value, str) and not verbatim:
        return norm(value)
    return value


def tw(*values: Any) -> dict[str, Any]:
    return {f"tw{i}": v for i, v in enumerate(values, 1)}


# ---------------------------------------------------------------------------------------------
# A small XlsxWriter front that remembers every value it typed (for the openpyxl check)

H = {"bold": True, "border": True, "wrap": True, "align": "center", "valign": "center"}
B = {"border": True, "wrap": True}
BC = {**B, "align": "center"}
BR = {**B, "align": "right"}


def ref_rc(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not m:
        raise ValueError(ref)
    return int(m.group(2)), column_index_from_string(m.group(1))


def L(index: int) -> str:
    """Column letter of a 1-based index."""
    return get_column_letter(index)


class Sheet:
    def __init__(self, book: Book, name: str) -> None:
        self.book = book
        self.name = name
        self.ws = book.wb.add_worksheet(name)
        self.typed: dict[str, Any] = {}

    def put(self, ref: str, value: Any, **style: Any) -> None:
        fmt = self.book.fmt(style)
        if value is None:
            self.ws.write_blank(ref, None, fmt)
            return
        if isinstance(value, str):
            self.ws.write_string(ref, value, fmt)
        elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            self.ws.write_number(ref, float(value), fmt)
        else:
            raise TypeError(value)
        self.typed[ref] = value

    def row(self, ref: str, values: list[Any], **style: Any) -> None:
        r, c = ref_rc(ref)
        for i, v in enumerate(values):
            self.put(f"{L(c + i)}{r}", v, **style)

    def merge(self, span: str, value: Any, **style: Any) -> None:
        first, last = span.split(":")
        if first == last:
            self.put(first, value, **style)
            return
        self.ws.merge_range(span, "", self.book.fmt(style))
        self.put(first, value, **style)

    def formula(self, ref: str, text: str, cached: Any, **style: Any) -> None:
        self.ws.write_formula(ref, text, self.book.fmt(style), float(cached))
        self.typed[ref] = cached

    def widths(self, widths: dict[str, float]) -> None:
        for letter, w in widths.items():
            self.ws.set_column(f"{letter}:{letter}", w)

    def landscape(self, repeat: tuple[int, int] | None = None) -> None:
        self.ws.set_landscape()
        self.ws.set_paper(14)  # Folio / F4
        self.ws.fit_to_pages(1, 0)
        if repeat:
            self.ws.repeat_rows(repeat[0] - 1, repeat[1] - 1)


class Book:
    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.out,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False},
        )
        self.wb.set_properties({"created": FIXED, "author": "Staf Perencanaan"})
        self.formats: dict[tuple[Any, ...], Any] = {}
        self.sheets: list[Sheet] = []

    def fmt(self, style: dict[str, Any]) -> Any:
        key = tuple(sorted(style.items()))
        if key not in self.formats:
            props: dict[str, Any] = {
                "font_name": "Arial",
                "font_size": style.get("size", 10),
                "bold": style.get("bold", False),
                "italic": style.get("italic", False),
                "underline": 1 if style.get("underline") else 0,
                "border": 1 if style.get("border") else 0,
                "text_wrap": style.get("wrap", False),
                "valign": "vcenter" if style.get("valign") == "center" else "top",
            }
            if style.get("align"):
                props["align"] = style["align"]
            if "num" in style:
                props["num_format"] = style["num"]
            self.formats[key] = self.wb.add_format(props)
        return self.formats[key]

    def sheet(self, name: str) -> Sheet:
        self.sheets.append(Sheet(self, name))
        return self.sheets[-1]

    def save(self) -> bytes:
        self.wb.close()
        return stable_zip(self.out.getvalue())


def stable_zip(data: bytes) -> bytes:
    """Fixed zip timestamps and document dates: a rerun gives the same bytes."""
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
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, body)
    return out.getvalue()


@dataclass
class Generated:
    name: str  # the input's file name, extension included
    data: bytes
    expected: dict[str, Any]
    typed: dict[str, dict[str, Any]] = field(default_factory=dict)  # sheet -> ref -> value
    csv_rows: list[list[str]] | None = None  # for a CSV: the rows it must parse back to
    csv_dialect: tuple[str, str] | None = None  # (delimiter, encoding)

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]


def generated(name: str, book: Book, expected: dict[str, Any]) -> Generated:
    data = book.save()
    typed = {sh.name: dict(sh.typed) for sh in book.sheets}
    return Generated(name, data, clean(expected), typed)


def kop(sh: Sheet, last: str, pemerintah: str, instansi: str, alamat: str | None) -> None:
    sh.merge(f"A1:{last}1", pemerintah, bold=True, align="center", size=14)
    sh.merge(f"A2:{last}2", instansi, bold=True, align="center", size=16)
    if alamat:
        sh.merge(f"A3:{last}3", alamat, italic=True, align="center")


def titles(sh: Sheet, row: int, last: str, lines: list[str]) -> int:
    for i, line in enumerate(lines):
        sh.merge(f"A{row + i}:{last}{row + i}", line, bold=True, align="center", size=12)
    return row + len(lines)


def signature(sh: Sheet, col: str, row: int, lines: list[str | None], span: int = 1) -> int:
    """One line per row; None leaves a row blank (the space for signature and stamp)."""
    c = column_index_from_string(col)
    for i, line in enumerate(lines):
        if line is None:
            continue
        style: dict[str, Any] = {"align": "center"}
        if i > 0 and lines[i - 1] is None:
            style.update(bold=True, underline=True)
        sh.merge(f"{col}{row + i}:{L(c + span - 1)}{row + i}", line, **style)
    return row + len(lines)


WANAJAYA = "PEMERINTAH KABUPATEN WANAJAYA"


# ---------------------------------------------------------------------------------------------
# a) Permendagri 86/2017: Evaluasi terhadap Hasil Renja Perangkat Daerah


@dataclass
class Ind:
    """One indicator row's K values (kinerja), as the evaluator types them."""

    uraian: str
    satuan: str
    renstra: Decimal
    lalu: Decimal
    target: Decimal
    tws: tuple[Decimal | None, ...]
    jumlah: bool  # counts add up over the TW; percentages/indices take the last TW
    pj: str

    @property
    def real(self) -> Decimal:
        vals = [v for v in self.tws if v is not None]
        return sum(vals, Decimal(0)) if self.jumlah else vals[-1]

    @property
    def akhir(self) -> Decimal:
        return self.lalu + self.real if self.jumlah else self.real

    def expected(self) -> dict[str, Any]:
        return {
            "uraian": self.uraian,
            "satuan": self.satuan,
            "target": self.target,
            "realisasi": {**tw(*self.tws), "tahun": self.real},
            "capaian": pct(self.real, self.target),
            "target_renstra": self.renstra,
            "realisasi_lalu": self.lalu,
            "capaian_renstra": pct(self.akhir, self.renstra),
            "penanggung_jawab": self.pj,
        }


@dataclass
class Rp:
    renstra: Decimal
    lalu: Decimal
    target: Decimal
    tws: tuple[Decimal, ...]

    @property
    def real(self) -> Decimal:
        return sum(self.tws, Decimal(0))

    def __add__(self, other: Rp) -> Rp:
        return Rp(
            self.renstra + other.renstra,
            self.lalu + other.lalu,
            self.target + other.target,
            tuple(a + b for a, b in zip(self.tws, other.tws, strict=True)),
        )


ZERO_RP = Rp(Decimal(0), Decimal(0), Decimal(0), (Decimal(0),) * 4)


def rp(renstra: Any, lalu: Any, target: Any, *tws: Any) -> Rp:
    return Rp(dec(renstra), dec(lalu), dec(target), tuple(dec(v) for v in tws))


def ind(uraian: str, satuan: str, renstra: Any, lalu: Any, target: Any, tws: Any,
        jumlah: bool, pj: str) -> Ind:  # fmt: skip
    return Ind(uraian, satuan, dec(renstra), dec(lalu), dec(target),
               tuple(None if v is None else dec(v) for v in tws), jumlah, pj)  # fmt: skip


@dataclass
class Sub:
    kode: str
    nama: str
    inds: list[Ind]
    money: Rp


@dataclass
class Keg:
    kode: str
    nama: str
    ind: Ind
    subs: list[Sub]

    @property
    def money(self) -> Rp:
        total = ZERO_RP
        for s in self.subs:
            total = total + s.money
        return total


@dataclass
class Prog:
    kode: str
    nama: str
    ind: Ind
    kegs: list[Keg]

    @property
    def money(self) -> Rp:
        total = ZERO_RP
        for k in self.kegs:
            total = total + k.money
        return total


# Columns of the form (both variants): A No, B Sasaran, C Kode, D Urusan/.../Sub Kegiatan,
# E Indikator, F Satuan, then (K, Rp) pairs: G Target Renstra, I Realisasi s.d. tahun lalu,
# K Target Renja, M/O/Q/S TW I-IV, U Realisasi dievaluasi, W Tingkat capaian (%),
# Y Realisasi s.d. akhir tahun (Renstra), AA Tingkat capaian Renstra (%); AC Unit PJ.
PAIR = {"renstra": 7, "lalu": 9, "target": 11, "tw": 13, "real": 21, "cap": 23, "akhir": 25,
        "capr": 27}  # fmt: skip
PJ_COL = 29


def renja_header(sh: Sheet, top: int, four_rows: bool, rp_label: str) -> int:
    """The merged header from row ``top``; returns the row of the column numbers."""
    k_row = top + (3 if four_rows else 2)
    singles = ["No", "Sasaran Perangkat Daerah", "Kode",
               "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
               "Indikator Kinerja Program (Outcome)/ Kegiatan (Output)", "Satuan"]  # fmt: skip
    for i, text in enumerate(singles, 1):
        sh.merge(f"{L(i)}{top}:{L(i)}{k_row}", text, **H)
    if four_rows:
        groups = [
            ("renstra", "Target Kinerja dan Anggaran Renstra Perangkat Daerah", "Tahun 2026"),
            ("lalu", "Realisasi Capaian Kinerja dan Anggaran Renstra Perangkat Daerah s.d. "
             "Renja Perangkat Daerah Tahun Lalu", "s.d. Tahun 2022"),
            ("target", "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan "
             "yang Dievaluasi", "Tahun 2023"),
            ("real", "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang "
             "Dievaluasi", "Tahun 2023"),
            ("cap", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah "
             "yang Dievaluasi (%)", "Tahun 2023"),
            ("akhir", "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Akhir "
             "Tahun Pelaksanaan Renja", "s.d. Tahun 2023"),
            ("capr", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat "
             "Daerah s.d. Tahun 2023 (%)", "Tahun 2026"),
        ]  # fmt: skip
        for key, text, sub in groups:
            c = PAIR[key]
            sh.merge(f"{L(c)}{top}:{L(c + 1)}{top}", text, **H)
            sh.merge(f"{L(c)}{top + 1}:{L(c + 1)}{top + 2}", sub, **H)
        sh.merge(f"M{top}:T{top + 1}", "Realisasi Kinerja pada Triwulan", **H)
        for i, roman in enumerate(["I", "II", "III", "IV"]):
            c = PAIR["tw"] + 2 * i
            sh.merge(f"{L(c)}{top + 2}:{L(c + 1)}{top + 2}", roman, **H)
    else:
        groups = [
            ("renstra", "Target Kinerja dan Anggaran Renstra Perangkat Daerah Tahun 2026 "
             "(Akhir Periode Renstra)"),
            ("lalu", "Realisasi Capaian Kinerja dan Anggaran Renstra Perangkat Daerah s.d. "
             "Renja Perangkat Daerah Tahun Lalu (2022)"),
            ("target", "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan "
             "(2023) yang Dievaluasi"),
            ("real", "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang "
             "Dievaluasi"),
            ("cap", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah "
             "yang Dievaluasi (%)"),
            ("akhir", "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun "
             "2023"),
            ("capr", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat "
             "Daerah s.d. Tahun 2023 (%)"),
        ]  # fmt: skip
        for key, text in groups:
            c = PAIR[key]
            sh.merge(f"{L(c)}{top}:{L(c + 1)}{top + 1}", text, **H)
        sh.merge(f"M{top}:T{top}", "Realisasi Kinerja pada Triwulan", **H)
        for i, roman in enumerate(["I", "II", "III", "IV"]):
            c = PAIR["tw"] + 2 * i
            sh.merge(f"{L(c)}{top + 1}:{L(c + 1)}{top + 1}", roman, **H)
    for c in range(7, 29, 2):
        sh.put(f"{L(c)}{k_row}", "K", **H)
        sh.put(f"{L(c + 1)}{k_row}", rp_label, **H)
    sh.merge(f"AC{top}:AC{k_row}", "Unit Perangkat Daerah Penanggung Jawab", **H)
    for row, height in zip(range(top, k_row), [66, 30, 30] if four_rows else [92, 18], strict=True):
        sh.ws.set_row(row - 1, height)
    return k_row + 1


def renja_numbers(sh: Sheet, row: int, official: bool) -> None:
    """The column-number row with its derivations.

    ``official``: the numbering of the published form, where Indikator and Satuan share
    number 5 ("13 = 9 + 10 + 11 + 12"); otherwise Satuan has its own number 6."""
    style = {**BC, "italic": True}
    if official:
        for i, n in enumerate(["1", "2", "3", "4"], 1):
            sh.put(f"{L(i)}{row}", n, **style)
        sh.merge(f"E{row}:F{row}", "5", **style)
        labels = ["6", "7", "8", "9", "10", "11", "12", "13 = 9 + 10 + 11 + 12",
                  "14 = 13/8 x 100", "15 = 7 + 13", "16 = 15/6 x 100"]  # fmt: skip
        last = "17"
    else:
        for i in range(1, 7):
            sh.put(f"{L(i)}{row}", str(i), **style)
        labels = ["7", "8", "9", "10", "11", "12", "13", "14 = 10 + 11 + 12 + 13",
                  "15 = 14/9 x 100", "16 = 8 + 14", "17 = 16/7 x 100"]  # fmt: skip
        last = "18"
    for i, text in enumerate(labels):
        c = 7 + 2 * i
        sh.merge(f"{L(c)}{row}:{L(c + 1)}{row}", text, **style)
    sh.put(f"AC{row}", last, **style)


MONEY = {**BR, "num": "#,##0"}
MONEY1 = {**BR, "num": "#,##0.0"}
NUM = {**BC, "num": "General"}


def renja_k_cells(sh: Sheet, r: int, inds: list[Ind], cells: dict[str, str]) -> None:
    """K cells of a row: numbers for one indicator, "1. a 2. b" texts for several."""
    if len(inds) == 1:
        i = inds[0]
        sh.put(f"E{r}", i.uraian, **B)
        sh.put(f"F{r}", i.satuan, **BC)
        sh.put(f"G{r}", i.renstra, **NUM)
        sh.put(f"I{r}", i.lalu, **NUM)
        sh.put(f"K{r}", i.target, **NUM)
        for q, v in enumerate(i.tws):
            sh.put(f"{L(PAIR['tw'] + 2 * q)}{r}", "-" if v is None else v, **NUM)
        tw_refs = [f"{L(PAIR['tw'] + 2 * q)}{r}" for q in range(4)]
        if i.jumlah:
            sh.formula(f"U{r}", "=" + "+".join(f"N({x})" for x in tw_refs), i.real, **NUM)
            sh.formula(f"Y{r}", f"=I{r}+U{r}", i.akhir, **NUM)
        else:
            sh.put(f"U{r}", i.real, **NUM)
            sh.put(f"Y{r}", i.akhir, **NUM)
        sh.formula(f"W{r}", f"=ROUND(U{r}/K{r}*100,2)", pct(i.real, i.target), **NUM)
        sh.formula(f"AA{r}", f"=ROUND(Y{r}/G{r}*100,2)", pct(i.akhir, i.renstra), **NUM)
        sh.put(f"AC{r}", i.pj, **B)
        return

    def listed(values: list[Any]) -> str:
        return "\n".join(f"{n}. {v}" for n, v in enumerate(values, 1))

    sh.put(f"E{r}", listed([i.uraian for i in inds]), **B)
    cells["indikator-ganda"] = f"{sh.name}!E{r}"
    sh.put(f"F{r}", listed([i.satuan for i in inds]), **B)
    for col, get in [
        ("G", lambda i: i.renstra), ("I", lambda i: i.lalu), ("K", lambda i: i.target),
        ("U", lambda i: i.real), ("W", lambda i: pct(i.real, i.target)),
        ("Y", lambda i: i.akhir), ("AA", lambda i: pct(i.akhir, i.renstra)),
    ]:  # fmt: skip
        sh.put(f"{col}{r}", listed([idn(get(i)) for i in inds]), **B)
    for q in range(4):
        sh.put(f"{L(PAIR['tw'] + 2 * q)}{r}", listed([idn(i.tws[q]) for i in inds]), **B)
    sh.put(f"AC{r}", inds[0].pj, **B)


def renja_rp_cells(sh: Sheet, r: int, m: Rp, scale: int) -> None:
    """Rp cells of a row; ``scale`` 1000 when the header says the figures are thousands."""

    def shown(v: Decimal) -> Decimal:
        return v / scale

    style = MONEY1 if scale > 1 else MONEY
    sh.put(f"H{r}", shown(m.renstra), **style)
    sh.put(f"J{r}", shown(m.lalu), **style)
    sh.put(f"L{r}", shown(m.target), **style)
    for q, v in enumerate(m.tws):
        sh.put(f"{L(PAIR['tw'] + 1 + 2 * q)}{r}", shown(v), **style)
    sh.formula(f"V{r}", f"=N{r}+P{r}+R{r}+T{r}", shown(m.real), **style)
    sh.formula(f"X{r}", f"=ROUND(V{r}/L{r}*100,2)", pct(m.real, m.target), **NUM)
    sh.formula(f"Z{r}", f"=J{r}+V{r}", shown(m.lalu + m.real), **style)
    sh.formula(f"AB{r}", f"=ROUND(Z{r}/H{r}*100,2)", pct(m.lalu + m.real, m.renstra), **NUM)


def renja_sheet(
    sh: Sheet,
    top: int,
    urusan: tuple[Any, str],
    bidang: tuple[Any, str],
    sasaran: list[tuple[str, str, list[Prog]]],
    *,
    four_rows: bool,
    scale: int,
) -> tuple[int, list[dict[str, Any]], list[dict[str, Any]], dict[str, str], list[Decimal]]:
    """Header, column numbers, urusan and bidang rows, then each sasaran's programs, kegiatan
    and sub kegiatan, then the JUMLAH row. Returns (next row, expected sasaran, expected
    program, problem cells, every indicator's capaian)."""
    rp_label = "Rp (000)" if scale > 1 else "Rp"
    numbers = renja_header(sh, top, four_rows, "(Rp 000)" if scale > 1 else rp_label)
    renja_numbers(sh, numbers, official=four_rows)
    sh.landscape(repeat=(top, numbers))
    r = numbers + 1
    total = ZERO_RP
    for _, _, progs in sasaran:
        for p in progs:
            total = total + p.money
    data_top = r
    for kode, nama in (urusan, bidang):
        sh.row(f"A{r}", [None, None], **B)
        sh.put(f"C{r}", kode, **{**BC, "num": "General"})
        sh.put(f"D{r}", nama, **{**B, "bold": True})
        renja_rp_cells(sh, r, total, scale)
        r += 1
    exp_sasaran: list[dict[str, Any]] = []
    exp_program: list[dict[str, Any]] = []
    cells: dict[str, str] = {}
    capaian: list[Decimal] = []
    for no, uraian, progs in sasaran:
        first = r
        exp_sasaran.append({"no": no, "uraian": uraian})
        for p in progs:
            sh.put(f"C{r}", p.kode, **B)
            sh.put(f"D{r}", p.nama, **{**B, "bold": True})
            renja_k_cells(sh, r, [p.ind], cells)
            renja_rp_cells(sh, r, p.money, scale)
            capaian.append(pct(p.ind.real, p.ind.target))
            r += 1
            exp_kegs = []
            for k in p.kegs:
                sh.put(f"C{r}", k.kode, **B)
                sh.put(f"D{r}", k.nama, **B)
                renja_k_cells(sh, r, [k.ind], cells)
                renja_rp_cells(sh, r, k.money, scale)
                capaian.append(pct(k.ind.real, k.ind.target))
                r += 1
                exp_subs = []
                for s in k.subs:
                    sh.put(f"C{r}", s.kode, **B)
                    sh.put(f"D{r}", s.nama, **{**B, "italic": True})
                    renja_k_cells(sh, r, s.inds, cells)
                    renja_rp_cells(sh, r, s.money, scale)
                    capaian.extend(pct(i.real, i.target) for i in s.inds)
                    exp_subs.append({
                        "kode": s.kode, "nama": s.nama,
                        "indikator": [i.expected() for i in s.inds],
                        "anggaran": s.money.target, "realisasi_anggaran": s.money.real,
                    })  # fmt: skip
                    r += 1
                exp_kegs.append({
                    "kode": k.kode, "nama": k.nama, "indikator": [k.ind.expected()],
                    "anggaran": k.money.target, "realisasi_anggaran": k.money.real,
                    "sub_kegiatan": exp_subs,
                })  # fmt: skip
            exp_program.append({
                "sasaran_no": no, "kode": p.kode, "nama": p.nama,
                "indikator": [p.ind.expected()],
                "anggaran": p.money.target, "realisasi_anggaran": p.money.real,
                "kegiatan": exp_kegs,
            })  # fmt: skip
        sh.merge(f"A{first}:A{r - 1}", no, **BC)
        sh.merge(f"B{first}:B{r - 1}", uraian, **B)
    sh.merge(f"A{r}:F{r}", "JUMLAH", **{**H, "align": "center"})
    renja_rp_cells(sh, r, total, scale)
    for row in range(data_top + 2, r):  # long names wrap: rows as Excel autofits them
        sh.ws.set_row(row - 1, 54)
    r += 1
    return r, exp_sasaran, exp_program, cells, capaian


def renja_footer(sh: Sheet, r: int, capaian: list[Decimal], predikat: str) -> int:
    mean = r2(sum(capaian, Decimal(0)) / len(capaian))
    sh.merge(f"A{r}:V{r}", "Rata-rata capaian kinerja (%)", **{**B, "bold": True})
    sh.merge(f"W{r}:X{r}", mean, **NUM)
    r += 1
    sh.merge(f"A{r}:V{r}", "Predikat kinerja", **{**B, "bold": True})
    sh.merge(f"W{r}:X{r}", predikat, **BC)
    r += 1
    notes = [
        "Faktor pendorong keberhasilan pencapaian: dukungan aparatur kelurahan dan "
        "partisipasi masyarakat.",
        "Faktor penghambat pencapaian kinerja: keterlambatan pencairan anggaran triwulan I.",
        "Tindak lanjut yang diperlukan dalam triwulan berikutnya: percepatan pelaksanaan "
        "kegiatan fisik.",
        "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah Kabupaten berikutnya: "
        "penajaman indikator kinerja kegiatan.",
    ]
    for text in notes:
        sh.merge(f"A{r}:AC{r}", text, **B)
        r += 1
    return r + 1


def renja_kecamatan_3baris() -> Generated:
    """Evaluasi terhadap Hasil Renja Perangkat Daerah (Permendagri 86/2017, lampiran), filled
    by a kecamatan for 2023: the three-row header.

    Published form: Permendagri 86/2017, form "Evaluasi terhadap Hasil Renja Perangkat Daerah
    Lingkup Kabupaten/Kota", with a Satuan column added (as many pemda do).

    Traps: a 3-row merged header (group over K/Rp pairs, "Realisasi Kinerja pada Triwulan" over
    I..IV, then K | Rp); a column-number row with derivations ("14 = 10 + 11 + 12 + 13",
    "15 = 14/9 x 100", "16 = 8 + 14", "17 = 16/7 x 100"); urusan "7" and bidang 7.01 typed as
    numbers (General) with Rp totals and no indicator (not programs); program / kegiatan /
    sub kegiatan told apart by the depth of their kode (7.01.02 / 7.01.02.2.01 /
    7.01.02.2.01.0001, text); sasaran and No merged down over their programs; one sub
    kegiatan cell holding two indicators "1. ... 2. ..." with matching "1. ... 2. ..." texts in
    Satuan and every K cell (decimal comma) -> split into two indicators + indikator-ganda;
    "-" for a TW without realisasi; realisasi and capaian as formulas with cached values;
    percentages taking the TW IV value in column 14 although the derivation says a sum;
    a JUMLAH row, "Rata-rata capaian kinerja (%)", "Predikat kinerja" and four "Faktor .../
    Tindak lanjut ..." rows below (none is a program); two signature blocks (Dievaluasi by
    the Kepala Bappeda left, Disusun by the Camat right).
    """
    book = Book()
    sh = book.sheet("Evaluasi Renja 2023")
    sh.widths({"A": 4, "B": 20, "C": 16, "D": 34, "E": 30, "F": 9, "AC": 16})
    sh.ws.set_column("G:AB", 10)
    kop(sh, "AC", WANAJAYA, "KECAMATAN WANASARI",
        "Jl. Raya Wanasari No. 12 Telp. (0263) 551 201")  # fmt: skip
    titles(sh, 5, "AC", [
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN WANAJAYA",
        "RENJA KECAMATAN WANASARI TAHUN 2023",
        "Periode Pelaksanaan: Triwulan IV Tahun 2023",
    ])  # fmt: skip
    pem, pjt = "Seksi Pemerintahan", "Seksi Ketentraman dan Ketertiban Umum"
    pmd = "Seksi Pemberdayaan Masyarakat dan Desa"
    # fmt: off
    sasaran = [
        ("1", "Meningkatnya kualitas pelayanan publik di Kecamatan Wanasari", [
            Prog("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
                 ind("Persentase layanan administrasi yang diselesaikan sesuai standar "
                     "pelayanan", "%", 95, 88, 90, (85, 87, 90, 92), False, "Kecamatan Wanasari"),
                 [
                     Keg("7.01.02.2.01", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan "
                         "Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal "
                         "Terkait",
                         ind("Jumlah laporan hasil koordinasi penyelenggaraan pemerintahan",
                             "Laporan", 20, 8, 4, (1, 1, 1, 1), True, pem),
                         [
                             Sub("7.01.02.2.01.0001", "Koordinasi Penyelenggaraan Kegiatan "
                                 "Pemerintahan di Tingkat Kecamatan",
                                 [ind("Jumlah rapat koordinasi pemerintahan yang dilaksanakan",
                                      "Kali", 60, 24, 12, (3, 3, 3, 4), True, pem)],
                                 rp(850000000, 312400000, 175000000,
                                    38500000, 44000000, 41250000, 48600000)),
                             Sub("7.01.02.2.01.0002", "Fasilitasi Musyawarah Perencanaan "
                                 "Pembangunan Kecamatan",
                                 [ind("Jumlah dokumen hasil musrenbang kecamatan", "Dokumen",
                                      5, 2, 1, (None, 1, 0, 0), True, pem)],
                                 rp(300000000, 118750000, 62500000,
                                    0, 55000000, 3250000, 2100000)),
                         ]),
                     Keg("7.01.02.2.03", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan "
                         "kepada Camat",
                         ind("Persentase urusan pelimpahan kewenangan camat yang "
                             "dilaksanakan", "%", 100, 85, 90, (90, 90, 95, 95), False, pem),
                         [
                             Sub("7.01.02.2.03.0002", "Pelayanan Administrasi Terpadu "
                                 "Kecamatan (PATEN)",
                                 [ind("Jumlah dokumen perizinan dan non perizinan yang "
                                      "diterbitkan", "Dokumen", 4250, 1640, 850,
                                      (200, 210, 215, 240), True, pem),
                                  ind("Jumlah laporan pelayanan PATEN", "Laporan", 20, 8, 4,
                                      (1, 1, 1, 1), True, pem)],
                                 rp(1250000000, 468300000, 250000000,
                                    52000000, 61500000, 60250000, 70125000)),
                         ]),
                 ]),
        ]),
        ("2", "Meningkatnya ketentraman, ketertiban dan keberdayaan masyarakat", [
            Prog("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
                 ind("Persentase lembaga kemasyarakatan desa/kelurahan yang aktif", "%",
                     90, 75, 80, (70, 75, 80, 82.5), False, "Kecamatan Wanasari"),
                 [
                     Keg("7.01.03.2.01", "Pemberdayaan Masyarakat Desa dan Kelurahan",
                         ind("Jumlah lembaga kemasyarakatan yang dibina", "Lembaga",
                             120, 44, 24, (6, 6, 6, 7), True, pmd),
                         [
                             Sub("7.01.03.2.01.0001", "Fasilitasi Kegiatan Pemberdayaan "
                                 "Kesejahteraan Keluarga (PKK) Kecamatan",
                                 [ind("Jumlah kegiatan PKK yang difasilitasi", "Kegiatan",
                                      40, 16, 8, (2, 2, 2, 2), True, pmd)],
                                 rp(400000000, 152000000, 80000000,
                                    18250000, 20000000, 19500000, 21400000)),
                             Sub("7.01.03.2.01.0002", "Pembinaan Lembaga Kemasyarakatan "
                                 "Kelurahan",
                                 [ind("Jumlah pengurus lembaga kemasyarakatan yang dibina",
                                      "Orang", 600, 230, 120, (30, 30, 30, 35), True, pmd)],
                                 rp(250000000, 96800000, 50000000,
                                    11000000, 12500000, 12500000, 13875000)),
                         ]),
                 ]),
            Prog("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
                 ind("Persentase gangguan ketentraman dan ketertiban umum yang tertangani",
                     "%", 100, 92, 95, (90, 93, 96, 97.5), False, "Kecamatan Wanasari"),
                 [
                     Keg("7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan "
                         "Ketertiban Umum",
                         ind("Jumlah laporan koordinasi ketentraman dan ketertiban umum",
                             "Laporan", 20, 8, 4, (1, 1, 1, 1), True, pjt),
                         [
                             Sub("7.01.04.2.01.0001", "Sinergitas dengan Kepolisian Negara "
                                 "Republik Indonesia, Tentara Nasional Indonesia dan Instansi "
                                 "Vertikal di Wilayah Kecamatan",
                                 [ind("Jumlah kegiatan sinergitas yang dilaksanakan",
                                      "Kegiatan", 60, 22, 12, (3, 3, 3, 3), True, pjt)],
                                 rp(375000000, 140600000, 75000000,
                                    17500000, 18750000, 18000000, 19900000)),
                             Sub("7.01.04.2.01.0002", "Harmonisasi Hubungan dengan Tokoh "
                                 "Agama dan Tokoh Masyarakat",
                                 [ind("Jumlah pertemuan dengan tokoh agama dan tokoh "
                                      "masyarakat", "Kali", 40, 15, 8, (2, 2, 2, 1), True, pjt)],
                                 rp(200000000, 74250000, 40000000,
                                    9500000, 10000000, 9750000, 7800000)),
                         ]),
                 ]),
        ]),
    ]
    # fmt: on
    end, exp_sasaran, exp_program, cells, capaian = renja_sheet(
        sh, 9, (7, "UNSUR KEWILAYAHAN"), (7.01, "KECAMATAN"), sasaran, four_rows=False, scale=1
    )
    r = renja_footer(sh, end, capaian, "Sangat Tinggi")
    signature(sh, "D", r, ["Dievaluasi,", "Tanggal: 22 Januari 2024",
                           "KEPALA BAPPEDA KABUPATEN WANAJAYA", None, None, None, None,
                           "Ir. H. DADAN SUHENDAR, M.T.", "Pembina Utama Muda / IV.c",
                           "NIP. 19680922 199403 1 007"], span=2)  # fmt: skip
    signature(sh, "W", r, ["Disusun,", "Wanasari, 15 Januari 2024", "CAMAT WANASARI",
                           None, None, None, None, "Drs. ASEP SAEPUDIN, M.Si",
                           "Pembina Tk. I / IV.b", "NIP. 19780312 200312 1 004"],
              span=7)  # fmt: skip
    expected = {
        "_about": "Permendagri 86/2017 Evaluasi Hasil Renja, 3-row header, two indicators "
        "in one cell (split), urusan/bidang/JUMLAH rows that are not programs.",
        "sheet": sh.name,
        "instansi": {"pemerintah": WANAJAYA, "nama": "KECAMATAN WANASARI", "tahun": 2023},
        "penandatangan": {
            "jabatan": "CAMAT WANASARI",
            "nama": "Drs. ASEP SAEPUDIN, M.Si",
            "pangkat": "Pembina Tk. I / IV.b",
            "nip": "197803122003121004",
        },
        "sasaran": exp_sasaran,
        "program": exp_program,
        "problems_expected": [{"code": "indikator-ganda", "cell": cells["indikator-ganda"]}],
        "problems_forbidden": forbid(
            "indikator-ganda",
            "sasaran-kosong",
            "realisasi-tanpa-indikator",
            "peran-tidak-dikenal",
        ),
    }
    return generated("renja_evaluasi_wanasari_2023.xlsx", book, expected)


def renja_kesbangpol_4baris() -> Generated:
    """Evaluasi terhadap Hasil Renja Perangkat Daerah, the four-row-header variant, filled by a
    Badan Kesatuan Bangsa dan Politik with the money in thousands.

    Published form: Permendagri 86/2017 "Evaluasi terhadap Hasil Renja Perangkat Daerah",
    with its own numbering (Indikator and Satuan under one number 5: "13 = 9 + 10 + 11 + 12",
    "14 = 13/8 x 100", "15 = 7 + 13", "16 = 15/6 x 100").

    Traps: four header rows (group label; year sub-label "Tahun 2026" / "s.d. Tahun 2022"
    merged over two rows, "Realisasi Kinerja pada Triwulan" over I..IV; I..IV; K | (Rp 000));
    every Rp figure in thousands: 1.845.250 means Rp 1.845.250.000 and a 12.500,5 means
    Rp 12.500.500 (expected in rupiah, integers); urusan "8" a number, bidang "8.01" text;
    sasaran merged; JUMLAH, rata-rata and predikat rows; one signature block.
    """
    book = Book()
    sh = book.sheet("Form Evaluasi Renja")
    sh.widths({"A": 4, "B": 20, "C": 16, "D": 34, "E": 30, "F": 9, "AC": 16})
    sh.ws.set_column("G:AB", 10)
    kop(sh, "AC", WANAJAYA, "BADAN KESATUAN BANGSA DAN POLITIK",
        "Jl. Pahlawan No. 3 Wanajaya")  # fmt: skip
    titles(sh, 5, "AC", [
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
        "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN WANAJAYA TAHUN 2023",
    ])  # fmt: skip
    sh.merge("A7:F7", "Satuan anggaran: ribuan rupiah (Rp 000)", italic=True)
    bid, kws = "Bidang Ideologi dan Wawasan Kebangsaan", "Bidang Kewaspadaan Nasional"
    # fmt: off
    sasaran = [
        ("1", "Meningkatnya ketahanan ideologi dan wawasan kebangsaan masyarakat", [
            Prog("8.01.02", "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN",
                 ind("Persentase peserta pembinaan wawasan kebangsaan dengan pemahaman baik",
                     "%", 85, 72, 78, (70, 74, 77, 80), False, "Badan Kesbangpol"),
                 [
                     Keg("8.01.02.2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan "
                         "Pemantapan Pelaksanaan Bidang Ideologi Pancasila dan Karakter "
                         "Kebangsaan",
                         ind("Jumlah laporan pemantapan ideologi Pancasila", "Laporan",
                             20, 8, 4, (1, 1, 1, 1), True, bid),
                         [
                             Sub("8.01.02.2.01.0001", "Penguatan Ideologi Pancasila dan "
                                 "Karakter Kebangsaan",
                                 [ind("Jumlah peserta penguatan ideologi Pancasila", "Orang",
                                      2500, 960, 500, (100, 150, 120, 140), True, bid)],
                                 rp(1845250000, 702100000, 370000000,
                                    61250000, 98500000, 87400000, 112300000)),
                             Sub("8.01.02.2.01.0002", "Pelaksanaan Pembinaan Wawasan "
                                 "Kebangsaan bagi Pelajar",
                                 [ind("Jumlah sekolah yang mendapat pembinaan wawasan "
                                      "kebangsaan", "Sekolah", 150, 58, 30, (5, 10, 5, 10),
                                      True, bid)],
                                 rp(312500000, 118250000, 62500000,
                                    12500500, 16000000, 14750000, 18249500)),
                         ]),
                 ]),
        ]),
        ("2", "Menurunnya potensi konflik sosial di masyarakat", [
            Prog("8.01.06", "PROGRAM PENINGKATAN KEWASPADAAN NASIONAL DAN PENINGKATAN "
                 "KUALITAS DAN FASILITASI PENANGANAN KONFLIK SOSIAL",
                 ind("Persentase potensi konflik sosial yang tertangani", "%",
                     100, 90, 95, (92, 94, 95, 96), False, "Badan Kesbangpol"),
                 [
                     Keg("8.01.06.2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan "
                         "Pemantapan Kewaspadaan Nasional dan Penanganan Konflik Sosial",
                         ind("Jumlah laporan deteksi dini dan penanganan konflik sosial",
                             "Laporan", 60, 24, 12, (3, 3, 3, 3), True, kws),
                         [
                             Sub("8.01.06.2.01.0001", "Penyelenggaraan Forum Kewaspadaan Dini "
                                 "Masyarakat (FKDM)",
                                 [ind("Jumlah rapat FKDM yang dilaksanakan", "Kali",
                                      40, 16, 8, (2, 2, 2, 2), True, kws)],
                                 rp(420000000, 161400000, 85000000,
                                    19250000, 21000000, 20500000, 23150000)),
                             Sub("8.01.06.2.01.0002", "Pelaksanaan Deteksi Dini dan "
                                 "Penanganan Potensi Konflik Sosial",
                                 [ind("Jumlah laporan deteksi dini potensi konflik",
                                      "Laporan", 60, 24, 12, (3, 3, 3, 3), True, kws)],
                                 rp(615000000, 236700000, 125000000,
                                    27000000, 31500000, 30250000, 34875000)),
                         ]),
                 ]),
        ]),
    ]
    # fmt: on
    end, exp_sasaran, exp_program, _, capaian = renja_sheet(
        sh,
        9,
        (8, "UNSUR PEMERINTAHAN UMUM"),
        ("8.01", "KESATUAN BANGSA DAN POLITIK"),
        sasaran,
        four_rows=True,
        scale=1000,
    )  # fmt: skip
    r = renja_footer(sh, end, capaian, "Tinggi")
    signature(sh, "W", r, ["Wanajaya, 18 Januari 2024",
                           "KEPALA BADAN KESATUAN BANGSA DAN POLITIK", None, None, None, None,
                           "H. ENDANG SUPRIATNA, S.Sos., M.Si", "Pembina Utama Muda / IV.c",
                           "NIP. 19710704 199203 1 003"], span=7)  # fmt: skip
    expected = {
        "_about": "Renja evaluation, 4-row header, Rp in thousands (expected in rupiah).",
        "sheet": sh.name,
        "instansi": {
            "pemerintah": WANAJAYA,
            "nama": "BADAN KESATUAN BANGSA DAN POLITIK",
            "tahun": 2023,
        },
        "penandatangan": {
            "jabatan": "KEPALA BADAN KESATUAN BANGSA DAN POLITIK",
            "nama": "H. ENDANG SUPRIATNA, S.Sos., M.Si",
            "pangkat": "Pembina Utama Muda / IV.c",
            "nip": "197107041992031003",
        },
        "sasaran": exp_sasaran,
        "program": exp_program,
        "problems_forbidden": forbid("sasaran-kosong", "realisasi-tanpa-indikator"),
    }
    return generated("renja_evaluasi_kesbangpol_2023.xlsx", book, expected)


# ---------------------------------------------------------------------------------------------
# b) and f) per-person exports (SKP): one row per pegawai x indikator x period

PEGAWAI = [
    ("197803122003121004", "Drs. ASEP SAEPUDIN, M.Si", "Camat Wanasari", [
        ("Indeks kepuasan masyarakat terhadap pelayanan kecamatan", "Indeks", 85,
         (80.5, 82, 84.25, 86)),
        ("Persentase pengaduan masyarakat yang ditindaklanjuti", "%", 100, (90, 95, 100, 100)),
    ]),
    ("198205172006042011", "RINA MARLINA, S.Sos", "Sekretaris Kecamatan", [
        ("Persentase dokumen perencanaan dan pelaporan yang disusun tepat waktu", "%", 100,
         (100, 100, 90, 100)),
        ("Jumlah laporan kinerja yang disusun", "Laporan", 4, (1, 1, 1, 1)),
        ("Persentase realisasi anggaran kecamatan", "%", 95, (18.5, 42.75, 68, 94.2)),
    ]),
    ("198811032010011002", "DEDI KURNIAWAN, S.IP", "Kepala Seksi Pemerintahan", [
        ("Jumlah dokumen kependudukan yang difasilitasi", "Dokumen", 1200, (280, 310, 295, 330)),
        ("Jumlah rapat koordinasi pemerintahan yang dilaksanakan", "Kali", 12, (3, 3, 3, 4)),
    ]),
    ("199004252015032003", "SITI NURHALIZA, A.Md", "Pengadministrasi Umum", [
        ("Jumlah surat masuk dan keluar yang diadministrasikan", "Surat", 2400,
         (560, 610, 598, 655)),
        ("Persentase arsip dinamis yang tertata", "%", 90, (70, 78, 85, 91)),
    ]),
]  # fmt: skip


def grouped(nip: str) -> str:
    """A NIP as printed: 8-6-1-3."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def pegawai_expected(quarters: list[int] | None, months: list[str] | None = None) -> list[Any]:
    """The expected ``pegawai`` list: realisasi of the given quarters (others null), or
    ``realisasi_bulan`` of the given months."""
    out = []
    for nip, nama, jabatan, inds in PEGAWAI:
        items = []
        for uraian, satuan, target, tws in inds:
            item: dict[str, Any] = {"uraian": uraian, "satuan": satuan, "target": dec(target)}
            if quarters is not None:
                item["realisasi"] = tw(
                    *[dec(tws[q - 1]) if q in quarters else None for q in range(1, 5)]
                )
            if months is not None:
                item["realisasi_bulan"] = {
                    m: dec(v) for m, v in zip(months, monthly(tws[3], satuan), strict=True)
                }
            items.append(item)
        out.append({"nip": nip, "nama": nama, "jabatan": jabatan, "indikator": items})
    return out


def monthly(q4: Any, satuan: str) -> tuple[Decimal, Decimal, Decimal]:
    """Oktober, November, Desember values of an indicator whose TW IV is ``q4``: counts are
    spread over the months, percentages and indices grow to the TW IV value."""
    v = dec(q4)
    if satuan in ("%", "Indeks"):
        return (v - 2, v - 1, v)
    a = (v / 3).to_integral_value()
    return (a, a, v - 2 * a)


SKP_HEADER = ["nip", "nama", "jabatan", "indikator", "satuan", "target", "realisasi"]
TEXT = {"num": "@"}


def skp_sheet(book: Book, name: str, header: list[str]) -> Sheet:
    sh = book.sheet(name)
    sh.widths({"A": 21, "B": 28, "C": 26, "D": 60, "E": 10, "F": 9, "G": 10, "H": 12, "I": 8})
    sh.row("A1", header, bold=True)
    return sh


def skp_expected(about: str, pegawai: list[Any], allowed: tuple[str, ...] = ()) -> dict:
    return {
        "_about": about,
        "sasaran": [],
        "pegawai": pegawai,
        "problems_expected": [{"code": "kinerja-individu", "cell": None}],
        "problems_forbidden": forbid(
            "kinerja-individu", "sasaran-tidak-ada", "target-tidak-ada", *allowed
        ),
    }


def skp_triwulan_4() -> Generated:
    """An e-Kinerja style export: one row per pegawai x indikator, all for triwulan 4.

    Published form: the flat export of a BKN-style e-Kinerja / SKP application (columns nip |
    nama | jabatan | indikator | satuan | target | realisasi | triwulan), lower-case headers,
    no title, sheet "Sheet1".

    Traps: NIP as 18-digit text; a period column holding 4 on every row (realisasi is
    realisasi.tw4, not a year value, and TW I-III are null); several pegawai with the same
    indicators pattern: not one IKU but individual performance (``kinerja-individu``).
    """
    book = Book()
    sh = skp_sheet(book, "Sheet1", [*SKP_HEADER, "triwulan"])
    r = 2
    for nip, nama, jabatan, inds in PEGAWAI:
        for uraian, satuan, target, tws in inds:
            sh.put(f"A{r}", nip, **TEXT)
            sh.row(f"B{r}", [nama, jabatan, uraian, satuan, target, tws[3], 4])
            r += 1
    expected = skp_expected("Per-person rows, triwulan = 4 on every row: realisasi.tw4.",
                            pegawai_expected([4]))  # fmt: skip
    return generated("skp_pegawai_tw4_2024.xlsx", book, expected)


def skp_triwulan_1_4() -> Generated:
    """The same export for the whole year: triwulan 1..4, the rows ordered by quarter first.

    Traps: the rows of one pegawai x indikator are not adjacent (all TW 1 rows, then all TW 2
    rows, ...); the four rows of a pair make realisasi tw1..tw4; the target column repeats the
    year target on every row (one target, not target_tw); pegawai and indicators in the order
    of their first appearance.
    """
    book = Book()
    sh = skp_sheet(book, "Sheet1", [*SKP_HEADER, "triwulan"])
    r = 2
    for q in range(1, 5):
        for nip, nama, jabatan, inds in PEGAWAI:
            for uraian, satuan, target, tws in inds:
                sh.put(f"A{r}", nip, **TEXT)
                sh.row(f"B{r}", [nama, jabatan, uraian, satuan, target, tws[q - 1], q])
                r += 1
    expected = skp_expected("Per-person rows for TW 1..4, ordered by quarter first.",
                            pegawai_expected([1, 2, 3, 4]))  # fmt: skip
    return generated("skp_pegawai_tw1_4_2024.xlsx", book, expected)


def skp_periode_tw2() -> Generated:
    """The export of another application: a running "no", headers in title case, the NIP
    printed grouped (8-6-1-3), and a text period column "Triwulan II".

    Traps: "periode" = "Triwulan II" on every row -> realisasi.tw2 (others null); NIP "19780312
    200312 1 004" as text, expected without spaces; "No" 1..n running over all rows (not
    sasaran); header "Indikator Kinerja Individu".
    """
    book = Book()
    header = ["No", "NIP", "Nama Pegawai", "Jabatan", "Indikator Kinerja Individu", "Satuan",
              "Target", "Realisasi", "Periode"]  # fmt: skip
    sh = skp_sheet(book, "Data", header)
    r, n = 2, 1
    for nip, nama, jabatan, inds in PEGAWAI:
        for uraian, satuan, target, tws in inds:
            sh.put(f"A{r}", n)
            sh.put(f"B{r}", grouped(nip), **TEXT)
            sh.row(f"C{r}", [nama, jabatan, uraian, satuan, target, tws[1], "Triwulan II"])
            r, n = r + 1, n + 1
    expected = skp_expected("Per-person rows, periode 'Triwulan II': realisasi.tw2.",
                            pegawai_expected([2]))  # fmt: skip
    return generated("skp_pegawai_periode_tw2_2024.xlsx", book, expected)


MONTHS = ["oktober", "november", "desember"]


def skp_bulan() -> Generated:
    """A monthly export: one row per pegawai x indikator x bulan (Oktober..Desember 2024).

    Traps: a "bulan" column with Indonesian month names ("Oktober") and a "tahun" column;
    monthly values are not quarters: they are asserted under the proposed key
    ``realisasi_bulan`` {"oktober", "november", "desember"}, and no TW value is asserted
    (how months add up to a TW depends on the indicator's akumulasi, which the file does
    not state).
    """
    book = Book()
    sh = skp_sheet(book, "Realisasi Bulanan", [*SKP_HEADER, "bulan", "tahun"])
    r = 2
    for nip, nama, jabatan, inds in PEGAWAI:
        for uraian, satuan, target, tws in inds:
            for month, value in zip(MONTHS, monthly(tws[3], satuan), strict=True):
                sh.put(f"A{r}", nip, **TEXT)
                sh.row(f"B{r}", [nama, jabatan, uraian, satuan, target, value,
                                 month.capitalize(), 2024])  # fmt: skip
                r += 1
    expected = skp_expected("Per-person rows per bulan: realisasi_bulan.",
                            pegawai_expected(None, MONTHS))  # fmt: skip
    return generated("skp_pegawai_bulan_2024.xlsx", book, expected)


def skp_prosa_nomor() -> Generated:
    """A kecamatan's quarterly SKP recap typed by hand: NOMOR restarting at 1 for each
    pegawai, NAMA/NIP/JABATAN written once per person, and prose in a realisasi cell.

    Published form: a "Rekapitulasi Capaian SKP" sheet as kept by a kepegawaian subbagian
    (kop, title, bordered table, signature).

    Traps: NOMOR 1, 2, (3) per person must create neither sasaran nor indicators numbering
    across people; NAMA/NIP/JABATAN only on each person's first row (blanks below); the cell
    "100 persen sesuai rata-rata capaian triwulan sebelumnya" in REALISASI TW III -> null +
    ``bukan-angka`` at that cell (its KETERANGAN says "Tercapai"); NIP as 18-digit text;
    "REALISASI TW III" gives realisasi.tw3 (other quarters not asserted).
    """
    book = Book()
    sh = book.sheet("Rekap SKP TW III")
    sh.widths({"A": 8, "B": 26, "C": 21, "D": 24, "E": 52, "F": 10, "G": 9, "H": 22, "I": 20})
    kop(sh, "I", WANAJAYA, "KECAMATAN WANASARI", None)
    titles(sh, 4, "I", ["REKAPITULASI CAPAIAN SASARAN KINERJA PEGAWAI (SKP)",
                        "TRIWULAN III TAHUN 2024"])  # fmt: skip
    header = ["NOMOR", "NAMA", "NIP", "JABATAN", "INDIKATOR KINERJA INDIVIDU", "SATUAN",
              "TARGET", "REALISASI TW III", "KETERANGAN"]  # fmt: skip
    sh.row("A7", header, **H)
    r = 8
    prose = "100 persen sesuai rata-rata capaian triwulan sebelumnya"
    prose_cell = None
    people = []
    for p, (nip, nama, jabatan, inds) in enumerate(PEGAWAI[:3]):
        items = []
        for n, (uraian, satuan, target, tws) in enumerate(inds, 1):
            first = n == 1
            sh.put(f"A{r}", n, **BC)
            sh.put(f"B{r}", nama if first else None, **B)
            sh.put(f"C{r}", nip if first else None, **{**B, "num": "@"})
            sh.put(f"D{r}", jabatan if first else None, **B)
            sh.row(f"E{r}", [uraian, satuan, target], **B)
            value: Any = tws[2]
            if p == 1 and n == 1:  # the Sekcam's first indicator: prose instead of a number
                value, prose_cell = prose, f"{sh.name}!H{r}"
            sh.put(f"H{r}", value, **B)
            sh.put(f"I{r}", "Tercapai" if isinstance(value, str) else None, **B)
            items.append({
                "uraian": uraian, "satuan": satuan, "target": dec(target),
                "realisasi": {"tw3": None if isinstance(value, str) else dec(value)},
            })  # fmt: skip
            r += 1
        people.append({"nip": nip, "nama": nama, "jabatan": jabatan, "indikator": items})
    signature(sh, "G", r + 2, ["Wanasari, 7 Oktober 2024", "CAMAT WANASARI", None, None,
                               None, None, "Drs. ASEP SAEPUDIN, M.Si", "Pembina Tk. I / IV.b",
                               "NIP. 19780312 200312 1 004"], span=3)  # fmt: skip
    expected = skp_expected("Per-person recap; NOMOR restarts per person; prose realisasi.",
                            people, ("bukan-angka",))  # fmt: skip
    expected["problems_expected"].append({"code": "bukan-angka", "cell": prose_cell})
    expected["instansi"] = {"nama": "KECAMATAN WANASARI", "tahun": 2024}
    expected["sheet"] = sh.name
    return generated("skp_rekap_nomor_prosa_2024.xlsx", book, expected)


# ---------------------------------------------------------------------------------------------
# c) Kepmendagri 050-5889 nomenclature: kode | program | kegiatan | sub kegiatan | indikator |
#    satuan, no target. The penunjang kegiatan and sub kegiatan follow the published list; the
#    others are modelled on it (names and codes in its style, invented where not recalled).

# kegiatan suffix, name, [(sub suffix, name, indicator, satuan)]
# fmt: off
PENUNJANG: list[tuple[str, str, list[tuple[str, str, str, str]]]] = [
    ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
        ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
         "Jumlah Dokumen Perencanaan Perangkat Daerah", "Dokumen"),
        ("0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
         "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
         "Dokumen"),
        ("0003", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
         "Jumlah Dokumen Perubahan RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen "
         "Perubahan RKA-SKPD", "Dokumen"),
        ("0004", "Koordinasi dan Penyusunan DPA-SKPD",
         "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD",
         "Dokumen"),
        ("0005", "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
         "Jumlah Dokumen Perubahan DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen "
         "Perubahan DPA-SKPD", "Dokumen"),
        ("0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi "
         "Kinerja SKPD", "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD "
         "dan Laporan Hasil Koordinasi Penyusunan Laporan Capaian Kinerja dan Ikhtisar "
         "Realisasi Kinerja SKPD", "Laporan"),
        ("0007", "Evaluasi Kinerja Perangkat Daerah",
         "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah", "Laporan"),
    ]),
    ("2.02", "Administrasi Keuangan Perangkat Daerah", [
        ("0001", "Penyediaan Gaji dan Tunjangan ASN",
         "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "Orang/bulan"),
        ("0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
         "Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN", "Dokumen"),
        ("0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
         "Jumlah Laporan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "Laporan"),
        ("0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD",
         "Jumlah Laporan Koordinasi dan Pelaksanaan Akuntansi SKPD", "Laporan"),
        ("0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
         "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan "
         "Laporan Keuangan Akhir Tahun SKPD", "Laporan"),
        ("0006", "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan",
         "Jumlah Dokumen Bahan Tanggapan Pemeriksaan dan Tindak Lanjut Pemeriksaan",
         "Dokumen"),
        ("0007", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran "
         "SKPD", "Jumlah Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD dan Laporan "
         "Koordinasi Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
         "Laporan"),
    ]),
    ("2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah", [
        ("0001", "Penyusunan Perencanaan Kebutuhan Barang Milik Daerah SKPD",
         "Jumlah Dokumen Perencanaan Kebutuhan Barang Milik Daerah SKPD", "Dokumen"),
        ("0002", "Pengamanan Barang Milik Daerah SKPD",
         "Jumlah Unit Barang Milik Daerah yang Diamankan", "Unit"),
        ("0003", "Koordinasi dan Penilaian Barang Milik Daerah SKPD",
         "Jumlah Laporan Hasil Penilaian Barang Milik Daerah dan Hasil Koordinasi Penilaian "
         "Barang Milik Daerah SKPD", "Laporan"),
        ("0004", "Pembinaan, Pengawasan, dan Pengendalian Barang Milik Daerah pada SKPD",
         "Jumlah Laporan Hasil Pembinaan, Pengawasan, dan Pengendalian Barang Milik Daerah "
         "pada SKPD", "Laporan"),
        ("0005", "Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD",
         "Jumlah Laporan Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD",
         "Laporan"),
        ("0006", "Penatausahaan Barang Milik Daerah pada SKPD",
         "Jumlah Laporan Penatausahaan Barang Milik Daerah pada SKPD", "Laporan"),
        ("0007", "Pemanfaatan Barang Milik Daerah SKPD",
         "Jumlah Laporan Pemanfaatan Barang Milik Daerah SKPD", "Laporan"),
    ]),
    ("2.05", "Administrasi Kepegawaian Perangkat Daerah", [
        ("0001", "Peningkatan Sarana dan Prasarana Disiplin Pegawai",
         "Jumlah Unit Peningkatan Sarana dan Prasarana Disiplin Pegawai", "Unit"),
        ("0002", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya",
         "Jumlah Paket Pakaian Dinas Beserta Atribut Kelengkapan", "Paket"),
        ("0003", "Pendataan dan Pengolahan Administrasi Kepegawaian",
         "Jumlah Dokumen Pendataan dan Pengolahan Administrasi Kepegawaian", "Dokumen"),
        ("0004", "Koordinasi dan Pelaksanaan Sistem Informasi Kepegawaian",
         "Jumlah Dokumen Hasil Koordinasi dan Pelaksanaan Sistem Informasi Kepegawaian",
         "Dokumen"),
        ("0005", "Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai",
         "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai", "Dokumen"),
        ("0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
         "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan "
         "Pelatihan", "Orang"),
        ("0010", "Sosialisasi Peraturan Perundang-Undangan",
         "Jumlah Orang yang Mengikuti Sosialisasi Peraturan Perundang-Undangan", "Orang"),
        ("0011", "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
         "Jumlah Orang yang Mengikuti Bimbingan Teknis Implementasi Peraturan "
         "Perundang-Undangan", "Orang"),
    ]),
    ("2.06", "Administrasi Umum Perangkat Daerah", [
        ("0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
         "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan",
         "Paket"),
        ("0002", "Penyediaan Peralatan dan Perlengkapan Kantor",
         "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan", "Paket"),
        ("0003", "Penyediaan Peralatan Rumah Tangga",
         "Jumlah Paket Peralatan Rumah Tangga yang Disediakan", "Paket"),
        ("0004", "Penyediaan Bahan Logistik Kantor",
         "Jumlah Paket Bahan Logistik Kantor yang Disediakan", "Paket"),
        ("0005", "Penyediaan Barang Cetakan dan Penggandaan",
         "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan", "Paket"),
        ("0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
         "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan",
         "Dokumen"),
        ("0007", "Penyediaan Bahan/Material",
         "Jumlah Paket Bahan/Material yang Disediakan", "Paket"),
        ("0008", "Fasilitasi Kunjungan Tamu", "Jumlah Laporan Fasilitasi Kunjungan Tamu",
         "Laporan"),
        ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
         "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "Laporan"),
        ("0010", "Penatausahaan Arsip Dinamis pada SKPD",
         "Jumlah Dokumen Penatausahaan Arsip Dinamis pada SKPD", "Dokumen"),
        ("0011", "Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD",
         "Jumlah Dokumen Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada "
         "SKPD", "Dokumen"),
    ]),
    ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", [
        ("0001", "Pengadaan Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
         "Jumlah Unit Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang "
         "Disediakan", "Unit"),
        ("0002", "Pengadaan Kendaraan Dinas Operasional atau Lapangan",
         "Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang Disediakan", "Unit"),
        ("0005", "Pengadaan Mebel", "Jumlah Paket Mebel yang Disediakan", "Paket"),
        ("0006", "Pengadaan Peralatan dan Mesin Lainnya",
         "Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan", "Unit"),
        ("0009", "Pengadaan Gedung Kantor atau Bangunan Lainnya",
         "Jumlah Unit Gedung Kantor atau Bangunan Lainnya yang Disediakan", "Unit"),
        ("0010", "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
         "Jumlah Unit Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya yang "
         "Disediakan", "Unit"),
        ("0011", "Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya",
         "Jumlah Unit Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya yang "
         "Disediakan", "Unit"),
    ]),
    ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", [
        ("0001", "Penyediaan Jasa Surat Menyurat",
         "Jumlah Laporan Penyediaan Jasa Surat Menyurat", "Laporan"),
        ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
         "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang "
         "Disediakan", "Laporan"),
        ("0003", "Penyediaan Jasa Peralatan dan Perlengkapan Kantor",
         "Jumlah Laporan Penyediaan Jasa Peralatan dan Perlengkapan Kantor yang Disediakan",
         "Laporan"),
        ("0004", "Penyediaan Jasa Pelayanan Umum Kantor",
         "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan", "Laporan"),
    ]),
    ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", [
        ("0001", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan "
         "Perorangan Dinas atau Kendaraan Dinas Jabatan",
         "Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara dan "
         "Dibayarkan Pajaknya", "Unit"),
        ("0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan "
         "Kendaraan Dinas Operasional atau Lapangan",
         "Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan Dibayarkan "
         "Pajak dan Perizinannya", "Unit"),
        ("0006", "Pemeliharaan Peralatan dan Mesin Lainnya",
         "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara", "Unit"),
        ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
         "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi", "Unit"),
        ("0010", "Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan "
         "Lainnya", "Jumlah Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya yang "
         "Dipelihara/Direhabilitasi", "Unit"),
        ("0011", "Pemeliharaan/Rehabilitasi Sarana dan Prasarana Pendukung Gedung Kantor atau "
         "Bangunan Lainnya", "Jumlah Sarana dan Prasarana Pendukung Gedung Kantor atau "
         "Bangunan Lainnya yang Dipelihara/Direhabilitasi", "Unit"),
    ]),
]

# bidang -> [(program suffix, name, [(kegiatan suffix, name, [(sub suffix, name, [(indicator,
# satuan), ...])])])]; a second (indicator, satuan) is printed on a row of its own below.
URUSAN_PROGRAMS: dict[str, tuple[str, list[Any]]] = {
    "7.01": ("KECAMATAN", [
        ("02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", [
            ("2.01", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan "
             "dengan Perangkat Daerah dan Instansi Vertikal Terkait", [
                ("0001", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
                 [("Jumlah Laporan Hasil Koordinasi Penyelenggaraan Kegiatan Pemerintahan di "
                   "Tingkat Kecamatan", "Laporan")]),
                ("0002", "Fasilitasi Musyawarah Perencanaan Pembangunan Kecamatan",
                 [("Jumlah Dokumen Hasil Musyawarah Perencanaan Pembangunan Kecamatan",
                   "Dokumen")]),
                ("0003", "Pemantauan dan Evaluasi Pelaksanaan Kegiatan Pemerintahan di Wilayah "
                 "Kecamatan", [("Jumlah Laporan Pemantauan dan Evaluasi Kegiatan Pemerintahan",
                                "Laporan")]),
            ]),
            ("2.02", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit "
             "Kerja Perangkat Daerah yang Ada di Kecamatan", [
                ("0001", "Pelaksanaan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit "
                 "Kerja Perangkat Daerah di Kecamatan",
                 [("Jumlah Laporan Pelaksanaan Urusan Pemerintahan di Kecamatan", "Laporan")]),
                ("0002", "Pelayanan Perizinan Non Berusaha Skala Kecamatan",
                 [("Jumlah Dokumen Perizinan Non Berusaha yang Diterbitkan", "Dokumen")]),
            ]),
            ("2.03", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", [
                ("0001", "Pelaksanaan Pelimpahan Sebagian Kewenangan Bupati/Wali Kota kepada "
                 "Camat", [("Jumlah Urusan yang Dilimpahkan yang Dilaksanakan", "Urusan")]),
                ("0002", "Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
                 [("Jumlah Dokumen Pelayanan Administrasi Terpadu Kecamatan", "Dokumen"),
                  ("Persentase Layanan PATEN yang Diselesaikan Tepat Waktu", "%")]),
                ("0003", "Pelayanan Administrasi Kependudukan Tingkat Kecamatan",
                 [("Jumlah Dokumen Administrasi Kependudukan yang Difasilitasi", "Dokumen")]),
            ]),
        ]),
        ("03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", [
            ("2.01", "Pemberdayaan Masyarakat Desa dan Kelurahan", [
                ("0001", "Fasilitasi Kegiatan Pemberdayaan Kesejahteraan Keluarga (PKK) "
                 "Kecamatan", [("Jumlah Kegiatan PKK yang Difasilitasi", "Kegiatan")]),
                ("0002", "Pembinaan Lembaga Kemasyarakatan Kelurahan",
                 [("Jumlah Lembaga Kemasyarakatan yang Dibina", "Lembaga")]),
                ("0003", "Fasilitasi Pelaksanaan Gotong Royong Masyarakat",
                 [("Jumlah Kegiatan Gotong Royong yang Difasilitasi", "Kegiatan")]),
            ]),
            ("2.02", "Pembangunan Sarana dan Prasarana Kelurahan", [
                ("0001", "Pembangunan Sarana dan Prasarana Kelurahan",
                 [("Jumlah Sarana dan Prasarana Kelurahan yang Dibangun", "Unit"),
                  ("Panjang Jalan Lingkungan Kelurahan yang Dibangun", "Meter")]),
                ("0002", "Pemeliharaan Sarana dan Prasarana Kelurahan",
                 [("Jumlah Sarana dan Prasarana Kelurahan yang Dipelihara", "Unit")]),
                ("0003", "Pemberdayaan Masyarakat di Kelurahan",
                 [("Jumlah Kegiatan Pemberdayaan Masyarakat di Kelurahan", "Kegiatan")]),
            ]),
        ]),
        ("04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", [
            ("2.01", "Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", [
                ("0001", "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara "
                 "Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan",
                 [("Jumlah Kegiatan Sinergitas yang Dilaksanakan", "Kegiatan")]),
                ("0002", "Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat",
                 [("Jumlah Pertemuan dengan Tokoh Agama dan Tokoh Masyarakat", "Kali")]),
                ("0003", "Pelaksanaan Pengamanan Wilayah Kecamatan",
                 [("Jumlah Laporan Pengamanan Wilayah", "Laporan")]),
            ]),
            ("2.02", "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala "
             "Daerah", [
                ("0001", "Sosialisasi Peraturan Daerah dan Peraturan Kepala Daerah",
                 [("Jumlah Orang yang Mengikuti Sosialisasi Perda dan Perkada", "Orang")]),
                ("0002", "Koordinasi Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
                 [("Jumlah Laporan Koordinasi Penegakan Perda dan Perkada", "Laporan"),
                  ("Jumlah Pelanggaran Perda yang Ditangani", "Kasus")]),
            ]),
        ]),
        ("05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM", [
            ("2.01", "Koordinasi Penyelenggaraan Urusan Pemerintahan Umum di Wilayah "
             "Kecamatan", [
                ("0001", "Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional di Kecamatan",
                 [("Jumlah Peserta Pembinaan Wawasan Kebangsaan", "Orang")]),
                ("0002", "Koordinasi Kerukunan Umat Beragama di Kecamatan",
                 [("Jumlah Laporan Koordinasi Kerukunan Umat Beragama", "Laporan")]),
                ("0003", "Fasilitasi Penanganan Bencana di Wilayah Kecamatan",
                 [("Jumlah Kejadian Bencana yang Difasilitasi Penanganannya", "Kejadian")]),
                ("0004", "Pelaksanaan Peringatan Hari Besar Nasional dan Keagamaan",
                 [("Jumlah Kegiatan Peringatan Hari Besar", "Kegiatan")]),
            ]),
        ]),
        ("06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", [
            ("2.01", "Fasilitasi Penyelenggaraan Pemerintahan Desa", [
                ("0001", "Fasilitasi Penyusunan Rencana Pembangunan Jangka Menengah Desa dan "
                 "Rencana Kerja Pemerintah Desa", [("Jumlah Desa yang Difasilitasi", "Desa")]),
                ("0002", "Fasilitasi Penyusunan Anggaran Pendapatan dan Belanja Desa",
                 [("Jumlah Dokumen APBDesa yang Difasilitasi", "Dokumen")]),
                ("0003", "Fasilitasi Pengelolaan Keuangan Desa",
                 [("Jumlah Desa yang Difasilitasi Pengelolaan Keuangannya", "Desa")]),
            ]),
            ("2.02", "Evaluasi Penyelenggaraan Pemerintahan Desa", [
                ("0001", "Evaluasi Rancangan Peraturan Desa tentang APBDesa",
                 [("Jumlah Rancangan Peraturan Desa yang Dievaluasi", "Dokumen")]),
                ("0002", "Evaluasi Perkembangan Desa",
                 [("Jumlah Laporan Evaluasi Perkembangan Desa", "Laporan")]),
            ]),
        ]),
    ]),
    "8.01": ("KESATUAN BANGSA DAN POLITIK", [
        ("02", "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN", [
            ("2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Pelaksanaan "
             "Bidang Ideologi Pancasila dan Karakter Kebangsaan", [
                ("0001", "Penguatan Ideologi Pancasila dan Karakter Kebangsaan",
                 [("Jumlah Peserta Penguatan Ideologi Pancasila", "Orang")]),
                ("0002", "Pelaksanaan Pembinaan Wawasan Kebangsaan bagi Pelajar",
                 [("Jumlah Sekolah yang Mendapat Pembinaan Wawasan Kebangsaan", "Sekolah")]),
                ("0003", "Fasilitasi Pembauran Kebangsaan",
                 [("Jumlah Kegiatan Pembauran Kebangsaan yang Difasilitasi", "Kegiatan")]),
            ]),
        ]),
        ("03", "PROGRAM PENINGKATAN PERAN PARTAI POLITIK DAN LEMBAGA PENDIDIKAN MELALUI "
         "PENDIDIKAN POLITIK DAN PENGEMBANGAN ETIKA SERTA BUDAYA POLITIK", [
            ("2.01", "Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pendidikan "
             "Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan "
             "Pemerintahan, Perwakilan dan Partai Politik, Pemilihan Umum/Pemilihan Umum "
             "Kepala Daerah, Pemantauan Situasi Politik", [
                ("0001", "Pelaksanaan Pendidikan Politik bagi Masyarakat",
                 [("Jumlah Peserta Pendidikan Politik", "Orang")]),
                ("0002", "Fasilitasi Penyaluran Bantuan Keuangan Partai Politik",
                 [("Jumlah Partai Politik Penerima Bantuan Keuangan", "Partai Politik")]),
                ("0003", "Pemantauan Situasi Politik Daerah",
                 [("Jumlah Laporan Pemantauan Situasi Politik", "Laporan")]),
            ]),
        ]),
        ("04", "PROGRAM PEMBERDAYAAN DAN PENGAWASAN ORGANISASI KEMASYARAKATAN", [
            ("2.01", "Pelaksanaan Kebijakan di Bidang Pemberdayaan dan Pengawasan Organisasi "
             "Kemasyarakatan", [
                ("0001", "Pendataan dan Verifikasi Organisasi Kemasyarakatan",
                 [("Jumlah Organisasi Kemasyarakatan yang Terdata", "Ormas")]),
                ("0002", "Pemberdayaan Organisasi Kemasyarakatan",
                 [("Jumlah Organisasi Kemasyarakatan yang Diberdayakan", "Ormas"),
                  ("Jumlah Pengurus Ormas yang Mengikuti Pembinaan", "Orang")]),
            ]),
        ]),
        ("05", "PROGRAM PEMBINAAN DAN PENGEMBANGAN KETAHANAN EKONOMI, SOSIAL, DAN BUDAYA", [
            ("2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Pelaksanaan "
             "Bidang Ketahanan Ekonomi, Sosial, dan Budaya", [
                ("0001", "Pembinaan Ketahanan Ekonomi Masyarakat",
                 [("Jumlah Laporan Pembinaan Ketahanan Ekonomi", "Laporan")]),
                ("0002", "Pembinaan Ketahanan Sosial dan Budaya Masyarakat",
                 [("Jumlah Peserta Pembinaan Ketahanan Sosial dan Budaya", "Orang")]),
            ]),
        ]),
        ("06", "PROGRAM PENINGKATAN KEWASPADAAN NASIONAL DAN PENINGKATAN KUALITAS DAN "
         "FASILITASI PENANGANAN KONFLIK SOSIAL", [
            ("2.01", "Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Kewaspadaan "
             "Nasional dan Penanganan Konflik Sosial", [
                ("0001", "Penyelenggaraan Forum Kewaspadaan Dini Masyarakat (FKDM)",
                 [("Jumlah Rapat FKDM yang Dilaksanakan", "Kali")]),
                ("0002", "Pelaksanaan Deteksi Dini dan Penanganan Potensi Konflik Sosial",
                 [("Jumlah Laporan Deteksi Dini Potensi Konflik", "Laporan")]),
                ("0003", "Pengawasan Orang Asing dan Lembaga Asing",
                 [("Jumlah Laporan Pengawasan Orang Asing dan Lembaga Asing", "Laporan")]),
            ]),
            ("2.02", "Penanganan Konflik Sosial", [
                ("0001", "Fasilitasi Tim Terpadu Penanganan Konflik Sosial",
                 [("Jumlah Rapat Tim Terpadu Penanganan Konflik Sosial", "Kali")]),
                ("0002", "Pemulihan Pascakonflik Sosial",
                 [("Jumlah Kegiatan Pemulihan Pascakonflik", "Kegiatan")]),
            ]),
        ]),
    ]),
}
# fmt: on


def nomenklatur_050_5889() -> Generated:
    """A nomenclature list in the style of Kepmendagri 050-5889/2021 (pemutakhiran of
    Permendagri 90/2019) for Unsur Kewilayahan (7.01 Kecamatan) and Unsur Pemerintahan Umum
    (8.01 Kesatuan Bangsa dan Politik): kode | program | kegiatan | sub kegiatan |
    indikator | satuan, no target, no anggaran.

    Published form: the lampiran list (kode, nomenclature, kinerja/indikator, satuan) as
    staff copy it into Excel, the level shown by the column the name stands in.

    Traps: 12 programs (two "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" with
    the same name under different kode: grouped by kode AND name, never merged), 32 kegiatan,
    157 sub kegiatan with 161 indicators, 205 rows under the header; sub kegiatan codes
    with gaps (...2.05.0005 then .0009) as
    published; a second indicator on a row of its own (kode and names empty) belonging to the
    sub kegiatan above; kode as text ("7.01.01", never 7.0101 or 7.1); no target column: no
    target, no anggaran, ``target-tidak-ada``; no sasaran; a PK must not be written from it.
    """
    book = Book()
    sh = book.sheet("Nomenklatur")
    sh.widths({"A": 20, "B": 40, "C": 44, "D": 52, "E": 60, "F": 12})
    titles(sh, 1, "F", [
        "DAFTAR PROGRAM, KEGIATAN DAN SUB KEGIATAN BESERTA INDIKATOR KINERJA",
        "BERDASARKAN KEPUTUSAN MENTERI DALAM NEGERI NOMOR 050-5889 TAHUN 2021",
    ])  # fmt: skip
    sh.row("A4", ["Kode", "Program", "Kegiatan", "Sub Kegiatan", "Indikator", "Satuan"], **H)
    sh.landscape(repeat=(4, 4))
    r = 5
    programs: list[dict[str, Any]] = []
    for bidang, (_, progs) in URUSAN_PROGRAMS.items():
        penunjang = [
            (k, n, [(s, sn, [(i, u)]) for s, sn, i, u in subs]) for k, n, subs in PENUNJANG
        ]
        all_progs = [("01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                      penunjang), *progs]  # fmt: skip
        for p_suffix, p_name, kegs in all_progs:
            p_kode = f"{bidang}.{p_suffix}"
            sh.row(f"A{r}", [p_kode, p_name, None, None, None, None], **{**B, "bold": True})
            r += 1
            exp_kegs = []
            for k_suffix, k_name, subs in kegs:
                k_kode = f"{p_kode}.{k_suffix}"
                sh.row(f"A{r}", [k_kode, None, k_name, None, None, None], **B)
                r += 1
                exp_subs = []
                for s_suffix, s_name, indicators in subs:
                    s_kode = f"{k_kode}.{s_suffix}"
                    (i0, u0), *more = indicators
                    sh.row(f"A{r}", [s_kode, None, None, s_name, i0, u0], **B)
                    r += 1
                    for i1, u1 in more:
                        sh.row(f"A{r}", [None, None, None, None, i1, u1], **B)
                        r += 1
                    exp_subs.append({
                        "kode": s_kode, "nama": s_name,
                        "indikator": [{"uraian": i, "satuan": u, "target": None}
                                      for i, u in indicators],
                        "target": None, "anggaran": None, "realisasi_anggaran": None,
                    })  # fmt: skip
                exp_kegs.append({"kode": k_kode, "nama": k_name, "target": None,
                                 "anggaran": None, "sub_kegiatan": exp_subs})  # fmt: skip
            programs.append({"kode": p_kode, "nama": p_name, "target": None, "anggaran": None,
                             "kegiatan": exp_kegs})  # fmt: skip
    expected = {
        "_about": "Nomenclature list, no targets: programs/kegiatan/sub kegiatan by kode.",
        "sheet": sh.name,
        "sasaran": [],
        "program": programs,
        "pk_refused": True,
        "problems_expected": [{"code": "target-tidak-ada", "cell": None}],
        "problems_forbidden": forbid("target-tidak-ada", "sasaran-tidak-ada"),
    }
    return generated("nomenklatur_kewilayahan_kesbangpol.xlsx", book, expected)


# ---------------------------------------------------------------------------------------------
# d) a target table without a SASARAN column


def iku_tanpa_sasaran() -> Generated:
    """An Inspektorat's IKU target list with no SASARAN column: No | Indikator | Target |
    Satuan.

    Published form: the short "Target Indikator Kinerja Utama" sheet an Inspektorat keeps
    (the government-wide indicators it is responsible for), kop, title, signature.

    Traps: no sasaran at all (one sasaran with no and uraian null holding every indicator,
    plus ``sasaran-tidak-ada``); the No column numbers indicators, not sasaran; "80,01"
    (text, decimal comma) with satuan "Nilai"; "WTP" with satuan "Opini" and "BB" with
    satuan "Predikat": qualitative targets kept as the typed text, not ``bukan-angka``;
    "3,3" Level; 3 as a number; 72.5; 0.9 under a 0% format with satuan "%" (90);
    TARGET before SATUAN.
    """
    book = Book()
    sh = book.sheet("IKU 2024")
    sh.widths({"A": 5, "B": 62, "C": 12, "D": 12})
    kop(sh, "D", WANAJAYA, "INSPEKTORAT DAERAH", "Jl. Siliwangi No. 40 Wanajaya")
    titles(sh, 5, "D", ["TARGET INDIKATOR KINERJA UTAMA", "INSPEKTORAT DAERAH KABUPATEN "
                        "WANAJAYA", "TAHUN 2024"])  # fmt: skip
    sh.row("A9", ["No", "Indikator", "Target", "Satuan"], **H)
    rows = [
        ("Nilai SAKIP Pemerintah Kabupaten Wanajaya", "80,01", {}, "Nilai", dec("80.01")),
        ("Predikat SAKIP Pemerintah Kabupaten Wanajaya", "BB", {}, "Predikat", "BB"),
        ("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "WTP", {}, "Opini", "WTP"),
        ("Tingkat Maturitas Sistem Pengendalian Intern Pemerintah (SPIP)", "3,3", {}, "Level",
         dec("3.3")),
        ("Level Kapabilitas Aparat Pengawasan Intern Pemerintah (APIP)", 3, {}, "Level",
         dec(3)),
        ("Indeks Reformasi Birokrasi", 72.5, {}, "Indeks", dec("72.5")),
        ("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 0.9, {"num": "0%"},
         "%", dec(90)),
    ]  # fmt: skip
    indicators = []
    for n, (uraian, typed, style, satuan, meaning) in enumerate(rows, 1):
        r = 9 + n
        sh.put(f"A{r}", n, **BC)
        sh.put(f"B{r}", uraian, **B)
        sh.put(f"C{r}", typed, **{**BC, **style})
        sh.put(f"D{r}", satuan, **BC)
        indicators.append({"uraian": uraian, "satuan": satuan, "target": meaning,
                           "polaritas": None, "akumulasi": None})  # fmt: skip
    signature(sh, "C", 19, ["Wanajaya, 2 Januari 2024", "INSPEKTUR KABUPATEN WANAJAYA", None,
                            None, None, None, "Drs. H. ROHMAT HIDAYAT, M.M.",
                            "Pembina Utama Muda / IV.c", "NIP. 19690817 199403 1 005"],
              span=2)  # fmt: skip
    expected = {
        "_about": "No SASARAN column: one sasaran with null no/uraian; qualitative targets.",
        "sheet": sh.name,
        "instansi": {"pemerintah": WANAJAYA, "nama": "INSPEKTORAT DAERAH", "tahun": 2024},
        "penandatangan": {
            "jabatan": "INSPEKTUR KABUPATEN WANAJAYA",
            "nama": "Drs. H. ROHMAT HIDAYAT, M.M.",
            "pangkat": "Pembina Utama Muda / IV.c",
            "nip": "196908171994031005",
        },
        "sasaran": [{"no": None, "uraian": None, "indikator": indicators}],
        "problems_expected": [{"code": "sasaran-tidak-ada", "cell": None}],
        "problems_forbidden": forbid("sasaran-tidak-ada"),
    }
    return generated("iku_inspektorat_tanpa_sasaran_2024.xlsx", book, expected)


# ---------------------------------------------------------------------------------------------
# e) a database export with snake_case headers


def db_export_snake_case() -> Generated:
    """A table dumped from an e-SAKIP database: snake_case headers with suffixes.

    Published form: the "export to Excel" of an e-SAKIP / e-Monev application table
    (one header row, no kop, sheet named after the table).

    Traps: headers id | sasaran_strategis | indikator_kinerja_individu | satuan |
    target_tahunan | target_tw1..target_tw4 | realisasi_tw1..realisasi_tw4 | nilai_capaian |
    updated_at; an ``id`` column (not a No of sasaran); sasaran repeated on every row;
    "NULL" typed by the dump for a quarter not reported (null, not a number; a problem there
    is allowed, not required); an ``updated_at`` timestamp text; nilai_capaian in percent
    units. One instansi's indicators (no nip/nama columns): ``kinerja-individu`` is forbidden.
    """
    book = Book()
    sh = book.sheet("t_kinerja_opd")
    header = ["id", "sasaran_strategis", "indikator_kinerja_individu", "satuan",
              "target_tahunan", "target_tw1", "target_tw2", "target_tw3", "target_tw4",
              "realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4",
              "nilai_capaian", "updated_at"]  # fmt: skip
    sh.row("A1", header)
    s1 = "Meningkatnya kualitas pelayanan publik kecamatan"
    s2 = "Meningkatnya kapasitas pemerintahan desa"
    # fmt: off
    rows = [
        (101, s1, "Indeks Kepuasan Masyarakat", "Indeks", 85, (82, 83, 84, 85),
         (80.5, 82, 84.25, 86), 101.18),
        (102, s1, "Persentase pelayanan PATEN selesai tepat waktu", "%", 95, (90, 92, 94, 95),
         (91, 93, 95, "NULL"), 100),
        (103, s2, "Jumlah desa yang menyusun APBDes tepat waktu", "Desa", 12, (0, 0, 0, 12),
         (0, 0, 0, 11), 91.67),
        (104, s2, "Persentase aparatur desa yang mengikuti bimbingan teknis", "%", 80,
         (20, 40, 60, 80), (15, 35, 62, 84), 105),
    ]
    # fmt: on
    sasaran: list[dict[str, Any]] = []
    for r, (id_, sas, uraian, satuan, target, t_tw, r_tw, cap) in enumerate(rows, 2):
        sh.row(f"A{r}", [id_, sas, uraian, satuan, target, *t_tw, *r_tw, cap,
                         f"2025-01-1{r} 09:1{r}:44"])  # fmt: skip
        if not sasaran or sasaran[-1]["uraian"] != sas:
            sasaran.append({"uraian": sas, "indikator": []})
        sasaran[-1]["indikator"].append({
            "uraian": uraian, "satuan": satuan, "target": dec(target),
            "target_tw": tw(*[dec(v) for v in t_tw]),
            "realisasi": tw(*[None if v == "NULL" else dec(v) for v in r_tw]),
            "capaian": dec(cap),
        })  # fmt: skip
    expected = {
        "_about": "Database export, snake_case headers; NULL is empty.",
        "sheet": sh.name,
        "sasaran": sasaran,
        "problems_forbidden": forbid("bukan-angka", "nilai-tidak-dikenal"),
    }
    return generated("db_export_kinerja_2024.xlsx", book, expected)


# ---------------------------------------------------------------------------------------------
# g) h) one simple pengukuran table as .xlsx, .csv (";", decimal comma, cp1252), .csv (",",
#    UTF-8 BOM) and a legacy .xls converted by LibreOffice

PASIR = "KECAMATAN PASIRWANGI"
S1 = "Meningkatnya kualitas pelayanan publik"
S2 = "Meningkatnya kualitas lingkungan permukiman yang bersih, sehat dan hijau"
S3 = "Meningkatnya tata kelola pemerintahan kecamatan"
# fmt: off
PENGUKURAN = [  # (sasaran no, sasaran, indikator, satuan, target, TW I..IV, capaian, predikat)
    ("1", S1, "Indeks Kepuasan Masyarakat", "Indeks", "82", ("78.5", "80.25", "81.4", "83.6"),
     "101.95", "Sangat Tinggi"),
    ("1", S1, "Persentase pelayanan PATEN yang diselesaikan tepat waktu", "%", "95",
     ("90", "92.5", "94", "96"), "101.05", "Sangat Tinggi"),
    ("2", S2, "Luas ruang terbuka hijau yang dipelihara", "m²", "12500",
     ("2500", "5100", "7300", "9100"), "72.8", "Sedang"),
    ("2", S2, "Persentase sampah yang tertangani di TPS", "%", "75", ("60", "62", "63", "61.5"),
     "82", "Tinggi"),
    ("3", S3, "Nilai evaluasi SAKIP kecamatan", "Nilai", "70", (None, None, None, "68.75"),
     "98.21", "Sangat Tinggi"),
    ("3", S3, "Jumlah inovasi pelayanan yang diimplementasikan", "Inovasi", "2",
     ("0", "1", "0", "1"), "100", "Sangat Tinggi"),
]
# fmt: on
PENGUKURAN_TTD = [
    "Pasirwangi, 8 Januari 2025",
    "CAMAT PASIRWANGI",
    None,
    None,
    None,
    None,
    "YAYAT HIDAYAT, S.Sos., M.M.",
    "Pembina / IV.a",
    "NIP. 19760905 199803 1 006",
]  # fmt: skip


def pengukuran_expected(about: str, sheet: str | None) -> dict[str, Any]:
    sasaran: list[dict[str, Any]] = []
    for no, sas, uraian, satuan, target, tws, cap, predikat in PENGUKURAN:
        if not sasaran or sasaran[-1]["no"] != no:
            sasaran.append({"no": no, "uraian": sas, "indikator": []})
        sasaran[-1]["indikator"].append({
            "uraian": uraian, "satuan": satuan, "target": dec(target),
            "realisasi": tw(*[None if v is None else dec(v) for v in tws]),
            "capaian": dec(cap), "predikat": predikat, "polaritas": None, "akumulasi": None,
        })  # fmt: skip
    out: dict[str, Any] = {"_about": about}
    if sheet:
        out["sheet"] = sheet
    out.update({
        "instansi": {"pemerintah": WANAJAYA, "nama": PASIR, "tahun": 2024},
        "penandatangan": {"jabatan": "CAMAT PASIRWANGI", "nama": "YAYAT HIDAYAT, S.Sos., M.M.",
                          "pangkat": "Pembina / IV.a", "nip": "197609051998031006"},
        "sasaran": sasaran,
        "problems_forbidden": forbid(),
    })  # fmt: skip
    return out


def pengukuran_book() -> tuple[Book, Sheet]:
    book = Book()
    sh = book.sheet("Pengukuran TW IV")
    sh.widths({"A": 5, "B": 30, "C": 44, "D": 9, "E": 10, "F": 9, "G": 9, "H": 9, "I": 9,
               "J": 11, "K": 14})  # fmt: skip
    kop(sh, "K", WANAJAYA, PASIR, None)
    titles(sh, 4, "K", ["PENGUKURAN KINERJA TRIWULAN IV TAHUN 2024"])
    for letter, text in zip("ABCDE", ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN",
                                     "TARGET 2024"], strict=True):  # fmt: skip
        sh.merge(f"{letter}6:{letter}7", text, **H)
    sh.merge("F6:I6", "REALISASI", **H)
    sh.row("F7", ["TW I", "TW II", "TW III", "TW IV"], **H)
    sh.merge("J6:J7", "CAPAIAN (%)", **H)
    sh.merge("K6:K7", "PREDIKAT", **H)
    r = 8
    firsts: dict[str, list[int]] = {}
    for no, _, uraian, satuan, target, tws, cap, predikat in PENGUKURAN:
        firsts.setdefault(no, []).append(r)
        sh.row(f"C{r}", [uraian, satuan], **B)
        sh.put(f"E{r}", dec(target), **BC)
        for q, v in enumerate(tws):
            sh.put(f"{L(6 + q)}{r}", None if v is None else dec(v), **BC)
        sh.put(f"J{r}", dec(cap), **BC)
        sh.put(f"K{r}", predikat, **BC)
        r += 1
    for no, rows in firsts.items():
        sas = next(p[1] for p in PENGUKURAN if p[0] == no)
        sh.merge(f"A{rows[0]}:A{rows[-1]}", no, **BC)
        sh.merge(f"B{rows[0]}:B{rows[-1]}", sas, **B)
    signature(sh, "I", r + 2, PENGUKURAN_TTD, span=3)
    return book, sh


def pengukuran_xlsx() -> Generated:
    """The simple pengukuran table the CSV and XLS files are exported from (XlsxWriter).

    Published form: a kecamatan's quarterly "Pengukuran Kinerja" sheet (PermenPANRB 53/2014
    style): NO | SASARAN | INDIKATOR | SATUAN | TARGET | REALISASI TW I..IV | CAPAIAN (%) |
    PREDIKAT, kop, title, signature.

    Traps (few; it is the reference for its exports): REALISASI merged over TW I..IV; NO and
    SASARAN merged down; a sasaran with a comma inside; satuan "m²"; empty TW I..III for a
    yearly measure; a real 0; PREDIKAT as typed.
    """
    book, sh = pengukuran_book()
    return generated(
        "pengukuran_pasirwangi_2024.xlsx",
        book,
        pengukuran_expected("Reference table of the CSV/XLS exports.", sh.name),
    )


def _pengukuran_csv_rows(decimal: str, flat_header: bool) -> list[list[str]]:
    """The table as Excel's "Save as CSV" writes it: every row 11 fields, merged cells only in
    their first cell, numbers as displayed (General: no thousands separators)."""

    def num(v: str | None) -> str:
        return "" if v is None else v.replace(".", decimal)

    width = 11
    rows: list[list[str]] = []

    def line(cells: dict[int, str]) -> None:
        rows.append([cells.get(i, "") for i in range(width)])

    line({0: WANAJAYA})
    line({0: PASIR})
    line({})
    line({0: "PENGUKURAN KINERJA TRIWULAN IV TAHUN 2024"})
    line({})
    if flat_header:
        line(dict(enumerate(["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN",
                             "TARGET 2024", "REALISASI TW I", "REALISASI TW II",
                             "REALISASI TW III", "REALISASI TW IV", "CAPAIAN (%)",
                             "PREDIKAT"])))  # fmt: skip
    else:
        line(
            {
                0: "NO",
                1: "SASARAN STRATEGIS",
                2: "INDIKATOR KINERJA",
                3: "SATUAN",
                4: "TARGET 2024",
                5: "REALISASI",
                9: "CAPAIAN (%)",
                10: "PREDIKAT",
            }
        )
        line({5: "TW I", 6: "TW II", 7: "TW III", 8: "TW IV"})
    seen: set[str] = set()
    for no, sas, uraian, satuan, target, tws, cap, predikat in PENGUKURAN:
        first = no not in seen
        seen.add(no)
        cells = {2: uraian, 3: satuan, 4: num(target), 9: num(cap), 10: predikat}
        cells.update({5 + q: num(v) for q, v in enumerate(tws)})
        if first or flat_header:  # the flat export repeats NO and SASARAN on every row
            cells.update({0: no, 1: sas})
        line(cells)
    line({})
    for text in PENGUKURAN_TTD:
        line({8: text or ""})
    return rows


def _csv_bytes(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def pengukuran_csv_titikkoma() -> Generated:
    """The pengukuran table saved by an Indonesian-locale Excel as "CSV (dipisahkan koma)".

    Traps: ";" as separator; decimal comma ("78,5", "101,95"); Windows-1252 encoding (the
    "m²" is byte B2), CRLF; the two-row merged header flattened the way Excel writes it
    (REALISASI only above TW I, TW I..IV on the next line); NO and SASARAN only on each
    sasaran's first row; kop, title and signature lines as rows of one field; trailing empty
    fields on every line. Sheet name not asserted (a CSV has none).
    """
    rows = _pengukuran_csv_rows(",", flat_header=False)
    expected = pengukuran_expected("CSV ';' + decimal comma, cp1252: read like the xlsx.", None)
    return Generated("pengukuran_pasirwangi_2024_titikkoma.csv",
                     _csv_bytes(rows, ";", "cp1252"), clean(expected), {}, rows,
                     (";", "cp1252"))  # fmt: skip


def pengukuran_csv_koma_bom() -> Generated:
    """The pengukuran table saved as "CSV UTF-8 (Comma delimited)" by a US-locale Excel.

    Traps: UTF-8 BOM; "," separator with a quoted sasaran containing a comma; decimal point
    ("78.5"); a one-row header ("REALISASI TW I" ...); NO and SASARAN repeated on every row;
    "m²" in UTF-8. Sheet name not asserted.
    """
    rows = _pengukuran_csv_rows(".", flat_header=True)
    expected = pengukuran_expected("CSV ',' + UTF-8 BOM: read like the xlsx.", None)
    return Generated("pengukuran_pasirwangi_2024_koma_bom.csv",
                     _csv_bytes(rows, ",", "utf-8-sig"), clean(expected), {}, rows,
                     (",", "utf-8-sig"))  # fmt: skip


XLS_NAME = "pengukuran_pasirwangi_2024_lama.xls"


def pengukuran_xls_expected(sheet: str) -> dict[str, Any]:
    """The legacy .xls (BIFF8, written by LibreOffice from the same table): read like the
    xlsx, plus an info problem that it was converted; without LibreOffice, refused with a
    message naming LibreOffice."""
    expected = pengukuran_expected("Legacy .xls converted by LibreOffice.", sheet)
    expected["problems_expected"] = [{"code": "xls-dikonversi", "cell": None,
                                      "severity": "info"}]  # fmt: skip
    expected["problems_forbidden"] = forbid("xls-dikonversi")
    expected["without_libreoffice"] = {"refused": True, "message_contains": ["LibreOffice"]}
    return clean(expected)


# ---------------------------------------------------------------------------------------------
# i) an empty table


def tabel_kosong() -> Generated:
    """A blank form handed out for TW I 2025: header, column numbers, bordered empty rows,
    a signature block with dotted placeholders.

    Traps: the header and the column-number row "1".."9" are there, but no data row: the
    reader reports ``tabel-kosong`` and gives no sasaran; eight bordered empty rows are not
    data; "(..................)" and "NIP. ................" placeholders are no signatory
    (penandatangan not asserted; nip problems allowed); year 2025 from the title.
    """
    book = Book()
    sh = book.sheet("Form TW I")
    sh.widths({"A": 5, "B": 30, "C": 40, "D": 9, "E": 10, "F": 10, "G": 10, "H": 11, "I": 16})
    kop(sh, "I", WANAJAYA, PASIR, None)
    titles(sh, 4, "I", ["PENGUKURAN KINERJA TRIWULAN I TAHUN 2025"])
    sh.row("A6", ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET 2025",
                  "TARGET TW I", "REALISASI TW I", "CAPAIAN (%)", "KETERANGAN"], **H)  # fmt: skip
    sh.row("A7", [str(i) for i in range(1, 10)], **{**BC, "italic": True})
    for r in range(8, 16):
        sh.row(f"A{r}", [None] * 9, **B)
    signature(sh, "G", 18, ["Pasirwangi, ............................ 2025",
                            "CAMAT PASIRWANGI", None, None, None, None,
                            "(..............................................)",
                            "NIP. ........................................"],
              span=3)  # fmt: skip
    expected = {
        "_about": "Header and column numbers, no data rows: tabel-kosong.",
        "sheet": sh.name,
        "instansi": {"nama": PASIR, "tahun": 2025},
        "sasaran": [],
        "problems_expected": [{"code": "tabel-kosong", "cell": None}],
        "problems_forbidden": forbid(
            "tabel-kosong",
            "nip-kosong",
            "nip-tidak-valid",
            "nip-mencurigakan",
            "tanggal-tidak-valid",
        ),
    }
    return generated("pengukuran_kosong_tw1_2025.xlsx", book, expected)


# ---------------------------------------------------------------------------------------------
# j) sheets that are not a table of this domain: refused with a reason


def refused(name: str, *words: str) -> dict[str, Any]:
    return {"_about": "Not a table of this domain: refused.", "refused": True,
            "message_contains": [name, *words]}  # fmt: skip


def pohon_kinerja() -> Generated:
    """A pohon kinerja (performance tree) drawn with text boxes only.

    Published form: the "Pohon Kinerja" annex of a Renstra/cascading document (PermenPANRB
    89/2021 cascading), drawn in Excel with shapes: tujuan -> sasaran -> program -> kegiatan
    boxes; the cells hold only the title and a legend.

    Traps: the indicator texts, targets and even "IKU:" labels exist only inside text boxes
    (drawing XML), never in cells; the cells have a title, a subtitle and a 3-line legend
    ("Level 1: Sasaran Strategis" ...): refused, the message naming the file and saying it
    looks like a pohon kinerja.
    """
    book = Book()
    sh = book.sheet("Pohon Kinerja")
    sh.merge("A1:P1", "POHON KINERJA KECAMATAN PASIRWANGI", bold=True, align="center", size=14)
    sh.merge("A2:P2", "RENSTRA 2021-2026", bold=True, align="center")
    sh.put("A40", "Keterangan:", bold=True)
    sh.put("A41", "Level 1: Tujuan / Sasaran Strategis (Camat)")
    sh.put("A42", "Level 2: Sasaran Program (Sekretaris / Kepala Seksi)")
    sh.put("A43", "Level 3: Sasaran Kegiatan dan Sub Kegiatan")
    boxes = [
        (
            4,
            6,
            "TUJUAN: Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan\n"
            "IKU: Indeks Kepuasan Masyarakat (target 82)",
            420,
        ),
        (
            11,
            1,
            "SASARAN: Meningkatnya kualitas pelayanan publik\nIndikator: Persentase "
            "pelayanan PATEN tepat waktu (95%)",
            300,
        ),
        (
            11,
            9,
            "SASARAN: Meningkatnya kualitas lingkungan permukiman\nIndikator: Luas RTH "
            "yang dipelihara (12.500 m²)",
            300,
        ),
        (19, 0, "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 220),
        (19, 4, "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", 220),
        (19, 9, "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", 220),
        (27, 0, "Pelayanan Administrasi Terpadu Kecamatan (PATEN)\n850 Dokumen", 200),
        (27, 4, "Pemeliharaan Sarana dan Prasarana Kelurahan\n6 Unit", 200),
        (27, 9, "Sinergitas dengan TNI/Polri\n12 Kegiatan", 200),
    ]
    for row, col, text, width in boxes:
        sh.ws.insert_textbox(row, col, text, {
            "width": width, "height": 70, "font": {"name": "Arial", "size": 9},
            "align": {"vertical": "middle", "horizontal": "center"},
            "line": {"color": "#1F4E79", "width": 1.25}, "fill": {"color": "#DDEBF7"},
        })  # fmt: skip
    name = "pohon_kinerja_pasirwangi_2024.xlsx"
    return generated(name, book, refused(name, "pohon kinerja"))


def lke_akip() -> Generated:
    """An LKE (Lembar Kerja Evaluasi) of the AKIP evaluation (PermenPANRB 88/2021).

    Published form: the LKE/KKE worksheet: No | Komponen | Sub Komponen | Kriteria | Bobot |
    Jawaban (Y/T) | Nilai | Catatan, with the component weights 30/30/15/25.

    Traps: numbered rows with long texts, "Bobot" and "Nilai" numbers that look like
    target/realisasi, a TOTAL row, and criteria that mention "indikator kinerja", "target"
    and "Renstra"; it is an evaluation sheet, not an IKU: refused, the message naming the
    file and the word "evaluasi".
    """
    book = Book()
    sh = book.sheet("LKE")
    sh.widths({"A": 6, "B": 26, "C": 26, "D": 70, "E": 8, "F": 10, "G": 8, "H": 30})
    titles(sh, 1, "H", ["LEMBAR KERJA EVALUASI (LKE) AKUNTABILITAS KINERJA INSTANSI "
                        "PEMERINTAH", "KECAMATAN PASIRWANGI TAHUN 2024"])  # fmt: skip
    sh.row("A4", ["No", "Komponen", "Sub Komponen", "Kriteria", "Bobot", "Jawaban (Y/T)",
                  "Nilai", "Catatan"], **H)  # fmt: skip
    # fmt: off
    lke = [
        ("1", "Perencanaan Kinerja", None, None, 30, None, 24.6),
        ("1.a", None, "Dokumen perencanaan kinerja telah tersedia", None, 6, None, 6),
        ("1", None, None, "Terdapat pedoman teknis perencanaan kinerja", None, "Y", 1),
        ("2", None, None, "Terdapat dokumen perencanaan kinerja jangka menengah (Renstra)",
         None, "Y", 1),
        ("3", None, None, "Terdapat dokumen perencanaan kinerja tahunan (Renja/RKT)", None,
         "Y", 1),
        ("1.b", None, "Dokumen perencanaan kinerja telah memenuhi standar yang baik", None, 9,
         None, 7.2),
        ("4", None, None, "Indikator kinerja utama (IKU) telah memenuhi kriteria SMART", None,
         "Y", 1),
        ("5", None, None, "Target kinerja telah ditetapkan dan menantang", None, "T", 0),
        ("2", "Pengukuran Kinerja", None, None, 30, None, 21.3),
        ("2.a", None, "Pengukuran kinerja telah dilakukan", None, 6, None, 5.4),
        ("6", None, None, "Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data "
         "kinerja", None, "Y", 1),
        ("3", "Pelaporan Kinerja", None, None, 15, None, 11.25),
        ("4", "Evaluasi Akuntabilitas Kinerja Internal", None, None, 25, None, 16.5),
    ]
    # fmt: on
    r = 5
    for row in lke:
        sh.row(f"A{r}", [*row, None], **B)
        r += 1
    sh.merge(f"A{r}:D{r}", "TOTAL NILAI", **H)
    sh.put(f"E{r}", 100, **BC)
    sh.put(f"G{r}", 73.65, **BC)
    sh.put(f"H{r}", "Predikat BB", **B)
    name = "lke_akip_pasirwangi_2024.xlsx"
    return generated(name, book, refused(name, "evaluasi"))


def sipd_rincian_belanja() -> Generated:
    """A SIPD "Rincian Belanja" (RKA rincian) sheet: budget lines only, no indicator.

    Published form: the SIPD RKA-SKPD 2.2.1 rincian: the sub kegiatan header lines
    ("Sub Kegiatan : 7.01.01.2.06.0004 Penyediaan Bahan Logistik Kantor"), then Kode Rekening
    | Uraian | Koefisien (volume) | Satuan | Harga Satuan | Jumlah.

    Traps: a sub kegiatan kode and name in the header block (looks like nomenclature);
    account codes 5.1.02.01.01.0024 that look like sub kegiatan codes; volume/satuan columns
    ("50 Rim"); money as numbers; a JUMLAH row. No indicator, no target: refused, the
    message naming the file and the word "anggaran" (a budget sheet).
    """
    book = Book()
    sh = book.sheet("Rincian Belanja")
    sh.widths({"A": 22, "B": 58, "C": 10, "D": 10, "E": 15, "F": 17})
    titles(sh, 1, "F", ["RENCANA KERJA DAN ANGGARAN", "SATUAN KERJA PERANGKAT DAERAH",
                        "RINCIAN BELANJA"])  # fmt: skip
    info = [
        ("Urusan Pemerintahan", ": 7 UNSUR KEWILAYAHAN"),
        ("Bidang Urusan", ": 7.01 KECAMATAN"),
        ("Program", ": 7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
        ("Kegiatan", ": 7.01.01.2.06 Administrasi Umum Perangkat Daerah"),
        ("Sub Kegiatan", ": 7.01.01.2.06.0004 Penyediaan Bahan Logistik Kantor"),
        ("Organisasi", ": 7.01.0.00.0.00.05.0000 KECAMATAN PASIRWANGI"),
        ("Tahun Anggaran", ": 2024"),
    ]
    for i, (label, value) in enumerate(info):
        sh.put(f"A{5 + i}", label)
        sh.merge(f"B{5 + i}:F{5 + i}", value)
    sh.row("A13", ["Kode Rekening", "Uraian", "Koefisien", "Satuan", "Harga Satuan",
                   "Jumlah"], **H)  # fmt: skip
    money = {**BR, "num": "#,##0"}
    lines = [
        ("5", "BELANJA DAERAH", None, None, None, 38985000),
        ("5.1", "BELANJA OPERASI", None, None, None, 38985000),
        ("5.1.02", "Belanja Barang dan Jasa", None, None, None, 38985000),
        (
            "5.1.02.01.01.0024",
            "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
            None,
            None,
            None,
            21735000,
        ),
        (None, "Kertas HVS A4 70 gram", 50, "Rim", 55000, 2750000),
        (None, "Map Plastik Kancing", 200, "Buah", 4500, 900000),
        (None, "Tinta Printer", 45, "Botol", 85000, 3825000),
        (None, "Toner Printer Laser", 12, "Buah", 1355000, 16260000),
        (
            "5.1.02.01.01.0026",
            "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak",
            None,
            None,
            None,
            17250000,
        ),
        (None, "Cetak Blanko Surat Keterangan", 15, "Rim", 350000, 5250000),
        (None, "Cetak Map Kecamatan", 1000, "Lembar", 12000, 12000000),
    ]
    r = 14
    for kode, uraian, vol, sat, harga, jumlah in lines:
        sh.put(f"A{r}", kode, **B)
        sh.put(f"B{r}", uraian, **B)
        sh.put(f"C{r}", vol, **BC)
        sh.put(f"D{r}", sat, **BC)
        sh.put(f"E{r}", harga, **money)
        sh.put(f"F{r}", jumlah, **money)
        r += 1
    sh.merge(f"A{r}:E{r}", "JUMLAH", **H)
    sh.put(f"F{r}", 38985000, **money)
    name = "sipd_rincian_belanja_2024.xlsx"
    return generated(name, book, refused(name, "anggaran"))


# ---------------------------------------------------------------------------------------------
# Verification: every typed value is in the file; every problem cell holds something


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, str):
        return got == want
    if isinstance(want, (int, float, Decimal)):
        return isinstance(got, (int, float)) and abs(float(want) - float(got)) < 1e-9
    return False


def verify_xlsx(data: bytes, typed: dict[str, dict[str, Any]], label: str) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    bad = []
    for sheet, cells in typed.items():
        ws = wb[sheet]
        for ref, want in cells.items():
            got = ws[ref].value
            if not _same(want, got):
                bad.append(f"{sheet}!{ref}: typed {want!r}, file holds {got!r}")
    if bad:
        raise AssertionError(f"{label}: " + "; ".join(bad[:10]))


def verify_problem_cells(data: bytes, expected: dict[str, Any], label: str) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for problem in expected.get("problems_expected", []):
        if problem.get("cell"):
            sheet, ref = problem["cell"].split("!")
            if wb[sheet][ref].value in (None, ""):
                raise AssertionError(f"{label}: {problem} points at an empty cell")


def verify_csv(gen: Generated) -> None:
    delimiter, encoding = gen.csv_dialect  # type: ignore[misc]
    text = gen.data.decode(encoding)
    if encoding == "utf-8-sig" and not gen.data.startswith(b"\xef\xbb\xbf"):
        raise AssertionError(f"{gen.name}: no BOM")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if rows != gen.csv_rows:
        raise AssertionError(f"{gen.name}: the CSV does not parse back to its rows")


def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="lo_profile_x_"))
    try:
        subprocess.run(
            ["timeout", "-s", "KILL", "120", "soffice", f"-env:UserInstallation=file://{profile}",
             "--headless", "--convert-to", fmt, "--outdir", str(outdir), str(src)],
            check=True, capture_output=True,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / f"{src.stem}.{fmt}"
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def make_xls(base: Generated, convert: bool) -> Generated:
    """The .xls: LibreOffice's conversion of the reference xlsx (committed, so that tests need
    no LibreOffice); verified by converting it back to xlsx and reading that with openpyxl."""
    target = HERE / XLS_NAME
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if convert:
            src = tmpdir / f"{Path(XLS_NAME).stem}.xlsx"
            src.write_bytes(base.data)
            xls = soffice_convert(src, "xls", tmpdir)
            data = xls.read_bytes()
        else:
            data = target.read_bytes()
        if not data.startswith(b"\xd0\xcf\x11\xe0"):
            raise AssertionError(f"{XLS_NAME}: not an OLE2 (BIFF) file")
        back_src = tmpdir / "back" / XLS_NAME
        back_src.parent.mkdir()
        back_src.write_bytes(data)
        back = soffice_convert(back_src, "xlsx", tmpdir / "back")
        verify_xlsx(back.read_bytes(), base.typed, f"{XLS_NAME} (round trip)")
    sheet = next(iter(base.typed))
    return Generated(XLS_NAME, data, pengukuran_xls_expected(sheet))


# ---------------------------------------------------------------------------------------------

BUILDERS: list[Callable[[], Generated]] = [
    renja_kecamatan_3baris,
    renja_kesbangpol_4baris,
    skp_triwulan_4,
    skp_triwulan_1_4,
    skp_periode_tw2,
    skp_bulan,
    skp_prosa_nomor,
    nomenklatur_050_5889,
    iku_tanpa_sasaran,
    db_export_snake_case,
    pengukuran_xlsx,
    pengukuran_csv_titikkoma,
    pengukuran_csv_koma_bom,
    tabel_kosong,
    pohon_kinerja,
    lke_akip,
    sipd_rincian_belanja,
]


def write(gen: Generated) -> None:
    (HERE / gen.name).write_bytes(gen.data)
    (HERE / f"{gen.stem}.expected.json").write_text(expectation_text(gen), encoding="utf-8")
    print(f"tests/corpus_blind/exports/{gen.name}")


def expectation_text(gen: Generated) -> str:
    return json.dumps(gen.expected, ensure_ascii=False, indent=2) + "\n"


def build_all() -> list[Generated]:
    """Every input but the .xls, verified (no LibreOffice needed)."""
    gens = []
    for build in BUILDERS:
        gen = build()
        if gen.csv_rows is not None:
            verify_csv(gen)
        else:
            verify_xlsx(gen.data, gen.typed, gen.name)
            verify_problem_cells(gen.data, gen.expected, gen.name)
        gens.append(gen)
    return gens


def main(argv: list[str]) -> None:
    convert = "--no-xls" not in argv
    if not shutil.which("soffice"):
        sys.exit("LibreOffice (soffice) is needed to write or check the .xls")
    gens = build_all()
    for gen in gens:
        write(gen)
    base = next(g for g in gens if g.name == "pengukuran_pasirwangi_2024.xlsx")
    write(make_xls(base, convert))


if __name__ == "__main__":
    os.chdir(HERE)
    main(sys.argv[1:])
