"""``iku hitung``: compute and write the results into a copy of the user's own workbook.

For each indicator row of the main table (pengukuran, IKU or PK) the year's realisasi, the
capaian and the predikat go into the table's own REALISASI, CAPAIAN and PREDIKAT cells, or into
columns added right of the table when it has none. Each is an Excel formula that mirrors the
calculator's method and carries the computed value, so every reader shows the number and a
spreadsheet recomputes the same. Cells are patched in place (``xlsx.patch``): nothing else of the
workbook changes, and the source file is never written.

Units: a cell that holds a percentage as a fraction (0.6 shown as 60%) is read in formulas as
``IF(ISNUMBER(E9),E9*100,"")``; a value typed as text ("60%") cannot be used by a formula, so its
number is written into the formula as a constant, and an INFO problem says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from iku_excel.calc import Aturan, HasilDokumen, HasilIndikator, compute_dokumen
from iku_excel.calc.formulas import (
    capaian_expr,
    fraction_from_percent_expr,
    number_literal,
    percent_from_fraction_expr,
    predikat_formula,
    realisasi_formula,
)
from iku_excel.detect.layout import Jenis, TableLayout
from iku_excel.errors import IkuFileError, Problem, Severity
from iku_excel.fileio import write_bytes_atomic
from iku_excel.grid import cell_name
from iku_excel.model import Indikator, Rentang, Sel
from iku_excel.read.workbook import ReadResult, read_workbook
from iku_excel.xlsx.patch import CellChange, CellWrite, one_per_cell, patch_workbook
from iku_excel.xlsx.workbook import WorkbookFile

NEW_HEADERS = {"realisasi": "REALISASI TAHUN", "capaian": "CAPAIAN (%)", "predikat": "PREDIKAT"}
_MAIN_TABLES = (Jenis.PENGUKURAN, Jenis.IKU, Jenis.PK)


@dataclass
class HasilHitung:
    """What ``hitung_workbook`` did: the computation, the cells written, the problems."""

    hasil: HasilDokumen
    sheet: str | None
    changes: list[CellChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _main_table(result: ReadResult) -> TableLayout | None:
    for jenis in _MAIN_TABLES:
        for table in result.layout:
            if table.jenis is jenis:
                return table
    return None


def _ref(sel: Sel, sheet: str) -> str:
    """A cell reference for a formula on ``sheet``; other sheets are named."""
    name = cell_name(sel.row, sel.col)
    if sel.sheet == sheet:
        return name
    return "'" + sel.sheet.replace("'", "''") + "'!" + name


@dataclass
class _Plan:
    sheet: str
    table: TableLayout
    aturan: Aturan
    add_columns: bool = True
    writes: list[CellWrite] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    new_columns: dict[str, int] = field(default_factory=dict)

    def column(self, key: str) -> int | None:
        """The table's own column for ``key``, or one added right of the table (None when
        columns may not be added)."""
        if key in self.table.columns:
            return self.table.columns[key]
        if not self.add_columns:
            return None
        if key not in self.new_columns:
            right = max([*self.table.columns.values(), *self.new_columns.values()])
            self.new_columns[key] = right + 1
        return self.new_columns[key]

    def style_source(self, row: int) -> str:
        """New cells take the look of the table's last column on the same row."""
        return cell_name(row, max(self.table.columns.values()))

    def constant_used(self, ind: Indikator, what: str, row: int, col: int) -> None:
        self.problems.append(
            Problem(
                "rumus-angka-tetap",
                f"{what} indikator '{ind.uraian}' diketik sebagai teks; rumus memakai angkanya "
                "sebagai nilai tetap. Ketik ulang sel itu sebagai angka agar rumus mengikutinya",
                Severity.INFO,
            ).at(sheet=self.sheet, cell=cell_name(row, col))
        )


def _term(plan: _Plan, ind: Indikator, key: str, value: Decimal | None) -> str | None:
    """How a formula reads an input value: its cell, scaled when a fraction, or a constant."""
    sel = ind.sel_of(key)
    if sel is None:
        return None if value is None else number_literal(value)
    ref = _ref(sel, plan.sheet)
    if sel.bentuk == "pecahan":
        return percent_from_fraction_expr(ref)
    if sel.bentuk == "teks" and value is not None:
        plan.constant_used(ind, key, sel.row, sel.col)
        return number_literal(value)
    return ref


def _target_terms(plan: _Plan, ind: Indikator) -> tuple[str | None, str | None]:
    target = ind.target
    if isinstance(target, Rentang):
        return number_literal(target.bawah), number_literal(target.atas)
    return _term(plan, ind, "target", target), None


def _tw_refs(plan: _Plan, ind: Indikator) -> tuple[list[str], bool]:
    """The TW inputs of an accumulation, and whether they are fractions (0.6 shown as 60%).
    Cells are referenced as they are when all hold plain numbers, or all fractions; in a mix,
    or typed as text, a value is written into the formula as a constant (SUM cannot take the
    "" of a scaling expression)."""
    sels = [ind.sel_of(f"tw{i}") for i in (1, 2, 3, 4)]
    present = [s for s in sels if s is not None]
    if present and all(s.bentuk == "pecahan" for s in present):
        return [_ref(s, plan.sheet) for s in present], True
    refs = []
    for i, sel in enumerate(sels, start=1):
        value = ind.realisasi.values[i - 1]
        if sel is not None and sel.bentuk in ("angka", "kosong"):
            refs.append(_ref(sel, plan.sheet))
        elif value is not None:
            refs.append(number_literal(value))
            if sel is not None and sel.bentuk == "teks":
                plan.constant_used(ind, f"realisasi TW {i}", sel.row, sel.col)
    return refs, False


def _realisasi_term(plan: _Plan, hasil: HasilIndikator, row: int) -> str | None:
    """The year's realisasi for the capaian formula: the table's own value when it has one;
    else the accumulation of the TW cells, written into the table's (or a new) REALISASI
    column, or, where no column may be added, inside the capaian formula itself."""
    ind = hasil.indikator
    own = ind.sel_of("realisasi")
    if own is not None and own.bentuk != "kosong":
        return _term(plan, ind, "realisasi", ind.realisasi_tahun)
    if all(ind.sel_of(f"tw{i}") is None for i in (1, 2, 3, 4)):
        return None  # nothing to accumulate: no realisasi in this workbook
    refs, fractions = _tw_refs(plan, ind)
    if not refs:
        return None
    formula = realisasi_formula(hasil.akumulasi, refs)
    col = plan.column("realisasi")
    if col is None:
        expression = formula.removeprefix("=")
        return percent_from_fraction_expr(f"({expression})") if fractions else expression
    # The year value is written the way its TW cells are (fractions stay fractions).
    value = hasil.realisasi_tahun
    written = value / 100 if fractions and value is not None else value
    plan.writes.append(_write(plan, row, col, written, formula))
    return percent_from_fraction_expr(cell_name(row, col)) if fractions else cell_name(row, col)


def _write(plan: _Plan, row: int, col: int, value: object, formula: str) -> CellWrite:
    return CellWrite(
        ref=cell_name(row, col),
        value=value if value is not None else "",  # type: ignore[arg-type]
        formula=formula.removeprefix("="),
        style_from=plan.style_source(row),
    )


def _capaian_is_fraction(hasil: HasilDokumen) -> bool:
    sels = [i.indikator.sel_of("capaian") for i in hasil.indikator]
    return any(s is not None and s.bentuk == "pecahan" for s in sels)


def _plan_indikator(plan: _Plan, hasil: HasilIndikator, capaian_fraction: bool) -> None:
    ind = hasil.indikator
    row_sel = ind.sel_of("row")
    if row_sel is None or row_sel.sheet != plan.sheet:
        return
    row = row_sel.row
    target, target_atas = _target_terms(plan, ind)
    realisasi = _realisasi_term(plan, hasil, row)
    if target is None or realisasi is None or hasil.metode.is_rentang != (target_atas is not None):
        return  # nothing to compute, or no formula gives the calculator's answer
    expr = capaian_expr(
        hasil.metode,
        target,
        realisasi,
        target_atas=target_atas,
        batas_atas=hasil.aturan.batas_atas,
        realisasi_nol=hasil.aturan.realisasi_nol_negatif,
    )
    capaian_col = plan.column("capaian")
    if capaian_col is None:
        return
    capaian_ref = cell_name(row, capaian_col)
    value: Decimal | None = hasil.capaian
    if capaian_fraction:  # a % formatted CAPAIAN column holds fractions
        expr = fraction_from_percent_expr(expr)
        value = None if value is None else value / 100
        capaian_term = percent_from_fraction_expr(capaian_ref)
    else:
        capaian_term = capaian_ref
    plan.writes.append(_write(plan, row, capaian_col, value, "=" + expr))
    predikat_col = plan.column("predikat")
    if predikat_col is not None:
        predikat = predikat_formula(plan.aturan.skala_predikat, capaian_term)
        plan.writes.append(_write(plan, row, predikat_col, hasil.predikat, predikat))


def _plan_headers(plan: _Plan) -> None:
    last_header = cell_name(plan.table.header_row, max(plan.table.columns.values()))
    for key, col in plan.new_columns.items():
        plan.writes.append(
            CellWrite(
                ref=cell_name(plan.table.header_row, col),
                value=NEW_HEADERS[key],
                style_from=last_header,
            )
        )


def plan_hitung(
    result: ReadResult, hasil: HasilDokumen, aturan: Aturan, *, add_columns: bool = True
) -> _Plan | None:
    """The cells to write into the main table's sheet, or None when there is no such table.
    ``add_columns``: add REALISASI/CAPAIAN/PREDIKAT columns right of a table that lacks them
    (``iku hitung``); ``iku isi`` writes only into cells the workbook already has."""
    table = _main_table(result)
    if table is None:
        return None
    plan = _Plan(table.sheet, table, aturan, add_columns)
    fraction = _capaian_is_fraction(hasil)
    for hasil_indikator in hasil.indikator:
        _plan_indikator(plan, hasil_indikator, fraction)
    _plan_headers(plan)
    return plan


def hitung_workbook(
    src: Path, dst: Path, *, aturan: Aturan | None = None, overwrite: bool = False
) -> HasilHitung:
    """Read ``src``, compute, and write ``dst``: a copy of ``src`` with the results in place.
    ``src`` is never written."""
    aturan = aturan or Aturan()
    src, dst = Path(src), Path(dst)
    if dst.exists() and src.exists() and dst.resolve() == src.resolve():
        raise IkuFileError(
            "berkas keluaran sama dengan berkas masukan; pilih nama lain dengan -o", dst
        )
    book = WorkbookFile.open(src)  # read once: by the reader, then by the patcher
    data = book.data
    result = read_workbook(src, book=book)
    hasil = compute_dokumen(result.dokumen, aturan)
    outcome = HasilHitung(hasil, None, problems=[*result.problems, *hasil.problems])
    plan = plan_hitung(result, hasil, aturan)
    if plan is None or not plan.writes:
        outcome.problems.append(
            Problem(
                "tidak-ada-yang-dihitung",
                (
                    "tidak ditemukan tabel IKU, PK, atau pengukuran dengan kolom TARGET untuk "
                    "dihitung; periksa judul kolomnya (NO, INDIKATOR, TARGET, TW I..TW IV)"
                    if plan is None
                    else "tidak ada baris indikator dengan target dan realisasi untuk dihitung; "
                    "isi kolom TARGET dan realisasi TW lalu ulangi"
                )
                + "; berkas keluaran sama dengan masukan",
                Severity.WARNING,
                file=src.name,
            )
        )
        write_bytes_atomic(dst, data, overwrite=overwrite)
        return outcome
    new_data, changes, problems = patch_workbook(book, plan.sheet, one_per_cell(plan.writes))
    write_bytes_atomic(dst, new_data, overwrite=overwrite)
    outcome.sheet = plan.sheet
    outcome.changes = changes
    outcome.problems.extend(p.at(file=src.name) for p in [*plan.problems, *problems])
    return outcome
