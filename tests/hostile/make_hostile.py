"""Write the hostile and broken workbooks of tests/hostile/ (issue 7; docs/keandalan.md).

    python tests/hostile/make_hostile.py            # every file into tests/hostile/
    python tests/hostile/make_hostile.py DIR        # into DIR
    python tests/hostile/make_hostile.py --tanpa-xls DIR   # without calling LibreOffice

Every file but the legacy ``excel_lama.xls`` is built here byte by byte, deterministically: zip
members carry a fixed time stamp, nothing depends on the clock or on randomness. The .xls is
LibreOffice's own (``soffice --convert-to xls``) and is committed; it is only rebuilt when
LibreOffice is installed and ``--tanpa-xls`` is not given, and then its bytes may differ from
run to run (LibreOffice stamps them).

The XML builders come from tests/test_xlsx_read.py (hostile unit tests of the loader), so the
two stay one format. ``CORPUS`` names each file with what it tries; tests/test_hostile.py runs
every one of them through the ``iku`` commands.
"""

from __future__ import annotations

import argparse
import io
import itertools
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from test_xlsx_read import (  # noqa: E402
    BOMB_DTD,
    CONTENT_TYPES,
    MAIN,
    PACKAGE_RELS,
    REL,
    STYLES,
    shared_strings_xml,
    sheet_xml,
    workbook_rels,
    workbook_xml,
)

FIXED_TIME = (2024, 1, 2, 3, 4, 6)
GIB = 1024**3

# name -> what the file tries. Files marked READABLE hold a real IKU table that must be read.
CORPUS: dict[str, str] = {
    "bom_zip_1gb.xlsx": "zip 1 MB yang mengembang menjadi lebih dari 1 GB (sheet1.xml: spasi)",
    "luas_xfd1048576.xlsx": "dimension A1:XFD1048576 dengan sel di XFD1048576, tanpa tabel",
    "luas_dengan_tabel.xlsx": "tabel IKU utuh, dimension A1:XFD1048576 dan sel di XFD1048576",
    "bom_entitas_sharedstrings.xlsx": "entity bomb (billion laughs) di sharedStrings.xml",
    "bom_entitas_workbook.xlsx": "entity bomb di workbook.xml (nama sheet)",
    "xxe_etc_passwd.xlsx": "entitas eksternal ke file:///etc/passwd di sheet1.xml",
    "terkunci_sandi.xlsx": "wadah OLE/CFB dengan aliran EncryptionInfo (xlsx bersandi)",
    "excel_lama.xls": "berkas .xls asli (BIFF8) buatan LibreOffice",
    "excel_lama_diganti_nama.xlsx": "berkas .xls yang sama, diberi nama .xlsx",
    "terpotong.xlsx": "zip terpotong di tengah (kiriman e-mail yang putus)",
    "kosong_0_byte.xlsx": "nol byte",
    "halaman_web.xlsx": "halaman HTML (ekspor aplikasi web) diberi nama .xlsx",
    "csv_diganti_nama.xlsx": "CSV diberi nama .xlsx",
    "dimensi_bohong.xlsx": "dimension A1 tetapi berisi tabel IKU utuh (seperti simpanan WPS)",
    "tanpa_sharedstrings.xlsx": "sel t='s' merujuk sharedStrings.xml yang tidak ada",
    "tanpa_sharedstrings_inline.xlsx": "relasi ke sharedStrings.xml yang hilang, teks inline",
    "teks_inline.xlsx": "semua teks sebagai inlineStr (tanpa sharedStrings)",
    "tanggal_angka.xlsx": "angka bergaya tanggal, tanggal t='d', tahun sebagai nomor seri",
    "tipe_aneh.xlsx": "tipe sel aneh: e, b='2', str, tipe tak dikenal, inf, nan, teks 32 rb",
    "anggota_20000.xlsx": "zip dengan 20.000 anggota",
    "jalur_traversal.xlsx": "anggota zip bernama ../../../tmp/... dan /tmp/... (path traversal)",
    "xml_sheet_rusak.xlsx": "sheet1.xml bukan XML yang sah",
    "buku_kosong.xlsx": "workbook tanpa sheet",
    "tanpa_tabel.xlsx": "workbook berisi teks biasa, tanpa tabel yang dikenali",
    "zip_biasa.xlsx": "zip biasa (bukan paket Excel) diberi nama .xlsx",
    "anggota_terenkripsi.xlsx": "anggota zip dengan bendera enkripsi ZipCrypto",
}
READABLE = frozenset(
    {
        "luas_dengan_tabel.xlsx",
        "dimensi_bohong.xlsx",
        "tanpa_sharedstrings_inline.xlsx",
        "teks_inline.xlsx",
        "tanggal_angka.xlsx",
        "tipe_aneh.xlsx",
        "jalur_traversal.xlsx",
    }
)
REALISASI_CSV = "realisasi.csv"
# Realisasi files for ``iku isi --realisasi`` that are hostile in their own way (the workbooks of
# CORPUS are tried as realisasi files too).
REALISASI_HOSTILE: dict[str, str] = {
    "realisasi_biner.csv": "byte yang bukan UTF-8 maupun cp1252",
    "realisasi_sel_panjang.csv": "satu sel 140.000 karakter (batas modul csv 131.072)",
    "realisasi_utf16.csv": "disimpan Excel sebagai 'Unicode Text' (UTF-16, tab)",
}
TRAVERSAL_TARGETS = ("/tmp/iku_hostile_traversal.txt", "/tmp/iku_hostile_absolut.txt")

# The IKU table held by the readable files: (no, sasaran, indikator, satuan, target, tw1..tw4).
INDIKATOR: tuple[tuple[str, str, str, str, float, float, float, float, float], ...] = (
    ("1", "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "Indeks",
     82, 80, 81, 82, 83),
    ("", "", "Persentase pengaduan yang ditindaklanjuti", "%", 100, 90, 95, 100, 100),
    ("2", "Meningkatnya pembangunan desa", "Persentase desa dengan kategori minimal Maju", "%",
     60, 30, 30, 40, 45),
    ("", "", "Jumlah desa yang menyusun RPJMDes tepat waktu", "Desa", 12, 3, 3, 3, 3),
    ("3", "Meningkatnya akuntabilitas kinerja kecamatan", "Nilai SAKIP Kecamatan", "Nilai",
     70, 0, 0, 0, 71.5),
)  # fmt: skip
INDIKATOR_NAMES = tuple(row[2] for row in INDIKATOR)


# --- Zip writing, deterministic ---------------------------------------------------------------


def write_zip(path: Path, members: dict[str, str | bytes | None]) -> Path:
    """A deflated zip of ``members`` (None: left out), each stamped with ``FIXED_TIME``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            if data is not None:
                info = zipfile.ZipInfo(name, FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)
    return path


def package_members(
    sheets: Sequence[str],
    *,
    strings: Sequence[str] = (),
    names: Sequence[str] | None = None,
    workbook: str | None = None,
) -> dict[str, str | bytes | None]:
    """The members of a minimal .xlsx (the layout of test_xlsx_read.package)."""
    names = list(names or [f"Sheet{i}" for i in range(1, len(sheets) + 1)])
    members: dict[str, str | bytes | None] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "xl/workbook.xml": workbook or workbook_xml(names),
        "xl/_rels/workbook.xml.rels": workbook_rels(len(sheets)),
        "xl/styles.xml": STYLES,
        "xl/sharedStrings.xml": shared_strings_xml([f"<t>{escape(s)}</t>" for s in strings]),
    }
    for i, xml in enumerate(sheets, start=1):
        members[f"xl/worksheets/sheet{i}.xml"] = xml
    return members


# --- Sheet XML from rows -----------------------------------------------------------------------

# Style ids of test_xlsx_read.STYLES: 0 General, 1 "0.00%", 2 "dd/mm/yyyy", 3 builtin 14 (date),
# 4 "0.00", 5 builtin 46 ("[h]:mm:ss").
Raw = tuple[str, str | None, str]  # a cell written as is: (t attribute, s attribute, inner XML)
Value = str | int | float | Raw | None


def column_letters(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SheetBuilder:
    """Rows of values -> worksheet XML; text goes to shared strings or inline."""

    def __init__(self, *, inline: bool = False) -> None:
        self.inline = inline
        self.strings: list[str] = []
        self._index: dict[str, int] = {}
        self.rows: list[str] = []
        self.merges: list[str] = []

    def cell(self, ref: str, value: Value) -> str:
        if value is None:
            return ""
        if isinstance(value, tuple):
            kind, style, inner = value
            attrs = f' r="{ref}"' + (f' t="{kind}"' if kind else "")
            attrs += f' s="{style}"' if style is not None else ""
            return f"<c{attrs}>{inner}</c>"
        if isinstance(value, str):
            if self.inline:
                return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
            if value not in self._index:
                self._index[value] = len(self.strings)
                self.strings.append(value)
            return f'<c r="{ref}" t="s"><v>{self._index[value]}</v></c>'
        return f'<c r="{ref}"><v>{value!r}</v></c>'

    def row(self, number: int, values: Sequence[Value], *, first_col: int = 1) -> None:
        cells = "".join(
            self.cell(f"{column_letters(col)}{number}", v)
            for col, v in enumerate(values, start=first_col)
        )
        self.rows.append(f'<row r="{number}">{cells}</row>')

    def xml(self, *, dimension: str | None = None, prolog: str = "") -> str:
        body = f'<dimension ref="{dimension}"/>' if dimension else ""
        body += "<sheetData>" + "".join(self.rows) + "</sheetData>"
        if self.merges:
            body += f'<mergeCells count="{len(self.merges)}">'
            body += "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>"
        return sheet_xml(body, prolog=prolog)


def iku_sheet(builder: SheetBuilder, *, top: int = 1) -> int:
    """The IKU table (title, two header rows with REALISASI merged over TW I-IV, the data rows,
    sasaran merged down) from row ``top``; returns its last row."""
    builder.row(top, ["INDIKATOR KINERJA UTAMA KECAMATAN CONTOH TAHUN 2024"])
    builder.merges.append(f"A{top}:I{top}")
    head = top + 2
    builder.row(head, ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET 2024",
                       "REALISASI"])  # fmt: skip
    builder.row(head + 1, [None, None, None, None, None, "TW I", "TW II", "TW III", "TW IV"])
    for col in "ABCDE":
        builder.merges.append(f"{col}{head}:{col}{head + 1}")
    builder.merges.append(f"F{head}:I{head}")
    row = head + 2
    starts: list[int] = []
    for no, sasaran, indikator, satuan, *numbers in INDIKATOR:
        if no:
            starts.append(row)
        builder.row(row, [no or None, sasaran or None, indikator, satuan, *numbers])
        row += 1
    starts.append(row)
    for first, after in itertools.pairwise(starts):
        if after - first > 1:
            builder.merges.extend(f"{c}{first}:{c}{after - 1}" for c in "AB")
    return row - 1


def iku_members(
    *, dimension: str | None = None, inline: bool = False
) -> dict[str, str | bytes | None]:
    builder = SheetBuilder(inline=inline)
    iku_sheet(builder)
    return package_members(
        [builder.xml(dimension=dimension)], strings=builder.strings, names=["IKU"]
    )


# --- The files ---------------------------------------------------------------------------------


def zip_bomb(path: Path) -> Path:
    """About 1 MB holding a sheet1.xml of more than 1 GiB of spaces, declared honestly in the zip
    directory. The deflate stream is one compressed MiB of spaces repeated: after a full flush
    the compressor starts afresh, so every MiB compresses to the same bytes."""
    members = iku_members()
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    chunk = b" " * (1024 * 1024)
    repeats = 1025  # 1025 MiB > 1 GiB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    finisher = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = finisher.compress(head) + finisher.flush(zlib.Z_FULL_FLUSH)
    end = finisher.compress(tail) + finisher.flush(zlib.Z_FINISH)
    stream = start + piece * repeats + end
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * repeats + len(tail)
    assert size > GIB
    entries = [(n, d.encode() if isinstance(d, str) else d) for n, d in members.items() if d]
    entries = [e for e in entries if e[0] != "xl/worksheets/sheet1.xml"]
    out = io.BytesIO()
    central = io.BytesIO()
    count = 0

    def add(name: str, data: bytes, crc: int, size: int) -> None:
        nonlocal count
        encoded = name.encode()
        offset = out.tell()
        dostime = (FIXED_TIME[3] << 11) | (FIXED_TIME[4] << 5) | (FIXED_TIME[5] // 2)
        dosdate = ((FIXED_TIME[0] - 1980) << 9) | (FIXED_TIME[1] << 5) | FIXED_TIME[2]
        common = struct.pack("<HHHHHLLL", 20, 0, 8, dostime, dosdate, crc, len(data), size)
        out.write(b"PK\x03\x04" + common + struct.pack("<HH", len(encoded), 0) + encoded + data)
        central.write(
            b"PK\x01\x02" + struct.pack("<H", 20) + common
            + struct.pack("<HHHHHLL", len(encoded), 0, 0, 0, 0, 0o644 << 16, offset) + encoded
        )  # fmt: skip
        count += 1

    for name, data in entries:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        add(name, packed, zlib.crc32(data), len(data))
    add("xl/worksheets/sheet1.xml", stream, crc, size)
    directory = central.getvalue()
    end_record = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory),
                             out.tell(), 0)  # fmt: skip
    path.write_bytes(out.getvalue() + directory + end_record)
    return path


def huge_extent(path: Path, *, with_table: bool) -> Path:
    builder = SheetBuilder()
    if with_table:
        iku_sheet(builder)
    else:
        builder.row(1, [1])
    far = '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
    xml = builder.xml(dimension="A1:XFD1048576").replace("</sheetData>", far + "</sheetData>")
    return write_zip(path, package_members([xml], strings=builder.strings, names=["IKU"]))


def entity_bomb_shared_strings(path: Path) -> Path:
    members = iku_members()
    members["xl/sharedStrings.xml"] = shared_strings_xml(["<t>&lol9;</t>"], prolog=BOMB_DTD)
    return write_zip(path, members)


def entity_bomb_workbook(path: Path) -> Path:
    members = iku_members()
    members["xl/workbook.xml"] = workbook_xml(["&lol9;"], prolog=BOMB_DTD)
    return write_zip(path, members)


def xxe(path: Path) -> Path:
    prolog = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    builder = SheetBuilder()
    builder.row(1, [("inlineStr", None, "<is><t>&xxe;</t></is>")])
    iku_sheet(builder, top=3)
    members = package_members([builder.xml(prolog=prolog)], strings=builder.strings, names=["IKU"])
    return write_zip(path, members)


def cfb_encrypted(path: Path) -> Path:
    """A Compound File (CFB v3, 512-byte sectors) laid out like an Office file encrypted with a
    password: a root storage holding the streams EncryptionInfo and EncryptedPackage. Both are
    4 KiB so that they live in ordinary sectors (no mini stream needed)."""
    sector = 512
    info = struct.pack("<HHL", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
        b'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
    )
    info = info.ljust(4096, b"\0")
    encrypted = struct.pack("<Q", 6000) + bytes((i * 131 + 7) % 256 for i in range(4088))
    streams = [("EncryptionInfo", info), ("EncryptedPackage", encrypted)]
    ENDOFCHAIN, FATSECT, FREESECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
    fat = [FATSECT, ENDOFCHAIN]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for _, data in streams:
        count = len(data) // sector
        first = len(fat)
        starts.append(first)
        fat.extend([*range(first + 1, first + count), ENDOFCHAIN])
    fat += [FREESECT] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int,
              size: int) -> bytes:  # fmt: skip
        encoded = name.encode("utf-16-le") + b"\0\0" if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3L", len(encoded), kind, 1, left, right, child)
            + bytes(16 + 4 + 8 + 8)
            + struct.pack("<LQ", start, size)
        )

    # Red-black tree by (length, upper-case name): EncryptionInfo < EncryptedPackage.
    directory = (
        entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, ENDOFCHAIN, 0)
        + entry("EncryptionInfo", 2, NOSTREAM, 2, NOSTREAM, starts[0], len(info))
        + entry("EncryptedPackage", 2, NOSTREAM, NOSTREAM, NOSTREAM, starts[1], len(encrypted))
        + entry("", 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0)
    )
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
        + struct.pack("<LLLLLLLLL", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
        + struct.pack("<L", 0) + struct.pack("<L", FREESECT) * 108
    )  # fmt: skip
    assert len(header) == sector and len(directory) == sector
    body = struct.pack(f"<{len(fat)}L", *fat) + directory + info + encrypted
    path.write_bytes(header + body)
    return path


def legacy_xls(folder: Path, *, build: bool) -> None:
    """excel_lama.xls from LibreOffice (when ``build`` and soffice is found; else the committed
    one is kept), and its copy named .xlsx."""
    target = folder / "excel_lama.xls"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if build and soffice:
        with tempfile.TemporaryDirectory() as tmp:
            source = write_zip(Path(tmp) / "excel_lama.xlsx", iku_members())
            profile = Path(tmp, "profil").as_uri()
            subprocess.run(
                ["timeout", "-s", "KILL", "120", soffice, "--headless",
                 f"-env:UserInstallation={profile}", "--convert-to", "xls", "--outdir", tmp,
                 str(source)],
                check=True, capture_output=True,
            )  # fmt: skip
            shutil.copyfile(Path(tmp) / "excel_lama.xls", target)
    elif not target.exists() and (HERE / target.name).exists():
        shutil.copyfile(HERE / target.name, target)
    if target.exists():
        shutil.copyfile(target, folder / "excel_lama_diganti_nama.xlsx")


def truncated(path: Path) -> Path:
    whole = write_zip(path, iku_members())
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Laporan IKU</title></head>
<body><table border="1">
<tr><th>NO</th><th>SASARAN STRATEGIS</th><th>INDIKATOR KINERJA</th><th>SATUAN</th>
<th>TARGET</th></tr>
<tr><td>1</td><td>Meningkatnya kualitas pelayanan publik</td>
<td>Indeks Kepuasan Masyarakat</td><td>Indeks</td><td>82</td></tr>
</table></body></html>
"""

CSV = (
    "NO;SASARAN STRATEGIS;INDIKATOR KINERJA;SATUAN;TARGET\n"
    "1;Meningkatnya kualitas pelayanan publik;Indeks Kepuasan Masyarakat;Indeks;82\n"
)


def no_shared_strings(path: Path) -> Path:
    members = iku_members()
    members["xl/sharedStrings.xml"] = None
    return write_zip(path, members)


def no_shared_strings_inline(path: Path) -> Path:
    members = iku_members(inline=True)
    members["xl/sharedStrings.xml"] = None  # the relationship still points at it
    return write_zip(path, members)


def dates_as_numbers(path: Path) -> Path:
    """What Excel makes of typed fractions and dates: TW values typed "1/4" became dates, a
    target in a date-formatted cell, an ISO date cell (t="d"), a duration; and an Identitas
    sheet whose year and date are serial numbers."""
    builder = SheetBuilder()
    last = iku_sheet(builder)
    xml = builder.xml()
    date = "3"  # style id: builtin date format 14
    replacements = {
        '<c r="F5"><v>80</v></c>': f'<c r="F5" s="{date}"><v>45383</v></c>',  # 1/4 -> 1 Apr
        '<c r="E6"><v>100</v></c>': f'<c r="E6" s="{date}"><v>100</v></c>',
        '<c r="G7"><v>30</v></c>': '<c r="G7" t="d"><v>2024-03-31T00:00:00</v></c>',
        '<c r="H8"><v>3</v></c>': '<c r="H8" s="5"><v>1.25</v></c>',
        '<c r="I9"><v>71.5</v></c>': '<c r="I9" s="2"><v>2958466</v></c>',  # past 9999
    }
    for old, new in replacements.items():
        assert old in xml, old
        xml = xml.replace(old, new)
    assert last == 9
    both = SheetBuilder()  # the Identitas sheet, sharing the IKU sheet's string table
    both.strings = builder.strings
    both._index = {s: i for i, s in enumerate(builder.strings)}
    both.row(1, ["Instansi", "Kecamatan Contoh"])
    both.row(2, ["Tahun", ("", date, "<v>2024</v>")])
    both.row(3, ["Tanggal SK", ("", "2", "<v>45292</v>")])
    both.row(4, ["Tanggal tanda tangan", ("d", None, "<v>2024-12-31</v>")])
    members = package_members([both.xml(), xml], strings=both.strings, names=["Identitas", "IKU"])
    return write_zip(path, members)


def odd_types(path: Path) -> Path:
    """Cells whose types no reader expects, inside an otherwise good table."""
    builder = SheetBuilder()
    iku_sheet(builder)
    xml = builder.xml()
    long_text = "panjang " * 4200  # past Excel's 32,767 characters
    replacements = {
        '<c r="F5"><v>80</v></c>': '<c r="F5" t="e"><v>#N/A</v></c>',
        '<c r="G5"><v>81</v></c>': '<c r="G5" t="b"><v>2</v></c>',
        '<c r="H5"><v>82</v></c>': '<c r="H5" t="str"><f>1+1</f><v>dua</v></c>',
        '<c r="I5"><v>83</v></c>': '<c r="I5" t="zzz"><v>83</v></c>',
        '<c r="E6"><v>100</v></c>': '<c r="E6"><v>1e309</v></c>',  # inf
        '<c r="F6"><v>90</v></c>': '<c r="F6"><v>NaN</v></c>',
        '<c r="G6"><v>95</v></c>': '<c r="G6"><v>-inf</v></c>',
        '<c r="H6"><v>100</v></c>': '<c r="H6"><v>1.7976931348623157e308</v></c>',
        '<c r="I6"><v>100</v></c>': '<c r="I6"><v>123456789012345678901234567890</v></c>',
        '<c r="E7"><v>60</v></c>': '<c r="E7" t="n"><v>enam puluh</v></c>',
        '<c r="F7"><v>30</v></c>': '<c r="F7" t="s"><v>-1</v></c>',
        '<c r="G7"><v>30</v></c>': '<c r="G7"><v>-0</v></c>',
        '<c r="H7"><v>40</v></c>': '<c r="H7"><v>1e-400</v></c>',
        '<c r="I7"><v>45</v></c>': '<c r="I7" t="inlineStr"><v>45</v></c>',  # no <is>
        '<c r="E8"><v>12</v></c>': f'<c r="E8" t="inlineStr"><is><t>{long_text}</t></is></c>',
        '<c r="F8"><v>3</v></c>': '<c r="F8" t="d"><v>bukan tanggal</v></c>',
        '<c r="G8"><v>3</v></c>': '<c r="G8" s="99"><v>3</v></c>',  # style id not in styles
        '<c r="H8"><v>3</v></c>': '<c r="H8" t="e"><v>#DIV/0!</v></c>',
        '<c r="I8"><v>3</v></c>': '<c r="I8"><f>SUM(F8:H8)</f></c>',  # no stored result
        '<c r="E9"><v>70</v></c>': '<c r="E9" t="str"><v>=70</v></c>',
        '<c r="I9"><v>71.5</v></c>': '<c r="I9"><v>71,5</v></c>',
    }
    for old, new in replacements.items():
        assert old in xml, old
        xml = xml.replace(old, new)
    members = package_members([xml], strings=builder.strings, names=["IKU"])
    return write_zip(path, members)


def many_members(path: Path, count: int = 20_000) -> Path:
    """A working workbook plus empty stored members up to ``count`` (short names keep the
    file small: about 80 bytes per member)."""
    members = iku_members()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            if data is not None:
                info = zipfile.ZipInfo(name, FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        for i in range(count - len(zf.infolist())):
            info = zipfile.ZipInfo(f"{i:x}", FIXED_TIME)
            zf.writestr(info, b"")
    path.write_bytes(out.getvalue())
    return path


def traversal(path: Path) -> Path:
    """A good workbook with members whose names climb out of any folder they would be
    extracted to, and a second sheet whose relationship points outside the package."""
    members = iku_members()
    rels = str(members["xl/_rels/workbook.xml.rels"])
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId9" Target="../../../../../../../etc/passwd" '
        f'Type="{REL}/worksheet"/></Relationships>',
    )
    members["xl/_rels/workbook.xml.rels"] = rels
    workbook = str(members["xl/workbook.xml"]).replace(
        "</sheets>", '<sheet name="Luar" sheetId="9" r:id="rId9"/></sheets>'
    )
    members["xl/workbook.xml"] = workbook
    members["../../../../../../../../tmp/iku_hostile_traversal.txt"] = "jangan ditulis\n"
    members["/tmp/iku_hostile_absolut.txt"] = "jangan ditulis\n"
    members["xl/..\\..\\..\\iku_hostile_windows.txt"] = "jangan ditulis\n"
    return write_zip(path, members)


def malformed_sheet(path: Path) -> Path:
    members = iku_members()
    xml = str(members["xl/worksheets/sheet1.xml"])
    members["xl/worksheets/sheet1.xml"] = xml.replace("</row>", "</baris>", 3)
    return write_zip(path, members)


def empty_workbook(path: Path) -> Path:
    members = package_members([])
    members["xl/workbook.xml"] = workbook_xml([])
    return write_zip(path, members)


def no_table(path: Path) -> Path:
    builder = SheetBuilder()
    builder.row(1, ["Catatan rapat koordinasi"])
    builder.row(3, ["Hadir:", 12, "orang"])
    builder.row(4, ["Tempat", "Aula kecamatan"])
    builder.row(6, ["Kesimpulan: data IKU menyusul minggu depan"])
    return write_zip(path, package_members([builder.xml()], strings=builder.strings))


def plain_zip(path: Path) -> Path:
    return write_zip(path, {"laporan.txt": "Ini bukan workbook.\n", "foto/kantor.txt": "gambar\n"})


def encrypted_member(path: Path) -> Path:
    """A workbook whose sheet member says it is ZipCrypto-encrypted (flag bit 0), in both its
    local header and its directory entry."""
    data = bytearray(write_zip(path, iku_members()).read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    for signature, flags_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                flags = struct.unpack_from("<H", data, at + flags_at)[0]
                struct.pack_into("<H", data, at + flags_at, flags | 0x1)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def realisasi_csv() -> str:
    """The realisasi file for ``iku isi``: TW values for every indicator of the table."""
    lines = ["indikator;tw1;tw2;tw3;tw4"]
    for _, _, indikator, _, _, *tw in INDIKATOR:
        lines.append(";".join([indikator, *(str(v + 1).replace(".", ",") for v in tw)]))
    return "\n".join(lines) + "\n"


def build(folder: Path, *, xls: bool = True) -> list[Path]:
    """Write every file of ``CORPUS`` (and the realisasi file) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    f = folder.joinpath
    zip_bomb(f("bom_zip_1gb.xlsx"))
    huge_extent(f("luas_xfd1048576.xlsx"), with_table=False)
    huge_extent(f("luas_dengan_tabel.xlsx"), with_table=True)
    entity_bomb_shared_strings(f("bom_entitas_sharedstrings.xlsx"))
    entity_bomb_workbook(f("bom_entitas_workbook.xlsx"))
    xxe(f("xxe_etc_passwd.xlsx"))
    cfb_encrypted(f("terkunci_sandi.xlsx"))
    legacy_xls(folder, build=xls)
    truncated(f("terpotong.xlsx"))
    f("kosong_0_byte.xlsx").write_bytes(b"")
    f("halaman_web.xlsx").write_text(HTML, encoding="utf-8")
    f("csv_diganti_nama.xlsx").write_text(CSV, encoding="utf-8")
    write_zip(f("dimensi_bohong.xlsx"), iku_members(dimension="A1"))
    no_shared_strings(f("tanpa_sharedstrings.xlsx"))
    no_shared_strings_inline(f("tanpa_sharedstrings_inline.xlsx"))
    write_zip(f("teks_inline.xlsx"), iku_members(inline=True))
    dates_as_numbers(f("tanggal_angka.xlsx"))
    odd_types(f("tipe_aneh.xlsx"))
    many_members(f("anggota_20000.xlsx"))
    traversal(f("jalur_traversal.xlsx"))
    malformed_sheet(f("xml_sheet_rusak.xlsx"))
    empty_workbook(f("buku_kosong.xlsx"))
    no_table(f("tanpa_tabel.xlsx"))
    plain_zip(f("zip_biasa.xlsx"))
    encrypted_member(f("anggota_terenkripsi.xlsx"))
    f(REALISASI_CSV).write_text(realisasi_csv(), encoding="utf-8")
    f("realisasi_biner.csv").write_bytes(
        b"indikator;tw1\n" + bytes(range(128, 256)) * 8 + b";1\n"  # 0x81 is not cp1252
    )
    f("realisasi_sel_panjang.csv").write_text(
        'indikator;tw1\n"' + "x" * 140_000 + '";1\n', encoding="utf-8"
    )
    f("realisasi_utf16.csv").write_text(realisasi_csv().replace(";", "\t"), encoding="utf-16")
    written = [f(name) for name in CORPUS if f(name).exists()]
    return [*written, f(REALISASI_CSV), *(f(name) for name in REALISASI_HOSTILE)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    parser.add_argument("--tanpa-xls", action="store_true", help="jangan panggil LibreOffice")
    args = parser.parse_args(argv)
    for path in build(args.folder, xls=not args.tanpa_xls):
        print(f"{path.stat().st_size:>10,}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
