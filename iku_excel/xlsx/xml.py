"""Safe XML for untrusted workbooks: the one parser every part goes through.

expat with the guards of defusedxml (``forbid_dtd``, ``forbid_entities``, ``forbid_external``)
set on the parser itself: a DTD, where every entity bomb and external entity is declared, is
refused as soon as it starts, so no entity is ever declared, expanded or fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple
from xml.parsers import expat

from iku_excel.errors import IkuFileError
from iku_excel.xlsx.container import Archive

SEP = " "  # expat joins namespace and local name with this: "ns c"

MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # strict OOXML
)


class Handlers(NamedTuple):
    start: Callable[[str, dict[str, str]], None]
    end: Callable[[str], None] | None = None
    text: Callable[[str], None] | None = None


def local(name: str) -> str:
    """The local name of an expat name ("ns c" -> "c")."""
    return name[name.rfind(SEP) + 1 :]


def main_names(local_name: str) -> frozenset[str]:
    """The expat names of a SpreadsheetML element, transitional and strict."""
    return frozenset(f"{ns}{SEP}{local_name}" for ns in MAIN_NAMESPACES)


def _safe_parser(part: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=SEP)
    parser.buffer_text = True  # one text callback per text node, not one per line
    parser.buffer_size = 65536
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> int:
        raise IkuFileError(
            f"berkas ditolak: bagian {part} memuat deklarasi DTD/entitas XML yang tidak pernah "
            "ditulis Excel (bisa berupa 'entity bomb' atau upaya membaca berkas lain); minta "
            "berkas yang disimpan ulang langsung dari Excel"
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    return parser


def _broken(part: str, exc: expat.ExpatError) -> IkuFileError:
    return IkuFileError(
        f"bagian {part} berisi XML rusak (baris {exc.lineno}: {expat.ErrorString(exc.code)}); "
        "buka dan simpan ulang di Excel atau LibreOffice"
    )


def parse_part(archive: Archive, part: str, handlers: Handlers) -> None:
    """Run the member ``part`` through a safe parser calling ``handlers``, chunk by chunk."""
    parser = _parser_with(part, handlers)
    try:
        for chunk in archive.chunks(part):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise _broken(part, exc) from exc
    except LookupError as exc:  # an encoding Python does not know ("UTF88")
        raise IkuFileError(
            f"bagian {part} memakai pengodean yang tidak dikenal; buka dan simpan ulang di Excel"
        ) from exc


def check_text(xml: str, part: str) -> None:
    """Refuse XML text that is broken or declares a DTD, before any of it is spliced."""
    parser = _safe_parser(part)
    try:
        parser.Parse(xml.encode("utf-8"), True)
    except expat.ExpatError as exc:
        raise _broken(part, exc) from exc


def _parser_with(part: str, handlers: Handlers) -> expat.XMLParserType:
    parser = _safe_parser(part)
    parser.StartElementHandler = handlers.start
    if handlers.end is not None:
        parser.EndElementHandler = handlers.end
    if handlers.text is not None:
        parser.CharacterDataHandler = handlers.text
    return parser


def collect(
    archive: Archive, part: str, wanted: dict[str, Callable[[dict[str, str]], None]]
) -> None:
    """Call ``wanted[local name](attributes)`` for each element of a small part (content
    types, relationships, workbook, styles), whatever its namespace (strict or transitional)."""

    def start(name: str, attrs: dict[str, str]) -> None:
        on_element = wanted.get(local(name))
        if on_element is not None:
            on_element(attrs)

    parse_part(archive, part, Handlers(start))


def xml_bool(text: str | None) -> bool:
    """openpyxl's reading of an xsd:boolean attribute (``Bool`` descriptor): only "false",
    "f", "0" and "" (or no attribute) are false."""
    return text not in (None, "false", "f", "0", "")


def int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
