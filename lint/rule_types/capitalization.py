"""The capitalization rule type: a unit's text must follow a case style (Vale's `capitalization`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import TextUnit
from lint.patterns import compile_pattern, normalise_term, search
from lint.rule_types.base import Finding, OptionError, RuleType, check_regexes, rule_type

SENTENCE, LOWER, UPPER = "$sentence", "$lower", "$upper"
STYLES = (SENTENCE, LOWER, UPPER)
"""The named case styles; any other `match` is a regex the text must contain."""

_TOKEN = regex.compile(r"\S+")
_KEPT = "\x00"
"""Stands for a several-word exception while the words are judged."""
_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}\p{N}'’.]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.]*)*")


@dataclass(frozen=True)
class CapitalizationOptions:
    match: str = SENTENCE
    """$sentence, $lower, $upper, or a regex the text must contain."""
    exceptions: tuple[str, ...] = ()
    """Words accepted in any case (names, acronyms), compared as written."""
    indicators: tuple[str, ...] = ()
    """$sentence: a word after a token ending with one of these (':') starts anew and
    must be capitalised, as a sentence's first word."""
    threshold: float = 0.8
    """$sentence: the share of conforming words above which the text passes."""
    prefix: str = ""
    """A regex removed from the start of the text before it is judged (numbering)."""
    ignorecase: bool = False


@rule_type("capitalization")
class Capitalization(RuleType):
    """Flags a whole unit (by default a heading) whose case does not follow `match`."""

    Options = CapitalizationOptions
    options: CapitalizationOptions
    default_scope = ("heading",)

    @classmethod
    def validate(cls, options: CapitalizationOptions) -> None:
        if not options.match.startswith("$"):
            check_regexes("match", [options.match])
        elif options.match not in STYLES:
            raise OptionError(("match",), f"unknown case style {options.match!r} "
                                          f"(known: {', '.join(STYLES)}, or a regex)")
        if options.prefix:
            check_regexes("prefix", [options.prefix])
        if not 0 <= options.threshold <= 1:
            raise OptionError(("threshold",), "threshold must be between 0 and 1")

    def setup(self) -> None:
        self.pattern = None if self.options.match in STYLES else compile_pattern(
            normalise_term(self.options.match), ignorecase=self.options.ignorecase)
        self.prefix = compile_pattern(normalise_term(self.options.prefix)) if (
            self.options.prefix) else None
        self.exceptions = set(self.options.exceptions)

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        text = unit.text.strip()
        if not text:
            return
        judged = text
        if self.prefix is not None and (m := search(self.prefix, judged)) and m.start() == 0:
            judged = judged[m.end():]
        if not self._conforms(judged):
            start = unit.text.index(text)
            yield Finding(*unit.span(start, start + len(text)))

    def _conforms(self, text: str) -> bool:
        style = self.options.match
        if style == LOWER:
            return text == text.lower()
        if style == UPPER:
            return text == text.upper()
        if style == SENTENCE:
            return self._sentence_share(text) > self.options.threshold
        assert self.pattern is not None
        return search(self.pattern, text) is not None

    def _sentence_share(self, text: str) -> float:
        """The share of words in sentence case: the first word (and one after an
        indicator) capitalised, the others lower case, exceptions as they are."""
        ok = total = 0
        starts = True
        # An exception of several words ("Axon Server") counts as one conforming word.
        for phrase in sorted((e for e in self.exceptions if " " in e), key=len, reverse=True):
            text = text.replace(phrase, _KEPT)
        for token in _TOKEN.finditer(text):
            raw = token.group()
            if raw == _KEPT:
                ok, total, starts = ok + 1, total + 1, False
                continue
            word_match = _WORD.search(raw)
            if word_match is not None:
                word = word_match.group()
                head = word.split("-")[0]
                if word in self.exceptions or head in self.exceptions or raw in self.exceptions:
                    ok += 1
                elif starts:
                    ok += head[:1] == head[:1].upper()
                else:
                    ok += head == head.lower()
                total += 1
                starts = False
            if raw.endswith(tuple(self.options.indicators)) and self.options.indicators:
                starts = True
        return ok / total if total else 1.0
