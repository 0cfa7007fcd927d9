"""Per-sentence facts of a draft (quantities, forecasts, sources, hedges, certainty), computed once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.document import Block, Document
from lint.document.quotes import quote_spans
from lint.editorial.lexicon import EditorialLexicon
from lint.editorial.quantities import Quantity, find_quantities
from lint.editorial.sources import Attribution, Kind, SourceClassifier
from lint.patterns import finditer, search

MASK = "\ufffc"
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*")
MIN_QUOTE_WORDS = 4
"""Shorter quoted fragments are scare quotes, not speech (domain note §0.3)."""


@dataclass
class Match:
    start: int
    end: int
    text: str


@dataclass
class SentenceFacts:
    """What the editorial rules need to know about one sentence."""

    block: Block
    index: int
    """Position of the sentence in its block."""
    start: int
    """0-based offset of the sentence in the block's projection text."""
    end: int
    text: str
    masked: str
    """`text` with attributed quotations replaced by MASK characters (same length)."""
    quantities: list[Quantity] = field(default_factory=list)
    forward: list[Match] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    hedges: list[tuple[str, Match]] = field(default_factory=list)
    certainty: list[Match] = field(default_factory=list)
    boosters: list[Match] = field(default_factory=list)
    question: bool = False
    hypothetical: bool = False
    conditional: bool = False
    scheduled: bool = False
    past: bool = False

    @property
    def best(self) -> Kind:
        return max((a.kind for a in self.attributions), default=Kind.NONE)

    def weak(self) -> Attribution | None:
        """The weak attribution to report: social first, then anonymous, then weasel."""
        for kind in (Kind.SOCIAL, Kind.ANONYMOUS, Kind.WEASEL):
            for a in self.attributions:
                if a.kind == kind:
                    return a
        return None

    def quantity_keys(self) -> set[str]:
        return {q.key for q in self.quantities}


@dataclass
class Analysis:
    document: Document
    lexicon: EditorialLexicon
    reference_year: int | None
    """Year of the front matter `date:`; None when the draft has no date."""
    paragraphs: list[list[SentenceFacts]] = field(default_factory=list)

    def sentences(self) -> list[SentenceFacts]:
        return [s for p in self.paragraphs for s in p]


def analyse(document: Document, lexicon: EditorialLexicon) -> Analysis:
    """The analysis of `document` with `lexicon`, computed once and shared by every
    editorial rule (kept in document.cache)."""
    cached = document.cache.get("editorial")
    if cached is None or cached.lexicon is not lexicon:
        cached = _Analyser(document, lexicon).run()
        document.cache["editorial"] = cached
    return cached


def claim_blocks(document: Document) -> list[Block]:
    """Prose paragraphs that can carry claims: paragraphs, list items, quotes (not headings,
    bylines or table cells)."""
    return [b for b in document.blocks if b.is_prose and b.scope[-1] == "paragraph"]


def reference_year(meta: dict[str, Any]) -> int | None:
    value = meta.get("date")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, str):
        m = regex.match(r"\s*(\d{4})", value)
        if m:
            return int(m.group(1))
    return None


class _Analyser:
    def __init__(self, document: Document, lexicon: EditorialLexicon) -> None:
        self.doc = document
        self.lex = lexicon
        words: set[str] = set()
        for block in document.prose_blocks:
            words.update(w.lower() for w in _LOWER_WORD.findall(block.text))
        self.sources = SourceClassifier(lexicon, words)
        self.year = reference_year(document.meta)

    def run(self) -> Analysis:
        analysis = Analysis(self.doc, self.lex, self.year)
        for block in claim_blocks(self.doc):
            masked_block = self._mask_attributed_quotes(block.text)
            facts = [
                self._sentence(block, i, s.start, s.end, masked_block[s.start : s.end])
                for i, s in enumerate(block.sentences)
            ]
            analysis.paragraphs.append(facts)
        return analysis

    # -- quotations ---------------------------------------------------------------------
    def _mask_attributed_quotes(self, text: str) -> str:
        """Quoted speech with a speaker in the paragraph is sourced: hide it from the
        writer's-own-claim checks (checks.md, "Quotations")."""
        spans = [(s, e) for s, e in quote_spans(text) if len(_WORD.findall(text[s:e])) >= MIN_QUOTE_WORDS]
        if not spans:
            return text
        outside = list(text)
        for s, e in spans:
            outside[s:e] = MASK * (e - s)
        outside_text = "".join(outside)
        attributed = any(
            a.kind == Kind.NAMED for a in self.sources.attributions(outside_text)
        ) or self._speaker_before_colon(outside_text)
        return outside_text if attributed else text

    def _speaker_before_colon(self, outside: str) -> bool:
        """"Bertrand Lefebvre reste prudent : « … »" names the speaker without a verb."""
        for m in regex.finditer(r":\s*\ufffc", outside):
            lead = outside[: m.start()]
            lead = lead[lead.rfind(".") + 1 :]
            if self.sources.named_evidence(lead, sentence_initial=True):
                return True
        return False

    # -- sentences -------------------------------------------------------------------
    def _sentence(self, block: Block, index: int, start: int, end: int, masked: str) -> SentenceFacts:
        lex = self.lex
        text = block.text[start:end]
        facts = SentenceFacts(block, index, start, end, text, masked)
        facts.question = text.rstrip().rstrip("»”\"' ").endswith("?")
        facts.hypothetical = search(lex.hypothetical, masked.lstrip(" «“\"")) is not None
        facts.conditional = search(lex.conditional, masked) is not None
        facts.quantities = [q for q in find_quantities(masked, lex) if MASK not in q.text]
        facts.forward = self._forward(masked)
        facts.attributions = self.sources.attributions(masked)
        for category, pattern in lex.hedges.items():
            facts.hedges.extend((category, Match(m.start(), m.end(), m.group()))
                                for m in finditer(pattern, masked))
        exceptions = [(m.start(), m.end()) for m in finditer(lex.certainty_exceptions, masked)]

        def allowed(m: regex.Match[str]) -> bool:
            return not any(lo <= m.start() < hi for lo, hi in exceptions)

        facts.boosters = [Match(m.start(), m.end(), m.group())
                          for m in finditer(lex.boosters, masked) if allowed(m)]
        facts.certainty = [Match(m.start(), m.end(), m.group())
                           for m in finditer(lex.certainty_future, masked)
                           if allowed(m) and not self._future_exception(masked, m)]
        facts.scheduled = search(lex.scheduled, masked) is not None and search(lex.dates, masked) is not None
        facts.past = search(lex.past, masked) is not None or search(lex.journalistic_conditional, masked) is not None
        return facts

    def _future_exception(self, text: str, m: regex.Match[str]) -> bool:
        """Words that look like a future tense but are nouns ("opéra", "caméra")."""
        return bool(self.lex.future_tense_exceptions.fullmatch(m.group()))

    def _forward(self, text: str) -> list[Match]:
        lex = self.lex
        marks = [Match(m.start(), m.end(), m.group()) for m in finditer(lex.forward, text)]
        marks += [Match(m.start(), m.end(), m.group()) for m in finditer(lex.future_tense, text)
                  if not lex.future_tense_exceptions.fullmatch(m.group())]
        if self.year is not None:
            for m in finditer(lex.year_refs, text):
                year = next((int(g) for g in m.groups() if g), None)
                if year is not None and year > self.year:
                    marks.append(Match(m.start(), m.end(), m.group()))
        return sorted(marks, key=lambda x: x.start)
