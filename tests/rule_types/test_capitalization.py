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
