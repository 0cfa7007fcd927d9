#!/usr/bin/env python3
"""Measure the English hedge and vague-attribution lexicons on the CoNLL-2010 Wikipedia
sentences (Szeged Uncertainty Corpus annotation): sentence-level precision, recall, F1.

usage: scripts/hedge_lexicon_eval.py [--shared ../shared] [--misses N]

A sentence is predicted "uncertain" when a lexicon pattern matches it; the gold label is
"uncertain" when annotators marked at least one uncertainty cue. The corpus is read at
run time from ../shared/corpus/szeged-wikiweasel (third-party text, never copied here).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from lint.editorial.lexicon import lexicon_for
from lint.lexicon import LexiconStore
from lint.packs import builtin_rules_dir
from lint.patterns import search

# CoNLL-2010 Task 1, Wikipedia: best sentence-level F1 of the "uncertain" class
# (Georgescul, bag-of-words classifier), Farkas et al. 2010, Table 3.
CONLL_BEST_F1 = 60.2


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--misses", type=int, default=0, help="print N false negatives and N false positives")
    args = parser.parse_args()
    path = Path(args.shared) / "corpus" / "szeged-wikiweasel" / "wikiweasel_sentences.jsonl"
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 2
    lex = lexicon_for(LexiconStore([builtin_rules_dir() / "editorial"]), "en")
    detectors = {
        "hedges": lambda text: any(search(p, text) for p in lex.hedges.values()),
        "vague attribution": lambda text: bool(search(lex.weasels, text) or search(lex.anonymous, text)),
    }
    detectors["hedges + conditions"] = lambda text: detectors["hedges"](text) or bool(
        search(lex.conditional, text))
    detectors["hedges + vague attribution"] = lambda text: detectors["hedges"](text) or detectors[
        "vague attribution"](text)
    counts = {name: Counter() for name in detectors}
    misses: dict[str, list[str]] = {"fn": [], "fp": []}
    by_type: Counter[str] = Counter()
    by_type_hit: Counter[str] = Counter()
    sentences = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item["part"] != "Text":
                continue
            sentences += 1
            gold = item["label"] == "uncertain"
            text = item["text"]
            for name, detect in detectors.items():
                predicted = detect(text)
                key = ("tp" if gold else "fp") if predicted else ("fn" if gold else "tn")
                counts[name][key] += 1
                if name == "hedges + vague attribution":
                    if key == "fn" and len(misses["fn"]) < args.misses:
                        misses["fn"].append(text)
                    if key == "fp" and len(misses["fp"]) < args.misses:
                        misses["fp"].append(text)
            for cue in item["cues"]:
                by_type[cue["type"]] += 1
                if detectors["hedges"](cue["text"]):
                    by_type_hit[cue["type"]] += 1
    print(f"{sentences} Wikipedia text sentences "
          f"({counts['hedges']['tp'] + counts['hedges']['fn']} uncertain)\n")
    print(f"{'lexicon':28} {'P':>6} {'R':>6} {'F1':>6}")
    for name, c in counts.items():
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{name:28} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")
    print(f"{'CoNLL-2010 best (Task 1W)':28} {'':>6} {'':>6} {CONLL_BEST_F1:6.1f}")
    print("\ngold cues matched by the hedge lexicon, by type:")
    for cue_type, total in by_type.most_common():
        print(f"  {cue_type:34} {by_type_hit[cue_type]:5d} / {total:5d}")
    for kind in ("fn", "fp"):
        if misses[kind]:
            print(f"\n{kind}:")
            for text in misses[kind]:
                print(f"  - {text[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
