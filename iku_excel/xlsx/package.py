"""The OPC package of a workbook: the workbook part, relationships, sheets, defined names.

Reading and patching find every part through this one class, so they can never disagree about
which member holds a sheet. Parts are found as Excel finds them (relationships), then as
openpyxl does (content types, fixed names), in that order.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote

from iku_excel.errors import IkuFileError, IkuInputError
from iku_excel.xlsx.container import Archive
from iku_excel.xlsx.xml import SEP, Handlers, collect, local, parse_part, xml_bool

_WORKBOOK_CONTENT_TYPES = frozenset(
    f"application/vnd.{kind}.main+xml"
    for kind in (
        "openxmlformats-officedocument.spreadsheetml.sheet",
        "openxmlformats-officedocument.spreadsheetml.template",
        "ms-excel.sheet.macroEnabled",
        "ms-excel.template.macroEnabled",
    )
)
_SHARED_STRINGS_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
# r:id of <sheet>, transitional and strict.
_RELATIONSHIP_ID_ATTRS = (
    f"http://schemas.openxmlformats.org/officeDocument/2006/relationships{SEP}id",
    f"http://purl.oclc.org/ooxml/officeDocument/relationships{SEP}id",
)
CONTENT_TYPES_PART = "[Content_Types].xml"


@dataclass(frozen=True, slots=True)
class Relationship:
    rel_id: str
    kind: str  # the last segment of the type URI: "worksheet", "styles", "calcChain"...
    part: str  # the member name it points to, resolved


@dataclass(frozen=True, slots=True)
class SheetRef:
    name: str
    part: str  # the member as stored
    kind: str  # "worksheet", "chartsheet", "dialogsheet", "macrosheet"
    index: int  # position among the declared sheets (what localSheetId counts)


@dataclass(frozen=True, slots=True)
class DefinedName:
    folded_name: str
    local_sheet_id: int | None  # None: a workbook-wide name
    text: str


def rels_part(part: str) -> str:
    """The relationships part of ``part``: xl/workbook.xml -> xl/_rels/workbook.xml.rels;
    ``""`` (the package itself) -> _rels/.rels."""
    if not part:
        return "_rels/.rels"
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship's target as a member name: relative to its source part's folder, or from
    the package root when it starts with "/"; percent-escapes decoded (sheet%201.xml)."""
    target = unquote(target)
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def read_relationships(archive: Archive, source: str) -> list[Relationship]:
    """The internal relationships of part ``source`` (``""`` for the package), in order."""
    part = archive.find(rels_part(source))
    found: list[Relationship] = []
    if part is None:
        return found

    def relationship(attrs: dict[str, str]) -> None:
        if attrs.get("TargetMode") == "External" or "Id" not in attrs:
            return
        kind = attrs.get("Type", "").rsplit("/", 1)[-1]
        found.append(
            Relationship(attrs["Id"], kind, resolve_target(source, attrs.get("Target", "")))
        )

    collect(archive, part, {"Relationship": relationship})
    return found


def _content_types(archive: Archive) -> dict[str, str]:
    """Part name -> content type from [Content_Types].xml (openpyxl finds parts this way)."""
    part = archive.find(CONTENT_TYPES_PART)
    found: dict[str, str] = {}
    if part is None:
        return found

    def override(attrs: dict[str, str]) -> None:
        found[attrs.get("PartName", "").lstrip("/")] = attrs.get("ContentType", "")

    collect(archive, part, {"Override": override})
    return found


class Package:
    """The workbook part of ``archive`` and everything found from it."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._types: dict[str, str] | None = None
        self.workbook_part = self._find_workbook_part()
        self.rels_part = rels_part(self.workbook_part)
        rels = read_relationships(archive, self.workbook_part)
        declared, self.date1904, self.defined_names = self._read_workbook()
        by_id = {r.rel_id: r for r in rels}
        self.sheets: list[SheetRef] = []
        for index, (name, rel_id) in enumerate(declared):
            rel = by_id.get(rel_id)
            # A sheet pointing at no member is skipped, as openpyxl does.
            member = archive.find(rel.part) if rel is not None else None
            if rel is not None and member is not None:
                self.sheets.append(SheetRef(name, member, rel.kind, index))
        self.calc_chain = next(
            (r for r in rels if r.kind == "calcChain" and archive.has(r.part)), None
        )
        self.styles_part = self._related(rels, "styles") or archive.find("xl/styles.xml")
        self.shared_strings_part = self._related(rels, "sharedStrings") or self._by_type(
            _SHARED_STRINGS_CONTENT_TYPE
        )

    # --- finding parts -----------------------------------------------------------------------

    def _content_types(self) -> dict[str, str]:
        if self._types is None:
            self._types = _content_types(self.archive)
        return self._types

    def _by_type(self, content_type: str) -> str | None:
        for name, found_type in self._content_types().items():
            if found_type == content_type and (found := self.archive.find(name)):
                return found
        return None

    def _related(self, rels: list[Relationship], kind: str) -> str | None:
        return next(
            (found for r in rels if r.kind == kind and (found := self.archive.find(r.part))),
            None,
        )

    def _find_workbook_part(self) -> str:
        """As Excel finds it (package relationships), else as openpyxl does (content types),
        else where every writer puts it."""
        archive = self.archive
        found = self._related(read_relationships(archive, ""), "officeDocument")
        if found is None:
            found = next(
                (
                    part
                    for name, content_type in self._content_types().items()
                    if content_type in _WORKBOOK_CONTENT_TYPES and (part := archive.find(name))
                ),
                None,
            ) or archive.find("xl/workbook.xml")
        if found is None:
            raise IkuFileError(
                "isi berkas .xlsx tidak lengkap (workbook.xml tidak ada); buka dan simpan ulang "
                "di Excel atau LibreOffice"
            )
        return found

    def _read_workbook(self) -> tuple[list[tuple[str, str]], bool, list[DefinedName]]:
        declared: list[tuple[str, str]] = []
        names: list[DefinedName] = []
        date1904 = False
        name_attrs: dict[str, str] | None = None
        text: list[str] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal date1904, name_attrs
            element = local(name)
            if element == "sheet":
                rel_id = next((attrs[a] for a in _RELATIONSHIP_ID_ATTRS if a in attrs), "")
                declared.append((attrs.get("name", ""), rel_id))
            elif element == "workbookPr":
                date1904 = xml_bool(attrs.get("date1904"))
            elif element == "definedName":
                name_attrs = attrs
                text.clear()

        def end(name: str) -> None:
            nonlocal name_attrs
            if name_attrs is not None and local(name) == "definedName":
                scope = name_attrs.get("localSheetId", "")
                names.append(
                    DefinedName(
                        name_attrs.get("name", "").casefold(),
                        int(scope) if scope.isdigit() else None,
                        "".join(text),
                    )
                )
                name_attrs = None

        def characters(data: str) -> None:
            if name_attrs is not None:
                text.append(data)

        parse_part(self.archive, self.workbook_part, Handlers(start, end, characters))
        return declared, date1904, names

    # --- sheets and names --------------------------------------------------------------------

    def worksheets(self) -> list[SheetRef]:
        """The sheets that hold cells, in tab order (chartsheets left out)."""
        return [s for s in self.sheets if s.kind != "chartsheet"]

    def sheet(self, name: str) -> SheetRef:
        """The sheet of that name; Excel names are unique regardless of case."""
        found = next((s for s in self.sheets if s.name == name), None) or next(
            (s for s in self.sheets if s.name.casefold() == name.casefold()), None
        )
        if found is None:
            known = ", ".join(s.name for s in self.worksheets()) or "(tidak ada)"
            raise IkuInputError(f"sheet '{name}' tidak ada; sheet yang ada: {known}")
        return found

    def worksheet(self, name: str) -> SheetRef:
        """The sheet of that name, refused when it holds no cells (a chart sheet)."""
        found = self.sheet(name)
        if found.kind != "worksheet":
            what = "lembar grafik" if found.kind == "chartsheet" else f"lembar {found.kind}"
            raise IkuInputError(f"sheet '{found.name}' adalah {what}, bukan lembar sel")
        return found

    def sheet_index(self, name: str | None) -> int:
        if name is None:
            return -1
        folded = name.casefold()
        return next((s.index for s in self.sheets if s.name.casefold() == folded), -1)

    def sheet_name_of(self, part: str) -> str:
        return next((s.name for s in self.sheets if s.part == part), "")

    def defined_name(self, folded_name: str, scope: int) -> str | None:
        """A defined name's formula: the one local to sheet ``scope`` wins over the global one."""
        global_text = None
        for name in self.defined_names:
            if name.folded_name != folded_name:
                continue
            if name.local_sheet_id == scope:
                return name.text
            if name.local_sheet_id is None:
                global_text = name.text
        return global_text

    def names_mention(self, sheet: str) -> bool:
        return any(sheet.casefold() in n.text.casefold() for n in self.defined_names)
