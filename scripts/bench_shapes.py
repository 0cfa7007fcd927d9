#!/usr/bin/env python3
"""Time `newslint check` on pathological draft shapes, each at two sizes, to show growth.

usage: scripts/bench_shapes.py [--scale S] [--peer REPO]

Shapes: many tiny paragraphs, a wide table, a long table, one very long line, deep
blockquotes and deep lists. Each is generated at size N and 2N into a temporary folder
and linted in a fresh subprocess (the console command, as users run it); the ratio
column is time(2N) / time(N): about 2 is linear, about 4 quadratic. With --peer, the
same shapes also run with another checkout's `lint` package (e.g. the main branch), in
the same run, for a side-by-side comparison. Timings on a loaded machine are noisy:
compare rows of one run, not runs of different days.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHAPES = {
    "tiny paragraphs": (20_000, lambda n: "".join(f"P{i}.\n\n" for i in range(n))),
    "wide table (columns)": (2_500, lambda n: "|" + "|".join(f"c{i}" for i in range(n))
                             + "|\n|" + "|".join("-" for _ in range(n)) + "|\n|"
                             + "|".join("The the x" for _ in range(n)) + "|\n"),
    "long table (rows)": (5_000, lambda n: "| a | b |\n|---|---|\n"
                          + "".join(f"| The council met {i}. | It voted. |\n" for i in range(n))),
    "one long line (words)": (200_000, lambda n: "word " * n + "\n"),
    "deep blockquotes": (20, lambda n: ">" * n + " The council met the the mayor.\n"),
    "deep lists": (10, lambda n: "".join("  " * i + "- item\n" for i in range(n))
                   + "  " * n + "- The council met the the mayor.\n"),
}


REPO = Path(__file__).resolve().parents[1]


def run(path: Path, repo: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `newslint check` run with `repo`'s lint."""
    command = [sys.executable, "-m", "lint", "check", str(path)]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             cwd=path.parent, env=env)
    _, _, usage = os.wait4(child.pid, 0)  # this child's own resource usage
    child.returncode = 0  # reaped here; keep Popen from waiting again
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size N")
    parser.add_argument("--peer", type=Path, help="another checkout to time side by side")
    args = parser.parse_args()
    repos = [("this", REPO)] + ([("peer", args.peer.resolve())] if args.peer else [])
    print(f"{'shape':<24} {'code':<5} {'N':>9} {'t(N) s':>8} {'t(2N) s':>8} {'ratio':>6} "
          f"{'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for name, (size, make) in SHAPES.items():
            n = max(1, int(size * args.scale))
            paths = []
            for count in (n, 2 * n):
                paths.append(Path(folder) / f"shape-{count}.md")
                paths[-1].write_text(make(count), encoding="utf-8")
            for label, repo in repos:
                runs = [run(path, repo) for path in paths]
                times = [seconds for seconds, _ in runs]
                peak = max(mib for _, mib in runs)
                print(f"{name:<24} {label:<5} {n:>9,} {times[0]:>8.2f} {times[1]:>8.2f} "
                      f"{times[1] / times[0]:>6.2f} {peak:>9.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
