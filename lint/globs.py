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
