"""The leading atoms of a regex: what every match must start with, as an exact prefilter for a family's scan."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

# A regex scan tries every position; a lexicon shape whose costly part comes first (a
# 100-character negative lookbehind before "would") pays that cost at every word. The
# leading atoms of each shape ("would", "may", "[$£€¥]") make a lookahead that rejects
# most positions at once. It only ever states a necessary condition of a match, so the
# guarded pattern finds exactly the same matches. Whatever this reader does not fully
# understand makes it give up (no guard), never guess.

_CLASS_ESCAPES = frozenset("dDwWsS")
_ZERO_WIDTH_ESCAPES = frozenset("bBAGmM")
"""Escapes that stand for one character of a class; other letter escapes (\\b, \\1, \\x41...)
end the leading atoms."""
_QUANTIFIER = regex.compile(r"(?:[?*]|\{(\d*)(?:,\d*)?\})[?+]?")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
_SCOPED_CASE = regex.compile(r"\(\?-?i:")
_STRUCTURAL = regex.compile(r"[\\\[()|]")
"""The characters _structure stops at: an escape, a class, a group's bounds, a split."""
# A flag group without a scope applies to the whole pattern in version 0, and (?x) changes
# how every literal reads: the reader does not follow either.
_GLOBAL_OR_VERBOSE_FLAGS = regex.compile(r"\(\?[\w-]*(?:\)|x[\w-]*:)")


class _Unknown(Exception):
    """A construct whose leading atoms the reader does not derive."""


def leading_alternatives(source: str) -> list[str] | None:
    """Regex sources one of which every match of `source` starts with (their concatenated
    leading atoms), or None when they cannot be derived."""
    if _GLOBAL_OR_VERBOSE_FLAGS.search(source):
        return None
    try:
        return _leads(source)
    except (_Unknown, ValueError, IndexError):  # ValueError, IndexError: a malformed regex,
        return None                              # which its own compilation then reports


def lead_guard(sources: Sequence[str]) -> str | None:
    """A case-insensitive lookahead that every match of every one of `sources` satisfies at
    its start, or None when one of them has no derivable leading atoms."""
    alternatives: set[str] = set()
    for source in sources:
        leads = leading_alternatives(source)
        if leads is None:
            return None
        alternatives.update(leads)
    if not alternatives:
        return None
    # Case-insensitive: a superset of the shapes' own case rules ((?-i:...) included).
    return "(?=(?i:" + "|".join(f"(?:{a})" for a in sorted(alternatives)) + "))"


def _leads(source: str) -> list[str]:
    out: list[str] = []
    for alternative in _top_level_alternatives(source):
        out.extend(_alternative_leads(alternative))
    return out


def _alternative_leads(alternative: str) -> list[str]:
    i = 0
    while True:  # zero-width assertions: the match starts with what follows them
        if alternative.startswith(_LOOKAROUNDS, i):
            i = _group_end(alternative, i)
        elif alternative.startswith("^", i):
            i += 1
        elif alternative[i : i + 1] == "\\" and alternative[i + 1 : i + 2] in _ZERO_WIDTH_ESCAPES:
            i += 2
        else:
            break
    if i >= len(alternative):
        raise _Unknown("an alternative that may match the empty string")
    if alternative[i] == "(":
        if alternative.startswith("(?:", i):
            body = i + 3
        elif _SCOPED_CASE.match(alternative, i):
            body = alternative.index(":", i) + 1
        elif alternative.startswith("(?P<", i):
            body = alternative.index(">", i) + 1
        else:
            raise _Unknown(f"group {alternative[i : i + 4]!r}")
        end = _group_end(alternative, i)
        inner = _leads(alternative[body : end - 1])
        if _quantified(alternative, end):
            # An optional group: a match starts with the group or with what follows it.
            rest = _QUANTIFIER.match(alternative, end)
            if rest is None:
                raise _Unknown("a brace that is not a quantifier")
            if rest.group(1) and int(rest.group(1)) > 0:
                return inner
            return inner + _alternative_leads(alternative[rest.end() :])
        # Every match of the alternative starts with a match of this group.
        return inner
    atoms: list[str] = []
    while i < len(alternative):
        char = alternative[i]
        if char == "\\":
            following = alternative[i + 1 : i + 2]
            if following in ("p", "P") and alternative[i + 2 : i + 3] == "{":
                end = alternative.index("}", i) + 1
            elif following and (following in _CLASS_ESCAPES or not following.isalnum()):
                end = i + 2
            else:
                break
        elif char == "[":
            end = _class_end(alternative, i)
        elif char in "()|.^$?*+{":
            break
        else:
            end = i + 1
        if _quantified(alternative, end):
            if atoms:
                break  # an optional atom: the leading atoms stop before it
            # An optional first atom: a match starts with it or with what follows it.
            rest = _QUANTIFIER.match(alternative, end)
            if rest is None:
                raise _Unknown("a brace that is not a quantifier")
            if rest.group(1) and int(rest.group(1)) > 0:
                return [alternative[i:end]]
            return [alternative[i:end]] + _alternative_leads(alternative[rest.end() :])
        atoms.append(alternative[i:end])
        if alternative[end : end + 1] == "+":
            break  # one occurrence is certain, the rest is not a fixed sequence
        i = end
    if not atoms:
        raise _Unknown("no leading atom")
    return ["".join(atoms)]


def _quantified(source: str, at: int) -> bool:
    return source[at : at + 1] in ("?", "*", "{")


def _class_end(source: str, start: int) -> int:
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
            raise _Unknown("a POSIX class or nested set inside a class")
        i += 1
    raise _Unknown("an unterminated class")


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
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
            i = _class_end(source, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield i, char, depth
        i += 1


def _group_end(source: str, start: int) -> int:
    """The index after the ')' closing the group that opens at `start`."""
    for i, char, depth in _structure(source, start):
        if char == ")" and depth == 0:
            return i + 1
    raise _Unknown("an unbalanced group")


def _top_level_alternatives(source: str) -> list[str]:
    parts: list[str] = []
    begin = 0
    for i, char, depth in _structure(source):
        if char == "|" and depth == 0:
            parts.append(source[begin:i])
            begin = i + 1
    parts.append(source[begin:])
    return parts
