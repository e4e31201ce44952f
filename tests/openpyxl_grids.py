"""The openpyxl way of turning a workbook into grids: the reference the library's own loader
(``iku_excel.xlsx.read``) is tested against. Not used by the library itself."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from iku_excel.errors import IkuFileError, IkuInputError
from iku_excel.grid import Cell, Grid, Range

# openpyxl parses with lxml when it is importable, and lxml expands nested entities even with
# defusedxml installed (domain.md section 7): force the standard-library parser.
os.environ.setdefault("OPENPYXL_LXML", "False")


def load_grids_openpyxl(path: Path, *, sheet: str | None = None) -> list[Grid]:
    """The same through openpyxl: the reference ``load_grids`` is tested against."""
    wb = _open_workbook(path)
    try:
        names = wb.sheetnames
        if sheet is not None:
            if sheet not in names:
                raise IkuInputError(
                    f"{path.name}: sheet '{sheet}' tidak ada; sheet yang ada: {', '.join(names)}"
                )
            names = [sheet]
        return [grid_of(wb[name]) for name in names]
    finally:
        wb.close()


def _open_workbook(path: Path) -> Any:
    import openpyxl  # imported here: the CLI starts faster without it

    if not path.exists():
        raise IkuFileError("berkas tidak ditemukan; periksa nama dan foldernya", path)
    if path.is_dir():
        raise IkuFileError("ini folder, bukan berkas Excel", path)
    if path.stat().st_size == 0:
        raise IkuFileError("berkas kosong (0 byte); minta kirim ulang berkasnya", path)
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise IkuFileError(
            "berkas Excel lama (.xls) atau terkunci kata sandi; buka di Excel/LibreOffice, "
            "buang kata sandinya bila ada, lalu simpan sebagai .xlsx",
            path,
        )
    if not head.startswith(b"PK"):
        raise IkuFileError(
            "bukan berkas Excel .xlsx; simpan ulang sebagai Excel Workbook (.xlsx)", path
        )
    try:
        return openpyxl.load_workbook(path, data_only=True, rich_text=False)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise IkuFileError(
            "berkas .xlsx rusak atau terpotong; minta kirim ulang atau simpan ulang di Excel",
            path,
        ) from exc
    except KeyError as exc:
        raise IkuFileError(
            "isi berkas .xlsx tidak lengkap; buka dan simpan ulang di Excel atau LibreOffice",
            path,
        ) from exc
    except PermissionError as exc:
        raise IkuFileError(
            "tidak ada izin membaca berkas; tutup berkas di Excel atau periksa izinnya", path
        ) from exc
    except OSError as exc:
        raise IkuFileError(f"gagal membaca berkas: {exc.strerror or exc}", path) from exc
    except Exception as exc:  # openpyxl raises many kinds on malformed parts
        raise IkuFileError(
            "berkas .xlsx tidak dapat dibaca (isinya rusak atau bukan buatan Excel); buka dan "
            "simpan ulang di Excel atau LibreOffice",
            path,
        ) from exc


def grid_of(ws: Worksheet) -> Grid:
    cells: dict[tuple[int, int], Cell] = {}
    for row in ws.iter_rows():
        for c in row:
            value = c.value
            fmt = c.number_format or "General"
            if value is None and "%" not in fmt:
                continue  # an empty cell matters only when it will show a percentage
            cells[(c.row or 0, c.column or 0)] = Cell(value, fmt)
    merged = [Range(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    hidden = frozenset(
        i
        for dim in ws.column_dimensions.values()
        if dim.hidden
        for i in range(dim.min or 0, (dim.max or 0) + 1)
        if i
    )
    return Grid(ws.title, cells, merged, hidden)
