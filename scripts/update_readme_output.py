#!/usr/bin/env python3
"""Refresh the real-run outputs pasted in README.md (the blocks marked `<!-- output: CMD -->`)."""

from __future__ import annotations

import io
import re
import shlex
import sys
from pathlib import Path

from lint.cli import main as newslint

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- output: (.+?) -->\n```text\n)(.*?)(```)", re.DOTALL)


def run(command: str) -> str:
    out = io.StringIO()
    newslint(shlex.split(command)[1:], stdout=out, stderr=io.StringIO())
    return out.getvalue()


def main() -> int:
    text = README.read_text(encoding="utf-8")
    updated = BLOCK.sub(lambda m: m.group(1) + run(m.group(2)) + m.group(4), text)
    if updated != text:
        README.write_text(updated, encoding="utf-8")
        print("README.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
