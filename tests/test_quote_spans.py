"""quote_spans jumps from mark to mark: the same spans as reading every character."""

from __future__ import annotations

import random

from lint.document import quotes
from lint.document.quotes import quote_spans


def _read_every_character(text: str) -> list[tuple[int, int]]:
    """The plain reading quote_spans must agree with: every character in turn."""
    spans = []
    open_at = None
    for i, ch in enumerate(text):  # straight double quotes, as _straight_quotes reads them
        if ch != '"':
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if (before.isspace() or before in "([{—–-/:") and not after.isspace():
            if open_at is not None:
                spans.append((open_at, i))
            open_at = i
        elif open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
        elif before in ",.!?;:…" and not spans:
            spans.append((0, i + 1))
    if open_at is not None:
        spans.append((open_at, len(text)))
    i = 0
    while i < len(text):
        opener = text[i]
        if opener not in quotes._PAIRS or opener == '"':
            i += 1
            continue
        close = quotes._closing(text, opener, i)
        end = len(text) if close < 0 else close + 1
        spans.append((i, end))
        i = end
    return quotes._outermost(spans)


def test_quote_spans_agree_with_reading_every_character():
    rng = random.Random(9)
    alphabet = 'ab ,.!?"“”«»„‘’‹›\'(—:x\n'
    texts = ['He said "one. "Two." Then “three” and « quatre » l’euro ‘five’.',
             'the occasion," he said.', "„Zitat“ und ‹ citation › sans fin «"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    for text in texts:
        assert quote_spans(text) == _read_every_character(text), text
    assert [texts[0][s:e] for s, e in quote_spans(texts[0])] == ['"one. ', '"Two."', "“three”", "« quatre »", "‘five’"]
