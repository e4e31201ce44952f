"""The columns iku_excel knows: their keys, the canonical template's headers, and help text.

One source for the template writer (headers, widths, the Petunjuk sheet) and the reader (which
header text means which column). Pure data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from iku_excel.text import TW_NAMES


@dataclass(frozen=True, slots=True)
class Kolom:
    """A column of a canonical sheet. ``group`` is the merged header above it, if any."""

    key: str
    header: str
    width: float
    help: str
    group: str = ""
    kind: str = "text"  # text | code | number | money | choice | nip


SHEET_PETUNJUK = "Petunjuk"
SHEET_IDENTITAS = "Identitas"
SHEET_PENANDATANGAN = "Penandatangan"
SHEET_IKU = "IKU"
SHEET_TARGET = "Target & Anggaran"
SHEET_REALISASI = "Realisasi"

POLARITAS_CHOICES = ("positif", "negatif", "rentang")
AKUMULASI_CHOICES = ("jumlah", "terakhir", "rata-rata")
PERAN_CHOICES = ("penetap", "pihak_pertama", "pihak_kedua")

# Identitas sheet: (key, label, help, example)
IDENTITAS_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("pemerintah", "Pemerintah", "Baris pertama kop, mis. PEMERINTAH KABUPATEN TANGERANG"),
    ("instansi", "Instansi", "Nama instansi/OPD, mis. KECAMATAN LEGOK"),
    ("alamat", "Alamat", "Alamat kantor untuk kop"),
    ("tahun", "Tahun", "Tahun anggaran/kinerja, 4 angka"),
    ("sk_nomor", "Nomor SK", "Nomor keputusan; bagian yang belum ada boleh dikosongkan"),
    ("sk_tanggal", "Tanggal SK", "Tanggal keputusan seperti dicetak, mis. Januari 2020"),
    ("sk_jabatan", "Jabatan penetap SK", "Jabatan yang menetapkan, mis. Plt. CAMAT LEGOK"),
    ("sk_tempat", "Ditetapkan di", "Tempat penetapan keputusan, mis. Tangerang"),
    ("tempat", "Tempat tanda tangan", "Tempat di atas tanda tangan lampiran, mis. Legok"),
    ("tanggal", "Tanggal tanda tangan", "Tanggal di atas tanda tangan lampiran"),
)

PENANDATANGAN_COLUMNS = (
    Kolom(
        "peran",
        "PERAN",
        16,
        "penetap (menandatangani lampiran), pihak_pertama / pihak_kedua (Perjanjian Kinerja)",
        kind="choice",
    ),
    Kolom("jabatan", "JABATAN", 30, "Jabatan seperti ditulis, dengan Plt./Plh./a.n. bila ada"),
    Kolom("nama", "NAMA", 34, "Nama lengkap dengan gelar"),
    Kolom("pangkat", "PANGKAT/GOLONGAN", 24, "Mis. Pembina Tk. I / IV.b"),
    Kolom("nip", "NIP", 24, "18 angka, diketik sebagai teks (boleh dengan spasi)", kind="nip"),
)

IKU_COLUMNS = (
    Kolom("no", "NO", 6, "Nomor sasaran; cukup di baris pertama sasaran", kind="code"),
    Kolom("tujuan", "TUJUAN", 24, "Tujuan di atas sasaran (boleh kosong)"),
    Kolom(
        "sasaran",
        "SASARAN STRATEGIS",
        30,
        "Sasaran; cukup di baris pertama, baris kosong di bawahnya ikut sasaran yang sama",
    ),
    Kolom("kode", "KODE", 8, "Kode indikator, mis. 1.1 (untuk mencocokkan realisasi)", kind="code"),
    Kolom("indikator", "INDIKATOR KINERJA UTAMA", 34, "Uraian indikator, satu baris per indikator"),
    Kolom("satuan", "SATUAN", 10, "%, Indeks, Jumlah, Angka, Titik, Orang, Dokumen ..."),
    Kolom("alasan", "ALASAN", 36, "Alasan indikator dipilih", group="PENJELASAN"),
    Kolom(
        "formulasi",
        "FORMULASI/CARA PENGUKURAN",
        32,
        "Rumus atau cara mengukur",
        group="PENJELASAN",
    ),
    Kolom("sumber_data", "SUMBER DATA", 18, "Asal data", group="PENJELASAN"),
    Kolom("keterangan", "KETERANGAN/KRITERIA", 18, "Keterangan atau kriteria (boleh kosong)"),
    Kolom(
        "polaritas",
        "POLARITAS",
        11,
        "positif: makin tinggi makin baik; negatif: makin rendah makin baik; rentang: target "
        "berupa rentang (mis. 80-90)",
        kind="choice",
    ),
    Kolom(
        "akumulasi",
        "AKUMULASI",
        11,
        "Cara nilai TW I-IV menjadi nilai tahunan: jumlah, terakhir (nilai TW IV), rata-rata. "
        "Kosong: terakhir untuk %, Indeks, Angka, Nilai, Skor, Rasio; jumlah untuk lainnya",
        kind="choice",
    ),
    Kolom(
        "target",
        "TARGET",
        10,
        "Target tahunan dalam satuan indikator: 60 untuk 60% (60% dengan format persen juga "
        "dibaca 60); rentang ditulis 80-90",
        kind="number",
    ),
)

TARGET_COLUMNS = (
    Kolom("no", "NO", 6, "Nomor sasaran pada tabel target", kind="code"),
    Kolom("sasaran", "SASARAN STRATEGIS", 28, "Sasaran seperti tertulis pada tabel target"),
    Kolom("indikator", "INDIKATOR KINERJA", 28, "Indikator seperti tertulis pada tabel target"),
    Kolom("target", "TARGET", 9, "Target indikator seperti dicetak, mis. 60%"),
    Kolom(
        "program",
        "PROGRAM",
        30,
        "Nama program pada barisnya sendiri; kegiatan di baris-baris bawahnya",
    ),
    Kolom("kegiatan_no", "NO KEGIATAN", 8, "Nomor urut kegiatan dalam program", kind="code"),
    Kolom("kegiatan", "KEGIATAN", 34, "Nama kegiatan, satu baris per kegiatan"),
    Kolom(
        "keluaran",
        "TARGET KELUARAN",
        12,
        "Target program/kegiatan dengan satuannya, mis. 65 Titik, 100 %",
    ),
    Kolom(
        "anggaran",
        "ANGGARAN (Rp)",
        17,
        "Pagu dalam rupiah sebagai angka; anggaran program = jumlah kegiatannya",
        kind="money",
    ),
    Kolom(
        "realisasi_anggaran",
        "REALISASI ANGGARAN (Rp)",
        17,
        "Belanja yang sudah terealisasi, dalam rupiah",
        kind="money",
    ),
)

REALISASI_COLUMNS = (
    Kolom("kode", "KODE", 8, "Kode indikator seperti pada sheet IKU", kind="code"),
    Kolom(
        "indikator",
        "INDIKATOR KINERJA",
        36,
        "Uraian indikator persis seperti pada sheet IKU (dipakai bila KODE kosong)",
    ),
    *(
        Kolom(
            f"target_tw{i}",
            tw,
            8,
            f"Target {tw} bila ada target per triwulan (boleh kosong)",
            group="TARGET PER TRIWULAN",
            kind="number",
        )
        for i, tw in enumerate(TW_NAMES, start=1)
    ),
    *(
        Kolom(
            f"tw{i}",
            tw,
            8,
            f"Realisasi {tw} dalam satuan indikator; kosong = belum dilaporkan, 0 = nol",
            group="REALISASI",
            kind="number",
        )
        for i, tw in enumerate(TW_NAMES, start=1)
    ),
    Kolom("keterangan", "KETERANGAN", 24, "Catatan realisasi (boleh kosong)"),
)
