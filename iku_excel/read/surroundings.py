"""What stands around a table: kop, titles, the lampiran block, and the signatory blocks.

Pure: works on a ``Grid`` and the tables found in it. The kop and titles give pemerintah,
instansi, alamat and tahun; the "Lampiran : Keputusan ... / Nomor : ... / Tanggal : ..." block
gives the SK; each "NIP ..." line (or a PIHAK KEDUA block without NIP, as a Bupati's) anchors a
signatory block read upwards: jabatan, nama, pangkat/golongan, NIP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from iku_excel.detect.layout import TableLayout
from iku_excel.errors import Problem, Severity
from iku_excel.grid import Grid, cell_name
from iku_excel.model import Identitas, Penandatangan, Peran
from iku_excel.values import clean_text, is_empty, parse_nip

_PEMERINTAH = re.compile(r"^pemerintah\s+(kabupaten|kota|provinsi)\b", re.I)
_INSTANSI = re.compile(
    r"^(?:opd\s+|perangkat daerah\s*:?\s*)?((kecamatan|dinas|badan|kantor|sekretariat|inspektorat|"
    r"satuan polisi|rsud|rumah sakit|kelurahan|bagian|unit)\b.*)$",
    re.I,
)
_REGION = re.compile(r"\b(kabupaten|kota|provinsi)\s+[a-z][a-z .'-]*$", re.I)
_YEAR = re.compile(r"\btahun(?:\s+anggaran)?\s+(\d{4})\b", re.I)
_SK_NOMOR = re.compile(r"^nomor\s*:?\s*(.*)$", re.I)
_SK_TANGGAL = re.compile(r"^tanggal\s*:?\s*(.*)$", re.I)
_SK_JABATAN = re.compile(r"^lampiran\s*:?\s*(?:surat\s+)?keputusan\s+(.*)$", re.I)
_DITETAPKAN = re.compile(r"^ditetapkan\s+di\s*:?\s*(.*)$", re.I)
_PADA_TANGGAL = re.compile(r"^pada\s+tanggal\s*:?\s*(.*)$", re.I)
_ALAMAT = re.compile(r"^(alamat\s*:?\s*(.*)|jl\.?\s.*|jalan\s.*)$", re.I)
_MONTHS = (
    r"januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"nopember|november|desember"
)
_PLACE_DATE = re.compile(
    rf"^([A-Za-z][A-Za-z .'-]*),\s*((?:\d{{1,2}}\s+)?(?:{_MONTHS})\s+\d{{4}})$", re.I
)
_NIP = re.compile(r"^nip\b\.?\s*:?\s*(.*)$", re.I)
_PIHAK = re.compile(r"^pihak\s+(pertama|kedua)\b", re.I)
_PANGKAT = re.compile(
    r"(pembina|penata|pengatur|juru|\b(iv|iii|ii|i)\s*[/.]\s*[a-e]\b|golongan|gol\.)", re.I
)
_TYPO_PLT = re.compile(r"^pt\.\s*", re.I)
_NUMBER_ONLY = re.compile(r"[-+]?[\d.,]+\s*%?")
_PLACEHOLDER = re.compile(r"[\s.()_…-]*")  # "(........)": a name to write in by hand


@dataclass
class Surroundings:
    """What was found around the tables of one sheet."""

    identitas: dict[str, object] = field(default_factory=dict)
    penandatangan: list[Penandatangan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _inside_table(row: int, col: int, tables: list[TableLayout]) -> bool:
    for t in tables:
        cols = t.columns.values()
        if t.header_row <= row <= t.last_row and min(cols) <= col <= max(cols):
            return True
    return False


def _free_lines(grid: Grid, tables: list[TableLayout]) -> list[tuple[int, int, str]]:
    """(row, col, text) of every text cell outside the tables' data area, top to bottom."""
    lines = []
    for (row, col), cell in sorted(grid.cells.items()):
        if is_empty(cell.value) or _inside_table(row, col, tables):
            continue
        lines.append((row, col, clean_text(cell.value)))
    return lines


def read_surroundings(grid: Grid, tables: list[TableLayout], file: str = "") -> Surroundings:
    found = Surroundings()
    lines = _free_lines(grid, tables)
    first_header = min((t.header_row for t in tables), default=grid.max_row + 1)
    _read_kop(found, [line for line in lines if line[0] < first_header])
    _read_sk_block(found, lines)
    _read_signatories(found, grid, lines, file)
    return found


def _read_kop(found: Surroundings, lines: list[tuple[int, int, str]]) -> None:
    ident = found.identitas
    for _, _, text in lines:
        if "pemerintah" not in ident and _PEMERINTAH.match(text):
            ident["pemerintah"] = text.upper()
            continue
        instansi = _INSTANSI.match(text)
        if instansi and "instansi" not in ident:
            name = instansi.group(1)
            region = _REGION.search(name)
            if region and not name.lower().startswith(("kabupaten", "kota")):
                ident.setdefault("pemerintah", f"PEMERINTAH {region.group(0).upper()}")
                name = name[: region.start()].strip()
            ident["instansi"] = name.upper()
            continue
        alamat = _ALAMAT.match(text)
        if alamat and "alamat" not in ident:
            ident["alamat"] = (alamat.group(2) or text).strip()
        year = _YEAR.search(text)
        if year and "tahun" not in ident:
            ident["tahun"] = int(year.group(1))


def _read_sk_block(found: Surroundings, lines: list[tuple[int, int, str]]) -> None:
    ident = found.identitas
    for text in _joined_rows(lines):
        for key, pattern in (
            ("sk_jabatan", _SK_JABATAN),
            ("sk_nomor", _SK_NOMOR),
            ("sk_tanggal", _SK_TANGGAL),
            ("sk_tempat", _DITETAPKAN),
        ):
            match = pattern.match(text)
            if match and key not in ident and match.group(1).strip():
                ident[key] = match.group(1).strip()
        pada = _PADA_TANGGAL.match(text)
        if pada and "sk_tanggal" not in ident:
            ident["sk_tanggal"] = pada.group(1).strip()
        place = _PLACE_DATE.match(text)
        if place and "tempat" not in ident:
            ident["tempat"], ident["tanggal"] = place.group(1).strip(), place.group(2)
    if "tahun" not in ident:
        for key in ("sk_nomor", "sk_tanggal", "tanggal"):
            year = re.search(r"(19|20)\d{2}\b", str(ident.get(key, "")))
            if year:
                ident["tahun"] = int(year.group(0))
                break


def _joined_rows(lines: list[tuple[int, int, str]]) -> list[str]:
    """Texts of a row that sit next to each other ("Nomor" | ":" | "900/...") as one line."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for row, col, text in lines:
        rows.setdefault(row, []).append((col, text))
    joined = []
    for cells in rows.values():
        cells.sort()
        group: list[str] = []
        last_col = -10
        for col, text in cells:
            if col - last_col > 2 and group:
                joined.append(_join(group))
                group = []
            group.append(text)
            last_col = col
        if group:
            joined.append(_join(group))
        joined.extend(text for _, text in cells if len(cells) > 1)
    return joined


def _join(parts: list[str]) -> str:
    return re.sub(r"\s+:\s*", " : ", " ".join(parts)).strip()


def _read_signatories(
    found: Surroundings, grid: Grid, lines: list[tuple[int, int, str]], file: str
) -> None:
    by_pos = {(row, col): text for row, col, text in lines}
    anchors = _signature_anchors(lines)
    anchor_cols = {a.col for a in anchors}
    placed: list[tuple[int, Penandatangan]] = []
    for anchor in anchors:
        # Blocks side by side (PK) sit in neighbouring columns: only a column no other block
        # stands in may lend its texts (a merged name one column off).
        cols = [anchor.col] + [c for c in (anchor.col - 1, anchor.col + 1) if c not in anchor_cols]
        block = _column_above(by_pos, anchor.row, cols)
        signer = _signer_from(block, anchor, found, grid, file)
        if signer is not None:
            placed.append((anchor.col, signer))
    found.penandatangan = _assign_pihak(placed, lines)


@dataclass(frozen=True)
class _Anchor:
    """The line a signatory block is read up from: its NIP line, or just below its name."""

    row: int
    col: int
    nip: str | None  # the NIP text; None for a block without a NIP line
    nip_cell: str = ""  # where the NIP value stands ("NIP." and the number in two cells)


def _signature_anchors(lines: list[tuple[int, int, str]]) -> list[_Anchor]:
    """Each NIP line anchors a block; a PIHAK block with no NIP (a Bupati) anchors at its name."""
    anchors: list[_Anchor] = []
    texts = {(row, col): text for row, col, text in lines}
    for row, col, text in lines:
        nip = _NIP.match(text)
        if nip is None:
            continue
        value, value_col = nip.group(1).strip(), col
        if not value:
            value, value_col = _right_of(texts, row, col)
        anchors.append(_Anchor(row, col, value, cell_name(row, value_col)))
    for row, col, text in lines:
        if not _PIHAK.match(text) or any(a.col == col and a.row > row for a in anchors):
            continue
        below = sorted((r, t) for (r, c), t in texts.items() if c == col and r > row)
        if below:
            last_row = below[0][0]
            for r, _ in below:  # the block ends at its last line before a long gap
                if r - last_row > 8:
                    break
                last_row = r
            anchors.append(_Anchor(last_row + 1, col, None))
    return anchors


def _right_of(texts: dict[tuple[int, int], str], row: int, col: int) -> tuple[str, int]:
    for c in range(col + 1, col + 4):
        if (row, c) in texts:
            return texts[(row, c)].lstrip(":. "), c
    return "", col


def _column_above(
    by_pos: dict[tuple[int, int], str], row: int, cols: list[int]
) -> list[tuple[str, str]]:
    """The texts above ``row`` in the block's columns with their cells, nearest last, stopping
    at a gap of more than 8 rows or at 12 lines."""
    found: list[tuple[str, str]] = []
    last = row
    for r in range(row - 1, max(row - 16, 0), -1):
        at = next(((r, c) for c in cols if (r, c) in by_pos), None)
        if at is None:
            if last - r > 8:
                break
            continue
        text = by_pos[at]
        if _NUMBER_ONLY.fullmatch(text):
            break  # a figure of a table's total row: the block ends above its jabatan
        found.append((text, cell_name(*at)))
        last = r
        if len(found) >= 12:
            break
    return list(reversed(found))


def _signer_from(
    block: list[tuple[str, str]], anchor: _Anchor, found: Surroundings, grid: Grid, file: str
) -> Penandatangan | None:
    kept = [(t, cell) for t, cell in block if not _is_header_line(t)]
    if not kept:
        return None
    lines = [t for t, _ in kept]
    pangkat = ""
    if anchor.nip is not None and len(lines) >= 2 and _PANGKAT.search(lines[-1]):
        pangkat = lines.pop()
    nama = lines.pop() if lines else ""
    jabatan = " ".join(lines[-3:]) if lines else ""
    jabatan_cell = kept[max(len(lines) - 3, 0)][1] if lines else ""
    nip: str | None = ""
    if anchor.nip:
        parsed = parse_nip(anchor.nip)
        cell = anchor.nip_cell or cell_name(anchor.row, anchor.col)
        located = (p.at(file=file, sheet=grid.sheet, cell=cell) for p in parsed.problems)
        found.problems.extend(located)
        nip = parsed.value
    if _TYPO_PLT.match(jabatan):
        found.problems.append(
            Problem(
                "jabatan-salah-ketik",
                f"jabatan '{jabatan}' diawali 'Pt.'; mungkin maksudnya 'Plt.'; periksa sel ini",
                Severity.WARNING,
            ).at(file=file, sheet=grid.sheet, cell=jabatan_cell)
        )
    if _PLACEHOLDER.fullmatch(nama):
        return None  # a blank block left to fill by hand, not a signatory
    return Penandatangan(jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip)


def _is_header_line(text: str) -> bool:
    return bool(
        _PLACE_DATE.match(text)
        or _PIHAK.match(text)
        or _DITETAPKAN.match(text)
        or _PADA_TANGGAL.match(text)
        or text.lower().rstrip(",") in {"mengetahui", "menyetujui"}
    )


def _assign_pihak(
    placed: list[tuple[int, Penandatangan]], lines: list[tuple[int, int, str]]
) -> list[Penandatangan]:
    """Under "PIHAK KEDUA" / "PIHAK PERTAMA" labels the blocks are the PK's two parties: each
    block takes the label standing in (or next to) its column. Left to right."""
    labels = [(col, m.group(1).lower()) for _, col, t in lines if (m := _PIHAK.match(t))]
    signers = []
    for col, signer in sorted(placed, key=lambda item: item[0]):
        near = sorted((abs(label_col - col), word) for label_col, word in labels)
        if near and near[0][0] <= 2:
            role = Peran.PIHAK_PERTAMA if near[0][1] == "pertama" else Peran.PIHAK_KEDUA
            signer = replace(signer, peran=role)
        signers.append(signer)
    return signers


def identitas_from(found: dict[str, object], base: Identitas) -> Identitas:
    """``base`` with the fields it lacks taken from what the surroundings said."""
    changes = {k: v for k, v in found.items() if getattr(base, k) in ("", None)}
    return replace(base, **changes)  # type: ignore[arg-type]
