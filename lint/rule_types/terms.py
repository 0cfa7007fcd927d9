"""Term-matching rule types: existence (flag a term) and substitution (suggest another)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import regex

from lint.buffer_memory import TextMemo
from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.document.quotes import QuoteIndex
from lint.patterns import compile_terms, finditer, fullmatch
from lint.rule_types.base import Finding, RuleType, check_regexes, rule_type


@dataclass(frozen=True)
class ExistenceOptions:
    tokens: tuple[str, ...] = ()
    """Regexes; word-bounded unless `nonword` is true."""
    ignorecase: bool = False
    nonword: bool = False
    """Match tokens anywhere, not only as whole words."""
    exceptions: tuple[str, ...] = ()
    """Regexes: a match that is wholly one of these is not reported."""
    skip_quotes: bool = False
    """Do not report matches inside quotation marks (quoted speech is not corrected)."""
    skip_urls: bool = False
    """Do not report matches inside a bare URL written in the prose (Vale masks them)."""
    remove_fix: bool = False
    """Existence: offer removing the match as a fix (Vale's `action: remove`)."""
    tidy_match: bool = False
    """The message's {match} with each run of white space made one space, as Vale prints
    a match ('y. T' for 'y.  T'); substitution also trims it ('vs' for 'vs ')."""


_BARE_URL = regex.compile(r"\b\p{L}[\p{L}\p{N}+.-]*://\S+")
"""A URL as written in prose: a scheme, '://', then anything up to white space."""


_SPACE_RUN = regex.compile(r"\s+")


class _TermRule(RuleType):
    """Shared matching: one alternation, exceptions, optional quote skipping."""

    options: ExistenceOptions

    @classmethod
    def validate(cls, options: ExistenceOptions) -> None:
        check_regexes("exceptions", options.exceptions)

    def setup(self) -> None:
        self.exceptions = (
            compile_terms(self.options.exceptions, ignorecase=self.options.ignorecase,
                          nonword=True)
            if self.options.exceptions else None
        )

    def shown(self, matched: str) -> str:
        """The matched text as the message shows it (see `tidy_match`)."""
        return _SPACE_RUN.sub(" ", matched) if self.options.tidy_match else matched

    def matches(self, pattern: regex.Pattern[str], unit: TextUnit) -> Iterator[regex.Match[str]]:
        """Non-empty matches of `pattern` in the unit that are not exceptions or quoted."""
        # In the language server, units that did not change are not scanned again.
        memo = TextMemo.open(self)
        text = unit.text
        if memo is None:
            return iter(self._matches(pattern, text))
        found = memo.get(("matches", pattern.pattern, pattern.flags, text),
                         lambda: self._matches(pattern, text))
        return iter(found)  # type: ignore[no-any-return]

    def _matches(self, pattern: regex.Pattern[str], text: str) -> tuple[regex.Match[str], ...]:
        """`matches` on a unit's text: a pure function of the pattern, the text and the options."""
        quotes = QuoteIndex(text) if self.options.skip_quotes else None
        urls = [u.span() for u in finditer(_BARE_URL, text)] if (
            self.options.skip_urls) else []
        found = []
        for m in finditer(pattern, text):
            if m.end() == m.start():
                continue
            if any(lo <= m.start() and m.end() <= hi for lo, hi in urls):
                continue
            if self.exceptions is not None and fullmatch(self.exceptions, m.group()):
                continue
            if quotes is not None and quotes.inside(m.start(), m.end()):
                continue
            found.append(m)
        return tuple(found)


@rule_type("existence")
class Existence(_TermRule):
    """Flags every occurrence of any of `tokens`."""

    Options = ExistenceOptions

    @classmethod
    def validate(cls, options: ExistenceOptions) -> None:
        super().validate(options)
        check_regexes("tokens", options.tokens)

    def setup(self) -> None:
        super().setup()
        self.pattern = compile_terms(
            self.options.tokens, ignorecase=self.options.ignorecase, nonword=self.options.nonword
        )

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        for m in self.matches(self.pattern, unit):
            start, end = unit.span(m.start(), m.end())
            fixes: tuple[Fix, ...] = ()
            if self.options.remove_fix and unit.document.source.text[start:end] == m.group():
                fixes = (Fix(f"Remove '{m.group()}'", (Edit(start, end, ""),)),)
            yield Finding(start, end, {"match": self.shown(m.group())}, fixes=fixes)


@dataclass(frozen=True)
class SubstitutionOptions(ExistenceOptions):
    swap: Mapping[str, str] = field(default_factory=dict)
    """Regex → replacement; 'a|b' in a replacement offers two fixes."""
    match_case: bool = True
    """Capitalise a replacement when the matched text starts with a capital. Off, the
    replacement is offered as written (Vale's way)."""
    joiner: str = " / "
    """What joins the alternatives of 'a|b' in the message's {replacement}."""
    group_references: bool = False
    """`$1`, `$2`… in a replacement stand for the swap key's capture groups (Vale's
    swaps); off, a `$` is literal text."""


@rule_type("substitution")
class Substitution(_TermRule):
    """Flags a term and offers its replacement as a fix."""

    Options = SubstitutionOptions
    options: SubstitutionOptions

    @classmethod
    def validate(cls, options: SubstitutionOptions) -> None:
        super().validate(options)
        check_regexes("swap", options.swap)

    def setup(self) -> None:
        super().setup()
        self.keys = list(self.options.swap)
        self.pattern = compile_terms(
            self.keys, ignorecase=self.options.ignorecase, nonword=self.options.nonword, named=True
        )

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        source = unit.document.source.text
        for m in self.matches(self.pattern, unit):
            # Which swap key matched: the one named group that took part in the match.
            key_index = next(i for i in range(len(self.keys)) if m.group(f"t{i}") is not None)
            key = self.keys[key_index]
            replacement = self.options.swap[key]
            if self.options.group_references:
                replacement = _expand_groups(replacement, m, f"t{key_index}")
            written = replacement.split("|")
            choices = [match_case(m.group(), c) for c in written] if (
                self.options.match_case) else written
            if m.group() in choices:
                continue
            start, end = unit.span(m.start(), m.end())
            # Offer a fix only where the source holds exactly the matched text: never
            # rewrite markup or line breaks the match happened to straddle.
            fixes = tuple(
                Fix(f"Replace with '{c}'", (Edit(start, end, c),)) for c in choices
            ) if source[start:end] == m.group() else ()
            shown = self.shown(m.group())
            yield Finding(start, end, {"match": shown.strip() if self.options.tidy_match
                                       else shown,
                                       "replacement": self.options.joiner.join(choices)},
                          fixes=fixes)


_GROUP_REFERENCE = regex.compile(r"\$(\d+)")


def _expand_groups(replacement: str, m: regex.Match[str], key_group: str) -> str:
    """`$1`… in a replacement → what the swap key's own capture groups matched (a key is
    wrapped in the named group `key_group`, so its groups are numbered after it)."""
    base = m.re.groupindex[key_group]
    return _GROUP_REFERENCE.sub(lambda ref: m.group(base + int(ref.group(1))) or "", replacement)


def match_case(original: str, replacement: str) -> str:
    """Capitalise the replacement when the matched text starts with a capital."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
