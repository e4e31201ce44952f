"""Reading workbooks: the only module that opens a workbook for reading.

``read_workbook(path)`` finds every table it understands on every sheet, reads them into one
``Dokumen`` and returns it with the problems met and the layout detected. A file that cannot be
read at all raises ``IkuFileError``; everything else becomes a located ``Problem``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from iku_excel.detect.columns import IDENTITAS_FIELDS
from iku_excel.detect.layout import Jenis, TableLayout, find_tables
from iku_excel.errors import IkuFileError, Problem, Severity
from iku_excel.grid import Grid, cell_name
from iku_excel.model import (
    Dokumen,
    Identitas,
    Indikator,
    Penandatangan,
    Sasaran,
    TargetSasaran,
)
from iku_excel.read.surroundings import identitas_from, read_surroundings
from iku_excel.read.tables import (
    RealisasiRow,
    TableContext,
    data_end,
    read_indikator_table,
    read_penandatangan_table,
    read_program_table,
    read_realisasi_table,
    read_target_table,
)
from iku_excel.text import normalize_header, normalize_text
from iku_excel.values import clean_text, is_empty, parse_number, parse_tanggal
from iku_excel.xlsx.read import load_grids
from iku_excel.xlsx.workbook import WorkbookFile


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a workbook says: the document, the problems met, and the tables found."""

    dokumen: Dokumen
    problems: tuple[Problem, ...]
    layout: tuple[TableLayout, ...]
    file: str = ""

    @property
    def sheet(self) -> str | None:
        """The sheet of the main IKU or pengukuran table."""
        for jenis in (Jenis.PENGUKURAN, Jenis.IKU, Jenis.PK, Jenis.TARGET):
            for table in self.layout:
                if table.jenis is jenis:
                    return table.sheet
        return None

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def read_workbook(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    data: bytes | None = None,
    book: WorkbookFile | None = None,
) -> ReadResult:
    """Read every table iku_excel understands in the workbook at ``path``.

    ``sheet`` limits detection to one sheet and ``header_row`` (1-based) fixes where its header
    starts: both win over detection. ``data``: the file's bytes, or ``book``: the file already
    opened, when the caller has them (``path`` then only names it)."""
    path = Path(path)
    grids = load_grids(path, sheet=sheet, data=data, book=book)
    return read_grids(grids, file=path.name, header_row=header_row)


def read_grids(grids: list[Grid], *, file: str = "", header_row: int | None = None) -> ReadResult:
    """The pure part of ``read_workbook``: grids in, document out."""
    problems: list[Problem] = []
    layouts: list[TableLayout] = []
    builder = _DokumenBuilder()
    for grid in grids:
        if _is_identitas_sheet(grid):
            builder.identitas = _read_identitas(grid, builder.identitas, file, problems)
            continue
        tables = [
            replace(t, last_row=data_end(grid, t)) for t in find_tables(grid, header_row=header_row)
        ]
        for table in tables:
            layouts.append(table)
            ctx = TableContext(grid, table, file=file)
            builder.add(table, ctx)
            problems.extend(ctx.problems)
        if tables and any(t.jenis not in _CANONICAL_ONLY for t in tables):
            around = read_surroundings(grid, tables, file)
            builder.identitas = identitas_from(around.identitas, builder.identitas)
            builder.found_signers.extend(around.penandatangan)
            problems.extend(around.problems)
    if not layouts:
        raise IkuFileError(
            "tidak ditemukan tabel IKU, target, atau pengukuran; pastikan judul kolom seperti "
            "NO, SASARAN, INDIKATOR, SATUAN, TARGET ada di satu baris, atau pilih sheet dan "
            "baris judul dengan --sheet dan --header-row",
            file,
        )
    dokumen, merge_problems = builder.build(file)
    problems.extend(merge_problems)
    return ReadResult(dokumen, tuple(problems), tuple(layouts), file)


@dataclass
class _DokumenBuilder:
    identitas: Identitas = field(default_factory=Identitas)
    sasaran: tuple[Sasaran, ...] = ()
    extra_sasaran: list[tuple[Sasaran, ...]] = field(default_factory=list)
    target_anggaran: list[Any] = field(default_factory=list)
    programs: list[Any] = field(default_factory=list)
    penandatangan: list[Any] = field(default_factory=list)
    found_signers: list[Penandatangan] = field(default_factory=list)
    realisasi: list[tuple[RealisasiRow, TableContext]] = field(default_factory=list)

    def add(self, table: TableLayout, ctx: TableContext) -> None:
        if table.jenis in (Jenis.IKU, Jenis.PENGUKURAN, Jenis.PK):
            found = read_indikator_table(ctx)
            if not self.sasaran:
                self.sasaran = found
            else:
                self.extra_sasaran.append(found)
        elif table.jenis is Jenis.TARGET:
            self.target_anggaran.extend(read_target_table(ctx))
        elif table.jenis is Jenis.PROGRAM:
            self.programs.extend(read_program_table(ctx))
        elif table.jenis is Jenis.PENANDATANGAN:
            self.penandatangan.extend(read_penandatangan_table(ctx))
        elif table.jenis is Jenis.REALISASI:
            self.realisasi.extend((row, ctx) for row in read_realisasi_table(ctx))

    def _loose_programs(self) -> tuple[TargetSasaran, ...]:
        """Programs of a PROGRAM | ANGGARAN table (PK) belong to no target-table sasaran."""
        if not self.programs:
            return ()
        return (TargetSasaran(no="", uraian="", program=tuple(self.programs)),)

    def build(self, file: str) -> tuple[Dokumen, list[Problem]]:
        problems: list[Problem] = []
        sasaran = self.sasaran
        for more in self.extra_sasaran:
            sasaran = _merge_sasaran(sasaran, more)
        sasaran = _apply_realisasi(sasaran, self.realisasi, problems)
        dokumen = Dokumen(
            identitas=self.identitas,
            # A Penandatangan sheet says it explicitly; else the blocks found beside tables.
            penandatangan=tuple(self.penandatangan or _unique(self.found_signers)),
            sasaran=sasaran,
            target_anggaran=tuple(self.target_anggaran) + self._loose_programs(),
        )
        return dokumen, problems


_CANONICAL_ONLY = (Jenis.PENANDATANGAN, Jenis.REALISASI)


def _unique(signers: list[Penandatangan]) -> list[Penandatangan]:
    """The same official signs every table of a workbook: keep each person once."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for signer in signers:
        key = (signer.nip or signer.nama.lower(), signer.peran.value)
        if key not in seen:
            seen.add(key)
            unique.append(signer)
    return unique


def _indikator_key(ind: Indikator) -> str:
    return normalize_text(ind.uraian)


def _merge_sasaran(base: tuple[Sasaran, ...], more: tuple[Sasaran, ...]) -> tuple[Sasaran, ...]:
    """Fill what ``base`` lacks (targets, realisasi, capaian) from the same indicators in
    another table (an IKU table and a pengukuran table of the same workbook)."""
    found = {_indikator_key(i): i for s in more for i in s.indikator}
    merged: list[Sasaran] = []
    for s in base:
        items = []
        for ind in s.indikator:
            other = found.get(_indikator_key(ind))
            items.append(_fill_missing(ind, other) if other else ind)
        merged.append(replace(s, indikator=tuple(items)))
    return tuple(merged)


def _fill_missing(ind: Indikator, other: Indikator) -> Indikator:
    changes: dict[str, object] = {}
    for name in (
        "satuan", "kode", "alasan", "formulasi", "sumber_data", "keterangan", "polaritas",
        "akumulasi", "target", "realisasi_tahun", "capaian", "predikat",
    ):  # fmt: skip
        if getattr(ind, name) in (None, "") and getattr(other, name) not in (None, ""):
            changes[name] = getattr(other, name)
    if ind.realisasi.is_empty and not other.realisasi.is_empty:
        changes["realisasi"] = other.realisasi
    if ind.target_tw.is_empty and not other.target_tw.is_empty:
        changes["target_tw"] = other.target_tw
    known = {s.key for s in ind.sel}
    changes["sel"] = (*ind.sel, *(s for s in other.sel if s.key not in known))
    return replace(ind, **changes)  # type: ignore[arg-type]


def _apply_realisasi(
    sasaran: tuple[Sasaran, ...],
    rows: list[tuple[RealisasiRow, TableContext]],
    problems: list[Problem],
) -> tuple[Sasaran, ...]:
    """Put each realisasi row on its indicator: by KODE, else by the indicator's text."""
    by_kode = {i.kode: i for s in sasaran for i in s.indikator if i.kode}
    by_text = {_indikator_key(i): i for s in sasaran for i in s.indikator}
    updates: dict[int, Indikator] = {}
    for row, ctx in rows:
        target = by_kode.get(row.kode) if row.kode else None
        if target is None and row.uraian:
            target = by_text.get(normalize_text(row.uraian))
        if target is None:
            problems.append(
                Problem(
                    "realisasi-tanpa-indikator",
                    f"realisasi untuk '{row.kode or row.uraian}' tidak cocok dengan indikator "
                    "mana pun di sheet IKU; samakan KODE atau uraian indikatornya",
                ).at(file=ctx.file, sheet=ctx.grid.sheet, cell=ctx.where(row.row, "indikator"))
            )
            continue
        updates[id(target)] = replace(
            target,
            realisasi=row.realisasi,
            target_tw=row.target_tw,
            sel=(*target.sel, *(s for s in row.sel if s.key != "row")),
        )
    return tuple(
        replace(s, indikator=tuple(updates.get(id(i), i) for i in s.indikator)) for s in sasaran
    )


_IDENTITAS_LABELS = {normalize_header(label): key for key, label, _ in IDENTITAS_FIELDS}


def _is_identitas_sheet(grid: Grid) -> bool:
    labels = {normalize_header(v) for r in grid.iter_rows(1, 40) if (v := grid.value(r, 1))}
    return len(labels & set(_IDENTITAS_LABELS)) >= 3


def _read_identitas(grid: Grid, base: Identitas, file: str, problems: list[Problem]) -> Identitas:
    """The template's Identitas sheet: label in column A, value in B. A year that is not one
    and a date cell that is not a date are reported; a date cell is written as documents
    write it ("7 Januari 2022"), text is kept as typed ("Januari 2020")."""
    values: dict[str, object] = {}
    for row in grid.iter_rows(1, 40):
        label = grid.value(row, 1)
        key = _IDENTITAS_LABELS.get(normalize_header(label)) if label is not None else None
        raw = grid.value(row, 2)
        if key is None or is_empty(raw):
            continue
        here = {"file": file, "sheet": grid.sheet, "cell": cell_name(row, 2)}
        if key == "tahun":
            year = parse_number(raw).value
            if year is None or year != year.to_integral_value() or not 1900 <= year <= 2100:
                problems.append(
                    Problem(
                        "tahun-tidak-valid",
                        f"tahun '{clean_text(raw)}' bukan tahun empat angka; isi mis. 2025",
                    ).at(**here)
                )
                continue
            values[key] = int(year)
        elif key in ("sk_tanggal", "tanggal") and not isinstance(raw, str):
            parsed = parse_tanggal(raw)
            problems.extend(p.at(**here) for p in parsed.problems)
            if parsed.value is not None:
                values[key] = parsed.value.format()
        else:
            values[key] = clean_text(raw)
    return replace(base, **values)  # type: ignore[arg-type]


__all__ = ["ReadResult", "read_grids", "read_workbook"]
