"""Whole-document rule types: consistency (one spelling per draft) and conditional (X needs Y)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.document.scopes import units
from lint.patterns import compile_terms, finditer
from lint.rule_types.base import Finding, OptionError, RuleType, check_regexes, rule_type
from lint.rule_types.terms import match_case


def prose_units(unit: TextUnit) -> list[TextUnit]:
    """The prose blocks of the unit's document, as units (document-level rules read these)."""
    return list(units(unit.document, ("text",)))


class DocumentRule(RuleType):
    """A rule that judges all the units of its scope together (default: every prose block).

    The engine calls `check_units` with every unit at once; `check(unit)` on a
    whole-document unit reads that document's prose blocks.
    """

    default_scope = ("text",)

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        return self.check_units(prose_units(unit) if unit.block is None else [unit])

    def check_units(self, units: Iterable[TextUnit]) -> Iterator[Finding]:
        raise NotImplementedError


@dataclass(frozen=True)
class ConsistencyOptions:
    either: Mapping[str, str] = field(default_factory=dict)
    """Pairs of alternative spellings (regexes); the first one used in the draft wins."""
    ignorecase: bool = True
    nonword: bool = False


@rule_type("consistency")
class Consistency(DocumentRule):
    """Flags the spelling of a pair that differs from the one the draft used first."""

    Options = ConsistencyOptions
    options: ConsistencyOptions

    @classmethod
    def validate(cls, options: ConsistencyOptions) -> None:
        check_regexes("either", options.either)
        check_regexes("either", options.either.values())

    def setup(self) -> None:
        self.pairs = [
            tuple(compile_terms([t], ignorecase=self.options.ignorecase,
                                nonword=self.options.nonword) for t in pair)
            for pair in self.options.either.items()
        ]

    def check_units(self, units: Iterable[TextUnit]) -> Iterator[Finding]:
        blocks = list(units)
        source = blocks[0].document.source.text if blocks else ""
        for pair in self.pairs:
            hits = sorted(
                (block.span(m.start(), m.end()), side, m.group())
                for block in blocks for side, pattern in enumerate(pair)
                for m in finditer(pattern, block.text)
            )
            if len({side for _, side, _ in hits}) < 2:
                continue
            _, first_side, first_word = hits[0]
            for (start, end), side, word in hits:
                if side == first_side:
                    continue
                preferred = match_case(word, first_word.lower() if word.islower() else first_word)
                fixes = ()
                if source[start:end] == word:
                    fixes = (Fix(f"Replace with '{preferred}'", (Edit(start, end, preferred),)),)
                yield Finding(start, end, {"match": word, "preferred": first_word}, fixes=fixes)


@dataclass(frozen=True)
class ConditionalOptions:
    first: str = ""
    """Regex; when it matches, `second` must match somewhere in the draft."""
    second: str = ""
    """Regex. If both have capture groups, each value captured by `first` must be among
    the values captured by `second` (e.g. an acronym and its definition)."""
    ignorecase: bool = False
    exceptions: tuple[str, ...] = ()
    """Values of `first` that need no `second` (literal strings, not regexes)."""


@rule_type("conditional")
class Conditional(DocumentRule):
    """If `first` appears, `second` must appear too, before or after it (order-independent).

    Each distinct value of `first` is reported once, at its first occurrence.
    """

    Options = ConditionalOptions
    options: ConditionalOptions

    @classmethod
    def validate(cls, options: ConditionalOptions) -> None:
        for key in ("first", "second"):
            if not getattr(options, key):
                raise OptionError((key,), f"conditional needs '{key}' (a regex)")
            check_regexes(key, [getattr(options, key)])

    def setup(self) -> None:
        # As user tokens elsewhere: any apostrophe, any white space where a space is written.
        self.first, self.second = (
            compile_terms([source], ignorecase=self.options.ignorecase, nonword=True)
            for source in (self.options.first, self.options.second)
        )
        self.keyed = self.first.groups > 0 and self.second.groups > 0
        self.exceptions = {self._key(e) for e in self.options.exceptions}

    def _key(self, value: str) -> str:
        return value.casefold() if self.options.ignorecase else value

    def check_units(self, units: Iterable[TextUnit]) -> Iterator[Finding]:
        blocks = list(units)
        satisfied: set[str] = set()
        any_second = False
        for block in blocks:
            for m in finditer(self.second, block.text):
                any_second = True
                satisfied.update(self._key(g) for g in m.groups() if g)
        if any_second and not self.keyed:
            return
        seen = set(self.exceptions)
        for block in blocks:
            for m in finditer(self.first, block.text):
                # Keyed: the first capture group that took part is the value (and the span).
                group = next((i for i in range(1, self.first.groups + 1) if m.group(i)), 0) if (
                    self.keyed) else 0
                value = m.group(group)
                key = self._key(value)
                if key in seen or key in satisfied:
                    continue
                seen.add(key)
                start, end = block.span(*m.span(group))
                yield Finding(start, end, {"match": value})
