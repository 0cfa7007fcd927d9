"""The leading atoms of a regex: what every match must start with, as an exact prefilter for a family's scan."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lint.regex_source import (GLOBAL_OR_VERBOSE_FLAGS, SCOPED_CASE, UnknownConstruct, class_end, group_end,
                               top_level_alternatives)

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


def leading_alternatives(source: str) -> list[str] | None:
    """Regex sources one of which every match of `source` starts with (their concatenated
    leading atoms), or None when they cannot be derived."""
    if GLOBAL_OR_VERBOSE_FLAGS.search(source):
        return None
    try:
        return _leads(source)
    except (UnknownConstruct, ValueError, IndexError):  # ValueError, IndexError: a malformed regex,
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
    for alternative in top_level_alternatives(source):
        out.extend(_alternative_leads(alternative))
    return out


def _alternative_leads(alternative: str) -> list[str]:
    i = 0
    while True:  # zero-width assertions: the match starts with what follows them
        if alternative.startswith(_LOOKAROUNDS, i):
            i = group_end(alternative, i)
        elif alternative.startswith("^", i):
            i += 1
        elif alternative[i : i + 1] == "\\" and alternative[i + 1 : i + 2] in _ZERO_WIDTH_ESCAPES:
            i += 2
        else:
            break
    if i >= len(alternative):
        raise UnknownConstruct("an alternative that may match the empty string")
    if alternative[i] == "(":
        if alternative.startswith("(?:", i):
            body = i + 3
        elif SCOPED_CASE.match(alternative, i):
            body = alternative.index(":", i) + 1
        elif alternative.startswith("(?P<", i):
            body = alternative.index(">", i) + 1
        else:
            raise UnknownConstruct(f"group {alternative[i : i + 4]!r}")
        end = group_end(alternative, i)
        inner = _leads(alternative[body : end - 1])
        if _quantified(alternative, end):
            # An optional group: a match starts with the group or with what follows it.
            rest = _QUANTIFIER.match(alternative, end)
            if rest is None:
                raise UnknownConstruct("a brace that is not a quantifier")
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
            end = class_end(alternative, i)
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
                raise UnknownConstruct("a brace that is not a quantifier")
            if rest.group(1) and int(rest.group(1)) > 0:
                return [alternative[i:end]]
            return [alternative[i:end]] + _alternative_leads(alternative[rest.end() :])
        atoms.append(alternative[i:end])
        if alternative[end : end + 1] == "+":
            break  # one occurrence is certain, the rest is not a fixed sequence
        i = end
    if not atoms:
        raise UnknownConstruct("no leading atom")
    return ["".join(atoms)]


def _quantified(source: str, at: int) -> bool:
    return source[at : at + 1] in ("?", "*", "{")
