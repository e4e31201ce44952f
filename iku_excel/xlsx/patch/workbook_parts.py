"""The parts outside the edited sheet that a write may change: ``<calcPr fullCalcOnLoad>``
in the workbook part, and the calc chain with its relationship and content type."""

from __future__ import annotations

import re
from collections.abc import Callable

from iku_excel.xlsx.container import Archive, corrupt
from iku_excel.xlsx.package import CONTENT_TYPES_PART, Package
from iku_excel.xlsx.patch.markup import ATTRS, attributes, is_true, root_prefix
from iku_excel.xlsx.workbook import WorkbookFile
from iku_excel.xlsx.xml import check_text

_CALC_PR_FOLLOWERS = (
    "oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|"
    "fileRecoveryPr|webPublishObjects|extLst"
)


def with_full_calc_on_load(xml: str) -> str | None:
    """workbook.xml with ``<calcPr fullCalcOnLoad="1">``; None when it is already there."""
    prefix = root_prefix(xml, "workbook")
    p = re.escape(prefix)
    m = re.search(rf"<{p}calcPr\b{ATTRS}(/?)>", xml)
    if m is not None:
        attrs = m.group(1)
        current = re.search(r"""\bfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')""", attrs)
        if current is not None and is_true(current.group(1)[1:-1]):
            return None
        if current is not None:
            attrs = f'{attrs[: current.start()]}fullCalcOnLoad="1"{attrs[current.end() :]}'
        else:
            attrs = f'{attrs.rstrip()} fullCalcOnLoad="1"'
        return f"{xml[: m.start()]}<{prefix}calcPr{attrs}{m.group(2)}>{xml[m.end() :]}"
    # No calcPr: insert it where the schema wants it, after <sheets> and <definedNames>.
    sheets_end = re.search(rf"</{p}sheets>|<{p}sheets\b{ATTRS}/>", xml)
    if sheets_end is None:
        raise corrupt("workbook.xml tidak memuat <sheets>")
    follower = re.compile(rf"<{p}(?:{_CALC_PR_FOLLOWERS})\b|</{p}workbook>")
    at = follower.search(xml, sheets_end.end())
    if at is None:
        raise corrupt("workbook.xml tidak ditutup")
    element = f'<{prefix}calcPr fullCalcOnLoad="1"/>'
    return xml[: at.start()] + element + xml[at.start() :]


def workbook_level_changes(
    book: WorkbookFile, force_recalc: bool, formula_removed: bool
) -> tuple[dict[str, bytes], set[str]]:
    """The parts outside the sheet that must change (see ``xlsx.patch``), and the parts to
    remove."""
    archive, package = book.archive, book.package
    replaced: dict[str, bytes] = {}
    removed: set[str] = set()
    if force_recalc:
        workbook_xml = with_full_calc_on_load(archive.read_text(package.workbook_part))
        if workbook_xml is not None:
            replaced[package.workbook_part] = workbook_xml.encode("utf-8")
    if formula_removed and package.calc_chain is not None:
        replaced.update(_without_calc_chain(archive, package))
        removed.add(package.calc_chain.part)
    return replaced, removed


def _without_calc_chain(archive: Archive, book: Package) -> dict[str, bytes]:
    """[Content_Types].xml and workbook.xml.rels without the calc chain's entries."""
    assert book.calc_chain is not None
    chain = book.calc_chain
    replaced: dict[str, bytes] = {}
    rels_xml = archive.read_text(book.rels_part)
    new_rels = _without_elements(
        rels_xml, book.rels_part, "Relationship", lambda a: a.get("Id") == chain.rel_id
    )
    if new_rels != rels_xml:
        replaced[book.rels_part] = new_rels.encode("utf-8")
    if archive.has(CONTENT_TYPES_PART):
        types_xml = archive.read_text(CONTENT_TYPES_PART)
        part_name = "/" + archive.name_of(chain.part)
        new_types = _without_elements(
            types_xml,
            CONTENT_TYPES_PART,
            "Override",
            lambda a: a.get("PartName", "").casefold() == part_name.casefold(),
        )
        if new_types != types_xml:
            replaced[CONTENT_TYPES_PART] = new_types.encode("utf-8")
    return replaced


def _without_elements(
    xml: str, part: str, local_name: str, matches: Callable[[dict[str, str]], bool]
) -> str:
    """``xml`` without the ``local_name`` elements whose attributes ``matches``."""
    check_text(xml, part)  # refuses a DTD before any text is spliced
    pattern = re.compile(
        rf"<(?:\w+:)?{local_name}\b{ATTRS}(?:/>|>.*?</(?:\w+:)?{local_name}>)", re.S
    )
    return pattern.sub(lambda m: "" if matches(attributes(m.group(1))) else m.group(0), xml)
