#!/usr/bin/env python3
"""CPU time of the editorial pack over BBC business articles, in one process, start-up excluded.

usage: scripts/bench_editorial.py [--shared ../shared] [--repeat 3]

Prints files, findings and the best CPU seconds over `--repeat` passes. To compare two
versions in the same run, run it once per checkout with PYTHONPATH pointing at that
checkout (`PYTHONPATH=../old python scripts/bench_editorial.py`): the lint package and its
rules folder then come from there. docs/accuracy.md records such a side-by-side run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lint.config import Config
from lint.runner import Linter


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted((Path(args.shared) / "corpus" / "bbc-news" / "business").glob("*.txt"))
    if not files:
        print(f"no BBC business articles under {args.shared}/corpus", file=sys.stderr)
        return 2
    linter = Linter(Config(packs=("editorial",), language="en"))
    data = [(str(f), f.read_bytes()) for f in files]
    linter.lint_bytes(data[0][1], data[0][0])  # compile the lexicons outside the timing
    best, findings = float("inf"), 0
    for _ in range(max(1, args.repeat)):
        started = time.process_time()
        findings = sum(len(linter.lint_bytes(raw, name).diagnostics) for name, raw in data)
        best = min(best, time.process_time() - started)
    print(f"{len(files)} files, {findings} findings, best CPU {best:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
