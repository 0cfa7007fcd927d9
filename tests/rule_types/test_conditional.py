"""Table-driven cases for the `conditional` rule type (X needs Y somewhere in the document)."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule, spans

R = "test.rule"
ACRONYM = {"first": r"\b(\p{Lu}{3,5})\b", "second": r"\((\p{Lu}{3,5})\)"}

CASES = [
    # (id, text, options, expected (rule_id, start, end))
    ("undefined acronym", "The ONS said so.", ACRONYM, [(R, 4, 7)]),
    ("defined after first use", "The ONS said so. The Office for National Statistics (ONS) "
     "agreed.", ACRONYM, []),
    ("defined before", "The Office for National Statistics (ONS) said so. The ONS agreed.",
     ACRONYM, []),
    ("defined in another paragraph", "The ONS said so.\n\nThe Office (ONS) agreed.\n",
     ACRONYM, []),
    ("keyed by capture group", "The ONS and the IFS (IFS) agree.", ACRONYM, [(R, 4, 7)]),
    ("reported once per value", "ONS data. More ONS data.", ACRONYM, [(R, 0, 3)]),
    ("each value reported", "ONS and IFS.", ACRONYM, [(R, 0, 3), (R, 8, 11)]),
    ("exceptions", "The BBC said so.", {**ACRONYM, "exceptions": ["BBC"]}, []),
    ("after French elision", "L’INSEE l'a dit.", ACRONYM, [(R, 2, 7)]),
    ("case-insensitive keys", "The ons said so. Office (ONS).",
     {"first": r"\b(ons)\b", "second": r"\((ONS)\)", "ignorecase": True}, []),
    ("unkeyed: any second satisfies", "Embargoed. Embargo until noon.",
     {"first": r"\bembargo\w*", "second": r"\buntil\b", "ignorecase": True}, []),
    ("unkeyed: no second", "Embargoed. Embargo at noon.",
     {"first": r"\bembargo\w*", "second": r"\buntil\b", "ignorecase": True},
     [(R, 0, 9), (R, 11, 18)]),
    ("apostrophe-tolerant first", "Voir l’article 3.",
     {"first": r"l'article \d+", "second": r"\bcode\b"}, [(R, 5, 16)]),
    ("space-tolerant second", "Voir l’article 3 du code\u00a0civil.",
     {"first": r"l'article \d+", "second": r"code civil"}, []),
    ("code spans do not define", "The ONS said so. Run `(ONS)`.", ACRONYM, [(R, 4, 7)]),
]


@pytest.mark.parametrize(("text", "options", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_conditional(text, options, expected):
    assert spans(lint_snippet(text, make_rule("conditional", **options))) == expected


def test_message_names_the_captured_value():
    rule = make_rule("conditional", message="Define {match}.", **ACRONYM)
    [d] = lint_snippet("Data from the ONS.", rule)
    assert d.message == "Define ONS."
