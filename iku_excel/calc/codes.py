"""The stable problem codes of the calculation (see docs/perhitungan.md)."""

from __future__ import annotations

from iku_excel.errors import Problem, Severity


class Kode:
    """Stable problem codes of the calculator (see docs/perhitungan.md)."""

    # ERROR: a value is missing from the result
    TARGET_KOSONG = "target-kosong"
    TARGET_NOL = "target-nol"
    TARGET_NEGATIF = "target-negatif"
    TARGET_BUKAN_RENTANG = "target-bukan-rentang"
    RENTANG_TERBALIK = "rentang-terbalik"
    REALISASI_KOSONG = "realisasi-kosong"
    TW4_KOSONG = "tw4-kosong"
    REALISASI_NOL = "realisasi-nol"
    REALISASI_NEGATIF = "realisasi-negatif"
    NILAI_TIDAK_VALID = "nilai-tidak-valid"
    HASIL_TIDAK_TERHINGGA = "hasil-tidak-terhingga"
    CAPAIAN_SASARAN_KOSONG = "capaian-sasaran-kosong"
    ANGGARAN_KOSONG = "anggaran-kosong"
    ANGGARAN_NOL = "anggaran-nol"
    ANGGARAN_NEGATIF = "anggaran-negatif"
    REALISASI_ANGGARAN_KOSONG = "realisasi-anggaran-kosong"
    # WARNING: computed, but deserves a look
    POLARITAS_MENCURIGAKAN = "polaritas-mencurigakan"
    POLARITAS_RENTANG_TIDAK_COCOK = "polaritas-rentang-tidak-cocok"
    SATUAN_PERSEN_JUMLAH = "satuan-persen-jumlah"
    CAPAIAN_DI_ATAS_150 = "capaian-di-atas-150"
    TW_SEBELUMNYA_KOSONG = "tw-sebelumnya-kosong"
    REALISASI_TAHUN_TIDAK_SESUAI = "realisasi-tahun-tidak-sesuai"
    CAPAIAN_SASARAN_SEBAGIAN = "capaian-sasaran-sebagian"
    ANGGARAN_KEGIATAN_TIDAK_SESUAI = "anggaran-kegiatan-tidak-sesuai"
    REALISASI_ANGGARAN_KEGIATAN_TIDAK_SESUAI = "realisasi-anggaran-kegiatan-tidak-sesuai"
    SERAPAN_DI_ATAS_100 = "serapan-di-atas-100"
    SERAPAN_TOTAL_SEBAGIAN = "serapan-total-sebagian"
    PROGRAM_TANPA_SASARAN = "program-tanpa-sasaran"
    SASARAN_BEDA_KATA = "sasaran-beda-kata"
    SASARAN_TIDAK_DITEMUKAN = "sasaran-tidak-ditemukan"
    ATURAN_TIDAK_COCOK = "aturan-tidak-cocok"
    # INFO: a choice made for the user
    POLARITAS_DEFAULT = "polaritas-default"
    AKUMULASI_DEFAULT = "akumulasi-default"
    REALISASI_SEBAGIAN = "realisasi-sebagian"
    REALISASI_TIDAK_ADA = "realisasi-tidak-ada"
    REALISASI_ANGGARAN_TIDAK_ADA = "realisasi-anggaran-tidak-ada"
    ANGGARAN_DARI_KEGIATAN = "anggaran-dari-kegiatan"
    REALISASI_ANGGARAN_DARI_KEGIATAN = "realisasi-anggaran-dari-kegiatan"


def info(code: str, message: str) -> Problem:
    return Problem(code, message, Severity.INFO)


__all__ = [
    "Kode",
    "info",
]
