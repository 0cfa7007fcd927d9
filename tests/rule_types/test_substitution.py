"""Table-driven cases for the `substitution` rule type, and the fixes it offers."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule, spans

from lint.diagnostic import Edit

R = "test.rule"

CASES = [
    # (id, text, options, expected (rule_id, start, end))
    ("plain swap", "We utilize it.", {"swap": {"utilize": "use"}}, [(R, 3, 10)]),
    ("regex key", "We utilise and utilize.", {"swap": {"utili[sz]e": "use"}},
     [(R, 3, 10), (R, 15, 22)]),
    ("already the replacement", "We use colour and color.", {"swap": {"colou?r": "color"}},
     [(R, 7, 13)]),
    ("word-bounded", "reutilized", {"swap": {"utilize": "use"}}, []),
    ("ignorecase", "In order to win.", {"swap": {"in order to": "to"}, "ignorecase": True},
     [(R, 0, 11)]),
    ("case-sensitive by default", "In order to win.", {"swap": {"in order to": "to"}}, []),
    ("elision in key and text", "Au jour d’aujourd’hui, rien.",
     {"swap": {"au jour d'aujourd'hui": "aujourd'hui"}, "ignorecase": True}, [(R, 0, 21)]),
    ("lookbehind excludes a context", "Il fait suite à la note, suite à la crise.",
     {"swap": {r"(?<!\bfait )suite à": "après"}}, [(R, 25, 32)]),
    ("no-break space in text", "prior\u00a0to noon", {"swap": {"prior to": "before"}},
     [(R, 0, 8)]),
    ("exceptions", "prior to noon; prior to that",
     {"swap": {r"prior to \w+": "before"}, "exceptions": ["prior to that"]}, [(R, 0, 13)]),
    ("skip_quotes", "“We met prior to noon,” she said, prior to lunch.",
     {"swap": {"prior to": "before"}, "skip_quotes": True}, [(R, 34, 42)]),
]


@pytest.mark.parametrize(("text", "options", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_substitution(text, options, expected):
    assert spans(lint_snippet(text, make_rule("substitution", **options))) == expected


def fixes(diagnostic):
    return [(f.title, f.edits) for f in diagnostic.fixes]


def test_fix_replaces_the_match():
    [d] = lint_snippet("We utilize it.", make_rule("substitution", swap={"utilize": "use"}))
    assert fixes(d) == [("Replace with 'use'", (Edit(3, 10, "use"),))]


def test_fix_keeps_an_initial_capital():
    rule = make_rule("substitution", swap={"in order to": "to"}, ignorecase=True,
                     message="Prefer '{replacement}' to '{match}'.")
    [d] = lint_snippet("In order to win.", rule)
    assert d.message == "Prefer 'To' to 'In order to'."
    assert fixes(d) == [("Replace with 'To'", (Edit(0, 11, "To"),))]


def test_alternatives_offer_one_fix_each():
    rule = make_rule("substitution", swap={"suite à": "après|à la suite de"},
                     message="{replacement}")
    [d] = lint_snippet("Il part suite à la crise.", rule, lang="fr")
    assert d.message == "après / à la suite de"
    assert [f.edits for f in d.fixes] == [(Edit(8, 15, "après"),),
                                          (Edit(8, 15, "à la suite de"),)]


@pytest.mark.parametrize("text", [
    "We did it in *order* to win.",       # emphasis inside the match
    "We did it in order\nto win.",         # a soft line break inside the match
    "We did it in [order](https://x.org) to win.",  # a link inside the match
])
def test_no_fix_when_the_match_straddles_markup(text):
    rule = make_rule("substitution", swap={"in order to": "to"})
    [d] = lint_snippet(text, rule)
    assert d.fixes == ()
    assert text[d.offset:d.offset + 2] == "in"


def test_which_key_matched_with_inner_groups():
    rule = make_rule("substitution", swap={"utili(s|z)e": "use", "(a) lot of": "many"},
                     message="{replacement}")
    found = lint_snippet("We utilise a lot of it.", rule)
    assert [d.message for d in found] == ["use", "many"]


def _messages(text: str, **options) -> list[str]:
    rule = make_rule("substitution", message="{replacement} for {match}", **options)
    return [d.message for d in lint_snippet(text, rule)]


def test_replacement_case_follows_the_match_by_default_or_stays_as_written():
    swap = {"swap": {"it is": "it's"}, "ignorecase": True}
    assert _messages("It is late.", **swap) == ["It's for It is"]
    assert _messages("It is late.", match_case=False, **swap) == ["it's for It is"]


def test_alternatives_joiner_and_group_references():
    assert _messages("Call my cell phone.", swap={"cell phone": "phone|mobile phone"},
                     joiner="' or '") == ["phone' or 'mobile phone for cell phone"]
    change = {"swap": {r"change into the (\w+) folder": "change to the $1 folder"}}
    assert _messages("Now change into the data folder.", group_references=True, **change) == [
        "change to the data folder for change into the data folder"]
    # Off (newslint's default), a `$` in a replacement is literal text.
    assert _messages("Now change into the data folder.", **change) == [
        "change to the $1 folder for change into the data folder"]


def test_skip_urls_leaves_a_bare_url_alone():
    swap = {"swap": {"term": "Term"}}
    text = "A term at https://abc.com/term here.\n"
    assert len(_messages(text, **swap)) == 2
    assert _messages(text, skip_urls=True, **swap) == ["Term for term"]


def test_tidy_match_shows_the_match_as_vale_prints_it():
    swap = {"swap": {r"vs\s": "versus"}}
    assert _messages("Blue vs  red.", **swap) == ["versus for vs "]
    assert _messages("Blue vs  red.", tidy_match=True, **swap) == ["versus for vs"]
