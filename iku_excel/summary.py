"""A readable text summary of a document, for ``iku baca`` without --json."""

from __future__ import annotations

from decimal import Decimal

from iku_excel.model import Dokumen, Rentang, Target


def _num(value: Decimal | None) -> str:
    if value is None:
        return "-"
    text = (
        f"{value:,.2f}".rstrip("0").rstrip(".")
        if value != value.to_integral_value()
        else (f"{int(value):,}")
    )
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


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
