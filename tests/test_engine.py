"""The engine: registry, error isolation (timeouts, raising rules), messages, languages, order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import lint_snippet, make_rule, spans

from lint import patterns
from lint.engine import RULE_ERROR, ActiveRule, Ruleset, format_message, run
from lint.document.builder import build_document
from lint.rule_types import RULE_TYPES, RuleType, rule_type
from lint.rule_types.base import Finding
from lint.source import SourceText
from lint.yamlio import InputError


class Explode(RuleType):
    """Reports one finding, then raises."""

    name = "test-explode"

    def check(self, unit) -> Iterator[Finding]:
        yield Finding(0, 1)
        raise RuntimeError("boom")


@pytest.fixture
def exploding_type(monkeypatch):
    """Registers the rule type `test-explode` for the test's duration."""
    monkeypatch.setitem(RULE_TYPES, Explode.name, Explode)


def test_registry_lists_the_generic_types():
    assert {"existence", "substitution", "occurrence", "repetition", "consistency",
            "conditional"} <= set(RULE_TYPES)
    assert all(cls.name == name for name, cls in RULE_TYPES.items())


def test_duplicate_type_name_is_refused():
    with pytest.raises(ValueError, match="duplicate rule type 'existence'"):
        rule_type("existence")(type("Again", (RuleType,), {"check": lambda self, unit: iter(())}))


def test_unknown_type_lists_the_known_ones():
    with pytest.raises(InputError, match="unknown rule type 'exist'.*existence"):
        make_rule("exist")


def test_a_raising_rule_becomes_a_diagnostic_and_others_still_report(exploding_type):
    text = "We utilize it."
    found = lint_snippet(text, make_rule("test-explode", "test.explode"),
                         make_rule("existence", "test.words", tokens=["utilize"]))
    assert spans(found) == [(RULE_ERROR, 0, 0), ("test.explode", 0, 1), ("test.words", 3, 10)]
    error = found[0]
    assert error.message == "rule test.explode failed: RuntimeError: boom"
    assert error.severity.label == "error"


def test_a_timing_out_pattern_becomes_a_diagnostic(monkeypatch):
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.05)
    slow = make_rule("existence", "test.slow", tokens=[r"(x+x+)+y"], nonword=True)
    fine = make_rule("existence", "test.fine", tokens=["end"])
    found = lint_snippet("x" * 5000 + " end", slow, fine)
    assert spans(found) == [(RULE_ERROR, 0, 0), ("test.fine", 5001, 5004)]
    assert "rule test.slow timed out" in found[0].message


def test_a_rule_that_cannot_be_built_becomes_a_diagnostic():
    spec = make_rule("existence", "test.bad", tokens=["x"])
    document = build_document(SourceText("x y"), "a.md", default_lang="en")
    ruleset = Ruleset([ActiveRule(spec, spec.severity, {"tokens": ["(unclosed"]}),
                       ActiveRule(make_rule("existence", "test.y", tokens=["y"]), spec.severity)])
    found = run(document, ruleset)
    assert spans(found) == [(RULE_ERROR, 0, 0), ("test.y", 2, 3)]
    assert "rule test.bad could not be set up for 'en'" in found[0].message


def test_format_message_keeps_unknown_placeholders():
    assert format_message("'{match}' needs {other}", {"match": "x"}) == "'x' needs {other}"


def test_message_per_language():
    rule = make_rule("existence", tokens=["ONU", "UN"],
                     message={"en": "EN {match}", "fr": "FR {match}"})
    assert [d.message for d in lint_snippet("The UN met.", rule, lang="en")] == ["EN UN"]
    assert [d.message for d in lint_snippet("L'ONU s'est réunie.", rule, lang="fr")] == ["FR ONU"]
    assert [d.message for d in lint_snippet("Die UN tagt.", rule, lang="de")] == ["EN UN"]


def test_lang_restriction():
    rule = make_rule("existence", tokens=["chat"], lang=["fr"])
    assert spans(lint_snippet("Le chat.", rule, lang="fr")) == [("test.rule", 3, 7)]
    assert spans(lint_snippet("Le chat.", rule, lang="en")) == []


def test_languages_override_options():
    rule = make_rule("existence", tokens=["utilize"],
                     languages={"fr": {"tokens": ["utiliser"]}})
    assert spans(lint_snippet("utilize utiliser", rule, lang="en")) == [("test.rule", 0, 7)]
    assert spans(lint_snippet("utilize utiliser", rule, lang="fr")) == [("test.rule", 8, 16)]


def test_sorted_by_position_then_rule_and_deduplicated():
    a = make_rule("existence", "test.b", tokens=["x"])
    b = make_rule("existence", "test.a", tokens=["x", "y"])
    found = lint_snippet("y x", a, b, a)
    assert spans(found) == [("test.a", 0, 1), ("test.a", 2, 3), ("test.b", 2, 3)]


def test_severity_and_link_come_from_the_rule():
    rule = make_rule("existence", tokens=["x"], severity="hint", link="https://example.org/x")
    [d] = lint_snippet("x", rule)
    assert d.severity.label == "hint" and d.link == "https://example.org/x"
