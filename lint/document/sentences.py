"""Offset-preserving sentence splitting for English and French prose."""

from __future__ import annotations

import functools

import regex

from lint.data import load_data

# A boundary candidate: terminal punctuation, any closing quotes or brackets (French
# puts a no-break space before »), then white space, then something that can start a
# sentence: a capital, a digit, an opening quote or bracket, or a placeholder.
_BOUNDARY = regex.compile(
    r"""(?P<end>[.!?…]+(?:[\s\u00a0\u202f]*[»”"’')\]])*)"""
    r"""(?P<gap>[\s\u00a0\u202f]+)"""
    r"""(?=[\p{Lu}\p{N}«“"‘'(\[¿¡\ufffc—–-])"""
)
_TOKEN_BEFORE = regex.compile(r"(?:[\p{L}\p{N}°]+[.-]?)*[\p{L}\p{N}°]+$")


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    data = load_data("document")["abbreviations"]
    return frozenset(word.lower() for words in data.values() for word in words)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` closes an abbreviation or an initial, not a sentence."""
    token = _TOKEN_BEFORE.search(text, 0, dot)
    if token is None:
        return False
    word = token.group().lower()
    return len(word) == 1 and word.isalpha() or word in _abbreviations()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, white space trimmed, end exclusive."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end_mark = m.group("end")
        if end_mark.startswith(".") and len(end_mark.rstrip("»”\"’')] \u00a0\u202f")) == 1:
            if _is_abbreviation(text, m.start("end")):
                continue
        spans.append((start, m.end("end")))
        start = m.end("gap")
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
