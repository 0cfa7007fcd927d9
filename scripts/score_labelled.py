#!/usr/bin/env python3
"""Score a labelled set whose drafts live outside the repository (in ../shared/corpus).

usage: scripts/score_labelled.py LABELLED_DIR [--shared ../shared] [--json] [--show]

A set such as tests/eval/crypto-dev labels published articles that may not be copied into
the project: its labels.yaml gives each `file:` as an absolute path into the shared corpus
(so that the shared scorer, tests/eval/score.py, scores it unchanged on this machine). This
script finds each file there, or under --shared's corpus on a machine where ../shared sits
elsewhere, writes a temporary labels.yaml with the paths found and runs the committed scorer
on it with this checkout's CLI. Sets whose drafts sit beside their labels.yaml are scored as
they are.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "tests" / "eval" / "score.py"


def _located(folder: Path, corpus: Path, name: str) -> Path | None:
    """Where a label's file is: beside the labels (a set in the shared format), at its
    absolute path (crypto-dev and crypto-heldout name the shared corpus on the machine they
    were labelled on, which the unchanged scorer needs), or, on another machine, under
    --shared's corpus by the part of the path below `corpus/` (or the whole relative path)."""
    path = Path(name)
    if path.is_absolute():
        candidates = [path]
        if corpus.name in path.parts:
            last = max(i for i, part in enumerate(path.parts) if part == corpus.name)
            candidates.append(corpus.joinpath(*path.parts[last + 1 :]))
    else:
        candidates = [folder / path, corpus / path]
    return next((c for c in candidates if c.is_file()), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    folder = Path(args.folder).resolve()
    corpus = Path(args.shared).resolve() / "corpus"
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8")) or []
    for entry in labels:
        found = _located(folder, corpus, entry["file"])
        if found is None:
            print(f"{entry['file']}: not found beside the labels nor under {corpus}",
                  file=sys.stderr)
            return 2
        entry["file"] = str(found)
    command = f"{sys.executable} -m lint check --format json"
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "labels.yaml").write_text(yaml.safe_dump(labels, allow_unicode=True),
                                               encoding="utf-8")
        extra = [flag for flag, on in (("--json", args.json), ("--show", args.show)) if on]
        return subprocess.run([sys.executable, str(SCORER), tmp, "--cmd", command, *extra],
                              cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
