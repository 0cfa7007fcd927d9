"""Near-duplicate detection: a paragraph or sentence that restates an earlier one (word shingles)."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.buffer_memory import TextMemo
from lint.diagnostic import Related
from lint.document import Block, TextUnit
from lint.editorial.analysis import claim_blocks
from lint.document.quotes import quote_spans
from lint.editorial.lexicon import _terms
from lint.patterns import compile_pattern, compile_terms, search, sub
from lint.rule_types.base import Finding, OptionError, RuleType, bounds, rule_type
from lint.term_gate import TermGate
from lint.shingle_index import ShingleIndex

_TOKEN = regex.compile(r"\p{L}+|\d+(?:[.,]\d+)?")
_THOUSANDS = regex.compile(r"(?<=\d)[\s\u00a0\u202f,](?=\d{3}\b)")


def normalise(text: str, elision: regex.Pattern[str] | None = None) -> list[str]:
    """Words folded for comparison: case, accents, punctuation, elision (the language's
    elided articles, from its lexicon: "l'", "qu'"), thousands separators."""
    if elision is not None:
        text = sub(elision, " ", text)
    text = _THOUSANDS.sub("", text)
    folded = text.lower()
    if not folded.isascii():  # ASCII text has nothing to decompose or strip
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _TOKEN.findall(folded)


def shingles(words: list[str], size: int) -> set[str]:
    """The unit's runs of `size` words, each as one string: words hold no space, so the
    joined runs are equal exactly when the runs are, and one string takes half the memory
    of a tuple of words (a 200k-word document holds about 200k of them)."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    # zip of the list and its shifted copies: the runs without a slice each (half the time).
    return set(map(" ".join, zip(*[words[i:] for i in range(size)])))


_BULLET = regex.compile(r"^\s*(?:[-*•–—]|\d{1,3}[.)])\s")


def _is_list_item(block: Block) -> bool:
    """A Markdown list item, or a plain-text line that starts with a bullet."""
    return "item" in block.scope or _BULLET.match(block.text) is not None


@dataclass(frozen=True)
class RepeatOptions:
    unit: str = "paragraph"
    """What is compared: "paragraph" or "sentence"."""
    shingle_size: int = 3
    """Words per shingle (k)."""
    min_words: int = 12
    """Shorter units ("Share", "Partager", one-line transitions) are never compared."""
    containment: float = field(default=0.6, metadata=bounds(0, 1))
    """Report when this share of the shorter unit's shingles appear in the other one."""
    jaccard: float = field(default=0.5, metadata=bounds(0, 1))
    """...or when the two shingle sets overlap this much (resemblance)."""
    min_shared: int = 8
    """...and only when they share at least this many shingles: two paragraphs that
    merely reuse one stock phrase ("the best song of the last 25 years") are not repeats."""
    skip_list_items: bool = True
    """Templated list items (award lists, results) share structure, not content."""
    ignore: tuple[str, ...] = ()
    """Regexes for boilerplate (a house disclaimer, a sign-off) that is never compared."""
    quoted_excerpts: bool = False
    """True: a quotation given first as an excerpt (a pull-quote between paragraphs, a
    teaser in the standfirst) and then in full is quoting, not a repeat: when every
    shingle the two units share lies inside the earlier unit's quotations (as
    lint.document.quotes finds them), and a quotation of the later unit holds at least
    `min_shared` more shingles, the pair is not reported."""
    distinct_quotations: bool = False
    """True: two units that both quote, whose quotations share nothing with each other or
    with the text the units share, introduce two different statements in the same frame
    (a standfirst and the body paragraph that reports another remark of the same speaker
    at the same event): the pair is not reported."""


@rule_type("near-duplicate")
class NearDuplicate(RuleType):
    """Flags the later of two paragraphs (or sentences) whose shingles overlap past a threshold."""

    Options = RepeatOptions
    options: RepeatOptions
    default_scope = ("document",)

    @classmethod
    def validate(cls, options: RepeatOptions) -> None:
        if options.unit not in ("paragraph", "sentence"):
            raise OptionError(("unit",), "unit must be 'paragraph' or 'sentence'")
        if options.shingle_size < 1:
            raise OptionError(("shingle_size",), "shingle_size must be at least 1")

    def setup(self) -> None:
        # A generic type: a house pack may use it without the editorial lexicon, so the
        # lists it borrows from there (boilerplate, elisions, disclaimers) are optional.
        store = self.context.lexicons
        data = store.get(self.lang) if store is not None else {}
        self.boilerplate = _optional(data, "boilerplate", r"{}")
        prefixes = "|".join(f"(?:{t})" for t in data.get("elided_prefixes") or [])
        self.elision = compile_pattern(rf"\b(?:{prefixes})['’]", ignorecase=True) if prefixes else None
        self.disclaimers = disclaimer_gate(store)
        self.extra_ignore = (
            compile_terms(self.options.ignore, ignorecase=True, nonword=True) if self.options.ignore else None
        )

    def _quotations(self, text: str) -> list[set[str]]:
        """The shingles of each quotation of `text`, marks excluded (none unless quoted_excerpts)."""
        if not self.options.quoted_excerpts:
            return []
        size = self.options.shingle_size
        return [shingles(normalise(text[start + 1 : end - 1], self.elision), size)
                for start, end in quote_spans(text)]

    def _quoted_excerpt(self, shared: set[str], earlier: list[set[str]],
                        later: list[set[str]]) -> bool:
        """True when the shared shingles are an excerpt of a quotation: all inside the
        earlier unit's quotation marks, and a quotation of the later unit that holds them
        says at least min_shared shingles more."""
        if not earlier or not later or not shared <= set().union(*earlier):
            return False
        fullest = max(later, key=lambda grams: len(grams & shared))
        return len(fullest - shared) >= self.options.min_shared

    def _distinct_statements(self, shared: set[str], earlier: list[set[str]],
                             later: list[set[str]]) -> bool:
        """True when both units quote, and their quotations share nothing with each other
        or with what the units share: the same frame (who, where, when) introducing two
        different statements, as a standfirst and the body often do ("Olivier Faure ... a
        affiché son objectif : « redevenir le principal parti »" / "Olivier Faure ... a
        proposé de mener « des combats communs »"). Only with distinct_quotations."""
        if not self.options.distinct_quotations or not earlier or not later:
            return False
        first, second = set().union(*earlier), set().union(*later)
        return bool(first and second) and not (first & second) and not (shared & (first | second))

    def _ignored(self, text: str) -> bool:
        stripped = text.strip()
        return bool(
            (self.boilerplate is not None and search(self.boilerplate, stripped))
            or self.disclaimers.search(stripped)
            or (self.extra_ignore is not None and search(self.extra_ignore, stripped))
        )

    def _units(self, unit: TextUnit) -> list[tuple[Block, int, int]]:
        """(block, start, end) of each compared unit, in document order."""
        # In the language server, texts seen in the previous lint are not examined again.
        memo = TextMemo.open(self)
        ignored = self._ignored if memo is None else (
            lambda text: memo.get(("ignored", text), lambda: self._ignored(text)))
        blocks = [
            b for b in claim_blocks(unit.document)
            if not ignored(b.text)
            and not (self.options.skip_list_items and _is_list_item(b))
        ]
        if self.options.unit == "paragraph":
            return [(b, 0, len(b.text)) for b in blocks]
        repeated = {id(b) for b, _ in self._pairs([(b, 0, len(b.text)) for b in blocks])}
        return [(b, s.start, s.end) for b in blocks if id(b) not in repeated for s in b.sentences]

    def _prepared(self, text: str) -> tuple[int, set[str], list[set[str]]]:
        """A unit's word count, shingles and quotations' shingles (read, never changed)."""
        words = normalise(text, self.elision)
        if len(words) < self.options.min_words:
            return len(words), set(), []
        return len(words), shingles(words, self.options.shingle_size), self._quotations(text)

    def _pairs(self, units: list[tuple[Block, int, int]]) -> Iterator[tuple[Block, tuple[int, int, Block, int, int, float]]]:
        """Each unit that restates an earlier one, with the earlier unit it restates best.

        An inverted index from shingle to the earlier units holding it finds the units
        that share at least `min_shared` shingles without comparing every pair, so a long
        document costs time in proportion to its shingles, not to its units squared.
        The index keeps each shingle's hash, not the shingle, in flat arrays
        (ShingleIndex), and the earlier units keep no shingles at all (a candidate's are
        computed again): on a 200k-word document that is most of this rule's memory. Two
        shingles with one hash can only make a unit a candidate that the exact comparison
        of the shingles then turns down.
        """
        seen: list[tuple[Block, int, int]] = []
        holders = ShingleIndex()  # shingle hash -> indexes into `seen`
        memo = TextMemo.open(self)

        def prepared(text: str) -> tuple[int, set[str], list[set[str]]]:
            return (self._prepared(text) if memo is None else
                    memo.get(("prepared", text), lambda: self._prepared(text)))

        for block, start, end in units:
            count, grams, quoted = prepared(block.text[start:end])
            if count < self.options.min_words:
                continue
            best = None
            hashes = [hash(gram) for gram in grams]
            for index in self._candidates(hashes, holders, len(seen)):
                earlier, e_start, e_end = seen[index]
                if earlier is block and self.options.unit == "sentence":
                    continue  # a sentence repeated inside its own paragraph is style, not a restatement
                _, e_grams, e_quoted = prepared(earlier.text[e_start:e_end])
                common = grams & e_grams
                shared = len(common)
                if shared < self.options.min_shared:
                    continue
                if self._quoted_excerpt(common, e_quoted, quoted) or self._distinct_statements(
                        common, e_quoted, quoted):
                    continue
                containment = shared / min(len(grams), len(e_grams))
                jaccard = shared / len(grams | e_grams)
                if containment >= self.options.containment or jaccard >= self.options.jaccard:
                    score = max(containment, jaccard)
                    if best is None or score > best[5]:
                        best = (start, end, earlier, e_start, e_end, score)
            if best is not None:
                yield block, best
            holders.add(set(hashes), len(seen))
            seen.append((block, start, end))

    def _candidates(self, hashes: list[int], holders: ShingleIndex, count: int) -> list[int]:
        """Indexes of the earlier units sharing at least `min_shared` shingle hashes with
        `hashes` (a unit's shingles'; every unit sharing `min_shared` shingles, and perhaps a few more), in
        document order (the order decides between equal scores). With `min_shared` below
        1 a unit sharing nothing may still be reported, so every one is a candidate."""
        if self.options.min_shared < 1:
            return list(range(count))
        shared = holders.shared_counts(hashes)
        return sorted(i for i, n in shared.items() if n >= self.options.min_shared)

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        source = unit.document.source
        for block, (start, end, earlier, e_start, e_end, score) in self._pairs(self._units(unit)):
            lo, hi = block.projection.to_source_span(start, end)
            first_lo, first_hi = earlier.projection.to_source_span(e_start, e_end)
            first_line = source.position(first_lo).line + 1  # a human line number for the message
            yield Finding(lo, hi, {"first_line": first_line, "similarity": round(100 * score)},
                          related=(Related(first_lo, first_hi, "first occurrence"),))


def disclaimer_gate(store: Any) -> TermGate:
    """The accepted disclaimer wordings of every language (the terms
    lint.editorial.lexicon.disclaimer_patterns joins), one gate shared by every rule: a
    paragraph is looked at only for the wordings whose factors it holds."""
    terms = [term for lang in (sorted(store.languages()) if store is not None else [])
             for term in _terms(store.get(lang).get("disclaimers"))]
    return _shared_gate(tuple(terms))


@functools.lru_cache(maxsize=8)
def _shared_gate(terms: tuple[str, ...]) -> TermGate:
    return TermGate(terms)


def _optional(data: Any, key: str, wrap: str) -> regex.Pattern[str] | None:
    """One case-insensitive pattern of lexicon list `key`, or None when the list is absent."""
    terms = [str(t) for t in data.get(key) or []]
    if not terms:
        return None
    return compile_pattern(wrap.format("|".join(f"(?:{t})" for t in terms)), ignorecase=True)
