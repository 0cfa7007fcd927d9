"""Language of a draft: English or French, from the frequency of function words."""

from __future__ import annotations

import functools

import regex

from lint.data import load_data

_WORD = regex.compile(r"\p{L}+")


@functools.lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in load_data("document")["language_words"].items()}


def detect_language(text: str, default: str = "en") -> str:
    """The language whose function words are most frequent in `text` (`default` on a tie)."""
    sets = _word_sets()
    counts = {lang: 0 for lang in sets}
    for word in _WORD.findall(text[:20000].lower()):
        for lang, words in sets.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > counts.get(default, 0) else default
