"""The leading-atom guard of lexicon families (lint/editorial/leads.py): derived right, and exact."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lint.editorial.grammar import Family
from lint.editorial.leads import lead_guard, leading_alternatives
from lint.editorial.lexicon import lexicon_for
from lint.lexicon import LexiconStore
from lint.packs import builtin_rules_dir
from lint.patterns import compile_pattern

STORE = LexiconStore([builtin_rules_dir() / "editorial"])
EVAL = Path(__file__).parent / "eval"


@pytest.mark.parametrize(("source", "leads"), [
    ("would|may", ["would", "may"]),
    (r"(?<!\bsaid\b[^.]{0,100}?)(?-i:would|Would)(?!\s+not)", ["would", "Would"]),
    (r"ab?c", ["a"]),
    (r"ab+c", ["ab"]),
    (r"ab*c", ["a"]),
    (r"ab{2}c", ["a"]),
    (r"[$£]\d+(?:bn|m)", [r"[$£]\d"]),
    (r"\p{Lu}\p{L}+ said", [r"\p{Lu}\p{L}"]),
    (r"(?P<x>up|down)\s+to", ["up", "down"]),
    (r"(?=\d)(?<=of\s)\d+", [r"\d"]),
    (r"[]a]x", ["[]a]x"]),
    (r"\.com", [r"\.com"]),
    # An optional first group or atom: the match starts with it or with what follows.
    (r"(?:some|many)?\s+analysts", ["some", "many", r"\s"]),
    (r"(?:\w+\s+){0,2}analysts", [r"\w", "analysts"]),
    (r"(?:the\s+){1,2}analysts", [r"the\s"]),
    (r"a?b", ["a", "b"]),
    # Zero-width assertions first: the match starts after them.
    (r"^\s*report", [r"\s", "report"]),
    (r"\bfoo", ["foo"]),
])
def test_leading_alternatives(source: str, leads: list[str]) -> None:
    assert leading_alternatives(source) == leads
    # Every alternative really is a prefix condition: each match starts with one.
    pattern = regex.compile(source, regex.V0 | regex.I)
    guard = regex.compile(f"(?i:{'|'.join(leads)})", regex.V0)
    for text in ("it would rise, may fall", "abbbc abc", "£12bn and $3m", "Mr Smith said", "up to",
                 "out of 12", "]x ax", "site.com",
                 "many analysts", " analysts", "the the analysts", "b ab", "  report", "foo"):
        for m in pattern.finditer(text):
            assert guard.match(text, m.start())


@pytest.mark.parametrize("source", [
    r"(?:a|)b",                     # an empty alternative
    r"(?:ab)*",                     # a match may be empty
    r"\1abc",                       # a back-reference
    r"(?i)abc",                     # a global flag
    r"(?x: a b )",                  # verbose: literals do not read as written
    r"(?>ab)c",                     # an atomic group the reader does not follow
    r".bc",
    r"[[:alpha:]]?x",               # a POSIX class: the reader does not read classes in classes
    r"a{b",                         # a literal brace, not a quantifier
    r"x{,b",
    r"\p{L",                        # malformed: its own compilation reports it
    r"(?P<x",
    r"[abc",
    r"(?=x)",                       # nothing but a lookahead
])
def test_unknown_constructs_give_no_guard(source: str) -> None:
    assert leading_alternatives(source) is None
    assert lead_guard([r"would", source]) is None


def _families(lexicon) -> dict[str, Family]:
    found = {name: value for name, value in vars(lexicon).items() if isinstance(value, Family)}
    found.update({f"hedges.{name}": family for name, family in lexicon.hedges.items()})
    return found


def _eval_sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVAL.rglob("*")) if p.suffix in (".md", ".txt")]
    return [line for text in texts for line in regex.split(r"(?<=[.!?])\s+|\n", text) if line.strip()]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_guarded_family_scans_find_exactly_the_unguarded_matches(lang: str) -> None:
    sentences = _eval_sentences()
    assert len(sentences) > 1000
    lexicon = lexicon_for(STORE, lang)
    guarded_families = 0
    for name, family in _families(lexicon).items():
        guard = lead_guard([s.source for s in family.shapes])
        if guard is None:
            continue
        guarded_families += 1
        assert guard in family.pattern.pattern, name
        plain = compile_pattern(family.pattern.pattern.replace(guard, "", 1),
                                ignorecase=bool(family.pattern.flags & regex.IGNORECASE))
        for sentence in sentences:
            for variant in (sentence, sentence.upper()):
                assert ([m.span() for m in family.finditer(variant)]
                        == [m.span() for m in plain.finditer(variant)]), (name, variant)
    assert guarded_families > 20  # the guard is in use, not silently given up everywhere


def test_a_guard_that_does_not_compile_leaves_the_family_unguarded(monkeypatch):
    import lint.editorial.grammar as grammar

    def compile_family(guard):
        monkeypatch.setattr(grammar, "lead_guard", lambda sources: guard)
        return grammar.compile_family("modal", ["would", "may"], lambda key: "")

    for guard in ("(?=[", "(?=(?i:"):  # a class that would swallow the shapes; an open group
        family = compile_family(guard)
        assert guard not in family.pattern.pattern
        assert [m.group() for m in family.finditer("It may rise; they would.")] == ["may", "would"]
