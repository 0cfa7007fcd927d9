"""Whether one of a list's wordings matches a text, as their alternation would say, looked
for term by term behind the exact required-factor prefilter (lint/required_factors.py)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lint.patterns import compile_terms, normalise_term, search
from lint.regex_source import GLOBAL_OR_VERBOSE_FLAGS
from lint.required_factors import fold, holds, stored_clauses_each

class TermGate:
    """Whether one of `terms` (lexicon regexes) matches in a text, as their case-insensitive,
    word-bounded alternation (patterns.compile_terms) would say, at a fraction of its cost:
    a term is searched only in texts that hold its required factors, and compiled on the
    first such text (a French disclaimer is seldom compiled for English copy).

    Exact: the alternation matches somewhere exactly when one of its terms, bounded the
    same way, matches somewhere; and a term cannot match where its factors are absent.
    """

    def __init__(self, terms: Sequence[str]) -> None:
        self._terms = tuple(terms)
        self._clauses = stored_clauses_each([normalise_term(term) for term in self._terms])
        self._compiled: dict[int, regex.Pattern[str]] = {}
        # A flag group without a scope in one term applies to the whole alternation: such
        # terms are only ever searched together, as written.
        self._whole = any(GLOBAL_OR_VERBOSE_FLAGS.search(normalise_term(t)) for t in self._terms)

    def search(self, text: str) -> bool:
        """True when one of the terms matches somewhere in `text`."""
        if self._whole:
            if -1 not in self._compiled:
                self._compiled[-1] = compile_terms(self._terms, ignorecase=True)
            return search(self._compiled[-1], text) is not None
        folded: str | None = None
        for index, clauses in enumerate(self._clauses):
            if clauses is not None:
                if folded is None:
                    folded = fold(text)
                if not holds(clauses, folded):
                    continue
            pattern = self._compiled.get(index)
            if pattern is None:
                pattern = compile_terms([self._terms[index]], ignorecase=True)
                self._compiled[index] = pattern
            if search(pattern, text) is not None:
                return True
        return False
