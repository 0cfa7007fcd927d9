"""Language of a draft: English or French, from the frequency of function words."""

from __future__ import annotations

import functools

import regex

from lint.data import load_data

_WORD = regex.compile(r"\p{L}+")
_SAMPLE = 20000  # characters: enough to decide, cheap on very long drafts


@functools.lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    return {
        lang: frozenset(words)
        for lang, words in load_data("document")["language_words"].items()
    }


def normalise_lang(tag: str) -> str:
    """The primary language subtag, lower case: "fr-FR" → "fr", "EN_us" → "en"."""
    return tag.strip().lower().replace("_", "-").split("-")[0]


def detect_language(text: str, default: str = "en") -> str:
    """The language whose function words are most frequent in `text` (`default` on a tie)."""
    sets = _word_sets()
    counts = {lang: 0 for lang in sets}
    for word in _WORD.findall(text[:_SAMPLE].lower()):
        for lang, words in sets.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > counts.get(default, 0) else default
