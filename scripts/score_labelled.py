#!/usr/bin/env python3
"""Score a labelled set whose drafts live outside the repository (in ../shared/corpus).

usage: scripts/score_labelled.py LABELLED_DIR [--shared ../shared] [--json] [--show]

A set such as tests/eval/crypto-dev labels published articles that may not be copied into
the project: its labels.yaml gives each `file:` relative to the shared corpus folder. This
script writes a temporary labels.yaml with absolute paths and runs the committed scorer
(tests/eval/score.py, the shared one unchanged) on it with this checkout's CLI. Sets whose
drafts sit beside their labels.yaml are scored as they are.
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
        local = folder / entry["file"]
        shared = corpus / entry["file"]
        if not local.is_file():
            if not shared.is_file():
                print(f"{entry['file']}: not found beside the labels nor under {corpus}",
                      file=sys.stderr)
                return 2
            entry["file"] = str(shared)
        else:
            entry["file"] = str(local)
    command = f"{sys.executable} -m lint check --format json"
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "labels.yaml").write_text(yaml.safe_dump(labels, allow_unicode=True),
                                               encoding="utf-8")
        extra = [flag for flag, on in (("--json", args.json), ("--show", args.show)) if on]
        return subprocess.run([sys.executable, str(SCORER), tmp, "--cmd", command, *extra],
                              cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
