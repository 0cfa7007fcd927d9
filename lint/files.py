"""Expand command-line paths into the drafts to lint: walk folders, apply globs, skip binaries."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from lint.document.docx_reader import is_word_document

SKIP_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages"})
"""Folders never walked, besides hidden ones (.git, .venv, .tox...)."""

BINARY_PROBE = 8192
"""Bytes read to decide whether a file is binary."""

STDIN = "-"
"""The path that names standard input."""


@dataclass(frozen=True)
class Target:
    path: str
    error: str | None = None
    """Set when the path cannot be linted (missing); such targets make the run fail."""


def is_binary(path: str) -> bool:
    """A NUL byte near the start means binary (git's test); drafts never contain one."""
    try:
        with open(path, "rb") as handle:
            return b"\0" in handle.read(BINARY_PROBE)
    except OSError:
        return False  # let the linter report why it cannot be read


def expand(paths: Iterable[str], included: Callable[[str], bool],
           excluded: Callable[[str], bool]) -> Iterator[Target]:
    """Targets in command-line order, each file (and standard input, "-") once.

    A file named explicitly is linted unless an exclude glob matches it (pre-commit
    passes file names, and excludes must still apply). A folder is walked, in sorted
    order, for files matching the include globs; hidden entries, tool folders, excluded
    paths, non-regular files and binary files are skipped silently.
    """
    seen: set[str] = set()

    def first_time(path: str) -> bool:
        key = os.path.normcase(os.path.abspath(path))
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in paths:
        if path == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                yield Target(STDIN)
        elif os.path.isdir(path):
            for full in _walk(path, included, excluded):
                if first_time(full):
                    yield Target(full)
        elif os.path.lexists(path):
            if not excluded(path) and first_time(path):
                yield Target(path)
        else:
            yield Target(path, "no such file or directory")


def _walk(root: str, included: Callable[[str], bool],
          excluded: Callable[[str], bool]) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d not in SKIP_DIRS
            and not excluded(os.path.join(folder, d))
        )
        for name in sorted(files):
            # normpath: "./a.md" is reported as "a.md" when walking ".".
            full = os.path.normpath(os.path.join(folder, name))
            if (name.startswith(".") or not os.path.isfile(full) or not included(full)
                    or excluded(full) or (is_binary(full) and not is_word_document(full))):
                continue
            yield full
