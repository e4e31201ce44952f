"""Text as compared: normalised wordings, fuzzy similarity and its thresholds, triwulan names.

Staff type the same sasaran, indicator or header in many ways (case, spacing, punctuation,
"Prosentase" for "Persentase", a typo). Every comparison of such text goes through one of the
normalisers below, and every fuzzy comparison through ``similarity``, with one of the named
thresholds. Pure: no I/O. (Turning a raw cell value into its text, NBSP and zero-width
characters removed, is value parsing: ``values.clean_text``; the normalisers here make
comparison keys out of text, and lose information on purpose.)

Which normaliser:

- ``fold_text``: case and spacing ignored, every character kept. For a part of a text that
  must occur in another (``cocok`` of the rules file) and for looking at an indicator's words.
- ``words_of``: also punctuation ignored, letters of any script kept. For sasaran wordings
  compared across the tables of a document and across files (calculator, rekap).
- ``normalize_text``: the reader's key: ASCII letters, digits and ``%`` only, "prosentase" =
  "persentase". For indicator and sasaran texts read from cells and realisasi sources.
- ``normalize_header``: a header cell for alias matching: punctuation inside kept ("no. urut",
  "pangkat/gol"), only trailing `` .:*`` dropped and spaces around ``/`` removed.
"""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher

from iku_excel.values import clean_text

# --------------------------------------------------------------------------- normalisers


def fold_text(text: str) -> str:
    """Case-folded, whitespace collapsed: how ``cocok`` and wording checks compare text."""
    return " ".join(text.casefold().split())


def words_of(text: str) -> str:
    """Case-folded words: punctuation and spacing do not make two wordings differ."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


@functools.lru_cache(maxsize=1 << 16)  # the same wordings recur in every row and workbook
def normalize_text(text: str) -> str:
    """Lower case, "prosentase" = "persentase", every run of characters other than ASCII
    letters, digits and ``%`` one space, stripped."""
    text = text.lower().replace("prosentase", "persentase")
    return re.sub(r"[^0-9a-z%]+", " ", text).strip()


def normalize_header(value: object) -> str:
    """Lower case, one space between words, no trailing punctuation, Prosentase = Persentase."""
    return _normalize_header(clean_text(value))


@functools.lru_cache(maxsize=1 << 14)  # header detection looks at each cell about three times
def _normalize_header(text: str) -> str:
    text = text.lower()
    text = text.replace("prosentase", "persentase").rstrip(" .:*")
    text = re.sub(r"\s*/\s*", "/", text)
    return text


# --------------------------------------------------------------------------- similarity

# Thresholds on ``similarity`` (difflib's ratio, 0..1) of two normalised texts. Each is as
# strict as the cost of a wrong match at its site: the costlier the mistake, the higher.

# Reader: a sasaran cell repeated on every indicator row, with small spelling differences, is
# still the same sasaran (``tables.same_text``). A false match would silently glue the
# indicators of two different sasaran together, so only near-identical texts match.
SASARAN_REPEATED_MIN = 0.9

# ``iku isi``: a realisasi row whose indicator text is this similar to one indicator of a
# workbook (and no other comes within the margin, below) is written into that indicator's
# row. A wrong match writes a number into the wrong row of a staff workbook, the costliest
# mistake, so the bar is high (README: "minimal 90%") and a close runner-up makes it ambiguous.
INDIKATOR_FUZZY_MIN = 0.90
# ... and the runner-up must stay this far below the best, or the row is reported as
# ambiguous and not written: two indicators that differ by a word are never guessed between.
INDIKATOR_FUZZY_MARGIN = 0.03

# ``iku rekap``: sasaran of different files (offices) this similar share one row of the Per
# Sasaran sheet. Offices reword the same sasaran more freely than one table repeats itself, and
# every wording that joined by similarity is shown in CATATAN and Masalah with its ratio, so a
# wrong merge is visible; hence below the reader's 0.9.
SASARAN_ACROSS_FILES_MIN = 0.85

# Calculator: a sasaran of the target/anggaran table this similar to an IKU sasaran is that
# sasaran reworded (``sasaran-beda-kata``, not ``sasaran-tidak-ditemukan``) and its programs
# serve it for efisiensi. Both outcomes are reported to the user as a warning, never acted on
# silently, so the loosest threshold (docs/perhitungan.md: "kemiripan >= 80%").
SASARAN_REWORDED_MIN = 0.8


def similarity(a: str, b: str) -> float:
    """How alike two (normalised) texts are, 0..1: difflib's ``SequenceMatcher.ratio``."""
    return SequenceMatcher(None, a, b).ratio()


def similarity_at_least(a: str, b: str, floor: float) -> float | None:
    """``similarity(a, b)``, or ``None`` when its cheap upper bounds (``real_quick_ratio``,
    ``quick_ratio``) already stay below ``floor``: most unlike texts stop there, without the
    costly exact ratio. A result may still be below ``floor``."""
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return None
    return matcher.ratio()


# --------------------------------------------------------------------------- triwulan

TW_NAMES = ("TW I", "TW II", "TW III", "TW IV")  # as printed and as named in messages
# The words before a triwulan's numeral, in normalised (lower-case) text: "TW", "Trw",
# "Triwulan", "Tri Wulan", "Q"; a regex alternation without a group, for larger patterns.
TW_WORDS = "tw|trw|triwulan|tri wulan|q"
# A triwulan's numeral, roman or arabic, as one capturing group; its value is TW_NUMBERS[...].
TW_NUMERAL = "(iv|iii|ii|i|[1-4])"
TW_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


__all__ = [
    "INDIKATOR_FUZZY_MARGIN",
    "INDIKATOR_FUZZY_MIN",
    "SASARAN_ACROSS_FILES_MIN",
    "SASARAN_REPEATED_MIN",
    "SASARAN_REWORDED_MIN",
    "TW_NAMES",
    "TW_NUMBERS",
    "TW_NUMERAL",
    "TW_WORDS",
    "fold_text",
    "normalize_header",
    "normalize_text",
    "similarity",
    "similarity_at_least",
    "words_of",
]
