"""Reading a regex's source: where its classes and groups end, its top-level alternatives.

What the prefilter readers (lint/editorial/leads.py's leading atoms, lint/required_factors.py's
required literals) share. They read version 0 sources as the lexicons write them and give up
on anything else by raising UnknownConstruct: a prefilter is then not derived, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

SCOPED_CASE = regex.compile(r"\(\?-?i:")
"""A group with its own case rule, (?i:...) or (?-i:...)."""
# A flag group without a scope applies to the whole pattern in version 0, and (?x) changes
# how every literal reads: the readers do not follow either.
GLOBAL_OR_VERBOSE_FLAGS = regex.compile(r"\(\?[\w-]*(?:\)|x[\w-]*:)")
_STRUCTURAL = regex.compile(r"[\\\[()|]")
"""The characters structure() stops at: an escape, a class, a group's bounds, a split."""


class UnknownConstruct(Exception):
    """A construct a reader does not follow."""


def class_end(source: str, start: int) -> int:
    """The index after the ']' closing the class that opens at `start` (version 0: no
    nested sets; a ']' first in the class is a member)."""
    i = start + 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        if source[i] == "]":
            return i + 1
        if source[i] == "[":
            raise UnknownConstruct("a POSIX class or nested set inside a class")
        i += 1
    raise UnknownConstruct("an unterminated class")


def structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each '(', ')' and '|' of `source` from `start`
    that opens, closes or splits a group: escapes and character classes are stepped over
    whole. Only those characters are yielded (the callers read nothing else), and runs of
    other characters are skipped by one search: a lexicon holds thousands of them."""
    depth = 0
    i = start
    while (found := _STRUCTURAL.search(source, i)) is not None:
        i = found.start()
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = class_end(source, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield i, char, depth
        i += 1


def group_end(source: str, start: int) -> int:
    """The index after the ')' closing the group that opens at `start`."""
    for i, char, depth in structure(source, start):
        if char == ")" and depth == 0:
            return i + 1
    raise UnknownConstruct("an unbalanced group")


def top_level_alternatives(source: str) -> list[str]:
    parts: list[str] = []
    begin = 0
    for i, char, depth in structure(source):
        if char == "|" and depth == 0:
            parts.append(source[begin:i])
            begin = i + 1
    parts.append(source[begin:])
    return parts
