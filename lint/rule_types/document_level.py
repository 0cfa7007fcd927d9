"""Whole-document rule types: consistency (one spelling per draft) and conditional (X needs Y)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.document.scopes import units
from lint.patterns import compile_pattern, compile_terms, finditer
from lint.rule_types.base import Finding, OptionError, RuleType, rule_type
from lint.rule_types.terms import match_case


def prose_units(unit: TextUnit) -> list[TextUnit]:
    """The prose blocks of the unit's document, as units (document-level rules read these)."""
    return list(units(unit.document, ("text",)))


@dataclass(frozen=True)
class ConsistencyOptions:
    either: Mapping[str, str] = field(default_factory=dict)
    """Pairs of alternative spellings (regexes); the first one used in the draft wins."""
    ignorecase: bool = True
    nonword: bool = False


@rule_type("consistency")
class Consistency(RuleType):
    """Flags the spelling of a pair that differs from the one the draft used first."""

    Options = ConsistencyOptions
    options: ConsistencyOptions
    default_scope = ("document",)


    def setup(self) -> None:
        self.pairs = [
            tuple(compile_terms([t], ignorecase=self.options.ignorecase, nonword=self.options.nonword)
                  for t in pair)
            for pair in self.options.either.items()
        ]

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        blocks = prose_units(unit)
        for pair in self.pairs:
            hits = sorted(
                (unit_.span(m.start(), m.end()), side, m.group())
                for unit_ in blocks for side, pattern in enumerate(pair)
                for m in finditer(pattern, unit_.text)
            )
            if not hits or len({side for _, side, _ in hits}) < 2:
                continue
            first_side, first_word = hits[0][1], hits[0][2]
            for (start, end), side, word in hits:
                if side != first_side:
                    preferred = match_case(word, first_word.lower() if word.islower() else first_word)
                    fixes = ()
                    if unit.document.source.text[start:end] == word:
                        fixes = (Fix(f"Replace with '{preferred}'", (Edit(start, end, preferred),)),)
                    yield Finding(start, end, {"match": word, "preferred": first_word}, fixes=fixes)


@dataclass(frozen=True)
class ConditionalOptions:
    first: str = ""
    """Regex; when it matches, `second` must match somewhere in the draft."""
    second: str = ""
    """Regex. If both have a capture group, each captured value of `first` must be
    among the values captured by `second` (e.g. an acronym and its expansion)."""
    ignorecase: bool = False
    exceptions: tuple[str, ...] = ()
    """Values of `first` that need no `second`."""


@rule_type("conditional")
class Conditional(RuleType):
    """If `first` appears, `second` must appear too, before or after it (order-independent)."""

    Options = ConditionalOptions
    options: ConditionalOptions
    default_scope = ("document",)

    @classmethod
    def validate(cls, options: ConditionalOptions) -> None:
        if not options.first or not options.second:
            raise OptionError(("first",), "conditional needs both 'first' and 'second'")

    def setup(self) -> None:
        self.first = compile_pattern(self.options.first, ignorecase=self.options.ignorecase)
        self.second = compile_pattern(self.options.second, ignorecase=self.options.ignorecase)
        self.exceptions = set(self.options.exceptions)

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        blocks = prose_units(unit)
        keyed = self.first.groups > 0 and self.second.groups > 0
        satisfied: set[str] = set()
        any_second = False
        for unit_ in blocks:
            for m in finditer(self.second, unit_.text):
                any_second = True
                if keyed:
                    satisfied.update(g for g in m.groups() if g)
        reported: set[str] = set()
        for unit_ in blocks:
            for m in finditer(self.first, unit_.text):
                value = (next((g for g in m.groups() if g), m.group()) if keyed else m.group())
                if value in self.exceptions or value in reported:
                    continue
                if (keyed and value in satisfied) or (not keyed and any_second):
                    continue
                reported.add(value)
                start, end = unit_.span(m.start(), m.end())
                yield Finding(start, end, {"match": value})
