"""A paragraph's editorial facts kept between lints of one edited buffer, reused only when
every input they were computed from is unchanged (the language server's incremental path)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.document import Block
    from lint.editorial.sources import SourceClassifier

# What a paragraph's facts depend on, besides the lexicon and the analysis options (one
# memory per pair): its text and sentences; the paragraphs before it and the block after
# it (quotations take their speaker from them); the draft's year; the classifier's running
# state (crowds named so far, an anonymous person quoted so far) before and after it; and
# the answers to "is this word written in lower case / inside a sentence elsewhere in the
# draft?", which are logged as they are asked and must all be the same for a reuse.


class _Watched:
    """One of the classifier's word sets, logging each membership test while `log` is set."""

    __slots__ = ("values", "log")

    def __init__(self, values: frozenset[str]) -> None:
        self.values = values
        self.log: dict[str, bool] | None = None

    def __contains__(self, word: object) -> bool:
        found = word in self.values
        if self.log is not None:
            self.log[word] = found  # type: ignore[index]
        return found


@dataclass
class _Entry:
    facts: list[Any]
    """SentenceFacts, shared with the lints that used them: the rules read facts and never
    change them (only the analysis builds them)."""
    lower: dict[str, bool]
    inner: dict[str, bool]
    crowds: frozenset[str]
    anonymous: bool


class ParagraphMemory:
    """Facts per paragraph for one analysis: `reuse` before a paragraph, `keep` after it.

    Installs watchers on the classifier's word sets and clears its phrase cache at each
    paragraph, so every answer a paragraph depends on is logged in that paragraph.
    """

    def __init__(self, store: dict[Any, Any], lexicon: object, options: object,
                 sources: SourceClassifier) -> None:
        slot = (id(lexicon), options)
        previous = store.get(slot)
        self._previous: dict[Any, _Entry] = (
            previous[1] if previous is not None and previous[0] is lexicon else {})
        self._kept: dict[Any, _Entry] = {}
        # Only this lint's paragraphs are kept: the memory never outgrows the buffer.
        store[slot] = (lexicon, self._kept)
        self.sources = sources
        self._lower = _Watched(frozenset(sources.lowercase_words))
        self._inner = _Watched(frozenset(sources.inner_names))
        sources.lowercase_words = self._lower  # type: ignore[assignment]
        sources.inner_names = self._inner  # type: ignore[assignment]

    def key(self, block: Block, *context: object) -> tuple[Any, ...]:
        sentences = tuple((s.start, s.end) for s in block.sentences)
        state = (frozenset(self.sources._named_crowds), self.sources._anonymous_person)
        return (block.text, sentences, *context, state)

    def reuse(self, key: tuple[Any, ...], block: Block) -> list[Any] | None:
        """The paragraph's facts (pointing at `block`) when stored under `key` with the same
        answers from the word sets; None when it must be analysed (logging starts)."""
        entry = self._previous.get(key) or self._kept.get(key)
        if entry is not None and self._same(entry):
            self._kept[key] = entry
            self.sources._named_crowds = set(entry.crowds)
            self.sources._anonymous_person = entry.anonymous
            return [dataclasses.replace(f, block=block) for f in entry.facts]
        self._lower.log, self._inner.log = {}, {}
        self.sources._classified.clear()
        return None

    def _same(self, entry: _Entry) -> bool:
        return (all((word in self._lower.values) == found for word, found in entry.lower.items())
                and all((word in self._inner.values) == found
                        for word, found in entry.inner.items()))

    def keep(self, key: tuple[Any, ...], facts: list[Any]) -> None:
        assert self._lower.log is not None and self._inner.log is not None
        self._kept[key] = _Entry(facts, self._lower.log, self._inner.log,
                                 frozenset(self.sources._named_crowds),
                                 self.sources._anonymous_person)
        self._lower.log = self._inner.log = None

