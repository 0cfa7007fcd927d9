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
