"""The literals one of which every match of a regex contains: an exact prefilter that lets a
scan be skipped on a text that holds none of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from lint import regex_programs
from lint.editorial import leads
from lint.editorial.leads import (  # the regex structure helpers of the leading-atom reader
    _GLOBAL_OR_VERBOSE_FLAGS, _QUANTIFIER, _Unknown, _class_end, _group_end,
    _top_level_alternatives,
)
from lint.patterns import compile_terms, normalise_term, search

# Most trigger patterns of the disclaimer rule name crypto-assets and chart vocabulary that
# news copy never uses, yet the regex module tries their alternatives at every word. A
# literal every match must contain ("bitcoin", "price", "priced in"), looked for with
# `in` in the folded text, rules most paragraphs out at once. The reader only ever
# keeps literals a match cannot do without: it skips (never guesses) what it does not
# follow, and gives up on flags that change how a literal reads.

SAFE_CHARACTERS = frozenset(
    "".join(chr(c) for c in range(0x20, 0x7F)) + "àâäçéèêëîïôöùûüÿœæ’"
)
"""Characters a literal may hold: those whose case-insensitive equals (for the regex
module, version 0) all fold() to the same string, which tests/test_required_literals.py
checks against every code point. A literal with another character is not used."""

_ESCAPE = regex.compile(
    r"\\(?:x\{[0-9a-f]+\}|x[0-9a-f]{1,2}|u[0-9a-f]{8}|u[0-9a-f]{4}|n\{[^}]*\}|p\{[^}]*\}|p[a-z]"
    r"|g<[^>]*>|0[0-7]{0,2}|[1-9][0-9]*|.)", regex.IGNORECASE | regex.DOTALL)
"""One escape, whole: its letter and what belongs to it (the hex digits of a code; taking
too much only drops literal characters, which the reader may always do)."""

_KIND = (None if None in (mine := regex_programs.code_digest(__file__),
                          theirs := regex_programs.code_digest(leads.__file__))
         else f"required-literals:{mine}:{theirs}")
"""What a stored condition depends on besides its source: this reader and leads.py's."""

_MIN_LENGTH = 3
"""Shorter words ("is", "go") occur in nearly every paragraph: not worth a look."""


@dataclass(frozen=True)
class Condition:
    """Literals a match must hold: all the sets of one alternative met, a set met by any of
    its literals (`bitcoin (?:rose|fell) to` needs "bitcoin ", "rose" or "fell", and " to")."""

    alternatives: tuple[tuple[frozenset[str], ...], ...]
    firsts: tuple[str, ...] = field(init=False, compare=False)
    """The literals of each alternative's first (most telling) set, once each: most texts
    hold none of them, which a few looks tell."""

    def __post_init__(self) -> None:
        every = (literal for needed in self.alternatives for literal in needed[0])
        object.__setattr__(self, "firsts", tuple(dict.fromkeys(every)))


def required_conditions(sources: Sequence[str]) -> list[Condition | None]:
    """required_condition of each of `sources`, kept between runs in the start-up store
    (deriving them takes about 0.1 ms a pattern; a run reads them in one look)."""
    derived = regex_programs.remember(_KIND, "\x00".join(sources),
                                      lambda: tuple(_derive(source) for source in sources))
    return [None if alternatives is None else Condition(alternatives) for alternatives in derived]


def required_condition(source: str) -> Condition | None:
    """The literals (case-folded) every match of `source` holds, matched with or without
    IGNORECASE, as a Condition; None when an alternative holds none the reader can name."""
    alternatives = _derive(source)
    return None if alternatives is None else Condition(alternatives)


def _derive(source: str) -> tuple[tuple[frozenset[str], ...], ...] | None:
    """A Condition's alternatives (plain values, which the start-up store keeps), or None."""
    if _GLOBAL_OR_VERBOSE_FLAGS.search(source):
        return None
    try:
        alternatives = [_sequence(alternative) for alternative in _top_level_alternatives(source)]
    except (_Unknown, ValueError, IndexError):  # ValueError, IndexError: a malformed regex,
        return None                              # which its own compilation then reports
    condition: list[tuple[frozenset[str], ...]] = []
    for candidates in alternatives:
        kept = [frozenset(c) for c in candidates if _telling(c)]
        if not kept:
            return None  # this alternative may match without a literal worth a look
        # The set whose shortest literal is longest first: it rules out the most texts.
        kept.sort(key=lambda literals: (-min(map(len, literals)), len(literals)))
        condition.append(tuple(dict.fromkeys(kept)))
    return tuple(dict.fromkeys(condition))


def _telling(literals: set[str]) -> bool:
    """Worth a look: no literal shorter than _MIN_LENGTH, unless all are symbols ("$", "%"),
    which are rarer than any short word."""
    return (min(map(len, literals)) >= _MIN_LENGTH
            or not any(char.isalnum() or char.isspace()
                       for literal in literals for char in literal))


_DOTTED_AND_DOTLESS_I = {0x130: "i", 0x131: "i"}
"""The regex module takes "İ" for "i" and "ı" for "I" case-insensitively, where str.casefold
keeps "ı" and gives "İ" a combining dot."""


def fold(text: str) -> str:
    """`text` folded as the literals are: a literal the regex module matches in `text`
    case-insensitively is a substring of it (for SAFE_CHARACTERS)."""
    if "\u0130" in text or "\u0131" in text:
        text = text.translate(_DOTTED_AND_DOTLESS_I)
    return text.casefold()


def satisfied(condition: Condition, folded_text: str) -> bool:
    """True when `folded_text` (a text's fold()) holds the literals of `condition`."""
    if not any(literal in folded_text for literal in condition.firsts):
        return False
    return any(all(any(literal in folded_text for literal in literals) for literals in needed)
               for needed in condition.alternatives)


def _alternation(source: str) -> set[str] | None:
    """One set of literals one of which every match of `source` holds (a group's, within
    a sequence), or None."""
    found: set[str] = set()
    for alternative in _top_level_alternatives(source):
        candidates = _sequence(alternative)
        if not candidates:
            return None  # this alternative may match without any literal
        found |= max(candidates, key=lambda literals: (min(map(len, literals)), -len(literals)))
    return found


def _sequence(source: str) -> list[set[str]]:
    """Sets of literals every match of the sequence `source` holds one of each: its runs of
    plain characters, and the literals of each group it cannot skip."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        text = fold("".join(run))
        if text and all(char in SAFE_CHARACTERS for char in "".join(run)):
            candidates.append({text})
        run.clear()

    i = 0
    while i < len(source):
        char = source[i]
        if char == "(":
            end = _group_end(source, i)
            optional, after = _quantifier(source, end)
            body = _group_body(source, i)
            flush()
            if body is not None and not optional:
                inner = _alternation(source[body : end - 1])
                if inner is not None:
                    candidates.append(inner)
            i = after
            continue
        if char == "\\":
            escape = _ESCAPE.match(source, i)
            if escape is None:
                raise _Unknown("a trailing backslash")
            following = source[i + 1]
            if following.isalnum():
                # A class, an assertion, a character code or a reference: not a
                # literal character the reader spells.
                flush()
                i = _quantifier(source, escape.end())[1]
                continue
            literal, end = following, escape.end()
        elif char == "[":
            flush()
            i = _quantifier(source, _class_end(source, i))[1]
            continue
        elif char in ".^$":
            flush()
            i = _quantifier(source, i + 1)[1]
            continue
        elif char in "?*+{)|":
            raise _Unknown(f"{char!r} where an atom was expected")
        else:
            literal, end = char, i + 1
        optional, after = _quantifier(source, end)
        if optional:
            flush()
        else:
            run.append(literal)
            if after != end:
                flush()  # repeated: one occurrence is certain, not what follows it
        i = after
    flush()
    return candidates


def _group_body(source: str, start: int) -> int | None:
    """Where the body of the group opening at `start` begins, for a group whose body is
    matched as written (non-capturing, capturing, named, scoped flags); None for
    lookarounds and constructs the reader skips."""
    if not source.startswith("(?", start):
        return start + 1
    if source.startswith(("(?:", "(?P<"), start):
        return source.index(":" if source[start + 2] == ":" else ">", start) + 1
    scoped = regex.match(r"\(\?-?i:", source[start:])
    return start + scoped.end() if scoped else None


def _quantifier(source: str, at: int) -> tuple[bool, int]:
    """(whether the atom ending at `at` may be absent, where the atom and its quantifier
    end)."""
    if source[at : at + 1] == "+":
        return False, at + 2 if source[at + 1 : at + 2] in ("?", "+") else at + 1
    if source[at : at + 1] not in ("?", "*", "{"):
        return False, at
    found = _QUANTIFIER.match(source, at)
    if found is None:
        raise _Unknown("a brace that is not a quantifier")
    return not (found.group(1) and int(found.group(1)) > 0), found.end()


class TermGate:
    """Whether one of `terms` (lexicon regexes) matches in a text, as their case-insensitive,
    word-bounded alternation (patterns.compile_terms) would say, at a fraction of its cost:
    a term is searched only in texts that hold one of its required literals, and compiled
    on the first such text (a French disclaimer is seldom compiled for English copy).

    Exact: the alternation matches somewhere exactly when one of its terms, bounded the
    same way, matches somewhere; and a term cannot match where its literals are absent.
    """

    def __init__(self, terms: Sequence[str]) -> None:
        self._terms = tuple(terms)
        self._conditions = required_conditions([normalise_term(term) for term in self._terms])
        self._compiled: dict[int, regex.Pattern[str]] = {}
        # A flag group without a scope in one term applies to the whole alternation: such
        # terms are only ever searched together, as written.
        self._whole = any(_GLOBAL_OR_VERBOSE_FLAGS.search(normalise_term(t)) for t in self._terms)

    def search(self, text: str) -> bool:
        """True when one of the terms matches somewhere in `text`."""
        if self._whole:
            if -1 not in self._compiled:
                self._compiled[-1] = compile_terms(self._terms, ignorecase=True)
            return search(self._compiled[-1], text) is not None
        folded: str | None = None
        for index, condition in enumerate(self._conditions):
            if condition is not None:
                if folded is None:
                    folded = fold(text)
                if not satisfied(condition, folded):
                    continue
            pattern = self._compiled.get(index)
            if pattern is None:
                pattern = compile_terms([self._terms[index]], ignorecase=True)
                self._compiled[index] = pattern
            if search(pattern, text) is not None:
                return True
        return False
