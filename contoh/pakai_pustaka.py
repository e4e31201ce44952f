"""Contoh memakai iku_excel sebagai pustaka: baca, hitung, tulis lampiran.

Jalankan dari folder mana pun:  python contoh/pakai_pustaka.py [FOLDER_HASIL]
"""

from __future__ import annotations

import sys
from pathlib import Path

from iku_excel import build_lampiran, compute_dokumen, read_workbook
from iku_excel.fileio import write_bytes_atomic
from iku_excel.resources import contoh_path


def main(folder: Path) -> None:
    # 1. Baca workbook: dokumen, masalah (dengan selnya), dan tata letak yang dikenali.
    hasil_baca = read_workbook(contoh_path())
    dokumen = hasil_baca.dokumen
    print(
        f"{dokumen.identitas.instansi} {dokumen.identitas.tahun}: "
        f"{len(dokumen.sasaran)} sasaran, {len(dokumen.indikator)} indikator"
    )
    for masalah in hasil_baca.problems:
        print(f"  {masalah.location}: {masalah.message} ({masalah.code})")

    # 2. Hitung capaian, predikat, serapan, efisiensi (metode bawaan; lihat docs/perhitungan.md).
    hasil = compute_dokumen(dokumen)
    for sasaran in hasil.sasaran:
        for ind in sasaran.indikator:
            print(
                f"  {ind.indikator.uraian[:50]:50} {ind.metode.value:14} "
                f"capaian {ind.capaian} ({ind.predikat})"
            )
        print(
            f"Sasaran {sasaran.sasaran.no}: rata-rata {sasaran.capaian} "
            f"({sasaran.jumlah_dihitung}/{sasaran.jumlah_indikator} indikator)"
        )

    # 3. Tulis lampiran siap cetak (semua jenis) lewat penulisan atomik.
    keluaran = folder / "lampiran_dari_pustaka.xlsx"
    write_bytes_atomic(keluaran, build_lampiran(dokumen, "semua", hasil=hasil), overwrite=True)
    print(keluaran)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("hasil"))
