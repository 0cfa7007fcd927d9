"""Glob patterns with `**` (any number of directories), matched against relative POSIX paths."""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=512)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """`**` spans directories, `*` and `?` stay inside one path segment, `[...]` is a class.

    A pattern without a slash matches the file name in any directory (as .gitignore
    does); a pattern naming a directory (`archive`, `archive/`) matches everything below it.
    """
    written = pattern
    pattern = pattern.rstrip("/") or "**"
    if "/" not in pattern:
        pattern = "**/" + pattern
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                raise ValueError(f"unclosed '[' in glob {pattern!r}")
            body = pattern[i + 1 : end]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append(f"[{body}]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    # A pattern naming a directory matches everything below it.
    try:
        return re.compile("".join(out) + "(?:/.*)?\\Z")
    except re.error as exc:  # e.g. a reversed class range, "[z-a]"
        raise ValueError(f"invalid glob {written!r}: {exc.msg}") from None


def glob_match(pattern: str, relpath: str) -> bool:
    """Whether `relpath` (relative to the configuration's folder) matches `pattern`."""
    path = relpath.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return compile_glob(pattern).match(path) is not None


def any_match(patterns: tuple[str, ...] | list[str], relpath: str) -> bool:
    """Whether `relpath` matches at least one of `patterns`."""
    return any(glob_match(p, relpath) for p in patterns)


GLOB_CHARS = frozenset("*?[")


def expand_globs(arguments: list[str] | tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Command-line paths with quoted globs expanded by newslint itself: (paths, negations).

    An argument that names an existing path is kept as it is. Otherwise one with `*`, `?`
    or `[` is expanded (`**` spans folders; hidden entries are skipped, as a shell does),
    in sorted order; a pattern that matches nothing is kept, so that it is reported as
    missing. An argument starting with `!` is a negation: the files it matches (relative
    to the working folder) are not linted, even when found by walking a folder.
    """
    import glob
    import os

    paths: list[str] = []
    negations: list[str] = []
    for argument in arguments:
        if argument.startswith("!") and len(argument) > 1 and not os.path.lexists(argument):
            negations.append(argument[1:])
        elif os.path.lexists(argument) or not GLOB_CHARS & set(argument):
            paths.append(argument)
        else:
            paths.extend(sorted(glob.glob(argument, recursive=True)) or [argument])
    return paths, negations
