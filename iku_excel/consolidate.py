"""Rekap consolidation: many SAKIP workbooks read, computed and matched up (``iku rekap``).

``consolidate(sources, aturan)`` reads each source with the reader (any layout it
understands), computes it with the calculator, groups the sasaran of all files and labels the
files' columns: a ``Consolidation`` that ``write/rekap.py`` writes as the rekap workbook, and
that gives the ``RekapReport``. No workbook is written here.

Each source is isolated: a file that cannot be read (``IkuError``), or that trips anything
else, is recorded as failed with a one-line message, and the rekap goes on.

Columns belong to source files, not to instansi names: the four quarterly files of one office
are four columns, labelled "KECAMATAN X (nama berkas)" when their names repeat.

Sasaran are matched across files by wording (``group_sasaran``): equal once case, punctuation
and spacing are ignored; otherwise the most similar sasaran met so far (``text.similarity`` >=
``text.SASARAN_ACROSS_FILES_MIN``, 0.85, against its first wording) that has no sasaran of the
same file yet. The first wording names
the row; every other wording is noted in the CATATAN column and in Masalah
(``sasaran-beda-kata``), so staff can unify them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from iku_excel.calc import Aturan, HasilDokumen, Kode, compute_dokumen, round_half_away
from iku_excel.errors import IkuError, IkuFileError, Problem, Severity
from iku_excel.model import Sasaran
from iku_excel.read.workbook import read_workbook
from iku_excel.text import SASARAN_ACROSS_FILES_MIN, fold_text, similarity, words_of

__all__ = [
    "Berkas",
    "BerkasGagal",
    "Consolidation",
    "KelompokSasaran",
    "RekapReport",
    "column_labels",
    "consolidate",
    "display_names",
    "group_sasaran",
    "masalah_of",
    "rank_descending",
    "rounded_mean",
    "sasaran_value",
]

KODE_BERKAS_GAGAL = "berkas-gagal"
KODE_TANPA_INDIKATOR = "rekap-tanpa-indikator"
KODE_INSTANSI_GANDA = "instansi-ganda"
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True, slots=True)
class BerkasGagal:
    """A source that could not be used, with its one-line Indonesian message."""

    file: str
    message: str
    nama: str = ""  # the file as the rekap names it (see ``display_names``)


@dataclass(frozen=True, slots=True)
class RekapReport:
    """What ``build_rekap`` did. ``files_done`` were read and computed (with or without
    problems); ``files_with_problems`` are those of them with an error or a warning (INFO notes
    do not count); ``problems`` are all of them, located, as in the Masalah sheet."""

    files_done: tuple[str, ...]
    files_with_problems: tuple[str, ...]
    files_failed: tuple[BerkasGagal, ...]
    rows_written: int
    problems: tuple[Problem, ...]

    @property
    def exit_code(self) -> int:
        """0 every file done without problems; 1 some file had problems or failed."""
        return 1 if self.files_failed or self.files_with_problems else 0

    def summary(self) -> str:
        """One Indonesian line for the end of ``iku rekap``."""
        return (
            f"{len(self.files_done)} berkas direkap ({len(self.files_with_problems)} dengan "
            f"masalah), {len(self.files_failed)} gagal; {self.rows_written} baris indikator"
        )


# --------------------------------------------------------------------------- reading sources


@dataclass(frozen=True, slots=True)
class Berkas:
    """A source read and computed; ``problems`` located in it."""

    path: Path
    hasil: HasilDokumen
    problems: tuple[Problem, ...]
    nama: str  # how the rekap names the file: unique among its sources

    @property
    def instansi(self) -> str:
        return self.hasil.dokumen.identitas.instansi.strip() or self.path.stem

    @property
    def tahun(self) -> int | None:
        return self.hasil.dokumen.identitas.tahun


def _try_read(path: Path, nama: str, aturan: Aturan) -> Berkas | BerkasGagal:
    """One source, isolated: whatever goes wrong becomes a ``BerkasGagal``."""
    try:
        return _read(path, nama, aturan)
    except IkuError as exc:
        message = exc.message if isinstance(exc, IkuFileError) else str(exc)
        return BerkasGagal(str(path), _one_line(message), nama)
    except Exception as exc:  # a bug or an unforeseen file must not stop the other files
        detail = _one_line(f"{type(exc).__name__}: {exc}")
        message = f"kesalahan tak terduga saat membaca ({detail}); laporkan ke pengembang"
        return BerkasGagal(str(path), message, nama)


def _read(path: Path, nama: str, aturan: Aturan) -> Berkas:
    result = read_workbook(path)
    hasil = compute_dokumen(result.dokumen, aturan)
    problems = [p.at(file=nama) for p in result.problems]
    problems += _located(hasil, nama)
    if not hasil.indikator:
        problems.append(
            Problem(
                KODE_TANPA_INDIKATOR,
                "berkas tidak memuat indikator; tidak ada baris untuk rekap",
                Severity.WARNING,
                file=nama,
            )
        )
    return Berkas(path, hasil, tuple(problems), nama)


def _located(hasil: HasilDokumen, file: str) -> list[Problem]:
    """The calculator's problems (located at their indicator's cell already) with the file."""
    return [p.at(file=file) for p in hasil.problems]


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- sasaran matching


@dataclass(frozen=True, slots=True)
class KelompokSasaran:
    """One sasaran across files: ``uraian`` is the first wording met; ``anggota`` the
    (file index, sasaran index) pairs in it; ``beda_kata`` the members worded differently:
    (file index, sasaran index, ratio of similarity to ``uraian``)."""

    uraian: str
    anggota: tuple[tuple[int, int], ...]
    beda_kata: tuple[tuple[int, int, float], ...] = ()


@dataclass
class _Draft:
    uraian: str
    kunci: str
    anggota: list[tuple[int, int]]
    beda_kata: list[tuple[int, int, float]]


def group_sasaran(
    wordings: Sequence[Sequence[str]], ambang: float = SASARAN_ACROSS_FILES_MIN
) -> tuple[KelompokSasaran, ...]:
    """Group the sasaran of many files (``wordings[file][sasaran]``), in order of appearance.

    Per file, equal wordings join first (so a fuzzy match never takes the row of a sasaran the
    file also has word for word); then each other sasaran joins the most similar group (ratio
    >= ``ambang`` against the group's first wording; the earlier group on a tie) that has no
    sasaran of this file yet, so two different sasaran of one instansi never merge; otherwise
    it starts a group. Comparing with the first wording, not the latest, keeps a chain of small
    changes from drifting into another sasaran."""
    drafts: list[_Draft] = []
    for b, texts in enumerate(wordings):
        keys = [words_of(t) for t in texts]
        pending = [s for s, key in enumerate(keys) if not _join_equal(drafts, b, s, key)]
        for s in pending:  # equal again: a wording this file repeats joins its own new row
            if not _join_equal(drafts, b, s, keys[s]):
                _join_similar(drafts, b, s, texts[s], keys[s], ambang)
    return tuple(KelompokSasaran(d.uraian, tuple(d.anggota), tuple(d.beda_kata)) for d in drafts)


def _join_equal(drafts: list[_Draft], b: int, s: int, key: str) -> bool:
    for draft in drafts:
        if draft.kunci == key:
            draft.anggota.append((b, s))
            return True
    return False


def _join_similar(drafts: list[_Draft], b: int, s: int, text: str, key: str, ambang: float) -> None:
    best: _Draft | None = None
    best_ratio = 0.0
    for draft in drafts:
        if any(member[0] == b for member in draft.anggota):
            continue
        ratio = similarity(key, draft.kunci)
        if ratio >= ambang and ratio > best_ratio:
            best, best_ratio = draft, ratio
    if best is None:
        drafts.append(_Draft(text.strip(), key, [(b, s)], []))
    else:
        best.anggota.append((b, s))
        best.beda_kata.append((b, s, best_ratio))


# --------------------------------------------------------------------------- ranks


def rank_descending(values: Sequence[Decimal | None]) -> list[int | None]:
    """Each value's rank, highest first, as Excel's RANK(x, range, 0): 1 + how many values are
    larger, so equal values share a rank and the next rank is skipped; None has no rank."""
    known = [v for v in values if v is not None]
    return [None if v is None else 1 + sum(1 for w in known if w > v) for v in values]


# --------------------------------------------------------------------------- consolidate


@dataclass(frozen=True, slots=True)
class Consolidation:
    """The sources of a rekap, read and matched up. ``outcomes``: every source in order, read
    (``Berkas``) or failed, with the notes of the consolidation among its problems; ``done``:
    the ones read, one column each, named by ``labels``; ``kelompok``: the sasaran across
    files, one row each."""

    outcomes: tuple[Berkas | BerkasGagal, ...]
    done: tuple[Berkas, ...]
    labels: tuple[str, ...]
    kelompok: tuple[KelompokSasaran, ...]

    def report(self, rows_written: int) -> RekapReport:
        """The report of a rekap that wrote ``rows_written`` indicator rows."""
        with_problems = [
            str(b.path)
            for b in self.done
            if any(p.severity is not Severity.INFO for p in b.problems)
        ]
        problems = [p for o in self.outcomes for p in masalah_of(o)]
        return RekapReport(
            files_done=tuple(str(b.path) for b in self.done),
            files_with_problems=tuple(with_problems),
            files_failed=tuple(o for o in self.outcomes if isinstance(o, BerkasGagal)),
            rows_written=rows_written,
            problems=tuple(problems),
        )


def consolidate(
    sources: Sequence[Path],
    aturan: Aturan,
    on_progress: Callable[[Path], None] | None = None,
) -> Consolidation:
    """Read and compute every source with ``aturan`` on its own (a file that fails becomes a
    ``BerkasGagal``, never raised), note twins and differently worded sasaran, group the
    sasaran and label the columns. ``on_progress`` is called with each source once it is done
    (or failed)."""
    paths = [Path(s) for s in sources]
    outcomes: list[Berkas | BerkasGagal] = []
    for path, nama in zip(paths, display_names(paths), strict=True):
        outcomes.append(_try_read(path, nama, aturan))
        if on_progress is not None:
            on_progress(path)
    outcomes = _with_duplicate_notes(outcomes)
    done = [o for o in outcomes if isinstance(o, Berkas)]
    kelompok = group_sasaran([[hs.sasaran.uraian for hs in b.hasil.sasaran] for b in done])
    labels = column_labels([b.instansi for b in done], [b.path for b in done])
    outcomes = _with_wording_notes(outcomes, done, kelompok)
    done = [o for o in outcomes if isinstance(o, Berkas)]
    return Consolidation(tuple(outcomes), tuple(done), tuple(labels), kelompok)


def display_names(paths: Sequence[Path]) -> list[str]:
    """Each file's name as the rekap shows it: the bare name, or when two sources share it
    (``tw3/legok.xlsx``, ``lama/legok.xlsx``), its path from the folder they share."""
    names = [p.name for p in paths]
    if len(set(names)) == len(names):
        return names
    resolved = [p.resolve() for p in paths]
    common = Path(os.path.commonpath(resolved))
    return [
        n if names.count(n) == 1 else r.relative_to(common).as_posix()
        for n, r in zip(names, resolved, strict=True)
    ]


def _with_duplicate_notes(
    outcomes: list[Berkas | BerkasGagal],
) -> list[Berkas | BerkasGagal]:
    """A note on every file whose instansi and year another file has too. Often meant (the
    four quarterly reports of one office, each its own column), sometimes not (an old version
    left in the folder, a copy filled by ``iku isi``): only the user knows, so it is an INFO in
    the Masalah sheet, not a problem."""
    by_office: dict[tuple[str, int | None], list[Berkas]] = {}
    for o in outcomes:
        if isinstance(o, Berkas):
            by_office.setdefault(_office_key(o), []).append(o)
    noted: list[Berkas | BerkasGagal] = []
    for o in outcomes:
        twins = by_office[_office_key(o)] if isinstance(o, Berkas) else []
        if isinstance(o, Berkas) and len(twins) > 1:
            others = ", ".join(t.nama for t in twins if t is not o)
            tahun = f" tahun {o.tahun}" if o.tahun else ""
            note = Problem(
                KODE_INSTANSI_GANDA,
                f"instansi '{o.instansi}'{tahun} juga ada di {others}; masing-masing direkap "
                "sebagai kolom sendiri (mis. laporan per triwulan). Bila salah satunya versi "
                "lama, keluarkan dari rekap agar rata-rata dan peringkat tidak menghitungnya dua "
                "kali",
                Severity.INFO,
                file=o.nama,
            )
            o = replace(o, problems=(note, *o.problems))
        noted.append(o)
    return noted


def _office_key(berkas: Berkas) -> tuple[str, int | None]:
    return fold_text(berkas.instansi), berkas.tahun


def column_labels(instansi: Sequence[str], paths: Sequence[Path]) -> list[str]:
    """A distinct label per file: the instansi; with the file name when instansi repeat; with
    a number when even that repeats (one file name in two folders)."""
    names = [" ".join(n.split()) for n in instansi]
    folded = [n.casefold() for n in names]
    labels = [
        n if folded.count(n.casefold()) == 1 else f"{n} ({p.stem})"
        for n, p in zip(names, paths, strict=True)
    ]
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        if labels.count(label) > 1:
            seen[label] = seen.get(label, 0) + 1
            label = f"{label} #{seen[label]}"
        unique.append(label)
    return unique


def _with_wording_notes(
    outcomes: list[Berkas | BerkasGagal],
    done: Sequence[Berkas],
    kelompok: Sequence[KelompokSasaran],
) -> list[Berkas | BerkasGagal]:
    """Each file's problems plus a ``sasaran-beda-kata`` warning per sasaran it words
    differently from the rekap's row."""
    notes: dict[int, list[Problem]] = {}
    for group in kelompok:
        for b, s, ratio in group.beda_kata:
            sasaran = done[b].hasil.sasaran[s].sasaran
            notes.setdefault(id(done[b]), []).append(
                _wording_problem(done[b], sasaran, group, ratio)
            )
    noted: list[Berkas | BerkasGagal] = []
    for o in outcomes:
        if isinstance(o, Berkas) and id(o) in notes:
            o = replace(o, problems=(*o.problems, *notes[id(o)]))
        noted.append(o)
    return noted


def _wording_problem(
    berkas: Berkas, sasaran: Sasaran, group: KelompokSasaran, ratio: float
) -> Problem:
    first = sasaran.indikator[0].sel_of("uraian") if sasaran.indikator else None
    return Problem(
        Kode.SASARAN_BEDA_KATA,
        f"Sasaran {sasaran.no} '{sasaran.uraian.strip()}' dianggap sama dengan sasaran "
        f"'{group.uraian}' berkas lain (kemiripan {ratio_text(ratio)}); di rekap dipakai kata-kata "
        "yang pertama. Samakan kata-katanya di semua berkas",
        Severity.WARNING,
        file=berkas.nama,
        sheet=first.sheet if first is not None else None,
    )


def masalah_of(outcome: Berkas | BerkasGagal) -> list[Problem]:
    """The Masalah rows of one source: its failure, or its problems, errors first."""
    if isinstance(outcome, BerkasGagal):
        nama = outcome.nama or Path(outcome.file).name
        return [Problem(KODE_BERKAS_GAGAL, outcome.message, file=nama)]
    return sorted(outcome.problems, key=lambda p: _SEVERITY_ORDER[p.severity])


# --------------------------------------------------------------------------- means


def sasaran_value(berkas: Berkas, group: KelompokSasaran, b: int) -> Decimal | None:
    """The value of a Per Sasaran cell: the mean of the file's indicator capaian in it."""
    values = [
        hi.capaian for bb, s in group.anggota if bb == b for hi in berkas.hasil.sasaran[s].indikator
    ]
    return rounded_mean(values)


def rounded_mean(values: Sequence[Decimal | None]) -> Decimal | None:
    """Excel's ROUND(AVERAGE(...), 2) over the numbers among ``values``; None when none."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    return round_half_away(sum(known, Decimal(0)) / len(known))


def ratio_text(ratio: float) -> str:
    """A ratio the Indonesian way: 0,93."""
    return f"{ratio:.2f}".replace(".", ",")
