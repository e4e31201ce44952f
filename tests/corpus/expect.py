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


def check(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Every way ``actual`` differs from the partial expectation, one readable line each."""
    mismatches: list[str] = []
    problems = actual.get("problems") or []
    for key, want in expected.items():
        if key.startswith("_"):
            continue
        if key == "problems_expected":
            mismatches.extend(_missing_problems(want, problems))
        elif key == "problems_forbidden":
            mismatches.extend(_forbidden_problems(want, problems))
        elif key not in actual:
            mismatches.append(f"{key}: missing (expected {want!r})")
        else:
            _compare(want, actual[key], key, mismatches)
    return mismatches


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
        code, cell = want["code"], want.get("cell")
        if not any(
            p.get("code") == code and (cell is None or location(p) == cell) for p in problems
        ):
            where = f" at {cell}" if cell else ""
            seen = [location(p) for p in problems if p.get("code") == code]
            hint = f" (reported at {seen})" if seen else ""
            out.append(f"problems: expected {code}{where}, not reported{hint}")
    return out


def _forbidden_problems(codes: list[str], problems: list[dict[str, Any]]) -> list[str]:
    return [
        f"problems: {p['code']} must not be reported, got it at {location(p)}: "
        f"{p.get('message', '')}"
        for p in problems
        if p.get("code") in codes
    ]
