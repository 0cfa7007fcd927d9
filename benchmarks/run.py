#!/usr/bin/env python3
"""Speed and memory of newslint against proselint, every figure measured in one run.

usage: benchmarks/run.py [--corpus ../shared/corpus/bbc-news] [--sections business,...]
                         [--repeat 3] [--skip-lsp]

Prints, for the machine it runs on (issue #9's targets in the last column):
  - throughput (words/s) over the BBC corpus: newslint with every built-in rule, and
    proselint on the same files, in one process each;
  - cold start of `newslint check` and `proselint check` on one short draft, and of
    `newslint --version`;
  - one document of 20k, 100k and 200k words (BBC articles concatenated, in a temporary
    folder): time and peak memory of each tool, and the 200k/100k ratio;
  - the language server's latency (benchmarks/lsp_latency.py, when present);
  - the speed-up of `check --jobs 2` over `--jobs 1`, and of a warm `--cache`.

Every tool runs as a child process, so start-up counts as it does for a pre-commit hook;
peak memory is that child's own maximum RSS (os.wait4). Timings are the best of
`--repeat` runs. The exit status is 1 when a measurement fails (a tool exits with a usage
or input error, or `--jobs` output differs from the serial run): a failed run is not a
fast one. proselint is the peer: `pip install proselint==0.16.0` in the same environment.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
_WORD = regex.compile(r"[\p{L}\p{N}]+")
SIZES = (20_000, 100_000, 200_000)
SHORT_DRAFT = REPO / "examples" / "crypto-rally-en.md"
"""The draft of the cold-start rows (about 440 words)."""


class MeasurementFailed(Exception):
    """A tool did not run as a benchmark needs (usage error, crash, wrong output)."""


@dataclass
class Run:
    seconds: float
    """Wall time."""
    peak_mib: float
    stdout: bytes
    cpu: float = 0.0
    """User + system CPU seconds of the child: less sensitive than wall time to other
    processes sharing the machine."""


def run_once(command: list[str], ok_codes: tuple[int, ...]) -> Run:
    """One child process: wall time, its own peak RSS (os.wait4), its standard output.

    Raises MeasurementFailed when the exit status is not in `ok_codes`.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode not in ok_codes:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise MeasurementFailed(f"{' '.join(command[:3])} exited {child.returncode}: "
                                f"{' | '.join(tail)}")
    # ru_maxrss is in KiB on Linux.
    return Run(seconds, usage.ru_maxrss / 1024, stdout, usage.ru_utime + usage.ru_stime)


def best(command: list[str], repeat: int, ok_codes: tuple[int, ...]) -> Run:
    runs = [run_once(command, ok_codes) for _ in range(max(1, repeat))]
    return min(runs, key=lambda r: r.seconds)


def side_by_side(ours: list[str], peer: list[str] | None, repeat: int,
                 peer_ok: tuple[int, ...] | None = None) -> tuple[Run, Run | None]:
    """The best run of each command, their runs alternating, so that a change in the load
    of the machine falls on both. `peer_ok`: the peer's good exit codes (proselint's)."""
    mine: list[Run] = []
    theirs: list[Run] = []
    for _ in range(max(1, repeat)):
        mine.append(run_once(ours, NEWSLINT_OK))
        if peer is not None:
            theirs.append(run_once(peer, peer_ok or PROSELINT_OK))
    fastest = min(mine, key=lambda r: r.seconds)
    return fastest, (min(theirs, key=lambda r: r.seconds) if theirs else None)


# newslint: 0 clean, 1 findings; 2 is a usage, configuration or input error.
NEWSLINT_OK = (0, 1)
# proselint 0.16: 0 clean, 1 findings.
PROSELINT_OK = (0, 1)


def corpus_files(corpus: Path, sections: list[str]) -> list[Path]:
    """The articles (*.txt) of `sections` of the corpus (default: every section), in order."""
    if not sections:
        sections = sorted(p.name for p in corpus.iterdir() if p.is_dir()) if corpus.is_dir() else []
    return sorted(f for s in sections for f in (corpus / s).glob("*.txt"))


def words_in(paths: list[Path]) -> int:
    return sum(len(_WORD.findall(p.read_text(encoding="utf-8"))) for p in paths)


def build_document(articles: list[Path], words: int, folder: Path) -> Path:
    """A plain-text document of about `words` words: whole articles, blank line between."""
    parts: list[str] = []
    count = 0
    index = 0
    while count < words:
        text = articles[index % len(articles)].read_text(encoding="utf-8").strip()
        parts.append(text)
        count += len(_WORD.findall(text))
        index += 1
    path = folder / f"doc-{words // 1000}k.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


class Table:
    """Rows of `measure | newslint | proselint | ratio | target`, printed as they come."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        print(f"{'measure':44} {'newslint':>12} {'proselint':>12} {'ratio':>8}  target")

    def row(self, measure: str, ours: str, peer: str = "", ratio: str = "",
            target: str = "") -> None:
        print(f"{measure:44} {ours:>12} {peer:>12} {ratio:>8}  {target}", flush=True)

    def failed(self, measure: str, exc: Exception) -> None:
        self.failures.append(measure)
        print(f"{measure:44} FAILED: {exc}", flush=True)


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus" / "bbc-news"),
                        help="the BBC News corpus folder (default: ../shared/corpus/bbc-news)")
    parser.add_argument("--sections", default="",
                        help="comma-separated sections (business,tech,...); default: all")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best kept)")
    parser.add_argument("--skip-lsp", action="store_true", help="do not run lsp_latency.py")
    args = parser.parse_args()

    corpus = Path(args.corpus)
    files = corpus_files(corpus, [s for s in args.sections.split(",") if s])
    sections = sorted({f.parent.name for f in files})
    if not files:
        print(f"benchmarks/run.py: no articles under {corpus}", file=sys.stderr)
        return 2
    newslint = [sys.executable, "-m", "lint"]
    proselint_bin = shutil.which("proselint") or str(Path(sys.executable).with_name("proselint"))
    proselint = [proselint_bin] if Path(proselint_bin).exists() else None

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {_cpu_model()}, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"corpus: {corpus} ({', '.join(sections)}): {len(files)} files, "
          f"{words_in(files):,} words; best of {args.repeat} runs\n")
    table = Table()
    if proselint is None:
        table.failed("proselint", MeasurementFailed(
            "not installed: pip install proselint==0.16.0"))
    paths = [str(f) for f in files]
    total_words = words_in(files)

    # -- throughput --------------------------------------------------------------
    ours_corpus: Run | None = None
    try:
        ours_corpus, peer = side_by_side(
            [*newslint, "check", "--jobs", "1", "--format", "json", *paths]
            if _has_option("--jobs") else [*newslint, "check", "--format", "json", *paths],
            [*proselint, "check", "--output-format", "json", *paths] if proselint else None,
            args.repeat)
        ratio = peer.seconds / ours_corpus.seconds if peer else None
        table.row("throughput, words/s (one process)", f"{total_words / ours_corpus.seconds:,.0f}",
                  f"{total_words / peer.seconds:,.0f}" if peer else "-",
                  f"{ratio:.2f}x" if ratio else "",
                  f">= 3x proselint: {verdict(ratio >= 3)}" if ratio else "")
        table.row("  wall time, s", f"{ours_corpus.seconds:.2f}",
                  f"{peer.seconds:.2f}" if peer else "-")
        table.row("  CPU time, s", f"{ours_corpus.cpu:.2f}", f"{peer.cpu:.2f}" if peer else "-",
                  f"{peer.cpu / ours_corpus.cpu:.2f}x" if peer else "")
    except MeasurementFailed as exc:
        table.failed("throughput", exc)

    # -- cold start ----------------------------------------------------------------
    draft = SHORT_DRAFT
    try:
        ours, peer = side_by_side([*newslint, "check", str(draft)],
                                  [*proselint, "check", str(draft)] if proselint else None,
                                  max(5, args.repeat))
        table.row(f"cold start, check a {words_in([draft])}-word draft, s",
                  f"{ours.seconds:.3f}", f"{peer.seconds:.3f}" if peer else "-",
                  f"{ours.seconds / peer.seconds:.2f}x" if peer else "",
                  f"<= proselint: {verdict(ours.seconds <= peer.seconds)}" if peer else "")
        version = best([*newslint, "--version"], max(5, args.repeat), (0,))
        table.row("cold start, newslint --version, ms", f"{1000 * version.seconds:.0f}", "", "",
                  f"< 50 ms: {verdict(version.seconds < 0.050)}")
    except MeasurementFailed as exc:
        table.failed("cold start", exc)

    # -- document size -------------------------------------------------------------
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        folder = Path(tmp)
        sized: dict[int, tuple[float, float | None]] = {}
        cpu: dict[int, tuple[float, float | None]] = {}
        for size in SIZES:
            document = build_document(files, size, folder)
            try:
                ours, peer = side_by_side(
                    [*newslint, "check", "--format", "json", str(document)],
                    [*proselint, "check", "--output-format", "json", str(document)]
                    if proselint else None,
                    1 if size > SIZES[0] else args.repeat)
                sized[size] = (ours.seconds, peer.seconds if peer else None)
                cpu[size] = (ours.cpu, peer.cpu if peer else None)
                table.row(f"one {size // 1000}k-word document, s", f"{ours.seconds:.2f}",
                          f"{peer.seconds:.2f}" if peer else "-",
                          f"{ours.seconds / peer.seconds:.2f}x" if peer else "",
                          (f"< proselint: {verdict(ours.seconds < peer.seconds)}"
                           if peer and size == SIZES[-1] else ""))
                table.row("  peak memory, MiB", f"{ours.peak_mib:.0f}",
                          f"{peer.peak_mib:.0f}" if peer else "-",
                          f"{ours.peak_mib / peer.peak_mib:.2f}x" if peer else "",
                          f"< 60 MiB: {verdict(ours.peak_mib < 60)}" if size == SIZES[-1] else "")
            except MeasurementFailed as exc:
                table.failed(f"one {size // 1000}k-word document", exc)
        if SIZES[1] in sized and SIZES[2] in sized:
            growth = sized[SIZES[2]][0] / sized[SIZES[1]][0]
            peer_growth = (sized[SIZES[2]][1] / sized[SIZES[1]][1]
                           if sized[SIZES[2]][1] and sized[SIZES[1]][1] else None)
            cpu_growth = cpu[SIZES[2]][0] / cpu[SIZES[1]][0]
            peer_cpu_growth = (cpu[SIZES[2]][1] / cpu[SIZES[1]][1]
                               if cpu[SIZES[2]][1] and cpu[SIZES[1]][1] else None)
            table.row("  growth 200k / 100k, wall time", f"{growth:.2f}x",
                      f"{peer_growth:.2f}x" if peer_growth else "-")
            # The verdict reads CPU time: one run each, and wall time follows the load of
            # the machine as much as the size of the document.
            table.row("  growth 200k / 100k, CPU time", f"{cpu_growth:.2f}x",
                      f"{peer_cpu_growth:.2f}x" if peer_cpu_growth else "-", "",
                      f"<= 2.2x: {verdict(cpu_growth <= 2.2)}")

        # -- parallel and cache ----------------------------------------------------
        try:
            if not _has_option("--jobs"):
                raise MeasurementFailed("newslint check has no --jobs option")
            # Measured apart from the throughput runs, alternating, so that both see the
            # same load.
            parallel, serial = side_by_side(
                [*newslint, "check", "--jobs", "2", "--format", "json", *paths],
                [*newslint, "check", "--jobs", "1", "--format", "json", *paths],
                args.repeat, NEWSLINT_OK)
            assert serial is not None
            if parallel.stdout != serial.stdout:
                raise MeasurementFailed("--jobs 2 output differs from the serial run")
            speedup = serial.seconds / parallel.seconds
            table.row("check --jobs 2 vs --jobs 1, s", f"{parallel.seconds:.2f}",
                      f"{serial.seconds:.2f}", f"{speedup:.2f}x",
                      f">= 1.7x: {verdict(speedup >= 1.7)} (identical output)")
        except MeasurementFailed as exc:
            table.failed("check --jobs 2", exc)
        try:
            if not _has_option("--cache"):
                raise MeasurementFailed("newslint check has no --cache option")
            cache = folder / "cache"
            command = [*newslint, "check", "--jobs", "1", "--format", "json", "--cache",
                       "--cache-dir", str(cache), *paths]
            cold = run_once(command, NEWSLINT_OK)
            warm = best(command, args.repeat, NEWSLINT_OK)
            if warm.stdout != cold.stdout:
                raise MeasurementFailed("the warm cache's output differs from the cold run")
            speedup = cold.seconds / warm.seconds
            table.row("check --cache, warm vs cold, s", f"{warm.seconds:.2f}",
                      f"{cold.seconds:.2f}", f"{speedup:.1f}x",
                      f">= 10x: {verdict(speedup >= 10)} (identical output)")
        except MeasurementFailed as exc:
            table.failed("check --cache", exc)

    # -- language server -----------------------------------------------------------
    latency = REPO / "benchmarks" / "lsp_latency.py"
    if args.skip_lsp:
        print("\nlanguage server latency: skipped (--skip-lsp)")
    else:
        print("\nlanguage server latency (benchmarks/lsp_latency.py):", flush=True)
        done = subprocess.run([sys.executable, str(latency)], cwd=REPO, check=False)
        if done.returncode != 0:
            table.failures.append("language server latency")
            print(f"language server latency FAILED: exit status {done.returncode}")

    if table.failures:
        print(f"\n{len(table.failures)} measurement(s) failed: {', '.join(table.failures)}")
        return 1
    return 0


def _has_option(option: str) -> bool:
    """Whether `newslint check` accepts `option` (read from its --help)."""
    text = subprocess.run([sys.executable, "-m", "lint", "check", "--help"], cwd=REPO,
                          capture_output=True, text=True, check=False).stdout
    return regex.search(rf"(?<![\w-]){regex.escape(option)}(?![\w-])", text) is not None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
