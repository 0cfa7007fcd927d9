"""Expand command-line paths into the drafts to lint: walk folders, apply globs, skip binaries."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                       ".tox", ".mypy_cache", ".pytest_cache"})


@dataclass(frozen=True)
class Target:
    path: str
    error: str | None = None
    """Set when the path cannot be linted (missing); such targets make the run fail."""


def is_binary(path: str) -> bool:
    """A file whose first 8 KiB hold a NUL byte is not a draft."""
    try:
        with open(path, "rb") as handle:
            return b"\0" in handle.read(8192)
    except OSError:
        return False


def expand(paths: list[str], included: Callable[[str], bool], excluded: Callable[[str], bool]) -> Iterator[Target]:
    """Files named on the command line are linted unless excluded; folders are walked
    for included files, skipping hidden and tool folders and binary files."""
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if full in seen or not included(full) or excluded(full) or is_binary(full):
                        continue
                    seen.add(full)
                    yield Target(full)
        elif os.path.exists(path):
            if path not in seen and not excluded(path):
                seen.add(path)
                yield Target(path)
        else:
            yield Target(path, "no such file or directory")
