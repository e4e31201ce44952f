"""The rules file (``--aturan FILE.toml``): what a wild workbook does not say about its indicators.

Format (docs/perhitungan.md has the full description)::

    [default]
    metode_negatif = "2t-r"          # or "t/r"
    skala_predikat = "lkjip"         # "sakip" or the nama of a [[skala]]
    batas_atas = false               # or a number >= 100, e.g. 120
    realisasi_nol_negatif = "rumus"  # or "seratus"

    [[indikator]]
    cocok = "jumlah konflik"         # case-insensitive part of the indicator's text
    polaritas = "negatif"
    akumulasi = "jumlah"

    [[skala]]
    nama = "tiga"
    batas = [[90, "Baik"], [70, "Cukup"], [0, "Kurang"]]

Every unknown key or value raises ``IkuInputError`` naming the file and the line.
"""

from __future__ import annotations

import enum
import math
import os
import re
import sys
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal, TypeVar

from iku_excel.calc.rules import (
    SKALA_BAWAAN,
    Aturan,
    AturanIndikator,
    Band,
    MetodeNegatif,
    RealisasiNolNegatif,
    SkalaPredikat,
)
from iku_excel.errors import IkuFileError, IkuInputError
from iku_excel.fileio import describe_os_error
from iku_excel.model import Akumulasi, Polaritas

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

E = TypeVar("E", bound=enum.Enum)

KUNCI_ATAS = ("default", "indikator", "skala")
KUNCI_DEFAULT = ("metode_negatif", "skala_predikat", "batas_atas", "realisasi_nol_negatif")
KUNCI_INDIKATOR = ("cocok", "polaritas", "akumulasi", "metode_negatif", "batas_atas")
KUNCI_SKALA = ("nama", "batas", "batas_bawah")
BATAS_ATAS_MINIMUM = Decimal(100)  # a cap below 100 would mark a fully met target as failed


def load_aturan(path: str | os.PathLike[str]) -> Aturan:
    """Read a rules file; ``IkuFileError`` when it cannot be read, ``IkuInputError`` when its
    content is wrong."""
    source = os.fspath(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise IkuFileError(describe_os_error(e, "membaca berkas aturan"), source) from e
    try:
        text = raw.decode("utf-8-sig")  # Notepad may write a BOM
    except UnicodeDecodeError as e:
        raise IkuInputError(f"{source}: berkas aturan harus disimpan sebagai UTF-8") from e
    return parse_aturan(text, source)


def parse_aturan(text: str, source: str = "aturan.toml") -> Aturan:
    """Parse the text of a rules file; ``source`` names it in messages."""
    lokasi = _Lokasi(text, source)
    data = _parse_toml(text, lokasi)
    _check_keys(data, KUNCI_ATAS, lokasi, None, None)
    skala = _parse_skala_tables(_array(data, "skala", lokasi), lokasi)
    default = _parse_default(_table(data, "default", lokasi), skala, lokasi)
    indikator = tuple(
        _parse_indikator(table, index, lokasi)
        for index, table in enumerate(_array(data, "indikator", lokasi))
    )
    return Aturan(**default, indikator=indikator)


# --------------------------------------------------------------------------- locating lines

_HEADER = re.compile(r"""^\s*(\[\[?)\s*([\w.\-"' ]+?)\s*\]\]?\s*(#.*)?$""")  # [tabel], [[tabel]]


class _Lokasi:
    """Finds the line of a key in the text, since tomllib does not report where values were."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def error(
        self,
        message: str,
        table: str | None = None,
        index: int | None = None,
        key: str | None = None,
    ) -> IkuInputError:
        line = self.line_of(table, index, key)
        where = f"{self.source} baris {line}" if line else self.source
        return IkuInputError(f"{where}: {message}")

    def line_of(self, table: str | None, index: int | None, key: str | None) -> int | None:
        header_line: int | None = None
        counts: dict[str, int] = {}
        current: tuple[str | None, int | None] = (None, None)
        for number, line in enumerate(self.lines, start=1):
            header = _HEADER.match(line)
            if header:
                name = header.group(2).strip("\"'")
                position = counts.get(name, 0) if header.group(1) == "[[" else None
                counts[name] = counts.get(name, 0) + 1
                current = (name, position)
                if current == (table, index) and header_line is None:
                    header_line = number
            elif current == (table, index) and key and _starts_with_key(line, key):
                return number
        return header_line if header_line is not None else self._anywhere(key or table)

    def _anywhere(self, key: str | None) -> int | None:
        """The first line that sets ``key`` or opens a table of that name."""
        if not key:
            return None
        for number, line in enumerate(self.lines, start=1):
            header = _HEADER.match(line)
            if _starts_with_key(line, key) or (header and header.group(2).strip("\"'") == key):
                return number
        return None


def _starts_with_key(line: str, key: str) -> bool:
    quoted = re.escape(key)
    return re.match(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*[=.]""", line) is not None


# --------------------------------------------------------------------------- TOML syntax

_TOML_PESAN = (
    ("Invalid value", 'nilai tidak sah (teks harus diberi tanda kutip, mis. "negatif")'),
    ("Cannot overwrite a value", "kunci yang sama ditulis dua kali"),
    ("Cannot declare", "tabel yang sama ditulis dua kali"),
    ("Cannot mutate", "tabel yang sama ditulis dua kali"),
    ("Expected '=' after a key", "tanda '=' tidak ada setelah nama kunci"),
    ("Unclosed array", "daftar [...] tidak ditutup dengan ']'"),
    ("Unterminated string", "tanda kutip tidak ditutup"),
    ("Illegal character", "karakter tidak sah (tanda kutip tidak ditutup?)"),
    ("Invalid statement", "baris tidak dikenal; tulis kunci = nilai atau [tabel]"),
    ("Expected newline or end of document", "ada teks lain setelah nilai; satu kunci per baris"),
    ("Expected ']' at the end of a table", "tanda ']' tidak ada pada nama tabel"),
)
_TOML_POSISI = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def _parse_toml(text: str, lokasi: _Lokasi) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _syntax_error(str(e), lokasi) from e


def _syntax_error(original: str, lokasi: _Lokasi) -> IkuInputError:
    position = _TOML_POSISI.search(original)
    detail = original[: position.start()] if position else original
    pesan = next((p for prefix, p in _TOML_PESAN if detail.startswith(prefix)), None)
    # tomllib's wording is English: an unknown one is kept in brackets after an Indonesian hint
    pesan = pesan or "periksa tanda kurung, tanda kutip, koma, dan tanda = pada baris itu"
    explained = f"{pesan} ({detail})"
    if position and position.group(1):
        where = f"{lokasi.source} baris {position.group(1)} kolom {position.group(2)}"
    elif position:
        where = f"{lokasi.source} baris {max(len(lokasi.lines), 1)} (akhir berkas)"
    else:
        where = lokasi.source
    return IkuInputError(f"{where}: sintaks TOML salah: {explained}")


# --------------------------------------------------------------------------- tables


def _table(data: Mapping[str, Any], name: str, lokasi: _Lokasi) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise lokasi.error(f"'{name}' harus berupa tabel [{name}]", key=name)
    return value


def _array(data: Mapping[str, Any], name: str, lokasi: _Lokasi) -> list[Mapping[str, Any]]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise lokasi.error(
            f"'{name}' harus ditulis sebagai tabel berulang [[{name}]] (dua kurung siku)",
            name,
            key=name,
        )
    return value


def _check_keys(
    table: Mapping[str, Any],
    known: Iterable[str],
    lokasi: _Lokasi,
    name: str | None,
    index: int | None,
) -> None:
    known = tuple(known)
    for key in table:
        if key not in known:
            where = "" if name is None else f" di [{name}]" if index is None else f" di [[{name}]]"
            raise lokasi.error(
                f"kunci '{key}' tidak dikenal{where}; yang dikenal: {_list(known, 'dan')}",
                name,
                index,
                key,
            )


def _parse_default(
    table: Mapping[str, Any], skala: Mapping[str, SkalaPredikat], lokasi: _Lokasi
) -> dict[str, Any]:
    _check_keys(table, KUNCI_DEFAULT, lokasi, "default", None)
    where: tuple[str, int | None] = ("default", None)
    settings: dict[str, Any] = {}
    if "metode_negatif" in table:
        settings["metode_negatif"] = _choice(table, "metode_negatif", MetodeNegatif, lokasi, where)
    if "realisasi_nol_negatif" in table:
        settings["realisasi_nol_negatif"] = _choice(
            table, "realisasi_nol_negatif", RealisasiNolNegatif, lokasi, where
        )
    if "batas_atas" in table:
        settings["batas_atas"] = _batas_atas(table["batas_atas"], lokasi, where) or None
    if "skala_predikat" in table:
        settings["skala_predikat"] = _skala_name(table["skala_predikat"], skala, lokasi)
    return settings


def _parse_indikator(table: Mapping[str, Any], index: int, lokasi: _Lokasi) -> AturanIndikator:
    _check_keys(table, KUNCI_INDIKATOR, lokasi, "indikator", index)
    where = ("indikator", index)
    cocok = table.get("cocok")
    if not isinstance(cocok, str) or not cocok.strip():
        raise lokasi.error(
            'setiap [[indikator]] perlu cocok = "potongan teks indikator"', *where, "cocok"
        )
    return AturanIndikator(
        cocok=cocok.strip(),
        polaritas=_optional_choice(table, "polaritas", Polaritas, lokasi, where),
        akumulasi=_optional_choice(table, "akumulasi", Akumulasi, lokasi, where),
        metode_negatif=_optional_choice(table, "metode_negatif", MetodeNegatif, lokasi, where),
        batas_atas=_batas_atas(table["batas_atas"], lokasi, where)
        if "batas_atas" in table
        else None,
    )


def _parse_skala_tables(
    tables: list[Mapping[str, Any]], lokasi: _Lokasi
) -> dict[str, SkalaPredikat]:
    found: dict[str, SkalaPredikat] = {}
    for index, table in enumerate(tables):
        skala = _parse_skala(table, index, lokasi)
        key = skala.nama.casefold()
        if key in SKALA_BAWAAN or key in found:
            raise lokasi.error(f"nama skala '{skala.nama}' sudah dipakai", "skala", index, "nama")
        found[key] = skala
    return found


def _parse_skala(table: Mapping[str, Any], index: int, lokasi: _Lokasi) -> SkalaPredikat:
    _check_keys(table, KUNCI_SKALA, lokasi, "skala", index)
    nama = table.get("nama")
    if not isinstance(nama, str) or not nama.strip():
        raise lokasi.error('setiap [[skala]] perlu nama = "..."', "skala", index, "nama")
    inklusif = True
    if "batas_bawah" in table:
        jenis = table["batas_bawah"]
        if jenis not in ("inklusif", "eksklusif"):
            raise lokasi.error(
                f"nilai batas_bawah {_show(jenis)} tidak dikenal; pilih inklusif (>=) atau "
                "eksklusif (>)",
                "skala",
                index,
                "batas_bawah",
            )
        inklusif = jenis == "inklusif"
    bands = _bands(table.get("batas"), inklusif, lokasi, index)
    try:
        return SkalaPredikat(nama.strip(), bands)
    except IkuInputError as e:
        raise lokasi.error(str(e), "skala", index, "batas") from e


def _bands(value: object, inklusif: bool, lokasi: _Lokasi, index: int) -> tuple[Band, ...]:
    example = 'mis. batas = [[90, "Baik"], [70, "Cukup"], [0, "Kurang"]]'
    if not isinstance(value, list) or not value:
        raise lokasi.error(
            f"batas harus daftar [batas_bawah, predikat]; {example}", "skala", index, "batas"
        )
    bands = []
    for pair in value:
        ok = isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], str)
        bound = _number(pair[0]) if ok else None
        if bound is None or not pair[1].strip():
            raise lokasi.error(
                f'isi batas {_show(pair)} tidak sah; tiap isi berupa [angka, "predikat"], '
                f"{example}",
                "skala",
                index,
                "batas",
            )
        bands.append(Band(bound, pair[1].strip(), inklusif))
    return tuple(bands)


def _skala_name(
    value: object, skala: Mapping[str, SkalaPredikat], lokasi: _Lokasi
) -> SkalaPredikat:
    known = {**SKALA_BAWAAN, **skala}
    if isinstance(value, str) and value.strip().casefold() in known:
        return known[value.strip().casefold()]
    names = [s.nama for s in known.values()]
    raise lokasi.error(
        f"nilai skala_predikat {_show(value)} tidak dikenal; pilih {_list(names)}",
        "default",
        None,
        "skala_predikat",
    )


# --------------------------------------------------------------------------- values


def _choice(
    table: Mapping[str, Any],
    key: str,
    enum_type: type[E],
    lokasi: _Lokasi,
    where: tuple[str, int | None],
) -> E:
    value = table[key]
    if isinstance(value, str):
        for member in enum_type:
            if value.strip().casefold() == str(member.value):
                return member
    choices = [str(m.value) for m in enum_type]
    raise lokasi.error(
        f"nilai {key} {_show(value)} tidak dikenal; pilih {_list(choices)}", *where, key
    )


def _optional_choice(
    table: Mapping[str, Any],
    key: str,
    enum_type: type[E],
    lokasi: _Lokasi,
    where: tuple[str, int | None],
) -> E | None:
    return _choice(table, key, enum_type, lokasi, where) if key in table else None


def _batas_atas(
    value: object, lokasi: _Lokasi, where: tuple[str, int | None]
) -> Decimal | Literal[False]:
    if value is False:
        return False
    number = _number(value)
    if number is None or number < BATAS_ATAS_MINIMUM:
        raise lokasi.error(
            f"nilai batas_atas {_show(value)} tidak sah; tulis angka >= 100 (mis. 120) atau "
            "false (tanpa batas)",
            *where,
            "batas_atas",
        )
    return number


def _number(value: object) -> Decimal | None:
    """A TOML int or float as Decimal (floats through their shortest text: 120.5, not
    120.4999...); ``None`` for anything else, booleans and inf/nan included."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float) and math.isfinite(value):
        return Decimal(repr(value))
    return None


def _show(value: object) -> str:
    """A TOML value as the user wrote it, roughly: 'teks', 120, true."""
    if isinstance(value, str):
        return f"'{value}'"
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _list(items: Iterable[str], conjunction: str = "atau") -> str:
    """Indonesian enumeration: "a, b, atau c"; "a atau b"."""
    items = list(items)
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


__all__ = ["load_aturan", "parse_aturan"]
