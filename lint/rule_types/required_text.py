"""Document-level required text: when triggers add up (or front matter says so), a wording must appear."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.editorial.lexicon import disclaimer_patterns, lexicon_for
from lint.patterns import finditer, search
from lint.rule_types.base import Finding, OptionError, RuleType, rule_type


@dataclass(frozen=True)
class RequiredTextOptions:
    threshold: int = 4
    """Trigger score from which the text is required (each distinct trigger word adds
    its weight from the lexicon's investment_triggers list)..."""
    strong_weight: int = 2
    """...provided one trigger weighs at least this much (a recommendation, a price
    target, a crypto-asset, a promotion): straight market news is not investment copy..."""
    topic_threshold: int = 8
    """...or, with topic words only, from this score."""
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    """Front-matter values that require the text outright, e.g. {category: [crypto]}."""
    accepted: tuple[str, ...] = ()
    """Extra accepted wordings (regexes), on top of the lexicons' `disclaimers` lists."""
    house_disclaimer: str = ""
    """The newsroom's own disclaimer: always accepted, and appended by the fix."""
    max_listed: int = 5
    """How many trigger words the message lists."""


@rule_type("required-text")
class RequiredText(RuleType):
    """Flags a draft about a topic (investing) that lacks the wording it requires (a disclaimer)."""

    Options = RequiredTextOptions
    options: RequiredTextOptions
    default_scope = ("document",)

    @classmethod
    def validate(cls, options: RequiredTextOptions) -> None:
        for key, values in options.front_matter.items():
            if not isinstance(values, (list, str, bool)):
                raise OptionError(("front_matter", key), "front_matter values are a list of accepted values")

    def setup(self) -> None:
        self.lex = lexicon_for(self.context.lexicons, self.lang)
        extra = list(self.options.accepted)
        if self.options.house_disclaimer.strip():
            extra.append(regex.escape(self.options.house_disclaimer.strip()[:120]))
        self.accepted = disclaimer_patterns(self.context.lexicons, tuple(extra))

    def _score(self, hits: Iterable[tuple[int, int, int, str | None]]) -> int:
        """Sum of trigger weights; a group (market-news words) adds at most its cap."""
        total = 0
        by_group: dict[str, int] = {}
        for weight, _, _, group in hits:
            if group is None:
                total += weight
            else:
                by_group[group] = by_group.get(group, 0) + weight
        for group, subtotal in by_group.items():
            total += min(subtotal, self.lex.group_caps.get(group, subtotal))
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

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        document = unit.document
        prose = [b for b in document.blocks if b.is_prose]
        if any(search(self.accepted, b.text) for b in prose):
            return
        # Each distinct trigger word counts once (plural and singular alike).
        hits: dict[str, tuple[int, int, int, str | None]] = {}  # word -> (weight, start, end, group)
        for block in prose:
            if "heading" in block.scope:
                continue
            for trigger in self.lex.triggers:
                for m in finditer(trigger.pattern, block.text):
                    word = m.group().lower().rstrip("s")
                    if word not in hits:
                        start, end = block.projection.to_source_span(m.start(), m.end())
                        hits[word] = (trigger.weight, start, end, trigger.group)
        score = self._score(hits.values())
        strong = any(weight >= self.options.strong_weight for weight, _, _, _ in hits.values())
        reason = self._required_by_front_matter(document.meta)
        required = score >= (self.options.threshold if strong else self.options.topic_threshold)
        if not required and reason is None:
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
