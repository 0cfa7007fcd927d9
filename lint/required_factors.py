"""Required factors of a regex: literals every text holding a match contains, an exact prefilter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from lint import regex_programs, regex_source
from lint.regex_source import GLOBAL_OR_VERBOSE_FLAGS, SCOPED_CASE, UnknownConstruct, class_end

# A lexicon family scanned over every sentence costs the regex engine a try at every
# position, even when the sentence holds none of the family's words. Each shape's source
# tells which literal runs every match must contain ("could" in "could\s+climb", "$" in a
# lookahead "(?=[$€£]\d)"): when a sentence contains none of the family's literals, no
# shape can match anywhere in it and the scan is skipped. The reader only ever states a
# necessary condition; whatever it does not fully understand gives no factor (the scan
# always runs), never a guess.

_QUANTIFIER = regex.compile(r"(?:[?*+]|\{(\d*)(?:,(\d*))?\})[?+]?")
_POSITIVE_LOOKAROUNDS = ("(?=", "(?<=")
_NEGATIVE_LOOKAROUNDS = ("(?!", "(?<!")
_MAX_CONJUNCTS = 6
"""Sets kept per clause, the cheapest to look for first (a clause fails at its first set
with no literal in the text)."""
_SMALL_CLASS = 8
"""A character class of at most this many plain characters ("[$€£]") gives them as factors."""

# Case-insensitive matching: a literal is looked for in the folded text (fold()). The regex
# module's case-insensitive matching pairs "i" with "İ" and "I" with "ı", which
# str.casefold() does not; fold() maps both to "i". Literal characters are taken from
# SAFE_RANGES only, where tests/test_family_factors.py checks, over every code point, that
# whatever the regex module matches case-insensitively with a character folds as it does.
_DOTTED = str.maketrans({"\u0130": "i", "\u0131": "i"})


def fold(text: str) -> str:
    """`text` folded for comparing with the factors (which are folded the same way)."""
    return text.translate(_DOTTED).casefold()


SAFE_RANGES = (("\u0020", "\u007e"), ("\u00a0", "\u017f"), ("\u2000", "\u20cf"))
"""Where literal characters are taken from (ASCII, Latin-1, Latin Extended-A, general
punctuation and currency signs)."""


def _safe(char: str) -> bool:
    return any(low <= char <= high for low, high in SAFE_RANGES) and char not in "\u0130\u0131" \
        and len(char.casefold()) == 1


Clause = tuple[frozenset[str], ...]
"""Sets of folded literals that a text holding a match contains one of each (a conjunction
of disjunctions)."""


def required_clauses(sources: Sequence[str]) -> tuple[Clause, ...] | None:
    """One clause per top-level alternative of `sources`: a text in which no clause holds
    holds no match of any of them. None when an alternative gives no clause."""
    found: list[Clause] = []
    for source in sources:
        clauses = source_clauses(source)
        if clauses is None:
            return None
        found.extend(clauses)
    if not found:
        return None
    # Clauses of one set each hold when any of their literals is in the text: one set
    # joining them all is looked through once (the same answer, fewer lookups).
    singles = [clause[0] for clause in found if len(clause) == 1]
    merged = [(_minimal(frozenset().union(*singles)),)] if singles else []
    return tuple(merged + list(dict.fromkeys(clause for clause in found if len(clause) > 1)))


_STORED_KIND = regex_programs.code_kind("factor-clauses", __file__, regex_source.__file__)
"""What stored clauses depend on besides their sources: the code that reads them."""


def stored_clauses(sources: Sequence[str]) -> tuple[Clause, ...] | None:
    """required_clauses(sources), kept in the start-up store (lint/regex_programs.py):
    reading every family's shapes is about 70 ms of a start for both languages."""
    return regex_programs.remember(_STORED_KIND, "\x00".join(sources),
                                   lambda: required_clauses(sources))


def stored_clauses_each(sources: Sequence[str]) -> list[tuple[Clause, ...] | None]:
    """required_clauses of each source alone (None: no prefilter for it), kept in the
    start-up store as one entry for the whole list: one read instead of one per source."""
    return list(regex_programs.remember(_STORED_KIND + ":each" if _STORED_KIND else None,
                                        "\x00".join(sources),
                                        lambda: tuple(required_clauses([s]) for s in sources)))


def source_clauses(source: str) -> list[Clause] | None:
    """The clauses of one regex source (one per top-level alternative), or None."""
    if GLOBAL_OR_VERBOSE_FLAGS.search(source):
        return None
    try:
        structure = _Structure(source)
        clauses = []
        for lo, hi in structure.alternatives(-1, 0, len(source)):
            conjuncts = _sequence(structure, lo, hi)
            if not conjuncts:
                return None
            clauses.append(tuple(sorted(set(conjuncts), key=_cost)[:_MAX_CONJUNCTS]))
        return clauses
    except (UnknownConstruct, ValueError, IndexError, KeyError):  # a malformed regex, which its
        return None                                        # own compilation then reports


class _Structure:
    """Where each group of a source closes and where its top-level '|' stand, read in one
    pass of regex_source.structure() (the readers then jump instead of scanning again)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.group_end: dict[int, int] = {}
        self.bars: dict[int, list[int]] = {-1: []}  # -1: the top level
        open_groups = [-1]
        for i, char, _ in regex_source.structure(source):
            if char == "(":
                open_groups.append(i)
                self.bars[i] = []
            elif char == ")":
                if len(open_groups) == 1:
                    raise UnknownConstruct("an unbalanced group")
                self.group_end[open_groups.pop()] = i + 1
            else:
                self.bars[open_groups[-1]].append(i)
        if len(open_groups) != 1:
            raise UnknownConstruct("an unbalanced group")

    def alternatives(self, group: int, lo: int, hi: int) -> list[tuple[int, int]]:
        """(start, end) of each top-level alternative of `group` (-1: the whole source),
        whose body spans lo..hi."""
        spans = []
        for bar in self.bars[group]:
            spans.append((lo, bar))
            lo = bar + 1
        spans.append((lo, hi))
        return spans


def holds(clauses: tuple[Clause, ...], folded: str) -> bool:
    """Whether some clause has, in each of its sets, a literal that `folded` contains."""
    for clause in clauses:
        for options in clause:
            for literal in options:
                if literal in folded:
                    break
            else:
                break  # this set has no literal in the text: the clause fails
        else:
            return True
    return False


def _cost(options: frozenset[str]) -> tuple[int, int, list[str]]:
    """Cheapest to look for first: fewer literals, then longer ones (rarer)."""
    return (len(options), -min(map(len, options)), sorted(options))


def _rank(options: frozenset[str]) -> tuple[int, int]:
    """Likely most selective first: the longer shortest literal, then fewer literals."""
    return (-min(map(len, options)), len(options))


def _minimal(literals: Iterable[str]) -> frozenset[str]:
    """Without the literals that contain another one (finding the shorter one suffices)."""
    ordered = sorted(set(literals), key=len)
    kept: list[str] = []
    for literal in ordered:
        if not any(k in literal for k in kept):
            kept.append(literal)
    return frozenset(kept)


def _alternation(structure: _Structure, group: int, lo: int, hi: int) -> list[frozenset[str]]:
    """The conjuncts of a group: all of its single alternative's, or one set joining the
    best set of each alternative (none when an alternative has none)."""
    alternatives = structure.alternatives(group, lo, hi)
    if len(alternatives) == 1:
        return _sequence(structure, lo, hi)
    found: set[str] = set()
    for start, end in alternatives:
        conjuncts = _sequence(structure, start, end)
        if not conjuncts:
            return []
        found.update(min(conjuncts, key=_rank))
    return [_minimal(found)]


def _sequence(structure: _Structure, i: int, hi: int) -> list[frozenset[str]]:
    """A concatenation: every element is required, so each element's factors are
    conjuncts; runs of literal characters are joined into one literal."""
    conjuncts: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            conjuncts.append(frozenset([fold("".join(run))]))
            run.clear()

    source = structure.source
    while i < hi:
        char = source[i]
        literal: str | None = None
        factors: list[frozenset[str]] = []
        if char == "\\":
            following = source[i + 1 : i + 2] if i + 1 < hi else ""
            if not following:
                raise UnknownConstruct("a trailing backslash")
            if following in ("p", "P") and source[i + 2 : i + 3] == "{":
                end = source.index("}", i) + 1
            elif following.isalnum() or following == "_":
                end = i + 2  # \d, \b, \1, \x..: not a literal (\x and \N{} never reach a factor)
                if following in "xuUN0":
                    raise UnknownConstruct("a numeric or named character escape")
                if following == "L" or following == "g":
                    raise UnknownConstruct("a named list or group reference")
            else:
                end = i + 2
                literal = following
        elif char == "[":
            end = class_end(source, i)
            members = _class_factors(source[i + 1 : end - 1])
            factors = [members] if members else []
        elif char == "(":
            end = structure.group_end[i]
            if source.startswith(_NEGATIVE_LOOKAROUNDS, i):
                factors = []  # matches no text of its own
                if _QUANTIFIER.match(source, end, hi):
                    raise UnknownConstruct("a quantified lookaround")
            else:
                if source.startswith(_POSITIVE_LOOKAROUNDS, i):
                    body = i + (4 if source.startswith("(?<=", i) else 3)
                elif source.startswith("(?:", i):
                    body = i + 3
                elif source.startswith("(?P<", i):
                    body = source.index(">", i) + 1
                elif SCOPED_CASE.match(source, i):
                    body = source.index(":", i) + 1
                elif source.startswith("(?", i):
                    raise UnknownConstruct(f"group {source[i : i + 4]!r}")
                else:
                    body = i + 1
                factors = _alternation(structure, i, body, end - 1)
        elif char in ".^$":
            end = i + 1
        elif char in ")|?*+{":
            raise UnknownConstruct(f"unexpected {char!r}")
        else:
            end = i + 1
            literal = char
        quantifier = _QUANTIFIER.match(source, end, hi)
        required = True
        if quantifier is not None:
            if quantifier.group().startswith("{"):
                low = quantifier.group(1)
                required = bool(low) and int(low) > 0
            else:
                required = quantifier.group()[0] == "+"
            end = quantifier.end()
        if literal is not None and _safe(literal) and quantifier is None:
            run.append(literal)
        else:
            close_run()
            if literal is not None and _safe(literal) and required:
                conjuncts.append(frozenset([fold(literal)]))
            elif required:
                conjuncts.extend(factors)
        i = end
    close_run()
    return conjuncts


def _class_factors(body: str) -> frozenset[str] | None:
    """The members of a small class of plain characters ("$€£"), or None."""
    if not body or len(body) > _SMALL_CLASS or body[0] == "^" or any(c in "\\-[]:&|~" for c in body):
        return None
    if not all(_safe(c) for c in body):
        return None
    return frozenset(fold(c) for c in body)


_cache: tuple[str | None, str] = (None, "")


def folded(text: str) -> str:
    """fold(text), kept for the last text asked: the analysis checks one sentence against
    many families in turn."""
    global _cache
    last, result = _cache
    if last is not text:
        result = fold(text)
        _cache = (text, result)
    return result
