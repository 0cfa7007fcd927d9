#!/usr/bin/env python3
"""Throughput and memory of `newslint check` against a peer prose linter (proselint), in one run.

usage: scripts/benchmark.py [--shared ../shared] [--files N] [--repeat R]

Both tools lint the same BBC News articles (third-party text read at run time from
../shared/corpus/bbc-news, never copied here) in a fresh subprocess each, so start-up
and rule loading count, as they do for a pre-commit hook. Prints wall time, files and
words per second, and peak resident memory. proselint is optional: install it with
`pip install proselint` to get the comparison row.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]+")


def measure(command: list[str], repeat: int) -> tuple[float, float]:
    """Best wall time over `repeat` runs, and the peak RSS (MiB) of the children."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return best, peak_kib / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--files", type=int, default=200, help="articles to lint (BBC business first)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpus" / "bbc-news"
    files = sorted(corpus.glob("business/*.txt")) + sorted(corpus.glob("tech/*.txt"))
    files = [str(p) for p in files[: args.files]]
    if not files:
        print(f"no articles under {corpus}", file=sys.stderr)
        return 2
    words = sum(len(_WORD.findall(Path(p).read_text(encoding="utf-8"))) for p in files)
    runs = {"newslint (style + editorial)": [sys.executable, "-m", "lint", "check", "--format", "json", *files]}
    proselint = shutil.which("proselint") or str(Path(sys.executable).with_name("proselint"))
    if Path(proselint).exists():
        runs["proselint"] = [proselint, "check", "--output-format", "json", *files]
    print(f"{len(files)} articles, {words} words; best of {args.repeat} runs each\n")
    print(f"{'tool':30} {'seconds':>8} {'files/s':>8} {'words/s':>9} {'peak MiB':>9}")
    for name, command in runs.items():
        seconds, peak = _isolated(command, args.repeat)
        print(f"{name:30} {seconds:8.2f} {len(files) / seconds:8.1f} {words / seconds:9.0f} {peak:9.1f}")
    if "proselint" not in runs:
        print("\n(proselint not installed: `pip install proselint` adds the comparison row)")
    return 0


def _isolated(command: list[str], repeat: int) -> tuple[float, float]:
    """Run `measure` in a separate interpreter: peak RSS of children is cumulative per
    process, so each tool gets its own parent and the figures do not mix."""
    code = (
        "import json, sys; sys.path.insert(0, %r); from benchmark import measure; "
        "print(json.dumps(measure(json.loads(sys.argv[1]), int(sys.argv[2]))))"
    ) % str(Path(__file__).resolve().parent)
    out = subprocess.run([sys.executable, "-c", code, json.dumps(command), str(repeat)],
                         capture_output=True, text=True, check=True).stdout
    seconds, peak = json.loads(out)
    return float(seconds), float(peak)


if __name__ == "__main__":
    sys.exit(main())
