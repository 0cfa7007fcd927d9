"""Table-driven cases for the `occurrence` rule type (counts per unit of the scope)."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule, spans

from lint.yamlio import InputError

R = "test.rule"

CASES = [
    # (id, text, options, expected (rule_id, start, end))
    ("over max", "One two three four.", {"max": 3}, [(R, 0, 19)]),
    ("at max", "One two three.", {"max": 3}, []),
    ("per sentence", "One two. One two three four. One.", {"max": 3}, [(R, 9, 28)]),
    ("under min", "Hi. Hello there you.", {"min": 2}, [(R, 0, 3)]),
    ("elided words count once", "L'homme qu'il voit.", {"max": 2}, [(R, 0, 19)]),
    ("elided words, at max", "L’homme qu’il voit.", {"max": 3}, []),
    ("hyphenated words count once", "Well-known long-term plan.", {"max": 3}, []),
    ("accented words", "Ça été créé là.", {"max": 3}, [(R, 0, 15)]),
    ("decomposed accents count once", "cre\u0301e\u0301 e\u0301te\u0301", {"max": 1},
     [(R, 0, 12)]),
    ("code span is not a word", "Run `a b c d` now.", {"max": 2}, []),
    ("custom token, paragraph scope", "A, b, c.\n\nA b c.", {"token": ",", "max": 1,
                                                         "scope": "paragraph"}, [(R, 0, 8)]),
]


@pytest.mark.parametrize(("text", "options", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_occurrence(text, options, expected):
    assert spans(lint_snippet(text, make_rule("occurrence", **options))) == expected


def test_message_has_count_and_limit():
    rule = make_rule("occurrence", max=2, message="{count} > {limit}")
    [d] = lint_snippet("One two three.", rule)
    assert d.message == "3 > 2"


@pytest.mark.parametrize(("options", "problem"), [
    ({}, "needs 'max' or 'min'"),
    ({"max": 2, "min": 3}, "'min' (3) is above 'max' (2)"),
    ({"max": "ten"}, "must be an integer"),
    ({"max": 3, "token": "(unclosed"}, "invalid regex"),
])
def test_invalid_options(options, problem):
    with pytest.raises(InputError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        make_rule("occurrence", **options)


def test_at_first_match_reports_from_the_first_counted_token():
    from conftest import lint_snippet, make_rule

    rule = make_rule("occurrence", token=r"\b\w+\b", min=10, scope="raw", at_first_match=True)
    assert [(d.start.line, d.start.column) for d in lint_snippet("# Intro\n", rule)] == [(0, 2)]
    whole = make_rule("occurrence", token=r"\b\w+\b", min=10, scope="raw")
    assert [(d.start.line, d.start.column) for d in lint_snippet("# Intro\n", whole)] == [(0, 0)]
