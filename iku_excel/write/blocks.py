"""The parts every lampiran is made of: kop, lampiran block, title, header band, signatures.

Each function writes at ``sheet.row`` and leaves ``sheet.row`` on the next free row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from iku_excel.model import Identitas, Penandatangan
from iku_excel.write.cells import column_groups
from iku_excel.write.metrics import fits
from iku_excel.write.paging import Group
from iku_excel.write.sheet import Lembar
from iku_excel.write.style import (
    HEADER,
    JUDUL,
    KOP_ALAMAT,
    KOP_INSTANSI,
    KOP_PEMERINTAH,
    NOMOR_KOLOM,
    SEL,
    TEKS,
    TTD,
    TTD_NAMA,
    Gaya,
)

SPACER_PT = 8.0  # an empty row between parts
SIGNATURE_ROWS = 4  # blank rows for the signature and the stamp
SIGNATURE_ROW_PT = 18.0  # 4 x 18 pt = about 2.5 cm
DOTS_NAME = "(" + "." * 40 + ")"
DOTS_LINE = "." * 40


@dataclass(frozen=True, slots=True)
class KolomCetak:
    """A printed table column: header text, share of the page width, body style, and the
    merged group header above it (PENJELASAN over ALASAN | FORMULASI | SUMBER DATA)."""

    header: str
    weight: float
    gaya: Gaya = SEL
    group: str = ""


def spacer(sheet: Lembar, height: float = SPACER_PT) -> None:
    sheet.fix_height(sheet.row, height)
    sheet.row += 1


def kop(sheet: Lembar, identitas: Identitas) -> None:
    """PEMERINTAH ... / INSTANSI / alamat, over the full width, closed by a double rule."""
    lines = [
        (identitas.pemerintah.upper(), KOP_PEMERINTAH),
        (identitas.instansi.upper(), KOP_INSTANSI),
        (identitas.alamat, KOP_ALAMAT),
    ]
    lines = [(text, gaya) for text, gaya in lines if text.strip()]
    for i, (text, gaya) in enumerate(lines):
        last = i == len(lines) - 1
        sheet.put(sheet.row, 0, text, gaya.but(bottom=6 if last else 0), last_col=sheet.last_col)
        sheet.row += 1
    if lines:
        spacer(sheet)


def blok_lampiran(
    sheet: Lembar, identitas: Identitas, label_col: int, *, dasar: str = "Keputusan"
) -> None:
    """The top-right block: Lampiran : Keputusan <jabatan> / Nomor : ... / Tanggal : ...;
    left out when the document names no decree at all."""
    if not (identitas.sk_jabatan or identitas.sk_nomor or identitas.sk_tanggal):
        return
    rows = (
        ("Lampiran", f"{dasar} {identitas.sk_jabatan}".strip()),
        ("Nomor", identitas.sk_nomor),
        ("Tanggal", identitas.sk_tanggal),
    )
    for label, value in rows:
        sheet.put(sheet.row, label_col, label, TEKS.but(wrap=False))
        sheet.put(sheet.row, label_col + 1, f": {value}", TEKS, last_col=sheet.last_col)
        sheet.row += 1
    spacer(sheet)


def judul(sheet: Lembar, lines: Sequence[str]) -> None:
    """The bold centred title, one line per row."""
    for line in lines:
        if line.strip():
            sheet.put(sheet.row, 0, line, JUDUL, last_col=sheet.last_col)
            sheet.row += 1
    spacer(sheet, 12)


def header_band(sheet: Lembar, columns: Sequence[KolomCetak], *, numbers: bool = False) -> None:
    """The table header: one row, or two when a group header is merged over sub-headers; with
    ``numbers`` a column-number row (1, 2, ... n) below. These rows repeat on every page."""
    top = sheet.row
    two_rows = any(k.group for k in columns)
    for col, k in enumerate(columns):
        text = fit_header(k.header, sheet.widths[col])
        if not two_rows:
            sheet.put(top, col, text, HEADER)
        elif k.group:
            sheet.put(top + 1, col, text, HEADER)
        else:
            sheet.put(top, col, text, HEADER, last_row=top + 1)
    for group, first, last in column_groups([k.group for k in columns]):
        sheet.put(top, first, group, HEADER, last_col=last)
    last_row = top + (1 if two_rows else 0)
    if numbers:
        last_row += 1
        for col in range(len(columns)):
            sheet.put(last_row, col, col + 1, NOMOR_KOLOM)
    sheet.repeat = (top, last_row)
    sheet.row = last_row + 1


def fit_header(text: str, width_px: int) -> str:
    """A header whose slash-joined word is too wide for its column ("KETERANGAN/KRITERIA" on A4)
    gets a line break after the slash: spreadsheet programs do not all break there by
    themselves, and LibreOffice lets such a word run over the border."""
    if fits(text, width_px, HEADER.size, bold=True):
        return text
    return re.sub(r"/(?=\S)", "/\n", text)


# ---------------------------------------------------------------------- signatory blocks


@dataclass(frozen=True, slots=True)
class BlokTtd:
    """A signatory block as lines: ``atas`` above the signature space (place and date, role,
    jabatan), ``bawah`` below it (name, pangkat/golongan, NIP); placed over columns
    ``first..last``."""

    first: int
    last: int
    atas: tuple[tuple[str, Gaya], ...] = ()
    bawah: tuple[tuple[str, Gaya], ...] = ()


def blok_ttd(
    penandatangan: Penandatangan | None,
    first: int,
    last: int,
    *,
    tempat: str = "",
    tanggal: str = "",
    peran: str = "",
) -> BlokTtd:
    """The lines of one signatory block, under "tempat, tanggal" when given. Without a
    signatory the lines are dotted, to fill by hand. A signatory without NIP (a Bupati) gets
    no NIP line."""
    atas: list[tuple[str, Gaya]] = []
    tempat_tanggal = ", ".join(t for t in (tempat.strip(), tanggal.strip()) if t)
    if tempat_tanggal:
        atas.append((tempat_tanggal, TTD))
    if peran:
        atas.append((peran, TTD))
    jabatan = penandatangan.jabatan if penandatangan else ""
    atas.append((jabatan or DOTS_LINE, TTD))
    nama = penandatangan.nama if penandatangan else ""
    bawah: list[tuple[str, Gaya]] = [(nama, TTD_NAMA) if nama else (DOTS_NAME, TTD)]
    if penandatangan and penandatangan.pangkat:
        bawah.append((penandatangan.pangkat, TTD))
    if penandatangan and penandatangan.nip:
        bawah.append((f"NIP. {penandatangan.nip}", TTD))
    return BlokTtd(first, last, tuple(atas), tuple(bawah))


def tanda_tangan(sheet: Lembar, blocks: Sequence[BlokTtd], *, carry_row: bool = True) -> None:
    """Place signatory blocks side by side under the table and keep them on one page.

    Upper parts are aligned at the bottom and lower parts at the top, so the jabatan lines and
    the names of two blocks stand on the same rows. ``carry_row``: the last table row may go
    along to the next page so that a block never stands alone on it."""
    spacer(sheet, 14)
    first = sheet.row
    upper = max(len(b.atas) for b in blocks)
    lower = max(len(b.bawah) for b in blocks)
    for block in blocks:
        top = first + upper - len(block.atas)
        for i, (text, gaya) in enumerate(block.atas):
            sheet.put(top + i, block.first, text, gaya, last_col=block.last)
    space = first + upper
    for i in range(SIGNATURE_ROWS):
        sheet.fix_height(space + i, SIGNATURE_ROW_PT)
    below = space + SIGNATURE_ROWS
    for block in blocks:
        for i, (text, gaya) in enumerate(block.bawah):
            sheet.put(below + i, block.first, text, gaya.but(valign="top"), last_col=block.last)
    last = below + lower - 1
    # carry the spacer, and the last table row unless it is the tail of a merged cell
    carry = 2 if carry_row and not sheet.continues_merge(first - 2) else 1
    sheet.groups.append(Group(first, last, carry=carry))
    sheet.row = last + 1
