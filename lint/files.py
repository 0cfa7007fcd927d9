"""Expand command-line paths into the drafts to lint: walk folders, apply globs, skip binaries."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from lint.document.docx_reader import is_word_document

SKIP_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages"})
"""Folders never walked, besides hidden ones (.git, .venv, .tox...)."""

BINARY_PROBE = 8192
"""Bytes read to decide whether a file is binary."""

STDIN = "-"
"""The path that names standard input."""


_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Target:
    path: str
    error: str | None = None
    """Set when the path cannot be linted (missing, unreadable folder, special file); such
    targets make the run fail."""


def special_kind(path: str) -> str | None:
    """"a FIFO", "a socket", "a device"... for what is not a regular file or a folder
    (symbolic links followed), else None. Such files are never opened: reading a FIFO
    blocks until someone writes to it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # missing or unreadable: reported when it is read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def is_binary(path: str) -> bool:
    """A NUL byte near the start means binary (git's test); drafts never contain one.

    Text in UTF-16 or UTF-32 has NUL bytes too: it is not binary, so the linter reads it
    and reports that it is not UTF-8, instead of skipping a draft silently.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(BINARY_PROBE)
    except OSError:
        return False  # let the linter report why it cannot be read
    return b"\0" in head and not looks_wide(head)


def looks_wide(head: bytes) -> bool:
    """Text in UTF-16/32: a BOM, or (without one) NULs at every other byte of ASCII text."""
    if head.startswith(_WIDE_BOMS):
        return True
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    # Latin text in UTF-16 without BOM: one byte of each pair is (almost) always NUL.
    return any(half.count(0) >= 0.9 * len(half) and other.count(0) == 0
               for half, other in ((evens, odds), (odds, evens)))


def expand(paths: Iterable[str], included: Callable[[str], bool],
           excluded: Callable[[str], bool]) -> Iterator[Target]:
    """Targets in command-line order, each file (and standard input, "-") once.

    A file named explicitly is linted unless an exclude glob matches it (pre-commit
    passes file names, and excludes must still apply). A folder is walked, in sorted
    order, for files matching the include globs; hidden entries, tool folders, excluded
    paths and binary files are skipped silently. Special files (FIFOs, sockets, devices),
    named or met in a walk, and folders that cannot be read are targets with an error:
    never opened, always reported.
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
            for target in _walk(path, included, excluded):
                if first_time(target.path):
                    yield target
        elif os.path.lexists(path):
            if not excluded(path) and first_time(path):
                kind = special_kind(path)
                yield Target(path, f"{kind}, not a regular file: not read" if kind else None)
        else:
            yield Target(path, "no such file or directory")


def _walk(root: str, included: Callable[[str], bool],
          excluded: Callable[[str], bool]) -> Iterator[Target]:
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable.append):
        while unreadable:  # os.walk met a folder it cannot list (permissions)
            problem = unreadable.pop(0)
            where = os.path.normpath(problem.filename or folder)
            yield Target(where, f"folder cannot be read: {problem.strerror or problem}")
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d not in SKIP_DIRS
            and not excluded(os.path.join(folder, d))
        )
        for name in sorted(files):
            # normpath: "./a.md" is reported as "a.md" when walking ".".
            full = os.path.normpath(os.path.join(folder, name))
            if name.startswith(".") or not included(full) or excluded(full):
                continue
            if kind := special_kind(full):
                yield Target(full, f"{kind}, not a regular file: not read")
            elif os.path.isfile(full) and (not is_binary(full) or is_word_document(full)):
                yield Target(full)  # a Word draft is a zip: binary, but read by its reader
    for problem in unreadable:  # the root itself, or the last folder listed
        yield Target(os.path.normpath(problem.filename or root),
                     f"folder cannot be read: {problem.strerror or problem}")
