"""Turning the rows of a detected table into model values: pure, no I/O.

Rows are read the way staff write them: a sasaran merged over its indicators, written once with
blanks below, or repeated on every row; a long text continued on the next row with the other
cells empty; spacer rows; total, average and note rows that are not indicators; programs and
their numbered kegiatan. Every value that cannot be read is ``None`` plus a located Problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TypeVar

from iku_excel.detect.columns import AKUMULASI_CHOICES, PERAN_CHOICES, POLARITAS_CHOICES
from iku_excel.detect.layout import TableLayout
from iku_excel.errors import Problem, Severity
from iku_excel.grid import Cell, Grid, cell_name
from iku_excel.model import (
    Akumulasi,
    Indikator,
    Kegiatan,
    Penandatangan,
    Peran,
    PerTriwulan,
    Polaritas,
    Program,
    Rentang,
    Sasaran,
    Sel,
    Target,
    TargetIndikator,
    TargetSasaran,
)
from iku_excel.text import SASARAN_REPEATED_MIN, normalize_text, similarity_at_least
from iku_excel.values import (
    Parsed,
    Separators,
    clean_text,
    column_separators,
    is_empty,
    is_percent_format,
    is_percent_satuan,
    parse_money,
    parse_nip,
    parse_number,
    parse_percent,
    parse_target,
    parse_volume,
    plain_number,
)

T = TypeVar("T")

EXPLANATION_KEYS = ("alasan", "formulasi", "sumber_data", "keterangan")
# The indicator values whose cells are remembered, so results can be written back beside them.
INDIKATOR_CELL_KEYS = (
    "uraian", "satuan", "target", "polaritas", "akumulasi", "realisasi", "capaian", "predikat",
    "tw1", "tw2", "tw3", "tw4", "target_tw1", "target_tw2", "target_tw3", "target_tw4",
)  # fmt: skip
_NOTE_ROW = re.compile(
    r"^(jumlah|total|rata[- ]?rata|rerata|keterangan|catatan|sumber)\b(?!.*\b(indeks|konflik)\b)",
    re.IGNORECASE,
)
_SIGNATURE_ROW = re.compile(
    r"^(nip\b|nip\.|ditetapkan|pada tanggal|mengetahui|pihak (pertama|kedua)|"
    r"(plt|plh|pj|pt|a\.\s?n)\.\s*|(plt|plh|pj)\s|kepala\b|camat\b|bupati\b|walikota\b|"
    r"sekretaris\b|"
    r"[a-z .'-]+,\s*(\d{1,2}\s+)?(januari|februari|pebruari|maret|april|mei|juni|juli|agustus|"
    r"september|oktober|nopember|november|desember)\b)",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(\d{1,3})[.)]?\s+(\S.*)$")
_NUMBER_ONLY = re.compile(r"\d{1,3}[.)]?")
_LIST_MARK = re.compile(r"^[-–•*]\s*")
_SENTENCE_END = (".", "!", "?", ";")


@dataclass
class TableContext:
    """What every row of a table needs: the grid, its layout, where problems go."""

    grid: Grid
    layout: TableLayout
    file: str = ""
    problems: list[Problem] = field(default_factory=list)
    _separators: dict[str, Separators] = field(default_factory=dict)
    _reported: set[Problem] = field(default_factory=set)

    def col(self, key: str) -> int | None:
        return self.layout.columns.get(key)

    def cell(self, row: int, key: str) -> Cell | None:
        col = self.col(key)
        return None if col is None else self.grid.cell(row, col)

    def raw(self, row: int, key: str) -> object:
        cell = self.cell(row, key)
        return None if cell is None else cell.value

    def text(self, row: int, key: str) -> str:
        raw = self.raw(row, key)
        return "" if is_empty(raw) else clean_text(raw)

    def where(self, row: int, key: str) -> str:
        col = self.col(key)
        return cell_name(row, col) if col is not None else f"baris {row}"

    def report(self, problem: Problem, row: int, key: str) -> None:
        located = problem.at(file=self.file, sheet=self.grid.sheet, cell=self.where(row, key))
        # A row holding a program and its first kegiatan reads the shared cells for both:
        # one problem per cell is enough.
        if located not in self._reported:
            self._reported.add(located)
            self.problems.append(located)

    def separators(self, key: str) -> Separators:
        if key not in self._separators:
            col = self.col(key)
            raws = (
                []
                if col is None
                else [
                    self.grid.value(r, col)
                    for r in range(self.layout.first_row, self.layout.last_row + 1)
                ]
            )
            self._separators[key] = column_separators(raws)
        return self._separators[key]

    def take(self, parsed: Parsed[T], row: int, key: str) -> T | None:
        for problem in parsed.problems:
            self.report(problem, row, key)
        return parsed.value

    def filled_cell(self, row: int, key: str) -> Cell | None:
        """The cell of ``key`` when it holds a value to read; None when it is empty, or holds a
        formula without a stored result (reported: its value is unknown, not empty)."""
        if self.formula_missing(row, key):
            return None
        cell = self.cell(row, key)
        return None if cell is None or is_empty(cell.value) else cell

    def formula_missing(self, row: int, key: str) -> bool:
        cell = self.cell(row, key)
        if cell is not None and cell.formula_without_value:
            self.report(
                Problem(
                    "rumus-tanpa-nilai",
                    "sel berisi rumus tanpa hasil tersimpan; buka dan simpan berkas di Excel "
                    "atau LibreOffice agar hasilnya tersimpan",
                ),
                row,
                key,
            )
            return True
        return False

    def number(self, row: int, key: str, *, percent: bool = False) -> Decimal | None:
        """A number in indicator units: percent units when the indicator or cell is a %."""
        cell = self.filled_cell(row, key)
        if cell is None:
            return None
        fmt = cell.number_format or "General"
        text_has_percent = isinstance(cell.value, str) and "%" in cell.value
        if percent or is_percent_format(fmt) or text_has_percent:
            parsed = parse_percent(
                cell.value,
                number_format=fmt,
                percent_column=percent,
                separators=self.separators(key),
            )
        else:
            parsed = parse_number(cell.value, separators=self.separators(key))
        return self.take(parsed, row, key)

    def money(self, row: int, key: str) -> Decimal | None:
        cell = self.filled_cell(row, key)
        if cell is None:
            return None
        return self.take(parse_money(cell.value, separators=self.separators(key)), row, key)

    def cells_of(self, row: int, keys: tuple[str, ...]) -> tuple[Sel, ...]:
        """Where each of ``keys`` sits on this row (the indicator text under "uraian")."""
        sheet = self.grid.sheet
        found = [Sel("row", sheet, row, 0)]
        for key in keys:
            col = self.col("indikator" if key == "uraian" else key)
            if col is not None:
                found.append(Sel(key, sheet, row, col, _bentuk(self.grid.cell(row, col))))
        return tuple(found)

    def row_is_blank(self, row: int) -> bool:
        return all(is_empty(self.grid.value(row, c)) for c in self.layout.columns.values())

    def row_texts(self, row: int) -> list[str]:
        return [
            clean_text(v)
            for c in sorted(self.layout.columns.values())
            if not is_empty(v := self.grid.value(row, c))
        ]


def _bentuk(cell: Cell | None) -> str:
    if cell is None:
        return "kosong"
    if is_empty(cell.value):  # an empty cell formatted as % will hold a fraction
        return "pecahan" if is_percent_format(cell.number_format) else "kosong"
    if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float, Decimal)):
        return "teks"
    if is_percent_format(cell.number_format):
        return "pecahan"
    return "angka"


def same_text(a: str, b: str, threshold: float = SASARAN_REPEATED_MIN) -> bool:
    """Equal after normalising case, spaces and punctuation, or nearly so (small spelling
    differences when a sasaran is repeated on every row)."""
    na, nb = normalize_text(a), normalize_text(b)
    if na == nb:
        return True
    ratio = similarity_at_least(na, nb, threshold)  # most different sasaran stop at the bounds
    return ratio is not None and ratio >= threshold


def is_note_row(texts: list[str]) -> bool:
    return bool(texts) and bool(_NOTE_ROW.match(texts[0])) and len(texts) <= 3


def is_signature_row(texts: list[str]) -> bool:
    return len(texts) <= 2 and any(_SIGNATURE_ROW.match(t) for t in texts)


def data_end(grid: Grid, layout: TableLayout) -> int:
    """The last row that still belongs to the table: the table stops at a signatory line, or
    at a lone short text (no indicator, program or kegiatan) after two blank rows."""
    cols = sorted(layout.columns.values())
    key_cols = [layout.columns[k] for k in ("indikator", "program", "kegiatan", "kode")
                if k in layout.columns]  # fmt: skip
    last = layout.first_row - 1
    blank_run = 0
    previous = layout.first_row - 1
    for row in grid.iter_rows(layout.first_row, layout.last_row):
        blank_run += row - previous - 1  # rows without any cell are blank too
        previous = row
        texts = [clean_text(v) for c in cols if not is_empty(v := grid.value(row, c))]
        if not texts:
            blank_run += 1
            continue
        if is_signature_row(texts):
            break
        has_key = any(not is_empty(grid.value(row, c)) for c in key_cols)
        if blank_run >= 2 and not has_key and len(texts) <= 2:
            break
        blank_run = 0
        last = row
    return last


def _choice(
    ctx: TableContext, row: int, key: str, parse: Callable[[str], T | None], allowed: str
) -> T | None:
    text = ctx.text(row, key)
    if not text:
        return None
    value = parse(text.lower().replace(" ", "").replace("_", "-"))
    if value is None:
        ctx.report(
            Problem(
                f"{key}-tidak-dikenal",
                f"{key} '{text}' tidak dikenal; pilih salah satu: {allowed}",
            ),
            row,
            key,
        )
    return value


# What staff type in POLARITAS / AKUMULASI cells (lower case, no spaces), as a value.
_POLARITAS_ALIASES = {"+": "positif", "-": "negatif", "range": "rentang"} | {
    c: c for c in POLARITAS_CHOICES
}
_AKUMULASI_ALIASES = {"sum": "jumlah", "kumulatif": "jumlah", "ratarata": "rata-rata"} | {
    c: c for c in AKUMULASI_CHOICES
}


def _polaritas(text: str) -> Polaritas | None:
    value = _POLARITAS_ALIASES.get(text)
    return Polaritas(value) if value else None


def _akumulasi(text: str) -> Akumulasi | None:
    value = _AKUMULASI_ALIASES.get(text)
    return Akumulasi(value) if value else None


@dataclass
class _IndikatorDraft:
    row: int
    fields: dict[str, object]


@dataclass
class _SasaranDraft:
    no: str
    uraian: str
    tujuan: str
    indikator: list[_IndikatorDraft] = field(default_factory=list)


def read_indikator_table(ctx: TableContext) -> tuple[Sasaran, ...]:
    """An IKU, PK or pengukuran table: sasaran with their indicators."""
    drafts: list[_SasaranDraft] = []
    tujuan = ""
    last_row_with_data = 0
    for row in ctx.grid.iter_rows(ctx.layout.first_row, ctx.layout.last_row):
        if ctx.row_is_blank(row):
            continue
        texts = ctx.row_texts(row)
        if is_signature_row(texts):
            break
        if is_note_row(texts) and not (ctx.text(row, "satuan") or ctx.text(row, "target")):
            continue  # "Rata-rata capaian", "Jumlah", "Keterangan: ..." (not "Jumlah konflik")
        tujuan = ctx.text(row, "tujuan") or tujuan
        sasaran_text = ctx.text(row, "sasaran")
        no = ctx.text(row, "no").rstrip(".")
        indikator_text = ctx.text(row, "indikator")
        if not indikator_text and _continue_text(ctx, row, drafts, last_row_with_data):
            last_row_with_data = row
            continue
        if sasaran_text and (not drafts or not same_text(sasaran_text, drafts[-1].uraian)):
            drafts.append(_SasaranDraft(no, sasaran_text, tujuan))
        elif no and drafts and no != drafts[-1].no and not sasaran_text and indikator_text:
            drafts.append(_SasaranDraft(no, "", tujuan))
        if not indikator_text:
            if not sasaran_text:
                ctx.report(
                    Problem(
                        "indikator-kosong",
                        "baris berisi data tetapi uraian indikator kosong; isi uraiannya "
                        "atau kosongkan baris ini",
                        Severity.WARNING,
                    ),
                    row,
                    "indikator",
                )
            continue
        if not drafts:
            drafts.append(_SasaranDraft(no, "", tujuan))
            if ctx.col("sasaran") is not None:  # a table without the column is no mistake
                ctx.report(
                    Problem("sasaran-kosong", "indikator tanpa sasaran; isi kolom sasaran"),
                    row,
                    "sasaran",
                )
        drafts[-1].indikator.append(_IndikatorDraft(row, {}))
        last_row_with_data = row
    return tuple(_finish_sasaran(ctx, d, i) for i, d in enumerate(drafts, start=1))


def _continue_text(ctx: TableContext, row: int, drafts: list[_SasaranDraft], last_row: int) -> bool:
    """A row holding only explanation text right under an indicator continues that text."""
    if not drafts or not drafts[-1].indikator or row - last_row > 2:
        return False
    filled = {k for k, c in ctx.layout.columns.items() if not is_empty(ctx.grid.value(row, c))}
    if not filled or not filled <= set(EXPLANATION_KEYS):
        return False
    draft = drafts[-1].indikator[-1]
    for key in filled:
        before = _draft_text(ctx, draft, key)
        if before.endswith(_SENTENCE_END):
            return False
    for key in filled:
        extra = draft.fields.setdefault(f"{key}+", [])
        assert isinstance(extra, list)
        extra.append(ctx.text(row, key))
    return True


def _draft_text(ctx: TableContext, draft: _IndikatorDraft, key: str) -> str:
    extra = draft.fields.get(f"{key}+", [])
    assert isinstance(extra, list)
    return " ".join([ctx.text(draft.row, key), *extra]).strip()


def _finish_sasaran(ctx: TableContext, draft: _SasaranDraft, position: int) -> Sasaran:
    indikator = tuple(_finish_indikator(ctx, d) for d in draft.indikator)
    return Sasaran(
        no=draft.no or str(position), uraian=draft.uraian, indikator=indikator, tujuan=draft.tujuan
    )


def _finish_indikator(ctx: TableContext, draft: _IndikatorDraft) -> Indikator:
    row = draft.row
    satuan = ctx.text(row, "satuan")
    percent = is_percent_satuan(satuan)
    explanation = {key: _draft_text(ctx, draft, key) for key in EXPLANATION_KEYS}
    return Indikator(
        uraian=ctx.text(row, "indikator"),
        satuan=satuan,
        kode=ctx.text(row, "kode"),
        polaritas=_choice(ctx, row, "polaritas", _polaritas, ", ".join(POLARITAS_CHOICES)),
        akumulasi=_choice(ctx, row, "akumulasi", _akumulasi, ", ".join(AKUMULASI_CHOICES)),
        target=_target(ctx, row, "target", satuan),
        target_tw=PerTriwulan(
            *(_target_number(ctx, row, f"target_tw{i}", satuan) for i in (1, 2, 3, 4))
        ),
        realisasi=PerTriwulan(*(ctx.number(row, f"tw{i}", percent=percent) for i in (1, 2, 3, 4))),
        realisasi_tahun=ctx.number(row, "realisasi", percent=percent),
        capaian=ctx.number(row, "capaian", percent=True),
        predikat=ctx.text(row, "predikat"),
        sel=ctx.cells_of(row, INDIKATOR_CELL_KEYS),
        **explanation,
    )


def _target(ctx: TableContext, row: int, key: str, satuan: str) -> Target | None:
    cell = ctx.filled_cell(row, key)
    if cell is None:
        return None
    parsed = parse_target(
        cell.value,
        satuan=satuan,
        number_format=cell.number_format,
        separators=ctx.separators(key),
    )
    return ctx.take(parsed, row, key)


def _target_number(ctx: TableContext, row: int, key: str, satuan: str) -> Decimal | None:
    """A quarter's target: one number (a range there is reported, not dropped silently)."""
    value = _target(ctx, row, key, satuan)
    if isinstance(value, Rentang):
        ctx.report(
            Problem(
                "target-tw-rentang",
                f"target per triwulan harus satu angka, bukan rentang "
                f"{plain_number(value.bawah)}-{plain_number(value.atas)}; tulis satu nilai "
                "(rentang hanya untuk target tahunan)",
            ),
            row,
            key,
        )
        return None
    return value


def read_target_table(ctx: TableContext) -> tuple[TargetSasaran, ...]:
    """The target/anggaran table: sasaran blocks with indicator targets, programs, kegiatan."""
    blocks: list[TargetSasaran] = []
    for row in ctx.grid.iter_rows(ctx.layout.first_row, ctx.layout.last_row):
        if ctx.row_is_blank(row):
            continue
        texts = ctx.row_texts(row)
        if is_signature_row(texts):
            break
        sasaran_text = ctx.text(row, "sasaran")
        if not any(ctx.text(row, k) for k in ("indikator", "program", "kegiatan")) and is_note_row(
            texts
        ):
            continue
        if sasaran_text and (not blocks or not same_text(sasaran_text, blocks[-1].uraian)):
            no = ctx.text(row, "no").rstrip(".") or str(len(blocks) + 1)
            blocks.append(TargetSasaran(no=no, uraian=sasaran_text))
        if not blocks:
            blocks.append(TargetSasaran(no=ctx.text(row, "no").rstrip(".") or "1", uraian=""))
        block = blocks[-1]
        indikator_text = ctx.text(row, "indikator")
        if indikator_text:
            block = replace(block, indikator=(*block.indikator, _target_indikator(ctx, row)))
        block = _read_program_cells(ctx, row, block)
        blocks[-1] = block
    return tuple(blocks)


def _target_indikator(ctx: TableContext, row: int) -> TargetIndikator:
    shown = ctx.text(row, "target")
    cell = ctx.cell(row, "target")
    nilai: Decimal | None = None
    percent_cell = cell is not None and is_percent_format(cell.number_format)
    satuan = "%" if "%" in shown or percent_cell else ""
    if cell is not None and not is_empty(cell.value):
        value = _target(ctx, row, "target", satuan)
        nilai = value if isinstance(value, Decimal) else None
        if not isinstance(cell.value, str):
            shown = _shown_number(nilai, satuan)
    return TargetIndikator(
        uraian=ctx.text(row, "indikator"), target=shown, nilai=nilai, satuan=satuan
    )


def _shown_number(value: Decimal | None, satuan: str) -> str:
    if value is None:
        return ""
    text = plain_number(value)
    return f"{text}%" if satuan == "%" else text


def _read_program_cells(ctx: TableContext, row: int, block: TargetSasaran) -> TargetSasaran:
    program_text = _LIST_MARK.sub("", ctx.text(row, "program"))
    kegiatan_text = ctx.text(row, "kegiatan")
    numbered = _NUMBERED.match(program_text)
    if numbered and not kegiatan_text:
        # A numbered line in the PROGRAM column is a kegiatan typed one column too far left.
        kegiatan_text, program_text = program_text, ""
    elif _NUMBER_ONLY.fullmatch(program_text) and kegiatan_text:
        # The kegiatan's number in the PROGRAM column, its name under KEGIATAN.
        kegiatan_text, program_text = f"{program_text.rstrip('.)')} {kegiatan_text}", ""
    if program_text:
        target, volume, satuan = _output_target(ctx, row)
        program = Program(
            nama=program_text,
            sasaran_no=block.no,
            target=target,
            target_volume=volume,
            target_satuan=satuan,
            anggaran=ctx.money(row, "anggaran"),
            realisasi_anggaran=ctx.money(row, "realisasi_anggaran"),
        )
        block = replace(block, program=(*block.program, program))
    if kegiatan_text:
        block = _add_kegiatan(ctx, row, block, _LIST_MARK.sub("", kegiatan_text))
    return block


def _add_kegiatan(ctx: TableContext, row: int, block: TargetSasaran, text: str) -> TargetSasaran:
    no = ctx.text(row, "kegiatan_no").rstrip(".")
    numbered = _NUMBERED.match(text)
    if numbered and not no:
        no, text = numbered.group(1), numbered.group(2)
    target, volume, satuan = _output_target(ctx, row)
    programs = list(block.program)
    if not programs:
        ctx.report(
            Problem(
                "kegiatan-tanpa-program",
                "kegiatan tanpa program di atasnya; isi nama program pada baris sebelumnya",
            ),
            row,
            "kegiatan",
        )
        programs.append(Program(nama="", sasaran_no=block.no))
    current = programs[-1]
    kegiatan = Kegiatan(
        no=no or str(len(current.kegiatan) + 1),
        nama=text,
        target=target,
        target_volume=volume,
        target_satuan=satuan,
        anggaran=ctx.money(row, "anggaran"),
        realisasi_anggaran=ctx.money(row, "realisasi_anggaran"),
    )
    programs[-1] = replace(current, kegiatan=(*current.kegiatan, kegiatan))
    return replace(block, program=tuple(programs))


def _output_target(ctx: TableContext, row: int) -> tuple[str, Decimal | None, str]:
    """The output target of a program or kegiatan: shown text, volume and unit."""
    key = "keluaran"
    cell = ctx.filled_cell(row, key)
    if cell is None:
        return "", None, ""
    if isinstance(cell.value, str):
        shown = clean_text(cell.value)
        volume_unit = ctx.take(parse_volume(cell.value, separators=ctx.separators(key)), row, key)
    else:
        number = ctx.number(row, key)
        percent = is_percent_format(cell.number_format)
        shown = _shown_number(number, "%" if percent else "")
        volume_unit = (number, "%" if percent else "")
    if volume_unit is None:
        return shown, None, ""
    return shown, volume_unit[0], volume_unit[1]


def read_program_table(ctx: TableContext, sasaran_no: str = "") -> tuple[Program, ...]:
    """A PROGRAM | ANGGARAN table (the PK lampiran's second table)."""
    programs: list[Program] = []
    for row in ctx.grid.iter_rows(ctx.layout.first_row, ctx.layout.last_row):
        if ctx.row_is_blank(row):
            continue
        texts = ctx.row_texts(row)
        if is_signature_row(texts):
            break
        if is_note_row(texts):
            continue
        name = _LIST_MARK.sub("", ctx.text(row, "program"))
        if name:
            programs.append(
                Program(nama=name, sasaran_no=sasaran_no, anggaran=ctx.money(row, "anggaran"))
            )
    return tuple(programs)


def read_penandatangan_table(ctx: TableContext) -> tuple[Penandatangan, ...]:
    """The canonical template's Penandatangan sheet."""
    people: list[Penandatangan] = []
    for row in ctx.grid.iter_rows(ctx.layout.first_row, ctx.layout.last_row):
        nama = ctx.text(row, "nama")
        jabatan = ctx.text(row, "jabatan")
        if not (nama or jabatan):
            continue
        peran_text = ctx.text(row, "peran").lower().replace(" ", "_") or "penetap"
        try:
            peran = Peran(peran_text)
        except ValueError:
            ctx.report(
                Problem(
                    "peran-tidak-dikenal",
                    f"peran '{peran_text}' tidak dikenal; pilih salah satu: "
                    f"{', '.join(PERAN_CHOICES)}",
                ),
                row,
                "peran",
            )
            peran = Peran.PENETAP
        nip_raw = ctx.raw(row, "nip")
        nip = ctx.take(parse_nip(nip_raw), row, "nip") if not is_empty(nip_raw) else ""
        people.append(
            Penandatangan(
                jabatan=jabatan,
                nama=nama,
                pangkat=ctx.text(row, "pangkat"),
                nip=nip or "",
                peran=peran,
            )
        )
    return tuple(people)


@dataclass(frozen=True, slots=True)
class RealisasiRow:
    """A row of a realisasi-only table, to be matched to an indicator."""

    row: int
    kode: str
    uraian: str
    target_tw: PerTriwulan
    realisasi: PerTriwulan
    sel: tuple[Sel, ...] = ()


_REALISASI_CELL_KEYS = (
    "tw1", "tw2", "tw3", "tw4", "target_tw1", "target_tw2", "target_tw3", "target_tw4",
)  # fmt: skip


def read_realisasi_table(ctx: TableContext) -> tuple[RealisasiRow, ...]:
    rows: list[RealisasiRow] = []
    for row in ctx.grid.iter_rows(ctx.layout.first_row, ctx.layout.last_row):
        kode = ctx.text(row, "kode")
        uraian = ctx.text(row, "indikator")
        if not (kode or uraian):
            continue
        rows.append(
            RealisasiRow(
                row=row,
                kode=kode,
                uraian=uraian,
                target_tw=PerTriwulan(*(ctx.number(row, f"target_tw{i}") for i in (1, 2, 3, 4))),
                realisasi=PerTriwulan(*(ctx.number(row, f"tw{i}") for i in (1, 2, 3, 4))),
                sel=ctx.cells_of(row, _REALISASI_CELL_KEYS),
            )
        )
    return tuple(rows)
