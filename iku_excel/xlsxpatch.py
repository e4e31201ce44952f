"""Edit cells of an existing .xlsx without losing anything.

Staff workbooks carry logos, drawn lines, header images, Excel 2010 extensions (x14 dropdowns,
data bars, sparklines), rich text and cached formula values; an openpyxl load+save loses them
(domain.md section 7). This module changes only the cells asked for, by splicing text into one
worksheet's XML, and copies every other zip member byte for byte: its local header, compressed
data and central-directory record (name, order, compression, date, attributes) are the input's
own bytes, only moved to their new offset. Nothing here imports openpyxl.

API: ``patch_workbook(xlsx, sheet, writes)`` (bytes in, bytes out, plus the receipt of what
changed and the problems met), ``patch_file`` (the same through an atomic write),
``read_cells`` and ``sheet_part_names``.

Which zip members change, and why:

- the edited worksheet: the target cells (value, type, formula; the style index is kept) and,
  when a cell or row is missing, the new ``<c>``/``<row>`` inserted in order, the row's
  ``spans`` hint widened and ``<dimension>`` grown to cover it. With ``force_recalc`` the cached
  ``<v>`` of the workbook's own formulas on that sheet that depend (directly, through other
  formulas, or through a defined name) on a changed cell is removed. Why: LibreOffice ignores
  ``fullCalcOnLoad`` and shows a stale cached value as it is, but calculates a formula that has
  no cached value (both measured with LibreOffice 7.4); Excel recalculates either way. A reader
  that does not calculate (pandas, openpyxl data_only, phone viewers; WPS per domain.md) then
  shows an empty cell instead of a wrong number, until the file is saved by a spreadsheet. Each
  such cell is reported (``nilai-rumus-dikosongkan``, with its old value). A formula that may read
  anything (INDIRECT, OFFSET, table references, an unknown name) counts as dependent.
- ``xl/workbook.xml`` (the part the package relationship names), only with ``force_recalc`` and
  only when ``<calcPr fullCalcOnLoad="1">`` is not already there: Excel then recalculates every
  formula, those on other sheets included, when the file is opened.
- ``xl/calcChain.xml`` is removed, with its ``Override`` in ``[Content_Types].xml`` and its
  relationship in ``xl/_rels/workbook.xml.rels``, only when a write turns a formula cell into a
  plain value: Excel reports a file whose calc chain names a cell without a formula as corrupt.
  New formulas need no calc-chain entry (Excel adds them).

Not changed, on purpose (every other member must stay byte-identical): text is written as an
inline string (``t="inlineStr"``; a formula's text result as ``t="str"``), so
``sharedStrings.xml`` never changes. Formulas on other sheets that read a changed cell keep
their cached values until a spreadsheet recalculates; they are reported, one warning per sheet
(``rumus-sheet-lain-usang``; direct references and defined names, not INDIRECT). Chart
caches and pivot caches likewise wait for the spreadsheet to refresh them.

Cells that are never overwritten (reported and skipped): a cell covered by a merged range that
is not its top-left cell; a cell holding a formula of the workbook's own, unless the write says
``replace_formula`` or writes that same formula (ours, from an earlier run: only its cached
value is refreshed); the master of a shared formula or a cell inside an array formula; a
locked cell on a protected sheet.

Writes whose value is already in the cell change nothing, and when nothing changes the input
bytes come back as they are: a rerun after an interruption finishes the job without touching
finished files. docProps (modified date, application) are left as they were.

Hostile input: the input must be a zip within ``Limits`` (members, uncompressed sizes,
compression ratio), without encrypted members or compression methods Excel does not use. The
workbook-level parts are read with defusedxml (no DTD, no entities); the edited sheet must hold
no DOCTYPE, comment, CDATA or processing instruction (Excel writes none, and text splicing
relies on plain markup). Only the parts needed are ever decompressed, each bounded by its
declared size; copied members are never decompressed.
"""

from __future__ import annotations

import functools
import math
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal, NamedTuple, TypeAlias
from xml.etree import ElementTree

from iku_excel.errors import IkuFileError, IkuInputError, Problem, Severity
from iku_excel.fileio import describe_os_error, write_bytes_atomic
from iku_excel.grid import cell_name
from iku_excel.xlsxread import DEFAULT_LIMITS, Limits, rels_part, resolve_target

WriteValue: TypeAlias = "Decimal | int | float | bool | str | None"
CellValue: TypeAlias = "Decimal | str | bool | None"
CellKind = Literal["number", "text", "bool", "error", "empty"]

MAX_ROW = 1_048_576
MAX_COL = 16_384
_MAX_TEXT = 32_767  # Excel's limit for the text of one cell
_MAX_FORMULA = 8_192  # Excel's limit for the text of one formula
_MAX_DOUBLE = Decimal("1.7976931348623157E+308")
_EXACT_DIGITS = 15  # Excel keeps 15 significant digits of a number
_EXACT_LIMIT = 10**_EXACT_DIGITS


# --------------------------------------------------------------------------- public values


@dataclass(frozen=True, slots=True)
class CellWrite:
    """One cell to write.

    ``value`` is the value, or for a formula its computed (cached) value: ``None`` or ``""`` for
    an empty-string result. Without a formula, ``None`` or ``""`` clears the cell (its style
    stays). ``formula`` is written without the leading ``=``. ``style_from`` names a cell whose
    style index is copied when the target has no style of its own (e.g. a column added after
    the table); otherwise the target keeps its style. ``replace_formula`` allows overwriting any
    formula already in the cell (the same formula as ``formula`` is always allowed)."""

    ref: str
    value: WriteValue
    formula: str | None = None
    style_from: str | None = None
    replace_formula: bool = False


def one_per_cell(writes: Iterable[CellWrite]) -> list[CellWrite]:
    """One write per cell, the last one given winning (``patch_workbook`` refuses a cell
    written twice), in the order the cells were first given."""
    return list({w.ref: w for w in writes}.values())


@dataclass(frozen=True, slots=True)
class CellChange:
    """The receipt of one cell written: its value (and formula) before and after. Numbers are
    ``Decimal``; an empty cell is ``None``."""

    sheet: str
    ref: str
    old: object
    new: object
    old_formula: str | None = None
    new_formula: str | None = None


@dataclass(frozen=True, slots=True)
class CellInfo:
    """What a cell holds now, and whether it may be written.

    ``style`` is the effective style index (a missing cell shows its row's or column's style).
    ``merged_in`` is the merged range covering the cell when the cell is not its top-left one.
    ``locked`` is the style's protection flag; it only matters when ``sheet_protected``."""

    ref: str
    value: CellValue
    kind: CellKind
    formula: str | None
    style: int
    exists: bool
    merged_in: str | None
    locked: bool
    sheet_protected: bool
    shared_formula_master: bool = False
    array_formula: str | None = None

    @property
    def protected(self) -> bool:
        """Excel refuses to edit this cell (protected sheet, locked cell)."""
        return self.sheet_protected and self.locked


# --------------------------------------------------------------------------- public functions


def sheet_part_names(xlsx: bytes, *, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """Every sheet's name -> its zip member (``"xl/worksheets/sheet3.xml"``), in tab order,
    from the workbook part and its relationships. Chart sheets are included."""
    archive = _Archive(xlsx, limits)
    return {s.name: s.part for s in _Book(archive).sheets}


def read_cells(
    xlsx: bytes, sheet: str, refs: Iterable[str], *, limits: Limits = DEFAULT_LIMITS
) -> dict[str, CellInfo]:
    """What the cells ``refs`` of ``sheet`` hold now, keyed by the normalised ref ("K9")."""
    archive = _Archive(xlsx, limits)
    book = _Book(archive)
    sheet_ref = book.worksheet(sheet)
    doc = _SheetDoc(archive.read_text(sheet_ref.part), archive.name_of(sheet_ref.part))
    context = _CellContext(doc, book, archive)
    result: dict[str, CellInfo] = {}
    for ref in refs:
        row, col = _ref_or_raise(ref)
        result[cell_name(row, col)] = context.info(row, col)
    return result


def patch_workbook(
    xlsx: bytes,
    sheet: str,
    writes: Sequence[CellWrite],
    *,
    force_recalc: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[bytes, list[CellChange], list[Problem]]:
    """Write ``writes`` into ``sheet`` of the workbook ``xlsx`` and return the new workbook,
    the cells changed and the problems met.

    Writes whose value is already in the cell change nothing; when nothing changes the input
    bytes are returned as they are. A target that must not be overwritten is reported and
    skipped. A file that cannot be used raises ``IkuFileError``; a bad ref, a duplicate ref or
    an unknown sheet raises ``IkuInputError``."""
    planned_writes = [_validated(w) for w in writes]
    _refuse_duplicates(planned_writes)
    archive = _Archive(xlsx, limits)
    book = _Book(archive)
    sheet_ref = book.worksheet(sheet)
    doc = _SheetDoc(archive.read_text(sheet_ref.part), archive.name_of(sheet_ref.part))
    context = _CellContext(doc, book, archive)

    problems: list[Problem] = []
    edits: dict[tuple[int, int], _CellEdit] = {}
    changes: list[CellChange] = []
    formula_removed = False
    for planned in planned_writes:
        outcome = context.plan(planned, sheet_ref.name)
        problems.extend(outcome.problems)
        if outcome.edit is None:
            continue
        edits[(planned.row, planned.col)] = outcome.edit
        changes.append(outcome.change_for(sheet_ref.name, planned.ref))
        formula_removed |= outcome.removes_formula
    if not edits:
        return xlsx, changes, problems

    if force_recalc:
        cleared = context.clear_dependents(set(edits), edits)
        problems.extend(_cleared_problems(sheet_ref.name, cleared))
        problems.extend(_other_sheet_problems(archive, book, sheet_ref, set(edits) | set(cleared)))

    replaced, removed = _workbook_level_changes(archive, book, force_recalc, formula_removed)
    replaced[sheet_ref.part] = doc.apply(edits).encode("utf-8")
    return archive.rebuild(replaced, removed), changes, problems


def _workbook_level_changes(
    archive: _Archive, book: _Book, force_recalc: bool, formula_removed: bool
) -> tuple[dict[str, bytes], set[str]]:
    """The parts outside the sheet that must change (see the module docstring), and the
    parts to remove."""
    replaced: dict[str, bytes] = {}
    removed: set[str] = set()
    if force_recalc:
        workbook_xml = _with_full_calc_on_load(archive.read_text(book.workbook_part))
        if workbook_xml is not None:
            replaced[book.workbook_part] = workbook_xml.encode("utf-8")
    if formula_removed and book.calc_chain is not None:
        replaced.update(_without_calc_chain(archive, book))
        removed.add(book.calc_chain.part)
    return replaced, removed


def patch_file(
    src: Path,
    dst: Path,
    sheet: str,
    writes: Sequence[CellWrite],
    *,
    overwrite: bool = False,
    force_recalc: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[list[CellChange], list[Problem]]:
    """``patch_workbook`` on the file ``src``, written to ``dst`` through a temporary file and
    an atomic replace. ``dst`` may be ``src`` itself (with ``overwrite``); a source left
    unchanged is then not rewritten."""
    src, dst = Path(src), Path(dst)
    try:
        if src.stat().st_size > limits.max_total_bytes:  # never read a huge file into memory
            raise IkuFileError(
                f"berkas lebih dari {limits.max_total_bytes // _MB} MB (Limits.max_total_bytes); "
                "tidak diproses",
                src,
            )
        data = src.read_bytes()
    except OSError as exc:
        if isinstance(exc, IkuFileError):
            raise
        raise IkuFileError(describe_os_error(exc, "membaca berkas"), src) from exc
    try:
        new_data, changes, problems = patch_workbook(
            data, sheet, writes, force_recalc=force_recalc, limits=limits
        )
    except IkuFileError as exc:
        if exc.path is None:
            raise IkuFileError(exc.message, src) from exc
        raise
    same_file = dst.exists() and src.exists() and dst.resolve() == src.resolve()
    if not (same_file and new_data is data):
        write_bytes_atomic(dst, new_data, overwrite=overwrite)
    located = [p.at(file=str(src)) if p.file is None else p for p in problems]
    return changes, located


# --------------------------------------------------------------------------- refs


_REF_RE = re.compile(r"\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})")


@functools.lru_cache(maxsize=4096)
def _col_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _parse_ref(ref: str) -> tuple[int, int] | None:
    m = _REF_RE.fullmatch(ref.strip())
    if m is None:
        return None
    row, col = int(m.group(2)), _col_number(m.group(1))
    if row > MAX_ROW or col > MAX_COL:
        return None
    return row, col


def _ref_or_raise(ref: str) -> tuple[int, int]:
    parsed = _parse_ref(ref) if isinstance(ref, str) else None
    if parsed is None:
        raise IkuInputError(f"alamat sel tidak sah: {ref!r}; tulis seperti K9")
    return parsed


@dataclass(frozen=True, slots=True)
class _Area:
    """A rectangle of cells, 1-based and inclusive."""

    r1: int
    c1: int
    r2: int
    c2: int

    def contains(self, row: int, col: int) -> bool:
        return self.r1 <= row <= self.r2 and self.c1 <= col <= self.c2

    @property
    def size(self) -> int:
        return (self.r2 - self.r1 + 1) * (self.c2 - self.c1 + 1)

    def text(self) -> str:
        first = cell_name(self.r1, self.c1)
        return first if self.size == 1 else f"{first}:{cell_name(self.r2, self.c2)}"


def _parse_area(text: str) -> _Area | None:
    first, _, last = text.strip().partition(":")
    a = _parse_ref(first)
    b = _parse_ref(last) if last else a
    if a is None or b is None:
        return None
    return _Area(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


# --------------------------------------------------------------------------- values and text


def _number_text(value: Decimal | int | float) -> str | None:
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
    if not number.is_finite() or abs(number) > _MAX_DOUBLE:
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


def _escape_text(text: str) -> str:
    """Cell text as element content (ST_Xstring)."""
    text = _LITERAL_ESCAPE_RE.sub("_x005F_", text)
    text = _UNWRITABLE_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return text.translate(_XML_TEXT_ESCAPES)


def _escape_formula(text: str) -> str:
    return text.translate(_XML_TEXT_ESCAPES)


_ENTITY_RE = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|amp|lt|gt|quot|apos);")
_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XSTRING_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape_xml(text: str) -> str:
    if "&" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if not name.startswith("#"):
            return _NAMED_ENTITIES[name]
        code = int(name[2:], 16) if name.startswith("#x") else int(name[1:])
        return chr(code) if code <= 0x10FFFF else m.group(0)  # beyond Unicode: keep as text

    return _ENTITY_RE.sub(one, text)


def _unescape_text(text: str) -> str:
    text = _unescape_xml(text)
    if "_x" in text:
        text = _XSTRING_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


class _Content(NamedTuple):
    """What a cell holds, decoded: its value and its formula."""

    value: CellValue
    kind: CellKind
    formula: str | None = None

    def same_as(self, other: _Content) -> bool:
        if self.formula != other.formula:
            return False
        if self.kind == "number" and other.kind == "number":
            # Both end up as doubles: "0.1" and "0.10000000000000001" are the same number.
            return float(self.value) == float(other.value)  # type: ignore[arg-type]
        return self.kind == other.kind and self.value == other.value


_EMPTY = _Content(None, "empty")


# --------------------------------------------------------------------------- XML scanning

# A start tag's attributes (quoted values may hold '>' or '/'), as an unrolled loop: fast.
_ATTRS = r"""([^>"'/]*(?:(?:"[^"]*"|'[^']*')[^>"'/]*)*)"""
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')""")


def _attributes(raw: str) -> dict[str, str]:
    return {m.group(1): _unescape_xml(m.group(2)[1:-1]) for m in _ATTR_RE.finditer(raw)}


def _is_true(value: str | None) -> bool:
    return value in ("1", "true")


def _root_prefix(xml: str, local_name: str) -> str:
    m = re.search(rf"<(\w+:)?{local_name}\b", xml)
    return m.group(1) or "" if m else ""


@dataclass(frozen=True, slots=True)
class _Patterns:
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
def _patterns(prefix: str) -> _Patterns:
    p = re.escape(prefix)
    return _Patterns(
        p=prefix,
        formula_open=f"<{prefix}f",
        sheet_data=re.compile(rf"<{p}sheetData\b{_ATTRS}(/?)>"),
        row=re.compile(rf"<{p}row\b{_ATTRS}(/?)>"),
        cell=re.compile(rf"<{p}c\b{_ATTRS}(?:/>|>(.*?)</{p}c>)", re.S),
        formula=re.compile(rf"<{p}f\b{_ATTRS}(?:/>|>(.*?)</{p}f>)", re.S),
        value=re.compile(rf"<{p}v\b[^>]*?(?:/>|>(.*?)</{p}v>)", re.S),
        inline_text=re.compile(rf"<{p}t\b[^>]*?(?:/>|>(.*?)</{p}t>)", re.S),
        phonetic=re.compile(rf"<{p}rPh\b.*?</{p}rPh>", re.S),
        merge=re.compile(rf"<{p}mergeCell\b{_ATTRS}/?>"),
        protection=re.compile(rf"<{p}sheetProtection\b{_ATTRS}/?>"),
        col=re.compile(rf"<{p}col\b{_ATTRS}/?>"),
        dimension=re.compile(rf"<{p}dimension\b{_ATTRS}/?>"),
        row_ext=re.compile(rf"<{p}extLst\b"),
    )


def _refuse_odd_markup(text: str, part: str) -> None:
    """Splicing relies on plain element markup: after the XML declaration no DOCTYPE (entity
    bombs, external entities), comment, CDATA section or processing instruction."""
    start = text.find("?>") + 2 if text.lstrip("\ufeff").startswith("<?xml") else 0
    if text.find("<!", start) >= 0 or text.find("<?", start) >= 0:
        raise IkuFileError(
            f"bagian {part} memuat DOCTYPE, komentar, CDATA atau instruksi XML yang tidak pernah "
            "ditulis Excel; demi keamanan berkas tidak diubah. Buka dan simpan ulang di Excel"
        )


# --------------------------------------------------------------------------- one cell


@dataclass(slots=True)
class _Cell:
    """A ``<c>`` element found in the sheet XML (positions are into the whole text)."""

    row: int
    col: int
    start: int
    end: int
    attrs_raw: str
    inner: str

    @property
    def type(self) -> str:
        m = _CELL_TYPE_RE.search(self.attrs_raw) if "t" in self.attrs_raw else None
        return m.group(1) if m is not None else "n"

    @property
    def style(self) -> int | None:
        m = _CELL_STYLE_RE.search(self.attrs_raw)
        return int(m.group(1)) if m is not None else None


_CELL_TYPE_RE = re.compile(r"""(?:^|\s)t\s*=\s*["'](\w+)["']""")
_CELL_STYLE_RE = re.compile(r"""(?:^|\s)s\s*=\s*["'](\d+)["']""")


@dataclass(frozen=True, slots=True)
class _FormulaTag:
    raw: str
    attrs: dict[str, str]
    text: str  # unescaped formula text ("" for a shared-formula child)

    @property
    def kind(self) -> str:
        return self.attrs.get("t", "normal")

    @property
    def is_shared_master(self) -> bool:
        return self.kind == "shared" and "ref" in self.attrs

    @property
    def range(self) -> _Area | None:
        return _parse_area(self.attrs["ref"]) if "ref" in self.attrs else None


def _same_formula(held: str, written: str | None) -> bool:
    """The cell holds the very formula being written (spaces aside): rewriting it loses
    nothing and refreshes its cached value."""
    return bool(held) and written is not None and held.replace(" ", "") == written.replace(" ", "")


def _formula_tag(pat: _Patterns, inner: str) -> _FormulaTag | None:
    if pat.formula_open not in inner:
        return None
    m = pat.formula.search(inner)
    if m is None:
        return None
    return _FormulaTag(m.group(0), _attributes(m.group(1)), _unescape_xml(m.group(2) or ""))


def _decode_content(
    pat: _Patterns, cell: _Cell | None, shared_text: _SharedStrings | None
) -> _Content:
    """The value and formula of a cell; ``shared_text`` resolves ``t="s"``."""
    if cell is None or not cell.inner:
        return _EMPTY
    tag = _formula_tag(pat, cell.inner)
    formula = tag.text if tag is not None else None
    cell_type = cell.type
    if cell_type == "inlineStr":
        return _Content(_inline_text(pat, cell.inner), "text", formula)
    m = pat.value.search(cell.inner)
    raw = m.group(1) if m is not None and m.group(1) is not None else None
    if raw is None:
        return (
            _Content("", "text", formula)
            if cell_type == "str"
            else _Content(None, "empty", formula)
        )
    if cell_type == "s":
        text = (
            shared_text.get(int(raw)) if shared_text is not None and raw.strip().isdigit() else None
        )
        return _Content(text, "text", formula)
    if cell_type == "b":
        return _Content(raw.strip() in ("1", "true"), "bool", formula)
    if cell_type == "e":
        return _Content(_unescape_xml(raw), "error", formula)
    if cell_type in ("str", "d"):
        return _Content(_unescape_text(raw), "text", formula)
    try:
        return _Content(Decimal(raw.strip()), "number", formula)
    except InvalidOperation:
        return _Content(_unescape_text(raw), "text", formula)


def _inline_text(pat: _Patterns, inner: str) -> str:
    inner = pat.phonetic.sub("", inner)
    return "".join(_unescape_text(m.group(1) or "") for m in pat.inline_text.finditer(inner))


class _SharedStrings:
    """The shared-string table, decoded only for the indices asked for."""

    def __init__(self, xml: str) -> None:
        p = re.escape(_root_prefix(xml, "sst"))
        self._items = [
            m.group(1) or ""
            for m in re.finditer(rf"<{p}si\b[^>]*?(?:/>|>(.*?)</{p}si>)", xml, re.S)
        ]
        self._pat = _patterns(_root_prefix(xml, "sst"))

    def get(self, index: int) -> str | None:
        if not 0 <= index < len(self._items):
            return None
        return _inline_text(self._pat, self._items[index])


# --------------------------------------------------------------------------- the sheet


@dataclass(slots=True)
class _Row:
    number: int
    start: int
    open_end: int
    self_closed: bool
    attrs_raw: str
    close_start: int = -1  # where "</row>" starts (found on demand)
    end: int = -1


@dataclass(slots=True)
class _CellEdit:
    """The new ``<c>`` element of one cell."""

    text: str
    grows_dimension: bool = True  # a cell with content: <dimension> must cover it


class _SheetDoc:
    """A worksheet's XML text with an index of its rows, merges and protection. Never parsed
    into a tree: edits are spliced into the original text."""

    def __init__(self, text: str, part: str) -> None:
        self.text = text
        self.part = part
        self.pat = _patterns(_root_prefix(text, "worksheet"))
        m = self.pat.sheet_data.search(text)
        if m is None:
            raise _corrupt(f"bagian {part} tidak memuat <sheetData>")
        _refuse_odd_markup(text, part)
        self.data_start = m.start()
        self.data_self_closed = bool(m.group(2))
        self.body_start = m.end()
        if self.data_self_closed:
            self.body_end = m.end()
        else:
            self.body_end = text.find(f"</{self.pat.p}sheetData>", m.end())
            if self.body_end < 0:
                raise _corrupt(f"bagian {part}: <sheetData> tidak ditutup")
        self.rows = self._scan_rows()
        self.row_by_number: dict[int, _Row] = {}
        for row in self.rows:
            self.row_by_number.setdefault(row.number, row)
        self._cells: dict[int, dict[int, _Cell]] = {}  # rows scanned whole
        self._found: dict[tuple[int, int], _Cell] = {}  # cells found by their ref
        tail = text[self.body_end :]
        self.merges = [
            area
            for mm in self.pat.merge.finditer(tail)
            if (area := _parse_area(_attributes(mm.group(1)).get("ref", ""))) is not None
        ]
        self._merges_by_row: dict[int, list[_Area]] = {}
        self._tall_merges = [a for a in self.merges if a.r2 - a.r1 >= _TALL_MERGE]
        for area in self.merges:
            if area.r2 - area.r1 < _TALL_MERGE:
                for number in range(area.r1, area.r2 + 1):
                    self._merges_by_row.setdefault(number, []).append(area)
        protection = self.pat.protection.search(tail)
        self.protected = protection is not None and _is_true(
            _attributes(protection.group(1)).get("sheet")
        )

    def _scan_rows(self) -> list[_Row]:
        rows: list[_Row] = []
        number = 0
        for m in self.pat.row.finditer(self.text, self.body_start, self.body_end):
            r = _ROW_NUMBER_RE.search(m.group(1))
            number = int(r.group(1)) if r is not None else number + 1
            rows.append(_Row(number, m.start(), m.end(), bool(m.group(2)), m.group(1)))
        return rows

    def _close(self, row: _Row) -> _Row:
        if row.end < 0:
            if row.self_closed:
                row.close_start = row.end = row.open_end
            else:
                closing = f"</{self.pat.p}row>"
                row.close_start = self.text.find(closing, row.open_end, self.body_end)
                if row.close_start < 0:
                    raise _corrupt(f"bagian {self.part}: baris {row.number} tidak ditutup")
                row.end = row.close_start + len(closing)
        return row

    def cells_of(self, row_number: int) -> dict[int, _Cell]:
        """The cells of a row by column, in document order."""
        if row_number not in self._cells:
            row = self.row_by_number.get(row_number)
            self._cells[row_number] = {} if row is None else self._scan_cells(self._close(row))
        return self._cells[row_number]

    def _scan_cells(self, row: _Row) -> dict[int, _Cell]:
        cells: dict[int, _Cell] = {}
        col = 0
        for m in self.pat.cell.finditer(self.text, row.open_end, row.close_start):
            attrs_raw = m.group(1)
            ref = _CELL_COLUMN_RE.search(attrs_raw)
            col = _col_number(ref.group(1)) if ref is not None else col + 1
            cells.setdefault(
                col, _Cell(row.number, col, m.start(), m.end(), attrs_raw, m.group(2) or "")
            )
        return cells

    def cell(self, row: int, col: int) -> _Cell | None:
        scanned = self._cells.get(row)
        if scanned is not None:
            return scanned.get(col)
        found = self._found.get((row, col)) or self._find_cell(row, col)
        if found is None:  # only a scan of the whole row can tell that a cell is missing
            return self.cells_of(row).get(col)
        self._found[(row, col)] = found
        return found

    def _find_cell(self, row: int, col: int) -> _Cell | None:
        """The cell found by searching for its ``r="K9"`` (faster than scanning the row)."""
        tag = self.row_by_number.get(row)
        if tag is None:
            return None
        self._close(tag)
        at = self.text.find(f' r="{cell_name(row, col)}"', tag.open_end, tag.close_start)
        start = self.text.rfind("<", tag.open_end, at) if at >= 0 else -1
        m = self.pat.cell.match(self.text, start) if start >= 0 else None
        if m is None or not m.start(1) <= at < m.end(1):
            return None  # the text found was not this cell's own attribute
        return _Cell(row, col, m.start(), m.end(), m.group(1), m.group(2) or "")

    def merge_covering(self, row: int, col: int) -> _Area | None:
        """The merged range that hides this cell (it is inside, but not the top-left)."""
        for area in (*self._merges_by_row.get(row, ()), *self._tall_merges):
            if area.contains(row, col) and (row, col) != (area.r1, area.c1):
                return area
        return None

    @functools.cached_property
    def column_styles(self) -> list[tuple[int, int, int]]:
        """(min, max, style) of each ``<col>`` with a style."""
        head = self.text[: self.data_start]
        styles = []
        for m in self.pat.col.finditer(head):
            a = _attributes(m.group(1))
            style, low = a.get("style", ""), a.get("min", "")
            if style.isdigit() and low.isdigit():  # a <col> may carry only a width
                high = a.get("max", low)
                styles.append((int(low), int(high) if high.isdigit() else int(low), int(style)))
        return styles

    def inherited_style(self, row: int, col: int) -> int:
        """The style a missing cell is shown with: its row's, else its column's."""
        row_tag = self.row_by_number.get(row)
        if row_tag is not None:
            a = _attributes(row_tag.attrs_raw)
            if _is_true(a.get("customFormat")) and a.get("s", "").isdigit():
                return int(a["s"])
        for low, high, style in self.column_styles:
            if low <= col <= high:
                return style
        return 0

    def formula_cells(self) -> list[tuple[_Cell, _FormulaTag]]:
        """Every cell with a ``<f>`` element, in document order."""
        found = self._formula_cells_by_search()
        if found is not None:
            return found
        return [
            (cell, tag)
            for row in self.rows
            for cell in self.cells_of(row.number).values()
            if (tag := _formula_tag(self.pat, cell.inner)) is not None
        ]

    def _formula_cells_by_search(self) -> list[tuple[_Cell, _FormulaTag]] | None:
        """The formula cells found by searching for ``<f``; None when a cell has no ``r``
        (its place is then only known by scanning its row)."""
        found: list[tuple[_Cell, _FormulaTag]] = []
        text, needle, cell_open = self.text, self.pat.formula_open, f"<{self.pat.p}c"
        at = text.find(needle, self.body_start, self.body_end)
        while at >= 0:
            start = text.rfind(cell_open, self.body_start, at)
            m = self.pat.cell.match(text, start) if start >= 0 else None
            ref = _CELL_REF_RE.search(m.group(1)) if m is not None and m.end() > at else None
            if m is None or ref is None:
                return None
            row, col = int(ref.group(2)), _col_number(ref.group(1))
            cell = _Cell(row, col, m.start(), m.end(), m.group(1), m.group(2) or "")
            tag = _formula_tag(self.pat, cell.inner)
            if tag is not None:
                found.append((cell, tag))
            at = text.find(needle, m.end(), self.body_end)
        return found

    # ---------------------------------------------------------------- applying edits

    def apply(self, edits: dict[tuple[int, int], _CellEdit]) -> str:
        """The sheet text with ``edits`` spliced in: existing cells replaced, missing cells and
        rows inserted in order, the rows' spans and the dimension widened."""
        by_row: dict[int, dict[int, _CellEdit]] = {}
        for (row_number, col), edit in edits.items():
            by_row.setdefault(row_number, {})[col] = edit
        splices: list[tuple[int, int, int, str]] = []  # (start, end, row number, text)
        new_rows: list[tuple[int, str]] = []
        for number in sorted(by_row):
            row = self.row_by_number.get(number)
            row_edits = by_row[number]
            if row is None:
                new_rows.append((number, self._new_row(number, row_edits)))
                continue
            cells = [self.cell(number, col) for col in row_edits]
            if all(cells):  # every cell exists: replace each one in place
                for cell in cells:
                    assert cell is not None
                    splices.append((cell.start, cell.end, number, row_edits[cell.col].text))
            else:
                self._close(row)
                splices.append((row.start, row.end, number, self._edited_row(row, row_edits)))
        splices.extend(self._row_insertions(new_rows))
        splices.extend(self._dimension_splice(edits))
        return _spliced(self.text, splices)

    def _edited_row(self, row: _Row, edits: dict[int, _CellEdit]) -> str:
        cells = self.cells_of(row.number)
        parts: list[str] = []
        pos = row.open_end
        pending = sorted(edits.items())
        inserts = [(col, e) for col, e in pending if col not in cells]
        body_end = self._row_content_end(row)
        for cell in cells.values():
            while inserts and inserts[0][0] < cell.col:
                parts.append(self.text[pos : cell.start])
                pos = cell.start
                parts.append(inserts.pop(0)[1].text)
            if cell.col in edits:
                parts.append(self.text[pos : cell.start])
                parts.append(edits[cell.col].text)
                pos = cell.end
        parts.append(self.text[pos:body_end])
        parts.extend(e.text for _, e in inserts)
        parts.append(self.text[body_end : row.close_start])
        new_cols = [col for col, _ in pending if col not in cells]
        open_tag = self._row_open_tag(row, new_cols)
        return open_tag + "".join(parts) + f"</{self.pat.p}row>"

    def _row_content_end(self, row: _Row) -> int:
        """Where new cells go at the end of a row: before its ``<extLst>`` if it has one."""
        m = self.pat.row_ext.search(self.text, row.open_end, row.close_start)
        return m.start() if m is not None else row.close_start

    def _row_open_tag(self, row: _Row, new_cols: list[int]) -> str:
        attrs = row.attrs_raw
        spans = re.search(r"""\bspans\s*=\s*("[^"]*"|'[^']*')""", attrs)
        if spans is not None and new_cols:
            widened = _widened_spans(spans.group(1)[1:-1], new_cols)
            attrs = f'{attrs[: spans.start()]}spans="{widened}"{attrs[spans.end() :]}'
        return f"<{self.pat.p}row{attrs.rstrip() if row.self_closed else attrs}>"

    def _new_row(self, number: int, edits: dict[int, _CellEdit]) -> str:
        cells = "".join(edits[col].text for col in sorted(edits))
        return f'<{self.pat.p}row r="{number}">{cells}</{self.pat.p}row>'

    def _row_insertions(self, new_rows: list[tuple[int, str]]) -> list[tuple[int, int, int, str]]:
        if not new_rows:
            return []
        if self.data_self_closed:
            # <sheetData/> becomes <sheetData>rows</sheetData>.
            m = self.pat.sheet_data.search(self.text, self.data_start)
            assert m is not None
            open_tag = f"<{self.pat.p}sheetData{m.group(1).rstrip()}>"
            rows = "".join(text for _, text in new_rows)
            return [(m.start(), m.end(), 0, f"{open_tag}{rows}</{self.pat.p}sheetData>")]
        splices = []
        for number, text in new_rows:
            following = next((r for r in self.rows if r.number > number), None)
            at = following.start if following is not None else self.body_end
            splices.append((at, at, number, text))
        return splices

    def _dimension_splice(
        self, edits: dict[tuple[int, int], _CellEdit]
    ) -> list[tuple[int, int, int, str]]:
        m = self.pat.dimension.search(self.text, 0, self.data_start)
        if m is None:
            return []
        ref = re.search(r"""\bref\s*=\s*("[^"]*"|'[^']*')""", m.group(1))
        area = _parse_area(ref.group(1)[1:-1]) if ref is not None else None
        if ref is None or area is None:
            return []
        rows = [r for (r, _), e in edits.items() if e.grows_dimension]
        cols = [c for (_, c), e in edits.items() if e.grows_dimension]
        if not rows:
            return []
        grown = _Area(
            min(area.r1, *rows), min(area.c1, *cols), max(area.r2, *rows), max(area.c2, *cols)
        )
        if grown == area:
            return []
        start = m.start(1) + ref.start(1)
        return [(start, start + len(ref.group(1)), -1, f'"{_area_text(grown)}"')]


_TALL_MERGE = 1_000  # merges taller than this are checked one by one, not indexed by row
_ROW_NUMBER_RE = re.compile(r"""(?:^|\s)r\s*=\s*["'](\d+)["']""")
_CELL_REF_RE = re.compile(r"""(?:^|\s)r\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d+)["']""")
_CELL_COLUMN_RE = re.compile(r"""\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d""")


def _area_text(area: _Area) -> str:
    return f"{cell_name(area.r1, area.c1)}:{cell_name(area.r2, area.c2)}"


def _widened_spans(spans: str, cols: list[int]) -> str:
    """The ``spans`` hint ("1:5" or "1:3 7:9") grown to cover ``cols``."""
    ranges: list[list[int]] = []
    for part in spans.split():
        low, _, high = part.partition(":")
        if not (low.isdigit() and high.isdigit()):
            return spans
        ranges.append([int(low), int(high)])
    if not ranges:
        return spans
    for col in cols:
        if any(low <= col <= high for low, high in ranges):
            continue
        before = [r for r in ranges if r[1] < col]
        if before:
            before[-1][1] = col
        else:
            ranges[0][0] = col
    return " ".join(f"{low}:{high}" for low, high in ranges)


def _spliced(text: str, splices: list[tuple[int, int, int, str]]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, _, new in sorted(splices, key=lambda s: (s[0], s[2])):
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# --------------------------------------------------------------------------- planning a write


@dataclass(slots=True)
class _Planned:
    """A write checked for shape: a valid ref, a supported value type."""

    write: CellWrite
    ref: str
    row: int
    col: int
    formula: str | None
    style_from: tuple[int, int] | None


_VALUE_TYPES = (Decimal, int, float, bool, str, type(None))


def _validated(write: CellWrite) -> _Planned:
    row, col = _ref_or_raise(write.ref)
    style_from = _ref_or_raise(write.style_from) if write.style_from is not None else None
    if not isinstance(write.value, _VALUE_TYPES):
        raise IkuInputError(
            f"nilai untuk sel {write.ref} bertipe {type(write.value).__name__}; yang didukung: "
            "angka (Decimal, int, float), teks, boolean, atau kosong"
        )
    formula = write.formula
    if formula is not None:
        if not isinstance(formula, str) or not formula.strip().lstrip("="):
            raise IkuInputError(f"rumus untuk sel {write.ref} kosong; beri None bila tanpa rumus")
        formula = formula[1:] if formula.startswith("=") else formula
    return _Planned(write, cell_name(row, col), row, col, formula, style_from)


def _refuse_duplicates(planned: list[_Planned]) -> None:
    seen: set[str] = set()
    for p in planned:
        if p.ref in seen:
            raise IkuInputError(f"sel {p.ref} ditulis lebih dari sekali dalam satu permintaan")
        seen.add(p.ref)


@dataclass(slots=True)
class _Rendered:
    """The new content of a cell as XML: its ``t=`` type and its children."""

    content: _Content
    cell_type: str | None
    inner: str


def _render(p: str, value: WriteValue, formula: str | None) -> _Rendered | tuple[str, str]:
    """The cell content for ``value`` (and ``formula``), or (problem code, reason)."""
    f_xml = ""
    if formula is not None:
        if len(formula) > _MAX_FORMULA:
            return "rumus-terlalu-panjang", f"rumus lebih dari {_MAX_FORMULA} karakter"
        f_xml = f"<{p}f>{_escape_formula(formula)}</{p}f>"
    if isinstance(value, bool):
        return _Rendered(_Content(value, "bool", formula), "b", f"{f_xml}<{p}v>{int(value)}</{p}v>")
    if isinstance(value, (int, float, Decimal)):
        text = _number_text(value)
        if text is None:
            return "angka-tidak-sah", f"angka {value} tidak dapat disimpan Excel"
        return _Rendered(
            _Content(Decimal(text), "number", formula), None, f"{f_xml}<{p}v>{text}</{p}v>"
        )
    text = value or ""
    if len(text) > _MAX_TEXT:
        return "teks-terlalu-panjang", f"teks lebih dari {_MAX_TEXT} karakter (batas Excel)"
    if formula is not None:
        # A formula's text result, "" included, is t="str" with the text in <v>.
        return _Rendered(
            _Content(text, "text", formula), "str", f"{f_xml}<{p}v>{_escape_text(text)}</{p}v>"
        )
    if not text:
        return _Rendered(_EMPTY, None, "")
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    inner = f"<{p}is><{p}t{space}>{_escape_text(text)}</{p}t></{p}is>"
    return _Rendered(_Content(text, "text"), "inlineStr", inner)


def _attribute_pattern(names: str) -> re.Pattern[str]:
    return re.compile(rf"""\s+(?:{names})\s*=\s*(?:"[^"]*"|'[^']*')""")


# t describes the old value; cm/vm the old dynamic array or rich value: they go with it.
_OLD_VALUE_ATTRS_RE = _attribute_pattern("t|cm|vm")
_CACHED_VALUE_ATTRS_RE = _attribute_pattern("t|vm")
_STYLE_ATTR_RE = _attribute_pattern("s")
_REF_ATTR_RE = _attribute_pattern("r")


def _with_style(attrs: str, style: int | None) -> str:
    """Attribute text with ``s`` set (placed after ``r`` when it is new)."""
    if style is None:
        return attrs
    new = f' s="{style}"'
    if _STYLE_ATTR_RE.search(attrs):
        return _STYLE_ATTR_RE.sub(new, attrs, count=1)
    at = _REF_ATTR_RE.search(attrs)
    pos = at.end() if at is not None else 0
    return attrs[:pos] + new + attrs[pos:]


def _element(p: str, attrs: str, cell_type: str | None, inner: str) -> str:
    """A ``<c>`` element; ``attrs`` is attribute text without ``t`` (e.g. ' r="K9" s="5"')."""
    attrs = attrs.rstrip()
    if cell_type is not None:
        attrs += f' t="{cell_type}"'
    return f"<{p}c{attrs}>{inner}</{p}c>" if inner else f"<{p}c{attrs}/>"


@dataclass(slots=True)
class _Outcome:
    edit: _CellEdit | None
    problems: tuple[Problem, ...] = ()
    old: _Content = _EMPTY
    new: _Content = _EMPTY
    removes_formula: bool = False

    def change_for(self, sheet: str, ref: str) -> CellChange:
        return CellChange(
            sheet, ref, self.old.value, self.new.value, self.old.formula, self.new.formula
        )


def _problem(
    code: str, sheet: str, ref: str, message: str, severity: Severity = Severity.ERROR
) -> Problem:
    return Problem(code, f"{sheet}!{ref}: {message}", severity, sheet=sheet, cell=ref)


class _CellContext:
    """Everything needed to read or plan a write to one sheet's cells."""

    def __init__(self, doc: _SheetDoc, book: _Book, archive: _Archive) -> None:
        self.doc = doc
        self.book = book
        self.archive = archive

    @functools.cached_property
    def shared_strings(self) -> _SharedStrings | None:
        part = self.book.shared_strings_part
        return _SharedStrings(self.archive.read_text(part)) if part is not None else None

    @functools.cached_property
    def locked_styles(self) -> list[bool]:
        """Per cellXfs index: is a cell with this style locked? (Excel's default: yes.)"""
        part = self.book.styles_part
        return _locked_styles(self.archive.read_text(part), part) if part is not None else []

    @functools.cached_property
    def array_formulas(self) -> list[tuple[_Area, tuple[int, int]]]:
        """(range, master cell) of every multi-cell array or data-table formula."""
        body = self.doc.text[self.doc.body_start : self.doc.body_end]
        if 't="array"' not in body and 't="dataTable"' not in body and "t='" not in body:
            return []
        found = []
        for cell, tag in self.doc.formula_cells():
            area = tag.range
            if tag.kind in ("array", "dataTable") and area is not None:
                found.append((area, (cell.row, cell.col)))
        return found

    def content(self, cell: _Cell | None) -> _Content:
        shared = self.shared_strings if cell is not None and cell.type == "s" else None
        return _decode_content(self.doc.pat, cell, shared)

    def style_of(self, row: int, col: int) -> int:
        cell = self.doc.cell(row, col)
        style = cell.style if cell is not None else None
        return style if style is not None else self.doc.inherited_style(row, col)

    def is_locked(self, style: int) -> bool:
        locks = self.locked_styles
        return locks[style] if 0 <= style < len(locks) else True

    def array_covering(self, row: int, col: int) -> tuple[_Area, tuple[int, int]] | None:
        for area, master in self.array_formulas:
            if area.contains(row, col):
                return area, master
        return None

    def info(self, row: int, col: int) -> CellInfo:
        cell = self.doc.cell(row, col)
        content = self.content(cell)
        tag = _formula_tag(self.doc.pat, cell.inner) if cell is not None else None
        style = self.style_of(row, col)
        merge = self.doc.merge_covering(row, col)
        array = self.array_covering(row, col)
        return CellInfo(
            ref=cell_name(row, col),
            value=content.value,
            kind=content.kind,
            formula=content.formula,
            style=style,
            exists=cell is not None,
            merged_in=merge.text() if merge is not None else None,
            locked=self.is_locked(style),
            sheet_protected=self.doc.protected,
            shared_formula_master=tag is not None and tag.is_shared_master,
            array_formula=array[0].text() if array is not None else None,
        )

    # ---------------------------------------------------------------- a write

    def plan(self, planned: _Planned, sheet: str) -> _Outcome:
        """The edit for one write, or why there is none. A cell that already holds what is
        asked needs no edit (and no refusal: a rerun after an interruption is quiet)."""
        ref = planned.ref
        rendered = _render(self.doc.pat.p, planned.write.value, planned.formula)
        if isinstance(rendered, tuple):
            code, reason = rendered
            return _Outcome(None, (_problem(code, sheet, ref, f"{reason}; sel tidak ditulis"),))
        cell = self.doc.cell(planned.row, planned.col)
        old = self.content(cell)
        style = self._style_for(planned, cell)
        warnings = _precision_warning(planned, sheet)
        same_style = style is None or (cell is not None and style == cell.style)
        if same_style and old.same_as(rendered.content):
            return _Outcome(None, warnings)
        refusal = self._refusal(planned, cell, sheet)
        if refusal is not None:
            return _Outcome(None, (refusal,))
        attrs = f' r="{ref}"' if cell is None else _OLD_VALUE_ATTRS_RE.sub("", cell.attrs_raw)
        text = _element(
            self.doc.pat.p, _with_style(attrs, style), rendered.cell_type, rendered.inner
        )
        grows = rendered.content.kind != "empty" or rendered.content.formula is not None
        return _Outcome(
            _CellEdit(text, grows),
            warnings,
            old,
            rendered.content,
            removes_formula=old.formula is not None and planned.formula is None,
        )

    def _style_for(self, planned: _Planned, cell: _Cell | None) -> int | None:
        """The ``s=`` to write, or None to leave the attribute as it is. A cell keeps its own
        style; one without copies ``style_from``; a missing one otherwise gets the style it is
        shown with (its row's or column's)."""
        if cell is not None and (planned.style_from is None or cell.style):
            return None
        if planned.style_from is not None:
            return self.style_of(*planned.style_from) or None
        return self.doc.inherited_style(planned.row, planned.col) or None

    def _refusal(self, planned: _Planned, cell: _Cell | None, sheet: str) -> Problem | None:
        """Why this cell must not be written, if it must not."""
        reason = (
            self._merge_refusal(planned)
            or self._array_refusal(planned)
            or self._formula_refusal(planned, cell)
            or self._protection_refusal(planned, sheet)
        )
        return _problem(reason[0], sheet, planned.ref, reason[1]) if reason else None

    def _merge_refusal(self, planned: _Planned) -> tuple[str, str] | None:
        merge = self.doc.merge_covering(planned.row, planned.col)
        if merge is None:
            return None
        return "sel-dalam-gabungan", (
            f"sel ini tertutup sel gabungan {merge.text()} dan bukan sel kiri-atasnya; tidak "
            f"ditulis. Tulis ke {cell_name(merge.r1, merge.c1)} atau pisahkan gabungannya di Excel"
        )

    def _array_refusal(self, planned: _Planned) -> tuple[str, str] | None:
        array = self.array_covering(planned.row, planned.col)
        if array is None:
            return None
        area, master = array
        if (
            planned.write.replace_formula
            and area.size == 1
            and master == (planned.row, planned.col)
        ):
            return None
        return "sel-rumus-larik", (
            f"sel ini bagian dari rumus array {area.text()} milik buku kerja; tidak ditulis. "
            "Hapus rumus array itu di Excel bila sel ini memang harus diisi"
        )

    def _formula_refusal(self, planned: _Planned, cell: _Cell | None) -> tuple[str, str] | None:
        tag = _formula_tag(self.doc.pat, cell.inner) if cell is not None else None
        if tag is None:
            return None
        if not planned.write.replace_formula and not _same_formula(tag.text, planned.formula):
            shown = f" (={tag.text})" if tag.text else ""
            return "sel-berisi-rumus", (
                f"sel ini berisi rumus milik buku kerja{shown}; tidak ditimpa. Hapus rumusnya di "
                "Excel bila sel ini memang harus diisi nilai"
            )
        area = tag.range
        if tag.is_shared_master and area is not None and area.size > 1:
            return "sel-rumus-bersama", (
                f"sel ini menyimpan rumus bersama untuk {area.text()}; menimpanya merusak sel "
                "lain, jadi tidak ditulis"
            )
        return None

    def _protection_refusal(self, planned: _Planned, sheet: str) -> tuple[str, str] | None:
        if not (self.doc.protected and self.is_locked(self.style_of(planned.row, planned.col))):
            return None
        return "sel-terkunci", (
            f"lembar '{sheet}' diproteksi dan sel ini terkunci; tidak ditulis. Buka proteksi "
            "lembar (Tinjau > Buka Proteksi Lembar) atau buka kunci sel itu, lalu ulangi"
        )

    # ---------------------------------------------------------------- stale formulas

    def clear_dependents(
        self, changed: set[tuple[int, int]], edits: dict[tuple[int, int], _CellEdit]
    ) -> dict[tuple[int, int], _Content]:
        """Remove the cached value of every formula of this sheet that depends on a changed
        cell; add those edits to ``edits`` and return the values removed."""
        graph = _DependencyGraph()
        for key, areas, spill in _formula_dependencies(self.doc, self.book, self.sheet_name):
            if key not in edits:
                graph.add(key, areas, spill)
        cleared: dict[tuple[int, int], _Content] = {}
        for key in sorted(graph.dependents_of(changed)):
            if key in edits:
                continue
            cell = self.doc.cell(*key)
            text = _without_cached_value(self.doc.pat, cell) if cell is not None else None
            if text is not None:
                cleared[key] = self.content(cell)
                edits[key] = _CellEdit(text, grows_dimension=False)
        return cleared

    @property
    def sheet_name(self) -> str:
        return self.book.sheet_name_of(self.doc.part)


def _without_cached_value(pat: _Patterns, cell: _Cell) -> str | None:
    """The cell with its formula but without its cached value; None if it has none."""
    has_value = pat.value.search(cell.inner) is not None or "<" + pat.p + "is" in cell.inner
    if not has_value:
        return None
    tag = _formula_tag(pat, cell.inner)
    attrs = _CACHED_VALUE_ATTRS_RE.sub("", cell.attrs_raw)
    return _element(pat.p, attrs, None, tag.raw if tag is not None else "")


def _precision_warning(planned: _Planned, sheet: str) -> tuple[Problem, ...]:
    value = planned.write.value
    if type(value) is int:
        if -_EXACT_LIMIT < value < _EXACT_LIMIT:
            return ()
    elif isinstance(value, Decimal):
        if not value.is_finite() or -_EXACT_LIMIT < value < _EXACT_LIMIT:
            return ()
        if value != value.to_integral_value():
            return ()
    else:
        return ()
    return (
        _problem(
            "angka-terlalu-panjang",
            sheet,
            planned.ref,
            f"angka {value} punya lebih dari {_EXACT_DIGITS} digit; Excel hanya menyimpan "
            f"{_EXACT_DIGITS} digit pertama. Bila ini NIP atau nomor, tulis sebagai teks",
            Severity.WARNING,
        ),
    )


def _cleared_problems(sheet: str, cleared: dict[tuple[int, int], _Content]) -> list[Problem]:
    problems = []
    for (row, col), old in sorted(cleared.items()):
        shown = "" if old.value is None else f" (tadinya {old.value})"
        problems.append(
            _problem(
                "nilai-rumus-dikosongkan",
                sheet,
                cell_name(row, col),
                f"nilai tersimpan rumus ini{shown} dikosongkan karena bergantung pada sel yang "
                "diubah; Excel dan LibreOffice menghitungnya ulang saat berkas dibuka",
                Severity.INFO,
            )
        )
    return problems


def _locked_styles(xml: str, part: str) -> list[bool]:
    root = _parse_xml(xml, part)
    for element in root.iter():
        if _local(element.tag) == "cellXfs":
            return [_xf_locked(xf) for xf in element if _local(xf.tag) == "xf"]
    return []


def _xf_locked(xf: ElementTree.Element) -> bool:
    for child in xf:
        if _local(child.tag) == "protection":
            return child.get("locked", "1") not in ("0", "false")
    return True


# --------------------------------------------------------------------------- formula references

_FORMULA_TOKEN_RE = re.compile(
    r"""
      "(?:[^"]|"")*"                                        # a string literal
    | \#[A-Za-z0-9/_]+[!?]?                                 # an error literal: #REF!, #N/A
    | (?P<book>\[[^\]]*\])?                                 # another workbook: [1]
      (?:(?P<sheet>'(?:[^']|'')+'|[^\W\d][\w.]*(?::[^\W\d][\w.]*)?)!)?
      (?:
          (?:(?P<a1>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)
           |(?P<cols>\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})
           |(?P<rows>\$?\d+:\$?\d+)
          )(?![\w(.])(?P<spill>\#)?
        | (?P<func>[^\W\d][\w.]*)\s*\(
        | (?P<name>[^\W\d][\w.\\]*|\\[\w.\\]*)
      )
    | (?P<bracket>\[)                                       # a structured (table) reference
    | \d+(?:\.\d*)?(?:[Ee][+-]?\d+)?
    """,
    re.X,
)
# Functions whose reference is computed: anything may be read.
_OPAQUE_FUNCTIONS = frozenset({"INDIRECT", "OFFSET"})
_CELL_PART_RE = re.compile(r"(\$?)([A-Za-z]{1,3})(\$?)(\d+)")


@dataclass(frozen=True, slots=True)
class _RefArea:
    """A reference in a formula. ``sheet`` is None for the formula's own sheet; ``fixed`` are
    the ``$`` of r1, c1, r2, c2, kept when a shared formula is copied to another cell."""

    sheet: str | None
    area: _Area
    fixed: tuple[bool, bool, bool, bool]

    def shifted(self, rows: int, cols: int) -> _RefArea | None:
        a, (fr1, fc1, fr2, fc2) = self.area, self.fixed
        r1, r2 = a.r1 + (0 if fr1 else rows), a.r2 + (0 if fr2 else rows)
        c1, c2 = a.c1 + (0 if fc1 else cols), a.c2 + (0 if fc2 else cols)
        if min(r1, r2, c1, c2) < 1 or max(r1, r2) > MAX_ROW or max(c1, c2) > MAX_COL:
            return None  # #REF! in the copied formula: reads nothing
        area = _Area(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))
        return _RefArea(self.sheet, area, self.fixed)


@dataclass(frozen=True, slots=True)
class _FormulaRefs:
    """What a formula reads: areas, defined names (with their sheet qualifier), and whether it
    may read anything at all (INDIRECT, OFFSET, table references, spill references)."""

    areas: tuple[_RefArea, ...] = ()
    names: tuple[tuple[str | None, str], ...] = ()
    opaque: bool = False

    def shifted(self, rows: int, cols: int) -> _FormulaRefs:
        moved = (a.shifted(rows, cols) for a in self.areas)
        return _FormulaRefs(tuple(a for a in moved if a is not None), self.names, self.opaque)


_OPAQUE = _FormulaRefs(opaque=True)


@functools.lru_cache(maxsize=4096)
def _formula_refs(formula: str) -> _FormulaRefs:
    areas: list[_RefArea] = []
    names: list[tuple[str | None, str]] = []
    for m in _FORMULA_TOKEN_RE.finditer(formula):
        if m.lastindex is None:
            continue  # a string, an error value or a number
        book, sheet, a1, cols, rows, spill, func, name, bracket = m.groups()
        if bracket or spill:
            return _OPAQUE
        if func is not None:
            if func.upper() in _OPAQUE_FUNCTIONS:
                return _OPAQUE
            continue
        if book:
            continue  # another workbook: nothing in this one
        if name is not None:
            names.append((_unquoted_sheet(sheet), name))
            continue
        ref = _ref_area(_unquoted_sheet(sheet), a1, cols, rows)
        if ref is None:
            return _OPAQUE
        areas.append(ref)
    return _FormulaRefs(tuple(areas), tuple(names))


def _unquoted_sheet(sheet: str | None) -> str | None:
    if sheet is None:
        return None
    if sheet.startswith("'"):
        return sheet[1:-1].replace("''", "'")
    return sheet


def _ref_area(
    sheet: str | None, a1: str | None, cols: str | None, rows: str | None
) -> _RefArea | None:
    if a1 is not None:
        corners = []
        for part in a1.split(":"):
            m = _CELL_PART_RE.fullmatch(part)
            if m is None:
                return None
            row, col = int(m.group(4)), _col_number(m.group(2))
            if not (1 <= row <= MAX_ROW and col <= MAX_COL):
                return None
            corners.append((row, col, bool(m.group(3)), bool(m.group(1))))
        (r1, c1, fr1, fc1), (r2, c2, fr2, fc2) = corners[0], corners[-1]
    elif cols is not None:
        low, high = (_col_number(c.lstrip("$")) for c in cols.split(":"))
        if max(low, high) > MAX_COL:
            return None
        r1, c1, r2, c2 = 1, low, MAX_ROW, high
        fr1 = fr2 = True
        fc1, fc2 = (c.startswith("$") for c in cols.split(":"))
    else:
        assert rows is not None
        low, high = (int(r.lstrip("$")) for r in rows.split(":"))
        if not (min(low, high) >= 1 and max(low, high) <= MAX_ROW):
            return None
        r1, c1, r2, c2 = low, 1, high, MAX_COL
        fc1 = fc2 = True
        fr1, fr2 = (r.startswith("$") for r in rows.split(":"))
    area = _Area(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))
    return _RefArea(sheet, area, (fr1, fc1, fr2, fc2))


def _resolved_areas(
    book: _Book, refs: _FormulaRefs, scope: int, depth: int = 0
) -> list[_RefArea] | None:
    """The areas a formula reads, defined names resolved; None when that cannot be known."""
    if refs.opaque or depth > 8:
        return None
    areas = list(refs.areas)
    for qualifier, name in refs.names:
        key = name.casefold()
        if key in ("true", "false") or key.startswith("_xlpm."):
            continue  # a boolean, or a LET/LAMBDA parameter
        name_scope = book.sheet_index(qualifier) if qualifier is not None else scope
        definition = book.defined_name(key, name_scope)
        if definition is None:
            return None
        inner = _formula_refs(definition)
        if any(a.sheet is None for a in inner.areas):
            return None  # a name relative to the active cell
        resolved = _resolved_areas(book, inner, name_scope, depth + 1)
        if resolved is None:
            return None
        areas.extend(resolved)
    return areas


def _areas_on(areas: list[_RefArea], sheet: str, formula_sheet: str) -> list[_Area]:
    """The areas that lie on ``sheet`` (3-D references are assumed to include it)."""
    wanted = sheet.casefold()
    found = []
    for ref in areas:
        on = ref.sheet if ref.sheet is not None else formula_sheet
        if ":" in on or on.casefold() == wanted:
            found.append(ref.area)
    return found


def _formula_dependencies(
    doc: _SheetDoc, book: _Book, formula_sheet: str, target_sheet: str | None = None
) -> Iterator[tuple[tuple[int, int], list[_Area] | None, _Area | None]]:
    """For every formula of ``doc``: its cell, the areas of ``target_sheet`` (default: its own
    sheet) it reads (None: cannot be known) and the range an array formula fills."""
    target = target_sheet if target_sheet is not None else formula_sheet
    scope = book.sheet_index(formula_sheet)
    found = list(doc.formula_cells())
    masters = {
        tag.attrs.get("si"): (cell.row, cell.col, _formula_refs(tag.text))
        for cell, tag in found
        if tag.kind == "shared" and tag.text
    }
    for cell, tag in found:
        if tag.kind == "shared" and not tag.text:
            master = masters.get(tag.attrs.get("si"))
            refs = (
                _OPAQUE
                if master is None
                else master[2].shifted(cell.row - master[0], cell.col - master[1])
            )
        elif tag.kind == "dataTable":
            refs = _OPAQUE
        else:
            refs = _formula_refs(tag.text)
        areas = _resolved_areas(book, refs, scope)
        spill = tag.range if tag.kind in ("array", "dataTable") else None
        on_target = None if areas is None else _areas_on(areas, target, formula_sheet)
        yield (cell.row, cell.col), on_target, spill


class _DependencyGraph:
    """Which formula cells read which cells, to find everything a change makes stale."""

    _EXPAND_AREA = 64  # small areas are indexed cell by cell ...
    _EXPAND_BUDGET = 500_000  # ... up to this many index entries
    _SPILL_LIMIT = 10_000

    def __init__(self) -> None:
        self.cells: list[tuple[int, int]] = []
        self.spills: list[_Area | None] = []
        self.by_cell: dict[tuple[int, int], list[int]] = {}
        self.wide: list[tuple[_Area, int]] = []
        self.opaque: list[int] = []
        self.budget = self._EXPAND_BUDGET

    def add(self, cell: tuple[int, int], areas: list[_Area] | None, spill: _Area | None) -> None:
        fid = len(self.cells)
        self.cells.append(cell)
        self.spills.append(spill)
        if areas is None:
            self.opaque.append(fid)
            return
        for area in areas:
            if area.size <= self._EXPAND_AREA and area.size <= self.budget:
                self.budget -= area.size
                for row in range(area.r1, area.r2 + 1):
                    for col in range(area.c1, area.c2 + 1):
                        self.by_cell.setdefault((row, col), []).append(fid)
            else:
                self.wide.append((area, fid))

    def dependents_of(self, changed: set[tuple[int, int]]) -> set[tuple[int, int]]:
        """The formula cells (and the cells their array formulas fill) that read, directly or
        through other formulas, any cell of ``changed``."""
        dirty: set[int] = set()
        stale: set[tuple[int, int]] = set()
        queue = list(changed)

        def mark(fid: int) -> None:
            if fid in dirty:
                return
            dirty.add(fid)
            queue.append(self.cells[fid])
            stale.add(self.cells[fid])
            spill = self.spills[fid]
            if spill is not None and spill.size <= self._SPILL_LIMIT:
                for row in range(spill.r1, spill.r2 + 1):
                    for col in range(spill.c1, spill.c2 + 1):
                        queue.append((row, col))
                        stale.add((row, col))

        if changed:
            for fid in self.opaque:
                mark(fid)
        while queue:
            row, col = queue.pop()
            for fid in self.by_cell.get((row, col), ()):
                mark(fid)
            for area, fid in self.wide:
                if fid not in dirty and area.contains(row, col):
                    mark(fid)
        return stale


def _reads_any(areas: list[_Area], cells: set[tuple[int, int]]) -> bool:
    for area in areas:
        if area.size <= len(cells):
            inside = (
                (row, col)
                for row in range(area.r1, area.r2 + 1)
                for col in range(area.c1, area.c2 + 1)
            )
            if any(cell in cells for cell in inside):
                return True
        elif any(area.contains(row, col) for row, col in cells):
            return True
    return False


def _other_sheet_problems(
    archive: _Archive, book: _Book, edited: _SheetRef, changed: set[tuple[int, int]]
) -> list[Problem]:
    """A warning per other sheet whose formulas read a changed cell: their cached values stay
    until a spreadsheet recalculates (those parts are never edited)."""
    problems = []
    mentions = {edited.name, edited.name.replace("'", "''")}
    marks = {_escape_formula(m) for m in mentions}
    names_read_it = book.names_mention(edited.name)
    for other in book.sheets:
        if other.kind != "worksheet" or other.part == edited.part:
            continue
        try:
            text = archive.read_text(other.part)
            if not names_read_it and not any(mark in text for mark in marks):
                continue
            doc = _SheetDoc(text, other.part)
        except IkuFileError:
            continue  # a sheet we copy as it is; its oddities are not ours to report here
        stale = [
            cell_name(*cell)
            for cell, areas, _ in _formula_dependencies(doc, book, other.name, edited.name)
            if areas and _reads_any(areas, changed)
        ]
        if stale:
            shown = ", ".join(stale[:5]) + (
                f" dan {len(stale) - 5} lainnya" if len(stale) > 5 else ""
            )
            problems.append(
                _problem(
                    "rumus-sheet-lain-usang",
                    other.name,
                    stale[0],
                    f"rumus di {shown} membaca sel yang diubah di lembar '{edited.name}'; nilai "
                    "tersimpannya baru diperbarui saat berkas dibuka di Excel (di LibreOffice: "
                    "Data > Hitung > Hitung Ulang Tanpa Syarat, lalu simpan)",
                    # INFO: the workbook is marked for full recalculation, and a report on every
                    # file of a batch would hide the files with real problems.
                    Severity.INFO,
                )
            )
    return problems


# --------------------------------------------------------------------------- the zip archive

_LOCAL_SIG = b"PK\x03\x04"
_CENTRAL_SIG = b"PK\x01\x02"
_EOCD_SIG = b"PK\x05\x06"
_ZIP64_EOCD_SIG = b"PK\x06\x06"
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
_CENTRAL = struct.Struct("<4s6H3L5HLL")  # 46 bytes
_LOCAL = struct.Struct("<4s5H3L2H")  # 30 bytes
_EOCD = struct.Struct("<4s4H2LH")  # 22 bytes
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")  # 56 bytes
_FLAG_ENCRYPTED = 0x0001
_FLAG_DATA_DESCRIPTOR = 0x0008
_FLAG_STRONG_ENCRYPTION = 0x0040
_FLAG_UTF8 = 0x0800
_STORED, _DEFLATED = 0, 8
_MB = 2**20


@dataclass(slots=True)
class _Entry:
    """One member as the central directory describes it, with its raw records."""

    name: str
    central: bytes  # the raw central-directory record, copied to the output
    offset_at: int  # where in ``central`` the local-header offset is stored ...
    offset_width: int  # ... in 4 bytes, or 8 inside a zip64 extra field
    flags: int
    method: int
    crc: int
    compressed_size: int
    size: int
    offset: int  # of its local header in the input
    span_end: int = 0  # where its local record (header, data, descriptor) ends in the input


def _corrupt(detail: str = "") -> IkuFileError:
    suffix = f" ({detail})" if detail else ""
    return IkuFileError(
        f"berkas .xlsx rusak atau terpotong{suffix}; minta kirim ulang atau buka dan simpan "
        "ulang di Excel"
    )


class _Archive:
    """A zip read from bytes without ``zipfile``: every member's raw records are kept so that
    unchanged members are copied, not recompressed."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self.data = data
        _refuse_non_zip(data)
        try:
            cd_start, prefix, count, self.comment = _central_directory(data)
            if count > min(limits.max_members, 0xFFFF):
                raise IkuFileError(
                    f"berkas berisi {count} bagian, melebihi batas {limits.max_members} "
                    "(Limits.max_members); ini "
                    "bukan buku kerja biasa dan tidak diproses"
                )
            self.entries = _central_entries(data, cd_start, count)
            _check_members(self.entries, limits)
            _locate_records(data, self.entries, prefix, cd_start)
        except struct.error as exc:  # a record cut short
            raise _corrupt("struktur zip terpotong") from exc
        self._by_name = {e.name: e for e in self.entries}
        self._by_folded = {e.name.casefold(): e for e in self.entries}

    def name_of(self, part: str) -> str:
        """The member's name as stored (part names are case-insensitive in OPC)."""
        return self.entry(part).name

    def has(self, part: str) -> bool:
        return part in self._by_name or part.casefold() in self._by_folded

    def entry(self, part: str) -> _Entry:
        entry = self._by_name.get(part) or self._by_folded.get(part.casefold())
        if entry is None:
            raise IkuFileError(
                f"bagian {part} tidak ada di dalam berkas; buka dan simpan ulang di Excel"
            )
        return entry

    def read(self, part: str) -> bytes:
        entry = self.entry(part)
        name_len, extra_len = struct.unpack_from("<2H", self.data, entry.offset + 26)  # checked
        start = entry.offset + _LOCAL.size + name_len + extra_len
        raw = self.data[start : start + entry.compressed_size]
        if entry.method == _STORED:
            content = bytes(raw)
        else:
            try:
                inflater = zlib.decompressobj(-15)
                content = inflater.decompress(raw, entry.size)  # bounded by the declared size
                if inflater.unconsumed_tail or not inflater.eof:
                    raise _corrupt(f"ukuran {entry.name} tidak sesuai")
            except zlib.error as exc:
                raise _corrupt(entry.name) from exc
        if len(content) != entry.size or zlib.crc32(content) != entry.crc:
            raise _corrupt(f"isi {entry.name} tidak cocok dengan CRC-nya")
        return content

    def read_text(self, part: str) -> str:
        content = self.read(part)
        if content.startswith((b"\xff\xfe", b"\xfe\xff")) or re.match(
            rb"""<\?xml[^>]*encoding=["'](?!utf-?8["'])""", content.lstrip(b"\xef\xbb\xbf"), re.I
        ):
            raise IkuFileError(
                f"bagian {part} tidak memakai pengodean UTF-8; buka dan simpan ulang di Excel"
            )
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _corrupt(f"{part} bukan UTF-8 yang sah") from exc

    def rebuild(self, replaced: dict[str, bytes], removed: set[str]) -> bytes:
        """A new zip: members in the same order, unchanged ones as their original bytes,
        ``replaced`` ones recompressed with their own method and attributes."""
        replaced_entries = {self.name_of(k): v for k, v in replaced.items()}
        removed_names = {self.name_of(k) for k in removed}
        chunks: list[bytes | memoryview] = []
        centrals: list[bytes] = []
        position = 0
        view = memoryview(self.data)
        for entry in self.entries:
            if entry.name in removed_names:
                continue
            if entry.name in replaced_entries:
                local, central = _new_records(
                    self.data, entry, replaced_entries[entry.name], position
                )
                chunks.append(local)
                position += len(local)
            else:
                chunks.append(view[entry.offset : entry.span_end])
                central = _relocated(entry, position)
                position += entry.span_end - entry.offset
            centrals.append(central)
        directory = b"".join(centrals)
        if position + len(directory) > 0xFFFFFFFF:
            raise IkuFileError("hasil lebih dari 4 GB; berkas sebesar ini tidak didukung")
        end = _EOCD.pack(
            _EOCD_SIG,
            0,
            0,
            len(centrals),
            len(centrals),
            len(directory),
            position,
            len(self.comment),
        )
        return b"".join([*chunks, directory, end, self.comment])


def _refuse_non_zip(data: bytes) -> None:
    if not data:
        raise IkuFileError("berkas kosong (0 byte); minta kirim ulang berkasnya")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IkuFileError(
            "berkas Excel lama (.xls) atau terkunci kata sandi; buka di Excel/LibreOffice, buang "
            "kata sandinya bila ada, lalu simpan sebagai .xlsx"
        )
    if not data.startswith(b"PK"):
        raise IkuFileError("bukan berkas Excel .xlsx; simpan ulang sebagai Excel Workbook (.xlsx)")


def _end_record_position(data: bytes) -> int:
    """Where the end-of-central-directory record starts: the last signature whose comment
    fits the file exactly or within it."""
    floor = max(0, len(data) - _EOCD.size - 0xFFFF)
    pos = data.rfind(_EOCD_SIG, floor)
    while pos >= 0:
        if pos + _EOCD.size <= len(data):
            comment_len = struct.unpack_from("<H", data, pos + 20)[0]
            if pos + _EOCD.size + comment_len <= len(data):
                return pos
        pos = data.rfind(_EOCD_SIG, floor, pos)
    raise _corrupt("akhir arsip zip tidak ditemukan")


def _central_directory(data: bytes) -> tuple[int, int, int, bytes]:
    """(start of the central directory, bytes before the zip (e.g. a stub), member count,
    archive comment)."""
    pos = _end_record_position(data)
    _, disk, cd_disk, _, count, cd_size, cd_offset, comment_len = _EOCD.unpack_from(data, pos)
    comment = data[pos + _EOCD.size : pos + _EOCD.size + comment_len]
    record_at = pos
    if count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        record_at = pos - 20 - _ZIP64_EOCD.size
        if record_at < 0 or data[pos - 20 : pos - 16] != _ZIP64_LOCATOR_SIG:
            raise _corrupt("direktori zip64 tidak ditemukan")
        fields = _ZIP64_EOCD.unpack_from(data, record_at)
        if fields[0] != _ZIP64_EOCD_SIG:
            raise _corrupt("direktori zip64 tidak ditemukan")
        disk, cd_disk, count, cd_size, cd_offset = (
            fields[4],
            fields[5],
            fields[7],
            fields[8],
            fields[9],
        )
    if disk or cd_disk:
        raise IkuFileError("arsip zip terpecah (multi-disk) tidak didukung; simpan ulang di Excel")
    prefix = record_at - cd_size - cd_offset
    if prefix < 0:
        raise _corrupt("direktori pusat zip tidak sah")
    return cd_offset + prefix, prefix, count, comment


def _central_entries(data: bytes, start: int, count: int) -> list[_Entry]:
    entries = []
    pos = start
    for _ in range(count):
        if data[pos : pos + 4] != _CENTRAL_SIG:
            raise _corrupt("direktori pusat zip rusak")
        fields = _CENTRAL.unpack_from(data, pos)
        flags, method, crc, csize, size = fields[3], fields[4], fields[7], fields[8], fields[9]
        name_len, extra_len, comment_len, offset = fields[10], fields[11], fields[12], fields[16]
        end = pos + _CENTRAL.size + name_len + extra_len + comment_len
        if end > len(data):
            raise _corrupt("direktori pusat zip terpotong")
        raw_name = data[pos + _CENTRAL.size : pos + _CENTRAL.size + name_len]
        name = raw_name.decode("utf-8" if flags & _FLAG_UTF8 else "cp437", errors="replace")
        extra = data[pos + _CENTRAL.size + name_len : pos + _CENTRAL.size + name_len + extra_len]
        size, csize, offset, at = _zip64_values(extra, size, csize, offset)
        offset_at, width = (42, 4) if at is None else (_CENTRAL.size + name_len + at, 8)
        entries.append(
            _Entry(name, data[pos:end], offset_at, width, flags, method, crc, csize, size, offset)
        )
        pos = end
    return entries


def _zip64_values(
    extra: bytes, size: int, csize: int, offset: int
) -> tuple[int, int, int, int | None]:
    """Sizes and offset, read from the zip64 extra field where the record says 0xFFFFFFFF,
    and where in the extra field the offset is stored (None: in the record itself)."""
    if 0xFFFFFFFF not in (size, csize, offset):
        return size, csize, offset, None
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, pos)
        if tag != 0x0001:
            pos += 4 + length
            continue
        values = list(struct.unpack_from(f"<{length // 8}Q", extra, pos + 4))
        size = values.pop(0) if size == 0xFFFFFFFF and values else size
        csize = values.pop(0) if csize == 0xFFFFFFFF and values else csize
        if offset != 0xFFFFFFFF:
            return size, csize, offset, None
        if not values:
            break
        return size, csize, values[0], pos + 4 + 8 * (length // 8 - len(values))
    raise _corrupt("data zip64 tidak lengkap")


def _check_members(entries: list[_Entry], limits: Limits) -> None:
    names: set[str] = set()
    total = 0
    for e in entries:
        if e.name.casefold() in names:
            raise _corrupt(f"bagian {e.name} muncul dua kali")
        names.add(e.name.casefold())
        if e.flags & (_FLAG_ENCRYPTED | _FLAG_STRONG_ENCRYPTION):
            raise IkuFileError(
                "berkas terkunci kata sandi; buka di Excel, buang kata sandinya, lalu simpan ulang"
            )
        if e.method not in (_STORED, _DEFLATED):
            raise IkuFileError(
                f"bagian {e.name} memakai metode kompresi {e.method} yang tidak dipakai Excel; "
                "buka dan simpan ulang di Excel"
            )
        if e.size > limits.max_member_bytes:
            raise IkuFileError(
                f"bagian {e.name} berukuran {e.size // _MB} MB setelah dibuka, melebihi batas "
                f"{limits.max_member_bytes // _MB} MB (Limits.max_member_bytes); berkas tidak "
                "diproses"
            )
        ratio = e.size / max(e.compressed_size, 1)
        if e.size > limits.ratio_from_bytes and ratio > limits.max_ratio:
            raise IkuFileError(
                f"bagian {e.name} memampat {ratio:.0f} kali (batas {limits.max_ratio}, "
                "Limits.max_ratio); berkas "
                "seperti ini dapat menghabiskan memori dan tidak diproses"
            )
        total += e.size
    if total > limits.max_total_bytes:
        raise IkuFileError(
            f"isi berkas {total // _MB} MB setelah dibuka, melebihi batas "
            f"{limits.max_total_bytes // _MB} MB (Limits.max_total_bytes); berkas tidak diproses"
        )


def _locate_records(data: bytes, entries: list[_Entry], prefix: int, cd_start: int) -> None:
    """Give each member the span of its local record: up to the next record, so a data
    descriptor (or stray bytes) travels with it. Overlapping members are refused."""
    ordered = sorted(entries, key=lambda e: e.offset)
    for entry in entries:
        entry.offset += prefix
    for i, entry in enumerate(ordered):
        end = ordered[i + 1].offset if i + 1 < len(ordered) else cd_start
        if data[entry.offset : entry.offset + 4] != _LOCAL_SIG:
            raise _corrupt(f"kepala bagian {entry.name} tidak ditemukan")
        name_len, extra_len = struct.unpack_from("<2H", data, entry.offset + 26)
        if entry.offset + _LOCAL.size + name_len + extra_len + entry.compressed_size > end:
            raise _corrupt(f"bagian {entry.name} tumpang-tindih atau terpotong")
        entry.span_end = end


def _relocated(entry: _Entry, position: int) -> bytes:
    record = bytearray(entry.central)
    struct.pack_into("<L" if entry.offset_width == 4 else "<Q", record, entry.offset_at, position)
    return bytes(record)


def _without_zip64(extra: bytes) -> bytes:
    kept = bytearray()
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, pos)
        if tag != 0x0001:
            kept += extra[pos : pos + 4 + length]
        pos += 4 + length
    return bytes(kept)


def _new_records(
    source: bytes, entry: _Entry, content: bytes, position: int
) -> tuple[bytes, bytes]:
    """The local record (header + data) and the central record of a replaced member: its own
    name, method, date, attributes and extra fields; new sizes and CRC; no data descriptor."""
    if entry.method == _DEFLATED:
        deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = deflater.compress(content) + deflater.flush()
    else:
        data = content
    crc = zlib.crc32(content)
    fields = list(_CENTRAL.unpack_from(entry.central, 0))
    name_len, extra_len, comment_len = fields[10], fields[11], fields[12]
    tail = entry.central[_CENTRAL.size :]
    name = tail[:name_len]
    central_extra = _without_zip64(tail[name_len : name_len + extra_len])
    comment = tail[name_len + extra_len : name_len + extra_len + comment_len]
    flags = entry.flags & ~_FLAG_DATA_DESCRIPTOR
    made_by, needed, time, date = fields[1], fields[2], fields[5], fields[6]
    internal, external = fields[14], fields[15]
    local_name_len, local_extra_len = struct.unpack_from("<2H", source, entry.offset + 26)
    local_extra_at = entry.offset + _LOCAL.size + local_name_len
    local_extra = _without_zip64(source[local_extra_at : local_extra_at + local_extra_len])
    local = _LOCAL.pack(
        _LOCAL_SIG,
        needed,
        flags,
        entry.method,
        time,
        date,
        crc,
        len(data),
        len(content),
        name_len,
        len(local_extra),
    )
    central = _CENTRAL.pack(
        _CENTRAL_SIG,
        made_by,
        needed,
        flags,
        entry.method,
        time,
        date,
        crc,
        len(data),
        len(content),
        name_len,
        len(central_extra),
        comment_len,
        0,
        internal,
        external,
        position,
    )
    return local + name + local_extra + data, central + name + central_extra + comment


# --------------------------------------------------------------------------- the workbook part

_REL_TYPE_END = {
    "officeDocument": "/officeDocument",
    "worksheet": "/worksheet",
    "calcChain": "/calcChain",
    "styles": "/styles",
    "sharedStrings": "/sharedStrings",
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_xml(xml: str, part: str) -> ElementTree.Element:
    """Parse a small workbook-level part for reading only (never written back: ElementTree
    renames namespace prefixes). defusedxml refuses DTDs, entity bombs and external entities."""
    from defusedxml import ElementTree as SafeElementTree

    try:
        root: ElementTree.Element = SafeElementTree.fromstring(xml, forbid_dtd=True)
    except (ValueError, SyntaxError) as exc:  # defusedxml's refusals are ValueErrors
        raise IkuFileError(
            f"bagian {part} tidak dapat dibaca (XML rusak atau memuat DTD); buka dan simpan ulang "
            "di Excel"
        ) from exc
    return root


@dataclass(frozen=True, slots=True)
class _Relationship:
    rel_id: str
    type: str
    part: str


def _relationships(archive: _Archive, source_part: str) -> list[_Relationship]:
    part = rels_part(source_part)
    if not archive.has(part):
        return []
    root = _parse_xml(archive.read_text(part), part)
    found = []
    for element in root.iter():
        if _local(element.tag) == "Relationship" and element.get("TargetMode") != "External":
            target = element.get("Target", "")
            found.append(
                _Relationship(
                    element.get("Id", ""),
                    element.get("Type", ""),
                    resolve_target(source_part, target),
                )
            )
    return found


def _first_of_type(rels: list[_Relationship], kind: str) -> _Relationship | None:
    end = _REL_TYPE_END[kind]
    return next((r for r in rels if r.type.endswith(end)), None)


@dataclass(frozen=True, slots=True)
class _SheetRef:
    name: str
    part: str
    kind: str  # "worksheet", "chartsheet", "dialogsheet", "macrosheet"
    index: int  # position among the sheets (localSheetId of defined names)


class _Book:
    """The workbook part: its sheets, defined names and related parts."""

    def __init__(self, archive: _Archive) -> None:
        package = _first_of_type(_relationships(archive, ""), "officeDocument")
        self.workbook_part = archive.name_of(package.part if package else "xl/workbook.xml")
        self.rels_part = rels_part(self.workbook_part)
        rels = _relationships(archive, self.workbook_part)
        root = _parse_xml(archive.read_text(self.workbook_part), self.workbook_part)
        self.sheets = self._sheets(root, {r.rel_id: r for r in rels}, archive)
        self.calc_chain = _first_of_type(rels, "calcChain")
        if self.calc_chain is not None and not archive.has(self.calc_chain.part):
            self.calc_chain = None
        self.styles_part = self._existing(_first_of_type(rels, "styles"), archive)
        self.shared_strings_part = self._existing(_first_of_type(rels, "sharedStrings"), archive)
        self.defined_names = [
            (e.get("name", "").casefold(), _int_or_none(e.get("localSheetId")), e.text or "")
            for e in root.iter()
            if _local(e.tag) == "definedName"
        ]

    @staticmethod
    def _existing(rel: _Relationship | None, archive: _Archive) -> str | None:
        return archive.name_of(rel.part) if rel is not None and archive.has(rel.part) else None

    @staticmethod
    def _sheets(
        root: ElementTree.Element, rels: dict[str, _Relationship], archive: _Archive
    ) -> list[_SheetRef]:
        sheets: list[_SheetRef] = []
        elements = [e for e in root.iter() if _local(e.tag) == "sheet"]
        for index, element in enumerate(elements):  # the index is what localSheetId counts
            rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
            rel = rels.get(rel_id)
            if rel is None or not archive.has(rel.part):
                continue
            kind = rel.type.rsplit("/", 1)[-1]
            sheets.append(
                _SheetRef(element.get("name", ""), archive.name_of(rel.part), kind, index)
            )
        return sheets

    def worksheet(self, name: str) -> _SheetRef:
        found = next((s for s in self.sheets if s.name == name), None)
        if found is None:  # Excel sheet names are unique regardless of case
            found = next((s for s in self.sheets if s.name.casefold() == name.casefold()), None)
        if found is None:
            known = ", ".join(f"'{s.name}'" for s in self.sheets) or "(tidak ada)"
            raise IkuInputError(
                f"lembar '{name}' tidak ada di buku kerja; lembar yang ada: {known}"
            )
        if found.kind != "worksheet":
            what = "lembar grafik" if found.kind == "chartsheet" else f"lembar {found.kind}"
            raise IkuInputError(f"lembar '{found.name}' adalah {what}, bukan lembar sel")
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
        for name, local_id, text in self.defined_names:
            if name != folded_name:
                continue
            if local_id == scope:
                return text
            if local_id is None:
                global_text = text
        return global_text

    def names_mention(self, sheet: str) -> bool:
        return any(sheet.casefold() in text.casefold() for _, _, text in self.defined_names)


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


_CALC_PR_FOLLOWERS = (
    "oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|"
    "fileRecoveryPr|webPublishObjects|extLst"
)


def _with_full_calc_on_load(xml: str) -> str | None:
    """workbook.xml with ``<calcPr fullCalcOnLoad="1">``; None when it is already there."""
    prefix = _root_prefix(xml, "workbook")
    p = re.escape(prefix)
    m = re.search(rf"<{p}calcPr\b{_ATTRS}(/?)>", xml)
    if m is not None:
        attrs = m.group(1)
        current = re.search(r"""\bfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')""", attrs)
        if current is not None and _is_true(current.group(1)[1:-1]):
            return None
        if current is not None:
            attrs = f'{attrs[: current.start()]}fullCalcOnLoad="1"{attrs[current.end() :]}'
        else:
            attrs = f'{attrs.rstrip()} fullCalcOnLoad="1"'
        return f"{xml[: m.start()]}<{prefix}calcPr{attrs}{m.group(2)}>{xml[m.end() :]}"
    # No calcPr: insert it where the schema wants it, after <sheets> and <definedNames>.
    sheets_end = re.search(rf"</{p}sheets>|<{p}sheets\b{_ATTRS}/>", xml)
    if sheets_end is None:
        raise _corrupt("workbook.xml tidak memuat <sheets>")
    follower = re.compile(rf"<{p}(?:{_CALC_PR_FOLLOWERS})\b|</{p}workbook>")
    at = follower.search(xml, sheets_end.end())
    if at is None:
        raise _corrupt("workbook.xml tidak ditutup")
    element = f'<{prefix}calcPr fullCalcOnLoad="1"/>'
    return xml[: at.start()] + element + xml[at.start() :]


def _without_calc_chain(archive: _Archive, book: _Book) -> dict[str, bytes]:
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
    if archive.has("[Content_Types].xml"):
        types_xml = archive.read_text("[Content_Types].xml")
        part_name = "/" + archive.name_of(chain.part)
        new_types = _without_elements(
            types_xml,
            "[Content_Types].xml",
            "Override",
            lambda a: a.get("PartName", "").casefold() == part_name.casefold(),
        )
        if new_types != types_xml:
            replaced["[Content_Types].xml"] = new_types.encode("utf-8")
    return replaced


def _without_elements(
    xml: str, part: str, local_name: str, matches: Callable[[dict[str, str]], bool]
) -> str:
    """``xml`` without the ``local_name`` elements whose attributes ``matches``."""
    _parse_xml(xml, part)  # refuses a DTD before any text is spliced
    pattern = re.compile(
        rf"<(?:\w+:)?{local_name}\b{_ATTRS}(?:/>|>.*?</(?:\w+:)?{local_name}>)", re.S
    )
    return pattern.sub(lambda m: "" if matches(_attributes(m.group(1))) else m.group(0), xml)
