"""The required-factor prefilter of lexicon families (lint/required_factors.py): derived right, and exact."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex

from lint.required_factors import SAFE_RANGES, fold, holds, required_clauses, source_clauses
from lint.editorial.grammar import Family, compile_family
from lint.editorial.lexicon import lexicon_for
from lint.lexicon import LexiconStore
from lint.packs import builtin_rules_dir
from lint.patterns import compile_pattern

STORE = LexiconStore([builtin_rules_dir() / "editorial"])
EVAL = Path(__file__).parent / "eval"
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def _sets(clauses):
    return [sorted(sorted(s) for s in clause) for clause in clauses]


@pytest.mark.parametrize(("source", "clauses"), [
    ("would|may", [[["would"]], [["may"]]]),
    (r"could\s+climb", [[["climb"], ["could"]]]),
    (r"ab?c", [[["a"], ["c"]]]),
    (r"ab+c", [[["a"], ["b"], ["c"]]]),
    (r"(?:up|down)\s+to", [[["down", "up"], ["to"]]]),
    # A positive lookaround's text is in the string; a negative one's is not.
    (r"climb(?=\s+[$€£]\d)", [[["climb"], ["$", "£", "€"]]]),
    (r"(?<!not\s)rise", [[["rise"]]]),
    (r"(?-i:Band) \d", [[["band"], [" "]]]),
    (r"(?:some\s+)?analysts", [[["analysts"]]]),
    (r"\.com", [[[".com"]]]),
    (r"ÉTÉ", [[["été"]]]),
    (r"(?:a|)b", [[["b"]]]),  # a group that may be empty gives nothing, the rest still counts
    # The larger of two alternatives' sets is kept as one set per group.
    (r"x(?:said|told)y", [[["said", "told"], ["x"], ["y"]]]),
])
def test_clauses(source: str, clauses) -> None:
    assert _sets(source_clauses(source)) == _sets(clauses)
    # Every clause really is necessary: each match lies in a text where some clause holds.
    pattern = regex.compile(source, regex.V0 | regex.I)
    derived = required_clauses([source])
    for text in ("it would rise, may fall", "abbbc abc", "Could climb $12", "up to", "site.com",
                 "BAND 4", "some analysts", "l'été", "xsaidy", "not rise", "could  CLIMB  £3"):
        if pattern.search(text):
            assert holds(derived, fold(text)), (source, text)


@pytest.mark.parametrize("source", [
    r"(?:ab)*",       # a match may be empty
    r"(?i)abc",       # a global flag
    r"(?x: a b )",    # verbose: literals do not read as written
    r"(?>ab)c",       # an atomic group the reader does not follow
    r"\p{L}+\d",      # no literal at all
    r"[αβ]\d",        # a class with characters outside the checked ranges
    r"\x41bc|d",      # a numeric escape
    r"[abc",          # malformed: its own compilation reports it
])
def test_unknown_constructs_give_no_clause(source: str) -> None:
    assert required_clauses(["would", source]) is None


def test_fold_agrees_with_the_regex_module_over_every_code_point() -> None:
    """Whatever the regex module matches case-insensitively with a literal character of
    the checked ranges folds to that character's fold (İ and ı included)."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    checked = 0
    for low, high in SAFE_RANGES:
        for code in range(ord(low), ord(high) + 1):
            char = chr(code)
            if char in "\u0130\u0131" or len(char.casefold()) != 1:
                continue  # never taken as a literal character
            checked += 1
            for m in regex.finditer(regex.escape(char), everything, flags=regex.I | regex.V0):
                assert fold(m.group()) == fold(char), (hex(code), hex(ord(m.group())))
    assert checked > 500


def _families(lexicon) -> dict[str, Family]:
    found = {name: value for name, value in vars(lexicon).items() if isinstance(value, Family)}
    found.update({f"hedges.{name}": family for name, family in lexicon.hedges.items()})
    return found


def _sentences(paths) -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return [line for text in texts for line in regex.split(r"(?<=[.!?])\s+|\n", text) if line.strip()]


def _corpus(lang: str) -> list[Path]:
    names = {"en": ["bbc-news/business", "crypto-news-en"], "fr": ["wikinews-fr", "orangesum-fr"]}[lang]
    found: list[Path] = []
    for name in names:
        found += sorted(p for p in (CORPUS / name).rglob("*") if p.suffix in (".txt", ".md"))[:40]
    return found


CRAFTED = [
    "İT İS EXPECTED THAT SHARES WİLL CLİMB TOWARD THE $2.41 RESİSTANCE",
    "ıt ıs expected; analysts could clımb toward the £3 level",
    "SELON DES SOURCES PROCHES DU DOSSIER, L'ÉTÉ SERA CHAUD",
    "Selon des sources proches du dossier, l’été sera chaud",
    "ﬁnancial ANALYSTS SAY ẞ STRAẞE Straße",
    "People familiar with the matter said the plan is set to close 20% of factories.",
]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_prefiltered_family_scans_find_exactly_the_plain_scans_matches(lang: str) -> None:
    """Over the labelled sets and real corpus sentences of the language (as written, in
    capitals and in lower case for the scan): every method of a prefiltered family finds
    what the family's own compiled scan finds."""
    sentences = _sentences(p for p in sorted(EVAL.rglob("*")) if p.suffix in (".md", ".txt"))
    sentences += _sentences(_corpus(lang)) + CRAFTED
    assert len(sentences) > 2500
    lexicon = lexicon_for(STORE, lang)
    prefiltered = skipped = 0
    for name, family in _families(lexicon).items():
        if family.clauses is None and family.scan_for("") is family.pattern:
            continue
        prefiltered += 1
        plain = family.pattern
        for sentence in sentences:
            for variant in (sentence, sentence.upper(), sentence.lower()):
                found = [m.span() for m in family.finditer(variant)]
                assert found == [m.span() for m in plain.finditer(variant)], (name, variant)
                if not found and family.clauses is not None and not holds(family.clauses, fold(variant)):
                    skipped += 1
                if variant is not sentence:
                    continue
                first = family.search(variant)
                assert (first.span() if first else None) == (found[0] if found else None), (name, variant)
                assert family.sub("#", variant) == plain.sub("#", variant), (name, variant)
                assert bool(family.match(variant)) == bool(plain.match(variant)), (name, variant)
                assert bool(family.fullmatch(variant)) == bool(plain.fullmatch(variant)), (name, variant)
    assert prefiltered >= 10  # the prefilter is in use, not silently given up everywhere
    assert skipped > 10_000   # and it does skip scans


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_end_anchored_shapes_are_found_exactly(lang: str) -> None:
    """Families with shapes anchored at the end of the text ("some analysts$"): over every
    prefix of real sentences that ends a word (holder phrases end anywhere), the family
    finds what its whole alternation finds, and the reverse probe does skip the scan."""
    lexicon = lexicon_for(STORE, lang)
    families = {name: f for name, f in _families(lexicon).items() if f._probe is not None}
    assert "weasels" in families
    sentences = _sentences(_corpus(lang))[:400] + CRAFTED + [
        "But some say", "Some City analysts", "other research meanwhile", "a new study", "on-chain",
        "analysts at the bank", "Analysts At The Bank", "some analysts\n", "  some  ", "many of them even",
        "une nouvelle étude", "Une étude", "d’autres analyses", "certaines analyses", "les données",
        "— CryptoQuant.com (@cryptoquant_com) June 20, 2024", "Coinvo (@coinvo) 20 juin 2024"]
    without = with_ = 0
    for sentence in sentences:
        for end in [m.end() for m in regex.finditer(r"\w+", sentence)] + [len(sentence)]:
            text = sentence[:end]
            for name, family in families.items():
                found = [m.span() for m in family.finditer(text)]
                assert found == [m.span() for m in family.pattern.finditer(text)], (name, text)
                first = family.search(text, 1)
                second = family.pattern.search(text, 1)
                assert (first and first.span()) == (second and second.span()), (name, text)
                if family.scan_for(text) is family.pattern:
                    with_ += 1
                    if found:
                        assert family.shape(family.finditer(text).__next__()) in family.names()
                else:
                    without += 1
    assert with_ >= 5 and without > 1000


def test_a_family_without_factors_keeps_the_plain_scan() -> None:
    family = compile_family("names", [r"\p{Lu}\p{L}+ \d+"], lambda key: "")
    assert family.clauses is None
    assert [m.group() for m in family.finditer("the FTSE 100 rose")] == ["FTSE 100"]


def test_positions_and_bounds_are_kept() -> None:
    family = compile_family("crowd", [r"(?:[\p{L}-]+\s+){0,2}analysts"], lambda key: "")
    assert family.clauses is not None
    text = "Some City analysts said so; other analysts disagreed"
    plain = compile_pattern(family.pattern.pattern, ignorecase=True)
    assert [m.span() for m in family.finditer(text, 10)] == [m.span() for m in plain.finditer(text, 10)]
    assert family.search(text, 0, 5) is None
    assert family.search("no crowd here") is None
    assert plain.search(text).span() == family.search(text).span()
