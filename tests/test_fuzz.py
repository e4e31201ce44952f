"""Fuzzing the reader and the commands (issue 7): only our typed errors, never another exception.

Three sources of input:

- workbooks drawn by hypothesis and written by openpyxl: IKU-like tables with header spellings
  the reader knows (and some it does not), one or two header rows, random merges, blank rows,
  absurd values (1e308, NaN, dates, huge integers, text numbers, formulas), other sheets;
- byte-level mutations of the real test workbooks (tests/corpus/*.xlsx, contoh/legok_2020.xlsx);
- XML-level mutations of the same workbooks: cell values, types, references, styles and merges
  changed inside the zip, which is then rebuilt so the reader gets past the zip checks.

Each input goes through what the commands do, in process: ``read_workbook``, ``compute_dokumen``,
``build_lampiran`` (iku lampiran), ``hitung_workbook`` (iku hitung) and ``fill_workbook``
(iku isi). Every step may raise an ``IkuError`` (one line); any other exception, or an input that
takes more than ``SECONDS_PER_INPUT``, fails the test. Some drawn workbooks also go through the
CLI itself.

``IKU_FUZZ_EXAMPLES`` (default 100) sets the examples per test: CI runs the default in well
under a minute; ``IKU_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py`` fuzzes longer. With
``IKU_FUZZ_SIMPAN=FOLDER`` every failing input is kept there (the smallest per failure site), to
be copied into tests/fuzz_corpus/, whose files are regression tests here; ``IKU_FUZZ_LANJUT=1``
records failures without stopping, so that a long run surveys every failure site (printed by
the last test with ``pytest -s``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import re
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

from iku_excel.calc import Aturan, compute_dokumen
from iku_excel.cli import main
from iku_excel.errors import IkuError
from iku_excel.fill.calculated import hitung_workbook
from iku_excel.fill.realisasi import BarisRealisasi
from iku_excel.fill.workbook import fill_workbook
from iku_excel.read.workbook import read_workbook
from iku_excel.write import build_lampiran

REPO = Path(__file__).resolve().parent.parent
FUZZ_CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
NOT_FIXED_LIST = FUZZ_CORPUS / "belum_diperbaiki.txt"
BASES = [*sorted((REPO / "tests" / "corpus").glob("*.xlsx")), REPO / "contoh" / "legok_2020.xlsx"]
EXAMPLES = int(os.environ.get("IKU_FUZZ_EXAMPLES", "100"))
SECONDS_PER_INPUT = float(os.environ.get("IKU_FUZZ_DETIK", "10"))
SAVE = os.environ.get("IKU_FUZZ_SIMPAN")
CONTINUE = os.environ.get("IKU_FUZZ_LANJUT") == "1"  # survey: record failures, keep going

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the time bound is ours (SECONDS_PER_INPUT), not hypothesis' 200 ms
    # No "explain" phase: it traces every line after a failure, which made a 1 s input take
    # 23 s and fail the time bound for no reason of its own.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)


# --- What the commands do with one workbook ----------------------------------------------------


@dataclass
class Figures:
    """What the fuzzing did, for docs/keandalan.md (printed by the last test with -s)."""

    inputs: int = 0
    read: int = 0
    refused: int = 0
    slowest: float = 0.0
    failures: dict[str, str] = field(default_factory=dict)


FIGURES = Figures()


class TooSlow(AssertionError):
    """An input took more than SECONDS_PER_INPUT."""


class NotOneLine(AssertionError):
    """One of our errors whose message is more than one line."""


def _ours(step: Callable[[], Any]) -> Any:
    """``step()``, or None when it raises one of our errors (which must be one line)."""
    try:
        return step()
    except IkuError as exc:
        if "\n" in str(exc):
            raise NotOneLine(repr(str(exc))) from exc
        return None


def pipeline(path: Path, folder: Path) -> None:
    """Read, compute, lampiran, hitung and isi, as the commands do. Only IkuError may escape
    a step; the whole must finish within SECONDS_PER_INPUT."""
    started = time.perf_counter()
    FIGURES.inputs += 1
    result = _ours(lambda: read_workbook(path))
    if result is None:
        FIGURES.refused += 1
    else:
        FIGURES.read += 1
        aturan = Aturan()
        hasil = compute_dokumen(result.dokumen, aturan)
        _ours(lambda: build_lampiran(result.dokumen, "semua", hasil=hasil, aturan=aturan))
        _ours(lambda: hitung_workbook(path, folder / "hitung.xlsx", aturan=aturan, overwrite=True))
        rows = tuple(
            BarisRealisasi(line=n, indikator=ind.uraian, nilai={1: Decimal(n), 4: Decimal("0.5")})
            for n, ind in enumerate(result.dokumen.indikator, start=2)
            if ind.uraian
        )
        _ours(lambda: fill_workbook(path, folder / "isi.xlsx", rows, aturan=aturan, overwrite=True))
    seconds = time.perf_counter() - started
    FIGURES.slowest = max(FIGURES.slowest, seconds)
    if seconds >= SECONDS_PER_INPUT:
        raise TooSlow(f"{seconds:.1f} s for one workbook")


def _site(exc: BaseException) -> str:
    """Where a failure comes from: the exception type and the deepest iku_excel frame."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "iku_excel" in f.filename]
    where = f"{Path(frames[-1].filename).stem}_{frames[-1].lineno}" if frames else "luar"
    return f"{type(exc).__name__}-{where}"


def _keep(data: bytes, exc: BaseException) -> None:
    """Keep the smallest failing input per failure site in IKU_FUZZ_SIMPAN."""
    site = _site(exc)
    FIGURES.failures.setdefault(site, "".join(traceback.format_exception_only(exc)).strip())
    if not SAVE:
        return
    folder = Path(SAVE)
    folder.mkdir(parents=True, exist_ok=True)
    kept = list(folder.glob(f"{site}-*.xlsx"))
    if kept and min(p.stat().st_size for p in kept) <= len(data):
        return
    for old in kept:
        old.unlink()
        old.with_suffix(".txt").unlink(missing_ok=True)
    digest = hashlib.sha256(data).hexdigest()[:10]
    (folder / f"{site}-{digest}.xlsx").write_bytes(data)
    (folder / f"{site}-{digest}.txt").write_text(
        "".join(traceback.format_exception(exc)), encoding="utf-8"
    )


def check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.xlsx"
        path.write_bytes(data)
        try:
            pipeline(path, Path(tmp))
        except Exception as exc:
            _keep(data, exc)
            if not CONTINUE:
                raise


# --- Workbooks drawn by hypothesis -------------------------------------------------------------

HEADERS: dict[str, list[str]] = {
    "no": ["NO", "No.", "NOMOR", "No Urut", "NO."],
    "tujuan": ["TUJUAN", "Tujuan Strategis"],
    "sasaran": ["SASARAN STRATEGIS", "Sasaran", "SASARAN KINERJA", "Sasaran Strategis (SS)"],
    "kode": ["KODE", "Kode IKU"],
    "indikator": ["INDIKATOR KINERJA", "INDIKATOR KINERJA UTAMA", "Indikator Kinerja Utama (IKU)",
                  "IKU", "Indikator Sasaran", "INDIKATOR"],
    "satuan": ["SATUAN", "Satuan"],
    "alasan": ["ALASAN", "Alasan Pemilihan Indikator"],
    "formulasi": ["FORMULASI/CARA PENGUKURAN", "Formulasi", "Cara Pengukuran", "RUMUS"],
    "sumber_data": ["SUMBER DATA", "Sumber Data"],
    "keterangan": ["KETERANGAN", "Ket.", "KRITERIA"],
    "polaritas": ["POLARITAS", "Polarisasi", "Sifat Indikator"],
    "akumulasi": ["AKUMULASI", "Cara Akumulasi"],
    "target": ["TARGET", "Target 2024", "TARGET KINERJA", "Target Tahunan", "TARGET (%)"],
    "realisasi": ["REALISASI", "Realisasi 2024", "REALISASI KINERJA"],
    "capaian": ["CAPAIAN", "% Capaian", "CAPAIAN KINERJA (%)"],
    "predikat": ["PREDIKAT", "Kategori"],
    "program": ["PROGRAM", "Program/Kegiatan"],
    "kegiatan": ["KEGIATAN", "Sub Kegiatan"],
    "anggaran": ["ANGGARAN (Rp)", "PAGU", "Jumlah Anggaran"],
    "realisasi_anggaran": ["REALISASI ANGGARAN (Rp)", "Realisasi Keuangan"],
    "asing": ["CATATAN", "PARAF", "x", "", "Kolom1", "=SUM(A1:A2)"],
}  # fmt: skip
TW_SPELLINGS = [
    ["TW I", "TW II", "TW III", "TW IV"],
    ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
    ["TW 1", "TW 2", "TW 3", "TW 4"],
    ["Q1", "Q2", "Q3", "Q4"],
    ["TRW. I", "TRW. II", "TRW. III", "TRW. IV"],
    ["TW I", "TW II", "TW II", "TW V"],  # a typo and a fifth quarter
]
TITLES = [
    "INDIKATOR KINERJA UTAMA",
    "PENGUKURAN KINERJA TAHUN 2024",
    "KECAMATAN LEGOK",
    "LAMPIRAN KEPUTUSAN CAMAT",
    "PERJANJIAN KINERJA",
    "Tahun : 2023",
    "Instansi: Dinas X",
]
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")),  # openpyxl refuses control characters
    max_size=40,
)
NUMBER_TEXTS = st.sampled_from(
    ["85,5", "1.234.567", "Rp 12.500.000", "Rp. 1.000.000,-", "80%", "80 - 90", "≥ 80", "> 100",
     "-", "n/a", "NA", "#DIV/0!", "12.5OO", "1/4", "1e400", "0,00001", "100 %", "Rp", "1.2.3",
     "  ", "60%/tahun", "-0", "+5", "(1.000)", "1,234.56", "١٢٣", "٨٠", "½", "Ⅳ", "—"]
)  # fmt: skip
CHOICES = st.sampled_from(
    ["positif", "negatif", "rentang", "jumlah", "terakhir", "rata-rata", "Positif (+)", "?"]
)
NUMBERS = st.one_of(
    st.integers(-(10**30), 10**30),
    st.integers(-1000, 1000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(0, 200, allow_nan=False),
    st.sampled_from([0, -0.0, 1e308, -1e308, 5e-324, 1e15 + 0.3, 9.99999999999999e307, 2958466]),
)
VALUES = st.one_of(
    st.none(),
    NUMBERS,
    TEXT,
    NUMBER_TEXTS,
    CHOICES,
    st.booleans(),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(9999, 12, 31)),
    st.dates(dt.date(1900, 3, 1), dt.date(9999, 12, 31)),
    st.times(),
    st.timedeltas(dt.timedelta(0), dt.timedelta(days=9000)),
    st.sampled_from(["=1/0", "=SUM(A1:A3)", '=IF(1,"",1)', "=NA()", "=A1"]),
    st.text(st.sampled_from("ab c\n"), min_size=200, max_size=2000),
)
FORMATS = st.sampled_from(
    ["General", "0%", "0.00%", "dd/mm/yyyy", '"Rp"#,##0', "@", "[h]:mm", "#,##0.00", "0.0"]
)
SHEET_NAMES = st.sampled_from(
    ["IKU", "Sheet1", "PENGUKURAN", "Target & Anggaran", "Realisasi", "Identitas", "PK 2024",
     "Lamp. I", "'kutip'", "Ｆｕｌｌ", "x" * 31]
)  # fmt: skip


@dataclass
class Drawn:
    """A workbook as drawn, kept for the failure report."""

    workbook: openpyxl.Workbook
    notes: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return "Drawn(" + "; ".join(self.notes) + ")"

    def data(self) -> bytes:
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


def _put(ws: Any, row: int, col: int, value: object, fmt: str | None = None) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(cell, MergedCell):
        return  # covered by a merge drawn earlier
    cell.value = value
    if fmt is not None:
        cell.number_format = fmt


@st.composite
def tables(draw: st.DrawFn, ws: Any, top: int, notes: list[str]) -> int:
    """One table from row ``top``; returns the row after it."""
    keys = draw(st.lists(st.sampled_from(sorted(HEADERS)), min_size=1, max_size=10, unique=True))
    if draw(st.booleans()):
        keys = ["no", "sasaran", "indikator", "satuan", "target", *keys]
        keys = list(dict.fromkeys(keys))
    headers = [draw(st.sampled_from(HEADERS[key])) for key in keys]
    tw = draw(st.sampled_from([None, *TW_SPELLINGS]))
    two_rows = tw is not None and draw(st.booleans())
    notes.append(f"tabel@{top}: {headers} tw={tw} dua_baris={two_rows}")
    col = 1
    for header in headers:
        _put(ws, top, col, header)
        col += 1
    if tw is not None:
        group = draw(st.sampled_from(["REALISASI", "TARGET", "Realisasi Triwulan", ""]))
        if two_rows:
            _put(ws, top, col, group)
            for i, name in enumerate(tw):
                _put(ws, top + 1, col + i, name)
            for c in range(1, col):
                ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
            ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + 3)
        else:
            for i, name in enumerate(tw):
                _put(ws, top, col + i, name)
        col += 4
    width = col - 1
    row = top + (2 if two_rows else 1)
    if draw(st.booleans()):  # a column-number row
        for c in range(1, width + 1):
            _put(ws, row, c, draw(st.sampled_from([c, f"({c})", str(c), "13 = 12/7 x 100"])))
        row += 1
    for _ in range(draw(st.integers(0, 10))):
        if draw(st.integers(0, 5)) == 0:
            row += 1  # a blank row
            continue
        for c in range(1, width + 1):
            if draw(st.integers(0, 3)) == 0:
                continue
            key = keys[c - 1] if c <= len(keys) else "tw"
            if key in ("target", "realisasi", "capaian", "anggaran", "tw") and draw(st.booleans()):
                value: object = draw(st.one_of(NUMBERS, NUMBER_TEXTS))
            elif key in ("polaritas", "akumulasi"):
                value = draw(CHOICES)
            else:
                value = draw(VALUES)
            _put(ws, row, c, value, draw(st.one_of(st.none(), FORMATS)))
        if draw(st.integers(0, 3)) == 0:  # sasaran (or anything) merged down
            c = draw(st.integers(1, width))
            span = draw(st.integers(1, 3))
            _merge(ws, row, c, row + span, c)
        row += 1
    return row + 1


def _merge(ws: Any, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merge unless it overlaps an existing merge (openpyxl would write what Excel rejects)."""
    for rng in ws.merged_cells.ranges:
        if not (r2 < rng.min_row or r1 > rng.max_row or c2 < rng.min_col or c1 > rng.max_col):
            return
    ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


@st.composite
def workbooks(draw: st.DrawFn) -> Drawn:
    wb = openpyxl.Workbook()
    drawn = Drawn(wb)
    names = draw(st.lists(SHEET_NAMES, min_size=1, max_size=3, unique=True))
    for i, name in enumerate(names):
        ws = wb.worksheets[0] if i == 0 else wb.create_sheet()
        ws.title = name
        row = 1
        for _ in range(draw(st.integers(0, 3))):
            _put(ws, row, draw(st.integers(1, 3)), draw(st.one_of(st.sampled_from(TITLES), TEXT)))
            if draw(st.booleans()):
                _merge(ws, row, 1, row, draw(st.integers(2, 12)))
            row += 1
        for _ in range(draw(st.integers(0, 2))):
            row = draw(tables(ws, row + draw(st.integers(0, 2)), drawn.notes))
        if draw(st.integers(0, 3)) == 0:  # a signature block under the table
            for text in ("Legok, 2 Januari 2024", "CAMAT LEGOK", "", "Drs. H. Contoh, M.Si",
                         draw(st.sampled_from(["NIP. 19700101 199001 1 001", 197001011990011001,
                                               "NIP.", "NIP : -"]))):  # fmt: skip
                _put(ws, row, draw(st.integers(1, 8)), text or None)
                row += 1
        if draw(st.integers(0, 4)) == 0:  # something far away
            _put(ws, draw(st.integers(1, 3000)), draw(st.integers(1, 200)), draw(VALUES))
        for _ in range(draw(st.integers(0, 3))):  # random merges anywhere
            r, c = draw(st.integers(1, row + 2)), draw(st.integers(1, 15))
            _merge(ws, r, c, r + draw(st.integers(0, 3)), c + draw(st.integers(0, 3)))
        if draw(st.integers(0, 5)) == 0:
            ws.column_dimensions[get_column_letter(draw(st.integers(1, 10)))].hidden = True
    if draw(st.integers(0, 3)) == 0:
        ident = wb.create_sheet("Identitas ")
        for r, (label, value) in enumerate(
            [("Instansi", draw(VALUES)), ("Tahun", draw(VALUES)), ("Tanggal SK", draw(VALUES)),
             ("Pemerintah", draw(TEXT))], start=1
        ):  # fmt: skip
            ident.cell(r, 1, label)
            ident.cell(r, 2, value)
    return drawn


@FUZZ
@given(workbooks())
def test_drawn_workbooks_only_raise_our_errors(drawn: Drawn) -> None:
    check(drawn.data())


@settings(FUZZ, max_examples=max(10, EXAMPLES // 5))
@given(workbooks(), st.sampled_from(["baca", "hitung", "lampiran"]))
def test_drawn_workbooks_through_the_cli(drawn: Drawn, command: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.xlsx"
        path.write_bytes(drawn.data())
        args = [command, str(path)] + ([] if command == "baca" else ["-o", f"{tmp}/k.xlsx"])
        started = time.perf_counter()
        result = CliRunner().invoke(main, args)
        assert time.perf_counter() - started < SECONDS_PER_INPUT
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "kesalahan tak terduga" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        lines = [x for x in result.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and lines[0].startswith("iku: galat: "), result.stderr


# --- Mutations of real workbooks -----------------------------------------------------------------


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(BASES)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "set", "delete", "insert", "duplicate", "cut"]))
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            data[at : at + 4] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 256))]
        elif op == "cut":
            data = data[: max(at, 22)]
    return bytes(data)


VALUE_TEXTS = st.one_of(
    st.sampled_from(["", "-", "1e309", "-1e309", "NaN", "inf", "1E-400", "0x10", "1_000", "٣",
                     "123456789012345678901234567890", "99999999999", "-0", "2958466", "abc",
                     "#N/A", "TRUE", "3.0", " 7 ", "1e5", "4294967296", "-1", "0"]),
    st.integers(-(10**20), 10**20).map(str),
    st.floats().map(repr),
)  # fmt: skip
REFS = st.one_of(
    st.sampled_from(["A1", "XFD1048576", "A0", "XFE1", "A1048577", "", "1A", "AAA1", "B2:C3",
                     "ZZ9", "A-1", "$A$1", "a1"]),
    st.builds(lambda c, r: f"{get_column_letter(c)}{r}", st.integers(1, 60), st.integers(1, 400)),
)  # fmt: skip
TYPES = st.sampled_from(["s", "str", "inlineStr", "b", "e", "n", "d", "zzz", ""])


def _replace_one(
    pattern: str,
    text: str,
    draw: st.DrawFn,
    new: str | None = None,
    *,
    before: str = "",
    after: str = "",
    times: int = 1,
) -> str:
    """One match of ``pattern``, drawn, replaced by ``new`` (or by itself ``times`` times),
    with ``before``/``after`` around it."""  # fmt: skip
    matches = list(re.finditer(pattern, text))
    if not matches:
        return text
    m = matches[draw(st.integers(0, len(matches) - 1))]
    body = m.group(0) * times if new is None else new
    return text[: m.start()] + before + body + after + text[m.end() :]


@st.composite
def xml_mutations(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from(BASES))
    with zipfile.ZipFile(base) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    parts = sorted(n for n in members if n.endswith(".xml") and not n.startswith("docProps"))
    sheets = [n for n in parts if "worksheets/" in n]
    for _ in range(draw(st.integers(1, 8))):
        name = (
            draw(st.sampled_from(sheets))
            if draw(st.integers(0, 3))
            else draw(st.sampled_from(parts))
        )
        text = members[name].decode("utf-8", "replace")
        op = draw(st.sampled_from(
            ["value", "type", "ref", "style", "merge", "delete", "duplicate", "row", "byte",
             "shared"]
        ))  # fmt: skip
        if op == "value":
            new = draw(VALUE_TEXTS)
            text = _replace_one(r"<v>[^<]*</v>", text, draw, f"<v>{new}</v>")
        elif op == "type":
            kind = draw(TYPES)
            attr = f' t="{kind}"' if kind else ""
            text = _replace_one(r"<c r=\"[A-Z]+\d+\"", text, draw, after=attr)
            text = re.sub(r'( t="[^"]*")( t="[^"]*")', r"\2", text)  # one t attribute
        elif op == "ref":
            ref = draw(REFS)
            text = _replace_one(r'r="[A-Z]+\d+"', text, draw, f'r="{ref}"')
        elif op == "style":
            style = draw(st.integers(-1, 400))
            text = _replace_one(r's="\d+"', text, draw, f's="{style}"')
        elif op == "merge":
            ref = draw(REFS)
            text = _replace_one(r'<mergeCell ref="[^"]*"', text, draw, f'<mergeCell ref="{ref}"')
        elif op == "delete":
            text = _replace_one(r"<c [^>]*>.*?</c>|<row [^>]*>|</row>", text, draw, "")
        elif op == "duplicate":
            text = _replace_one(r"<row [^>]*>.*?</row>", text, draw, times=2)
        elif op == "row":
            number = draw(st.sampled_from(["0", "-1", "1048577", "3.0", "x", "1", "999999"]))
            text = _replace_one(r'<row r="\d+"', text, draw, f'<row r="{number}"')
        elif op == "shared":
            index = draw(st.integers(-2, 5000))
            text = _replace_one(r'(?<=t="s">)<v>\d+</v>', text, draw, f"<v>{index}</v>")
        else:
            at = draw(st.integers(0, max(0, len(text) - 1)))
            text = (
                text[:at]
                + draw(st.sampled_from(["<", ">", '"', "&", "", "\x00", "é"]))
                + (text[at + 1 :])
            )
        members[name] = text.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, content in members.items():
            zf.writestr(zipfile.ZipInfo(member, (2024, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


@FUZZ
@given(byte_mutations())
def test_byte_mutations_of_real_workbooks_only_raise_our_errors(data: bytes) -> None:
    check(data)


@FUZZ
@given(xml_mutations())
def test_xml_mutations_of_real_workbooks_only_raise_our_errors(data: bytes) -> None:
    check(data)


# --- The regression corpus: every failing input ever found ---------------------------------------


def _not_fixed() -> dict[str, str]:
    """tests/fuzz_corpus/belum_diperbaiki.txt: ``name  # reason`` per line, for cases reported
    and not yet fixed (strict xfail: remove the line when the library is fixed)."""
    if not NOT_FIXED_LIST.exists():
        return {}
    entries = {}
    for line in NOT_FIXED_LIST.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            entries[name.strip()] = reason.strip()
    return entries


def _regression_cases() -> Iterator[Any]:
    not_fixed = _not_fixed()
    for path in sorted(FUZZ_CORPUS.glob("*.xlsx")):
        reason = not_fixed.get(path.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(path, marks=marks, id=path.name)


def test_every_regression_case_is_accounted_for() -> None:
    names = {p.name for p in FUZZ_CORPUS.glob("*.xlsx")}
    assert set(_not_fixed()) <= names


@pytest.mark.parametrize("path", _regression_cases())
def test_regression_corpus(path: Path) -> None:
    check(path.read_bytes())
    for command in ("baca", "hitung", "lampiran"):
        with tempfile.TemporaryDirectory() as tmp:
            args = [command, str(path)] + ([] if command == "baca" else ["-o", f"{tmp}/k.xlsx"])
            result = CliRunner().invoke(main, args)
        assert result.exit_code in (0, 1, 2)
        assert "kesalahan tak terduga" not in result.stderr, result.stderr


def test_fuzz_figures() -> None:
    """The figures of docs/keandalan.md (printed with ``pytest -s``)."""
    print(
        f"\nfuzz: {FIGURES.inputs} inputs through the pipeline ({FIGURES.read} read, "
        f"{FIGURES.refused} refused with one line), slowest {FIGURES.slowest:.2f} s, "
        f"{EXAMPLES} examples per test"
    )
    for site, message in FIGURES.failures.items():
        print(f"  failure {site}: {message}")
    print(f"  failure sites: {len(FIGURES.failures)}")
    with contextlib.suppress(Exception):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak memory of this process: {peak:.0f} MB")
    # a survey (IKU_FUZZ_LANJUT=1) records failures instead of stopping: it still ends red
    assert not FIGURES.failures, sorted(FIGURES.failures)
    if FIGURES.inputs:  # run after the fuzz tests above: both outcomes must have been reached
        assert FIGURES.read > 0 and FIGURES.refused > 0, FIGURES
