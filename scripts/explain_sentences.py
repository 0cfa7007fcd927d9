#!/usr/bin/env python3
"""Print what the editorial analysis sees in each sentence of a draft (a debugging aid)."""

from __future__ import annotations

import argparse
import sys

from lint.config import load_config
from lint.document.builder import build_document
from lint.editorial.analysis import analyse
from lint.editorial.lexicon import lexicon_for
from lint.patterns import search
from lint.runner import Linter
from lint.source import SourceText


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--lang")
    args = parser.parse_args()
    linter = Linter(load_config())
    with open(args.path, "rb") as handle:
        source = SourceText.decode(handle.read())
    document = build_document(source, args.path, default_lang=args.lang)
    lex = lexicon_for(linter.lexicons, document.lang)
    analysis = analyse(document, lex)
    for s in analysis.sentences():
        line = source.position(s.block.projection.to_source(s.start)).line + 1
        print(f"L{line}: {s.text[:100]}")
        print(f"   qty={[q.text for q in s.quantities]} fwd={[m.text for m in s.forward]} "
              f"attr={[(a.kind.name, a.phrase[:40]) for a in s.attributions]}")
        print(f"   hedges={[(c, h.text) for c, h in s.hedges]} pred={[m.text for m in s.predictions]} "
              f"boost={[m.text for m in s.boosters + s.adverbials]} sched={s.scheduled} "
              f"past={bool(search(lex.past, s.masked) or search(lex.journalistic_conditional, s.masked))} "
              f"cond={s.conditional}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
