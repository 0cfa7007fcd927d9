"""Document-level required text: when triggers add up (or front matter says so), a wording must appear."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.document.quotes import quote_spans
from lint.buffer_memory import TextMemo
from lint.patterns import check_regex, compile_terms, finditer, normalise_term
from lint.required_factors import Clause, fold, holds, stored_clauses_each
from lint.term_gate import TermGate
from lint.rule_types.base import Finding, OptionError, RuleType, rule_type

LEGACY_TRIGGERS = ("@investment_triggers",)
"""The list a required-text rule read before rules named their lists; with it, an
`accepted:` naming no list still accepts `@disclaimers`, as it did then."""


@dataclass(frozen=True)
class Trigger:
    """One trigger pattern of a lexicon list, with its weight and optional capped group."""

    pattern: regex.Pattern[str]
    weight: int
    group: str | None = None
    clauses: tuple[Clause, ...] | None = None
    """Factors a text holding a match contains (lint/required_factors.py; None: scan
    every block)."""


@dataclass(frozen=True)
class RequiredTextOptions:
    triggers: tuple[str, ...] = LEGACY_TRIGGERS
    """Lexicon lists ('@name') of trigger patterns, read in the draft's language. An
    entry is a pattern, or {pattern, weight, group}: weight 1 unless given..."""
    threshold: int = 4
    """Trigger score from which the text is required (each distinct trigger word adds
    its weight)..."""
    strong_weight: int = 2
    """...provided one trigger weighs at least this much (a recommendation, a price
    target, a crypto-asset, a promotion): straight market news is not investment copy..."""
    topic_threshold: int = 8
    """...or, with topic words only, from this score."""
    group_caps: Mapping[str, int] = field(default_factory=dict)
    """The most a group of triggers adds up to, e.g. {market: 2} (market-news words), or
    takes away when its weights are negative (counter-words)."""
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    """Front-matter values that require the text outright, e.g. {category: [crypto]}."""
    accepted: tuple[str, ...] = ()
    """Accepted wordings: '@name' is a lexicon list (of every language), anything else
    a regex."""
    house_disclaimer: str = ""
    """The newsroom's own disclaimer: always accepted, and appended by the fix."""
    max_listed: int = 5
    """How many trigger words the message lists."""
    quoted_accepted: bool = True
    """False: an accepted wording inside a quotation (a speaker's own caveat, "past
    performance is no guarantee," he said) does not satisfy the rule; the publication's
    wording stands outside quotation marks."""


@rule_type("required-text")
class RequiredText(RuleType):
    """Flags a draft about a topic (investing) that lacks the wording it requires (a disclaimer)."""

    Options = RequiredTextOptions
    options: RequiredTextOptions
    default_scope = ("document",)
    scoping = "none"  # the requirement is judged on the whole draft

    @classmethod
    def validate(cls, options: RequiredTextOptions) -> None:
        for key, values in options.front_matter.items():
            if not isinstance(values, (list, str, bool)):
                raise OptionError(("front_matter", key), "front_matter values are a list of accepted values")
        if not options.triggers:
            raise OptionError(("triggers",), "triggers must name at least one lexicon list, "
                                             "e.g. '@investment_triggers'")
        for index, name in enumerate(options.triggers):
            if not name.startswith("@") or len(name) < 2:
                raise OptionError(("triggers", index), f"triggers name lexicon lists ('@name'), "
                                                       f"not {name!r}")
        for index, wording in enumerate(options.accepted):
            problem = None if wording.startswith("@") else check_regex(wording)
            if problem:
                raise OptionError(("accepted", index), problem)
        if not isinstance(options.group_caps, Mapping):
            raise OptionError(("group_caps",), "group_caps maps a trigger group to its cap, "
                                               "e.g. {market: 2}")
        for group, cap in options.group_caps.items():
            if not isinstance(cap, int) or isinstance(cap, bool) or cap < 0:
                raise OptionError(("group_caps", group), f"group_caps: {group!r} must map to "
                                                         f"a whole number, not {cap!r}")

    @classmethod
    def lexicon_keys(cls, options: RequiredTextOptions) -> Iterator[tuple[tuple[object, ...], str]]:
        for key in ("triggers", "accepted"):
            for index, entry in enumerate(getattr(options, key)):
                if entry.startswith("@"):
                    yield (key, index), entry[1:]

    def setup(self) -> None:
        store = self.context.lexicons
        self.triggers = [
            trigger
            for index, name in enumerate(self.options.triggers)
            for trigger in _triggers(self._list(name[1:], ("triggers", index)), name)
        ]
        terms: list[str] = []
        for index, entry in enumerate(self.options.accepted):
            if entry.startswith("@"):
                terms.extend(_everywhere(store, entry[1:], ("accepted", index)))
            else:
                terms.append(entry)
        if self.options.triggers == LEGACY_TRIGGERS and not any(
            a.startswith("@") for a in self.options.accepted
        ):
            terms.extend(_everywhere(store, "disclaimers", None))
        if self.options.house_disclaimer.strip():
            terms.append(regex.escape(self.options.house_disclaimer.strip()[:120]))
        # Compiled when first needed: most drafts never need a disclaimer, and the wordings
        # of every language make one long alternation.
        self._accepted_terms = tuple(terms)
        self._accepted: regex.Pattern[str] | None = None
        self._accepted_gate = TermGate(terms)
        # Groups with counter-words (negative weights) may lower the score by their cap.
        self._counter_groups = {t.group for t in self.triggers if t.weight < 0 and t.group is not None}
        self._uncapped_counter = any(
            t.weight < 0 and (t.group is None or t.group not in self.options.group_caps)
            for t in self.triggers)

    def _list(self, name: str, where: tuple[object, ...]) -> Any:
        """Lexicon list `name` in the draft's language; OptionError when it has none."""
        store = self.context.lexicons
        if store is None:
            return []  # no packs loaded (embedders, unit tests): nothing to read
        data = store.get(self.lang)
        if name not in data:
            raise OptionError(where, f"lexicon list '@{name}' does not exist for language "
                                     f"{self.lang!r} (add it to lexicons/{self.lang}.yaml, or "
                                     "limit the rule with lang:)")
        return data[name]

    @property
    def accepted(self) -> regex.Pattern[str]:
        """The accepted wordings, one case-insensitive alternation."""
        if self._accepted is None:
            self._accepted = compile_terms(self._accepted_terms, ignorecase=True)
        return self._accepted

    def _accepts(self, text: str) -> bool:
        """An accepted wording in `text`; with quoted_accepted off, outside quotations."""
        if self.options.quoted_accepted:
            return self._accepted_gate.search(text)
        if not self._accepted_gate.search(text):
            return False  # no wording matches: nor can their alternation, which is not compiled
        found = list(finditer(self.accepted, text))
        if not found:
            return False  # most blocks: no need to find their quotations
        spans = quote_spans(text)
        return any(not any(s <= m.start() and m.end() <= e for s, e in spans) for m in found)

    def _score(self, hits: Iterable[tuple[int, int, int, str | None]]) -> int:
        """Sum of trigger weights; a group (market-news words) adds at most its cap, and a
        group of counter-words (negative weights: court or hack stories) takes away at most
        its cap."""
        total = 0
        by_group: dict[str, int] = {}
        for weight, _, _, group in hits:
            if group is None:
                total += weight
            else:
                by_group[group] = by_group.get(group, 0) + weight
        for group, subtotal in by_group.items():
            cap = self.options.group_caps.get(group)
            total += subtotal if cap is None else max(-cap, min(subtotal, cap))
        return total

    def _required_by_front_matter(self, meta: Mapping[str, Any]) -> str | None:
        for key, wanted in self.options.front_matter.items():
            value = meta.get(key)
            values = value if isinstance(value, list) else [value]
            wanted_list = wanted if isinstance(wanted, list) else [wanted]
            for v in values:
                if v is not None and str(v).strip().lower() in {str(w).lower() for w in wanted_list}:
                    return f"{key}: {v}"
        return None

    def _block_hits(self, text: str) -> tuple[tuple[str, int, int, int, str | None], ...]:
        """(word, weight, start, end, group) of each trigger match in a block's text, in
        trigger order, then text order."""
        # Most triggers name words a paragraph does not hold: those are not scanned.
        folded = fold(text)
        return tuple((m.group().lower().rstrip("s"), trigger.weight, m.start(), m.end(),
                      trigger.group)
                     for trigger in self.triggers
                     if trigger.clauses is None or holds(trigger.clauses, folded)
                     for m in finditer(trigger.pattern, text))

    def _least_score(self, hits: Iterable[tuple[int, int, int, str | None]]) -> int | None:
        """The lowest score the draft can end with, whatever trigger words the rest of it
        adds to `hits` (new words only: a word's first weight stands), or None when
        counter-words without a cap could take away any amount."""
        if self._uncapped_counter:
            return None
        total = 0
        by_group: dict[str, int] = {}
        for weight, _, _, group in hits:
            if group is None:
                total += weight  # more words can only add to it
            else:
                by_group[group] = by_group.get(group, 0) + weight
        for group in by_group.keys() | self._counter_groups:
            cap = self.options.group_caps.get(group)
            if group in self._counter_groups:
                total -= cap  # type: ignore[operator]  # capped, or _uncapped_counter is set
            else:
                subtotal = by_group[group]
                total += subtotal if cap is None else max(-cap, min(subtotal, cap))
        return total

    def _surely_required(self, hits: Mapping[str, tuple[int, int, int, str | None]],
                         reason: str | None) -> bool:
        """True when the text is required however the rest of the draft scores: its front
        matter says so, or the least score reaches the threshold (the topic threshold too
        while no strong trigger is seen, as one may come later and lower the bar)."""
        if reason is not None:
            return True
        least = self._least_score(hits.values())
        if least is None:
            return False
        strong = any(weight >= self.options.strong_weight for weight, _, _, _ in hits.values())
        bar = self.options.threshold if strong else max(self.options.threshold,
                                                        self.options.topic_threshold)
        return least >= bar

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        document = unit.document
        prose = [b for b in document.blocks if b.is_prose]
        # In the language server, paragraphs that did not change are not scanned again.
        memo = TextMemo.open(self)
        accepts, block_hits = self._accepts, self._block_hits
        if memo is not None:
            def accepts(text: str) -> bool:
                return bool(memo.get(("accepts", text), lambda: self._accepts(text)))

            def block_hits(text: str) -> tuple[tuple[str, int, int, int, str | None], ...]:
                return memo.get(("hits", text), lambda: self._block_hits(text))  # type: ignore[no-any-return]
        reason = self._required_by_front_matter(document.meta)
        # An accepted wording anywhere means no finding; without one, the finding depends on
        # the triggers alone. So the wordings are looked for only once the draft surely
        # needs them (most drafts never do), and the trigger scan stops early when one is
        # there, or when the blocks left can no longer change the finding.
        accepted: bool | None = None  # not looked for yet
        # Each distinct trigger word counts once (plural and singular alike).
        hits: dict[str, tuple[int, int, int, str | None]] = {}  # word -> (weight, start, end, group)
        counted = [b for b in prose if "h1" not in b.scope]
        for index, block in enumerate(counted):
            # The title is a teaser; crossheads ("SHIB price action", "Bitcoin price
            # prediction") say what the copy is about, so they count.
            known = len(hits)
            for word, weight, start, end, group in block_hits(block.text):
                if word not in hits:
                    start, end = block.projection.to_source_span(start, end)
                    hits[word] = (weight, start, end, group)
            if len(hits) == known and index > 0:
                continue  # no new word: neither question has a new answer
            if accepted is None and self._surely_required(hits, reason):
                accepted = any(accepts(b.text) for b in prose)
                if accepted:
                    return
            if accepted is False and self._listed_complete(hits, counted, index + 1):
                break
        score = self._score(hits.values())
        strong = any(weight >= self.options.strong_weight for weight, _, _, _ in hits.values())
        required = score >= (self.options.threshold if strong else self.options.topic_threshold)
        if not required and reason is None:
            return
        if accepted is None and any(accepts(b.text) for b in prose):
            return
        if hits:
            first = min(hits.values(), key=lambda hit: hit[1])
            start, end = first[1], first[2]
        elif prose:
            start, end = prose[0].start, prose[0].start
        else:
            start, end = 0, 0
        ordered = [m for m, _ in sorted(((w, h[1]) for w, h in hits.items()), key=lambda x: x[1])]
        ordered = [source_word(document, hits[w][1], hits[w][2]) for w in ordered][: self.options.max_listed]
        listed = ", ".join(ordered + ([reason] if reason else []))
        yield Finding(start, end, {"triggers": listed}, fixes=self._fix(unit))

    def _listed_complete(self, hits: Mapping[str, tuple[int, int, int, str | None]],
                         blocks: list[Any], rest: int) -> bool:
        """True when the blocks from index `rest` on cannot change a finding already sure:
        the message lists the first max_listed trigger words by position, and every block
        left starts after all of them (the first trigger, where the finding sits, is among
        them)."""
        if len(hits) < self.options.max_listed:
            return False
        last = max(hit[1] for hit in hits.values())
        return all(blocks[i].start > last for i in range(rest, len(blocks)))

    def _fix(self, unit: TextUnit) -> tuple[Fix, ...]:
        disclaimer = self.options.house_disclaimer.strip()
        if not disclaimer:
            return ()
        document = unit.document
        source = document.source
        eol = source.dominant_eol()
        # Insert after the last character that is not a line ending: the file keeps its
        # own trailing newline(s), and a blank line separates the disclaimer from the
        # last paragraph. Line breaks inside the house text take the file's line ending.
        end = len(source.text.rstrip("\r\n"))
        if not _ends_in_prose(document, end):
            return ()  # appended inside an open code fence or comment, it would not be prose
        text = eol.join(disclaimer.splitlines())
        return (Fix("Append the house disclaimer", (Edit(end, end, eol + eol + text),)),)


def _ends_in_prose(document: Any, end: int) -> bool:
    """False when the draft's end lies inside a code block, an HTML block or a comment."""
    for block in document.blocks:
        if block.start <= end <= block.end + 1 and not block.is_prose:
            return False
    tail = document.source.text
    if tail.rfind("<!--") > tail.rfind("-->"):
        return False
    return True


def source_word(document: Any, start: int, end: int) -> str:
    """The trigger as written in the draft (for the message)."""
    return " ".join(document.source.text[start:end].split())


def _triggers(entries: Any, name: str) -> list[Trigger]:
    """Compile a trigger list: plain patterns weigh 1; {pattern, weight, group} entries say more."""
    read = []
    for entry in entries or []:
        if isinstance(entry, str):
            entry = {"pattern": entry}
        if not isinstance(entry, Mapping) or not isinstance(entry.get("pattern"), str):
            raise ValueError(f"lexicon list {name!r}: an entry is a pattern or "
                             f"{{pattern, weight, group}}, not {entry!r}")
        read.append(entry)
    clauses = stored_clauses_each([normalise_term(entry["pattern"]) for entry in read])
    return [Trigger(compile_terms([entry["pattern"]], ignorecase=True),
                    int(entry.get("weight", 1)),
                    None if entry.get("group") is None else str(entry["group"]), found)
            for entry, found in zip(read, clauses)]


def _everywhere(store: Any, name: str, where: tuple[object, ...] | None) -> list[str]:
    """Entries of lexicon list `name` in every language: a disclaimer in either language
    satisfies the rule. With `where`, a list no lexicon has is an OptionError there."""
    if store is None:
        return []
    found = False
    terms: list[str] = []
    for lang in sorted(store.languages()):
        if lang.startswith("_"):
            continue  # _schema.yaml and the like describe lexicons, they are not one
        values = store.get(lang).get(name)
        if values is None:
            continue
        found = True
        terms.extend([values] if isinstance(values, str) else [str(v) for v in values])
    if not found and where is not None:
        raise OptionError(where, f"lexicon list '@{name}' is not in any lexicon of the enabled packs")
    return terms
