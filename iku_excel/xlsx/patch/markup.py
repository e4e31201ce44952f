"""The XML text of a worksheet as the patcher reads and writes it: escaping, attributes,
and the element patterns of one namespace prefix. Text is scanned, never parsed into a tree
(ElementTree renames namespace prefixes, and Excel rejects what it writes)."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from iku_excel.errors import IkuFileError

MAX_DOUBLE = Decimal("1.7976931348623157E+308")  # the largest number Excel stores


def number_text(value: Decimal | int | float) -> str | None:
    """The exact decimal text of a number, without exponent or trailing zeros ("1000", never
    "1E+3"; a float by its shortest round-trip digits, never float noise). ``None`` when Excel
    cannot hold it (NaN, infinity, beyond a double)."""
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return None
        number = Decimal(repr(value))
    else:
        number = value
    if not number.is_finite() or abs(number) > MAX_DOUBLE:
        return None
    if number and number.adjusted() < -324:  # below the smallest double: would print ~1e5 zeros
        number = Decimal(0)
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_XML_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# ST_Xstring: a literal "_xHHHH_" must be escaped so Excel does not decode it...
_LITERAL_ESCAPE_RE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
# ... and characters XML 1.0 cannot hold are written the way Excel writes them.
_UNWRITABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_text(text: str) -> str:
    """Cell text as element content (ST_Xstring)."""
    text = _LITERAL_ESCAPE_RE.sub("_x005F_", text)
    text = _UNWRITABLE_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return text.translate(_XML_TEXT_ESCAPES)


def escape_formula(text: str) -> str:
    return text.translate(_XML_TEXT_ESCAPES)


_ENTITY_RE = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|amp|lt|gt|quot|apos);")
_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XSTRING_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_xml(text: str) -> str:
    if "&" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if not name.startswith("#"):
            return _NAMED_ENTITIES[name]
        code = int(name[2:], 16) if name.startswith("#x") else int(name[1:])
        return chr(code) if code <= 0x10FFFF else m.group(0)  # beyond Unicode: keep as text

    return _ENTITY_RE.sub(one, text)


def unescape_text(text: str) -> str:
    text = unescape_xml(text)
    if "_x" in text:
        text = _XSTRING_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


# A start tag's attributes (quoted values may hold '>' or '/'), as an unrolled loop: fast.
ATTRS = r"""([^>"'/]*(?:(?:"[^"]*"|'[^']*')[^>"'/]*)*)"""
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')""")


def attributes(raw: str) -> dict[str, str]:
    return {m.group(1): unescape_xml(m.group(2)[1:-1]) for m in _ATTR_RE.finditer(raw)}


def is_true(value: str | None) -> bool:
    return value in ("1", "true")


def root_prefix(xml: str, local_name: str) -> str:
    m = re.search(rf"<(\w+:)?{local_name}\b", xml)
    return m.group(1) or "" if m else ""


@dataclass(frozen=True, slots=True)
class Patterns:
    """Regexes for one namespace prefix ("" or e.g. "x:") of a worksheet."""

    p: str
    formula_open: str
    sheet_data: re.Pattern[str]
    row: re.Pattern[str]
    cell: re.Pattern[str]
    formula: re.Pattern[str]
    value: re.Pattern[str]
    inline_text: re.Pattern[str]
    phonetic: re.Pattern[str]
    merge: re.Pattern[str]
    protection: re.Pattern[str]
    col: re.Pattern[str]
    dimension: re.Pattern[str]
    row_ext: re.Pattern[str]


@functools.lru_cache(maxsize=8)
def patterns(prefix: str) -> Patterns:
    p = re.escape(prefix)
    return Patterns(
        p=prefix,
        formula_open=f"<{prefix}f",
        sheet_data=re.compile(rf"<{p}sheetData\b{ATTRS}(/?)>"),
        row=re.compile(rf"<{p}row\b{ATTRS}(/?)>"),
        cell=re.compile(rf"<{p}c\b{ATTRS}(?:/>|>(.*?)</{p}c>)", re.S),
        formula=re.compile(rf"<{p}f\b{ATTRS}(?:/>|>(.*?)</{p}f>)", re.S),
        value=re.compile(rf"<{p}v\b[^>]*?(?:/>|>(.*?)</{p}v>)", re.S),
        inline_text=re.compile(rf"<{p}t\b[^>]*?(?:/>|>(.*?)</{p}t>)", re.S),
        phonetic=re.compile(rf"<{p}rPh\b.*?</{p}rPh>", re.S),
        merge=re.compile(rf"<{p}mergeCell\b{ATTRS}/?>"),
        protection=re.compile(rf"<{p}sheetProtection\b{ATTRS}/?>"),
        col=re.compile(rf"<{p}col\b{ATTRS}/?>"),
        dimension=re.compile(rf"<{p}dimension\b{ATTRS}/?>"),
        row_ext=re.compile(rf"<{p}extLst\b"),
    )


def refuse_odd_markup(text: str, part: str) -> None:
    """Splicing relies on plain element markup: after the XML declaration no DOCTYPE (entity
    bombs, external entities), comment, CDATA section or processing instruction."""
    start = text.find("?>") + 2 if text.lstrip("\ufeff").startswith("<?xml") else 0
    if text.find("<!", start) >= 0 or text.find("<?", start) >= 0:
        raise IkuFileError(
            f"bagian {part} memuat DOCTYPE, komentar, CDATA atau instruksi XML yang tidak pernah "
            "ditulis Excel; demi keamanan berkas tidak diubah. Buka dan simpan ulang di Excel"
        )
