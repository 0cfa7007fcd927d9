#!/usr/bin/env python3
"""Draw a reproducible sample of one rule's findings on a shared corpus, with the text a judge needs.

usage: scripts/judge_sample.py CORPUS RULE [--n 30] [--seed 9] [--shared ../shared]

CORPUS is one of: bbc-business, french (OrangeSum and French Wikinews together), crypto.
RULE is a rule id without its pack (unsourced-projection, vague-attribution, ...).

Prints a Markdown table skeleton (verdict and why left blank for the judge) and, under it,
each sampled finding with its paragraph and the paragraph before it, so that a judge reads
the source a claim may have one paragraph up. The sample is all findings when there are
no more than N, otherwise random.sample(findings, N) after random.seed(SEED) on the findings
in file order: the same corpus, code and seed always give the same sample.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from lint.config import Config
from lint.runner import Linter

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "bbc-business": [("corpus/bbc-news/business", "*.txt", "en")],
    "french": [("corpus/orangesum-fr/articles", "*.txt", "fr"),
               ("corpus/wikinews-fr/articles", "*.txt", "fr")],
    "crypto": [("corpus/crypto-news-en/articles", "*", "en")],
}


def findings(shared: Path, corpus: str, rule: str) -> list[tuple[Path, int, str, str, list[str]]]:
    linter = Linter(Config(packs=("editorial",), language="auto"))
    found = []
    for folder, pattern, lang in CORPORA[corpus]:
        base = shared / folder
        if not base.is_dir():
            print(f"skipped (missing): {base}", file=sys.stderr)
            continue
        for path in sorted(p for p in base.glob(pattern) if p.is_file() and p.suffix in (".txt", "")):
            result = linter.lint_bytes(path.read_bytes(), str(path))
            if result.source is None:
                print(f"{path}: unreadable, skipped", file=sys.stderr)
                continue
            if result.lang != lang:  # corpus language wins over detection, as in findings_snapshot
                result = linter.lint_source(result.source, str(path), lang=lang)
            lines = result.source.text.splitlines()
            for d in result.diagnostics:
                if d.rule_id.split(".", 1)[-1] != rule:
                    continue
                matched = result.source.text[d.offset:d.end_offset]
                found.append((path, d.start.line + 1, matched, d.message, lines))
    return found


def context(lines: list[str], line: int) -> tuple[str, str]:
    """The finding's paragraph (its line) and the nearest non-blank line before it."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    before = next((lines[i] for i in range(line - 2, -1, -1) if lines[i].strip()), "")
    return here, before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=sorted(CORPORA))
    parser.add_argument("rule")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    shared = Path(args.shared)
    population = findings(shared, args.corpus, args.rule)
    sample = population
    if len(population) > args.n:
        random.seed(args.seed)
        sample = random.sample(population, args.n)
    print(f"### `editorial.{args.rule}` on {args.corpus}: {len(population)} findings, "
          f"{len(sample)} judged (seed {args.seed})\n")
    print("| # | file:line | finding (short) | verdict | why |\n|---|---|---|---|---|")
    for n, (path, line, matched, _message, _lines) in enumerate(sample, 1):
        short = matched.replace("|", "/").replace("\n", " ")[:40]
        print(f"| {n} | {path.parent.name}/{path.name}:{line} | `{short}` |  |  |")
    print("\n<!-- context for the judge; not part of the table\n")
    for n, (path, line, matched, message, lines) in enumerate(sample, 1):
        here, before = context(lines, line)
        print(f"[{n}] {path}:{line}  matched: {matched!r}\n    message: {message}\n"
              f"    before: {before[:600]}\n    here:   {here[:900]}\n")
    print("-->")
    return 0


if __name__ == "__main__":
    sys.exit(main())
