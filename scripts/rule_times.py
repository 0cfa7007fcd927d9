#!/usr/bin/env python3
"""CPU time of each rule over a corpus folder, in one process, start-up excluded.

usage: scripts/rule_times.py [FOLDER] [--files 200] [--language en]

FOLDER defaults to ../shared/corpus/bbc-news/business. Prints the CPU seconds of the whole
lint, then of each rule, largest first. The shared editorial analysis is charged to the
first editorial rule that asks for it (hedge-density with the built-in packs). To compare
two versions, run it once per checkout, alternating, with PYTHONPATH pointing at each
(`PYTHONPATH=../old python scripts/rule_times.py`): docs/performance.md records such runs.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import lint.engine as engine
from lint.config import Config
from lint.runner import Linter


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-news" / "business"
    parser.add_argument("folder", nargs="?", default=str(default))
    parser.add_argument("--files", type=int, default=200, help="the first N files (default 200)")
    parser.add_argument("--language", default=None, help="the drafts' language (default: detected)")
    args = parser.parse_args()
    files = sorted(p for p in Path(args.folder).iterdir() if p.is_file())[: args.files]
    if not files:
        print(f"scripts/rule_times.py: no files under {args.folder}", file=sys.stderr)
        return 2
    linter = Linter(Config(language=args.language) if args.language else Config())
    data = [(str(f), f.read_bytes()) for f in files]
    linter.lint_bytes(data[0][1], data[0][0])  # build the rules and lexicons outside the timing
    spent: collections.Counter[str] = collections.Counter()
    plain = engine._findings

    def timed(rule, document):
        started = time.process_time()
        found = list(plain(rule, document))
        spent[rule.spec.id] += time.process_time() - started
        return iter(found)

    engine._findings = timed
    started = time.process_time()
    for name, raw in data:
        linter.lint_bytes(raw, name)
    total = time.process_time() - started
    print(f"{len(files)} files: total {total:.3f} s CPU, rules {sum(spent.values()):.3f} s")
    for rule_id, seconds in spent.most_common():
        print(f"{seconds:8.3f}  {rule_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
