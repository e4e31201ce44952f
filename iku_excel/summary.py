"""A readable text summary of a document, for ``iku baca`` without --json."""

from __future__ import annotations

from decimal import Decimal

from iku_excel.calc import HasilDokumen
from iku_excel.jsonout import number, target_json
from iku_excel.model import Dokumen, Rentang, Target
from iku_excel.values import format_number


def _num(value: Decimal | None) -> str:
    """Indonesian writing, at most 2 decimals rounded as Excel does: 1.234,5; 88,46; 12."""
    if value is None:
        return "-"
    text = format_number(value, 2)
    return text.rstrip("0").rstrip(",")


def _target(value: Target | None) -> str:
    if isinstance(value, Rentang):
        return f"{_num(value.bawah)}-{_num(value.atas)}"
    return _num(value)


def summarize(dokumen: Dokumen) -> str:
    """Sasaran -> indikator with satuan, target, realisasi; programs -> kegiatan with anggaran."""
    ident = dokumen.identitas
    lines = [" ".join(x for x in (ident.instansi, ident.kabupaten) if x) or "(instansi kosong)"]
    if ident.tahun:
        lines[0] += f", tahun {ident.tahun}"
    signer = dokumen.signatory()
    if signer:
        lines.append(f"Penandatangan: {signer.jabatan} - {signer.nama} (NIP {signer.nip or '-'})")
    for s in dokumen.sasaran:
        lines.append(f"\nSasaran {s.no}. {s.uraian}")
        for ind in s.indikator:
            realisasi = " | ".join(_num(v) for v in ind.realisasi)
            lines.append(
                f"  - {ind.uraian} [{ind.satuan or '-'}] target {_target(ind.target)}; "
                f"realisasi TW I-IV: {realisasi}"
            )
    for program in dokumen.program:
        lines.append(f"\nProgram: {program.nama} (anggaran Rp {_num(program.anggaran)})")
        for k in program.kegiatan:
            lines.append(f"  {k.no}. {k.nama}: {k.target or '-'}; Rp {_num(k.anggaran)}")
    return "\n".join(lines)


def hasil_rows(hasil: HasilDokumen) -> list[dict[str, object]]:
    """One record per indicator: what ``iku hitung --json`` prints."""
    rows: list[dict[str, object]] = []
    for s in hasil.sasaran:
        for i in s.indikator:
            ind = i.indikator
            rows.append(
                {
                    "sasaran_no": s.sasaran.no,
                    "indikator": ind.uraian,
                    "satuan": ind.satuan,
                    "polaritas": i.polaritas.value,
                    "akumulasi": i.akumulasi.value,
                    "metode": i.metode.value,
                    "target": target_json(i.target),
                    "realisasi": number(i.realisasi_tahun),
                    "capaian": number(i.capaian),
                    "predikat": i.predikat,
                }
            )
    return rows


def hasil_table(hasil: HasilDokumen) -> str:
    """A plain-text table: indikator, target, realisasi, capaian, predikat."""
    header = ("NO", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN (%)", "PREDIKAT")
    rows = [
        (
            s.sasaran.no,
            i.indikator.uraian[:48],
            _target(i.target),
            _num(i.realisasi_tahun),
            _num(i.capaian),
            i.predikat or "-",
        )
        for s in hasil.sasaran
        for i in s.indikator
    ]
    widths = [max(len(x) for x in col) for col in zip(header, *rows, strict=False)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in
             (header, *rows)]  # fmt: skip
    return "\n".join(line.rstrip() for line in lines)
