"""Term lists and user regexes → `regex` patterns with Unicode word bounds and a timeout."""

from __future__ import annotations

import contextlib
import functools
import re
import time
from collections.abc import Iterator, Sequence
from contextvars import ContextVar

import regex

from lint import regex_programs

MATCH_TIMEOUT = 1.0
"""Seconds one search may take before it raises TimeoutError (a runaway user regex)."""

# Whether searches carry MATCH_TIMEOUT. A timeout costs the regex module a clock read per
# call (about 13 µs, twice the cost of a typical sentence search), so runs whose patterns
# all come from the shipped packs, checked on every corpus, turn it off (trusted_patterns);
# any pattern a user wrote keeps the bound. A ContextVar, so one language-server process
# serving a trusted and an untrusted configuration keeps each one's setting.
_bounded: ContextVar[bool] = ContextVar("newslint_bounded_matching", default=True)


@contextlib.contextmanager
def trusted_patterns(trusted: bool = True) -> Iterator[None]:
    """Within the block, searches run without the per-call timeout when `trusted`."""
    token = _bounded.set(not trusted)
    try:
        yield
    finally:
        _bounded.reset(token)


_monotonic = time.monotonic
_DEADLINE: ContextVar[float | None] = ContextVar("deadline", default=None)
"""When the current time budget ends (time.monotonic()), None outside any budget."""


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Searches inside share `seconds` in all (nested budgets keep the earlier end): a
    pattern that is merely slow on each paragraph still cannot hold a run for long."""
    end = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(end if outer is None else min(outer, end))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def match_timeout() -> float | None:
    """The timeout for the next search: MATCH_TIMEOUT, or less when a budget is nearly
    spent; None for trusted patterns (see trusted_patterns), whose budget is checked
    between searches only. Raises TimeoutError when the budget is spent."""
    deadline = _DEADLINE.get()
    bounded = _bounded.get()
    if deadline is None:
        return MATCH_TIMEOUT if bounded else None
    left = deadline - _monotonic()
    if left <= 0:
        raise TimeoutError("time budget spent")
    if not bounded:
        return None
    return MATCH_TIMEOUT if left >= MATCH_TIMEOUT else left


# Word characters for boundaries: letters, marks, digits, underscore. An apostrophe or
# hyphen is a boundary, so French elision (l', qu’) and compounds split as expected.
WORD_START = r"(?<![\p{L}\p{M}\p{N}_])"
WORD_END = r"(?![\p{L}\p{M}\p{N}_])"

APOSTROPHES = "'’ʼ"
SPACE = r"[\s\u00a0\u202f]"
"""Any white space, including the no-break spaces French typography puts before ; : ! ? »."""
_QUANTIFIERS = "?*+{"

PatternError = regex.error
"""Raised by compile_pattern for a regex that does not compile."""


def normalise_term(source: str) -> str:
    """Make a user regex tolerant of typography: any apostrophe, any run of spaces.

    Only literal characters outside character classes are rewritten, so `[ ,]` and
    escaped characters keep their meaning. A space followed by a quantifier (`a ?b`)
    becomes one white-space character under that quantifier, as written.
    """
    out: list[str] = []
    class_at = -1  # index where the current [...] class began, -1 outside classes
    # Token by token, not character by character (lexicon sources run to thousands of
    # characters at every start): a run of ordinary characters is copied in one step.
    for token in _TERM_TOKENS.finditer(source):
        text = token.group()
        index = token.start()
        if class_at >= 0:
            out.append(text)
            # A ']' first in a class ('[]...]', '[^]...]') is a member, not the end.
            if text == "]" and source[class_at + 1 : index] not in ("", "^"):
                class_at = -1
        elif text == "[":
            out.append(text)
            class_at = index
        elif text in APOSTROPHES and not _in_group_name(source, index):
            out.append(f"[{APOSTROPHES}]")
        elif text == " ":
            if source[index + 1 : index + 2] in tuple(_QUANTIFIERS):
                out.append(SPACE)
            elif not (out and out[-1] == SPACE + "+"):
                out.append(SPACE + "+")
        else:
            out.append(text)  # an escape (kept whole), ']' outside a class, or plain text
    return "".join(out)


# An escape with the character it escapes (or a lone final backslash), a character
# normalise_term looks at, or a run of any others.
_TERM_TOKENS = re.compile(rf"\\.?|[\[\] {APOSTROPHES}]|[^\\\[\] {APOSTROPHES}]+", re.S)


def _in_group_name(source: str, index: int) -> bool:
    """True for the quotes of `(?'name'...)`, `(?P'name'...)` and `\\g'name'`: syntax."""
    return regex.search(r"(?:\(\?P?|\\g)(?:'\w*)?$", source[:index]) is not None


def alternation(terms: Sequence[str], *, nonword: bool = False, named: bool = False) -> str:
    """One regex source for `terms`: longest first, each wrapped, word-bounded by default.

    With `named`, term i is the group `t{i}`, so a match tells which term it came from.
    """
    order = sorted(range(len(terms)), key=lambda i: -len(terms[i]))
    parts = [
        f"(?P<t{i}>{normalise_term(terms[i])})" if named else f"(?:{normalise_term(terms[i])})"
        for i in order
    ]
    body = "|".join(parts) or r"(?!x)x"
    return f"(?:{body})" if nonword else f"{WORD_START}(?:{body}){WORD_END}"


@functools.lru_cache(maxsize=4096)
def compile_pattern(source: str, *, ignorecase: bool = False) -> regex.Pattern[str]:
    """Compile with the `regex` module (version 0 semantics, Unicode), once per run (cached).

    Version 0, not V1: V1's full case folding makes every alternation about eight times
    slower on news copy (measured with benchmarks/run.py), and rules need only simple
    case-insensitivity, Unicode properties (\\p{L}) and scoped flags ((?-i:...)), which
    version 0 supports.

    Raises PatternError for invalid syntax.
    """
    flags = regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    return regex_programs.compile(source, flags)


def compile_terms(
    terms: Sequence[str], *, ignorecase: bool = False, nonword: bool = False, named: bool = False
) -> regex.Pattern[str]:
    """compile_pattern(alternation(...)): one pattern matching any of `terms`."""
    source = alternation(tuple(terms), nonword=nonword, named=named)
    return compile_pattern(source, ignorecase=ignorecase)


def check_regex(source: str) -> str | None:
    """An error message when `source` is not a valid regex (after normalisation), else None."""
    try:
        compile_pattern(normalise_term(source))
    except PatternError as exc:
        return f"invalid regex {source!r}: {exc}"
    return None


def finditer(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """Every match, overlapping none, under the match timeout (TimeoutError past it).

    Returns the regex module's own iterator (no Python generator in between): lexicon
    scans yield hundreds of thousands of matches per corpus run.
    """
    end = len(text) if endpos is None else endpos
    return pattern.finditer(text, pos, end, timeout=match_timeout())


def search(pattern: regex.Pattern[str], text: str, pos: int = 0,
           endpos: int | None = None) -> regex.Match[str] | None:
    """The first match at or after `pos` (and ending by `endpos`), under the match timeout."""
    return pattern.search(text, pos, len(text) if endpos is None else endpos, timeout=match_timeout())


def match(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    """A match starting at `pos`, under the match timeout."""
    return pattern.match(text, pos, timeout=match_timeout())


def sub(pattern: regex.Pattern[str], replacement: str, text: str) -> str:
    """Every match replaced by `replacement`, under the match timeout."""
    return pattern.sub(replacement, text, timeout=match_timeout())


def fullmatch(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    """A match of the whole of `text`, under the match timeout."""
    return pattern.fullmatch(text, timeout=match_timeout())
