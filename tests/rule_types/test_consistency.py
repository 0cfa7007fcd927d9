"""Table-driven cases for the `consistency` rule type (one spelling per document)."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule, spans

from lint.diagnostic import Edit

R = "test.rule"
PAIRS = {"either": {"organisation": "organization", "per cent": "percent", "clé": "clef"}}

CASES = [
    # (id, text, options, expected (rule_id, start, end))
    ("second spelling flagged", "The organisation grew. The organization hired.", PAIRS,
     [(R, 27, 39)]),
    ("first used wins", "The organization grew. The organisation hired.", PAIRS, [(R, 27, 39)]),
    ("one spelling only", "The organisation grew. The organisation hired.", PAIRS, []),
    ("across paragraphs", "The organisation grew.\n\nThe organization hired.\n", PAIRS,
     [(R, 28, 40)]),
    ("every later variant", "per cent, percent, per cent, percent", PAIRS,
     [(R, 10, 17), (R, 29, 36)]),
    ("case-insensitive by default", "Organisation first. Then organization.", PAIRS,
     [(R, 25, 37)]),
    ("no-break space variant", "5 per\u00a0cent, then 6 percent.", PAIRS, [(R, 19, 26)]),
    ("French accents", "Une clé. Deux clefs. Une clef.", PAIRS, [(R, 25, 29)]),
    ("word-bounded", "clés and clef", PAIRS, []),
    ("pairs are independent", "organisation, percent, organisation, per cent", PAIRS,
     [(R, 37, 45)]),
    ("scope excludes blockquotes", "> The organization said so.\n\nOur organisation grew.\n",
     {**PAIRS, "scope": ["text", "~blockquote"]}, []),
]


@pytest.mark.parametrize(("text", "options", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_consistency(text, options, expected):
    assert spans(lint_snippet(text, make_rule("consistency", **options))) == expected


def test_fix_and_message_use_the_first_spelling():
    rule = make_rule("consistency", message="'{match}' vs '{preferred}'", **PAIRS)
    [d] = lint_snippet("Organisation first. Then organization.", rule)
    assert d.message == "'organization' vs 'Organisation'"
    assert [f.edits for f in d.fixes] == [(Edit(25, 37, "organisation"),)]
