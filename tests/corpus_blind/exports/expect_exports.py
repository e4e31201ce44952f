"""Compare a reader result (or a refusal) with an expectation of this corpus.

The format is the partial format of tests/corpus/expect.py (README there), reimplemented here
so that this corpus does not move when that file does, plus these extensions (README.md):

* ``refused: true`` with ``message_contains: [...]``: the reader must refuse the file (raise
  its error; the CLI exits non-zero with no JSON). Each listed word must occur in the message,
  compared case-insensitively after whitespace normalisation. No other key is checked.
* ``problems_expected`` items may carry ``severity`` ("error" | "warning" | "info"): the
  matching problem must have it.
* ``without_libreoffice``: the expectation that replaces the whole one when LibreOffice is not
  installed (the .xls case); pick it with ``applicable()``.
* ``pk_refused: true``: a writer asked for a Perjanjian Kinerja from this file must refuse
  (``check()`` ignores it; see ``check_pk()``).

Nothing here imports iku_excel.
"""

from __future__ import annotations

import math
from typing import Any

NOT_CHECKED = {"problems_expected", "problems_forbidden", "pk_refused", "without_libreoffice",
               "refused", "message_contains"}  # fmt: skip


def applicable(expected: dict[str, Any], libreoffice: bool) -> dict[str, Any]:
    """The expectation that holds on this machine."""
    if not libreoffice and "without_libreoffice" in expected:
        return expected["without_libreoffice"]
    return expected


def check(
    expected: dict[str, Any],
    actual: dict[str, Any] | None = None,
    error: str | None = None,
) -> list[str]:
    """Every way the outcome differs from the expectation, one line each.

    ``actual`` is the reader's JSON (a dict) when it read the file; ``error`` the message of
    its refusal (exception text, or the CLI's stderr) when it refused."""
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
    out: list[str] = []
    problems = actual.get("problems") or []
    for key, want in expected.items():
        if key.startswith("_") or key in NOT_CHECKED:
            continue
        if key not in actual:
            out.append(f"{key}: missing (expected {want!r})")
        else:
            _compare(want, actual[key], key, out)
    out.extend(_missing(expected.get("problems_expected", []), problems))
    out.extend(_forbidden(expected.get("problems_forbidden", []), problems))
    return out


def check_pk(expected: dict[str, Any], pk_refused: bool) -> list[str]:
    """``pk_refused``: whether the PK writer refused this file."""
    if expected.get("pk_refused") and not pk_refused:
        return ["a PK was written from a file that has no targets"]
    return []


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _compare(want: Any, got: Any, path: str, out: list[str]) -> None:
    if isinstance(want, dict):
        if not isinstance(got, dict):
            out.append(f"{path}: expected an object, got {got!r}")
            return
        for k, v in want.items():
            if k not in got:
                out.append(f"{path}.{k}: missing (expected {v!r})")
            else:
                _compare(v, got[k], f"{path}.{k}", out)
    elif isinstance(want, list):
        if not isinstance(got, list):
            out.append(f"{path}: expected a list, got {got!r}")
            return
        if len(want) != len(got):
            out.append(f"{path}: expected {len(want)} items, got {len(got)}")
        for i, (w, g) in enumerate(zip(want, got, strict=False)):
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
    sheet, cell = problem.get("sheet"), problem.get("cell")
    if cell and "!" in cell:
        return str(cell)
    if sheet and cell:
        return f"{sheet}!{cell}"
    return cell or sheet


def _missing(wanted: list[dict[str, Any]], problems: list[dict[str, Any]]) -> list[str]:
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
            seen = [(location(p), p.get("severity")) for p in problems if p.get("code") == code]
            hint = f" (reported: {seen})" if seen else ""
            out.append(f"problems: expected {code}{sev}{where}, not reported{hint}")
    return out


def _forbidden(codes: list[str], problems: list[dict[str, Any]]) -> list[str]:
    return [
        f"problems: {p['code']} must not be reported, got it at {location(p)}: "
        f"{p.get('message', '')}"
        for p in problems
        if p.get("code") in codes
    ]
