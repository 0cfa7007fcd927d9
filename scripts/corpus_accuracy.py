#!/usr/bin/env python3
"""Run the editorial pack over published corpora: findings per 1,000 words per rule, plus a
reproducible random sample of findings to judge by hand (docs/accuracy.md).

usage: scripts/corpus_accuracy.py [--shared ../shared] [--sample 30] [--seed 7] [--show RULE]

Reads the third-party corpora at run time from ../shared/corpus (never copied here):
bbc-news (en), wikinews-fr and orangesum-fr (fr). Published copy has been edited, so
most findings there should be genuine; the sample is what an editor reads to judge that.
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

from lint.config import Config
from lint.document import Document
from lint.document.builder import build_document
from lint.runner import Linter

SCORED = ("unsourced-projection", "vague-attribution", "repeated-paragraph", "missing-disclaimer",
          "hedging-gap")
CORPORA = {
    "bbc-news": ("corpus/bbc-news", "*/*.txt", "en"),
    "wikinews-fr": ("corpus/wikinews-fr/articles", "*.txt", "fr"),
    "orangesum-fr": ("corpus/orangesum-fr/articles", "*.txt", "fr"),
}
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@functools.lru_cache(maxsize=1)
def _linter() -> Linter:
    return Linter(Config(packs=("editorial",), language="auto"))


def sentence_at(document: Document, offset: int) -> str:
    """The sentence of the draft that holds `offset` (what a judge reads)."""
    for block in document.blocks:
        if block.start <= offset <= block.end:
            for sentence in block.sentences:
                lo, hi = block.projection.to_source_span(sentence.start, sentence.end)
                if lo <= offset <= hi:
                    return block.sentence_text(sentence)
            return block.text
    return document.source.line_text(document.source.position(offset).line)


def lint_file(job: tuple[str, str, str]) -> tuple[int, list[tuple[str, str, int, str, str]]]:
    """Lint one corpus file in its corpus language: (word count, findings)."""
    name, path_text, lang = job
    path = Path(path_text)
    linter = _linter()
    result = linter.lint_bytes(path.read_bytes(), str(path))
    if result.source is None:
        return 0, []
    if result.lang != lang:
        result = linter.lint_source(result.source, str(path), lang=lang)
    document = build_document(result.source, str(path), default_lang=lang)
    found = []
    for d in result.diagnostics:
        found.append((d.rule_id.split(".")[-1], f"{name}/{path.parent.name}/{path.name}",
                      d.start.line + 1, d.message, sentence_at(document, d.offset)))
    return len(_WORD.findall(result.source.text)), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--sample", type=int, default=30, help="findings sampled per rule")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="append", default=[], help="print the sample of RULE")
    parser.add_argument("--all", action="store_true", help="print every finding of the --show rules")
    parser.add_argument("--corpus", choices=sorted(CORPORA), help="sample only this corpus's findings")
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "corpus").is_dir():
        print(f"corpus not found under {shared}", file=sys.stderr)
        return 2
    parser_jobs = max(1, (os.cpu_count() or 1))
    findings: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    print(f"{'corpus':14} {'files':>6} {'words':>9}  " + "  ".join(f"{r[:12]:>12}" for r in SCORED))
    with multiprocessing.Pool(parser_jobs) as pool:
        for name, (folder, pattern, lang) in CORPORA.items():
            files = sorted((shared / folder).glob(pattern))
            words = 0
            counts: Counter[str] = Counter()
            for file_words, found in pool.imap(lint_file, [(name, str(p), lang) for p in files], chunksize=8):
                words += file_words
                for rule, where, line, message, text in found:
                    counts[rule] += 1
                    findings[rule].append((where, line, message, text))
            rates = "  ".join(f"{1000 * counts[r] / max(words, 1):12.2f}" for r in SCORED)
            print(f"{name:14} {len(files):6d} {words:9d}  {rates}")
            others = {r: c for r, c in counts.items() if r not in SCORED}
            if others:
                print(f"{'':14} other rules: "
                      + ", ".join(f"{r} {1000 * c / words:.2f}" for r, c in sorted(others.items())))
    print("(findings per 1,000 words)")
    rng = random.Random(args.seed)
    for rule in args.show:
        pool = [f for f in findings.get(rule, []) if args.corpus is None or f[0].startswith(args.corpus + "/")]
        sample = pool if args.all else rng.sample(pool, min(args.sample, len(pool)))
        print(f"\n## {rule}: {len(sample)} of {len(pool)} findings")
        for index, (where, line, message, text) in enumerate(sample, 1):
            print(f"{index:2d}. {where}:{line}: {message}\n    | {text[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
