"""``iku isi``: fill realisasi into staff's own workbooks without losing anything, in batch.

``fill_workbook`` writes the realisasi of each matched indicator into the workbook's own TW
cells (found by the reader), then the year realisasi, capaian and predikat as ``iku hitung``
does, by patching only those cells (``xlsx.patch``): every other part of the file stays
byte-identical. ``fill_batch`` runs it over many files, each isolated, in one or more processes,
with the same results whatever the number of processes.

In place (``in_place=True``) a workbook is replaced atomically, after its original has been
copied to the hidden folder ``.iku_cadangan`` beside it (which no later run takes for a source);
a kill at any moment leaves every workbook either its old or its new whole self, and a rerun
finishes the job: cells already holding the wanted values are not rewritten.
"""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from iku_excel.calc import Aturan, compute_dokumen
from iku_excel.errors import IkuError, IkuFileError, Problem, Severity
from iku_excel.fileio import describe_os_error, write_bytes_atomic
from iku_excel.fill.calculated import plan_hitung
from iku_excel.fill.realisasi import BarisRealisasi, match_rows
from iku_excel.grid import cell_name
from iku_excel.model import Dokumen, Indikator, PerTriwulan, Sel
from iku_excel.read.workbook import ReadResult, read_workbook
from iku_excel.values import plain_number
from iku_excel.xlsx.patch import CellChange, CellWrite, Workbook, one_per_cell, patch_workbook
from iku_excel.xlsx.workbook import WorkbookFile

BACKUP_DIR = ".iku_cadangan"
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class HasilIsi:
    """What happened to one workbook."""

    source: Path
    output: Path | None = None
    changes: list[CellChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: str = ""  # the one-line reason when the file could not be processed
    written: bool = False

    @property
    def has_problems(self) -> bool:
        return any(p.severity is not Severity.INFO for p in self.problems)


# --- one workbook ---------------------------------------------------------------------------


def _with_realisasi(ind: Indikator, nilai: dict[int, Decimal]) -> Indikator:
    values = list(ind.realisasi.values)
    for tw, value in nilai.items():
        values[tw - 1] = value
    # The filled cells now hold numbers: formulas may read them (fractions stay fractions).
    sels = tuple(
        replace(s, bentuk="angka")
        if s.key in {f"tw{tw}" for tw in nilai} and s.bentuk in ("kosong", "teks")
        else s
        for s in ind.sel
    )
    return replace(ind, realisasi=PerTriwulan(*values), sel=sels)


def _tw_writes(
    ind: Indikator, nilai: dict[int, Decimal], problems: list[Problem]
) -> list[tuple[Sel, Decimal]]:
    writes = []
    for tw, value in sorted(nilai.items()):
        sel = ind.sel_of(f"tw{tw}")
        if sel is None:
            problems.append(
                Problem(
                    "kolom-tw-tidak-ada",
                    f"workbook tidak punya kolom realisasi TW {tw} untuk indikator "
                    f"'{ind.uraian}'; nilai {value} tidak ditulis",
                    Severity.WARNING,
                )
            )
            continue
        writes.append((sel, value / 100 if sel.bentuk == "pecahan" else value))
    return writes


def _updated_dokumen(dokumen: Dokumen, updates: dict[int, Indikator]) -> Dokumen:
    sasaran = tuple(
        replace(s, indikator=tuple(updates.get(id(i), i) for i in s.indikator))
        for s in dokumen.sasaran
    )
    return replace(dokumen, sasaran=sasaran)


def plan_fill(
    result: ReadResult, rows: Sequence[BarisRealisasi], *, file_name: str, source: str,
    aturan: Aturan,
) -> tuple[dict[str, list[CellWrite]], list[Problem]]:  # fmt: skip
    """Cell writes per sheet for one workbook: the TW values, then the computed columns."""
    matches, problems = match_rows(
        rows,
        result.dokumen.indikator,
        file_name=file_name,
        instansi=result.dokumen.identitas.instansi,
        source=source,
    )
    writes: dict[str, list[CellWrite]] = {}
    updates: dict[int, Indikator] = {}
    for match in matches:
        ind = match.indikator
        for sel, value in _tw_writes(ind, match.row.nilai, problems):
            writes.setdefault(sel.sheet, []).append(CellWrite(cell_name(sel.row, sel.col), value))
        updates[id(ind)] = _with_realisasi(updates.get(id(ind), ind), match.row.nilai)
    if not updates:
        return writes, problems
    dokumen = _updated_dokumen(result.dokumen, updates)
    hasil = compute_dokumen(dokumen, aturan)
    plan = plan_hitung(replace(result, dokumen=dokumen), hasil, aturan, add_columns=False)
    if plan is not None:
        writes.setdefault(plan.sheet, []).extend(plan.writes)
        problems.extend(plan.problems)
    problems.extend(p for p in hasil.problems if p.severity is not Severity.INFO)
    return writes, problems


def fill_workbook(
    src: Path,
    dst: Path | None,
    rows: Sequence[BarisRealisasi],
    *,
    source: str = "realisasi",
    aturan: Aturan | None = None,
    overwrite: bool = False,
    backup: bool = True,
) -> HasilIsi:
    """Fill ``rows`` into the workbook ``src`` and write it to ``dst`` (None: a dry run, nothing
    written). ``dst == src`` edits in place, keeping a backup unless ``backup`` is False."""
    src = Path(src)
    outcome = HasilIsi(src, dst)
    book = WorkbookFile.open(src)  # read once: by the reader, then by the patcher
    original = book.data
    result = read_workbook(src, book=book)
    outcome.problems.extend(result.problems)
    writes, problems = plan_fill(
        result, rows, file_name=src.name, source=source, aturan=aturan or Aturan()
    )
    outcome.problems.extend(p.at(file=src.name) if p.file is None else p for p in problems)
    data = original
    current: Workbook = book  # the reader's read, until a first sheet is patched
    for sheet, sheet_writes in writes.items():
        data, changes, patch_problems = patch_workbook(current, sheet, one_per_cell(sheet_writes))
        current = data
        outcome.changes.extend(changes)
        outcome.problems.extend(p.at(file=src.name) for p in patch_problems)
    if dst is None:
        return outcome
    in_place = dst.exists() and dst.resolve() == src.resolve()
    if in_place:
        if data is original or data == original:
            return outcome  # nothing changed: the file is not touched
        if backup:
            _backup(src, original)
        write_bytes_atomic(src, data, overwrite=True)
    else:
        write_bytes_atomic(dst, data, overwrite=overwrite)
    outcome.written = True
    return outcome


def _backup(src: Path, data: bytes) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = src.parent / BACKUP_DIR / f"{src.stem}.{stamp}{src.suffix}"
    write_bytes_atomic(target, data)
    return target


# --- many workbooks -------------------------------------------------------------------------


def _skipped(path: Path) -> bool:
    """Excel's lock files (~$data.xlsx), hidden files and folders, our backups."""
    return any(part.startswith((".", "~$")) for part in path.parts if part not in (".", ".."))


def expand_sources(arguments: Iterable[str]) -> tuple[list[tuple[Path, Path]], list[str]]:
    """Files, folders (recursively) and globs -> (workbook, path relative to its argument),
    sorted and without duplicates; plus the arguments that matched nothing."""
    found: dict[Path, Path] = {}
    unmatched: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            hits = [(p, p.relative_to(path)) for p in sorted(path.rglob("*"))
                    if p.is_file() and not _skipped(p.relative_to(path))]  # fmt: skip
        elif path.is_file():
            hits = [(path, Path(path.name))]
        else:
            hits = [(Path(p), Path(Path(p).name)) for p in sorted(glob.glob(argument))
                    if Path(p).is_file() and not _skipped(Path(Path(p).name))]  # fmt: skip
        hits = [(p, rel) for p, rel in hits if p.suffix.lower() in EXCEL_SUFFIXES]
        if not hits:
            unmatched.append(argument)
        for p, rel in hits:
            found.setdefault(p.resolve(), rel)
    return sorted(((p, rel) for p, rel in found.items()), key=lambda item: str(item[0])), unmatched


LEGACY_KINDS = {
    ".xls": "berkas Excel lama (.xls)",
    ".xlt": "templat Excel lama (.xlt)",
    ".ods": "berkas LibreOffice (.ods)",
    ".et": "berkas WPS (.et)",
}
_GLOB_CHARS = frozenset("*?[")


def explain_unmatched(argument: str) -> str:
    """Why an argument gave no workbook, in the user's words (one clause, no path)."""
    path = Path(argument)
    if path.is_dir():
        return "folder ini tidak memuat berkas .xlsx"
    if path.is_file():
        kind = LEGACY_KINDS.get(path.suffix.lower())
        if kind:
            return f"{kind}, buka di Excel atau LibreOffice lalu simpan sebagai .xlsx"
        return "bukan workbook .xlsx atau .xlsm"
    if _GLOB_CHARS & set(argument):
        return "pola ini tidak cocok dengan berkas .xlsx mana pun"
    return "berkas atau folder tidak ditemukan; periksa ejaan dan lokasinya"


@dataclass(frozen=True)
class Tugas:
    """One file's job, picklable for a worker process."""

    source: Path
    output: Path | None
    rows: tuple[BarisRealisasi, ...]
    source_name: str
    aturan: Aturan
    overwrite: bool
    backup: bool


def run_tugas(tugas: Tugas) -> HasilIsi:
    """One file, isolated: every failure becomes a result, never an exception."""
    try:
        return fill_workbook(
            tugas.source,
            tugas.output,
            tugas.rows,
            source=tugas.source_name,
            aturan=tugas.aturan,
            overwrite=tugas.overwrite,
            backup=tugas.backup,
        )
    except IkuFileError as exc:
        # The summary line names the source already; repeat a path only if it is another file.
        same = exc.path is not None and Path(str(exc.path)) == tugas.source
        return HasilIsi(tugas.source, tugas.output, failed=exc.message if same else str(exc))
    except IkuError as exc:
        return HasilIsi(tugas.source, tugas.output, failed=str(exc))
    except OSError as exc:
        return HasilIsi(tugas.source, tugas.output, failed=describe_os_error(exc, "memproses"))
    except Exception as exc:  # one bad file never stops the batch
        return HasilIsi(
            tugas.source, tugas.output, failed=f"kesalahan tak terduga: {type(exc).__name__}: {exc}"
        )


def fill_batch(
    tasks: Sequence[Tugas],
    *,
    jobs: int = 1,
    on_done: Callable[[HasilIsi], None] | None = None,
) -> list[HasilIsi]:
    """Every task, in ``jobs`` processes; results in the order of ``tasks``."""
    if jobs <= 1 or len(tasks) <= 1:
        results = []
        for task in tasks:
            results.append(run_tugas(task))
            if on_done:
                on_done(results[-1])
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = []
        for result in pool.map(run_tugas, tasks, chunksize=max(1, len(tasks) // (jobs * 8))):
            results.append(result)
            if on_done:
                on_done(result)
        return results


def receipt_rows(results: Sequence[HasilIsi]) -> list[dict[str, str]]:
    """Every cell changed, with its old and new value: the receipt of a batch."""
    rows = []
    for result in results:
        for change in result.changes:
            rows.append(
                {
                    "berkas": str(result.source),
                    "sheet": change.sheet,
                    "sel": change.ref,
                    "lama": _shown(change.old),
                    "baru": _shown(change.new),
                    "rumus": change.new_formula or "",
                }
            )
    return rows


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_number(value)
    return str(value)


__all__ = [
    "HasilIsi",
    "Tugas",
    "expand_sources",
    "fill_batch",
    "fill_workbook",
    "plan_fill",
    "receipt_rows",
    "run_tugas",
]
