"""The bundled example holds all of the seed's content, read back through our own reader."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import seed

from iku_excel.read.workbook import ReadResult, read_workbook
from iku_excel.resources import contoh_path
from iku_excel.text import normalize_text


@pytest.fixture(scope="module")
def contoh() -> ReadResult:
    return read_workbook(contoh_path())


def test_contoh_reads_without_errors(contoh: ReadResult) -> None:
    assert [p for p in contoh.problems if p.severity.value == "error"] == []


def test_iku_table_equals_seed(contoh: ReadResult) -> None:
    expected = seed.iku_rows()
    got = [(s, i) for s in contoh.dokumen.sasaran for i in s.indikator]
    assert len(contoh.dokumen.sasaran) == 6
    assert len(got) == len(expected) == 10  # the seed lists 10 indicators under 6 sasaran
    for (sasaran, ind), row in zip(got, expected, strict=True):
        assert sasaran.no == row.sasaran_no
        assert sasaran.uraian == row.sasaran
        assert ind.uraian == row.uraian
        assert ind.satuan == row.satuan
        assert ind.alasan == row.alasan
        assert ind.formulasi == row.formulasi
        assert ind.sumber_data == row.sumber_data


def test_target_table_equals_seed(contoh: ReadResult) -> None:
    blocks = contoh.dokumen.target_anggaran
    assert [b.no for b in blocks] == ["1", "2", "3"]
    assert [i.target for b in blocks for i in b.indikator] == ["60%", "90", ""]
    amounts = []
    for program in contoh.dokumen.program:
        amounts.append(program.anggaran)
        amounts.extend(k.anggaran for k in program.kegiatan)
    assert amounts == seed.target_anggaran_amounts()
    kegiatan = [(k.no, k.nama, k.target) for p in contoh.dokumen.program for k in p.kegiatan]
    assert kegiatan == seed.kegiatan_rows()
    for program in contoh.dokumen.program:  # as in the seed: program = sum of its kegiatan
        assert program.anggaran == sum(k.anggaran or 0 for k in program.kegiatan)


def test_kegiatan_volume_and_unit(contoh: ReadResult) -> None:
    volumes = {
        k.target: (k.target_volume, k.target_satuan)
        for p in contoh.dokumen.program
        for k in p.kegiatan
    }
    assert volumes["2.345 Lembar"] == (Decimal("2345"), "Lembar")
    assert volumes["65 Titik"] == (Decimal("65"), "Titik")
    assert volumes["100 %"] == (Decimal("100"), "%")


def test_signatory_equals_seed(contoh: ReadResult) -> None:
    signer = contoh.dokumen.signatory()
    assert signer is not None
    text = seed.seed_text()
    assert signer.nama in text and signer.jabatan in text
    assert f"NIP. {signer.nip}" in text and len(signer.nip) == 18
    assert signer.pangkat == "Pembina Tk.1 / IV.b"


def test_identitas(contoh: ReadResult) -> None:
    ident = contoh.dokumen.identitas
    text = seed.seed_text()
    assert ident.tahun == 2020
    assert ident.pemerintah in text and ident.instansi in text and ident.alamat in text
    assert f"NOMOR : {ident.sk_nomor}" in text


def test_every_indicator_has_target_and_realisasi(contoh: ReadResult) -> None:
    for ind in contoh.dokumen.indikator:
        assert ind.target is not None, ind.uraian
        assert ind.realisasi.tw4 is not None, ind.uraian
        assert ind.polaritas is not None and ind.akumulasi is not None


def test_seed_targets_kept(contoh: ReadResult) -> None:
    by_text = {normalize_text(i.uraian): i for i in contoh.dokumen.indikator}
    assert by_text[normalize_text("Indeks Kepuasan Masyarakat")].target == Decimal("90")
    infra = by_text[normalize_text("Prosentase Jumlah infrastruktur dasar dalam kondisi baik")]
    assert infra.target == Decimal("60")


def test_library_example_script_runs(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parent.parent / "contoh" / "pakai_pustaka.py"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert "KECAMATAN LEGOK 2020: 6 sasaran, 10 indikator" in done.stdout
    assert (tmp_path / "lampiran_dari_pustaka.xlsx").exists()


def test_public_api_is_lazy() -> None:
    # The CLI starts fast: importing the package pulls in none of the heavy libraries.
    code = (
        "import iku_excel, sys; "
        "print(sorted(m for m in ('openpyxl', 'pandas', 'xlsxwriter') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    import iku_excel

    assert iku_excel.read_workbook.__module__ == "iku_excel.read.workbook"
