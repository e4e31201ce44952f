"""The NIP, the 18-digit number of a civil servant: ``parse_nip``.

A NIP is text. Excel keeps 15 significant digits of a number, so an 18-digit NIP in a
numeric cell has lost digits: ERROR ``nip-angka``, and no digits are returned. Its parts (birth
date, CPNS start, sex) are checked: an impossible one is a warning ``nip-mencurigakan``, the
NIP being kept as written.
"""

from __future__ import annotations

import re
from decimal import Decimal

from iku_excel.errors import Problem
from iku_excel.values.cleaning import clean_text, is_empty
from iku_excel.values.dates import date_problem
from iku_excel.values.numbers import LOOKALIKES, SCIENTIFIC
from iku_excel.values.parsing import (
    DIGITS,
    Parsed,
    failed,
    guarded,
    odd_type,
    settled,
    shown,
    warning,
)

_NIP_PREFIX = re.compile(r"NIP(?![a-z])\s*\.?\s*:?\s*", re.IGNORECASE)  # "NIP.", "NIP :"
_PLACEHOLDER = re.compile(r"[\s._…-]*")


def _nip_number(raw: object) -> Parsed[str]:
    return failed(
        "nip-angka",
        f"NIP {shown(raw)} tersimpan sebagai angka; Excel hanya menyimpan 15 digit angka, "
        "jadi digit terakhir NIP sudah hilang. Ketik ulang NIP sebagai teks "
        "(format sel Text, atau awali dengan tanda petik ').",
    )


def _nip_doubts(nip: str) -> tuple[Problem, ...]:
    """Warnings on an 18-digit NIP whose parts (birth date YYYYMMDD, CPNS start YYYYMM,
    sex 1/2, sequence) are impossible: probably a typo, but the NIP is kept as written."""
    born_y, born_m, born_d = int(nip[0:4]), int(nip[4:6]), int(nip[6:8])
    cpns_y, cpns_m = int(nip[8:12]), int(nip[12:14])
    doubts = []
    born_problem = date_problem(born_y, born_m, born_d)
    if born_problem is not None:
        doubts.append(f"tanggal lahir {nip[0:8]}: {born_problem}")
    cpns_problem = date_problem(cpns_y, cpns_m, None)
    if cpns_problem is not None:
        doubts.append(f"TMT CPNS {nip[8:14]}: {cpns_problem}")
    elif cpns_y < born_y:
        doubts.append(f"tahun CPNS {cpns_y} sebelum tahun lahir {born_y}")
    if nip[14] not in "12":
        doubts.append(f"digit ke-15 (jenis kelamin) {nip[14]}, seharusnya 1 atau 2")
    return tuple(
        warning("nip-mencurigakan", f"NIP {nip} mencurigakan: {doubt}. Periksa NIP ini.")
        for doubt in doubts
    )


def _nip_text(raw: str) -> Parsed[str]:
    quoted = shown(raw)
    text = clean_text(raw)
    prefix = _NIP_PREFIX.match(text)
    body = (text[prefix.end() :] if prefix else text).lstrip("'’")
    if body and is_empty(body):  # "NIP. -": written down as having none
        return Parsed("")
    if _PLACEHOLDER.fullmatch(body):  # "NIP." or "NIP. ......": a template not filled in
        return Parsed("", (warning("nip-kosong", f"NIP {quoted} belum diisi. Isi NIP-nya."),))
    digits = body.replace(" ", "")
    if SCIENTIFIC.fullmatch(digits):
        return _nip_number(raw)
    if not DIGITS.fullmatch(digits):
        fixed = digits.translate(LOOKALIKES)
        hint = f', mungkin maksudnya "{fixed}"' if DIGITS.fullmatch(fixed) else ""
        return failed(
            "nip-tidak-valid",
            f"NIP {quoted} berisi karakter selain angka{hint}. Ketik ulang 18 digit NIP.",
        )
    if len(digits) != 18:
        return failed(
            "nip-tidak-valid",
            f"NIP {quoted} berisi {len(digits)} digit, seharusnya 18. Periksa dan perbaiki NIP.",
        )
    return Parsed(digits, _nip_doubts(digits))


def parse_nip(raw: object) -> Parsed[str]:
    """The 18 digits of a NIP as text, from "196206201987031006", "19620620 198703 1 006",
    "NIP. ...", "NIP : ...". Empty or "-" gives "" without a problem (a Bupati has no NIP). A
    numeric cell is an ERROR (``nip-angka``): Excel has already dropped digits beyond 15."""

    def read() -> Parsed[str]:
        if is_empty(raw):
            return Parsed("")
        done = settled(raw)
        if done is not None:
            return done
        if isinstance(raw, str):
            return _nip_text(raw)
        if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
            return _nip_number(raw)
        return odd_type(raw)

    return guarded(raw, read)
