"""The domain model: immutable values shared by the reader, the calculator and the writers.

Words follow ../shared/docs/domain.md (sasaran, indikator, target, realisasi, capaian ...).
Numbers are ``Decimal`` so that printed figures equal Excel's; a percentage is held in percent
units (60 for 60%), whatever the cell held. ``None`` always means "not given", never zero.
NIP and every code are text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal


class Polaritas(str, enum.Enum):
    """Which direction is better. ``RENTANG``: the target is a range (e.g. 80-90)."""

    POSITIF = "positif"
    NEGATIF = "negatif"
    RENTANG = "rentang"


class Akumulasi(str, enum.Enum):
    """How the four triwulan values make the year's value."""

    JUMLAH = "jumlah"
    TERAKHIR = "terakhir"
    RATA_RATA = "rata-rata"


class Peran(str, enum.Enum):
    """The role of a signatory. ``PENETAP`` signs an SK lampiran or a report; in a Perjanjian
    Kinerja the head of the instansi is ``PIHAK_PERTAMA`` and the superior ``PIHAK_KEDUA``."""

    PENETAP = "penetap"
    PIHAK_PERTAMA = "pihak_pertama"
    PIHAK_KEDUA = "pihak_kedua"


@dataclass(frozen=True, slots=True)
class Rentang:
    """A range target, both bounds inclusive."""

    bawah: Decimal
    atas: Decimal


Target = Decimal | Rentang


@dataclass(frozen=True, slots=True)
class PerTriwulan:
    """One value per triwulan (TW I-IV); ``None`` where nothing was reported."""

    tw1: Decimal | None = None
    tw2: Decimal | None = None
    tw3: Decimal | None = None
    tw4: Decimal | None = None

    def __iter__(self) -> Iterator[Decimal | None]:
        return iter((self.tw1, self.tw2, self.tw3, self.tw4))

    @property
    def values(self) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
        return (self.tw1, self.tw2, self.tw3, self.tw4)

    @property
    def is_empty(self) -> bool:
        return all(v is None for v in self.values)


@dataclass(frozen=True, slots=True)
class Identitas:
    """Who the document belongs to and which decree it is attached to."""

    pemerintah: str = ""  # "PEMERINTAH KABUPATEN TANGERANG"
    instansi: str = ""  # "KECAMATAN LEGOK"
    alamat: str = ""
    tahun: int | None = None
    sk_nomor: str = ""  # kept as typed, blanks included: "900/ -Kec.Lgk/2020"
    sk_tanggal: str = ""  # as printed: "Januari 2020"
    sk_jabatan: str = ""  # who decrees: "Plt. CAMAT LEGOK"
    sk_tempat: str = ""  # "Ditetapkan di": "Tangerang"
    tempat: str = ""  # place above the signature: "Legok"
    tanggal: str = ""  # date above the signature: "Januari 2020"

    @property
    def kabupaten(self) -> str:
        """The region part of ``pemerintah`` ("KABUPATEN TANGERANG")."""
        text = self.pemerintah.strip()
        upper = text.upper()
        return text[len("PEMERINTAH ") :].strip() if upper.startswith("PEMERINTAH ") else text


@dataclass(frozen=True, slots=True)
class Penandatangan:
    """A signatory block: jabatan as written (with Plt./Plh./a.n.), nama, pangkat/golongan, NIP.

    ``nip`` is the 18 digits as text, "" when there is none (a Bupati has none), or None when
    the workbook shows one that cannot be read (a problem says where)."""

    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str | None = ""
    peran: Peran = Peran.PENETAP


@dataclass(frozen=True, slots=True)
class Sel:
    """Where a value of an indicator sits in the workbook it was read from (1-based)."""

    key: str  # "uraian", "target", "tw1".."tw4", "realisasi", "capaian", "predikat" ...
    sheet: str
    row: int
    col: int
    # How the cell holds its number: "angka" as is; "pecahan" a fraction shown as % (0.6 for
    # 60, so a formula multiplies it by 100); "teks" typed as text (a formula cannot use it);
    # "kosong" empty.
    bentuk: str = "angka"


@dataclass(frozen=True, slots=True)
class Indikator:
    """An indicator of a sasaran, with its explanation, target and realisasi."""

    uraian: str
    satuan: str = ""
    kode: str = ""
    alasan: str = ""
    formulasi: str = ""
    sumber_data: str = ""
    keterangan: str = ""
    polaritas: Polaritas | None = None  # None: not configured, the calculator decides
    akumulasi: Akumulasi | None = None  # None: not configured, the calculator decides
    target: Target | None = None
    target_tw: PerTriwulan = field(default_factory=PerTriwulan)
    realisasi: PerTriwulan = field(default_factory=PerTriwulan)
    realisasi_tahun: Decimal | None = None  # only when a table gives the year value itself
    capaian: Decimal | None = None  # as read from a workbook's CAPAIAN column (percent units)
    predikat: str = ""  # as read from a workbook's PREDIKAT column
    # Where the values were read (not part of equality): lets fill and hitung write back.
    sel: tuple[Sel, ...] = field(default=(), compare=False, repr=False)

    def sel_of(self, key: str) -> Sel | None:
        """The cell a value was read from; the last one recorded wins (realisasi sheets
        are merged after the IKU table)."""
        found = None
        for sel in self.sel:
            if sel.key == key:
                found = sel
        return found


@dataclass(frozen=True, slots=True)
class Sasaran:
    """A strategic objective and its indicators. ``no`` is text without a trailing dot."""

    no: str
    uraian: str
    indikator: tuple[Indikator, ...] = ()
    tujuan: str = ""


@dataclass(frozen=True, slots=True)
class Kegiatan:
    """A kegiatan under a program. ``target`` is the text as shown ("65 Titik"); volume and
    satuan are what it says."""

    no: str
    nama: str
    target: str = ""
    target_volume: Decimal | None = None
    target_satuan: str = ""
    anggaran: Decimal | None = None
    realisasi_anggaran: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Program:
    """A program with its own target and anggaran (in the seed: the sum of its kegiatan)."""

    nama: str
    sasaran_no: str = ""
    target: str = ""
    target_volume: Decimal | None = None
    target_satuan: str = ""
    anggaran: Decimal | None = None
    realisasi_anggaran: Decimal | None = None
    kegiatan: tuple[Kegiatan, ...] = ()


@dataclass(frozen=True, slots=True)
class TargetIndikator:
    """An indicator row of the target/anggaran table, worded as that table words it."""

    uraian: str
    target: str = ""  # as shown: "60%", "90"
    nilai: Decimal | None = None  # the number in it (percent units for %)
    satuan: str = ""


@dataclass(frozen=True, slots=True)
class TargetSasaran:
    """One sasaran block of the target/anggaran table (the seed's second table). That table
    numbers and words its sasaran on its own, so it is kept as printed."""

    no: str
    uraian: str
    indikator: tuple[TargetIndikator, ...] = ()
    program: tuple[Program, ...] = ()


@dataclass(frozen=True, slots=True)
class Dokumen:
    """Everything read from one workbook (or several tables of it)."""

    identitas: Identitas = field(default_factory=Identitas)
    penandatangan: tuple[Penandatangan, ...] = ()
    sasaran: tuple[Sasaran, ...] = ()
    target_anggaran: tuple[TargetSasaran, ...] = ()

    @property
    def indikator(self) -> tuple[Indikator, ...]:
        return tuple(i for s in self.sasaran for i in s.indikator)

    @property
    def program(self) -> tuple[Program, ...]:
        return tuple(p for t in self.target_anggaran for p in t.program)

    def signatory(self, peran: Peran = Peran.PENETAP) -> Penandatangan | None:
        """The signatory of a role. For PENETAP, when none has that role: the head of the
        instansi (PIHAK_PERTAMA of a Perjanjian Kinerja), else the first one there is."""
        for p in self.penandatangan:
            if p.peran is peran:
                return p
        if peran is Peran.PENETAP:
            head = self.signatory(Peran.PIHAK_PERTAMA)
            return head or (self.penandatangan[0] if self.penandatangan else None)
        return None
