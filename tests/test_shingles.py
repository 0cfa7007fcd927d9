"""repeats.shingles: the runs of `size` words, each joined by a space, exactly as slicing
every run gives them (the near-duplicate rules' findings depend on nothing else)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lint.rule_types.repeats import normalise, shingles

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def sliced(words: list[str], size: int) -> set[str]:
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_random_word_lists() -> None:
    rng = random.Random(6)
    for _ in range(3000):
        words = [rng.choice(["the", "a", "rose", "5", "per", "cent", "é"]) for _ in range(rng.randint(0, 12))]
        size = rng.randint(1, 5)
        assert shingles(words, size) == sliced(words, size), (words, size)


def test_corpus_paragraphs_both_languages() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    paths = (sorted((CORPUS / "bbc-news" / "business").glob("*.txt"))[:40]
             + sorted((CORPUS / "wikinews-fr" / "articles").glob("*.txt"))[:40])
    runs = 0
    for path in paths:
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            words = normalise(paragraph)
            for size in (1, 2, 3, 4):
                assert shingles(words, size) == sliced(words, size)
                runs += len(words)
    assert runs > 10_000
