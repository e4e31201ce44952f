"""Many files at once: which files, where their results go, the report and its exit code.

As black's report does, ``BatchReport`` counts what was done, what had problems and what failed,
and owns the exit code: 0 all done cleanly, 1 some file had problems or failed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iku_excel.calc import Aturan
from iku_excel.errors import IkuInputError, Problem, Severity
from iku_excel.fileio import write_bytes_atomic
from iku_excel.fill.realisasi import SumberRealisasi
from iku_excel.fill.workbook import (
    HasilIsi,
    Tugas,
    expand_sources,
    explain_unmatched,
    receipt_rows,
)

RECEIPT_FIELDS = ("berkas", "sheet", "sel", "lama", "baru", "rumus")


@dataclass
class BatchReport:
    """What a batch met before and while running."""

    sumber_problems: list[Problem] = field(default_factory=list)
    unmatched_sources: list[str] = field(default_factory=list)

    def exit_code(self, results: Sequence[HasilIsi]) -> int:
        bad = any(r.failed or r.has_problems for r in results)
        bad |= bool(self.unmatched_sources) or any(
            p.severity is not Severity.INFO for p in self.sumber_problems
        )
        return 1 if bad else 0

    def lines(self, results: Sequence[HasilIsi]) -> list[str]:
        """The summary printed at the end, problems first."""
        out: list[str] = []
        for problem in self.sumber_problems:
            place = " ".join(x for x in (problem.file, problem.cell) if x)
            out.append(f"  {problem.line(place)}")
        for argument in self.unmatched_sources:
            out.append(f"  [GALAT] {argument}: {explain_unmatched(argument)}")
        for result in results:
            if result.failed:
                out.append(f"  [gagal] {result.source}: {result.failed}")
                continue
            for p in result.problems:
                if p.severity is Severity.INFO:
                    continue
                place = " ".join(x for x in (result.source.name, p.location) if x)
                out.append(f"  {p.line(place)}")
        done = sum(1 for r in results if not r.failed)
        with_problems = sum(1 for r in results if not r.failed and r.has_problems)
        failed = sum(1 for r in results if r.failed)
        cells = sum(len(r.changes) for r in results)
        out.append(
            f"Selesai: {done} berkas ({with_problems} dengan masalah), gagal: {failed}, "
            f"sel diubah: {cells}"
        )
        return out


def plan_isi(
    arguments: Sequence[str],
    sumber: SumberRealisasi,
    *,
    output: Path | None,
    in_place: bool,
    backup: bool,
    aturan: Aturan,
    overwrite: bool,
) -> tuple[list[Tugas], BatchReport]:
    """One task per workbook found; outputs mirror the sources' folders under ``output``."""
    found, unmatched = expand_sources(arguments)
    report = BatchReport(list(sumber.problems), unmatched)
    tasks: list[Tugas] = []
    taken: dict[Path, Path] = {}
    rows = sumber.rows
    for source, relative in found:
        if output is not None:
            target: Path | None = output / relative
            assert target is not None
            if target.resolve() == source.resolve():
                raise IkuInputError(f"{source}: folder hasil sama dengan folder asal; pilih lain")
            if target in taken:
                raise IkuInputError(
                    f"{source} dan {taken[target]} akan ditulis ke {target}; beri folder yang "
                    "berbeda"
                )
            taken[target] = source
        elif in_place:
            target = source
        else:
            target = None  # dry run
        tasks.append(Tugas(source, target, rows, sumber.file, aturan, overwrite, backup))
    return tasks, report


def _fresh_receipt_path(folder: Path) -> Path:
    """tanda_terima_isi_<time>.csv, numbered when two runs fall in the same second."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"tanda_terima_isi_{stamp}.csv"
    n = 2
    while path.exists():
        path = folder / f"tanda_terima_isi_{stamp}-{n}.csv"
        n += 1
    return path


def write_receipt(
    results: Sequence[HasilIsi], path: Path | None, output: Path | None, *, overwrite: bool
) -> Path:
    """The receipt: every cell changed, CSV (or JSON for a .json path)."""
    if path is None:
        path = _fresh_receipt_path(output if output is not None else Path("."))
    rows = receipt_rows(results)
    if path.suffix.lower() == ".json":
        data = json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8")
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=RECEIPT_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
        data = buffer.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 CSV with a BOM
    write_bytes_atomic(path, data, overwrite=overwrite)
    return path
