"""Quoted spans (“…”, «…», "…", ‘…’) for rules that skip or credit quotations."""

from __future__ import annotations

import bisect

_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“", "‘": "’", "‹": "›"}


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
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        opener = text[i]
        if opener not in _PAIRS:
            i += 1
            continue
        if opener == '"' and i > 0 and text[i - 1].isalnum():
            i += 1  # inch marks and stray closing quotes
            continue
        close = _closing(text, opener, i)
        end = len(text) if close < 0 else close + 1
        spans.append((i, end))
        i = end
    return spans


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
