"""Quoted spans (“…”, «…», "…", ‘…’) for rules that skip or credit quotations."""

from __future__ import annotations

import bisect
import re

_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“", "‘": "’", "‹": "›"}
# Straight double quotes open and close alike: _straight_quotes reads them.
_OPENERS = re.compile("[" + re.escape("".join(mark for mark in _PAIRS if mark != '"')) + "]")


def _closing(text: str, opener: str, start: int) -> int:
    """Index of the mark closing the quotation opened at `start`, -1 when unclosed."""
    closer = _PAIRS[opener]
    pos = start + 1
    while (close := text.find(closer, pos)) >= 0:
        # ’ is also the apostrophe ("don’t", "l’euro"): only one not followed by a
        # letter closes a ‘single’ quotation.
        if closer == "’" and close + 1 < len(text) and text[close + 1].isalpha():
            pos = close + 1
            continue
        return close
    return -1


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included, end exclusive; unclosed quotes run
    to the end of the text (a quote often spans several sentences of one paragraph)."""
    spans: list[tuple[int, int]] = _straight_quotes(text)
    i = 0
    # From one opening mark to the next (most text has none: no Python loop over it).
    while (found := _OPENERS.search(text, i)) is not None:
        i = found.start()
        opener = text[i]
        close = _closing(text, opener, i)
        end = len(text) if close < 0 else close + 1
        spans.append((i, end))
        i = end
    return _outermost(spans)


def _straight_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations in straight double quotes, read as wire and BBC copy writes them: a
    quotation running over several sentences reopens each one ('"One. "Two."') without
    closing the previous, and a paragraph may open inside a quotation begun in the
    previous one ('...the occasion," he said.')."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    i = -1
    while (i := text.find('"', i + 1)) >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{—–-/:") and not after.isspace()
        if opens:
            if open_at is not None:
                spans.append((open_at, i))  # an implicit close: a new sentence of the quote
            open_at = i
        elif open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
        elif before in ",.!?;:…" and not spans:
            spans.append((0, i + 1))  # the paragraph continues a quotation
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with those nested inside another removed."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if result and start < result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
            continue
        result.append((start, end))
    return result


class QuoteIndex:
    """Fast 'is this offset inside a quotation?' over one text."""

    def __init__(self, text: str) -> None:
        self.spans = quote_spans(text)
        self._starts = [s for s, _ in self.spans]

    def containing(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation that holds text[start:end] entirely, if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]:
            return self.spans[i]
        return None

    def inside(self, start: int, end: int) -> bool:
        return self.containing(start, end) is not None
