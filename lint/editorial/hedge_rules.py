"""Editorial hedging rule types: stacked-hedges on one claim, hedge-density over a whole draft."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import TextUnit
from lint.editorial.analysis import AnalysisOptions, Match, analyse
from lint.editorial.lexicon import lexicon_for
from lint.rule_types.base import Finding, RuleType, rule_type

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
_CLAUSE = regex.compile(r"[,;:()\[\]—–]|\s-\s")


class _HedgeRule(RuleType):
    default_scope = ("document",)

    def setup(self) -> None:
        self.lex = lexicon_for(self.context.lexicons, self.lang)


@dataclass(frozen=True)
class StackOptions(AnalysisOptions):
    window_words: int = 6
    """Two hedges of different kinds at most this many words apart hedge one claim."""
    min_kinds: int = 2
    """How many different kinds of hedge (modal, adverb, verb...) make a stack."""
    max_per_sentence: int = 2
    """A sentence with more hedges than this is over-hedged whatever their kinds."""


@rule_type("stacked-hedges")
class StackedHedges(_HedgeRule):
    """Two or more hedges on one claim ("could possibly", "pourrait peut-être")."""

    Options = StackOptions
    options: StackOptions

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        for s in analyse(unit.document, self.lex, self.options).sentences():
            if s.question:
                continue  # a question claims nothing ("Could it possibly live up to the hype?")
            hedges = sorted(_distinct(s.hedges), key=lambda h: h[1].start)
            stack = self._stack(s.masked, hedges)
            if stack is None:
                continue
            first, last = stack
            start, end = s.block.projection.to_source_span(s.start + first.start, s.start + last.end)
            yield Finding(start, end, {"phrase": s.text[first.start : last.end]})

    def _stack(self, text: str, hedges: list[tuple[str, Match]]) -> tuple[Match, Match] | None:
        for i, (kind, hedge) in enumerate(hedges):
            kinds = {kind}
            for other_kind, other in hedges[i + 1 :]:
                between = text[hedge.end : other.start]
                # One claim: close together, and no clause break in between.
                if len(_WORD.findall(between)) > self.options.window_words or _CLAUSE.search(between):
                    break
                kinds.add(other_kind)
                if len(kinds) >= self.options.min_kinds:
                    return hedge, other
        if len(hedges) > self.options.max_per_sentence:
            return hedges[0][1], hedges[-1][1]
        return None


def _distinct(hedges: list[tuple[str, Match]]) -> list[tuple[str, Match]]:
    """One entry per place: a phrase matched by two lists ("may well") counts once."""
    seen: list[tuple[str, Match]] = []
    for kind, hedge in sorted(hedges, key=lambda h: (h[1].start, -(h[1].end - h[1].start))):
        if seen and hedge.start < seen[-1][1].end:
            continue
        seen.append((kind, hedge))
    return seen


@dataclass(frozen=True)
class DensityOptions(AnalysisOptions):
    max_per_100_words: float = 3.0
    """Report a draft with more hedges than this per 100 words of claim prose."""
    min_words: int = 150
    """Shorter drafts are not measured (a few hedges would dominate)."""


@rule_type("hedge-density")
class HedgeDensity(_HedgeRule):
    """Hedges per 100 words over the whole draft, against a threshold."""

    # It measures the whole draft; filtering its one finding by position would not scope
    # the measure, so it rejects `scope:` when the rule loads.
    scoping = "none"

    Options = DensityOptions
    options: DensityOptions

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        sentences = analyse(unit.document, self.lex, self.options).sentences()
        words = sum(len(_WORD.findall(s.masked)) for s in sentences)
        hedges = sum(len(_distinct(s.hedges)) for s in sentences)
        if words < self.options.min_words or not sentences:
            return
        density = 100.0 * hedges / words
        if density > self.options.max_per_100_words:
            first = sentences[0]
            start, end = first.block.projection.to_source_span(first.start, first.end)
            yield Finding(start, end, {"density": f"{density:.1f}", "count": hedges, "words": words,
                                       "limit": f"{self.options.max_per_100_words:g}"})
