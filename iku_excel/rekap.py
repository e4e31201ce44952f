"""Rekap: many SAKIP workbooks consolidated into one (``iku rekap``).

``build_rekap(sources)`` reads each source with the reader (any layout it understands), computes
it with the calculator and returns one workbook as bytes (write them with
``fileio.write_bytes_atomic``) and a ``RekapReport``. The workbook has four sheets:

- **Rekap**: one row per instansi x indikator: NO | INSTANSI | TAHUN | NO SASARAN | SASARAN
  STRATEGIS | INDIKATOR KINERJA | SATUAN | TARGET | REALISASI | CAPAIAN (%) | PREDIKAT | BERKAS.
  Capaian and predikat are formulas over the target and realisasi of the same row (the
  calculator's twins from ``formulas.py``), written with the calculator's values.
- **Per Sasaran**: capaian per sasaran (rows) by instansi (columns); each cell is the mean of
  that sasaran's indicator capaian in the Rekap sheet. Below, a Rata-rata row (the mean of the
  instansi's sasaran) and a Peringkat row (the rank of that mean, highest first; equal means
  share a rank, as Excel's RANK does). Cells are coloured by the predikat band of their value.
- **Grafik**: a native column chart of each instansi's Rata-rata.
- **Masalah**: every problem met, located (berkas, sheet, sel), and every file that failed.

Each source is isolated: a file that cannot be read (``IkuError``), or that trips anything
else, is recorded as failed with a one-line message, and the rekap goes on.

Columns belong to source files, not to instansi names: the four quarterly files of one office
are four columns, labelled "KECAMATAN X (nama berkas)" when their names repeat.

Sasaran are matched across files by wording (``group_sasaran``): equal once case, punctuation
and spacing are ignored; otherwise the most similar sasaran met so far (difflib ratio >= 0.85
against its first wording) that has no sasaran of the same file yet. The first wording names
the row; every other wording is noted in the CATATAN column and in Masalah
(``sasaran-beda-kata``), so staff can unify them.
"""

from __future__ import annotations

import difflib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from iku_excel.calculator import (
    BATAS_EXCEL,
    Aturan,
    HasilDokumen,
    HasilIndikator,
    Kode,
    SkalaPredikat,
    compute_dokumen,
    round_half_away,
    words_of,
)
from iku_excel.errors import IkuError, IkuFileError, IkuInputError, Problem, Severity
from iku_excel.formulas import (
    capaian_formula_for,
    number_literal,
    predikat_formula,
    rata_rata_formula,
)
from iku_excel.grid import cell_name, column_letter
from iku_excel.model import Rentang, Sasaran
from iku_excel.reader import read_workbook
from iku_excel.values import plain_number
from iku_excel.write import parse_kertas
from iku_excel.write.cells import Number, Rumus, excel_number, number_format
from iku_excel.write.cells import places as decimals_of
from iku_excel.write.finish import with_text_results
from iku_excel.write.grafik import capaian_chart, chart_font
from iku_excel.write.metrics import count_lines, text_height_pt
from iku_excel.write.paging import MARGINS, Kertas, Page
from iku_excel.write.pengukuran import band_fill
from iku_excel.write.sheet import FOOTER, whole_pixels
from iku_excel.write.style import FONT, HEADER, SEL, SEL_TENGAH, SIZE_BODY, Formats, Gaya
from iku_excel.write.workbook import new_workbook
from iku_excel.write.worksheet import add_worksheet

__all__ = [
    "AMBANG_SASARAN",
    "BerkasGagal",
    "KelompokSasaran",
    "RekapReport",
    "band_conditions",
    "band_text",
    "build_rekap",
    "column_labels",
    "group_sasaran",
    "rank_descending",
]

SHEET_REKAP = "Rekap"
SHEET_PER_SASARAN = "Per Sasaran"
SHEET_GRAFIK = "Grafik"
SHEET_MASALAH = "Masalah"
AMBANG_SASARAN = 0.85  # two sasaran wordings at least this similar are the same sasaran
KODE_BERKAS_GAGAL = "berkas-gagal"
KODE_TANPA_INDIKATOR = "rekap-tanpa-indikator"
KODE_INSTANSI_GANDA = "instansi-ganda"
TINGKAT = {s: s.label for s in Severity}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

Nilai = Number | str | None  # what a cell holds: a number, text, or nothing


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True, slots=True)
class BerkasGagal:
    """A source that could not be used, with its one-line Indonesian message."""

    file: str
    message: str
    nama: str = ""  # the file as the rekap names it (see ``display_names``)


@dataclass(frozen=True, slots=True)
class RekapReport:
    """What ``build_rekap`` did. ``files_done`` were read and computed (with or without
    problems); ``files_with_problems`` are those of them with an error or a warning (INFO notes
    do not count); ``problems`` are all of them, located, as in the Masalah sheet."""

    files_done: tuple[str, ...]
    files_with_problems: tuple[str, ...]
    files_failed: tuple[BerkasGagal, ...]
    rows_written: int
    problems: tuple[Problem, ...]

    @property
    def exit_code(self) -> int:
        """0 every file done without problems; 1 some file had problems or failed."""
        return 1 if self.files_failed or self.files_with_problems else 0

    def summary(self) -> str:
        """One Indonesian line for the end of ``iku rekap``."""
        return (
            f"{len(self.files_done)} berkas direkap ({len(self.files_with_problems)} dengan "
            f"masalah), {len(self.files_failed)} gagal; {self.rows_written} baris indikator"
        )


# --------------------------------------------------------------------------- reading sources


@dataclass(frozen=True, slots=True)
class _Berkas:
    """A source read and computed; ``problems`` located in it."""

    path: Path
    hasil: HasilDokumen
    problems: tuple[Problem, ...]
    nama: str  # how the rekap names the file: unique among its sources

    @property
    def instansi(self) -> str:
        return self.hasil.dokumen.identitas.instansi.strip() or self.path.stem

    @property
    def tahun(self) -> int | None:
        return self.hasil.dokumen.identitas.tahun


def _try_read(path: Path, nama: str, aturan: Aturan) -> _Berkas | BerkasGagal:
    """One source, isolated: whatever goes wrong becomes a ``BerkasGagal``."""
    try:
        return _read(path, nama, aturan)
    except IkuError as exc:
        message = exc.message if isinstance(exc, IkuFileError) else str(exc)
        return BerkasGagal(str(path), _one_line(message), nama)
    except Exception as exc:  # a bug or an unforeseen file must not stop the other files
        detail = _one_line(f"{type(exc).__name__}: {exc}")
        message = f"kesalahan tak terduga saat membaca ({detail}); laporkan ke pengembang"
        return BerkasGagal(str(path), message, nama)


def _read(path: Path, nama: str, aturan: Aturan) -> _Berkas:
    result = read_workbook(path)
    hasil = compute_dokumen(result.dokumen, aturan)
    problems = [p.at(file=nama) for p in result.problems]
    problems += _located(hasil, nama)
    if not hasil.indikator:
        problems.append(
            Problem(
                KODE_TANPA_INDIKATOR,
                "berkas tidak memuat indikator; tidak ada baris untuk rekap",
                Severity.WARNING,
                file=nama,
            )
        )
    return _Berkas(path, hasil, tuple(problems), nama)


def _located(hasil: HasilDokumen, file: str) -> list[Problem]:
    """The calculator's problems (located at their indicator's cell already) with the file."""
    return [p.at(file=file) for p in hasil.problems]


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- sasaran matching


@dataclass(frozen=True, slots=True)
class KelompokSasaran:
    """One sasaran across files: ``uraian`` is the first wording met; ``anggota`` the
    (file index, sasaran index) pairs in it; ``beda_kata`` the members worded differently:
    (file index, sasaran index, ratio of similarity to ``uraian``)."""

    uraian: str
    anggota: tuple[tuple[int, int], ...]
    beda_kata: tuple[tuple[int, int, float], ...] = ()


@dataclass
class _Draft:
    uraian: str
    kunci: str
    anggota: list[tuple[int, int]]
    beda_kata: list[tuple[int, int, float]]


def group_sasaran(
    wordings: Sequence[Sequence[str]], ambang: float = AMBANG_SASARAN
) -> tuple[KelompokSasaran, ...]:
    """Group the sasaran of many files (``wordings[file][sasaran]``), in order of appearance.

    Per file, equal wordings join first (so a fuzzy match never takes the row of a sasaran the
    file also has word for word); then each other sasaran joins the most similar group (ratio
    >= ``ambang`` against the group's first wording; the earlier group on a tie) that has no
    sasaran of this file yet, so two different sasaran of one instansi never merge; otherwise
    it starts a group. Comparing with the first wording, not the latest, keeps a chain of small
    changes from drifting into another sasaran."""
    drafts: list[_Draft] = []
    for b, texts in enumerate(wordings):
        keys = [words_of(t) for t in texts]
        pending = [s for s, key in enumerate(keys) if not _join_equal(drafts, b, s, key)]
        for s in pending:  # equal again: a wording this file repeats joins its own new row
            if not _join_equal(drafts, b, s, keys[s]):
                _join_similar(drafts, b, s, texts[s], keys[s], ambang)
    return tuple(KelompokSasaran(d.uraian, tuple(d.anggota), tuple(d.beda_kata)) for d in drafts)


def _join_equal(drafts: list[_Draft], b: int, s: int, key: str) -> bool:
    for draft in drafts:
        if draft.kunci == key:
            draft.anggota.append((b, s))
            return True
    return False


def _join_similar(drafts: list[_Draft], b: int, s: int, text: str, key: str, ambang: float) -> None:
    best: _Draft | None = None
    best_ratio = 0.0
    for draft in drafts:
        if any(member[0] == b for member in draft.anggota):
            continue
        ratio = difflib.SequenceMatcher(None, key, draft.kunci).ratio()
        if ratio >= ambang and ratio > best_ratio:
            best, best_ratio = draft, ratio
    if best is None:
        drafts.append(_Draft(text.strip(), key, [(b, s)], []))
    else:
        best.anggota.append((b, s))
        best.beda_kata.append((b, s, best_ratio))


# --------------------------------------------------------------------------- ranks


def rank_descending(values: Sequence[Decimal | None]) -> list[int | None]:
    """Each value's rank, highest first, as Excel's RANK(x, range, 0): 1 + how many values are
    larger, so equal values share a rank and the next rank is skipped; None has no rank."""
    known = [v for v in values if v is not None]
    return [None if v is None else 1 + sum(1 for w in known if w > v) for v in values]


# --------------------------------------------------------------------------- build


def build_rekap(
    sources: Sequence[Path],
    *,
    aturan: Aturan | None = None,
    on_progress: Callable[[Path], None] | None = None,
    kertas: Kertas | str = Kertas.F4,
) -> tuple[bytes, RekapReport]:
    """Consolidate ``sources`` into one workbook: (xlsx bytes, report).

    Every file is read and computed with ``aturan`` (default settings when None) on its own; a
    file that fails is listed in the report and the Masalah sheet, never raised. ``on_progress``
    is called with each source once it is done (or failed). ``kertas``: F4, A4 or Legal. Raises
    ``IkuInputError`` only when ``sources`` is empty or ``kertas`` unknown."""
    if not sources:
        raise IkuInputError("tidak ada berkas untuk direkap; sebutkan paling sedikit satu .xlsx")
    paper = parse_kertas(kertas)
    aturan = aturan or Aturan()
    paths = [Path(s) for s in sources]
    outcomes: list[_Berkas | BerkasGagal] = []
    for path, nama in zip(paths, display_names(paths), strict=True):
        outcomes.append(_try_read(path, nama, aturan))
        if on_progress is not None:
            on_progress(path)
    outcomes = _with_duplicate_notes(outcomes)
    done = [o for o in outcomes if isinstance(o, _Berkas)]
    kelompok = group_sasaran([[hs.sasaran.uraian for hs in b.hasil.sasaran] for b in done])
    labels = column_labels([b.instansi for b in done], [b.path for b in done])
    outcomes = _with_wording_notes(outcomes, done, kelompok)
    rekap = _Rekap(outcomes, labels, kelompok, aturan.skala_predikat, paper)
    data = rekap.write()
    return data, _report(outcomes, rekap.rows_written)


def display_names(paths: Sequence[Path]) -> list[str]:
    """Each file's name as the rekap shows it: the bare name, or when two sources share it
    (``tw3/legok.xlsx``, ``lama/legok.xlsx``), its path from the folder they share."""
    names = [p.name for p in paths]
    if len(set(names)) == len(names):
        return names
    resolved = [p.resolve() for p in paths]
    common = Path(os.path.commonpath(resolved))
    return [
        n if names.count(n) == 1 else r.relative_to(common).as_posix()
        for n, r in zip(names, resolved, strict=True)
    ]


def _with_duplicate_notes(
    outcomes: list[_Berkas | BerkasGagal],
) -> list[_Berkas | BerkasGagal]:
    """A note on every file whose instansi and year another file has too. Often meant (the
    four quarterly reports of one office, each its own column), sometimes not (an old version
    left in the folder, a copy filled by ``iku isi``): only the user knows, so it is an INFO in
    the Masalah sheet, not a problem."""
    by_office: dict[tuple[str, int | None], list[_Berkas]] = {}
    for o in outcomes:
        if isinstance(o, _Berkas):
            by_office.setdefault(_office_key(o), []).append(o)
    noted: list[_Berkas | BerkasGagal] = []
    for o in outcomes:
        twins = by_office[_office_key(o)] if isinstance(o, _Berkas) else []
        if isinstance(o, _Berkas) and len(twins) > 1:
            others = ", ".join(t.nama for t in twins if t is not o)
            tahun = f" tahun {o.tahun}" if o.tahun else ""
            note = Problem(
                KODE_INSTANSI_GANDA,
                f"instansi '{o.instansi}'{tahun} juga ada di {others}; masing-masing direkap "
                "sebagai kolom sendiri (mis. laporan per triwulan). Bila salah satunya versi "
                "lama, keluarkan dari rekap agar rata-rata dan peringkat tidak menghitungnya dua "
                "kali",
                Severity.INFO,
                file=o.nama,
            )
            o = replace(o, problems=(note, *o.problems))
        noted.append(o)
    return noted


def _office_key(berkas: _Berkas) -> tuple[str, int | None]:
    return " ".join(berkas.instansi.split()).casefold(), berkas.tahun


def column_labels(instansi: Sequence[str], paths: Sequence[Path]) -> list[str]:
    """A distinct label per file: the instansi; with the file name when instansi repeat; with
    a number when even that repeats (one file name in two folders)."""
    names = [" ".join(n.split()) for n in instansi]
    folded = [n.casefold() for n in names]
    labels = [
        n if folded.count(n.casefold()) == 1 else f"{n} ({p.stem})"
        for n, p in zip(names, paths, strict=True)
    ]
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        if labels.count(label) > 1:
            seen[label] = seen.get(label, 0) + 1
            label = f"{label} #{seen[label]}"
        unique.append(label)
    return unique


def _with_wording_notes(
    outcomes: list[_Berkas | BerkasGagal],
    done: Sequence[_Berkas],
    kelompok: Sequence[KelompokSasaran],
) -> list[_Berkas | BerkasGagal]:
    """Each file's problems plus a ``sasaran-beda-kata`` warning per sasaran it words
    differently from the rekap's row."""
    notes: dict[int, list[Problem]] = {}
    for group in kelompok:
        for b, s, ratio in group.beda_kata:
            sasaran = done[b].hasil.sasaran[s].sasaran
            notes.setdefault(id(done[b]), []).append(
                _wording_problem(done[b], sasaran, group, ratio)
            )
    noted: list[_Berkas | BerkasGagal] = []
    for o in outcomes:
        if isinstance(o, _Berkas) and id(o) in notes:
            o = replace(o, problems=(*o.problems, *notes[id(o)]))
        noted.append(o)
    return noted


def _wording_problem(
    berkas: _Berkas, sasaran: Sasaran, group: KelompokSasaran, ratio: float
) -> Problem:
    first = sasaran.indikator[0].sel_of("uraian") if sasaran.indikator else None
    return Problem(
        Kode.SASARAN_BEDA_KATA,
        f"Sasaran {sasaran.no} '{sasaran.uraian.strip()}' dianggap sama dengan sasaran "
        f"'{group.uraian}' berkas lain (kemiripan {_koma(ratio)}); di rekap dipakai kata-kata "
        "yang pertama. Samakan kata-katanya di semua berkas",
        Severity.WARNING,
        file=berkas.nama,
        sheet=first.sheet if first is not None else None,
    )


def _report(outcomes: Sequence[_Berkas | BerkasGagal], rows: int) -> RekapReport:
    done = [o for o in outcomes if isinstance(o, _Berkas)]
    with_problems = [
        str(b.path) for b in done if any(p.severity is not Severity.INFO for p in b.problems)
    ]
    problems = [p for o in outcomes for p in _masalah_of(o)]
    return RekapReport(
        files_done=tuple(str(b.path) for b in done),
        files_with_problems=tuple(with_problems),
        files_failed=tuple(o for o in outcomes if isinstance(o, BerkasGagal)),
        rows_written=rows,
        problems=tuple(problems),
    )


def _masalah_of(outcome: _Berkas | BerkasGagal) -> list[Problem]:
    """The Masalah rows of one source: its failure, or its problems, errors first."""
    if isinstance(outcome, BerkasGagal):
        nama = outcome.nama or Path(outcome.file).name
        return [Problem(KODE_BERKAS_GAGAL, outcome.message, file=nama)]
    return sorted(outcome.problems, key=lambda p: _SEVERITY_ORDER[p.severity])


# --------------------------------------------------------------------------- cells and sheets


@dataclass(frozen=True, slots=True)
class _Kolom:
    header: str
    width_px: int
    gaya: Gaya = SEL


ANGKA = SEL_TENGAH.but(wrap=False)
PERSEN = ANGKA.but(num_format="0.00")  # capaian: percent units, two decimals as calculated
TEBAL = SEL.but(bold=True)
TOP_MARGIN = 0.75  # inches: room for the title printed in the page header
CHART_HEIGHT_PX = 560


class _Tabel:
    """A data sheet with its header in row 1. Every cell goes through ``put``, which notes the
    height its wrapped text needs: rows get explicit heights, as in the lampiran, so Excel,
    LibreOffice and WPS show the same rows. Unlike the lampiran's ``Lembar``, columns keep
    their own widths instead of being shared out over one page width: a pivot of 40 instansi
    is wider than a page, and printing fits it to the width instead."""

    def __init__(
        self, workbook: Workbook, formats: Formats, name: str, kolom: Sequence[_Kolom]
    ) -> None:
        self.ws = add_worksheet(workbook, name)
        self.name = name
        self.formats = formats
        self.widths = [k.width_px for k in kolom]
        self.last_row = 0
        self._need: dict[int, float] = {}
        for col, k in enumerate(kolom):
            self.put(0, col, k.header, HEADER)

    @property
    def last_col(self) -> int:
        return len(self.widths) - 1

    def put(self, row: int, col: int, value: Nilai | Rumus, gaya: Gaya) -> None:
        fmt = self.formats(gaya)
        if isinstance(value, Rumus):
            self.ws.write_formula(row, col, value.formula, fmt, value.value)
        elif value is None or value == "":
            self.ws.write_blank(row, col, None, fmt)
        elif isinstance(value, str):
            self.ws.write_string(row, col, value, fmt)
        else:
            self.ws.write_number(row, col, value, fmt)
        shown = value.value if isinstance(value, Rumus) else value
        if isinstance(shown, str) and shown and gaya.wrap:
            lines = count_lines(shown, self.widths[col], gaya.size, bold=gaya.bold)
            height = text_height_pt(lines, gaya.size)
            self._need[row] = max(self._need.get(row, 0.0), height)
        self.last_row = max(self.last_row, row)

    def colour_when(
        self, first: tuple[int, int], last: tuple[int, int], formula: str, fill: str
    ) -> None:
        """Fill cells ``first..last`` (row, col) where ``formula``, written for the top-left
        cell with relative references, is true: a conditional format."""
        fmt = self.formats.fill(fill)
        self.ws.conditional_format(
            *first, *last, {"type": "formula", "criteria": formula, "format": fmt}
        )

    def finish(self, title: str, paper: Kertas, *, freeze_cols: int, autofilter: bool) -> None:
        ws = self.ws
        for col, width in enumerate(self.widths):
            ws.set_column_pixels(col, col, width)
        one_line = text_height_pt(1, SIZE_BODY)
        for row in range(self.last_row + 1):
            ws.set_row(row, whole_pixels(max(one_line, self._need.get(row, 0.0))))
        ws.freeze_panes(1, freeze_cols)
        if autofilter:
            ws.autofilter(0, 0, self.last_row, self.last_col)
        _print_setup(ws, title, paper)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.print_area(0, 0, self.last_row, self.last_col)


def _print_setup(ws: Worksheet, title: str, paper: Kertas) -> None:
    """Landscape on the chosen paper, ``title`` (if any) in the page header, "Halaman n dari m"
    in the footer."""
    m = MARGINS
    ws.set_landscape()
    ws.set_paper(paper.xlsx_index)
    ws.set_margins(left=m.left, right=m.right, top=TOP_MARGIN, bottom=m.bottom)
    if title:
        ws.set_header(f'&C&"{FONT},Bold"&12' + title.replace("&", "&&"), {"margin": m.header})
    ws.set_footer(FOOTER, {"margin": m.footer})


def _angka(value: Decimal | None) -> Nilai:
    """A Decimal as an Excel number; beyond what Excel holds, as text, so nothing is lost."""
    if value is None:
        return None
    if not value.is_finite() or abs(value) >= BATAS_EXCEL:
        return str(value)
    return excel_number(value)


def _cached(value: Decimal | None) -> Number | str:
    """A formula's cached value: the number, or "" where the calculator says not computable."""
    shown = _angka(value)
    return "" if shown is None else shown


def _number_gaya(value: Decimal | None) -> Gaya:
    if value is None or not value.is_finite():
        return ANGKA
    return ANGKA.but(num_format=number_format(decimals_of(value)))


def _koma(ratio: float) -> str:
    """A ratio the Indonesian way: 0,93."""
    return f"{ratio:.2f}".replace(".", ",")


def band_conditions(skala: SkalaPredikat, ref: str) -> list[tuple[str, str]]:
    """(formula, fill) per band of ``skala``: true where ``ref`` holds a capaian of that band.
    The conditions exclude each other, so every program colours a cell alike whatever order
    it applies them in; ISNUMBER first, because "" > 91 is true in Excel."""
    bands = skala.bands
    found = []
    for i, band in enumerate(bands):
        parts = [f"ISNUMBER({ref})"]
        if i < len(bands) - 1:
            parts.append(f"{ref}{'>=' if band.inklusif else '>'}{number_literal(band.batas_bawah)}")
        if i > 0:
            above = bands[i - 1]
            below = number_literal(above.batas_bawah)
            parts.append(f"{ref}{'<' if above.inklusif else '<='}{below}")
        found.append((f"=AND({','.join(parts)})", band_fill(i, len(bands))))
    return found


def band_text(skala: SkalaPredikat, index: int) -> str:
    """A band's range for the legend: "≥ 91", "≥ 76 dan < 91", "< 51"."""
    bands = skala.bands
    band = bands[index]
    parts = []
    if index < len(bands) - 1:
        parts.append(f"{'≥' if band.inklusif else '>'} {_angka_teks(band.batas_bawah)}")
    if index > 0:
        above = bands[index - 1]
        parts.append(f"{'<' if above.inklusif else '≤'} {_angka_teks(above.batas_bawah)}")
    return " dan ".join(parts) or "semua nilai"


def _angka_teks(value: Decimal) -> str:
    return plain_number(value).replace(".", ",")


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


# --------------------------------------------------------------------------- the workbook

KOLOM_REKAP = (
    _Kolom("NO", 40, SEL_TENGAH),
    _Kolom("INSTANSI", 150),
    _Kolom("TAHUN", 50, ANGKA.but(num_format="0")),
    _Kolom("NO SASARAN", 80, SEL_TENGAH),
    _Kolom("SASARAN STRATEGIS", 230),
    _Kolom("INDIKATOR KINERJA", 260),
    _Kolom("SATUAN", 70, SEL_TENGAH),
    _Kolom("TARGET", 72, ANGKA),
    _Kolom("REALISASI", 78, ANGKA),
    _Kolom("CAPAIAN (%)", 80, PERSEN),
    _Kolom("PREDIKAT", 100, SEL_TENGAH),
    _Kolom("BERKAS", 170),
)
(NO, INSTANSI, TAHUN, NO_SASARAN, SASARAN, INDIKATOR, SATUAN, TARGET, REALISASI, CAPAIAN,
 PREDIKAT, BERKAS) = range(len(KOLOM_REKAP))  # fmt: skip

KOLOM_MASALAH = (
    _Kolom("NO", 40, SEL_TENGAH),
    _Kolom("BERKAS", 170),
    _Kolom("SHEET", 110),
    _Kolom("SEL", 50, SEL_TENGAH),
    _Kolom("KODE", 190),
    _Kolom("TINGKAT", 104, SEL_TENGAH),
    _Kolom("PESAN", 560),
)
TINGKAT_COL = 5
TINGKAT_FILLS = {"GALAT": "#FFC7CE", "PERINGATAN": "#FFEB9C"}

PIVOT_FIRST = 2  # the first instansi column of Per Sasaran (after NO and SASARAN STRATEGIS)
WIDTH_INSTANSI_PX = 104
TITLE_REKAP = "REKAP CAPAIAN KINERJA"
TITLE_PER_SASARAN = "CAPAIAN KINERJA PER SASARAN"
TITLE_GRAFIK = "RATA-RATA CAPAIAN KINERJA PER INSTANSI"
TITLE_MASALAH = "MASALAH YANG DITEMUKAN"


class _Rekap:
    """Writes the four sheets; ``rows_written`` counts the indicator rows of Rekap."""

    def __init__(
        self,
        outcomes: Sequence[_Berkas | BerkasGagal],
        labels: Sequence[str],
        kelompok: Sequence[KelompokSasaran],
        skala: SkalaPredikat,
        paper: Kertas,
    ) -> None:
        self.outcomes = outcomes
        self.done = [o for o in outcomes if isinstance(o, _Berkas)]
        self.labels = labels
        self.kelompok = kelompok
        self.skala = skala
        self.paper = paper
        self.rows_written = 0
        self.tahun = _tahun_suffix(self.done)

    def write(self) -> bytes:
        buffer = io.BytesIO()
        workbook = new_workbook(
            buffer,
            title=f"Rekap Capaian Kinerja{self.tahun.title()}",
            author="iku_excel",
            comments="Dibuat dengan iku_excel (iku rekap)",
        )
        formats = Formats(workbook)
        spans = self._write_rekap(_Tabel(workbook, formats, SHEET_REKAP, KOLOM_REKAP))
        pivot = _Tabel(workbook, formats, SHEET_PER_SASARAN, self._pivot_kolom())
        rata_row = self._write_per_sasaran(pivot, spans)
        self._write_grafik(workbook, formats, rata_row)
        self._write_masalah(_Tabel(workbook, formats, SHEET_MASALAH, KOLOM_MASALAH))
        workbook.close()
        return with_text_results(buffer.getvalue())

    # ------------------------------------------------------------------ Rekap

    def _write_rekap(self, tabel: _Tabel) -> dict[tuple[int, int], tuple[int, int]]:
        """Write one row per indicator; return the rows (first, last) of each (file, sasaran)."""
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        row = 1
        for b, berkas in enumerate(self.done):
            for s, hs in enumerate(berkas.hasil.sasaran):
                first = row
                for hi in hs.indikator:
                    self._write_indikator(tabel, row, berkas, hs.sasaran, hi)
                    row += 1
                if row > first:
                    spans[(b, s)] = (first, row - 1)
        self.rows_written = row - 1
        if row > 1:
            anchor = f"${column_letter(CAPAIAN + 1)}2"
            for formula, fill in band_conditions(self.skala, anchor):
                tabel.colour_when((1, CAPAIAN), (row - 1, PREDIKAT), formula, fill)
        tabel.finish(
            TITLE_REKAP + self.tahun, self.paper, freeze_cols=INSTANSI + 1, autofilter=True
        )
        return spans

    def _write_indikator(
        self, tabel: _Tabel, row: int, berkas: _Berkas, sasaran: Sasaran, hi: HasilIndikator
    ) -> None:
        ind = hi.indikator
        tabel.put(row, NO, row, SEL_TENGAH)
        tabel.put(row, INSTANSI, berkas.instansi, SEL)
        tabel.put(row, TAHUN, berkas.tahun, KOLOM_REKAP[TAHUN].gaya)
        tabel.put(row, NO_SASARAN, sasaran.no, SEL_TENGAH)
        tabel.put(row, SASARAN, sasaran.uraian, SEL)
        tabel.put(row, INDIKATOR, ind.uraian, SEL)
        tabel.put(row, SATUAN, ind.satuan, SEL_TENGAH)
        target_ref, target_atas = self._write_target(tabel, row, hi)
        realisasi = _angka(hi.realisasi_tahun)
        tabel.put(row, REALISASI, realisasi, _number_gaya(hi.realisasi_tahun))
        formula_ok = target_ref is not None and not isinstance(realisasi, str)
        tabel.put(row, CAPAIAN, self._capaian(hi, row, target_ref, target_atas, formula_ok), PERSEN)
        predikat = predikat_formula(self.skala, cell_name(row + 1, CAPAIAN + 1))
        tabel.put(row, PREDIKAT, Rumus(predikat, hi.predikat or ""), SEL_TENGAH)
        tabel.put(row, BERKAS, berkas.nama, SEL)

    @staticmethod
    def _write_target(tabel: _Tabel, row: int, hi: HasilIndikator) -> tuple[str | None, str | None]:
        """Write the target; return what a capaian formula refers to: (target cell or lower
        bound, upper bound), the target None when no formula can use it (text)."""
        target = hi.target
        if isinstance(target, Rentang):  # shown as text; its bounds go into the formula
            bawah, atas = number_literal(target.bawah), number_literal(target.atas)
            tabel.put(
                row, TARGET, f"{_angka_teks(target.bawah)} - {_angka_teks(target.atas)}", ANGKA
            )
            return bawah, atas
        value = _angka(target)
        tabel.put(row, TARGET, value, _number_gaya(target))
        return (None if isinstance(value, str) else cell_name(row + 1, TARGET + 1)), None

    @staticmethod
    def _capaian(
        hi: HasilIndikator, row: int, target: str | None, atas: str | None, formula_ok: bool
    ) -> Nilai | Rumus:
        """The calculator's capaian as a formula over the row's target and realisasi; as a
        plain value where no formula gives the same (a range method with a one-number target,
        a value kept as text)."""
        if not formula_ok or target is None or hi.metode.is_rentang != (atas is not None):
            return _angka(hi.capaian)
        formula = capaian_formula_for(hi, target, cell_name(row + 1, REALISASI + 1), atas)
        return Rumus(formula, _cached(hi.capaian))

    # ------------------------------------------------------------------ Per Sasaran

    def _pivot_kolom(self) -> list[_Kolom]:
        return [
            _Kolom("NO", 40, SEL_TENGAH),
            _Kolom("SASARAN STRATEGIS", 300),
            *(_Kolom(label, WIDTH_INSTANSI_PX, PERSEN) for label in self.labels),
            _Kolom("CATATAN", 300),
        ]

    def _write_per_sasaran(
        self, tabel: _Tabel, spans: dict[tuple[int, int], tuple[int, int]]
    ) -> int:
        """Write the pivot, its Rata-rata and Peringkat rows and the colour legend; return the
        row of Rata-rata."""
        catatan = len(self.labels) + PIVOT_FIRST
        for g, group in enumerate(self.kelompok):
            row = g + 1
            tabel.put(row, 0, g + 1, SEL_TENGAH)
            tabel.put(row, 1, group.uraian or "(sasaran tanpa uraian)", SEL)
            for b in range(len(self.done)):
                tabel.put(row, PIVOT_FIRST + b, self._sasaran_cell(group, b, spans), PERSEN)
            tabel.put(row, catatan, self._catatan(group), SEL)
        rata_row = len(self.kelompok) + 1
        means = self._write_rata_rata(tabel, rata_row)
        self._write_peringkat(tabel, rata_row + 1, rata_row, means)
        for col in (0, catatan):
            tabel.put(rata_row, col, None, SEL)
            tabel.put(rata_row + 1, col, None, SEL)
        if self.labels:
            last = PIVOT_FIRST + len(self.labels) - 1
            for formula, fill in band_conditions(self.skala, cell_name(2, PIVOT_FIRST + 1)):
                tabel.colour_when((1, PIVOT_FIRST), (rata_row, last), formula, fill)
        self._write_legend(tabel, rata_row + 3)
        tabel.finish(
            TITLE_PER_SASARAN + self.tahun, self.paper, freeze_cols=PIVOT_FIRST, autofilter=False
        )
        return rata_row

    def _sasaran_cell(
        self, group: KelompokSasaran, b: int, spans: dict[tuple[int, int], tuple[int, int]]
    ) -> Nilai | Rumus:
        """The mean capaian of file ``b``'s indicators of this sasaran, over their Rekap rows."""
        mine = [s for bb, s in group.anggota if bb == b]
        rows = [spans[(b, s)] for s in mine if (b, s) in spans]
        if not rows:
            return None
        column = column_letter(CAPAIAN + 1)
        refs = ",".join(
            f"{_quoted(SHEET_REKAP)}!${column}${first + 1}:${column}${last + 1}"
            for first, last in rows
        )
        value = _sasaran_value(self.done[b], group, b)
        return Rumus(rata_rata_formula(refs), _cached(value))

    def _catatan(self, group: KelompokSasaran) -> str:
        notes = [
            f"{self.labels[b]} menulis '{self.done[b].hasil.sasaran[s].sasaran.uraian.strip()}' "
            f"(kemiripan {_koma(ratio)})"
            for b, s, ratio in group.beda_kata
        ]
        return "; ".join(notes)

    def _write_rata_rata(self, tabel: _Tabel, row: int) -> list[Decimal | None]:
        tabel.put(row, 1, "Rata-rata", TEBAL)
        means: list[Decimal | None] = []
        for b in range(len(self.done)):
            col = PIVOT_FIRST + b
            values = [_sasaran_value(self.done[b], group, b) for group in self.kelompok]
            mean = _mean(values)
            means.append(mean)
            cells = f"{cell_name(2, col + 1)}:{cell_name(max(row, 2), col + 1)}"
            value: Nilai | Rumus = Rumus(rata_rata_formula(cells), _cached(mean))
            tabel.put(row, col, value if self.kelompok else None, PERSEN.but(bold=True))
        return means

    def _write_peringkat(
        self, tabel: _Tabel, row: int, rata_row: int, means: Sequence[Decimal | None]
    ) -> None:
        tabel.put(row, 1, "Peringkat", TEBAL)
        if not means:
            return
        first = cell_name(rata_row + 1, PIVOT_FIRST + 1, absolute=True)
        last = cell_name(rata_row + 1, PIVOT_FIRST + len(means), absolute=True)
        for b, rank in enumerate(rank_descending(means)):
            mean = cell_name(rata_row + 1, PIVOT_FIRST + b + 1)
            formula = f'=IF(ISNUMBER({mean}),RANK({mean},{first}:{last},0),"")'
            tabel.put(
                row,
                PIVOT_FIRST + b,
                Rumus(formula, "" if rank is None else rank),
                ANGKA.but(bold=True),
            )

    def _write_legend(self, tabel: _Tabel, row: int) -> None:
        """What each colour means, under the table (a legend does not print in the header)."""
        tabel.put(row, 1, f"Warna predikat (skala {self.skala.nama}):", TEBAL.but(border=0))
        for i, band in enumerate(self.skala.bands):
            colour = band_fill(i, len(self.skala.bands))
            text = f"{band.predikat}: capaian {band_text(self.skala, i)}"
            tabel.put(row + 1 + i, 1, text, SEL.but(fill=colour))

    # ------------------------------------------------------------------ Grafik

    def _write_grafik(self, workbook: Workbook, formats: Formats, rata_row: int) -> None:
        ws = add_worksheet(workbook, SHEET_GRAFIK)
        ws.set_column_pixels(0, 0, 400)
        title = TITLE_GRAFIK + self.tahun
        ws.write_string(0, 0, title, formats(Gaya(size=12, bold=True, wrap=False)))
        _print_setup(ws, "", self.paper)  # the title is in A1, above the chart
        ws.fit_to_pages(1, 1)
        if not self.labels:
            ws.write_string(2, 0, "Tidak ada data untuk grafik: tidak ada berkas yang terbaca.")
            return
        last = PIVOT_FIRST + len(self.labels) - 1
        rotation = -45 if len(self.labels) > 6 else 0  # long names side by side overlap
        chart = capaian_chart(
            workbook,
            series=(
                "Rata-rata capaian (%)",
                [SHEET_PER_SASARAN, 0, PIVOT_FIRST, 0, last],
                [SHEET_PER_SASARAN, rata_row, PIVOT_FIRST, rata_row, last],
            ),
            title="Rata-rata Capaian Kinerja per Instansi (%)",
            x_axis={"num_font": {**chart_font(9), "rotation": rotation}},
            size=(Page(self.paper).table_width_px, CHART_HEIGHT_PX),
        )
        ws.insert_chart(2, 0, chart, {"object_position": 3})

    # ------------------------------------------------------------------ Masalah

    def _write_masalah(self, tabel: _Tabel) -> None:
        problems = [p for o in self.outcomes for p in _masalah_of(o)]
        for row, p in enumerate(problems, start=1):
            values = (row, p.file, p.sheet, p.cell, p.code, TINGKAT[p.severity], p.message)
            for col, value in enumerate(values):
                tabel.put(row, col, value, KOLOM_MASALAH[col].gaya)
        if not problems:
            tabel.put(1, 6, "Tidak ada masalah.", SEL)
        for text, fill in TINGKAT_FILLS.items():
            formula = f'=${column_letter(TINGKAT_COL + 1)}2="{text}"'
            tabel.colour_when(
                (1, TINGKAT_COL), (max(tabel.last_row, 1), TINGKAT_COL), formula, fill
            )
        tabel.finish(TITLE_MASALAH, self.paper, freeze_cols=0, autofilter=True)


def _sasaran_value(berkas: _Berkas, group: KelompokSasaran, b: int) -> Decimal | None:
    """The value of a Per Sasaran cell: the mean of the file's indicator capaian in it."""
    values = [
        hi.capaian for bb, s in group.anggota if bb == b for hi in berkas.hasil.sasaran[s].indikator
    ]
    return _mean(values)


def _mean(values: Sequence[Decimal | None]) -> Decimal | None:
    """Excel's ROUND(AVERAGE(...), 2) over the numbers among ``values``; None when none."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    return round_half_away(sum(known, Decimal(0)) / len(known))


def _tahun_suffix(done: Sequence[_Berkas]) -> str:
    """The year for the titles (" TAHUN 2023") when every file is of one year, else ""."""
    years = {b.tahun for b in done}
    return f" TAHUN {years.pop()}" if len(years) == 1 and None not in years else ""
