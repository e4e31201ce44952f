"""Hostile and broken files through every command, as a user meets them (issue 7).

Every file of tests/hostile/ (written by ``make_hostile.py``) goes through ``iku baca``,
``iku hitung -o``, ``iku lampiran -o``, ``iku isi -o`` and ``iku rekap -o``, each one a separate
``python -m iku_excel`` process limited to 1 GiB of address space (``RLIMIT_AS``) and killed after
30 s. Every run must end with exit code 1 or 2 (0 or 1 for the files that hold a good table),
print no traceback and, for exit code 2, exactly one Indonesian line naming the file; the source
is never modified and no temporary file is left behind.

The rest of the file covers what is not a file's content: outputs that already exist, --debug,
paths that are missing or are folders, permissions, a file locked by another program and a disk
that fills up while writing. docs/keandalan.md reports the figures this file measures.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hostile.make_hostile import (
    CORPUS,
    GIB,
    INDIKATOR,
    INDIKATOR_NAMES,
    READABLE,
    REALISASI_CSV,
    REALISASI_HOSTILE,
    TRAVERSAL_TARGETS,
    build,
)

from iku_excel import fileio
from iku_excel.cli import main
from iku_excel.errors import IkuFileError
from iku_excel.read.workbook import read_workbook
from iku_excel.xlsx.patch import CellWrite, patch_workbook, read_cells, sheet_part_names

REPO = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "hostile"
COMMANDS = ("baca", "hitung", "lampiran", "isi", "rekap")
TIME_LIMIT = 30.0  # seconds per run (issue 7)
MEMORY_LIMIT = GIB  # address space per run (issue 7): past it a run dies or fails
# Peak RSS a run may reach: a run can never pass MEMORY_LIMIT, so this is what shows a run that
# reads a bomb into memory before refusing it (measured peak: about 63 MB).
MEMORY_BUDGET = 256 * 2**20
WORKERS = 2

# What the one line must say for each file that cannot be used.
REFUSAL = {
    "bom_zip_1gb.xlsx": "Limits.max_member_bytes",
    "luas_xfd1048576.xlsx": "tidak ditemukan tabel",
    "bom_entitas_sharedstrings.xlsx": "sharedStrings.xml memuat deklarasi DTD/entitas",
    "bom_entitas_workbook.xlsx": "workbook.xml memuat deklarasi DTD/entitas",
    "xxe_etc_passwd.xlsx": "memuat deklarasi DTD/entitas",
    "terkunci_sandi.xlsx": "terkunci kata sandi",
    "excel_lama.xls": "Excel lama (.xls)",
    "excel_lama_diganti_nama.xlsx": "Excel lama (.xls)",
    "terpotong.xlsx": "rusak atau terpotong",
    "kosong_0_byte.xlsx": "kosong (0 byte)",
    "halaman_web.xlsx": "bukan berkas Excel .xlsx",
    "csv_diganti_nama.xlsx": "bukan berkas Excel .xlsx",
    "tanpa_sharedstrings.xlsx": "teks bersama nomor 0 yang tidak ada",
    "anggota_20000.xlsx": "Limits.max_members",
    "xml_sheet_rusak.xlsx": "XML rusak",
    "buku_kosong.xlsx": "tidak ditemukan tabel",
    "tanpa_tabel.xlsx": "tidak ditemukan tabel",
    "zip_biasa.xlsx": "workbook.xml tidak ada",
    "anggota_terenkripsi.xlsx": "kata sandi zip",
}
assert set(REFUSAL) | READABLE == set(CORPUS) and not set(REFUSAL) & READABLE

# Known defects, reported and not yet fixed in the library: (file, command) -> reason. Each is a
# strict xfail: when the library is fixed the test passes, pytest reports XPASS as a failure,
# and the entry goes. A file listed with command None hangs: only ``iku baca`` runs, with a
# short time limit, so that the suite stays fast. Empty: every defect the corpus found (a
# reader that scanned every row x column up to XFD1048576, 1e308 in a lampiran, rekap of a lone
# .xls, realisasi files that crashed or filled the memory) is fixed.
NOT_FIXED: dict[tuple[str, str | None], str] = {}
HANG_TIME_LIMIT = 8.0


def _known(name: str, command: str) -> str | None:
    return NOT_FIXED.get((name, command)) or NOT_FIXED.get((name, None))


def _hangs(name: str) -> bool:
    return (name, None) in NOT_FIXED


# --- Running one command in its own limited process ------------------------------------------


@dataclass(frozen=True)
class Run:
    name: str
    command: str
    args: tuple[str, ...]
    workdir: Path
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int
    killed: bool
    source_before: str
    source_after: str

    @property
    def lines(self) -> list[str]:
        """Stderr without blank lines and INFO notes."""
        return [x for x in self.stderr.splitlines() if x.strip() and "[INFO]" not in x]

    def describe(self) -> str:
        return (
            f"{self.name} {self.command}: exit {self.code}, {self.seconds:.1f} s, "
            f"{self.peak_bytes / 2**20:.0f} MB\n--- stdout\n{self.stdout[-2000:]}\n"
            f"--- stderr\n{self.stderr[-3000:]}"
        )


def _limit_memory() -> None:  # runs in the child, between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_limited(
    args: list[str], cwd: Path, *, time_limit: float = TIME_LIMIT
) -> tuple[int, str, str, float, int, bool]:
    """``python -m iku_excel ARGS`` in ``cwd`` under the memory limit, killed after
    ``time_limit``: (exit code, stdout, stderr, seconds, peak resident bytes, killed)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "iku_excel", *args],
            cwd=cwd,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=_limit_memory,
        )
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            process.kill()

        timer = threading.Timer(time_limit, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)  # wait4: this child's own peak memory
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return (
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss * 1024,  # kilobytes on Linux
            killed.is_set(),
        )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "(hilang)"


def command_args(command: str, source: str) -> list[str]:
    return {
        "baca": ["baca", source],
        "hitung": ["hitung", source, "-o", "keluar/hitung.xlsx"],
        "lampiran": ["lampiran", source, "-o", "keluar/lampiran.xlsx"],
        "isi": ["isi", source, "--realisasi", REALISASI_CSV, "-o", "keluar_isi", "-s"],
        "rekap": ["rekap", source, "-o", "keluar/rekap.xlsx", "-s"],
    }[command]


def run_one(name: str, command: str, root: Path) -> Run:
    workdir = root / f"{Path(name).stem}-{command}"
    workdir.mkdir()
    source = workdir / name
    shutil.copyfile(HOSTILE / name, source)
    shutil.copyfile(HOSTILE / REALISASI_CSV, workdir / REALISASI_CSV)
    before = _digest(source)
    args = command_args(command, name)
    limit = HANG_TIME_LIMIT if _hangs(name) else TIME_LIMIT
    code, out, err, seconds, peak, killed = run_limited(args, workdir, time_limit=limit)
    return Run(name, command, tuple(args), workdir, code, out, err, seconds, peak, killed,
               before, _digest(source))  # fmt: skip


def _jobs() -> list[tuple[str, str]]:
    jobs = []
    for name in CORPUS:
        for command in COMMANDS:
            if _hangs(name) and command != "baca":
                continue
            jobs.append((name, command))
    return jobs


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Run]:
    """Every (file, command) run once, two at a time."""
    for target in TRAVERSAL_TARGETS:
        Path(target).unlink(missing_ok=True)
    root = tmp_path_factory.mktemp("hostile")
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        done = pool.map(lambda job: run_one(job[0], job[1], root), _jobs())
        return {(r.name, r.command): r for r in done}


# --- Every file through every command ----------------------------------------------------------


def _cases() -> Iterator[Any]:
    for name, command in _jobs():
        reason = _known(name, command)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(name, command, marks=marks, id=f"{name}-{command}")


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(".") and p.name.endswith(".tmp")]


def _rekap_problems(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = wb["Masalah"]
        return [
            " | ".join(str(v) for v in row if v is not None)
            for row in ws.iter_rows(values_only=True)
        ]
    finally:
        wb.close()


@pytest.mark.parametrize(("name", "command"), _cases())
def test_every_command_survives_every_file(
    runs: dict[tuple[str, str], Run], name: str, command: str
) -> None:
    run = runs[(name, command)]
    about = run.describe()
    # Bounded: time, memory, no crash, nothing lost.
    assert not run.killed and run.seconds < TIME_LIMIT, about
    assert run.peak_bytes < MEMORY_BUDGET, about
    assert "Traceback" not in run.stdout + run.stderr, about
    assert "kesalahan tak terduga" not in run.stderr, about
    assert run.source_after == run.source_before, "the source was modified"
    assert not _temporaries(run.workdir), "a temporary file was left behind"
    assert "root:x:0:0" not in run.stdout + run.stderr  # the XXE never read /etc/passwd
    if name in READABLE:
        _check_read(run)
    else:
        _check_refused(run, REFUSAL[name])


def _check_read(run: Run) -> None:
    about = run.describe()
    assert run.code in (0, 1), about
    keluar = run.workdir / "keluar"
    if run.command == "baca":
        for indikator in INDIKATOR_NAMES:
            assert indikator in run.stdout, about
    elif run.command == "hitung":
        result = read_workbook(keluar / "hitung.xlsx")
        assert [i.uraian for i in result.dokumen.indikator] == list(INDIKATOR_NAMES)
    elif run.command == "lampiran":
        assert zipfile.is_zipfile(keluar / "lampiran.xlsx"), about
    elif run.command == "isi":
        assert "[gagal]" not in run.stderr, about
        assert (run.workdir / "keluar_isi" / run.name).is_file(), about
    elif run.command == "rekap":
        assert "1 berkas direkap" in run.stderr and " 0 gagal" in run.stderr, about


def _check_refused(run: Run, reason: str) -> None:
    about = run.describe()
    keluar = run.workdir / "keluar"
    # rekap given only a legacy .xls has no workbook at all: it stops with one line, as baca
    nothing_to_do = (run.name, run.command) == ("excel_lama.xls", "rekap")
    if run.command in ("baca", "hitung", "lampiran") or nothing_to_do:
        assert run.code == 2, about
        assert run.stdout == "", about
        assert len(run.lines) == 1, about
        line = run.lines[0]
        assert line.startswith("iku: galat: ") and run.name in line, about
        assert reason in line, about
        assert not keluar.exists() or not any(keluar.iterdir()), "an output was written"
    elif run.command == "isi":
        assert run.code == 1, about
        if run.name.endswith(".xls"):  # not a workbook name isi looks for
            errors = [x for x in run.lines if x.strip().startswith("[GALAT]")]
            assert len(errors) == 1 and run.name in errors[0] and reason in errors[0], about
        else:
            failed = [x for x in run.lines if x.strip().startswith("[gagal]")]
            assert len(failed) == 1 and run.name in failed[0] and reason in failed[0], about
        written = [p.name for p in (run.workdir / "keluar_isi").iterdir()]
        assert all(n.startswith("tanda_terima_isi_") for n in written), written
    else:  # rekap: a rekap is written, the file is listed as failed with its reason
        assert run.code == 1, about
        assert "0 berkas direkap" in run.stderr and "1 gagal" in run.stderr, about
        problems = "\n".join(_rekap_problems(keluar / "rekap.xlsx"))
        assert run.name in problems and reason in problems, problems


# --- Hostile realisasi files for ``iku isi --realisasi`` -----------------------------------------

REALISASI_FILES = {
    **{name: REFUSAL[name] for name in (
        "bom_zip_1gb.xlsx", "bom_entitas_sharedstrings.xlsx", "xxe_etc_passwd.xlsx",
        "kosong_0_byte.xlsx", "terkunci_sandi.xlsx", "halaman_web.xlsx", "terpotong.xlsx",
        "anggota_20000.xlsx")},
    "luas_xfd1048576.xlsx": "tidak ada kolom",
    "excel_lama.xls": "harus .csv atau .xlsx",
    "realisasi_biner.csv": "realisasi_biner.csv",
    "realisasi_sel_panjang.csv": "realisasi_sel_panjang.csv",
}  # fmt: skip
# Excel's "Unicode Text" export (UTF-16 with BOM, tabs) is a realisasi file like any other.
REALISASI_ACCEPTED = {"realisasi_utf16.csv"}
assert set(REALISASI_HOSTILE) <= set(REALISASI_FILES) | REALISASI_ACCEPTED
REALISASI_NOT_FIXED: dict[str, str] = {}  # name -> reason, as NOT_FIXED


@pytest.fixture(scope="module")
def realisasi_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    root = tmp_path_factory.mktemp("realisasi")

    def one(name: str) -> Run:
        workdir = root / Path(name).stem
        workdir.mkdir()
        shutil.copyfile(HOSTILE / "dimensi_bohong.xlsx", workdir / "dimensi_bohong.xlsx")
        shutil.copyfile(HOSTILE / name, workdir / name)
        before = _digest(workdir / name)
        args = ["isi", "dimensi_bohong.xlsx", "--realisasi", name, "-o", "keluar_isi", "-s"]
        limit = HANG_TIME_LIMIT if name in REALISASI_NOT_FIXED else TIME_LIMIT
        code, out, err, seconds, peak, killed = run_limited(args, workdir, time_limit=limit)
        return Run(name, "isi --realisasi", tuple(args), workdir, code, out, err, seconds, peak,
                   killed, before, _digest(workdir / name))  # fmt: skip

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return {run.name: run for run in pool.map(one, REALISASI_FILES)}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason=REALISASI_NOT_FIXED[name])]
            if name in REALISASI_NOT_FIXED
            else [],
        )
        for name in REALISASI_FILES
    ],
)
def test_a_hostile_realisasi_file(realisasi_runs: dict[str, Run], name: str) -> None:
    """The realisasi file comes from outside too: refused with one line naming it, before any
    workbook is touched."""
    run = realisasi_runs[name]
    about = run.describe()
    assert not run.killed and run.seconds < TIME_LIMIT, about
    assert run.peak_bytes < MEMORY_BUDGET, about
    assert "Traceback" not in run.stderr and "kesalahan tak terduga" not in run.stderr, about
    assert run.code == 2, about
    line = one_line(run.stderr)
    assert name in line and REALISASI_FILES[name] in line, about
    assert not (run.workdir / "keluar_isi").exists()
    assert run.source_after == run.source_before


@pytest.mark.parametrize("name", sorted(REALISASI_ACCEPTED))
def test_a_realisasi_file_in_another_encoding_fills_the_same_cells(
    tmp_path: Path, name: str
) -> None:
    source = tmp_path / "dimensi_bohong.xlsx"
    shutil.copyfile(HOSTILE / "dimensi_bohong.xlsx", source)
    filled = {}
    for realisasi in (REALISASI_CSV, name):
        out = tmp_path / Path(realisasi).stem
        code, _, err = cli("isi", str(source), "--realisasi", str(HOSTILE / realisasi), "-o",
                           str(out), "-s")  # fmt: skip
        assert code == 0, err
        filled[realisasi] = (out / source.name).read_bytes()
    assert filled[name] == filled[REALISASI_CSV]


def test_the_lying_dimension_is_read_completely(tmp_path: Path) -> None:
    """The sheet says A1; every indicator, target and TW value is read, through the CLI's JSON
    and through the library; ``iku isi`` fills every TW cell of it."""
    source = tmp_path / "dimensi_bohong.xlsx"
    shutil.copyfile(HOSTILE / source.name, source)
    code, out, err, *_ = run_limited(["baca", source.name, "--json"], tmp_path)
    assert code == 0, err
    document = json.loads(out)
    indikator = [i for s in document["sasaran"] for i in s["indikator"]]
    assert [i["uraian"] for i in indikator] == list(INDIKATOR_NAMES)
    assert [i["target"] for i in indikator] == [row[4] for row in INDIKATOR]
    assert [list(i["realisasi"].values()) for i in indikator] == [list(r[5:]) for r in INDIKATOR]
    result = read_workbook(source)
    assert [s.no for s in result.dokumen.sasaran] == ["1", "2", "3"]
    for ind, (_, _, uraian, satuan, target, *tw) in zip(
        result.dokumen.indikator, INDIKATOR, strict=True
    ):
        assert (ind.uraian, ind.satuan, ind.target) == (uraian, satuan, Decimal(str(target)))
        assert list(ind.realisasi) == [Decimal(str(v)) for v in tw]
    isi = ["isi", str(source), "--realisasi", str(HOSTILE / REALISASI_CSV), "-o",
           str(tmp_path / "isi"), "-s"]  # fmt: skip
    assert cli(*isi)[0] == 0
    filled = read_workbook(tmp_path / "isi" / source.name)
    for ind, (*_, tw1, tw2, tw3, tw4) in zip(filled.dokumen.indikator, INDIKATOR, strict=True):
        assert list(ind.realisasi) == [Decimal(str(v + 1)) for v in (tw1, tw2, tw3, tw4)]


@pytest.mark.parametrize("name", sorted(n for n in READABLE if not _hangs(n)))
def test_files_that_lie_are_read(name: str) -> None:
    result = read_workbook(HOSTILE / name)
    assert [i.uraian for i in result.dokumen.indikator] == list(INDIKATOR_NAMES)


def test_path_traversal_members_are_never_written(runs: dict[tuple[str, str], Run]) -> None:
    for command in COMMANDS:
        assert runs[("jalur_traversal.xlsx", command)].code in (0, 1)
    for target in TRAVERSAL_TARGETS:  # the runs fixture deleted them before running
        assert not Path(target).exists(), target
    base = runs[("jalur_traversal.xlsx", "baca")].workdir.parent.parent  # every run's folders
    assert not list(base.glob("**/iku_hostile_*.txt"))


@pytest.mark.parametrize(
    "name",
    [
        "bom_entitas_sharedstrings.xlsx",
        "bom_entitas_workbook.xlsx",
        "xxe_etc_passwd.xlsx",
        "bom_zip_1gb.xlsx",
        "anggota_20000.xlsx",
        "anggota_terenkripsi.xlsx",
    ],
)
def test_the_cell_patcher_has_no_unguarded_path(name: str) -> None:
    """``iku isi`` and ``iku hitung`` edit through xlsx.patch, which opens the zip and parses XML
    on its own: called directly (not behind the reader), it too refuses or ignores every
    entity, never expands one, and keeps to ``Limits``."""
    data = (HOSTILE / name).read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        for attempt in (
            lambda: sheet_part_names(data),
            lambda: read_cells(data, "IKU", ["A1", "F5"]),
            lambda: patch_workbook(data, "IKU", [CellWrite("F5", 1)]),
        ):
            try:
                outcome = repr(attempt())
            except IkuFileError as exc:
                outcome = str(exc)
                assert "\n" not in outcome
            assert "root:x:0:0" not in outcome and "lollol" not in outcome, outcome
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 50 * 2**20


def test_summary_of_the_runs(
    runs: dict[tuple[str, str], Run], realisasi_runs: dict[str, Run]
) -> None:
    """The figures of docs/keandalan.md (printed with ``pytest -s``)."""
    every = [*runs.values(), *realisasi_runs.values()]
    slowest = max(every, key=lambda r: r.seconds)
    biggest = max(every, key=lambda r: r.peak_bytes)
    codes: dict[str, list[str]] = {}
    for (name, command), run in runs.items():
        codes.setdefault(name, []).append(f"{command}={run.code}")
    print(f"\n{len(runs)} runs over {len(CORPUS)} workbooks, {len(realisasi_runs)} realisasi files")
    print(f"slowest: {slowest.name} {slowest.command} {slowest.seconds:.2f} s")
    print(f"peak memory: {biggest.name} {biggest.command} {biggest.peak_bytes / 2**20:.0f} MB")
    for name, results in codes.items():
        print(f"  {name}: {' '.join(results)}")
    for name, run in realisasi_runs.items():
        print(f"  isi --realisasi {name}: {run.code}")
    assert len(runs) == len(_jobs()) and len(realisasi_runs) == len(REALISASI_FILES)
    assert all(r.seconds < TIME_LIMIT and r.peak_bytes < MEMORY_BUDGET for r in every)


# --- The corpus itself ---------------------------------------------------------------------------


def _fingerprint(path: Path) -> object:
    """What a file holds, independent of the zlib that compressed it: for a zip its members'
    names, sizes and CRCs; otherwise its bytes' hash."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return [(i.filename, i.file_size, i.CRC, i.flag_bits) for i in zf.infolist()]
    return _digest(path)


def test_corpus_is_what_make_hostile_writes(tmp_path: Path) -> None:
    built = build(tmp_path, xls=False)
    assert {p.name for p in built} == {*CORPUS, REALISASI_CSV, *REALISASI_HOSTILE}
    for path in built:
        assert _fingerprint(path) == _fingerprint(HOSTILE / path.name), path.name
    again = tmp_path / "lagi"
    for path in build(again, xls=False):  # deterministic: the same bytes twice
        assert path.read_bytes() == (tmp_path / path.name).read_bytes(), path.name


def test_corpus_is_small_and_the_bomb_is_a_bomb() -> None:
    files = [p for p in HOSTILE.iterdir() if p.is_file()]
    assert len([p for p in files if p.name in CORPUS]) == len(CORPUS) >= 15
    assert sum(p.stat().st_size for p in files) < 3.2 * 2**20
    bomb = HOSTILE / "bom_zip_1gb.xlsx"
    assert bomb.stat().st_size < 1.1 * 2**20
    with zipfile.ZipFile(bomb) as zf:
        assert sum(i.file_size for i in zf.infolist()) > GIB
    with zipfile.ZipFile(HOSTILE / "anggota_20000.xlsx") as zf:
        assert len(zf.infolist()) == 20_000
    assert (HOSTILE / "excel_lama.xls").read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert "Workbook".encode("utf-16-le") in (HOSTILE / "excel_lama.xls").read_bytes()


# --- Outputs, paths, permissions, locks, full disks ---------------------------------------------

GOOD = HOSTILE / "dimensi_bohong.xlsx"


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def one_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip() and "[INFO]" not in x]
    assert len(lines) == 1, err
    assert lines[0].startswith("iku: galat: ") and "Traceback" not in err, err
    return lines[0]


def writing_commands(source: Path, output: Path) -> dict[str, list[str]]:
    return {
        "hitung": ["hitung", str(source), "-o", str(output)],
        "lampiran": ["lampiran", str(source), "-o", str(output)],
        "rekap": ["rekap", str(source), "-o", str(output), "-s"],
        "template": ["template", "-o", str(output)],
    }


@pytest.mark.parametrize("command", ["hitung", "lampiran", "rekap", "template"])
def test_an_existing_output_is_never_overwritten_without_timpa(
    tmp_path: Path, command: str
) -> None:
    output = tmp_path / "sudah_ada.xlsx"
    output.write_bytes(b"punya orang lain")
    args = writing_commands(GOOD, output)[command]
    code, _, err = cli(*args)
    assert code == 2
    line = one_line(err)
    assert "sudah_ada.xlsx" in line and "sudah ada; pakai --timpa" in line
    assert output.read_bytes() == b"punya orang lain"
    assert not _temporaries(tmp_path)
    code, _, err = cli(*args, "--timpa")
    assert code in (0, 1), err
    assert zipfile.is_zipfile(output)


def test_isi_never_overwrites_an_existing_output_without_timpa(tmp_path: Path) -> None:
    source = tmp_path / "data" / GOOD.name
    source.parent.mkdir()
    shutil.copyfile(GOOD, source)
    existing = tmp_path / "hasil" / GOOD.name
    existing.parent.mkdir()
    existing.write_bytes(b"punya orang lain")
    args = ["isi", str(source), "--realisasi", str(HOSTILE / REALISASI_CSV), "-o",
            str(existing.parent), "-s"]  # fmt: skip
    code, _, err = cli(*args)
    assert code == 1 and "sudah ada; pakai --timpa" in err and "[gagal]" in err, err
    assert existing.read_bytes() == b"punya orang lain"
    code, _, err = cli(*args, "--timpa")
    assert code == 0, err
    assert zipfile.is_zipfile(existing)
    assert source.read_bytes() == GOOD.read_bytes()


def test_debug_shows_the_traceback_the_plain_run_hides(tmp_path: Path) -> None:
    shutil.copyfile(HOSTILE / "terpotong.xlsx", tmp_path / "terpotong.xlsx")
    code, _, plain, *_ = run_limited(["baca", "terpotong.xlsx"], tmp_path)
    assert code == 2 and "Traceback" not in plain
    one_line(plain)
    code, _, debug, *_ = run_limited(["--debug", "baca", "terpotong.xlsx"], tmp_path)
    assert code == 2
    # The frames name where the fault was found: the zip container's end-record search.
    assert "Traceback (most recent call last)" in debug and "_end_record_position" in debug
    assert debug.rstrip().splitlines()[-1] == plain.strip()


@pytest.mark.parametrize("command", ["baca", "hitung", "lampiran"])
def test_a_path_that_does_not_exist(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "tidak_ada.xlsx"
    args = {"baca": ["baca", str(missing)]}.get(command) or writing_commands(
        missing, tmp_path / "keluar.xlsx"
    )[command]
    code, out, err = cli(*args)
    assert code == 2 and out == ""
    line = one_line(err)
    assert "tidak_ada.xlsx" in line and "tidak ditemukan" in line
    assert not (tmp_path / "keluar.xlsx").exists()


@pytest.mark.parametrize(
    "command",
    ["isi", "rekap"],
)
def test_a_path_that_does_not_exist_in_a_batch(tmp_path: Path, command: str) -> None:
    missing = str(tmp_path / "tidak_ada.xlsx")
    args = {
        "isi": ["isi", missing, "--realisasi", str(HOSTILE / REALISASI_CSV), "-o",
                str(tmp_path / "hasil"), "-s"],
        "rekap": ["rekap", missing, "-o", str(tmp_path / "rekap.xlsx"), "-s"],
    }[command]  # fmt: skip
    code, _, err = cli(*args)
    assert "Traceback" not in err
    if command == "isi":  # a batch: the argument is reported, the others would go on
        assert code == 1 and "tidak_ada.xlsx: berkas atau folder tidak ditemukan" in err, err
    else:  # nothing to do at all
        line = one_line(err)
        assert code == 2 and "tidak_ada.xlsx: berkas atau folder tidak ditemukan" in line, err
        assert ".xls)" not in err, err
    assert not (tmp_path / "rekap.xlsx").exists()


@pytest.mark.parametrize("command", ["baca", "hitung", "lampiran"])
def test_a_folder_given_as_a_file(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "laporan.xlsx"
    folder.mkdir()
    args = {"baca": ["baca", str(folder)]}.get(command) or writing_commands(
        folder, tmp_path / "keluar.xlsx"
    )[command]
    code, _, err = cli(*args)
    assert code == 2
    line = one_line(err)
    assert "laporan.xlsx" in line and "folder" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_a_file_without_read_permission(tmp_path: Path) -> None:
    locked = tmp_path / "rahasia.xlsx"
    shutil.copyfile(GOOD, locked)
    locked.chmod(0)
    try:
        code, _, err = cli("baca", str(locked))
    finally:
        locked.chmod(0o644)
    assert code == 2
    assert "tidak ada izin" in one_line(err)


@contextlib.contextmanager
def refused_open(target: Path, exc: OSError) -> Iterator[None]:
    """Every ``open`` of ``target`` (builtins, pathlib, io) raises ``exc``, as when another
    program holds the file (Excel on Windows) or the permissions forbid it."""
    import builtins
    import io

    real_open = builtins.open
    resolved = str(target.resolve())

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == resolved:
            raise exc
        return real_open(file, *args, **kwargs)

    patch = pytest.MonkeyPatch()
    patch.setattr(builtins, "open", guarded)
    patch.setattr(io, "open", guarded)
    try:
        yield
    finally:
        patch.undo()


@pytest.mark.parametrize("command", ["baca", "hitung", "lampiran"])
def test_a_file_locked_by_another_program(tmp_path: Path, command: str) -> None:
    source = tmp_path / "dibuka_di_excel.xlsx"
    shutil.copyfile(GOOD, source)
    args = {"baca": ["baca", str(source)]}.get(command) or writing_commands(
        source, tmp_path / "keluar.xlsx"
    )[command]
    error = PermissionError(errno.EACCES, "Permission denied", str(source))
    with refused_open(source, error):
        code, _, err = cli(*args)
    assert code == 2
    line = one_line(err)
    assert "dibuka_di_excel.xlsx" in line and "tidak ada izin" in line and "Excel" in line


def test_an_output_locked_by_another_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows an output open in Excel cannot be replaced: os.replace raises
    PermissionError. The old file stays whole and no temporary file is left."""
    output = tmp_path / "lampiran.xlsx"
    output.write_bytes(b"versi lama")

    def locked(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(fileio.os, "replace", locked)
    code, _, err = cli("lampiran", str(GOOD), "-o", str(output), "--timpa")
    assert code == 2
    line = one_line(err)
    assert "lampiran.xlsx" in line and "tidak ada izin" in line and "dibuka di Excel" in line
    assert output.read_bytes() == b"versi lama"
    assert not _temporaries(tmp_path)


class _FullDisk:
    """A file object whose writes fail as on a full disk."""

    def __init__(self, fd: int, *args: Any, **kwargs: Any) -> None:
        self.fd = fd

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return self.fd


@pytest.mark.parametrize("command", ["hitung", "lampiran", "rekap", "template"])
def test_a_disk_that_fills_up_while_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    output = tmp_path / "keluar.xlsx"
    monkeypatch.setattr(fileio.os, "fdopen", _FullDisk)
    code, _, err = cli(*writing_commands(GOOD, output)[command])
    assert code == 2
    line = one_line(err)
    assert "keluar.xlsx" in line and "disk penuh" in line
    assert not output.exists()
    assert not _temporaries(tmp_path)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB tmpfs (root only; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk_kecil"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {done.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


def test_a_real_full_disk(tiny_disk: Path) -> None:
    """The output does not fit in what is left of a real file system: one line, exit 2, and
    nothing of the output is left behind."""
    filler = tiny_disk / "isi_disk.bin"
    with contextlib.suppress(OSError), filler.open("wb") as fh:
        fh.write(bytes(60 * 1024))
    shutil.copyfile(GOOD, tiny_disk.parent / GOOD.name)
    code, _, err, *_ = run_limited(
        ["lampiran", GOOD.name, "-o", str(tiny_disk / "lampiran.xlsx")], tiny_disk.parent
    )
    assert code == 2, err
    line = one_line(err)
    assert "lampiran.xlsx" in line and "disk penuh" in line
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["isi_disk.bin"]
