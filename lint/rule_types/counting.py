"""Counting rule types: occurrence (min/max per scope) and repetition ("the the")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lint.buffer_memory import TextMemo
from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.document.projection import PLACEHOLDER
from lint.document.scopes import code_widened
from lint.patterns import (
    APOSTROPHES, SPACE, compile_pattern, compile_terms, finditer, fullmatch,
)
from lint.rule_types.base import Finding, OptionError, RuleType, bounds, check_regexes, rule_type

_LETTERS = r"[\p{L}\p{M}\p{N}]*"  # letters, combining accents (decomposed é), digits
WORD = rf"[\p{{L}}\p{{N}}]{_LETTERS}(?:[{APOSTROPHES}-][\p{{L}}\p{{N}}]{_LETTERS})*"
"""A word: letters and digits, with inner apostrophes and hyphens (l'homme, e-mail)."""

_GAP = f"{SPACE}+"
_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES})


@dataclass(frozen=True)
class OccurrenceOptions:
    token: str = WORD
    """Regex counted in each unit (default: words)."""
    max: int = field(default=-1, metadata=bounds(-1))
    """Report a unit with more than this many matches (-1: no maximum)."""
    min: int = field(default=-1, metadata=bounds(-1))
    """Report a unit with fewer than this many matches (-1: no minimum)."""
    ignorecase: bool = False
    at_first_match: bool = False
    """Report from the unit's first match (Vale's position) instead of the whole unit; a
    match on a code span's placeholder is not a place to report from."""
    code_width: bool = False
    """Count an inline code span as its characters, not as one placeholder (Vale's)."""


@rule_type("occurrence")
class Occurrence(RuleType):
    """Counts `token` per unit of the scope; flags the whole unit outside [min, max]."""

    Options = OccurrenceOptions
    options: OccurrenceOptions
    default_scope = ("sentence",)

    @classmethod
    def validate(cls, options: OccurrenceOptions) -> None:
        if options.max < 0 and options.min < 0:
            raise OptionError(("max",), "occurrence needs 'max' or 'min' (a count of 0 or more)")
        if 0 <= options.max < options.min:
            raise OptionError(("min",), f"'min' ({options.min}) is above 'max' ({options.max})")
        check_regexes("token", [options.token])

    def setup(self) -> None:
        self.pattern = compile_terms([self.options.token], ignorecase=self.options.ignorecase,
                                     nonword=True)

    def _count(self, text: str) -> tuple[int, int]:
        """How many non-empty matches `text` holds, and where the first one outside a code
        placeholder starts (else the first one; 0 if none)."""
        matches = [m for m in finditer(self.pattern, text) if m.end() > m.start()]
        first = next((m.start() for m in matches if text[m.start()] != PLACEHOLDER),
                     matches[0].start() if matches else 0)
        return len(matches), first

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        # In the language server, sentences that did not change are not counted again.
        memo = TextMemo.open(self)
        text, origin = unit.text, None
        if self.options.code_width:
            text, origin = code_widened(unit)
        count, first_start = (self._count(text) if memo is None
                              else memo.get(("count", text), lambda: self._count(text)))
        limit = None
        if 0 <= self.options.max < count:
            limit = self.options.max
        elif 0 <= self.options.min and count < self.options.min:
            limit = self.options.min
        if limit is not None:
            first = first_start if self.options.at_first_match else 0
            if origin is not None:
                first = origin[first] if first < len(origin) else len(unit.text)
            start, end = unit.span(first, len(unit.text))
            yield Finding(start, end, {"count": count, "limit": limit})


@dataclass(frozen=True)
class RepetitionOptions:
    tokens: tuple[str, ...] = (
        rf"\p{{L}}{_LETTERS}(?:[{APOSTROPHES}-][\p{{L}}\p{{N}}]{_LETTERS})*",
    )
    """What counts as one word. The default starts with a letter: repeated numbers are
    groups of digits (French "100 000 000"), not typos."""
    ignorecase: bool = True
    exceptions: tuple[str, ...] = ()
    """Words that may legitimately repeat ("had had", "nous nous"); regexes."""
    alpha: bool = False
    """Only words made of letters count (Vale's `alpha`): "// //" or "1 1" is no slip."""
    max: int = field(default=0, metadata=bounds(0))
    """Repeats a run may hold before it is reported (Vale's `max`): 0 reports "the the",
    1 lets "very very" pass and reports "very very very" at its second pair."""
    skip_capitalized: bool = False
    """Skip pairs whose second copy starts with a capital: names and titles (Duran Duran,
    Bora Bora, "law lord Lord Bingham"), whereas the slip "The the" is still reported."""


@rule_type("repetition")
class Repetition(RuleType):
    """Flags a word repeated back to back ("the the", "le le"); the fix removes the copy.

    Only white space (no-break spaces and line breaks included) may separate the two
    copies: "no. No" or "non, non" are not slips.
    """

    Options = RepetitionOptions
    options: RepetitionOptions

    @classmethod
    def validate(cls, options: RepetitionOptions) -> None:
        check_regexes("tokens", options.tokens)
        check_regexes("exceptions", options.exceptions)

    def setup(self) -> None:
        self.pattern = compile_terms(self.options.tokens, nonword=True)
        self.gap = compile_pattern(_GAP)
        self.exceptions = (
            compile_terms(self.options.exceptions, ignorecase=True)
            if self.options.exceptions else None
        )

    def _compared(self, word: str) -> str:
        """What `word` is compared as: two words are the same when these are equal, whatever
        the apostrophe (l'homme l’homme) and, by default, case."""
        word = word.translate(_APOSTROPHE)
        return word.casefold() if self.options.ignorecase else word

    def _allowed(self, word: str) -> bool:
        """A repeat that is not a slip: an exception, or a name when so configured."""
        if self.options.skip_capitalized and word[:1].isupper():
            return True
        if self.options.alpha and not word.isalpha():
            return True
        return self.exceptions is not None and fullmatch(self.exceptions, word) is not None

    def _repeats(self, text: str) -> tuple[tuple[int, int, int, str], ...]:
        """(first copy's start, first copy's end, second copy's end, word) of each slip in
        `text` to report: a pure function of the text and the options."""
        found: list[tuple[int, int, int, str]] = []
        previous = None
        previous_form = None  # each word's compared form is computed once, not per pair
        repeats = 0  # in the current run: "the the the" is one slip, reported once
        for m in finditer(self.pattern, text):
            word = m.group()
            form = self._compared(word)
            repeated = False
            # The words first: comparing two strings is cheaper than matching the gap,
            # and almost no pair of neighbours is the same word.
            if (
                previous is not None
                and form == previous_form
                and fullmatch(self.gap, text[previous.end() : m.start()]) is not None
            ):
                repeated = True
                repeats += 1
                if repeats == self.options.max + 1 and not self._allowed(word):
                    found.append((previous.start(), previous.end(), m.end(), word))
            if not repeated:
                repeats = 0
            previous, previous_form = m, form
        return tuple(found)

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        source = unit.document.source.text
        # In the language server, units that did not change are not scanned again.
        memo = TextMemo.open(self)
        text = unit.text
        repeats = (self._repeats(text) if memo is None
                   else memo.get(("repeats", text), lambda: self._repeats(text)))
        for first_start, first_end, second_end, word in repeats:
            start, end = unit.span(first_start, second_end)
            cut_start, cut_end = unit.span(first_end, second_end)
            # Remove " word" only where the source holds exactly that (no markup).
            fixes: tuple[Fix, ...] = ()
            if source[cut_start:cut_end].strip() == word:
                fixes = (Fix(f"Remove the repeated '{word}'",
                             (Edit(cut_start, cut_end, ""),)),)
            yield Finding(start, end, {"match": word}, fixes=fixes)
