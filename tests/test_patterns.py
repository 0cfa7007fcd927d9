"""Pattern compilation: typography-tolerant terms, Unicode word bounds, caching, timeouts."""

from __future__ import annotations

import pytest

from lint import patterns
from lint.patterns import (
    check_regex, compile_pattern, compile_terms, finditer, fullmatch, normalise_term, search,
)

SPACE = patterns.SPACE


@pytest.mark.parametrize(("term", "expected"), [
    ("in order to", f"in{SPACE}+order{SPACE}+to"),
    ("a  b", f"a{SPACE}+b"),                         # a run of spaces is one
    ("l'homme", "l[" + patterns.APOSTROPHES + "]homme"),
    ("e ?mail", f"e{SPACE}?mail"),                   # the quantifier keeps applying
    ("[ ']x", "[ ']x"),                              # classes are left alone
    ("[]' ]x", "[]' ]x"),                            # ']' first in a class is a member
    (r"a\ b\'", r"a\ b\'"),                          # escapes are left alone
    ("(?P'n'x)", "(?P'n'x)"),                        # group-name quotes are syntax
])
def test_normalise_term(term, expected):
    assert normalise_term(term) == expected


@pytest.mark.parametrize(("terms", "text", "found"), [
    (["été"], "l'été, étés, été.", ["été", "été"]),
    (["œuvre"], "chef-d’œuvre, œuvres", ["œuvre"]),
    (["un"], "un_deux un", ["un"]),                  # underscore is a word character
    (["cafe\u0301"], "cafe\u0301s cafe\u0301", ["cafe\u0301"]),  # combining marks too
    (["USD"], "USD20 USD", ["USD"]),
])
def test_word_bounds_are_unicode(terms, text, found):
    assert [m.group() for m in finditer(compile_terms(terms), text)] == found


def test_terms_longest_first_and_named():
    pattern = compile_terms(["in order", "in order to"], named=True)
    m = search(pattern, "in order to win")
    assert m.group() == "in order to" and m.lastgroup == "t1"


def test_patterns_are_compiled_once():
    assert compile_terms(["x", "y"], ignorecase=True) is compile_terms(["x", "y"], ignorecase=True)
    assert compile_pattern("a+") is not compile_pattern("a+", ignorecase=True)


def test_check_regex():
    assert check_regex("a(b") is not None and "invalid regex" in check_regex("a(b")
    assert check_regex(r"\p{Lu}+") is None


def test_catastrophic_pattern_times_out(monkeypatch):
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)
    pattern = compile_pattern(r"(x+x+)+y")
    with pytest.raises(TimeoutError):
        list(finditer(pattern, "x" * 5000))
    with pytest.raises(TimeoutError):
        search(pattern, "x" * 5000)
    with pytest.raises(TimeoutError):
        fullmatch(pattern, "x" * 5000)


def test_trusted_patterns_run_without_the_timeout_and_restore_it(monkeypatch):
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)
    assert patterns.match_timeout() == 0.05
    with patterns.trusted_patterns():
        assert patterns.match_timeout() is None
        with patterns.trusted_patterns(False):
            assert patterns.match_timeout() == 0.05
        assert patterns.match_timeout() is None
    assert patterns.match_timeout() == 0.05
    pattern = compile_pattern(r"(x+x+)+y")
    with pytest.raises(TimeoutError):  # the bound is back after the block
        search(pattern, "x" * 5000)


def test_only_a_run_of_shipped_patterns_is_trusted(write):
    from lint.config import load_config
    from lint.runner import Linter

    assert Linter(load_config(str(write("plain/.newslint.yaml", "language: en\n")))).trusted
    with_option = write("opt/.newslint.yaml",
                        "rules:\n  style.wordy:\n    tokens: ['(x+x+)+y']\n")
    assert not Linter(load_config(str(with_option))).trusted
    with_lexicon = write("lex/.newslint.yaml",
                         "lexicons:\n  en:\n    boilerplate: ['(x+x+)+y']\n")
    assert not Linter(load_config(str(with_lexicon))).trusted
    write("own/rules/house/slow.yaml", "type: existence\nmessage: '{match}'\n")
    with_pack = write("own/.newslint.yaml", "rule_dirs: [rules]\n")
    assert not Linter(load_config(str(with_pack))).trusted


def test_a_user_pattern_still_times_out_through_the_linter(monkeypatch, write):
    from lint.config import load_config
    from lint.runner import Linter
    from lint.source import SourceText

    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)
    write("own/rules/house/slow.yaml",
          "type: existence\nmessage: '{match}'\nnonword: true\ntokens: ['(x+x+)+y']\n"
          "examples: {fail: [xy], pass: [z]}\n")
    linter = Linter(load_config(str(write("own/.newslint.yaml",
                                          "rule_dirs: [rules]\npacks: [house]\n"))))
    assert not linter.errors and not linter.trusted
    result = linter.lint_source(SourceText("x" * 5000 + "\n"), "draft.md")
    assert [d.rule_id for d in result.diagnostics] == ["newslint.rule-error"]
    assert "timed out" in result.diagnostics[0].message
