"""The installed languages' document data (from their packs) and language detection."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

_WORD = regex.compile(r"\p{L}+")
_SAMPLE = 20000  # characters: enough to decide, cheap on very long drafts

LANGUAGE_KEYS = frozenset({
    "detection_words", "abbreviations", "abbreviations_final", "sentence_starters",
    "bylines", "byline_not_names", "messages",
})
"""Lexicon keys read by the document model and the messages (rules/en/lexicons/_schema-language.yaml)."""


def _words(value: Any, *, fold: bool) -> frozenset[str]:
    items = [value] if isinstance(value, str) else list(value or ())
    return frozenset(str(w).lower() if fold else str(w) for w in items)


@dataclass(frozen=True)
class LanguageData:
    """One language's detection words, sentence-end data, byline patterns and messages."""

    code: str
    detection_words: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    """Lower case, without the final dot: never end a sentence."""
    abbreviations_final: frozenset[str] = frozenset()
    """Lower case: end a sentence only before one of sentence_starters."""
    sentence_starters: frozenset[str] = frozenset()
    bylines: tuple[str, ...] = ()
    byline_not_names: frozenset[str] = frozenset()
    messages: Mapping[str, str] = field(default_factory=dict)
    """Rule messages in this language, by rule name or full id (a pack overlay)."""

    @classmethod
    def from_lexicon(cls, code: str, data: Mapping[str, Any]) -> LanguageData:
        """The language keys of one language's merged lexicon (other keys are ignored)."""
        messages = data.get("messages")
        return cls(
            code=code,
            detection_words=_words(data.get("detection_words"), fold=True),
            abbreviations=_words(data.get("abbreviations"), fold=True),
            abbreviations_final=_words(data.get("abbreviations_final"), fold=True),
            sentence_starters=_words(data.get("sentence_starters"), fold=False),
            bylines=tuple(str(p) for p in data.get("bylines") or ()),
            byline_not_names=_words(data.get("byline_not_names"), fold=False),
            messages={str(k): str(v) for k, v in messages.items()}
            if isinstance(messages, Mapping) else {},
        )

    def union(self, other: LanguageData) -> LanguageData:
        """Both languages' sentence data, for text whose language is not known yet."""
        return LanguageData(
            code=self.code,
            detection_words=self.detection_words | other.detection_words,
            abbreviations=self.abbreviations | other.abbreviations,
            abbreviations_final=self.abbreviations_final | other.abbreviations_final,
            sentence_starters=self.sentence_starters | other.sentence_starters,
            bylines=self.bylines + other.bylines,
            byline_not_names=self.byline_not_names | other.byline_not_names,
        )


class Languages:
    """The installed languages, built once per configuration and passed to build_document.

    `lexicon_langs` maps a pack that ships a lexicon (e.g. editorial) to the languages
    that have one: that pack's rules run on no other language.
    """

    def __init__(
        self, data: Iterable[LanguageData], lexicon_langs: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        self._data = {d.code: d for d in sorted(data, key=lambda d: d.code)}
        self.lexicon_langs = {p: frozenset(langs) for p, langs in (lexicon_langs or {}).items()}
        # Bylines are recognised before the language is known: every language's patterns.
        self.bylines = tuple(regex.compile(p) for d in self._data.values() for p in d.bylines)
        self.byline_not_names = frozenset().union(*(d.byline_not_names for d in self._data.values()))
        self._by_word: dict[str, list[str]] = {}
        for code, d in self._data.items():
            for word in d.detection_words:
                self._by_word.setdefault(word, []).append(code)

    @classmethod
    def from_lexicons(
        cls, lexicons: Mapping[str, Mapping[str, Any]],
        lexicon_langs: Mapping[str, Iterable[str]] | None = None,
    ) -> Languages:
        """From merged lexicons by language (LexiconStore.get for each of its languages)."""
        return cls((LanguageData.from_lexicon(c, d) for c, d in lexicons.items()), lexicon_langs)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._data)

    def get(self, code: str) -> LanguageData:
        """`code`'s data; an uninstalled language has none (no abbreviations, no messages)."""
        return self._data.get(code) or LanguageData(code)

    @functools.cached_property
    def combined(self) -> LanguageData:
        """Every language's sentence data at once: what callers without a language use."""
        return functools.reduce(LanguageData.union, self._data.values(), LanguageData(""))

    def detect(self, text: str, default: str = "en") -> str:
        """The language whose detection words are most frequent in `text` (`default` on a tie)."""
        counts = dict.fromkeys(self._data, 0)
        for word in _WORD.findall(text[:_SAMPLE].lower()):
            for code in self._by_word.get(word, ()):
                counts[code] += 1
        if not counts:
            return default
        best = max(counts, key=lambda code: counts[code])
        return best if counts[best] > counts.get(default, 0) else default

    def missing_lexicon(self, code: str, packs: Iterable[str]) -> str:
        """The one warning for a draft whose language lacks the lexicon of `packs`."""
        names = sorted(packs)
        installed = sorted(set().union(*(self.lexicon_langs.get(p, ()) for p in names)))
        return (f"no {' or '.join(names)} lexicon for language {code!r} "
                f"(installed: {', '.join(installed) or 'none'}): the {' and '.join(names)} "
                "rules did not run")


@functools.lru_cache(maxsize=1)
def builtin_languages() -> Languages:
    """The built-in language packs (rules/en, rules/fr): for documents built without a
    configuration, e.g. in tests and scripts."""
    # Imported here: lint.packs loads the rule types, which import the document model.
    from lint.lexicon import LexiconStore
    from lint.packs import builtin_language_packs

    store = LexiconStore(builtin_language_packs())
    return Languages.from_lexicons({code: store.get(code) for code in sorted(store.languages())})


def normalise_lang(tag: str) -> str:
    """The primary language subtag, lower case: "fr-FR" → "fr", "EN_us" → "en"."""
    return tag.strip().lower().replace("_", "-").split("-")[0]


def detect_language(text: str, default: str = "en", languages: Languages | None = None) -> str:
    """The installed language whose detection words are most frequent in `text`
    (`default` on a tie); `languages` defaults to the built-in packs."""
    return (languages or builtin_languages()).detect(text, default)
