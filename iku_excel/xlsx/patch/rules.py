"""The write rules: which cells may be written and how, what a write changes, and the
problems it meets (merged cells, the workbook's own formulas, protection, precision)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from iku_excel.errors import IkuInputError, Problem, Severity
from iku_excel.grid import Range, cell_name
from iku_excel.xlsx.patch.cells import (
    EMPTY,
    MAX_FORMULA,
    MAX_TEXT,
    CellChange,
    CellElement,
    CellInfo,
    CellWrite,
    Content,
    WriteValue,
    cell_or_raise,
    decode_content,
    formula_tag,
    problem,
    same_formula,
)
from iku_excel.xlsx.patch.dependencies import DependencyGraph, formula_dependencies
from iku_excel.xlsx.patch.markup import Patterns, escape_formula, escape_text, number_text
from iku_excel.xlsx.patch.sheet import CellEdit, SheetDoc
from iku_excel.xlsx.workbook import WorkbookFile

EXACT_DIGITS = 15  # Excel keeps 15 significant digits of a number
EXACT_LIMIT = 10**EXACT_DIGITS


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


def validated(write: CellWrite) -> _Planned:
    row, col = cell_or_raise(write.ref)
    style_from = cell_or_raise(write.style_from) if write.style_from is not None else None
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


def refuse_duplicates(planned: list[_Planned]) -> None:
    seen: set[str] = set()
    for p in planned:
        if p.ref in seen:
            raise IkuInputError(f"sel {p.ref} ditulis lebih dari sekali dalam satu permintaan")
        seen.add(p.ref)


@dataclass(slots=True)
class _Rendered:
    """The new content of a cell as XML: its ``t=`` type and its children."""

    content: Content
    cell_type: str | None
    inner: str


def _render(p: str, value: WriteValue, formula: str | None) -> _Rendered | tuple[str, str]:
    """The cell content for ``value`` (and ``formula``), or (problem code, reason)."""
    f_xml = ""
    if formula is not None:
        if len(formula) > MAX_FORMULA:
            return "rumus-terlalu-panjang", f"rumus lebih dari {MAX_FORMULA} karakter"
        f_xml = f"<{p}f>{escape_formula(formula)}</{p}f>"
    if isinstance(value, bool):
        return _Rendered(Content(value, "bool", formula), "b", f"{f_xml}<{p}v>{int(value)}</{p}v>")
    if isinstance(value, (int, float, Decimal)):
        text = number_text(value)
        if text is None:
            return "angka-tidak-sah", f"angka {value} tidak dapat disimpan Excel"
        return _Rendered(
            Content(Decimal(text), "number", formula), None, f"{f_xml}<{p}v>{text}</{p}v>"
        )
    text = value or ""
    if len(text) > MAX_TEXT:
        return "teks-terlalu-panjang", f"teks lebih dari {MAX_TEXT} karakter (batas Excel)"
    if formula is not None:
        # A formula's text result, "" included, is t="str" with the text in <v>.
        return _Rendered(
            Content(text, "text", formula), "str", f"{f_xml}<{p}v>{escape_text(text)}</{p}v>"
        )
    if not text:
        return _Rendered(EMPTY, None, "")
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    inner = f"<{p}is><{p}t{space}>{escape_text(text)}</{p}t></{p}is>"
    return _Rendered(Content(text, "text"), "inlineStr", inner)


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
    edit: CellEdit | None
    problems: tuple[Problem, ...] = ()
    old: Content = EMPTY
    new: Content = EMPTY
    removes_formula: bool = False

    def change_for(self, sheet: str, ref: str) -> CellChange:
        return CellChange(
            sheet, ref, self.old.value, self.new.value, self.old.formula, self.new.formula
        )


class CellContext:
    """Everything needed to read or plan a write to one sheet's cells."""

    def __init__(self, doc: SheetDoc, book: WorkbookFile) -> None:
        self.doc = doc
        self.book = book
        self.package = book.package

    @functools.cached_property
    def array_formulas(self) -> list[tuple[Range, tuple[int, int]]]:
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

    def content(self, cell: CellElement | None) -> Content:
        shared = self.book.shared_strings if cell is not None and cell.type == "s" else None
        return decode_content(self.doc.pat, cell, shared)

    def style_of(self, row: int, col: int) -> int:
        cell = self.doc.cell(row, col)
        style = cell.style if cell is not None else None
        return style if style is not None else self.doc.inherited_style(row, col)

    def is_locked(self, style: int) -> bool:
        return self.book.styles.is_locked(style)

    def array_covering(self, row: int, col: int) -> tuple[Range, tuple[int, int]] | None:
        for area, master in self.array_formulas:
            if area.contains(row, col):
                return area, master
        return None

    def info(self, row: int, col: int) -> CellInfo:
        cell = self.doc.cell(row, col)
        content = self.content(cell)
        tag = formula_tag(self.doc.pat, cell.inner) if cell is not None else None
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
            return _Outcome(None, (problem(code, sheet, ref, f"{reason}; sel tidak ditulis"),))
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
            CellEdit(text, grows),
            warnings,
            old,
            rendered.content,
            removes_formula=old.formula is not None and planned.formula is None,
        )

    def _style_for(self, planned: _Planned, cell: CellElement | None) -> int | None:
        """The ``s=`` to write, or None to leave the attribute as it is. A cell keeps its own
        style; one without copies ``style_from``; a missing one otherwise gets the style it is
        shown with (its row's or column's)."""
        if cell is not None and (planned.style_from is None or cell.style):
            return None
        if planned.style_from is not None:
            return self.style_of(*planned.style_from) or None
        return self.doc.inherited_style(planned.row, planned.col) or None

    def _refusal(self, planned: _Planned, cell: CellElement | None, sheet: str) -> Problem | None:
        """Why this cell must not be written, if it must not."""
        reason = (
            self._merge_refusal(planned)
            or self._array_refusal(planned)
            or self._formula_refusal(planned, cell)
            or self._protection_refusal(planned, sheet)
        )
        return problem(reason[0], sheet, planned.ref, reason[1]) if reason else None

    def _merge_refusal(self, planned: _Planned) -> tuple[str, str] | None:
        merge = self.doc.merge_covering(planned.row, planned.col)
        if merge is None:
            return None
        return "sel-dalam-gabungan", (
            f"sel ini tertutup sel gabungan {merge.text()} dan bukan sel kiri-atasnya; tidak "
            f"ditulis. Tulis ke {cell_name(merge.min_row, merge.min_col)} atau pisahkan "
            "gabungannya di Excel"
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

    def _formula_refusal(
        self, planned: _Planned, cell: CellElement | None
    ) -> tuple[str, str] | None:
        tag = formula_tag(self.doc.pat, cell.inner) if cell is not None else None
        if tag is None:
            return None
        if not planned.write.replace_formula and not same_formula(tag.text, planned.formula):
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
        self, changed: set[tuple[int, int]], edits: dict[tuple[int, int], CellEdit]
    ) -> dict[tuple[int, int], Content]:
        """Remove the cached value of every formula of this sheet that depends on a changed
        cell; add those edits to ``edits`` and return the values removed."""
        graph = DependencyGraph()
        for key, areas, spill in formula_dependencies(self.doc, self.package, self.sheet_name):
            if key not in edits:
                graph.add(key, areas, spill)
        cleared: dict[tuple[int, int], Content] = {}
        for key in sorted(graph.dependents_of(changed)):
            if key in edits:
                continue
            cell = self.doc.cell(*key)
            text = _without_cached_value(self.doc.pat, cell) if cell is not None else None
            if text is not None:
                cleared[key] = self.content(cell)
                edits[key] = CellEdit(text, grows_dimension=False)
        return cleared

    @property
    def sheet_name(self) -> str:
        return self.package.sheet_name_of(self.doc.part)


def _without_cached_value(pat: Patterns, cell: CellElement) -> str | None:
    """The cell with its formula but without its cached value; None if it has none."""
    has_value = pat.value.search(cell.inner) is not None or "<" + pat.p + "is" in cell.inner
    if not has_value:
        return None
    tag = formula_tag(pat, cell.inner)
    attrs = _CACHED_VALUE_ATTRS_RE.sub("", cell.attrs_raw)
    return _element(pat.p, attrs, None, tag.raw if tag is not None else "")


def _precision_warning(planned: _Planned, sheet: str) -> tuple[Problem, ...]:
    value = planned.write.value
    if type(value) is int:
        if -EXACT_LIMIT < value < EXACT_LIMIT:
            return ()
    elif isinstance(value, Decimal):
        if not value.is_finite() or -EXACT_LIMIT < value < EXACT_LIMIT:
            return ()
        if value != value.to_integral_value():
            return ()
    else:
        return ()
    return (
        problem(
            "angka-terlalu-panjang",
            sheet,
            planned.ref,
            f"angka {value} punya lebih dari {EXACT_DIGITS} digit; Excel hanya menyimpan "
            f"{EXACT_DIGITS} digit pertama. Bila ini NIP atau nomor, tulis sebagai teks",
            Severity.WARNING,
        ),
    )


def cleared_problems(sheet: str, cleared: dict[tuple[int, int], Content]) -> list[Problem]:
    problems = []
    for (row, col), old in sorted(cleared.items()):
        shown = "" if old.value is None else f" (tadinya {old.value})"
        problems.append(
            problem(
                "nilai-rumus-dikosongkan",
                sheet,
                cell_name(row, col),
                f"nilai tersimpan rumus ini{shown} dikosongkan karena bergantung pada sel yang "
                "diubah; Excel dan LibreOffice menghitungnya ulang saat berkas dibuka",
                Severity.INFO,
            )
        )
    return problems
