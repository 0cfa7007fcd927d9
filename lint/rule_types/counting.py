"""Counting rule types: occurrence (min/max per scope) and repetition ("the the")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.patterns import compile_pattern, compile_terms, finditer
from lint.rule_types.base import Finding, OptionError, RuleType, rule_type


@dataclass(frozen=True)
class OccurrenceOptions:
    token: str = r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*"
    """Regex counted in each unit (default: words)."""
    max: int = -1
    """Report a unit with more than this many matches (-1: no maximum)."""
    min: int = -1
    """Report a unit with fewer than this many matches (-1: no minimum)."""
    ignorecase: bool = False


@rule_type("occurrence")
class Occurrence(RuleType):
    """Counts `token` per unit of the scope; flags the unit outside [min, max]."""

    Options = OccurrenceOptions
    options: OccurrenceOptions
    default_scope = ("sentence",)

    @classmethod
    def validate(cls, options: OccurrenceOptions) -> None:
        if options.max < 0 and options.min < 0:
            raise OptionError(("max",), "occurrence needs 'max' or 'min'")

    def setup(self) -> None:
        self.pattern = compile_pattern(self.options.token, ignorecase=self.options.ignorecase)

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        count = sum(1 for _ in finditer(self.pattern, unit.text))
        limit = None
        if 0 <= self.options.max < count:
            limit = self.options.max
        elif 0 <= self.options.min and count < self.options.min:
            limit = self.options.min
        if limit is not None:
            start, end = unit.span(0, len(unit.text))
            yield Finding(start, end, {"count": count, "limit": limit})


@dataclass(frozen=True)
class RepetitionOptions:
    tokens: tuple[str, ...] = (r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*",)
    """What counts as one word."""
    ignorecase: bool = True
    exceptions: tuple[str, ...] = ()
    """Words that may legitimately repeat ("had had", "nous nous")."""


@rule_type("repetition")
class Repetition(RuleType):
    """Flags a word repeated back to back ("the the", "le le"); the fix removes the copy."""

    Options = RepetitionOptions
    options: RepetitionOptions

    def setup(self) -> None:
        self.pattern = compile_terms(self.options.tokens, nonword=True)
        self.exceptions = (
            compile_terms(self.options.exceptions, ignorecase=True) if self.options.exceptions
            else None
        )

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        previous = None
        for m in finditer(self.pattern, unit.text):
            word = m.group()
            if previous is not None and unit.text[previous.end() : m.start()].isspace():
                same = (word.lower() == previous.group().lower()) if self.options.ignorecase else (
                    word == previous.group()
                )
                if same and not (self.exceptions and self.exceptions.fullmatch(word)):
                    start, end = unit.span(previous.start(), m.end())
                    cut_start, cut_end = unit.span(previous.end(), m.end())
                    source = unit.document.source.text
                    fixes = ()
                    if source[cut_start:cut_end].strip() == word:
                        fixes = (Fix(f"Remove the repeated '{word}'", (Edit(cut_start, cut_end, ""),)),)
                    yield Finding(start, end, {"match": word}, fixes=fixes)
                    previous = None
                    continue
            previous = m
