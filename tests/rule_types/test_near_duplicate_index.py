"""near-duplicate's shingle index: the same findings as comparing every pair of units."""

from __future__ import annotations

import random

import pytest
from conftest import lint_snippet, make_rule, spans

_WORDS = ("market shares bank profit growth rate sales chief price oil deal firm year "
          "analysts investors government report rise fall quarter board plan").split()


def _restated(rng: random.Random, words: list[str]) -> list[str]:
    """`words` with a few of them changed, so that scores vary."""
    words = list(words)
    for _ in range(rng.randint(0, 8)):
        words[rng.randrange(len(words))] = rng.choice(_WORDS)
    return words


def _draft(seed: int) -> str:
    """Paragraphs of three sentences of random words. A quarter of the paragraphs, and a
    third of the other sentences, restate an earlier one with a few words changed."""
    rng = random.Random(seed)
    sentences: list[list[str]] = []
    paragraphs: list[list[list[str]]] = []
    for _ in range(40):
        if paragraphs and rng.random() < 0.25:
            paragraph = [_restated(rng, words) for words in rng.choice(paragraphs)]
        else:
            paragraph = [_restated(rng, rng.choice(sentences))
                         if sentences and rng.random() < 0.35
                         else [rng.choice(_WORDS) for _ in range(rng.randint(5, 25))]
                         for _ in range(3)]
            sentences.extend(paragraph)
        paragraphs.append(paragraph)
    return "\n\n".join(" ".join(" ".join(words).capitalize() + "." for words in paragraph)
                       for paragraph in paragraphs) + "\n"


@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_index_finds_what_comparing_every_pair_finds(unit, seed):
    text = _draft(seed)
    # min_shared 0 compares every pair (nothing can be ruled out by the index); with the
    # default thresholds a pair sharing no shingle never qualifies, so min_shared 1
    # (the index) must report exactly the same units with the same earlier unit and score.
    # Low thresholds, so that pairs sharing only a few shingles count too.
    loose = {"unit": unit, "min_words": 5, "containment": 0.2, "jaccard": 0.1,
             "message": "{first_line} {similarity}"}
    every_pair = make_rule("near-duplicate", "test.all", min_shared=0, **loose)
    indexed = make_rule("near-duplicate", "test.indexed", min_shared=1, **loose)
    full = lint_snippet(text, every_pair)
    fast = lint_snippet(text, indexed)
    assert full, "the draft must contain repeats for the comparison to mean anything"
    assert [(s, e) for _, s, e in spans(fast)] == [(s, e) for _, s, e in spans(full)]
    assert [d.message for d in fast] == [d.message for d in full]
    assert [[(r.start, r.end) for r in d.related] for d in fast] == \
           [[(r.start, r.end) for r in d.related] for d in full]


@pytest.mark.parametrize("colliding", [lambda gram: 0, len])
@pytest.mark.parametrize("unit", ["paragraph", "sentence"])
def test_colliding_shingle_hashes_change_no_finding(monkeypatch, colliding, unit):
    # The index keeps shingle hashes, not shingles: shingles that share a hash may make
    # an earlier unit a candidate, never a finding (the shingles themselves decide).
    import lint.rule_types.repeats as repeats

    text = _draft(4)
    options = {"unit": unit, "min_words": 5, "containment": 0.2, "jaccard": 0.1, "min_shared": 3,
               "message": "{first_line} {similarity}"}
    expected = lint_snippet(text, make_rule("near-duplicate", "test.index", **options))
    assert expected
    monkeypatch.setattr(repeats, "hash", colliding, raising=False)
    found = lint_snippet(text, make_rule("near-duplicate", "test.index", **options))
    assert [(s, e) for _, s, e in spans(found)] == [(s, e) for _, s, e in spans(expected)]
    assert [d.message for d in found] == [d.message for d in expected]
    assert [[(r.start, r.end) for r in d.related] for d in found] == \
           [[(r.start, r.end) for r in d.related] for d in expected]
