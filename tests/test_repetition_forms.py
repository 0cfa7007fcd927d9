"""The repetition rule (style.repeated-word) compares each word's form once: it reports
exactly the slips that comparing every pair of neighbours afresh reports, on corpus text
of both languages and on made-up runs with apostrophes, case and doubled words."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from lint.config import load_config
from lint.patterns import finditer, fullmatch
from lint.rule_types.counting import _APOSTROPHE, Repetition
from lint.runner import Linter

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def pairwise_repeats(rule: Repetition, text: str) -> tuple[tuple[int, int, int, str], ...]:
    """The rule's slips, each pair of neighbours compared afresh (the plain path)."""
    def same(a: str, b: str) -> bool:
        a, b = a.translate(_APOSTROPHE), b.translate(_APOSTROPHE)
        return a.casefold() == b.casefold() if rule.options.ignorecase else a == b

    found = []
    previous = None
    repeats = 0
    for m in finditer(rule.pattern, text):
        word = m.group()
        repeated = False
        if (previous is not None and same(word, previous.group())
                and fullmatch(rule.gap, text[previous.end() : m.start()]) is not None):
            repeated = True
            repeats += 1
            if repeats == rule.options.max + 1 and not rule._allowed(word):
                found.append((previous.start(), previous.end(), m.end(), word))
        if not repeated:
            repeats = 0
        previous = m
    return tuple(found)


@pytest.fixture(scope="module")
def rules() -> dict[str, Repetition]:
    """The shipped repeated-word rule of each language, as a lint builds it."""
    found: dict[str, Repetition] = {}
    original = Repetition._repeats

    def spy(self: Repetition, text: str) -> Any:
        found.setdefault(self.lang, self)
        return original(self, text)

    linter = Linter(load_config(None, start=Path(__file__).parent))
    Repetition._repeats = spy  # type: ignore[method-assign]
    try:
        linter.lint_bytes(b"The council met the the mayor.\n", "en.txt")
        linter.lint_bytes("Le conseil a a vot\u00e9 le le budget de la ville hier.\n".encode(), "fr.txt")
    finally:
        Repetition._repeats = original  # type: ignore[method-assign]
    assert set(found) == {"en", "fr"}
    return found


def test_made_up_runs(rules: dict[str, Repetition]) -> None:
    rng = random.Random(7)
    words = ["the", "The", "THE", "l'homme", "l\u2019homme", "L'Homme", "stra\u00dfe", "STRASSE",
             "nous", "Nous", "had", "very", "Bora", "d\u2019un", "d'un", "\u00e9t\u00e9", "\u00c9T\u00c9"]
    gaps = [" ", "  ", "\u00a0", "\n", ", ", " - "]
    reported = 0
    for _ in range(4000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 9)))
        for rule in rules.values():
            found = rule._repeats(text)
            assert found == pairwise_repeats(rule, text), text
            reported += len(found)
    assert reported > 500


def test_corpus_text_of_both_languages(rules: dict[str, Repetition]) -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    for lang, folder in (("en", "bbc-news/business"), ("fr", "wikinews-fr/articles")):
        for path in sorted((CORPUS / folder).glob("*.txt"))[:150]:
            for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
                assert rules[lang]._repeats(paragraph) == pairwise_repeats(rules[lang], paragraph)
