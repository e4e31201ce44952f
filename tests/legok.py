"""The source document's data: the 2020 IKU decree of Kecamatan Legok, Kabupaten Tangerang.

Everything here is transcribed from ../shared/seed/000_e4a71e80caa44ef4.txt (the SK, its IKU
lampiran and its target/anggaran table), spelling included ("Prosentase", "difasiltasi"), except
what the seed does not hold and a capaian needs, which is invented and marked ``INVENTED``:
annual targets of the indicators the target table leaves out, polaritas and akumulasi, the
realisasi per triwulan and the realisasi anggaran. Test data, not part of the package:
tools/regenerate.py builds the bundled example workbook (contoh/legok_2020.xlsx) from it, and
the tests compare that workbook with it.
"""

from __future__ import annotations

from decimal import Decimal

from iku_excel.model import (
    Akumulasi,
    Dokumen,
    Identitas,
    Indikator,
    Kegiatan,
    Penandatangan,
    Peran,
    PerTriwulan,
    Polaritas,
    Program,
    Sasaran,
    TargetIndikator,
    TargetSasaran,
)

D = Decimal
SUMBER = "Kecamatan Legok"


def _tw(*values: str | None) -> PerTriwulan:
    return PerTriwulan(*(None if v is None else D(v) for v in values))


IDENTITAS = Identitas(
    pemerintah="PEMERINTAH KABUPATEN TANGERANG",
    instansi="KECAMATAN LEGOK",
    alamat="Jl. Alun-alun Timur No. 01 Caringin, Legok Kabupaten Tangerang",
    tahun=2020,
    sk_nomor="900/ -Kec.Lgk/2020",
    sk_tanggal="Januari 2020",
    sk_jabatan="Plt. CAMAT LEGOK",
    sk_tempat="Tangerang",
    tempat="Legok",
    tanggal="Januari 2020",
)

CAMAT = Penandatangan(
    jabatan="Plt. CAMAT LEGOK",
    nama="Drs. TISNA HAMBALI R, SH,M.Si",
    pangkat="Pembina Tk.1 / IV.b",
    nip="196206201987031006",
    peran=Peran.PENETAP,
)

# The first table of the lampiran: 6 sasaran, 9 indicators. Targets, polaritas, akumulasi and
# realisasi are INVENTED except the targets 60 (%) and 90 (Indeks) of the target table.
SASARAN = (
    Sasaran(
        no="1",
        uraian="Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup",
        indikator=(
            Indikator(
                kode="1.1",
                uraian="Prosentase Jumlah infrastruktur dasar dalam kondisi baik",
                satuan="%",
                alasan=(
                    "Kualitas Infrastruktur dasar masyarakat yang baik dan lingkungan hidup "
                    "yang terjaga menjadi penunjang Visi dan Misi yang ditetapkan oleh Bupati"
                ),
                formulasi="realisasi infrastruktur dasar kecamatan /Target yang direncanakan*100",
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("60"),
                realisasi=_tw("20", "35", "48", "62"),
            ),
            Indikator(
                kode="1.2",
                uraian="prosentase penurunan timbulan sampah",
                satuan="%",
                alasan="Masih banyaknya timbulan sampah diwilayah Kecamatan Legok",
                formulasi="Penurunan Timbulan sampah",
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("10"),
                realisasi=_tw("2", "4", "7", "9"),
            ),
        ),
    ),
    Sasaran(
        no="2",
        uraian=(
            "Meningkatnya Pelayanan Masyarakat serta Meningkatkan Desa/Kelurahan "
            "dengan status Minimal Maju"
        ),
        indikator=(
            Indikator(
                kode="2.1",
                uraian="Prosentase desa dengan kategori minimal Maju",
                satuan="%",
                alasan="Peningkatan Status Desa",
                formulasi="Realisasi desa berkembang/target desa kategori minimal Maju*100",
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("50"),
                realisasi=_tw("30", "30", "40", "45"),
            ),
            Indikator(
                kode="2.2",
                uraian="Persentase desa dengan laporan pertanggungjawaban baik",
                satuan="%",
                alasan="Peningkatan Akuntabilitas Laporan Pertanggungjawaban Kepala Desa",
                formulasi=(
                    "Realisasi desa dengan laporan pertanggung jawaban baik/Jumlah Desa*100"
                ),
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("100"),
                realisasi=_tw("60", "75", "85", "95"),
            ),
            Indikator(
                kode="2.3",
                uraian="Indeks Kepuasan Masyarakat",
                satuan="Indeks",
                alasan=(
                    "Indeks kepuasan masyarakat dapat menjadi bahan penilaian terhadap unsur "
                    "pelayanan yang masih perlu perbaikan dan menjadi pendorong setiap unit "
                    "penyelenggara pelayanan untuk meningkatkan kualitas pelayanannya sekaligus "
                    "sejauh menjadi penilaian sejauh mana kinerja pelayanan publik instansi"
                ),
                formulasi="nilai Indeks Kepuasan Masyarakat Kecamatan Legok",
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("90"),
                realisasi=_tw("82.5", "84", "86.25", "88.4"),
            ),
        ),
    ),
    Sasaran(
        no="3",
        uraian="Meningkatnya ketentraman dan ketertiban umum",
        indikator=(
            Indikator(
                kode="3.1",
                uraian="Prosentase penurunan pelanggaran ketentraman dan ketertiban umum",
                satuan="%",
                alasan="Masih terjadinya Pelanggaran Ketentraman dan ketertiban",
                formulasi=(
                    "akumulasi hasil angka penurunan / jumlah pelanggaran dan ketertiban "
                    "tahun 2018 *100"
                ),
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("15"),
                realisasi=_tw("3", "6", "10", "13"),
            ),
            Indikator(
                kode="3.2",
                uraian="Jumlah konflik Ekonomi sosial dan politik",
                satuan="%",  # as in the seed, though a "Jumlah" is a count
                alasan=(
                    "Kekhawatiran akan terjadinya masalah konflik ekonomi social dan politik "
                    "yang bias kapan saja terjadi"
                ),
                formulasi="potensi konflik/Realisasi penanganan*100",
                sumber_data=SUMBER,
                polaritas=Polaritas.NEGATIF,
                akumulasi=Akumulasi.JUMLAH,
                target=D("5"),
                realisasi=_tw("1", "0", "2", "1"),
            ),
        ),
    ),
    Sasaran(
        no="4",
        uraian="Meningkatnya upaya pemberdayaan masyarakat",
        indikator=(
            Indikator(
                kode="4.1",
                uraian="Prosentase masyarakat yang difasiltasi dalam pemberdayaan masyarakat",
                satuan="%",
                alasan="Peningkatan sumberdaya manusia masyarakat Kecamatan Legok",
                formulasi=(
                    "penduduk yang difasilitasi pemberdayaan masyarakat/target masyarakat "
                    "yang akan difasilitasi*100"
                ),
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("80"),
                realisasi=_tw("20", "45", "65", "78"),
            ),
        ),
    ),
    Sasaran(
        no="5",
        uraian="Meningkatnya inovasi kecamatan",
        indikator=(
            Indikator(
                kode="5.1",
                uraian="inovasi yang diimplementasikan",
                satuan="Jumlah",
                # The seed continues this ALASAN on the next row with every other cell empty.
                alasan=(
                    "Pengembangan pemikiran kreatif oleh satuan kerja dan Pemerintah Daerah "
                    "dalam menciptakan inovasi pelayanan publik menjadi wadah atau saluran yang "
                    "dapat dijadikan sarana untuk melakukan penilaian secara obyektif inovasi "
                    "pelayanan publik yang memenuhi kriteria serta dilakukan dalam suasana yang "
                    "kompetitif melalui Kompetisi Inovasi Pelayanan Publik."
                ),
                formulasi="Jumlah Inovasi yang diimplementasikan di Kecamatan",
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.JUMLAH,
                target=D("1"),
                realisasi=_tw("0", "0", "1", "0"),
            ),
        ),
    ),
    Sasaran(
        no="6",
        uraian="Meningkatnya akuntabilitas Perangkat Daerah",
        indikator=(
            Indikator(
                kode="6.1",
                uraian="Nilai SAKIP Kecamatan Legok",
                satuan="Angka",
                alasan="Pentingnya peningkatan Nilai AKIP Kecamatan",
                formulasi="Nilai AKIP",
                sumber_data=SUMBER,
                polaritas=Polaritas.POSITIF,
                akumulasi=Akumulasi.TERAKHIR,
                target=D("65"),
                # The SAKIP evaluation is published once a year, so only TW IV is reported.
                realisasi=_tw(None, None, None, "61.2"),
            ),
        ),
    ),
)


def _kegiatan(
    no: str, nama: str, target: str, volume: str, satuan: str, anggaran: str, realisasi: str
) -> Kegiatan:
    return Kegiatan(
        no=no,
        nama=nama,
        target=target,
        target_volume=D(volume),
        target_satuan=satuan,
        anggaran=D(anggaran),
        realisasi_anggaran=D(realisasi),  # INVENTED
    )


# The second table: TARGET INDIKATOR KINERJA UTAMA (IKU) ... TAHUN ANGGARAN 2020, as printed.
TARGET_ANGGARAN = (
    TargetSasaran(
        no="1",
        uraian="Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup",
        indikator=(
            TargetIndikator(
                uraian="Prosentase Jumlah infrastruktur dasar dalam kondisi baik",
                target="60%",
                nilai=D("60"),
                satuan="%",
            ),
        ),
        program=(
            Program(
                sasaran_no="1",
                nama="Program Penataan Lingkungan Permukiman Perdesaan dan Perkotaan",
                target="100 %",
                target_volume=D("100"),
                target_satuan="%",
                anggaran=D("10775000000"),
                kegiatan=(
                    _kegiatan(
                        "1",
                        "Penataan Lingkungan Perumahan dan Permukiman Perdesaan/Perkotaan",
                        "65 Titik",
                        "65",
                        "Titik",
                        "10775000000",
                        "10212450000",
                    ),
                ),
            ),
            Program(
                sasaran_no="1",
                nama="Program Peningkatan dan Pemeliharaan Sarana Prasarana Di Kecamatan",
                target="100%",
                target_volume=D("100"),
                target_satuan="%",
                anggaran=D("1907048100"),
                kegiatan=(
                    _kegiatan(
                        "1",
                        "Pembangunan/Peningkatan Jalan Kecamatan",
                        "7 Titik",
                        "7",
                        "Titik",
                        "795472000",
                        "788250000",
                    ),
                    _kegiatan(
                        "2",
                        "Pembangunan Saluran Drainase/Gorong-Gorong",
                        "4 Titik",
                        "4",
                        "Titik",
                        "390276100",
                        "371500000",
                    ),
                    _kegiatan(
                        "3",
                        "Pembangunan Turap/ Talud/Bronjong",
                        "2 Titik",
                        "2",
                        "Titik",
                        "240000000",
                        "236875000",
                    ),
                    _kegiatan(
                        "4",
                        "Perencanaan dan Pengawasan Konstruksi",
                        "1 Dokumen",
                        "1",
                        "Dokumen",
                        "65000000",
                        "61750000",
                    ),
                    _kegiatan(
                        "5",
                        "Pembangunan Sarana Gedung Wilayah Kecamatan",
                        "1 Unit",
                        "1",
                        "Unit",
                        "200000000",
                        "198400000",
                    ),
                    _kegiatan(
                        "6",
                        "Biaya Operasional Peningkatan Pelayanan Kebersihan",
                        "9 Orang",
                        "9",
                        "Orang",
                        "216300000",
                        "216300000",
                    ),
                ),
            ),
        ),
    ),
    TargetSasaran(
        no="2",
        uraian=(
            "Meningkatnya Pelayanan Masyarakat serta Meningkatnya Desa/Kelurahan "
            "dengan status Minimal Maju"
        ),
        indikator=(
            TargetIndikator(
                uraian="Indeks Kepuasan Masyarakat", target="90", nilai=D("90"), satuan=""
            ),
        ),
        program=(
            Program(
                sasaran_no="2",
                nama="Program Administrasi Pelayanan Umum di Kecamatan",
                target="90",
                target_volume=D("90"),
                anggaran=D("1032455000"),
                kegiatan=(
                    _kegiatan(
                        "1",
                        "Fasilitasi dan Koordinasi Penyelenggaraan Pelayanan Administrasi "
                        "Terpadu Kecamatan (PATEN) Tingkat Kecamatan",
                        "5 Orang",
                        "5",
                        "Orang",
                        "114430000",
                        "112980000",
                    ),
                    _kegiatan(
                        "2",
                        "Pelayanan Umum Kelurahan Babakan",
                        "100 %",
                        "100",
                        "%",
                        "415575000",
                        "401230500",
                    ),
                    _kegiatan(
                        "3",
                        "Penunjang Operasional Kelurahan Babakan",
                        "12 Orang",
                        "12",
                        "Orang",
                        "352000000",
                        "352000000",
                    ),
                    _kegiatan(
                        "4",
                        "Pendistribusian SPPT PBB-P2",
                        "2.345 Lembar",
                        "2345",
                        "Lembar",
                        "150450000",
                        "139870000",
                    ),
                ),
            ),
        ),
    ),
    TargetSasaran(
        no="3",
        uraian="Meningkatnya Tata Kelola Pemerintahan",
        indikator=(TargetIndikator(uraian="Jumlah Inovasi yang diimplementasikan di Kecamatan"),),
        program=(
            Program(
                sasaran_no="3",
                nama="Program Pengembangan Inovasi Perangkat Daerah",
                target="1",
                target_volume=D("1"),
                anggaran=D("200000000"),
                kegiatan=(
                    _kegiatan(
                        "1",
                        "Pengembangan Inovasi di Kecamatan",
                        "1",
                        "1",
                        "",
                        "200000000",
                        "185000000",
                    ),
                ),
            ),
        ),
    ),
)

LEGOK_2020 = Dokumen(
    identitas=IDENTITAS,
    penandatangan=(CAMAT,),
    sasaran=SASARAN,
    target_anggaran=TARGET_ANGGARAN,
)
