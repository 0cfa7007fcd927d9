"""Vale's position for a match that crosses inline markup: the line holding its sentence."""

from __future__ import annotations

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


def at_sentence_line(document: Document, diagnostic: Diagnostic) -> Diagnostic:
    """The finding moved where Vale reports a match it cannot find in the source (its
    rendered text crosses markup): the whole first source line of the block that holds
    every word of the match's sentence. Unchanged when no line does."""
    block = next((b for b in document.blocks
                  if b.start <= diagnostic.offset < b.end), None)
    if block is None or not crosses_markup(block, diagnostic):
        return diagnostic
    sentence = next((s for s in block.sentences
                     if block.projection.to_source_span(s.start, s.end)[0] <= diagnostic.offset
                     < block.projection.to_source_span(s.start, s.end)[1]), None)
    if sentence is None:
        return diagnostic
    words = _TOKEN.findall(block.sentence_text(sentence))
    source = document.source
    for line in range(source.line_of(block.start), source.line_of(block.end) + 1):
        text = source.line_text(line)
        if all(word in text for word in words):
            start = source.line_starts[line]
            end = source.line_end(line)
            return dataclasses.replace(diagnostic, offset=start, end_offset=end,
                                       start=source.position(start), end=source.position(end))
    return diagnostic
