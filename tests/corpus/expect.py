"""Compare the reader's JSON with a partial expectation (``NAME.expected.json`` of this corpus).

An expectation holds only the keys it asserts:

* a dict asserts each of its keys, recursively; keys it leaves out are not checked;
* a list must have the same length as the actual list, and is compared element by element;
* a number equals any JSON number of the same value (60 == 60.0; a 1e-9 relative tolerance
  absorbs binary floating point), but never a string or a bool;
* ``null`` asserts null; a string asserts exactly that string (expected texts are already
  whitespace-normalised, as the reader must produce them).

Top-level keys with a special meaning:

* ``problems_expected``: ``[{"code": ..., "cell": "Sheet!A1" or null}]``, each must be matched by
  at least one reported problem with that code (and that location, when ``cell`` is not null);
* ``problems_forbidden``: ``["code", ...]``, no reported problem may have one of these codes;
* keys starting with ``_`` (``_about``) are notes for people and are not checked.

Extensions used by the blind corpora (tests/corpus_blind/exports/README.md):

* ``refused: true`` with ``message_contains``: the reader must refuse the file (``check`` is
  then given the refusal's message as ``error``);
* a ``problems_expected`` item may carry ``severity``: the matching problem must have it;
* ``without_libreoffice``: the whole expectation where LibreOffice is missing (``applicable``);
* ``pk_refused: true``: the Perjanjian Kinerja writer must refuse the file (``check_pk``).
"""

from __future__ import annotations

import math
from typing import Any

# The problem codes the corpus asserts, expected or forbidden (README.md says what each means).
# Every code the reader reports (iku_excel values, tables, surroundings, reader): a corpus file
# forbids all of them but those its workbook may or must give rise to (make_corpus.forbid).
PROBLEM_CODES = (
    "akumulasi-tidak-dikenal",
    "angka-ambigu",
    "angka-rusak",
    "bukan-angka",
    "galat-excel",
    "indikator-kosong",
    "jabatan-salah-ketik",
    "kegiatan-tanpa-program",
    "nilai-tidak-dikenal",
    "nip-angka",
    "nip-kosong",
    "nip-mencurigakan",
    "nip-tidak-valid",
    "peran-tidak-dikenal",
    "persen-ambigu",
    "persen-tanpa-tanda",
    "polaritas-tidak-dikenal",
    "realisasi-tanpa-indikator",
    "rentang-terbalik",
    "rumus-tanpa-nilai",
    "sasaran-kosong",
    "tahun-tidak-valid",
    "tanggal-tidak-valid",
    "target-tw-rentang",
)


# Keys of an expectation that are instructions, not values of the reader's JSON.
_NOT_VALUES = frozenset(
    {"problems_expected", "problems_forbidden", "pk_refused", "without_libreoffice", "refused",
     "message_contains"}
)  # fmt: skip


def applicable(expected: dict[str, Any], libreoffice: bool) -> dict[str, Any]:
    """The expectation that holds on this machine (``without_libreoffice`` replaces the whole
    one where LibreOffice, which converts a .xls, is missing)."""
    if not libreoffice and "without_libreoffice" in expected:
        return dict(expected["without_libreoffice"])
    return expected


def check(
    expected: dict[str, Any], actual: dict[str, Any] | None = None, error: str | None = None
) -> list[str]:
    """Every way the outcome differs from the partial expectation, one readable line each.

    ``actual`` is the reader's JSON when it read the file; ``error`` the message of its
    refusal when it refused (``refused: true`` expects one, holding every word of
    ``message_contains``, compared case-insensitively after whitespace normalisation)."""
    if expected.get("refused"):
        if error is None:
            return ["expected a refusal, the file was read"]
        text = " ".join(error.split()).casefold()
        return [
            f"refusal message lacks {word!r}: {error!r}"
            for word in expected.get("message_contains", [])
            if " ".join(word.split()).casefold() not in text
        ]
    if error is not None or actual is None:
        return [f"expected a reading, got a refusal: {error!r}"]
    mismatches: list[str] = []
    problems = actual.get("problems") or []
    for key, want in expected.items():
        if key.startswith("_") or key in _NOT_VALUES:
            continue
        if key not in actual:
            mismatches.append(f"{key}: missing (expected {want!r})")
        else:
            _compare(want, actual[key], key, mismatches)
    mismatches.extend(_missing_problems(expected.get("problems_expected", []), problems))
    mismatches.extend(_forbidden_problems(expected.get("problems_forbidden", []), problems))
    return mismatches


def check_pk(expected: dict[str, Any], pk_refused: bool) -> list[str]:
    """``pk_refused``: whether the Perjanjian Kinerja writer refused this file."""
    if expected.get("pk_refused") and not pk_refused:
        return ["a PK was written from a file that has no targets"]
    return []


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _compare(want: Any, got: Any, path: str, out: list[str]) -> None:
    if isinstance(want, dict):
        if not isinstance(got, dict):
            out.append(f"{path}: expected an object, got {got!r}")
            return
        for key, value in want.items():
            if key not in got:
                out.append(f"{path}.{key}: missing (expected {value!r})")
            else:
                _compare(value, got[key], f"{path}.{key}", out)
    elif isinstance(want, list):
        if not isinstance(got, list):
            out.append(f"{path}: expected a list, got {got!r}")
            return
        if len(want) != len(got):
            out.append(f"{path}: expected {len(want)} items, got {len(got)}")
        for i, (w, g) in enumerate(zip(want, got, strict=False)):  # lengths checked above
            _compare(w, g, f"{path}[{i}]", out)
    elif isinstance(want, bool) or want is None or isinstance(want, str):
        if type(got) is not type(want) or got != want:
            out.append(f"{path}: expected {want!r}, got {got!r}")
    elif _is_number(want):
        if not _is_number(got) or not math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-9):
            out.append(f"{path}: expected {want!r}, got {got!r}")
    else:
        raise TypeError(f"{path}: unsupported value in expectation: {want!r}")


def location(problem: dict[str, Any]) -> str | None:
    """``Sheet!A1`` of a reported problem (its ``cell`` may already be in that form)."""
    sheet, cell = problem.get("sheet"), problem.get("cell")
    if cell and "!" in cell:
        return str(cell)
    if sheet and cell:
        return f"{sheet}!{cell}"
    return cell or sheet


def _missing_problems(wanted: list[dict[str, Any]], problems: list[dict[str, Any]]) -> list[str]:
    out = []
    for want in wanted:
        code, cell, severity = want["code"], want.get("cell"), want.get("severity")
        if not any(
            p.get("code") == code
            and (cell is None or location(p) == cell)
            and (severity is None or p.get("severity") == severity)
            for p in problems
        ):
            where = f" at {cell}" if cell else ""
            sev = f" ({severity})" if severity else ""
            same_code = [p for p in problems if p.get("code") == code]
            seen = [
                (location(p), p.get("severity")) if severity else location(p) for p in same_code
            ]
            hint = f" (reported at {seen})" if seen else ""
            out.append(f"problems: expected {code}{sev}{where}, not reported{hint}")
    return out


def _forbidden_problems(codes: list[str], problems: list[dict[str, Any]]) -> list[str]:
    return [
        f"problems: {p['code']} must not be reported, got it at {location(p)}: "
        f"{p.get('message', '')}"
        for p in problems
        if p.get("code") in codes
    ]
