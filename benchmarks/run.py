"""The benchmark of issue 8: ``python benchmarks/run.py`` (docs/kinerja.md tells how to read it).

Generates its inputs in a temporary folder (``inputs.py``), then times what users wait for
against a baseline timed in the same run, as whole processes: the median of several runs, the
candidate and the baseline taking turns (the order flips every round) so a busy machine slows
both alike. Ratios are of CPU time (user + system of the process and its children), which
another program on the machine barely changes, except ``--jobs 2`` against ``--jobs 1``, which is
about waiting and uses the wall clock; the wall-clock ratio of every row is printed beside it.
Prints one row per measurement (candidate, baseline, ratio, goal, PASS/FAIL, wall ratio), the
scaling table and the machine. Exit code 0 when every goal holds, 1 otherwise.

    python benchmarks/run.py              # the whole run, about 3 minutes on 2 cores
    python benchmarks/run.py --quick      # one run each, to try the script
    python benchmarks/run.py --profile    # cProfile of the slowest paths instead
    python benchmarks/run.py --keep DIR   # make the inputs in DIR and leave them there

Runs on Linux or macOS (it needs ``resource``). Child processes run as after ``pip install``:
with compiled bytecode, kept in a cache folder inside the temporary folder
(``PYTHONPYCACHEPREFIX``), so the run writes nothing elsewhere even where
``PYTHONDONTWRITEBYTECODE`` is set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import inputs  # beside this file, not a package

BIG = 2_000  # indicators of the big workbook
COPIES = 200  # staff workbooks filled in one batch
SCALES = (500, 2_000, 8_000)
CELLS_PER_INDICATOR = 6  # iku isi writes TW I-IV, capaian and predikat
TIME_BUDGET_S = 300

Job = Callable[[Path], list[str]]  # a fresh empty folder for outputs -> the command line

# Baselines: openpyxl in a process of its own, warnings (unsupported extensions) silenced.
PYTHON = [sys.executable, "-W", "ignore"]
OPENPYXL_LOAD = "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])"
OPENPYXL_LOAD_SAVE = "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])"
OPENPYXL_LOAD_SAVE_ALL = """
import pathlib, sys, openpyxl
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
dst.mkdir()
for path in sorted(src.glob("*.xlsx")):
    openpyxl.load_workbook(path).save(dst / path.name)
"""
# Compiles, once, every module the runs import (into the bytecode cache folder).
IMPORT_ALL = """
import click, openpyxl, xlsxwriter
import iku_excel.batch, iku_excel.cli, iku_excel.jsonout, iku_excel.summary, iku_excel.write
"""
# CPU-bound work of about a quarter of a second, to see how many cores are free.
BUSY = "sum(i * i for i in range(2_000_000))"
# Peak RSS of one command: the largest resident size among this wrapper's children.
PEAK_RSS = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One measurement. ``bound``: what the goal limits, the ratio or the candidate itself."""

    name: str
    candidate: float
    baseline: float
    goal: float
    unit: str = "s"
    bound: str = "ratio"
    clock: str = ""  # "cpu" or "wall" for times
    wall_ratio: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.candidate / self.baseline if self.baseline > 0 else float("inf")

    @property
    def passed(self) -> bool:
        return (self.ratio if self.bound == "ratio" else self.candidate) <= self.goal

    def line(self) -> str:
        goal = f"<= {self.goal:g}" + ("" if self.bound == "ratio" else f" {self.unit}")
        wall = "" if self.wall_ratio is None else f"{self.wall_ratio:.2f}"
        note = f"  ({self.note})" if self.note else ""
        return (
            f"{self.name:<52} {self.clock:>5} {_amount(self.candidate, self.unit):>9} "
            f"{_amount(self.baseline, self.unit):>9} {self.ratio:>6.2f} {goal:>10}  "
            f"{'PASS' if self.passed else 'FAIL':<6} {wall:>5}{note}"
        ).rstrip()


def _amount(value: float, unit: str) -> str:
    return f"{value:.3f} {unit}" if unit in ("s", "ms") else f"{value:.1f} {unit}"


HEADER = (
    f"{'name':<52} {'clock':>5} {'candidate':>9} {'baseline':>9} {'ratio':>6} {'goal':>10}  "
    f"{'result':<6} {'wall':>5}"
)


# --- running commands --------------------------------------------------------------------------


def child_env(root: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(root / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Runner:
    """Runs jobs as processes, each with a fresh scratch folder under ``root``."""

    def __init__(self, root: Path, *, runs_cheap: int, runs_costly: int, warm_up: bool) -> None:
        self.root = root
        self.env = child_env(root)
        self.cheap = runs_cheap
        self.costly = runs_costly
        self.warm_up = warm_up

    def run(self, command: list[str]) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(command, capture_output=True, env=self.env)
        _check(command, done.returncode, done.stderr)
        return done

    def seconds(self, job: Job) -> Timing:
        """Wall-clock and CPU seconds of one run (the CPU time of the children this process
        has waited for grows by exactly that run's, its workers' included)."""
        scratch = Path(tempfile.mkdtemp(dir=self.root, prefix="run-"))
        command = job(scratch)
        cpu_before, start = _children_cpu(), time.perf_counter()
        done = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.env
        )
        timing = Timing(time.perf_counter() - start, _children_cpu() - cpu_before)
        shutil.rmtree(scratch)
        _check(command, done.returncode, done.stderr)
        return timing

    def compare(
        self,
        name: str,
        candidate: Job,
        baseline: Job,
        goal: float,
        *,
        costly: bool = False,
        clock: str = "cpu",
    ) -> Row:
        """Median seconds of each side on ``clock``, the sides taking turns. Cheap rows start
        with a warm-up of each side; costly ones need none after ``prime_and_check`` and would
        blow the time budget."""
        if self.warm_up and not costly:
            self.seconds(candidate)
            self.seconds(baseline)
        times: dict[str, list[Timing]] = {"candidate": [], "baseline": []}
        sides = [("candidate", candidate), ("baseline", baseline)]
        for turn in range(self.costly if costly else self.cheap):
            for side, job in sides if turn % 2 == 0 else sides[::-1]:
                times[side].append(self.seconds(job))

        def median(side: str, which: str) -> float:
            return float(statistics.median(getattr(t, which) for t in times[side]))

        cand, base = median("candidate", clock), median("baseline", clock)
        wall = median("candidate", "wall") / median("baseline", "wall")
        print(f"  {name}: {cand:.3f} s / {base:.3f} s {clock}", file=sys.stderr)
        return Row(name, cand, base, goal, clock=clock, wall_ratio=wall)

    def peak_rss_mb(self, job: Job) -> float:
        """Peak resident memory of one fresh run, from a wrapper process of its own."""
        scratch = Path(tempfile.mkdtemp(dir=self.root, prefix="rss-"))
        command = job(scratch)
        done = self.run([sys.executable, "-c", PEAK_RSS, *command])
        shutil.rmtree(scratch)
        returncode, maxrss = (int(x) for x in done.stdout.split())
        _check(command, returncode, b"")
        return maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def parallel_capacity(run: Runner, processes: int = 2) -> float:
    """How many of ``processes`` CPU-bound processes started together really ran at once:
    2.0 on two free cores, 1.0 when another program keeps one busy (then ``--jobs 2`` cannot
    gain either)."""
    command = [sys.executable, "-c", BUSY]
    alone = statistics.median(run.seconds(lambda _: command).wall for _ in range(3))
    start = time.perf_counter()
    together = [subprocess.Popen(command, env=run.env) for _ in range(processes)]
    for process in together:
        process.wait()
    return processes * alone / (time.perf_counter() - start)


def _check(command: Sequence[str], returncode: int, stderr: bytes) -> None:
    """iku exits 1 for data problems, which is fine here; 2 or a crash is not."""
    if returncode not in (0, 1):
        tail = stderr.decode(errors="replace")[-2000:]
        raise SystemExit(f"failed ({returncode}): {' '.join(command)}\n{tail}")


def iku_command() -> list[str]:
    """The installed ``iku`` script beside this Python (not a version manager's shim, which
    adds a start-up of its own), else ``python -m iku_excel``."""
    here = Path(sys.executable).parent
    for name in ("iku", "iku.exe"):
        if (here / name).is_file():
            return [str(here / name)]
    return [sys.executable, "-m", "iku_excel"]


# --- inputs and jobs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    big: Path
    staff: Path
    staff_csv: Path
    scaled: dict[int, tuple[Path, Path]]  # indicators -> (workbook, realisasi CSV)


def make_inputs(folder: Path) -> Inputs:
    start = time.perf_counter()
    scaled = {n: inputs.write_big(folder, n) for n in sorted({BIG, *SCALES})}
    staff, staff_csv = inputs.write_staff_copies(folder, COPIES)
    print(f"  inputs made in {time.perf_counter() - start:.1f} s: {folder}", file=sys.stderr)
    return Inputs(scaled[BIG][0], staff, staff_csv, scaled)


def read_job(iku: list[str], book: Path) -> Job:
    return lambda _: [*iku, "baca", str(book), "--json"]


def fill_job(iku: list[str], sources: Path, csv: Path, jobs: int = 1) -> Job:
    return lambda out: [
        *iku, "isi", str(sources), "--realisasi", str(csv), "-o", str(out / "hasil"),
        "--jobs", str(jobs), "-s",
    ]  # fmt: skip


def openpyxl_job(script: str, source: Path, *, output: str | None = None) -> Job:
    """``script`` run on ``source`` (and an ``output`` path in the fresh folder)."""
    if output is None:
        return lambda _: [*PYTHON, "-c", script, str(source)]
    return lambda out: [*PYTHON, "-c", script, str(source), str(out / output)]


def lampiran_job(iku: list[str], book: Path) -> Job:
    return lambda out: [*iku, "lampiran", str(book), "-o", str(out / "lampiran.xlsx")]


def prime_and_check(run: Runner, iku: list[str], data: Inputs) -> None:
    """Compile every module once, and make sure the commands timed do their work: the big
    workbook reads as BIG indicators, and the batch changes every cell it should."""
    run.run([*PYTHON, "-c", IMPORT_ALL])
    found = json.loads(run.run(read_job(iku, data.big)(run.root)).stdout)
    count = sum(len(s["indikator"]) for s in found["sasaran"])
    scratch = Path(tempfile.mkdtemp(dir=run.root, prefix="check-"))
    stderr = run.run(fill_job(iku, data.staff, data.staff_csv)(scratch)).stderr.decode()
    shutil.rmtree(scratch)
    changed = re.search(r"sel diubah: (\d+)", stderr)
    wanted = COPIES * inputs.STAFF_INDICATORS * CELLS_PER_INDICATOR
    if count != BIG or changed is None or int(changed[1]) != wanted:
        raise SystemExit(f"inputs not read as meant: {count} indicators; {stderr[-500:]}")


# --- the measurements --------------------------------------------------------------------------


def timed_rows(run: Runner, iku: list[str], data: Inputs) -> list[Row]:
    big, staff, csv = data.big, data.staff, data.staff_csv
    return [
        run.compare(
            "start: iku --help / python -c 'import click'",
            lambda _: [*iku, "--help"],
            lambda _: [sys.executable, "-c", "import click"],
            1.5,
        ),
        run.compare(
            f"read: iku baca --json / openpyxl load ({BIG:,})",
            read_job(iku, big),
            openpyxl_job(OPENPYXL_LOAD, big),
            0.6,
        ),
        run.compare(
            f"lampiran: iku lampiran / openpyxl load+save ({BIG:,})",
            lampiran_job(iku, big),
            openpyxl_job(OPENPYXL_LOAD_SAVE, big, output="salinan.xlsx"),
            1.5,
            costly=True,
        ),
        run.compare(
            f"fill: iku isi / openpyxl load+save ({COPIES} files)",
            fill_job(iku, staff, csv),
            openpyxl_job(OPENPYXL_LOAD_SAVE_ALL, staff, output="salinan"),
            0.25,
            costly=True,
        ),
        run.compare(
            f"fill: iku isi --jobs 2 / --jobs 1 ({COPIES} files)",
            fill_job(iku, staff, csv, jobs=2),
            fill_job(iku, staff, csv, jobs=1),
            0.6,
            costly=True,
            clock="wall",
        ),
    ]


def memory_rows(run: Runner, iku: list[str], data: Inputs) -> list[Row]:
    fill = run.peak_rss_mb(fill_job(iku, data.staff, data.staff_csv))
    fill_base = run.peak_rss_mb(openpyxl_job(OPENPYXL_LOAD_SAVE_ALL, data.staff, output="s"))
    read = run.peak_rss_mb(read_job(iku, data.big))
    read_base = run.peak_rss_mb(openpyxl_job(OPENPYXL_LOAD, data.big))
    return [
        Row(f"memory: iku isi ({COPIES} files) / openpyxl", fill, fill_base, 150, "MB", "value"),
        Row(f"memory: iku baca ({BIG:,}) / openpyxl load", read, read_base, 200, "MB", "value"),
    ]


@dataclass(frozen=True)
class Scale:
    indicators: int
    read_s: float
    fill_s: float


def scaling(run: Runner, iku: list[str], data: Inputs) -> list[Scale]:
    """Read and fill CPU time per size, the sizes taking turns so noise spreads over all. The
    largest runs once: it costs more than the others together."""
    runs = {n: run.costly if n < max(SCALES) else 1 for n in SCALES}
    read: dict[int, list[float]] = {n: [] for n in SCALES}
    fill: dict[int, list[float]] = {n: [] for n in SCALES}
    for turn in range(max(runs.values())):
        for n in (n for n in SCALES if turn < runs[n]):
            book, csv = data.scaled[n]
            read[n].append(run.seconds(read_job(iku, book)).cpu)
            fill[n].append(run.seconds(fill_job(iku, book, csv)).cpu)
    found = [Scale(n, statistics.median(read[n]), statistics.median(fill[n])) for n in SCALES]
    for s in found:
        print(f"  {s.indicators:,}: read {s.read_s:.3f} s, fill {s.fill_s:.3f} s", file=sys.stderr)
    return found


def linearity_rows(found: list[Scale]) -> list[Row]:
    """Cost of one more indicator between the two larger sizes against that between the two
    smaller ones (the start-up cancels out): 1.0 when cost grows linearly, 4.0 when it grows
    with the square. The goal, 1.3, leaves room for noise (reading measured 0.96 to 1.22)."""
    small, mid, large = found
    span = f"{mid.indicators // 1000}k-{large.indicators // 1000}k / 0.5k-{mid.indicators // 1000}k"

    def per_indicator_ms(a: Scale, b: Scale, seconds: Callable[[Scale], float]) -> float:
        return (seconds(b) - seconds(a)) / (b.indicators - a.indicators) * 1000

    rows = []
    for what, seconds in (("read", lambda s: s.read_s), ("fill", lambda s: s.fill_s)):
        rows.append(
            Row(
                f"scaling {what}: ms/indicator {span}",
                per_indicator_ms(mid, large, seconds),
                per_indicator_ms(small, mid, seconds),
                1.3,
                "ms",
                clock="cpu",
            )
        )
    return rows


def with_capacity_note(rows: list[Row], capacity: list[float]) -> list[Row]:
    """The ``--jobs 2`` row says so when another program kept a core busy during the run."""
    free = min(capacity)
    if free >= 1.8:
        return rows
    note = f"only {free:.2f} of 2 cores were free"
    return [replace(r, note=note) if "--jobs 2" in r.name else r for r in rows]


def scale_table(found: list[Scale]) -> list[str]:
    lines = [
        f"{'indicators':>10} {'read cpu s':>10} {'ms/ind':>7} {'fill cpu s':>10} {'ms/ind':>7}"
    ]
    for s in found:
        per = 1000 / s.indicators
        lines.append(
            f"{s.indicators:>10,} {s.read_s:>10.3f} {s.read_s * per:>7.3f} "
            f"{s.fill_s:>10.3f} {s.fill_s * per:>7.3f}"
        )
    return lines


# --- profile -----------------------------------------------------------------------------------


def profile(run: Runner, data: Inputs) -> None:
    """cProfile of the slowest paths, each in a process of its own as users run it."""
    largest = max(SCALES)
    book, csv = data.scaled[largest]
    paths = {
        f"iku isi ({COPIES} files)": fill_job([], data.staff, data.staff_csv),
        f"iku lampiran ({BIG:,})": lampiran_job([], data.big),
        f"iku isi ({largest:,})": fill_job([], book, csv),
    }
    stats_file = run.root / "profile.prof"
    for label, job in paths.items():
        scratch = Path(tempfile.mkdtemp(dir=run.root, prefix="profile-"))
        run.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "iku_excel",
                 *job(scratch)])  # fmt: skip
        print(f"\n=== {label}")
        stats = pstats.Stats(str(stats_file))
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(15)


# --- the machine and the report ----------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPU ({cpu}), Python {platform.python_version()}, {platform.system()}"


def report(
    rows: list[Row], found: list[Scale], iku: list[str], capacity: list[float], elapsed: float
) -> None:
    print(f"\niku_excel benchmark: {machine()}")
    print(f"iku: {' '.join(iku)}; medians, candidate and baseline interleaved;")
    print("ratios of CPU time (wall clock for --jobs), wall-clock ratio in the last column")
    free = " and ".join(f"{c:.2f}" for c in capacity)
    print(f"cores free for 2 processes at once (2.00 = both), at start and end: {free}\n")
    print(HEADER)
    for row in rows:
        print(row.line())
    print()
    print("\n".join(scale_table(found)))
    print(f"\n{sum(r.passed for r in rows)}/{len(rows)} goals held; whole run {elapsed:.0f} s")
    if elapsed > TIME_BUDGET_S:
        print(f"warning: the run took longer than {TIME_BUDGET_S} s")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="iku_excel benchmark (docs/kinerja.md)")
    parser.add_argument("--quick", action="store_true", help="one run each, no warm-up")
    parser.add_argument("--profile", action="store_true", help="cProfile the slowest paths")
    parser.add_argument("--keep", type=Path, help="make the inputs in this folder and keep it")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    root = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="iku-bench-"))
    counts = (1, 1) if args.quick else (5, 3)
    run = Runner(root, runs_cheap=counts[0], runs_costly=counts[1], warm_up=not args.quick)
    iku = iku_command()
    try:
        data = make_inputs(root)
        prime_and_check(run, iku, data)
        if args.profile:
            profile(run, data)
            return 0
        capacity = [parallel_capacity(run)]
        rows = timed_rows(run, iku, data) + memory_rows(run, iku, data)
        found = scaling(run, iku, data)
        rows += linearity_rows(found)
        capacity.append(parallel_capacity(run))
        rows = with_capacity_note(rows, capacity)
        report(rows, found, iku, capacity, time.perf_counter() - started)
        return 0 if all(row.passed for row in rows) else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
