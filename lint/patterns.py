"""Term lists and user regexes → compiled `regex` patterns with Unicode word bounds and a timeout."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

MATCH_TIMEOUT = 1.0
"""Seconds one search may take before it raises TimeoutError (a runaway user regex)."""

# Word characters for boundaries: letters, marks, digits, underscore. An apostrophe or
# hyphen is a boundary, so French elision (l', qu’) and compounds split as expected.
WORD_START = r"(?<![\p{L}\p{M}\p{N}_])"
WORD_END = r"(?![\p{L}\p{M}\p{N}_])"

APOSTROPHES = "'’ʼ"
SPACES = r"[\s\u00a0\u202f]+"


def normalise_term(source: str) -> str:
    """Make a user regex tolerant of typography: any apostrophe, any run of spaces.

    Only literal characters outside character classes are rewritten, so `[ ,]` and
    escaped characters keep their meaning.
    """
    out: list[str] = []
    in_class = False
    escaped = False
    for ch in source:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            if ch == "]":
                in_class = False
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch in APOSTROPHES:
            out.append(f"[{APOSTROPHES}]")
        elif ch == " ":
            if not (out and out[-1] == SPACES):
                out.append(SPACES)
        else:
            out.append(ch)
    return "".join(out)


def alternation(terms: Sequence[str], *, nonword: bool = False, named: bool = False) -> str:
    """One regex source for `terms`: longest first, each wrapped, word-bounded by default."""
    order = sorted(range(len(terms)), key=lambda i: -len(terms[i]))
    parts = [
        f"(?P<t{i}>{normalise_term(terms[i])})" if named else f"(?:{normalise_term(terms[i])})"
        for i in order
    ]
    body = "|".join(parts) or r"(?!x)x"
    return f"(?:{body})" if nonword else f"{WORD_START}(?:{body}){WORD_END}"


def compile_pattern(source: str, *, ignorecase: bool = False) -> regex.Pattern[str]:
    """Compile with the `regex` module (V1 semantics, Unicode)."""
    flags = regex.V1 | (regex.IGNORECASE if ignorecase else 0)
    return regex.compile(source, flags)


def compile_terms(
    terms: Sequence[str], *, ignorecase: bool = False, nonword: bool = False, named: bool = False
) -> regex.Pattern[str]:
    return compile_pattern(alternation(terms, nonword=nonword, named=named), ignorecase=ignorecase)


def finditer(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """Every match, overlapping none, under the match timeout (TimeoutError past it)."""
    end = len(text) if endpos is None else endpos
    yield from pattern.finditer(text, pos, end, timeout=MATCH_TIMEOUT)


def search(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    return pattern.search(text, pos, timeout=MATCH_TIMEOUT)
