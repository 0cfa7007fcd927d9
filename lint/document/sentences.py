"""Offset-preserving sentence splitting, with the abbreviations of the draft's language pack."""

from __future__ import annotations

import regex

from lint.document.language import LanguageData, builtin_languages

_SPACE = r"[\s\u00a0\u202f]"
_CLOSERS = r"»”\"’')\]"
# A boundary candidate: terminal punctuation, any closing quotes or brackets (French
# puts a no-break space before » and before ? !), then white space, then something that
# can start a sentence: a capital, a digit, an opening quote or bracket, a dash, or a
# placeholder (a code span). Decimals ("3.5%", "3,5 %") never match: no space follows.
_BOUNDARY = regex.compile(
    rf"""(?P<end>[.!?…]+(?:{_SPACE}*[{_CLOSERS}])*)"""
    rf"""(?P<gap>{_SPACE}+)"""
    r"""(?=[\p{Lu}\p{Lt}\p{N}«“"‘'(\[¿¡\ufffc—–-])"""
)
# The word the full stop closes: letters/digits, inner dots or hyphens allowed ("U.S",
# "e.g", "c.-à-d"). Written without nested optional parts, so it cannot backtrack badly.
_TOKEN_BEFORE = regex.compile(r"[\p{L}\p{N}°]+(?:[.-]+[\p{L}\p{N}°]+)*$")
_WORD_AFTER = regex.compile(r"[«“\"‘'(\[\s\u00a0\u202f]*(\p{L}+)")
_LOOKBEHIND = 48  # longest abbreviation worth checking, in characters


def _ends_sentence(text: str, dot: int, gap_end: int, lexicon: LanguageData) -> bool:
    """Whether the '.' at `dot` ends a sentence, given the text after the gap."""
    token = _TOKEN_BEFORE.search(text, max(0, dot - _LOOKBEHIND), dot)
    if token is None:
        return True  # after a number with a sign, a quote, a bracket...
    word = token.group().lower()
    if word in lexicon.abbreviations:
        return False
    initial = len(word) == 1 and word.isalpha()
    if initial or word in lexicon.abbreviations_final or (
        "." in word and all(len(part) == 1 for part in word.split("."))
    ):
        # "U.S." or "J." end a sentence only before a word that usually starts one.
        nxt = _WORD_AFTER.match(text, gap_end)
        return nxt is not None and nxt.group(1) in lexicon.sentence_starters
    return True


def split_sentences(text: str, language: LanguageData | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, white space trimmed, end exclusive.

    Offsets index `text` itself, so a sentence is always text[start:end] unchanged.
    `language` gives the abbreviations; without it, those of every built-in language.
    """
    lexicon = language if language is not None else builtin_languages().combined
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end_mark = m.group("end")
        # Only a single full stop can close an abbreviation ("..." and "?" always end).
        if end_mark[0] == "." and (len(end_mark) == 1 or end_mark[1] != "."):
            if not _ends_sentence(text, m.start("end"), m.end("gap"), lexicon):
                continue
        spans.append((start, m.end("end")))
        start = m.end("gap")
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
