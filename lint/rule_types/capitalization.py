"""The capitalization rule type: a unit's text must follow a case style (Vale's `capitalization`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.data import load_data
from lint.document import TextUnit
from lint.document.projection import PLACEHOLDER
from lint.patterns import compile_pattern, normalise_term, search
from lint.rule_types.base import Finding, OptionError, RuleType, check_regexes, rule_type

SENTENCE, LOWER, UPPER, TITLE = "$sentence", "$lower", "$upper", "$title"
STYLES = (SENTENCE, LOWER, UPPER, TITLE)
"""The named case styles; any other `match` is a regex the text must contain."""

_TOKEN = regex.compile(r"\S+")
_KEPT = "\x00"
"""Stands for a several-word exception while the words are judged."""
_TITLE_SPLIT = regex.compile(r"[\p{N}\p{L}]+[^\s\-/]*")
"""The words a title converter capitalises (a hyphen or a slash starts a new one)."""
_TITLE_TOKEN = regex.compile(r"[\p{N}\p{L}*]+[^\s]*")
"""The words compared between a title and its title-cased form (Vale's split)."""
_ASCII_PUNCTUATION = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'",
                                    "\u2019": "'", "\u2013": "-", "\u2014": "-"})
_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}\p{N}'’.]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.]*)*")


@dataclass(frozen=True)
class CapitalizationOptions:
    match: str = SENTENCE
    """$sentence, $lower, $upper, $title, or a regex the text must contain."""
    small_words: tuple[str, ...] = ()
    """$title: words kept in lower case inside a title (not first or last); empty: the
    small words of lint/data/title_case.yaml (Vale's default, AP style)."""
    exceptions: tuple[str, ...] = ()
    """Words accepted in any case (names, acronyms), compared as written."""
    indicators: tuple[str, ...] = ()
    """$sentence: a word after a token ending with one of these (':') starts anew and
    must be capitalised, as a sentence's first word."""
    threshold: float = 0.8
    """$sentence, $title: the share of conforming words above which the text passes."""
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
        # $title: an exception matches inside a word, as a regex (Vale's), else as written.
        self.title_exceptions = [_bounded_pattern(e) for e in self.options.exceptions]
        self.small_words = frozenset(self.options.small_words or
                                     load_data("title_case")["small_words"])

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        text = unit.text.strip()
        if not text:
            return
        judged = text
        if self.prefix is not None and (m := search(self.prefix, judged)) and m.start() == 0:
            judged = judged[m.end():]
        if not self._conforms(judged):
            start = unit.text.index(text)
            yield Finding(*unit.span(start, start + len(text)),
                          {"expected": self._expected(judged)})

    def _expected(self, text: str) -> str:
        """The text as the case style wants it, for a message's {expected} (Vale's
        second `%s`); the text itself where no single form is wanted."""
        style = self.options.match
        if style == TITLE:
            return self._title_cased(text)
        if style == LOWER:
            return text.lower()
        return text.upper() if style == UPPER else text

    def _conforms(self, text: str) -> bool:
        style = self.options.match
        if style == LOWER:
            return text == text.lower()
        if style == UPPER:
            return text == text.upper()
        if style == SENTENCE:
            return self._sentence_share(text) > self.options.threshold
        if style == TITLE:
            # Vale's title check passes at the threshold itself (>=), unlike its older
            # sentence check that newslint's $sentence follows.
            return self._title_share(text) >= self.options.threshold
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
            if word_match is None and PLACEHOLDER in raw:
                # A code span or image: a word as it is (Vale's too).
                ok, total, starts = ok + 1, total + 1, False
            elif word_match is not None:
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

    def _title_share(self, text: str) -> float:
        """The share of words as the title-cased text has them (exceptions and words in
        capitals count as conforming), compared word by word as Vale does."""
        expected = self._title_cased(text)
        for phrase in sorted((e for e in self.exceptions if " " in e), key=len, reverse=True):
            text = text.replace(phrase, _KEPT)
            expected = regex.sub(regex.escape(phrase), _KEPT, expected, flags=regex.IGNORECASE)
        words = _TITLE_TOKEN.findall(text.replace(_KEPT, "*"))
        wanted = _TITLE_TOKEN.findall(expected.replace(_KEPT, "*"))
        ok = 0
        for index, word in enumerate(words):
            if (index >= len(wanted) or word == wanted[index] or word == word.upper()
                    or any(p.search(word) for p in self.title_exceptions)):
                ok += 1
        return ok / len(words) if words else 1.0

    def _title_cased(self, text: str) -> str:
        """The text in title case: each word capitalised, but a small word lower-cased
        where it neither opens nor closes the title, follows a space, hyphen or slash,
        and does not follow a colon (Vale's title converter, without its tagger)."""
        plain = text.translate(_ASCII_PUNCTUATION)

        def at(index: int) -> str:
            # Out of range reads the first character, as the converter Vale uses does.
            return plain[index] if 0 <= index < len(plain) else plain[0]

        def convert(m: regex.Match[str]) -> str:
            word, pos, end = m.group(), m.start(), m.end()
            lower = word.lower()
            bounding = pos == 0 or end == len(plain)
            if (not bounding and lower in self.small_words and at(pos - 1) in " -/"
                    and at(pos - 2) not in ":-" and (at(end) != "-" or at(pos - 1) == "-")):
                return lower
            return word[:1].upper() + word[1:]

        return _TITLE_SPLIT.sub(convert, text)


def _bounded_pattern(exception: str) -> regex.Pattern[str]:
    """An exception as a word-bounded regex; one that is no valid regex, literally."""
    try:
        return regex.compile(rf"\b(?:{exception})\b")
    except regex.error:
        return regex.compile(rf"\b{regex.escape(exception)}\b")
