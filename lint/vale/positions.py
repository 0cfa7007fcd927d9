"""Vale's position for a match that crosses inline markup: the line holding its sentence."""

from __future__ import annotations

import bisect
import dataclasses

import regex

from lint.diagnostic import Diagnostic
from lint.document import Block, Document
from lint.document.projection import PLACEHOLDER

_TOKEN = regex.compile(rf"[^\s\p{{P}}{PLACEHOLDER}]+")


def crosses_markup(block: Block, diagnostic: Diagnostic) -> bool:
    """Whether the finding starts inside one of the block's inline elements and ends
    outside it, or the reverse: its text is then not a copy of any source text."""
    lo, hi = diagnostic.offset, diagnostic.end_offset
    return any((i.start <= lo < i.end) != (i.start < hi <= i.end) for i in block.inline)


class SentenceLines:
    """Moves findings where Vale reports a match it cannot find in the source (its
    rendered text crosses markup): the whole first source line of the block that holds
    every word of the match's sentence. A finding that crosses no markup, or whose
    sentence no line holds whole, stays where it is."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.starts = [b.start for b in document.blocks]

    def moved(self, diagnostic: Diagnostic) -> Diagnostic:
        blocks = self.document.blocks
        at = bisect.bisect_right(self.starts, diagnostic.offset) - 1
        if at < 0 or diagnostic.offset >= blocks[at].end:
            return diagnostic
        block = blocks[at]
        if not crosses_markup(block, diagnostic):
            return diagnostic
        spans = (block.projection.to_source_span(s.start, s.end) for s in block.sentences)
        sentence = next((s for s, (lo, hi) in zip(block.sentences, spans)
                         if lo <= diagnostic.offset < hi), None)
        if sentence is None:
            return diagnostic
        words = _TOKEN.findall(block.sentence_text(sentence))
        source = self.document.source
        for line in range(source.line_of(block.start), source.line_of(block.end) + 1):
            text = source.line_text(line)
            if all(word in text for word in words):
                start, end = source.line_starts[line], source.line_end(line)
                return dataclasses.replace(diagnostic, offset=start, end_offset=end,
                                           start=source.position(start),
                                           end=source.position(end))
        return diagnostic


def vale_match_start(text: str, match: str, begin: int) -> int:
    """Where Vale reports a check's matched text in `text` (its core initialPosition): the
    first occurrence bounded by the start or end of the text, a word boundary or `_`; else
    the first occurrence; `begin` (where the check found it) when it is empty or absent."""
    if not match:
        return begin
    bounded = regex.search(r"(?:^|\b|_)" + regex.escape(match) + r"(?:\b|_|\Z)", text)
    if bounded is None:
        at = text.find(match)
        return begin if at < 0 else at
    start = bounded.start()
    return start + 1 if text.startswith("_", start) and not match.startswith("_") else start
