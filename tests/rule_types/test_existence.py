"""Table-driven cases for the `existence` rule type."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule, spans

R = "test.rule"

CASES = [
    # (id, text, options, expected (rule_id, start, end))
    ("plain word", "We utilize it.", {"tokens": ["utilize"]}, [(R, 3, 10)]),
    ("every occurrence", "utilize, utilize", {"tokens": ["utilize"]}, [(R, 0, 7), (R, 9, 16)]),
    ("word-bounded", "It was reutilized.", {"tokens": ["utilize"]}, []),
    ("nonword matches inside words", "It was reutilized.",
     {"tokens": ["util"], "nonword": True}, [(R, 9, 13)]),
    ("case-sensitive by default", "Utilize it.", {"tokens": ["utilize"]}, []),
    ("ignorecase", "UTILIZE it.", {"tokens": ["utilize"], "ignorecase": True}, [(R, 0, 7)]),
    ("ignorecase folds accented capitals", "L'ÉTAT paie.",
     {"tokens": ["état"], "ignorecase": True}, [(R, 2, 6)]),
    ("tokens are regexes", "He was very, very tired.", {"tokens": [r"very,? very"]},
     [(R, 7, 17)]),
    ("longest alternative wins", "in order to win",
     {"tokens": ["in order", "in order to"]}, [(R, 0, 11)]),
    # French elision: the apostrophe is a word boundary, in either spelling.
    ("elision with straight apostrophe", "Voir l'homme.", {"tokens": ["homme"]}, [(R, 7, 12)]),
    ("elision with curly apostrophe", "Voir l’homme.", {"tokens": ["homme"]}, [(R, 7, 12)]),
    ("apostrophe in token matches curly text", "Je pense qu’il viendra.",
     {"tokens": ["qu'il"]}, [(R, 9, 14)]),
    ("apostrophe in token matches modifier letter", "aujourdʼhui", {"tokens": ["aujourd'hui"]},
     [(R, 0, 11)]),
    ("curly token matches straight text", "l'homme", {"tokens": ["l’homme"]}, [(R, 0, 7)]),
    # Spaces in a token match any white space: no-break spaces, line breaks.
    ("no-break space", "5\u00a0per\u00a0cent", {"tokens": ["per cent"]}, [(R, 2, 10)]),
    ("narrow no-break space", "per\u202fcent", {"tokens": ["per cent"]}, [(R, 0, 8)]),
    ("soft line break in a paragraph", "It rose 5 per\ncent.", {"tokens": ["per cent"]},
     [(R, 10, 18)]),
    ("optional space keeps its quantifier", "email e mail", {"tokens": ["e ?mail"]},
     [(R, 0, 5), (R, 6, 12)]),
    # Unicode word boundaries: é and œ are letters, not boundaries.
    ("accented word", "L'été dernier.", {"tokens": ["été"]}, [(R, 2, 5)]),
    ("no match inside an accented word", "Les étés passent.", {"tokens": ["été"]}, []),
    ("no match across é", "Il a créé.", {"tokens": ["cr"]}, []),
    ("œ is a letter", "Au cœur du sujet.", {"tokens": ["cœur"]}, [(R, 3, 7)]),
    ("no match inside a word with œ", "Au cœur du sujet.", {"tokens": ["ur"]}, []),
    ("exceptions", "very good, very well", {"tokens": [r"very \w+"], "exceptions": ["very well"]},
     [(R, 0, 9)]),
    ("skip_quotes", 'He said "we utilize it" and they utilize it.',
     {"tokens": ["utilize"], "skip_quotes": True}, [(R, 33, 40)]),
    ("French quotes skipped", "Il a dit « on utilize » puis utilize.",
     {"tokens": ["utilize"], "skip_quotes": True}, [(R, 29, 36)]),
    # Markdown: positions are source positions; code is not prose.
    ("emphasis keeps source offsets", "We *utilize* it.", {"tokens": ["utilize"]}, [(R, 4, 11)]),
    ("code span is never matched", "Run `utilize` now.", {"tokens": ["utilize"]}, []),
    ("fenced code is never matched", "```\nutilize\n```\n", {"tokens": ["utilize"]}, []),
    ("headings are prose", "# We utilize\n", {"tokens": ["utilize"]}, [(R, 5, 12)]),
]


@pytest.mark.parametrize(("text", "options", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_existence(text, options, expected):
    assert spans(lint_snippet(text, make_rule("existence", **options))) == expected


def test_hard_wrapped_plain_text_matches_across_the_line_break():
    rule = make_rule("existence", tokens=["per cent"])
    text = ("Consumer prices in the region rose by 5 per\ncent in a year, officials said.\n\n"
            "A second paragraph.\n")
    assert spans(lint_snippet(text, rule, kind="text")) == [(R, 40, 48)]


def test_message_placeholder_is_the_matched_text():
    rule = make_rule("existence", tokens=["utili[sz]e"], message="Avoid '{match}'.")
    [d] = lint_snippet("They utilise it.", rule)
    assert d.message == "Avoid 'utilise'."
    assert d.match == "utilise"


def test_scope_restricts_blocks():
    rule = make_rule("existence", tokens=["utilize"], scope=["text", "~blockquote"])
    text = "> We utilize it.\n\nThey utilize it.\n"
    assert spans(lint_snippet(text, rule)) == [(R, 23, 30)]


def test_remove_fix_offers_removing_the_match():
    from conftest import lint_snippet, make_rule

    found = lint_snippet("It is very good.\n", make_rule("existence", tokens=["very "],
                                                         nonword=True, remove_fix=True))
    assert [(e.start, e.end, e.text) for f in found[0].fixes for e in f.edits] == [(6, 11, "")]
    assert lint_snippet("It is very good.\n", make_rule("existence", tokens=["very"]))[0].fixes == ()
