"""Suppression comments, in Markdown and in plain text: every verb, every way to name a rule."""

from __future__ import annotations

import pytest
from conftest import lint_snippet, make_rule

WORDS = make_rule("existence", "test.words", tokens=["utilize"])
PRIOR = make_rule("existence", "other.prior", tokens=["prior"])
BAD = "newslint.bad-directive"
UNKNOWN = "newslint.unknown-directive-rule"


def lines(text: str, kind: str) -> list[tuple[str, int]]:
    """(rule_id, 1-based line) of what remains after suppression."""
    return [(d.rule_id, d.start.line + 1) for d in lint_snippet(text, WORDS, PRIOR, kind=kind)]


def both(markdown: str) -> list[tuple[str, str]]:
    """The same draft as Markdown and as plain text (directives on their own lines)."""
    return [(markdown, "markdown"), (markdown, "text")]


REGION = """\
We utilize it prior to noon.

<!-- newslint disable test.words -->

We utilize it prior to noon.

<!-- newslint enable -->

We utilize it.
"""


@pytest.mark.parametrize(("text", "kind"), both(REGION))
def test_disable_then_enable(text, kind):
    assert lines(text, kind) == [("test.words", 1), ("other.prior", 1), ("other.prior", 5),
                                 ("test.words", 9)]


ALL_THEN_ONE = """\
<!-- newslint disable -->
We utilize it prior to noon.
<!-- newslint enable test.words -->
We utilize it prior to noon.
"""


@pytest.mark.parametrize(("text", "kind"), both(ALL_THEN_ONE))
def test_disable_everything_then_enable_one_rule(text, kind):
    assert lines(text, kind) == [("test.words", 4)]


NEXT_LINE = """\
<!-- newslint disable-next-line test.words -->

We utilize it prior to noon.
We utilize it.
"""


@pytest.mark.parametrize(("text", "kind"), both(NEXT_LINE))
def test_disable_next_line_skips_blank_lines(text, kind):
    assert lines(text, kind) == [("other.prior", 3), ("test.words", 4)]


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_disable_line(kind):
    text = ("We utilize it prior to noon. <!-- newslint disable-line other.prior -->\n"
            "\n"
            "We utilize it prior to noon.\n")
    assert lines(text, kind) == [("test.words", 1), ("test.words", 3), ("other.prior", 3)]


@pytest.mark.parametrize(("text", "kind"), both(
    "We utilize it prior to noon.\n\n<!-- newslint disable-file other.prior -->\n\nprior\n"))
def test_disable_file(text, kind):
    assert lines(text, kind) == [("test.words", 1)]


@pytest.mark.parametrize(("text", "kind"), both(
    "<!-- newslint disable-file -->\n\nWe utilize it prior to noon.\n"))
def test_disable_file_for_every_rule(text, kind):
    assert lines(text, kind) == []


@pytest.mark.parametrize("reference", ["test.words", "test", "words", "test.words,",
                                       "nothing-else test.words"])
@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_rule_references(kind, reference):
    text = f"<!-- newslint disable-next-line {reference} other.prior -->\nWe utilize it.\n"
    assert [r for r, _ in lines(text, kind) if not r.startswith("newslint.")] == []


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_a_pack_prefix_leaves_other_packs(kind):
    text = "<!-- newslint disable-next-line test -->\nWe utilize it prior to noon.\n"
    assert lines(text, kind) == [("other.prior", 2)]


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_unknown_rule_is_reported_and_known_ones_still_apply(kind):
    text = "<!-- newslint disable test.wrods other.prior -->\nWe utilize it prior to noon.\n"
    found = lint_snippet(text, WORDS, PRIOR, kind=kind)
    assert [(d.rule_id, d.start.line + 1) for d in found] == [(UNKNOWN, 1), ("test.words", 2)]
    assert found[0].message == "unknown rule 'test.wrods' in newslint disable directive"
    assert (found[0].start.column, found[0].end.column) == (0, 48)


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_malformed_verb_is_reported_and_suppresses_nothing(kind):
    text = "<!-- newslint disabel test.words -->\nWe utilize it.\n"
    found = lint_snippet(text, WORDS, kind=kind)
    assert [(d.rule_id, d.start.line + 1) for d in found] == [(BAD, 1), ("test.words", 2)]
    assert "unknown newslint directive 'disabel'" in found[0].message


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_a_verb_is_required(kind):
    found = lint_snippet("<!-- newslint -->\nWe utilize it.\n", WORDS, kind=kind)
    assert [d.rule_id for d in found] == [BAD, "test.words"]


@pytest.mark.parametrize("comment", ["<!-- newslintx disable -->", "<!-- a note -->",
                                     "<!-- Newslint disable -->"])
@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_other_comments_are_not_directives(kind, comment):
    assert lines(f"{comment}\nWe utilize it.\n", kind) == [("test.words", 2)]


def test_a_directive_inside_code_is_not_a_directive():
    text = "```\n<!-- newslint disable -->\n```\n\nWe utilize it.\n"
    assert lines(text, "markdown") == [("test.words", 5)]


def test_inline_directive_in_a_markdown_paragraph():
    text = "We utilize it, <!-- newslint disable test.words --> then utilize it.\n"
    assert lines(text, "markdown") == [("test.words", 1)]
    assert [d.offset for d in lint_snippet(text, WORDS)] == [3]
