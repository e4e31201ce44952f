"""Edit cells of an existing .xlsx without losing anything.

Staff workbooks carry logos, drawn lines, header images, Excel 2010 extensions (x14 dropdowns,
data bars, sparklines), rich text and cached formula values; an openpyxl load+save loses them
(domain.md section 7). This module changes only the cells asked for, by splicing text into one
worksheet's XML, and copies every other zip member byte for byte: its local header, compressed
data and central-directory record (name, order, compression, date, attributes) are the input's
own bytes, only moved to their new offset. Nothing here imports openpyxl.

API: ``patch_workbook(xlsx, sheet, writes)`` (bytes in, bytes out, plus the receipt of what
changed and the problems met), ``patch_file`` (the same through an atomic write),
``read_cells`` and ``sheet_part_names``.

Which zip members change, and why:

- the edited worksheet: the target cells (value, type, formula; the style index is kept) and,
  when a cell or row is missing, the new ``<c>``/``<row>`` inserted in order, the row's
  ``spans`` hint widened and ``<dimension>`` grown to cover it. With ``force_recalc`` the cached
  ``<v>`` of the workbook's own formulas on that sheet that depend (directly, through other
  formulas, or through a defined name) on a changed cell is removed. Why: LibreOffice ignores
  ``fullCalcOnLoad`` and shows a stale cached value as it is, but calculates a formula that has
  no cached value (both measured with LibreOffice 7.4); Excel recalculates either way. A reader
  that does not calculate (pandas, openpyxl data_only, phone viewers; WPS per domain.md) then
  shows an empty cell instead of a wrong number, until the file is saved by a spreadsheet. Each
  such cell is reported (``nilai-rumus-dikosongkan``, with its old value). A formula that may read
  anything (INDIRECT, OFFSET, table references, an unknown name) counts as dependent.
- ``xl/workbook.xml`` (the part the package relationship names), only with ``force_recalc`` and
  only when ``<calcPr fullCalcOnLoad="1">`` is not already there: Excel then recalculates every
  formula, those on other sheets included, when the file is opened.
- ``xl/calcChain.xml`` is removed, with its ``Override`` in ``[Content_Types].xml`` and its
  relationship in ``xl/_rels/workbook.xml.rels``, only when a write turns a formula cell into a
  plain value: Excel reports a file whose calc chain names a cell without a formula as corrupt.
  New formulas need no calc-chain entry (Excel adds them).

Not changed, on purpose (every other member must stay byte-identical): text is written as an
inline string (``t="inlineStr"``; a formula's text result as ``t="str"``), so
``sharedStrings.xml`` never changes. Formulas on other sheets that read a changed cell keep
their cached values until a spreadsheet recalculates; they are reported, one warning per sheet
(``rumus-sheet-lain-usang``; direct references and defined names, not INDIRECT). Chart
caches and pivot caches likewise wait for the spreadsheet to refresh them.

Cells that are never overwritten (reported and skipped): a cell covered by a merged range that
is not its top-left cell; a cell holding a formula of the workbook's own, unless the write says
``replace_formula`` or writes that same formula (ours, from an earlier run: only its cached
value is refreshed); the master of a shared formula or a cell inside an array formula; a
locked cell on a protected sheet.

Writes whose value is already in the cell change nothing, and when nothing changes the input
bytes come back as they are: a rerun after an interruption finishes the job without touching
finished files. docProps (modified date, application) are left as they were.

Hostile input: the input must be a zip within ``Limits`` (members, uncompressed sizes,
compression ratio), without encrypted members or compression methods Excel does not use. The
workbook-level parts are read with the safe parser of ``xlsx.xml`` (no DTD, no entities); the
edited sheet must hold no DOCTYPE, comment, CDATA or processing instruction (Excel writes none,
and text splicing relies on plain markup). Only the parts needed are ever decompressed, each
bounded by its declared size; copied members are never decompressed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from iku_excel.errors import IkuFileError, Problem
from iku_excel.fileio import write_bytes_atomic
from iku_excel.grid import cell_name
from iku_excel.xlsx.container import DEFAULT_LIMITS, Limits, read_file
from iku_excel.xlsx.patch.cells import CellChange, CellInfo, CellWrite, cell_or_raise, one_per_cell
from iku_excel.xlsx.patch.dependencies import other_sheet_problems
from iku_excel.xlsx.patch.rules import CellContext, cleared_problems, refuse_duplicates, validated
from iku_excel.xlsx.patch.sheet import CellEdit, SheetDoc
from iku_excel.xlsx.patch.workbook_parts import workbook_level_changes
from iku_excel.xlsx.workbook import WorkbookFile

Workbook = bytes | WorkbookFile  # the bytes of a workbook, or the workbook already opened


def _opened(xlsx: Workbook, limits: Limits) -> WorkbookFile:
    return xlsx if isinstance(xlsx, WorkbookFile) else WorkbookFile(xlsx, limits)


def _sheet_context(book: WorkbookFile, sheet: str) -> tuple[str, CellContext]:
    sheet_ref = book.package.worksheet(sheet)
    doc = SheetDoc(book.archive.read_text(sheet_ref.part), sheet_ref.part)
    return sheet_ref.name, CellContext(doc, book)


def sheet_part_names(xlsx: Workbook, *, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """Every sheet's name -> its zip member (``"xl/worksheets/sheet3.xml"``), in tab order,
    from the workbook part and its relationships. Chart sheets are included."""
    return {s.name: s.part for s in _opened(xlsx, limits).package.sheets}


def read_cells(
    xlsx: Workbook, sheet: str, refs: Iterable[str], *, limits: Limits = DEFAULT_LIMITS
) -> dict[str, CellInfo]:
    """What the cells ``refs`` of ``sheet`` hold now, keyed by the normalised ref ("K9")."""
    _, context = _sheet_context(_opened(xlsx, limits), sheet)
    result: dict[str, CellInfo] = {}
    for ref in refs:
        row, col = cell_or_raise(ref)
        result[cell_name(row, col)] = context.info(row, col)
    return result


def patch_workbook(
    xlsx: Workbook,
    sheet: str,
    writes: Sequence[CellWrite],
    *,
    force_recalc: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[bytes, list[CellChange], list[Problem]]:
    """Write ``writes`` into ``sheet`` of the workbook ``xlsx`` (its bytes, or the workbook
    already opened by the reader) and return the new workbook, the cells changed and the
    problems met.

    Writes whose value is already in the cell change nothing; when nothing changes the input
    bytes are returned as they are. A target that must not be overwritten is reported and
    skipped. A file that cannot be used raises ``IkuFileError``; a bad ref, a duplicate ref or
    an unknown sheet raises ``IkuInputError``."""
    planned_writes = [validated(w) for w in writes]
    refuse_duplicates(planned_writes)
    book = _opened(xlsx, limits)
    sheet_name, context = _sheet_context(book, sheet)

    problems: list[Problem] = []
    edits: dict[tuple[int, int], CellEdit] = {}
    changes: list[CellChange] = []
    formula_removed = False
    for planned in planned_writes:
        outcome = context.plan(planned, sheet_name)
        problems.extend(outcome.problems)
        if outcome.edit is None:
            continue
        edits[(planned.row, planned.col)] = outcome.edit
        changes.append(outcome.change_for(sheet_name, planned.ref))
        formula_removed |= outcome.removes_formula
    if not edits:
        return book.data, changes, problems

    if force_recalc:
        cleared = context.clear_dependents(set(edits), edits)
        problems.extend(cleared_problems(sheet_name, cleared))
        problems.extend(other_sheet_problems(book, sheet_name, set(edits) | set(cleared)))

    replaced, removed = workbook_level_changes(book, force_recalc, formula_removed)
    replaced[context.doc.part] = context.doc.apply(edits).encode("utf-8")
    return book.archive.rebuild(replaced, removed), changes, problems


def patch_file(
    src: Path,
    dst: Path,
    sheet: str,
    writes: Sequence[CellWrite],
    *,
    overwrite: bool = False,
    force_recalc: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[list[CellChange], list[Problem]]:
    """``patch_workbook`` on the file ``src``, written to ``dst`` through a temporary file and
    an atomic replace. ``dst`` may be ``src`` itself (with ``overwrite``); a source left
    unchanged is then not rewritten."""
    src, dst = Path(src), Path(dst)
    data = read_file(src, limits)
    try:
        new_data, changes, problems = patch_workbook(
            data, sheet, writes, force_recalc=force_recalc, limits=limits
        )
    except IkuFileError as exc:
        if exc.path is None:
            raise IkuFileError(exc.message, src) from exc
        raise
    same_file = dst.exists() and src.exists() and dst.resolve() == src.resolve()
    if not (same_file and new_data is data):
        write_bytes_atomic(dst, new_data, overwrite=overwrite)
    located = [p.at(file=str(src)) if p.file is None else p for p in problems]
    return changes, located


__all__ = [
    "CellChange",
    "CellInfo",
    "CellWrite",
    "Workbook",
    "one_per_cell",
    "patch_file",
    "patch_workbook",
    "read_cells",
    "sheet_part_names",
]
