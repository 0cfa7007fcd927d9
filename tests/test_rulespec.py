"""Rule files: ids from paths, validation errors at exact line:column, examples, languages."""

from __future__ import annotations

import textwrap

import pytest

from lint.diagnostic import Severity
from lint.rulespec import Example, load_pack, load_rule, parse_rule
from lint.yamlio import InputError, load_yaml

GOOD = """\
type: substitution
message:
  en: "Prefer '{replacement}' to '{match}'."
  fr: "Préférez « {replacement} » à « {match} »."
severity: info
scope: [text, ~blockquote]
link: https://example.org/wordy
description: Shorter is better.
ignorecase: true
swap:
  in order to: to
languages:
  fr:
    swap:
      voire même: voire
lang: [en, fr]
examples:
  fail:
    - We met in order to vote.
    - {text: "Voire même plus.", lang: fr}
  pass:
    - We met to vote.
"""


def test_a_rule_file_loads(write):
    spec = load_rule(write("house/wordy.yaml", GOOD), "house")
    assert spec.id == "house.wordy" and spec.pack == "house" and spec.type == "substitution"
    assert spec.severity is Severity.INFO
    assert spec.scope == ("text", "~blockquote")
    assert spec.only_langs == ("en", "fr")
    assert spec.message_for("fr").startswith("Préférez")
    assert spec.options_for("en")["swap"] == {"in order to": "to"}
    assert spec.options_for("fr")["swap"] == {"voire même": "voire"}
    assert spec.fail_examples == (Example("We met in order to vote."),
                                  Example("Voire même plus.", "fr"))
    assert spec.pass_examples == (Example("We met to vote."),)


def test_defaults(write):
    spec = load_rule(write("p/r.yaml", "type: existence\nmessage: m\ntokens: [x]\n"), "p")
    assert spec.severity is Severity.WARNING and spec.scope is None and spec.link is None
    assert spec.only_langs == () and spec.fail_examples == ()


@pytest.mark.parametrize(("text", "line", "column", "message"), [
    ("message: m\n", 1, 1, "has no 'type'"),
    ("type: exist\nmessage: m\n", 1, 7, "unknown rule type 'exist'"),
    ("type: existence\nmessage: m\ntokens: [x]\nsevrity: info\n", 4, 1,
     "unknown option 'sevrity'"),
    ("type: existence\nmessage: m\ntokens: [x]\nseverity: fatal\n", 4, 11,
     "severity must be one of"),
    ("type: existence\nmessage: m\ntokens: [x, 'a(b']\n", 3, 13, "invalid regex 'a(b'"),
    ("type: existence\nmessage: m\ntokens: [x]\nignorecase: maybe\n", 4, 13,
     "'ignorecase' must be true or false"),
    ("type: substitution\nmessage: m\nswap:\n  utilize: use\n  prior to: no\n", 5, 13,
     "must map to a string"),
    ("type: substitution\nmessage: m\nswap:\n  '(a': b\n", 4, 3, "invalid regex '(a'"),
    ("type: existence\nmessage: 'Use {0}'\ntokens: [x]\n", 2, 10, "must be named"),
    ("type: existence\nmessage:\n  en: ok\n  fr: 'bad {'\ntokens: [x]\n", 4, 7,
     "invalid message template"),
    ("type: existence\ntokens: [x]\n", 1, 1, "'message' must be a string"),
    ("type: existence\nmessage: m\ntokens: [x]\nscope: [text, ~quote]\n", 4, 15,
     "unknown scope 'quote'"),
    ("type: existence\nmessage: m\ntokens: [x]\nlanguages:\n  fr:\n    tokns: [y]\n", 6, 5,
     "unknown option 'tokns'"),
    ("type: existence\nmessage: m\ntokens: [x]\nexamples:\n  fail: [a]\n  pas: [b]\n", 6, 3,
     "unknown examples key 'pas'"),
    ("type: existence\nmessage: m\ntokens: [x]\nexamples:\n  fail:\n    - {txt: a}\n", 6, 7,
     "an example is a string or a mapping"),
    ("type: occurrence\nmessage: m\n", 1, 1, "needs 'max' or 'min'"),
    ("type: conditional\nmessage: m\nfirst: x\n", 1, 1, "needs 'second'"),
    ("type: existence\nmessage: [m\n", 3, 1, "invalid YAML"),
])
def test_errors_name_file_line_and_column(write, text, line, column, message):
    path = write("p/rule.yaml", text)
    with pytest.raises(InputError) as caught:
        load_rule(path, "p")
    error = caught.value
    assert (error.path, error.line, error.column) == (str(path), line, column), error.message
    assert message in error.message


def test_file_name_must_not_contain_dots(write):
    with pytest.raises(InputError, match="rule file name 'a.b'"):
        load_rule(write("p/a.b.yaml", "type: existence\nmessage: m\ntokens: [x]\n"), "p")


def test_load_pack_collects_errors_and_skips_underscore_files(write, tmp_path):
    write("p/good.yaml", "type: existence\nmessage: m\ntokens: [x]\n")
    write("p/bad.yaml", "type: nope\nmessage: m\n")
    write("p/_notes.yaml", "anything: here\n")
    write("p/readme.md", "not a rule\n")
    specs, errors = load_pack(tmp_path / "p", "p")
    assert [s.id for s in specs] == ["p.good"]
    assert [(e.line, e.column) for e in errors] == [(1, 7)]


def test_summary_is_the_first_sentence(write):
    text = textwrap.dedent("""\
        type: existence
        message: m
        tokens: [x]
        description: |
          First sentence here. Second one.

          Another paragraph.
        """)
    assert load_rule(write("p/r.yaml", text), "p").summary == "First sentence here."


@pytest.mark.parametrize("item, line, column, message", [
    ("{text: a, line: 0}", 6, 23, "example line must be a whole number from 1, not 0"),
    ("{text: a, column: two}", 6, 25, "example column must be a whole number from 1"),
    ("{text: a, span: ''}", 6, 23, "example span must be the exact text"),
    ("{text: a, colum: 2}", 6, 17, "unknown example key 'colum' (known: text, lang, line, "
                                   "column, span)"),
])
def test_a_bad_example_pin_is_an_error_at_its_position(item, line, column, message) -> None:
    text = f"type: existence\nmessage: m\ntokens: [x]\nexamples:\n  fail:\n    - {item}\n"
    with pytest.raises(InputError) as caught:
        parse_rule(load_yaml(text, "r.yaml"), "p", "r")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message


def test_only_a_fail_example_pins_a_finding() -> None:
    text = ("type: existence\nmessage: m\ntokens: [x]\nexamples:\n  fail: [x]\n"
            "  pass:\n    - {text: y, line: 1}\n")
    with pytest.raises(InputError, match="only a 'fail' example pins a finding"):
        parse_rule(load_yaml(text, "r.yaml"), "p", "r")


def test_pins_are_read_into_the_example() -> None:
    text = ("type: existence\nmessage: m\ntokens: [x]\nexamples:\n"
            "  fail:\n    - {text: 'a x', lang: en, line: 1, column: 3, span: x}\n  pass: [y]\n")
    (example,) = parse_rule(load_yaml(text, "r.yaml"), "p", "r").fail_examples
    assert example == Example("a x", "en", 1, 3, "x") and example.pinned
