"""Text statistics rule types: `metric` (a formula of counts) and `readability` (grade levels)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from lint.data import load_data
from lint.document import Document, TextUnit
from lint.rule_types.base import Finding, OptionError, RuleType, rule_type
from lint.rule_types.counting import WORD

if TYPE_CHECKING:
    from lint.formula import Formula  # imported by the rules that use one (Vale's metric)

_WORD = regex.compile(WORD)
_STATS = load_data("readability")
VARIABLES = frozenset(_STATS["variables"])
_HEADING = re.compile(r"heading\.(h[1-6])")


def syllables(word: str) -> int:
    """Vowel groups less a silent ending, at least one (English; lint/data/readability.yaml)."""
    vowels = _STATS["vowels"]
    word = word.lower()
    count, previous = 0, False
    for ch in word:
        vowel = ch in vowels
        count += vowel and not previous
        previous = vowel
    if any(word.endswith(e) and len(word) > len(e) for e in _STATS["silent_endings"]):
        count -= 1
    return max(count, 1)


def statistics(document: Document) -> dict[str, float]:
    """The counts a formula names: of the summary text (prose blocks less headings and
    tables, as Vale's `summary` scope) and of the document's elements."""
    counts: Counter[str] = Counter()
    for block in document.blocks:
        if block.is_prose and "heading" in block.scope:
            counts[f"heading_{block.scope[-1]}"] += 1
        for name in ("list", "blockquote"):
            counts[name] += name in block.scope
        counts["pre"] += "code" in block.scope
    summary = [b for b in document.prose_blocks
               if not {"heading", "table"}.intersection(b.scope)]
    long_word, complex_count = _STATS["long_word_letters"], _STATS["complex_syllables"]
    for block in summary:
        counts["paragraphs"] += 1
        counts["sentences"] += len(block.sentences)
        for word in _WORD.findall(block.text):
            n = syllables(word)
            counts["words"] += 1
            counts["characters"] += sum(ch.isalnum() for ch in word)
            counts["syllables"] += n
            counts["long_words"] += len(word) >= long_word
            counts["polysyllabic_words"] += n >= complex_count
            suffix = any(word.endswith(s) for s in _STATS["complex_suffixes"])
            counts["complex_words"] += n - suffix >= complex_count
    return {name: float(counts[name]) for name in VARIABLES}


def _formula(key: str, text: str) -> Formula:
    from lint.formula import Formula, FormulaError  # only a Vale metric rule needs it (and ast)

    try:
        return Formula(_HEADING.sub(r"heading_\1", text), VARIABLES)
    except (FormulaError, RecursionError) as exc:
        raise OptionError((key,), str(exc)) from None


class _Statistic(RuleType):
    """Judges the whole draft once: one finding at its start when the value is out of
    bounds (nothing for a draft without summary text)."""

    default_scope = ("document",)
    scoping = "none"

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        return self.check_units([unit])

    def check_units(self, units: Iterable[TextUnit]) -> Iterator[Finding]:
        unit = next(iter(units), None)  # the whole document: one unit
        if unit is None:
            return
        stats = statistics(unit.document)
        if not stats["words"] or not stats["sentences"]:
            return
        try:
            value = self.value(stats)
        except (ArithmeticError, ValueError):
            return  # no value (a division by zero): nothing to judge
        if self.out_of_bounds(value):
            yield Finding(0, 0, {"value": f"{value:.2f}"})

    def value(self, stats: dict[str, float]) -> float:
        raise NotImplementedError

    def out_of_bounds(self, value: float) -> bool:
        raise NotImplementedError


@dataclass(frozen=True)
class MetricOptions:
    formula: str = ""
    """Arithmetic over the counts (lint/data/readability.yaml `variables`)."""
    condition: str = ""
    """When to report: a comparison and a number, such as `> 8`."""


@rule_type("metric")
class Metric(_Statistic):
    """Vale's `metric`: reports the draft when its formula's value meets the condition."""

    Options = MetricOptions
    options: MetricOptions

    @classmethod
    def validate(cls, options: MetricOptions) -> None:
        from lint.formula import FormulaError, condition

        _formula("formula", options.formula)
        try:
            condition(options.condition)
        except FormulaError as exc:
            raise OptionError(("condition",), str(exc)) from None

    def setup(self) -> None:
        from lint.formula import condition

        self.formula = _formula("formula", self.options.formula)
        self.test = condition(self.options.condition)

    def value(self, stats: dict[str, float]) -> float:
        return self.formula.value(stats)

    def out_of_bounds(self, value: float) -> bool:
        return self.test(value)


@dataclass(frozen=True)
class ReadabilityOptions:
    metrics: tuple[str, ...] = ()
    """Grade formulas to average (lint/data/readability.yaml `grades`)."""
    grade: float = field(default=0.0)
    """Report the draft when the average is above this."""


@rule_type("readability")
class Readability(_Statistic):
    """Vale's `readability`: reports the draft when its average grade is above `grade`."""

    Options = ReadabilityOptions
    options: ReadabilityOptions

    @classmethod
    def validate(cls, options: ReadabilityOptions) -> None:
        known = _STATS["grades"]
        if not options.metrics:
            raise OptionError(("metrics",), f"readability needs 'metrics' (any of "
                                            f"{', '.join(known)})")
        for metric in options.metrics:
            if metric not in known:
                raise OptionError(("metrics",), f"unknown metric {metric!r} (known: "
                                                f"{', '.join(known)})")

    def setup(self) -> None:
        self.formulas = [_formula("metrics", _STATS["grades"][m]) for m in self.options.metrics]

    def value(self, stats: dict[str, float]) -> float:
        return sum(f.value(stats) for f in self.formulas) / len(self.formulas)

    def out_of_bounds(self, value: float) -> bool:
        return value > self.options.grade
