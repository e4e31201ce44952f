"""The JSON form of a read workbook: the contract of ``iku baca --json`` (docs/json.md).

Numbers are JSON numbers (an integral Decimal becomes an int, so money keeps every digit);
percentages are in percent units; texts are whitespace-normalised; NIP is its 18 digits.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from iku_excel.model import Dokumen, Indikator, Penandatangan, Program, Rentang, Target
from iku_excel.read.workbook import ReadResult


def number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def target_json(value: Target | None) -> Any:
    """A target in JSON: a number, or {"bawah", "atas"} for a range."""
    if isinstance(value, Rentang):
        return {"bawah": number(value.bawah), "atas": number(value.atas)}
    return number(value)


def _penandatangan(p: Penandatangan) -> dict[str, Any]:
    return {
        "peran": p.peran.value,
        "jabatan": p.jabatan,
        "nama": p.nama,
        "pangkat": p.pangkat,
        "nip": p.nip,
    }


def _indikator(ind: Indikator) -> dict[str, Any]:
    realisasi: dict[str, Any] = {f"tw{i}": number(v) for i, v in enumerate(ind.realisasi, 1)}
    if ind.realisasi_tahun is not None:
        realisasi["tahun"] = number(ind.realisasi_tahun)
    data: dict[str, Any] = {
        "kode": ind.kode,
        "uraian": ind.uraian,
        "satuan": ind.satuan,
        "alasan": ind.alasan,
        "formulasi": ind.formulasi,
        "sumber_data": ind.sumber_data,
        "keterangan": ind.keterangan,
        "target": target_json(ind.target),
        "realisasi": realisasi,
        "polaritas": ind.polaritas.value if ind.polaritas else None,
        "akumulasi": ind.akumulasi.value if ind.akumulasi else None,
        "capaian": number(ind.capaian),
        "predikat": ind.predikat,
    }
    if not ind.target_tw.is_empty:
        data["target_tw"] = {f"tw{i}": number(v) for i, v in enumerate(ind.target_tw, 1)}
    return data


def _program(p: Program) -> dict[str, Any]:
    return {
        "sasaran_no": p.sasaran_no,
        "nama": p.nama,
        "target": p.target,
        "target_volume": number(p.target_volume),
        "target_satuan": p.target_satuan,
        "anggaran": number(p.anggaran),
        "realisasi_anggaran": number(p.realisasi_anggaran),
        "kegiatan": [
            {
                "no": k.no,
                "nama": k.nama,
                "target": k.target,
                "target_volume": number(k.target_volume),
                "target_satuan": k.target_satuan,
                "anggaran": number(k.anggaran),
                "realisasi_anggaran": number(k.realisasi_anggaran),
            }
            for k in p.kegiatan
        ],
    }


def dokumen_to_dict(dokumen: Dokumen) -> dict[str, Any]:
    ident = dokumen.identitas
    main = dokumen.signatory()
    return {
        "instansi": {
            "pemerintah": ident.pemerintah,
            "nama": ident.instansi,
            "alamat": ident.alamat,
            "tahun": ident.tahun,
            "sk_nomor": ident.sk_nomor,
            "sk_tanggal": ident.sk_tanggal,
        },
        "penandatangan": _penandatangan(main) if main else None,
        "penandatangan_semua": [_penandatangan(p) for p in dokumen.penandatangan],
        "sasaran": [
            {
                "no": s.no,
                "uraian": s.uraian,
                "tujuan": s.tujuan,
                "indikator": [_indikator(i) for i in s.indikator],
            }
            for s in dokumen.sasaran
        ],
        "target_anggaran": [
            {
                "no": t.no,
                "uraian": t.uraian,
                "indikator": [
                    {"uraian": i.uraian, "target": i.target, "nilai": number(i.nilai)}
                    for i in t.indikator
                ],
            }
            for t in dokumen.target_anggaran
        ],
        "program": [_program(p) for p in dokumen.program],
    }


def result_to_dict(result: ReadResult) -> dict[str, Any]:
    data: dict[str, Any] = {"file": result.file, "sheet": result.sheet}
    data.update(dokumen_to_dict(result.dokumen))
    data["problems"] = [p.to_dict() for p in result.problems]
    data["layout"] = [t.to_dict() for t in result.layout]
    return data
