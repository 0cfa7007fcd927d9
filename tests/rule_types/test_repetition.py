"""Table-driven cases for the `repetition` rule type ("the the", "le le")."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule, spans

from lint.diagnostic import Edit

R = "test.rule"

CASES = [
    # (id, text, options, expected (rule_id, start, end))
    ("doubled word", "the the cat", {}, [(R, 0, 7)]),
    ("mid-sentence", "We saw the the cat.", {}, [(R, 7, 14)]),
    ("case-insensitive by default", "The the cat.", {}, [(R, 0, 7)]),
    ("case-sensitive", "The the cat.", {"ignorecase": False}, []),
    ("French", "Le le chat dort.", {}, [(R, 0, 5)]),
    ("no-break space between", "le\u00a0le chat", {}, [(R, 0, 5)]),
    ("soft line break between", "It was the\nthe end.", {}, [(R, 7, 14)]),
    ("punctuation between", "He said no. No one came.", {}, []),
    ("comma between", "Non, non et non.", {}, []),
    ("different words", "the then", {}, []),
    ("exceptions", "She had had enough.", {"exceptions": ["had"]}, []),
    ("French exception", "Nous nous sommes vus.", {"exceptions": ["nous"]}, []),
    ("numbers are not words", "Il y a 100 000 000 habitants.", {}, []),
    ("a run is one slip", "the the the end", {}, [(R, 0, 7)]),
    ("two separate slips", "the the cat and and dog", {}, [(R, 0, 7), (R, 12, 19)]),
    ("elided word repeated", "l'homme l’homme", {}, [(R, 0, 15)]),
    ("accented word", "été été", {}, [(R, 0, 7)]),
    ("œ word", "cœur cœur", {}, [(R, 0, 9)]),
    ("decomposed accent", "cafe\u0301 cafe\u0301", {}, [(R, 0, 11)]),
    ("prefix is not a repeat", "café caf", {}, []),
    ("not across code", "the `x` the", {}, []),
    ("capitalised pair by default", "Duran Duran played.", {}, [(R, 0, 11)]),
    ("skip_capitalized: names", "Duran Duran played. The law lord Lord Bingham.",
     {"skip_capitalized": True}, []),
    ("skip_capitalized: still the slip", "The the band.", {"skip_capitalized": True},
     [(R, 0, 7)]),
    # Vale's `max`: repeats a run may hold before it is reported, at the pair past it.
    ("max: a pair allowed", "very very good", {"max": 1}, []),
    ("max: the pair past it", "very very very good", {"max": 1}, [(R, 5, 14)]),
    ("max: a long run once", "a a a a a", {"max": 2}, [(R, 4, 7)]),
    ("max: counted per run", "the the cat the the dog", {"max": 1}, []),
]


@pytest.mark.parametrize(("text", "options", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_repetition(text, options, expected):
    assert spans(lint_snippet(text, make_rule("repetition", **options))) == expected


def test_fix_removes_the_second_copy():
    [d] = lint_snippet("We saw the the cat.", make_rule("repetition"))
    assert [f.edits for f in d.fixes] == [(Edit(10, 14, ""),)]


def test_no_fix_when_markup_separates_the_copies():
    [d] = lint_snippet("We saw the *the* cat.", make_rule("repetition"))
    assert (d.offset, d.end_offset) == (7, 15)
    assert d.fixes == ()


def test_message_uses_the_repeated_word():
    rule = make_rule("repetition", message="Repeated: '{match} {match}'")
    [d] = lint_snippet("The the cat.", rule)
    assert d.message == "Repeated: 'the the'"


def test_alpha_counts_only_words_of_letters():
    from conftest import lint_snippet, make_rule

    rule = make_rule("repetition", tokens=[r"[^\s]+"], alpha=True)
    assert [d.match for d in lint_snippet("the the book; // // and 1 1 end\n", rule)] == ["the the"]
    loose = make_rule("repetition", tokens=[r"[^\s]+"])
    assert len(lint_snippet("the the book; // // and 1 1 end\n", loose)) == 3
