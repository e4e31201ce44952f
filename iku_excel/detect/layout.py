"""Finding tables in a grid by their headers: pure, no I/O.

A header band is one row, or two when group headers are merged over sub-headers (PENJELASAN over
ALASAN | FORMULASI | SUMBER DATA; REALISASI over TW I-IV). Each header text is normalised and
matched against known aliases; the row band that recognises the most columns is the header. A
column-number row ("1 2 3", "(1)", "13 = 12/7 x 100") right below is skipped. What the user sets
explicitly (sheet, header row) always wins over detection.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace

from iku_excel.grid import Grid, column_letter
from iku_excel.text import TW_NUMBERS, TW_NUMERAL, TW_WORDS, normalize_header

_TW = rf"(?:{TW_WORDS})\.? ?{TW_NUMERAL}"


class Jenis(str, enum.Enum):
    """Kinds of table the reader understands."""

    IKU = "iku"
    TARGET = "target"
    PENGUKURAN = "pengukuran"
    REALISASI = "realisasi"
    PK = "pk"
    PROGRAM = "program"  # a program | anggaran table alone (the PK lampiran's second table)
    PENANDATANGAN = "penandatangan"


# key -> patterns, each matched against the whole normalised header text.
_ALIASES: dict[str, tuple[str, ...]] = {
    "no": (r"no", r"nomor", r"no urut", r"no\. urut"),
    "tujuan": (r"tujuan( strategis)?",),
    "sasaran": (r"sasaran( strategis)?( \(ss\))?", r"sasaran kinerja", r"sasaran program"),
    "kode": (r"kode( indikator| iku)?",),
    "indikator": (
        r"indikator( kinerja)?( utama)?( \(iku\))?",
        r"iku",
        r"indikator (kinerja )?sasaran( strategis)?",
        r"indikator kinerja utama/indikator kinerja",
    ),
    "satuan": (r"satuan",),
    "alasan": (r"alasan( pemilihan( indikator)?)?",),
    "formulasi": (
        r"formulasi(/cara pengukuran)?( perhitungan)?",
        r"cara pengukuran",
        r"formula",
        r"rumus( perhitungan)?",
        r"definisi operasional(/formulasi)?",
    ),
    "sumber_data": (r"sumber data",),
    "keterangan": (r"keterangan(/kriteria)?", r"ket", r"kriteria"),
    "polaritas": (r"polaritas", r"polarisasi", r"sifat indikator"),
    "akumulasi": (r"akumulasi", r"sifat akumulasi", r"cara akumulasi"),
    "target": (
        r"target( kinerja)?( tahun(an)?)?( \d{4})?( \(.*\))?",
        r"target (indikator|iku)( \d{4})?",
    ),
    "program": (r"program", r"program/kegiatan", r"nama program"),
    "kegiatan_no": (r"no kegiatan", r"no keg"),
    "kegiatan": (r"kegiatan", r"sub kegiatan", r"kegiatan/sub kegiatan", r"nama kegiatan"),
    "keluaran": (r"target keluaran", r"keluaran", r"target (output|kinerja kegiatan|kegiatan)"),
    "anggaran": (
        r"(jumlah )?anggaran( \(rp\.?\))?( \d{4})?",
        r"pagu( anggaran)?( \(rp\.?\))?",
        r"rp\.?",
    ),
    "realisasi_anggaran": (r"realisasi anggaran( \(rp\.?\))?", r"realisasi keuangan( \(rp\.?\))?"),
    "realisasi": (
        r"realisasi( kinerja)?( tahun(an)?)?( \d{4})?",
        r"realisasi s\.?d\.? (tw|triwulan) iv",
    ),
    "capaian": (r"(% )?capaian( kinerja)?( \(%\))?( \d{4})?( \(%\))?", r"persentase capaian"),
    "predikat": (r"predikat( capaian)?", r"kategori( capaian)?"),
    "peran": (r"peran",),
    "jabatan": (r"jabatan",),
    "nama": (r"nama",),
    "pangkat": (r"pangkat(/golongan)?", r"pangkat/gol", r"golongan"),
    "nip": (r"nip",),
}
# All aliases in one pattern, one named group per key in the order above: a full match takes the
# first alternative that matches the whole text, so the first key whose alias matches, as a loop
# over the keys would find, but in one regex call (the loop was most of the reading time).
_ANY_ALIAS = re.compile("|".join(f"(?P<{key}>{'|'.join(pats)})" for key, pats in _ALIASES.items()))


def match_header(text: str, group: str = "") -> str | None:
    """The column key for a header (with its merged group header, if any), or None."""
    tw = re.fullmatch(rf"(?:(target|realisasi) )?{_TW}", text)
    if tw:
        n = TW_NUMBERS[tw.group(2)]
        owner = tw.group(1) or ("target" if group.startswith("target") else "realisasi")
        return f"target_tw{n}" if owner == "target" else f"tw{n}"
    found = _ANY_ALIAS.fullmatch(text)
    if found is not None:
        key = found.lastgroup
        if key == "target" and group.startswith("realisasi"):
            return None
        return key
    if group and not text:
        return match_header(group)
    return None


@dataclass(frozen=True, slots=True)
class TableLayout:
    """Where a table is: its kind, header rows, data rows, and which column holds what."""

    jenis: Jenis
    sheet: str
    header_row: int  # first header row, 1-based
    header_rows: int  # 1 or 2
    first_row: int  # first data row
    last_row: int  # last row that may hold data
    columns: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "jenis": self.jenis.value,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "header_rows": self.header_rows,
            "first_row": self.first_row,
            "last_row": self.last_row,
            "columns": {k: column_letter(c) for k, c in self.columns.items()},
        }


_COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?(\s*=.*)?")


def _columns_of_band(grid: Grid, row: int, two_rows: bool) -> dict[str, int]:
    """Column keys recognised in a header band starting at ``row``."""
    found: dict[str, int] = {}
    columns = sorted({*grid.columns_in(row), *(grid.columns_in(row + 1) if two_rows else ())})
    for col in columns:
        top_raw = grid.shown_value(row, col)
        top = normalize_header(top_raw) if top_raw is not None else ""
        key: str | None = None
        if two_rows:
            merge = grid.merge_at(row, col)
            spans_down = merge is not None and merge.max_row > row
            sub_raw = None if spans_down else grid.value(row + 1, col)
            if sub_raw is not None:
                key = match_header(normalize_header(sub_raw), group=top)
            elif top:
                key = match_header(top)
        elif top:
            key = match_header(top)
        if key is None:
            continue
        key = _second_meaning(key, found)
        if key not in found:
            found[key] = col
    return found


def _second_meaning(key: str, found: dict[str, int]) -> str:
    """Two columns with the same name: a TARGET right of PROGRAM/KEGIATAN is the kegiatan's
    output target (the seed's second TARGET column); a second NO next to kegiatan is theirs."""
    if key == "target" and ("program" in found or "kegiatan" in found):
        return "keluaran"
    if key == "no" and "no" in found and ("program" in found or "kegiatan" in found):
        return "kegiatan_no"
    if key == "nama" and "program" in found:
        return "program"
    return key


def classify(columns: dict[str, int]) -> Jenis | None:
    keys = set(columns)
    tws = {"tw1", "tw2", "tw3", "tw4"} & keys
    if {"jabatan", "nama"} <= keys and "nip" in keys:
        return Jenis.PENANDATANGAN
    if "indikator" not in keys and "kode" not in keys:
        if "program" in keys and "anggaran" in keys:
            return Jenis.PROGRAM
        return None
    if keys & {"program", "kegiatan"}:
        return Jenis.TARGET
    if keys & {"alasan", "formulasi", "sumber_data"}:
        return Jenis.IKU
    if tws and "sasaran" not in keys and "target" not in keys:
        return Jenis.REALISASI
    if tws or keys & {"capaian", "realisasi"}:
        return Jenis.PENGUKURAN
    if "target" in keys and "sasaran" in keys:
        return Jenis.PK
    if "satuan" in keys and "sasaran" in keys:
        return Jenis.IKU
    return None


def _score(columns: dict[str, int]) -> int:
    return len(columns) if classify(columns) is not None else 0


def detect_header(grid: Grid, row: int) -> tuple[dict[str, int], int]:
    """The columns of the header band at ``row`` and its height (1 or 2)."""
    one = _columns_of_band(grid, row, two_rows=False)
    texts_on_top = sum(1 for c in grid.columns_in(row) if grid.value(row, c) is not None)
    two = _columns_of_band(grid, row, two_rows=True) if texts_on_top >= 2 else {}
    if _score(two) > _score(one):
        return two, 2
    return one, 1


def is_column_number_row(grid: Grid, row: int, columns: dict[str, int]) -> bool:
    """A row like "1 2 3 ..." or "(1) (2) ..." or "13 = 12/7 x 100" under the header."""
    values = [grid.value(row, c) for c in columns.values()]
    texts = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if len(texts) < 2:
        return False
    return all(_COLUMN_NUMBER.fullmatch(t) for t in texts)


def find_tables(
    grid: Grid, *, header_row: int | None = None, min_columns: int = 3
) -> list[TableLayout]:
    """Every table of the sheet, top to bottom. With ``header_row`` only the table there."""
    candidates = (
        [header_row]
        if header_row
        # the whole sheet: tables follow each other down it (PK: sasaran, then programs); only
        # rows with two cells or more can hold a header
        else [r for r in grid.iter_rows(1, grid.max_row) if len(grid.columns_in(r)) >= 2]
    )
    tables: list[TableLayout] = []
    for row in candidates:
        if tables and row <= tables[-1].first_row:
            continue
        columns, height = detect_header(grid, row)
        jenis = classify(columns)
        if jenis is None or (len(columns) < min_columns and header_row is None):
            continue
        if header_row is None:  # a better band may start a row lower (group over sub-headers)
            below, below_height = detect_header(grid, row + 1)
            if classify(below) is not None and len(below) > len(columns):
                row, columns, height = row + 1, below, below_height
                jenis = classify(columns)
                assert jenis is not None
        first = row + height
        while first <= grid.max_row and is_column_number_row(grid, first, columns):
            first += 1
        if tables:  # the table above ends where this one's header starts
            tables[-1] = replace(tables[-1], last_row=row - 1)
        tables.append(TableLayout(jenis, grid.sheet, row, height, first, grid.max_row, columns))
    return tables
