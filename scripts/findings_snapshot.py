#!/usr/bin/env python3
"""Write every editorial finding on the labelled sets and the shared corpora to one file, to
prove that a refactoring changes no finding (diff two snapshots).

usage: scripts/findings_snapshot.py OUT [--shared ../shared] [--jobs 2]

Each line: file, rule, line:column, matched text. Corpora are read from ../shared at run
time, never copied into the project; a missing corpus is skipped with a notice.
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import sys
from pathlib import Path

from lint.config import Config
from lint.runner import Linter

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    (ROOT / "tests/eval", "*/*.md", None),
    (ROOT / "tests/eval", "*/*.txt", None),
    ("corpus/bbc-news", "*/*.txt", "en"),
    ("corpus/wikinews-fr/articles", "*.txt", "fr"),
    ("corpus/orangesum-fr/articles", "*.txt", "fr"),
    ("corpus/crypto-news-en/articles", "*", "en"),
]


@functools.lru_cache(maxsize=1)
def _linter() -> Linter:
    return Linter(Config(packs=("editorial",), language="auto"))


def lint_one(job: tuple[str, str | None]) -> list[str]:
    path_text, lang = job
    path = Path(path_text)
    linter = _linter()
    result = linter.lint_bytes(path.read_bytes(), str(path))
    if result.source is None:
        return [f"{path.parent.name}/{path.name}\tunreadable"]
    if lang is not None and result.lang != lang:
        result = linter.lint_source(result.source, str(path), lang=lang)
    text = result.source.text
    return [f"{path.parent.name}/{path.name}\t{d.rule_id}\t{d.start.line + 1}:{d.start.column + 1}\t"
            f"{text[d.offset:d.end_offset][:80]!r}\t{d.message[:200]}" for d in result.diagnostics]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    jobs: list[tuple[str, str | None]] = []
    for folder, pattern, lang in SETS:
        base = Path(folder) if Path(folder).is_absolute() else Path(args.shared) / folder
        if not base.is_dir():
            print(f"skipped (missing): {base}", file=sys.stderr)
            continue
        jobs.extend((str(p), lang) for p in sorted(base.glob(pattern)) if p.is_file()
                    and p.name != "README.md"
                    and p.suffix in (".md", ".txt", ""))
    with multiprocessing.Pool(args.jobs) as pool:
        results = pool.map(lint_one, jobs, chunksize=16)
    with open(args.out, "w", encoding="utf-8") as out:
        for lines in results:
            for line in lines:
                out.write(line + "\n")
    print(f"{sum(map(len, results))} findings in {len(jobs)} files -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
