"""Cases for the `capitalization` rule type (Vale's): case styles of headings."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule

from lint.rulespec import rule_from_mapping
from lint.yamlio import InputError

SENTENCE = {"match": "$sentence", "indicators": [":"], "exceptions": ["JSON"]}


@pytest.mark.parametrize(("heading", "flagged"), [
    ("This is a heading", False),
    ("This is a Heading", True),            # 3 of 4 words conform: not above 0.8
    ("Accepting a JSON response", False),   # an exception keeps its case
    ("Accepting a XML response", True),
    ("Test: Modern documentation", False),  # after an indicator a word starts anew
    ("Test: modern documentation management", True),
    ("8. Do step eight", False),            # numbering is no word
    ("Top-level entities", False),
    ("this is a heading", True),
])
def test_sentence_case(heading: str, flagged: bool) -> None:
    found = lint_snippet(f"# {heading}\n\nBody Text Here.\n",
                         make_rule("capitalization", **SENTENCE))
    assert [(d.start.line, d.start.column, d.match) for d in found] == (
        [(0, 2, heading)] if flagged else [])


def test_lower_upper_regex_and_prefix() -> None:
    text = "# lower case\n\n# UPPER\n\n# Mixed Case\n"
    spans = {style: [d.match for d in lint_snippet(text, make_rule("capitalization",
                                                                 match=style))]
             for style in ("$lower", "$upper", "^[A-Z]")}
    assert spans == {"$lower": ["UPPER", "Mixed Case"], "$upper": ["lower case", "Mixed Case"],
                     "^[A-Z]": ["lower case"]}
    numbered = make_rule("capitalization", match="$upper", prefix=r"\d+\. ")
    assert lint_snippet("# 1. ABC\n", numbered) == []


def test_unknown_case_style_is_an_error() -> None:
    with pytest.raises(InputError, match="unknown case style"):
        rule_from_mapping({"type": "capitalization", "message": "m", "match": "$camel"})


def test_an_exception_of_several_words_counts_as_one_conforming_word() -> None:
    rule = make_rule("capitalization", match="$sentence", exceptions=["Axon Server"])
    assert lint_snippet("# Axon Server connection\n", rule) == []
    assert len(lint_snippet("# Axon Other connection\n", rule)) == 1


CHICAGO = ["a", "an", "the", "to", "and", "by", "through", "for"]


@pytest.mark.parametrize(("heading", "small_words", "flagged"), [
    ("The Best Way to Cook Rice", (), False),       # AP's small words stay lower case
    ("The best way to cook rice", (), True),
    ("The Best Way To Cook Rice", (), True),        # a small word inside the title
    ("What Are You Looking For", (), False),        # ... but not the last word
    ("What Are You Looking for", (), True),
    ("Tips: A Guide", (), False),                   # after a colon a word starts anew
    ("Tips: a Guide", (), True),
    ("Step-by-Step Guide", (), False),              # hyphenated words, as Vale splits them
    ("Walking Through the Park", (), False),        # AP: 'through' is no small word
    ("Walking Through the Park", CHICAGO, True),    # Chicago: prepositions too
    ("Walking through the Park", CHICAGO, False),
    ("Using the API Gateway", (), False),           # words in capitals conform
])
def test_title_case(heading: str, small_words: tuple[str, ...], flagged: bool) -> None:
    rule = make_rule("capitalization", match="$title", threshold=1,
                     small_words=list(small_words), message="{match} -> {expected}")
    found = lint_snippet(f"# {heading}\n\nBody text.\n", rule)
    assert [d.match for d in found] == ([heading] if flagged else [])


def test_title_case_threshold_exceptions_and_expected_form() -> None:
    rule = make_rule("capitalization", match="$title", exceptions=["iOS", "hubba"],
                     message="'{match}' should be '{expected}'")
    # 4 of 5 words conform: at the default threshold (0.8) the title passes, as in Vale.
    assert lint_snippet("# The best Way to Cook Rice\n", rule) == []
    # Exceptions match inside a word (Vale's regexes): hubba-hubba conforms.
    assert lint_snippet("# Apps for iOS and hubba-hubba\n", rule) == []
    found = lint_snippet("# the best way to cook\n", rule)
    assert [d.message for d in found] == ["'the best way to cook' should be "
                                          "'The Best Way to Cook'"]
