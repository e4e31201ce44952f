"""The realisasi source of ``iku isi``: a CSV or xlsx file of realisasi per triwulan.

Wide form: a column ``indikator`` (the indicator's text as in the workbooks) or ``kode``, any of
``tw1``..``tw4`` (also "TW I", "Triwulan I", "TW-1" ...), optionally ``berkas`` (a workbook's
file name) or ``instansi`` to address particular workbooks. Long form: ``periode`` ("TW I",
"Triwulan 2", "3" ...) and ``nilai`` instead of the tw columns. Numbers may be typed the
Indonesian way ("70,50", "1.234.567"). Every row that cannot be used is a located problem.

Matching (``match_rows``): a row addresses the workbooks whose file name (``berkas``, with or
without .xlsx, any case) or instansi (``instansi``, wording normalised) it names, or every
workbook when it names none. Inside a workbook it goes to the indicator with the same ``kode``;
else the same text after normalising case, spaces and punctuation ("Prosentase" = "Persentase");
else, as a fuzzy fallback, the one indicator whose text is at least 90% similar
(``text.similarity``) when no other comes within 3 points of it. A row that matches no indicator, or
two equally well, is reported and never written to a guessed row.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from iku_excel.errors import IkuFileError, IkuInputError, Problem, Severity
from iku_excel.grid import cell_name, column_letter
from iku_excel.model import Indikator
from iku_excel.text import (
    INDIKATOR_FUZZY_MARGIN,
    INDIKATOR_FUZZY_MIN,
    TW_NAMES,
    TW_NUMBERS,
    TW_NUMERAL,
    TW_WORDS,
    normalize_text,
    similarity_at_least,
)
from iku_excel.values import Separators, clean_text, column_separators, is_empty, parse_number

_TW = re.compile(rf"^(?:{TW_WORDS}|periode)?\s*[-_.]?\s*{TW_NUMERAL}$")


@dataclass(frozen=True, slots=True)
class BarisRealisasi:
    """One usable row of the source: which indicator, which workbooks, which values."""

    line: int  # row number in the source file (1 = header)
    indikator: str = ""
    kode: str = ""
    berkas: str = ""
    instansi: str = ""
    nilai: dict[int, Decimal] = field(default_factory=dict)  # TW number -> value

    @property
    def label(self) -> str:
        return self.kode or self.indikator


@dataclass(frozen=True, slots=True)
class SumberRealisasi:
    rows: tuple[BarisRealisasi, ...]
    problems: tuple[Problem, ...]
    file: str


def tw_number(text: str) -> int | None:
    """1..4 for "TW I", "Triwulan IV", "tw3", "2"; None otherwise."""
    match = _TW.fullmatch(normalize_text(text).replace("  ", " "))
    return TW_NUMBERS[match.group(1)] if match else None


def _column_key(header: str) -> str | None:
    text = normalize_text(header)
    if text in {"indikator", "indikator kinerja", "uraian indikator", "iku"}:
        return "indikator"
    if text in {"kode", "kode indikator", "kode iku"}:
        return "kode"
    if text in {"berkas", "file", "nama berkas"}:
        return "berkas"
    if text in {"instansi", "opd", "kecamatan", "perangkat daerah"}:
        return "instansi"
    if text in {"periode", "triwulan", "tw"}:
        return "periode"
    if text in {"nilai", "realisasi"}:
        return "nilai"
    realisasi_tw = re.fullmatch(r"(?:realisasi )?(.+)", text)
    number = tw_number(realisasi_tw.group(1)) if realisasi_tw else None
    return f"tw{number}" if number else None


def read_sumber(path: Path) -> SumberRealisasi:
    """Read a realisasi source (.csv or .xlsx). Unreadable files raise ``IkuFileError``; a
    header without the needed columns raises ``IkuInputError``."""
    path = Path(path)
    if not path.exists():
        raise IkuFileError("berkas realisasi tidak ditemukan; periksa nama dan foldernya", path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path)
    else:
        raise IkuFileError("berkas realisasi harus .csv atau .xlsx", path)
    return _rows_of(table, path.name)


def _read_csv(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    # Excel's "Unicode Text" is UTF-16 with a byte-order mark (and tabs); else UTF-8 (with or
    # without BOM), else the Windows code page older Excel uses for plain "CSV".
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = "\0"
    if "\0" in text:  # binary data decodes as cp1252 too; text never holds NUL
        raise IkuFileError(
            "berkas realisasi bukan teks CSV; simpan ulang dari Excel sebagai 'CSV UTF-8'", path
        )
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel  # one column, or nothing to tell: comma
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:  # e.g. a field longer than the csv module allows
        raise IkuFileError(
            f"berkas realisasi tidak dapat dibaca sebagai CSV ({exc}); periksa isinya atau "
            "simpan ulang dari Excel sebagai 'CSV UTF-8'",
            path,
        ) from exc


def _read_xlsx(path: Path) -> list[list[object]]:
    from iku_excel.xlsx.read import load_grids

    grids = load_grids(path)
    if not grids:
        return []
    grid = grids[0]
    return [grid.row_values(r) for r in grid.iter_rows()]


def _rows_of(table: list[list[object]], file: str) -> SumberRealisasi:
    header_index = next(
        (i for i, row in enumerate(table) if any(not is_empty(v) for v in row)), None
    )
    if header_index is None:
        raise IkuInputError(f"{file}: berkas realisasi kosong")
    header = [clean_text(v) for v in table[header_index]]
    columns = _columns_of(header, file)
    found = set(columns)
    if not found & {"indikator", "kode"}:
        raise IkuInputError(
            f"{file}: tidak ada kolom 'indikator' atau 'kode' di baris judul; "
            f"judul yang ada: {', '.join(h for h in header if h)}"
        )
    long_form = {"periode", "nilai"} <= found
    if not long_form and not any(k.startswith("tw") for k in found):
        raise IkuInputError(
            f"{file}: tidak ada kolom realisasi; beri kolom tw1..tw4 (atau TW I..TW IV), "
            "atau kolom periode dan nilai"
        )
    body = table[header_index + 1 :]
    separators = {
        k: column_separators(row[i] for row in body if i < len(row)) for k, i in columns.items()
    }
    rows: list[BarisRealisasi] = []
    problems: list[Problem] = []
    for offset, values in enumerate(body):
        line = header_index + 2 + offset
        record = {k: values[i] if i < len(values) else None for k, i in columns.items()}
        if all(is_empty(v) for v in record.values()):
            continue
        row = _row_of(record, line, file, long_form, separators, columns, problems)
        if row is not None:
            rows.append(row)
    return SumberRealisasi(
        tuple(_merge_long_form(rows) if long_form else rows), tuple(problems), file
    )


_KEY_LABELS = {f"tw{n}": name for n, name in enumerate(TW_NAMES, 1)}


def _columns_of(header: list[str], file: str) -> dict[str, int]:
    """Column key -> its 0-based column. A key named twice ("TW I" and "Realisasi TW I") is
    refused: which of the two holds the value is for the user to say, not for us to guess."""
    columns: dict[str, int] = {}
    for col, text in enumerate(header):
        key = _column_key(text)
        if key is None:
            continue
        if key in columns:
            first = column_letter(columns[key] + 1)
            raise IkuInputError(
                f"{file}: kolom '{header[columns[key]]}' ({first}) dan '{text}' "
                f"({column_letter(col + 1)}) sama-sama kolom {_KEY_LABELS.get(key, key)}; hapus "
                "atau ganti judul salah satunya"
            )
        columns[key] = col
    return columns


def _text_of(record: dict[str, object], key: str) -> str:
    raw = record.get(key)
    return "" if is_empty(raw) else clean_text(raw)


def _row_of(
    record: dict[str, object],
    line: int,
    file: str,
    long_form: bool,
    separators: dict[str, Separators],
    columns: dict[str, int],
    problems: list[Problem],
) -> BarisRealisasi | None:
    def located(problem: Problem, key: str) -> Problem:
        return problem.at(file=file, cell=cell_name(line, columns[key] + 1))

    text, kode = _text_of(record, "indikator"), _text_of(record, "kode")
    if not (text or kode):
        first = min(columns[k] for k in ("indikator", "kode") if k in columns)
        problems.append(
            Problem(
                "realisasi-tanpa-indikator",
                "baris tanpa indikator maupun kode; isi salah satunya",
                Severity.WARNING,
                file=file,
                cell=cell_name(line, first + 1),
            )
        )
        return None
    nilai: dict[int, Decimal] = {}
    tw_columns = [(k, int(k[2:])) for k in record if k.startswith("tw") and k[2:].isdigit()]
    if long_form:
        periode = clean_text(record.get("periode"))
        number = tw_number(periode)
        if number is None:
            problems.append(
                located(
                    Problem(
                        "periode-tidak-dikenal",
                        f"periode '{periode}' tidak dikenal; tulis TW I, TW II, TW III, atau TW IV",
                    ),
                    "periode",
                )
            )
            return None
        tw_columns = [("nilai", number)]
    for key, number in tw_columns:
        raw = record.get(key)
        if is_empty(raw):
            continue
        parsed = parse_number(raw, separators=separators[key])
        problems.extend(located(p, key) for p in parsed.problems)
        if parsed.value is not None:
            nilai[number] = parsed.value
    return BarisRealisasi(
        line=line,
        indikator=text,
        kode=kode,
        berkas=_text_of(record, "berkas"),
        instansi=_text_of(record, "instansi"),
        nilai=nilai,
    )


def _merge_long_form(rows: list[BarisRealisasi]) -> list[BarisRealisasi]:
    """Long form has one row per indicator and periode: gather them per indicator."""
    merged: dict[tuple[str, str, str, str], BarisRealisasi] = {}
    for row in rows:
        key = (row.indikator, row.kode, row.berkas, row.instansi)
        if key in merged:
            first = merged[key]
            merged[key] = BarisRealisasi(
                first.line, first.indikator, first.kode, first.berkas, first.instansi,
                {**first.nilai, **row.nilai},
            )  # fmt: skip
        else:
            merged[key] = row
    return list(merged.values())


# --- matching -------------------------------------------------------------------------------


def applies_to(row: BarisRealisasi, file_name: str, instansi: str) -> bool:
    """Does ``row`` address the workbook ``file_name`` of ``instansi``?"""
    if row.berkas:
        wanted = row.berkas.lower().removesuffix(".xlsx")
        return Path(file_name).stem.lower() == wanted or file_name.lower() == row.berkas.lower()
    if row.instansi:
        return normalize_text(row.instansi) == normalize_text(instansi)
    return True


@dataclass(frozen=True, slots=True)
class Kecocokan:
    """A source row matched to an indicator of a workbook."""

    row: BarisRealisasi
    indikator: Indikator
    cara: str  # "kode", "teks", "mirip"


def match_rows(
    rows: Iterable[BarisRealisasi],
    indikator: Sequence[Indikator],
    *,
    file_name: str,
    instansi: str,
    source: str,
) -> tuple[list[Kecocokan], list[Problem]]:
    """Match every row addressed to this workbook to one of its indicators."""
    index = _Index(indikator)
    matches: list[Kecocokan] = []
    problems: list[Problem] = []
    for row in rows:
        if not applies_to(row, file_name, instansi):
            continue
        found, how, problem = index.match(row, source)
        if problem is not None:
            problems.append(problem.at(file=file_name))
        if found is not None:
            matches.append(Kecocokan(row, found, how))
    return matches, problems


class _Index:
    """A workbook's indicators by kode and by normalised wording, built once per workbook, so
    matching a source of n rows against m indicators costs n lookups, not n x m comparisons
    (only rows that need a fuzzy match are compared with every indicator)."""

    def __init__(self, indikator: Sequence[Indikator]) -> None:
        self.indikator = indikator
        self.texts = [normalize_text(i.uraian) for i in indikator]
        self.by_kode: dict[str, list[Indikator]] = {}
        self.by_text: dict[str, list[Indikator]] = {}
        for ind, text in zip(indikator, self.texts, strict=True):
            if ind.kode and ind.kode.strip():
                self.by_kode.setdefault(ind.kode.strip(), []).append(ind)
            self.by_text.setdefault(text, []).append(ind)

    def match(
        self, row: BarisRealisasi, source: str
    ) -> tuple[Indikator | None, str, Problem | None]:
        where = f"{source} baris {row.line}"
        if row.kode:
            same = self.by_kode.get(row.kode.strip(), [])
            if len(same) == 1:
                return same[0], "kode", None
            if len(same) > 1:
                return None, "", _ambiguous(row, where, [i.uraian for i in same])
        if row.indikator:
            wanted = normalize_text(row.indikator)
            same = self.by_text.get(wanted, [])
            if len(same) == 1:
                return same[0], "teks", None
            if len(same) > 1:
                return None, "", _ambiguous(row, where, [i.uraian for i in same])
            return self._fuzzy(row, wanted, where)
        return None, "", _unmatched(row, where)

    def _fuzzy(
        self, row: BarisRealisasi, wanted: str, where: str
    ) -> tuple[Indikator | None, str, Problem | None]:
        # A wording whose upper bound stays below the minimum less the margin can be neither
        # the match nor a runner-up close enough to make it ambiguous: skip the exact ratio.
        floor = INDIKATOR_FUZZY_MIN - INDIKATOR_FUZZY_MARGIN
        scored: list[tuple[float, int]] = []
        for n, text in enumerate(self.texts):
            ratio = similarity_at_least(wanted, text, floor)
            if ratio is not None:
                scored.append((ratio, n))
        scored.sort(reverse=True)
        if not scored or scored[0][0] < INDIKATOR_FUZZY_MIN:
            return None, "", _unmatched(row, where)
        best_ratio, best = scored[0]
        margin = INDIKATOR_FUZZY_MARGIN
        if len(scored) > 1 and scored[1][0] > best_ratio - margin:
            close = [self.indikator[n].uraian for r, n in scored if r > best_ratio - margin]
            return None, "", _ambiguous(row, where, close)
        chosen = self.indikator[best]
        note = Problem(
            "realisasi-cocok-mirip",
            f"{where}: '{row.indikator}' dicocokkan dengan indikator '{chosen.uraian}' "
            f"(kemiripan {best_ratio:.0%}); periksa, atau samakan tulisannya",
            Severity.INFO,
        )
        return chosen, "mirip", note


def _unmatched(row: BarisRealisasi, where: str) -> Problem:
    return Problem(
        "realisasi-tidak-cocok",
        f"{where}: '{row.label}' tidak cocok dengan indikator mana pun; samakan uraian atau "
        "kodenya dengan workbook",
        Severity.WARNING,
    )


def _ambiguous(row: BarisRealisasi, where: str, candidates: list[str]) -> Problem:
    listed = "; ".join(f"'{c}'" for c in candidates[:3])
    return Problem(
        "realisasi-ambigu",
        f"{where}: '{row.label}' cocok dengan lebih dari satu indikator ({listed}); tidak "
        "ditulis. Pakai kolom kode atau tulis uraian persis",
        Severity.WARNING,
    )
