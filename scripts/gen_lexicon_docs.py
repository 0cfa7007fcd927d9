#!/usr/bin/env python3
"""Write docs/lexicons.md from the lexicon schemas of the built-in packs.

usage: scripts/gen_lexicon_docs.py [--check]

With --check, write nothing and exit 1 when docs/lexicons.md is out of date
(tests/test_lexicon_schema.py runs the same comparison).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lint.lexicon_docs import render_markdown
from lint.lexicon_schema import load_schema
from lint.packs import builtin_rules_dir, packs_in

DOCS = Path(__file__).resolve().parent.parent / "docs" / "lexicons.md"


def builtin_markdown() -> str:
    return render_markdown(load_schema(list(packs_in(builtin_rules_dir()).values())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether it is stale")
    args = parser.parse_args()
    text = builtin_markdown()
    if args.check:
        stale = not DOCS.is_file() or DOCS.read_text(encoding="utf-8") != text
        print(f"{DOCS}: {'out of date' if stale else 'up to date'}")
        return 1 if stale else 0
    DOCS.write_text(text, encoding="utf-8")
    print(f"wrote {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
