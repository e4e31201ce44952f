"""The zip container of an .xlsx, read from bytes, shared by reading and patching.

One implementation of the zip format for the whole package: it finds the members from the
central directory, refuses what is not a workbook or exceeds ``Limits`` before anything is
inflated, inflates a member in bounded chunks (the directory may lie), and rebuilds the zip
with chosen members replaced or removed while every other member is copied as its own bytes
(local header, compressed data, central record), only moved to its new offset. ``zipfile`` is
not used: it keeps no raw records to copy, and builds one object per member before any check.

Every refusal is an ``IkuFileError`` with one Indonesian line saying what to do; the caller that
knows the path adds it.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from iku_excel.errors import IkuFileError
from iku_excel.fileio import describe_os_error

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a workbook may hold before it is refused. The defaults are far above any real
    SAKIP workbook (a 2,000-indicator workbook has about 30,000 cells and a 1 MB sheet XML)
    and far below what hurts an office laptop."""

    max_members: int = 10_000
    """Files inside the zip."""
    max_member_bytes: int = 500 * _MB
    """Inflated size of one member (sheet, shared strings, styles...)."""
    max_total_bytes: int = 1024 * _MB
    """Inflated size of all members read together; also the largest file read at all."""
    max_ratio: int = 100
    """Inflated size / stored size of a big member; real sheet XML stays below about 30."""
    ratio_from_bytes: int = 10 * _MB
    """Members inflating to at most this many bytes are not ratio-checked (tiny parts compress
    extremely well and are harmless)."""
    max_cells: int = 5_000_000
    """``<c>`` elements in all sheets read, empty styled cells included (about 1 GB of memory
    if every one holds a value)."""
    max_merged_cells: int = 2_000_000
    """Cells covered by all merged ranges of a sheet together (openpyxl and ``Grid.merge_at``
    build one object per covered cell)."""
    max_rows: int = 1_048_576
    """Excel's last row."""
    max_columns: int = 16_384
    """Excel's last column (XFD)."""


DEFAULT_LIMITS = Limits()

_LOCAL_SIG = b"PK\x03\x04"
_CENTRAL_SIG = b"PK\x01\x02"
_EOCD_SIG = b"PK\x05\x06"
_ZIP64_EOCD_SIG = b"PK\x06\x06"
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
_CENTRAL = struct.Struct("<4s6H3L5HLL")  # 46 bytes
_LOCAL = struct.Struct("<4s5H3L2H")  # 30 bytes
_EOCD = struct.Struct("<4s4H2LH")  # 22 bytes
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")  # 56 bytes
_FLAG_ENCRYPTED = 0x0001
_FLAG_DATA_DESCRIPTOR = 0x0008
_FLAG_STRONG_ENCRYPTION = 0x0040
_FLAG_UTF8 = 0x0800
_STORED, _DEFLATED = 0, 8
_CHUNK = 1024 * 1024
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(slots=True)
class _Entry:
    """One member as the central directory describes it, with its raw records."""

    name: str
    central: bytes  # the raw central-directory record, copied to the output
    offset_at: int  # where in ``central`` the local-header offset is stored ...
    offset_width: int  # ... in 4 bytes, or 8 inside a zip64 extra field
    flags: int
    method: int
    crc: int
    compressed_size: int
    size: int
    offset: int  # of its local header in the input
    span_end: int = 0  # where its local record (header, data, descriptor) ends in the input


def corrupt(detail: str = "") -> IkuFileError:
    """The refusal of a zip that is broken or cut short."""
    suffix = f" ({detail})" if detail else ""
    return IkuFileError(
        f"berkas .xlsx rusak atau terpotong{suffix}; minta kirim ulang atau buka dan simpan "
        "ulang di Excel"
    )


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the workbook at ``path``, refusing with a line that says what to do what
    is missing, a folder, unreadable or larger than ``Limits.max_total_bytes``."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IkuFileError("ini folder, bukan berkas Excel", path)
        if path.stat().st_size > limits.max_total_bytes:  # never read a huge file into memory
            raise IkuFileError(
                f"berkas lebih dari {limits.max_total_bytes // _MB:,} MB "
                "(Limits.max_total_bytes); bukan workbook biasa, tidak diproses",
                path,
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise IkuFileError("berkas tidak ditemukan; periksa nama dan foldernya", path) from exc
    except PermissionError as exc:
        raise IkuFileError(
            "tidak ada izin membaca berkas; tutup berkas di Excel atau periksa izinnya", path
        ) from exc
    except OSError as exc:
        if isinstance(exc, IkuFileError):
            raise
        raise IkuFileError(describe_os_error(exc, "membaca berkas"), path) from exc


class Archive:
    """A zip read from bytes: its members found by name (case-insensitive, as in OPC), read
    within ``limits``, and rebuilt with only the members that change recompressed."""

    def __init__(self, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
        check_head(data)
        self.data = data
        self.limits = limits
        self.bytes_read = 0
        try:
            cd_start, prefix, count, self.comment = _central_directory(data)
            if count > limits.max_members:  # before one object is built per member
                raise _too_many_members(count, limits)
            self.entries = _central_entries(data, cd_start, count)
            _check_members(self.entries, limits)
            _locate_records(data, self.entries, prefix, cd_start)
        except struct.error as exc:  # a record cut short
            raise corrupt("struktur zip terpotong") from exc
        self._by_name = {e.name: e for e in self.entries}
        self._by_folded = {e.name.casefold(): e for e in self.entries}

    def find(self, part: str) -> str | None:
        """The member's name as stored, or None when the zip has no such part."""
        entry = self._by_name.get(part) or self._by_folded.get(part.casefold())
        return None if entry is None else entry.name

    def has(self, part: str) -> bool:
        return self.find(part) is not None

    def name_of(self, part: str) -> str:
        """The member's name as stored; refuses a part the zip does not have."""
        return self._entry(part).name

    def _entry(self, part: str) -> _Entry:
        entry = self._by_name.get(part) or self._by_folded.get(part.casefold())
        if entry is None:
            raise IkuFileError(
                f"bagian {part} tidak ada di dalam berkas; buka dan simpan ulang di Excel"
            )
        return entry

    def chunks(self, part: str) -> Iterator[bytes]:
        """The member's content in pieces of about 1 MB, never more than it declares, counted
        against ``Limits.max_total_bytes``; its CRC checked at the end."""
        entry = self._entry(part)
        self._count(entry.size)
        name_len, extra_len = struct.unpack_from("<2H", self.data, entry.offset + 26)
        start = entry.offset + _LOCAL.size + name_len + extra_len
        raw = memoryview(self.data)[start : start + entry.compressed_size]
        crc = 0
        seen = 0
        if entry.method == _STORED:
            for at in range(0, len(raw), _CHUNK):
                piece = bytes(raw[at : at + _CHUNK])
                crc = zlib.crc32(piece, crc)
                seen += len(piece)
                yield piece
        else:
            inflater = zlib.decompressobj(-15)
            try:
                for at in range(0, len(raw), _CHUNK):
                    pending: bytes | memoryview = raw[at : at + _CHUNK]
                    while pending:
                        piece = inflater.decompress(pending, _CHUNK)
                        pending = inflater.unconsumed_tail
                        seen += len(piece)
                        if seen > entry.size:  # the directory lied about the size
                            raise corrupt(f"ukuran {entry.name} tidak sesuai")
                        crc = zlib.crc32(piece, crc)
                        yield piece
                        if inflater.eof:
                            break
                    if inflater.eof:
                        break
            except zlib.error as exc:
                raise corrupt(entry.name) from exc
            if not inflater.eof:
                raise corrupt(f"ukuran {entry.name} tidak sesuai")
        if seen != entry.size or crc != entry.crc:
            raise corrupt(f"isi {entry.name} tidak cocok dengan CRC-nya")

    def read(self, part: str) -> bytes:
        """The whole content of a member (see ``chunks``)."""
        return b"".join(self.chunks(part))

    def read_text(self, part: str) -> str:
        """A member as UTF-8 text; anything else is refused (Excel writes only UTF-8)."""
        content = self.read(part)
        if content.startswith((b"\xff\xfe", b"\xfe\xff")) or re.match(
            rb"""<\?xml[^>]*encoding=["'](?!utf-?8["'])""", content.lstrip(b"\xef\xbb\xbf"), re.I
        ):
            raise IkuFileError(
                f"bagian {part} tidak memakai pengodean UTF-8; buka dan simpan ulang di Excel"
            )
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise corrupt(f"{part} bukan UTF-8 yang sah") from exc

    def _count(self, size: int) -> None:
        self.bytes_read += size
        if self.bytes_read > self.limits.max_total_bytes:
            raise _too_big("", self.limits.max_total_bytes, "Limits.max_total_bytes")

    def rebuild(self, replaced: dict[str, bytes], removed: Collection[str] = ()) -> bytes:
        """A new zip: members in the same order, unchanged ones as their original bytes,
        ``replaced`` ones recompressed with their own method and attributes."""
        replaced_entries = {self.name_of(k): v for k, v in replaced.items()}
        removed_names = {self.name_of(k) for k in removed}
        chunks: list[bytes | memoryview] = []
        centrals: list[bytes] = []
        position = 0
        view = memoryview(self.data)
        for entry in self.entries:
            if entry.name in removed_names:
                continue
            if entry.name in replaced_entries:
                local, central = _new_records(
                    self.data, entry, replaced_entries[entry.name], position
                )
                chunks.append(local)
                position += len(local)
            else:
                chunks.append(view[entry.offset : entry.span_end])
                central = _relocated(entry, position)
                position += entry.span_end - entry.offset
            centrals.append(central)
        directory = b"".join(centrals)
        if position + len(directory) > 0xFFFFFFFF:
            raise IkuFileError("hasil lebih dari 4 GB; berkas sebesar ini tidak didukung")
        end = _EOCD.pack(
            _EOCD_SIG,
            0,
            0,
            len(centrals),
            len(centrals),
            len(directory),
            position,
            len(self.comment),
        )
        return b"".join([*chunks, directory, end, self.comment])


# --- What the first bytes say ------------------------------------------------------------------


def check_head(data: bytes) -> None:
    """Refuse what the first bytes show is not a zip: empty, an OLE container (a legacy .xls
    or an encrypted .xlsx, told apart by the stream names), or anything else."""
    if not data:
        raise IkuFileError("berkas kosong (0 byte); minta kirim ulang berkasnya")
    if data.startswith(_CFB_MAGIC[:4]):
        raise IkuFileError(_cfb_message(data))
    if not data.startswith(b"PK"):
        raise IkuFileError(
            "bukan berkas Excel .xlsx (mungkin halaman web, CSV atau teks yang diberi nama "
            ".xlsx); buka di Excel lalu simpan sebagai Excel Workbook (.xlsx)"
        )


def _cfb_message(data: bytes) -> str:
    """An OLE (CFB) container is either a legacy .xls or an .xlsx encrypted with a password;
    the stream names in its directory usually tell which."""
    if "EncryptionInfo".encode("utf-16-le") in data:
        return (
            "berkas .xlsx terkunci kata sandi; buka di Excel, hapus kata sandinya (File > Info "
            "> Protect Workbook > Encrypt with Password), simpan, lalu coba lagi"
        )
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return (
            "berkas Excel lama (.xls); buka di Excel atau LibreOffice lalu simpan sebagai "
            "Excel Workbook (.xlsx)"
        )
    return (
        "berkas Excel lama (.xls) atau .xlsx yang terkunci kata sandi; buka di Excel atau "
        "LibreOffice, buang kata sandinya bila ada, lalu simpan sebagai Excel Workbook (.xlsx)"
    )


def _too_many_members(count: int, limits: Limits) -> IkuFileError:
    return IkuFileError(
        f"berkas ditolak: berisi {count:,} bagian, melebihi batas {limits.max_members:,} "
        "(Limits.max_members); ini bukan workbook biasa, minta kirim ulang berkas aslinya"
    )


def too_many(what: str, limit: int, setting: str) -> IkuFileError:
    """The refusal of a workbook holding more of something than ``Limits`` allows."""
    return IkuFileError(
        f"berkas ditolak: {what} lebih dari {limit:,} ({setting}); ini bukan workbook biasa, "
        "minta kirim ulang berkas aslinya atau pecah menjadi beberapa berkas"
    )


def _too_big(name: str, limit: int, setting: str) -> IkuFileError:
    what = f"bagian {name}" if name else "seluruh bagiannya"
    return IkuFileError(
        f"berkas ditolak: isi terurai {what} melebihi batas {limit // _MB:,} MB ({setting}); "
        "ini bukan workbook biasa atau sengaja dibuat membebani komputer, minta kirim ulang "
        "berkas aslinya"
    )


# --- The directory -------------------------------------------------------------------------------


def _end_record_position(data: bytes) -> int:
    """Where the end-of-central-directory record starts: the last signature whose comment
    fits the file exactly or within it."""
    floor = max(0, len(data) - _EOCD.size - 0xFFFF)
    pos = data.rfind(_EOCD_SIG, floor)
    while pos >= 0:
        if pos + _EOCD.size <= len(data):
            comment_len = struct.unpack_from("<H", data, pos + 20)[0]
            if pos + _EOCD.size + comment_len <= len(data):
                return pos
        pos = data.rfind(_EOCD_SIG, floor, pos)
    raise corrupt("akhir arsip zip tidak ditemukan")


def _central_directory(data: bytes) -> tuple[int, int, int, bytes]:
    """(start of the central directory, bytes before the zip (e.g. a stub), member count,
    archive comment)."""
    pos = _end_record_position(data)
    _, disk, cd_disk, _, count, cd_size, cd_offset, comment_len = _EOCD.unpack_from(data, pos)
    comment = data[pos + _EOCD.size : pos + _EOCD.size + comment_len]
    record_at = pos
    if count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        record_at = pos - 20 - _ZIP64_EOCD.size
        if record_at < 0 or data[pos - 20 : pos - 16] != _ZIP64_LOCATOR_SIG:
            raise corrupt("direktori zip64 tidak ditemukan")
        fields = _ZIP64_EOCD.unpack_from(data, record_at)
        if fields[0] != _ZIP64_EOCD_SIG:
            raise corrupt("direktori zip64 tidak ditemukan")
        disk, cd_disk, count, cd_size, cd_offset = (
            fields[4],
            fields[5],
            fields[7],
            fields[8],
            fields[9],
        )
    if disk or cd_disk:
        raise IkuFileError("arsip zip terpecah (multi-disk) tidak didukung; simpan ulang di Excel")
    prefix = record_at - cd_size - cd_offset
    if prefix < 0:
        raise corrupt("direktori pusat zip tidak sah")
    return cd_offset + prefix, prefix, count, comment


def _central_entries(data: bytes, start: int, count: int) -> list[_Entry]:
    entries = []
    pos = start
    for _ in range(count):
        if data[pos : pos + 4] != _CENTRAL_SIG:
            raise corrupt("direktori pusat zip rusak")
        fields = _CENTRAL.unpack_from(data, pos)
        flags, method, crc, csize, size = fields[3], fields[4], fields[7], fields[8], fields[9]
        name_len, extra_len, comment_len, offset = fields[10], fields[11], fields[12], fields[16]
        end = pos + _CENTRAL.size + name_len + extra_len + comment_len
        if end > len(data):
            raise corrupt("direktori pusat zip terpotong")
        raw_name = data[pos + _CENTRAL.size : pos + _CENTRAL.size + name_len]
        name = raw_name.decode("utf-8" if flags & _FLAG_UTF8 else "cp437", errors="replace")
        extra = data[pos + _CENTRAL.size + name_len : pos + _CENTRAL.size + name_len + extra_len]
        size, csize, offset, at = _zip64_values(extra, size, csize, offset)
        offset_at, width = (42, 4) if at is None else (_CENTRAL.size + name_len + at, 8)
        entries.append(
            _Entry(name, data[pos:end], offset_at, width, flags, method, crc, csize, size, offset)
        )
        pos = end
    return entries


def _zip64_values(
    extra: bytes, size: int, csize: int, offset: int
) -> tuple[int, int, int, int | None]:
    """Sizes and offset, read from the zip64 extra field where the record says 0xFFFFFFFF,
    and where in the extra field the offset is stored (None: in the record itself)."""
    if 0xFFFFFFFF not in (size, csize, offset):
        return size, csize, offset, None
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, pos)
        if tag != 0x0001:
            pos += 4 + length
            continue
        values = list(struct.unpack_from(f"<{length // 8}Q", extra, pos + 4))
        size = values.pop(0) if size == 0xFFFFFFFF and values else size
        csize = values.pop(0) if csize == 0xFFFFFFFF and values else csize
        if offset != 0xFFFFFFFF:
            return size, csize, offset, None
        if not values:
            break
        return size, csize, values[0], pos + 4 + 8 * (length // 8 - len(values))
    raise corrupt("data zip64 tidak lengkap")


def _check_members(entries: list[_Entry], limits: Limits) -> None:
    """Refuse, before anything is inflated, a zip whose directory declares what no workbook
    holds: a member twice, encryption, a method Excel never uses, sizes and compression ratios
    beyond ``limits`` (a zip bomb is refused here, from the directory alone)."""
    names: set[str] = set()
    total = 0
    for e in entries:
        if e.name.casefold() in names:
            raise corrupt(f"bagian {e.name} muncul dua kali")
        names.add(e.name.casefold())
        if e.flags & (_FLAG_ENCRYPTED | _FLAG_STRONG_ENCRYPTION):
            raise IkuFileError(
                "bagian berkas terkunci kata sandi zip; buka di Excel, buang kata sandinya, "
                "lalu simpan ulang sebagai .xlsx"
            )
        if e.method not in (_STORED, _DEFLATED):
            raise IkuFileError(
                f"bagian {e.name} memakai metode kompresi {e.method} yang tidak dipakai Excel; "
                "buka dan simpan ulang di Excel atau LibreOffice"
            )
        if e.size > limits.max_member_bytes:
            raise _too_big(e.name, limits.max_member_bytes, "Limits.max_member_bytes")
        total += e.size
        if total > limits.max_total_bytes:
            raise _too_big("", limits.max_total_bytes, "Limits.max_total_bytes")
        ratio = e.size // max(e.compressed_size, 1)
        if e.size > limits.ratio_from_bytes and ratio > limits.max_ratio:
            raise IkuFileError(
                f"berkas ditolak: bagian {e.name} mengembang {ratio:,} kali saat dibuka, "
                f"melebihi batas {limits.max_ratio} kali (Limits.max_ratio); ini ciri 'zip "
                "bomb', minta kirim ulang berkas yang disimpan langsung dari Excel"
            )


def _locate_records(data: bytes, entries: list[_Entry], prefix: int, cd_start: int) -> None:
    """Give each member the span of its local record: up to the next record, so a data
    descriptor (or stray bytes) travels with it. Overlapping members are refused."""
    ordered = sorted(entries, key=lambda e: e.offset)
    for entry in entries:
        entry.offset += prefix
    for i, entry in enumerate(ordered):
        end = ordered[i + 1].offset if i + 1 < len(ordered) else cd_start
        if data[entry.offset : entry.offset + 4] != _LOCAL_SIG:
            raise corrupt(f"kepala bagian {entry.name} tidak ditemukan")
        name_len, extra_len = struct.unpack_from("<2H", data, entry.offset + 26)
        if entry.offset + _LOCAL.size + name_len + extra_len + entry.compressed_size > end:
            raise corrupt(f"bagian {entry.name} tumpang-tindih atau terpotong")
        entry.span_end = end


# --- Writing ------------------------------------------------------------------------------------


def _relocated(entry: _Entry, position: int) -> bytes:
    record = bytearray(entry.central)
    struct.pack_into("<L" if entry.offset_width == 4 else "<Q", record, entry.offset_at, position)
    return bytes(record)


def _without_zip64(extra: bytes) -> bytes:
    kept = bytearray()
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, pos)
        if tag != 0x0001:
            kept += extra[pos : pos + 4 + length]
        pos += 4 + length
    return bytes(kept)


def _new_records(
    source: bytes, entry: _Entry, content: bytes, position: int
) -> tuple[bytes, bytes]:
    """The local record (header + data) and the central record of a replaced member: its own
    name, method, date, attributes and extra fields; new sizes and CRC; no data descriptor."""
    if entry.method == _DEFLATED:
        deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = deflater.compress(content) + deflater.flush()
    else:
        data = content
    crc = zlib.crc32(content)
    fields = list(_CENTRAL.unpack_from(entry.central, 0))
    name_len, extra_len, comment_len = fields[10], fields[11], fields[12]
    tail = entry.central[_CENTRAL.size :]
    name = tail[:name_len]
    central_extra = _without_zip64(tail[name_len : name_len + extra_len])
    comment = tail[name_len + extra_len : name_len + extra_len + comment_len]
    flags = entry.flags & ~_FLAG_DATA_DESCRIPTOR
    made_by, needed, time, date = fields[1], fields[2], fields[5], fields[6]
    internal, external = fields[14], fields[15]
    local_name_len, local_extra_len = struct.unpack_from("<2H", source, entry.offset + 26)
    local_extra_at = entry.offset + _LOCAL.size + local_name_len
    local_extra = _without_zip64(source[local_extra_at : local_extra_at + local_extra_len])
    local = _LOCAL.pack(
        _LOCAL_SIG,
        needed,
        flags,
        entry.method,
        time,
        date,
        crc,
        len(data),
        len(content),
        name_len,
        len(local_extra),
    )
    central = _CENTRAL.pack(
        _CENTRAL_SIG,
        made_by,
        needed,
        flags,
        entry.method,
        time,
        date,
        crc,
        len(data),
        len(content),
        name_len,
        len(central_extra),
        comment_len,
        0,
        internal,
        external,
        position,
    )
    return local + name + local_extra + data, central + name + central_extra + comment
